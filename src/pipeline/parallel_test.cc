// @brief ProcessInputs delivers the same documents in the same order whatever the thread count.
#include "pipeline/parallel.h"

#include <gtest/gtest.h>

#include "pipeline/pipeline.h"
#include "pipeline/synthetic_article.h"

namespace sitrep {
namespace {

std::vector<std::string> CleanWith(int jobs) {
  Options o;
  o.data_dir = std::string(SITREP_SOURCE_DIR) + "/data";
  std::vector<std::string> out;
  auto stats =
      ProcessInputs({std::string(SITREP_SOURCE_DIR) + "/examples/corpus", "/nonexistent/path"}, o,
                    jobs, [&](Document&& d) { out.push_back(d.source + " " + d.id); });
  EXPECT_TRUE(stats.ok());
  return out;
}

TEST(ProcessInputs, OrderDoesNotDependOnThreads) {
  std::vector<std::string> one = CleanWith(1);
  ASSERT_GE(one.size(), 10u);
  EXPECT_EQ(one.back().rfind("/nonexistent/path", 0), 0u);  // the failure comes last, as read
  EXPECT_EQ(CleanWith(2), one);
  EXPECT_EQ(CleanWith(5), one);
}

TEST(ProcessInputs, BadDataDirectoryIsAnErrorBeforeReading) {
  Options o;
  o.data_dir = "/nonexistent/data";
  size_t n = 0;
  auto stats = ProcessInputs({std::string(SITREP_SOURCE_DIR) + "/examples/corpus"}, o, 2,
                             [&](Document&&) { ++n; });
  EXPECT_FALSE(stats.ok());
  EXPECT_EQ(n, 0u);
}

// A document past its CPU budget fails with `timeout` and nothing else; the
// next one, with the same Pipeline, is processed in full.
TEST(PipelineBudget, ADocumentPastItsBudgetFailsWithTimeoutOnly) {
  Options o;
  o.data_dir = std::string(SITREP_SOURCE_DIR) + "/data";
  o.max_document_seconds = 0.02;
  auto pipeline = Pipeline::Create(o);
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  RawDocument big;
  big.source = "big.txt";
  big.text = SyntheticArticleText(2u << 20, 5);
  big.input_bytes = big.text.size();
  Document d = (*pipeline)->Process(big);
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].code, "timeout");
  EXPECT_EQ(d.errors[0].message.rfind(
                "big.txt: took more than 0.02 s of CPU (max_document_seconds) in ", 0),
            0u)
      << d.errors[0].message;
  EXPECT_TRUE(d.text.empty());
  EXPECT_TRUE(d.paragraphs.empty() && d.sentences.empty() && d.mentions.empty() &&
              d.times.empty() && d.claims.empty());
  EXPECT_EQ(d.source, "big.txt");
  EXPECT_EQ(d.input_bytes, big.text.size());

  RawDocument small;
  small.source = "small.txt";
  small.text = SyntheticArticleText(2000, 6);
  Document ok = (*pipeline)->Process(small);
  EXPECT_FALSE(ok.failed()) << ok.errors[0].message;
  EXPECT_FALSE(ok.claims.empty());
}

}  // namespace
}  // namespace sitrep
