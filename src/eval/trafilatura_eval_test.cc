// @brief Tests for the trafilatura-set scorer, and the HTML extractor's score on the real set.
#include "eval/trafilatura_eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/file_io.h"
#include "html/html_extractor.h"

namespace sitrep {
namespace {

TEST(NormalizeForEvalTest, CollapsesWhitespaceAndComposes) {
  EXPECT_EQ(NormalizeForEval("  a\n\t b\xC2\xA0"
                             "c  "),
            "a b c");
  EXPECT_EQ(NormalizeForEval("Cafe\xCC\x81"), "Caf\xC3\xA9");  // e + combining acute -> é
  EXPECT_EQ(NormalizeForEval(""), "");
}

// Writes a two-page set into a temporary directory.
std::string WriteTinySet() {
  std::string dir = (std::filesystem::temp_directory_path() / "sitrep_eval_test").string();
  std::filesystem::create_directories(dir + "/html");
  std::ofstream(dir + "/set.json")
      << R"({"u1": {"file": "a.html", "with": ["alpha beta", "gamma"], "without": ["delta"]},)"
      << R"( "u2": {"file": "b.html", "with": ["x"], "without": ["y"]}})";
  return dir;
}

TEST(ScoreTrafilaturaEvalTest, CountsHitsAndFailures) {
  std::string dir = WriteTinySet();
  // gzip (Python gzip.compress, mtime=0) of "alpha\n beta delta" and of "zzz".
  const unsigned char kA[] = {0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03,
                              0x4b, 0xcc, 0x29, 0xc8, 0x48, 0xe4, 0x52, 0x48, 0x4a, 0x2d,
                              0x49, 0x54, 0x48, 0x49, 0xcd, 0x29, 0x49, 0x04, 0x00, 0x0e,
                              0xd8, 0x29, 0x34, 0x11, 0x00, 0x00, 0x00};
  const unsigned char kB[] = {0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00,
                              0x02, 0x03, 0xab, 0xaa, 0xaa, 0x02, 0x00, 0xca,
                              0x3d, 0x27, 0xc3, 0x03, 0x00, 0x00, 0x00};
  std::ofstream(dir + "/html/a.html.gz", std::ios::binary)
      .write(reinterpret_cast<const char*>(kA), sizeof(kA));
  std::ofstream(dir + "/html/b.html.gz", std::ios::binary)
      .write(reinterpret_cast<const char*>(kB), sizeof(kB));
  EvalOptions options;
  options.dir = dir;
  options.json_name = "set.json";
  auto report = ScoreTrafilaturaEval(options, [](std::string_view html) -> Result<std::string> {
    if (html == "zzz") return Status(Code::kEmpty, "nothing");
    return std::string(html);
  });
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->pages.size(), 2u);
  EXPECT_EQ(report->counts.tp, 1);  // "alpha beta" after whitespace collapse
  EXPECT_EQ(report->counts.fn, 2);  // "gamma", and "x" of the failed page
  EXPECT_EQ(report->counts.fp, 1);  // "delta"
  EXPECT_EQ(report->counts.tn, 1);  // "y" of the failed page
  EXPECT_EQ(report->failed_pages, 1);
  EXPECT_EQ(report->pages[0].leaked, std::vector<std::string>{"delta"});
}

TEST(ScoreTrafilaturaEvalTest, MissingSetIsAnError) {
  EvalOptions options;
  options.dir = "/nonexistent/eval";
  auto report = ScoreTrafilaturaEval(
      options, [](std::string_view) -> Result<std::string> { return std::string(); });
  EXPECT_FALSE(report.ok());
}

// The acceptance bar of the HTML extractor (docs: src/html/html_extractor.h).
TEST(HtmlExtractorEvalTest, TrafilaturaSetF1) {
  std::string dir = SITREP_SHARED_DIR "/eval/trafilatura-eval";
  if (!std::filesystem::exists(dir + "/evaldata-subset.json")) {
    GTEST_SKIP() << dir << " is absent";
  }
  Options html_options;
  html_options.data_dir = SITREP_SOURCE_DIR "/data";
  EvalOptions options;
  options.dir = dir;
  auto report = ScoreTrafilaturaEval(options, [&](std::string_view html) -> Result<std::string> {
    auto ex = ExtractHtml(html, html_options);
    if (!ex.ok()) return ex.status();
    std::string text;
    for (const HtmlBlock& b : ex->blocks) text += b.text + "\n";
    return text;
  });
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->pages.size(), 350u);
  EXPECT_GE(report->counts.F1(), 0.90)
      << "P " << report->counts.Precision() << " R " << report->counts.Recall();
}

}  // namespace
}  // namespace sitrep
