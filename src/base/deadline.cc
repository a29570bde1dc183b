// @brief Deadline: thread CPU time against a budget.
#include "base/deadline.h"

#include <cstdio>
#include <ctime>

namespace sitrep {

double Deadline::ThreadCpuSeconds() {
  timespec ts{};
  if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0) return 0;
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

Deadline::Deadline(double cpu_seconds)
    : budget_(cpu_seconds > 0 ? cpu_seconds : 0), start_(ThreadCpuSeconds()) {}

bool Deadline::CheckNow(const char* stage) {
  if (expired_) return true;
  if (budget_ <= 0) return false;
  if (ThreadCpuSeconds() - start_ < budget_) return false;
  expired_ = true;
  stage_ = stage;
  return true;
}

double Deadline::Elapsed() const { return ThreadCpuSeconds() - start_; }

Status Deadline::TimeoutStatus(const std::string& source) const {
  char budget[32];
  std::snprintf(budget, sizeof budget, "%g", budget_);
  return Status(Code::kTimeout, source + ": took more than " + budget +
                                    " s of CPU (max_document_seconds) in " +
                                    (stage_.empty() ? std::string("processing") : stage_));
}

}  // namespace sitrep
