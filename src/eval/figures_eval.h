// @brief Scoring the figures stage against the seed gold's reconciliation
// groups (docs/EVAL-figures.md): pairwise F1 of grouping claims into series.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "doc/document.h"
#include "figures/figures.h"

namespace sitrep {

// Runs the whole pipeline on one seed article: its path and the publication
// date to give it (YYYY-MM-DD, "" for none). The Document must keep its
// source map (plain-text input) so gold offsets can be carried over.
using ProcessSeedArticle =
    std::function<Result<Document>(const std::string& path, const std::string& date)>;

// A code-point offset of a seed file -> a code-point offset of doc.text,
// through the document's source map; -1 when that character was removed.
// `end`: the offset ends a span (may equal the end of a run).
int64_t SourceToTextCodePoint(const Document& doc, int64_t source_cp, bool end);

struct FiguresScores {
  int gold_claims = 0;  // every claim of the gold
  int not_figures = 0;  // gold claims of measures that form no series (ordinal, duration, age)
  int scored = 0;       // the others, matched to an extracted claim
  int unmatched = 0;    // the others, not extracted (a quantity-stage miss)
  // Pairs among the scored claims: same gold group / same series / both.
  int gold_pairs = 0, predicted_pairs = 0, true_pairs = 0;
  double precision = 0, recall = 0, f1 = 0;
  // Recall over every gold pair of figure claims, extracted or not.
  int gold_pairs_all = 0;
  double recall_all = 0;
  // Per gold group: which series its claims landed in, their status and summary.
  std::vector<std::string> groups;
  std::vector<std::string> details;  // one line per pair error
  std::vector<Document> documents;   // the processed seeds, in gold order
  std::vector<FigureSeries> series;  // BuildFigures over them
};

// Gold: DIR/quantities.json (claims, reconciliation) and DIR/temporal.json
// (reference_dates, given to `process` as each article's date).
Result<FiguresScores> ScoreSeedFigures(const FigureRules& rules, const std::string& gold_dir,
                                       const std::string& seeds_dir,
                                       const ProcessSeedArticle& process);

}  // namespace sitrep
