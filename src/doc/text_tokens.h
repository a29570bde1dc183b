// @brief TextToken, TokenStream, TokenizeText: the one token stream of a text
// that the stages read (docs/ARCHITECTURE.md, "One token stream per document").
//
// A token is a maximal run of letters, a maximal run of ASCII digits, a
// maximal run of other decimal digits, or one other code point; whitespace
// separates tokens and is not one. Combining marks (Mn, Mc) and soft hyphens
// (U+00AD) stay in the letters run they follow. Each token knows its byte
// range, its class, the whitespace before it, the case of its letters, its
// folded form (FoldForMatch, in one string per stream) and, for a digit run,
// its value, so that a stage builds its own units (a name's alphanumeric run,
// a number with its separators, an elided article) by joining glued tokens
// instead of decoding and folding the text again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

enum class TokenClass : uint8_t {
  kLetters,      // ICU general category L*, then marks (Mn, Mc) and soft hyphens
  kDigits,       // ASCII digits 0-9
  kOtherDigits,  // decimal digits (Nd) that are not ASCII: "٣", "３"
  kOther,        // one code point that is none of these (punctuation, symbols, a lone mark)
};

struct TextToken {
  uint32_t start = 0, end = 0;  // byte offsets into the text, end exclusive
  uint32_t fold_start = 0,
           fold_end = 0;  // the folded form: TokenStream::folded[fold_start, fold_end)
  // Digit runs: the value of the digits, read while it is below 10^9 (so a
  // longer run keeps the value of its first ten digits). Else 0.
  int64_t value = 0;
  TokenClass cls = TokenClass::kOther;
  bool space_before : 1 = false;       // whitespace (or the text start) right before
  bool line_break_before : 1 = false;  // a '\n' in that whitespace
  bool upper_initial : 1 = false;      // the first code point is upper or title case
  bool has_upper : 1 = false;          // some code point is upper or title case
  bool has_lower : 1 = false;          // some code point is lower case
  bool soft_hyphen : 1 = false;        // a letters run holding soft hyphens (not in its fold)
  // True when this token starts right where `prev` ends.
  bool GluedTo(const TextToken& prev) const { return start == prev.end; }
  bool IsDigits() const { return cls == TokenClass::kDigits || cls == TokenClass::kOtherDigits; }
};

// The tokens of one text and their folded forms.
struct TokenStream {
  std::vector<TextToken> tokens;
  // The folded forms of all tokens, in token order, nothing between them: the
  // folds of glued tokens i..j are one slice, folded[tokens[i].fold_start,
  // tokens[j].fold_end). A token's fold is FoldForMatch of its text (lower
  // case, no accents, typographic apostrophes and dashes made ASCII), without
  // the soft hyphens of a letters run; a digit run folds to itself.
  std::string folded;
  // The size of the text the stream was made from; SIZE_MAX: never made.
  size_t text_size = SIZE_MAX;

  std::string_view Folded(const TextToken& t) const {
    return std::string_view(folded).substr(t.fold_start, t.fold_end - t.fold_start);
  }
  // True when the stream was made from a text of `text`'s size (the stages'
  // check that a Document's stream belongs to its text).
  bool MadeFor(std::string_view text) const { return text_size == text.size(); }
  // The tokens inside [start, end): [*first, *last). False when a token
  // crosses `start` or `end` (the caller then tokenizes that piece alone).
  bool Slice(uint32_t start, uint32_t end, size_t* first, size_t* last) const;
};

// The tokens of `text` (valid UTF-8), in order. Linear in the size of the text.
TokenStream TokenizeText(std::string_view text);

}  // namespace sitrep
