// @brief Day numbers and ISO weeks (civil_date.h), after Howard Hinnant's
// days_from_civil / civil_from_days algorithms (public domain description).
#include "base/civil_date.h"

#include <charconv>
#include <cstdio>

namespace sitrep {

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::string CivilDayString(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return buf;
}

int64_t IsoWeekMonday(int64_t year, int week) {
  const int64_t jan4 = DaysFromCivil(year, 1, 4);
  const int64_t weekday = ((jan4 + 3) % 7 + 7) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
  return jan4 - weekday + 7 * static_cast<int64_t>(week - 1);
}

std::optional<IsoWeek> ParseIsoWeek(std::string_view v) {
  auto digits = [&](size_t pos, size_t n) {
    if (pos + n > v.size()) return false;
    for (size_t i = pos; i < pos + n; ++i) {
      if (v[i] < '0' || v[i] > '9') return false;
    }
    return true;
  };
  if (!digits(0, 4) || v.size() < 8 || v[4] != '-' || v[5] != 'W' || !digits(6, 2) ||
      digits(8, 1)) {
    return std::nullopt;
  }
  IsoWeek w;
  (void)std::from_chars(v.data(), v.data() + 4, w.year);  // four digits: cannot fail
  (void)std::from_chars(v.data() + 6, v.data() + 8, w.week);
  // A year has 53 weeks when its week 1 and the next year's are 53 weeks apart.
  const int weeks = static_cast<int>((IsoWeekMonday(w.year + 1, 1) - IsoWeekMonday(w.year, 1)) / 7);
  if (w.week < 1 || w.week > weeks) return std::nullopt;
  w.weekend = v.substr(8, 3) == "-WE";
  return w;
}

}  // namespace sitrep
