// @brief Figures across sources: the quantity claims of a corpus grouped into
// series (one quantity in the world: measure, subject, place, period), each
// claim read as an interval from its hedge, the relations between claims
// (agrees, revises, contradicts, same report; part of between series), and per
// series a status, an estimate, its conflicts and a one-line summary.
// Rules: docs/FIGURES.md; output: docs/FORMAT.md ("figures").
//
// The stage reads stored Documents only (claims, mentions, resolved entities,
// publication dates); it needs no re-extraction. Place containment comes from
// the knowledge base through the resolved entities (EntityInfo::kind and
// country). Output is deterministic: it depends on the documents and their
// order only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "doc/document.h"

namespace sitrep {

class JsonWriter;

// How a measure's claims relate over time (data/figures/measures.tsv).
enum class MeasureKind : uint8_t {
  kCumulative,  // a toll that grows: later claims revise earlier ones (killed, arrested)
  kLevel,       // the size of one thing (a force sent): different sources must agree
  kEvent,       // a count on one date (turnout on a Saturday): the date is part of the series
};
const char* MeasureKindName(MeasureKind k);

enum class FigureRelation : uint8_t {
  kFirst,        // the first claim of its series
  kAgrees,       // its interval overlaps the other's
  kRevises,      // a later figure of a cumulative series, or the same source updating itself
  kContradicts,  // same period, disjoint intervals, different sources
  kPartOf,       // (between series) a part of a larger series' quantity
  kSameReport,   // the same figure from the same source in another document: counted once
};
const char* FigureRelationName(FigureRelation r);

enum class SeriesStatus : uint8_t { kSingle, kAgree, kRevised, kContradicted };
const char* SeriesStatusName(SeriesStatus s);

// The knowledge of the stage, all from data/figures/ (docs/formats/figures.md).
struct FigureRules {
  std::unordered_map<std::string, MeasureKind> measures;  // measures that form series
  std::unordered_map<std::string, double> tolerance;      // hedge name -> relative tolerance
  struct SubjectCue {
    std::string lang;                   // ISO 639-1: the data/lang/<code>/ folder it came from
    std::string phrase;                 // folded (FoldForMatch) words
    bool prefix = false;                // the last word may go on ("силовик*")
    std::string subject;                // normalised class: security_forces, civilians, ...
    std::vector<std::string> measures;  // the measures whose claims it qualifies
  };
  std::vector<SubjectCue> subjects;
  struct PlaceNoun {
    std::string lang;    // ISO 639-1: the data/lang/<code>/ folder it came from
    std::string phrase;  // folded
    bool prefix = false;
  };
  std::vector<PlaceNoun> place_nouns;  // "frontière": a place by the country named before

  // Reads DIR/figures/{measures,hedges}.tsv and, for each language folder
  // DIR/lang/<code>/, its figure_subjects.tsv and figure_place_nouns.tsv when
  // present; errors name file:line.
  static Result<FigureRules> Load(const std::string& data_dir);
};

// One claim of a series, as read from one Document's claims.
struct FigureClaim {
  uint32_t doc = 0;            // index into the documents given to BuildFigures
  uint32_t quantity = 0;       // index into that document's claims (its "quantities" array)
  // The copy group of its document (Document::duplicate_of): the index of the
  // group's first document among those given, else `doc`. The same figure
  // from another document of the group is the same report, whatever source
  // each copy names.
  uint32_t group = 0;
  std::string source;          // the attribution's entity name, else its text, else the outlet
  std::string source_key;      // what two claims compare to be "the same source"
  bool source_stated = false;  // the claim names its source (not the outlet as a fallback)
  std::string date;         // as-of date (YYYY-MM-DD), "" when neither claim nor document gives one
  double min = 0, max = 0;  // the interval the hedge allows
  bool open = false;        // no upper bound (max is infinite)
  std::string subject;      // the claim's own subject: class and/or the entity it is about
  bool reported = false;    // conditional mood: reported, not asserted
  FigureRelation relation = FigureRelation::kFirst;
  int relation_to = -1;  // index (in the series' claims) of the claim the relation is to
};

struct FigureConflict {
  uint32_t a = 0, b = 0;  // indexes into FigureSeries::claims, a < b
  std::string why;
};

struct FigureSeries {
  std::string id;  // "fig:" + 12 hex digits of the series key; stable across runs
  std::string measure;
  MeasureKind kind = MeasureKind::kCumulative;
  std::string subject;       // class; "all" when the claims name no part
  std::string place_entity;  // entity id, "" when unknown
  std::string place_name;
  std::string period;  // event date, or "FIRST/LAST" as-of dates of a history, "" unknown
  std::vector<FigureClaim> claims;  // by date (undated first), then document order, then text order
  SeriesStatus status = SeriesStatus::kSingle;
  double est_min = 0, est_max = 0;
  bool est_open = false;
  int latest = -1;  // index into claims of the latest credible claim
  std::vector<FigureConflict> conflicts;
  std::string part_of;   // id of the series this one is a part of, or ""
  std::string part_why;  // "subject" or "place" when part_of is set
  std::string reason;    // why a claim stayed alone (incomplete), or ""
  std::string summary;
};

// Groups every claim of `docs` into series. Claims of measures that are not in
// rules.measures (ages, ordinals, durations, percentages, unknown) and
// ordinal numbers form no series. Series come contradicted first, then
// revised, agree, single; then by size and id. Time and memory are linear in
// the number of claims (each claim is compared with at most kFigureWindow
// earlier claims of its series).
std::vector<FigureSeries> BuildFigures(const std::vector<Document>& docs, const FigureRules& rules);

inline constexpr size_t kFigureWindow = 32;

// Writes `"figures": [...]` (a key and its array) into an open object (docs/FORMAT.md).
void AppendFiguresJson(const std::vector<FigureSeries>& series, const std::vector<Document>& docs,
                       JsonWriter* w);

// One series as one JSON object (for `sitrep query figures --json`).
std::string FigureSeriesJson(const FigureSeries& s, const std::vector<Document>& docs);

// An age claim read as an attribute of a person ("Nursultan Nazarbayev, 81";
// "Nazarbáyev, de 81 años"): ages form no series.
struct PersonAge {
  std::string entity;  // the person's entity id
  double age = 0;
  uint32_t doc = 0, quantity = 0;  // the claim: document index, index in its claims
  std::string date;                // the document's publication day, "" when unknown
};

// Every claim of measure "age" whose sentence names a person right before it:
// a PER mention that ends at most 24 bytes before the claim, with no other
// mention and no sentence end between. In document order.
std::vector<PersonAge> PersonAges(const std::vector<Document>& docs);

// A claim's value as a reader sees it: "≈2 500", ">160", "≤10", "2 030", "'dizaines'".
std::string FigureValueText(const Document& doc, const Claim& c);

}  // namespace sitrep
