// @brief What every sitrep subcommand shares: exit codes, common flags,
// option parsing, progress and error reporting; and the subcommands.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/options.h"
#include "base/status.h"
#include "base/utf8.h"
#include "cli/args.h"
#include "doc/document.h"

namespace sitrep {

class Cleaner;

// Exit codes (README "Exit codes").
constexpr int kExitOk = 0;  // done, every document processed
constexpr int kExitPartial =
    1;  // done, but some documents failed (each reported; the rest went on)
constexpr int kExitUsage =
    2;  // usage error: unknown command or flag, missing or malformed argument
constexpr int kExitFatal = 3;  // could not run: data files, store or output unusable

// Flags shared by several subcommands.
extern const FlagSpec kHelp;
extern const FlagSpec kDataDir;
extern const FlagSpec kDate;
extern const FlagSpec kMaxBytes;
extern const FlagSpec kMaxSeconds;
extern const FlagSpec kQuiet;
extern const FlagSpec kDb;
extern const FlagSpec kJobs;
extern const FlagSpec kFollowSymlinks;

int DefaultJobs();
// The value of a numeric flag: `fallback` when absent; an error unless it is
// a plain decimal number from 1 to `max`.
Result<size_t> CountFlag(const ParsedArgs& args, const std::string& flag, size_t fallback,
                         size_t max);
// --jobs N, or the default; 0 on a malformed value.
int JobsFlag(const ParsedArgs& args);

// Counts and progress for a run over many documents.
//
// A document is counted as ok or failed only once its result is kept: Add()
// prints its errors at once (also with --quiet, which hides only the progress
// line and the summary) and holds it as pending; Commit() counts everything
// pending as written (the JSONL line is out, the batch is committed), Lose()
// counts it as lost (the output or the store write failed).
class Progress {
 public:
  explicit Progress(bool quiet) : quiet_(quiet), tty_(!quiet && isatty(2)), start_(Clock::now()) {}
  void Add(const Document& d) {
    ++(d.failed() ? pending_failed_ : pending_ok_);
    bytes_ += d.input_bytes;
    if (d.failed()) {
      ClearLine();
      for (const auto& e : d.errors) {
        std::fprintf(stderr, "error: %s [%s]\n", EscapeControls(e.message).c_str(), e.code.c_str());
      }
    }
    if (tty_) {
      auto now = Clock::now();
      if (now - last_ > std::chrono::milliseconds(100)) {
        last_ = now;
        double s = Seconds();
        std::fprintf(stderr, "\r\x1b[K[%s] %zu ok, %zu failed  %.1f docs/s", Spinner(),
                     ok_ + pending_ok_, failed_ + pending_failed_, s > 0 ? Seen() / s : 0.0);
        drawn_ = true;
      }
    }
  }
  // The pending documents are in the output.
  void Commit() {
    ok_ += pending_ok_;
    failed_ += pending_failed_;
    pending_ok_ = pending_failed_ = 0;
  }
  // The pending documents' output is lost.
  void Lose() {
    lost_ += pending_ok_ + pending_failed_;
    pending_ok_ = pending_failed_ = 0;
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
    std::fprintf(stderr, "%s: %zu documents ok, %zu failed, %zu skipped", verb, ok_, failed_,
                 skipped_);
    if (lost_) std::fprintf(stderr, ", %zu not written", lost_);
    if (duplicates_ && reannotated_) {
      std::fprintf(stderr, " (%zu already stored; %zu of them re-annotated by this newer analysis)",
                   duplicates_, reannotated_);
    } else if (duplicates_) {
      std::fprintf(stderr, " (%zu already stored, not written again)", duplicates_);
    }
    std::fprintf(stderr, " in %.2fs (%.1f docs/s, %.2f MB/s)\n", s, s > 0 ? Seen() / s : 0.0,
                 s > 0 ? bytes_ / s / 1e6 : 0.0);
  }
  size_t failed() const { return failed_ + pending_failed_; }

 private:
  using Clock = std::chrono::steady_clock;
  double Seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }
  size_t Seen() const { return ok_ + failed_ + lost_ + pending_ok_ + pending_failed_; }
  const char* Spinner() { return kSpin[spin_++ % 4]; }
  void ClearLine() {
    if (drawn_) std::fprintf(stderr, "\r\x1b[K");
    drawn_ = false;
  }
  static constexpr const char* kSpin[4] = {"|", "/", "-", "\\"};
  bool quiet_, tty_, drawn_ = false;
  Clock::time_point start_, last_{};
  size_t ok_ = 0, failed_ = 0, lost_ = 0, pending_ok_ = 0, pending_failed_ = 0;
  size_t skipped_ = 0, duplicates_ = 0, reannotated_ = 0, spin_ = 0;
  uint64_t bytes_ = 0;
};

// Standard output with every write checked (README "Exit codes": 3 when the
// output cannot be written). After the first failure further writes are
// dropped and OutputStatus() says why.
// Writes `s` through stdio; false once any write to stdout has failed.
bool Out(std::string_view s);
// printf to stdout, checked like Out().
bool Outf(const char* format, ...) __attribute__((format(printf, 1, 2)));
// Writes `s` as it is, then nothing is buffered: one JSONL document per call,
// so a kill leaves whole lines only. False once any write has failed.
bool OutRecord(std::string_view s);
// Ok, or kIoError "cannot write the output: <reason>".
Status OutputStatus();
// At the end of a command: flushes and closes stdout. Returns `code`, or
// kExitFatal with "sitrep CMD: cannot write the output: ..." on stderr when
// output was lost (and `code` did not already report a fatal error).
int FinishOutput(const std::string& cmd, int code);

// One "skipped: PATH: reason" line on stderr per entry of a directory walk
// that was not read for a reason worth telling (ReadStats::skipped_reasons),
// control characters escaped.
void PrintSkipped(const std::vector<std::string>& reasons);

void PrintUsage(const char* cmd, const char* synopsis, const char* about,
                const std::vector<FlagSpec>& flags);
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
int CmdCheck(int argc, char** argv);
int CmdNer(int argc, char** argv);
int CmdStories(int argc, char** argv);  // cmd_stories.cc

}  // namespace sitrep
