// @brief Typed pieces of a time value: the unit and modifier codes of
// docs/formats/time.md as enums, each made from one list with its TIMEX3
// spelling, and TimexValue, a value that knows the calendar period it names.
// The scan compares enums and reads typed fields; spellings are written once.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "time/calendar.h"

namespace sitrep {

// X(enumerator, code): the unit codes of time_words.tsv (`unit`, `unit_end`).
#define SITREP_TIME_UNITS(X) \
  X(kD, "D")                 \
  X(kBD, "BD")               \
  X(kWD, "WD")               \
  X(kW, "W")                 \
  X(kFN, "FN")               \
  X(kWE, "WE")               \
  X(kM, "M")                 \
  X(kQ, "Q")                 \
  X(kHY, "HY")               \
  X(kY, "Y")                 \
  X(kDE, "DE")               \
  X(kCE, "CE")               \
  X(kH, "H")                 \
  X(kMin, "MIN")             \
  X(kS, "S")

enum class TimeUnit : uint8_t {
  kNone,  // not a unit (an entry of another kind)
#define SITREP_TIME_UNIT_ENUM(e, code) e,
  SITREP_TIME_UNITS(SITREP_TIME_UNIT_ENUM)
#undef SITREP_TIME_UNIT_ENUM
};

// "D", "MIN", ...; "" for kNone.
const char* TimeUnitCode(TimeUnit u);
std::optional<TimeUnit> ParseTimeUnit(std::string_view code);

// Hours, minutes and seconds: units of the clock, not of the calendar.
constexpr bool IsClockUnit(TimeUnit u) {
  return u == TimeUnit::kH || u == TimeUnit::kMin || u == TimeUnit::kS;
}

// Seconds in one clock unit (H, MIN, S); 1 for any other unit.
constexpr int64_t SecondsPer(TimeUnit u) {
  return u == TimeUnit::kH ? 3600 : u == TimeUnit::kMin ? 60 : 1;
}

// The unit's letters in a TIMEX3 duration: the code, but "M" for minutes
// (after the "T" of "PT30M").
inline const char* DurationLetters(TimeUnit u) {
  return u == TimeUnit::kMin ? "M" : TimeUnitCode(u);
}

// X(enumerator, TIMEX3 mod): the values of `hedge`, `hedge_post` and
// `approx_suffix` words and of TimeExpr::mod.
#define SITREP_TIME_MODS(X) \
  X(kApprox, "APPROX")      \
  X(kStart, "START")        \
  X(kMid, "MID")            \
  X(kEnd, "END")            \
  X(kBefore, "BEFORE")      \
  X(kAfter, "AFTER")        \
  X(kMoreThan, "MORE_THAN") \
  X(kLessThan, "LESS_THAN") \
  X(kEqualOrLess, "EQUAL_OR_LESS")

enum class TimeMod : uint8_t {
  kNone,  // no modifier: written as ""
#define SITREP_TIME_MOD_ENUM(e, name) e,
  SITREP_TIME_MODS(SITREP_TIME_MOD_ENUM)
#undef SITREP_TIME_MOD_ENUM
};

// "APPROX", ...; "" for kNone.
const char* TimeModName(TimeMod m);
std::optional<TimeMod> ParseTimeMod(std::string_view name);

// X(enumerator, code): the parts of the day of time_words.tsv (`part`,
// `day_part`, `part_eve`), TIMEX3 "T" + code: morning, afternoon, evening,
// night, daytime, night-time.
#define SITREP_DAY_PARTS(X) \
  X(kMO, "MO")              \
  X(kAF, "AF")              \
  X(kEV, "EV")              \
  X(kNI, "NI")              \
  X(kDT, "DT")              \
  X(kNT, "NT")

enum class DayPeriod : uint8_t {
  kNone,  // not a part of the day
#define SITREP_DAY_PART_ENUM(e, code) e,
  SITREP_DAY_PARTS(SITREP_DAY_PART_ENUM)
#undef SITREP_DAY_PART_ENUM
};

// "MO", ...; "" for kNone.
const char* DayPeriodCode(DayPeriod p);
std::optional<DayPeriod> ParseDayPeriod(std::string_view code);

// A bare hour (0..23) read in a part of the day: before noon in the afternoon
// or the evening it is after noon ("7" in the evening is 19); in the night
// too from `night_from` on (the callers differ: 6 or 7), so "2" at night
// stays 2 and "10" at night is 22; "12" in the evening or at night is
// midnight (de "12 Uhr nachts" T00).
constexpr int HourInPart(int hour, DayPeriod part, int night_from) {
  if (hour == 12 && (part == DayPeriod::kEV || part == DayPeriod::kNI)) return 0;
  if ((part == DayPeriod::kAF || part == DayPeriod::kEV) && hour < 12) return hour + 12;
  if (part == DayPeriod::kNI && hour >= night_from && hour < 12) return hour + 12;
  return hour;
}

// How much of the calendar a TimexValue names, when it names one whole
// period: kNone for every other value (weeks, quarters, times, durations,
// ranges, unresolved "XXXX-..." values).
// kYearPart: a quarter, half or season of a known year ("2019-Q3", "2019-H2",
// "2019-SU"); first() is then the year's first day.
enum class Grain : uint8_t { kNone, kYear, kYearPart, kMonth, kDay };

// A TIMEX3 value of a candidate: its text, and, when it was made by Year(),
// Month() or Day(), the period it names (grain and first day), so that a
// construction reading an inner value ("of next year", "Jan-Feb 2017") reads
// fields instead of parsing text. Any change to the text through the string
// interface forgets the period: the typed part is never stale.
class TimexValue {
 public:
  TimexValue() = default;
  TimexValue(std::string text) : text_(std::move(text)) {}  // NOLINT: any other value
  TimexValue(const char* text) : text_(text) {}             // NOLINT

  // "2019", "2019-03", "2019-03-05". A year outside 0..9999 is spelled but
  // names no period of four digits: its grain stays kNone.
  static TimexValue Year(int y);
  static TimexValue Month(int y, int m);
  static TimexValue Day(const Ymd& d);
  // "2019" + code: a quarter ("-Q3"), a half ("-H2") or a season ("-SU").
  static TimexValue YearPart(int y, std::string_view code);

  Grain grain() const { return grain_; }
  // The first day of the period (kYear: January 1st, kMonth: the 1st).
  // REQUIRES: grain() != Grain::kNone.
  const Ymd& first() const { return first_; }

  const std::string& str() const { return text_; }
  operator const std::string&() const { return text_; }  // NOLINT: reads as text
  bool empty() const { return text_.empty(); }
  size_t size() const { return text_.size(); }
  char operator[](size_t i) const { return text_[i]; }
  const char* c_str() const { return text_.c_str(); }
  std::string substr(size_t pos, size_t n = std::string::npos) const {
    return text_.substr(pos, n);
  }
  size_t find(std::string_view s, size_t pos = 0) const { return text_.find(s, pos); }
  size_t find(char c, size_t pos = 0) const { return text_.find(c, pos); }
  void clear() { *this = TimexValue(); }
  TimexValue& operator+=(std::string_view s) {
    text_ += s;
    grain_ = Grain::kNone;
    return *this;
  }
  TimexValue& operator+=(char c) {
    text_ += c;
    grain_ = Grain::kNone;
    return *this;
  }

  friend bool operator==(const TimexValue& a, std::string_view b) { return a.text_ == b; }
  friend bool operator==(const TimexValue& a, const char* b) { return a.text_ == b; }
  friend bool operator==(const TimexValue& a, const TimexValue& b) { return a.text_ == b.text_; }
  friend std::strong_ordering operator<=>(const TimexValue& a, std::string_view b) {
    return std::string_view(a.text_) <=> b;
  }
  friend bool operator==(const TimexValue& a, const std::string& b) { return a.text_ == b; }
  friend std::strong_ordering operator<=>(const TimexValue& a, const std::string& b) {
    return a.text_ <=> b;
  }
  friend std::strong_ordering operator<=>(const TimexValue& a, const char* b) {
    return std::string_view(a.text_) <=> std::string_view(b);
  }
  friend std::strong_ordering operator<=>(const TimexValue& a, const TimexValue& b) {
    return a.text_ <=> b.text_;
  }
  friend std::string operator+(const TimexValue& a, std::string_view b) {
    return a.text_ + std::string(b);
  }
  friend std::string operator+(std::string_view a, const TimexValue& b) {
    return std::string(a) + b.text_;
  }

 private:
  std::string text_;
  Grain grain_ = Grain::kNone;
  Ymd first_;
};

}  // namespace sitrep
