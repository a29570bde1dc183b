// @brief Flag parsing.
#include "cli/args.h"

#include <algorithm>

namespace sitrep {
namespace {

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

Result<ParsedArgs> ParseArgs(int argc, char** argv, int first, const std::vector<FlagSpec>& specs) {
  ParsedArgs out;
  bool flags_done = false;
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (flags_done || arg == "-" || arg.rfind("-", 0) != 0) {
      out.positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      flags_done = true;
      continue;
    }
    std::string name = arg, value;
    bool has_inline = false;
    if (size_t eq = arg.find('='); eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
      has_inline = true;
    }
    if (name == "-h") name = "--help";
    auto spec = std::find_if(specs.begin(), specs.end(), [&](const FlagSpec& s) { return s.name == name; });
    if (spec == specs.end()) {
      std::string best;
      size_t best_d = 3;
      for (const auto& s : specs) {
        size_t d = EditDistance(name, s.name);
        if (d < best_d) {
          best_d = d;
          best = s.name;
        }
      }
      return Status::InvalidArgument("unknown flag \"" + name + "\"" +
                                     (best.empty() ? "" : " (did you mean " + best + "?)"));
    }
    if (spec->takes_value) {
      if (!has_inline) {
        if (i + 1 >= argc) return Status::InvalidArgument("flag " + name + " needs a value (" + spec->value_name + ")");
        value = argv[++i];
      }
    } else if (has_inline) {
      return Status::InvalidArgument("flag " + name + " takes no value");
    }
    out.values[name] = value;
  }
  return out;
}

std::string FlagsHelp(const std::vector<FlagSpec>& specs) {
  std::string out;
  for (const auto& s : specs) {
    std::string left = "  " + s.name + (s.takes_value ? " " + s.value_name : "");
    if (left.size() < 24) left.resize(24, ' ');
    else left += "  ";
    out += left + s.help + "\n";
  }
  return out;
}

}  // namespace sitrep
