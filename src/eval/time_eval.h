// @brief Scoring the time tagger: the seed gold (temporal.json) and the
// Recognizers-Text DateTimeModel specs. Matching rules: docs/EVAL-time.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "time/time_tagger.h"

namespace sitrep {

struct TimeEvalError {
  std::string category;  // "missed", "spurious", "value", "span"
  std::string where;     // article or input sentence
  std::string gold, got;
};

struct SeedTimeScore {
  int gold = 0, predicted = 0;
  int gold_matched = 0, predicted_matched = 0;  // overlap matching, one-to-one
  int value_correct = 0;                        // among matched pairs
  double span_precision = 0, span_recall = 0, span_f1 = 0, value_accuracy = 0;
  std::vector<TimeEvalError> errors;
};

// Runs the tagger (French) on each seed file's raw text with the gold
// reference date of the article as DCT; gold offsets are code points.
Result<SeedTimeScore> ScoreSeedTemporal(const TimeTagger& tagger, const std::string& gold_json,
                                        const std::string& seeds_dir);

struct SpecTimeScore {
  int cases = 0;  // cases with Context.ReferenceDateTime
  int gold = 0, predicted = 0, correct = 0;
  double precision = 0, recall = 0, f1 = 0;
  std::vector<TimeEvalError> errors;
};

// Scores one Recognizers-Text DateTimeModel.json: a prediction is correct
// when its span equals a gold result's (Start..End inclusive, in UTF-16
// units) and its value matches one of that result's timex values.
Result<SpecTimeScore> ScoreRecognizersSpec(const TimeTagger& tagger, const std::string& spec_json,
                                           const std::string& lang);

struct ExtractorRecall {
  int cases = 0, gold = 0;
  int exact = 0;    // gold spans we find exactly (Start, Length in UTF-16 units)
  int overlap = 0;  // gold spans one of our expressions overlaps
};

// Span recall on a Recognizers-Text extractor spec (DateExtractor.json,
// DurationExtractor.json, ...: Results with Start and Length, no values and
// no reference date; the DCT is 2016-11-07). Precision is not scored: each
// file lists one kind of expression only.
Result<ExtractorRecall> ScoreExtractorSpec(const TimeTagger& tagger, const std::string& spec_json,
                                           const std::string& lang);

// True when a Recognizers-Text timex (X digits are wildcards, "XXXX-WXX-3"
// is any Wednesday, "(A,B,PnD)" a range) matches our expression.
bool TimexMatches(std::string_view timex, const TimeExpr& ours);

// True when our value equals the gold value at the gold's granularity
// ("2022-01-05" matches gold "2022-01" and gold "2022-W01").
bool ValueMatchesAtGranularity(std::string_view gold, std::string_view ours);

}  // namespace sitrep
