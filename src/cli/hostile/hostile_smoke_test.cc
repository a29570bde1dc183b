// @brief The hostile suite's own check: a good article in, a document out, and
// a run past its bound is killed and reported as timed out.
#include "cli/hostile/hostile_util.h"

namespace sitrep::hostile {
namespace {

using HarnessTest = HostileTest;

TEST_F(HarnessTest, AGoodArticleComesOut) {
  std::string good = Write("good.txt", GoodArticle());
  RunResult r = Sitrep({"extract", "--quiet", good});
  EXPECT_EQ(r.code, 0) << r.err;
  ASSERT_EQ(r.Lines().size(), 1u);
  EXPECT_NE(r.Lines()[0].find("\"errors\":[]"), std::string::npos) << r.Lines()[0];
}

TEST_F(HarnessTest, AWrongFlagIsAUsageError) {
  RunResult r = Sitrep({"extract", "--no-such-flag", "x"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--no-such-flag"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace sitrep::hostile
