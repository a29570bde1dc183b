// @brief Claim names and the "quantities" JSON array.
#include "doc/claim.h"

#include "base/json.h"
#include "base/utf8.h"
#include "doc/document.h"

namespace sitrep {

const char* NumberKindName(NumberKind k) {
  switch (k) {
    case NumberKind::kCardinal:
      return "cardinal";
    case NumberKind::kOrdinal:
      return "ordinal";
    case NumberKind::kFraction:
      return "fraction";
    case NumberKind::kVague:
      return "vague";
  }
  return "cardinal";
}

const char* HedgeTypeName(HedgeType h) {
  switch (h) {
    case HedgeType::kExact:
      return "exact";
    case HedgeType::kApproximate:
      return "approximate";
    case HedgeType::kLowerBound:
      return "lower_bound";
    case HedgeType::kUpperBound:
      return "upper_bound";
    case HedgeType::kVaguePlural:
      return "vague_plural";
    case HedgeType::kVagueFew:
      return "vague_few";
  }
  return "exact";
}

void AppendQuantitiesJson(const Document& doc, const std::vector<Claim>& claims, JsonWriter* w) {
  CodePointIndex index(doc.text);
  auto text_of = [&doc](TextSpan s) {
    return std::string_view(doc.text).substr(s.start, s.end - s.start);
  };
  w->Key("quantities").BeginArray();
  for (const Claim& c : claims) {
    w->BeginObject();
    w->Field("start", index.ToCodePoint(c.start));
    w->Field("end", index.ToCodePoint(c.end));
    w->Field("text", text_of({c.start, c.end}));
    if (c.interval) {
      w->Field("min", c.min);
      w->Field("max", c.max);
    } else {
      w->Field("value", c.value);
    }
    w->Field("number", text_of({c.number_start, c.number_end}));
    w->Field("kind", NumberKindName(c.number_kind));
    w->Field("hedge", HedgeTypeName(c.hedge));
    w->Field("hedge_text", text_of(c.hedge_span));
    w->Field("measure", c.measure);
    w->Field("unit", c.unit);
    w->Field("unit_text", text_of(c.unit_span));
    w->Field("base_unit", c.base_unit);
    if (!c.base_unit.empty()) {
      if (c.interval) {
        w->Field("base_min", c.base_min);
        w->Field("base_max", c.base_max);
      } else {
        w->Field("base_value", c.base_value);
      }
    }
    w->Field("subject", text_of(c.subject));
    w->Field("place", text_of(c.place));
    w->Field("time", c.time);
    w->Key("attribution");
    if (c.attribution.empty()) {
      w->Null();
    } else {
      w->BeginObject();
      w->Field("text", text_of(c.attribution));
      w->Field("source", text_of(c.source));
      w->Field("anaphor", c.source_anaphor);
      if (c.source_entity.empty()) {
        w->Key("entity").Null();
      } else {
        w->Field("entity", c.source_entity);
      }
      w->EndObject();
    }
    w->Field("reported", c.reported);
    w->Field("sentence", c.sentence);
    w->EndObject();
  }
  w->EndArray();
}

}  // namespace sitrep
