// @brief Scoring the NER tagger on CoNLL gold files: entity-level exact
// match (the CoNLL rule: a name counts when its first token, last token and
// type all equal a gold name's), precision, recall and F1 per type and over
// PER, ORG and LOC together.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "ner/conll_reader.h"
#include "ner/ner_tagger.h"

namespace sitrep {

struct NerCounts {
  int64_t tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0.0; }
  double Recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0.0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct NerScore {
  std::array<NerCounts, kNerTypes> by_type;
  NerCounts all;
  int64_t sentences = 0, tokens = 0, bytes = 0;
  double seconds = 0;  // time spent tagging
  // The first `max_errors` sentences whose names differ: the sentence with
  // gold names as [text]TYPE, then the system's.
  std::vector<std::string> errors;
};

// Adds the names of one sentence's gold and predicted IOB2 tags to `score`.
void ScoreNerTags(const std::vector<uint8_t>& gold, const std::vector<uint8_t>& pred,
                  NerScore* score);

// Tags every sentence of `gold` with `tagger` and scores it.
NerScore ScoreNerTagger(const NerTagger& tagger, const std::vector<ConllSentence>& gold,
                        size_t max_errors = 0);

// Scores the tagger on gold sources ("FILE" or "FILE@test": ParseConllSource).
Result<NerScore> ScoreNerFiles(const NerTagger& tagger, const std::vector<std::string>& sources,
                               size_t max_errors = 0);

}  // namespace sitrep
