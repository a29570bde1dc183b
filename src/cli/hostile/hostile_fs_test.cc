// @brief Hostile inputs from the file system and the input bytes: symlink
// loops and links out of the tree, unreadable directories, file names that are
// not UTF-8 or carry control characters, bad JSONL dates, gzip bombs, UTF-16
// without a byte-order mark and NUL bytes inside text.
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "cli/hostile/hostile_util.h"

namespace fs = std::filesystem;

namespace sitrep::hostile {
namespace {

// Every case here takes well under a second; past a minute it is killed and fails.
RunOptions Bounded(bool as_nobody = false) {
  RunOptions o;
  o.bound_seconds = 60;
  o.as_nobody = as_nobody;
  return o;
}

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The JSONL line of `sitrep extract` whose "source" ends with `name`, or "".
std::string LineFor(const RunResult& r, const std::string& name) {
  for (const std::string& l : r.Lines()) {
    if (Has(l, name + "\",")) return l;
  }
  return "";
}

bool IsValidUtf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size() || (len == 2 && c < 0xC2)) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class FsTest : public HostileTest {
 protected:
  // The good article, long enough that one stray NUL byte is clearly text.
  static std::string LongArticle() {
    return GoodArticle() +
           "\nLe contingent comprend des soldats russes, biélorusses, arméniens, tadjiks et "
           "kirghizes. "
           "Il doit protéger des bâtiments officiels et l'aéroport d'Almaty pendant quelques "
           "semaines.\n";
  }
};

TEST_F(FsTest, SymlinkLoopInsideADirectoryIsReportedAndTheWalkGoesOn) {
  Write("in/good.txt", GoodArticle());
  fs::create_symlink("loop_b.txt", dir() / "in/loop_a.txt");
  fs::create_symlink("loop_a.txt", dir() / "in/loop_b.txt");
  fs::create_symlink("self.txt", dir() / "in/self.txt");
  RunResult r = Sitrep({"extract", (dir() / "in").string()}, Bounded());
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.signal, 0) << r.err;
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_TRUE(
      Has(r.err, "in/loop_a.txt: symlink loop (too many levels of symbolic links) [io_error]"))
      << r.err;
  EXPECT_TRUE(Has(r.err, "in/self.txt: symlink loop")) << r.err;
  EXPECT_TRUE(Has(r.err, "1 documents ok, 3 failed")) << r.err;
  ASSERT_EQ(r.Lines().size(), 4u) << r.out;
  EXPECT_TRUE(Has(LineFor(r, "good.txt"), "\"errors\":[]"));
  EXPECT_TRUE(Has(LineFor(r, "loop_b.txt"), "\"code\":\"io_error\""));
}

TEST_F(FsTest, ASymlinkLoopNamedDirectlySaysSymlinkLoop) {
  std::string good = Write("good.txt", GoodArticle());
  fs::create_symlink("loop.txt", dir() / "loop.txt");
  RunResult r = Sitrep({"extract", (dir() / "loop.txt").string(), good}, Bounded());
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_TRUE(Has(r.err, "loop.txt: symlink loop (too many levels of symbolic links) [io_error]"))
      << r.err;
  EXPECT_FALSE(Has(r.err, "no such file")) << r.err;
  ASSERT_EQ(r.Lines().size(), 2u);
  EXPECT_TRUE(Has(LineFor(r, "good.txt"), "\"errors\":[]"));
}

// A tree with links that lead out of it: to a file, to a directory, and a
// directory link that cycles back to its own parent outside the tree.
class OutsideLinkTest : public FsTest {
 protected:
  void SetUp() override {
    FsTest::SetUp();
    Write("in/good.txt", GoodArticle("dedans"));
    Write("in/sub/inner.txt", GoodArticle("interne"));
    Write("outside/secret.txt", GoodArticle("SECRETDEHORS"));
    fs::create_symlink(dir() / "outside/secret.txt", dir() / "in/passwd.txt");
    fs::create_symlink(dir() / "outside", dir() / "in/outdir");
    fs::create_symlink("..", dir() / "outside/cycle");
    fs::create_symlink("sub/inner.txt", dir() / "in/alias.txt");  // inside: read as before
  }
};

TEST_F(OutsideLinkTest, LinksLeadingOutOfTheTreeAreSkippedWithTheReason) {
  RunResult r = Sitrep({"extract", (dir() / "in").string()}, Bounded());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_FALSE(Has(r.out, "SECRETDEHORS")) << r.out;
  EXPECT_TRUE(Has(r.err, "skipped: " + (dir() / "in/passwd.txt").string() + ": symbolic link to " +
                             (dir() / "outside/secret.txt").string() + " leads outside " +
                             (dir() / "in").string() +
                             "; not followed (--follow-symlinks follows it)"))
      << r.err;
  EXPECT_TRUE(Has(r.err, "skipped: " + (dir() / "in/outdir").string() + ": symbolic link to "))
      << r.err;
  EXPECT_TRUE(Has(r.err, "3 documents ok, 0 failed, 2 skipped")) << r.err;
  EXPECT_TRUE(Has(LineFor(r, "alias.txt"), "interne"));
  EXPECT_TRUE(Has(LineFor(r, "good.txt"), "dedans"));
}

TEST_F(OutsideLinkTest, FollowSymlinksReadsThemAndDirectoryCyclesEnd) {
  RunResult r = Sitrep({"extract", "--follow-symlinks", (dir() / "in").string()}, Bounded());
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_FALSE(Has(r.err, "skipped: ")) << r.err;
  EXPECT_TRUE(Has(LineFor(r, "passwd.txt"), "SECRETDEHORS")) << r.out;
  EXPECT_TRUE(Has(LineFor(r, "outdir/secret.txt"), "SECRETDEHORS")) << r.out;
  EXPECT_TRUE(Has(LineFor(r, "good.txt"), "dedans"));
  // good, alias, sub/inner, passwd, outdir/secret: the cycle back into outside/ is walked once.
  EXPECT_EQ(r.Lines().size(), 5u) << r.out;
}

TEST_F(FsTest, UnreadableSubdirectoriesAreFailuresNotSilence) {
  if (!CanDropToNobody()) GTEST_SKIP() << "needs root to run the binary as an ordinary user";
  fs::permissions(dir(), fs::perms::all, fs::perm_options::replace);  // open to uid 65534
  Write("in/good.txt", GoodArticle());
  Write("in/locked/a.txt", GoodArticle("verrou"));
  Write("in/nosearch/b.txt", GoodArticle("liste"));
  fs::permissions(dir() / "in/locked", fs::perms::none, fs::perm_options::replace);
  fs::permissions(dir() / "in/nosearch",
                  fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read,
                  fs::perm_options::replace);
  std::string db = (dir() / "store.db").string();
  RunResult r = Sitrep({"extract", (dir() / "in").string()}, Bounded(true));
  ASSERT_NE(r.code, 126) << "could not drop to uid 65534";
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_TRUE(
      Has(r.err, "error: " + (dir() / "in/locked").string() + ": Permission denied [io_error]"))
      << r.err;
  EXPECT_TRUE(
      Has(r.err, "error: " + (dir() / "in/nosearch").string() + ": Permission denied [io_error]"))
      << r.err;
  EXPECT_TRUE(Has(r.err, "1 documents ok, 2 failed")) << r.err;
  ASSERT_EQ(r.Lines().size(), 3u) << r.out;
  EXPECT_TRUE(Has(LineFor(r, "good.txt"), "\"errors\":[]"));
  EXPECT_TRUE(Has(LineFor(r, "locked"), "\"code\":\"io_error\""));

  // Stored as failures too, and shown in the report.
  RunResult in = Sitrep({"ingest", "--db", db, (dir() / "in").string()}, Bounded(true));
  EXPECT_EQ(in.code, 1) << in.err;
  EXPECT_TRUE(Has(in.err, "1 documents ok, 2 failed")) << in.err;
  RunResult rep =
      Sitrep({"report", "--quiet", "--db", db, "--out", (dir() / "rep").string()}, Bounded());
  ASSERT_EQ(rep.code, 0) << rep.err;
  std::string json = ReadAll(dir() / "rep/report.json");
  EXPECT_TRUE(Has(json, "\"source\":\"" + (dir() / "in/nosearch").string() +
                            "\",\"code\":\"io_error\",\"message\":\"" +
                            (dir() / "in/nosearch").string() + ": Permission denied\""))
      << json.substr(json.find("\"failures\""));
}

TEST_F(FsTest, ANameThatIsNotUtf8IsEncodedReversibly) {
  const std::string raw_name = "in/mauvais\xff\xfe.txt";
  Write(raw_name, GoodArticle());
  Write("in/good.txt", GoodArticle("bis"));
  RunResult r = Sitrep({"extract", "--quiet", (dir() / "in").string()}, Bounded());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(IsValidUtf8(r.out));
  std::string line = LineFor(r, "mauvais\xEF\xBF\xBD\xEF\xBF\xBD.txt");
  ASSERT_FALSE(line.empty()) << r.out;
  std::string hex;
  for (unsigned char c : (dir() / raw_name).string()) {
    static const char kHex[] = "0123456789abcdef";
    hex += kHex[c >> 4];
    hex += kHex[c & 15];
  }
  EXPECT_TRUE(Has(line, "\"source_bytes\":\"" + hex + "\"")) << line;
  EXPECT_TRUE(Has(LineFor(r, "good.txt"), "\"errors\":[]"));
  EXPECT_FALSE(Has(LineFor(r, "good.txt"), "source_bytes"));

  // Through the store into the report: both files stay valid UTF-8.
  std::string db = (dir() / "store.db").string();
  RunResult in = Sitrep({"ingest", "--quiet", "--db", db, (dir() / "in").string()}, Bounded());
  ASSERT_EQ(in.code, 0) << in.err;
  RunResult rep =
      Sitrep({"report", "--quiet", "--db", db, "--out", (dir() / "rep").string()}, Bounded());
  ASSERT_EQ(rep.code, 0) << rep.err;
  std::string json = ReadAll(dir() / "rep/report.json"), html = ReadAll(dir() / "rep/report.html");
  EXPECT_TRUE(Has(json, "mauvais\xEF\xBF\xBD\xEF\xBF\xBD.txt"));
  EXPECT_TRUE(IsValidUtf8(json));
  EXPECT_TRUE(IsValidUtf8(html));
}

TEST_F(FsTest, ANameCannotForgeAnErrorLineNorSendTerminalEscapes) {
  const std::string name = "in/x\nerror: forged [io_error]\n\x1b[2J.txt";
  Write(name, std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
  Write("in/good.txt", GoodArticle());
  RunResult r = Sitrep({"extract", (dir() / "in").string()}, Bounded());
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_FALSE(Has(r.err, "\nerror: forged")) << r.err;
  EXPECT_FALSE(Has(r.err, "\x1b")) << r.err;
  EXPECT_TRUE(Has(r.err, "in/x\\nerror: forged [io_error]\\n\\x1b[2J.txt: binary data")) << r.err;
  EXPECT_TRUE(Has(LineFor(r, "good.txt"), "\"errors\":[]"));
}

TEST_F(FsTest, BadJsonlPublishedValuesAreRefusedWithAWarning) {
  auto line = [](const std::string& id, const std::string& published) {
    return "{\"url\":\"https://ex.org/" + id + "\",\"published\":" + published + ",\"text\":\"" +
           "Kazakhstan : des troupes arrivent " + id +
           ". Les soldats de l'OTSC sont arrivés jeudi à Almaty.\"}\n";
  };
  std::string jsonl = line("neg", "\"-2022-01-07\"") + line("obj", "{\"value\":\"2022-01-07\"}") +
                      line("num", "20220107") + line("old", "\"0001-01-01\"") +
                      line("good", "\"2022-01-07\"");
  std::string path = Write("in.jsonl", jsonl);
  RunResult r = Sitrep({"extract", "--quiet", path}, Bounded());
  EXPECT_EQ(r.code, 0) << r.err;
  ASSERT_EQ(r.Lines().size(), 5u) << r.out;
  auto doc = [&](const std::string& id) { return LineFor(r, "https://ex.org/" + id); };
  EXPECT_TRUE(Has(doc("neg"), "\"published\":null")) << doc("neg");
  EXPECT_TRUE(Has(doc("neg"), "published date \\\"-2022-01-07\\\" not used")) << doc("neg");
  EXPECT_TRUE(Has(doc("obj"), "\"published\":null")) << doc("obj");
  EXPECT_TRUE(Has(doc("obj"), "published is an object, not a date string; not used")) << doc("obj");
  EXPECT_TRUE(Has(doc("num"), "published is a number, not a date string; not used")) << doc("num");
  EXPECT_TRUE(Has(doc("old"), "year 1 is outside the supported range 1800-2200")) << doc("old");
  EXPECT_TRUE(Has(doc("good"), "\"published\":{\"value\":\"2022-01-07\"")) << doc("good");

  RunResult flag = Sitrep({"extract", "--date", "-2022-01-07", path}, Bounded());
  EXPECT_EQ(flag.code, 2) << flag.err;
  EXPECT_TRUE(Has(flag.err, "--date \"-2022-01-07\"")) << flag.err;
  RunResult old = Sitrep({"extract", "--date", "0001-01-01", path}, Bounded());
  EXPECT_EQ(old.code, 2) << old.err;
  EXPECT_TRUE(Has(old.err, "outside the supported range 1800-2200")) << old.err;
}

std::string Gzip(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST_F(FsTest, AGzipBombStopsAtTheDocumentLimit) {
  // 8 MiB of text in a few KiB; the document limit is 100000 bytes.
  std::string bomb;
  while (bomb.size() < (8u << 20)) bomb += GoodArticle();
  Write("in/bomb.txt.gz", Gzip(bomb));
  Write("in/good.txt.gz", Gzip(GoodArticle()));
  RunResult r = Sitrep({"extract", "--max-bytes", "100000", (dir() / "in").string()}, Bounded());
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_TRUE(Has(r.err,
                  "bomb.txt.gz: gzip data inflates to more than 100000 bytes (max_document_bytes) "
                  "[too_large]"))
      << r.err;
  EXPECT_TRUE(Has(LineFor(r, "good.txt.gz"), "\"errors\":[]"));
}

TEST_F(FsTest, Utf16WithoutAByteOrderMarkIsDecoded) {
  std::string text = GoodArticle();
  std::u16string units;
  for (size_t i = 0; i < text.size();) {  // the article is Latin-1 range only
    auto c = static_cast<unsigned char>(text[i]);
    char32_t cp =
        c < 0x80 ? c : ((c & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F);
    i += c < 0x80 ? 1 : 2;
    units.push_back(static_cast<char16_t>(cp));
  }
  std::string le, be;
  for (char16_t u : units) {
    le += static_cast<char>(u & 0xFF);
    le += static_cast<char>(u >> 8);
    be += static_cast<char>(u >> 8);
    be += static_cast<char>(u & 0xFF);
  }
  Write("in/le.txt", le);
  Write("in/be.txt", be);
  Write("in/good.txt", GoodArticle());
  RunResult r = Sitrep({"extract", "--quiet", (dir() / "in").string()}, Bounded());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(Has(LineFor(r, "le.txt"), "\"encoding\":\"UTF-16LE\"")) << LineFor(r, "le.txt");
  EXPECT_TRUE(Has(LineFor(r, "le.txt"), "sécurité collective")) << LineFor(r, "le.txt");
  EXPECT_TRUE(Has(LineFor(r, "be.txt"), "\"encoding\":\"UTF-16BE\"")) << LineFor(r, "be.txt");
  EXPECT_TRUE(Has(LineFor(r, "be.txt"), "sécurité collective")) << LineFor(r, "be.txt");
  EXPECT_TRUE(Has(LineFor(r, "good.txt"), "\"errors\":[]"));
}

TEST_F(FsTest, ANulByteInTextBecomesAReplacementCharacterWithAWarning) {
  std::string text = LongArticle();
  text.insert(text.find("collective"), std::string("\0", 1));
  Write("in/nul.txt", text);
  Write("in/photo.txt", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16) + std::string(400, '\0'));
  Write("in/good.txt", GoodArticle());
  RunResult r = Sitrep({"extract", (dir() / "in").string()}, Bounded());
  EXPECT_EQ(r.code, 1) << r.err;
  std::string nul = LineFor(r, "nul.txt");
  EXPECT_TRUE(Has(nul, "\"errors\":[]")) << nul;
  EXPECT_FALSE(Has(r.out, "\\u0000"));
  EXPECT_TRUE(Has(nul,
                  "\xEF\xBF\xBD"
                  "collective"))
      << nul;
  EXPECT_TRUE(Has(nul, "1 NUL byte replaced with U+FFFD")) << nul;
  EXPECT_TRUE(Has(r.err, "photo.txt: binary data, not text (NUL byte at byte 8) [binary]"))
      << r.err;
  EXPECT_TRUE(Has(LineFor(r, "good.txt"), "\"errors\":[]"));
}

}  // namespace
}  // namespace sitrep::hostile
