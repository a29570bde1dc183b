// @brief Shared pieces of the subcommands: flags, options, progress, errors.
#include "cli/command.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "base/data_file.h"
#include "clean/cleaner.h"
#include "clean/date_finder.h"

namespace sitrep {

extern const FlagSpec kHelp{"--help", false, "show this help"};
extern const FlagSpec kDataDir{
    "--data-dir", true, "language data directory (default: $SITREP_DATA_DIR or the built-in one)",
    "DIR"};
extern const FlagSpec kDate{"--date", true,
                            "publication date for every document (YYYY, YYYY-MM, YYYY-MM-DD or "
                            "YYYY-MM-DDTHH:MM); overrides the documents'",
                            "DATE"};
extern const FlagSpec kMaxBytes{"--max-bytes", true,
                                "largest document accepted, in bytes (default 33554432)", "N"};
extern const FlagSpec kMaxSeconds{"--max-seconds", true, "CPU seconds one document may take before it fails with a timeout (default 30; fractions allowed; 0: no limit)", "S"};
extern const FlagSpec kQuiet{
    "--quiet", false, "no progress line and no summary on stderr (errors are still printed)"};
extern const FlagSpec kDb{"--db", true, "the SQLite store file", "FILE"};
extern const FlagSpec kFollowSymlinks{"--follow-symlinks", false,
                                      "in directories, also read symbolic links that lead outside "
                                      "the directory given (default: skip them, saying so)"};
extern const FlagSpec kJobs{"--jobs", true, "cleaning threads (default: the number of cores); output order does not depend on it", "N"};

int DefaultJobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(std::min(n, 16u));
}

// The value of a numeric flag: `fallback` when absent; an error unless it is
// a plain decimal number from 1 to `max`.
Result<size_t> CountFlag(const ParsedArgs& args, const std::string& flag, size_t fallback,
                         size_t max) {
  if (!args.Has(flag)) return fallback;
  const std::string v = args.Get(flag);
  size_t n = 0;
  bool ok = !v.empty() && v.size() <= 19;
  for (char c : v) {
    if (c < '0' || c > '9')
      ok = false;
    else
      n = n * 10 + static_cast<size_t>(c - '0');
  }
  if (!ok || n < 1 || n > max) {
    return Status::InvalidArgument(flag + " needs a whole number from 1 to " + std::to_string(max) +
                                   ", got \"" + v + "\"");
  }
  return n;
}

// --jobs N, or the default; 0 on a malformed value.
int JobsFlag(const ParsedArgs& args) {
  Result<size_t> n = CountFlag(args, "--jobs", static_cast<size_t>(DefaultJobs()), 256);
  return n.ok() ? static_cast<int>(*n) : 0;
}

void PrintUsage(const char* cmd, const char* synopsis, const char* about,
                const std::vector<FlagSpec>& flags) {
  std::printf("usage: sitrep %s %s\n\n%s\n\nflags:\n%s", cmd, synopsis, about,
              FlagsHelp(flags).c_str());
}

namespace {

// errno of the first failed write to stdout; -1: failed, reason unknown.
int out_error = 0;
bool out_closed = false;  // FinishOutput closed stdout

bool NoteOutError(int err) {
  if (out_error == 0) out_error = err != 0 ? err : -1;
  return false;
}

}  // namespace

bool Out(std::string_view s) {
  if (out_error != 0) return false;
  if (std::fwrite(s.data(), 1, s.size(), stdout) != s.size()) return NoteOutError(errno);
  return true;
}

bool Outf(const char* format, ...) {
  if (out_error != 0) return false;
  va_list ap;
  va_start(ap, format);
  int n = std::vfprintf(stdout, format, ap);
  va_end(ap);
  if (n < 0) return NoteOutError(errno);
  return true;
}

bool OutRecord(std::string_view s) {
  if (out_error != 0) return false;
  if (std::fflush(stdout) != 0) return NoteOutError(errno);
  // One write() for the whole record where the OS allows it, not stdio's
  // buffer-sized pieces.
  while (!s.empty()) {
    ssize_t n = ::write(1, s.data(), s.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return NoteOutError(n < 0 ? errno : EIO);
    s.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

Status OutputStatus() {
  if (out_error == 0 && !out_closed && std::ferror(stdout)) out_error = -1;
  if (out_error == 0) return Status::Ok();
  return Status::IoError(std::string("cannot write the output: ") +
                         (out_error > 0 ? std::strerror(out_error) : "write error"));
}

int FinishOutput(const std::string& cmd, int code) {
  if (out_error == 0 && std::fflush(stdout) != 0) NoteOutError(errno);
  if (out_error == 0 && std::ferror(stdout)) NoteOutError(0);
  // Closing can report a delayed error (NFS, a full disk on some file systems).
  if (std::fclose(stdout) != 0) NoteOutError(errno);
  out_closed = true;
  Status st = OutputStatus();
  if (st.ok() || code == kExitFatal) return code;
  return Fatal(cmd, st);
}

void PrintSkipped(const std::vector<std::string>& reasons) {
  for (const std::string& r : reasons)
    std::fprintf(stderr, "skipped: %s\n", EscapeControls(r).c_str());
}

int UsageError(const std::string& cmd, const Status& st) {
  std::fprintf(stderr, "sitrep %s: %s\nTry 'sitrep %s --help'.\n", cmd.c_str(),
               EscapeControls(st.message()).c_str(), cmd.c_str());
  return kExitUsage;
}

int Fatal(const std::string& cmd, const Status& st) {
  std::fprintf(stderr, "sitrep %s: %s\n", cmd.c_str(), EscapeControls(st.message()).c_str());
  return kExitFatal;
}

// A number of seconds: digits with at most one decimal point, from 0 to 10^6.
Result<double> SecondsFlag(const ParsedArgs& args, const std::string& flag, double fallback) {
  if (!args.Has(flag)) return fallback;
  const std::string v = args.Get(flag);
  bool ok = !v.empty() && v.size() <= 16 && v != ".";
  size_t dots = 0;
  for (char c : v) {
    if (c == '.') ++dots;
    else if (c < '0' || c > '9') ok = false;
  }
  double s = ok && dots <= 1 ? std::strtod(v.c_str(), nullptr) : -1;
  if (s < 0 || s > 1e6) {
    return Status::InvalidArgument(flag + " needs a number of seconds from 0 to 1000000 (e.g. 30 or 0.5), got \"" + v +
                                   "\"");
  }
  return s;
}

// Paths must be non-empty, and "-" (stdin) can be read once.
Status CheckInputPaths(const std::vector<std::string>& paths) {
  if (paths.empty()) return Status::InvalidArgument("no input PATH given");
  if (std::count(paths.begin(), paths.end(), "-") > 1)
    return Status::InvalidArgument("\"-\" (standard input) given more than once");
  for (const auto& p : paths) {
    if (p.empty()) return Status::InvalidArgument("an input PATH is empty");
  }
  return Status::Ok();
}

// Fills Options from the common flags; returns a usage error when a value is bad.
Status CommonOptions(const ParsedArgs& args, Options* options) {
  options->data_dir = args.Get("--data-dir");
  options->date_override = args.Get("--date");
  options->follow_symlinks = args.Has("--follow-symlinks");
  if (args.Has("--date")) {
    Result<PublishedDate> d = ParseIsoDateFlag(options->date_override);
    if (!d.ok()) {
      return Status::InvalidArgument("--date \"" + options->date_override + "\": " +
                                     d.status().message() + " (YYYY, YYYY-MM or YYYY-MM-DD)");
    }
  }
  Result<size_t> max_bytes =
      CountFlag(args, "--max-bytes", options->max_document_bytes, size_t{1} << 40);
  if (!max_bytes.ok()) return max_bytes.status();
  options->max_document_bytes = *max_bytes;
  Result<double> max_seconds = SecondsFlag(args, "--max-seconds", options->max_document_seconds);
  if (!max_seconds.ok()) return max_seconds.status();
  options->max_document_seconds = *max_seconds;
  return Status::Ok();
}

Result<std::unique_ptr<Cleaner>> MakeCleaner(const Options& options) {
  return Cleaner::Create(options);
}

}  // namespace sitrep
