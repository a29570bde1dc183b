// @brief Tests for calendar arithmetic: ISO weeks across year ends, leap days.
#include "time/calendar.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(CalendarTest, RoundTripsDays) {
  for (int64_t d = -800000; d < 800000; d += 997) {
    Ymd v = CivilFromDays(d);
    EXPECT_EQ(DaysOf(v), d);
  }
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(FormatDay(CivilFromDays(DaysFromCivil(2022, 1, 7))), "2022-01-07");
}

TEST(CalendarTest, IsoWeekdaysAndWeeks) {
  EXPECT_EQ(IsoWeekday(DaysFromCivil(2022, 1, 7)), 5);   // Friday
  EXPECT_EQ(IsoWeekday(DaysFromCivil(2022, 1, 10)), 1);  // Monday
  EXPECT_EQ(IsoWeekday(DaysFromCivil(2022, 1, 9)), 7);   // Sunday
  struct Case {
    int y, m, d;
    const char* week;
  } cases[] = {
      {2022, 1, 1, "2021-W52"}, {2022, 1, 2, "2021-W52"}, {2022, 1, 3, "2022-W01"},
      {2022, 1, 7, "2022-W01"}, {2022, 1, 10, "2022-W02"}, {2020, 12, 31, "2020-W53"},
      {2024, 12, 30, "2025-W01"}, {2021, 1, 3, "2020-W53"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FormatWeek(DaysFromCivil(c.y, c.m, c.d)), c.week) << c.y << "-" << c.m << "-" << c.d;
  }
  EXPECT_EQ(FormatWeek(DaysFromCivil(2022, 1, 1), true), "2021-W52-WE");
}

TEST(CalendarTest, LeapDaysAndMonthArithmetic) {
  EXPECT_TRUE(ValidDate(2020, 2, 29));
  EXPECT_FALSE(ValidDate(2021, 2, 29));
  EXPECT_FALSE(ValidDate(1900, 2, 29));
  EXPECT_TRUE(ValidDate(2000, 2, 29));
  Ymd v = AddMonths({2020, 1, 31}, 1);
  EXPECT_EQ(FormatDay(v), "2020-02-29");
  v = AddMonths({2022, 1, 15}, -1);
  EXPECT_EQ(FormatDay(v), "2021-12-15");
  v = AddMonths({2024, 2, 29}, 12);
  EXPECT_EQ(FormatDay(v), "2025-02-28");
}

}  // namespace
}  // namespace sitrep
