// @brief Tests for reading files, directories, gzip and JSONL.
#include "ingest/reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace sitrep {
namespace {

class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sitrep_reader_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "sub");
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& body) {
    std::ofstream(dir_ / name, std::ios::binary) << body;
    return (dir_ / name).string();
  }
  std::vector<RawDocument> Read(const std::vector<std::string>& paths, Options options = {}) {
    std::vector<RawDocument> docs;
    ReadInputs(paths, options, [&](RawDocument&& d) { docs.push_back(std::move(d)); });
    return docs;
  }
  fs::path dir_;
};

TEST_F(ReaderTest, WalksDirectoriesInOrderAndSkipsUnknownExtensions) {
  Write("b.txt", "Second article text.");
  Write("a.html", "<html><body><p>First</p></body></html>");
  Write("sub/c.txt", "Third.");
  Write("notes.pdf", "%PDF-1.4");
  Write(".hidden.txt", "hidden");
  std::vector<RawDocument> docs;
  ReadStats stats = ReadInputs({dir_.string()}, {}, [&](RawDocument&& d) { docs.push_back(std::move(d)); });
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(fs::path(docs[0].source).filename(), "a.html");
  EXPECT_EQ(docs[0].format, InputFormat::kHtml);
  EXPECT_EQ(fs::path(docs[2].source).filename(), "c.txt");
  EXPECT_EQ(stats.skipped, 1u);
}

TEST_F(ReaderTest, JsonlLinesBecomeDocumentsAndBadLinesErrors) {
  std::string path = Write("in.jsonl",
                           "{\"text\":\"Bonjour.\",\"url\":\"https://x.test/a\",\"published\":\"2022-01-07\",\"lang\":\"fr\",\"source\":\"Le Site\"}\n"
                           "not json\n"
                           "\n"
                           "{\"html\":\"<p>Hi</p>\",\"title\":\"T\"}\n"
                           "{\"url\":\"no body\"}\n");
  auto docs = Read({path});
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_TRUE(docs[0].status.ok());
  EXPECT_EQ(docs[0].source, "https://x.test/a");
  EXPECT_EQ(docs[0].outlet, "Le Site");
  EXPECT_EQ(docs[0].published, "2022-01-07");
  EXPECT_FALSE(docs[1].status.ok());
  EXPECT_EQ(docs[1].source, path + "#2");
  EXPECT_NE(docs[1].status.message().find("invalid JSON at byte 0"), std::string::npos);
  EXPECT_EQ(docs[2].format, InputFormat::kHtml);
  EXPECT_EQ(docs[2].source, path + "#4");
  EXPECT_NE(docs[3].status.message().find("needs a \"text\" or \"html\""), std::string::npos);
}

TEST_F(ReaderTest, GzipFilesAreRead) {
  std::string path = (dir_ / "a.txt.gz").string();
  gzFile f = gzopen(path.c_str(), "wb");
  gzputs(f, "Compressed article.\n");
  gzclose(f);
  auto docs = Read({path});
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_TRUE(docs[0].status.ok()) << docs[0].status.ToString();
  EXPECT_EQ(docs[0].text, "Compressed article.\n");
}

TEST_F(ReaderTest, BadInputsFailOneByOneAndTheBatchGoesOn) {
  Write("1-empty.txt", "");
  Write("2-binary.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10));
  Write("3-badutf8.txt", "Déjà \xC3 vu");
  Write("4-good.txt", "Un article.");
  Options options;
  options.max_document_bytes = 100;
  Write("5-big.txt", std::string(500, 'x'));
  auto docs = Read({dir_.string(), (dir_ / "missing.txt").string()}, options);
  ASSERT_EQ(docs.size(), 6u);
  EXPECT_TRUE(docs[0].status.ok());  // empty is read; the cleaner rejects it as empty
  EXPECT_EQ(docs[1].status.code(), Code::kBinary);
  EXPECT_EQ(docs[2].status.code(), Code::kBadEncoding);
  EXPECT_NE(docs[2].status.message().find("3-badutf8.txt: invalid UTF-8 at byte 7"), std::string::npos);
  EXPECT_TRUE(docs[3].status.ok());
  EXPECT_EQ(docs[4].status.code(), Code::kTooLarge);
  EXPECT_EQ(docs[5].status.code(), Code::kNotFound);
}

TEST_F(ReaderTest, TheWalkReportsLoopsAndLinksOutOfTheTree) {
  fs::create_directories(dir_ / "in");
  fs::create_directories(dir_ / "out");
  Write("in/a.txt", "Un article.");
  Write("out/secret.txt", "Secret.");
  fs::create_symlink("loop.txt", dir_ / "in/loop.txt");
  fs::create_symlink(dir_ / "out/secret.txt", dir_ / "in/secret.txt");
  fs::create_symlink(dir_ / "out", dir_ / "in/outdir");
  fs::create_symlink("..", dir_ / "out/up");  // a cycle once links are followed
  fs::create_symlink("nowhere.txt", dir_ / "in/dangling.txt");
  std::string in = (dir_ / "in").string();
  std::vector<RawDocument> docs;
  ReadStats stats = ReadInputs({in}, {}, [&](RawDocument&& d) { docs.push_back(std::move(d)); });
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_TRUE(docs[0].status.ok());
  EXPECT_EQ(docs[1].status.code(), Code::kIoError);
  EXPECT_EQ(docs[1].status.message(),
            in + "/loop.txt: symlink loop (too many levels of symbolic links)");
  EXPECT_EQ(stats.skipped, 3u);
  ASSERT_EQ(stats.skipped_reasons.size(), 3u);
  EXPECT_EQ(stats.skipped_reasons[0], in + "/dangling.txt: dangling symbolic link");
  EXPECT_EQ(stats.skipped_reasons[2], in + "/secret.txt: symbolic link to " +
                                          (dir_ / "out/secret.txt").string() + " leads outside " +
                                          in + "; not followed (--follow-symlinks follows it)");

  Options follow;
  follow.follow_symlinks = true;
  docs.clear();
  stats = ReadInputs({in}, follow, [&](RawDocument&& d) { docs.push_back(std::move(d)); });
  ASSERT_EQ(docs.size(),
            4u);  // a, loop, outdir/secret (out/up leads back inside: not followed), secret
  EXPECT_EQ(docs[2].source, in + "/outdir/secret.txt");
  EXPECT_EQ(docs[2].text, "Secret.");
  EXPECT_EQ(docs[3].source, in + "/secret.txt");
}

TEST_F(ReaderTest, NamesAreValidUtf8WithTheRawBytesKept) {
  std::string path = Write("caf\xE9.txt", "Un article.");
  auto docs = Read({path});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].source, (dir_ / "caf\uFFFD.txt").string());
  std::string hex;
  for (unsigned char c : path) hex += "0123456789abcdef"[c >> 4], hex += "0123456789abcdef"[c & 15];
  EXPECT_EQ(docs[0].source_bytes, hex);
  auto good = Read({Write("plain.txt", "Un article.")});
  EXPECT_EQ(good[0].source_bytes, "");
}

TEST_F(ReaderTest, AGzipDocumentStopsInflatingAtTheDocumentLimit) {
  std::string path = (dir_ / "big.txt.gz").string();
  gzFile f = gzopen(path.c_str(), "wb");
  for (int i = 0; i < 4096; ++i)
    gzputs(f, "Une ligne de texte ordinaire, assez longue pour peser.\n");
  gzclose(f);
  Options options;
  options.max_document_bytes = 1000;
  auto docs = Read({path}, options);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].status.code(), Code::kTooLarge);
  EXPECT_EQ(docs[0].status.message(),
            path + ": gzip data inflates to more than 1000 bytes (max_document_bytes)");
}

TEST_F(ReaderTest, JsonlPublishedThatIsNotAStringIsAWarning) {
  std::string path = Write("p.jsonl",
                           "{\"text\":\"A.\",\"published\":20220107}\n"
                           "{\"text\":\"B.\",\"published\":null}\n"
                           "{\"text\":\"C\\u0000D.\",\"published\":[\"2022\"]}\n");
  auto docs = Read({path});
  ASSERT_EQ(docs.size(), 3u);
  ASSERT_EQ(docs[0].warnings.size(), 1u);
  EXPECT_EQ(docs[0].warnings[0], "published is a number, not a date string; not used");
  EXPECT_TRUE(docs[1].warnings.empty());
  EXPECT_EQ(docs[2].text, "C\uFFFDD.");
  ASSERT_EQ(docs[2].warnings.size(), 2u);
  EXPECT_EQ(docs[2].warnings[0], "published is an array, not a date string; not used");
  EXPECT_EQ(docs[2].warnings[1],
            "1 NUL byte replaced with U+FFFD (the first at byte 1 of the decoded text)");
}

}  // namespace
}  // namespace sitrep
