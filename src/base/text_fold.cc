// @brief Text folding with ICU (the only ICU use in base).
#include "base/text_fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>

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

// The folded form of one non-ASCII code point: up to 3 code points (none for
// a lone combining mark). Computed with ICU once per code point below
// kTableSize and cached; ICU is slow when called per character.
struct Folded {
  uint8_t n = 0;
  char32_t c[3] = {0, 0, 0};
};

Folded FoldOne(char32_t c);

constexpr char32_t kTableSize = 0x3000;

const std::array<Folded, kTableSize>& Table() {
  static const std::array<Folded, kTableSize>* table = [] {
    auto* t = new std::array<Folded, kTableSize>();
    for (char32_t c = 0x80; c < kTableSize; ++c) (*t)[c] = FoldOne(c);
    return t;
  }();
  return *table;
}

// Appends the folded form of each code point through `emit`.
template <typename Emit>
void FoldCodePoints(std::string_view text, Emit emit) {
  size_t pos = 0;
  while (pos < text.size()) {
    auto b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {
      ++pos;
      emit(static_cast<char32_t>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      continue;
    }
    char32_t c = NextCodePoint(text, &pos);
    const Folded f = c < kTableSize ? Table()[c] : FoldOne(c);
    for (int i = 0; i < f.n; ++i) emit(f.c[i]);
  }
}

Folded FoldOne(char32_t c) {
  Folded f;
  auto put = [&f](char32_t x) {
    if (f.n < 3) f.c[f.n++] = x;
  };
  {
    switch (c) {
      case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC: case 0x0060:
        put(U'\''); return f;
      case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
        put(U'"'); return f;
      case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212:
        put(U'-'); return f;
      default: break;
    }
    if (IsSpace(c)) {
      put(U' ');
      return f;
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
      put(static_cast<char32_t>(u_foldCase(dc, U_FOLD_CASE_DEFAULT)));
    }
  }
  return f;
}

// Folds `text`, keeping the code points `keep` accepts and turning every run
// of the others into one space (none at either end).
template <typename Keep>
std::string FoldKeeping(std::string_view text, Keep keep) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  FoldCodePoints(text, [&](char32_t c) {
    if (!keep(c)) {
      pending_space = !out.empty();
      return;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    if (c < 0x80) out.push_back(static_cast<char>(c));
    else AppendUtf8(&out, c);
  });
  return out;
}

}  // namespace

std::string FoldForMatch(std::string_view text) {
  return FoldKeeping(text, [](char32_t c) { return c != U' ' && c != U'\t' && c != U'\n' && c != U'\r'; });
}

void AppendTokenFold(std::string_view text, bool drop_soft_hyphens, std::string* out) {
  FoldCodePoints(text, [out, drop_soft_hyphens](char32_t c) {
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
    } else if (c != 0xAD || !drop_soft_hyphens) {
      AppendUtf8(out, c);
    }
  });
}

std::string FoldToWords(std::string_view text) {
  return FoldKeeping(text, [](char32_t c) {
    return c < 0x80 ? ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) : u_isalnum(static_cast<UChar32>(c)) != 0;
  });
}

}  // namespace sitrep
