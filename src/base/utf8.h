// @brief UTF-8 validation, decoding and byte <-> code-point offset conversion.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

// Returns true when `s` is well-formed UTF-8 (no overlongs, no surrogates,
// nothing above U+10FFFF). Otherwise sets *bad_offset to the first bad byte.
bool IsValidUtf8(std::string_view s, size_t* bad_offset = nullptr);

// Decodes the code point at s[*pos] and advances *pos. REQUIRES: valid UTF-8.
char32_t NextCodePoint(std::string_view s, size_t* pos);

// Decodes the code point that ends at s[*pos] (exclusive) and moves *pos back.
char32_t PrevCodePoint(std::string_view s, size_t* pos);

void AppendUtf8(std::string* out, char32_t c);

// `s` with every byte that is not part of a well-formed UTF-8 sequence
// replaced by U+FFFD (one per byte, so the count of bad bytes shows).
std::string ToValidUtf8(std::string_view s);

// `s` safe to print on a terminal line: C0 controls, DEL and C1 controls
// (U+0080..U+009F) are written as escapes (\n, \r, \t, \x1b, \u009b), so a
// name cannot end a line, forge one, or send a terminal escape sequence.
// Invalid UTF-8 bytes are written as \xNN. Everything else is kept.
std::string EscapeControls(std::string_view s);

size_t CountCodePoints(std::string_view s);

// Converts byte offsets into one text to code-point offsets in O(1) amortised
// per lookup (a checkpoint every 256 bytes, then a short scan).
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  // REQUIRES: byte_offset <= text.size() and on a code-point boundary.
  uint32_t ToCodePoint(size_t byte_offset) const;

 private:
  std::string_view text_;
  std::vector<uint32_t> checkpoints_;  // code points before byte k * 256
};

// Unicode whitespace test for the characters news text uses (incl. U+00A0,
// U+202F, U+2009, U+3000, zero-width space).
bool IsSpace(char32_t c);

}  // namespace sitrep
