// @brief ProcessInputs delivers the same output, byte for byte, whatever the thread count.
#include "pipeline/parallel.h"

#include <gtest/gtest.h>

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
  auto stats = ProcessInputs({std::string(SITREP_SOURCE_DIR) + "/examples/corpus"}, o, 2, [&](Document&&) { ++n; });
  EXPECT_FALSE(stats.ok());
  EXPECT_EQ(n, 0u);
}

}  // namespace
}  // namespace sitrep
