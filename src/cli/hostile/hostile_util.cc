// @brief The hostile-input suite's harness (see hostile_util.h).
#include "cli/hostile/hostile_util.h"

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace sitrep::hostile {

std::vector<std::string> RunResult::Lines() const {
  std::vector<std::string> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool CanDropToNobody() { return ::geteuid() == 0; }

// Sanitizer builds run several times slower: make check-sanitize sets
// SITREP_TEST_TIME_SCALE so that the bounds stay bounds, not speed tests.
double TimeScale() {
  const char* env = std::getenv("SITREP_TEST_TIME_SCALE");
  double scale = env ? std::strtod(env, nullptr) : 1.0;
  return scale >= 1.0 ? scale : 1.0;
}

RunResult Sitrep(const std::vector<std::string>& args, const RunOptions& options) {
  const double bound_seconds = options.bound_seconds * TimeScale();
  std::vector<std::string> argv_s = {SITREP_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);

  int out_pipe[2], err_pipe[2];
  if (::pipe(out_pipe) != 0 || ::pipe(err_pipe) != 0) return {};
  auto start = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  if (pid == 0) {
    ::setpgid(0, 0);
    if (!options.stdin_file.empty()) {
      int fd = ::open(options.stdin_file.c_str(), O_RDONLY);
      ::dup2(fd, 0);
    } else {
      int fd = ::open("/dev/null", O_RDONLY);
      ::dup2(fd, 0);
    }
    if (!options.stdout_file.empty()) {
      int fd = ::open(options.stdout_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(fd, 1);
    } else {
      ::dup2(out_pipe[1], 1);
    }
    ::dup2(err_pipe[1], 2);
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    if (options.as_nobody) {
      if (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0) _exit(126);
    }
    ::execv(argv[0], argv.data());
    _exit(127);
  }
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  RunResult r;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (elapsed > bound_seconds) {
      ::kill(-pid, SIGKILL);
      r.timed_out = true;
      break;
    }
    if (::poll(fds, 2, 200) < 0) break;
    for (auto& p : fds) {
      if (p.fd < 0 || !(p.revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = ::read(p.fd, buf, sizeof buf);
      if (n <= 0) {
        ::close(p.fd);
        p.fd = -1;
        --open_fds;
      } else {
        (p.fd == out_pipe[0] ? r.out : r.err).append(buf, static_cast<size_t>(n));
      }
    }
  }
  for (auto& p : fds) {
    if (p.fd >= 0) ::close(p.fd);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (WIFEXITED(status)) r.code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  return r;
}

void HostileTest::SetUp() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  dir_ = fs::temp_directory_path() /
         ("sitrep_hostile_" + std::to_string(::getpid()) + "_" + info->test_suite_name() + "_" + info->name());
  std::error_code ec;
  fs::permissions(dir_, fs::perms::all, fs::perm_options::add, ec);
  fs::remove_all(dir_, ec);
  fs::create_directories(dir_);
}

void HostileTest::TearDown() {
  // Tests make unreadable directories: give everything back its modes first.
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir_, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_symlink()) fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
  }
  fs::remove_all(dir_, ec);
}

std::string HostileTest::Write(const std::string& name, const std::string& body) {
  fs::path p = dir_ / name;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << body;
  return p.string();
}

std::string HostileTest::GoodArticle(const std::string& tag) {
  return "Kazakhstan : l'OTSC envoie des troupes " + tag +
         "\n\nLes troupes de l'Organisation du traité de sécurité collective sont arrivées jeudi au "
         "Kazakhstan, à la demande du président, pour une mission présentée comme temporaire " +
         tag + ".\n";
}

}  // namespace sitrep::hostile
