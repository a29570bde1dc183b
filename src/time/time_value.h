// @brief Typed pieces of a time value: the unit and modifier codes of
// docs/formats/time.md as enums, each made from one list with its TIMEX3
// spelling. The scan compares enums; the spelling is written at output.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

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

}  // namespace sitrep
