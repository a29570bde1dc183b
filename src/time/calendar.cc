// @brief Calendar arithmetic (H. Hinnant's days_from_civil algorithm).
#include "time/calendar.h"

#include <cstdio>

namespace sitrep {

int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  Ymd r;
  r.d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  r.m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  r.y = static_cast<int>(yoe + era * 400 + (r.m <= 2));
  return r;
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && IsLeapYear(y)) return 29;
  return kDays[m - 1];
}

bool ValidDate(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

int IsoWeekday(int64_t days) {
  // 1970-01-01 was a Thursday (4).
  int64_t w = (days + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

void IsoWeek(int64_t days, int* iso_year, int* week) {
  // The ISO week belongs to the year of its Thursday.
  const int64_t thursday = days - IsoWeekday(days) + 4;
  const Ymd t = CivilFromDays(thursday);
  *iso_year = t.y;
  *week = static_cast<int>((thursday - DaysFromCivil(t.y, 1, 1)) / 7 + 1);
}

Ymd AddMonths(const Ymd& v, int months) {
  int64_t total = static_cast<int64_t>(v.y) * 12 + (v.m - 1) + months;
  Ymd r;
  r.y = static_cast<int>(total / 12);
  r.m = static_cast<int>(total % 12) + 1;
  r.d = v.d;
  if (r.d > DaysInMonth(r.y, r.m)) r.d = DaysInMonth(r.y, r.m);
  return r;
}

std::string FormatDay(const Ymd& v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.y, v.m, v.d);
  return buf;
}

std::string FormatMonth(int y, int m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

std::string FormatYear(int y) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d", y);
  return buf;
}

std::string FormatWeek(int64_t days_in_week, bool weekend) {
  int iy = 0, w = 0;
  IsoWeek(days_in_week, &iy, &w);
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d-W%02d%s", iy, w, weekend ? "-WE" : "");
  return buf;
}

}  // namespace sitrep
