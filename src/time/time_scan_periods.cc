// @brief Scan: centuries, holidays, sets, weeks, slices and other periods; Core, Hedged and Best,
// which try every pattern at one token.
#include "time/time_scan.h"

namespace sitrep {
namespace time_scan {

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

std::optional<Cand> Scan::CenturyCand(size_t te, int n) const {
  if (n < 1 || n > 30) return std::nullopt;
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

std::optional<Cand> Scan::OffsetFromDay(size_t u, TimeUnit unit, int amount) {
  const TimeLexEntry* e = nullptr;
  size_t k = M(u, K::kOffsetDir, &e);
  if (!k || (unit != TimeUnit::kD && unit != TimeUnit::kW && unit != TimeUnit::kM &&
             unit != TimeUnit::kY))
    return std::nullopt;
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
  if (unit == TimeUnit::kD) {
    days += sign * amount;
  } else if (unit == TimeUnit::kW) {
    days += sign * 7 * amount;
  } else {
    Ymd m = AddMonths({d->ymd.y, d->ymd.m, 1}, sign * amount * (unit == TimeUnit::kM ? 1 : 12));
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
  int amount = 0;
  TimeUnit unit = TimeUnit::kNone;
  const size_t u = CalendarUnits(j, &amount, &unit);
  if (!u) return std::nullopt;
  const TimeLexEntry* e = nullptr;
  if (!in && !(M(u, K::kLaterPost, &e) && e->value.empty())) {
    std::optional<Cand> c = OffsetFromDay(u, unit, amount);  // "3 weeks after Christmas"
    if (!c || !c->abs_day) return std::nullopt;
    return c;
  }
  if (!HasDay()) return std::nullopt;
  const size_t te = in ? u : M(u, K::kLaterPost);  // "in 3 days", "two weeks from now"
  int64_t days = dct_.days;
  if (unit == TimeUnit::kD || unit == TimeUnit::kW) {
    days += amount * (unit == TimeUnit::kD ? 1 : 7);
  } else {
    Ymd m = AddMonths({dct_.day.y, dct_.day.m, 1}, amount * (unit == TimeUnit::kM ? 1 : 12));
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
  const bool noun = M(i, K::kHomonym) && i > 0 && (ArticleBefore(i) == 1 || M(i - 1, K::kRel) == i);
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
      if (size_t u = M(s, K::kUnit, &e); u && e->unit == TimeUnit::kD) end = u;
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
    const TimeLexEntry* tw = nullptr;
    size_t t = q ? M(q, K::kTimesWord) : M(i, K::kTimesWord, &tw);
    if (t && (q || M(i, K::kTimesWord))) {
      // "three times a week", "twice a year" (a times word that holds the
      // amount); one that starts the phrase before an amount is "for" (es
      // "por una hora": a duration).
      size_t a = q || (tw && !tw->value.empty()) ? M(t, K::kQuant, &e) : 0;
      if (!a || e->value != "1") a = M(t, K::kSetPre);
      if (!a) a = M(t, K::kTimesWord);  // "per", fr "par"
      if (size_t u = a ? M(SkipFillers(a, 1), K::kUnit, &e) : 0; u && !e->plural) {
        const bool clock = IsClockUnit(e->unit);
        Cand c;
        c.te = u;
        c.type = TimeType::kSet;
        c.value = std::string(clock ? "PT1" : "P1") + DurationLetters(e->unit);
        if (e->unit == TimeUnit::kQ) c.value = "P3M";
        if (e->unit == TimeUnit::kFN) c.value = "P2W";
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
  const int every = e->value.empty() ? 1 : e->number;
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
    } else if (size_t te = 0; !(t = TimeInPart(k, e->part, &te)).empty()) {
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
  TimeUnit unit = e->unit;
  bool clock = IsClockUnit(e->unit);
  n *= every;
  c.te = u;
  if (unit == TimeUnit::kQ || unit == TimeUnit::kHY) {
    n *= unit == TimeUnit::kQ ? 3 : 6;
    unit = TimeUnit::kM;
  } else if (unit == TimeUnit::kFN) {
    unit = TimeUnit::kW;
    n *= 2;
  }
  c.value = std::string(clock ? "PT" : "P") + NumberText(n) + DurationLetters(unit);
  if (unit == TimeUnit::kD && n == 1 && every == 1) {
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
  if (!u || e->plural || e->unit == TimeUnit::kDE || e->unit == TimeUnit::kCE ||
      e->unit == TimeUnit::kH || e->unit == TimeUnit::kMin || e->unit == TimeUnit::kS) {
    return std::nullopt;  // es "a toda hora": at any hour
  }
  if (M(u, K::kRel) || Num(u)) return std::nullopt;  // "toute l'année 2007"
  if (size_t f = M(u, K::kFiller); f && (Num(f) || M(f, K::kMonth) || M(f, K::kRel))) {
    return std::nullopt;
  }
  Cand c;
  c.te = u;
  c.type = TimeType::kDuration;
  const TimeUnit unit = e->unit;
  if (unit == TimeUnit::kQ) {
    c.value = "P3M";
  } else if (unit == TimeUnit::kHY) {
    c.value = "P6M";
  } else if (unit == TimeUnit::kH || unit == TimeUnit::kS) {
    c.value = std::string("PT1") + TimeUnitCode(unit);
  } else if (unit == TimeUnit::kMin) {
    c.value = "PT1M";
  } else {
    c.value = std::string("P1") + TimeUnitCode(unit);
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
    // "la Russie d'aujourd'hui": a filler and a time word after a noun, one
    // deictic (nowadays); the span is the time word, as TimeML draws it.
    if (size_t f = M(i, K::kFiller); f > i && f < k && (M(f, K::kDayRel) == k)) {
      if (i == 0 || t_[i - 1].kind != TimeTokKind::kWord || entries_[i - 1]) return std::nullopt;
      c.tb = f;
    }
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

std::string Scan::TimeInPart(size_t j, DayPeriod part, size_t* te, int* moved) {
  if (Sym(j, ",")) ++j;
  size_t m = j;
  const TimeLexEntry* e = nullptr;
  if (size_t cp = ClockPreAt(m)) {
    m = cp;
  } else if (size_t h = M(m, K::kHedge, &e); h && e->mod == TimeMod::kApprox) {
    m = h;
  }
  if (m == j) return std::string();
  std::optional<TimeOfDay> t = Clock(m, true, false);
  if (!t || t->hour < 0 || t->value.size() < 3) return std::string();
  const int hour = HourInPart(t->hour, part, 6);
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d", hour);
  *te = t->te;
  if (moved) *moved = hour;
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
  int hour = -1;  // of a clock time after the part, moved into it
  if (std::string t = TimeInPart(k, e->part, &c.te, &hour); !t.empty()) time = t;
  if (!HasDay()) {
    c.value = time;
    c.unresolved = true;
    return c;
  }
  // "tonight at 2am": small hours of the night belong to the next day.
  const int next = e->part == DayPeriod::kNI && hour >= 0 && hour < 6;
  c.value = DayValue(CivilFromDays(dct_.days + e->number + next)) + time;
  MarkDct(&c);
  return c;
}

std::optional<Cand> Scan::WeekdayPart(size_t i) {
  // "Donnerstagabend", "Montagmorgen": a weekday glued to a part of day;
  // "nächsten Montagnachmittag" with a rel before it.
  const TimeLexEntry* e = nullptr;
  size_t j = i;
  int rel = 0;
  if (size_t a = LeadRel(i, &e); a && M(a, K::kWeekdayPart)) {
    j = a;
    rel = e->number;
  }
  size_t k = M(j, K::kWeekdayPart, &e);
  if (!k) return std::nullopt;
  const std::string part = e->value;
  Cand c = ResolveWeekday(i, k, e->number, rel);
  c.type = TimeType::kTime;
  c.abs_day = false;
  c.is_day = false;
  std::string time = "T" + part;
  if (std::string t = TimeInPart(k, e->part, &c.te); !t.empty()) time = t;
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
  if (!u || e->unit != TimeUnit::kW) return std::nullopt;
  size_t p = SkipFillers(u, 2);
  if (p == u) return std::nullopt;  // "last week": the relative week
  int year = 0, month = 0;
  Cand c;
  if (size_t ye = YearNumber(p, &year)) {
    c.te = ye;
    c.anchor = AnchorKind::kAbsolute;
  } else {
    std::optional<Cand> d = DatePart(p, true);
    if (!d || d->is_day || !YearOrMonth(d->value, &year, &month)) return std::nullopt;
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
  int amount = 0;
  TimeUnit unit = TimeUnit::kNone;
  const size_t u = CalendarUnits(j, &amount, &unit);
  if (!u) return std::nullopt;
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
  int64_t last = 0;
  if (unit == TimeUnit::kD || unit == TimeUnit::kW) {
    last = DaysOf(day->ymd) + amount * (unit == TimeUnit::kW ? 7 : 1);
  } else {
    Ymd m = AddMonths({day->ymd.y, day->ymd.m, 1}, amount * (unit == TimeUnit::kY ? 12 : 1));
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
  int amount = 0;
  TimeUnit unit = TimeUnit::kNone;
  const size_t u = CalendarUnits(j, &amount, &unit);
  if (!u) return WithinClockRange(j);
  Cand c;
  c.te = u;
  if (!HasDay()) {
    c.unresolved = true;
    return c;
  }
  int64_t last = 0;
  if (unit == TimeUnit::kD || unit == TimeUnit::kW) {
    last = dct_.days + amount * (unit == TimeUnit::kW ? 7 : 1);
  } else {
    Ymd m = AddMonths({dct_.day.y, dct_.day.m, 1}, amount * (unit == TimeUnit::kY ? 12 : 1));
    last = DaysFromCivil(m.y, m.m, std::min(dct_.day.d, DaysInMonth(m.y, m.m)));
  }
  c.begin = DayValue(dct_.day);
  c.end = DayValue(CivilFromDays(last - 1));
  c.value = c.begin + "/" + c.end;
  MarkDct(&c);
  return c;
}

std::optional<Cand> Scan::WithinClockRange(size_t j) {
  // "within 2h", "within 5 minutes", "dans les 2h": from the DCT's time of
  // day to that much later; unresolved without one.
  double n = 0;
  const size_t q = Quantity(j, &n);
  if (!q || std::isnan(n) || n <= 0 || n > 1000) return std::nullopt;
  const TimeLexEntry* e = nullptr;
  const size_t u = M(q, K::kUnit, &e);
  if (!u || (!IsClockUnit(e->unit))) return std::nullopt;
  Cand c;
  c.te = u;
  c.type = TimeType::kTime;
  if (dct_.clock_s < 0) {
    c.unresolved = true;
    return c;
  }
  const int64_t step = SecondsPer(e->unit);
  const int64_t from = dct_.Instant();
  const int64_t to = from + static_cast<int64_t>(std::llround(n * step));
  const bool seconds = from % 60 != 0 || to % 60 != 0;
  c.begin = ClockValue(from, seconds);
  c.end = ClockValue(to, seconds);
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
  const TimeUnit unit = e->unit;
  Cand c;
  c.te = u;
  if (!anchor_->have) {
    c.unresolved = true;
    static constexpr struct {
      TimeUnit unit;
      const char* value;
    } kOpen[] = {{TimeUnit::kD, "XXXX-XX-XX"},
                 {TimeUnit::kW, "XXXX-WXX"},
                 {TimeUnit::kWE, "XXXX-WXX-WE"},
                 {TimeUnit::kM, "XXXX-XX"},
                 {TimeUnit::kY, "XXXX"}};
    for (const auto& o : kOpen) {
      if (unit == o.unit) c.value = o.value;
    }
    if (c.value.empty()) return std::nullopt;
    return c;
  }
  const Ymd& d = anchor_->day;
  if (unit == TimeUnit::kD) {
    c = DayCand(u, d, AnchorKind::kExpr);
  } else if (unit == TimeUnit::kW || unit == TimeUnit::kWE) {
    c.value = FormatWeek(DaysOf(d), unit == TimeUnit::kWE);
  } else if (unit == TimeUnit::kM) {
    c.value = TimexValue::Month(d.y, d.m);
  } else if (unit == TimeUnit::kY) {
    c.value = TimexValue::Year(d.y);
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
  const TimeUnit unit = e->unit;
  Cand c;
  c.te = u;
  if (unit != TimeUnit::kW && unit != TimeUnit::kM && unit != TimeUnit::kQ && unit != TimeUnit::kY)
    return std::nullopt;
  if (!HasDay()) {
    c.unresolved = true;
    return c;
  }
  Ymd last = dct_.day;
  if (unit == TimeUnit::kW) {
    last = CivilFromDays(dct_.days + 7 - IsoWeekday(dct_.days));
  } else if (unit == TimeUnit::kM) {
    last.d = DaysInMonth(last.y, last.m);
  } else if (unit == TimeUnit::kQ) {
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
    if (!ry || ry->value.grain() != Grain::kYear) {
      return std::nullopt;
    }
    year = ry->value.first().y;
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
    if (!u || e->unit != TimeUnit::kQ || n < 1 || n > 4 || Num(j)) return std::nullopt;
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
  if (!u || e->unit != TimeUnit::kD || e->plural) return std::nullopt;
  size_t f = M(u, K::kFiller);
  if (!f) return std::nullopt;
  std::optional<Cand> m = DatePart(SkipFillers(u, 2), true);
  if (!m || m->value.grain() != Grain::kMonth || !m->begin.empty()) return std::nullopt;
  const int y = m->value.first().y, mo = m->value.first().m;
  if (!ValidDate(y, mo, day)) return std::nullopt;
  Cand c = DayCand(m->te, {y, mo, day}, m->anchor);
  c.anchor_start = m->anchor_start;
  return c;
}

std::optional<Cand> Scan::UnitEnd(size_t i) {
  const TimeLexEntry* e = nullptr;
  size_t k = M(i, K::kUnitEnd, &e);
  if (!k) return std::nullopt;
  const TimeUnit unit = e->unit;
  const int need = unit == TimeUnit::kY                             ? 1
                   : (unit == TimeUnit::kM || unit == TimeUnit::kQ) ? 2
                                                                    : 3;
  Cand c;
  c.te = k;
  c.mod = TimeMod::kEnd;
  if (dct_.level < need) {
    c.unresolved = true;
    return c;
  }
  if (unit == TimeUnit::kD) {
    c = DayCand(k, dct_.day, AnchorKind::kDct);
    c.mod = TimeMod::kEnd;
    return c;
  }
  if (unit == TimeUnit::kW) {
    c.value = FormatWeek(dct_.days);
  } else if (unit == TimeUnit::kM) {
    c.value = TimexValue::Month(dct_.day.y, dct_.day.m);
  } else if (unit == TimeUnit::kQ) {
    c = QuarterCand(k, dct_.day.y, (dct_.day.m - 1) / 3 + 1);
    c.mod = TimeMod::kEnd;
  } else {
    c.value = TimexValue::Year(dct_.day.y);
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
  const TimeUnit unit = e->unit;
  if (unit != TimeUnit::kD && unit != TimeUnit::kW && unit != TimeUnit::kM) return std::nullopt;
  size_t y0 = SkipFillers(u, 2);
  int year = 0, month = 0;
  size_t te = 0;
  AnchorKind anchor = AnchorKind::kAbsolute;
  if (size_t ye = YearNumber(y0, &year)) {
    te = ye;
  } else {
    std::optional<Cand> p = DatePart(y0, true);
    if (!p || !p->begin.empty()) return std::nullopt;
    const Grain g = p->value.grain();
    if (g != Grain::kYear && g != Grain::kYearPart && g != Grain::kMonth) return std::nullopt;
    year = p->value.first().y;  // a quarter, half or season stands for its year
    month = g == Grain::kMonth ? p->value.first().m : 0;
    te = p->te;
    anchor = p->anchor;
  }
  const int64_t cs = DaysFromCivil(year, month ? month : 1, 1);
  const int64_t ce =
      month ? DaysFromCivil(year, month, DaysInMonth(year, month)) : DaysFromCivil(year, 12, 31);
  const int amount = static_cast<int>(n);
  int64_t first = 0, last = 0;
  if (unit == TimeUnit::kD) {
    if (amount > ce - cs + 1) return std::nullopt;
    first = side > 0 ? cs : ce - amount + 1;
    last = first + amount - 1;
  } else if (unit == TimeUnit::kW) {
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
  if (!ry || ry->value.grain() != Grain::kYear) {
    return std::nullopt;
  }
  Cand c = HalfYearCand(ry->te, ry->value.first().y, h);
  MarkDct(&c);
  return c;
}

std::optional<Cand> Scan::YearType(size_t i) {
  size_t j = i;
  // es "el último año fiscal": an article before a rel is in the span.
  if (size_t a = M(j, K::kArticle); a && M(a, K::kRel)) j = a;
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
    } else if (size_t ye2 = M(k, K::kFiller) ? YearNumber(M(k, K::kFiller), &year) : 0) {
      c.te = ye2;  // es "año fiscal de 2016"
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
    if (u && !e->plural && e->unit == TimeUnit::kY && dct_.level >= 1) {
      d = Cand();
      d->te = u;
      d->value = TimexValue::Year(dct_.day.y);
      MarkDct(&*d);
    } else if (u && !e->plural && e->unit == TimeUnit::kM && dct_.level >= 2) {
      d = Cand();
      d->te = u;
      d->value = TimexValue::Month(dct_.day.y, dct_.day.m);
      MarkDct(&*d);
    }
  }
  int y = 0, m = 0;
  if (!d || d->is_day || !YearOrMonth(d->value, &y, &m)) return 0;
  if (m == 0) {
    *first = {y, 1, 1};
    *last = {y, 12, 31};
  } else {
    *first = {y, m, 1};
    *last = {y, m, DaysInMonth(y, m)};
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
  if (!u || e->plural || (e->unit != TimeUnit::kD && e->unit != TimeUnit::kM)) return std::nullopt;
  const bool day = e->unit == TimeUnit::kD;
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
  c.value = TimexValue::Month(first.y, n);
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
  if (!u || (e->unit != TimeUnit::kD && e->unit != TimeUnit::kW && e->unit != TimeUnit::kM))
    return std::nullopt;
  const TimeUnit unit = e->unit;
  size_t p = SkipFillers(u, 1);
  if (p == u) return std::nullopt;
  Ymd first, last;
  Cand src;
  size_t te = PeriodAfterOf(p, &first, &last, &src);
  if (!te) return std::nullopt;
  const bool year = first.m == 1 && last.m == 12;
  const int amount = static_cast<int>(n);
  int64_t b = 0, end = 0;
  if (unit == TimeUnit::kD) {
    b = from_end ? DaysOf(last) - amount + 1 : DaysOf(first);
    end = from_end ? DaysOf(last) : DaysOf(first) + amount - 1;
  } else if (unit == TimeUnit::kM) {
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
  return RunRules(RuleFamily::kCore, i, licensed);
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
  const TimeMod mod = e->mod;
  size_t j = SkipFillers(k, 3);
  // "day after day", "sales by year": a bare unit takes a hedge on a part of
  // it only ("end of year", "mid-week"), not before/after/about.
  auto core = [&](size_t at) {
    std::optional<Cand> x = Core(at, true);
    if (x && at == k && M(at, K::kUnit) == x->te && mod != TimeMod::kStart &&
        mod != TimeMod::kMid &&
        mod != TimeMod::kEnd) {  // ("by the weekend" has its article: a period)
      x.reset();
    }
    return x;
  };
  std::optional<Cand> c = core(j);
  if (!c && j != k) c = core(k);
  // es "alrededor de las 2 p.m.", "cerca de las 14h", "cerca de las tres":
  // an article between the hedge and a clock time.
  if (size_t a = c ? 0 : M(j, K::kArticle); a && (Num(a) || NumWord(a))) {
    if (std::optional<Cand> t = core(a); t && t->type == TimeType::kTime) c = std::move(t);
  }
  // es "tan temprano como a las 7:00 a.m.": a clock word between the hedge
  // and its clock time.
  if (size_t cp = c ? 0 : ClockPreAt(j)) {
    if (std::optional<Cand> t = core(cp); t && t->type == TimeType::kTime) c = std::move(t);
  }
  if (!c && M(j, K::kHedge) && M(j, K::kHedge) != k) {
    // "d'ici la fin du mois", "by the end of the year": a hedge on a hedged
    // period keeps the inner one (END) as the mod.
    c = Hedged(j);
  }
  if (!c || c->type == TimeType::kSet) return std::nullopt;  // "early every day": the set alone
  // "more than", "less than" bound amounts; "over the next 3 days" is no amount.
  // "more than 2 weeks before today" hedges the amount of an offset: the day
  // it names; "less than 3 days after tomorrow": the days between.
  if ((mod == TimeMod::kMoreThan || mod == TimeMod::kLessThan) && c->type != TimeType::kDuration) {
    if (!c->offset || !c->abs_day) return std::nullopt;
    if (mod == TimeMod::kLessThan) {
      const std::string from = DayValue(c->from);
      const bool after = DaysOf(c->from) < DaysOf(c->ymd);
      c->begin = after ? from : c->value.str();
      c->end = after ? c->value.str() : from;
      c->value = c->begin + "/" + c->end;
      c->is_day = c->abs_day = false;
    }
  }
  // "après des jours de violences": before/after order points in time, not
  // amounts; the amount alone is the expression.
  if ((mod == TimeMod::kAfter || mod == TimeMod::kBefore) && c->type == TimeType::kDuration) {
    return std::nullopt;
  }
  if (c->mod == TimeMod::kNone) c->mod = mod;
  // "d'ici dimanche" (an `ahead` hedge): a bare weekday is the coming one,
  // whatever the tense around it ("il a promis une réponse d'ici lundi").
  if (e->ahead && c->bare_weekday && c->abs_day && HasDay()) {
    const int64_t day = dct_.days + (c->bare_weekday - IsoWeekday(dct_.days) + 7) % 7;
    const TimeMod keep = c->mod;
    const size_t te = c->te;
    *c = DayCand(te, CivilFromDays(day), AnchorKind::kDct);
    c->mod = keep;
  }
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
  if ((mod == TimeMod::kBefore || mod == TimeMod::kAfter) && c->is_day && j > k &&
      M(k, K::kArticle) == j && !ArticleOutside(k) && c->tb < j && c->te > j) {
    c->tb = j;
  }
  c->rule.Wrap("Hedged");
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
  const bool a_wins = a && (!b || a->te > b->te || (a->te == b->te && !core_tie && a->tb <= i));
  std::optional<Cand> c = a_wins ? std::move(a) : std::move(b);
  // "2018 or later", "3 pm or later", "1/1/2016 and after": a hedge after a date or time.
  const TimeLexEntry* e = nullptr;
  if (c && (c->type == TimeType::kDate || c->type == TimeType::kTime) && c->begin.empty()) {
    size_t k = M(c->te, K::kHedgePost, &e);
    // "before 2010 or after 2018", es "después de 2010 y antes de 2018": a
    // hedge of the next expression (after a filler), not of this one.
    if (k && (Num(k) || (k < t_.size() && entries_[k] && Core(k, true)) ||
              (M(k, K::kFiller) && Core(M(k, K::kFiller), true)))) {
      k = 0;
    }
    // "1/1/2016 and after my work is done": a clause follows, not a hedge.
    if (k && k < t_.size() && t_[k].kind == TimeTokKind::kWord && !entries_[k]) k = 0;
    if (k) {
      c->te = k;
      if (c->mod == TimeMod::kNone) c->mod = e->mod;
    }
  }
  // "9 am PST", "1pm mountain timezone": a time zone after a clock time
  // belongs to it (the value stays the local time).
  if (c && c->type == TimeType::kTime && c->value.find('T') != std::string::npos) {
    if (size_t z = M(c->te, K::kTimeZone, &e); z && e->value != "outside") c->te = z;
  }
  return c;
}

}  // namespace time_scan
}  // namespace sitrep
