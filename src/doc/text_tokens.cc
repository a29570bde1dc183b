// @brief TokenizeText: letters runs, digit runs and single other code points.
#include "doc/text_tokens.h"

#include <unicode/uchar.h>

#include "base/utf8.h"

namespace sitrep {
namespace {

TokenClass ClassOf(char32_t c) {
  const auto u = static_cast<UChar32>(c);
  if (u_isalpha(u)) return TokenClass::kLetters;
  if (u_isdigit(u)) return TokenClass::kDigits;
  return TokenClass::kOther;
}

void NoteCase(char32_t c, TextToken* t) {
  const auto u = static_cast<UChar32>(c);
  t->has_upper |= u_isupper(u) || u_istitle(u);
  t->has_lower |= u_islower(u) != 0;
}

}  // namespace

std::vector<TextToken> TokenizeText(std::string_view text) {
  std::vector<TextToken> out;
  size_t pos = 0;
  bool space = true, line_break = false;
  while (pos < text.size()) {
    const size_t at = pos;
    const char32_t c = NextCodePoint(text, &pos);
    if (IsSpace(c)) {
      space = true;
      line_break |= c == '\n';
      continue;
    }
    TextToken t;
    t.start = static_cast<uint32_t>(at);
    t.cls = ClassOf(c);
    t.space_before = space;
    t.line_break_before = line_break;
    space = line_break = false;
    NoteCase(c, &t);
    t.upper_initial = t.has_upper;
    if (t.cls != TokenClass::kOther) {
      // The run goes on over its own class and combining marks.
      while (pos < text.size()) {
        size_t next = pos;
        const char32_t d = NextCodePoint(text, &next);
        if (ClassOf(d) != t.cls && u_getCombiningClass(static_cast<UChar32>(d)) == 0) break;
        NoteCase(d, &t);
        pos = next;
      }
    }
    t.end = static_cast<uint32_t>(pos);
    out.push_back(t);
  }
  return out;
}

}  // namespace sitrep
