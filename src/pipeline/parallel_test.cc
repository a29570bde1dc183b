// @brief ProcessInputs delivers the same output, byte for byte, whatever the thread count.
#include "pipeline/parallel.h"

#include <gtest/gtest.h>

#include "pipeline/pipeline.h"
#include "pipeline/synthetic_article.h"

namespace sitrep {
namespace {

// The whole sitrep/1 JSON of every document, one line each, in delivery order.
std::vector<std::string> JsonWith(int jobs) {
  Options o;
  o.data_dir = std::string(SITREP_SOURCE_DIR) + "/data";
  std::vector<std::string> out;
  auto stats =
      ProcessInputs({std::string(SITREP_SOURCE_DIR) + "/examples/corpus", "/nonexistent/path"}, o,
                    jobs, [&](Document&& d) { out.push_back(DocumentToJson(d)); });
  EXPECT_TRUE(stats.ok());
  return out;
}

// Every byte of the output (annotations, entity ids resolved across the
// corpus, warnings, failures) is the same for 1, 2 and 5 threads.
TEST(ProcessInputs, OutputDoesNotDependOnThreads) {
  std::vector<std::string> one = JsonWith(1);
  ASSERT_GE(one.size(), 10u);
  // The failure comes last, as read; the first document went through every
  // stage, not only clean.
  EXPECT_NE(one.back().find("/nonexistent/path"), std::string::npos);
  EXPECT_NE(one.front().find("\"times\":[{"), std::string::npos);
  for (int jobs : {2, 5}) {
    std::vector<std::string> many = JsonWith(jobs);
    ASSERT_EQ(many.size(), one.size()) << jobs << " jobs";
    for (size_t i = 0; i < one.size(); ++i)
      EXPECT_EQ(many[i], one[i]) << jobs << " jobs, document " << i;
  }
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
  // 4 MB need about 1.6 s of CPU; a 2,000-byte article a few milliseconds,
  // well under the budget even in a sanitizer build.
  o.max_document_seconds = 0.3;
  auto pipeline = Pipeline::Create(o);
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  RawDocument big;
  big.source = "big.txt";
  big.text = SyntheticArticleText(4u << 20, 5);
  big.input_bytes = big.text.size();
  Document d = (*pipeline)->Process(big);
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].code, "timeout");
  EXPECT_EQ(d.errors[0].message.rfind(
                "big.txt: took more than 0.3 s of CPU (max_document_seconds) in ", 0),
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
