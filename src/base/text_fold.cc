// @brief Text folding with ICU (the only ICU use in base).
#include "base/text_fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "base/utf8.h"

namespace sitrep {
namespace {

const icu::Normalizer2* Nfd() {
  static const icu::Normalizer2* nfd = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return nfd;
}

// Appends the folded form of one code point; returns false for whitespace.
template <typename Emit>
void FoldCodePoints(std::string_view text, Emit emit) {
  size_t pos = 0;
  std::u32string decomposed;
  while (pos < text.size()) {
    char32_t c = NextCodePoint(text, &pos);
    if (c < 0x80) {
      emit(static_cast<char32_t>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      continue;
    }
    switch (c) {
      case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC: case 0x0060:
        emit(U'\''); continue;
      case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
        emit(U'"'); continue;
      case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212:
        emit(U'-'); continue;
      default: break;
    }
    if (IsSpace(c)) {
      emit(U' ');
      continue;
    }
    const icu::Normalizer2* nfd = Nfd();
    icu::UnicodeString d;
    UErrorCode status = U_ZERO_ERROR;
    if (nfd) d = nfd->normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
    if (!nfd || U_FAILURE(status)) d = icu::UnicodeString(static_cast<UChar32>(c));
    for (int32_t i = 0; i < d.length();) {
      UChar32 dc = d.char32At(i);
      i += U16_LENGTH(dc);
      if (u_getCombiningClass(dc) != 0 || u_charType(dc) == U_NON_SPACING_MARK) continue;
      emit(static_cast<char32_t>(u_foldCase(dc, U_FOLD_CASE_DEFAULT)));
    }
  }
}

}  // namespace

std::string FoldForMatch(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  FoldCodePoints(text, [&](char32_t c) {
    if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r') {
      pending_space = !out.empty();
      return;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    AppendUtf8(&out, c);
  });
  return out;
}

std::string FoldToWords(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  FoldCodePoints(text, [&](char32_t c) {
    if (!u_isalnum(static_cast<UChar32>(c))) {
      pending_space = !out.empty();
      return;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    AppendUtf8(&out, c);
  });
  return out;
}

}  // namespace sitrep
