// @brief Scan, internal to sitrep_time: a longest-match scan over the tokens of
// one text, one small function per pattern, and resolution against the DCT.
// The patterns are defined in time_scan_*.cc by family; TimeTagger
// (time_tagger.cc) runs one Scan per paragraph.
//
// Approach. The text is tokenized once (letters, digits, single symbols). At
// each token that is a number or the first token of a lexicon phrase, every
// pattern below is tried and the longest match wins; the scan resumes after
// it. Patterns know shapes only ("a day number, an optional ordinal suffix,
// a month word, an optional year"); which words are months, units, hedges or
// tense cues is the lexicon's business (time_lexicon.h, data/lang/*/time_*).
//
// Resolution rules (docs/formats/time.md, "Resolution"):
//  * a bare weekday on the DCT's weekday is the DCT itself; otherwise tense
//    decides: the nearest cue word in the sentence, past by default;
//  * a day and month without a year take the year that puts them nearest
//    to the DCT; a bare month follows tense like a weekday;
//  * "N units ago" / "in N units" from a day are that day; decades and
//    centuries, or a DCT without a day, give the unit's granularity;
//  * day_ref words ("la veille") use the last absolute or DCT-resolved day
//    of the text, else the DCT; without any anchor the value stays empty
//    (or keeps X for unknown digits) and `unresolved` is set.
#pragma once

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "time/calendar.h"
#include "time/time_lexicon.h"
#include "time/time_tagger.h"

namespace sitrep {
namespace time_scan {

// How much of the DCT is known.
struct Dct {
  int level = 0;  // 0 none, 1 year, 2 month, 3 day
  Ymd day;
  int64_t days = 0;
  int clock_s = -1;  // seconds after midnight when the DCT has a time of day, else -1
  // Seconds since 1970-01-01T00:00 (with a time of day only).
  int64_t Instant() const { return days * 86400 + clock_s; }
};

inline Dct MakeDct(const std::optional<PublishedDate>& p) {
  Dct d;
  if (!p || p->value.size() < 4) return d;
  int y = 0, m = 0, dd = 0;
  int n = std::sscanf(p->value.c_str(), "%d-%d-%d", &y, &m, &dd);
  if (n >= 1 && y > 0) d.level = 1;
  if (n >= 2 && m >= 1 && m <= 12) d.level = 2;
  if (n >= 3 && ValidDate(y, m, dd)) d.level = 3;
  d.day = {y, d.level >= 2 ? m : 1, d.level >= 3 ? dd : 1};
  d.days = DaysOf(d.day);
  // "2022-01-07T14:32" or "2016-11-07T16:12:00": a time of day that
  // "in 5 minutes", "two hours ago" count from.
  int hh = 0, mm = 0, ss = 0;
  if (d.level == 3 && p->value.size() >= 16 && p->value[10] == 'T' &&
      std::sscanf(p->value.c_str() + 11, "%d:%d:%d", &hh, &mm, &ss) >= 2 && hh >= 0 && hh < 24 &&
      mm >= 0 && mm < 60 && ss >= 0 && ss < 60) {
    d.clock_s = hh * 3600 + mm * 60 + ss;
  }
  return d;
}

// The last resolved day-precision date of a text: what "la veille" and "two
// days later" count from. It carries over from paragraph to paragraph of a
// document; `start` is in the caller's offsets.
struct TextAnchor {
  bool have = false;
  Ymd day;
  uint32_t start = 0;
  // The day in focus for a clock time: the day of the last expression whose
  // value starts with one ("2018-12-08", "2018-12-08T13:30", "XXXX-WXX-6"),
  // whatever anchored it; `focus_start` in the caller's offsets.
  std::string focus;
  uint32_t focus_start = 0;
};

// The rules that produced a candidate, outermost first: "Hedged>DayMonth",
// "DateWithTime>DayMonth" (a rule that kept the candidate of a rule it
// asked). Names are static strings of the registry and wrappers, or owned by
// the lexicon (data rules), so a path is cheap to copy. Deeper paths keep
// their outermost kMax names.
struct RulePath {
  static constexpr size_t kMax = 4;
  std::array<const char*, kMax> names{};
  uint8_t n = 0;
  void Wrap(const char* name) {
    for (size_t k = kMax - 1; k > 0; --k) names[k] = names[k - 1];
    names[0] = name;
    if (n < kMax) ++n;
  }
  std::string Format() const;  // "Hedged>DayMonth"
};

// A candidate match, before it becomes a TimeExpr.
struct Cand {
  size_t te = 0;  // token index after the match
  RulePath rule;  // the rule (and wrappers) that produced it
  TimeType type = TimeType::kDate;
  TimexValue value;
  std::string begin, end;
  TimeMod mod = TimeMod::kNone;
  AnchorKind anchor = AnchorKind::kNone;
  uint32_t anchor_start = 0;
  bool unresolved = false;
  bool is_day = false;    // value names one day: a time of day may follow
  bool bare_day = false;  // only a day-of-month number (ranges: "du 6 au ...")
  int day_number = 0;
  int bare_weekday = 0;    // a weekday alone (no rel): tense chose the week
  bool dct_month = false;  // "the 18th": a day whose month is the DCT's, the text names none
  bool abs_day = false;    // value is a resolved YYYY-MM-DD
  bool weekday = false;    // resolved from a weekday name alone (tense chose the week)
  bool free_year = false;  // the year was chosen from the DCT, the text names none
  bool offset = false;     // "2 weeks after today": a day moved from `from`
  Ymd from;
  size_t tb = 0;                              // when past the scan position: where the span starts
  bool begin_half = false, end_half = false;  // time range bounds: am/pm or a part was named
  Ymd ymd;
};

// The parts of a duration, largest unit first: "1 hour and 30 minutes" is
// {(H, 1), (MIN, 30)}; an amount is NaN when unknown ("a few").
struct DurationParts {
  std::vector<std::pair<int, double>> parts;  // (DurationRank, amount)
};

struct TimeOfDay {
  size_t te = 0;
  std::string value;             // "T14:30", "TEV"
  bool strong = false;           // ":", an hour word, am/pm, a part of day or a clock word
  int hour = -1;                 // the hour when the value is T<hour>...
  bool half = false;             // am/pm or a part of day chose the half of the day
  bool ampm = false;             // am/pm was named
  TimeMod mod = TimeMod::kNone;  // from an approx_suffix ("11ish": APPROX)
  // A clock time ("T14", "T14:30"): its minutes after midnight (seconds left
  // out); -1 for a part of day or a meal ("TMO", "TMEL"), which has no start.
  int minutes = -1;
};

class Scan;

// The rule registry (time_scan_rules.cc). Every pattern Core or DatePart
// tries is a rule: a name (what --explain-time prints), a family, a gate, a
// priority and a production. The rules of a family are tried in priority
// order at one token; the longest match wins and on equal length the lower
// priority. Data rules of the language (time_rules.tsv, TimeRule) run among
// them by the same priorities.
enum class RuleFamily : uint8_t {
  kCore,      // Scan::Core: any expression that starts at the token
  kDatePart,  // Scan::DatePart: a date (day, month, year, weekday, period)
};

// What must hold at the start token i before a production is tried. Every
// condition set must hold; an empty gate always holds.
struct RuleGate {
  enum class Start : uint8_t { kAny, kDigits, kNotDigits };
  enum class AfterFor : uint8_t { kAny, kYes, kNo };
  Start start = Start::kAny;  // kDigits: a digit token; kNotDigits: anything else
  // When any of these three is set, the start token must be a number or a
  // number word (`numeral`), or start an entry of one of `kinds`, or, when
  // the scan is licensed (after a hedge or a from-word), of `licensed_kinds`.
  bool numeral = false;
  TimeLexKindSet kinds;
  TimeLexKindSet licensed_kinds;
  // A word of one of `ahead` starts within `ahead_tokens` tokens from i.
  TimeLexKindSet ahead;
  uint8_t ahead_tokens = 0;
  bool apostrophe_ahead = false;        // an apostrophe among the next four tokens
  AfterFor after_for = AfterFor::kAny;  // i follows a for_pre word ("for 3h") or not
  bool only_first = false;              // tried only while no rule before it matched

  // Builders, for the registry table: RuleGate().Numeral().Kinds({...}).
  constexpr RuleGate Digits() const {
    return With([](RuleGate& g) { g.start = Start::kDigits; });
  }
  constexpr RuleGate NotDigits() const {
    return With([](RuleGate& g) { g.start = Start::kNotDigits; });
  }
  constexpr RuleGate Numeral() const {
    return With([](RuleGate& g) { g.numeral = true; });
  }
  constexpr RuleGate Kinds(TimeLexKindSet k) const {
    return With([&](RuleGate& g) { g.kinds = k; });
  }
  constexpr RuleGate Licensed(TimeLexKindSet k) const {
    return With([&](RuleGate& g) { g.licensed_kinds = k; });
  }
  constexpr RuleGate Ahead(TimeLexKindSet k, uint8_t tokens) const {
    return With([&](RuleGate& g) {
      g.ahead = k;
      g.ahead_tokens = tokens;
    });
  }
  constexpr RuleGate Apostrophe() const {
    return With([](RuleGate& g) { g.apostrophe_ahead = true; });
  }
  constexpr RuleGate ForPre(bool after) const {
    return With([&](RuleGate& g) { g.after_for = after ? AfterFor::kYes : AfterFor::kNo; });
  }
  constexpr RuleGate OnlyFirst() const {
    return With([](RuleGate& g) { g.only_first = true; });
  }

 private:
  template <typename F>
  constexpr RuleGate With(F f) const {
    RuleGate g = *this;
    f(g);
    return g;
  }
};

struct ScanRule {
  const char* name;
  RuleFamily family;
  int priority;  // the order within the family, in steps of 10
  RuleGate gate;
  std::optional<Cand> (*production)(Scan& scan, size_t i, bool licensed);
};

class Scan {
 public:
  // Offsets of the expressions are shifted by `base`; `anchor` is read and
  // updated (the last date of the text so far).
  Scan(std::string_view text, const std::vector<TimeToken>& toks, const TimeLexicon& lex,
       const Dct& dct, uint32_t base, TextAnchor* anchor);

  void Run(std::vector<TimeExpr>* out);

  // With `on`, each TimeExpr gets the rule path that produced it (`rule`).
  void Explain(bool on) { explain_ = on; }

  // The registry, both families, each in priority order.
  static std::span<const ScanRule> Rules();

 private:
  using K = TimeLexKind;
  size_t M(size_t i, K k, const TimeLexEntry** e = nullptr) const {
    if (i >= t_.size() || !kinds_[i].Has(k)) return 0;
    for (uint32_t m = match_at_[i]; m < match_at_[i + 1]; ++m) {
      if (matches_[m].kind != k) continue;
      if (e) *e = matches_[m].entry;
      return matches_[m].end;
    }
    return 0;
  }
  // am/pm at i; a one-letter form ("a", "p") only glued to the number or
  // before punctuation or the end: "5a", "7 p." but not "5 a day".
  size_t AmPm(size_t i, const TimeLexEntry** e = nullptr) const {
    const TimeLexEntry* x = nullptr;
    size_t k = M(i, K::kAmPm, &x);
    if (!k) return 0;
    if (k == i + 1 && t_[i].folded.size() == 1 && !Attached(i) && k < t_.size() &&
        t_[k].kind != TimeTokKind::kPunct) {
      return 0;
    }
    if (e) *e = x;
    return k;
  }
  // An ordinal day at i: "17th", "seventeenth".
  bool OrdinalDay(size_t i) const {
    return (Num(i) && t_[i].ndigits <= 2 && M(i + 1, K::kOrdinalSuffix) && Attached(i + 1)) ||
           (i < t_.size() && !Num(i) && M(i, K::kOrdinal));
  }
  // "in the morning" at i ending the clause (punctuation or the end after
  // it): "circa 5 in the morning" is a time, "5 in the morning raids" is not.
  bool PartEndsClause(size_t i) const {
    size_t f = SkipFillers(i, 2);
    if (f == i) return false;
    size_t p = M(f, K::kPart);
    if (!p && M(f, K::kArticle)) p = M(M(f, K::kArticle), K::kPart);
    return p && (p >= t_.size() || t_[p].kind == TimeTokKind::kPunct);
  }
  // "2-0", "3-1": two bare numbers glued by a dash, the second not above the
  // first, look like a score, not hours.
  bool ScoreLike(size_t i) const {
    return Num(i) && Sym(i + 1, "-") && Attached(i + 1) && Num(i + 2) && Attached(i + 2) &&
           t_[i + 2].number <= t_[i].number;
  }
  bool NumWord(size_t i) const { return i < t_.size() && number_word_[i]; }
  bool Num(size_t i) const {
    return i < t_.size() && t_[i].kind == TimeTokKind::kNumber && !grouped_[i];
  }
  bool Sym(size_t i, const char* s) const {
    return i < t_.size() && t_[i].kind == TimeTokKind::kPunct && t_[i].folded == s;
  }
  bool Attached(size_t i) const { return i < t_.size() && !t_[i].space_before; }
  // Some entry of kind k starts at one of the n tokens from i (cheap).
  bool Ahead(size_t i, size_t n, K k) const {
    for (size_t j = i; j < i + n && j < t_.size(); ++j) {
      if (Is(j, k)) return true;
    }
    return false;
  }
  // An apostrophe among the next four tokens ("next year's").
  bool ApostropheAhead(size_t i) const {
    for (size_t j = i + 1; j < i + 5 && j < t_.size(); ++j) {
      if (Sym(j, "'")) return true;
    }
    return false;
  }
  // Some lexicon entry of kind k starts at i (cheap: no phrase match).
  bool Is(size_t i, K k) const { return i < t_.size() && kinds_[i].Has(k); }
  // "the fall of Rome", "The fall in prices": a homonym after an article (the
  // token before i) is the noun unless a preposition precedes the article
  // ("in the fall") or nothing but punctuation follows it (k: after it).
  bool HomonymNoun(size_t i, size_t k) const {
    if (i >= 2 && (M(i - 2, K::kFiller) == i - 1 || M(i - 2, K::kInPre) == i - 1)) return false;
    return k < t_.size() && t_[k].kind != TimeTokKind::kPunct;
  }
  // The length (1 or 2 tokens) of an article phrase ending just before i
  // ("the", fr "l '"), or 0.
  // A two-digit year: the one of its century within 80 years before and 20
  // after the DCT ("03/18/40" said in 2019 is 1940, "juillet 98" 1998, "in
  // '30" 2030); without a DCT, up to 40 is 20xx.
  int FullYear(int yy) const {
    if (dct_.level < 1) return yy + (yy <= 40 ? 2000 : 1900);
    int y = dct_.day.y / 100 * 100 + yy;
    while (y > dct_.day.y + 20) y -= 100;
    while (y <= dct_.day.y - 80) y += 100;
    return y;
  }
  size_t ArticleBefore(size_t i) const {
    if (i >= 1 && M(i - 1, K::kArticle) == i) return 1;
    if (i >= 2 && M(i - 2, K::kArticle) == i) return 2;
    return 0;
  }
  // The token starts with an ASCII capital ("May", not "may").
  bool Capitalized(size_t i) const {
    return i < t_.size() && text_[t_[i].start] >= 'A' && text_[t_[i].start] <= 'Z';
  }
  size_t SkipFillers(size_t i, int max = 3) const {
    for (int k = 0; k < max; ++k) {
      size_t j = M(i, K::kFiller);
      if (!j) break;
      i = j;
    }
    return i;
  }

  bool MayStart(size_t i) const;
  // Numbers at a and a + 2 glued by "-" or "/" ("138-2010", "03-2020").
  bool GluedNumbers(size_t a) const {
    return a + 2 < t_.size() && t_[a].kind == TimeTokKind::kNumber &&
           t_[a + 2].kind == TimeTokKind::kNumber && !t_[a + 1].space_before &&
           !t_[a + 2].space_before && (Sym(a + 1, "-") || Sym(a + 1, "/"));
  }
  // "138-2010-2015", "133-03-03-2020": numbers glued by "-" or "/" are one
  // code; the span [b, e) must not cut such a run.
  bool WholeChains(size_t b, size_t e) const {
    if (b >= 2 && GluedNumbers(b - 2)) return false;
    for (size_t k = e; k-- > b;) {
      if (t_[k].kind == TimeTokKind::kNumber) return !GluedNumbers(k);
    }
    return true;
  }
  std::optional<Cand> Best(size_t i, bool licensed);
  // The rules of one family at i (registry and data rules), longest first.
  std::optional<Cand> RunRules(RuleFamily family, size_t i, bool licensed);
  bool GateOpen(const RuleGate& g, size_t i, bool licensed, bool matched) const;
  // Core, DatePart and Clock are asked about the same token by many
  // constructions: each answer is kept in a small cache by position and
  // flags, valid until the text anchor moves (memo_version_).
  std::optional<Cand> Core(size_t i, bool licensed);
  std::optional<Cand> CoreUncached(size_t i, bool licensed);
  std::optional<Cand> Hedged(size_t i);
  std::optional<Cand> DatePart(size_t i, bool licensed);
  std::optional<Cand> DatePartUncached(size_t i, bool licensed);
  std::optional<Cand> DateWithTime(size_t i, bool licensed);
  std::optional<Cand> TimeThenDate(size_t i);
  std::optional<Cand> TimeOnly(size_t i);
  std::optional<Cand> NumericDate(size_t i);
  // "7.6", "7-6" after a weekday: month and day (day first outside English)
  // joined by a dot or a dash, no year; alone they are decimals and scores.
  std::optional<Cand> ShortNumericDate(size_t i);
  // "2017 april" (a year, then a month name), "12-2015", "12/2015" (a month
  // and a year): a month.
  std::optional<Cand> MonthOfYear(size_t i);
  std::optional<Cand> DayMonth(size_t i);
  // A "last"/"next" right after a date without a year, on the same line and
  // not before a unit ("le 5 mars prochain", "en mars dernier"): its sign.
  std::optional<int> TrailingRel(size_t te) const;
  std::optional<Cand> DayMonthRel(size_t te, int month, int day);
  std::optional<Cand> MonthNameNumeric(size_t i);
  bool LeadingRel(size_t* j, int* rel) const;
  std::optional<Cand> MonthFirst(size_t i, bool licensed);
  std::optional<Cand> Weekday(size_t i);
  // "Tuesday, January 4, 2022", "samedi 23/06/18", "this friday 5/12",
  // "Friday 7.6", "friday (jun-15)": a weekday, or the date after it.
  std::optional<Cand> WeekdayDate(size_t i);
  // "next 5/12", "this 5/12", "next 6th of April": a rel word before a
  // written date; the date decides.
  std::optional<Cand> RelDate(size_t i);
  // "Tue May 9", "wed. 5/12": an abbreviated weekday before a full date.
  std::optional<Cand> ShortWeekdayDate(size_t i);
  std::optional<Cand> DayRel(size_t i);
  std::optional<Cand> RelUnit(size_t i, bool licensed);
  std::optional<Cand> Year(size_t i);
  std::optional<Cand> Decade(size_t i);
  std::optional<Cand> Season(size_t i);
  std::optional<Cand> Quarter(size_t i);
  std::optional<Cand> UnitNumber(size_t i);
  std::optional<Cand> WeekdayDayNumber(size_t i);
  // The day `day` of the month nearest the DCT that falls on weekday wd,
  // else the weekday alone; the match ends at te.
  Cand DayOnWeekday(size_t b, size_t te, int day, int wd);
  std::optional<Cand> DayThenWeekday(size_t i);
  // "le 4 du mois prochain", "4-23 mois prochain", "the 15th of next month":
  // a day (or days joined by a range_link) of a relative month.
  std::optional<Cand> DayOfRelMonth(size_t i);
  // "next week Monday", "next week on Tuesday", "tuesday of next week",
  // "Wednesday evening next week", "mardi de la semaine prochaine": a weekday
  // of a relative week.
  std::optional<Cand> WeekdayInWeek(size_t i);
  // A relative week at i ("next week", "the following week", "la semaine
  // prochaine"): the token after it, its rel in *rel; 0 when none.
  size_t RelWeek(size_t i, int* rel) const;
  // A weekday name of any width at i (weak ones included): the token after
  // it (and its dot) and the weekday in *wd, or 0.
  size_t AnyWeekday(size_t i, int* wd) const;
  // A month name of any width at i (weak ones included): the token after it
  // (and its dot) and the month in *month, or 0.
  size_t AnyMonth(size_t i, int* month) const;
  // "Jan-Feb 2017", "June-August 1992", "from Sep to Nov", "Nov-Feb 5th,
  // 2017": a range from a month to a month (or a day); without a from-word
  // the second bound names its year.
  std::optional<Cand> MonthSpan(size_t i);
  // "les 10 et 11 janvier", "les 3, 4 et 5 mai": a day number listed before a
  // later day with its month is a day of that month (the number alone).
  std::optional<Cand> DayOfList(size_t i);
  std::optional<Cand> BareDayOfMonth(size_t i);
  std::optional<Cand> Range(size_t i);
  // A range bound in words: "now" (the DCT), "the end of 2008" (its last day
  // as a second bound). `first`: the bound before the range_to word.
  std::optional<Cand> WordBound(size_t i, bool first);
  std::optional<Cand> TimeRange(size_t i, bool ctx, bool weak_ok = false);
  // A spelled hour 1..12 with optional spelled minutes and am/pm or a part of
  // day ("seven", "four thirty pm", "sept du matin"); strong with the latter.
  std::optional<TimeOfDay> SpelledHour(size_t j);
  std::optional<Cand> TimeRangeOnDay(size_t i);
  std::optional<Cand> RelQuantUnit(size_t i);
  std::optional<Cand> PartRange(size_t i);
  std::optional<Cand> NamedPeriod(size_t i);
  // A whole amount (1..1000) of calendar units (D, W, M, Y) at j: "3 weeks",
  // "two months". The token after the unit, or 0; the amount and unit code.
  size_t CalendarUnits(size_t j, int* amount, TimeUnit* unit);
  std::optional<Cand> WithinClockRange(size_t j);
  std::optional<Cand> NightOfTwoDays(size_t k);
  // A day with a part of it at i ("Monday morning", "yesterday afternoon",
  // "this evening", "last night", "tonight"): *day is the day's value ("" when
  // unresolved), *part the part; returns the token after, or 0.
  size_t DayWithPart(size_t i, std::string* day, DayPeriod* part, Cand* anchor);
  // "Monday morning from 10am to 12pm", "tonight from 7 to 7:30", "between 7
  // and 9 last night": a time range on a day's part; bare hours move into it.
  std::optional<Cand> PartTimeRange(size_t i);
  // "(dans) la nuit de mardi", "la soirée du 7 janvier", "dans la nuit de
  // mardi à mercredi": the part of day of the day named after it.
  std::optional<Cand> PartOfNamedDay(size_t i);
  std::optional<Cand> QuantUnit(size_t i);
  // Further parts of a duration after its first unit: "and a half", "and 30
  // minutes", "30 minutes" (each unit smaller than the one before). Appends
  // to *parts and returns the token after them (u when none follow).
  size_t DurationTail(size_t u, DurationParts* parts);
  // "from 2pm for 2 hours", "for 2 hours from 2pm", "14th feb from 9:30am for
  // 7 hours": a range from a clock time to that time moved by the duration.
  std::optional<Cand> StartPlusDuration(size_t i);
  // A clock duration at i ("2.5 hrs", "3 hours 30 minutes") in minutes.
  size_t ClockMinutes(size_t i, double* minutes);
  // The n-th century (1..30) as a TIMEX3 century ("20" for the 21st) with its
  // first and last day, ending at te; the production of data rules `Century`
  // ("21st century", "le XIXe siècle", "siglo XIX": time_rules.tsv).
  std::optional<Cand> CenturyCand(size_t te, int n) const;
  // Data rules (time_rules.tsv): the slots of r matched from i, then its
  // production; null when a slot does not match.
  std::optional<Cand> DataRule(const TimeRule& r, size_t i);
  // One slot at j: the token after it, or 0; a number slot sets *number.
  size_t MatchSlot(const TimeRuleSlot& s, size_t j, int* number);
  // The production of data rules `Quarter`: quarter q of `year` ("2019-Q3",
  // "2017 q1"), with its first and last day.
  Cand YearQuarterCand(size_t te, int year, int q) const;
  // "a week starting tomorrow", "3 days starting from next monday", "for 3
  // days from today", "a day starting this Friday at 5 pm": the period of that
  // length from the day on (closed days; with a clock time, the same time N
  // units later). "for" belongs to the span only before a range_from word.
  std::optional<Cand> LengthFromDay(size_t i);
  // "within 9 months", "within the next 10 days" (an in_pre word of value
  // `range`): the days from the DCT to N units later (closed).
  std::optional<Cand> WithinRange(size_t i);
  // "at lunch", "after breakfast" (with the hedge: Hedged), "for lunchtime":
  // a meal names a time of day (TMEL) only after a clock_pre, hedge or
  // for_pre word; "the dinner was held" is an event.
  std::optional<Cand> Meal(size_t i, bool licensed);
  // "the same day", "that week", "la même année", "im selben Jahr": the
  // period holding the last date of the text (`same` words), else unresolved.
  std::optional<Cand> SamePeriod(size_t i);
  // "rest of the week", "the remainder of this year", fr "le reste de
  // l'année": the days from the DCT to the end of its week, month, quarter
  // or year (`rest_of` words).
  std::optional<Cand> RestOf(size_t i);
  // "next year's first quarter", "2019's second half": a quarter or half of
  // the year before the possessive.
  std::optional<Cand> PossessivePeriod(size_t i);
  // "the 15th day of next month", "the twenty-sixth day of the month", "the
  // 23rd day of September": that day of the month named.
  std::optional<Cand> OrdinalDayOf(size_t i);
  // "EOY", "by EOD": the end of the DCT's year, day, ... (`unit_end` words).
  std::optional<Cand> UnitEnd(size_t i);
  // "the first 2 weeks of 2021", "the last four months of 2021", "first ten
  // days of last year", fr "les trois premiers mois de 2020": the first
  // (`initial` word) or last (`rel` -1) N days, weeks or months of a year or
  // month; weeks are ISO weeks (the first holds the period's 4th day).
  std::optional<Cand> PeriodPart(size_t i);
  // "H1 2019", "2019-H2", "the first half of 2019", "au premier semestre
  // 2019", "the second half of next year": a half year (`half_year` words).
  std::optional<Cand> HalfYear(size_t i);
  // "fiscal year 2008" FY2008, "FY19", "last fiscal year" FY2018, "this
  // school year" SY2019, "calendar year 2008" 2008 (`year_type` words).
  std::optional<Cand> YearType(size_t i);
  // An upper-case Roman numeral 1..30 at i, with an optional glued ordinal
  // suffix ("XIXe"): its value (0 when none) and *end the token after it.
  int RomanOrdinal(size_t i, size_t* end = nullptr) const;
  // "le 17 de 14h à 16h": a plain day number after an article, then a time
  // range on that day of the DCT's month; the span starts at the number.
  std::optional<Cand> DayNumberTimeRange(size_t i);
  // "partner of the year", "blocked for the day", "dans la journée": a
  // singular unit after a unit_ref cue and an article is the DCT's (a day:
  // the last date of the text, as day_ref 0).
  std::optional<Cand> UnitRef(size_t i);
  // "easter 2018", "next christmas", "independence day of this year", "Noël":
  // a holiday of the lexicon in the year given, the one after/before the DCT
  // with a rel word, else the one nearest to the DCT.
  std::optional<Cand> Holiday(size_t i);
  std::optional<Cand> Set(size_t i);
  // "toute la journée", "all week", "den ganzen Tag": one whole unit, a
  // duration (P1D); not before a rel or a named period ("toute la semaine
  // dernière", "tout le mois de mai").
  std::optional<Cand> WholeUnit(size_t i);
  // "<amount> <unit> after|before <day>": the day moved by the amount, or null.
  std::optional<Cand> OffsetFromDay(size_t u, TimeUnit unit, int amount);
  // A day moved by an amount at i, at day precision: "in 3 days", "two weeks
  // from now", "3 weeks after Christmas"; resolved days only.
  std::optional<Cand> OffsetDay(size_t i);
  // "Monday two weeks from now", "in 3 days on Friday", "Sunday 3 weeks after
  // January 15th": the weekday of the ISO week holding the moved day.
  std::optional<Cand> WeekdayOfOffset(size_t i);
  // "18 and 19 June", "le 18 et le 19 juin": a day number listed before a day
  // and month is a day of that month (the span is the number).
  std::optional<Cand> ListedDay(size_t i);
  std::optional<Cand> PartOfDay(size_t i, bool licensed);
  std::optional<TimeOfDay> PastHour(size_t i);
  std::optional<Cand> Simple(size_t i);
  std::optional<Cand> DayPart(size_t i);
  std::optional<Cand> WeekdayPart(size_t i);
  std::optional<Cand> PartEve(size_t i);
  std::optional<Cand> WeekOf(size_t i);
  std::optional<Cand> OrdinalWeek(size_t i);
  // "the 15th day of next month", "twenty third day of September", "the third
  // month of 2021": the n-th day of a month, the n-th month of a year.
  std::optional<Cand> OrdinalUnitOf(size_t i);
  // "the first 2 weeks of 2021", "the last four months of 2021", "first ten
  // days of last year": the first or last N days, weeks or months of a year
  // (days also of a month), as a range of days; weeks are ISO weeks.
  std::optional<Cand> SliceOf(size_t i);
  // The year or month after an "of" at p ("of 2021", "of next month"): its
  // first and last day; 0 when none.
  size_t PeriodAfterOf(size_t p, Ymd* first, Ymd* last, Cand* src);
  // The clock time after a part of day ("tonight at 2am", "tonight around 7"),
  // its hour moved into that part; empty when none follows. Sets *te.
  // *hour (when given) is set to the moved hour with the result.
  std::string TimeInPart(size_t j, DayPeriod part, size_t* te, int* hour = nullptr);
  // A year spelled out: "nineteen ninety six", "two thousand and fifteen".
  size_t SpelledYear(size_t i, int* year);
  std::optional<TimeOfDay> Clock(size_t i, bool clock_ctx, bool allow_part);
  std::optional<TimeOfDay> ClockUncached(size_t i, bool clock_ctx, bool allow_part);
  // Minutes after an hour word: a number, a spelled number or a `half` word,
  // optionally after a filler ("et") or a minus word ("moins": negative);
  // returns the token after them and the minutes.
  std::optional<std::pair<size_t, int>> MinutesAfterHour(size_t j);
  // A run of number words at i parsed whole (no gate on what follows): the
  // value and the token after it, or -1.
  int64_t SpelledRun(size_t i, size_t max_tokens, size_t* end);
  // True when nothing at i stops "17.30" from being a time: the end, a
  // punctuation mark or a lexicon word.
  // True when every lexicon entry of toks[i] is a weak (abbreviated) month or
  // weekday name: fr "sept" is both "sept." (septembre) and seven.
  // Also true when no strong entry's whole phrase matches at i ("thirty" is
  // the start of the ordinal "thirty first").
  bool OnlyWeakName(size_t i) const {
    if (i >= t_.size()) return false;
    if (!entries_[i]) return true;
    for (const TimeLexEntry& e : *entries_[i]) {
      if (e.weak || i + e.tokens.size() > t_.size()) continue;
      bool whole = true;
      for (size_t k = 1; k < e.tokens.size() && whole; ++k) whole = t_[i + k].folded == e.tokens[k];
      if (whole) return false;
    }
    return true;
  }
  // An article whose value is "outside": it licenses a relative period but
  // stays out of its span (en "the next quarter" -> "next quarter").
  bool ArticleOutside(size_t i) const {
    const TimeLexEntry* e = nullptr;
    return M(i, K::kArticle, &e) && e->value == "outside";
  }
  // A weekday name of any width at i (weak ones included).
  bool IsWeekdayName(size_t i) const {
    if (i >= t_.size() || !entries_[i]) return false;
    for (const TimeLexEntry& e : *entries_[i]) {
      if (e.kind == K::kWeekday && e.tokens.size() == 1) return true;
    }
    return false;
  }
  // A phrase of kind k ends right before token i ("l'" before "été").
  bool EndsAt(K k, size_t i) const {
    for (size_t s = i > 4 ? i - 4 : 0; s < i; ++s) {
      if (M(s, k) == i) return true;
    }
    return false;
  }
  // The end of a clock_pre word at j, or 0. A `weak` one ("dès", which
  // "des" folds to) counts only before hours with an hour word ("dès 8
  // heures", not "des 3, 4 et 5 mai").
  size_t ClockPreAt(size_t j) const {
    const TimeLexEntry* e = nullptr;
    const size_t k = M(j, K::kClockPre, &e);
    if (!k || e->value != "weak") return k;
    size_t h = k;
    if (Num(h)) {
      ++h;
    } else {
      while (h < t_.size() && h < k + 6 && (NumWord(h) || (Sym(h, "-") && Attached(h)))) ++h;
    }
    return h > k && M(h, K::kHourWord) ? k : 0;
  }
  // A `rel` word at j that may stand before its head (not "passé 20 ans").
  size_t LeadRel(size_t j, const TimeLexEntry** e = nullptr) const {
    const TimeLexEntry* x = nullptr;
    const size_t k = M(j, K::kRel, &x);
    if (!k || x->post_only) return 0;
    if (e) *e = x;
    return k;
  }
  // A clock_pre word ends right before token i ("à 16 heures").
  // Before a spelled hour, also an article after a hedge or a range word
  // that is no filler (es "alrededor de las once", "desde la una hasta las
  // tres"): the article of a clock time ("una de las tres" is no time).
  bool ClockPreBefore(size_t i) const {
    for (size_t s = i > 3 ? i - 3 : 0; s < i; ++s) {
      if (ClockPreAt(s) == i) return true;
    }
    for (size_t a = i > 2 && !Num(i) ? i - 2 : i; a < i; ++a) {
      if (M(a, K::kArticle) != i) continue;
      for (size_t s = a > 4 ? a - 4 : 0; s < a; ++s) {
        if ((M(s, K::kHedge) == a || M(s, K::kRangeTo) == a) && M(s, K::kFiller) != a) {
          return true;
        }
      }
    }
    return false;
  }
  // A clock_verb phrase ("il est", "it's") ends right before token i.
  bool ClockVerbBefore(size_t i) const { return EndsAt(K::kClockVerb, i); }
  bool DotTimeEnds(size_t i) const {
    return i >= t_.size() || t_[i].kind == TimeTokKind::kPunct || entries_[i] != nullptr;
  }

  // A quantity at i: digits ("3", "3.5"), a quant word, or a spelled number.
  // Sets *n (NaN for "X") and returns the token after it, or 0.
  // *approx (when given) is set for an approximate quant ("une dizaine de").
  size_t Quantity(size_t i, double* n, bool* approx = nullptr);
  size_t SpelledNumber(size_t i, int64_t* n);
  double PriorCount(size_t i) const;  // the count before a `same` quant, or NaN
  // A day-of-month at i (1..31, "1er", "premier"); returns token after, or 0.
  // `count`: also the ordinals that only count periods ("deuxième trimestre").
  size_t DayNumber(size_t i, int* day, bool count = false);
  // A spelled cardinal day 1..31 at i ("fifteen", "twenty five"); callers
  // demand a year after the date ("twenty five January nineteen eighty six").
  size_t SpelledDay(size_t i, int* day);
  size_t YearNumber(size_t i, int* year);
  // A two-digit year right after a month: "juillet 98" (above 31, so no day);
  // not an amount ("juillet 98 personnes", "98 %"). Returns the token after it.
  size_t ShortYear(size_t i, int* year) const;
  // A day of the month spelled out, 1..31 ("vingt-neuf", "quatre"; not a
  // quant word such as "un"). With a `gate` kind, only when a word of it
  // follows (after an optional filler): the gate before ICU's parser.
  size_t SpelledDay(size_t i, int* day, std::optional<K> gate);
  // "April of 87": two digits after a filler word ending the clause are a year
  // (up to 40: 20xx, else 19xx); y0 is the number, after the filler.
  size_t ShortYearAfterFiller(size_t y0, int* year) const {
    if (y0 == 0 || !Num(y0) || t_[y0].ndigits != 2 || M(y0 - 1, K::kFiller) != y0 ||
        t_[y0 - 1].kind != TimeTokKind::kWord) {
      return 0;  // "novembre 19-20": a dash is no "of"
    }
    if (y0 + 1 < t_.size() && t_[y0 + 1].kind != TimeTokKind::kPunct) return 0;
    // ru "5 января в 14:00", "в 14.30": an hour and its minutes, not a year.
    if (y0 + 2 < t_.size() && Attached(y0 + 1) && (Sym(y0 + 1, ":") || Sym(y0 + 1, ".")) &&
        Num(y0 + 2) && Attached(y0 + 2)) {
      return 0;
    }
    const int n = static_cast<int>(t_[y0].number);
    *year = FullYear(n);
    return y0 + 1;
  }

  Tense TenseAround(size_t b, size_t e) const;
  Cand DayCand(size_t te, const Ymd& v, AnchorKind a);
  Cand ResolveDayMonth(size_t te, int month, int day, int year);
  // ResolveDayMonth after checking the date exists: in `year` when given,
  // else in some year (29 February); nullopt when it does not.
  std::optional<Cand> ValidDayMonth(size_t te, int month, int day, int year);
  Cand ResolveWeekday(size_t b, size_t te, int wd, int rel);
  Cand ResolveMonth(size_t b, size_t te, int month, int rel);
  bool HasDay() const { return dct_.level >= 3; }
  void MarkDct(Cand* c) const { c->anchor = AnchorKind::kDct; }

  std::string_view text_;
  const std::vector<TimeToken>& t_;
  const TimeLexicon& lex_;
  Dct dct_;
  std::vector<const std::vector<TimeLexEntry>*>
      entries_;                        // per token: lexicon entries starting there
  std::vector<TimeLexKindSet> kinds_;  // per token: bit set of their kinds
  // Per token: the kinds whose phrase matches here, and weak names (which
  // some patterns read from entries_): what MayStart looks at.
  std::vector<TimeLexKindSet> start_kinds_;
  std::vector<char> number_word_;  // per token: lex_.IsNumberWord
  std::vector<char> grouped_;      // per token: a digit group of a longer number ("2 030")
  std::vector<size_t> for_pos_;    // tokens that may be for_pre, ascending
  // A small cache of answers by (token, flags); see Core.
  template <typename V>
  struct MemoSlot {
    size_t i = SIZE_MAX;
    int flags = 0;
    uint32_t version = 0;
    std::optional<V> value;
  };
  template <typename V, typename F>
  std::optional<V> Memo(std::array<MemoSlot<V>, 16>* memo, size_t i, int flags, F compute) {
    MemoSlot<V>& m = (*memo)[(i * 4 + static_cast<size_t>(flags)) & 15];
    if (m.i == i && m.flags == flags && m.version == memo_version_) return m.value;
    std::optional<V> v = compute();
    MemoSlot<V>& slot = (*memo)[(i * 4 + static_cast<size_t>(flags)) & 15];
    slot.i = i;
    slot.flags = flags;
    slot.version = memo_version_;
    slot.value = v;
    return v;
  }
  std::array<MemoSlot<Cand>, 16> core_memo_, date_memo_;
  std::array<MemoSlot<TimeOfDay>, 16> clock_memo_;
  uint32_t memo_version_ = 1;  // bumped when the text anchor moves
  struct KindMatch {
    TimeLexKind kind;
    uint32_t end;  // token after the longest phrase of this kind
    const TimeLexEntry* entry;
  };
  std::vector<KindMatch> matches_;  // per token, its kinds that match (see match_at_)
  std::vector<uint32_t> match_at_;  // token i's matches: [match_at_[i], match_at_[i + 1])
  uint32_t base_ = 0;               // added to every output offset
  // The last emitted day-precision, resolved date: anchor for day_ref words.
  TextAnchor* anchor_;
  // Gives each clock time or part of a day of out[first...] that names no
  // day the day in focus (DateClockTimes, time_scan_run.cc).
  void DateClockTimes(std::vector<TimeExpr>* out, size_t first) const;
  size_t cur_start_ = 0;  // token where the current candidate begins
  bool explain_ = false;  // fill TimeExpr::rule
};

// ---------------------------------------------------------------------------
// Small helpers

// The units of a duration from largest to smallest (DE and CE count as Y).
inline constexpr TimeUnit kDurationUnits[] = {TimeUnit::kY, TimeUnit::kM, TimeUnit::kW,
                                              TimeUnit::kD, TimeUnit::kH, TimeUnit::kMin,
                                              TimeUnit::kS};

// The fraction of a unit a half_unit entry adds: "and a half" 0.5 (the
// lexicon checked the value).
inline double Fraction(const TimeLexEntry& e) { return e.amount; }

inline int DurationRank(TimeUnit unit) {
  for (int r = 0; r < 7; ++r) {
    if (unit == kDurationUnits[r]) return r;
  }
  return -1;  // Q, WE: no compound durations
}

// A value that names a whole year ("2019": *month 0) or month ("2019-03"):
// its year and month; false for any other value.
inline bool YearOrMonth(const TimexValue& v, int* year, int* month) {
  if (v.grain() != Grain::kYear && v.grain() != Grain::kMonth) return false;
  *year = v.first().y;
  *month = v.grain() == Grain::kMonth ? v.first().m : 0;
  return true;
}

// The integer at `pos` of a value whose text has no typed part yet (a range
// bound with a clock time, "T07:30"): at most `max` characters, checked, or
// nullopt. The one place the scan still reads digits back from its own text.
inline std::optional<int> LeadingInt(std::string_view v, size_t pos, size_t max) {
  if (pos >= v.size()) return std::nullopt;
  const char* b = v.data() + pos;
  const char* e = v.data() + std::min(v.size(), pos + max);
  int n = 0;
  auto [p, ec] = std::from_chars(b, e, n);
  if (ec != std::errc() || p == b) return std::nullopt;
  return n;
}

inline std::string DayValue(const Ymd& v) { return FormatDay(v); }

// An instant as seconds since 1970-01-01T00:00 -> "2016-11-07T00:05" (or
// "T00:05:30" with seconds).
inline std::string ClockValue(int64_t at, bool seconds) {
  int64_t days = at >= 0 ? at / 86400 : -((-at + 86399) / 86400);
  const int64_t s = at - days * 86400;
  char buf[16];
  if (seconds) {
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", static_cast<int>(s / 3600),
                  static_cast<int>(s / 60 % 60), static_cast<int>(s % 60));
  } else {
    std::snprintf(buf, sizeof buf, "T%02d:%02d", static_cast<int>(s / 3600),
                  static_cast<int>(s / 60 % 60));
  }
  return FormatDay(CivilFromDays(days)) + buf;
}

inline std::string Xday(int month, int day) {
  char buf[16];
  if (month) {
    std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", month, day);
  } else {
    std::snprintf(buf, sizeof buf, "XXXX-XX-%02d", day);
  }
  return buf;
}

// A calendar quarter: value "2019-Q3", bounds its first and last day.
inline Cand QuarterCand(size_t te, int year, int q) {
  Cand c;
  c.te = te;
  c.value = TimexValue::YearPart(year, "-Q" + std::to_string(q));
  c.begin = FormatDay({year, 3 * q - 2, 1});
  c.end = FormatDay({year, 3 * q, DaysInMonth(year, 3 * q)});
  return c;
}

// "2019-H2": a half year with its first and last day.
inline Cand HalfYearCand(size_t te, int year, int h) {
  Cand c;
  c.te = te;
  c.value = TimexValue::YearPart(year, "-H" + std::to_string(h));
  c.begin = FormatDay({year, h == 1 ? 1 : 7, 1});
  c.end = FormatDay({year, h == 1 ? 6 : 12, h == 1 ? 30 : 31});
  c.anchor = AnchorKind::kAbsolute;
  return c;
}

inline std::string NumberText(double n) {
  if (std::isnan(n)) return "X";
  char buf[32];
  if (n == std::floor(n)) {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(n));
  } else {
    std::snprintf(buf, sizeof buf, "%g", n);
  }
  return buf;
}

// "T07" moved into a part of the day (time_scan_clock.cc).
std::string MoveIntoPart(const std::string& t, DayPeriod part);

}  // namespace time_scan
}  // namespace sitrep
