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

}  // namespace
}  // namespace sitrep
