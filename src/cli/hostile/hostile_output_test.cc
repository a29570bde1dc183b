// @brief Hostile suite: lost output (/dev/full, kill -9), damaged, locked,
// read-only, empty and full stores, a report on a full disk, --quiet, and no
// SQL text in error messages (issue 9, items 4, 8 and 9).
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "cli/hostile/hostile_util.h"

namespace sitrep::hostile {
namespace {

namespace fs = std::filesystem;

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A document that always fails: binary data.
constexpr char kBinary[] = "PK\x03\x04\x00\x00\x00\x00binary";

// One integer from `sql` on a store, -1 on error.
int64_t QueryInt(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  int64_t v = -1;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
      v = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return v;
}

class OutputTest : public HostileTest {
 protected:
  // A store holding GoodArticle(tag) (and a claim, so every query has rows).
  std::string MakeStore(const std::string& name, const std::string& tag = "a") {
    std::string db = (dir() / name).string();
    fs::create_directories(fs::path(db).parent_path());
    std::string in =
        Write("in_" + tag + ".txt", GoodArticle(tag) +
                                        "\nAu moins 164 personnes ont été tuées jeudi à Almaty, "
                                        "selon le ministère de la santé.\n");
    RunResult r = Sitrep({"ingest", "--quiet", "--date", "2022-01-07", "--db", db, in});
    EXPECT_EQ(r.code, 0) << r.err;
    return db;
  }
};

// `n` distinct good articles as JSONL lines, one URL each.
std::string ManyArticlesJsonl(int n) {
  std::string jsonl;
  for (int i = 0; i < n; ++i) {
    std::string text = HostileTest::GoodArticle(std::to_string(i));
    for (char& c : text) {
      if (c == '\n') c = ' ';
    }
    jsonl +=
        "{\"url\":\"https://example.org/" + std::to_string(i) + "\",\"text\":\"" + text + "\"}\n";
  }
  return jsonl;
}

// Item 4: extract to a full device. Before: exit 0 and "2 documents ok".
TEST_F(OutputTest, ExtractToAFullDeviceExitsThreeAndCountsNothingAsOk) {
  std::string bad = Write("bad.txt", std::string(kBinary, sizeof kBinary - 1));
  std::string good = Write("good.txt", GoodArticle());
  RunOptions o;
  o.stdout_file = "/dev/full";
  o.bound_seconds = 60;
  RunResult r = Sitrep({"extract", "--jobs", "1", bad, good}, o);
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_TRUE(Has(r.err, "sitrep extract: cannot write the output: No space left on device"))
      << r.err;
  EXPECT_TRUE(Has(r.err, "[binary]")) << r.err;  // the bad document is still reported
  EXPECT_TRUE(Has(r.err, "extract: 0 documents ok, 0 failed")) << r.err;
  EXPECT_TRUE(Has(r.err, "not written")) << r.err;
  // The same batch to a real file: the good document comes out.
  RunResult ok = Sitrep({"extract", "--quiet", bad, good});
  EXPECT_EQ(ok.code, 1) << ok.err;
  ASSERT_EQ(ok.Lines().size(), 2u);
  EXPECT_TRUE(Has(ok.Lines()[1], "\"errors\":[]"));
}

// Item 4: search and query, every form, to a full device. Before: exit 0.
TEST_F(OutputTest, SearchAndQueryToAFullDeviceExitThree) {
  std::string db = MakeStore("s.db");
  const std::vector<std::vector<std::string>> forms = {{"search", "--db", db, "troupes"},
                                                       {"search", "--json", "--db", db, "troupes"},
                                                       {"query", "claims", "--db", db},
                                                       {"query", "claims", "--json", "--db", db},
                                                       {"query", "timeline", "--db", db},
                                                       {"query", "timeline", "--json", "--db", db},
                                                       {"query", "entities", "--db", db},
                                                       {"query", "entities", "--json", "--db", db},
                                                       {"--help"},
                                                       {"version"}};
  for (const auto& args : forms) {
    const std::string what = args[0] + (args.size() > 1 ? " " + args[1] : "");
    RunResult normal = Sitrep(args);
    ASSERT_EQ(normal.code, 0) << what << ": " << normal.err;
    ASSERT_FALSE(normal.out.empty()) << what << ": nothing to write, so nothing to test";
    RunOptions o;
    o.stdout_file = "/dev/full";
    o.bound_seconds = 30;
    RunResult r = Sitrep(args, o);
    EXPECT_FALSE(r.timed_out) << what;
    EXPECT_EQ(r.code, 3) << what << ": " << r.err;
    EXPECT_TRUE(Has(r.err, ": cannot write the output: No space left on device"))
        << what << ": " << r.err;
  }
}

// Item 4: JSONL is flushed per document, so a kill -9 leaves whole lines only.
// Before: stdout to a file was written in 4 KiB pieces, cut mid-line.
TEST_F(OutputTest, KillNineDuringExtractLeavesOnlyWholeLines) {
  std::string in = Write("many.jsonl", ManyArticlesJsonl(20000));
  std::string out = (dir() / "out.jsonl").string();
  // Killed once several documents are out (not at a fixed time: the start,
  // loading the knowledge base, is slow on a loaded machine).
  pid_t pid = ::fork();
  if (pid == 0) {
    int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 1);
    int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, 0);
    ::dup2(null, 2);
    ::execl(SITREP_BINARY, "sitrep", "extract", "--quiet", "--jobs", "2", in.c_str(), nullptr);
    _exit(127);
  }
  ASSERT_GT(pid, 0);
  const auto start = std::chrono::steady_clock::now();
  std::error_code ec;
  // file_size fails (returning -1) until the child has created the file.
  auto written = [&] {
    uintmax_t n = fs::file_size(out, ec);
    return ec ? uintmax_t{0} : n;
  };
  while (written() < 20000 && std::chrono::steady_clock::now() - start < std::chrono::seconds(90)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "extract ended before the kill; make the input larger";
  std::string body = ReadAll(out);
  ASSERT_FALSE(body.empty()) << "nothing written in 90 s";
  EXPECT_EQ(body.back(), '\n') << "last line cut: ..."
                               << body.substr(body.size() > 80 ? body.size() - 80 : 0);
  std::istringstream lines(body);
  size_t n = 0;
  for (std::string line; std::getline(lines, line); ++n) {
    ASSERT_TRUE(line.rfind("{\"format\":\"sitrep/1\"", 0) == 0 && line.back() == '}')
        << "line " << n;
  }
  EXPECT_GT(n, 0u);
}

// Item 9: --quiet hides the summary, not the per-document errors. Before: no error line.
TEST_F(OutputTest, QuietStillPrintsDocumentErrors) {
  std::string bad = Write("bad.txt", std::string(kBinary, sizeof kBinary - 1));
  std::string good = Write("good.txt", GoodArticle());
  RunResult r = Sitrep({"extract", "--quiet", bad, good});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_TRUE(Has(r.err, "error: " + bad + ": binary data")) << r.err;
  EXPECT_TRUE(Has(r.err, "[binary]")) << r.err;
  EXPECT_FALSE(Has(r.err, "extract:")) << r.err;  // no summary
  ASSERT_EQ(r.Lines().size(), 2u);
  EXPECT_TRUE(Has(r.Lines()[1], "\"errors\":[]"));
  std::string db = (dir() / "q.db").string();
  RunResult ingest = Sitrep({"ingest", "--quiet", "--db", db, bad, good});
  EXPECT_EQ(ingest.code, 1) << ingest.err;
  EXPECT_TRUE(Has(ingest.err, "[binary]")) << ingest.err;
  EXPECT_FALSE(Has(ingest.err, "ingest:")) << ingest.err;
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM documents"), 1);
}

// Item 8: pages in the middle of a store overwritten with garbage (the header
// kept). Before: ingest exited 0 and wrote to it.
TEST_F(OutputTest, DamagedStoreIsRefusedAndLeftUntouched) {
  std::string db = MakeStore("d.db");
  RunResult sound = Sitrep({"check", "--db", db});
  EXPECT_EQ(sound.code, 0) << sound.err;
  EXPECT_TRUE(Has(sound.out, "ok: sitrep store, schema version")) << sound.out;
  // Damage the root page of the table "warnings": an ingest of a document
  // without warnings never reads it, so only a check finds the damage.
  const int64_t page_size = QueryInt(db, "PRAGMA page_size");
  const int64_t root = QueryInt(db, "SELECT rootpage FROM sqlite_schema WHERE name = 'warnings'");
  ASSERT_GT(root, 1);
  {
    std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp((root - 1) * page_size);
    std::string garbage(static_cast<size_t>(page_size), '\0');
    for (size_t i = 0; i < garbage.size(); ++i)
      garbage[i] = static_cast<char>((i * 7919 + 13) % 251);
    f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  const std::string before = ReadAll(db);
  std::string good = Write("good.txt", GoodArticle("b"));
  RunResult r = Sitrep({"ingest", "--db", db, good}, {.bound_seconds = 30});
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_TRUE(Has(r.err, "the store is damaged, nothing was written to it (quick_check:")) << r.err;
  EXPECT_TRUE(ReadAll(db) == before) << "the damaged store was written to";
  EXPECT_FALSE(fs::exists(db + "-wal") && fs::file_size(db + "-wal") > 0);
  RunResult check = Sitrep({"check", "--db", db});
  EXPECT_EQ(check.code, 3) << check.err;
  EXPECT_TRUE(Has(check.err, "the store is damaged (quick_check)")) << check.err;
  // The good document goes into a sound store.
  std::string other = (dir() / "other.db").string();
  RunResult fresh = Sitrep({"ingest", "--quiet", "--db", other, good});
  EXPECT_EQ(fresh.code, 0) << fresh.err;
  EXPECT_EQ(QueryInt(other, "SELECT count(*) FROM documents"), 1);
}

// Item 8: another process holds the write lock past the busy timeout (5 s).
// Before: exit 3, but the summary said "1 documents ok".
TEST_F(OutputTest, LockedStoreCountsTheRolledBackBatchAsNotWritten) {
  std::string db = MakeStore("l.db");
  std::string good = Write("good.txt", GoodArticle("b"));
  sqlite3* holder = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  RunResult r = Sitrep({"ingest", "--db", db, good}, {.bound_seconds = 40});
  sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(holder);
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_TRUE(Has(r.err, "batch of 1 documents not written")) << r.err;
  EXPECT_TRUE(Has(r.err, "database is locked")) << r.err;
  EXPECT_TRUE(Has(r.err, "ingest: 0 documents ok, 0 failed, 0 skipped, 1 not written")) << r.err;
  EXPECT_GE(r.seconds, 4.0) << "the busy timeout (5 s) was not waited for";
  // Lock released: the same command stores the good document.
  RunResult again = Sitrep({"ingest", "--db", db, good});
  EXPECT_EQ(again.code, 0) << again.err;
  EXPECT_TRUE(Has(again.err, "ingest: 1 documents ok")) << again.err;
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM documents"), 2);
}

// Item 8: a read-only store file. Before: opened (read-only, silently), the
// batch failed, and the summary said "1 documents ok".
TEST_F(OutputTest, ReadOnlyStoreFileIsRefusedForWriting) {
  if (::geteuid() == 0 && !CanDropToNobody()) GTEST_SKIP() << "root cannot be refused a write";
  std::string db = MakeStore("r.db");
  std::string good = Write("good.txt", GoodArticle("b"));
  fs::permissions(dir(),
                  fs::perms::all);  // the directory stays writable: only the file is read-only
  fs::permissions(good, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  RunOptions o;
  o.as_nobody = ::geteuid() == 0;
  RunResult r = Sitrep({"ingest", "--db", db, good}, o);
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_TRUE(Has(r.err, "cannot write to the store (the file is read-only)")) << r.err;
  EXPECT_FALSE(Has(r.err, "documents ok")) << r.err;
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM documents"), 1);
  // Readers still read it.
  RunResult q = Sitrep({"search", "--db", db, "troupes"}, o);
  EXPECT_EQ(q.code, 0) << q.err;
  EXPECT_TRUE(Has(q.out, "in_a.txt")) << q.out;
}

// Item 8: report, search and query on a store in a read-only directory, as an
// ordinary user. Before: "unable to open database file", exit 3.
TEST_F(OutputTest, ReadersWorkOnAStoreInAReadOnlyDirectory) {
  std::string db = MakeStore("ro/s.db");
  fs::path store_dir = fs::path(db).parent_path();
  fs::path out = dir() / "out";
  fs::create_directories(out);
  fs::permissions(out, fs::perms::all);
  fs::permissions(store_dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                 fs::perms::group_exec | fs::perms::others_read |
                                 fs::perms::others_exec);
  RunOptions o;
  o.as_nobody = CanDropToNobody();
  o.bound_seconds = 30;
  RunResult report = Sitrep({"report", "--db", db, "--out", out.string()}, o);
  EXPECT_EQ(report.code, 0) << report.err;
  EXPECT_TRUE(Has(ReadAll((out / "report.json").string()), "in_a.txt"));
  RunResult search = Sitrep({"search", "--db", db, "troupes"}, o);
  EXPECT_EQ(search.code, 0) << search.err;
  EXPECT_TRUE(Has(search.out, "in_a.txt")) << search.out;
  RunResult claims = Sitrep({"query", "claims", "--json", "--db", db}, o);
  EXPECT_EQ(claims.code, 0) << claims.err;
  EXPECT_TRUE(Has(claims.out, "\"measure\":\"killed\"")) << claims.out;
  RunResult check = Sitrep({"check", "--db", db}, o);
  EXPECT_EQ(check.code, 0) << check.err;
  size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(store_dir)) ++files;
  EXPECT_EQ(files, 1u) << "a reader left files next to the store";
}

// Item 8: readers never create a store. Before: an empty file got a schema, exit 0.
TEST_F(OutputTest, ReadersRefuseAnEmptyOrMissingStoreAndCreateNothing) {
  std::string empty = Write("empty.db", "");
  std::string missing = (dir() / "missing.db").string();
  fs::path out = dir() / "out";
  for (const std::string& db : {empty, missing}) {
    const std::vector<std::vector<std::string>> forms = {
        {"report", "--db", db, "--out", out.string()},
        {"search", "--db", db, "troupes"},
        {"query", "claims", "--db", db},
        {"check", "--db", db}};
    for (const auto& args : forms) {
      RunResult r = Sitrep(args);
      EXPECT_EQ(r.code, 3) << args[0] << " " << db << ": " << r.err;
      EXPECT_TRUE(Has(r.err, db == empty ? "the store is empty (0 bytes" : "no such store"))
          << r.err;
    }
  }
  EXPECT_EQ(fs::file_size(empty), 0u);
  EXPECT_FALSE(fs::exists(missing));
  EXPECT_FALSE(fs::exists(out));
  // An SQLite file without tables is not a store either.
  std::string bare = (dir() / "bare.db").string();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(bare.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "PRAGMA user_version = 0; VACUUM;", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  const std::string before = ReadAll(bare);
  if (!before.empty()) {
    RunResult r = Sitrep({"query", "claims", "--db", bare});
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_TRUE(Has(r.err, "the store is empty")) << r.err;
    EXPECT_TRUE(ReadAll(bare) == before);
  }
}

// Item 8: the report cannot be renamed into place (report.json is a
// directory). Before: report.json.tmp was left behind.
TEST_F(OutputTest, FailedReportLeavesNoTemporaryFile) {
  std::string db = MakeStore("s.db");
  fs::path out = dir() / "out";
  fs::create_directories(out / "report.json" / "in_the_way");
  RunResult r = Sitrep({"report", "--db", db, "--out", out.string()});
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_TRUE(Has(r.err, "sitrep report: " + (out / "report.json").string() + ": ")) << r.err;
  EXPECT_FALSE(fs::exists(out / "report.json.tmp"));
  EXPECT_FALSE(fs::exists(out / "report.html.tmp"));
  // Out of the way: the report comes out.
  fs::remove_all(out / "report.json");
  RunResult ok = Sitrep({"report", "--quiet", "--db", db, "--out", out.string()});
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_TRUE(Has(ReadAll((out / "report.json").string()), "in_a.txt"));
}

// A small tmpfs, mounted for the test (root only), unmounted at the end.
class TinyDisk {
 public:
  TinyDisk(const fs::path& where, const std::string& size) : where_(where) {
    fs::create_directories(where);
    mounted_ = ::mount("tmpfs", where.c_str(), "tmpfs", 0, ("size=" + size).c_str()) == 0;
    if (mounted_) fs::permissions(where, fs::perms::all);
  }
  ~TinyDisk() {
    if (mounted_) ::umount2(where_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }

 private:
  fs::path where_;
  bool mounted_ = false;
};

// Item 8: report on a full disk. Before: a 0-byte report.json.tmp was left.
TEST_F(OutputTest, ReportOnAFullDiskLeavesNoTemporaryFile) {
  std::string db = MakeStore("s.db");
  fs::path out = dir() / "full";
  TinyDisk disk(out, "8k");
  if (!disk.mounted()) GTEST_SKIP() << "cannot mount a tmpfs (needs root)";
  RunResult r = Sitrep({"report", "--db", db, "--out", out.string()});
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_TRUE(Has(r.err, "No space left on device")) << r.err;
  EXPECT_FALSE(fs::exists(out / "report.json.tmp"));
  EXPECT_FALSE(fs::exists(out / "report.html.tmp"));
}

// Item 8: ingest onto a disk that fills up. The summary counts as ok exactly
// what was committed, and the error names the operation, not its SQL.
// Before: every document read was counted ok; the message quoted the INSERT.
TEST_F(OutputTest, IngestOnAFullDiskCountsOnlyCommittedDocuments) {
  fs::path disk_dir = dir() / "disk";
  TinyDisk disk(disk_dir, "320k");
  if (!disk.mounted()) GTEST_SKIP() << "cannot mount a tmpfs (needs root)";
  std::string in = Write("many.jsonl", ManyArticlesJsonl(400));
  std::string db = (disk_dir / "s.db").string();
  RunResult r =
      Sitrep({"ingest", "--batch", "10", "--jobs", "1", "--db", db, in}, {.bound_seconds = 120});
  EXPECT_FALSE(r.timed_out);
  ASSERT_EQ(r.code, 3) << r.err;
  EXPECT_TRUE(Has(r.err, "rolled back")) << r.err;
  EXPECT_TRUE(Has(r.err, "full")) << r.err;
  EXPECT_FALSE(Has(r.err, "VALUES")) << r.err;
  EXPECT_FALSE(Has(r.err, "?1")) << r.err;
  size_t ok = 0;
  const size_t at = r.err.find("ingest: ");
  ASSERT_NE(at, std::string::npos) << r.err;
  ok = std::stoul(r.err.substr(at + 8));
  EXPECT_LT(ok, 400u);
  EXPECT_TRUE(Has(r.err, "not written")) << r.err;
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM documents"), static_cast<int64_t>(ok)) << r.err;
}

}  // namespace
}  // namespace sitrep::hostile
