// @brief TimeExpr: a date, time, duration or set found in a Document, with its
// TIMEX3-style value resolved against the document date (src/time builds it).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

class JsonWriter;

enum class TimeType { kDate, kTime, kDuration, kSet };
const char* TimeTypeName(TimeType t);  // "DATE", "TIME", "DURATION", "SET"

// What a value was computed from.
enum class AnchorKind {
  kNone,      // durations and sets: no anchor needed
  kAbsolute,  // the text itself gives the whole value ("le 2 juin 2017")
  kDct,       // resolved against the document date
  kExpr,      // resolved against an earlier absolute expression (anchor_start)
};
const char* AnchorKindName(AnchorKind a);  // "none", "absolute", "dct", "expr"

struct TimeExpr {
  uint32_t start = 0, end = 0;  // byte offsets into the tagged text, end exclusive
  std::string text;             // text[start:end]
  TimeType type = TimeType::kDate;
  // TIMEX3 value: 2022-01-05, 2022-01, 2022, 199 (decade), 2022-W01,
  // 2021-W52-WE, 2022-01-06TEV, T14:30, P10D, PT3H, PXD, PRESENT_REF,
  // XXXX-WXX-1 (a weekday, unresolved), XXXX-01-23. Ranges: "begin/end".
  // Empty when the expression is relative and nothing anchors it.
  std::string value;
  std::string mod;  // APPROX START MID END BEFORE AFTER MORE_THAN LESS_THAN EQUAL_OR_LESS, or ""
  std::string range_begin, range_end;  // both set for "du 6 au 10 janvier"
  AnchorKind anchor = AnchorKind::kNone;
  uint32_t anchor_start = 0;  // kExpr: byte offset of the anchoring expression
  bool unresolved = false;    // relative, and no anchor was available
  // Only when asked (Options::explain_time): the scan rules that produced it,
  // outermost first ("Hedged>DayMonth"; data rules as "fr:century_roman").
  std::string rule;
};

// Writes `"times": [...]` into an open JSON object. `text` is the text the
// expressions were tagged in (Document::text); offsets are written as code
// points, end exclusive, like every other offset of the format.
void AppendTimesJson(JsonWriter* w, std::string_view text, const std::vector<TimeExpr>& times);

}  // namespace sitrep
