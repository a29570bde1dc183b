// @brief CLD2 wrapper.
#include "clean/langid.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <unicode/uchar.h>
#include <unicode/ulocdata.h>
#include <unicode/uniset.h>

#include <string>

#include "base/utf8.h"

namespace sitrep {

LangGuess DetectLanguage(std::string_view text, std::string_view hint) {
  LangGuess g;
  if (text.empty()) return g;
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  std::string hint_code(hint);
  if (!hint_code.empty() && hint_code != "und") {
    hints.language_hint = CLD2::GetLanguageFromName(hint_code.c_str());
  }
  CLD2::Language lang3[3];
  int percent3[3];
  double scores3[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::Language lang = CLD2::ExtDetectLanguageSummary(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, &hints, 0, lang3,
      percent3, scores3, nullptr, &text_bytes, &reliable);
  if (lang == CLD2::UNKNOWN_LANGUAGE) return g;
  g.code = CLD2::LanguageCode(lang);
  // CLD2 reports Chinese variants and a few others with region suffixes.
  if (size_t dash = g.code.find('-'); dash != std::string::npos) g.code.resize(dash);
  g.percent = percent3[0];
  g.reliable = reliable;
  return g;
}

struct Alphabets::Set {
  icu::UnicodeSet letters;
};

Alphabets::Alphabets(const std::vector<std::string>& langs) {
  for (const std::string& lang : langs) {
    UErrorCode status = U_ZERO_ERROR;
    ULocaleData* data = ulocdata_open(lang.c_str(), &status);
    if (U_FAILURE(status)) continue;
    USet* set = ulocdata_getExemplarSet(data, nullptr, USET_CASE_INSENSITIVE, ULOCDATA_ES_STANDARD, &status);
    ulocdata_close(data);
    if (U_FAILURE(status) || !set) continue;
    auto* s = new Set();
    s->letters = *icu::UnicodeSet::fromUSet(set);
    s->letters.closeOver(USET_CASE_INSENSITIVE);
    uset_close(set);
    sets_.emplace_back(lang, s);
  }
}

Alphabets::~Alphabets() {
  for (auto& [lang, s] : sets_) delete s;
}

std::string Alphabets::ForeignLanguage(std::string_view text, std::string_view doc_lang) const {
  const Set* own = nullptr;
  for (const auto& [lang, s] : sets_) {
    if (lang == doc_lang) own = s;
  }
  if (!own) return "";
  std::vector<UChar32> letters;
  bool foreign = false;
  for (size_t p = 0; p < text.size();) {
    auto c = static_cast<UChar32>(NextCodePoint(text, &p));
    if (!u_isalpha(c)) continue;
    letters.push_back(c);
    if (!own->letters.contains(c)) foreign = true;
  }
  if (!foreign) return "";
  for (const auto& [lang, s] : sets_) {
    if (s == own) continue;
    bool covers = true;
    for (UChar32 c : letters) {
      if (!s->letters.contains(c)) {
        covers = false;
        break;
      }
    }
    if (covers) return lang;
  }
  return "";
}

}  // namespace sitrep
