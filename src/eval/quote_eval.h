// @brief Scoring quotes and speakers against the seed gold
// (../shared/eval/seed-gold/quotes.json; rules in docs/EVAL.md, "quotes").
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "eval/figures_eval.h"

namespace sitrep {

struct QuoteScores {
  // Speech: gold direct_speech and partial_quote against system quotes of
  // kind direct or partial; a pair matches when the quoted words overlap.
  int gold_speech = 0, system_speech = 0, matched_speech = 0;
  double precision = 0, recall = 0, f1 = 0;
  // Of the matched gold speech quotes: the system speaker's entity is the
  // entity the gold speaker's own mentions resolve to (none for none).
  int speakers_scored = 0, speakers_right = 0;
  double speaker_accuracy = 0;
  // Gold terms (scare quotes, epithets, quoted names and headlines) found by
  // an overlapping system quote of kind term (term or partial for the gold's
  // term/partial_quote).
  int gold_terms = 0, terms_found = 0;
  double term_recall = 0;
  int not_in_text = 0;               // gold quotes the cleaner removed (boilerplate): not scored
  std::vector<std::string> details;  // one line per miss, false quote or wrong speaker
};

// Gold: DIR/quotes.json and DIR/entities.json; each seed of the gold through
// `process` (the whole pipeline; its Document keeps the source map).
Result<QuoteScores> ScoreSeedQuotes(const std::string& gold_dir, const std::string& seeds_dir,
                                    const ProcessSeedArticle& process);

}  // namespace sitrep
