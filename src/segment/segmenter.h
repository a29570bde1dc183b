// @brief Segmenter: ICU sentence and word boundaries over UTF-8, with byte
// offsets into the text given (UText over UTF-8, no copies).
//
// Sentence breaks use CLDR's abbreviation suppressions ("@ss=standard") and
// then the language's data/lang/<code>/abbreviations.tsv: a break right after
// a listed abbreviation ("M.", "Mme", "Dr.") or a single capital initial
// ("V. Poutine") is removed, and so is a break between an ordinal day and a
// month name ("am 2. Januar"; month names from ICU). Not thread-safe: one
// Segmenter per thread.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/options.h"
#include "base/status.h"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace sitrep {

struct TextRange {
  uint32_t start = 0, end = 0;  // byte offsets, end exclusive
};

class Segmenter {
 public:
  // Loads abbreviation lists for every language in the data directory.
  static Result<std::unique_ptr<Segmenter>> Create(const Options& options);
  ~Segmenter();

  // Sentences of `text` (one paragraph), trimmed of surrounding whitespace,
  // with offsets shifted by `base`.
  std::vector<TextRange> Sentences(std::string_view text, std::string_view lang, uint32_t base = 0);

  // Word tokens (letters, numbers, ideographs; punctuation and spaces skipped).
  std::vector<TextRange> Words(std::string_view text, uint32_t base = 0);

 private:
  Segmenter() = default;
  icu::BreakIterator* SentenceIterator(std::string_view lang);
  bool EndsWithAbbreviation(std::string_view before, std::string_view lang) const;
  // "2." before the break and a month name after it.
  bool OrdinalDayBeforeMonth(std::string_view text, size_t at) const;

  std::map<std::string, std::unique_ptr<icu::BreakIterator>, std::less<>> sentence_;
  std::unique_ptr<icu::BreakIterator> word_;
  std::map<std::string, std::set<std::string, std::less<>>, std::less<>> abbreviations_;
  std::set<std::string, std::less<>> months_;  // folded month names of every data language
};

}  // namespace sitrep
