// @brief TextToken, TokenizeText: the one token stream of a text that the
// stages read (docs/ARCHITECTURE.md, "One token stream per document").
//
// A token is a maximal run of letters, a maximal run of digits, or one other
// code point; whitespace separates tokens and is not one. Combining marks
// stay with the run they follow. Each token knows its byte range, its class,
// the whitespace before it and the case of its letters, so that a stage
// builds its own units (a name's alphanumeric run, a number with its
// separators, an elided article) by joining glued tokens instead of decoding
// the text again.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace sitrep {

enum class TokenClass : uint8_t {
  kLetters,  // ICU general category L*, then combining marks
  kDigits,   // decimal digits (Nd), then combining marks
  kOther,    // one code point that is neither (punctuation, symbols)
};

struct TextToken {
  uint32_t start = 0, end = 0;  // byte offsets into the text, end exclusive
  TokenClass cls = TokenClass::kOther;
  bool space_before = false;       // whitespace (or the text start) right before
  bool line_break_before = false;  // a '\n' in that whitespace
  bool upper_initial = false;      // the first code point is upper or title case
  bool has_upper = false;          // some code point is upper or title case
  bool has_lower = false;          // some code point is lower case
  // True when this token starts right where `prev` ends.
  bool GluedTo(const TextToken& prev) const { return start == prev.end; }
};

// The tokens of `text` (valid UTF-8), in order. Linear in the size of the text.
std::vector<TextToken> TokenizeText(std::string_view text);

}  // namespace sitrep
