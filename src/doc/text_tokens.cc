// @brief TokenizeText: letters runs, digit runs and single other code points,
// with their folded forms and digit values.
#include "doc/text_tokens.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "base/text_fold.h"
#include "base/utf8.h"

namespace sitrep {
namespace {

constexpr char32_t kSoftHyphen = 0xAD;

bool IsAsciiLetter(char32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }

// The class a code point starts a token of.
TokenClass ClassOf(char32_t c) {
  if (c < 0x80) {
    if (IsAsciiLetter(c)) return TokenClass::kLetters;
    return IsAsciiDigit(c) ? TokenClass::kDigits : TokenClass::kOther;
  }
  const auto u = static_cast<UChar32>(c);
  if (u_isalpha(u)) return TokenClass::kLetters;
  if (u_isdigit(u)) return TokenClass::kOtherDigits;
  return TokenClass::kOther;
}

bool IsMark(char32_t c) {
  const int8_t t = u_charType(static_cast<UChar32>(c));
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK;
}

// True when `c` continues a run of class `cls` (a run never holds whitespace).
bool Continues(TokenClass cls, char32_t c) {
  switch (cls) {
    case TokenClass::kLetters:
      if (c < 0x80) return IsAsciiLetter(c);
      return u_isalpha(static_cast<UChar32>(c)) || c == kSoftHyphen || IsMark(c);
    case TokenClass::kDigits:
      return IsAsciiDigit(c);
    case TokenClass::kOtherDigits:
      return c >= 0x80 && u_isdigit(static_cast<UChar32>(c));
    case TokenClass::kOther:
      return false;
  }
  return false;
}

void NoteCase(char32_t c, TextToken* t) {
  if (c < 0x80) {
    t->has_upper |= c >= 'A' && c <= 'Z';
    t->has_lower |= c >= 'a' && c <= 'z';
    return;
  }
  const auto u = static_cast<UChar32>(c);
  t->has_upper |= u_isupper(u) || u_istitle(u);
  t->has_lower |= u_islower(u) != 0;
}

// Accumulates one digit into a run's value: digits are read while the value
// is below 10^9 (the time tagger's cap).
void AddDigit(int digit, TextToken* t) {
  if (t->value < 1'000'000'000) t->value = t->value * 10 + digit;
}

// Appends the fold of token `s`; a letters run's soft hyphens are left out.
void AppendFold(std::string_view s, TokenClass cls, std::string* folded) {
  for (char ch : s) {
    if (static_cast<unsigned char>(ch) >= 0x80) {
      AppendTokenFold(s, cls == TokenClass::kLetters, folded);
      return;
    }
  }
  for (char ch : s) folded->push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + 32) : ch);
}

}  // namespace

bool TokenStream::Slice(uint32_t start, uint32_t end, size_t* first, size_t* last) const {
  auto ends_after = [](const TextToken& t, uint32_t at) { return t.end <= at; };
  auto a = std::lower_bound(tokens.begin(), tokens.end(), start, ends_after);
  auto b = std::lower_bound(a, tokens.end(), end, ends_after);
  *first = static_cast<size_t>(a - tokens.begin());
  *last = static_cast<size_t>(b - tokens.begin());
  // `a` is the first token ending after start; `b` the first ending after end.
  if (a != tokens.end() && a->start < start) return false;
  if (b != tokens.end() && b->start < end) return false;
  return true;
}

TokenStream TokenizeText(std::string_view text) {
  TokenStream out;
  out.text_size = text.size();
  out.tokens.reserve(text.size() / 5 + 1);
  out.folded.reserve(text.size());
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
    if (t.cls == TokenClass::kDigits) AddDigit(static_cast<int>(c - '0'), &t);
    if (t.cls == TokenClass::kOtherDigits) AddDigit(u_charDigitValue(static_cast<UChar32>(c)), &t);
    if (t.cls != TokenClass::kOther) {
      while (pos < text.size()) {
        size_t next = pos;
        const char32_t d = NextCodePoint(text, &next);
        if (!Continues(t.cls, d)) break;
        if (t.cls == TokenClass::kLetters) {
          NoteCase(d, &t);
          t.soft_hyphen |= d == kSoftHyphen;
        } else {
          AddDigit(t.cls == TokenClass::kDigits ? static_cast<int>(d - '0')
                                                : u_charDigitValue(static_cast<UChar32>(d)),
                   &t);
        }
        pos = next;
      }
    }
    t.end = static_cast<uint32_t>(pos);
    t.fold_start = static_cast<uint32_t>(out.folded.size());
    AppendFold(text.substr(t.start, t.end - t.start), t.cls, &out.folded);
    t.fold_end = static_cast<uint32_t>(out.folded.size());
    out.tokens.push_back(t);
  }
  return out;
}

}  // namespace sitrep
