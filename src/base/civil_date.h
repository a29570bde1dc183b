// @brief Day numbers of the proleptic Gregorian calendar (days since
// 1970-01-01) and ISO weeks, for stages that sort or compare dates given as
// TIMEX3 strings (figures, report). The time stage has its own typed calendar
// (time/calendar.h).
#pragma once

#include <cstdint>
#include <string>

namespace sitrep {

// Day number of year-month-day (month 1..12, day 1..31).
int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day);

// "YYYY-MM-DD" of a day number.
std::string CivilDayString(int64_t days);

// Day number of the Monday of ISO week `week` of `year` (week 1 holds 4 January).
int64_t IsoWeekMonday(int64_t year, int week);

}  // namespace sitrep
