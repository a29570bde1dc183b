// @brief What the dev drivers in tools/ share: flags parsed by the CLI's
// parser (src/cli/args.h), one usage line, the same exit codes as sitrep.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "base/status.h"
#include "cli/args.h"

namespace sitrep::tools {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;  // a file could not be read, or a score could not be computed
constexpr int kExitUsage = 2;

// Parses argv[1..] against `flags` (plus --help). On --help prints the usage
// and the flags to stdout; on a bad flag prints the error and the usage to
// stderr. Either way `*exit_code` is set and the result is an error.
inline Result<ParsedArgs> ParseToolArgs(const char* tool, const char* synopsis, int argc,
                                        char** argv, std::vector<FlagSpec> flags, int* exit_code) {
  flags.insert(flags.begin(), FlagSpec{"--help", false, "show this help"});
  Result<ParsedArgs> args = ParseArgs(argc, argv, 1, flags);
  if (args.ok() && !args->Has("--help")) return args;
  bool help = args.ok();
  std::fprintf(help ? stdout : stderr, "%s%s%susage: %s %s\n\nflags:\n%s", help ? "" : tool,
               help ? "" : ": ", help ? "" : (args.status().message() + "\n").c_str(), tool,
               synopsis, FlagsHelp(flags).c_str());
  *exit_code = help ? kExitOk : kExitUsage;
  return Status::InvalidArgument("usage");
}

inline int Failed(const char* tool, const Status& st) {
  std::fprintf(stderr, "%s: %s\n", tool, st.ToString().c_str());
  return kExitFailed;
}

// A non-negative whole-number flag, or `fallback` when absent.
inline Result<int> IntFlag(const ParsedArgs& args, const std::string& flag, int fallback) {
  if (!args.Has(flag)) return fallback;
  const std::string v = args.Get(flag);
  char* end = nullptr;
  long n = std::strtol(v.c_str(), &end, 10);
  if (v.empty() || *end != '\0' || n < 0 || n > 1'000'000) {
    return Status::InvalidArgument(flag + " needs a whole number from 0 to 1000000, got \"" + v +
                                   "\"");
  }
  return static_cast<int>(n);
}

}  // namespace sitrep::tools
