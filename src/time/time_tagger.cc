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
  bool abs_day = false;    // value is a resolved YYYY-MM-DD
  bool free_year = false;  // the year was chosen from the DCT, the text names none
  bool offset = false;     // "2 weeks after today": a day moved from `from`
  Ymd from;
  Ymd ymd;
};

// The parts of a duration, largest unit first: "1 hour and 30 minutes" is
// {(H, 1), (MIN, 30)}; an amount is NaN when unknown ("a few").
struct DurationParts {
  std::vector<std::pair<int, double>> parts;  // (DurationRank, amount)
};

struct TimeOfDay {
  size_t te = 0;
  std::string value;    // "T14:30", "TEV"
  bool strong = false;  // ":", an hour word, am/pm, a part of day or a clock word
  int hour = -1;        // the hour when the value is T<hour>...
  bool half = false;    // am/pm or a part of day chose the half of the day
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
  bool Is(size_t i, K k) const {
    return i < t_.size() && (kinds_[i] & (1ull << static_cast<int>(k))) != 0;
  }
  // "the fall of Rome", "The fall in prices": a homonym after an article (the
  // token before i) is the noun unless a preposition precedes the article
  // ("in the fall") or nothing but punctuation follows it (k: after it).
  bool HomonymNoun(size_t i, size_t k) const {
    if (i >= 2 && (M(i - 2, K::kFiller) == i - 1 || M(i - 2, K::kInPre) == i - 1)) return false;
    return k < t_.size() && t_[k].kind != TimeTokKind::kPunct;
  }
  // The length (1 or 2 tokens) of an article phrase ending just before i
  // ("the", fr "l '"), or 0.
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
  std::optional<Cand> Core(size_t i, bool licensed);
  std::optional<Cand> Hedged(size_t i);
  std::optional<Cand> DatePart(size_t i, bool licensed);
  std::optional<Cand> DateWithTime(size_t i, bool licensed);
  std::optional<Cand> TimeThenDate(size_t i);
  std::optional<Cand> TimeOnly(size_t i);
  std::optional<Cand> NumericDate(size_t i);
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
  std::optional<Cand> PartOfDay(size_t i, bool licensed);
  std::optional<TimeOfDay> PastHour(size_t i);
  std::optional<Cand> Simple(size_t i);
  std::optional<Cand> DayPart(size_t i);
  std::optional<Cand> WeekdayPart(size_t i);
  std::optional<Cand> PartEve(size_t i);
  std::optional<Cand> WeekOf(size_t i);
  std::optional<Cand> OrdinalWeek(size_t i);
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
  size_t YearNumber(size_t i, int* year);

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

// "2019-H2": a half year with its first and last day.
Cand HalfYearCand(size_t te, int year, int h) {
  Cand c;
  c.te = te;
  c.value = FormatYear(year) + "-H" + std::to_string(h);
  c.begin = FormatDay({year, h == 1 ? 1 : 7, 1});
  c.end = FormatDay({year, h == 1 ? 6 : 12, h == 1 ? 30 : 31});
  c.anchor = AnchorKind::kAbsolute;
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
  // "two and a half hours": the number stops before the half.
  bool half = false;
  for (size_t p = i + 1; p <= run && p < t_.size(); ++p) {
    // (Before an hour word it is a clock time: fr "sept et demie heures".)
    if (size_t h = M(p, K::kHalfUnit); h && M(h, K::kUnit) && !M(h, K::kHourWord)) {
      run = p;
      half = true;
      break;
    }
  }
  const size_t rel_end = M(run, K::kRel);  // "trois dernières années"
  if (!(half || M(run, K::kUnit) || M(run, K::kHourWord) || M(run, K::kMonth) ||
        M(run, K::kTimesWord) || M(run, K::kAgoPost) || M(run, K::kMinuteWord) ||
        (rel_end && M(rel_end, K::kUnit)))) {
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
    *n = e->value == "X" ? std::nan("") : std::strtod(e->value.c_str(), nullptr);  // "half a" 0.5
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
    // The dot of an abbreviation ("2019 г."), not a sentence's ("2019 года.").
    size_t letters = 0;
    for (char ch : t_[k - 1].folded) letters += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    j = k;
    if (Sym(j, ".") && Attached(j) && letters == 1) ++j;
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
    target = dct_.days - (back ? back : 7) - 7 * (-rel - 1);  // "Friday before last": -2
  } else if (rel > 0) {
    target = dct_.days + (fwd ? fwd : 7) + 7 * (rel - 1);  // "Friday after next": 2
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
        !(i + 3 < t_.size() && t_[i + 3].kind == TimeTokKind::kWord &&
          (!entries_[i + 3] || Is(i + 3, K::kTimesWord)))) {  // "3 2 2010 fois": counts
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
      if (Sym(k - 1, ".")) break;  // "sept." before a separator: not this shape
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
  if (!mend) return std::nullopt;
  int month = e->number;
  int year = 0;
  size_t te = mend;
  size_t y0 = mend;
  if (Sym(y0, ",")) ++y0;
  if (size_t f = M(y0, K::kFiller)) {
    if (Num(f)) y0 = f;
  }
  if (size_t ye = YearNumber(y0, &year)) te = ye;
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
  if (!k) return std::nullopt;
  const int month = e->number;
  const bool weak = e->weak;
  size_t n0 = k;
  if (Sym(n0, "-") || Sym(n0, "/")) ++n0;
  int day = 0;
  if (!has_rel) {
    if (size_t d = DayNumber(n0, &day); d && !(Num(d) && Attached(d))) {
      size_t y0 = d;
      if (Sym(y0, ",")) ++y0;
      if (size_t f = M(y0, K::kFiller); f && Num(f)) y0 = f;
      int year = 0;
      size_t ye = YearNumber(y0, &year);
      if (ye && ValidDate(year, month, day)) return ResolveDayMonth(ye, month, day, year);
      if (ValidDate(2000, month, day) && !(Num(y0) && t_[y0].ndigits == 4)) {
        return ResolveDayMonth(d, month, day, 0);
      }
    }
    size_t y0 = k;
    if (Sym(y0, ",") || Sym(y0, "-") || Sym(y0, "/")) ++y0;
    if (size_t f = M(y0, K::kFiller); f && Num(f)) y0 = f;
    int year = 0;
    if (size_t ye = YearNumber(y0, &year)) {
      Cand c;
      c.te = ye;
      c.value = FormatMonth(year, month);
      c.anchor = AnchorKind::kAbsolute;
      return c;
    }
  }
  if (weak) return std::nullopt;
  if (M(j, K::kHomonym) && !Capitalized(j)) {
    // en "may", "march": also a verb or a noun. Bare and in lower case, such a
    // month needs a preposition before it ("in may", "from march to may"); a
    // rel word, an article or "and" is not enough ("this may take longer",
    // "the march", "and may differ").
    if (has_rel) return std::nullopt;
    if (!licensed) {
      if (i == 0) return std::nullopt;
      size_t p = i - 1;
      bool ok = (M(p, K::kFiller) == i && !M(p, K::kArticle)) || M(p, K::kInPre) == i ||
                M(p, K::kRangeFrom) == i || M(p, K::kRangeLink) == i || M(p, K::kClockPre) == i;
      if (!ok) return std::nullopt;
    }
  }
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
    }
  }
  return ResolveWeekday(i, k, wd, rel);
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
    // en "the next quarter": "next quarter"; but "the week after next" (a
    // rel of two after the unit) keeps it.
    const TimeLexEntry* r = nullptr;
    size_t u = M(k, K::kUnit);
    if (ArticleOutside(j) && !(u && M(u, K::kRel, &r) && std::abs(r->number) >= 2)) {
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
    } else if (size_t d = M(k, K::kDeictic, &e); d && e->value == "PRESENT_REF" && !plural &&
                                                 unit != "D" && unit != "H" && unit != "MIN" &&
                                                 unit != "S") {
      has_rel = true;  // "year to date", "the quarter so far": the DCT's period
      k = d;
    }
  }
  if (unit == "FN") {
    // "this fortnight": the two weeks from the DCT's Monday; "the past
    // fortnight", "next fortnight": the two weeks before or after those.
    if (!has_rel || plural || !HasDay()) return std::nullopt;
    Cand c;
    c.te = k;
    const int64_t monday = dct_.days - (IsoWeekday(dct_.days) - 1);
    const int64_t first = monday + 14 * rel;
    c.begin = DayValue(CivilFromDays(first));
    c.end = DayValue(CivilFromDays(first + 13));
    c.value = c.begin + "/" + c.end;
    MarkDct(&c);
    return c;
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
  if (!k || year < 1800 || year > 2199) return std::nullopt;
  // "in 2150": a year past 2100 needs a preposition before it.
  if (year > 2100 && !(i > 0 && (M(i - 1, K::kFiller) == i || M(i - 1, K::kInPre) == i ||
                                 M(i - 1, K::kRangeTo) == i || M(i - 1, K::kHedge) == i))) {
    return std::nullopt;
  }
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
  int rel = 0;
  if (size_t k = M(j, K::kRel, &e)) {
    rel = e->number;
    has_rel = true;
    j = k;
  }
  size_t k = M(j, K::kSeason, &e);
  if (!k) return std::nullopt;
  if (size_t r = M(k, K::kRel); r && !has_rel && ArticleBefore(i)) {
    // fr "l'été prochain", "l'hiver dernier".
    const TimeLexEntry* re = nullptr;
    M(k, K::kRel, &re);
    rel = re->number;
    has_rel = true;
    k = r;
  }
  Cand c;
  c.te = k;
  int year = 0;
  size_t y0 = SkipFillers(k, 1);  // "summer of 2016"
  if (!has_rel && y0 > k && !YearNumber(y0, &year)) y0 = k;
  if (rel != 0) {
    // "next spring", "last summer": the first season of that name after (before)
    // the DCT's month; a winter belongs to the year of its December.
    if (dct_.level < 2) return std::nullopt;
    static constexpr struct {
      const char* code;
      int first;
    } kStarts[] = {{"SP", 3}, {"SU", 6}, {"FA", 9}, {"WI", 12}};
    int first = 0;
    for (const auto& s : kStarts) {
      if (e->value == s.code) first = s.first;
    }
    if (!first) return std::nullopt;
    int y = dct_.day.y, m = dct_.day.m;
    if (e->value == "WI" && m <= 2) {  // January, February: in the winter of last December
      --y;
      m += 12;
    }
    if (rel > 0) {
      y += m >= first ? 1 : 0;
    } else {
      y -= m <= first + 2 ? 1 : 0;
    }
    c.value = FormatYear(y) + "-" + e->value;
    MarkDct(&c);
    return c;
  }
  if (size_t ye = YearNumber(y0, &year)) {
    c.te = ye;
    c.value = FormatYear(year) + "-" + e->value;
    c.anchor = AnchorKind::kAbsolute;
  } else if (has_rel && dct_.level >= 1) {
    c.value = FormatYear(dct_.day.y) + "-" + e->value;
    MarkDct(&c);
  } else if (has_rel || (i > 0 && (M(i - 1, K::kFiller) == i || ArticleBefore(i)) &&
                         !(M(j, K::kHomonym) && ArticleBefore(i) &&
                           HomonymNoun(i - ArticleBefore(i) + 1, k)))) {
    c.value = e->value;  // "l'été", "en hiver"; "a été" is a verb
  } else if (!M(j, K::kHomonym) &&
             (k >= t_.size() || t_[k].kind == TimeTokKind::kPunct || entries_[k] || Num(k))) {
    // "Winter, and ...", "the whole summer.": a season that is no other word
    // may stand alone, but not before a noun it qualifies ("winter storm").
    c.value = e->value;
  } else {
    return std::nullopt;
  }
  return c;
}

std::optional<Cand> Scan::DatePart(size_t i, bool licensed) {
  std::optional<Cand> best;
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
    return best;
  }
  consider(DayMonth(i));
  consider(MonthNameNumeric(i));
  consider(MonthFirst(i, licensed));
  if (i < t_.size() && NumWord(i)) consider(Year(i));
  consider(Weekday(i));
  if (best && M(i, K::kWeekday) == best->te) {
    // "Tuesday, January 4, 2022", "samedi 23/06/18": the date decides.
    size_t j = best->te;
    if (Sym(j, ",")) ++j;
    if (size_t a = M(j, K::kArticle)) j = a;
    std::optional<Cand> d = Num(j) ? NumericDate(j) : MonthFirst(j, false);
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
    if (t_[i].ndigits > 2 || t_[i].number > 24) return std::nullopt;
    hour = static_cast<int>(t_[i].number);
    j = i + 1;
    if (Sym(j, ".") && Attached(j) && Num(j + 1) && Attached(j + 1) && t_[j + 1].ndigits == 2 &&
        t_[j + 1].number < 60 && (M(j + 2, K::kAmPm) || (clock_ctx && DotTimeEnds(j + 2)))) {
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
      if (!attached && !clock_ctx) return std::nullopt;  // "3 heures": a duration
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
    } else if (!clock_ctx && !M(j, K::kAmPm)) {
      return std::nullopt;
    }
  } else if (clock_ctx || NumWord(i)) {
    int64_t v = 0;
    if (entries_[i] && !M(i, K::kQuant) && !OnlyWeakName(i)) return std::nullopt;
    size_t k = SpelledNumber(i, &v);
    if (!k || v > 24) {
      const TimeLexEntry* q = nullptr;
      k = M(i, K::kQuant, &q);
      if (!k || q->value == "X" || q->number <= 0) return std::nullopt;  // not "half an"
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
  if (size_t a = M(j, K::kAmPm, &e)) {
    if (hour < 1 || hour > 12) return std::nullopt;
    hour = hour % 12 + e->number;
    j = a;
    strong = true;
    half = true;
  } else {
    size_t f = SkipFillers(j, 2);
    if (size_t p = M(f, K::kPart, &e)) {
      if ((e->value == "AF" || e->value == "EV") && hour < 12) hour += 12;
      if (e->value == "NI" && hour >= 7 && hour < 12) hour += 12;
      j = p;
      strong = true;
      half = true;
    }
  }
  if (!strong && !clock_ctx) return std::nullopt;
  // "at 6.45 dollars", "à 3,5": a bare hour is not the start of a decimal.
  if (!strong && minute < 0 && (Sym(j, ".") || Sym(j, ",")) && Attached(j) && Num(j + 1) &&
      Attached(j + 1)) {
    return std::nullopt;
  }
  // "à 18 ans", "at 5 %": a bare number followed by another word is no time.
  if (!strong && (M(j, K::kUnit) ||
                  (j < t_.size() && t_[j].kind == TimeTokKind::kPunct && t_[j].folded == "%"))) {
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
  return TimeOfDay{j, buf, strong, hour, half};
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

std::optional<Cand> Scan::BareDayOfMonth(size_t i) {
  // "the 18th", "the eleventh": an article and an ordinal day name a day of
  // the DCT's month. Plain numbers ("le 18") are too often something else.
  size_t j = M(i, K::kArticle);
  if (!j) return std::nullopt;
  int day = 0;
  size_t d = DayNumber(j, &day);
  if (!d || (Num(j) && d == j + 1)) return std::nullopt;
  if (M(d, K::kUnit) || M(d, K::kMonth) || M(d, K::kFiller)) return std::nullopt;
  // "the first comprehensive toll", "le premier ministre", "the first two":
  // an ordinal before a word it qualifies is no day.
  if (d < t_.size() && t_[d].kind == TimeTokKind::kWord &&
      (!entries_[d] || M(d, K::kQuant) || M(d, K::kOrdinal) || M(d, K::kHalf))) {
    return std::nullopt;
  }
  if (dct_.level >= 2 && ValidDate(dct_.day.y, dct_.day.m, day)) {
    Cand c = DayCand(d, {dct_.day.y, dct_.day.m, day}, AnchorKind::kDct);
    return c;
  }
  Cand c;
  c.te = d;
  c.value = Xday(0, day);
  c.unresolved = true;
  c.is_day = true;
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
  size_t m = k;
  if (Sym(m, ",")) ++m;
  if (size_t cp = M(m, K::kClockPre)) {
    std::optional<TimeOfDay> t = Clock(cp, true, false);
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
  if (size_t a = M(h, K::kAmPm, &e)) {
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
  std::optional<TimeOfDay> t = Clock(j, ctx, true);
  if (!t) return d;
  d->te = t->te;
  d->value += t->value;
  d->type = TimeType::kTime;
  d->abs_day = false;
  if (d->mod.empty()) d->mod = mod;
  return d;
}

std::optional<Cand> Scan::TimeThenDate(size_t i) {
  bool ctx = i > 0 && M(i - 1, K::kClockPre) == i;
  std::optional<TimeOfDay> t = Clock(i, ctx, false);
  if (!t) {
    t = Clock(i, true, false);  // "dix heures mercredi": the date makes it a time
    if (!t || !t->strong) return std::nullopt;
  }
  size_t j = t->te;
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
      if (HasDay()) {
        c.value = DayValue(CivilFromDays(dct_.days + rel)) + "T" + e->value;
        MarkDct(&c);
      } else {
        c.value = "T" + e->value;
        c.unresolved = true;
      }
      return c;
    }
  }
  bool ctx = i > 0 && M(i - 1, K::kClockPre) == i;
  std::optional<TimeOfDay> t = Clock(i, ctx, false);
  if (!t) return std::nullopt;
  Cand c;
  c.te = t->te;
  c.type = TimeType::kTime;
  c.value = t->value;
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
  if (from) {
    std::optional<Cand> w = WordBound(j, true);
    if (w && (!x || w->te > x->te)) x = std::move(w);
  }
  int bare_day = 0;
  if (!x || x->te <= j) {
    if (!from) return std::nullopt;
    size_t k = DayNumber(j, &bare_day);
    if (!k) return std::nullopt;
    x = Cand();
    x->te = k;
    x->bare_day = true;
  }
  size_t k = M(x->te, from ? K::kRangeTo : K::kRangeLink);
  std::optional<Cand> y;
  if (k) {
    y = from ? DateWithTime(k, false) : DatePart(k, false);
    if (!y && from) y = TimeOnly(k);
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
  if (!y && k && !from && x->abs_day && Num(x->te - 1) &&
      t_[x->te].kind == TimeTokKind::kPunct) {
    int d2 = 0;
    size_t e = DayNumber(k, &d2);
    if (e && d2 > x->ymd.d && ValidDate(x->ymd.y, x->ymd.m, d2) && !Num(e) &&
        !(Sym(e, ",") && Num(e + 1)) && !M(e, K::kMonth) && !M(e, K::kUnit) &&
        !M(e, K::kAmPm) && !M(e, K::kHourWord) &&
        !(e < t_.size() && t_[e].kind == TimeTokKind::kPunct && t_[e].folded == "%")) {
      const bool free = x->free_year;
      y = DayCand(e, {x->ymd.y, x->ymd.m, d2}, x->anchor);
      y->free_year = free;
    }
  }
  if (!y) return std::nullopt;
  // Two clock times: the time grammar knows which half of the day each is in.
  if (from && x->type == TimeType::kTime && y->type == TimeType::kTime && x->value[0] == 'T' &&
      y->value[0] == 'T') {
    if (std::optional<Cand> r = TimeRange(i, true); r && r->te == y->te) return r;
  }
  // Bounds without a year move by a year to come in order: "between now and
  // november 15th" (next November), "from nov to march".
  if (x->abs_day && y->abs_day && x->value > y->value && y->free_year && !x->free_year &&
      ValidDate(y->ymd.y + 1, y->ymd.m, y->ymd.d)) {
    *y = DayCand(y->te, {y->ymd.y + 1, y->ymd.m, y->ymd.d}, y->anchor);
  }
  // "between jan 2019 and now", "from 2007 to the end of 2008": resolved dates
  // of different precisions join when the first comes first.
  const bool mixed = from && x->type == TimeType::kDate && y->type == TimeType::kDate &&
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
  if (!from && (!Num(k) && !M(k, K::kMonth))) return std::nullopt;
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
  if (!x->bare_day && (x->type != y->type || x->is_day != y->is_day ||
                       (!x->is_day && x->value.size() != y->value.size()))) {
    return std::nullopt;
  }
  if (!from && (x->value.size() != y->value.size() || x->value[0] == 'X' || x->value >= y->value)) {
    return std::nullopt;  // "2 - 1", "4-23": scores and counts, not periods
  }
  Cand c = *y;
  c.te = y->te;
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
  if (!h || (e->value != "START" && e->value != "END")) return std::nullopt;
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
  if (!NumWord(j) || !OnlyWeakName(j)) return std::nullopt;
  size_t e = 0;
  int64_t hour = SpelledRun(j, 1, &e);
  if (hour < 1 || hour > 12) return std::nullopt;
  int minute = -1;
  if (NumWord(e) && OnlyWeakName(e)) {
    size_t e2 = 0;
    int64_t m = SpelledRun(e, 2, &e2);
    if (m >= 10 && m <= 59) {
      minute = static_cast<int>(m);
      e = e2;
    }
  }
  bool strong = false, half = false;
  const TimeLexEntry* p = nullptr;
  if (size_t a = M(e, K::kAmPm, &p)) {
    hour = hour % 12 + p->number;
    e = a;
    strong = true;
    half = true;
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
  return TimeOfDay{e, buf, strong, static_cast<int>(hour), half};
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
  if (!y || (!weak_ok && (!(x->strong || y->strong) || (!from && !y->strong)))) {
    return std::nullopt;
  }
  // "5 to 6pm"; "from 7:00 to 8:00pm", "2:20 to 3pm": a start without am/pm
  // takes the end's afternoon when it then still comes first.
  if ((!x->strong || (!x->half && y->half)) && x->hour >= 1 && x->hour < 12 && y->hour >= 12 &&
      x->hour + 12 <= y->hour) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d", x->hour + 12);
    x->value = buf + x->value.substr(3);
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
  if (!r) return std::nullopt;
  size_t j = r->te;
  if (Sym(j, ",")) ++j;
  j = SkipFillers(j, 2);
  if (size_t k = M(j, K::kClockPre)) j = k;
  std::optional<Cand> d = DatePart(j, false);
  if (!d || !d->is_day) {
    if (weak) return std::nullopt;
    return r;
  }
  if (weak && d->te != j + 1 && !M(j, K::kDayRel)) return std::nullopt;  // one day word
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
  const bool vague = q && std::isnan(n);  // "the past few days"
  if (!q || (!vague && (n != std::floor(n) || n < 1 || n > 1000))) return std::nullopt;
  // "would last another week": a word amount of one after a rel word is no count.
  if (!vague && n < 2 && !Num(j) && !NumWord(j)) return std::nullopt;
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
  std::string unit = e->value;
  if (unit != "D" && unit != "BD" && unit != "W" && unit != "M" && unit != "Y" && unit != "DE") {
    return std::nullopt;
  }
  Cand c;
  c.te = u;
  if (vague) {
    // "the past few days", "in the next few weeks": a vague past or future,
    // as "ces derniers jours", "in the coming days".
    c.value = rel < 0 ? "PAST_REF" : "FUTURE_REF";
    if (dct_.level) MarkDct(&c);
    return c;
  }
  if (!HasDay()) {
    c.unresolved = true;
    return c;
  }
  int amount = static_cast<int>(n);
  if (unit == "DE") {  // "the past two decades": twenty years
    unit = "Y";
    amount *= 10;
  }
  int64_t first, last;  // days, inclusive
  if (unit == "BD") {
    // "the next 4 business days": Mondays to Fridays only.
    auto business = [](int64_t d) { return IsoWeekday(d) <= 5; };
    int left = amount;
    if (rel > 0) {
      first = last = dct_.days;
      while (left > 0) left -= business(++last);
      while (!business(++first)) {
      }
    } else {
      first = last = dct_.days;
      while (left > 0) left -= business(--first);
      while (!business(--last)) {
      }
    }
    c.begin = DayValue(CivilFromDays(first));
    c.end = DayValue(CivilFromDays(last));
    c.value = c.begin + "/" + c.end;
    MarkDct(&c);
    return c;
  }
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
  // "the first time in a decade", "its highest level in 20 years": after a
  // past_cue word the amount is a span of the past, a duration without "in".
  if (dir > 0 && i > 0 && t_[i - 1].kind == TimeTokKind::kWord &&
      lex_.IsPastCue(t_[i - 1].folded)) {
    return std::nullopt;
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
  // "a 3-day visit", "30-minutes": a hyphen glued between amount and unit.
  if (Sym(k, "-") && Attached(k) && Attached(k + 1) && M(k + 1, K::kUnit)) ++k;
  size_t u = M(k, K::kUnit, &e);
  if (!u) return std::nullopt;
  std::string unit = e->value;
  // "a 29-year-old", "81 years old", de "47 Jahre alt": an age, not a duration.
  if (M((Sym(u, "-") && Attached(u)) ? u + 1 : u, K::kAgeWord)) return std::nullopt;
  // "a second round", "a second wave of": a unit that is also an ordinal,
  // before a word it qualifies, is the ordinal.
  if (M(k, K::kOrdinal) && !Num(j) && !NumWord(j) && u < t_.size() &&
      t_[u].kind == TimeTokKind::kWord && (!entries_[u] || M(u, K::kUnit))) {  // "a second day"
    return std::nullopt;
  }
  // "all days", "another weeks": a word amount of one counts a singular unit.
  if (e->plural && n == 1 && !Num(j) && !NumWord(j)) return std::nullopt;
  if (unit == "WE" && dir != 0) return std::nullopt;      // "three weekends" is a duration only
  if (Num(u) && t_[u].ndigits == 4) return std::nullopt;  // "des années 1990"
  if (Num(j) && t_[j].ndigits == 4 && M(k, K::kYearSuffix)) return std::nullopt;  // "в 2019 году"
  if (!pre && unit != "WE" && !std::isnan(n) && n == std::floor(n) && n <= 1000) {
    // "two days after today", "3 days from tuesday", "2 weeks before may 13 1999":
    // a whole amount of calendar units from a day the text names. "in two days
    // from today": the offset without "in".
    if (std::optional<Cand> d = OffsetFromDay(u, unit, static_cast<int>(n))) {
      if (dir != 0) return std::nullopt;
      return d;
    }
  }
  const size_t unit_end = u;
  bool anaphoric = false;  // "two days later": from the last date of the text
  if (dir == 0) {
    // (Not before a longer hedge: es "dos años antes de la guerra" counts from the war.)
    if (size_t a = M(u, K::kAgoPost, &e);
        a && !(M(u, K::kHedge) == a && M(a, K::kRel)) && M(u, K::kHedge) <= a) {
      dir = -1;
      anaphoric = e->value == "ref";  // "two years earlier": before the last date of the text
      u = a;
    } else if (size_t l = M(u, K::kLaterPost, &e); l && !(M(u, K::kHedge) == l && M(l, K::kRel))) {
      // ("30 minutes later this week": "later" hedges the week, the amount stays a duration.)
      dir = 1;
      anaphoric = e->value == "ref";
      u = l;
    }
  }
  double mult = 1;
  if (unit == "DE") {
    unit = "Y";
    mult = 10;
  } else if (unit == "FN") {  // a fortnight: two weeks
    unit = "W";
    mult = 2;
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
  if (dir != 0 && !pre && unit == "WE") return std::nullopt;
  if (dir != 0 && !pre && n != std::floor(n)) {
    // "half a year ago": whole months; "in half an hour": a clock time, not
    // resolved at day precision.
    if ((unit == "Y" || unit == "DE" || unit == "CE") &&
        n * mult * 12 == std::floor(n * mult * 12)) {
      n = n * mult * 12;
      mult = 1;
      unit = "M";
    } else if (unit == "H" || unit == "MIN" || unit == "S") {
      c.unresolved = true;
      return c;
    } else {
      return std::nullopt;
    }
  }
  if (dir != 0 && !pre) {
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
  c.offset = true;
  c.from = d->ymd;
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
    } else if (size_t sw = M(SkipFillers(k, 1), K::kSetWeekday, &e)) {
      // "9am on Sundays", "9am Sundays": a time, then a repeating weekday.
      Cand c;
      c.te = sw;
      c.type = TimeType::kSet;
      c.value = "XXXX-WXX-" + std::to_string(e->number) + t->value;
      return c;
    }
    if (end) {
      Cand c;
      c.te = end;
      c.type = TimeType::kSet;
      c.value = t->value;
      return c;
    }
  }
  // "three times a week", "twice a year" (a times_word after the amount or
  // holding it), fr "trois fois par semaine": a repeat of the period.
  bool times_near = false;  // a times word with a unit right after it
  for (size_t t = i; t < i + 5 && t < t_.size() && !times_near; ++t) {
    times_near = Is(t, K::kTimesWord) && (Ahead(t + 1, 3, K::kUnit));
  }
  if (times_near) {
    double n = 0;
    size_t q = Quantity(i, &n);
    size_t t = q ? M(q, K::kTimesWord) : M(i, K::kTimesWord);
    if (t && (q || M(i, K::kTimesWord))) {
      size_t a = M(t, K::kQuant, &e);
      if (!a || e->value != "1") a = M(t, K::kSetPre);
      if (!a) a = M(t, K::kTimesWord);  // "per", fr "par"
      if (size_t u = a ? M(SkipFillers(a, 1), K::kUnit, &e) : 0; u && !e->plural) {
        const bool clock = e->value == "H" || e->value == "MIN" || e->value == "S";
        Cand c;
        c.te = u;
        c.type = TimeType::kSet;
        c.value = std::string(clock ? "PT1" : "P1") + (e->value == "MIN" ? "M" : e->value);
        if (e->value == "Q") c.value = "P3M";
        if (e->value == "FN") c.value = "P2W";
        return c;
      }
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
  size_t j = M(i, K::kSetPre, &e);
  if (!j) return std::nullopt;
  // "every other week" P2W: a set_pre value multiplies the period.
  const int every = e->value.empty() ? 1 : std::atoi(e->value.c_str());
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
  // "each 4/15", "every May 9": a day of the year that repeats.
  if (std::optional<Cand> d = DatePart(j, false);
      d && d->is_day && d->abs_day && d->free_year && d->value.size() == 10) {
    c.te = d->te;
    c.value = "XXXX" + d->value.substr(4);
    return c;
  }
  if (size_t k = M(j, K::kPart, &e)) {
    c.te = k;
    c.value = "T" + e->value;
    if (std::string t = with_time(k); !t.empty()) {
      c.value = t;
    } else if (size_t te = 0; !(t = TimeInPart(k, e->value, &te)).empty()) {
      c.value = t;  // "every night at 9": the part says which 9 (T21)
      c.te = te;
    }
    return c;
  }
  double n = 1;
  size_t k = Quantity(j, &n);
  if (!k) k = j;
  size_t u = M(k, K::kUnit, &e);
  if (!u) return std::nullopt;
  std::string unit = e->value == "MIN" ? "M" : e->value;
  bool clock = e->value == "H" || e->value == "MIN" || e->value == "S";
  n *= every;
  c.te = u;
  if (unit == "Q") {
    unit = "M";
    n *= 3;
  } else if (unit == "FN") {
    unit = "W";
    n *= 2;
  }
  c.value = std::string(clock ? "PT" : "P") + NumberText(n) + unit;
  if (unit == "D" && n == 1 && every == 1) {
    if (std::string t = with_time(u); !t.empty()) c.value = t;
  }
  return c;
}

std::optional<Cand> Scan::Simple(size_t i) {
  const TimeLexEntry* e = nullptr;
  if (size_t k = M(i, K::kDeictic, &e)) {
    // "in the past week", "in the past 3 years": the deictic's last word
    // belongs to a period ("past week"), not a vague past.
    double n = 0;
    size_t q = Quantity(k, &n);
    if (M(k, K::kUnit) || (q && M(q, K::kUnit))) return std::nullopt;
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

std::optional<Cand> Scan::LengthFromDay(size_t i) {
  size_t j = i;
  const size_t for_end = M(i, K::kForPre);
  if (for_end) j = for_end;
  double n = 0;
  size_t k = Quantity(j, &n);
  if (!k || std::isnan(n) || n != std::floor(n) || n < 1 || n > 1000) return std::nullopt;
  const TimeLexEntry* e = nullptr;
  size_t u = M(k, K::kUnit, &e);
  if (!u) return std::nullopt;
  const std::string unit = e->value;
  if (unit != "D" && unit != "W" && unit != "M" && unit != "Y") return std::nullopt;
  size_t s = u;
  if (Sym(s, ",")) ++s;
  size_t d0 = M(s, K::kStartPre);
  if (d0) {
    if (for_end) return std::nullopt;  // "for a week starting tomorrow": from "a week"
  } else if (for_end) {
    d0 = M(s, K::kRangeFrom);
  }
  if (!d0) return std::nullopt;
  std::optional<Cand> day = DatePart(d0, false);
  if (!day) {
    if (size_t a = M(d0, K::kArticle)) day = DatePart(a, false);
  }
  if (!day || !day->is_day || !day->abs_day) return std::nullopt;
  std::string time;
  size_t te = day->te;
  if (std::optional<Cand> dt = DateWithTime(d0, false);
      dt && dt->te > te && dt->type == TimeType::kTime && dt->begin.empty() &&
      dt->value.size() > 10 && dt->value[10] == 'T') {
    time = dt->value.substr(10);  // "this Friday at 5 pm"
    te = dt->te;
  }
  const int amount = static_cast<int>(n);
  int64_t last = 0;
  if (unit == "D" || unit == "W") {
    last = DaysOf(day->ymd) + amount * (unit == "W" ? 7 : 1);
  } else {
    Ymd m = AddMonths({day->ymd.y, day->ymd.m, 1}, amount * (unit == "Y" ? 12 : 1));
    last = DaysFromCivil(m.y, m.m, std::min(day->ymd.d, DaysInMonth(m.y, m.m)));
  }
  if (time.empty()) --last;  // whole days: the day before the same day N units on
  Cand c;
  c.te = te;
  c.begin = DayValue(day->ymd) + time;
  c.end = DayValue(CivilFromDays(last)) + time;
  c.value = c.begin + "/" + c.end;
  if (!time.empty()) c.type = TimeType::kTime;
  c.anchor = day->anchor;
  c.anchor_start = day->anchor_start;
  return c;
}

std::optional<Cand> Scan::WithinRange(size_t i) {
  const TimeLexEntry* e = nullptr;
  size_t j = M(i, K::kInPre, &e);
  if (!j || e->value != "range") return std::nullopt;
  if (size_t a = M(j, K::kArticle)) j = a;
  if (size_t r = M(j, K::kRel, &e); r && e->number > 0) j = r;  // "within (the) next 10 months"
  double n = 0;
  size_t k = Quantity(j, &n);
  if (!k || std::isnan(n) || n != std::floor(n) || n < 1 || n > 1000) return std::nullopt;
  size_t u = M(k, K::kUnit, &e);
  if (!u) return std::nullopt;
  const std::string unit = e->value;
  if (unit != "D" && unit != "W" && unit != "M" && unit != "Y") return std::nullopt;
  Cand c;
  c.te = u;
  if (!HasDay()) {
    c.unresolved = true;
    return c;
  }
  const int amount = static_cast<int>(n);
  int64_t last = 0;
  if (unit == "D" || unit == "W") {
    last = dct_.days + amount * (unit == "W" ? 7 : 1);
  } else {
    Ymd m = AddMonths({dct_.day.y, dct_.day.m, 1}, amount * (unit == "Y" ? 12 : 1));
    last = DaysFromCivil(m.y, m.m, std::min(dct_.day.d, DaysInMonth(m.y, m.m)));
  }
  c.begin = DayValue(dct_.day);
  c.end = DayValue(CivilFromDays(last - 1));
  c.value = c.begin + "/" + c.end;
  MarkDct(&c);
  return c;
}

std::optional<Cand> Scan::Meal(size_t i, bool licensed) {
  size_t j = i;
  if (size_t cp = M(i, K::kClockPre)) {
    j = cp;  // "at lunch" keeps "at"
  } else if (!licensed && (i == 0 || !(M(i - 1, K::kHedge) == i || M(i - 1, K::kClockPre) == i ||
                                       M(i - 1, K::kForPre) == i))) {
    return std::nullopt;
  }
  if (size_t a = M(j, K::kArticle)) j = a;  // fr "après le déjeuner"
  const TimeLexEntry* e = nullptr;
  size_t k = M(j, K::kMeal, &e);
  if (!k) return std::nullopt;
  Cand c;
  c.te = k;
  c.type = TimeType::kTime;
  c.value = "T" + e->value;
  return c;
}

std::optional<Cand> Scan::SamePeriod(size_t i) {
  size_t j = i;
  if (size_t a = M(j, K::kArticle)) {
    if (ArticleOutside(j)) return std::nullopt;  // en "the same week": "same week"
    j = a;
  }
  size_t k = M(j, K::kSame);
  if (!k) return std::nullopt;
  const TimeLexEntry* e = nullptr;
  size_t u = M(k, K::kUnit, &e);
  if (!u || e->plural || (Sym(u, "-") && Attached(u))) return std::nullopt;  // "that year-end"
  const std::string unit = e->value;
  Cand c;
  c.te = u;
  if (!anchor_->have) {
    c.unresolved = true;
    static constexpr struct {
      const char* unit;
      const char* value;
    } kOpen[] = {{"D", "XXXX-XX-XX"},
                 {"W", "XXXX-WXX"},
                 {"WE", "XXXX-WXX-WE"},
                 {"M", "XXXX-XX"},
                 {"Y", "XXXX"}};
    for (const auto& o : kOpen) {
      if (unit == o.unit) c.value = o.value;
    }
    if (c.value.empty()) return std::nullopt;
    return c;
  }
  const Ymd& d = anchor_->day;
  if (unit == "D") {
    c = DayCand(u, d, AnchorKind::kExpr);
  } else if (unit == "W" || unit == "WE") {
    c.value = FormatWeek(DaysOf(d), unit == "WE");
  } else if (unit == "M") {
    c.value = FormatMonth(d.y, d.m);
  } else if (unit == "Y") {
    c.value = FormatYear(d.y);
  } else {
    return std::nullopt;
  }
  c.anchor = AnchorKind::kExpr;
  c.anchor_start = anchor_->start;
  return c;
}

std::optional<Cand> Scan::RestOf(size_t i) {
  size_t k = M(i, K::kRestOf);
  if (!k) return std::nullopt;
  size_t j = SkipFillers(k, 2);
  const TimeLexEntry* e = nullptr;
  if (size_t r = M(j, K::kRel, &e)) {
    if (e->number != 0) return std::nullopt;  // "the rest of next week": not from the DCT
    j = r;
  }
  size_t u = M(j, K::kUnit, &e);
  if (!u || e->plural) return std::nullopt;
  const std::string unit = e->value;
  Cand c;
  c.te = u;
  if (unit != "W" && unit != "M" && unit != "Q" && unit != "Y") return std::nullopt;
  if (!HasDay()) {
    c.unresolved = true;
    return c;
  }
  Ymd last = dct_.day;
  if (unit == "W") {
    last = CivilFromDays(dct_.days + 7 - IsoWeekday(dct_.days));
  } else if (unit == "M") {
    last.d = DaysInMonth(last.y, last.m);
  } else if (unit == "Q") {
    last.m = ((last.m - 1) / 3 + 1) * 3;
    last.d = DaysInMonth(last.y, last.m);
  } else {
    last = {last.y, 12, 31};
  }
  c.begin = DayValue(dct_.day);
  c.end = DayValue(last);
  c.value = c.begin + "/" + c.end;
  MarkDct(&c);
  return c;
}

std::optional<Cand> Scan::PossessivePeriod(size_t i) {
  int year = 0;
  size_t k = YearNumber(i, &year);
  bool from_dct = false;
  if (!k) {
    std::optional<Cand> ry = RelUnit(i, false);
    if (!ry || ry->value.size() != 4 || !std::isdigit(static_cast<unsigned char>(ry->value[0]))) {
      return std::nullopt;
    }
    year = std::stoi(ry->value);
    k = ry->te;
    from_dct = true;
  }
  if (!Sym(k, "'") || k + 1 >= t_.size() || t_[k + 1].folded != "s" || !Attached(k + 1)) {
    return std::nullopt;
  }
  size_t j = k + 2;
  const TimeLexEntry* e = nullptr;
  std::optional<Cand> c;
  if (size_t h = M(j, K::kHalfYear, &e)) {
    c = HalfYearCand(h, year, e->number);
  } else {
    int n = 0;
    size_t o = DayNumber(j, &n);
    size_t u = o ? M(o, K::kUnit, &e) : 0;
    if (!u || e->value != "Q" || n < 1 || n > 4 || Num(j)) return std::nullopt;
    c = QuarterCand(u, year, n);
    c->anchor = AnchorKind::kAbsolute;
  }
  if (from_dct) MarkDct(&*c);
  return c;
}

std::optional<Cand> Scan::OrdinalDayOf(size_t i) {
  size_t j = i;
  if (size_t a = M(j, K::kArticle)) j = a;
  int day = 0;
  size_t o = DayNumber(j, &day);
  if (!o || (Num(j) && o == j + 1)) return std::nullopt;  // an ordinal: "15th", "twenty third"
  const TimeLexEntry* e = nullptr;
  size_t u = M(o, K::kUnit, &e);
  if (!u || e->value != "D" || e->plural) return std::nullopt;
  size_t f = M(u, K::kFiller);
  if (!f) return std::nullopt;
  std::optional<Cand> m = DatePart(SkipFillers(u, 2), true);
  if (!m || m->value.size() != 7 || m->value[4] != '-' || !m->begin.empty()) return std::nullopt;
  int y = 0, mo = 0;
  if (std::sscanf(m->value.c_str(), "%d-%d", &y, &mo) != 2 || !ValidDate(y, mo, day)) {
    return std::nullopt;
  }
  Cand c = DayCand(m->te, {y, mo, day}, m->anchor);
  c.anchor_start = m->anchor_start;
  return c;
}

std::optional<Cand> Scan::UnitEnd(size_t i) {
  const TimeLexEntry* e = nullptr;
  size_t k = M(i, K::kUnitEnd, &e);
  if (!k) return std::nullopt;
  const std::string& unit = e->value;
  const int need = unit == "Y" ? 1 : (unit == "M" || unit == "Q") ? 2 : 3;
  Cand c;
  c.te = k;
  c.mod = "END";
  if (dct_.level < need) {
    c.unresolved = true;
    return c;
  }
  if (unit == "D") {
    c = DayCand(k, dct_.day, AnchorKind::kDct);
    c.mod = "END";
    return c;
  }
  if (unit == "W") {
    c.value = FormatWeek(dct_.days);
  } else if (unit == "M") {
    c.value = FormatMonth(dct_.day.y, dct_.day.m);
  } else if (unit == "Q") {
    c = QuarterCand(k, dct_.day.y, (dct_.day.m - 1) / 3 + 1);
    c.mod = "END";
  } else {
    c.value = FormatYear(dct_.day.y);
  }
  MarkDct(&c);
  return c;
}

std::optional<Cand> Scan::PeriodPart(size_t i) {
  size_t j = i;
  if (size_t a = M(j, K::kArticle)) j = a;
  const TimeLexEntry* e = nullptr;
  int side = 0;  // +1 the first N, -1 the last N
  auto side_word = [&](size_t at) -> size_t {
    if (size_t k = M(at, K::kInitial)) {
      side = 1;
      return k;
    }
    if (size_t k = M(at, K::kRel, &e); k && e->number == -1) {
      side = -1;
      return k;
    }
    return 0;
  };
  if (size_t k = side_word(j)) j = k;
  double n = 0;
  size_t q = Quantity(j, &n);
  if (!q || std::isnan(n) || n != std::floor(n) || n < 1 || n > 366) return std::nullopt;
  j = q;
  if (!side) {
    j = side_word(j);  // fr "les trois premiers mois"
    if (!j) return std::nullopt;
  }
  size_t u = M(j, K::kUnit, &e);
  if (!u || !M(u, K::kFiller)) return std::nullopt;
  const std::string unit = e->value;
  if (unit != "D" && unit != "W" && unit != "M") return std::nullopt;
  size_t y0 = SkipFillers(u, 2);
  int year = 0, month = 0;
  size_t te = 0;
  AnchorKind anchor = AnchorKind::kAbsolute;
  if (size_t ye = YearNumber(y0, &year)) {
    te = ye;
  } else {
    std::optional<Cand> p = DatePart(y0, true);
    if (!p || !p->begin.empty() || p->value.empty() || p->value[0] == 'X') return std::nullopt;
    if (p->value.size() == 4 || p->value.size() == 7) {
      std::sscanf(p->value.c_str(), "%d-%d", &year, &month);
    }
    if (!year) return std::nullopt;
    te = p->te;
    anchor = p->anchor;
  }
  const int64_t cs = DaysFromCivil(year, month ? month : 1, 1);
  const int64_t ce =
      month ? DaysFromCivil(year, month, DaysInMonth(year, month)) : DaysFromCivil(year, 12, 31);
  const int amount = static_cast<int>(n);
  int64_t first = 0, last = 0;
  if (unit == "D") {
    if (amount > ce - cs + 1) return std::nullopt;
    first = side > 0 ? cs : ce - amount + 1;
    last = first + amount - 1;
  } else if (unit == "W") {
    // The ISO week holding the period's 4th day, or its last day but three.
    const int64_t anchor_day = side > 0 ? cs + 3 : ce - 3;
    const int64_t monday = anchor_day - (IsoWeekday(anchor_day) - 1);
    first = side > 0 ? monday : monday - 7 * (amount - 1);
    last = first + 7 * amount - 1;
  } else {
    if (month || amount > 12) return std::nullopt;
    const int m0 = side > 0 ? 1 : 13 - amount;
    first = DaysFromCivil(year, m0, 1);
    const int m1 = m0 + amount - 1;
    last = DaysFromCivil(year, m1, DaysInMonth(year, m1));
  }
  Cand c;
  c.te = te;
  c.begin = DayValue(CivilFromDays(first));
  c.end = DayValue(CivilFromDays(last));
  c.value = c.begin + "/" + c.end;
  c.anchor = anchor;
  return c;
}

std::optional<Cand> Scan::HalfYear(size_t i) {
  const TimeLexEntry* e = nullptr;
  int year = 0;
  if (size_t ye = YearNumber(i, &year)) {
    // "2019 H2", "2019-H2".
    size_t j = ye;
    if (Sym(j, "-") && Attached(j)) ++j;
    size_t k = M(j, K::kHalfYear, &e);
    if (!k) return std::nullopt;
    return HalfYearCand(k, year, e->number);
  }
  size_t j = i;
  if (size_t a = M(j, K::kArticle)) j = a;
  size_t k = M(j, K::kHalfYear, &e);
  if (!k) return std::nullopt;
  const int h = e->number;
  size_t y0 = k;
  if (Sym(y0, "-") || Sym(y0, ",")) ++y0;
  y0 = SkipFillers(y0, 2);
  if (size_t ye = YearNumber(y0, &year)) return HalfYearCand(ye, year, h);
  // "the second half of the year", "of next year": the DCT's year moved.
  std::optional<Cand> ry = RelUnit(y0, true);
  if (!ry || ry->value.size() != 4 || !std::isdigit(static_cast<unsigned char>(ry->value[0]))) {
    return std::nullopt;
  }
  Cand c = HalfYearCand(ry->te, std::stoi(ry->value), h);
  MarkDct(&c);
  return c;
}

std::optional<Cand> Scan::YearType(size_t i) {
  size_t j = i;
  const TimeLexEntry* e = nullptr;
  int rel = 0;
  bool has_rel = LeadingRel(&j, &rel);
  size_t k = M(j, K::kYearType, &e);
  if (!k) return std::nullopt;
  const std::string prefix = e->value == "CY" ? "" : e->value;
  Cand c;
  c.te = k;
  int year = 0;
  if (!has_rel) {
    if (size_t ye = YearNumber(k, &year)) {
      c.te = ye;  // "fiscal year 2008", "FY 2019", "FY2019"
    } else if (Num(k) && Attached(k) && t_[k].ndigits == 2 && !Attached(k + 1)) {
      year = 2000 + static_cast<int>(t_[k].number);  // "FY19", "sy18"
      c.te = k + 1;
    } else if (size_t r = M(k, K::kRel, &e)) {
      // fr "l'année scolaire prochaine", es "el año fiscal pasado".
      has_rel = true;
      rel = e->number;
      c.te = r;
    }
  }
  if (year) {
    c.value = prefix + FormatYear(year);
    c.anchor = AnchorKind::kAbsolute;
    return c;
  }
  if (!has_rel) return std::nullopt;  // a bare "fiscal year": which one is unknown
  if (dct_.level < 1) {
    c.value = prefix + "XXXX";
    c.unresolved = true;
    return c;
  }
  c.value = prefix + FormatYear(dct_.day.y + rel);
  MarkDct(&c);
  return c;
}

std::optional<Cand> Scan::Core(size_t i, bool licensed) {
  std::optional<Cand> best;
  auto consider = [&](std::optional<Cand> c) {
    if (c && (!best || c->te > best->te)) best = std::move(c);
  };
  consider(Simple(i));
  consider(Range(i));
  // "à 16 heures", "16h" are times (TimeOnly first); after "for", "3h" is a
  // duration (QuantUnit first); "within 9 months" is a range.
  const bool after_for = i > 0 && M(i - 1, K::kForPre) == i;
  if (after_for) consider(QuantUnit(i));
  consider(TimeOnly(i));
  if (Is(i, K::kInPre)) consider(WithinRange(i));
  if (!after_for) consider(QuantUnit(i));
  consider(Set(i));
  consider(DateWithTime(i, licensed));
  consider(TimeThenDate(i));
  consider(PartRange(i));
  consider(TimeRangeOnDay(i));
  consider(RelQuantUnit(i));
  consider(PartOfDay(i, licensed));
  consider(DayPart(i));
  consider(WeekdayPart(i));
  consider(PartEve(i));
  consider(WeekOf(i));
  consider(OrdinalWeek(i));
  consider(StartPlusDuration(i));
  consider(Century(i));
  // The patterns below start with a number or a word of these kinds only.
  const bool num = Num(i) || NumWord(i);
  if (num || Is(i, K::kArticle) || Is(i, K::kHalfYear)) consider(HalfYear(i));
  if (Is(i, K::kUnitEnd)) consider(UnitEnd(i));
  if ((num || Is(i, K::kArticle) || Is(i, K::kInitial) || Is(i, K::kRel)) &&
      Ahead(i, 6, K::kUnit)) {
    consider(PeriodPart(i));
  }
  if (num || Is(i, K::kArticle) || Is(i, K::kOrdinal)) consider(OrdinalDayOf(i));
  if ((num || Is(i, K::kRel)) && ApostropheAhead(i)) consider(PossessivePeriod(i));
  if (Is(i, K::kRestOf)) consider(RestOf(i));
  if (Is(i, K::kArticle) || Is(i, K::kSame)) consider(SamePeriod(i));
  if (Is(i, K::kClockPre) || Is(i, K::kMeal) || (licensed && Is(i, K::kArticle))) {
    consider(Meal(i, licensed));
  }
  if ((num || Is(i, K::kForPre) || Is(i, K::kQuant)) &&
      (Ahead(i, 8, K::kStartPre) || Ahead(i, 8, K::kRangeFrom))) {
    consider(LengthFromDay(i));
  }
  if (Is(i, K::kRel) || Is(i, K::kYearType)) consider(YearType(i));
  consider(DayNumberTimeRange(i));
  consider(UnitRef(i));
  return best;
}

std::optional<Cand> Scan::Hedged(size_t i) {
  const TimeLexEntry* e = nullptr;
  size_t k = M(i, K::kHedge, &e);
  if (!k) return std::nullopt;
  const std::string mod = e->value;
  size_t j = SkipFillers(k, 3);
  // "day after day", "sales by year": a bare unit takes a hedge on a part of
  // it only ("end of year", "mid-week"), not before/after/about.
  auto core = [&](size_t at) {
    std::optional<Cand> x = Core(at, true);
    if (x && at == k && M(at, K::kUnit) == x->te && mod != "START" && mod != "MID" &&
        mod != "END") {  // ("by the weekend" has its article: a period)
      x.reset();
    }
    return x;
  };
  std::optional<Cand> c = core(j);
  if (!c && j != k) c = core(k);
  if (!c && M(j, K::kHedge) && M(j, K::kHedge) != k) {
    // "d'ici la fin du mois", "by the end of the year": a hedge on a hedged
    // period keeps the inner one (END) as the mod.
    c = Hedged(j);
  }
  if (!c || c->type == TimeType::kSet) return std::nullopt;  // "early every day": the set alone
  // "more than", "less than" bound amounts; "over the next 3 days" is no amount.
  // "more than 2 weeks before today" hedges the amount of an offset: the day
  // it names; "less than 3 days after tomorrow": the days between.
  if ((mod == "MORE_THAN" || mod == "LESS_THAN") && c->type != TimeType::kDuration) {
    if (!c->offset || !c->abs_day) return std::nullopt;
    if (mod == "LESS_THAN") {
      const std::string from = DayValue(c->from);
      const bool after = DaysOf(c->from) < DaysOf(c->ymd);
      c->begin = after ? from : c->value;
      c->end = after ? c->value : from;
      c->value = c->begin + "/" + c->end;
      c->is_day = c->abs_day = false;
    }
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
  // en "the end of 2000" -> "end of 2000": an outside article stays out of a
  // hedged period (a hedge or range word before it keeps it: "since the end of").
  std::optional<Cand> a;
  if (!ArticleOutside(i) || !M(i, K::kHedge)) a = Hedged(i);
  std::optional<Cand> b = Core(i, licensed);
  // On a tie the hedge wins ("around 7" keeps APPROX), unless a longer phrase
  // starts with the hedge word ("mid night" is midnight, not the middle of a night).
  bool core_tie = false;
  if (a && b && a->te == b->te && entries_[i]) {
    const size_t h = M(i, K::kHedge);
    for (const TimeLexEntry& e : *entries_[i]) {
      if (e.kind == K::kHedge || e.kind == K::kDeictic || i + e.tokens.size() <= h ||
          i + e.tokens.size() > t_.size()) {  // (deictics keep the hedge: "hasta ahora")
        continue;
      }
      bool whole = true;
      for (size_t k = 1; k < e.tokens.size() && whole; ++k) whole = t_[i + k].folded == e.tokens[k];
      core_tie |= whole;
    }
  }
  std::optional<Cand> c =
      (a && (!b || a->te > b->te || (a->te == b->te && !core_tie))) ? std::move(a) : std::move(b);
  // "2018 or later", "3 pm or later", "1/1/2016 and after": a hedge after a date or time.
  const TimeLexEntry* e = nullptr;
  if (c && (c->type == TimeType::kDate || c->type == TimeType::kTime) && c->begin.empty()) {
    size_t k = M(c->te, K::kHedgePost, &e);
    // "before 2010 or after 2018": a hedge of the next expression, not of this one.
    if (k && (Num(k) || (k < t_.size() && entries_[k] && Core(k, true)))) k = 0;
    // "1/1/2016 and after my work is done": a clause follows, not a hedge.
    if (k && k < t_.size() && t_[k].kind == TimeTokKind::kWord && !entries_[k]) k = 0;
    if (k) {
      c->te = k;
      if (c->mod.empty()) c->mod = e->value;
    }
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
    Bit(TimeLexKind::kUnitRef) | Bit(TimeLexKind::kStartPre) | Bit(TimeLexKind::kRestOf) |
    Bit(TimeLexKind::kSame) | Bit(TimeLexKind::kYearType) | Bit(TimeLexKind::kHalfYear) |
    Bit(TimeLexKind::kIdiom) | Bit(TimeLexKind::kMeal) | Bit(TimeLexKind::kHomonym) |
    Bit(TimeLexKind::kCurrency) | Bit(TimeLexKind::kTimesWord) | Bit(TimeLexKind::kAgeWord);

bool Scan::MayStart(size_t i) const {
  const TimeToken& tok = t_[i];
  if (tok.kind == TimeTokKind::kNumber) return true;
  if (tok.kind == TimeTokKind::kPunct) {
    return (kinds_[i] & (1ull << static_cast<int>(K::kQuant))) != 0;  // "½ hour"
  }
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
    if (size_t k = M(i, K::kIdiom)) {
      i = k;  // "up to date": no time expression
      continue;
    }
    if (!MayStart(i)) {
      ++i;
      continue;
    }
    // Mid-word: letters glued to a previous letter run do not start a match.
    cur_start_ = i;
    std::optional<Cand> c = Best(i, false);
    // "COVID-19 days", "F-16 jets": a number glued to a word by a hyphen is a name.
    const bool named = tok.kind == TimeTokKind::kNumber && tok.ndigits <= 3 && i >= 2 &&
                       !tok.space_before && Sym(i - 1, "-") && !t_[i - 1].space_before &&
                       t_[i - 2].kind == TimeTokKind::kWord;
    if (!c || c->te <= i || named || !WholeChains(i, c->te) ||
        (tok.kind == TimeTokKind::kNumber && i > 0 && M(i - 1, K::kCurrency) == i)) {
      // "$12 December 27": a number after a currency sign is money.
      ++i;
      continue;
    }
    // Trim trailing fillers and punctuation from the span.
    size_t te = c->te;
    while (te > i + 1 && t_[te - 1].kind == TimeTokKind::kPunct && t_[te - 1].folded != ".") --te;
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
