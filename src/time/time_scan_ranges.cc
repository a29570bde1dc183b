// @brief Scan: ranges, durations, start plus length, relative quantities and units.
#include "time/time_scan.h"

namespace sitrep {
namespace time_scan {

// ---------------------------------------------------------------------------
// Ranges, durations, sets, single words

std::optional<Cand> Scan::Range(size_t i) {
  size_t j = i;
  bool from = false;
  if (size_t k = M(j, K::kRangeFrom)) {
    j = k;
    from = true;
    // de "zwischen dem 5. und 10. Januar": an article before a day number.
    if (size_t a = M(j, K::kArticle); a && Num(a) && !ArticleOutside(j)) j = a;
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
  if (!k && from) k = M(x->te, K::kRangeLink);  // es "entre 2014 ~ 2018"
  // es "entre el 1 de diciembre y el 4 de febrero": the article again
  // before the second day number.
  if (size_t a = from && k ? M(k, K::kArticle) : 0; a && Num(a) && !ArticleOutside(k)) k = a;
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
    if (m && !m->is_day && m->value.grain() == Grain::kMonth && d2 > bare_day) {
      const int yy = m->value.first().y, mm = m->value.first().m;
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
  // Both without a year, each placed nearest the DCT on its own ("du 3 mai
  // au 5 juin" said in November: May next year, June this year): the tense
  // of the sentence moves the first back a year (past) or the second on
  // (future, or no tense: the first keeps its place, as above).
  if (x->abs_day && y->abs_day && x->value > y->value && x->free_year && y->free_year) {
    const Ymd back{x->ymd.y - 1, x->ymd.m, x->ymd.d}, on{y->ymd.y + 1, y->ymd.m, y->ymd.d};
    if (TenseAround(i, y->te) == Tense::kPast && ValidDate(back.y, back.m, back.d)) {
      *x = DayCand(x->te, back, x->anchor);
      x->free_year = true;
    } else if (ValidDate(on.y, on.m, on.d)) {
      *y = DayCand(y->te, on, y->anchor);
      y->free_year = true;
    }
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
    c.mod = TimeMod::kNone;
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
      if (std::optional<int> year = LeadingInt(y->value.str(), 0, 4)) {
        x->value = FormatYear(*year - 1) + x->value.substr(4);
      }
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
      x->value = TimexValue::Day({year, x->ymd.m, x->ymd.d});
      y->value = TimexValue::Day({year, y->ymd.m, y->ymd.d});
      c.te = ye;
      c.anchor = AnchorKind::kAbsolute;
    }
  }
  c.mod = TimeMod::kNone;
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
  if (!h || (e->mod != TimeMod::kStart && e->mod != TimeMod::kEnd && e->mod != TimeMod::kMid))
    return std::nullopt;
  const TimeMod mod = e->mod;
  std::optional<Cand> d = DatePart(SkipFillers(h, 3), true);
  int y = 0, m = 0;
  if (!d || d->is_day || !YearOrMonth(d->value, &y, &m)) return std::nullopt;
  Ymd day{y, m ? m : 1, 1};
  if (mod == TimeMod::kMid) {
    // "from the middle of 2007", "to the middle of September": the middle
    // day of the period (2007-07-02, 09-16).
    const int64_t b = DaysFromCivil(y, m ? m : 1, 1);
    const int64_t len = m ? DaysInMonth(y, m) : DaysFromCivil(y + 1, 1, 1) - b;
    Cand c = DayCand(d->te, CivilFromDays(b + len / 2), d->anchor);
    c.mod = mod;
    return c;
  }
  if (mod == TimeMod::kEnd && !first) {
    day.m = m ? m : 12;
    day.d = DaysInMonth(y, day.m);
  } else if (mod == TimeMod::kEnd || (mod == TimeMod::kStart && !first)) {
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
      } else if (size_t k = M(e, K::kUnit, &u); k && u->unit == TimeUnit::kMin) {
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
      if ((p->part == DayPeriod::kAF || p->part == DayPeriod::kEV) && hour < 12) hour += 12;
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
  TimeOfDay t{e, buf, strong, static_cast<int>(hour), half, ampm};
  t.minutes = static_cast<int>(hour) * 60 + std::max(minute, 0);
  return t;
}

std::optional<Cand> Scan::TimeRange(size_t i, bool ctx, bool weak_ok) {
  // "5 to 6pm", "de 14h à 16h", "entre 17 et 18 heures", "4:00 - 7 oclock",
  // "5 to seven in the morning", "from three thirty to four thirty pm".
  size_t j = i;
  const bool from = (j = M(i, K::kRangeFrom)) != 0;
  if (!from) j = i;
  // es "entre las 5 y las 6", "desde la una hasta las tres": an article
  // before each hour after a from- or to-word.
  auto hour_at = [&](size_t h) {
    if (size_t a = M(h, K::kArticle); a && (Num(a) || NumWord(a))) return a;
    return h;
  };
  if (from) j = hour_at(j);
  std::optional<TimeOfDay> x = Clock(j, ctx || from, false);
  if (!x) {
    x = Clock(j, true, false);                // a bare hour borrows am/pm from the second bound
    if (x && x->strong) return std::nullopt;  // "3 heures": a duration
    if (!x) x = SpelledHour(j);
    if (!x) return std::nullopt;
  }
  size_t k = M(x->te, from ? K::kRangeTo : K::kRangeLink);
  if (!k) return std::nullopt;
  if (from) k = hour_at(k);
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
  const bool minutes =
      from && x->value.find(':') != std::string::npos && y->value.find(':') != std::string::npos;
  if (!weak_ok && !clock_pair && !minutes && (!(x->strong || y->strong) || (!from && !y->strong))) {
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
  const bool lead_rel = r != 0;
  if (r) {
    rel = e->number;
    j = r;
  }
  double n = 0;
  size_t q = Quantity(j, &n);
  // "next hour", "la dernière minute": one clock unit from or to the DCT's
  // time of day (only with one: "la semaine dernière" is a calendar week).
  const TimeLexEntry* one = nullptr;
  const bool one_clock = !q && lead_rel && dct_.clock_s >= 0 && M(j, K::kUnit, &one) &&
                         !one->plural && IsClockUnit(one->unit);
  if (one_clock) {
    n = 1;
    q = j;
  }
  const bool vague = q && std::isnan(n);  // "the past few days"
  if (!q || (!vague && (n != std::floor(n) || n < 1 || n > 1000))) return std::nullopt;
  // "would last another week": a word amount of one after a rel word is no count.
  if (!vague && !one_clock && n < 2 && !Num(j) && !NumWord(j)) return std::nullopt;
  j = q;
  size_t rel_after = 0;  // es "los 2 días siguientes": the rel after a plural unit
  if (!r) {
    r = M(j, K::kRel, &e);
    if (!r) {
      const TimeLexEntry* pu = nullptr;
      const size_t pu_end = M(j, K::kUnit, &pu);
      // ("2 hours next month": a rel before another unit is that unit's.)
      if (!pu_end || !pu->plural || !(rel_after = M(pu_end, K::kRel, &e)) ||
          M(rel_after, K::kUnit)) {
        return std::nullopt;
      }
      r = j;  // the unit comes next
    }
    rel = e->number;
    j = rel_after ? j : r;
  }
  if (rel == 0) return std::nullopt;
  size_t u = M(j, K::kUnit, &e);
  if (!u) return std::nullopt;
  TimeUnit unit = e->unit;
  if (rel_after) u = rel_after;
  // "13 dernière minute", "only 3 next week": a count before the rel wants a
  // plural unit; with a singular one the number is no amount of it.
  if (!lead_rel && !vague && n >= 2 && !e->plural && !rel_after) return std::nullopt;
  const bool clock = IsClockUnit(unit);
  if (unit != TimeUnit::kD && unit != TimeUnit::kBD && unit != TimeUnit::kW &&
      unit != TimeUnit::kM && unit != TimeUnit::kQ && unit != TimeUnit::kY &&
      unit != TimeUnit::kDE && !clock) {
    return std::nullopt;
  }
  Cand c;
  c.te = u;
  if (clock && !vague) {
    // "the last 13 minutes", "les 2 prochaines heures": from or to the DCT's
    // time of day; unresolved without one.
    c.type = TimeType::kTime;
    if (dct_.clock_s < 0) {
      const int64_t hours = static_cast<int64_t>(n);
      if (unit == TimeUnit::kH && hours % 24 == 0 && HasDay()) {
        // "les dernières 24 heures", "the next 48 hours" from a day-precision
        // DCT: the days they touch.
        const int64_t other = dct_.days + rel * (hours / 24);
        c.type = TimeType::kDate;
        c.begin = DayValue(CivilFromDays(std::min(dct_.days, other)));
        c.end = DayValue(CivilFromDays(std::max(dct_.days, other)));
        c.value = c.begin + "/" + c.end;
        MarkDct(&c);
        return c;
      }
      c.unresolved = true;
      return c;
    }
    const int64_t step = SecondsPer(unit);
    const int64_t now = dct_.Instant();
    const int64_t other = now + rel * static_cast<int64_t>(n) * step;
    const bool seconds = now % 60 != 0;
    c.begin = ClockValue(std::min(now, other), seconds);
    c.end = ClockValue(std::max(now, other), seconds);
    c.value = c.begin + "/" + c.end;
    MarkDct(&c);
    return c;
  }
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
  if (unit == TimeUnit::kDE) {  // "the past two decades": twenty years
    unit = TimeUnit::kY;
    amount *= 10;
  }
  int64_t first, last;  // days, inclusive
  if (unit == TimeUnit::kBD) {
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
  if (unit == TimeUnit::kQ) {
    // "the last 2 quarters", "the next 7 quarters": whole calendar quarters
    // before or after the DCT's, as quarters are reported.
    const int64_t now = int64_t{dct_.day.y} * 4 + (dct_.day.m - 1) / 3;
    const int64_t a = rel > 0 ? now + 1 : now - amount;
    const int64_t b = rel > 0 ? now + amount : now - 1;  // inclusive
    auto quarter_start = [](int64_t q) {
      return DaysFromCivil(static_cast<int>(q / 4), static_cast<int>(q % 4) * 3 + 1, 1);
    };
    c.begin = DayValue(CivilFromDays(quarter_start(a)));
    c.end = DayValue(CivilFromDays(quarter_start(b + 1) - 1));
    c.value = c.begin + "/" + c.end;
    MarkDct(&c);
    return c;
  }
  auto shifted = [&](int sign) {
    if (unit == TimeUnit::kD) return dct_.days + sign * amount;
    if (unit == TimeUnit::kW) return dct_.days + sign * 7 * amount;
    const int months = (unit == TimeUnit::kM ? 1 : 12) * amount * sign;
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

size_t Scan::DayWithPart(size_t i, std::string* day, DayPeriod* part, Cand* anchor) {
  const TimeLexEntry* e = nullptr;
  // "tonight": a day_part word.
  if (size_t k = M(i, K::kDayPart, &e)) {
    *part = e->part;
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
      *part = e->part;
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
    *part = e->part;
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
  *part = e->part;
  *day = d->value;
  anchor->anchor = d->anchor;
  anchor->unresolved = d->unresolved;
  return p;
}

// The clock value `t` ("T07", "T07:30") moved into a part of the day: a bare
// hour before noon in the afternoon, evening or night is after noon.
std::string MoveIntoPart(const std::string& t, DayPeriod part) {
  if (t.size() < 3 || t[0] != 'T' || !std::isdigit(static_cast<unsigned char>(t[1]))) return t;
  const int hour = HourInPart(*LeadingInt(t, 1, 2), part, 6);  // t[1] is a digit
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d", hour);
  return buf + t.substr(3);
}

std::optional<Cand> Scan::PartTimeRange(size_t i) {
  std::string day;
  DayPeriod part = DayPeriod::kNone;
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
      c.value = TimexValue::Month(m.y, m.m);
    }
    if (precision == 3) c.value = FormatDay(CivilFromDays(DaysOf(d) + shift));
    if (c.value.empty()) return std::nullopt;  // checked at load
    c.mod = TimeMod::kApprox;
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
  // "three elections in as many years": an amount said before (a `same`
  // quant) is a span of the past too.
  if (const TimeLexEntry* q = nullptr; dir > 0 && M(SkipFillers(j, 1), K::kQuant, &q) && q->same) {
    return std::nullopt;
  }
  const size_t after_pre = j;  // the token right after "через", "in", "il y a"
  if (dir) j = SkipFillers(j, 1);
  // "il y a plus de dix ans" (before 2011), "dans moins de 3 jours", "il y a
  // à peu près un mois": a hedge on the amount, a mod on the point in time.
  // Only "ago" takes the bounds ("dans moins de 3 jours", es "en menos de 24
  // horas" are amounts: within); a hedge that is itself the amount (es "hace
  // unos días") stays.
  TimeMod hedge_mod = TimeMod::kNone;
  if (dir) {
    const TimeLexEntry* h = nullptr;
    double probe = 0;
    if (size_t hk = M(j, K::kHedge, &h); hk && Quantity(hk, &probe)) {
      if (h->mod == TimeMod::kApprox) {
        hedge_mod = TimeMod::kApprox;
      } else if (h->mod == TimeMod::kMoreThan && dir < 0) {
        hedge_mod = TimeMod::kBefore;
      } else if (h->mod == TimeMod::kLessThan && dir < 0) {
        hedge_mod = TimeMod::kAfter;
      }
      if (hedge_mod != TimeMod::kNone) j = hk;
    }
  }
  double n = 0;
  bool approx = false;  // "une dizaine de jours": about 10
  size_t k = Quantity(j, &n, &approx);
  if (!k) {
    // ru "через неделю", "неделю назад", "год назад": a singular unit with no
    // amount after an in/ago word, or before an ago word, is one unit (the
    // languages with articles say "in a week", "vor einem Jahr").
    const TimeLexEntry* bare = nullptr;
    const size_t be = M(j, K::kUnit, &bare);
    if (!be || bare->plural || bare->unit == TimeUnit::kWE || Num(be) || j != after_pre ||
        !(dir != 0 || M(be, K::kAgoPost))) {
      return std::nullopt;
    }
    n = 1;
    k = j;
  }
  if (approx && hedge_mod == TimeMod::kNone) hedge_mod = TimeMod::kApprox;
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
  TimeUnit unit = e->unit;
  // "a 29-year-old", "81 years old", de "47 Jahre alt": an age, not a duration.
  if (M((Sym(u, "-") && Attached(u)) ? u + 1 : u, K::kAgeWord)) return std::nullopt;
  // "a second round", "a second wave of": a unit that is also an ordinal,
  // before a word it qualifies, is the ordinal; also after a word one that
  // is the article itself (fr "une seconde vague", it "un secondo
  // contingente"), not after an article ("a one second pause").
  const bool article_one =
      NumWord(j) && n == 1 && k == j + 1 && !(j > 0 && M(j - 1, K::kQuant) == j);
  if (M(k, K::kOrdinal) && !Num(j) && (!NumWord(j) || article_one) && u < t_.size() &&
      t_[u].kind == TimeTokKind::kWord && (!entries_[u] || M(u, K::kUnit))) {  // "a second day"
    return std::nullopt;
  }
  // "all days", "another weeks": a word amount of one counts a singular unit.
  if (e->plural && n == 1 && !Num(j) && !NumWord(j)) return std::nullopt;
  if (unit == TimeUnit::kWE && dir != 0)
    return std::nullopt;  // "three weekends" is a duration only
  // ru "в 19 веке": a singular century word after 5 or more is an ordinal (Century).
  if (unit == TimeUnit::kCE && !e->plural && !std::isnan(n) && n >= 5) return std::nullopt;
  if (Num(u) && t_[u].ndigits == 4) return std::nullopt;  // "des années 1990"
  if (Num(j) && t_[j].ndigits == 4 && M(k, K::kYearSuffix)) return std::nullopt;  // "в 2019 году"
  if (M(k, K::kDecadePre) && Decade(k)) return std::nullopt;  // "des années 20"
  if (!pre && unit != TimeUnit::kWE && !std::isnan(n) && n == std::floor(n) && n <= 1000) {
    // "two days after today", "3 days from tuesday", "2 weeks before may 13 1999":
    // a whole amount of calendar units from a day the text names. "in two days
    // from today": the offset without "in".
    if (std::optional<Cand> d = OffsetFromDay(u, unit, static_cast<int>(n))) {
      if (dir != 0) return std::nullopt;
      return d;
    }
  }
  const size_t unit_end = u;
  auto known_whole = [](double a) { return !std::isnan(a) && a == std::floor(a) && a <= 1000; };
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
  // "2 years 1 month 21 days later", "two weeks and two days ago": a duration
  // in parts of calendar units, then the ago or later word: a day.
  // Also after an in/ago word: "il y a deux ans et trois mois".
  if (!pre && known_whole(n) && DurationRank(unit) >= 0 && DurationRank(unit) <= 3) {
    DurationParts parts;
    parts.parts.push_back({DurationRank(unit), n});
    const size_t tail = DurationTail(u, &parts);
    const TimeLexEntry* w = nullptr;
    int pdir = 0;
    size_t pe = 0;
    bool ref = false;
    if (tail > u && parts.parts.size() > 1) {
      if (dir != 0) {
        pdir = dir;
        pe = tail;
      } else if ((pe = M(tail, K::kAgoPost, &w))) {
        pdir = -1;
      } else if ((pe = M(tail, K::kLaterPost, &w))) {
        pdir = 1;
      }
      ref = w && w->value == "ref";
    }
    bool calendar = pdir != 0;
    for (const auto& [r, a] : parts.parts) calendar = calendar && r <= 3 && known_whole(a);
    const bool text = calendar && ref && anchor_->have;
    if (calendar && (text || HasDay())) {
      int months = 0;
      int64_t days = 0;
      for (const auto& [r, a] : parts.parts) {
        const int64_t v = static_cast<int64_t>(a);
        if (r == 0) months += static_cast<int>(12 * v);
        if (r == 1) months += static_cast<int>(v);
        if (r == 2) days += 7 * v;
        if (r == 3) days += v;
      }
      const Ymd base = text ? anchor_->day : dct_.day;
      const Ymd m = AddMonths(base, pdir * months);
      Cand d = DayCand(pe, CivilFromDays(DaysOf(m) + pdir * days),
                       text ? AnchorKind::kExpr : AnchorKind::kDct);
      if (text) d.anchor_start = anchor_->start;
      return d;
    }
  }
  double mult = 1;
  if (unit == TimeUnit::kHY) {
    unit = TimeUnit::kM;
    mult = 6;
  } else if (unit == TimeUnit::kDE) {
    unit = TimeUnit::kY;
    mult = 10;
  } else if (unit == TimeUnit::kFN) {  // a fortnight: two weeks
    unit = TimeUnit::kW;
    mult = 2;
  } else if (unit == TimeUnit::kCE) {
    unit = TimeUnit::kY;
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
  if (dir != 0 && !pre && unit == TimeUnit::kWE) return std::nullopt;
  if (dir != 0 && !pre && n != std::floor(n)) {
    // "half a year ago": whole months; "in half an hour": a clock time, not
    // resolved at day precision.
    if ((unit == TimeUnit::kY || unit == TimeUnit::kDE || unit == TimeUnit::kCE) &&
        n * mult * 12 == std::floor(n * mult * 12)) {
      n = n * mult * 12;
      mult = 1;
      unit = TimeUnit::kM;
    } else if (IsClockUnit(unit)) {
      // "in half an hour", "1.5 hours ago" from a DCT with a time of day:
      // whole seconds from it.
      const double secs = n * mult * static_cast<double>(SecondsPer(unit));
      if (!from_text && dct_.clock_s >= 0 && secs == std::floor(secs)) {
        const int64_t at = dct_.Instant() + static_cast<int64_t>(secs) * dir;
        c.mod = hedge_mod;
        MarkDct(&c);
        c.type = TimeType::kTime;
        c.value = ClockValue(at, at % 60 != 0);
        return c;
      }
      c.unresolved = true;
      return c;
    } else {
      return std::nullopt;
    }
  }
  if (dir != 0 && !pre) {
    c.mod = hedge_mod;
    const int64_t amount = static_cast<int64_t>(n * mult) * dir;
    const bool clock = IsClockUnit(unit);
    if (clock && !from_text && dct_.clock_s >= 0) {
      // "in 5 minutes", "two hours ago" from a DCT with a time of day.
      const int64_t at = dct_.Instant() + amount * SecondsPer(unit);
      MarkDct(&c);
      c.type = TimeType::kTime;
      c.value = ClockValue(at, unit == TimeUnit::kS || at % 60 != 0);
      return c;
    }
    const int need = unit == TimeUnit::kY ? 1 : unit == TimeUnit::kM ? 2 : 3;
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
    // From a day ("il y a deux semaines", "three years ago" said on a known
    // day, "two months later" after a date) whole weeks, months and years
    // land on a day, as TimeML annotators give it (issue 11); decades and
    // centuries (counted in years, mult > 1) keep their year.
    const bool whole = mult == 1 || unit == TimeUnit::kW;
    const bool from_day = from_text || dct_.level >= 3;
    if (from_day && whole &&
        (unit == TimeUnit::kW || unit == TimeUnit::kM ||
         (unit == TimeUnit::kY && base.y + amount >= 1 && base.y + amount <= 9999))) {
      const Ymd day =
          unit == TimeUnit::kW
              ? CivilFromDays(base_days + 7 * amount)
              : AddMonths(base, static_cast<int>(amount * (unit == TimeUnit::kY ? 12 : 1)));
      Cand d = DayCand(u, day, c.anchor);
      d.anchor_start = c.anchor_start;
      d.mod = c.mod;
      return d;
    }
    if (unit == TimeUnit::kY && (base.y + amount < 1 || base.y + amount > 9999)) {
      c.value = amount < 0 ? "PAST_REF" : "FUTURE_REF";  // "il y a 200.000 ans"
    } else if (unit == TimeUnit::kY) {
      c.value = TimexValue::Year(base.y + static_cast<int>(amount));
    } else if (unit == TimeUnit::kM) {
      Ymd m = AddMonths({base.y, base.m, 1}, static_cast<int>(amount));
      c.value = TimexValue::Month(m.y, m.m);
    } else if (unit == TimeUnit::kW) {
      c.value = FormatWeek(base_days + 7 * amount);
    } else if (unit == TimeUnit::kD) {
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
  if (approx) c.mod = TimeMod::kApprox;
  const int rank = DurationRank(unit);
  if (rank < 0 || !known) {
    const bool clock = IsClockUnit(unit);
    c.value =
        std::string(clock ? "PT" : "P") + NumberText(known ? n * mult : n) + DurationLetters(unit);
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
    c.value += DurationLetters(kDurationUnits[r]);
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
    const int rank = DurationRank(e->unit);
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
  d.parts.push_back({DurationRank(e->unit), n});
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
  if (start->minutes < 0) return std::nullopt;  // "TMO": a part of day has no start
  const std::string& sv = start->value;
  const long total = std::lround(start->minutes + minutes);
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
    c.end = (days ? DayValue(CivilFromDays(DaysOf(day->ymd) + days)) : day->value.str()) + c.end;
  }
  c.value = c.begin + "/" + c.end;
  return c;
}

std::optional<Cand> Scan::DayNumberTimeRange(size_t i) {
  // "le 17 de 14 à 16" spans from the number, as "23 janvier"; an `outside`
  // article keeps it, as dates do ("the 17 from 2pm to 4pm", "the 18th").
  size_t n = i;
  if (ArticleOutside(i) && M(i, K::kArticle) == i + 1 && Num(i + 1)) {
    n = i + 1;
  } else if (!Num(i) || i == 0 || M(i - 1, K::kArticle) != i || ArticleOutside(i - 1)) {
    return std::nullopt;
  }
  int day = 0;
  size_t d = DayNumber(n, &day);
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
  const TimeUnit unit = e->unit;
  Cand c;
  c.te = u;
  if (unit == TimeUnit::kD) {
    if (anchor_->have) {
      c = DayCand(u, anchor_->day, AnchorKind::kExpr);
      c.anchor_start = anchor_->start;
      return c;
    }
    if (!HasDay()) return std::nullopt;
    return DayCand(u, dct_.day, AnchorKind::kDct);
  }
  if (unit == TimeUnit::kW && HasDay()) {
    c.value = FormatWeek(dct_.days);
  } else if (unit == TimeUnit::kM && dct_.level >= 2) {
    c.value = TimexValue::Month(dct_.day.y, dct_.day.m);
  } else if (unit == TimeUnit::kY && dct_.level >= 1) {
    c.value = TimexValue::Year(dct_.day.y);
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
    if (size_t w = M(a, K::kUnit, &e); w && e->unit == TimeUnit::kWE && !e->plural) {
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
      // "independence day of this year", "Noël de l'année dernière", de
      // "Augsburger Friedensfest letzten Jahres" (no filler), "Heilige Drei
      // Könige im Jahr 2020" (the unit and a year).
      size_t f = SkipFillers(h, 1);
      {
        const TimeLexEntry* r = nullptr;
        const TimeLexEntry* u = nullptr;
        size_t a = M(f, K::kArticle) ? M(f, K::kArticle) : f;
        if (size_t k = LeadRel(a, &r)) {
          if (size_t v = M(k, K::kUnit, &u); v && u->unit == TimeUnit::kY && !u->plural) {
            year = dct_.day.y + r->number;
            te = v;
          }
        } else if (size_t k2 = M(a, K::kUnit, &u); k2 && u->unit == TimeUnit::kY && !u->plural) {
          int y2 = 0;
          if (size_t r2 = M(k2, K::kRel, &r)) {
            year = dct_.day.y + r->number;
            te = r2;
          } else if (size_t ye = f != h ? YearNumber(k2, &y2) : 0) {
            year = y2;
            te = ye;
          }
        }
      }
    }
  }
  // "labor day weekend", "halloween weekend 2021".
  if (size_t w = M(te, K::kUnit, &e); !weekend && w && e->unit == TimeUnit::kWE && !e->plural) {
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

}  // namespace time_scan
}  // namespace sitrep
