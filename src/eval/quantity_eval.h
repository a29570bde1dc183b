// @brief Scoring the quantity stage: the seed gold (claims) and
// Recognizers-Text number specs (docs/EVAL-quantity.md).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "doc/document.h"
#include "quantity/quantity_tagger.h"
#include "segment/segmenter.h"

namespace sitrep {

class JsonValue;

struct QuantityScores {
  int gold = 0, predicted = 0, matched = 0;  // spans; matched = gold matched 1:1 by overlap
  double precision = 0, recall = 0, f1 = 0;
  int value_ok = 0, measure_ok = 0, attribution_ok = 0;  // among matched
  std::vector<std::string> details;                      // one line per miss or error
};

// The raw text of `path` as a Document: one paragraph per non-empty line,
// sentences from `segmenter`, language `lang`. Offsets are the file's own.
Result<Document> DocumentFromTextFile(const std::string& path, std::string_view lang,
                                      Segmenter* segmenter);
Document DocumentFromText(std::string text, std::string_view lang, Segmenter* segmenter);

// The measure name of a seed gold claim (its English category and unit mapped
// to ours: troops, killed, ..., duration, ordinal, other).
std::string GoldClaimMeasure(const JsonValue& claim);

// A span in code points of a document's text, end exclusive.
struct CodePointSpan {
  int64_t start = 0, end = 0;
};

// Gold claim spans matched 1:1 to `claims` of `doc`: in gold order, each gold
// span takes the unused claim it overlaps most (docs/EVAL-quantity.md). The
// claim index for each gold span, or -1 when none overlaps.
std::vector<int> MatchClaimSpans(const std::vector<CodePointSpan>& gold, const Document& doc,
                                 const std::vector<Claim>& claims);

// Scores claims against seed-gold/quantities.json; articles read from corpus_dir.
Result<QuantityScores> ScoreSeedQuantities(const QuantityTagger& tagger, Segmenter* segmenter,
                                           const std::string& gold_path,
                                           const std::string& corpus_dir);

struct SpecScores {
  int cases = 0, cases_ok = 0;
  int gold = 0, predicted = 0, matched = 0;
  double case_accuracy = 0, precision = 0, recall = 0, f1 = 0;
  int skipped = 0;  // gold results left out by a documented convention (unit specs: no number)
  std::vector<std::string> failures;
};

// Recognizers-Text NumberModel: Numbers() of each Input against Results
// (same start, same end, same value).
Result<SpecScores> ScoreNumberSpec(const QuantityTagger& tagger, const std::string& path,
                                   std::string_view lang);

// Recognizers-Text NumberWithUnit (currency): claims with measure money
// against Results (same span, same number).
Result<SpecScores> ScoreCurrencySpec(const QuantityTagger& tagger, const std::string& path,
                                     std::string_view lang);

// Recognizers-Text NumberWithUnit dimension or temperature: claims whose
// measure passes `measure_ok` against Results, on the number and its unit (a
// range on its second number and its maximum); results without a number are
// left out (`skipped`), as the tagger reads no quantity there
// (docs/EVAL-quantity.md).
Result<SpecScores> ScoreUnitSpec(const QuantityTagger& tagger, const std::string& path,
                                 std::string_view lang,
                                 const std::function<bool(const std::string&)>& measure_ok);

}  // namespace sitrep
