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
#include <array>
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
  int clock_s = -1;  // seconds after midnight when the DCT has a time of day, else -1
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
  bool weekday = false;    // resolved from a weekday name alone (tense chose the week)
  bool free_year = false;  // the year was chosen from the DCT, the text names none
  bool offset = false;     // "2 weeks after today": a day moved from `from`
  Ymd from;
  size_t tb = 0;           // when past the scan position: where the span starts
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
        start_kinds_(toks.size()),
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
    // One lexicon lookup per token, and the longest phrase of each of its
    // kinds that matches here: M() answers from these (the constructions ask
    // the same questions many times).
    match_at_.assign(toks.size() + 1, 0);
    for (size_t i = 0; i < toks.size(); ++i) {
      match_at_[i] = static_cast<uint32_t>(matches_.size());
      if (toks[i].kind == TimeTokKind::kNumber) continue;
      if (toks[i].kind == TimeTokKind::kWord) number_word_[i] = lex.IsNumberWord(toks[i].folded);
      entries_[i] = lex.EntriesFor(toks[i].folded);
      if (!entries_[i]) continue;
      TimeLexKindSet seen = 0;
      for (const TimeLexEntry& e : *entries_[i]) {
        if (seen & KindBit(e.kind)) continue;
        seen |= KindBit(e.kind);
        const TimeLexEntry* hit = nullptr;
        if (size_t end = lex.MatchEntries(entries_[i], toks, i, e.kind, &hit)) {
          matches_.push_back({e.kind, static_cast<uint32_t>(end), hit});
          start_kinds_[i] |= KindBit(e.kind);
        } else if (e.weak) {
          start_kinds_[i] |= KindBit(e.kind);
        }
      }
      // Every kind of the word, matched here or not: a weak month ("Dec")
      // still starts the patterns that read entries_ themselves.
      kinds_[i] = seen;
      if (kinds_[i] & (KindBit(K::kForPre))) for_pos_.push_back(i);
    }
    match_at_[toks.size()] = static_cast<uint32_t>(matches_.size());
  }

  void Run(std::vector<TimeExpr>* out);

 private:
  using K = TimeLexKind;
  size_t M(size_t i, K k, const TimeLexEntry** e = nullptr) const {
    if (i >= t_.size() || !(kinds_[i] & KindBit(k))) return 0;
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
  bool Is(size_t i, K k) const {
    return i < t_.size() && (kinds_[i] & KindBit(k)) != 0;
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
  std::optional<Cand> NightOfTwoDays(size_t k);
  // A day with a part of it at i ("Monday morning", "yesterday afternoon",
  // "this evening", "last night", "tonight"): *day is the day's value ("" when
  // unresolved), *part the part; returns the token after, or 0.
  size_t DayWithPart(size_t i, std::string* day, std::string* part, Cand* anchor);
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
  bool ClockPreBefore(size_t i) const {
    for (size_t s = i > 3 ? i - 3 : 0; s < i; ++s) {
      if (ClockPreAt(s) == i) return true;
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
    const int n = static_cast<int>(t_[y0].number);
    *year = FullYear(n);
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
  std::vector<TimeLexKindSet> kinds_;    // per token: bit set of their kinds
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
  std::vector<KindMatch> matches_;   // per token, its kinds that match (see match_at_)
  std::vector<uint32_t> match_at_;   // token i's matches: [match_at_[i], match_at_[i + 1])
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

// An instant as seconds since 1970-01-01T00:00 -> "2016-11-07T00:05" (or
// "T00:05:30" with seconds).
std::string ClockValue(int64_t at, bool seconds) {
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

size_t Scan::Quantity(size_t i, double* n, bool* approx) {
  if (i >= t_.size()) return 0;
  if (Num(i)) {
    if (t_[i].ndigits > 6) return 0;
    double v = static_cast<double>(t_[i].number);
    size_t j = i + 1;
    // Thousands: "200.000 ans", "1,500 years" (three digits after the mark).
    if (j + 1 < t_.size() && (Sym(j, ".") || Sym(j, ",")) && Attached(j) && Num(j + 1) &&
        Attached(j + 1) && t_[j + 1].ndigits == 3 && t_[i].ndigits <= 3 &&
        !(j + 2 < t_.size() && Attached(j + 2) && t_[j + 2].kind != TimeTokKind::kWord)) {
      *n = v * 1000 + static_cast<double>(t_[j + 1].number);
      return j + 2;
    }
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
    if (approx) *approx = e->approx;
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

size_t Scan::DayNumber(size_t i, int* day, bool count) {
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
    if (e->number >= 1 && e->number <= 31 && (count || !e->count_only)) {
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
    // The dot of an abbreviation ("2019 г."), not a sentence's ("2019 года.").
    size_t letters = 0;
    for (char ch : t_[k - 1].folded) letters += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    j = k;
    if (Sym(j, ".") && Attached(j) && letters == 1) ++j;
  }
  return j;
}

size_t Scan::ShortYear(size_t i, int* year) const {
  if (!Num(i) || t_[i].ndigits != 2 || t_[i].number <= 31) return 0;
  const size_t k = i + 1;
  if (k < t_.size()) {
    const TimeToken& n = t_[k];
    if (n.kind == TimeTokKind::kNumber && !n.space_before) return 0;
    if (n.kind == TimeTokKind::kPunct && (n.folded == "%" || (Attached(k) && Num(k + 1)))) return 0;
    if (n.kind == TimeTokKind::kWord && (!entries_[k] || M(k, K::kUnit))) return 0;
  }
  const int n = static_cast<int>(t_[i].number);
  *year = FullYear(n);
  return k;
}

size_t Scan::SpelledDay(size_t i, int* day, std::optional<K> gate) {
  if (i >= t_.size() || t_[i].kind != TimeTokKind::kWord || !NumWord(i) || M(i, K::kQuant)) {
    return 0;
  }
  if (gate) {
    size_t run = i;
    while (run < t_.size() && run < i + 6 && (NumWord(run) || (Sym(run, "-") && Attached(run)))) {
      ++run;
    }
    size_t m = run;
    if (size_t f = M(m, K::kFiller)) m = f;
    if (!M(run, *gate) && !M(m, *gate)) return 0;
  }
  size_t end = 0;
  const int64_t v = SpelledRun(i, 6, &end);
  if (v < 1 || v > 31) return 0;
  *day = static_cast<int>(v);
  return end;
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
  Cand d = DayCand(te, CivilFromDays(target), AnchorKind::kDct);
  d.weekday = rel == 0;
  return d;
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
  // Space-separated: "18 08 1978", "2 4 2009", "18 8 78." (a sentence dot may
  // follow; "18 8 1978.5" or a fourth number may not).
  if (a.ndigits <= 2 && Num(i + 1) && Num(i + 2) && t_[i + 1].ndigits <= 2 &&
      (t_[i + 2].ndigits == 4 || t_[i + 2].ndigits == 2) && t_[i + 1].space_before &&
      t_[i + 2].space_before &&
      !(i + 3 < t_.size() && Attached(i + 3) &&
        (t_[i + 3].kind == TimeTokKind::kNumber ||
         (t_[i + 3].kind == TimeTokKind::kPunct && i + 4 < t_.size() && Attached(i + 4) &&
          t_[i + 4].kind != TimeTokKind::kWord))) &&
      !(i + 3 < t_.size() && t_[i + 3].kind == TimeTokKind::kNumber) &&
      !(i > 0 && t_[i - 1].kind == TimeTokKind::kNumber) &&
      !(i > 1 && Attached(i) && t_[i - 1].kind == TimeTokKind::kPunct &&
        t_[i - 2].kind == TimeTokKind::kNumber)) {
    int day = static_cast<int>(a.number), month = static_cast<int>(t_[i + 1].number);
    int year = static_cast<int>(t_[i + 2].number);
    if (t_[i + 2].ndigits == 2) year = FullYear(year);
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
    if (t_[te + 1].ndigits == 2) year = FullYear(year);
    te += 2;
  } else if (sep != "/") {
    return std::nullopt;  // "7.1" is a decimal, "4-23" a score
  }
  if (Num(te) && Attached(te)) return std::nullopt;
  if (te < t_.size() && Attached(te) && (Sym(te, ".") || Sym(te, "/")) && Num(te + 1)) {
    return std::nullopt;
  }
  // "(2/4)" (part two of four), "les 3/4 des voix": one-digit parts, the
  // first not above the second, in parentheses or before "de"/"of".
  if (!year && sep == "/" && a.ndigits == 1 && t_[i + 2].ndigits == 1 && n1 <= n2 &&
      ((i > 0 && Sym(i - 1, "(") && Sym(te, ")")) || M(te, K::kFiller))) {
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
      if (Sym(k - 1, ".") && (Sym(k, "-") || Sym(k, "/"))) break;  // "sept.-": not this shape
      month = e->number;
      month_first = parts == 0;
      j = k;
      if (parts > 0 && Sym(k - 1, ".")) j = k - 1;  // "2020/23/Sep.": the sentence's dot
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
  if (!k) {
    // "le quatre octobre", es "dos de mayo"; not en "four in August".
    k = SpelledDay(j, &day, K::kMonth);
    if (k && M(k, K::kInPre)) k = 0;
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
  } else if (size_t ys = ShortYear(mend, &year)) {
    te = ys;  // "14 juillet 98"
  } else if (size_t ys2 = ShortYearAfterFiller(y0, &year)) {
    te = ys2;  // "15 April of 87"
  }
  // A spelled day needs a year, or an article before it and the month right
  // after it ("le quatre octobre"; not "one of four in August", "Fifteen
  // August visitors").
  if (spelled && !year &&
      !(i > 0 && M(i - 1, K::kArticle) == i && SpelledDay(j, &day, K::kMonth))) {
    return std::nullopt;
  }
  if (year && !ValidDate(year, month, day)) return std::nullopt;
  if (!year && !ValidDate(2000, month, day)) return std::nullopt;
  (void)wd;
  if (!year) {
    if (std::optional<Cand> c = DayMonthRel(te, month, day)) return c;
  }
  return ResolveDayMonth(te, month, day, year);
}

std::optional<int> Scan::TrailingRel(size_t te) const {
  const TimeLexEntry* e = nullptr;
  const size_t r = M(te, K::kRel, &e);
  if (!r || e->number == 0 || M(r, K::kUnit) || te == 0) return std::nullopt;
  if (text_.substr(t_[te - 1].end, t_[te].start - t_[te - 1].end).find('\n') !=
      std::string_view::npos) {
    return std::nullopt;
  }
  return e->number;
}

std::optional<Cand> Scan::DayMonthRel(size_t te, int month, int day) {
  std::optional<int> rel = TrailingRel(te);
  if (!rel || !HasDay()) return std::nullopt;
  // "le 1er janvier dernier": the last such day before the DCT; "le 5 mars
  // prochain": the first after it.
  for (int y = dct_.day.y; y >= dct_.day.y - 1 && y <= dct_.day.y + 1; y += *rel > 0 ? 1 : -1) {
    if (!ValidDate(y, month, day)) continue;
    const int64_t days = DaysFromCivil(y, month, day);
    if ((*rel > 0 && days > dct_.days) || (*rel < 0 && days < dct_.days)) {
      return DayCand(M(te, K::kRel), {y, month, day}, AnchorKind::kDct);
    }
  }
  return std::nullopt;
}

// A relative word before a date word ("next", "dernier", "прошлый") at *j:
// its number goes to *rel and *j moves past it. False when there is none.
bool Scan::LeadingRel(size_t* j, int* rel) const {
  const TimeLexEntry* e = nullptr;
  size_t k = LeadRel(*j, &e);
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
    // "mai vingt-neuf": a spelled day, then the end of the phrase or a
    // time word ("mai vingt-neuf personnes" counts people).
    if (!weak) {
      if (size_t d = SpelledDay(n0, &day, std::nullopt)) {
        const bool ends = d >= t_.size() || t_[d].kind == TimeTokKind::kPunct ||
                          (t_[d].kind == TimeTokKind::kWord && entries_[d] && !NumWord(d) &&
                           !M(d, K::kUnit) && !M(d, K::kHourWord) && !M(d, K::kMinuteWord));
        if (ends && ValidDate(2000, month, day)) return ResolveDayMonth(d, month, day, 0);
      }
    }
    size_t y0 = k;
    if (Sym(y0, ",") || Sym(y0, "-") || Sym(y0, "/")) ++y0;
    if (size_t f = M(y0, K::kFiller); f && Num(f)) y0 = f;
    int year = 0;
    size_t ye = YearNumber(y0, &year);
    if (!ye) ye = ShortYearAfterFiller(y0, &year);  // "April of 87"
    if (!ye && !weak) ye = ShortYear(k, &year);     // "juillet 98"
    if (ye) {
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
  if (!has_rel) {
    // "en mars dernier", "en janvier prochain".
    if (std::optional<int> r = TrailingRel(k)) {
      rel = *r;
      has_rel = true;
      k = M(k, K::kRel);
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
    // "mardi prochain"; "Friday after next" (a rel_post: 2).
    size_t r = M(k, K::kRel, &e);
    if (!r) r = M(k, K::kRelPost, &e);
    if (r) {
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
    // en "the next quarter": "next quarter"; but "the week after next" (a
    // rel of two, or a rel_post, after the unit) keeps it.
    const TimeLexEntry* r = nullptr;
    size_t u = M(k, K::kUnit);
    if (ArticleOutside(j) &&
        !(u && ((M(u, K::kRel, &r) && std::abs(r->number) >= 2) || M(u, K::kRelPost)))) {
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
    } else if (size_t rp = M(k, K::kRelPost, &e); rp && !plural) {
      rel = e->number;  // "the week after next" (2), "the year before last" (-2)
      has_rel = true;
      k = rp;
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
  const int need = unit == "Y" ? 1 : (unit == "M" || unit == "Q" || unit == "HY") ? 2 : 3;
  if (dct_.level < need) {
    c.unresolved = true;
    return c;
  }
  MarkDct(&c);
  if (unit == "HY") {
    const int h = dct_.day.y * 2 + (dct_.day.m - 1) / 6 + rel;  // half-years since year 0
    Cand d = HalfYearCand(k, h / 2, h % 2 + 1);
    MarkDct(&d);
    return d;
  }
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
  // "29/2/2019", "31.04.2020": the end of a numeric date that is no day.
  if (Num(i) && i >= 4 && Attached(i) && Attached(i - 1) && Attached(i - 2) && Attached(i - 3) &&
      (Sym(i - 1, "/") || Sym(i - 1, ".") || Sym(i - 1, "-")) &&
      t_[i - 3].folded == t_[i - 1].folded && Num(i - 2) && Num(i - 4)) {
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
  // Two digits ("les années 90", "90 s") or, after a decade word, spelled
  // tens ("les années quatre-vingt-dix", "los años noventa").
  int tens = -1;
  size_t k = j + 1;
  if (pre && !Num(j)) {
    size_t end = 0;
    const int64_t v = NumWord(j) && !M(j, K::kQuant) ? SpelledRun(j, 6, &end) : -1;
    if (v < 10 || v > 90 || v % 10 != 0) return std::nullopt;
    tens = static_cast<int>(v);
    k = end;
  } else if (!Num(j) || t_[j].number % 10 != 0 || (t_[j].ndigits != 4 && t_[j].ndigits != 2)) {
    return std::nullopt;
  } else if (t_[j].ndigits == 2) {
    tens = static_cast<int>(t_[j].number);
  }
  // "1990s", "90er"; also "1990 s" with a space; "the 1990s" has both.
  if (size_t s = M(k, K::kDecadeSuffix)) {
    k = s;
  } else if (!pre || (tens >= 0 && M(i, K::kArticle) == j)) {
    return std::nullopt;  // "the 10 previous weeks": an article is no decade word
  }
  Cand c;
  c.te = k;
  int year = tens < 0 ? static_cast<int>(t_[j].number) : 1900 + tens;
  if (tens >= 0 && dct_.level >= 1) {
    // The last decade with these tens that is over by the DCT's year: in
    // 2022 "les années 20" are the 1920s, "les années 10" the 2010s.
    year = dct_.day.y / 100 * 100 + tens;
    if (year + 10 > dct_.day.y) year -= 100;
  }
  c.value = std::to_string(year / 10);
  c.begin = FormatDay({year, 1, 1});
  c.end = FormatDay({year + 9, 12, 31});
  c.anchor = tens >= 0 && dct_.level >= 1 ? AnchorKind::kDct : AnchorKind::kAbsolute;
  return c;
}

std::optional<Cand> Scan::Season(size_t i) {
  size_t j = i;
  const TimeLexEntry* e = nullptr;
  bool has_rel = false;
  int rel = 0;
  if (size_t k = LeadRel(j, &e)) {
    rel = e->number;
    has_rel = true;
    j = k;
  }
  size_t k = M(j, K::kSeason, &e);
  if (!k) return std::nullopt;
  const std::string season = e->value;
  // "l'été dernier", "el verano pasado": a relative word after the season.
  const bool determined = EndsAt(K::kFiller, i) || EndsAt(K::kArticle, i);
  // Only "last"/"next" on the same line, not a determiner of what follows
  // (de "im Herbst letzten Jahres", "Herbst / Diese ...").
  if (!has_rel && determined) {
    if (size_t r = M(k, K::kRel, &e);
        r && e->number != 0 && !M(r, K::kUnit) &&
        text_.substr(t_[k - 1].end, t_[k].start - t_[k - 1].end).find('\n') ==
            std::string_view::npos) {
      rel = e->number;
      has_rel = true;
      k = r;
    }
  }
  Cand c;
  c.te = k;
  int year = 0;
  size_t y0 = SkipFillers(k, 1);  // "summer of 2016"
  if (y0 > k && !YearNumber(y0, &year)) y0 = k;
  if (size_t ye = has_rel ? 0 : YearNumber(y0, &year)) {
    c.te = ye;
    c.value = FormatYear(year) + "-" + season;
    c.anchor = AnchorKind::kAbsolute;
  } else if (has_rel && dct_.level >= 1) {
    // Seasons by months (winter: December to February of the next year);
    // "last" is the latest one over before the DCT's month, "next" the first
    // one starting after it.
    const int first = season == "SP" ? 3 : season == "SU" ? 6 : season == "FA" ? 9 : 12;
    const int span = 2;  // months after the first
    int y = dct_.day.y;
    const int now = dct_.day.y * 12 + (dct_.level >= 2 ? dct_.day.m - 1 : 0);
    if (rel < 0) {
      while (y * 12 + first - 1 + span >= now) --y;
    } else if (rel > 0) {
      while (y * 12 + first - 1 <= now) ++y;
    }
    c.value = FormatYear(y) + "-" + season;
    MarkDct(&c);
  } else if (has_rel ||
             (determined &&
              !(M(j, K::kHomonym) && ArticleBefore(i) && HomonymNoun(i - ArticleBefore(i) + 1, k)))) {
    c.value = season;  // "l'été", "en hiver"; "a été" is a verb
  } else if (!M(j, K::kHomonym) &&
             (k >= t_.size() || t_[k].kind == TimeTokKind::kPunct || entries_[k] || Num(k))) {
    // "Winter, and ...", "the whole summer.": a season that is no other word
    // may stand alone, but not before a noun it qualifies ("winter storm").
    c.value = season;
  } else {
    return std::nullopt;
  }
  return c;
}

std::optional<Cand> Scan::DatePartUncached(size_t i, bool licensed) {
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
    consider(DayOfRelMonth(i));
    consider(MonthOfYear(i));
    consider(DayOfList(i));
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
  consider(DayThenWeekday(i));
  consider(WeekdayInWeek(i));
  consider(BareDayOfMonth(i));
  consider(DayOfRelMonth(i));
  consider(UnitNumber(i));  // after Decade: "les années 1990" is a decade
  return best;
}

// ---------------------------------------------------------------------------
// Times of day

std::optional<TimeOfDay> Scan::ClockUncached(size_t i, bool clock_ctx, bool allow_part) {
  if (i >= t_.size()) return std::nullopt;
  if (std::optional<TimeOfDay> p = PastHour(i)) return p;
  const TimeLexEntry* e = nullptr;
  if (size_t k = M(i, K::kClock, &e)) {
    // "midi et demi", "minuit moins dix": minutes after a clock word.
    int h = -1;
    std::optional<std::pair<size_t, int>> m = MinutesAfterHour(k);
    // Only a fraction, minutes before the hour or a minute word: "midnight to
    // two" is a range, "à midi 30 personnes" an amount.
    if (m && !M(k, K::kMinusWord) && M(m->first - 1, K::kHalf) != m->first &&
        M(m->first - 1, K::kMinuteWord) != m->first) {
      m.reset();
    }
    if (m && e->value.size() == 3 && std::sscanf(e->value.c_str(), "T%d", &h) == 1) {
      int minute = (h * 60 + m->second + 24 * 60) % (24 * 60);
      char buf[16];
      std::snprintf(buf, sizeof buf, "T%02d:%02d", minute / 60, minute % 60);
      return TimeOfDay{m->first, buf, true, minute / 60};
    }
    return TimeOfDay{k, e->value, true};
  }
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
  // An amount of hours with no clock word before it ("8 h et vingt minutes",
  // "vingt heures") is a time of day only when a part of day follows.
  bool need_part = false;
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
      // "3 heures": a duration, unless a part of day follows; "4 o'clock",
      // "3 Uhr" (an hour word that is no unit) is a clock time anywhere.
      if (!attached && !clock_ctx && M(j, K::kUnit)) need_part = true;
      if (attached && t_[j].folded.size() > 2 && !clock_ctx) need_part = true;
      strong = true;
      j = h;
      if (Num(j) && t_[j].ndigits == 2 && (Attached(j) || true)) {
        if (t_[j].number < 60 && !M(j + 1, K::kUnit)) {
          minute = static_cast<int>(t_[j].number);
          j += 1;
          if (size_t mw = M(j, K::kMinuteWord)) j = mw;
        }
      } else if (std::optional<std::pair<size_t, int>> m = MinutesAfterHour(j);
                 m && t_[m->first - 1].kind == TimeTokKind::kWord) {
        // "8 h et vingt minutes", "14h et quart", "8 heures moins dix"; not
        // "de 8 h à 10" (digits without a minute word are the next bound).
        j = m->first;
        minute = m->second;
        if (minute < 0) {
          minute += 60;
          hour = (hour + 23) % 24;
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
      // "une heure et demie" is an amount unless a clock word or a part of day says otherwise.
      if (!clock_ctx && M(m->first - 1, K::kHalf) == m->first) need_part = true;
      j = m->first;
      minute = m->second;
      if (minute < 0) {
        minute += 60;
        hour = (hour + 23) % 24;
      }
    } else if (!clock_ctx) {
      need_part = true;  // "sept heures": a duration, "sept heures du soir" a time
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
    // "du soir", "dans la soirée"; after an amount of hours only "du",
    // "de la" ("il dort 8 heures la nuit", "marcher sept heures dans la
    // nuit" are durations).
    size_t f = j;
    bool linked = false;
    if (size_t p = M(f, K::kInPre); p && !need_part) f = p;
    for (int n = 0; n < 2; ++n) {
      size_t g = M(f, K::kFiller);
      if (!g) break;
      if (M(f, K::kArticle) != g) linked = true;
      f = g;
    }
    // "8:00 early morning": a one-word START/END hedge before the part.
    if (size_t h = M(f, K::kHedge, &e);
        h == f + 1 && (e->value == "START" || e->value == "END") && M(h, K::kPart)) {
      f = h;
    }
    if (size_t p = M(f, K::kPart, &e); p && (linked || !need_part)) {
      if ((e->value == "AF" || e->value == "EV") && hour < 12) hour += 12;
      if (e->value == "NI" && hour >= 7 && hour < 12) hour += 12;
      j = p;
      strong = true;
      half = true;
    }
  }
  if (need_part && !half) return std::nullopt;
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
    size_t o = DayNumber(j, &n, true);
    if (!o || n > 4 || (Num(j) && o == j + 1)) return std::nullopt;  // "1 quarter": an amount
    const TimeLexEntry* e = nullptr;
    size_t u = M(o, K::kUnit, &e);
    // "le premier semestre 2021": half-years (HY) like quarters.
    const bool half = u && e->value == "HY" && !e->plural && n <= 2;
    if (!u || (e->value != "Q" && !half)) return std::nullopt;
    auto make = [&](size_t te, int y) {
      return half ? HalfYearCand(te, y, n) : QuarterCand(te, y, n);
    };
    size_t y0 = SkipFillers(u, 2);
    if (size_t ye = YearNumber(y0, &year)) {
      Cand c = make(ye, year);
      c.anchor = AnchorKind::kAbsolute;
      return c;
    }
    std::optional<Cand> ry = RelUnit(y0, true);
    if (!ry || ry->value.size() != 4 || !std::isdigit(static_cast<unsigned char>(ry->value[0]))) {
      if (!half || dct_.level < 1) return std::nullopt;
      Cand c = make(u, dct_.day.y);  // "au premier semestre": the DCT's year
      c.free_year = true;
      MarkDct(&c);
      return c;
    }
    Cand c = make(ry->te, std::stoi(ry->value));
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
  return DayOnWeekday(i, d, day, wd);
}

Cand Scan::DayOnWeekday(size_t b, size_t te, int day, int wd) {
  if (!HasDay()) {
    Cand c;
    c.te = te;
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
      return DayCand(te, {m.y, m.m, day}, AnchorKind::kDct);
    }
  }
  return ResolveWeekday(b, te, wd, 0);
}

std::optional<Cand> Scan::DayThenWeekday(size_t i) {
  // "le 25 mardi", "le vingt-cinq mardi": an article, a day, then its weekday.
  const size_t j = M(i, K::kArticle);
  if (!j) return std::nullopt;
  int day = 0;
  size_t d = DayNumber(j, &day);
  // An ordinal counts weekdays: "le premier mardi du mois", "the first Monday".
  if (d && !(Num(j) && d == j + 1)) return std::nullopt;
  if (!d) d = SpelledDay(j, &day, K::kWeekday);
  const TimeLexEntry* e = nullptr;
  size_t w = d ? M(d, K::kWeekday, &e) : 0;
  if (!w || e->weak || M(w, K::kRel)) return std::nullopt;  // "le 3 mardi dernier"
  return DayOnWeekday(i, w, day, e->number);
}

std::optional<Cand> Scan::DayOfList(size_t i) {
  int day = 0;
  const size_t d = DayNumber(i, &day);
  if (!d || !Num(i) || (Num(d) && Attached(d))) return std::nullopt;
  // Walk "N, N et" up to a day with its month: "les 10 et 11 janvier", de
  // "am 10. und 11. Januar" (the ordinal dot).
  size_t k = d;
  if (Sym(k, ".") && Attached(k)) ++k;
  int prev = day;
  for (int n = 0; n < 8; ++n) {
    size_t s = 0;
    if (Sym(k, ",")) {
      s = k + 1;
    } else if (size_t l = M(k, K::kDurationLink)) {
      s = l;
    } else {
      return std::nullopt;
    }
    int next = 0;
    size_t e = DayNumber(s, &next);
    if (!e || !Num(s) || next <= prev) return std::nullopt;
    if (std::optional<Cand> m = DayMonth(s); m && m->is_day && m->te > e) {
      if (m->abs_day) {
        if (!ValidDate(m->ymd.y, m->ymd.m, day)) return std::nullopt;
        return DayCand(d, {m->ymd.y, m->ymd.m, day}, m->anchor);
      }
      if (m->value.size() < 10) return std::nullopt;
      Cand c = *m;
      char buf[8];
      std::snprintf(buf, sizeof buf, "%02d", day);
      c.value = m->value.substr(0, 8) + buf;
      c.te = d;
      return c;
    }
    if (Sym(e, ".") && Attached(e)) ++e;
    k = e;
    prev = next;
  }
  return std::nullopt;
}

std::optional<Cand> Scan::DayOfRelMonth(size_t i) {
  int d1 = 0, d2 = 0;
  size_t k = DayNumber(i, &d1);
  if (!k || (Num(k) && Attached(k))) return std::nullopt;
  // A dash joins the days ("4-23"); "du 3 au 5 du mois prochain" is a Range.
  if (size_t l = M(k, K::kRangeLink); l && t_[k].kind == TimeTokKind::kPunct) {
    if (size_t e = DayNumber(l, &d2); e && d2 > d1) k = e;
  }
  size_t j = k;
  if (size_t f = M(j, K::kFiller)) j = f;
  // One day needs "du", "of": "4 mois" alone is an amount.
  if (!d2 && j == k) return std::nullopt;
  if (j > k) j = SkipFillers(j, 1);
  std::optional<Cand> m = RelUnit(j, true);
  if (!m || m->value.size() != 7 || m->value[4] != '-' || j == m->te) return std::nullopt;
  // The unit must be a month with a relative word ("mois prochain", "next month").
  const TimeLexEntry* e = nullptr;
  size_t u = j;
  if (size_t a = M(u, K::kArticle)) u = a;
  if (size_t r = LeadRel(u)) u = r;
  if (!M(u, K::kUnit, &e) || e->value != "M") return std::nullopt;
  bool rel = false;
  for (size_t t = j; t < m->te && !rel; ++t) rel = M(t, K::kRel) != 0;
  if (!rel) return std::nullopt;
  const int y = std::stoi(m->value.substr(0, 4)), mo = std::stoi(m->value.substr(5));
  if (!ValidDate(y, mo, d1) || (d2 && !ValidDate(y, mo, d2))) return std::nullopt;
  Cand c = DayCand(m->te, {y, mo, d1}, AnchorKind::kDct);
  if (!d2) return c;
  c.begin = c.value;
  c.end = FormatDay({y, mo, d2});
  c.value = c.begin + "/" + c.end;
  c.is_day = c.abs_day = false;
  return c;
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
      (!entries_[d] || M(d, K::kQuant) || M(d, K::kOrdinal) || M(d, K::kHalf))) {
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
  const size_t cp = ClockPreAt(m);
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
  if (size_t k = ClockPreAt(j)) {
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
  bool ctx = ClockPreBefore(i);
  std::optional<TimeOfDay> t = Clock(i, ctx, false);
  // "je reviendrai 10, ce soir": a bare hour set off by a comma before
  // today's part of day that ends the sentence.
  bool bare = false;
  if (!t) {
    t = Clock(i, true, false);  // "dix heures mercredi": the date makes it a time
    // "five-thirty tomorrow evening": a spelled time with minutes.
    if (!t || !t->strong) {
      std::optional<TimeOfDay> s = SpelledHour(i);
      if (s && (s->strong || s->value.size() >= 6)) t = s;
    }
    if (!t) return std::nullopt;
    if (!t->strong && t->value.size() < 6) {
      if (!Num(i) || t->te != i + 1 || t->hour < 1 || t->hour > 12 || !Sym(t->te, ",")) {
        return std::nullopt;
      }
      bare = true;
    }
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
  if (size_t r = LeadRel(p, &e)) {
    rel = e->number;
    p = r;
  }
  if (size_t pe = M(p, K::kPart, &e); pe && t->hour >= 0 && HasDay()) {
    if (bare && (rel != 0 || p == j ||
                 !(pe >= t_.size() || Sym(pe, ".") || Sym(pe, "!") || Sym(pe, "?")))) {
      return std::nullopt;
    }
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
  if (bare) return std::nullopt;
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
  if (size_t k = LeadRel(i, &e)) {
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
  bool ctx = ClockPreBefore(i);
  // "17 a 18", "passer de 10 à 12": "à" between two numbers links them; it
  // makes no clock time of the second.
  if (ctx && i >= 2 && Num(i - 2) && M(i - 1, K::kRangeLink) == i) ctx = false;
  std::optional<TimeOfDay> t = Clock(i, ctx, false);
  if (!ctx && ClockVerbBefore(i)) {
    // "il est vingt heures.", "it's 8 o'clock": after a clock verb, hours
    // that close the clause tell the time ("c'est trois heures de route" does not).
    std::optional<TimeOfDay> v = Clock(i, true, false);
    if (v && v->strong && (!t || v->te > t->te) &&
        (v->te >= t_.size() || t_[v->te].kind == TimeTokKind::kPunct)) {
      t = v;
    }
  }
  if (!t) {
    // "seven p . m .": a spelled hour with am/pm.
    t = SpelledHour(i);
    if (t && !t->ampm) t.reset();
  }
  if (!t) return std::nullopt;
  // "à 15-20 km", "mené à 3-1": a bare hour before a dash and a number is
  // one end of a count or a score; time ranges are found as ranges.
  if (!t->strong && (Sym(t->te, "-") || Sym(t->te, "/")) && Num(t->te + 1)) return std::nullopt;
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
  // "du lundi au samedi": a bare weekday as the second bound comes after the first.
  if (x->abs_day && y->abs_day && y->weekday && y->value < x->value) {
    int64_t days = DaysOf(y->ymd);
    while (days < DaysOf(x->ymd)) days += 7;
    const size_t te = y->te;
    *y = DayCand(te, CivilFromDays(days), y->anchor);
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
  if (!y) return std::nullopt;
  // A clock word before two bare hours joined by a dash, the first lower, and
  // nothing counted after them: "à 16-17" (not "à 15-20 km", "à 3-1").
  const bool clock_pair =
      ctx && !from && Num(j) && Num(k) && k == j + 2 && t_[j + 1].kind == TimeTokKind::kPunct &&
      x->hour >= 0 && x->hour < y->hour && y->te == k + 1 &&
      (y->te >= t_.size() || t_[y->te].kind == TimeTokKind::kPunct || entries_[y->te]);
  // One bound at least must be a clock time for sure: "entre 10 et 15 personnes"
  // is none; with weak_ok the caller has a day after the range to vouch for it.
  // "from three thirty to four thirty": hours with minutes after a from-word.
  const bool minutes = from && x->value.find(':') != std::string::npos &&
                       y->value.find(':') != std::string::npos;
  if (!weak_ok && !clock_pair && !minutes &&
      (!(x->strong || y->strong) || (!from && !y->strong))) {
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
  bool ctx = ClockPreBefore(i);
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
  if (size_t k = ClockPreAt(j)) j = k;
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
  size_t r = LeadRel(j, &e);
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
  // "(dans) la nuit de mardi à mercredi": the part of day of the first
  // bound; the lead words are those PartOfDay takes.
  size_t j = i;
  if (size_t p = M(j, K::kInPre)) j = p;
  if (size_t a = M(j, K::kArticle)) j = a;
  const TimeLexEntry* e = nullptr;
  size_t k = M(j, K::kPart, &e);
  if (!k) return std::nullopt;
  std::optional<Cand> r = Range(k);
  if (!r) r = NightOfTwoDays(k);
  if (!r || r->begin.empty() || r->type != TimeType::kDate) return std::nullopt;
  r->value = r->begin + "T" + e->value;
  r->type = TimeType::kTime;
  return r;
}

std::optional<Cand> Scan::NightOfTwoDays(size_t k) {
  // After a part of day: "von Mittwoch auf Donnerstag", "со вторника на
  // среду": a from-word, a day, a `part_link` word, the next day.
  size_t j = M(k, K::kRangeFrom);
  if (!j) return std::nullopt;
  std::optional<Cand> a = Core(j, true);
  if (!a || !a->is_day || !a->abs_day) return std::nullopt;
  size_t l = M(a->te, K::kPartLink);
  if (!l) return std::nullopt;
  std::optional<Cand> b = Core(l, true);
  // The second day is the one after the first (each was resolved on its own:
  // only its weekday counts).
  const int64_t next = DaysOf(a->ymd) + 1;
  if (!b || !b->is_day || !b->abs_day || IsoWeekday(DaysOf(b->ymd)) != IsoWeekday(next)) {
    return std::nullopt;
  }
  Cand c = *a;
  c.te = b->te;
  c.begin = FormatDay(a->ymd);
  c.end = FormatDay(CivilFromDays(next));
  c.value = c.begin + "/" + c.end;
  return c;
}

std::optional<Cand> Scan::NamedPeriod(size_t i) {
  // A named era or event with known dates (`period_name`): "la guerre
  // froide" 1947/1991; "depuis l'effondrement de l'URSS" runs from the event
  // to the DCT's month; "au lendemain de la chute du mur" is the next unit
  // after the event, at its precision (APPROX).
  size_t j = i;
  bool since = false;
  int shift = 0;
  const TimeLexEntry* e = nullptr;
  if (size_t d = M(j, K::kDurationPre)) {
    since = true;
    j = d;
  } else if (size_t r = M(SkipFillers(j, 1), K::kDayRef, &e); r && e->number != 0) {
    shift = e->number;
    j = SkipFillers(r, 1);
  }
  if (size_t a = M(j, K::kArticle)) {
    j = a;
  } else if (j != i) {
    j = SkipFillers(j, 1);  // "au lendemain de l'" : de, then l'
    if (size_t a2 = M(j, K::kArticle)) j = a2;
  }
  size_t p = M(j, K::kPeriodName, &e);
  if (!p) return std::nullopt;
  const std::string_view v = e->value;
  const size_t slash = v.find('/');
  Cand c;
  c.te = p;
  c.anchor = AnchorKind::kAbsolute;
  if (since) {
    // "depuis la guerre froide": since when in the era is unsaid; the era
    // alone is the expression (found from the next token).
    if (slash != std::string_view::npos) return std::nullopt;
    if (dct_.level < 1) {
      c.unresolved = true;
      return c;
    }
    c.begin = std::string(v);
    c.end = dct_.level >= 2 ? FormatMonth(dct_.day.y, dct_.day.m) : FormatYear(dct_.day.y);
    c.value = c.begin + "/" + c.end;
    MarkDct(&c);
    return c;
  }
  if (shift != 0) {
    const std::string_view last = slash == std::string_view::npos ? v : v.substr(slash + 1);
    Ymd d;
    const int precision = ParseCalendarValue(last, &d);
    if (precision == 1) c.value = FormatYear(d.y + shift);
    if (precision == 2) {
      const Ymd m = AddMonths(d, shift);
      c.value = FormatMonth(m.y, m.m);
    }
    if (precision == 3) c.value = FormatDay(CivilFromDays(DaysOf(d) + shift));
    if (c.value.empty()) return std::nullopt;  // checked at load
    c.mod = "APPROX";
    return c;
  }
  c.value = std::string(v);
  if (slash != std::string_view::npos) {
    c.begin = std::string(v.substr(0, slash));
    c.end = std::string(v.substr(slash + 1));
  }
  return c;
}

std::optional<Cand> Scan::PartOfNamedDay(size_t i) {
  size_t j = i;
  if (size_t p = M(j, K::kInPre)) j = p;
  if (size_t a = M(j, K::kArticle)) j = a;
  const TimeLexEntry* e = nullptr;
  const size_t k = M(j, K::kPart, &e);
  if (!k || M(j, K::kPartEve)) return std::nullopt;  // ru "ночь на четверг": PartEve
  const std::string part = e->value;
  // "la nuit de mardi à mercredi": the night of the first day.
  if (std::optional<Cand> r = Range(k); r && r->type == TimeType::kDate && r->begin.size() == 10) {
    r->value = r->begin + "T" + part;
    r->begin.clear();
    r->end.clear();
    r->type = TimeType::kTime;
    return r;
  }
  const size_t f = M(k, K::kFiller);
  if (!f) return std::nullopt;
  std::optional<Cand> d = DatePart(f, true);
  if (!d || !d->is_day) return std::nullopt;
  d->value += "T" + part;
  d->type = TimeType::kTime;
  d->is_day = false;
  d->abs_day = false;
  return d;
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
  // "il y a plus de dix ans" (before 2011), "dans moins de 3 jours", "il y a
  // à peu près un mois": a hedge on the amount, a mod on the point in time.
  // Only "ago" takes the bounds ("dans moins de 3 jours", es "en menos de 24
  // horas" are amounts: within); a hedge that is itself the amount (es "hace
  // unos días") stays.
  std::string hedge_mod;
  if (dir) {
    const TimeLexEntry* h = nullptr;
    double probe = 0;
    if (size_t hk = M(j, K::kHedge, &h); hk && Quantity(hk, &probe)) {
      if (h->value == "APPROX") {
        hedge_mod = "APPROX";
      } else if (h->value == "MORE_THAN" && dir < 0) {
        hedge_mod = "BEFORE";
      } else if (h->value == "LESS_THAN" && dir < 0) {
        hedge_mod = "AFTER";
      }
      if (!hedge_mod.empty()) j = hk;
    }
  }
  double n = 0;
  bool approx = false;  // "une dizaine de jours": about 10
  size_t k = Quantity(j, &n, &approx);
  if (!k) return std::nullopt;
  if (approx && hedge_mod.empty()) hedge_mod = "APPROX";
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
  if (unit == "WE" && dir != 0) return std::nullopt;  // "three weekends" is a duration only
  // ru "в 19 веке": a singular century word after 5 or more is an ordinal (Century).
  if (unit == "CE" && !e->plural && !std::isnan(n) && n >= 5) return std::nullopt;
  if (Num(u) && t_[u].ndigits == 4) return std::nullopt;  // "des années 1990"
  if (Num(j) && t_[j].ndigits == 4 && M(k, K::kYearSuffix)) return std::nullopt;  // "в 2019 году"
  if (M(k, K::kDecadePre) && Decade(k)) return std::nullopt;  // "des années 20"
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
  if (unit == "HY") {
    unit = "M";
    mult = 6;
  } else if (unit == "DE") {
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
    c.mod = hedge_mod;
    const int64_t amount = static_cast<int64_t>(n * mult) * dir;
    const bool clock = unit == "H" || unit == "MIN" || unit == "S";
    if (clock && !from_text && dct_.clock_s >= 0) {
      // "in 5 minutes", "two hours ago" from a DCT with a time of day.
      const int64_t step = unit == "H" ? 3600 : unit == "MIN" ? 60 : 1;
      const int64_t at = dct_.days * 86400 + dct_.clock_s + amount * step;
      MarkDct(&c);
      c.type = TimeType::kTime;
      c.value = ClockValue(at, unit == "S" || at % 60 != 0);
      return c;
    }
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
    if (unit == "Y" && (base.y + amount < 1 || base.y + amount > 9999)) {
      c.value = amount < 0 ? "PAST_REF" : "FUTURE_REF";  // "il y a 200.000 ans"
    } else if (unit == "Y") {
      c.value = FormatYear(base.y + static_cast<int>(amount));
    } else if (unit == "M") {
      Ymd m = AddMonths({base.y, base.m, 1}, static_cast<int>(amount));
      c.value = FormatMonth(m.y, m.m);
    } else if (unit == "W") {
      c.value = FormatWeek(base_days + 7 * amount);
    } else if (unit == "D") {
      Cand d = DayCand(u, CivilFromDays(base_days + amount), c.anchor);
      d.anchor_start = c.anchor_start;
      d.mod = c.mod;
      return d;
    } else {
      return std::nullopt;
    }
    return c;
  }
  c.te = u;
  c.type = TimeType::kDuration;
  if (approx) c.mod = "APPROX";
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
  if (size_t k = LeadRel(i, &e)) {
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
        if (size_t k = LeadRel(a, &r)) {
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

int Scan::RomanOrdinal(size_t i, size_t* end) const {
  // "XIXe", "XXI", "XIX" (then "siècle", "век", "siglo"): upper-case Roman
  // numerals 1..30, an ordinal suffix glued on ("e", "ème") or none.
  if (i >= t_.size() || t_[i].kind != TimeTokKind::kWord || !t_[i].capital) return 0;
  const std::string& f = t_[i].folded;
  auto val = [](char ch) {
    switch (ch) {
      case 'i':
        return 1;
      case 'v':
        return 5;
      case 'x':
        return 10;
      default:
        return 0;
    }
  };
  size_t n = 0;
  while (n < f.size() && val(f[n])) ++n;
  if (n == 0) return 0;
  if (n < f.size()) {
    const std::vector<TimeLexEntry>* rest = lex_.EntriesFor(f.substr(n));
    bool suffix = false;
    for (size_t r = 0; rest && r < rest->size() && !suffix; ++r) {
      suffix = (*rest)[r].kind == K::kOrdinalSuffix && (*rest)[r].tokens.size() == 1;
    }
    if (!suffix) return 0;
  }
  // The Roman part must be upper-case in the text ("Vie siècle" is no 6th).
  for (size_t b = 0; b < n; ++b) {
    const char ch = text_[t_[i].start + b];
    if (ch < 'A' || ch > 'Z') return 0;
  }
  int v = 0;
  for (size_t b = 0; b < n; ++b) {
    const int cur = val(f[b]), next = b + 1 < n ? val(f[b + 1]) : 0;
    v += cur < next ? -cur : cur;
  }
  if (v < 1 || v > 30) return 0;
  if (end) *end = i + 1;
  return v;
}

std::optional<Cand> Scan::Century(size_t i) {
  int n = 0;
  size_t k = DayNumber(i, &n, true);
  if (k && Num(i) && k == i + 1 && Sym(k, ".") && Attached(k)) ++k;  // de "19. Jahrhundert"
  if (!k) n = RomanOrdinal(i, &k);
  const TimeLexEntry* e = nullptr;
  size_t u = k ? M(k, K::kUnit, &e) : 0;
  size_t te = u;
  if (!k) {
    // es "siglo XIX", "siglo 21": the unit first.
    u = M(i, K::kUnit, &e);
    if (!u || e->value != "CE" || e->plural) return std::nullopt;
    n = RomanOrdinal(u, &te);
    if (!n && Num(u) && t_[u].ndigits <= 2 && !Attached(u + 1)) {
      n = static_cast<int>(t_[u].number);
      te = u + 1;
    }
    if (!n) return std::nullopt;
  }
  if (!u || e->value != "CE" || e->plural || n < 1 || n > 30) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", n - 1);
  Cand c;
  c.te = te;
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
  // fr "le quotidien Le Monde", es "este diario": a set word that is also a
  // noun (`homonym`) is the noun after an article or a demonstrative.
  const bool noun = M(i, K::kHomonym) && i > 0 &&
                    (ArticleBefore(i) == 1 || M(i - 1, K::kRel) == i);
  if (size_t k = noun ? 0 : M(i, K::kSetWord, &e)) {
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
      // "à 15 tous les jours": a clock word before a bare hour and a repeat.
      if (t && !t->strong && ClockPreBefore(i)) t->strong = true;
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
    if (size_t cp = ClockPreAt(m)) m = cp;
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
    if (size_t cp = ClockPreAt(m)) m = cp;
    if (std::optional<TimeOfDay> t = Clock(m, m != k, false); t && t->strong) {
      c.te = t->te;
      return t->value;
    }
    return std::string();
  };
  // "each Monday", "tous les mardis" (a set_weekday after the set word).
  size_t wk = M(j, K::kWeekday, &e);
  if (!wk) wk = M(j, K::kSetWeekday, &e);
  if (size_t k = wk) {
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
  if (unit == "Q" || unit == "HY") {
    n *= unit == "Q" ? 3 : 6;
    unit = "M";
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

std::optional<Cand> Scan::WholeUnit(size_t i) {
  size_t j = M(i, K::kWholePre);
  if (!j) return std::nullopt;
  if (size_t a = M(j, K::kArticle)) j = a;
  const TimeLexEntry* e = nullptr;
  const size_t u = M(j, K::kUnit, &e);
  if (!u || e->plural || e->value == "DE" || e->value == "CE" || e->value == "H" ||
      e->value == "MIN" || e->value == "S") {
    return std::nullopt;  // es "a toda hora": at any hour
  }
  if (M(u, K::kRel) || Num(u)) return std::nullopt;  // "toute l'année 2007"
  if (size_t f = M(u, K::kFiller); f && (Num(f) || M(f, K::kMonth) || M(f, K::kRel))) {
    return std::nullopt;
  }
  Cand c;
  c.te = u;
  c.type = TimeType::kDuration;
  const std::string& unit = e->value;
  if (unit == "Q") {
    c.value = "P3M";
  } else if (unit == "HY") {
    c.value = "P6M";
  } else if (unit == "H" || unit == "S") {
    c.value = "PT1" + unit;
  } else if (unit == "MIN") {
    c.value = "PT1M";
  } else {
    c.value = "P1" + unit;
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
  if (size_t cp = ClockPreAt(m)) {
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
  if (size_t r = LeadRel(j, &e); r && e->number < 0) {
    o = r;
    n = -1;
  } else {
    o = DayNumber(j, &n, true);
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
  return Memo(&core_memo_, i, licensed, [&] { return CoreUncached(i, licensed); });
}

std::optional<Cand> Scan::DatePart(size_t i, bool licensed) {
  return Memo(&date_memo_, i, licensed, [&] { return DatePartUncached(i, licensed); });
}

std::optional<TimeOfDay> Scan::Clock(size_t i, bool clock_ctx, bool allow_part) {
  return Memo(&clock_memo_, i, clock_ctx * 2 + allow_part,
              [&] { return ClockUncached(i, clock_ctx, allow_part); });
}

std::optional<Cand> Scan::CoreUncached(size_t i, bool licensed) {
  std::optional<Cand> best;
  auto consider = [&](std::optional<Cand> c) {
    if (c && (!best || c->te > best->te)) best = std::move(c);
  };
  consider(Simple(i));
  consider(ListedDay(i));  // before TimeOnly: "at 18 and 19 June"
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
  consider(NamedPeriod(i));
  consider(PartTimeRange(i));
  consider(MonthSpan(i));
  consider(PartOfNamedDay(i));
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
  consider(WholeUnit(i));
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
  // "jusqu'à la semaine prochaine": an `outside` hedge of a date or time is a
  // signal before it, not part of it; the fillers after it belong to the
  // expression only when it starts there ("la semaine prochaine", but es
  // "hasta el lunes" spans "lunes" as "el lunes" does).
  if (e->outside && c->type != TimeType::kDuration && c->tb < k) {
    size_t tb = k;
    if (j > k) {
      std::optional<Cand> ck = Core(k, true);
      if (!ck || ck->te < c->te) tb = j;
    }
    c->tb = tb;
  }
  // "avant le 15.05.99", "après le 3 mai": a day leaves its article ("le 23
  // janvier" spans "23 janvier"), so the ordering hedge before that article
  // is a signal too (an `outside` article such as en "the" belongs to the day).
  if ((mod == "BEFORE" || mod == "AFTER") && c->is_day && j > k && M(k, K::kArticle) == j &&
      !ArticleOutside(k) && c->tb < j && c->te > j) {
    c->tb = j;
  }
  return c;
}

std::optional<Cand> Scan::Best(size_t i, bool licensed) {
  // en "the end of 2000" -> "end of 2000": an outside article stays out of a
  // hedged period (a hedge or range word before it keeps it: "since the end of").
  std::optional<Cand> a;
  if (!ArticleOutside(i) || !M(i, K::kHedge)) a = Hedged(i);
  std::optional<Cand> b = Core(i, licensed);
  // On a tie the hedge wins ("around 7" keeps APPROX), unless a longer phrase
  // starts with the hedge word ("mid night" is midnight, not the middle of a
  // night; "avant-hier soir" is not "avant" + "hier soir"), or the hedge
  // would stay outside the span ("jusqu'à récemment" is one deictic).
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
      if (M(i, e.kind) > h) core_tie = true;
    }
  }
  const bool a_wins =
      a && (!b || a->te > b->te || (a->te == b->te && !core_tie && a->tb <= i));
  std::optional<Cand> c = a_wins ? std::move(a) : std::move(b);
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
  // "9 am PST", "1pm mountain timezone": a time zone after a clock time
  // belongs to it (the value stays the local time).
  if (c && c->type == TimeType::kTime && c->value.find('T') != std::string::npos) {
    if (size_t z = M(c->te, K::kTimeZone, &e); z && e->value != "outside") c->te = z;
  }
  return c;
}

// Kinds that can only begin an expression when something temporal follows
// them ("de", "la", "vers", "il y a"): the scan skips them cheaply otherwise.
constexpr TimeLexKindSet Bit(TimeLexKind k) { return KindBit(k); }
constexpr TimeLexKindSet kLeadKinds =
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
    Bit(TimeLexKind::kUnitRef) | Bit(TimeLexKind::kClockVerb) | Bit(TimeLexKind::kWholePre) |
    Bit(TimeLexKind::kHedgeCancel) | Bit(TimeLexKind::kTimeZone) |
    Bit(TimeLexKind::kApproxSuffix) | Bit(TimeLexKind::kListLink) | Bit(TimeLexKind::kStartPre) |
    Bit(TimeLexKind::kRestOf) | Bit(TimeLexKind::kSame) | Bit(TimeLexKind::kYearType) |
    Bit(TimeLexKind::kHalfYear) | Bit(TimeLexKind::kIdiom) | Bit(TimeLexKind::kMeal) |
    Bit(TimeLexKind::kHomonym) | Bit(TimeLexKind::kCurrency) | Bit(TimeLexKind::kTimesWord) |
    Bit(TimeLexKind::kAgeWord) | Bit(TimeLexKind::kRelPost);

// Lead kinds that are plain function words ("de", "la", "à", "in", "from"):
// a run of them alone starts nothing (MayStart walks over them).
constexpr TimeLexKindSet kFunctionKinds =
    Bit(TimeLexKind::kFiller) | Bit(TimeLexKind::kArticle) | Bit(TimeLexKind::kRangeFrom) |
    Bit(TimeLexKind::kRangeTo) | Bit(TimeLexKind::kRangeLink) | Bit(TimeLexKind::kClockPre) |
    Bit(TimeLexKind::kInPre) | Bit(TimeLexKind::kDurationPre) | Bit(TimeLexKind::kForPre) |
    Bit(TimeLexKind::kOffsetDir) | Bit(TimeLexKind::kListLink);

bool Scan::MayStart(size_t i) const {
  const TimeToken& tok = t_[i];
  if (tok.kind == TimeTokKind::kNumber) return true;
  if (tok.kind == TimeTokKind::kPunct) {
    return (kinds_[i] & (KindBit(K::kQuant))) != 0;  // "½ hour"
  }
  if (!entries_[i] && tok.capital && M(i + 1, K::kUnit) && RomanOrdinal(i) > 0) {
    return true;  // "XIXe siècle", "XIX век": a Roman numeral before a century word
  }
  if (!entries_[i]) return number_word_[i];
  if (start_kinds_[i] & ~kLeadKinds) return true;
  // A lead word, then a run of function words ("de la", "à l'"): worth
  // trying when a number, a number word or another lexicon word ends the run.
  size_t j = i;
  for (int steps = 0; steps < 6 && j < t_.size(); ++steps) {
    const TimeToken& t = t_[j];
    if (t.kind == TimeTokKind::kNumber) return true;
    if (t.kind == TimeTokKind::kWord && NumWord(j)) return true;
    if (!entries_[j]) return false;
    if (j > i && (start_kinds_[j] & ~kFunctionKinds)) return true;
    size_t next = j + 1;  // past the longest lead phrase here
    for (uint32_t m = match_at_[j]; m < match_at_[j + 1]; ++m) next = std::max<size_t>(next, matches_[m].end);
    j = next;
  }
  return false;
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
    x.start = c->tb > i && c->tb < te ? t_[c->tb].start : tok.start;
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
      ++memo_version_;
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
