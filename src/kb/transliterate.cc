// @brief ICU transliteration for name variants and clustering keys (the only
// ICU transliterator use in sitrep; ICU errors become Status here).
#include "kb/transliterate.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/utf8.h"
#include "lang/language.h"

namespace sitrep {

struct NameTransliterator::Impl {
  std::unique_ptr<icu::Transliterator> ru_bgn, kk_bgn, lat_ru, any_ascii, key;
  // Press spellings of Russian names by language code, from
  // data/lang/<code>/names_from_cyrillic.rules, sorted by code.
  std::vector<std::pair<std::string, std::unique_ptr<icu::Transliterator>>> press;
};

namespace {

// The language of the BGN/PCGN romanisations (ICU's Russian-Latin/BGN and
// Kazakh-Latin/BGN): the spelling of the English-language press.
constexpr std::string_view kBgnLanguage = "en";

Result<std::unique_ptr<icu::Transliterator>> System(const char* id) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !t) {
    return Status(Code::kUnsupported, std::string("ICU transliterator ") + id +
                                          " unavailable: " + u_errorName(status));
  }
  return t;
}

Result<std::unique_ptr<icu::Transliterator>> FromRuleFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open rule file");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string rules;
  // '#' comments to end of line are ours; ICU comments are also '#', kept simple.
  for (std::string line; std::getline(ss, line);) {
    if (!line.empty() && line[0] == '#') continue;
    rules += line + "\n";
  }
  UErrorCode status = U_ZERO_ERROR;
  UParseError perr{};
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createFromRules(
      icu::UnicodeString::fromUTF8(path), icu::UnicodeString::fromUTF8(rules), UTRANS_FORWARD,
      perr, status));
  if (U_FAILURE(status) || !t) {
    return Status::InvalidArgument(path + ":" + std::to_string(perr.line + 1) + ": bad rule (" +
                                   u_errorName(status) + ") near offset " +
                                   std::to_string(perr.offset));
  }
  return t;
}

std::string Apply(icu::Transliterator& t, std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  t.transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Applies rules that test word starts with a non-letter ante-context: the
// text is given a space on both sides, removed afterwards.
std::string ApplyAtWordStart(icu::Transliterator& t, std::string_view text) {
  std::string out = Apply(t, " " + std::string(text) + " ");
  size_t b = out.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  return out.substr(b, out.find_last_not_of(' ') - b + 1);
}

// Re-applies the source's capitalisation word by word: a word whose first
// letter was upper-case in `model` gets an upper-case first letter.
std::string Recase(std::string_view model, const std::string& lower) {
  std::vector<bool> caps;
  size_t pos = 0;
  bool in_word = false;
  while (pos < model.size()) {
    char32_t c = NextCodePoint(model, &pos);
    bool letter = u_isalpha(static_cast<UChar32>(c));
    if (letter && !in_word) caps.push_back(u_isupper(static_cast<UChar32>(c)));
    in_word = letter;
  }
  std::string out;
  size_t word = 0;
  pos = 0;
  in_word = false;
  while (pos < lower.size()) {
    char32_t c = NextCodePoint(lower, &pos);
    bool letter = u_isalpha(static_cast<UChar32>(c));
    if (letter && !in_word) {
      if (word < caps.size() && caps[word]) c = static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
      ++word;
    }
    in_word = letter;
    AppendUtf8(&out, c);
  }
  return out;
}

}  // namespace

NameTransliterator::NameTransliterator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
NameTransliterator::~NameTransliterator() = default;

Result<std::unique_ptr<NameTransliterator>> NameTransliterator::Create(const std::string& data_dir) {
  auto impl = std::make_unique<Impl>();
  struct Sys {
    const char* id;
    std::unique_ptr<icu::Transliterator>* slot;
  } systems[] = {{"Russian-Latin/BGN", &impl->ru_bgn},
                 {"Kazakh-Latin/BGN", &impl->kk_bgn},
                 {"Latin-Russian/BGN", &impl->lat_ru},
                 {"Any-Latin; Latin-ASCII", &impl->any_ascii}};
  for (Sys& s : systems) {
    auto t = System(s.id);
    if (!t.ok()) return t.status();
    *s.slot = std::move(t.value());
  }
  struct File {
    const char* name;
    std::unique_ptr<icu::Transliterator>* slot;
  } files[] = {{"name_key.rules", &impl->key}};
  for (File& f : files) {
    auto t = FromRuleFile(data_dir + "/kb/" + f.name);
    if (!t.ok()) return t.status();
    *f.slot = std::move(t.value());
  }
  Result<std::shared_ptr<const Languages>> langs = Languages::Load(data_dir);
  if (!langs.ok()) return langs.status();
  for (const std::string& code : (*langs)->codes()) {
    const std::string path = data_dir + "/lang/" + code + "/names_from_cyrillic.rules";
    if (!std::filesystem::exists(path)) continue;
    auto t = FromRuleFile(path);
    if (!t.ok()) return t.status();
    impl->press.emplace_back(code, std::move(t).value());
  }
  return std::unique_ptr<NameTransliterator>(new NameTransliterator(std::move(impl)));
}

std::vector<std::pair<std::string, std::string>> NameTransliterator::LatinVariants(
    std::string_view cyrillic, std::string_view script_lang) {
  std::vector<std::pair<std::string, std::string>> out;
  icu::Transliterator& bgn = script_lang == "kk" ? *impl_->kk_bgn : *impl_->ru_bgn;
  out.emplace_back(kBgnLanguage, Apply(bgn, cyrillic));
  if (script_lang != "kk") {
    for (const auto& [code, rules] : impl_->press) {
      out.emplace_back(code, Recase(cyrillic, ApplyAtWordStart(*rules, cyrillic)));
    }
  }
  out.emplace_back("*", Apply(*impl_->any_ascii, cyrillic));
  return out;
}

std::string NameTransliterator::ToCyrillic(std::string_view latin) {
  return Apply(*impl_->lat_ru, latin);
}

std::string NameTransliterator::ToAscii(std::string_view text) {
  return Apply(*impl_->any_ascii, text);
}

std::string NameTransliterator::Key(std::string_view name) {
  std::string ascii = ToAscii(name);
  for (char& c : ascii) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c == '-' || c == '\'') c = ' ';
  }
  return ApplyAtWordStart(*impl_->key, ascii);
}

}  // namespace sitrep
