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
      {2022, 1, 1, "2021-W52"},   {2022, 1, 2, "2021-W52"},  {2022, 1, 3, "2022-W01"},
      {2022, 1, 7, "2022-W01"},   {2022, 1, 10, "2022-W02"}, {2020, 12, 31, "2020-W53"},
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

TEST(CalendarTest, HolidayRules) {
  struct Row {
    const char* rule;
    int year;
    const char* day;  // "" when the rule gives no day that year
  };
  const Row rows[] = {
      {"12-25", 2022, "2022-12-25"},
      {"02-29", 2023, ""},
      {"02-29", 2024, "2024-02-29"},
      {"E+0", 2018, "2018-04-01"},
      {"E+0", 2019, "2019-04-21"},
      {"E+0", 2020, "2020-04-12"},
      {"E+1", 2019, "2019-04-22"},
      {"E-2", 2022, "2022-04-15"},
      {"E+0", 2038, "2038-04-25"},
      {"E+0", 2008, "2008-03-23"},
      {"O+0", 2022, "2022-04-24"},
      {"O+0", 2021, "2021-05-02"},
      {"O+0", 2018, "2018-04-08"},
      {"11-W4-4", 2023, "2023-11-23"},
      {"11-W4-4+1", 2010, "2010-11-26"},
      {"09-W1-1", 2021, "2021-09-06"},
      {"05-W1--1", 2022, "2022-05-30"},
      {"05-W7--1", 2022, "2022-05-29"},
      {"02-W1-5", 2021, ""},
  };
  for (const Row& r : rows) {
    HolidayRule rule;
    ASSERT_TRUE(ParseHolidayRule(r.rule, &rule)) << r.rule;
    Ymd d;
    const bool has = HolidayDate(rule, r.year, &d);
    EXPECT_EQ(has ? FormatDay(d) : "", r.day) << r.rule << " " << r.year;
  }
  HolidayRule rule;
  for (const char* bad : {"", "13-01", "02-30", "E", "E2", "E+x", "11-W8-1", "11-W4-0", "12-25x"}) {
    EXPECT_FALSE(ParseHolidayRule(bad, &rule)) << bad;
  }
}

}  // namespace
}  // namespace sitrep
