// @brief The knowledge-base build: each source is one function below; all of
// them add entities and aliases to one KbDraft.
//
// Order matters only for ids: ICU countries first (id = ISO alpha-2), then
// macro-regions (id "m49:NNN"), GeoNames cities ("gn:ID") and first-level
// regions ("adm1:CC.NN"), then the hand-written organisations ("org:..."),
// persons ("per:...") and place aliases that refer to the earlier ids, then
// the offices of data/kb/portfolios.tsv ("org:ministry:interior:KZ"), which
// need every country name and adjective, then roles, which may name them.
// Priors (KbEntity::prior) decide between entities sharing an alias: countries
// beat macro-regions beat hand-written entities beat cities (by population)
// beat first-level regions; this is how "Georgia" is the country unless the
// context says otherwise (docs/formats/kb.md, "The Georgia clash").
#include "kb/kb_builder.h"

#include <unicode/locid.h>
#include <unicode/region.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "base/data_file.h"
#include "base/file_io.h"
#include "base/json.h"
#include "base/text_fold.h"
#include "base/utf8.h"
#include "kb/transliterate.h"
#include "lang/language.h"

namespace sitrep {
namespace {

constexpr uint32_t kPriorCountry = 2'000'000'000;
constexpr uint32_t kPriorMacroRegion = 1'900'000'000;
constexpr uint32_t kPriorHandWritten = 1'800'000'000;
constexpr uint32_t kPriorAdmin1 = 1'000;
// English names are the canonical ones and the display names (kDisplayLanguage);
// the sources' untagged names (world-countries `name`, ICU's English
// display names) are English.
const std::string kEnglish(kDisplayLanguage);

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string s;
  u.toUTF8String(s);
  return s;
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    out.emplace_back(s.substr(start, p == std::string_view::npos ? p : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ')) s.remove_suffix(1);
  return std::string(s);
}

bool IsAcronym(std::string_view s) {
  size_t pos = 0, letters = 0;
  while (pos < s.size()) {
    char32_t c = NextCodePoint(s, &pos);
    if (u_islower(static_cast<UChar32>(c))) return false;
    if (u_isalpha(static_cast<UChar32>(c))) ++letters;
  }
  return letters >= 2 && letters <= 8 && CountCodePoints(s) <= 10;
}

// Lower-cases the first letter ("Russisch" -> "russisch").
std::string LowerFirst(const std::string& s) {
  if (s.empty()) return s;
  size_t pos = 0;
  char32_t c = NextCodePoint(s, &pos);
  std::string out;
  AppendUtf8(&out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
  out.append(s, pos);
  return out;
}

// ---- Inflection rules: data/lang/<code>/entity_inflect.tsv ----------------

struct InflectRule {
  std::string ending;              // "" for any
  std::vector<std::string> forms;  // replacements of the ending
};
using InflectTable = std::map<std::string, std::vector<InflectRule>>;  // by part of speech

Result<InflectTable> ReadInflect(const std::string& path) {
  InflectTable table;
  if (!std::filesystem::exists(path)) return table;
  auto tsv = ReadTsv(path, 3, 3);
  if (!tsv.ok()) return tsv.status();
  for (const TsvRow& row : tsv->rows) {
    const std::string& pos = row.fields[0];
    if (pos != "adj" && pos != "noun") return tsv->ErrorAt(row, "unknown class \"" + pos + "\" (adj, noun)");
    InflectRule rule;
    rule.ending = row.fields[1] == "*" ? "" : row.fields[1];
    for (auto& f : Split(row.fields[2], ',')) rule.forms.push_back(f == "-" ? "" : Trim(f));
    table[pos].push_back(std::move(rule));
  }
  // Longest ending first: the most specific rule wins.
  for (auto& [pos, rules] : table) {
    std::stable_sort(rules.begin(), rules.end(), [](const InflectRule& a, const InflectRule& b) {
      return a.ending.size() > b.ending.size();
    });
  }
  return table;
}

std::vector<std::string> Inflect(const InflectTable& table, const std::string& pos,
                                 const std::string& word) {
  std::vector<std::string> out;
  auto it = table.find(pos);
  if (it == table.end()) return out;
  // Only the last word of a multi-word name inflects.
  for (const InflectRule& r : it->second) {
    if (word.size() >= r.ending.size() &&
        word.compare(word.size() - r.ending.size(), r.ending.size(), r.ending) == 0) {
      std::string stem = word.substr(0, word.size() - r.ending.size());
      for (const auto& f : r.forms) out.push_back(stem + f);
      break;
    }
  }
  return out;
}

struct Ctx {
  KbDraft* draft;
  KbBuildReport* report;
  std::map<std::string, InflectTable> inflect;  // by language
  std::set<std::string> common_words;           // lower-case hunspell words (lang.tsv `hunspell`)
  std::vector<std::string> langs;               // the codes of data/lang (Languages), sorted
  std::vector<std::string> latin_langs;  // those written in Latin script (ICU likely subtags)
  std::vector<std::string> hunspell;     // their hunspell dictionaries (lang.tsv), by language

  bool IsLang(const std::string& code) const {
    return code == kKbAnyLanguage || std::find(langs.begin(), langs.end(), code) != langs.end();
  }

  void Name(uint32_t e, const std::string& text, const std::string& lang, uint8_t flags = 0) {
    std::string t = Trim(text);
    if (t.empty()) return;
    if (IsAcronym(t)) flags |= kAliasAcronym;
    std::string key = MatchKey(t);
    if (key.find(' ') == std::string::npos && common_words.count(key)) flags |= kAliasCommonWord;
    draft->AddAlias(e, t, lang, flags);
  }
  // A place name and, in languages with case endings, its inflected forms.
  void PlaceName(uint32_t e, const std::string& text, const std::string& lang, uint8_t flags = 0) {
    Name(e, text, lang, flags);
    if (lang == "*" || (flags & kAliasAcronym) || IsAcronym(text)) return;
    auto it = inflect.find(lang);
    if (it == inflect.end()) return;
    for (const auto& f : Inflect(it->second, "noun", text)) Name(e, f, lang, flags & ~kAliasPreferred);
  }
  // A demonym/adjective and its inflected forms.
  // `flags` may add kAliasPreferred: the entity an adjective shared by
  // several places means first ("américain": the United States).
  void Adjective(uint32_t e, const std::string& text, const std::string& lang, uint8_t flags = 0) {
    std::string t = Trim(text);
    if (t.empty()) return;
    draft->AddAlias(e, t, lang, kAliasAdjective | flags);
    auto it = inflect.find(lang);
    if (it == inflect.end()) return;
    for (const auto& f : Inflect(it->second, "adj", LowerFirst(t))) {
      draft->AddAlias(e, f, lang, kAliasAdjective | flags);
    }
  }
};

// ---- ICU: countries, macro-regions, demonyms -------------------------------

void AddIcuRegions(Ctx* ctx) {
  UErrorCode status = U_ZERO_ERROR;
  int countries = 0, macro = 0;
  for (URegionType type : {URGN_TERRITORY, URGN_SUBCONTINENT, URGN_CONTINENT}) {
    status = U_ZERO_ERROR;
    icu::StringEnumeration* en = icu::Region::getAvailable(type, status);
    if (U_FAILURE(status) || !en) continue;
    std::unique_ptr<icu::StringEnumeration> guard(en);
    const char* code;
    while ((code = en->next(nullptr, status)) != nullptr && U_SUCCESS(status)) {
      icu::Locale loc(("und_" + std::string(code)).c_str());
      icu::UnicodeString name;
      std::string english = ToUtf8(loc.getDisplayCountry(icu::Locale(kEnglish.c_str()), name));
      if (english.empty() || english == code) continue;
      DraftEntity e;
      bool territory = type == URGN_TERRITORY;
      e.id = territory ? code : "m49:" + std::string(code);
      e.canonical = english;
      e.type = EntityType::kLoc;
      e.kind = territory ? EntityKind::kCountry : EntityKind::kMacroRegion;
      e.country = territory ? code : "";
      e.prior = territory ? kPriorCountry : kPriorMacroRegion;
      uint32_t idx = ctx->draft->AddEntity(e);
      for (const std::string& lang : ctx->langs) {
        icu::UnicodeString n;
        ctx->PlaceName(idx, ToUtf8(loc.getDisplayCountry(icu::Locale(lang.c_str()), n)), lang,
                       kAliasPreferred);
      }
      (territory ? countries : macro)++;
    }
  }
  ctx->report->sources_used.push_back("ICU regions: " + std::to_string(countries) +
                                      " territories, " + std::to_string(macro) + " macro-regions");
}

// Language display names are the ethnic adjectives; addLikelySubtags pairs a
// language with its country. Accepted only when the country's English demonym
// (world-countries) equals the language's English name, so that "anglais" is
// not taken for the United States; a language name that begins the demonym or
// the country's name also counts ("Kazakh": Kazakhstani, Kazakhstan). Without
// world-countries nothing is added.
void AddIcuDemonyms(Ctx* ctx, const std::map<std::string, std::string>& english_demonym) {
  int added = 0;
  for (const char* const* l = icu::Locale::getISOLanguages(); *l; ++l) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale loc(*l);
    loc.addLikelySubtags(status);
    if (U_FAILURE(status)) continue;
    std::string country = loc.getCountry();
    auto dem = english_demonym.find(country);
    if (dem == english_demonym.end()) continue;
    icu::UnicodeString n;
    std::string english =
        ToUtf8(icu::Locale(*l).getDisplayLanguage(icu::Locale(kEnglish.c_str()), n));
    int64_t e = ctx->draft->Find(country);
    if (e < 0) continue;
    // "Kazakh" names the people of Kazakhstan (demonym "Kazakhstani"):
    // accepted when the language name begins the demonym or the country name.
    const std::string lang_name = FoldForMatch(english);
    const std::string demonym = FoldForMatch(dem->second);
    const std::string country_name = FoldForMatch(ctx->draft->entity(static_cast<uint32_t>(e)).canonical);
    bool names_people = lang_name == demonym ||
                        (lang_name.size() >= 4 && (demonym.rfind(lang_name, 0) == 0 ||
                                                   country_name.rfind(lang_name, 0) == 0));
    if (!names_people) continue;
    for (const std::string& lang : ctx->langs) {
      icu::UnicodeString m;
      ctx->Adjective(static_cast<uint32_t>(e),
                     ToUtf8(icu::Locale(*l).getDisplayLanguage(icu::Locale(lang.c_str()), m)),
                     lang);
    }
    ++added;
  }
  ctx->report->sources_used.push_back("ICU language names as demonyms: " + std::to_string(added) +
                                      " countries");
}

// ---- npm packages -----------------------------------------------------------

Result<JsonValue> ReadJson(const std::string& path) {
  auto bytes = ReadFileLimited(path, 64u << 20);
  if (!bytes.ok()) return bytes.status();
  auto v = ParseJson(bytes.value());
  if (!v.ok()) return v.status().WithContext(path);
  return v;
}

// world-countries: names by ISO 639-3 code (each language of data/lang the
// package has), alternate spellings, demonyms (m/f, by 639-3 code),
// coordinates. Returns the English demonyms by alpha-2.
std::map<std::string, std::string> AddWorldCountries(Ctx* ctx, const std::string& dir) {
  std::map<std::string, std::string> english_demonym;
  auto json = ReadJson(dir + "/world-countries/package/countries.json");
  if (!json.ok()) {
    ctx->report->warnings.push_back("world-countries skipped: " + json.status().ToString());
    return english_demonym;
  }
  std::vector<std::pair<std::string, std::string>> langs;  // 639-3, code
  for (const std::string& lang : ctx->langs) {
    langs.emplace_back(icu::Locale(lang.c_str()).getISO3Language(), lang);
  }
  int n = 0;
  for (const JsonValue& c : json->items()) {
    std::string cc = c.GetString("cca2");
    int64_t e = ctx->draft->Find(cc);
    if (e < 0) continue;
    uint32_t idx = static_cast<uint32_t>(e);
    const JsonValue& latlng = c["latlng"];
    DraftEntity& ent = ctx->draft->entity(idx);
    if (latlng.items().size() == 2 && !ent.has_coords) {
      ent.lat = latlng.items()[0].num();
      ent.lon = latlng.items()[1].num();
      ent.has_coords = true;
    }
    ctx->PlaceName(idx, c["name"].GetString("common"), kEnglish);
    ctx->PlaceName(idx, c["name"].GetString("official"), kEnglish);
    for (const auto& [k, lang] : langs) {
      if (lang == kEnglish) continue;  // `name` above
      ctx->PlaceName(idx, c["translations"][k].GetString("common"), lang);
      ctx->PlaceName(idx, c["translations"][k].GetString("official"), lang);
    }
    for (const JsonValue& alt : c["altSpellings"].items()) {
      if (CountCodePoints(alt.str()) > 2) ctx->Name(idx, alt.str(), "*");
    }
    for (const auto& [k, lang] : langs) {
      for (const char* g : {"m", "f"}) {
        std::string d = c["demonyms"][k].GetString(g);
        if (d.empty()) continue;
        ctx->Adjective(idx, d, lang);
        if (lang == kEnglish && std::strcmp(g, "m") == 0) english_demonym[cc] = d;
      }
    }
    ++n;
  }
  ctx->report->sources_used.push_back("world-countries@5.1.0: " + std::to_string(n) + " countries");
  return english_demonym;
}

void AddI18nNationality(Ctx* ctx, const std::string& dir) {
  int n = 0;
  for (const std::string& lang : ctx->langs) {
    const std::string path = dir + "/i18n-nationality/package/langs/" + lang + ".json";
    if (!std::filesystem::exists(path)) continue;  // the package lacks this language
    auto json = ReadJson(path);
    if (!json.ok()) {
      ctx->report->warnings.push_back("i18n-nationality skipped: " + json.status().ToString());
      return;
    }
    for (const auto& [cc, v] : (*json)["nationalities"].members()) {
      int64_t e = ctx->draft->Find(cc);
      if (e < 0 || !v.is_string()) continue;
      ctx->Adjective(static_cast<uint32_t>(e), v.str(), lang);
      ++n;
    }
  }
  ctx->report->sources_used.push_back("i18n-nationality@1.4.0: " + std::to_string(n) + " demonyms");
}

void AddI18nIsoCountries(Ctx* ctx, const std::string& dir) {
  int n = 0;
  for (const std::string& lang : ctx->langs) {
    auto json = ReadJson(dir + "/i18n-iso-countries/package/langs/" + lang + ".json");
    if (!json.ok()) {
      ctx->report->warnings.push_back("i18n-iso-countries skipped: " + json.status().ToString());
      return;
    }
    for (const auto& [cc, v] : (*json)["countries"].members()) {
      int64_t e = ctx->draft->Find(cc);
      if (e < 0) continue;
      if (v.is_string()) ctx->PlaceName(static_cast<uint32_t>(e), v.str(), lang);
      for (const JsonValue& s : v.items()) ctx->PlaceName(static_cast<uint32_t>(e), s.str(), lang);
      ++n;
    }
  }
  ctx->report->sources_used.push_back("i18n-iso-countries@7.14.0: " + std::to_string(n) + " names");
}

// ---- GeoNames (Debian libtimezonemap-data, libgeonames-common) -------------

// Reads a GNU gettext .mo catalog into msgid -> msgstr.
std::map<std::string, std::string> ReadMo(const std::string& path) {
  std::map<std::string, std::string> out;
  auto bytes = ReadFileLimited(path, 64u << 20);
  if (!bytes.ok() || bytes->size() < 28) return out;
  const std::string& b = bytes.value();
  auto u32 = [&b](size_t at) -> uint32_t {
    if (at + 4 > b.size()) return 0;
    uint32_t v;
    std::memcpy(&v, b.data() + at, 4);
    return v;
  };
  if (u32(0) != 0x950412de) return out;  // little-endian catalogs only (Debian's are)
  uint32_t n = u32(8), orig = u32(12), trans = u32(16);
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t ol = u32(orig + 8 * i), oo = u32(orig + 8 * i + 4);
    uint32_t tl = u32(trans + 8 * i), to = u32(trans + 8 * i + 4);
    if (oo + ol > b.size() || to + tl > b.size()) break;
    out.emplace(b.substr(oo, ol), b.substr(to, tl));
  }
  return out;
}

// Latin or Cyrillic letters, spaces, hyphens, apostrophes and dots only; not
// all capitals (airport codes); at least 3 letters.
bool UsableAlternateName(std::string_view s) {
  size_t pos = 0, letters = 0;
  bool lower = false;
  while (pos < s.size()) {
    char32_t c = NextCodePoint(s, &pos);
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &st);
    if (u_isalpha(static_cast<UChar32>(c))) {
      if (script != USCRIPT_LATIN && script != USCRIPT_CYRILLIC) return false;
      ++letters;
      if (u_islower(static_cast<UChar32>(c))) lower = true;
    } else if (c != ' ' && c != '-' && c != '\'' && c != '.' && c != 0x2019) {
      return false;
    }
  }
  return letters >= 3 && lower;
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return !s.empty();
}

void AddGeoNames(Ctx* ctx, const KbSources& src) {
  std::ifstream in(src.geonames_dir + "/cities15000.txt", std::ios::binary);
  if (!in) {
    ctx->report->warnings.push_back("GeoNames cities skipped: cannot open " + src.geonames_dir +
                                    "/cities15000.txt (install libtimezonemap-data)");
    return;
  }
  std::map<std::string, std::map<std::string, std::string>> catalogs;
  for (const std::string& lang : ctx->langs) {
    catalogs[lang] = ReadMo(src.locale_dir + "/" + lang + "/LC_MESSAGES/geonames.mo");
  }
  int cities = 0;
  for (std::string line; std::getline(in, line);) {
    auto f = Split(line, '\t');
    if (f.size() < 15 || !IsValidUtf8(line)) continue;
    DraftEntity e;
    e.id = "gn:" + f[0];
    e.canonical = f[1];
    e.type = EntityType::kLoc;
    e.kind = EntityKind::kCity;
    e.country = f[8];
    e.lat = std::atof(f[4].c_str());
    e.lon = std::atof(f[5].c_str());
    e.has_coords = true;
    e.capital = f[7] == "PPLC";
    e.population = static_cast<uint32_t>(std::min<double>(std::atof(f[14].c_str()), 4e9));
    e.prior = e.population + (e.capital ? 50'000'000 : 0);
    uint32_t idx = ctx->draft->AddEntity(e);
    // The English display name: the en catalog's name when it is plain
    // ASCII ("Geneva" for Genève), else the GeoNames name when it is
    // ("Zhanaozen", where the catalog has the Kazakh "Zhangaözen"), else
    // the catalog's. The others stay aliases.
    const std::map<std::string, std::string>& en_catalog = catalogs[kEnglish];
    auto en = en_catalog.find(f[0]);
    std::string english = en != en_catalog.end() && IsAscii(en->second) ? en->second
                          : IsAscii(f[1]) || en == en_catalog.end()     ? f[1]
                                                                        : en->second;
    ctx->PlaceName(idx, f[1], "*");
    ctx->PlaceName(idx, english, kEnglish, kAliasPreferred);
    ctx->PlaceName(idx, f[2], "*");
    // "Washington, D.C.": a capital is also named by the part before the comma.
    if (e.capital && f[1].find(", ") != std::string::npos) ctx->PlaceName(idx, f[1].substr(0, f[1].find(", ")), "*");
    for (const auto& alt : Split(f[3], ',')) {
      if (UsableAlternateName(alt)) ctx->Name(idx, alt, "*", kAliasAlternate);
    }
    for (const std::string& lang : ctx->langs) {
      auto it = catalogs[lang].find(f[0]);
      bool english = lang == kEnglish;
      if (it != catalogs[lang].end()) ctx->PlaceName(idx, it->second, lang, english ? 0 : kAliasPreferred);
    }
    ++cities;
  }
  int regions = 0;
  std::ifstream adm(src.geonames_dir + "/admin1Codes.txt", std::ios::binary);
  for (std::string line; std::getline(adm, line);) {
    auto f = Split(line, '\t');
    if (f.size() < 3 || f[0].size() < 4 || !IsValidUtf8(line)) continue;
    DraftEntity e;
    e.id = "adm1:" + f[0];
    e.canonical = f[1];
    e.type = EntityType::kLoc;
    e.kind = EntityKind::kRegion;
    e.country = f[0].substr(0, 2);
    e.prior = kPriorAdmin1;
    uint32_t idx = ctx->draft->AddEntity(e);
    ctx->PlaceName(idx, f[1], "*");
    ctx->PlaceName(idx, f[2], "*");
    for (const std::string& lang : ctx->langs) {
      auto it = catalogs[lang].find(f[0]);
      if (it != catalogs[lang].end()) ctx->PlaceName(idx, it->second, lang, kAliasPreferred);
    }
    ++regions;
  }
  ctx->report->sources_used.push_back("GeoNames (libtimezonemap-data, libgeonames-common): " +
                                      std::to_string(cities) + " cities, " +
                                      std::to_string(regions) + " first-level regions");
}

// ---- hunspell: first names and common words ---------------------------------

void AddHunspell(Ctx* ctx, const KbSources& src) {
  // First names: hunspell-fr tags them po:prn. Stored as aliases of the
  // reserved entity "@first_names" (docs/formats/kb.md).
  std::ifstream fr(src.hunspell_dir + "/fr.dic", std::ios::binary);
  if (!fr) {
    ctx->report->warnings.push_back("hunspell-fr skipped: no " + src.hunspell_dir + "/fr.dic");
    return;
  }
  DraftEntity names;
  names.id = "@first_names";
  names.canonical = "first names (hunspell-fr po:prn)";
  names.type = EntityType::kPer;
  names.kind = EntityKind::kPerson;
  uint32_t idx = ctx->draft->AddEntity(names);
  int n = 0;
  for (std::string line; std::getline(fr, line);) {
    if (line.find("po:prn") == std::string::npos) continue;
    std::string word = line.substr(0, line.find_first_of("/\t "));
    if (ctx->draft->AddAlias(idx, word, "*", 0)) ++n;
  }
  ctx->report->sources_used.push_back("hunspell-fr-classical: " + std::to_string(n) + " first names");
}

// Lower-case words of each language's hunspell dictionary (lang.tsv `hunspell`).
void ReadCommonWords(Ctx* ctx, const KbSources& src) {
  for (const std::string& dic : ctx->hunspell) {
    std::ifstream in(src.hunspell_dir + "/" + dic + ".dic", std::ios::binary);
    for (std::string line; std::getline(in, line);) {
      if (line.find("po:npr") != std::string::npos || line.find("po:prn") != std::string::npos) continue;
      std::string word = line.substr(0, line.find_first_of("/\t "));
      if (word.empty() || !IsValidUtf8(word)) continue;
      size_t pos = 0;
      char32_t c = NextCodePoint(word, &pos);
      if (!u_islower(static_cast<UChar32>(c))) continue;  // capitalised entries are names
      ctx->common_words.insert(MatchKey(word));
    }
  }
}

}  // namespace

// ---- hand-written files -----------------------------------------------------

namespace {

struct NameEntry {
  std::string lang, text;
};

// "fr=Organisation du traité; en=CSTO; *=ODKB" -> entries. Errors name the entry.
Result<std::vector<NameEntry>> ParseNames(const Ctx& ctx, const TsvFile& file, const TsvRow& row,
                                          const std::string& field) {
  std::vector<NameEntry> out;
  if (field == "-") return out;
  for (const auto& part : Split(field, ';')) {
    std::string p = Trim(part);
    if (p.empty()) continue;
    size_t eq = p.find('=');
    if (eq == std::string::npos) return file.ErrorAt(row, "name \"" + p + "\" has no lang= prefix");
    std::string lang = p.substr(0, eq);
    if (!ctx.IsLang(lang)) {
      return file.ErrorAt(
          row, "unknown language \"" + lang + "\" (a code of data/lang/<code>/lang.tsv, or *)");
    }
    std::string text = Trim(p.substr(eq + 1));
    if (text.empty()) return file.ErrorAt(row, "empty name for " + lang);
    out.push_back({lang, text});
  }
  return out;
}

bool ValidId(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

Result<EntityKind> ParseKind(const TsvFile& file, const TsvRow& row, const std::string& k) {
  static const std::pair<const char*, EntityKind> kKinds[] = {
      {"organisation", EntityKind::kOrganisation}, {"government", EntityKind::kGovernment},
      {"country", EntityKind::kCountry},           {"macro_region", EntityKind::kMacroRegion},
      {"region", EntityKind::kRegion},             {"city", EntityKind::kCity},
      {"site", EntityKind::kSite}};
  for (const auto& [name, kind] : kKinds) {
    if (k == name) return kind;
  }
  return file.ErrorAt(row, "unknown kind \"" + k + "\"");
}

Status AddOrganisations(Ctx* ctx, const std::string& path) {
  auto tsv = ReadTsv(path, 4, 4);
  if (!tsv.ok()) return tsv.status();
  for (const TsvRow& row : tsv->rows) {
    const auto& f = row.fields;
    if (!ValidId(f[0])) return tsv->ErrorAt(row, "bad id \"" + f[0] + "\" (a-z, 0-9, _)");
    auto kind = ParseKind(*tsv, row, f[1]);
    if (!kind.ok()) return kind.status();
    if (kind.value() != EntityKind::kOrganisation && kind.value() != EntityKind::kGovernment) {
      return tsv->ErrorAt(row, "kind must be organisation or government");
    }
    if (f[2] != "-" && ctx->draft->Find(f[2]) < 0) {
      return tsv->ErrorAt(row, "unknown country \"" + f[2] + "\"");
    }
    auto names = ParseNames(*ctx, *tsv, row, f[3]);
    if (!names.ok()) return names.status();
    if (names->empty()) return tsv->ErrorAt(row, "no names");
    DraftEntity e;
    e.id = "org:" + f[0];
    if (ctx->draft->Find(e.id) >= 0) return tsv->ErrorAt(row, "duplicate id \"" + f[0] + "\"");
    e.type = EntityType::kOrg;
    e.kind = kind.value();
    e.country = f[2] == "-" ? "" : f[2];
    e.prior = kPriorHandWritten;
    e.canonical = names->front().text;
    for (const auto& n : names.value()) {
      if (n.lang == kEnglish) {
        e.canonical = n.text;
        break;
      }
    }
    uint32_t idx = ctx->draft->AddEntity(e);
    std::set<std::string> preferred;
    for (const auto& n : names.value()) {
      uint8_t flags = 0;
      if (!IsAcronym(n.text) && preferred.insert(n.lang).second) flags |= kAliasPreferred;
      ctx->Name(idx, n.text, n.lang, flags);
    }
  }
  ctx->report->sources_used.push_back(path + ": " + std::to_string(tsv->rows.size()) + " organisations");
  return Status::Ok();
}

// Adds a full name and its surname (last word) as aliases.
void AddPersonName(Ctx* ctx, uint32_t idx, const std::string& name, const std::string& lang,
                   uint8_t flags) {
  ctx->draft->AddAlias(idx, name, lang, flags);
  size_t sp = name.rfind(' ');
  if (sp != std::string::npos) {
    ctx->draft->AddAlias(idx, name.substr(sp + 1), lang, kAliasPartial);
  }
}

Status AddPersons(Ctx* ctx, NameTransliterator* tr, const std::string& path) {
  auto tsv = ReadTsv(path, 4, 4);
  if (!tsv.ok()) return tsv.status();
  for (const TsvRow& row : tsv->rows) {
    const auto& f = row.fields;
    if (!ValidId(f[0])) return tsv->ErrorAt(row, "bad id \"" + f[0] + "\" (a-z, 0-9, _)");
    if (f[2] != "ru" && f[2] != "kk" && f[2] != "uk" && f[2] != "latin") {
      return tsv->ErrorAt(row, "unknown script language \"" + f[2] + "\" (ru, kk, uk, latin)");
    }
    auto names = ParseNames(*ctx, *tsv, row, f[3]);
    if (!names.ok()) return names.status();
    DraftEntity e;
    e.id = "per:" + f[0];
    if (ctx->draft->Find(e.id) >= 0) return tsv->ErrorAt(row, "duplicate id \"" + f[0] + "\"");
    e.canonical = f[1];
    e.type = EntityType::kPer;
    e.kind = EntityKind::kPerson;
    e.prior = kPriorHandWritten;
    uint32_t idx = ctx->draft->AddEntity(e);
    AddPersonName(ctx, idx, f[1], f[2] == "latin" ? "*" : "ru", 0);
    // Generated spellings: from the native form, and from the Russian form of
    // a Kazakh/Ukrainian name when the row gives one (ru=...).
    // A Latin-script person's Russian form is a transliteration of the
    // Latin name: Latin spellings generated back from it ("Entoni Blinken")
    // are nobody's spelling, so none are generated. For a Kazakh or
    // Ukrainian name the Russian form comes first: its BGN romanisation is
    // the press's English form ("Alikhan Smailov", not "Älīkhan Smaī̆ylov").
    std::vector<std::pair<std::string, std::string>> cyrillic;  // (script, text)
    std::set<std::string> typed_langs;
    for (const auto& n : names.value()) {
      if (n.lang == "ru" && f[2] != "ru" && f[2] != "latin") cyrillic.emplace_back("ru", n.text);
      typed_langs.insert(n.lang);
      AddPersonName(ctx, idx, n.text, n.lang, kAliasPreferred);
    }
    if (f[2] != "latin") cyrillic.emplace_back(f[2], f[1]);
    if (f[2] == "latin") {
      // The Latin canonical is the display name wherever none is typed.
      for (const std::string& lang : ctx->latin_langs) {
        if (typed_langs.insert(lang).second) ctx->draft->AddAlias(idx, f[1], lang, kAliasPreferred);
      }
    }
    for (const auto& [script, text] : cyrillic) {
      for (const auto& [lang, variant] : tr->LatinVariants(text, script == "uk" ? "ru" : script)) {
        uint8_t flags = typed_langs.count(lang) ? 0 : kAliasPreferred;
        if (flags) typed_langs.insert(lang);
        AddPersonName(ctx, idx, variant, lang, flags);
      }
    }
    // Latin-script persons: their Cyrillic spelling for Russian text.
    if (f[2] == "latin" && !typed_langs.count("ru")) {
      AddPersonName(ctx, idx, tr->ToCyrillic(f[1]), "ru", 0);
    }
  }
  ctx->report->sources_used.push_back(path + ": " + std::to_string(tsv->rows.size()) + " persons");
  return Status::Ok();
}

Status AddRoles(Ctx* ctx, const std::string& path) {
  auto tsv = ReadTsv(path, 5, 5);
  if (!tsv.ok()) return tsv.status();
  auto date_ok = [](const std::string& d) {
    if (d == "-") return true;
    if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
    for (size_t i = 0; i < d.size(); ++i) {
      bool dash = i == 4 || i == 7;
      if (dash ? d[i] != '-' : (d[i] < '0' || d[i] > '9')) return false;
    }
    return true;
  };
  for (const TsvRow& row : tsv->rows) {
    const auto& f = row.fields;
    if (ctx->draft->Find("per:" + f[0]) < 0) return tsv->ErrorAt(row, "unknown person \"" + f[0] + "\"");
    if (!ValidId(f[1])) return tsv->ErrorAt(row, "bad role \"" + f[1] + "\" (a-z, 0-9, _)");
    if (ctx->draft->Find(f[2]) < 0) return tsv->ErrorAt(row, "unknown entity \"" + f[2] + "\"");
    if (!date_ok(f[3]) || !date_ok(f[4])) return tsv->ErrorAt(row, "dates must be YYYY[-MM[-DD]] or -");
    ctx->draft->AddRole({"per:" + f[0], f[1], f[2], f[3] == "-" ? "" : f[3], f[4] == "-" ? "" : f[4]});
  }
  ctx->report->sources_used.push_back(path + ": " + std::to_string(tsv->rows.size()) + " roles");
  return Status::Ok();
}

// ref: an existing id (KZ, gn:1526273, org:...), "city:CC:Name" (the most
// populous GeoNames city of that name in CC), or "new:slug" (a new place).
Status AddPlaces(Ctx* ctx, const std::string& path) {
  auto tsv = ReadTsv(path, 5, 5);
  if (!tsv.ok()) return tsv.status();
  std::map<std::string, uint32_t> city_index;  // "CC:key" -> most populous city
  for (uint32_t i = 0; i < ctx->draft->entities().size(); ++i) {
    const DraftEntity& e = ctx->draft->entities()[i];
    if (e.kind != EntityKind::kCity) continue;
    std::string k = e.country + ":" + MatchKey(e.canonical);
    auto [it, ins] = city_index.emplace(k, i);
    if (!ins && ctx->draft->entities()[it->second].population < e.population) it->second = i;
  }
  int skipped = 0;
  for (const TsvRow& row : tsv->rows) {
    const auto& f = row.fields;
    auto names = ParseNames(*ctx, *tsv, row, f[4]);
    if (!names.ok()) return names.status();
    int64_t idx = -1;
    const std::string& ref = f[0];
    if (ref.rfind("new:", 0) == 0) {
      if (!ValidId(ref.substr(4))) return tsv->ErrorAt(row, "bad id \"" + ref + "\"");
      auto kind = ParseKind(*tsv, row, f[1]);
      if (!kind.ok()) return kind.status();
      if (f[2] != "-" && ctx->draft->Find(f[2]) < 0) return tsv->ErrorAt(row, "unknown country \"" + f[2] + "\"");
      DraftEntity e;
      e.id = "place:" + ref.substr(4);
      e.type = EntityType::kLoc;
      e.kind = kind.value();
      e.country = f[2] == "-" ? "" : f[2];
      e.prior = kPriorHandWritten;
      if (f[3] != "-") {
        auto ll = Split(f[3], ',');
        char* end1 = nullptr;
        char* end2 = nullptr;
        if (ll.size() == 2) {
          e.lat = std::strtod(ll[0].c_str(), &end1);
          e.lon = std::strtod(ll[1].c_str(), &end2);
        }
        if (ll.size() != 2 || *end1 || *end2 || e.lat < -90 || e.lat > 90 || e.lon < -180 || e.lon > 180) {
          return tsv->ErrorAt(row, "bad coordinates \"" + f[3] + "\" (lat,lon)");
        }
        e.has_coords = true;
      }
      if (names->empty()) return tsv->ErrorAt(row, "no names");
      e.canonical = names->front().text;
      for (const auto& n : names.value()) {
        if (n.lang == kEnglish) {
          e.canonical = n.text;
          break;
        }
      }
      idx = ctx->draft->AddEntity(e);
    } else if (ref.rfind("city:", 0) == 0) {
      auto parts = Split(ref, ':');
      if (parts.size() != 3) return tsv->ErrorAt(row, "bad reference \"" + ref + "\" (city:CC:Name)");
      auto it = city_index.find(parts[1] + ":" + MatchKey(parts[2]));
      if (it == city_index.end()) {
        // GeoNames not installed (tests) or renamed: not an error in the file,
        // but named in the report so that a stale row is seen.
        ++skipped;
        if (city_index.size() > 0) {
          ctx->report->warnings.push_back(tsv->path + ":" + std::to_string(row.line) +
                                          ": no GeoNames city \"" + parts[2] + "\" in " + parts[1] +
                                          " (use gn:<geonameid>)");
        }
        continue;
      }
      idx = it->second;
    } else {
      idx = ctx->draft->Find(ref);
      if (idx < 0 && ref.rfind("gn:", 0) == 0 && city_index.empty()) {
        ++skipped;  // GeoNames not loaded (tests, --no-cities)
        continue;
      }
      if (idx < 0) return tsv->ErrorAt(row, "unknown entity \"" + ref + "\"");
    }
    for (const auto& n : names.value()) {
      ctx->PlaceName(static_cast<uint32_t>(idx), n.text, n.lang,
                     ref.rfind("new:", 0) == 0 ? kAliasPreferred : 0);
    }
  }
  ctx->report->sources_used.push_back(path + ": " + std::to_string(tsv->rows.size()) +
                                      " place rows (" + std::to_string(skipped) +
                                      " referring to absent GeoNames cities)");
  return Status::Ok();
}

// Demonyms written by hand (those no package has: "occidental", "soviétique").
Status AddDemonyms(Ctx* ctx, const std::string& path) {
  if (!std::filesystem::exists(path)) return Status::Ok();
  auto tsv = ReadTsv(path, 3, 3);
  if (!tsv.ok()) return tsv.status();
  for (const TsvRow& row : tsv->rows) {
    int64_t e = ctx->draft->Find(row.fields[0]);
    if (e < 0) return tsv->ErrorAt(row, "unknown entity \"" + row.fields[0] + "\"");
    if (row.fields[1] == kKbAnyLanguage || !ctx->IsLang(row.fields[1])) {
      return tsv->ErrorAt(row, "unknown language \"" + row.fields[1] + "\"");
    }
    for (const auto& w : Split(row.fields[2], ',')) {
      ctx->Adjective(static_cast<uint32_t>(e), Trim(w), row.fields[1], kAliasPreferred);
    }
  }
  return Status::Ok();
}

// Offices every government has (data/kb/portfolios.tsv): a `*` row makes
// the office "org:<portfolio>" of no country (its slotless names: the
// recognizer gives it the country the context names) and one office
// "org:<portfolio>:<CC>" per country, named by the row's templates with the
// country's adjectives ({adj}) and names ({name}) of that language filled in.
// A row with a country code adds names to that country's office. Runs after
// every source of country names and adjectives.
Status AddPortfolios(Ctx* ctx, const std::string& path) {
  if (!std::filesystem::exists(path)) return Status::Ok();
  auto tsv = ReadTsv(path, 3, 3);
  if (!tsv.ok()) return tsv.status();
  std::set<uint32_t> countries;
  for (uint32_t i = 0; i < ctx->draft->entities().size(); ++i) {
    const DraftEntity& e = ctx->draft->entities()[i];
    if (e.kind == EntityKind::kCountry && !e.country.empty() && e.id == e.country) countries.insert(i);
  }
  const auto country_aliases = ctx->draft->AliasesOf(countries);
  size_t generated = 0, offices = 0;
  for (const TsvRow& row : tsv->rows) {
    const auto& f = row.fields;
    for (const auto& part : Split(f[0], ':')) {
      if (!ValidId(part)) return tsv->ErrorAt(row, "bad portfolio \"" + f[0] + "\" (a-z, 0-9, _, :)");
    }
    auto names = ParseNames(*ctx, *tsv, row, f[2]);
    if (!names.ok()) return names.status();
    if (names->empty()) return tsv->ErrorAt(row, "no names");
    const std::string generic_id = "org:" + f[0];
    if (f[1] != "*") {
      int64_t c = ctx->draft->Find(f[1]);
      int64_t office = ctx->draft->Find(generic_id + ":" + f[1]);
      if (c < 0) return tsv->ErrorAt(row, "unknown country \"" + f[1] + "\"");
      if (office < 0) return tsv->ErrorAt(row, "no template row for \"" + f[0] + "\" above");
      for (const auto& n : names.value()) ctx->Name(static_cast<uint32_t>(office), n.text, n.lang);
      continue;
    }
    if (ctx->draft->Find(generic_id) >= 0) return tsv->ErrorAt(row, "duplicate portfolio \"" + f[0] + "\"");
    DraftEntity g;
    g.id = generic_id;
    g.type = EntityType::kOrg;
    g.kind = EntityKind::kOrganisation;
    g.prior = kPriorHandWritten;
    for (const auto& n : names.value()) {
      bool slot = n.text.find('{') != std::string::npos;
      if (slot && n.text.find("{adj}") == std::string::npos && n.text.find("{name}") == std::string::npos) {
        return tsv->ErrorAt(row, "unknown slot in \"" + n.text + "\" ({adj}, {name})");
      }
      if (g.canonical.empty() && !slot && n.lang == kEnglish) g.canonical = n.text;
    }
    if (g.canonical.empty()) return tsv->ErrorAt(row, "no English name without a slot");
    uint32_t gi = ctx->draft->AddEntity(g);
    std::set<std::string> preferred;
    for (const auto& n : names.value()) {
      if (n.text.find('{') != std::string::npos) continue;
      ctx->Name(gi, n.text, n.lang, preferred.insert(n.lang).second ? kAliasPreferred : 0);
    }
    for (uint32_t c : countries) {
      DraftEntity o = g;
      o.id = generic_id + ":" + ctx->draft->entities()[c].country;
      o.country = ctx->draft->entities()[c].country;
      o.canonical = g.canonical + " (" + ctx->draft->entities()[c].canonical + ")";
      uint32_t oi = ctx->draft->AddEntity(o);
      ++offices;
      auto it = country_aliases.find(c);
      if (it == country_aliases.end()) continue;
      for (const auto& n : names.value()) {
        const bool adj_slot = n.text.find("{adj}") != std::string::npos;
        const std::string slot = adj_slot ? "{adj}" : "{name}";
        const size_t at = n.text.find(slot);
        if (at == std::string::npos) continue;
        for (const auto& [text, lang, flags] : it->second) {
          if (lang != n.lang || bool(flags & kAliasAdjective) != adj_slot) continue;
          std::string filled = n.text;
          filled.replace(at, slot.size(), text);
          generated += ctx->draft->AddAlias(oi, filled, n.lang, 0);
        }
      }
    }
  }
  ctx->report->sources_used.push_back(path + ": " + std::to_string(offices) + " offices, " +
                                      std::to_string(generated) + " generated names");
  return Status::Ok();
}

// The languages of data/lang, then their inflection tables.
Status LoadLanguages(Ctx* ctx, const std::string& data_dir) {
  Result<std::shared_ptr<const Languages>> langs = Languages::Load(data_dir);
  if (!langs.ok()) return langs.status();
  ctx->langs = (*langs)->codes();
  for (const std::string& lang : ctx->langs) {
    const std::string& dic = (*langs)->Find(lang)->hunspell();
    if (!dic.empty()) ctx->hunspell.push_back(dic);
  }
  for (const std::string& lang : ctx->langs) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale loc(lang.c_str());
    loc.addLikelySubtags(status);
    if (U_SUCCESS(status) && std::string_view(loc.getScript()) == "Latn") {
      ctx->latin_langs.push_back(lang);
    }
  }
  for (const std::string& lang : ctx->langs) {
    auto t = ReadInflect(data_dir + "/lang/" + lang + "/entity_inflect.tsv");
    if (!t.ok()) return t.status();
    ctx->inflect[lang] = std::move(t.value());
  }
  return Status::Ok();
}

Status AddHandWritten(Ctx* ctx, const std::string& data_dir) {
  auto tr = NameTransliterator::Create(data_dir);
  if (!tr.ok()) return tr.status();
  const std::string kb = data_dir + "/kb/";
  SITREP_RETURN_IF_ERROR(AddPlaces(ctx, kb + "places.tsv"));
  SITREP_RETURN_IF_ERROR(AddOrganisations(ctx, kb + "organisations.tsv"));
  SITREP_RETURN_IF_ERROR(AddPersons(ctx, tr->get(), kb + "persons.tsv"));
  SITREP_RETURN_IF_ERROR(AddDemonyms(ctx, kb + "demonyms.tsv"));
  SITREP_RETURN_IF_ERROR(AddPortfolios(ctx, kb + "portfolios.tsv"));
  SITREP_RETURN_IF_ERROR(AddRoles(ctx, kb + "roles.tsv"));
  return Status::Ok();
}

}  // namespace

Status AddHandWrittenFiles(const std::string& data_dir, KbDraft* draft, KbBuildReport* report) {
  Ctx ctx{draft, report, {}, {}, {}, {}, {}};
  SITREP_RETURN_IF_ERROR(LoadLanguages(&ctx, data_dir));
  return AddHandWritten(&ctx, data_dir);
}

Result<KbDraft> BuildKnowledgeBase(const KbSources& src, KbBuildReport* report) {
  KbDraft draft;
  Ctx ctx{&draft, report, {}, {}, {}, {}, {}};
  SITREP_RETURN_IF_ERROR(LoadLanguages(&ctx, src.data_dir));
  ReadCommonWords(&ctx, src);
  AddIcuRegions(&ctx);
  std::map<std::string, std::string> english_demonym;
  if (!src.npm_dir.empty()) {
    english_demonym = AddWorldCountries(&ctx, src.npm_dir);
    AddI18nNationality(&ctx, src.npm_dir);
    AddI18nIsoCountries(&ctx, src.npm_dir);
  }
  AddIcuDemonyms(&ctx, english_demonym);
  if (src.with_cities) AddGeoNames(&ctx, src);
  AddHunspell(&ctx, src);
  SITREP_RETURN_IF_ERROR(AddHandWritten(&ctx, src.data_dir));
  return draft;
}

}  // namespace sitrep
