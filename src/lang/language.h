// @brief Language, Languages: the one language layer under every stage.
//
// The languages sitrep reads are the directories data/lang/<code>/ that hold a
// lang.tsv (docs/formats/lang.md). For each, a Language holds its conventions
// from that file (display name, date order, decimal and group separators,
// the glue words of spelled-out numbers) and what ICU knows of it, read once:
// month and weekday names (DateFormatSymbols, every context and width) and
// spelled-out numbers (RuleBasedNumberFormat spell-out rule sets, formatted
// and parsed). Stages take their calendar names and number words from here
// instead of asking ICU themselves.
//
// Thread-safety: Languages::Load caches one registry per data directory for
// the life of the process; a Language is immutable after loading except for
// the memo of ParseSpelledNumber, which is guarded by a mutex. Share both
// freely across threads.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/options.h"
#include "base/status.h"

namespace sitrep {

// The language of display names in the knowledge base and the report
// (a product choice: entities are shown under their English names).
inline constexpr std::string_view kDisplayLanguage = "en";

// How a numeric date writes its day and month: 7/1/2022 is 7 January (dmy)
// or July 1 (mdy); ymd starts with the year.
enum class DateOrder : uint8_t { kDmy, kMdy, kYmd };

enum class CalendarField : uint8_t { kMonth, kWeekday };
enum class NameWidth : uint8_t { kWide, kAbbreviated, kShort };

// One month or weekday name as ICU writes it (UTF-8, not folded).
struct CalendarName {
  std::string text;
  CalendarField field = CalendarField::kMonth;
  int number = 0;  // month 1..12; weekday ISO 1 (Monday) .. 7 (Sunday)
  NameWidth width = NameWidth::kWide;
  bool standalone = false;  // ICU's stand-alone context (else format)
};

// The public spell-out rule sets of one ICU locale ("fr", or a regional
// "fr_CH"): "%spellout-cardinal-feminine", ... Numbers are spelled on first
// use and kept, so each stage pays only for the values it reads and two
// stages share them. Thread-safe.
class Spellout {
 public:
  static constexpr int kMaxSpelled = 1000;
  // No rule sets when ICU has no spell-out rules for `locale`.
  explicit Spellout(const std::string& locale);
  ~Spellout();
  Spellout(const Spellout&) = delete;
  Spellout& operator=(const Spellout&) = delete;

  size_t size() const { return names_.size(); }
  const std::string& name(size_t set) const { return names_[set]; }
  // `value` (0..kMaxSpelled) spelled in rule set `set`; "" when ICU cannot.
  const std::string& Spell(size_t set, int value) const;

 private:
  struct Formatter;  // ICU's RuleBasedNumberFormat (language.cc)
  std::unique_ptr<Formatter> formatter_;
  std::vector<std::string> names_;
  mutable std::mutex mu_;                               // guards the memo and the formatter
  mutable std::vector<std::vector<std::string>> text_;  // [set][value]
  mutable std::vector<std::vector<bool>> done_;         // [set][value]: text_ is filled
};

class Language {
 public:
  // Reads `dir`/lang.tsv (a missing file gives the defaults: ICU only) and
  // ICU's names and spell-out rules for `code`. Errors: a bad line of
  // lang.tsv, as InvalidArgument "path:line: what".
  static Result<std::unique_ptr<Language>> Load(const std::string& dir, const std::string& code);
  ~Language();

  const std::string& code() const { return code_; }
  // English name: lang.tsv `name`, else ICU's display name ("French").
  const std::string& name() const { return name_; }
  DateOrder date_order() const { return date_order_; }
  // The point or comma that separates decimals, and the one that groups
  // thousands (spaces and apostrophes group in every language).
  char decimal_separator() const { return decimal_; }
  char group_separator() const { return group_; }
  // Words that join the parts of a spelled-out number and may be dropped
  // ("et" in "vingt et un", "and" in "one hundred and six").
  const std::vector<std::string>& number_glue() const { return number_glue_; }
  // The hunspell dictionary whose lower-case words are common words of the
  // language for the knowledge base ("fr", "es_ES"), or "" for none.
  const std::string& hunspell() const { return hunspell_; }

  // Every month and weekday name ICU has: wide, then abbreviated, then
  // short; within a width format then stand-alone; months before weekdays.
  const std::vector<CalendarName>& calendar_names() const { return calendar_; }
  // The spell-out rule sets of the language (every public one).
  const Spellout& spellout() const { return *spellout_; }

  // Parses a spelled-out number at the start of `phrase` with ICU's lenient
  // spell-out rules; returns it and sets *consumed (bytes), or -1 when none.
  // Memoized per phrase (at most kSpelloutCacheSize phrases).
  int64_t ParseSpelledNumber(std::string_view phrase, size_t* consumed) const;
  static constexpr size_t kSpelloutCacheSize = 4096;

 private:
  struct Parser;  // ICU's lenient spell-out parser (language.cc)
  Language() = default;
  Status ReadConventions(const std::string& path);

  std::string code_, name_;
  DateOrder date_order_ = DateOrder::kDmy;
  char decimal_ = ',', group_ = '.';
  std::vector<std::string> number_glue_;
  std::string hunspell_;
  std::vector<CalendarName> calendar_;
  std::unique_ptr<Spellout> spellout_;
  std::unique_ptr<Parser> parser_;
  mutable std::mutex parse_mu_;  // guards parser_ and parse_cache_
  mutable std::unordered_map<std::string, std::pair<int64_t, size_t>> parse_cache_;
};

class Languages {
 public:
  // The languages of `data_dir`/lang: every <code>/ directory with a lang.tsv.
  // Loaded once per data directory and process, then shared. Errors: a bad
  // lang.tsv line (path:line).
  static Result<std::shared_ptr<const Languages>> Load(const std::string& data_dir);
  static Result<std::shared_ptr<const Languages>> Load(const Options& options);

  // The codes, sorted.
  const std::vector<std::string>& codes() const { return codes_; }
  // The language of `code`, or null when sitrep does not read it.
  std::shared_ptr<const Language> Find(std::string_view code) const;

 private:
  std::vector<std::string> codes_;
  std::map<std::string, std::shared_ptr<const Language>, std::less<>> by_code_;
};

// The language `code` of `data_dir`: the registry's when it has one, else one
// with the defaults and ICU's names (a language directory without lang.tsv,
// as in tests). Errors: those of Languages::Load.
Result<std::shared_ptr<const Language>> FindOrLoadLanguage(const std::string& data_dir,
                                                           const std::string& code);

}  // namespace sitrep
