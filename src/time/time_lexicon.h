// @brief TimeLexicon: the words of one language the time tagger knows, and the
// tokenizer that both the lexicon phrases and the tagged text go through.
//
// Month and weekday names (ICU, every context and width), the date order and
// spelled-out numbers come from the language layer (src/lang). Everything
// else comes from data/lang/<code>/time_words.tsv and time_tense.tsv
// (docs/formats/time.md).
//
// Thread-safety: a built lexicon is immutable (the language's spell-out
// parser is guarded by its own mutex); Lookup and ParseSpelledNumber may be
// called from several threads.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/options.h"
#include "base/status.h"
#include "lang/language.h"
#include "time/time_value.h"

namespace sitrep {

enum class TimeTokKind { kWord, kNumber, kPunct };

struct TimeToken {
  uint32_t start = 0, end = 0;  // byte offsets into the tokenized text
  TimeTokKind kind = TimeTokKind::kPunct;
  bool space_before = false;  // whitespace between this and the previous token
  bool capital = false;       // kWord: the first letter is upper-case ("Wed" in "for Wed.")
  int ndigits = 0;            // kNumber: digit count
  int64_t number = 0;         // kNumber: its value (capped)
  std::string folded;         // FoldForMatch of the token
};

struct TokenStream;

// The time tagger's tokens are the token stream's (doc/text_tokens.h) one to
// one: letters runs are words, ASCII digit runs numbers, everything else
// (one code point each; a run of other digits gives one per digit) a mark.
// "14h30" -> 14 h 30; "aujourd'hui" -> aujourd ' hui; "1990s" -> 1990 s.
// The tokens of `text`: TimeTokensOf its own stream (for lexicon phrases
// and texts without a stream).
std::vector<TimeToken> TokenizeForTime(std::string_view text);
// The tokens [first, last) of `stream`, made from `text`; offsets made
// relative to `base` (the start of the piece the scan reads).
std::vector<TimeToken> TimeTokensOf(const TokenStream& stream, std::string_view text, size_t first,
                                    size_t last, uint32_t base);

// What a word or phrase means (the `kind` column of time_words.tsv). The one
// list of kinds: X(enumerator, name in the TSV). The enum, the name table of
// ParseLexKind and the size of TimeLexKindSet are all made from it.
#define SITREP_TIME_LEX_KINDS(X)      \
  X(kMonth, "month")                  \
  X(kWeekday, "weekday")              \
  X(kDayRel, "day_rel")               \
  X(kDayRef, "day_ref")               \
  X(kDeictic, "deictic")              \
  X(kUnit, "unit")                    \
  X(kRel, "rel")                      \
  X(kPart, "part")                    \
  X(kClock, "clock")                  \
  X(kHedge, "hedge")                  \
  X(kFiller, "filler")                \
  X(kArticle, "article")              \
  X(kAgoPre, "ago_pre")               \
  X(kAgoPost, "ago_post")             \
  X(kInPre, "in_pre")                 \
  X(kLaterPost, "later_post")         \
  X(kSetPre, "set_pre")               \
  X(kSetWord, "set_word")             \
  X(kQuant, "quant")                  \
  X(kOrdinal, "ordinal")              \
  X(kOrdinalSuffix, "ordinal_suffix") \
  X(kSeason, "season")                \
  X(kDecadePre, "decade_pre")         \
  X(kRangeFrom, "range_from")         \
  X(kRangeTo, "range_to")             \
  X(kHourWord, "hour_word")           \
  X(kMinuteWord, "minute_word")       \
  X(kAmPm, "ampm")                    \
  X(kYearSuffix, "year_suffix")       \
  X(kDurationPre, "duration_pre")     \
  X(kHalf, "half")                    \
  X(kClockPre, "clock_pre")           \
  X(kDurationWord, "duration_word")   \
  X(kDecadeSuffix, "decade_suffix")   \
  X(kRangeLink, "range_link")         \
  X(kQuarterAbbr, "quarter_abbr")     \
  X(kPastWord, "past_word")           \
  X(kOffsetDir, "offset_dir")         \
  X(kHedgePost, "hedge_post")         \
  X(kWeekOf, "week_of")               \
  X(kDayPart, "day_part")             \
  X(kPartEve, "part_eve")             \
  X(kMinusWord, "minus_word")         \
  X(kSetWeekday, "set_weekday")       \
  X(kHalfUnit, "half_unit")           \
  X(kDurationLink, "duration_link")   \
  X(kForPre, "for_pre")               \
  X(kUnitRef, "unit_ref")             \
  X(kHoliday, "holiday")              \
  X(kPeriodName, "period_name")       \
  X(kPartLink, "part_link")           \
  X(kHomonym, "homonym")              \
  X(kCurrency, "currency")            \
  X(kIdiom, "idiom")                  \
  X(kYearType, "year_type")           \
  X(kHalfYear, "half_year")           \
  X(kStartPre, "start_pre")           \
  X(kMeal, "meal")                    \
  X(kSame, "same")                    \
  X(kRestOf, "rest_of")               \
  X(kClockVerb, "clock_verb")         \
  X(kWholePre, "whole_pre")           \
  X(kHedgeCancel, "hedge_cancel")     \
  X(kTimeZone, "time_zone")           \
  X(kApproxSuffix, "approx_suffix")   \
  X(kListLink, "list_link")           \
  X(kPastCue, "past_cue")             \
  X(kUnitEnd, "unit_end")             \
  X(kTimesWord, "times_word")         \
  X(kAgeWord, "age_word")             \
  X(kRelPost, "rel_post")             \
  X(kInitial, "initial")              \
  X(kCountNoun, "count_noun")         \
  X(kHourFraction, "hour_fraction")

enum class TimeLexKind : uint8_t {
#define SITREP_TIME_LEX_KIND_ENUM(e, name) e,
  SITREP_TIME_LEX_KINDS(SITREP_TIME_LEX_KIND_ENUM)
#undef SITREP_TIME_LEX_KIND_ENUM
  // Not a TSV kind: made at load time from `compound` lines (a weekday and a
  // part of day glued: "donnerstagabend"); number = weekday, value = part.
  kWeekdayPart,
  kCount  // the number of kinds, not a kind
};

// A set of kinds, one bit each, sized from the kind list (there are more
// than 64 kinds). Constexpr, so that fixed sets are compile-time constants.
class TimeLexKindSet {
 public:
  constexpr TimeLexKindSet() = default;
  constexpr TimeLexKindSet(std::initializer_list<TimeLexKind> kinds) {
    for (TimeLexKind k : kinds) Add(k);
  }
  constexpr void Add(TimeLexKind k) { words_[Word(k)] |= Bit(k); }
  constexpr bool Has(TimeLexKind k) const { return (words_[Word(k)] & Bit(k)) != 0; }
  // True when the set holds some kind that `other` does not.
  constexpr bool HasOutside(const TimeLexKindSet& other) const {
    for (size_t w = 0; w < kWords; ++w) {
      if (words_[w] & ~other.words_[w]) return true;
    }
    return false;
  }
  // True when the two sets share some kind.
  constexpr bool Intersects(const TimeLexKindSet& other) const {
    for (size_t w = 0; w < kWords; ++w) {
      if (words_[w] & other.words_[w]) return true;
    }
    return false;
  }
  constexpr bool Empty() const {
    for (uint64_t w : words_) {
      if (w) return false;
    }
    return true;
  }

 private:
  static constexpr size_t kKinds = static_cast<size_t>(TimeLexKind::kCount);
  static constexpr size_t kWords = (kKinds + 63) / 64;
  static constexpr size_t Word(TimeLexKind k) { return static_cast<size_t>(k) / 64; }
  static constexpr uint64_t Bit(TimeLexKind k) {
    return uint64_t{1} << (static_cast<size_t>(k) % 64);
  }
  std::array<uint64_t, kWords> words_{};
};

// Lower-cases without removing accents; U+2019 becomes '. For tense cues.
std::string LowerForTense(std::string_view s);

// Parses a kind name of time_words.tsv ("day_rel"); false when unknown.
bool ParseLexKind(std::string_view name, TimeLexKind* kind);

enum class Tense { kNone, kPast, kFuture };

struct TimeLexEntry {
  std::vector<std::string> tokens;  // folded tokens of the phrase
  TimeLexKind kind = TimeLexKind::kFiller;
  std::string value;                // as in the TSV (a TIMEX piece or a label)
  int number = 0;                   // numeric value when `value` is an integer
  TimeUnit unit = TimeUnit::kNone;  // `unit`, `unit_end`: the unit code of `value`
  TimeMod mod = TimeMod::kNone;     // `hedge`, `hedge_post`, `approx_suffix`: the mod of `value`
  double amount = 0;                // `quant`: the amount (NaN for X); `half_unit`: the fraction
  bool weak = false;                // abbreviations: need a neighbouring number or "."
  bool plural = false;              // `unit` marked "plural" ("days", "Tagen"): bare, no period
  bool outside = false;     // `hedge` marked "outside": a date or time it hedges starts after it
  bool ahead = false;       // `hedge` marked "ahead": a deadline from the DCT on ("d'ici")
  bool approx = false;      // `quant` marked "approx": "une dizaine de" (about 10)
  bool same = false;        // `quant` "same": the count said just before ("en autant d'années")
  bool post_only = false;   // `rel` marked "after": only after its head ("la semaine passée")
  bool count_only = false;  // `ordinal` marked "count": counts periods, names no day ("deuxième")
  // `part`, `day_part`, `part_eve` and weekday+part compounds: the part of the day.
  DayPeriod part = DayPeriod::kNone;
};

// A rule of data/lang/<code>/time_rules.tsv (docs/formats/time.md,
// "time_rules.tsv"): slots matched left to right from a token, then a
// production from a closed set. The scan runs data rules among the rules of
// its registry, by priority.
enum class TimeSlotType : uint8_t {
  kKind,      // an entry of a lexicon kind ("season", "unit=CE")
  kNth,       // a day number or ordinal 1..31: "19", "19e", "19th", "vingtième"
  kRoman,     // an upper-case Roman numeral 1..30, maybe with a glued ordinal suffix: "XIXe"
  kNumber,    // digits in a range: "number:1-30"
  kYear,      // a year: four digits 1000..2199 (not part of a longer number) or spelled
  kLiteral,   // one token, quoted: "." (punctuation must be glued to the token before)
  kBoundary,  // "_": no token glued after the previous one (a space or the end follows)
};

struct TimeRuleSlot {
  TimeSlotType type = TimeSlotType::kKind;
  TimeLexKind kind = TimeLexKind::kFiller;  // kKind
  TimeUnit unit = TimeUnit::kNone;          // kKind "unit=<code>": that unit, not plural
  std::string value;                        // kKind "<kind>=<value>" (not unit); kLiteral: folded
  int lo = 0, hi = 0;                       // kNumber: the range
  // Glued to the token before: a "+" before the slot ("+number:1-4"), and
  // every quoted punctuation mark.
  bool glued = false;
};

// X(enumerator, name in the TSV): the productions a data rule may name.
#define SITREP_TIME_RULE_PRODUCTIONS(X) \
  X(kCentury, "Century")                \
  X(kQuarter, "Quarter")

enum class TimeRuleProduction : uint8_t {
#define SITREP_TIME_RULE_PRODUCTION_ENUM(e, name) e,
  SITREP_TIME_RULE_PRODUCTIONS(SITREP_TIME_RULE_PRODUCTION_ENUM)
#undef SITREP_TIME_RULE_PRODUCTION_ENUM
};

struct TimeRule {
  std::string name;   // as in the file: "century_roman"
  std::string label;  // "<lang>:<name>", what --explain-time prints
  std::vector<TimeRuleSlot> slots;
  TimeRuleProduction production = TimeRuleProduction::kCentury;
  int priority = 0;
};

// A multi-word tense cue ("are due", "se déroule"): lower-cased words.
struct TensePhrase {
  std::vector<std::string> words;
  Tense tense = Tense::kNone;
};

class TimeLexicon {
 public:
  // Loads ICU names for `lang` and its TSV files from `data_dir`/lang/<lang>.
  // A missing TSV file is NotFound; a bad line is InvalidArgument "file:line: ...".
  static Result<std::unique_ptr<TimeLexicon>> Load(const std::string& data_dir,
                                                   const std::string& lang);
  ~TimeLexicon();

  const std::string& lang() const { return lang_; }
  // How numeric dates order day and month (lang.tsv `date_order`).
  DateOrder date_order() const { return language_->date_order(); }
  // The point or comma of decimals (lang.tsv `decimal_separator`).
  char decimal_separator() const { return language_->decimal_separator(); }

  // Longest entry of `kind` whose phrase starts at toks[i]; returns the token
  // index just after it, or 0 when none matches (`entry` is then untouched).
  size_t Match(const std::vector<TimeToken>& toks, size_t i, TimeLexKind kind,
               const TimeLexEntry** entry = nullptr) const;
  bool Has(const std::vector<TimeToken>& toks, size_t i, TimeLexKind kind) const {
    return Match(toks, i, kind) != 0;
  }
  // The entries whose phrase starts with `folded` (longest first), or null.
  const std::vector<TimeLexEntry>* EntriesFor(const std::string& folded) const {
    auto it = by_first_.find(folded);
    return it == by_first_.end() ? nullptr : &it->second;
  }
  // Match() with the entries of toks[i] already looked up (EntriesFor).
  size_t MatchEntries(const std::vector<TimeLexEntry>* entries, const std::vector<TimeToken>& toks,
                      size_t i, TimeLexKind kind, const TimeLexEntry** entry = nullptr) const;

  // True when `folded` is a `count_noun` ("soldiers"): a number before it is an
  // amount. Count nouns are not lexicon entries: they never start or end an
  // expression and do not make a word "known".
  bool IsCountNoun(const std::string& folded) const { return count_nouns_.count(folded) != 0; }
  // True when `folded` is a `past_cue` ("time", "highest"): "in N units" after
  // it is a span of the past. Like count nouns, not lexicon entries.
  bool IsPastCue(const std::string& folded) const { return past_cues_.count(folded) != 0; }

  // True when some entry's first token is `folded` (a cheap prefilter).
  bool Knows(const std::string& folded) const { return by_first_.count(folded) != 0; }

  // True when the folded word occurs in the spell-out of some number (built
  // from ICU's own spell-out at load time): a cheap gate before parsing.
  bool IsNumberWord(const std::string& folded) const { return number_words_.count(folded) != 0; }

  // The rules of time_rules.tsv (none when the file is absent), by priority
  // (stable: file order within one priority).
  const std::vector<TimeRule>& rules() const { return rules_; }

  // Tense cue of one lower-cased (not accent-folded: "a" is not "à") word,
  // from time_tense.tsv: whole words first, then suffixes.
  Tense TenseOf(const std::string& lower) const;
  // The multi-word tense cues whose first word is `lower` (longest first), or null.
  const std::vector<TensePhrase>* TensePhrasesFor(const std::string& lower) const {
    auto it = tense_phrases_.find(lower);
    return it == tense_phrases_.end() ? nullptr : &it->second;
  }

  // Parses a spelled-out number at the start of `phrase` with ICU's lenient
  // spell-out rules; returns it and sets *consumed (bytes), or -1 when none.
  // Lenient parsing costs ~0.1 ms, so results are memoized per phrase (at
  // most kSpelloutCacheSize phrases; past that, parsing goes on uncached).
  int64_t ParseSpelledNumber(std::string_view phrase, size_t* consumed) const;
  static constexpr size_t kSpelloutCacheSize = Language::kSpelloutCacheSize;

 private:
  TimeLexicon() = default;
  void Add(TimeLexEntry e);
  Status LoadWords(const std::string& path);
  Status LoadTense(const std::string& path);
  Status LoadRules(const std::string& path);
  void LoadIcuNames();
  void AddWeekdayPartCompounds();

  std::string lang_;
  std::shared_ptr<const Language> language_;  // names, date order, spell-out
  std::unordered_map<std::string, std::vector<TimeLexEntry>> by_first_;
  std::unordered_map<std::string, Tense> tense_words_;
  std::vector<std::pair<std::string, Tense>> tense_suffixes_;                // longest first
  std::unordered_map<std::string, std::vector<TensePhrase>> tense_phrases_;  // by first word
  std::unordered_set<std::string> number_words_;
  std::unordered_set<std::string> count_nouns_;  // folded, one token each
  std::unordered_set<std::string> past_cues_;    // folded, one token each
  std::vector<TimeRule> rules_;
  bool glue_weekday_part_ = false;  // a `compound weekday+part` line was read
};

}  // namespace sitrep
