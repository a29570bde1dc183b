// @brief Tests for Deadline: a budget of thread CPU time, sticky once expired.
#include "base/deadline.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

// Burns this thread's CPU until `d` notices, or gives up after ~10 s of CPU.
bool BurnUntilExpired(Deadline& d) {
  volatile uint64_t x = 0;
  for (int outer = 0; outer < 100000; ++outer) {
    for (int i = 0; i < 100000; ++i) x = x + static_cast<uint64_t>(i);
    if (d.Expired("burn")) return true;
  }
  return false;
}

TEST(DeadlineTest, NeverExpiresWithoutABudget) {
  Deadline none;
  Deadline zero(0);
  for (int i = 0; i < 1000; ++i) {
    EXPECT_FALSE(none.Expired("x"));
    EXPECT_FALSE(zero.Expired("x"));
  }
  EXPECT_FALSE(none.CheckNow("x"));
  EXPECT_FALSE(Expired(nullptr, "x"));
  EXPECT_FALSE(CheckNow(nullptr, "x"));
}

TEST(DeadlineTest, ExpiresAfterItsCpuBudgetAndStaysExpired) {
  Deadline d(0.02);
  EXPECT_FALSE(d.CheckNow("start"));
  ASSERT_TRUE(BurnUntilExpired(d));
  EXPECT_TRUE(d.expired());
  EXPECT_EQ(d.stage(), "burn");
  EXPECT_GE(d.Elapsed(), 0.02);
  EXPECT_TRUE(d.Expired("later"));
  EXPECT_TRUE(d.CheckNow("later"));
  EXPECT_EQ(d.stage(), "burn");  // the first stage that noticed
  Status st = d.TimeoutStatus("big.txt");
  EXPECT_EQ(st.code(), Code::kTimeout);
  EXPECT_EQ(st.message(), "big.txt: took more than 0.02 s of CPU (max_document_seconds) in burn");
}

TEST(DeadlineTest, ExpiredReadsTheClockOnTheFirstCall) {
  Deadline d(1e-9);
  volatile uint64_t x = 0;
  for (int i = 0; i < 100000; ++i) x = x + static_cast<uint64_t>(i);
  EXPECT_TRUE(d.Expired("first"));
}

}  // namespace
}  // namespace sitrep
