// @brief QuoteLexicon: per-language quote marks and cues of quotes and
// reported speech, read from data/lang/<code>/quote_marks.tsv and
// quote_cues.tsv (docs/formats/quote.md).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"

namespace sitrep {

// A pair of quote marks, one code point each.
struct QuoteMarkPair {
  char32_t open = 0, close = 0;
  // Single marks (‘ ’, ‚ ‘, ‹ ›) open only after a space and never close a
  // quote opened by another pair: their closing mark is also an apostrophe.
  bool single = false;
};

enum class QuoteCueKind : uint8_t {
  kVerb,         // a reporting verb: "déclaré", "said", "sagte"
  kSource,       // the speaker follows: "selon", "according to"
  kSourceAfter,  // the speaker comes before: "zufolge"
  kTerm,         // right before a mark, makes a short quote a term: "so-called", "une"
  kPronoun,      // a personal pronoun that can be a speaker
  kThat,         // a complementizer that opens reported speech: "que", "that"
};

struct QuoteCue {
  std::vector<std::string> words;  // folded tokens (doc/text_tokens.h), in order
  QuoteCueKind kind = QuoteCueKind::kVerb;
  char gender = 0;  // pronouns: 'm', 'f' or 'p' (plural)
};

// What one language contributes.
struct QuoteLanguage {
  std::vector<QuoteMarkPair> pairs;
  std::vector<char32_t> dashes;  // a paragraph opening with one of them and a space is dialogue
  // Cues by their first folded token.
  std::unordered_map<std::string, std::vector<QuoteCue>> cues;
  size_t longest_cue = 1;  // in tokens

  bool IsMark(char32_t c) const;
};

class QuoteLexicon {
 public:
  // Reads the files of every language in `codes` that has them; a language
  // without quote_marks.tsv gets no quotes. A bad line is an error naming
  // file:line.
  static Result<QuoteLexicon> Load(const std::string& data_dir,
                                   const std::vector<std::string>& codes);
  // The tables of `lang`, or null when it has none.
  const QuoteLanguage* Find(std::string_view lang) const;

 private:
  std::map<std::string, QuoteLanguage, std::less<>> langs_;
};

}  // namespace sitrep
