// @brief The TIMEX3 spellings of TimeUnit and TimeMod, from their lists.
#include "time/time_value.h"

namespace sitrep {
namespace {

struct UnitCode {
  TimeUnit unit;
  const char* code;
};
constexpr UnitCode kUnitCodes[] = {
#define SITREP_TIME_UNIT_CODE(e, code) {TimeUnit::e, code},
    SITREP_TIME_UNITS(SITREP_TIME_UNIT_CODE)
#undef SITREP_TIME_UNIT_CODE
};

struct ModName {
  TimeMod mod;
  const char* name;
};
constexpr ModName kModNames[] = {
#define SITREP_TIME_MOD_NAME(e, name) {TimeMod::e, name},
    SITREP_TIME_MODS(SITREP_TIME_MOD_NAME)
#undef SITREP_TIME_MOD_NAME
};

}  // namespace

const char* TimeUnitCode(TimeUnit u) {
  for (const UnitCode& c : kUnitCodes) {
    if (c.unit == u) return c.code;
  }
  return "";
}

std::optional<TimeUnit> ParseTimeUnit(std::string_view code) {
  for (const UnitCode& c : kUnitCodes) {
    if (code == c.code) return c.unit;
  }
  return std::nullopt;
}

const char* TimeModName(TimeMod m) {
  for (const ModName& n : kModNames) {
    if (n.mod == m) return n.name;
  }
  return "";
}

std::optional<TimeMod> ParseTimeMod(std::string_view name) {
  for (const ModName& n : kModNames) {
    if (name == n.name) return n.mod;
  }
  return std::nullopt;
}

namespace {

struct PartCode {
  DayPeriod part;
  const char* code;
};
constexpr PartCode kPartCodes[] = {
#define SITREP_DAY_PART_CODE(e, code) {DayPeriod::e, code},
    SITREP_DAY_PARTS(SITREP_DAY_PART_CODE)
#undef SITREP_DAY_PART_CODE
};

}  // namespace

const char* DayPeriodCode(DayPeriod p) {
  for (const PartCode& c : kPartCodes) {
    if (c.part == p) return c.code;
  }
  return "";
}

std::optional<DayPeriod> ParseDayPeriod(std::string_view code) {
  for (const PartCode& c : kPartCodes) {
    if (code == c.code) return c.part;
  }
  return std::nullopt;
}

TimexValue TimexValue::Year(int y) {
  TimexValue v(FormatYear(y));
  if (y >= 0 && y <= 9999) {
    v.grain_ = Grain::kYear;
    v.first_ = {y, 1, 1};
  }
  return v;
}

TimexValue TimexValue::YearPart(int y, std::string_view code) {
  TimexValue v(FormatYear(y) + std::string(code));
  if (y >= 0 && y <= 9999) {
    v.grain_ = Grain::kYearPart;
    v.first_ = {y, 1, 1};
  }
  return v;
}

TimexValue TimexValue::Month(int y, int m) {
  TimexValue v(FormatMonth(y, m));
  if (y >= 0 && y <= 9999 && m >= 1 && m <= 12) {
    v.grain_ = Grain::kMonth;
    v.first_ = {y, m, 1};
  }
  return v;
}

TimexValue TimexValue::Day(const Ymd& d) {
  TimexValue v(FormatDay(d));
  if (d.y >= 0 && d.y <= 9999 && ValidDate(d.y, d.m, d.d)) {
    v.grain_ = Grain::kDay;
    v.first_ = d;
  }
  return v;
}

}  // namespace sitrep
