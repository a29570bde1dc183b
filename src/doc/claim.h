// @brief Claim: a sourced quantity found in a Document ("environ 2 000 soldats,
// selon RIA"), as the quantity stage builds it and later stages read it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

class JsonWriter;
struct Document;

enum class NumberKind : uint8_t { kCardinal, kOrdinal, kFraction, kVague };
const char* NumberKindName(NumberKind k);

enum class HedgeType : uint8_t {
  kExact,
  kApproximate,
  kLowerBound,
  kUpperBound,
  kVaguePlural,
  kVagueFew
};
const char* HedgeTypeName(HedgeType h);

struct TextSpan {
  uint32_t start = 0, end = 0;  // byte offsets into Document::text; empty when start == end
  bool empty() const { return start == end; }
};

struct Claim {
  uint32_t start = 0, end = 0;  // the claim's words: hedge, number, counted noun
  uint32_t number_start = 0, number_end = 0;
  bool interval = false;  // a range or a vague quantity: min/max, no value
  double value = 0, min = 0, max = 0;
  NumberKind number_kind = NumberKind::kCardinal;
  HedgeType hedge = HedgeType::kExact;
  TextSpan hedge_span;  // the hedge as written ("environ", "plus de")
  std::string measure;  // troops, killed, ..., other
  std::string unit;     // unit code (%, EUR, day) or the counted noun as written
  TextSpan
      unit_span;  // the unit or counted noun as written ("$", "millions de dollars" -> "dollars")
  std::string base_unit;  // physical units: the measure's base unit ("m", "Cel"); "" when none
  double base_value = 0, base_min = 0, base_max = 0;  // value (or min, max) in base_unit
  TextSpan subject;                                   // whose: "de l'OTSC", "russes"
  TextSpan place;               // where: "au Kazakhstan", "près de la frontière"
  std::string time;             // the date the figure refers to; empty when unknown
  TextSpan attribution;         // "selon des responsables occidentaux"
  TextSpan source;              // the source inside it: "des responsables occidentaux"
  std::string source_entity;    // entity id of a mention inside `source` ("org:ria"), or ""
  bool source_anaphor = false;  // the cue refers back ("selon la même source"): `source`
                                // is then the previous attributed claim's source
  bool reported = false;        // conditional mood: "auraient tué"
  int sentence = -1;            // index into Document::sentences
};

// Writes `"quantities": [...]` (a key and its array) into an open object;
// offsets in code points (docs/FORMAT.md, "quantities").
void AppendQuantitiesJson(const Document& doc, const std::vector<Claim>& claims, JsonWriter* w);

}  // namespace sitrep
