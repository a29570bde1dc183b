// @brief Calendar arithmetic for the time tagger: proleptic Gregorian days,
// ISO weeks and TIMEX3 value formatting. Pure functions, no ICU.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

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

// A holiday's date rule, as written in time_words.tsv (`holiday` kind):
//   "12-25"      a fixed month and day;
//   "E+1", "E-2" days from Western (Gregorian) Easter Sunday;
//   "O+0"        days from Orthodox Easter Sunday, as a Gregorian date;
//   "11-W4-4+1"  the 4th Thursday of November, plus one day ("-1" as the
//                count: the last one; the "+N" part is optional).
struct HolidayRule {
  enum class Kind { kFixed, kEaster, kOrthodoxEaster, kNthWeekday };
  Kind kind = Kind::kFixed;
  int month = 0, day = 0;    // kFixed; month also for kNthWeekday
  int weekday = 0, nth = 0;  // kNthWeekday: ISO weekday, 1..5 or -1 (last)
  int offset = 0;            // days added (Easter kinds, kNthWeekday)
};

// False when `text` is not one of the forms above.
bool ParseHolidayRule(const std::string& text, HolidayRule* rule);

// The holiday's day in year `y` (1583..9999); false when it has none (a
// fixed 02-29 in a common year).
bool HolidayDate(const HolidayRule& rule, int y, Ymd* out);

// A calendar value "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real date): its
// first day and its precision (1 year, 2 month, 3 day); 0 when malformed.
int ParseCalendarValue(std::string_view v, Ymd* first);

// One such value, or two joined by '/' with the first not after the second
// ("1947/1991"): the value of a `period_name` line.
bool ValidPeriodValue(std::string_view v);

// TIMEX3 values: "2022-01-05", "2022-01", "2022", "2022-W01", "2021-W52-WE".
std::string FormatDay(const Ymd& v);
std::string FormatMonth(int y, int m);
std::string FormatYear(int y);
std::string FormatWeek(int64_t days_in_week, bool weekend = false);

}  // namespace sitrep
