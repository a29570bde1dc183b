// @brief Day numbers of the proleptic Gregorian calendar (days since
// 1970-01-01) and ISO weeks, for stages that sort or compare dates given as
// TIMEX3 strings (figures, report). The time stage has its own typed calendar
// (time/calendar.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sitrep {

// Day number of year-month-day (month 1..12, day 1..31).
int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day);

// "YYYY-MM-DD" of a day number.
std::string CivilDayString(int64_t days);

// Day number of the Monday of ISO week `week` of `year` (week 1 holds 4 January).
int64_t IsoWeekMonday(int64_t year, int week);

// An ISO week as TIMEX3 writes it: "2022-W01", its weekend "2022-W01-WE".
struct IsoWeek {
  int64_t year = 0;
  int week = 0;          // 1..52, or 53 in a year that has one
  bool weekend = false;  // "-WE" right after the week
};

// The ISO week that opens `value` ("YYYY-Www", then "-WE" or anything that is
// not a digit: "/..." of a range), or nullopt when `value` opens otherwise or
// names a week its year does not have ("2021-W53", "2022-W00").
std::optional<IsoWeek> ParseIsoWeek(std::string_view value);

}  // namespace sitrep
