// @brief A small command-line flag parser with exact error messages.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/status.h"

namespace sitrep {

struct FlagSpec {
  std::string name;   // "--db"
  bool takes_value;   // --db FILE vs --json
  std::string help;   // one line
  std::string value_name = "VALUE";
};

struct ParsedArgs {
  std::map<std::string, std::string> values;  // flag -> value ("" for switches)
  std::vector<std::string> positional;
  bool Has(const std::string& flag) const { return values.count(flag) > 0; }
  std::string Get(const std::string& flag, const std::string& fallback = "") const {
    auto it = values.find(flag);
    return it == values.end() ? fallback : it->second;
  }
};

// Parses argv[first..]; "--flag=value" and "--flag value" both work; "-" and
// anything not starting with "--" is positional; "--" ends flags.
// Errors: unknown flag (with a suggestion), missing value.
Result<ParsedArgs> ParseArgs(int argc, char** argv, int first, const std::vector<FlagSpec>& specs);

std::string FlagsHelp(const std::vector<FlagSpec>& specs);

}  // namespace sitrep
