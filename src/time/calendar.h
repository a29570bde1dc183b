// @brief Calendar arithmetic for the time tagger: proleptic Gregorian days,
// ISO weeks and TIMEX3 value formatting. Pure functions, no ICU.
#pragma once

#include <cstdint>
#include <string>

namespace sitrep {

struct Ymd {
  int y = 0, m = 0, d = 0;
};

// Days since 1970-01-01 (negative before). REQUIRES: a valid date.
int64_t DaysFromCivil(int y, int m, int d);
Ymd CivilFromDays(int64_t days);
inline int64_t DaysOf(const Ymd& v) { return DaysFromCivil(v.y, v.m, v.d); }

bool IsLeapYear(int y);
int DaysInMonth(int y, int m);
bool ValidDate(int y, int m, int d);

// ISO weekday: Monday 1 .. Sunday 7.
int IsoWeekday(int64_t days);

// ISO 8601 week containing the day: *iso_year may differ from the calendar year.
void IsoWeek(int64_t days, int* iso_year, int* week);

// Adds months (and years as 12 months), clamping the day to the month's length.
Ymd AddMonths(const Ymd& v, int months);

// TIMEX3 values: "2022-01-05", "2022-01", "2022", "2022-W01", "2021-W52-WE".
std::string FormatDay(const Ymd& v);
std::string FormatMonth(int y, int m);
std::string FormatYear(int y);
std::string FormatWeek(int64_t days_in_week, bool weekend = false);

}  // namespace sitrep
