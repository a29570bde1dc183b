// @brief ProcessInputs delivers the same documents in the same order whatever the thread count.
#include "pipeline/parallel.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

std::vector<std::string> CleanWith(int jobs) {
  Options o;
  o.data_dir = std::string(SITREP_SOURCE_DIR) + "/data";
  std::vector<std::string> out;
  auto stats = ProcessInputs({std::string(SITREP_SOURCE_DIR) + "/examples/corpus", "/nonexistent/path"}, o, jobs,
                           [&](Document&& d) { out.push_back(d.source + " " + d.id); });
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
  auto stats = ProcessInputs({std::string(SITREP_SOURCE_DIR) + "/examples/corpus"}, o, 2, [&](Document&&) { ++n; });
  EXPECT_FALSE(stats.ok());
  EXPECT_EQ(n, 0u);
}

}  // namespace
}  // namespace sitrep
