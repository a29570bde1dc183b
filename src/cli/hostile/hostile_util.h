// @brief The hostile-input suite's harness: a scratch directory per test, and
// the sitrep binary run with a wall-clock bound, its exit code, stdout and
// stderr captured.
//
// Every case of the suite is generated at test time (nothing hostile is
// committed), runs the real binary, and asserts the exit code, the error code
// and message, that a good document in the same batch still comes out, and
// that the run ends within a bound (a run past it is killed and fails).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace sitrep::hostile {

struct RunResult {
  int code = -1;           // exit code; -1 when killed by a signal
  int signal = 0;          // the signal that ended it, 0 when it exited
  bool timed_out = false;  // killed at the bound
  double seconds = 0;
  std::string out, err;
  // The stdout lines (JSONL documents of `sitrep extract`).
  std::vector<std::string> Lines() const;
};

struct RunOptions {
  double bound_seconds = 60;  // killed past this (times $SITREP_TEST_TIME_SCALE, default 1)
  std::string stdin_file{};   // fed to stdin when set
  std::string stdout_file{};  // stdout goes there instead of being captured (e.g. /dev/full)
  bool as_nobody = false;     // drop to uid/gid 65534 first (needs root; see CanDropToNobody)
};

// Runs build/sitrep with `args` (no shell involved).
RunResult Sitrep(const std::vector<std::string>& args, const RunOptions& options = {});

// True when the suite runs as root and can run the binary as an ordinary user.
bool CanDropToNobody();

// A fresh scratch directory per test: <tmp>/sitrep_hostile_<pid>_<test>.
class HostileTest : public ::testing::Test {
 public:
  // A short French article that must always come out of a batch.
  static std::string GoodArticle(const std::string& tag = "");

 protected:
  void SetUp() override;
  void TearDown() override;
  // Writes `body` to dir()/name (parents created) and returns the path.
  std::string Write(const std::string& name, const std::string& body);
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
};

}  // namespace sitrep::hostile
