// @brief Tests of TimexValue (typed calendar periods that never go stale) and
// of the unit and mod code lists.
#include "time/time_value.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(TimexValueTest, YearMonthAndDayKnowTheirPeriod) {
  const TimexValue y = TimexValue::Year(2019);
  EXPECT_EQ(y.str(), "2019");
  EXPECT_EQ(y.grain(), Grain::kYear);
  EXPECT_EQ(y.first().y, 2019);
  EXPECT_EQ(y.first().m, 1);
  const TimexValue m = TimexValue::Month(2007, 3);
  EXPECT_EQ(m.str(), "2007-03");
  EXPECT_EQ(m.grain(), Grain::kMonth);
  EXPECT_EQ(m.first().m, 3);
  const TimexValue d = TimexValue::Day({2016, 2, 29});
  EXPECT_EQ(d.str(), "2016-02-29");
  EXPECT_EQ(d.grain(), Grain::kDay);
  const TimexValue q = TimexValue::YearPart(2019, "-Q3");
  EXPECT_EQ(q.str(), "2019-Q3");
  EXPECT_EQ(q.grain(), Grain::kYearPart);
  EXPECT_EQ(q.first().y, 2019);
}

TEST(TimexValueTest, YearsWithoutFourDigitsNameNoPeriod) {
  EXPECT_EQ(TimexValue::Year(12000).grain(), Grain::kNone);
  EXPECT_EQ(TimexValue::Year(-1).grain(), Grain::kNone);
  EXPECT_EQ(TimexValue::Month(10000, 1).grain(), Grain::kNone);
  EXPECT_EQ(TimexValue::Day({2019, 2, 29}).grain(), Grain::kNone);  // no such day
}

TEST(TimexValueTest, ChangingTheTextForgetsThePeriod) {
  TimexValue v = TimexValue::Day({2016, 11, 7});
  v += "TEV";
  EXPECT_EQ(v.str(), "2016-11-07TEV");
  EXPECT_EQ(v.grain(), Grain::kNone);
  v = TimexValue::Year(2019);
  v = std::string("2019");  // the same text, but not made as a year
  EXPECT_EQ(v.grain(), Grain::kNone);
  v = TimexValue::Month(2019, 5);
  v.clear();
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(v.grain(), Grain::kNone);
}

TEST(TimexValueTest, ComparesAndJoinsAsText) {
  const TimexValue v = TimexValue::Month(2019, 5);
  EXPECT_TRUE(v == "2019-05");
  EXPECT_TRUE(v < std::string("2019-06"));
  EXPECT_EQ(v + "/" + "2019-06", "2019-05/2019-06");
  EXPECT_EQ(std::string("X") + v, "X2019-05");
}

}  // namespace
}  // namespace sitrep
