// @brief Day numbers and ISO weeks.
#include "base/civil_date.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(CivilDate, DayNumbersRoundTrip) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1) - DaysFromCivil(2000, 2, 28), 2);  // a leap day between
  for (int64_t d : {-800000, -1, 0, 1, 18998, 19000, 60000}) {
    EXPECT_EQ(DaysFromCivil(std::stoi(CivilDayString(d).substr(0, 4)),
                            std::stoi(CivilDayString(d).substr(5, 2)),
                            std::stoi(CivilDayString(d).substr(8, 2))),
              d);
  }
  EXPECT_EQ(CivilDayString(DaysFromCivil(2022, 1, 7)), "2022-01-07");
}

TEST(CivilDate, IsoWeekMondays) {
  EXPECT_EQ(CivilDayString(IsoWeekMonday(2022, 1)), "2022-01-03");
  EXPECT_EQ(CivilDayString(IsoWeekMonday(2021, 1)), "2021-01-04");
  EXPECT_EQ(CivilDayString(IsoWeekMonday(2020, 53)), "2020-12-28");
  EXPECT_EQ(CivilDayString(IsoWeekMonday(1969, 1)), "1968-12-30");  // before 1970 too
}

TEST(CivilDate, ParsesIsoWeeksOfTimexValues) {
  std::optional<IsoWeek> w = ParseIsoWeek("2022-W01");
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(w->year, 2022);
  EXPECT_EQ(w->week, 1);
  EXPECT_FALSE(w->weekend);
  w = ParseIsoWeek("2018-W49-WE");
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(w->week, 49);
  EXPECT_TRUE(w->weekend);
  w = ParseIsoWeek("2020-W53/2021-W02");  // a range: its start
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(w->week, 53);
  for (const char* bad : {"2021-W53",  // 2021 has 52 weeks
                          "2022-W00", "2022-W54", "2022-W1", "2022-W011", "2022-01-03", "22-W01",
                          "2022W01", "2022-w01", "", "2022-W+1", "2022-W 1"}) {
    EXPECT_FALSE(ParseIsoWeek(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace sitrep
