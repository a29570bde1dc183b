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

namespace {

// Western Easter Sunday: the anonymous Gregorian computus (Meeus/Jones/Butcher).
Ymd GregorianEaster(int y) {
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return {y, month, day};
}

// Orthodox Easter: the Julian computus (Meeus), moved to the Gregorian calendar
// by the difference of the two calendars in that century.
Ymd OrthodoxEaster(int y) {
  const int a = y % 4, b = y % 7, c = y % 19, d = (19 * c + 15) % 30;
  const int e = (2 * a + 4 * b - d + 34) % 7;
  const int month = (d + e + 114) / 31, day = (d + e + 114) % 31 + 1;
  const int shift = y / 100 - y / 400 - 2;  // 13 days in 1900..2099
  return CivilFromDays(DaysFromCivil(y, month, day) + shift);
}

bool ReadInt(const std::string& s, size_t* pos, int* out) {
  size_t p = *pos;
  bool neg = false;
  if (p < s.size() && (s[p] == '+' || s[p] == '-')) neg = s[p++] == '-';
  const size_t digits = p;
  int v = 0;
  while (p < s.size() && s[p] >= '0' && s[p] <= '9' && p - digits < 4) v = v * 10 + (s[p++] - '0');
  if (p == digits) return false;
  *out = neg ? -v : v;
  *pos = p;
  return true;
}

}  // namespace

bool ParseHolidayRule(const std::string& text, HolidayRule* rule) {
  HolidayRule r;
  size_t p = 0;
  if (!text.empty() && (text[0] == 'E' || text[0] == 'O')) {
    r.kind = text[0] == 'E' ? HolidayRule::Kind::kEaster : HolidayRule::Kind::kOrthodoxEaster;
    p = 1;
    if (p >= text.size() || (text[p] != '+' && text[p] != '-')) return false;
    if (!ReadInt(text, &p, &r.offset) || p != text.size()) return false;
    *rule = r;
    return true;
  }
  if (!ReadInt(text, &p, &r.month) || r.month < 1 || r.month > 12) return false;
  if (p >= text.size() || text[p] != '-') return false;
  ++p;
  if (p < text.size() && text[p] == 'W') {
    r.kind = HolidayRule::Kind::kNthWeekday;
    ++p;
    if (!ReadInt(text, &p, &r.weekday) || r.weekday < 1 || r.weekday > 7) return false;
    if (p >= text.size() || text[p] != '-') return false;
    ++p;
    if (!ReadInt(text, &p, &r.nth) || r.nth == 0 || r.nth < -1 || r.nth > 5) return false;
    if (p < text.size() && (text[p] != '+' || !ReadInt(text, &p, &r.offset))) return false;
  } else {
    if (!ReadInt(text, &p, &r.day) || r.day < 1 || r.day > 31) return false;
    if (!ValidDate(2000, r.month, r.day)) return false;
  }
  if (p != text.size()) return false;
  *rule = r;
  return true;
}

bool HolidayDate(const HolidayRule& rule, int y, Ymd* out) {
  if (y < 1583 || y > 9999) return false;
  switch (rule.kind) {
    case HolidayRule::Kind::kFixed:
      if (!ValidDate(y, rule.month, rule.day)) return false;
      *out = {y, rule.month, rule.day};
      return true;
    case HolidayRule::Kind::kEaster:
      *out = CivilFromDays(DaysOf(GregorianEaster(y)) + rule.offset);
      return true;
    case HolidayRule::Kind::kOrthodoxEaster:
      *out = CivilFromDays(DaysOf(OrthodoxEaster(y)) + rule.offset);
      return true;
    case HolidayRule::Kind::kNthWeekday: {
      int64_t day;
      if (rule.nth > 0) {
        const int64_t first = DaysFromCivil(y, rule.month, 1);
        day = first + (rule.weekday - IsoWeekday(first) + 7) % 7 + 7 * (rule.nth - 1);
        if (CivilFromDays(day).m != rule.month) return false;  // no 5th one
      } else {
        const int64_t last = DaysFromCivil(y, rule.month, DaysInMonth(y, rule.month));
        day = last - (IsoWeekday(last) - rule.weekday + 7) % 7;
      }
      *out = CivilFromDays(day + rule.offset);
      return true;
    }
  }
  return false;
}

int ParseCalendarValue(std::string_view v, Ymd* first) {
  auto digits = [&](size_t at, size_t n, int* out) {
    if (at + n > v.size()) return false;
    int x = 0;
    for (size_t k = at; k < at + n; ++k) {
      if (v[k] < '0' || v[k] > '9') return false;
      x = x * 10 + (v[k] - '0');
    }
    *out = x;
    return true;
  };
  int y = 0, m = 1, d = 1;
  if (!digits(0, 4, &y)) return 0;
  int precision = 1;
  if (v.size() == 7 || v.size() == 10) {
    if (v[4] != '-' || !digits(5, 2, &m) || m < 1 || m > 12) return 0;
    precision = 2;
  }
  if (v.size() == 10) {
    if (v[7] != '-' || !digits(8, 2, &d) || !ValidDate(y, m, d)) return 0;
    precision = 3;
  }
  if (v.size() != 4 && v.size() != 7 && v.size() != 10) return 0;
  if (first) *first = {y, m, d};
  return precision;
}

bool ValidPeriodValue(std::string_view v) {
  const size_t slash = v.find('/');
  Ymd a, b;
  if (slash == std::string_view::npos) return ParseCalendarValue(v, &a) != 0;
  return ParseCalendarValue(v.substr(0, slash), &a) != 0 &&
         ParseCalendarValue(v.substr(slash + 1), &b) != 0 && DaysOf(a) <= DaysOf(b);
}

}  // namespace sitrep
