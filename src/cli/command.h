// @brief What every sitrep subcommand shares: exit codes, common flags,
// option parsing, progress and error reporting; and the subcommands.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/options.h"
#include "base/status.h"
#include "cli/args.h"
#include "doc/document.h"

namespace sitrep {

class Cleaner;

// Exit codes (README "Exit codes").
constexpr int kExitOk = 0;       // done, every document processed
constexpr int kExitPartial = 1;  // done, but some documents failed (each reported; the rest went on)
constexpr int kExitUsage = 2;    // usage error: unknown command or flag, missing or malformed argument
constexpr int kExitFatal = 3;    // could not run: data files, store or output unusable

// Flags shared by several subcommands.
extern const FlagSpec kHelp;
extern const FlagSpec kDataDir;
extern const FlagSpec kDate;
extern const FlagSpec kMaxBytes;
extern const FlagSpec kMaxSeconds;
extern const FlagSpec kQuiet;
extern const FlagSpec kDb;
extern const FlagSpec kJobs;

int DefaultJobs();
// The value of a numeric flag: `fallback` when absent; an error unless it is
// a plain decimal number from 1 to `max`.
Result<size_t> CountFlag(const ParsedArgs& args, const std::string& flag, size_t fallback, size_t max);
// --jobs N, or the default; 0 on a malformed value.
int JobsFlag(const ParsedArgs& args);

// Counts and progress for a run over many documents.
class Progress {
 public:
  explicit Progress(bool quiet) : quiet_(quiet), tty_(!quiet && isatty(2)), start_(Clock::now()) {}
  void Add(const Document& d) {
    ++(d.failed() ? failed_ : ok_);
    bytes_ += d.input_bytes;
    if (d.failed() && !quiet_) {
      ClearLine();
      for (const auto& e : d.errors) std::fprintf(stderr, "error: %s [%s]\n", e.message.c_str(), e.code.c_str());
    }
    if (tty_) {
      auto now = Clock::now();
      if (now - last_ > std::chrono::milliseconds(100)) {
        last_ = now;
        double s = Seconds();
        std::fprintf(stderr, "\r\x1b[K[%s] %zu ok, %zu failed  %.1f docs/s", Spinner(), ok_, failed_,
                     s > 0 ? (ok_ + failed_) / s : 0.0);
        drawn_ = true;
      }
    }
  }
  void Skip(size_t n) { skipped_ += n; }
  void Duplicates(size_t n, size_t reannotated = 0) {
    duplicates_ += n;
    reannotated_ += reannotated;
  }
  void Finish(const char* verb) {
    ClearLine();
    if (quiet_) return;
    double s = Seconds();
    std::fprintf(stderr, "%s: %zu documents ok, %zu failed, %zu skipped", verb, ok_, failed_, skipped_);
    if (duplicates_ && reannotated_) {
      std::fprintf(stderr, " (%zu already stored; %zu of them re-annotated by this newer analysis)", duplicates_,
                   reannotated_);
    } else if (duplicates_) {
      std::fprintf(stderr, " (%zu already stored, not written again)", duplicates_);
    }
    std::fprintf(stderr, " in %.2fs (%.1f docs/s, %.2f MB/s)\n", s, s > 0 ? (ok_ + failed_) / s : 0.0,
                 s > 0 ? bytes_ / s / 1e6 : 0.0);
  }
  size_t failed() const { return failed_; }

 private:
  using Clock = std::chrono::steady_clock;
  double Seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }
  const char* Spinner() { return kSpin[spin_++ % 4]; }
  void ClearLine() {
    if (drawn_) std::fprintf(stderr, "\r\x1b[K");
    drawn_ = false;
  }
  static constexpr const char* kSpin[4] = {"|", "/", "-", "\\"};
  bool quiet_, tty_, drawn_ = false;
  Clock::time_point start_, last_{};
  size_t ok_ = 0, failed_ = 0, skipped_ = 0, duplicates_ = 0, reannotated_ = 0, spin_ = 0;
  uint64_t bytes_ = 0;
};

void PrintUsage(const char* cmd, const char* synopsis, const char* about, const std::vector<FlagSpec>& flags);
int UsageError(const std::string& cmd, const Status& st);
int Fatal(const std::string& cmd, const Status& st);
// Paths must be non-empty, and "-" (stdin) can be read once.
Status CheckInputPaths(const std::vector<std::string>& paths);
// Fills Options from the common flags; returns a usage error when a value is bad.
Status CommonOptions(const ParsedArgs& args, Options* options);
Result<std::unique_ptr<Cleaner>> MakeCleaner(const Options& options);

// The subcommands; each parses argv from index 2 and returns an exit code.
int CmdExtract(int argc, char** argv);
int CmdIngest(int argc, char** argv);
int CmdReport(int argc, char** argv);
int CmdSearch(int argc, char** argv);
int CmdEval(int argc, char** argv);
int CmdQuery(int argc, char** argv);
int CmdKb(int argc, char** argv);

}  // namespace sitrep
