// @brief Scoring cleaning against the seed gold (../shared/eval/seed-gold/boilerplate.json).
//
// Matching rule (docs/EVAL.md): a gold boilerplate item counts as removed when
// at most 10% of its non-space characters survive in the clean text (traced
// through Document::source_map). Body sentences are what is left of each
// article once every gold boilerplate span is masked, split into lines and
// ICU sentences; one counts as kept when at least 90% of its non-space
// characters survive. Sentences under 3 words are not counted.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/options.h"
#include "base/status.h"
#include "doc/document.h"

namespace sitrep {

struct SeedArticleScore {
  std::string file;
  size_t items = 0, items_removed = 0;
  size_t sentences = 0, sentences_kept = 0;
  std::vector<std::string> missed_items;  // "category: text"
  std::vector<std::string> lost_sentences;
  std::string gold_title, title;
  std::string gold_date, date;  // stated publication date, if any
};

struct SeedScore {
  std::vector<SeedArticleScore> articles;
  size_t items = 0, items_removed = 0, sentences = 0, sentences_kept = 0;
  size_t titles = 0, titles_right = 0, dates = 0, dates_right = 0;
  double removed_share() const { return items ? double(items_removed) / items : 0; }
  double kept_share() const { return sentences ? double(sentences_kept) / sentences : 0; }
};

// `process` turns one article file into a Document (the caller's pipeline).
Result<SeedScore> ScoreSeedBoilerplate(const std::string& gold_path, const std::string& seeds_dir,
                                       const Options& options,
                                       const std::function<Document(const std::string&)>& process);

}  // namespace sitrep
