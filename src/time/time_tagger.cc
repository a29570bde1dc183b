// @brief TimeTagger: a longest-match scan over tokens, one small function per
// pattern, and resolution against the DCT.
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
//  * "N units ago" / "in N units" are given at the unit's granularity;
//  * day_ref words ("la veille") use the last absolute or DCT-resolved day
//    of the text, else the DCT; without any anchor the value stays empty
//    (or keeps X for unknown digits) and `unresolved` is set.
#include "time/time_tagger.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "base/data_file.h"
#include "time/calendar.h"

namespace sitrep {

namespace {

// How much of the DCT is known.
struct Dct {
  int level = 0;  // 0 none, 1 year, 2 month, 3 day
  Ymd day;
  int64_t days = 0;
};

Dct MakeDct(const std::optional<PublishedDate>& p) {
  Dct d;
  if (!p || p->value.size() < 4) return d;
  int y = 0, m = 0, dd = 0;
  int n = std::sscanf(p->value.c_str(), "%d-%d-%d", &y, &m, &dd);
  if (n >= 1 && y > 0) d.level = 1;
  if (n >= 2 && m >= 1 && m <= 12) d.level = 2;
  if (n >= 3 && ValidDate(y, m, dd)) d.level = 3;
  d.day = {y, d.level >= 2 ? m : 1, d.level >= 3 ? dd : 1};
  d.days = DaysOf(d.day);
  return d;
}

// The last resolved day-precision date of a text: what "la veille" and "two
// days later" count from. It carries over from paragraph to paragraph of a
// document; `start` is in the caller's offsets.
struct TextAnchor {
  bool have = false;
  Ymd day;
  uint32_t start = 0;
};

// A candidate match, before it becomes a TimeExpr.
struct Cand {
  size_t te = 0;  // token index after the match
  TimeType type = TimeType::kDate;
  std::string value, mod, begin, end;
  AnchorKind anchor = AnchorKind::kNone;
  uint32_t anchor_start = 0;
  bool unresolved = false;
  bool is_day = false;    // value names one day: a time of day may follow
  bool bare_day = false;  // only a day-of-month number (ranges: "du 6 au ...")
  int day_number = 0;
  int bare_weekday = 0;    // a weekday alone (no rel): tense chose the week
  bool dct_month = false;  // "the 18th": a day whose month is the DCT's, the text names none
  bool abs_day = false;    // value is a resolved YYYY-MM-DD
  bool free_year = false;  // the year was chosen from the DCT, the text names none
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
  std::string value;     // "T14:30", "TEV"
  bool strong = false;   // ":", an hour word, am/pm, a part of day or a clock word
  int hour = -1;         // the hour when the value is T<hour>...
  bool half = false;     // am/pm or a part of day chose the half of the day
  bool ampm = false;     // am/pm was named
  std::string mod = "";  // from an approx_suffix ("11ish": APPROX)
};

class Scan {
 public:
  // Offsets of the expressions are shifted by `base`; `anchor` is read and
  // updated (the last date of the text so far).
  Scan(std::string_view text, const std::vector<TimeToken>& toks, const TimeLexicon& lex,
       const Dct& dct, uint32_t base, TextAnchor* anchor)
      : text_(text),
        t_(toks),
        lex_(lex),
        dct_(dct),
        entries_(toks.size()),
        kinds_(toks.size()),
        number_word_(toks.size()),
        grouped_(toks.size()),
        base_(base),
        anchor_(anchor) {
    // "2 030 militaires", "10 000": groups of three digits after one space
    // make one number, never a day, an hour or a year.
    for (size_t i = 0; i + 1 < toks.size(); ++i) {
      const TimeToken& a = toks[i];
      const TimeToken& b = toks[i + 1];
      if (a.kind == TimeTokKind::kNumber && a.ndigits <= 3 && b.kind == TimeTokKind::kNumber &&
          b.ndigits == 3 && b.space_before && b.start - a.end <= 3 && text[a.end] != '\n' &&
          text[a.end] != '\t' && text[a.end] != '\r') {
        grouped_[i] = grouped_[i + 1] = 1;
      }
    }
    // One lexicon lookup per token; M() then answers from these.
    for (size_t i = 0; i < toks.size(); ++i) {
      if (toks[i].kind == TimeTokKind::kNumber) continue;
      if (toks[i].kind == TimeTokKind::kWord) number_word_[i] = lex.IsNumberWord(toks[i].folded);
      entries_[i] = lex.EntriesFor(toks[i].folded);
      if (!entries_[i]) continue;
      for (const TimeLexEntry& e : *entries_[i]) kinds_[i] |= 1ull << static_cast<int>(e.kind);
      if (kinds_[i] & (1ull << static_cast<int>(K::kForPre))) for_pos_.push_back(i);
    }
  }

  void Run(std::vector<TimeExpr>* out);

 private:
  using K = TimeLexKind;
  size_t M(size_t i, K k, const TimeLexEntry** e = nullptr) const {
    if (i >= t_.size() || !(kinds_[i] & (1ull << static_cast<int>(k)))) return 0;
    return lex_.MatchEntries(entries_[i], t_, i, k, e);
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
  size_t SkipFillers(size_t i, int max = 3) const {
    for (int k = 0; k < max; ++k) {
      size_t j = M(i, K::kFiller);
      if (!j) break;
      i = j;
    }
    return i;
  }

  bool MayStart(size_t i) const;
  std::optional<Cand> Best(size_t i, bool licensed);
  std::optional<Cand> Core(size_t i, bool licensed);
  std::optional<Cand> Hedged(size_t i);
  std::optional<Cand> DatePart(size_t i, bool licensed);
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
  std::optional<Cand> MonthNameNumeric(size_t i);
  bool LeadingRel(size_t* j, int* rel) const;
  std::optional<Cand> MonthFirst(size_t i, bool licensed);
  std::optional<Cand> Weekday(size_t i);
  std::optional<Cand> DayRel(size_t i);
  std::optional<Cand> RelUnit(size_t i, bool licensed);
  std::optional<Cand> Year(size_t i);
  std::optional<Cand> Decade(size_t i);
  std::optional<Cand> Season(size_t i);
  std::optional<Cand> Quarter(size_t i);
  std::optional<Cand> UnitNumber(size_t i);
  std::optional<Cand> WeekdayDayNumber(size_t i);
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
  // A day with a part of it at i ("Monday morning", "yesterday afternoon",
  // "this evening", "last night", "tonight"): *day is the day's value ("" when
  // unresolved), *part the part; returns the token after, or 0.
  size_t DayWithPart(size_t i, std::string* day, std::string* part, Cand* anchor);
  // "Monday morning from 10am to 12pm", "tonight from 7 to 7:30", "between 7
  // and 9 last night": a time range on a day's part; bare hours move into it.
  std::optional<Cand> PartTimeRange(size_t i);
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
  // "21st century", "le 20e siècle": a TIMEX3 century with its first and last day.
  std::optional<Cand> Century(size_t i);
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
  // "<amount> <unit> after|before <day>": the day moved by the amount, or null.
  std::optional<Cand> OffsetFromDay(size_t u, const std::string& unit, int amount);
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
  std::string TimeInPart(size_t j, const std::string& part, size_t* te);
  // A year spelled out: "nineteen ninety six", "two thousand and fifteen".
  size_t SpelledYear(size_t i, int* year);
  std::optional<TimeOfDay> Clock(size_t i, bool clock_ctx, bool allow_part);
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
  bool DotTimeEnds(size_t i) const {
    return i >= t_.size() || t_[i].kind == TimeTokKind::kPunct || entries_[i] != nullptr;
  }

  // A quantity at i: digits ("3", "3.5"), a quant word, or a spelled number.
  // Sets *n (NaN for "X") and returns the token after it, or 0.
  size_t Quantity(size_t i, double* n);
  size_t SpelledNumber(size_t i, int64_t* n);
  // A day-of-month at i (1..31, "1er", "premier"); returns token after, or 0.
  size_t DayNumber(size_t i, int* day);
  // A spelled cardinal day 1..31 at i ("fifteen", "twenty five"); callers
  // demand a year after the date ("twenty five January nineteen eighty six").
  size_t SpelledDay(size_t i, int* day);
  size_t YearNumber(size_t i, int* year);
  // "April of 87": two digits after a filler word ending the clause are a year
  // (up to 40: 20xx, else 19xx); y0 is the number, after the filler.
  size_t ShortYearAfterFiller(size_t y0, int* year) const {
    if (y0 == 0 || !Num(y0) || t_[y0].ndigits != 2 || M(y0 - 1, K::kFiller) != y0 ||
        t_[y0 - 1].kind != TimeTokKind::kWord) {
      return 0;  // "novembre 19-20": a dash is no "of"
    }
    if (y0 + 1 < t_.size() && t_[y0 + 1].kind != TimeTokKind::kPunct) return 0;
    const int n = static_cast<int>(t_[y0].number);
    *year = n + (n <= 40 ? 2000 : 1900);
    return y0 + 1;
  }

  Tense TenseAround(size_t b, size_t e) const;
  Cand DayCand(size_t te, const Ymd& v, AnchorKind a);
  Cand ResolveDayMonth(size_t te, int month, int day, int year);
  Cand ResolveWeekday(size_t b, size_t te, int wd, int rel);
  Cand ResolveMonth(size_t b, size_t te, int month, int rel);
  bool HasDay() const { return dct_.level >= 3; }
  void MarkDct(Cand* c) const { c->anchor = AnchorKind::kDct; }

  std::string_view text_;
  const std::vector<TimeToken>& t_;
  const TimeLexicon& lex_;
  Dct dct_;
  std::vector<const std::vector<TimeLexEntry>*>
      entries_;                    // per token: lexicon entries starting there
  std::vector<uint64_t> kinds_;    // per token: bit set of their kinds
  std::vector<char> number_word_;  // per token: lex_.IsNumberWord
  std::vector<char> grouped_;      // per token: a digit group of a longer number ("2 030")
  std::vector<size_t> for_pos_;    // tokens that may be for_pre, ascending
  uint32_t base_ = 0;              // added to every output offset
  // The last emitted day-precision, resolved date: anchor for day_ref words.
  TextAnchor* anchor_;
  size_t cur_start_ = 0;  // token where the current candidate begins
};

// ---------------------------------------------------------------------------
// Small helpers

// The units of a duration from largest to smallest (DE and CE count as Y).
constexpr const char* kDurationUnits[] = {"Y", "M", "W", "D", "H", "MIN", "S"};

// The fraction of a unit a half_unit entry adds: "and a half" 0.5 (the
// lexicon checked the value).
double Fraction(const TimeLexEntry& e) { return std::strtod(e.value.c_str(), nullptr); }

int DurationRank(std::string_view unit) {
  for (int r = 0; r < 7; ++r) {
    if (unit == kDurationUnits[r]) return r;
  }
  return -1;  // Q, WE: no compound durations
}

std::string DayValue(const Ymd& v) { return FormatDay(v); }

std::string Xday(int month, int day) {
  char buf[16];
  if (month) {
    std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", month, day);
  } else {
    std::snprintf(buf, sizeof buf, "XXXX-XX-%02d", day);
  }
  return buf;
}

// A calendar quarter: value "2019-Q3", bounds its first and last day.
Cand QuarterCand(size_t te, int year, int q) {
  Cand c;
  c.te = te;
  c.value = FormatYear(year) + "-Q" + std::to_string(q);
  c.begin = FormatDay({year, 3 * q - 2, 1});
  c.end = FormatDay({year, 3 * q, DaysInMonth(year, 3 * q)});
  return c;
}

std::string NumberText(double n) {
  if (std::isnan(n)) return "X";
  char buf[32];
  if (n == std::floor(n)) {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(n));
  } else {
    std::snprintf(buf, sizeof buf, "%g", n);
  }
  return buf;
}

// ---------------------------------------------------------------------------
// Quantities and numbers

size_t Scan::SpelledNumber(size_t i, int64_t* n) {
  if (i >= t_.size() || t_[i].kind != TimeTokKind::kWord) return 0;
  if (!NumWord(i)) return 0;
  // ICU's lenient parse is slow: only try where a unit or hour word follows
  // within a few tokens ("vingt-quatre heures", "trente ans").
  // The run of number words ("vingt - quatre", "twenty one") must be followed
  // by a unit, an hour word, a month or an "ago" word.
  size_t run = i;
  while (run < t_.size() && run < i + 8 &&
         (NumWord(run) || (Sym(run, "-") && !t_[run].space_before))) {
    ++run;
  }
  const size_t rel_end = M(run, K::kRel);  // "trois dernières années"
  if (!(M(run, K::kUnit) || M(run, K::kHourWord) || M(run, K::kMonth) || M(run, K::kAgoPost) ||
        M(run, K::kMinuteWord) || (rel_end && M(rel_end, K::kUnit)))) {
    return 0;
  }
  size_t used = 0;
  std::string_view phrase = text_.substr(t_[i].start, t_[run - 1].end - t_[i].start);
  int64_t v = run > i ? lex_.ParseSpelledNumber(phrase, &used) : -1;
  if (v < 0) return 0;
  const size_t end_byte = t_[i].start + used;
  size_t j = i;
  while (j < t_.size() && t_[j].end <= end_byte) ++j;
  if (j == i) return 0;
  // Lenient parsing may stop inside a word; demand a token boundary.
  if (t_[j - 1].end != end_byte) {
    size_t k = end_byte;
    while (k > t_[j - 1].end && (text_[k - 1] == ' ')) --k;
    if (k != t_[j - 1].end) return 0;
  }
  // A trailing hyphen or "et" is not part of the number.
  while (j > i + 1 && t_[j - 1].kind == TimeTokKind::kPunct) --j;
  *n = v;
  return j;
}

size_t Scan::Quantity(size_t i, double* n) {
  if (i >= t_.size()) return 0;
  if (Num(i)) {
    if (t_[i].ndigits > 6) return 0;
    double v = static_cast<double>(t_[i].number);
    size_t j = i + 1;
    // Decimal part: "3.5", "123,45" (attached on both sides).
    if (j + 1 < t_.size() && (Sym(j, ".") || Sym(j, ",")) && Attached(j) && Num(j + 1) &&
        Attached(j + 1)) {
      double frac = static_cast<double>(t_[j + 1].number);
      for (int k = 0; k < t_[j + 1].ndigits; ++k) frac /= 10;
      v += frac;
      j += 2;
    }
    *n = v;
    return j;
  }
  const TimeLexEntry* e = nullptr;
  if (size_t j = M(i, K::kQuant, &e)) {
    *n = e->value == "X" ? std::nan("") : e->number;
    return j;
  }
  if (entries_[i] && !OnlyWeakName(i)) return 0;  // a known word is not a spelled number
  int64_t v = 0;
  if (size_t j = SpelledNumber(i, &v)) {
    *n = static_cast<double>(v);
    return j;
  }
  return 0;
}

size_t Scan::DayNumber(size_t i, int* day) {
  if (Num(i)) {
    if (t_[i].ndigits > 2 || t_[i].number < 1 || t_[i].number > 31) return 0;
    *day = static_cast<int>(t_[i].number);
    size_t j = i + 1;
    if (Attached(j)) {
      if (size_t k = M(j, K::kOrdinalSuffix)) j = k;
    }
    return j;
  }
  const TimeLexEntry* e = nullptr;
  if (size_t j = M(i, K::kOrdinal, &e)) {
    if (e->number >= 1 && e->number <= 31) {
      *day = e->number;
      return j;
    }
  }
  return 0;
}

size_t Scan::SpelledDay(size_t i, int* day) {
  if (!NumWord(i) || !OnlyWeakName(i) || M(i, K::kQuant)) return 0;
  // "twenty five nineteen eighty six": the longest run that is a day.
  for (size_t n = 3; n >= 1; --n) {
    size_t e = 0;
    int64_t v = SpelledRun(i, n, &e);
    if (v >= 1 && v <= 31) {
      *day = static_cast<int>(v);
      return e;
    }
  }
  return 0;
}

size_t Scan::SpelledYear(size_t i, int* year) {
  if (i >= t_.size() || t_[i].kind != TimeTokKind::kWord || !NumWord(i)) {
    return 0;
  }
  if (!OnlyWeakName(i) || M(i, K::kQuant)) return 0;  // "un", "a", "one": amounts
  // At least two number words: a cheap gate before ICU's parser.
  if (i + 1 >= t_.size() || !NumWord(i + 1)) return 0;
  // Century and year in two numbers: "nineteen ninety six", "seventeen hundred thirty three".
  size_t e1 = 0;
  int64_t hi = SpelledRun(i, 1, &e1);
  if (hi >= 10 && hi <= 21) {
    size_t e2 = 0;
    int64_t lo = SpelledRun(e1, 3, &e2);
    if (lo >= 0 && lo <= 99 && e2 > e1) {
      // "seventeen hundred thirty three" parses whole below; "nineteen ninety six" here.
      if (lo >= 10 || e2 > e1 + 1) {
        *year = static_cast<int>(hi * 100 + lo);
        return e2;
      }
    }
  }
  // A whole number: "two thousand and fifteen", "seventeen hundred thirty three".
  size_t e = 0;
  int64_t v = SpelledRun(i, 6, &e);
  if (v < 1000 || v > 2199 || e < i + 2) return 0;
  *year = static_cast<int>(v);
  return e;
}

size_t Scan::YearNumber(size_t i, int* year) {
  if (i < t_.size() && t_[i].kind == TimeTokKind::kWord) return SpelledYear(i, year);
  if (!Num(i) || t_[i].ndigits != 4) return 0;
  if (t_[i].number < 1000 || t_[i].number > 2199) return 0;
  size_t j = i + 1;
  // Not part of a longer number: "2022,5", "1990.12", "2000:".
  if (j + 1 < t_.size() && Attached(j) && (Sym(j, ",") || Sym(j, ".") || Sym(j, ":")) &&
      Num(j + 1) && Attached(j + 1)) {
    return 0;
  }
  if (Num(j) && Attached(j)) return 0;
  *year = static_cast<int>(t_[i].number);
  if (size_t k = M(j, K::kYearSuffix)) {
    j = k;
    // "2017 г.": the dot of a one-letter abbreviation; not a sentence dot
    // after "года".
    if (Sym(j, ".") && Attached(j) && t_[j - 1].folded.size() <= 2) ++j;
  }
  return j;
}

// ---------------------------------------------------------------------------
// Tense

Tense Scan::TenseAround(size_t b, size_t e) const {
  auto stop = [&](size_t k) {
    const std::string& f = t_[k].folded;
    return t_[k].kind == TimeTokKind::kPunct && (f == "." || f == "!" || f == "?" || f == ";");
  };
  auto lower = [&](size_t k) {
    return LowerForTense(text_.substr(t_[k].start, t_[k].end - t_[k].start));
  };
  // A phrase cue starting at k ("are due", "se déroule") before the word itself.
  auto tense = [&](size_t k) {
    if (t_[k].kind != TimeTokKind::kWord) return Tense::kNone;
    const std::string w = lower(k);
    if (const std::vector<TensePhrase>* phrases = lex_.TensePhrasesFor(w)) {
      for (const TensePhrase& p : *phrases) {
        bool ok = k + p.words.size() <= t_.size();
        for (size_t n = 1; ok && n < p.words.size(); ++n) ok = lower(k + n) == p.words[n];
        if (ok) return p.tense;
      }
    }
    return lex_.TenseOf(w);
  };
  bool left_open = true, right_open = true;
  for (size_t d = 1; d <= 25 && (left_open || right_open); ++d) {
    if (left_open) {
      if (b < d || stop(b - d)) {
        left_open = false;
      } else if (Tense t = tense(b - d); t != Tense::kNone) {
        return t;
      }
    }
    if (right_open) {
      size_t k = e - 1 + d;
      if (k >= t_.size() || stop(k)) {
        right_open = false;
      } else if (Tense t = tense(k); t != Tense::kNone) {
        return t;
      }
    }
  }
  return Tense::kNone;
}

// ---------------------------------------------------------------------------
// Resolution

Cand Scan::DayCand(size_t te, const Ymd& v, AnchorKind a) {
  Cand c;
  c.te = te;
  c.value = DayValue(v);
  c.anchor = a;
  c.is_day = true;
  c.abs_day = true;
  c.ymd = v;
  return c;
}

Cand Scan::ResolveDayMonth(size_t te, int month, int day, int year) {
  if (year) {
    Cand c = DayCand(te, {year, month, day}, AnchorKind::kAbsolute);
    return c;
  }
  if (dct_.level >= 1) {
    // The year that puts the day nearest to the DCT (and where it exists).
    int best_year = 0;
    int64_t best_dist = 0;
    for (int y = dct_.day.y - 1; y <= dct_.day.y + 1; ++y) {
      if (!ValidDate(y, month, day)) continue;
      int64_t dist = std::llabs(DaysFromCivil(y, month, day) - dct_.days);
      if (dct_.level < 2) dist = std::abs(y - dct_.day.y);
      if (!best_year || dist < best_dist) {
        best_year = y;
        best_dist = dist;
      }
    }
    if (best_year) {
      Cand c = DayCand(te, {best_year, month, day}, AnchorKind::kDct);
      c.free_year = true;
      return c;
    }
  }
  Cand c;
  c.te = te;
  c.value = Xday(month, day);
  c.unresolved = true;
  c.is_day = true;
  return c;
}

Cand Scan::ResolveWeekday(size_t b, size_t te, int wd, int rel) {
  Cand c;
  c.te = te;
  c.is_day = true;
  if (!HasDay()) {
    c.value = "XXXX-WXX-" + std::to_string(wd);
    c.unresolved = true;
    return c;
  }
  const int today = IsoWeekday(dct_.days);
  int64_t back = (today - wd + 7) % 7;  // days since the last such weekday
  int64_t fwd = (wd - today + 7) % 7;   // days until the next one
  int64_t target;
  if (rel < 0) {
    target = dct_.days - (back ? back : 7);
  } else if (rel > 0) {
    target = dct_.days + (fwd ? fwd : 7);
  } else if (back == 0) {
    target = dct_.days;  // "lundi" said on a Monday: that day
  } else {
    target = TenseAround(b, te) == Tense::kFuture ? dct_.days + fwd : dct_.days - back;
  }
  return DayCand(te, CivilFromDays(target), AnchorKind::kDct);
}

Cand Scan::ResolveMonth(size_t b, size_t te, int month, int rel) {
  Cand c;
  c.te = te;
  if (dct_.level < 1) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "XXXX-%02d", month);
    c.value = buf;
    c.unresolved = true;
    return c;
  }
  int y = dct_.day.y;
  if (dct_.level >= 2 && rel == 0 && month != dct_.day.m) {
    Tense t = TenseAround(b, te);
    if (t == Tense::kPast && month > dct_.day.m) --y;
    if (t == Tense::kFuture && month < dct_.day.m) ++y;
  } else if (rel < 0) {
    if (dct_.level < 2 || month >= dct_.day.m) --y;
  } else if (rel > 0) {
    if (dct_.level < 2 || month <= dct_.day.m) ++y;
  }
  c.value = FormatMonth(y, month);
  c.free_year = rel == 0;
  MarkDct(&c);
  return c;
}

// ---------------------------------------------------------------------------
// Date patterns

std::optional<Cand> Scan::NumericDate(size_t i) {
  if (!Num(i)) return std::nullopt;
  const TimeToken& a = t_[i];
  // ISO: 2022-01-07, 2022-01, 2022/01/07
  if (a.ndigits == 4 && i + 2 < t_.size() && (Sym(i + 1, "-") || Sym(i + 1, "/")) &&
      Attached(i + 1) && Num(i + 2) && Attached(i + 2) && t_[i + 2].ndigits <= 2) {
    int y = static_cast<int>(a.number), m = static_cast<int>(t_[i + 2].number);
    if (m < 1 || m > 12 || y < 1000) return std::nullopt;
    const std::string sep = t_[i + 1].folded;
    if (i + 4 < t_.size() && Sym(i + 3, sep.c_str()) && Attached(i + 3) && Num(i + 4) &&
        Attached(i + 4) && t_[i + 4].ndigits <= 2) {
      int d = static_cast<int>(t_[i + 4].number);
      if (!ValidDate(y, m, d)) return std::nullopt;
      return DayCand(i + 5, {y, m, d}, AnchorKind::kAbsolute);
    }
    if (Num(i + 3) && Attached(i + 3)) return std::nullopt;
    Cand c;
    c.te = i + 3;
    c.value = FormatMonth(y, m);
    c.anchor = AnchorKind::kAbsolute;
    return c;
  }
  // Compact ISO: 20161016 (a year 1900..2099 and a valid day, nothing glued on).
  if (a.ndigits == 8 &&
      !(i + 1 < t_.size() && Attached(i + 1) && t_[i + 1].kind != TimeTokKind::kPunct)) {
    const int y = static_cast<int>(a.number / 10000), m = static_cast<int>(a.number / 100 % 100),
              d = static_cast<int>(a.number % 100);
    if (y < 1900 || y > 2099 || !ValidDate(y, m, d)) return std::nullopt;
    if (i > 0 && Attached(i) && t_[i - 1].kind != TimeTokKind::kWord) {
      if (Sym(i - 1, "-") || Sym(i - 1, "/") || Sym(i - 1, ".") || Sym(i - 1, "+"))
        return std::nullopt;
    }
    return DayCand(i + 1, {y, m, d}, AnchorKind::kAbsolute);
  }
  // "2016 10 16": year, month and day apart (nothing glued after).
  if (a.ndigits == 4 && Num(i + 1) && Num(i + 2) && t_[i + 1].ndigits <= 2 &&
      t_[i + 2].ndigits <= 2 && t_[i + 1].space_before && t_[i + 2].space_before &&
      !(i + 3 < t_.size() &&
        (Num(i + 3) || (Attached(i + 3) && t_[i + 3].kind != TimeTokKind::kPunct))) &&
      !(i > 0 && Num(i - 1))) {
    const int y = static_cast<int>(a.number), m = static_cast<int>(t_[i + 1].number),
              d = static_cast<int>(t_[i + 2].number);
    if (y >= 1800 && y <= 2100 && ValidDate(y, m, d) &&
        !(i + 3 < t_.size() && t_[i + 3].kind == TimeTokKind::kWord && !entries_[i + 3])) {
      return DayCand(i + 3, {y, m, d}, AnchorKind::kAbsolute);
    }
  }
  // Space-separated with a four-digit year: "18 08 1978", "2 4 2009".
  if (a.ndigits <= 2 && Num(i + 1) && Num(i + 2) && t_[i + 1].ndigits <= 2 &&
      t_[i + 2].ndigits == 4 && t_[i + 1].space_before && t_[i + 2].space_before &&
      !(i + 3 < t_.size() && Attached(i + 3) && t_[i + 3].kind != TimeTokKind::kWord) &&
      !(i > 0 && Num(i - 1))) {
    int day = static_cast<int>(a.number), month = static_cast<int>(t_[i + 1].number);
    const int year = static_cast<int>(t_[i + 2].number);
    if (lex_.lang() == "en" && day <= 12) std::swap(day, month);
    if (month > 12 && day <= 12) std::swap(day, month);
    if (year >= 1800 && year <= 2100 && month >= 1 && month <= 12 && ValidDate(year, month, day) &&
        !(i + 3 < t_.size() && t_[i + 3].kind == TimeTokKind::kWord && !entries_[i + 3])) {
      return DayCand(i + 3, {year, month, day}, AnchorKind::kAbsolute);
    }
  }
  // Day-month(-year): 7.1.2022, 07/01/2022, 1/2/2022 (en: month first), 29/2
  if (a.ndigits > 2 || i + 2 >= t_.size()) return std::nullopt;
  if (!(Sym(i + 1, ".") || Sym(i + 1, "/") || Sym(i + 1, "-")) || !Attached(i + 1) || !Num(i + 2) ||
      !Attached(i + 2) || t_[i + 2].ndigits > 2) {
    return std::nullopt;
  }
  const std::string sep = t_[i + 1].folded;
  int n1 = static_cast<int>(a.number), n2 = static_cast<int>(t_[i + 2].number);
  int year = 0;
  size_t te = i + 3;
  if (te + 1 < t_.size() && Sym(te, sep.c_str()) && Attached(te) && Num(te + 1) &&
      Attached(te + 1) && (t_[te + 1].ndigits == 4 || t_[te + 1].ndigits == 2)) {
    year = static_cast<int>(t_[te + 1].number);
    if (t_[te + 1].ndigits == 2) year += year <= 40 ? 2000 : 1900;
    te += 2;
  } else if (sep != "/") {
    return std::nullopt;  // "7.1" is a decimal, "4-23" a score
  }
  if (Num(te) && Attached(te)) return std::nullopt;
  if (te < t_.size() && Attached(te) && (Sym(te, ".") || Sym(te, "/")) && Num(te + 1)) {
    return std::nullopt;
  }
  int day = n1, month = n2;
  if (lex_.lang() == "en" && n1 <= 12) std::swap(day, month);
  if (month > 12 && day <= 12) std::swap(day, month);
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  if (year) {
    if (!ValidDate(year, month, day)) return std::nullopt;
    return DayCand(te, {year, month, day}, AnchorKind::kAbsolute);
  }
  if (!ValidDate(2000, month, day)) return std::nullopt;
  return ResolveDayMonth(te, month, day, 0);
}

std::optional<Cand> Scan::ShortNumericDate(size_t i) {
  if (!Num(i) || t_[i].ndigits > 2 || !(Sym(i + 1, ".") || Sym(i + 1, "-")) || !Attached(i + 1) ||
      !Num(i + 2) || !Attached(i + 2) || t_[i + 2].ndigits > 2) {
    return std::nullopt;
  }
  const size_t te = i + 3;
  if (te < t_.size() && Attached(te) && t_[te].kind != TimeTokKind::kPunct) return std::nullopt;
  if (te + 1 < t_.size() && Attached(te) && (Sym(te, ".") || Sym(te, "-") || Sym(te, "/")) &&
      Num(te + 1) && Attached(te + 1)) {
    return std::nullopt;
  }
  int day = static_cast<int>(t_[i].number), month = static_cast<int>(t_[i + 2].number);
  if (lex_.lang() == "en" && day <= 12) std::swap(day, month);
  if (month > 12 && day <= 12) std::swap(day, month);
  if (month < 1 || month > 12 || !ValidDate(2000, month, day)) return std::nullopt;
  return ResolveDayMonth(te, month, day, 0);
}

std::optional<Cand> Scan::MonthOfYear(size_t i) {
  if (!Num(i)) return std::nullopt;
  int year = 0, month = 0;
  size_t te = 0;
  if (size_t ye = YearNumber(i, &year); ye && ye == i + 1) {
    const TimeLexEntry* e = nullptr;
    size_t k = M(ye, K::kMonth, &e);
    // "2017 april 5" is another shape; "in 2024 may be": a word after the
    // month that no pattern knows makes it no date.
    if (!k || e->weak || Num(k) || NumWord(k) ||
        (k < t_.size() && t_[k].kind == TimeTokKind::kWord && !entries_[k])) {
      return std::nullopt;
    }
    month = e->number;
    te = k;
  } else if (t_[i].ndigits <= 2 && t_[i].number >= 1 && t_[i].number <= 12 &&
             (Sym(i + 1, "-") || Sym(i + 1, "/")) && Attached(i + 1) && Num(i + 2) &&
             Attached(i + 2) && t_[i + 2].ndigits == 4 && t_[i + 2].number >= 1900 &&
             t_[i + 2].number <= 2099 &&
             !(i > 0 && Attached(i) && t_[i - 1].kind != TimeTokKind::kWord) &&
             !(i + 3 < t_.size() && Attached(i + 3) &&
               (Sym(i + 3, "-") || Sym(i + 3, "/") || Num(i + 3)))) {
    month = static_cast<int>(t_[i].number);
    year = static_cast<int>(t_[i + 2].number);
    te = i + 3;
  } else {
    return std::nullopt;
  }
  Cand c;
  c.te = te;
  c.value = FormatMonth(year, month);
  c.anchor = AnchorKind::kAbsolute;
  return c;
}

std::optional<Cand> Scan::MonthNameNumeric(size_t i) {
  // "2020/Sep/23", "23-sep-2020", "sep-23-2020", "september-2020-23", "Oct/2":
  // two or three parts glued by one separator ("-" or "/"), one of them a
  // month name; a four-digit part is the year, the other number the day.
  int month = 0, year = 0, day = 0, parts = 0;
  bool month_first = false;
  size_t j = i;
  std::string sep;
  while (parts < 3) {
    size_t p = j;
    if (parts > 0) {
      if (!(Sym(j, "-") || Sym(j, "/")) || !Attached(j) || !Attached(j + 1)) break;
      if (parts == 1) sep = t_[j].folded;
      if (t_[j].folded != sep) break;
      p = j + 1;
    }
    const TimeLexEntry* e = nullptr;
    if (size_t k = M(p, K::kMonth, &e); k && !month) {
      if (Sym(k - 1, ".")) {
        // "sept." before a separator: not this shape; last ("2020/23/Sep."):
        // the sentence dot stays out.
        if (parts < 2 || (Attached(k) && (Sym(k, "-") || Sym(k, "/")))) break;
        --k;
      }
      month = e->number;
      month_first = parts == 0;
      j = k;
    } else if (Num(p) && t_[p].ndigits == 4 && !year && t_[p].number >= 1000 &&
               t_[p].number <= 2199) {
      year = static_cast<int>(t_[p].number);
      j = p + 1;
    } else if (Num(p) && t_[p].ndigits <= 2 && !day && t_[p].number >= 1 && t_[p].number <= 31) {
      day = static_cast<int>(t_[p].number);
      j = p + 1;
    } else {
      break;
    }
    ++parts;
  }
  if (!month || !day || parts < 2) return std::nullopt;
  if (parts == 2 && !month_first) return std::nullopt;  // "4-23" style counts stay out
  if (Attached(j) && (Sym(j, "-") || Sym(j, "/") || Sym(j, ".")) && Num(j + 1)) return std::nullopt;
  if (year) {
    if (!ValidDate(year, month, day)) return std::nullopt;
    return DayCand(j, {year, month, day}, AnchorKind::kAbsolute);
  }
  if (!ValidDate(2000, month, day)) return std::nullopt;
  return ResolveDayMonth(j, month, day, 0);
}

std::optional<Cand> Scan::DayMonth(size_t i) {
  size_t j = i;
  int wd = 0;
  const TimeLexEntry* e = nullptr;
  if (size_t k = M(j, K::kWeekday, &e)) {
    wd = e->number;
    j = k;
    if (Sym(j, ",")) ++j;
    if (size_t k2 = M(j, K::kArticle)) j = k2;
  }
  int day = 0;
  size_t k = DayNumber(j, &day);
  const bool spelled = !k && (k = SpelledDay(j, &day)) != 0;
  if (!k && !wd && M(j, K::kArticle)) {
    // "the 9th of May", "the fourth of July": the article belongs to the
    // date only before an ordinal and a filler ("le 23 janvier" keeps "23 janvier").
    const size_t a = M(j, K::kArticle);
    k = DayNumber(a, &day);
    if (!k || (Num(a) && k == a + 1 && !Attached(k)) || !M(k, K::kFiller)) return std::nullopt;
  }
  if (!k) return std::nullopt;
  if (Sym(k, ".") && Attached(k)) ++k;
  size_t m0 = k;
  if (size_t f = M(k, K::kFiller)) m0 = f;
  size_t mend = M(m0, K::kMonth, &e);
  if (!mend) mend = M(k, K::kMonth, &e);
  int month = mend ? e->number : 0;
  // "12 of Nov", "second of Aug.": a day and "of" license an abbreviated month.
  if (!mend && m0 > k) mend = AnyMonth(m0, &month);
  if (!mend) return std::nullopt;
  int year = 0;
  size_t te = mend;
  size_t y0 = mend;
  if (Sym(y0, ",")) ++y0;
  if (size_t f = M(y0, K::kFiller)) {
    if (Num(f)) y0 = f;
  }
  if (size_t ye = YearNumber(y0, &year)) {
    te = ye;
  } else if (size_t ys = ShortYearAfterFiller(y0, &year)) {
    te = ys;  // "15 April of 87"
  }
  if (spelled && !year) return std::nullopt;
  if (year && !ValidDate(year, month, day)) return std::nullopt;
  if (!year && !ValidDate(2000, month, day)) return std::nullopt;
  (void)wd;
  return ResolveDayMonth(te, month, day, year);
}

// A relative word before a date word ("next", "dernier", "прошлый") at *j:
// its number goes to *rel and *j moves past it. False when there is none.
bool Scan::LeadingRel(size_t* j, int* rel) const {
  const TimeLexEntry* e = nullptr;
  size_t k = M(*j, K::kRel, &e);
  if (!k) return false;
  *rel = e->number;
  *j = k;
  return true;
}

std::optional<Cand> Scan::MonthFirst(size_t i, bool licensed) {
  size_t j = i;
  const TimeLexEntry* e = nullptr;
  int rel = 0;
  bool has_rel = LeadingRel(&j, &rel);
  size_t k = M(j, K::kMonth, &e);
  if (!k) {
    // "Dec, 2018": an abbreviated month, a comma and a year.
    int m = 0, year = 0;
    size_t a = AnyMonth(j, &m);
    size_t ye = a && Sym(a, ",") ? YearNumber(a + 1, &year) : 0;
    if (!ye || has_rel || t_[a + 1].ndigits != 4) return std::nullopt;
    Cand c;
    c.te = ye;
    c.value = FormatMonth(year, m);
    c.anchor = AnchorKind::kAbsolute;
    return c;
  }
  const int month = e->number;
  const bool weak = e->weak;
  size_t n0 = k;
  if (Sym(n0, "-") || Sym(n0, "/")) {
    ++n0;
  } else if ((M(n0, K::kArticle) || Sym(n0, ",")) && OrdinalDay(n0 + 1)) {
    ++n0;  // "april the ninth", "june the 28th", "October, 1st"
  }
  int day = 0;
  if (!has_rel) {
    // "January twenty five nineteen eighty six": a spelled day needs the year.
    if (int sd = 0, year = 0; !DayNumber(n0, &day)) {
      if (size_t d = SpelledDay(n0, &sd)) {
        size_t y0 = Sym(d, ",") ? d + 1 : d;
        if (size_t ye = YearNumber(y0, &year); ye && ValidDate(year, month, sd)) {
          return ResolveDayMonth(ye, month, sd, year);
        }
      }
    }
    if (size_t d = DayNumber(n0, &day); d && !(Num(d) && Attached(d))) {
      size_t y0 = d;
      if (Sym(y0, ",")) ++y0;
      if (size_t f = M(y0, K::kFiller); f && Num(f)) y0 = f;
      int year = 0;
      size_t ye = YearNumber(y0, &year);
      if (!ye) ye = ShortYearAfterFiller(y0, &year);
      if (ye && ValidDate(year, month, day)) return ResolveDayMonth(ye, month, day, year);
      if (ValidDate(2000, month, day) && !(Num(y0) && t_[y0].ndigits == 4)) {
        return ResolveDayMonth(d, month, day, 0);
      }
    }
    size_t y0 = k;
    if (Sym(y0, ",") || Sym(y0, "-") || Sym(y0, "/")) ++y0;
    if (size_t f = M(y0, K::kFiller); f && Num(f)) y0 = f;
    int year = 0;
    size_t ye = YearNumber(y0, &year);
    if (!ye) ye = ShortYearAfterFiller(y0, &year);
    if (ye) {
      Cand c;
      c.te = ye;
      c.value = FormatMonth(year, month);
      c.anchor = AnchorKind::kAbsolute;
      return c;
    }
  }
  if (weak) return std::nullopt;
  if (!licensed && !has_rel) {
    // A bare month needs a preposition or article before it ("en juillet", "in May").
    if (i == 0) return std::nullopt;
    size_t p = i - 1;
    bool ok = M(p, K::kFiller) == i || M(p, K::kInPre) == i || M(p, K::kRangeFrom) == i ||
              M(p, K::kRangeTo) == i || M(p, K::kClockPre) == i;
    if (!ok) return std::nullopt;
  }
  return ResolveMonth(i, k, month, rel);
}

std::optional<Cand> Scan::Weekday(size_t i) {
  size_t j = i;
  const TimeLexEntry* e = nullptr;
  int rel = 0;
  bool has_rel = LeadingRel(&j, &rel);
  size_t k = M(j, K::kWeekday, &e);
  if (!k) return std::nullopt;
  const int wd = e->number;
  if (!has_rel) {
    if (size_t r = M(k, K::kRel, &e)) {
      rel = e->number;
      k = r;
      has_rel = true;
    }
  }
  Cand c = ResolveWeekday(i, k, wd, rel);
  if (!has_rel) c.bare_weekday = wd;
  return c;
}

std::optional<Cand> Scan::DayRel(size_t i) {
  const TimeLexEntry* e = nullptr;
  if (size_t k = M(i, K::kDayRel, &e)) {
    if (!HasDay()) {
      Cand c;
      c.te = k;
      c.unresolved = true;
      c.is_day = true;
      return c;
    }
    return DayCand(k, CivilFromDays(dct_.days + e->number), AnchorKind::kDct);
  }
  size_t k = M(i, K::kDayRef, &e);
  if (!k) return std::nullopt;
  // "Накануне, 10 января", "la veille, le 4 janvier": the date in apposition
  // says which day it is.
  if (Sym(k, ",")) {
    size_t j = k + 1;
    if (size_t a = M(j, K::kArticle)) j = a;
    if (std::optional<Cand> d = DatePart(j, false); d && d->abs_day) {
      Cand c = DayCand(k, d->ymd, d->anchor);
      c.anchor_start = d->anchor_start;
      return c;
    }
  }
  if (anchor_->have) {
    Cand c = DayCand(k, CivilFromDays(DaysOf(anchor_->day) + e->number), AnchorKind::kExpr);
    c.anchor_start = anchor_->start;
    return c;
  }
  if (HasDay()) return DayCand(k, CivilFromDays(dct_.days + e->number), AnchorKind::kDct);
  Cand c;
  c.te = k;
  c.unresolved = true;
  c.is_day = true;
  return c;
}

std::optional<Cand> Scan::RelUnit(size_t i, bool licensed) {
  size_t j = i;
  bool article = false;
  if (size_t k = M(j, K::kArticle)) {
    // en "the next quarter": "next quarter"; "the week after next" keeps it.
    const TimeLexEntry* u = nullptr;
    if (ArticleOutside(j) &&
        !(M(k, K::kUnit, &u) && !u->plural && M(M(k, K::kUnit), K::kRelPost))) {
      return std::nullopt;
    }
    j = k;
    article = true;
  }
  const TimeLexEntry* e = nullptr;
  int rel = 0;
  bool has_rel = LeadingRel(&j, &rel);
  size_t k = M(j, K::kUnit, &e);
  if (!k) return std::nullopt;
  const std::string unit = e->value;
  const bool plural = e->plural;
  if (!has_rel) {
    if (size_t r = M(k, K::kRel, &e)) {
      rel = e->number;
      has_rel = true;
      k = r;
    } else if (size_t rp = M(k, K::kRelPost, &e); rp && !plural) {
      rel = e->number;  // "the week after next" (2), "the year before last" (-2)
      has_rel = true;
      k = rp;
    }
  }
  if (plural) {
    // "after days of riots", "seit Tagen": a bare plural unit names no period.
    // "in the coming days", "ces derniers jours": a vague future or past of
    // calendar units; "les 13 dernières minutes" is counted (RelQuantUnit).
    if (!has_rel || unit == "H" || unit == "MIN" || unit == "S") return std::nullopt;
    if (i > 0 && (Num(i - 1) || NumWord(i - 1))) return std::nullopt;
    Cand c;
    c.te = k;
    c.value = rel < 0 ? "PAST_REF" : rel > 0 ? "FUTURE_REF" : "PRESENT_REF";
    if (dct_.level) MarkDct(&c);
    return c;
  }
  if (!has_rel) {
    // A bare unit: "le week-end" (tense decides), or a hedged "en début de semaine".
    if (unit == "WE" && (article || licensed || i > 0)) {
      if (!article && !licensed) {
        size_t p = i - 1;
        if (M(p, K::kFiller) != i && M(p, K::kArticle) != i) return std::nullopt;
      }
    } else if (!licensed) {
      return std::nullopt;
    }
  }
  if (article && !has_rel && !licensed && unit != "WE") return std::nullopt;
  Cand c;
  c.te = k;
  const int need = unit == "Y" ? 1 : (unit == "M" || unit == "Q") ? 2 : 3;
  if (dct_.level < need) {
    c.unresolved = true;
    return c;
  }
  MarkDct(&c);
  if (unit == "Q") {
    const int q = (dct_.day.y * 4 + (dct_.day.m - 1) / 3) + rel;  // quarters since year 0
    Cand d = QuarterCand(k, q / 4, q % 4 + 1);
    MarkDct(&d);
    return d;
  } else if (unit == "D") {
    Cand d = DayCand(k, CivilFromDays(dct_.days + rel), AnchorKind::kDct);
    return d;
  } else if (unit == "W") {
    c.value = FormatWeek(dct_.days + 7 * rel);
  } else if (unit == "WE") {
    int wd = IsoWeekday(dct_.days);
    int shift = rel;
    if (!has_rel && wd <= 5) {
      shift = TenseAround(i, k) == Tense::kFuture ? 0 : -1;
    }
    c.value = FormatWeek(dct_.days + 7 * shift, true);
  } else if (unit == "M") {
    Ymd m = AddMonths({dct_.day.y, dct_.day.m, 1}, rel);
    c.value = FormatMonth(m.y, m.m);
  } else if (unit == "Y") {
    c.value = FormatYear(dct_.day.y + rel);
  } else if (unit == "DE") {
    c.value = std::to_string((dct_.day.y / 10) + rel);
  } else if (unit == "CE") {
    c.value = std::to_string((dct_.day.y / 100) + rel);
  } else {
    return std::nullopt;  // hours, minutes: not a calendar period
  }
  return c;
}

std::optional<Cand> Scan::UnitNumber(size_t i) {
  // "year 2008", "week 31", "week 3 of 2027", "week 27 of last year" (an
  // article before stays out: "in the year 2008").
  size_t j = i;
  const TimeLexEntry* e = nullptr;
  size_t u = M(j, K::kUnit, &e);
  if (!u) return std::nullopt;
  if (e->value == "Y") {
    if (M(j, K::kDecadePre)) return std::nullopt;  // "les années 1990": a decade
    int year = 0;
    size_t ye = YearNumber(u, &year);
    if (!ye) return std::nullopt;
    Cand c;
    c.te = ye;
    c.value = FormatYear(year);
    c.anchor = AnchorKind::kAbsolute;
    return c;
  }
  if (e->value != "W" || !Num(u) || t_[u].ndigits > 2 || t_[u].number < 1 || t_[u].number > 53) {
    return std::nullopt;
  }
  if (M(u + 1, K::kUnit) ||
      ((Sym(u + 1, ".") || Sym(u + 1, ",")) && Attached(u + 1) && Num(u + 2))) {
    return std::nullopt;
  }
  const int week = static_cast<int>(t_[u].number);
  Cand c;
  c.te = u + 1;
  int year = 0;
  size_t y0 = SkipFillers(u + 1, 1);
  if (y0 > u + 1) {
    if (size_t ye = YearNumber(y0, &year)) {
      c.te = ye;
      c.anchor = AnchorKind::kAbsolute;
    } else if (std::optional<Cand> ry = RelUnit(y0, true);
               ry && ry->value.size() == 4 &&
               std::isdigit(static_cast<unsigned char>(ry->value[0]))) {
      year = std::stoi(ry->value);
      c.te = ry->te;
      MarkDct(&c);
    }
  }
  if (!year) {
    if (dct_.level < 1) {
      c.value = "XXXX-W" + std::string(week < 10 ? "0" : "") + std::to_string(week);
      c.unresolved = true;
      return c;
    }
    year = dct_.day.y;
    MarkDct(&c);
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "-W%02d", week);
  c.value = FormatYear(year) + buf;
  return c;
}

std::optional<Cand> Scan::Year(size_t i) {
  int year = 0;
  size_t k = YearNumber(i, &year);
  if (!k || year < 1800 || year > 2100) return std::nullopt;
  // "two thousand and twenty people": a spelled year before an unknown word is an amount.
  if (!Num(i) && k < t_.size() && t_[k].kind == TimeTokKind::kWord && !entries_[k]) {
    return std::nullopt;
  }
  // "2000 soldats", "2030 Soldaten": a number followed by a unit word or a
  // counted noun is a quantity; but a sentence that opens "In 2019 people ..."
  // sets a year.
  if (M(k, K::kUnit)) return std::nullopt;
  if (k < t_.size() && t_[k].kind == TimeTokKind::kWord && lex_.IsCountNoun(t_[k].folded)) {
    const bool opens = i >= 1 && (M(i - 1, K::kFiller) == i || M(i - 1, K::kInPre) == i) &&
                       (i == 1 || Sym(i - 2, ".") || Sym(i - 2, "!") || Sym(i - 2, "?"));
    if (!opens) return std::nullopt;
  }
  Cand c;
  c.te = k;
  c.value = FormatYear(year);
  c.anchor = AnchorKind::kAbsolute;
  return c;
}

std::optional<Cand> Scan::Decade(size_t i) {
  size_t j = i;
  bool pre = false;
  if (size_t k = M(j, K::kDecadePre)) {
    j = k;
    pre = true;
  }
  if (!Num(j) || t_[j].ndigits != 4 || t_[j].number % 10 != 0) return std::nullopt;
  size_t k = j + 1;
  // "1990s", "90er"; also "1990 s" with a space; "the 1990s" has both.
  if (size_t s = M(k, K::kDecadeSuffix)) {
    k = s;
  } else if (!pre) {
    return std::nullopt;
  }
  Cand c;
  c.te = k;
  const int year = static_cast<int>(t_[j].number);
  c.value = std::to_string(year / 10);
  c.begin = FormatDay({year, 1, 1});
  c.end = FormatDay({year + 9, 12, 31});
  c.anchor = AnchorKind::kAbsolute;
  return c;
}

std::optional<Cand> Scan::Season(size_t i) {
  size_t j = i;
  const TimeLexEntry* e = nullptr;
  bool has_rel = false;
  if (size_t k = M(j, K::kRel, &e)) {
    if (e->number != 0) return std::nullopt;
    has_rel = true;
    j = k;
  }
  size_t k = M(j, K::kSeason, &e);
  if (!k) return std::nullopt;
  Cand c;
  c.te = k;
  int year = 0;
  if (size_t ye = YearNumber(k, &year)) {
    c.te = ye;
    c.value = FormatYear(year) + "-" + e->value;
    c.anchor = AnchorKind::kAbsolute;
  } else if (has_rel && dct_.level >= 1) {
    c.value = FormatYear(dct_.day.y) + "-" + e->value;
    MarkDct(&c);
  } else if (has_rel || (i > 0 && (M(i - 1, K::kFiller) == i || M(i - 1, K::kArticle) == i))) {
    c.value = e->value;  // "l'été", "en hiver"; "a été" is a verb
  } else {
    return std::nullopt;
  }
  return c;
}

std::optional<Cand> Scan::DatePart(size_t i, bool licensed) {
  std::optional<Cand> best;
  size_t j0 = i;
  auto consider = [&](std::optional<Cand> c) {
    if (c && (!best || c->te > best->te)) best = std::move(c);
  };
  if (Num(i)) {
    consider(NumericDate(i));
    consider(MonthNameNumeric(i));
    consider(DayMonth(i));
    consider(Year(i));
    consider(Decade(i));
    consider(Quarter(i));
    consider(MonthOfYear(i));
    return best;
  }
  consider(DayMonth(i));
  consider(MonthNameNumeric(i));
  consider(MonthFirst(i, licensed));
  if (i < t_.size() && NumWord(i)) consider(Year(i));
  if (std::optional<Cand> w = Weekday(i)) {
    // "Tuesday, January 4, 2022", "samedi 23/06/18", "this friday 5/12",
    // "Friday 7.6", "this Friday-Jun-15", "friday (jun-15)": the date decides.
    size_t j = w->te;
    const bool paren = Sym(j, "(");
    if (Sym(j, ",") || paren || (Sym(j, "-") && Attached(j) && Attached(j + 1))) ++j;
    if (size_t a = M(j, K::kArticle)) j = a;
    std::optional<Cand> d;
    if (Num(j)) {
      d = NumericDate(j);
      // A short date must fall on the weekday named: "Friday 7.6" (2018),
      // not a score ("Friday 3-2").
      if (!d) {
        d = ShortNumericDate(j);
        int wd = 0;
        size_t wpos = i;
        int rel = 0;
        LeadingRel(&wpos, &rel);
        if (d && (!d->abs_day || !AnyWeekday(wpos, &wd) || IsoWeekday(DaysOf(d->ymd)) != wd)) {
          d.reset();
        }
      }
    } else {
      d = MonthFirst(j, false);
      std::optional<Cand> m = MonthNameNumeric(j);
      if (m && (!d || m->te > d->te)) d = std::move(m);
    }
    if (d && d->is_day && (!paren || Sym(d->te, ")"))) {
      if (paren) ++d->te;
      w = std::move(d);
    }
    consider(std::move(w));
  }
  if (int rel = 0; !best && LeadingRel(&(j0 = i), &rel)) {
    // "next 5/12", "this 5/12", "next 6th of April": a rel word before a
    // written date; the date decides.
    std::optional<Cand> d = Num(j0) ? NumericDate(j0) : std::nullopt;
    if (!d && Num(j0)) d = DayMonth(j0);
    if (d && d->is_day) best = std::move(d);
  }
  if (!best && IsWeekdayName(i)) {
    // "Tue May 9", "wed. 5/12": an abbreviated weekday before a full date.
    size_t j = i + 1;
    if (Sym(j, ".") || Sym(j, ",")) ++j;
    std::optional<Cand> d = Num(j) ? NumericDate(j) : MonthFirst(j, false);
    if (d && d->is_day) best = std::move(d);
  }
  consider(DayRel(i));
  consider(Holiday(i));
  consider(RelUnit(i, licensed));
  consider(Decade(i));
  consider(Season(i));
  consider(Quarter(i));
  consider(WeekdayDayNumber(i));
  consider(WeekdayInWeek(i));
  consider(BareDayOfMonth(i));
  consider(UnitNumber(i));  // after Decade: "les années 1990" is a decade
  return best;
}

// ---------------------------------------------------------------------------
// Times of day

std::optional<TimeOfDay> Scan::Clock(size_t i, bool clock_ctx, bool allow_part) {
  if (i >= t_.size()) return std::nullopt;
  if (std::optional<TimeOfDay> p = PastHour(i)) return p;
  const TimeLexEntry* e = nullptr;
  if (size_t k = M(i, K::kClock, &e)) return TimeOfDay{k, e->value, true};
  if (allow_part) {
    // "(in) (the) morning", "dans la soirée": a part of the day just named.
    size_t j = i;
    if (size_t p = M(j, K::kInPre)) j = p;
    j = SkipFillers(j, 2);
    if (size_t a = M(j, K::kArticle)) j = a;
    if (size_t k = M(j, K::kPart, &e)) return TimeOfDay{k, "T" + e->value, true};
  }
  int hour = -1, minute = -1, second = -1;
  size_t j = i;
  bool strong = false;  // unambiguously a clock time (":" or attached "h" or am/pm)
  bool half = false;    // am/pm or a part of day named the half of the day
  if (Num(i)) {
    const TimeToken& n = t_[i];
    if (n.ndigits <= 2 && n.number <= 24) {
      // "12 noon", "12 midnight": the clock word says it.
      if (size_t k = M(i + 1, K::kClock, &e)) return TimeOfDay{k, e->value, true};
    }
    // "1140 a.m.", "930pm": hours and minutes in one number before am/pm;
    // "0730": a leading zero after a clock or range word.
    if ((n.ndigits == 3 || n.ndigits == 4) && n.number % 100 < 60 &&
        (AmPm(i + 1) || (clock_ctx && n.ndigits == 4 && text_[n.start] == '0' &&
                         !(Num(i + 1) && Attached(i + 1))))) {
      hour = static_cast<int>(n.number / 100);
      minute = static_cast<int>(n.number % 100);
      if (hour > 23 || (AmPm(i + 1) && (hour < 1 || hour > 12))) return std::nullopt;
      j = i + 1;
      strong = true;
    } else if (n.ndigits > 2 || n.number > 24) {
      return std::nullopt;
    } else {
      hour = static_cast<int>(n.number);
      j = i + 1;
    }
  }
  if (Num(i) && minute < 0) {
    if (Sym(j, ".") && Attached(j) && Attached(j + 1) && AmPm(j + 1)) {
      ++j;  // "9.am"
    } else if (Sym(j, ".") && Attached(j) && Num(j + 1) && Attached(j + 1) &&
               t_[j + 1].ndigits == 2 && t_[j + 1].number < 60 &&
               (AmPm(j + 2) || (clock_ctx && DotTimeEnds(j + 2)))) {
      // "8.30pm", "at 17.30": a dot between hour and minutes only with am/pm
      // or after a clock word, and not before an unknown word ("at 6.45 dollars").
      minute = static_cast<int>(t_[j + 1].number);
      j += 2;
      strong = true;
    } else if (Sym(j, ":") && Attached(j) && Num(j + 1) && Attached(j + 1) &&
               t_[j + 1].ndigits == 2) {
      minute = static_cast<int>(t_[j + 1].number);
      j += 2;
      strong = true;
      if (Sym(j, ":") && Attached(j) && Num(j + 1) && Attached(j + 1) && t_[j + 1].ndigits == 2) {
        second = static_cast<int>(t_[j + 1].number);
        j += 2;
      }
    } else if (size_t h = M(j, K::kHourWord)) {
      bool attached = Attached(j);
      // "3 heures": a duration; "4 o'clock", "3 Uhr" (an hour word that is
      // no unit) is a clock time anywhere.
      if (!attached && !clock_ctx && M(j, K::kUnit)) return std::nullopt;
      if (attached && t_[j].folded.size() > 2 && !clock_ctx) return std::nullopt;
      strong = true;
      j = h;
      if (Num(j) && t_[j].ndigits == 2 && (Attached(j) || true)) {
        if (t_[j].number < 60 && !M(j + 1, K::kUnit)) {
          minute = static_cast<int>(t_[j].number);
          j += 1;
          if (size_t mw = M(j, K::kMinuteWord)) j = mw;
        }
      }
    } else if (!clock_ctx && !AmPm(j) && !(M(j, K::kApproxSuffix) && Attached(j)) &&
               !(PartEndsClause(j) &&
                 !(i >= 2 && Attached(i) && (Sym(i - 1, ".") || Sym(i - 1, ",")) && Num(i - 2)))) {
      return std::nullopt;  // "37.1 in the morning" is a decimal
    }
  } else if (!Num(i) && (clock_ctx || NumWord(i))) {
    int64_t v = 0;
    if (entries_[i] && !M(i, K::kQuant) && !OnlyWeakName(i)) return std::nullopt;
    size_t k = SpelledNumber(i, &v);
    if (!k || v > 24) {
      const TimeLexEntry* q = nullptr;
      k = M(i, K::kQuant, &q);
      if (!k || q->value == "X") return std::nullopt;
      v = q->number;
    }
    size_t h = M(k, K::kHourWord);
    if (!h) return std::nullopt;
    hour = static_cast<int>(v);
    j = h;
    strong = true;
  }
  if (hour >= 0 && !Num(i) && j > i) {
    // "sept heures dix", "huit heures moins vingt-trois minutes", "sept heures et quart".
    if (std::optional<std::pair<size_t, int>> m = MinutesAfterHour(j)) {
      j = m->first;
      minute = m->second;
      if (minute < 0) {
        minute += 60;
        hour = (hour + 23) % 24;
      }
    } else if (!clock_ctx) {
      return std::nullopt;  // "sept heures": a duration
    }
  }
  if (hour < 0) return std::nullopt;
  if (size_t a = AmPm(j, &e)) {
    if (hour < 1 || hour > 12) return std::nullopt;
    hour = hour % 12 + e->number;
    j = a;
    strong = true;
    half = true;
  } else {
    size_t f = SkipFillers(j, 2);
    // "8:00 early morning": a one-word START/END hedge before the part.
    if (size_t h = M(f, K::kHedge, &e);
        h == f + 1 && (e->value == "START" || e->value == "END") && M(h, K::kPart)) {
      f = h;
    }
    if (size_t p = M(f, K::kPart, &e)) {
      if ((e->value == "AF" || e->value == "EV") && hour < 12) hour += 12;
      if (e->value == "NI" && hour >= 7 && hour < 12) hour += 12;
      j = p;
      strong = true;
      half = true;
    }
  }
  std::string mod;
  if (size_t x = M(j, K::kApproxSuffix, &e); x && Attached(j) && Num(i)) {
    j = x;  // "11ish": an approximate clock time
    strong = true;
    mod = e->value;
  }
  if (!strong && !clock_ctx) return std::nullopt;
  // "at 6.45 dollars", "à 3,5": a bare hour is not the start of a decimal.
  if (!strong && minute < 0 && (Sym(j, ".") || Sym(j, ",")) && Attached(j) && Num(j + 1) &&
      Attached(j + 1)) {
    return std::nullopt;
  }
  // "à 18 ans", "at 5 %", "at 5 tables", "at 10 Downing Street": a bare
  // number followed by a unit or a word no pattern knows is no time.
  if (!strong &&
      (M(j, K::kUnit) ||
       (j < t_.size() && t_[j].kind == TimeTokKind::kPunct && t_[j].folded == "%") ||
       (j < t_.size() && t_[j].kind == TimeTokKind::kWord && !entries_[j] && !NumWord(j)))) {
    return std::nullopt;
  }
  if (hour > 23 && !(hour == 24 && minute <= 0)) return std::nullopt;
  if (hour == 24 && !clock_ctx) return std::nullopt;  // "24h": a day's duration
  char buf[48];
  if (second >= 0) {
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", hour, minute, second);
  } else if (minute >= 0) {
    std::snprintf(buf, sizeof buf, "T%02d:%02d", hour, minute);
  } else {
    std::snprintf(buf, sizeof buf, "T%02d", hour);
  }
  TimeOfDay t{j, buf, strong, hour, half};
  t.mod = mod;
  return t;
}

int64_t Scan::SpelledRun(size_t i, size_t max_tokens, size_t* end) {
  size_t run = i;
  while (run < t_.size() && run < i + max_tokens &&
         (NumWord(run) || (run > i && Sym(run, "-") && Attached(run)))) {
    ++run;
  }
  while (run > i && t_[run - 1].kind == TimeTokKind::kPunct) --run;
  if (run == i) return -1;
  // Longest prefix of the run that parses whole.
  for (size_t r = run; r > i; --r) {
    if (t_[r - 1].kind == TimeTokKind::kPunct) continue;
    size_t used = 0;
    std::string_view phrase = text_.substr(t_[i].start, t_[r - 1].end - t_[i].start);
    int64_t v = lex_.ParseSpelledNumber(phrase, &used);
    if (v >= 0 && used >= phrase.size()) {
      *end = r;
      return v;
    }
  }
  return -1;
}

std::optional<std::pair<size_t, int>> Scan::MinutesAfterHour(size_t j) {
  int sign = 1;
  size_t k = j;
  if (size_t m = M(k, K::kMinusWord)) {
    sign = -1;
    k = m;
  } else if (size_t f = M(k, K::kRangeTo)) {
    if (M(f, K::kHalf) || Num(f) || (f < t_.size() && NumWord(f))) k = f;
  }
  const TimeLexEntry* e = nullptr;
  int minute = -1;
  size_t end = 0;
  if (size_t h = M(k, K::kHalf, &e)) {
    minute = e->number;
    end = h;
  } else if (Num(k) && t_[k].ndigits <= 2 && t_[k].number < 60) {
    if (M(k + 1, K::kUnit) || M(k + 1, K::kHourWord)) return std::nullopt;
    minute = static_cast<int>(t_[k].number);
    end = k + 1;
  } else if (k < t_.size() && t_[k].kind == TimeTokKind::kWord && NumWord(k) && !M(k, K::kQuant)) {
    int64_t v = SpelledRun(k, 4, &end);
    if (v < 1 || v > 59) return std::nullopt;
    if (M(end, K::kHourWord)) return std::nullopt;
    minute = static_cast<int>(v);
  } else {
    return std::nullopt;
  }
  if (size_t mw = M(end, K::kMinuteWord)) {
    end = mw;
  } else if (size_t u = M(end, K::kUnit, &e); u && e->value == "MIN") {
    end = u;
  }
  return std::make_pair(end, sign * minute);
}

// ---------------------------------------------------------------------------
// Quarters, weekday + day number, bare day of month, parts of day, "half past"

std::optional<Cand> Scan::Quarter(size_t i) {
  // "Q3 2019", "2019-Q3", "2017 q1", "q1": a quarter_abbr glued to 1..4;
  // "the first quarter of 2013", "1st quarter of next year".
  auto abbr = [&](size_t j, int* q) -> size_t {
    size_t k = M(j, K::kQuarterAbbr);
    if (!k || !Num(k) || !Attached(k) || t_[k].ndigits != 1 || t_[k].number < 1 ||
        t_[k].number > 4) {
      return 0;
    }
    *q = static_cast<int>(t_[k].number);
    return k + 1;
  };
  int q = 0, year = 0;
  if (size_t ye = YearNumber(i, &year)) {
    size_t j = ye;
    if (Sym(j, "-") && Attached(j)) ++j;
    size_t k = abbr(j, &q);
    if (!k) return std::nullopt;
    Cand c = QuarterCand(k, year, q);
    c.anchor = AnchorKind::kAbsolute;
    return c;
  }
  size_t k = abbr(i, &q);
  if (!k) {
    // The ordinal form: an ordinal 1..4, a unit Q, "of" and a year.
    size_t j = i;
    if (size_t a = M(j, K::kArticle)) j = a;
    int n = 0;
    size_t o = DayNumber(j, &n);
    if (!o || n > 4 || (Num(j) && o == j + 1)) return std::nullopt;  // "1 quarter": an amount
    const TimeLexEntry* e = nullptr;
    size_t u = M(o, K::kUnit, &e);
    if (!u || e->value != "Q") return std::nullopt;
    size_t y0 = SkipFillers(u, 2);
    if (size_t ye = YearNumber(y0, &year)) {
      Cand c = QuarterCand(ye, year, n);
      c.anchor = AnchorKind::kAbsolute;
      return c;
    }
    std::optional<Cand> ry = RelUnit(y0, true);
    if (!ry || ry->value.size() != 4 || !std::isdigit(static_cast<unsigned char>(ry->value[0]))) {
      return std::nullopt;
    }
    Cand c = QuarterCand(ry->te, std::stoi(ry->value), n);
    MarkDct(&c);
    return c;
  }
  size_t y0 = k;
  if (Sym(y0, "-") || Sym(y0, ",")) ++y0;
  if (size_t f = M(y0, K::kFiller); f && Num(f)) y0 = f;
  if (size_t ye = YearNumber(y0, &year)) {
    Cand c = QuarterCand(ye, year, q);
    c.anchor = AnchorKind::kAbsolute;
    return c;
  }
  if (dct_.level < 1) {
    Cand c;
    c.te = k;
    c.value = "XXXX-Q" + std::to_string(q);
    c.unresolved = true;
    return c;
  }
  Cand c = QuarterCand(k, dct_.day.y, q);  // the DCT's year
  c.free_year = true;
  MarkDct(&c);
  return c;
}

std::optional<Cand> Scan::WeekdayDayNumber(size_t i) {
  // "Monday 21", "tue 13th", "Tuesday the eleventh": the day of a month near
  // the DCT that falls on that weekday, else the weekday alone.
  const TimeLexEntry* e = nullptr;
  size_t k = M(i, K::kWeekday, &e);
  if (!k) return std::nullopt;
  const int wd = e->number;
  size_t j = k;
  if (Sym(j, ",")) ++j;
  if (size_t a = M(j, K::kArticle)) j = a;
  int day = 0;
  size_t d = DayNumber(j, &day);
  if (!d) return std::nullopt;
  const bool ordinal = !Num(j) || d > j + 1;
  // What follows must not make the number an hour, an amount or a longer date.
  if (M(d, K::kUnit) || M(d, K::kMonth) || M(d, K::kHourWord) || M(d, K::kAmPm) ||
      M(d, K::kMinuteWord) || M(d, K::kPart) || M(d, K::kFiller)) {
    return std::nullopt;
  }
  if (d < t_.size() && t_[d].kind == TimeTokKind::kPunct && Attached(d) && Num(d + 1)) {
    return std::nullopt;  // "Monday 12:30", "friday 7.6"
  }
  if (!ordinal && d < t_.size() && t_[d].kind == TimeTokKind::kWord && !entries_[d]) {
    return std::nullopt;  // "Monday 5 people"
  }
  if (!HasDay()) {
    Cand c;
    c.te = d;
    c.value = "XXXX-WXX-" + std::to_string(wd);
    c.unresolved = true;
    c.is_day = true;
    return c;
  }
  // Months nearest the DCT first: this one, then one after, one before, ...
  for (int step = 0; step <= 12; ++step) {
    for (int sign : {1, -1}) {
      if (step == 0 && sign < 0) continue;
      Ymd m = AddMonths({dct_.day.y, dct_.day.m, 1}, sign * step);
      if (!ValidDate(m.y, m.m, day)) continue;
      if (IsoWeekday(DaysFromCivil(m.y, m.m, day)) != wd) continue;
      return DayCand(d, {m.y, m.m, day}, AnchorKind::kDct);
    }
  }
  return ResolveWeekday(i, d, wd, 0);
}

size_t Scan::RelWeek(size_t i, int* rel) const {
  const TimeLexEntry* e = nullptr;
  size_t j = i;
  if (size_t a = M(j, K::kArticle)) j = a;
  if (size_t r = M(j, K::kRel, &e)) {
    const int n = e->number;
    size_t u = M(r, K::kUnit, &e);
    if (!u || e->value != "W" || e->plural) return 0;
    *rel = n;
    return u;
  }
  size_t u = M(j, K::kUnit, &e);
  if (!u || e->value != "W" || e->plural) return 0;
  size_t r = M(u, K::kRel, &e);
  if (!r) return 0;
  *rel = e->number;
  return r;
}

size_t Scan::AnyWeekday(size_t i, int* wd) const {
  if (i >= t_.size() || !entries_[i]) return 0;
  for (const TimeLexEntry& e : *entries_[i]) {
    if (e.kind != K::kWeekday || e.tokens.size() != 1) continue;
    *wd = e.number;
    return e.weak && Sym(i + 1, ".") && Attached(i + 1) ? i + 2 : i + 1;
  }
  return 0;
}

std::optional<Cand> Scan::WeekdayInWeek(size_t i) {
  int rel = 0, wd = 0;
  size_t te = 0;
  std::string part;
  const TimeLexEntry* e = nullptr;
  if (size_t w = RelWeek(i, &rel)) {
    // "next week Mon", "next week on Tuesday", "previous week - Monday":
    // any width of weekday name, the week vouches for it.
    size_t j = w;
    if (size_t f = M(j, K::kFiller)) {
      j = f;
    } else if (Sym(j, "-")) {
      ++j;  // not ",": "Next week, Monday's vote ..." names no day of that week
    }
    te = AnyWeekday(j, &wd);
    if (!te) return std::nullopt;
  } else {
    // "tuesday of next week", "Wednesday evening next week".
    size_t k = M(i, K::kWeekday, &e);
    if (!k) return std::nullopt;
    wd = e->number;
    if (size_t p = M(k, K::kPart, &e)) {
      part = e->value;
      k = p;
    }
    size_t j = SkipFillers(k, 2);
    te = RelWeek(j, &rel);
    if (!te) return std::nullopt;
  }
  Cand c;
  if (HasDay()) {
    const int64_t monday = dct_.days - (IsoWeekday(dct_.days) - 1) + 7 * rel;
    c = DayCand(te, CivilFromDays(monday + wd - 1), AnchorKind::kDct);
  } else {
    c.te = te;
    c.value = "XXXX-WXX-" + std::to_string(wd);
    c.unresolved = true;
    c.is_day = true;
  }
  if (!part.empty()) {
    c.value += "T" + part;
    c.type = TimeType::kTime;
    c.is_day = false;
    c.abs_day = false;
  }
  return c;
}

size_t Scan::AnyMonth(size_t i, int* month) const {
  if (i >= t_.size() || !entries_[i]) return 0;
  for (const TimeLexEntry& e : *entries_[i]) {
    if (e.kind != K::kMonth || e.tokens.size() != 1) continue;
    *month = e.number;
    return e.weak && Sym(i + 1, ".") && Attached(i + 1) ? i + 2 : i + 1;
  }
  return 0;
}

std::optional<Cand> Scan::MonthSpan(size_t i) {
  size_t j = i;
  const bool from = M(i, K::kRangeFrom) != 0;
  if (from) j = M(i, K::kRangeFrom);
  int m1 = 0;
  size_t a = AnyMonth(j, &m1);
  if (!a) return std::nullopt;
  size_t k = M(a, from ? K::kRangeTo : K::kRangeLink);
  if (!k) return std::nullopt;
  std::optional<Cand> y = MonthFirst(k, true);
  int m2 = 0;
  if (!y) {
    size_t b = AnyMonth(k, &m2);
    if (!b || !from) return std::nullopt;
    y = ResolveMonth(k, b, m2, 0);
  }
  const std::string& v = y->value;
  if (v.size() < 7 || v[4] != '-' || !std::isdigit(static_cast<unsigned char>(v[0]))) {
    return std::nullopt;
  }
  // Without a from-word only a second bound that names its year ("Jan-Feb 2017").
  if (!from && y->anchor != AnchorKind::kAbsolute) return std::nullopt;
  int year = std::stoi(v.substr(0, 4));
  m2 = std::stoi(v.substr(5, 2));
  Cand c = *y;
  if (y->anchor == AnchorKind::kAbsolute) {
    if (m1 > m2) --year;  // "Nov-Feb 2017": November 2016
  } else if (m1 > m2) {
    // "from Nov to March": the second month after the first.
    year = std::stoi(ResolveMonth(j, a, m1, 0).value.substr(0, 4));
    c.value = FormatMonth(year + 1, m2);
  } else {
    year = std::stoi(ResolveMonth(j, a, m1, 0).value.substr(0, 4));
    c.value = FormatMonth(year, m2);
  }
  c.begin = FormatMonth(year, m1);
  c.end = c.value;
  c.value = c.begin + "/" + c.end;
  c.is_day = false;
  c.abs_day = false;
  c.mod.clear();
  return c;
}

std::optional<Cand> Scan::BareDayOfMonth(size_t i) {
  // "the 18th", "the eleventh": an article and an ordinal day name a day of
  // the DCT's month. Plain numbers ("le 18") are too often something else.
  size_t j = M(i, K::kArticle);
  if (!j) return std::nullopt;
  int day = 0;
  size_t d = DayNumber(j, &day);
  if (!d || (Num(j) && d == j + 1)) return std::nullopt;
  // "the first 100 days": an ordinal before an amount is no day either.
  if (M(d, K::kUnit) || M(d, K::kMonth) || M(d, K::kFiller) || Num(d)) return std::nullopt;
  // "the first comprehensive toll", "le premier ministre", "the first two":
  // an ordinal before a word it qualifies is no day.
  if (d < t_.size() && t_[d].kind == TimeTokKind::kWord &&
      (!entries_[d] || M(d, K::kQuant) || M(d, K::kOrdinal))) {
    return std::nullopt;
  }
  if (dct_.level >= 2 && ValidDate(dct_.day.y, dct_.day.m, day)) {
    Cand c = DayCand(d, {dct_.day.y, dct_.day.m, day}, AnchorKind::kDct);
    c.dct_month = true;
    c.day_number = day;
    return c;
  }
  Cand c;
  c.te = d;
  c.value = Xday(0, day);
  c.unresolved = true;
  c.is_day = true;
  c.dct_month = true;
  c.day_number = day;
  return c;
}

std::optional<Cand> Scan::PartOfDay(size_t i, bool licensed) {
  // "(in) (the) morning", "in the afternoon at 7" (the part sets the half of
  // the day: T19), "every night" is a set (Set).
  size_t j = i;
  bool lead = false;
  if (size_t p = M(j, K::kInPre)) {
    j = p;
    lead = true;
  }
  if (size_t a = M(j, K::kArticle)) {
    j = a;
    lead = true;
  }
  const TimeLexEntry* e = nullptr;
  size_t k = M(j, K::kPart, &e);
  if (!k) return std::nullopt;
  if (!lead && !licensed && i > 0 && t_[i - 1].kind == TimeTokKind::kWord) {
    // A bare part of day after a word is often a noun phrase ("good morning"):
    // only at the start of a clause.
    return std::nullopt;
  }
  Cand c;
  c.type = TimeType::kTime;
  c.te = k;
  c.value = "T" + e->value;
  const std::string part = e->value;
  // "dans la nuit de mardi à mercredi": the part of the range's first day.
  if (std::optional<Cand> r = Range(k); r && !r->begin.empty() && r->type == TimeType::kDate) {
    r->value = r->begin + "T" + part;
    r->type = TimeType::kTime;
    return r;
  }
  // "the night of March 3", "la nuit du 3 mars": the part of that day.
  if (size_t f = SkipFillers(k, 2); f > k) {
    if (std::optional<Cand> d = DatePart(f, false); d && d->is_day) {
      Cand dc = *d;
      dc.value += "T" + part;
      dc.type = TimeType::kTime;
      dc.is_day = false;
      dc.abs_day = false;
      return dc;
    }
  }
  size_t m = k;
  if (Sym(m, ",")) ++m;
  // "in the afternoon at 7", "in the morning 9 oclock" (a clock time for sure).
  const size_t cp = M(m, K::kClockPre);
  if (std::optional<TimeOfDay> t = cp ? Clock(cp, true, false) : Clock(m, false, false);
      t && (cp || t->strong)) {
    if (t && t->hour >= 0 && t->value.size() >= 3) {
      int hour = t->hour;
      if ((part == "AF" || part == "EV") && hour < 12) hour += 12;
      if (part == "NI" && hour >= 7 && hour < 12) hour += 12;
      char buf[16];
      std::snprintf(buf, sizeof buf, "T%02d", hour);
      c.value = buf + t->value.substr(3);
      c.te = t->te;
    }
  }
  return c;
}

std::optional<TimeOfDay> Scan::PastHour(size_t i) {
  // "half past seven", "10 past 9", "twenty minutes past eight in the evening".
  int minute = -1;
  size_t j = i;
  const TimeLexEntry* e = nullptr;
  if (size_t h = M(i, K::kHalf, &e)) {
    minute = e->number;
    j = h;
  } else if (Num(i)) {
    if (t_[i].ndigits > 2 || t_[i].number > 59) return std::nullopt;
    minute = static_cast<int>(t_[i].number);
    j = i + 1;
  } else if (i < t_.size() && NumWord(i)) {
    size_t run = i + 1;
    if (Sym(run, "-") && Attached(run) && run + 1 < t_.size() && NumWord(run + 1)) {
      run += 2;
    } else if (run < t_.size() && NumWord(run) && !M(run, K::kPastWord)) {
      run += 1;  // "twenty five past"
    }
    size_t past = run;
    if (size_t mw = M(past, K::kMinuteWord)) past = mw;
    if (size_t u = M(past, K::kUnit, &e); u && e->value == "MIN") past = u;
    if (!M(past, K::kPastWord)) return std::nullopt;  // before the costly parse
    size_t used = 0;
    std::string_view phrase = text_.substr(t_[i].start, t_[run - 1].end - t_[i].start);
    int64_t v = lex_.ParseSpelledNumber(phrase, &used);
    if (v < 0 || v > 59 || t_[i].start + used < t_[run - 1].end) return std::nullopt;
    minute = static_cast<int>(v);
    j = run;
  } else {
    return std::nullopt;
  }
  if (size_t mw = M(j, K::kMinuteWord)) {
    j = mw;
  } else if (size_t u = M(j, K::kUnit, &e); u && e->value == "MIN") {
    j = u;
  }
  size_t p = M(j, K::kPastWord);
  if (!p) return std::nullopt;
  int hour = -1;
  size_t h = p;
  if (Num(p) && t_[p].ndigits <= 2 && t_[p].number <= 12) {
    hour = static_cast<int>(t_[p].number);
    h = p + 1;
  } else if (p < t_.size() && NumWord(p)) {
    size_t used = 0;
    std::string_view phrase = text_.substr(t_[p].start, t_[p].end - t_[p].start);
    int64_t v = lex_.ParseSpelledNumber(phrase, &used);
    if (v < 1 || v > 12 || used != phrase.size()) return std::nullopt;
    hour = static_cast<int>(v);
    h = p + 1;
  } else {
    return std::nullopt;
  }
  if (size_t hw = M(h, K::kHourWord)) h = hw;
  if (size_t a = AmPm(h, &e)) {
    hour = hour % 12 + e->number;
    h = a;
  } else {
    size_t f = SkipFillers(h, 2);
    if (size_t a2 = M(f, K::kArticle)) f = a2;
    if (size_t pe = M(f, K::kPart, &e)) {
      if ((e->value == "AF" || e->value == "EV") && hour < 12) hour += 12;
      if (e->value == "NI" && hour >= 7 && hour < 12) hour += 12;
      h = pe;
    }
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d", hour, minute);
  return TimeOfDay{h, buf, true, hour};
}

std::optional<Cand> Scan::DateWithTime(size_t i, bool licensed) {
  std::optional<Cand> d = DatePart(i, licensed);
  if (int wd = 0; !d && AnyWeekday(i, &wd) && M(AnyWeekday(i, &wd), K::kClockPre)) {
    // "Sat at 5.": a short weekday name before a clock time that ends the
    // clause or names its half ("he sat at 5 tables" is no date).
    const size_t k = AnyWeekday(i, &wd);
    std::optional<TimeOfDay> t = Clock(M(k, K::kClockPre), true, false);
    if (t && (t->strong || t->te >= t_.size() || t_[t->te].kind == TimeTokKind::kPunct)) {
      d = ResolveWeekday(i, k, wd, 0);
    }
  }
  if (!d || !d->is_day) return d;
  size_t j = d->te;
  bool ctx = false;
  std::string mod;
  if (Sym(j, ",") || Sym(j, "@")) ++j;
  const TimeLexEntry* e = nullptr;
  if (size_t k = M(j, K::kClockPre)) {
    j = k;
    ctx = true;
  } else if (size_t h = M(j, K::kHedge, &e)) {
    // "demain avant 17h", "Thursday after 2pm": the hedge needs a clock time.
    std::optional<TimeOfDay> t = Clock(h, true, false);
    if (t && t->strong) {
      j = h;
      ctx = true;
      mod = e->value;
    }
  }
  // "lundi de 14h à 16h", "Monday 8-9am": a time range on that day; the day
  // vouches for bare hours ("Monday 3-8", "le 17 de 14 à 16") unless a word
  // follows that they count ("lundi, entre 10 et 15 personnes").
  std::optional<Cand> r = TimeRange(j, ctx);
  if (!r) {
    r = TimeRange(j, ctx, true);
    if (r && r->te < t_.size() && t_[r->te].kind != TimeTokKind::kPunct && !entries_[r->te]) {
      r.reset();
    }
  }
  if (r && !r->begin.empty() && r->begin[0] == 'T') {
    d->te = r->te;
    d->begin = d->value + r->begin;
    d->end = d->value + r->end;
    d->value = d->begin + "/" + d->end;
    d->type = TimeType::kTime;
    d->abs_day = false;
    d->is_day = false;
    return d;
  }
  // "Sunday early morning at 8:00", "Sunday late evening": a one-word
  // START/END hedge on the day's part (the mod when no clock time follows).
  if (size_t h = M(j, K::kHedge, &e);
      h == j + 1 && !ctx && (e->value == "START" || e->value == "END")) {
    const std::string hmod = e->value;
    if (size_t p = M(h, K::kPart, &e)) {
      const std::string part = e->value;
      size_t te = p;
      std::string time = TimeInPart(p, part, &te);
      d->te = te;
      d->value += time.empty() ? "T" + part : time;
      d->type = TimeType::kTime;
      d->abs_day = false;
      d->is_day = false;
      if (time.empty() && d->mod.empty()) d->mod = hmod;
      return d;
    }
  }
  std::optional<TimeOfDay> t = Clock(j, ctx, true);
  if (!t) {
    // "march eighteenth nine thirty", "monday the twenty seventh at six pm":
    // spelled, with am/pm, a part of day or minutes.
    t = SpelledHour(j);
    if (t && !t->strong &&
        (t->value.size() < 6 ||
         (!ctx && t->te < t_.size() && t_[t->te].kind == TimeTokKind::kWord && !entries_[t->te]))) {
      t.reset();
    }
  }
  if (!t) {
    // "today pm", "tomorrow am": am/pm alone names the morning or afternoon.
    const TimeLexEntry* a = nullptr;
    if (size_t k = AmPm(j, &a);
        k && t_[j].folded.size() > 1 && M(i, K::kDayRel) == d->te &&
        (k >= t_.size() || t_[k].kind == TimeTokKind::kPunct || M(k, K::kRangeTo))) {
      d->te = k;
      d->value += a->number ? "TAF" : "TMO";
      d->type = TimeType::kTime;
      d->abs_day = false;
      d->is_day = false;
    }
    return d;
  }
  d->te = t->te;
  // "Wed Oct 26 15:50:06 2016": the year after the time.
  int year = 0;
  if (size_t ye = d->free_year ? YearNumber(t->te, &year) : 0;
      ye && Num(t->te) && ValidDate(year, d->ymd.m, d->ymd.d)) {
    *d = DayCand(ye, {year, d->ymd.m, d->ymd.d}, AnchorKind::kAbsolute);
  }
  d->value += t->value;
  d->type = TimeType::kTime;
  d->abs_day = false;
  if (d->mod.empty()) d->mod = mod;
  return d;
}

std::optional<Cand> Scan::TimeThenDate(size_t i) {
  const TimeLexEntry* e0 = nullptr;
  bool ctx = i > 0 && M(i - 1, K::kClockPre) == i;
  std::optional<TimeOfDay> t = Clock(i, ctx, false);
  if (!t) {
    t = Clock(i, true, false);  // "dix heures mercredi": the date makes it a time
    // "five-thirty tomorrow evening": a spelled time with minutes.
    if (!t || !t->strong) t = SpelledHour(i);
    if (!t || (!t->strong && t->value.size() < 6)) return std::nullopt;
  }
  size_t j = t->te;
  // "3 pm or later on Monday": a hedge after the time.
  std::string mod;
  if (size_t h = M(j, K::kHedgePost, &e0)) {
    mod = e0->value;
    j = h;
  }
  if (Sym(j, ",")) ++j;
  // "8am this morning", "10 pm tonight": the part of day names the day.
  const TimeLexEntry* e = nullptr;
  size_t p = j;
  int rel = 0;
  if (size_t r = M(p, K::kRel, &e)) {
    rel = e->number;
    p = r;
  }
  if (size_t pe = M(p, K::kPart, &e); pe && t->hour >= 0 && HasDay()) {
    int hour = t->hour;
    if ((e->value == "AF" || e->value == "EV" || e->value == "NI") && hour < 12 && hour >= 5) {
      hour += 12;
    }
    Cand c = DayCand(pe, CivilFromDays(dct_.days + rel), AnchorKind::kDct);
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d", hour);
    c.value += buf + t->value.substr(std::min<size_t>(3, t->value.size()));
    c.type = TimeType::kTime;
    c.abs_day = false;
    return c;
  }
  if (size_t k = M(j, K::kArticle)) j = k;
  std::optional<Cand> d = DatePart(j, false);
  if ((!d || !d->is_day) && M(j, K::kFiller))
    d = DatePart(M(j, K::kFiller), false);  // "9am on Tuesday"
  if (!d || !d->is_day) return std::nullopt;
  std::string time = t->value;
  // "dix heures mercredi matin": the part of day after the day sets the half.
  if (size_t pe = M(d->te, K::kPart, &e); pe && t->hour >= 0 && time.size() >= 3) {
    int hour = t->hour;
    if ((e->value == "AF" || e->value == "EV") && hour < 12) hour += 12;
    if (e->value == "NI" && hour >= 6 && hour < 12) hour += 12;
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d", hour);
    time = buf + time.substr(3);
    d->te = pe;
  }
  d->value += time;
  d->type = TimeType::kTime;
  d->abs_day = false;
  if (d->mod.empty()) d->mod = mod;
  return d;
}

std::optional<Cand> Scan::TimeOnly(size_t i) {
  const TimeLexEntry* e = nullptr;
  // "ce soir", "this morning": today's part of day; "last night": yesterday's.
  if (size_t k = M(i, K::kRel, &e)) {
    const int rel = e->number;
    if (size_t p = M(k, K::kPart, &e)) {
      Cand c;
      c.te = p;
      c.type = TimeType::kTime;
      // "last night at 8", "this morning around 9".
      std::string time = "T" + e->value;
      if (std::string t = TimeInPart(p, e->value, &c.te); !t.empty()) time = t;
      if (HasDay()) {
        c.value = DayValue(CivilFromDays(dct_.days + rel)) + time;
        MarkDct(&c);
      } else {
        c.value = time;
        c.unresolved = true;
      }
      return c;
    }
  }
  bool ctx = i > 0 && M(i - 1, K::kClockPre) == i;
  std::optional<TimeOfDay> t = Clock(i, ctx, false);
  if (!t) {
    // "seven p . m .": a spelled hour with am/pm.
    t = SpelledHour(i);
    if (t && !t->ampm) t.reset();
  }
  if (!t) return std::nullopt;
  Cand c;
  c.te = t->te;
  c.type = TimeType::kTime;
  c.value = t->value;
  c.mod = t->mod;
  return c;
}

// ---------------------------------------------------------------------------
// Ranges, durations, sets, single words

std::optional<Cand> Scan::Range(size_t i) {
  size_t j = i;
  bool from = false;
  if (size_t k = M(j, K::kRangeFrom)) {
    j = k;
    from = true;
  }
  // Without a from-word only written-out dates join ("2014-2018", "10/1-11/2/2017",
  // "May 3 to May 7"), through a range_link word.
  if (!from && !Num(i) && !M(i, K::kMonth)) return std::nullopt;
  // The first bound: a date or time, or a bare day number ("du 6 au 10 janvier").
  std::optional<Cand> x = from ? DateWithTime(j, false) : DatePart(j, false);
  if (!x && from) x = TimeOnly(j);
  if (from && x && x->type == TimeType::kTime) {
    // "between 2:00 tomorrow and 4:00": a time, then its day.
    std::optional<Cand> td = TimeThenDate(j);
    if (td && td->te > x->te) x = std::move(td);
  }
  if (from) {
    std::optional<Cand> w = WordBound(j, true);
    if (w && (!x || w->te > x->te)) x = std::move(w);
  }
  int bare_day = 0;
  if (!x || x->te <= j) {
    size_t k = DayNumber(j, &bare_day);
    if (!k) return std::nullopt;
    if (!from) {
      // "9 to 12 of June", "9-12 June": a day number before a day and month.
      size_t l = M(k, K::kRangeLink);
      int d2 = 0;
      std::optional<Cand> y2 = l && DayNumber(l, &d2) ? DayMonth(l) : std::nullopt;
      if (!y2 || !y2->is_day || d2 <= bare_day) return std::nullopt;
    }
    x = Cand();
    x->te = k;
    x->bare_day = true;
  }
  size_t k = M(x->te, from ? K::kRangeTo : K::kRangeLink);
  std::optional<Cand> y;
  if (k) {
    y = from ? DateWithTime(k, false) : DatePart(k, false);
    if (!y && from) y = TimeOnly(k);
    if (from && y && y->type == TimeType::kTime && !x->bare_day && x->type == TimeType::kTime) {
      std::optional<Cand> td = TimeThenDate(k);  // "to 3pm tomorrow"
      if (td && td->te > y->te) y = std::move(td);
    }
  }
  if (from && k) {
    std::optional<Cand> w = WordBound(k, false);
    if (w && (!y || w->te > y->te)) y = std::move(w);
  }
  if (from && !y && M(x->te, K::kDeictic)) {
    y = WordBound(x->te, false);  // "from march to date": the deictic holds the to-word
  }
  // "November 18-19", "novembre 19-20": a later day number after a month and
  // day, joined by a dash, is a day of the same month; not when a year, a
  // unit, am/pm or an hour word follows it ("March 3 - 5 pm", "May 2-3, 2019").
  // "april 9th through 17th", "april ninth through seventeenth": a word link
  // before an ordinal day.
  const bool day_end = Num(x->te - 1) || (x->te >= 1 && M(x->te - 1, K::kOrdinalSuffix) == x->te) ||
                       (x->te >= 1 && M(x->te - 1, K::kOrdinal) == x->te);
  // "from Jan. 6 to 8", "between Jan. 6 and 8": after a from-word any day
  // number of the same month, unless a word no pattern knows follows it.
  const bool from_day = from && Num(k) &&
                        !(k + 1 < t_.size() && t_[k + 1].kind == TimeTokKind::kWord &&
                          !entries_[k + 1] && !M(k + 1, K::kOrdinalSuffix));
  if (!y && k && x->abs_day && day_end &&
      (from ? from_day
            : (t_[x->te].kind == TimeTokKind::kPunct || (OrdinalDay(k) && !Num(x->te - 1))))) {
    int d2 = 0;
    size_t e = DayNumber(k, &d2);
    // "March 3-5, 2020": a year after the second day dates both.
    int year = 0;
    size_t ye = e && Sym(e, ",") && Num(e + 1) && x->free_year ? YearNumber(e + 1, &year) : 0;
    if (ye && (!ValidDate(year, x->ymd.m, x->ymd.d) || !ValidDate(year, x->ymd.m, d2))) ye = 0;
    if (e && d2 > x->ymd.d && ValidDate(x->ymd.y, x->ymd.m, d2) && !Num(e) &&
        !(Sym(e, ",") && Num(e + 1) && !ye) && !M(e, K::kMonth) && !M(e, K::kUnit) &&
        !M(e, K::kAmPm) && !M(e, K::kHourWord) &&
        !(e < t_.size() && t_[e].kind == TimeTokKind::kPunct && t_[e].folded == "%")) {
      if (ye) {
        const size_t xte = x->te;
        *x = DayCand(xte, {year, x->ymd.m, x->ymd.d}, AnchorKind::kAbsolute);
        y = DayCand(ye, {year, x->ymd.m, d2}, AnchorKind::kAbsolute);
      } else {
        const bool free = x->free_year;
        y = DayCand(e, {x->ymd.y, x->ymd.m, d2}, x->anchor);
        y->free_year = free;
      }
    }
  }
  // "from 4-23 in next month", "from 4-23 next month", "du 4 au 23 du mois
  // prochain": two day numbers, then the month they are in.
  if (!y && from && k && x->bare_day) {
    int d2 = 0;
    size_t e = DayNumber(k, &d2);
    size_t f = e ? SkipFillers(e, 2) : 0;
    std::optional<Cand> m = e && !Num(f) ? DatePart(f, true) : std::nullopt;  // "4-23 next month"
    if (m && !m->is_day && m->value.size() == 7 && m->value[4] == '-' &&
        std::isdigit(static_cast<unsigned char>(m->value[0])) && d2 > bare_day) {
      const int yy = std::stoi(m->value.substr(0, 4)), mm = std::stoi(m->value.substr(5));
      if (ValidDate(yy, mm, d2)) {
        Cand c = DayCand(m->te, {yy, mm, d2}, m->anchor);
        Ymd b{yy, mm, bare_day};
        c.begin = DayValue(b);
        c.end = DayValue({yy, mm, d2});
        c.value = c.begin + "/" + c.end;
        c.is_day = false;
        c.abs_day = false;
        return c;
      }
    }
  }
  if (!y) return std::nullopt;
  // "between the ninth and the seventeenth of april", "from april 27th to the
  // third": a bare "the Nth" takes the month of the other bound (the next
  // month when it would come first).
  if (x->dct_month && y->abs_day && !y->dct_month && ValidDate(y->ymd.y, y->ymd.m, x->day_number)) {
    Ymd d{y->ymd.y, y->ymd.m, x->day_number};
    if (x->day_number > y->ymd.d) d = AddMonths({y->ymd.y, y->ymd.m, 1}, -1);
    if (ValidDate(d.y, d.m, x->day_number)) {
      const size_t te = x->te;
      *x = DayCand(te, {d.y, d.m, x->day_number}, y->anchor);
    }
  } else if (y->dct_month && x->abs_day && !x->dct_month) {
    Ymd d{x->ymd.y, x->ymd.m, y->day_number};
    if (y->day_number < x->ymd.d) d = AddMonths({x->ymd.y, x->ymd.m, 1}, 1);
    if (ValidDate(d.y, d.m, y->day_number)) {
      const size_t te = y->te;
      *y = DayCand(te, {d.y, d.m, y->day_number}, x->anchor);
    }
  }
  // "from next monday to friday": a bare weekday after a day is the first
  // such day after it.
  if (y->bare_weekday && x->abs_day && y->abs_day && y->type == TimeType::kDate) {
    const int64_t xd = DaysOf(x->ymd);
    int64_t fwd = (y->bare_weekday - IsoWeekday(xd) + 7) % 7;
    const size_t te = y->te;
    *y = DayCand(te, CivilFromDays(xd + (fwd ? fwd : 7)), x->anchor);
  }
  // Two clock times: the time grammar knows which half of the day each is in.
  if (from && x->type == TimeType::kTime && y->type == TimeType::kTime && x->value[0] == 'T' &&
      y->value[0] == 'T') {
    if (std::optional<Cand> r = TimeRange(i, true); r && r->te == y->te) return r;
  }
  // "from 2pm till tomorrow 4:30pm", "between 2:00 tomorrow and 4:00": a bare
  // clock time takes the day of the other bound; a first bound before a day
  // that comes first in the second bound ("till tomorrow 4:30pm"): the DCT's.
  if (from && x->type == TimeType::kTime && y->type == TimeType::kTime && x->begin.empty() &&
      y->begin.empty() && !x->value.empty() && !y->value.empty()) {
    auto dated = [](const std::string& v) { return v.size() > 11 && v[10] == 'T'; };
    if (x->value[0] == 'T' && dated(y->value) && TimeOnly(k)) {
      x->value = y->value.substr(0, 10) + x->value;  // "3am - 12pm next Monday"
    } else if (x->value[0] == 'T' && dated(y->value) && HasDay()) {
      x->value = DayValue(CivilFromDays(dct_.days)) + x->value;
    } else if (y->value[0] == 'T' && dated(x->value)) {
      y->value = x->value.substr(0, 10) + y->value;
    }
  }
  // Bounds without a year move by a year to come in order: "between now and
  // november 15th" (next November), "from nov to march".
  if (x->abs_day && y->abs_day && x->value > y->value && y->free_year && !x->free_year &&
      ValidDate(y->ymd.y + 1, y->ymd.m, y->ymd.d)) {
    *y = DayCand(y->te, {y->ymd.y + 1, y->ymd.m, y->ymd.d}, y->anchor);
  }
  // "between jan 2019 and now", "from 2007 to the end of 2008": resolved dates
  // of different precisions join when the first comes first.
  // Without a from-word, a word link ("2014 through May 2018") joins them too.
  const bool linked = from || (k && t_[k - 1].kind == TimeTokKind::kWord);
  const bool mixed = linked && x->type == TimeType::kDate && y->type == TimeType::kDate &&
                     !x->bare_day && !x->value.empty() && !y->value.empty() &&
                     std::isdigit(static_cast<unsigned char>(x->value[0])) &&
                     std::isdigit(static_cast<unsigned char>(y->value[0])) &&
                     x->value.find('/') == std::string::npos &&
                     y->value.find('/') == std::string::npos &&
                     (x->is_day != y->is_day || x->value.size() != y->value.size());
  if (mixed) {
    if (x->value.substr(0, std::min(x->value.size(), y->value.size())) >
        y->value.substr(0, std::min(x->value.size(), y->value.size()))) {
      return std::nullopt;
    }
    Cand c = *y;
    c.begin = x->value;
    c.end = y->value;
    c.value = c.begin + "/" + c.end;
    c.is_day = false;
    c.abs_day = false;
    c.mod.clear();
    if (x->unresolved || y->unresolved) c.unresolved = true;
    return c;
  }
  // "2019/aug/01 to today": a written date with its year, then a day word.
  const bool to_day_word = k && M(k, K::kDayRel) && x->anchor == AnchorKind::kAbsolute &&
                           x->abs_day && t_[k - 1].kind == TimeTokKind::kWord;
  if (!from && (!Num(k) && !M(k, K::kMonth) && !OrdinalDay(k) && !to_day_word)) {
    return std::nullopt;
  }
  // "from May to Oct 2020", "10/1-11/2/2017": the first bound takes the
  // year the second one names.
  if (x->free_year && !y->free_year && y->anchor == AnchorKind::kAbsolute && x->value.size() >= 7 &&
      y->value.size() >= 4 && x->value.size() <= y->value.size() + 3) {
    x->value = y->value.substr(0, 4) + x->value.substr(4);
    if (x->value.substr(0, 7) > y->value.substr(0, 7)) {
      x->value = FormatYear(std::stoi(y->value.substr(0, 4)) - 1) + x->value.substr(4);
    }
  }
  if (x->bare_day) {
    // Borrow month and year from the second bound.
    const std::string& v = y->value;
    if (!y->is_day || v.size() < 10 || v[4] != '-' || v[7] != '-') return std::nullopt;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", bare_day);
    x->value = v.substr(0, 8) + buf + v.substr(10);
    if (y->abs_day && !ValidDate(y->ymd.y, y->ymd.m, bare_day)) return std::nullopt;
  }
  const bool dated_times = !x->bare_day && x->type == TimeType::kTime &&
                           y->type == TimeType::kTime && x->value <= y->value &&
                           x->value.size() > 11 && x->value[10] == 'T' && y->value.size() > 11 &&
                           y->value[10] == 'T';
  if (!x->bare_day && !dated_times &&
      (x->type != y->type || x->is_day != y->is_day ||
       (!x->is_day && x->value.size() != y->value.size()))) {
    return std::nullopt;
  }
  if (!from && (x->value.size() != y->value.size() || x->value[0] == 'X' || x->value >= y->value)) {
    return std::nullopt;  // "2 - 1", "4-23": scores and counts, not periods
  }
  Cand c = *y;
  c.te = y->te;
  // "from 5/1-5/7, 2020": a year after the range dates both free bounds.
  int year = 0;
  if (x->abs_day && y->abs_day && x->free_year && y->free_year && Sym(y->te, ",")) {
    if (size_t ye = YearNumber(y->te + 1, &year); ye && Num(y->te + 1) &&
                                                  ValidDate(year, x->ymd.m, x->ymd.d) &&
                                                  ValidDate(year, y->ymd.m, y->ymd.d)) {
      x->value = DayValue({year, x->ymd.m, x->ymd.d});
      y->value = DayValue({year, y->ymd.m, y->ymd.d});
      c.te = ye;
      c.anchor = AnchorKind::kAbsolute;
    }
  }
  c.mod.clear();
  c.begin = x->value;
  c.end = y->value;
  c.value = x->value + "/" + y->value;
  c.is_day = false;
  c.abs_day = false;
  if (x->unresolved || y->unresolved) c.unresolved = true;
  return c;
}

std::optional<Cand> Scan::WordBound(size_t i, bool first) {
  const TimeLexEntry* e = nullptr;
  // "now", "to date": the DCT's day.
  if (size_t k = M(i, K::kDeictic, &e); k && e->value == "PRESENT_REF") {
    if (!HasDay()) return std::nullopt;
    return DayCand(k, CivilFromDays(dct_.days), AnchorKind::kDct);
  }
  // "the end of 2008", "the beginning of march": a hedged period; an end
  // bound at END is the period's last day, a first bound at START its first.
  size_t h = M(i, K::kHedge, &e);
  if (!h || (e->value != "START" && e->value != "END" && e->value != "MID")) return std::nullopt;
  const std::string mod = e->value;
  std::optional<Cand> d = DatePart(SkipFillers(h, 3), true);
  if (!d || d->is_day || d->value.empty() ||
      !std::isdigit(static_cast<unsigned char>(d->value[0]))) {
    return std::nullopt;
  }
  const std::string& v = d->value;
  int y = 0, m = 0;
  if (v.size() == 4) {
    y = std::stoi(v);
  } else if (v.size() == 7 && v[4] == '-' && std::isdigit(static_cast<unsigned char>(v[5]))) {
    y = std::stoi(v.substr(0, 4));
    m = std::stoi(v.substr(5));
  } else {
    return std::nullopt;
  }
  Ymd day{y, m ? m : 1, 1};
  if (mod == "MID") {
    // "from the middle of 2007", "to the middle of September": the middle
    // day of the period (2007-07-02, 09-16).
    const int64_t b = DaysFromCivil(y, m ? m : 1, 1);
    const int64_t len = m ? DaysInMonth(y, m) : DaysFromCivil(y + 1, 1, 1) - b;
    Cand c = DayCand(d->te, CivilFromDays(b + len / 2), d->anchor);
    c.mod = mod;
    return c;
  }
  if (mod == "END" && !first) {
    day.m = m ? m : 12;
    day.d = DaysInMonth(y, day.m);
  } else if (mod == "END" || (mod == "START" && !first)) {
    d->mod = mod;
    return d;  // the period itself, hedged
  }
  Cand c = DayCand(d->te, day, d->anchor);
  c.mod = mod;
  return c;
}

std::optional<TimeOfDay> Scan::SpelledHour(size_t j) {
  // "one" is also an amount (quant): still an hour here.
  if (!NumWord(j) || !(OnlyWeakName(j) || M(j, K::kQuant) == j + 1)) return std::nullopt;
  size_t e = 0;
  int64_t hour = SpelledRun(j, 1, &e);
  if (hour < 1 || hour > 12) return std::nullopt;
  int minute = -1;
  // "four thirty", "seven twenty-seven", "five-thirty".
  size_t m0 = e;
  if (Sym(m0, "-") && Attached(m0) && Attached(m0 + 1)) ++m0;
  if (NumWord(m0) && OnlyWeakName(m0)) {
    size_t e2 = 0;
    int64_t m = SpelledRun(m0, 3, &e2);
    if (m >= 10 && m <= 59) {
      minute = static_cast<int>(m);
      e = e2;
      const TimeLexEntry* u = nullptr;
      if (size_t mw = M(e, K::kMinuteWord)) {
        e = mw;
      } else if (size_t k = M(e, K::kUnit, &u); k && u->value == "MIN") {
        e = k;
      }
    }
  }
  bool strong = false, half = false, ampm = false;
  const TimeLexEntry* p = nullptr;
  if (size_t a = AmPm(e, &p)) {
    hour = hour % 12 + p->number;
    e = a;
    strong = true;
    half = true;
    ampm = true;
  } else {
    size_t f = SkipFillers(e, 2);
    if (size_t art = M(f, K::kArticle)) f = art;
    if (size_t pe = M(f, K::kPart, &p)) {
      if ((p->value == "AF" || p->value == "EV") && hour < 12) hour += 12;
      e = pe;
      strong = true;
      half = true;
    }
  }
  char buf[16];
  if (minute >= 0) {
    std::snprintf(buf, sizeof buf, "T%02d:%02d", static_cast<int>(hour), minute);
  } else {
    std::snprintf(buf, sizeof buf, "T%02d", static_cast<int>(hour));
  }
  return TimeOfDay{e, buf, strong, static_cast<int>(hour), half, ampm};
}

std::optional<Cand> Scan::TimeRange(size_t i, bool ctx, bool weak_ok) {
  // "5 to 6pm", "de 14h à 16h", "entre 17 et 18 heures", "4:00 - 7 oclock",
  // "5 to seven in the morning", "from three thirty to four thirty pm".
  size_t j = i;
  const bool from = (j = M(i, K::kRangeFrom)) != 0;
  if (!from) j = i;
  std::optional<TimeOfDay> x = Clock(j, ctx || from, false);
  if (!x) {
    x = Clock(j, true, false);                // a bare hour borrows am/pm from the second bound
    if (x && x->strong) return std::nullopt;  // "3 heures": a duration
    if (!x) x = SpelledHour(j);
    if (!x) return std::nullopt;
  }
  size_t k = M(x->te, from ? K::kRangeTo : K::kRangeLink);
  if (!k) return std::nullopt;
  std::optional<TimeOfDay> y = Clock(k, true, false);
  if (!y) y = SpelledHour(k);
  // One bound at least must be a clock time for sure: "entre 10 et 15 personnes"
  // is none; with weak_ok the caller has a day after the range to vouch for it.
  // "from three thirty to four thirty": hours with minutes after a from-word.
  const bool minutes = from && y && x->value.find(':') != std::string::npos &&
                       y->value.find(':') != std::string::npos;
  if (!y || (!weak_ok && !minutes && (!(x->strong || y->strong) || (!from && !y->strong)))) {
    return std::nullopt;
  }
  // "5 to 6pm"; "from 7:00 to 8:00pm", "2:20 to 3pm": a start without am/pm
  // takes the end's afternoon when it then still comes first.
  if ((!x->strong || (!x->half && y->half)) && x->hour >= 1 && x->hour < 12 && y->hour >= 12 &&
      x->hour + 12 <= y->hour) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d", x->hour + 12);
    // "from 2:30 to 2:15 pm": not when the minutes would put it after the end.
    if (std::string v = buf + x->value.substr(3); v <= y->value) x->value = v;
  }
  if (x->value[0] != 'T' || y->value[0] != 'T') return std::nullopt;
  // "11-4", "de 10 à 4": a bare end hour before the start is in the afternoon.
  if (!y->strong && y->hour >= 0 && y->hour < 12 && y->hour < x->hour && y->hour + 12 > x->hour) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d", y->hour + 12);
    y->value = buf + y->value.substr(3);
  }
  Cand c;
  c.te = y->te;
  c.type = TimeType::kTime;
  c.begin = x->value;
  c.end = y->value;
  c.value = c.begin + "/" + c.end;
  c.begin_half = x->half || y->half;
  c.end_half = y->half;
  return c;
}

std::optional<Cand> Scan::TimeRangeOnDay(size_t i) {
  // A time range, then the day it falls on: "3:00 to 4:00 tomorrow",
  // "de 5 à 6pm le 22 avril".
  bool ctx = i > 0 && M(i - 1, K::kClockPre) == i;
  std::optional<Cand> r = TimeRange(i, ctx);
  // "de 5 à 7 aujourd'hui", "five to seven today": bare hours, but a day follows.
  const bool weak = !r;
  if (weak) r = TimeRange(i, ctx, true);
  if (!r || (weak && ScoreLike(i))) return std::nullopt;  // "won 3-1 Monday"
  size_t j = r->te;
  if (Sym(j, ",")) ++j;
  const size_t before_fillers = j;
  j = SkipFillers(j, 2);
  // "won 3-1 on Monday": bare numbers, a filler, then a day are a score,
  // unless a from-word opened the range ("between 3 and 5 on 1/1/2015").
  if (weak && j != before_fillers && !M(i, K::kRangeFrom)) return std::nullopt;
  if (size_t k = M(j, K::kClockPre)) j = k;
  std::optional<Cand> d = DatePart(j, false);
  if (!d || !d->is_day) {
    if (weak) return std::nullopt;
    return r;
  }
  // One day word ("aujourd'hui", "Monday"), a rel and a weekday ("6-8 next
  // Monday"), or after a from-word a date with its year ("between 3 and 5 on
  // 1/1/2015").
  int wd = 0;
  if (weak && d->te != j + 1 && !M(j, K::kDayRel) &&
      !(M(j, K::kRel) && AnyWeekday(M(j, K::kRel), &wd) == d->te) &&
      !(M(i, K::kRangeFrom) && d->anchor == AnchorKind::kAbsolute)) {
    return std::nullopt;
  }
  d->te = d->te;
  d->begin = d->value + r->begin;
  d->end = d->value + r->end;
  d->value = d->begin + "/" + d->end;
  d->type = TimeType::kTime;
  d->is_day = false;
  d->abs_day = false;
  return d;
}

std::optional<Cand> Scan::RelQuantUnit(size_t i) {
  // "the next 3 days", "les 3 prochaines semaines", "die letzten 5 Jahre":
  // the N whole units after or before the DCT, as a closed range of days.
  size_t j = i;
  if (size_t a = M(j, K::kArticle)) {
    if (ArticleOutside(j)) return std::nullopt;
    j = a;
  }
  const TimeLexEntry* e = nullptr;
  int rel = 0;
  size_t r = M(j, K::kRel, &e);
  if (r) {
    rel = e->number;
    j = r;
  }
  double n = 0;
  size_t q = Quantity(j, &n);
  if (!q || std::isnan(n) || n != std::floor(n) || n < 1 || n > 1000) return std::nullopt;
  j = q;
  if (!r) {
    r = M(j, K::kRel, &e);
    if (!r) return std::nullopt;
    rel = e->number;
    j = r;
  }
  if (rel == 0) return std::nullopt;
  size_t u = M(j, K::kUnit, &e);
  if (!u) return std::nullopt;
  const std::string& unit = e->value;
  if (unit != "D" && unit != "W" && unit != "M" && unit != "Y") return std::nullopt;
  Cand c;
  c.te = u;
  if (!HasDay()) {
    c.unresolved = true;
    return c;
  }
  const int amount = static_cast<int>(n);
  int64_t first, last;  // days, inclusive
  auto shifted = [&](int sign) {
    if (unit == "D") return dct_.days + sign * amount;
    if (unit == "W") return dct_.days + sign * 7 * amount;
    const int months = (unit == "M" ? 1 : 12) * amount * sign;
    Ymd m = AddMonths({dct_.day.y, dct_.day.m, 1}, months);
    return DaysFromCivil(m.y, m.m, std::min(dct_.day.d, DaysInMonth(m.y, m.m)));
  };
  if (rel > 0) {
    first = dct_.days + 1;
    last = shifted(1);
  } else {
    first = shifted(-1);
    last = dct_.days - 1;
  }
  c.begin = DayValue(CivilFromDays(first));
  c.end = DayValue(CivilFromDays(last));
  c.value = c.begin + "/" + c.end;
  MarkDct(&c);
  return c;
}

size_t Scan::DayWithPart(size_t i, std::string* day, std::string* part, Cand* anchor) {
  const TimeLexEntry* e = nullptr;
  // "tonight": a day_part word.
  if (size_t k = M(i, K::kDayPart, &e)) {
    *part = e->value;
    day->clear();
    if (HasDay()) {
      *day = DayValue(CivilFromDays(dct_.days + e->number));
      MarkDct(anchor);
    }
    return k;
  }
  // "this morning", "last night", "next evening".
  if (size_t r = M(i, K::kRel, &e)) {
    const int rel = e->number;
    if (size_t p = M(r, K::kPart, &e)) {
      *part = e->value;
      day->clear();
      if (HasDay()) {
        *day = DayValue(CivilFromDays(dct_.days + rel));
        MarkDct(anchor);
      }
      return p;
    }
  }
  // "Montagmorgen": a weekday glued to its part.
  if (size_t k = M(i, K::kWeekdayPart, &e)) {
    *part = e->value;
    Cand w = ResolveWeekday(i, k, e->number, 0);
    *day = w.value;
    anchor->anchor = w.anchor;
    anchor->unresolved = w.unresolved;
    return k;
  }
  // "Monday morning", "yesterday afternoon", "next Monday morning".
  std::optional<Cand> d = DatePart(i, false);
  if (!d || !d->is_day) return 0;
  size_t p = M(d->te, K::kPart, &e);
  if (!p) return 0;
  *part = e->value;
  *day = d->value;
  anchor->anchor = d->anchor;
  anchor->unresolved = d->unresolved;
  return p;
}

// The clock value `t` ("T07", "T07:30") moved into a part of the day: a bare
// hour before noon in the afternoon, evening or night is after noon.
std::string MoveIntoPart(const std::string& t, const std::string& part) {
  if (t.size() < 3 || t[0] != 'T' || !std::isdigit(static_cast<unsigned char>(t[1]))) return t;
  int hour = std::stoi(t.substr(1, 2));
  if ((part == "AF" || part == "EV") && hour < 12) hour += 12;
  if (part == "NI" && hour >= 6 && hour < 12) hour += 12;
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d", hour);
  return buf + t.substr(3);
}

std::optional<Cand> Scan::PartTimeRange(size_t i) {
  std::string day, part;
  Cand c;
  std::optional<Cand> r;
  if (size_t k = DayWithPart(i, &day, &part, &c)) {
    // The part vouches for bare hours ("next Monday morning 6-8"), unless a
    // word follows that they count ("this morning 10 to 15 people").
    size_t j = k;
    if (Sym(j, ",")) ++j;
    if (size_t cp = M(j, K::kClockPre)) j = cp;
    r = TimeRange(j, false, true);
    if (!r || (r->te < t_.size() && t_[r->te].kind == TimeTokKind::kWord && !entries_[r->te]) ||
        ScoreLike(j)) {
      return std::nullopt;  // "this morning 10 to 15 people", "Monday morning 2-0"
    }
    c.te = r->te;
  } else {
    // "from 3-8pm yesterday afternoon", "between 7 and 9:30 last night".
    const bool ctx = i > 0 && M(i - 1, K::kClockPre) == i;
    r = TimeRange(i, ctx, true);
    if (!r) return std::nullopt;
    size_t j = r->te;
    if (Sym(j, ",")) ++j;
    size_t e = DayWithPart(j, &day, &part, &c);
    if (!e) return std::nullopt;
    c.te = e;
  }
  if (r->begin.empty() || r->begin[0] != 'T' || r->end[0] != 'T') return std::nullopt;
  std::string b = r->begin_half ? r->begin : MoveIntoPart(r->begin, part);
  std::string en = r->end_half ? r->end : MoveIntoPart(r->end, part);
  c.type = TimeType::kTime;
  c.begin = day + b;
  c.end = day + en;
  c.value = c.begin + "/" + c.end;
  if (day.empty()) c.unresolved = true;
  return c;
}

std::optional<Cand> Scan::PartRange(size_t i) {
  // "la nuit de mardi à mercredi": the part of day of the first bound.
  const TimeLexEntry* e = nullptr;
  size_t k = M(i, K::kPart, &e);
  if (!k) return std::nullopt;
  std::optional<Cand> r = Range(k);
  if (!r || r->begin.empty() || r->type != TimeType::kDate) return std::nullopt;
  r->value = r->begin + "T" + e->value;
  r->type = TimeType::kTime;
  return r;
}

std::optional<Cand> Scan::QuantUnit(size_t i) {
  size_t j = i;
  int dir = 0;  // -1 ago, +1 in
  bool pre = false;
  if (size_t k = M(j, K::kAgoPre)) {
    j = k;
    dir = -1;
  } else if (size_t k2 = M(j, K::kInPre)) {
    j = k2;
    dir = 1;
  } else if (size_t k3 = M(j, K::kDurationPre)) {
    j = k3;
    pre = true;
  }
  if (dir) j = SkipFillers(j, 1);
  double n = 0;
  size_t k = Quantity(j, &n);
  if (!k) return std::nullopt;
  bool half = false;  // "one and a half hours"
  const TimeLexEntry* f = nullptr;
  if (size_t h = M(k, K::kHalfUnit, &f); h && !std::isnan(n)) {
    n += Fraction(*f);
    k = h;
    half = true;
  }
  const TimeLexEntry* e = nullptr;
  size_t u = M(k, K::kUnit, &e);
  if (!u) return std::nullopt;
  std::string unit = e->value;
  if (unit == "WE") return std::nullopt;
  if (Num(u) && t_[u].ndigits == 4) return std::nullopt;  // "des années 1990"
  if (dir == 0 && !pre && !std::isnan(n) && n == std::floor(n) && n <= 1000) {
    // "two days after today", "3 days from tuesday", "2 weeks before may 13 1999":
    // a whole amount of calendar units from a day the text names.
    if (std::optional<Cand> d = OffsetFromDay(u, unit, static_cast<int>(n))) return d;
  }
  const size_t unit_end = u;
  bool anaphoric = false;  // "two days later": from the last date of the text
  if (dir == 0) {
    if (size_t a = M(u, K::kAgoPost)) {
      dir = -1;
      u = a;
    } else if (size_t l = M(u, K::kLaterPost, &e)) {
      dir = 1;
      anaphoric = e->value == "ref";
      u = l;
    }
  }
  double mult = 1;
  if (unit == "DE") {
    unit = "Y";
    mult = 10;
  } else if (unit == "CE") {
    unit = "Y";
    mult = 100;
  }
  const bool known = !std::isnan(n);
  Cand c;
  c.te = u;
  // "two days later" counts from the last day the text named (when it named
  // one: else from the DCT); "in two days", "two days from now" from the DCT.
  const bool from_text = anaphoric && anchor_->have;
  if (dir != 0 && !pre) {
    c.type = TimeType::kDate;
    if (!known) {
      if (from_text) {
        // "quelques heures plus tard" after a date: some hours after it, no
        // later than the DCT for all we know; the amount is what is said.
        dir = 0;
        u = unit_end;
      } else {
        c.value = dir < 0 ? "PAST_REF" : "FUTURE_REF";
        if (dct_.level) MarkDct(&c);
        return c;
      }
    }
  }
  if (dir != 0 && !pre) {
    if (n != std::floor(n)) return std::nullopt;
    const int64_t amount = static_cast<int64_t>(n * mult) * dir;
    const bool clock = unit == "H" || unit == "MIN" || unit == "S";
    const int need = unit == "Y" ? 1 : unit == "M" ? 2 : 3;
    if ((!from_text && dct_.level < need) || clock) {
      c.unresolved = true;
      return c;
    }
    const Ymd base = from_text ? anchor_->day : dct_.day;
    const int64_t base_days = from_text ? DaysOf(anchor_->day) : dct_.days;
    if (from_text) {
      c.anchor = AnchorKind::kExpr;
      c.anchor_start = anchor_->start;
    } else {
      MarkDct(&c);
    }
    if (unit == "Y") {
      c.value = FormatYear(base.y + static_cast<int>(amount));
    } else if (unit == "M") {
      Ymd m = AddMonths({base.y, base.m, 1}, static_cast<int>(amount));
      c.value = FormatMonth(m.y, m.m);
    } else if (unit == "W") {
      c.value = FormatWeek(base_days + 7 * amount);
    } else if (unit == "D") {
      Cand d = DayCand(u, CivilFromDays(base_days + amount), c.anchor);
      d.anchor_start = c.anchor_start;
      return d;
    } else {
      return std::nullopt;
    }
    return c;
  }
  c.te = u;
  c.type = TimeType::kDuration;
  const int rank = DurationRank(unit);
  if (rank < 0 || !known) {
    const bool clock = unit == "H" || unit == "MIN" || unit == "S";
    std::string u1 = unit == "MIN" ? "M" : unit;
    c.value = std::string(clock ? "PT" : "P") + NumberText(known ? n * mult : n) + u1;
    return c;
  }
  DurationParts d;
  d.parts.push_back({rank, n * mult});
  // "one hour and a half" ("one and a half hours" took its half above).
  if (size_t h = M(u, K::kHalfUnit, &e); h && !half) {
    d.parts.back().second += Fraction(*e) * mult;
    u = h;
  }
  c.te = DurationTail(u, &d);
  c.value = "P";
  bool in_time = false;
  for (const auto& [r, amount] : d.parts) {
    if (r >= 4 && !in_time) {
      c.value += 'T';
      in_time = true;
    }
    c.value += NumberText(amount);
    c.value += r == 5 ? "M" : kDurationUnits[r];
  }
  return c;
}

size_t Scan::DurationTail(size_t u, DurationParts* d) {
  while (!d->parts.empty()) {
    size_t j = u;
    if (size_t l = M(j, K::kDurationLink)) j = l;
    double m = 0;
    size_t k = Quantity(j, &m);
    if (!k || std::isnan(m) || m < 0) break;
    const TimeLexEntry* e = nullptr;
    size_t v = M(k, K::kUnit, &e);
    if (!v) break;
    const int rank = DurationRank(e->value);
    if (rank <= d->parts.back().first) break;  // only smaller units follow
    d->parts.push_back({rank, m});
    u = v;
  }
  return u;
}

size_t Scan::ClockMinutes(size_t i, double* minutes) {
  double n = 0;
  size_t k = Quantity(i, &n);
  if (!k || std::isnan(n)) return 0;
  const TimeLexEntry* e = nullptr;
  if (size_t h = M(k, K::kHalfUnit, &e)) {
    n += Fraction(*e);
    k = h;
  }
  size_t u = M(k, K::kUnit, &e);
  if (!u) return 0;
  DurationParts d;
  d.parts.push_back({DurationRank(e->value), n});
  if (d.parts[0].first < 4) return 0;  // only hours, minutes, seconds
  if (size_t h = M(u, K::kHalfUnit, &e)) {
    d.parts[0].second += Fraction(*e);
    u = h;
  }
  u = DurationTail(u, &d);
  *minutes = 0;
  for (const auto& [r, amount] : d.parts)
    *minutes += amount * (r == 4 ? 60 : r == 5 ? 1 : 1.0 / 60);
  return u;
}

std::optional<Cand> Scan::StartPlusDuration(size_t i) {
  size_t j = i;
  std::optional<Cand> day;
  // Most starts have no "for" near them: look for one before parsing anything.
  auto next_for = std::lower_bound(for_pos_.begin(), for_pos_.end(), i);
  if (next_for == for_pos_.end() || *next_for >= i + 10) return std::nullopt;
  if (!M(i, K::kRangeFrom) && !M(i, K::kForPre)) {
    day = DatePart(i, false);
    if (!day || !day->is_day) return std::nullopt;
    j = day->te;
  }
  std::optional<TimeOfDay> start;
  double minutes = 0;
  size_t te = 0;
  if (size_t f = M(j, K::kRangeFrom)) {
    start = Clock(f, true, false);
    if (!start) return std::nullopt;
    size_t d = M(start->te, K::kForPre);
    if (!d || !(te = ClockMinutes(d, &minutes))) return std::nullopt;
  } else if (size_t d = M(j, K::kForPre)) {
    size_t k = ClockMinutes(d, &minutes);
    size_t f = k ? M(k, K::kRangeFrom) : 0;
    if (!f || !(start = Clock(f, true, false))) return std::nullopt;
    te = start->te;
  } else {
    return std::nullopt;
  }
  int hour = 0, minute = 0;
  const std::string& sv = start->value;
  if (sv.size() < 3 || sv[0] != 'T' || std::sscanf(sv.c_str(), "T%d:%d", &hour, &minute) < 1) {
    return std::nullopt;  // "TMO": a part of day has no start
  }
  const long total = std::lround(hour * 60 + minute + minutes);
  const long days = total / (24 * 60);
  if (days > 0 && (!day || !day->abs_day)) return std::nullopt;
  char buf[16];
  const int eh = static_cast<int>(total % (24 * 60) / 60), em = static_cast<int>(total % 60);
  if (em) {
    std::snprintf(buf, sizeof buf, "T%02d:%02d", eh, em);
  } else {
    std::snprintf(buf, sizeof buf, "T%02d", eh);
  }
  Cand c;
  c.te = te;
  c.type = TimeType::kTime;
  c.begin = sv;
  c.end = buf;
  if (day) {
    c.anchor = day->anchor;
    c.anchor_start = day->anchor_start;
    c.unresolved = day->unresolved;
    c.begin = day->value + c.begin;
    c.end = (days ? DayValue(CivilFromDays(DaysOf(day->ymd) + days)) : day->value) + c.end;
  }
  c.value = c.begin + "/" + c.end;
  return c;
}

std::optional<Cand> Scan::DayNumberTimeRange(size_t i) {
  if (!Num(i) || i == 0 || M(i - 1, K::kArticle) != i) return std::nullopt;
  int day = 0;
  size_t d = DayNumber(i, &day);
  if (!d) return std::nullopt;
  Cand c;
  if (dct_.level >= 2 && ValidDate(dct_.day.y, dct_.day.m, day)) {
    c = DayCand(d, {dct_.day.y, dct_.day.m, day}, AnchorKind::kDct);
  } else {
    c.te = d;
    c.value = Xday(0, day);
    c.unresolved = true;
  }
  std::optional<Cand> r = TimeRange(d, false);
  if (!r) r = TimeRange(d, false, true);
  if (!r || r->begin.empty() || r->begin[0] != 'T') return std::nullopt;
  if (r->te < t_.size() && t_[r->te].kind != TimeTokKind::kPunct && !entries_[r->te]) {
    return std::nullopt;  // "le 17 de 14 à 16 ans"
  }
  c.te = r->te;
  c.begin = c.value + r->begin;
  c.end = c.value + r->end;
  c.value = c.begin + "/" + c.end;
  c.type = TimeType::kTime;
  c.abs_day = false;
  c.is_day = false;
  return c;
}

std::optional<Cand> Scan::UnitRef(size_t i) {
  if (i == 0 || M(i - 1, K::kUnitRef) != i) return std::nullopt;
  size_t a = M(i, K::kArticle);
  const TimeLexEntry* e = nullptr;
  size_t u = a ? M(a, K::kUnit, &e) : 0;
  if (!u || e->plural) return std::nullopt;
  // "the day before", "in the week after the vote", "the day of the vote":
  // a unit that something follows is not the DCT's.
  if (u < t_.size() && t_[u].kind != TimeTokKind::kPunct) return std::nullopt;
  const std::string& unit = e->value;
  Cand c;
  c.te = u;
  if (unit == "D") {
    if (anchor_->have) {
      c = DayCand(u, anchor_->day, AnchorKind::kExpr);
      c.anchor_start = anchor_->start;
      return c;
    }
    if (!HasDay()) return std::nullopt;
    return DayCand(u, dct_.day, AnchorKind::kDct);
  }
  if (unit == "W" && HasDay()) {
    c.value = FormatWeek(dct_.days);
  } else if (unit == "M" && dct_.level >= 2) {
    c.value = FormatMonth(dct_.day.y, dct_.day.m);
  } else if (unit == "Y" && dct_.level >= 1) {
    c.value = FormatYear(dct_.day.y);
  } else {
    return std::nullopt;
  }
  MarkDct(&c);
  return c;
}

std::optional<Cand> Scan::Holiday(size_t i) {
  const TimeLexEntry* e = nullptr;
  size_t j = i;
  // "the weekend of halloween": the weekend next to the holiday.
  bool weekend = false;
  {
    size_t a = M(j, K::kArticle) ? M(j, K::kArticle) : j;
    if (size_t w = M(a, K::kUnit, &e); w && e->value == "WE" && !e->plural) {
      size_t f = SkipFillers(w, 1);
      if (f != w && M(f, K::kHoliday)) {
        j = f;
        weekend = true;
      }
    }
  }
  int rel = 0;
  bool has_rel = false;
  if (size_t k = M(i, K::kRel, &e)) {
    rel = e->number;
    has_rel = true;
    j = k;
  }
  size_t h = M(j, K::kHoliday, &e);
  if (!h) return std::nullopt;
  HolidayRule rule;
  if (!ParseHolidayRule(e->value, &rule)) return std::nullopt;  // checked at load
  size_t te = h;
  int year = 0;
  {
    size_t y = Sym(h, ",") ? h + 1 : h;
    if (Num(y) && t_[y].ndigits == 4) {
      year = static_cast<int>(t_[y].number);
      te = y + 1;
    } else if (!has_rel && dct_.level >= 1) {
      // "independence day of this year", "Noël de l'année dernière".
      size_t f = SkipFillers(h, 1);
      if (f != h) {
        const TimeLexEntry* r = nullptr;
        const TimeLexEntry* u = nullptr;
        size_t a = M(f, K::kArticle) ? M(f, K::kArticle) : f;
        if (size_t k = M(a, K::kRel, &r)) {
          if (size_t v = M(k, K::kUnit, &u); v && u->value == "Y" && !u->plural) {
            year = dct_.day.y + r->number;
            te = v;
          }
        } else if (size_t k2 = M(a, K::kUnit, &u); k2 && u->value == "Y" && !u->plural) {
          if (size_t r2 = M(k2, K::kRel, &r)) {
            year = dct_.day.y + r->number;
            te = r2;
          }
        }
      }
    }
  }
  // "labor day weekend", "halloween weekend 2021".
  if (size_t w = M(te, K::kUnit, &e); !weekend && w && e->value == "WE" && !e->plural) {
    weekend = true;
    te = w;
    if (!year && Num(te) && t_[te].ndigits == 4) {
      year = static_cast<int>(t_[te].number);
      ++te;
    }
  }
  // A Monday holiday closes a weekend; any other day belongs to its week's.
  auto finish = [&](Cand c) {
    if (!weekend || !c.abs_day) return c;
    int64_t days = DaysOf(c.ymd);
    if (IsoWeekday(days) == 1) --days;
    c.value = FormatWeek(days, true);
    c.is_day = c.abs_day = false;
    return c;
  };
  Ymd d;
  if (year) {
    if (!HolidayDate(rule, year, &d)) return std::nullopt;
    return finish(DayCand(te, d, AnchorKind::kAbsolute));
  }
  if (!HasDay() && !(has_rel && rel == 0 && dct_.level >= 1)) {
    if (rule.kind != HolidayRule::Kind::kFixed) return std::nullopt;
    Cand c;
    c.te = te;
    c.value = Xday(rule.month, rule.day);
    c.unresolved = true;
    c.is_day = true;
    return c;
  }
  // The occurrences around the DCT: the rel word or nearness picks one.
  int64_t best = 0;
  bool found = false;
  for (int y = dct_.day.y - 1; y <= dct_.day.y + 1; ++y) {
    if (!HolidayDate(rule, y, &d)) continue;
    const int64_t days = DaysOf(d);
    bool ok = true;
    if (has_rel && rel == 0) ok = y == dct_.day.y;
    if (has_rel && rel > 0) ok = days > dct_.days && (!found || days < best);
    if (has_rel && rel < 0) ok = days < dct_.days && (!found || days > best);
    if (!has_rel) ok = !found || std::llabs(days - dct_.days) < std::llabs(best - dct_.days);
    if (ok) {
      best = days;
      found = true;
    }
  }
  if (!found) return std::nullopt;
  Cand c = DayCand(te, CivilFromDays(best), AnchorKind::kDct);
  c.free_year = !has_rel;
  return finish(c);
}

std::optional<Cand> Scan::Century(size_t i) {
  int n = 0;
  size_t k = DayNumber(i, &n);
  const TimeLexEntry* e = nullptr;
  size_t u = k ? M(k, K::kUnit, &e) : 0;
  if (!u || e->value != "CE" || e->plural || n > 30) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", n - 1);
  Cand c;
  c.te = u;
  c.value = buf;
  c.begin = FormatDay({(n - 1) * 100, 1, 1});
  c.end = FormatDay({n * 100 - 1, 12, 31});
  c.anchor = AnchorKind::kAbsolute;
  return c;
}

std::optional<Cand> Scan::OffsetFromDay(size_t u, const std::string& unit, int amount) {
  const TimeLexEntry* e = nullptr;
  size_t k = M(u, K::kOffsetDir, &e);
  if (!k || (unit != "D" && unit != "W" && unit != "M" && unit != "Y")) return std::nullopt;
  const int sign = e->number < 0 ? -1 : 1;
  std::optional<Cand> d = DatePart(k, false);
  if (!d) {
    // "trois jours après le 12 janvier": an article before the day.
    if (size_t a = M(k, K::kArticle)) d = DatePart(a, false);
  }
  if (!d || !d->is_day) return std::nullopt;
  if (!d->abs_day) {
    Cand c = *d;
    c.value.clear();
    c.unresolved = true;
    c.is_day = false;
    return c;
  }
  int64_t days = DaysOf(d->ymd);
  if (unit == "D") {
    days += sign * amount;
  } else if (unit == "W") {
    days += sign * 7 * amount;
  } else {
    Ymd m = AddMonths({d->ymd.y, d->ymd.m, 1}, sign * amount * (unit == "M" ? 1 : 12));
    days = DaysFromCivil(m.y, m.m, std::min(d->ymd.d, DaysInMonth(m.y, m.m)));
  }
  Cand c = DayCand(d->te, CivilFromDays(days), d->anchor);
  c.anchor_start = d->anchor_start;
  return c;
}

std::optional<Cand> Scan::OffsetDay(size_t i) {
  size_t j = i;
  const bool in = M(j, K::kInPre) != 0;
  if (in) j = M(j, K::kInPre);
  double n = 0;
  size_t q = Quantity(j, &n);
  if (!q || std::isnan(n) || n != std::floor(n) || n < 1 || n > 1000) return std::nullopt;
  const TimeLexEntry* e = nullptr;
  size_t u = M(q, K::kUnit, &e);
  if (!u) return std::nullopt;
  const std::string unit = e->value;
  const int amount = static_cast<int>(n);
  if (unit != "D" && unit != "W" && unit != "M" && unit != "Y") return std::nullopt;
  if (!in && !(M(u, K::kLaterPost, &e) && e->value.empty())) {
    std::optional<Cand> c = OffsetFromDay(u, unit, amount);  // "3 weeks after Christmas"
    if (!c || !c->abs_day) return std::nullopt;
    return c;
  }
  if (!HasDay()) return std::nullopt;
  const size_t te = in ? u : M(u, K::kLaterPost);  // "in 3 days", "two weeks from now"
  int64_t days = dct_.days;
  if (unit == "D" || unit == "W") {
    days += amount * (unit == "D" ? 1 : 7);
  } else {
    Ymd m = AddMonths({dct_.day.y, dct_.day.m, 1}, amount * (unit == "M" ? 1 : 12));
    days = DaysFromCivil(m.y, m.m, std::min(dct_.day.d, DaysInMonth(m.y, m.m)));
  }
  return DayCand(te, CivilFromDays(days), AnchorKind::kDct);
}

std::optional<Cand> Scan::WeekdayOfOffset(size_t i) {
  const TimeLexEntry* e = nullptr;
  int wd = 0;
  std::optional<Cand> off;
  size_t te = 0;
  if (size_t k = M(i, K::kWeekday, &e)) {
    wd = e->number;
    off = OffsetDay(Sym(k, ",") ? k + 1 : k);
    if (!off) return std::nullopt;
    te = off->te;
  } else {
    off = OffsetDay(i);
    if (!off) return std::nullopt;
    size_t j = off->te;
    if (size_t f = M(j, K::kFiller)) {
      j = f;
    } else if (Sym(j, ",")) {
      ++j;
    }
    te = M(j, K::kWeekday, &e);
    if (!te) return std::nullopt;
    wd = e->number;
  }
  const int64_t d = DaysOf(off->ymd);
  Cand c = DayCand(te, CivilFromDays(d - (IsoWeekday(d) - 1) + wd - 1), off->anchor);
  c.anchor_start = off->anchor_start;
  return c;
}

std::optional<Cand> Scan::ListedDay(size_t i) {
  int day = 0;
  // "18 and 19 June", "the 3rd and 4th of March".
  const size_t j = M(i, K::kArticle) && OrdinalDay(M(i, K::kArticle)) ? M(i, K::kArticle) : i;
  size_t k = Num(j) ? DayNumber(j, &day) : 0;
  if (!k || (k < t_.size() && Attached(k) && t_[k].kind != TimeTokKind::kPunct))
    return std::nullopt;
  if (Sym(k, ".") && Attached(k)) ++k;  // de "18. und 19. Juni"
  size_t l = M(k, K::kListLink);
  if (!l) return std::nullopt;
  if (size_t a = M(l, K::kArticle)) l = a;  // "le 18 et le 19 juin"
  int d2 = 0;
  if (!Num(l) || !DayNumber(l, &d2) || d2 <= day) return std::nullopt;
  std::optional<Cand> d = DayMonth(l);
  if (!d || !d->is_day || !d->abs_day || !ValidDate(d->ymd.y, d->ymd.m, day)) return std::nullopt;
  Cand c = DayCand(k, {d->ymd.y, d->ymd.m, day}, d->anchor);
  c.free_year = d->free_year;
  return c;
}

std::optional<Cand> Scan::Set(size_t i) {
  const TimeLexEntry* e = nullptr;
  if (size_t k = M(i, K::kSetWord, &e)) {
    Cand c;
    c.te = k;
    c.type = TimeType::kSet;
    c.value = e->value;
    // "everyday 6am": a daily set with a time is that time.
    if (c.value == "P1D") {
      if (std::optional<TimeOfDay> t = Clock(k, false, false); t && t->strong) {
        c.te = t->te;
        c.value = t->value;
      }
    }
    return c;
  }
  // "3pm each day", "6am everyday": a time, then a daily repeat.
  std::optional<TimeOfDay> t;
  if (Num(i) || M(i, K::kClock) || M(i, K::kHalf)) {
    t = Clock(i, false, false);
    // "16 heures chaque lundi": the repeat makes "16 heures" a clock time.
    if (!t || !t->strong) {
      t = Clock(i, true, false);
      if (t && !M(t->te, K::kSetPre)) t.reset();
    }
  }
  if (t && t->strong) {
    size_t k = t->te;
    size_t s = M(k, K::kSetPre);
    size_t end = 0;
    if (s) {
      if (size_t u = M(s, K::kUnit, &e); u && e->value == "D") end = u;
      if (size_t w = M(s, K::kWeekday, &e)) {
        Cand c;
        c.te = w;
        c.type = TimeType::kSet;
        c.value = "XXXX-WXX-" + std::to_string(e->number) + t->value;
        return c;
      }
    } else if (size_t w = M(k, K::kSetWord, &e); w && e->value == "P1D") {
      end = w;
    }
    if (end) {
      Cand c;
      c.te = end;
      c.type = TimeType::kSet;
      c.value = t->value;
      return c;
    }
  }
  if (size_t k = M(i, K::kSetWeekday, &e)) {
    // "thursdays at 17.30", "montags": a plural or adverbial weekday repeats.
    Cand c;
    c.te = k;
    c.type = TimeType::kSet;
    c.value = "XXXX-WXX-" + std::to_string(e->number);
    size_t m = k;
    if (size_t cp = M(m, K::kClockPre)) m = cp;
    if (std::optional<TimeOfDay> t = Clock(m, m != k, false); t && t->strong) {
      c.te = t->te;
      c.value += t->value;
    }
    return c;
  }
  size_t j = M(i, K::kSetPre);
  if (!j) return std::nullopt;
  Cand c;
  c.type = TimeType::kSet;
  // "each Monday at 4pm", "every day at 7:13 pm", "every night": a time
  // given with the repeat is the value of the set.
  auto with_time = [&](size_t k) {
    size_t m = k;
    if (size_t cp = M(m, K::kClockPre)) m = cp;
    if (std::optional<TimeOfDay> t = Clock(m, m != k, false); t && t->strong) {
      c.te = t->te;
      return t->value;
    }
    return std::string();
  };
  if (size_t k = M(j, K::kWeekday, &e)) {
    c.te = k;
    c.value = "XXXX-WXX-" + std::to_string(e->number);
    c.value += with_time(k);
    return c;
  }
  if (size_t k = M(j, K::kPart, &e)) {
    c.te = k;
    c.value = "T" + e->value;
    if (std::string t = with_time(k); !t.empty()) c.value = t;
    return c;
  }
  double n = 1;
  size_t k = Quantity(j, &n);
  if (!k) k = j;
  size_t u = M(k, K::kUnit, &e);
  if (!u) return std::nullopt;
  std::string unit = e->value == "MIN" ? "M" : e->value;
  bool clock = e->value == "H" || e->value == "MIN" || e->value == "S";
  if (e->value == "WE") return std::nullopt;
  c.te = u;
  if (unit == "Q") {
    unit = "M";
    n *= 3;
  }
  c.value = std::string(clock ? "PT" : "P") + NumberText(n) + unit;
  if (unit == "D" && n == 1) {
    if (std::string t = with_time(u); !t.empty()) c.value = t;
  }
  return c;
}

std::optional<Cand> Scan::Simple(size_t i) {
  const TimeLexEntry* e = nullptr;
  if (size_t k = M(i, K::kDeictic, &e)) {
    Cand c;
    c.te = k;
    c.value = e->value;
    if (dct_.level) MarkDct(&c);
    return c;
  }
  if (size_t k = M(i, K::kDurationWord, &e)) {
    Cand c;
    c.te = k;
    c.type = TimeType::kDuration;
    c.value = e->value;
    return c;
  }
  return std::nullopt;
}

std::string Scan::TimeInPart(size_t j, const std::string& part, size_t* te) {
  if (Sym(j, ",")) ++j;
  size_t m = j;
  const TimeLexEntry* e = nullptr;
  if (size_t cp = M(m, K::kClockPre)) {
    m = cp;
  } else if (size_t h = M(m, K::kHedge, &e); h && e->value == "APPROX") {
    m = h;
  }
  if (m == j) return std::string();
  std::optional<TimeOfDay> t = Clock(m, true, false);
  if (!t || t->hour < 0 || t->value.size() < 3) return std::string();
  int hour = t->hour;
  if ((part == "AF" || part == "EV") && hour < 12) hour += 12;
  if (part == "NI" && hour >= 6 && hour < 12) hour += 12;
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d", hour);
  *te = t->te;
  return buf + t->value.substr(3);
}

std::optional<Cand> Scan::DayPart(size_t i) {
  // "tonight": a day and a part of it in one word (day_part "0 NI").
  const TimeLexEntry* e = nullptr;
  size_t k = M(i, K::kDayPart, &e);
  if (!k) return std::nullopt;
  Cand c;
  c.type = TimeType::kTime;
  c.te = k;
  std::string time = "T" + e->value;
  if (std::string t = TimeInPart(k, e->value, &c.te); !t.empty()) time = t;
  if (!HasDay()) {
    c.value = time;
    c.unresolved = true;
    return c;
  }
  // "tonight at 2am": small hours of the night belong to the next day.
  const int next = e->value == "NI" && time.size() >= 3 &&
                   std::isdigit(static_cast<unsigned char>(time[1])) &&
                   std::stoi(time.substr(1, 2)) < 6;
  c.value = DayValue(CivilFromDays(dct_.days + e->number + next)) + time;
  MarkDct(&c);
  return c;
}

std::optional<Cand> Scan::WeekdayPart(size_t i) {
  // "Donnerstagabend", "Montagmorgen": a weekday glued to a part of day.
  const TimeLexEntry* e = nullptr;
  size_t k = M(i, K::kWeekdayPart, &e);
  if (!k) return std::nullopt;
  const std::string part = e->value;
  Cand c = ResolveWeekday(i, k, e->number, 0);
  c.type = TimeType::kTime;
  c.abs_day = false;
  c.is_day = false;
  std::string time = "T" + part;
  if (std::string t = TimeInPart(k, part, &c.te); !t.empty()) time = t;
  c.value += time;
  return c;
}

std::optional<Cand> Scan::PartEve(size_t i) {
  // ru "в ночь на четверг": the part of day (night) of the day before the named one.
  const TimeLexEntry* e = nullptr;
  size_t k = M(i, K::kPartEve, &e);
  if (!k) return std::nullopt;
  std::optional<Cand> d = DatePart(k, true);
  if (!d || !d->is_day) return std::nullopt;
  Cand c = *d;
  c.type = TimeType::kTime;
  c.is_day = false;
  c.abs_day = false;
  if (!d->abs_day) {
    c.value.clear();
    c.unresolved = true;
    return c;
  }
  c.value = DayValue(CivilFromDays(DaysOf(d->ymd) - 1)) + "T" + e->value;
  return c;
}

std::optional<Cand> Scan::WeekOf(size_t i) {
  // "the week of April 10th", "w/c feb 4": the week named by a day; the value
  // is that day (the week is anchored there, whatever day it falls on).
  size_t k = M(i, K::kWeekOf);
  if (!k) return std::nullopt;
  std::optional<Cand> d = DatePart(k, false);
  if (!d || !d->is_day) return std::nullopt;
  return d;
}

std::optional<Cand> Scan::OrdinalWeek(size_t i) {
  // "the first week of 2015", "the last week of july", "3rd week of jan 2015":
  // weeks counted as ISO weeks, the n-th being the one holding day 4+7(n-1)
  // of the period (for a year: ISO week n), the last the one holding its
  // last day but three.
  size_t j = i;
  if (size_t a = M(j, K::kArticle)) j = a;
  int n = 0;
  const TimeLexEntry* e = nullptr;
  size_t o = 0;
  if (size_t r = M(j, K::kRel, &e); r && e->number < 0) {
    o = r;
    n = -1;
  } else {
    o = DayNumber(j, &n);
    if (!o || n > 5 || (Num(j) && o == j + 1)) return std::nullopt;
  }
  size_t u = M(o, K::kUnit, &e);
  if (!u || e->value != "W") return std::nullopt;
  size_t p = SkipFillers(u, 2);
  if (p == u) return std::nullopt;  // "last week": the relative week
  int year = 0, month = 0;
  Cand c;
  if (size_t ye = YearNumber(p, &year)) {
    c.te = ye;
    c.anchor = AnchorKind::kAbsolute;
  } else {
    std::optional<Cand> d = DatePart(p, true);
    if (!d || d->is_day || d->value.empty() ||
        !std::isdigit(static_cast<unsigned char>(d->value[0]))) {
      return std::nullopt;
    }
    const std::string& v = d->value;
    if (v.size() == 4) {
      year = std::stoi(v);
    } else if (v.size() == 7 && v[4] == '-' && std::isdigit(static_cast<unsigned char>(v[5]))) {
      year = std::stoi(v.substr(0, 4));
      month = std::stoi(v.substr(5));
    } else {
      return std::nullopt;
    }
    c.te = d->te;
    c.anchor = d->anchor;
  }
  int64_t day;
  if (n > 0) {
    day = DaysFromCivil(year, month ? month : 1, 4 + 7 * (n - 1));
  } else {
    const int m = month ? month : 12;
    day = DaysFromCivil(year, m, DaysInMonth(year, m) - 3);
  }
  c.value = FormatWeek(day);
  return c;
}

size_t Scan::PeriodAfterOf(size_t p, Ymd* first, Ymd* last, Cand* src) {
  std::optional<Cand> d = DatePart(p, true);
  if (!d) d = UnitRef(p);  // "of the month"
  if (!d && M(p, K::kArticle)) {
    // "the first 3 months of the year were hard": the DCT's year or month.
    const TimeLexEntry* e = nullptr;
    size_t u = M(M(p, K::kArticle), K::kUnit, &e);
    if (u && !e->plural && e->value == "Y" && dct_.level >= 1) {
      d = Cand();
      d->te = u;
      d->value = FormatYear(dct_.day.y);
      MarkDct(&*d);
    } else if (u && !e->plural && e->value == "M" && dct_.level >= 2) {
      d = Cand();
      d->te = u;
      d->value = FormatMonth(dct_.day.y, dct_.day.m);
      MarkDct(&*d);
    }
  }
  if (!d || d->is_day || d->value.size() < 4 ||
      !std::isdigit(static_cast<unsigned char>(d->value[0]))) {
    return 0;
  }
  const std::string& v = d->value;
  const int y = std::stoi(v.substr(0, 4));
  if (v.size() == 4) {
    *first = {y, 1, 1};
    *last = {y, 12, 31};
  } else if (v.size() == 7 && v[4] == '-' && std::isdigit(static_cast<unsigned char>(v[5]))) {
    const int m = std::stoi(v.substr(5));
    *first = {y, m, 1};
    *last = {y, m, DaysInMonth(y, m)};
  } else {
    return 0;
  }
  *src = *d;
  return d->te;
}

std::optional<Cand> Scan::OrdinalUnitOf(size_t i) {
  size_t j = i;
  if (size_t a = M(j, K::kArticle)) j = a;
  if (!OrdinalDay(j)) return std::nullopt;
  int n = 0;
  size_t o = DayNumber(j, &n);
  const TimeLexEntry* e = nullptr;
  size_t u = o ? M(o, K::kUnit, &e) : 0;
  if (!u || e->plural || (e->value != "D" && e->value != "M")) return std::nullopt;
  const bool day = e->value == "D";
  size_t p = SkipFillers(u, 1);
  if (p == u) return std::nullopt;
  Ymd first, last;
  Cand src;
  size_t te = PeriodAfterOf(p, &first, &last, &src);
  if (!te) return std::nullopt;
  if (day) {
    if (first.m != last.m || !ValidDate(first.y, first.m, n)) return std::nullopt;
    return DayCand(te, {first.y, first.m, n}, src.anchor);
  }
  if (first.m != 1 || last.m != 12 || n > 12) return std::nullopt;
  Cand c;
  c.te = te;
  c.value = FormatMonth(first.y, n);
  c.anchor = src.anchor;
  return c;
}

std::optional<Cand> Scan::SliceOf(size_t i) {
  size_t j = i;
  if (size_t a = M(j, K::kArticle)) j = a;
  const TimeLexEntry* e = nullptr;
  bool from_end = false;
  if (size_t r = M(j, K::kRel, &e); r && e->number < 0) {
    from_end = true;
    j = r;
  } else if (size_t o = M(j, K::kOrdinal, &e); o && e->number == 1) {
    j = o;
  } else {
    return std::nullopt;
  }
  double n = 0;
  size_t q = Quantity(j, &n);
  if (!q || std::isnan(n) || n != std::floor(n) || n < 1 || n > 100) return std::nullopt;
  size_t u = M(q, K::kUnit, &e);
  if (!u || (e->value != "D" && e->value != "W" && e->value != "M")) return std::nullopt;
  const std::string unit = e->value;
  size_t p = SkipFillers(u, 1);
  if (p == u) return std::nullopt;
  Ymd first, last;
  Cand src;
  size_t te = PeriodAfterOf(p, &first, &last, &src);
  if (!te) return std::nullopt;
  const bool year = first.m == 1 && last.m == 12;
  const int amount = static_cast<int>(n);
  int64_t b = 0, end = 0;
  if (unit == "D") {
    b = from_end ? DaysOf(last) - amount + 1 : DaysOf(first);
    end = from_end ? DaysOf(last) : DaysOf(first) + amount - 1;
  } else if (unit == "M") {
    if (!year || amount > 12) return std::nullopt;
    Ymd s = from_end ? AddMonths(first, 12 - amount) : first;
    Ymd l = from_end ? last : AddMonths(first, amount - 1);
    b = DaysOf(s);
    end = DaysOf({l.y, l.m, DaysInMonth(l.y, l.m)});
  } else {
    if (!year || amount > 53) return std::nullopt;
    // ISO weeks: week 1 holds January 4th, the last week December 28th.
    const int64_t jan4 = DaysFromCivil(first.y, 1, 4), dec28 = DaysFromCivil(first.y, 12, 28);
    const int64_t w1 = jan4 - (IsoWeekday(jan4) - 1), wl = dec28 - (IsoWeekday(dec28) - 1);
    b = from_end ? wl - 7 * (amount - 1) : w1;
    end = from_end ? wl + 6 : w1 + 7 * amount - 1;
  }
  if (b > end) return std::nullopt;
  Cand c;
  c.te = te;
  c.begin = DayValue(CivilFromDays(b));
  c.end = DayValue(CivilFromDays(end));
  c.value = c.begin + "/" + c.end;
  c.anchor = src.anchor;
  return c;
}

std::optional<Cand> Scan::Core(size_t i, bool licensed) {
  std::optional<Cand> best;
  auto consider = [&](std::optional<Cand> c) {
    if (c && (!best || c->te > best->te)) best = std::move(c);
  };
  consider(Simple(i));
  consider(ListedDay(i));  // before TimeOnly: "at 18 and 19 June"
  consider(Range(i));
  consider(TimeOnly(i));  // before QuantUnit: "à 16 heures", "16h" are times
  consider(QuantUnit(i));
  consider(Set(i));
  consider(DateWithTime(i, licensed));
  consider(TimeThenDate(i));
  consider(PartRange(i));
  consider(PartTimeRange(i));
  consider(MonthSpan(i));
  consider(TimeRangeOnDay(i));
  consider(RelQuantUnit(i));
  consider(PartOfDay(i, licensed));
  consider(DayPart(i));
  consider(WeekdayPart(i));
  consider(PartEve(i));
  consider(WeekOf(i));
  consider(OrdinalWeek(i));
  consider(OrdinalUnitOf(i));
  consider(SliceOf(i));
  consider(WeekdayOfOffset(i));
  consider(StartPlusDuration(i));
  consider(Century(i));
  consider(DayNumberTimeRange(i));
  consider(UnitRef(i));
  return best;
}

std::optional<Cand> Scan::Hedged(size_t i) {
  const TimeLexEntry* e = nullptr;
  size_t k = M(i, K::kHedge, &e);
  if (!k) return std::nullopt;
  // "How about 2019 q1", "what about Jan/3": inside a hedge_cancel phrase
  // the hedge word is a preposition, no approximation.
  for (size_t p = i > 3 ? i - 3 : 0; p < i; ++p) {
    if (M(p, K::kHedgeCancel) > i) return std::nullopt;
  }
  const std::string mod = e->value;
  size_t j = SkipFillers(k, 3);
  std::optional<Cand> c = Core(j, true);
  if (!c && j != k) c = Core(k, true);
  if (!c && M(j, K::kHedge) && M(j, K::kHedge) != k) {
    // "d'ici la fin du mois", "by the end of the year": a hedge on a hedged
    // period keeps the inner one (END) as the mod.
    c = Hedged(j);
  }
  if (!c) return std::nullopt;
  // "more than", "less than" bound amounts; "over the next 3 days" is no amount.
  if ((mod == "MORE_THAN" || mod == "LESS_THAN") && c->type != TimeType::kDuration) {
    return std::nullopt;
  }
  // "après des jours de violences": before/after order points in time, not
  // amounts; the amount alone is the expression.
  if ((mod == "AFTER" || mod == "BEFORE") && c->type == TimeType::kDuration) {
    return std::nullopt;
  }
  if (c->mod.empty()) c->mod = mod;
  return c;
}

std::optional<Cand> Scan::Best(size_t i, bool licensed) {
  std::optional<Cand> a = Hedged(i);
  std::optional<Cand> b = Core(i, licensed);
  std::optional<Cand> c = (a && (!b || a->te >= b->te)) ? std::move(a) : std::move(b);
  // "2018 or later", "3 pm or later", "1/1/2016 and after": a hedge after a date or time.
  const TimeLexEntry* e = nullptr;
  if (c && (c->type == TimeType::kDate || c->type == TimeType::kTime) && c->begin.empty()) {
    size_t k = M(c->te, K::kHedgePost, &e);
    // "before 2010 or after 2018": a hedge of the next expression, not of this one.
    if (k && (Num(k) || (k < t_.size() && entries_[k] && Core(k, true)))) k = 0;
    if (k) {
      c->te = k;
      if (c->mod.empty()) c->mod = e->value;
    }
  }
  // "9 am PST", "1pm mountain timezone": a time zone after a clock time
  // belongs to it (the value stays the local time).
  if (c && c->type == TimeType::kTime && c->value.find('T') != std::string::npos) {
    if (size_t z = M(c->te, K::kTimeZone, &e); z && e->value != "outside") c->te = z;
  }
  return c;
}

// Kinds that can only begin an expression when something temporal follows
// them ("de", "la", "vers", "il y a"): the scan skips them cheaply otherwise.
constexpr uint64_t Bit(TimeLexKind k) { return 1ull << static_cast<int>(k); }
constexpr uint64_t kLeadKinds =
    Bit(TimeLexKind::kFiller) | Bit(TimeLexKind::kArticle) | Bit(TimeLexKind::kRangeFrom) |
    Bit(TimeLexKind::kRangeTo) | Bit(TimeLexKind::kClockPre) | Bit(TimeLexKind::kHedge) |
    Bit(TimeLexKind::kInPre) | Bit(TimeLexKind::kAgoPre) | Bit(TimeLexKind::kDurationPre) |
    Bit(TimeLexKind::kSetPre) | Bit(TimeLexKind::kRel) | Bit(TimeLexKind::kQuant) |
    Bit(TimeLexKind::kOrdinalSuffix) | Bit(TimeLexKind::kHourWord) | Bit(TimeLexKind::kMinuteWord) |
    Bit(TimeLexKind::kAmPm) | Bit(TimeLexKind::kYearSuffix) | Bit(TimeLexKind::kDecadeSuffix) |
    Bit(TimeLexKind::kRangeLink) | Bit(TimeLexKind::kDecadePre) | Bit(TimeLexKind::kAgoPost) |
    Bit(TimeLexKind::kLaterPost) | Bit(TimeLexKind::kOffsetDir) | Bit(TimeLexKind::kHedgePost) |
    Bit(TimeLexKind::kWeekOf) | Bit(TimeLexKind::kMinusWord) | Bit(TimeLexKind::kPartEve) |
    Bit(TimeLexKind::kHalfUnit) | Bit(TimeLexKind::kDurationLink) | Bit(TimeLexKind::kForPre) |
    Bit(TimeLexKind::kUnitRef) | Bit(TimeLexKind::kHedgeCancel) | Bit(TimeLexKind::kTimeZone) |
    Bit(TimeLexKind::kApproxSuffix) | Bit(TimeLexKind::kListLink) | Bit(TimeLexKind::kRelPost);

bool Scan::MayStart(size_t i) const {
  const TimeToken& tok = t_[i];
  if (tok.kind == TimeTokKind::kNumber) return true;
  if (tok.kind == TimeTokKind::kPunct) return false;
  if (!entries_[i]) return number_word_[i];
  if (kinds_[i] & ~kLeadKinds) return true;
  // A lead word: worth trying when, after its longest phrase, comes a number
  // or another lexicon word.
  size_t end = i + 1;
  for (const TimeLexEntry& e : *entries_[i]) {
    if (e.tokens.size() <= 1 || i + e.tokens.size() > t_.size()) continue;
    bool ok = true;
    for (size_t k = 1; k < e.tokens.size() && ok; ++k) ok = t_[i + k].folded == e.tokens[k];
    if (ok) {
      end = i + e.tokens.size();
      break;
    }
  }
  if (end >= t_.size()) return false;
  return t_[end].kind == TimeTokKind::kNumber || entries_[end] != nullptr ||
         (t_[end].kind == TimeTokKind::kWord && NumWord(end));
}

void Scan::Run(std::vector<TimeExpr>* out) {
  for (size_t i = 0; i < t_.size();) {
    const TimeToken& tok = t_[i];
    if (!MayStart(i)) {
      ++i;
      continue;
    }
    // Mid-word: letters glued to a previous letter run do not start a match.
    cur_start_ = i;
    std::optional<Cand> c = Best(i, false);
    if (!c || c->te <= i) {
      ++i;
      continue;
    }
    // Trim trailing fillers and punctuation from the span.
    size_t te = c->te;
    // A closing parenthesis stays when the span opened it: "friday (jun-15)".
    auto opened = [&](size_t end) {
      for (size_t k = i; k < end; ++k) {
        if (Sym(k, "(")) return true;
      }
      return false;
    };
    while (te > i + 1 && t_[te - 1].kind == TimeTokKind::kPunct && t_[te - 1].folded != "." &&
           !(t_[te - 1].folded == ")" && opened(te - 1))) {
      --te;
    }
    while (te > i + 1 && M(te - 1, K::kFiller) == te) --te;
    TimeExpr x;
    x.start = tok.start;
    x.end = t_[te - 1].end;
    // A dot right after an abbreviation belongs to it; a sentence dot does not.
    if (t_[te - 1].folded == "." && te - 1 > i && t_[te - 2].kind == TimeTokKind::kNumber) {
      x.end = t_[te - 2].end;
    }
    x.text = std::string(text_.substr(x.start, x.end - x.start));
    x.start += base_;
    x.end += base_;
    x.type = c->type;
    x.value = c->value;
    x.mod = c->mod;
    x.range_begin = c->begin;
    x.range_end = c->end;
    x.anchor = c->anchor;
    x.anchor_start = c->anchor_start;
    x.unresolved = c->unresolved;
    if (c->abs_day && c->type == TimeType::kDate &&
        (c->anchor == AnchorKind::kAbsolute || c->anchor == AnchorKind::kDct)) {
      anchor_->have = true;
      anchor_->day = c->ymd;
      anchor_->start = x.start;
    }
    out->push_back(std::move(x));
    i = c->te;
  }
}

}  // namespace

Result<std::unique_ptr<TimeTagger>> TimeTagger::Create(const Options& options) {
  std::unique_ptr<TimeTagger> tagger(new TimeTagger());
  const std::string dir = DataDir(options);
  for (const std::string& lang : DataLanguages(options)) {
    Result<std::unique_ptr<TimeLexicon>> lex = TimeLexicon::Load(dir, lang);
    if (!lex.ok()) {
      if (lex.status().code() == Code::kNotFound) continue;  // no time data for this language
      return lex.status();
    }
    tagger->lexicons_.emplace(lang, std::move(lex).value());
  }
  return tagger;
}

bool TimeTagger::HasLanguage(std::string_view lang) const {
  return lexicons_.find(lang) != lexicons_.end();
}

std::vector<TimeExpr> TimeTagger::Tag(std::string_view text, std::string_view lang,
                                      const std::optional<PublishedDate>& dct) const {
  std::vector<TimeExpr> out;
  auto it = lexicons_.find(lang);
  if (it == lexicons_.end()) return out;
  std::vector<TimeToken> toks = TokenizeForTime(text);
  TextAnchor anchor;
  Scan scan(text, toks, *it->second, MakeDct(dct), 0, &anchor);
  scan.Run(&out);
  return out;
}

std::vector<TimeExpr> TimeTagger::TagDocument(const Document& doc) const {
  if (doc.paragraphs.empty()) return Tag(doc.text, doc.lang, doc.published);
  std::vector<TimeExpr> out;
  const Dct dct = MakeDct(doc.published);
  // One anchor for the whole document: "la veille" at the start of a
  // paragraph counts from the last date of the paragraphs before it.
  TextAnchor anchor;
  for (const Paragraph& p : doc.paragraphs) {
    std::string_view lang = HasLanguage(p.lang) ? std::string_view(p.lang) : doc.lang;
    auto it = lexicons_.find(lang);
    if (it == lexicons_.end()) continue;
    std::string_view s = std::string_view(doc.text).substr(p.start, p.end - p.start);
    std::vector<TimeToken> toks = TokenizeForTime(s);
    Scan scan(s, toks, *it->second, dct, static_cast<uint32_t>(p.start), &anchor);
    scan.Run(&out);
  }
  return out;
}

}  // namespace sitrep
