// @brief Deadline: a per-document CPU budget (Options::max_document_seconds),
// checked cooperatively by the stages between steps and inside long loops.
//
// The budget is thread CPU time (CLOCK_THREAD_CPUTIME_ID) from construction,
// so a document's cost does not depend on how many other threads run. Once
// expired a Deadline stays expired; the stage that saw it first is kept for
// the error message. Not thread-safe: one per document, on its thread.
#pragma once

#include <cstdint>
#include <string>

#include "base/status.h"

namespace sitrep {

class Deadline {
 public:
  // Never expires.
  Deadline() = default;
  // Expires `cpu_seconds` of this thread's CPU time from now; <= 0: never.
  explicit Deadline(double cpu_seconds);

  // Cheap enough for inner loops: reads the clock once every kStride calls
  // (and on the first call). `stage` names where it was noticed.
  bool Expired(const char* stage) {
    if (expired_) return true;
    if (budget_ <= 0 || ++calls_ % kStride != 1) return false;
    return CheckNow(stage);
  }
  // Reads the clock now: for steps that each cost much (a stage, a block).
  bool CheckNow(const char* stage);

  bool expired() const { return expired_; }
  // The stage that noticed the expiry ("" while not expired).
  const std::string& stage() const { return stage_; }
  double budget_seconds() const { return budget_; }
  // CPU seconds used by this thread since construction.
  double Elapsed() const;
  // The error of a document past its budget: kTimeout, "SOURCE: took more
  // than 30 s of CPU (max_document_seconds) in STAGE".
  Status TimeoutStatus(const std::string& source) const;

 private:
  static constexpr uint32_t kStride = 256;
  static double ThreadCpuSeconds();
  double budget_ = 0;
  double start_ = 0;
  uint32_t calls_ = 0;
  bool expired_ = false;
  std::string stage_;
};

// Nullable helpers for stages that take an optional Deadline*.
inline bool Expired(Deadline* d, const char* stage) { return d != nullptr && d->Expired(stage); }
inline bool CheckNow(Deadline* d, const char* stage) { return d != nullptr && d->CheckNow(stage); }

}  // namespace sitrep
