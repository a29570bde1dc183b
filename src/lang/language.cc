// @brief Language and Languages: lang.tsv conventions plus ICU calendar names
// and spell-out rules, read once per data directory. ICU's DateFormatSymbols
// and RuleBasedNumberFormat are used here only.
#include "lang/language.h"

#include <unicode/dtfmtsym.h>
#include <unicode/fieldpos.h>
#include <unicode/fmtable.h>
#include <unicode/locid.h>
#include <unicode/parsepos.h>
#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include "base/data_file.h"

namespace sitrep {
namespace {

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string s;
  u.toUTF8String(s);
  return s;
}

std::vector<CalendarName> LoadCalendarNames(const std::string& code) {
  std::vector<CalendarName> out;
  UErrorCode status = U_ZERO_ERROR;
  icu::DateFormatSymbols syms(icu::Locale(code.c_str()), status);
  if (U_FAILURE(status)) return out;
  using S = icu::DateFormatSymbols;
  constexpr std::pair<S::DtWidthType, NameWidth> kWidths[] = {
      {S::WIDE, NameWidth::kWide},
      {S::ABBREVIATED, NameWidth::kAbbreviated},
      {S::SHORT, NameWidth::kShort}};
  for (const auto& [width, name_width] : kWidths) {
    for (S::DtContextType ctx : {S::FORMAT, S::STANDALONE}) {
      CalendarName n;
      n.width = name_width;
      n.standalone = ctx == S::STANDALONE;
      int32_t count = 0;
      if (width != S::SHORT) {  // ICU has no short months
        const icu::UnicodeString* months = syms.getMonths(count, ctx, width);
        for (int32_t i = 0; i < count && i < 12; ++i) {
          n.text = ToUtf8(months[i]);
          n.field = CalendarField::kMonth;
          n.number = i + 1;
          if (!n.text.empty()) out.push_back(n);
        }
      }
      const icu::UnicodeString* days = syms.getWeekdays(count, ctx, width);
      // ICU: index 1 = Sunday .. 7 = Saturday (0 is empty); ISO: Monday 1 .. Sunday 7.
      for (int32_t i = 1; i < count && i <= 7; ++i) {
        n.text = ToUtf8(days[i]);
        n.field = CalendarField::kWeekday;
        n.number = (i + 5) % 7 + 1;
        if (!n.text.empty()) out.push_back(n);
      }
    }
  }
  return out;
}

std::string IcuDisplayName(const std::string& code) {
  icu::UnicodeString name;
  icu::Locale(code.c_str())
      .getDisplayLanguage(icu::Locale(std::string(kDisplayLanguage).c_str()), name);
  return ToUtf8(name);
}

// "," or "." as a separator value of lang.tsv; `what` names the key.
bool ParseSeparator(const std::string& v, char* out) {
  if (v != "," && v != ".") return false;
  *out = v[0];
  return true;
}

std::mutex g_registry_mu;
std::map<std::string, std::shared_ptr<const Languages>, std::less<>>& Registry() {
  static auto* registry = new std::map<std::string, std::shared_ptr<const Languages>, std::less<>>;
  return *registry;
}

}  // namespace

struct Spellout::Formatter {
  std::unique_ptr<icu::RuleBasedNumberFormat> rbnf;
  std::vector<icu::UnicodeString> sets;
};

Spellout::Spellout(const std::string& locale) : formatter_(std::make_unique<Formatter>()) {
  UErrorCode status = U_ZERO_ERROR;
  auto rbnf = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT,
                                                           icu::Locale(locale.c_str()), status);
  if (U_FAILURE(status)) return;
  for (int32_t r = 0; r < rbnf->getNumberOfRuleSetNames(); ++r) {
    formatter_->sets.push_back(rbnf->getRuleSetName(r));
    names_.push_back(ToUtf8(formatter_->sets.back()));
  }
  formatter_->rbnf = std::move(rbnf);
  text_.assign(names_.size(), std::vector<std::string>(kMaxSpelled + 1));
  done_.assign(names_.size(), std::vector<bool>(kMaxSpelled + 1, false));
}

Spellout::~Spellout() = default;

const std::string& Spellout::Spell(size_t set, int value) const {
  static const std::string kNone;
  if (set >= names_.size() || value < 0 || value > kMaxSpelled) return kNone;
  std::lock_guard<std::mutex> lock(mu_);
  if (!done_[set][value]) {
    icu::UnicodeString text;
    UErrorCode st = U_ZERO_ERROR;
    icu::FieldPosition fp;
    formatter_->rbnf->format(static_cast<int32_t>(value), formatter_->sets[set], text, fp, st);
    if (U_SUCCESS(st)) text_[set][value] = ToUtf8(text);
    done_[set][value] = true;
  }
  return text_[set][value];
}

struct Language::Parser {
  std::unique_ptr<icu::RuleBasedNumberFormat> rbnf;
};

Language::~Language() = default;

Status Language::ReadConventions(const std::string& path) {
  Result<TsvFile> file = ReadTsv(path, 2, 2);
  if (!file.ok()) {
    return file.status().code() == Code::kNotFound ? Status::Ok() : file.status();
  }
  bool decimal_set = false, group_set = false;
  std::set<std::string> seen;  // keys read so far: only number_glue may repeat
  for (const TsvRow& row : file->rows) {
    const std::string& key = row.fields[0];
    const std::string& value = row.fields[1];
    if (key != "number_glue" && !seen.insert(key).second) {
      return file->ErrorAt(row, "key \"" + key + "\" given twice (only number_glue may repeat)");
    }
    if (key == "name") {
      name_ = value;
    } else if (key == "date_order") {
      if (value == "dmy") {
        date_order_ = DateOrder::kDmy;
      } else if (value == "mdy") {
        date_order_ = DateOrder::kMdy;
      } else if (value == "ymd") {
        date_order_ = DateOrder::kYmd;
      } else {
        return file->ErrorAt(row, "date_order must be dmy, mdy or ymd, got \"" + value + "\"");
      }
    } else if (key == "decimal_separator") {
      if (!ParseSeparator(value, &decimal_)) {
        return file->ErrorAt(row,
                             "decimal_separator must be \",\" or \".\", got \"" + value + "\"");
      }
      decimal_set = true;
    } else if (key == "group_separator") {
      if (!ParseSeparator(value, &group_)) {
        return file->ErrorAt(row, "group_separator must be \",\" or \".\", got \"" + value + "\"");
      }
      group_set = true;
    } else if (key == "hunspell") {
      bool ok = !value.empty();
      for (char c : value)
        ok &= std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
      if (!ok)
        return file->ErrorAt(row, "hunspell must be a dictionary name, got \"" + value + "\"");
      hunspell_ = value;
    } else if (key == "number_glue") {
      if (value.empty() || value.find(' ') != std::string::npos) {
        return file->ErrorAt(row, "number_glue must be one word, got \"" + value + "\"");
      }
      number_glue_.push_back(value);
    } else {
      return file->ErrorAt(row, "unknown key \"" + key +
                                    "\" (name, date_order, decimal_separator, group_separator, "
                                    "number_glue, hunspell)");
    }
  }
  if (decimal_set && group_set && decimal_ == group_) {
    return Status::InvalidArgument(path + ": decimal_separator and group_separator are the same");
  }
  if (decimal_set && !group_set) group_ = decimal_ == ',' ? '.' : ',';
  if (group_set && !decimal_set) decimal_ = group_ == ',' ? '.' : ',';
  return Status::Ok();
}

Result<std::unique_ptr<Language>> Language::Load(const std::string& dir, const std::string& code) {
  std::unique_ptr<Language> lang(new Language());
  lang->code_ = code;
  SITREP_RETURN_IF_ERROR(lang->ReadConventions(dir + "/lang.tsv"));
  if (lang->name_.empty()) lang->name_ = IcuDisplayName(code);
  lang->calendar_ = LoadCalendarNames(code);
  lang->spellout_ = std::make_unique<Spellout>(code);
  UErrorCode status = U_ZERO_ERROR;
  auto rbnf = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT,
                                                           icu::Locale(code.c_str()), status);
  if (U_SUCCESS(status)) {
    rbnf->setLenient(true);
    lang->parser_ = std::make_unique<Parser>();
    lang->parser_->rbnf = std::move(rbnf);
  }
  return lang;
}

int64_t Language::ParseSpelledNumber(std::string_view phrase, size_t* consumed) const {
  if (!parser_ || phrase.empty() || phrase.size() > 120) return -1;
  std::string key(phrase);
  std::lock_guard<std::mutex> lock(parse_mu_);
  auto it = parse_cache_.find(key);
  if (it != parse_cache_.end()) {
    *consumed = it->second.second;
    return it->second.first;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(key);
  icu::Formattable result;
  icu::ParsePosition pp(0);
  parser_->rbnf->parse(u, result, pp);
  int64_t v = -1;
  size_t used = 0;
  if (pp.getIndex() > 0) {
    UErrorCode status = U_ZERO_ERROR;
    int64_t n = result.getInt64(status);
    if (U_SUCCESS(status) && n >= 0) {
      v = n;
      used = ToUtf8(u.tempSubString(0, pp.getIndex())).size();
    }
  }
  if (parse_cache_.size() < kSpelloutCacheSize) parse_cache_.emplace(key, std::make_pair(v, used));
  *consumed = used;
  return v;
}

Result<std::shared_ptr<const Languages>> Languages::Load(const std::string& data_dir) {
  std::lock_guard<std::mutex> lock(g_registry_mu);
  auto it = Registry().find(data_dir);
  if (it != Registry().end()) return it->second;
  auto langs = std::make_shared<Languages>();
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(data_dir + "/lang", ec)) {
    const std::string dir = entry.path().string();
    if (!entry.is_directory() || !std::filesystem::exists(dir + "/lang.tsv")) continue;
    langs->codes_.push_back(entry.path().filename().string());
  }
  std::sort(langs->codes_.begin(), langs->codes_.end());
  for (const std::string& code : langs->codes_) {
    Result<std::unique_ptr<Language>> lang = Language::Load(data_dir + "/lang/" + code, code);
    if (!lang.ok()) return lang.status();
    langs->by_code_.emplace(code, std::move(lang).value());
  }
  Registry().emplace(data_dir, langs);
  return std::shared_ptr<const Languages>(std::move(langs));
}

Result<std::shared_ptr<const Languages>> Languages::Load(const Options& options) {
  return Load(DataDir(options));
}

std::shared_ptr<const Language> Languages::Find(std::string_view code) const {
  auto it = by_code_.find(code);
  return it == by_code_.end() ? nullptr : it->second;
}

Result<std::shared_ptr<const Language>> FindOrLoadLanguage(const std::string& data_dir,
                                                           const std::string& code) {
  Result<std::shared_ptr<const Languages>> langs = Languages::Load(data_dir);
  if (!langs.ok()) return langs.status();
  if (std::shared_ptr<const Language> lang = (*langs)->Find(code)) return lang;
  Result<std::unique_ptr<Language>> lang = Language::Load(data_dir + "/lang/" + code, code);
  if (!lang.ok()) return lang.status();
  return std::shared_ptr<const Language>(std::move(lang).value());
}

}  // namespace sitrep
