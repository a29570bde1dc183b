// @brief TimeExpr names and the "times" JSON array.
#include "doc/time_expr.h"

#include "base/json.h"
#include "base/utf8.h"

namespace sitrep {

const char* TimeTypeName(TimeType t) {
  switch (t) {
    case TimeType::kDate: return "DATE";
    case TimeType::kTime: return "TIME";
    case TimeType::kDuration: return "DURATION";
    case TimeType::kSet: return "SET";
  }
  return "DATE";
}

const char* AnchorKindName(AnchorKind a) {
  switch (a) {
    case AnchorKind::kNone: return "none";
    case AnchorKind::kAbsolute: return "absolute";
    case AnchorKind::kDct: return "dct";
    case AnchorKind::kExpr: return "expr";
  }
  return "none";
}

void AppendTimesJson(JsonWriter* w, std::string_view text, const std::vector<TimeExpr>& times) {
  CodePointIndex index(text);
  w->Key("times").BeginArray();
  for (const TimeExpr& x : times) {
    w->BeginObject();
    w->Field("start", index.ToCodePoint(x.start));
    w->Field("end", index.ToCodePoint(x.end));
    w->Field("text", x.text);
    w->Field("type", TimeTypeName(x.type));
    if (x.value.empty()) {
      w->Key("value").Null();
    } else {
      w->Field("value", x.value);
    }
    if (x.mod.empty()) {
      w->Key("mod").Null();
    } else {
      w->Field("mod", x.mod);
    }
    if (!x.range_begin.empty()) {
      w->Key("range").BeginObject();
      w->Field("begin", x.range_begin);
      w->Field("end", x.range_end);
      w->EndObject();
    }
    w->Field("anchor", AnchorKindName(x.anchor));
    if (x.anchor == AnchorKind::kExpr) w->Field("anchor_start", index.ToCodePoint(x.anchor_start));
    if (x.unresolved) w->Field("unresolved", true);
    if (!x.rule.empty()) w->Field("rule", x.rule);
    w->EndObject();
  }
  w->EndArray();
}

}  // namespace sitrep
