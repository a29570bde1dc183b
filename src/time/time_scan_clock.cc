// @brief Scan: times of day, quarters, weekday + day number, parts of day, "half past", dates with
// times.
#include "time/time_scan.h"

namespace sitrep {
namespace time_scan {

// ---------------------------------------------------------------------------
// Times of day

// What may follow a spelled hour without an hour word ("a las siete y
// media", "a las siete esta noche", "a la una, luego"): the end of the
// phrase, a link to another bound, a day, or a time zone.
constexpr TimeLexKindSet kAfterBareHour = {
    TimeLexKind::kRangeTo,   TimeLexKind::kRangeLink, TimeLexKind::kListLink,
    TimeLexKind::kDayRel,    TimeLexKind::kWeekday,   TimeLexKind::kRel,
    TimeLexKind::kHedgePost, TimeLexKind::kTimeZone,  TimeLexKind::kAmPm};

std::optional<TimeOfDay> Scan::ClockUncached(size_t i, bool clock_ctx, bool allow_part) {
  if (i >= t_.size()) return std::nullopt;
  if (std::optional<TimeOfDay> p = PastHour(i)) return p;
  const TimeLexEntry* e = nullptr;
  if (size_t k = M(i, K::kClock, &e)) {
    // "midi et demi", "minuit moins dix": minutes after a clock word.
    std::optional<std::pair<size_t, int>> m = MinutesAfterHour(k);
    // Only a fraction, minutes before the hour or a minute word: "midnight to
    // two" is a range, "à midi 30 personnes" an amount.
    if (m && !M(k, K::kMinusWord) && M(m->first - 1, K::kHalf) != m->first &&
        M(m->first - 1, K::kMinuteWord) != m->first) {
      m.reset();
    }
    if (m) {
      const int h = e->number;  // the clock word's hour
      int minute = (h * 60 + m->second + 24 * 60) % (24 * 60);
      char buf[16];
      std::snprintf(buf, sizeof buf, "T%02d:%02d", minute / 60, minute % 60);
      TimeOfDay t{m->first, buf, true, minute / 60};
      t.minutes = minute;
      return t;
    }
    TimeOfDay t{k, e->value, true};
    t.minutes = e->number * 60;  // the clock word's hour ("midi" T12)
    return t;
  }
  if (allow_part) {
    // "(in) (the) morning", "dans la soirée": a part of the day just named.
    size_t j = i;
    if (size_t p = M(j, K::kInPre)) j = p;
    j = SkipFillers(j, 2);
    if (size_t a = M(j, K::kArticle)) j = a;
    if (size_t k = M(j, K::kPart, &e)) {
      // "Sunday morning at 8", "sonntag frühmorgens um 8:00": the clock time
      // after the part, in that part of the day.
      if (const size_t cp = ClockPreAt(k)) {
        if (std::optional<TimeOfDay> t = Clock(cp, true, false);
            t && t->hour >= 0 && t->value.size() >= 3) {
          const int hour = HourInPart(t->hour, e->part, 7);
          char buf[16];
          std::snprintf(buf, sizeof buf, "T%02d", hour);
          TimeOfDay r = *t;
          r.value = buf + t->value.substr(3);
          r.hour = hour;
          r.half = true;
          if (r.minutes >= 0) r.minutes = hour * 60 + r.minutes % 60;
          return r;
        }
      }
      return TimeOfDay{k, "T" + e->value, true};
    }
  }
  int hour = -1, minute = -1, second = -1;
  size_t j = i;
  bool strong = false;  // unambiguously a clock time (":" or attached "h" or am/pm)
  bool half = false;    // am/pm or a part of day named the half of the day
  // An amount of hours with no clock word before it ("8 h et vingt minutes",
  // "vingt heures") is a time of day only when a part of day follows.
  bool need_part = false;
  bool bare_hour = false;  // a spelled hour without an hour word ("a las siete")
  if (Num(i)) {
    const TimeToken& n = t_[i];
    if (n.ndigits <= 2 && n.number <= 24) {
      // "12 noon", "12 midnight": the clock word says it.
      if (size_t k = M(i + 1, K::kClock, &e)) {
        TimeOfDay t{k, e->value, true};
        t.minutes = e->number * 60;
        return t;
      }
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
               (AmPm(j + 2) || (M(j + 2, K::kHourWord) && !M(j + 2, K::kUnit)) ||
                (clock_ctx && DotTimeEnds(j + 2)))) {
      // "8.30pm", "at 17.30", "18.12 Uhr": a dot between hour and minutes
      // only with am/pm, an hour word that is no unit or after a clock word,
      // and not before an unknown word ("at 6.45 dollars").
      minute = static_cast<int>(t_[j + 1].number);
      j += 2;
      strong = true;
      if (size_t h = M(j, K::kHourWord)) j = h;
    } else if (Sym(j, ":") && Attached(j) && Num(j + 1) && Attached(j + 1) &&
               t_[j + 1].ndigits == 2) {
      minute = static_cast<int>(t_[j + 1].number);
      j += 2;
      strong = true;
      if (Sym(j, ":") && Attached(j) && Num(j + 1) && Attached(j + 1) && t_[j + 1].ndigits == 2) {
        second = static_cast<int>(t_[j + 1].number);
        j += 2;
      }
      // "19:13 Uhr", "14:00 heures": the hour word closes the time.
      if (size_t h = M(j, K::kHourWord)) j = h;
    } else if (size_t h = M(j, K::kHourWord)) {
      bool attached = Attached(j);
      // "3 heures": a duration, unless a part of day follows; "4 o'clock",
      // "3 Uhr" (an hour word that is no unit) is a clock time anywhere.
      if (!attached && !clock_ctx && M(j, K::kUnit)) need_part = true;
      if (attached && t_[j].folded.size() > 2 && !clock_ctx) need_part = true;
      strong = true;
      j = h;
      if (Num(j) && t_[j].ndigits == 2 && (Attached(j) || true)) {
        // "18h30 heure locale": a zone after the minutes is no unit of them.
        if (t_[j].number < 60 && (!M(j + 1, K::kUnit) || M(j + 1, K::kTimeZone))) {
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
    } else if (std::optional<std::pair<size_t, int>> m =
                   clock_ctx ? MinutesAfterHour(j) : std::nullopt;
               m && t_[m->first - 1].kind == TimeTokKind::kWord) {
      // es "a las 8 y media", "a las 8 menos cuarto", it "alle 8 meno un
      // quarto": minutes in words after a bare hour past a clock word ("de 8
      // a 10", "a las 8 y 10" stay two bounds).
      j = m->first;
      minute = m->second;
      strong = true;
      if (minute < 0) {
        minute += 60;
        hour = (hour + 23) % 24;
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
    if ((!k || v > 24) && clock_ctx && !M(i, K::kQuant)) {
      size_t e = 0;
      const int64_t w = SpelledRun(i, 1, &e);
      if (w >= 0 && w <= 24 && e > i) {
        k = e;
        v = w;
      }
    }
    if (!k || v > 24) {
      const TimeLexEntry* q = nullptr;
      k = M(i, K::kQuant, &q);
      if (!k || q->value == "X" || q->number <= 0) return std::nullopt;  // not "half an"
      v = q->number;
    }
    size_t h = M(k, K::kHourWord);
    // "a las siete", "a la una y media": after a clock word a spelled hour
    // needs no hour word, when the time ends the phrase (checked below).
    if (!h && !(clock_ctx && (ClockPreBefore(i) || ClockVerbBefore(i)))) return std::nullopt;
    bare_hour = !h;
    hour = static_cast<int>(v);
    j = h ? h : k;
    strong = true;
  }
  if (hour >= 0 && !Num(i) && j > i) {
    // "sept heures dix", "huit heures moins vingt-trois minutes", "sept heures et quart".
    if (std::optional<std::pair<size_t, int>> m = MinutesAfterHour(j)) {
      // "une heure et demie" is an amount unless a clock word or a part of day says otherwise.
      if (!clock_ctx && M(m->first - 1, K::kHalf) == m->first) need_part = true;
      // "a las ocho y media en lugar de...": a fraction of the hour makes it
      // a clock time whatever follows.
      if (M(m->first - 1, K::kHalf) == m->first) bare_hour = false;
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
        h == f + 1 && (e->mod == TimeMod::kStart || e->mod == TimeMod::kEnd) && M(h, K::kPart)) {
      f = h;
    }
    if (size_t p = M(f, K::kPart, &e); p && (linked || !need_part)) {
      hour = HourInPart(hour, e->part, 7);
      j = p;
      strong = true;
      half = true;
    }
  }
  // es "8 pm menos cuarto", "8 de la noche menos cuarto": minutes before the
  // hour after its am/pm or part of day.
  if (half && minute < 0 && hour >= 0 && M(j, K::kMinusWord)) {
    if (std::optional<std::pair<size_t, int>> m = MinutesAfterHour(j);
        m && m->second < 0 && t_[m->first - 1].kind == TimeTokKind::kWord &&
        !(m->first < t_.size() && t_[m->first].kind == TimeTokKind::kWord &&
          !entries_[m->first])) {  // not "8 pm menos dos personas"
      j = m->first;
      minute = m->second + 60;
      hour = (hour + 23) % 24;
    }
  }
  if (need_part && !half) return std::nullopt;
  // "at two of the sites", "a las dos partes": a bare spelled hour followed
  // by a word the lexicon does not know, or a function word, is an amount.
  if (bare_hour && j < t_.size() && t_[j].kind != TimeTokKind::kPunct &&
      !start_kinds_[j].Intersects(kAfterBareHour)) {
    return std::nullopt;
  }
  TimeMod mod = TimeMod::kNone;
  if (size_t x = M(j, K::kApproxSuffix, &e); x && Attached(j) && Num(i)) {
    j = x;  // "11ish": an approximate clock time
    strong = true;
    mod = e->mod;
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
  t.minutes = hour * 60 + std::max(minute, 0);
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
  } else if (size_t f = M(k, K::kRangeTo);
             f && (M(k, K::kDurationLink) == f || (Sym(k, "-") && Attached(k) && Attached(f)))) {
    // "sept heures et demie", es "siete y veinte", it "otto e 20", "five-thirty":
    // a link that also joins amounts ("et", "y", "e") or a glued hyphen;
    // "cinque alle sette" is a range.
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
  } else if (size_t u = M(end, K::kUnit, &e); u && e->unit == TimeUnit::kMin) {
    end = u;
  }
  return std::make_pair(end, sign * minute);
}

// ---------------------------------------------------------------------------
// Quarters, weekday + day number, bare day of month, parts of day, "half past"

std::optional<Cand> Scan::Quarter(size_t i) {
  // "Q3 2019", "q1": a quarter_abbr glued to 1..4; "the first quarter of
  // 2013", "1st quarter of next year". A year first ("2019-Q3", "2017 q1")
  // is a data rule of the languages with a quarter_abbr (time_rules.tsv).
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
  if (YearNumber(i, &year)) return std::nullopt;  // a year first: data rules
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
    const bool half = u && e->unit == TimeUnit::kHY && !e->plural && n <= 2;
    if (!u || (e->unit != TimeUnit::kQ && !half)) return std::nullopt;
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
    if (!ry || ry->value.grain() != Grain::kYear) {
      if (!half || dct_.level < 1) return std::nullopt;
      Cand c = make(u, dct_.day.y);  // "au premier semestre": the DCT's year
      c.free_year = true;
      MarkDct(&c);
      return c;
    }
    Cand c = make(ry->te, ry->value.first().y);
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
  bool filler = false;
  if (Sym(j, ",")) ++j;
  if (size_t a = M(j, K::kArticle)) {
    j = a;
  } else if (size_t f = j > k ? M(j, K::kFiller) : 0) {
    j = f;  // de "Dienstag, der 25.": after the comma, a filler article
    filler = true;
  }
  int day = 0;
  size_t d = 0;
  const TimeLexEntry* u = nullptr;
  if (size_t w = j > k ? M(j, K::kUnit, &u) : 0; w && u->unit == TimeUnit::kD && !u->plural) {
    // es "martes el día once": a day unit after the article vouches for a
    // plain or spelled number.
    d = DayNumber(w, &day);
    if (!d) d = SpelledDay(w, &day);
    j = w;
  } else {
    d = DayNumber(j, &day);
    // es "martes el veinticinco": after an article a spelled day too.
    if (!d && j > k && M(k, K::kArticle) == j) d = SpelledDay(j, &day);
  }
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
  if ((!ordinal || filler) && d < t_.size() && t_[d].kind == TimeTokKind::kWord && !entries_[d]) {
    return std::nullopt;  // "Monday 5 people", "Montag, im 3. Stock"
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
  // An `outside` article belongs to the day, as in "the 18th": "the 21st
  // next month".
  if (ArticleOutside(i) && M(i, K::kArticle) == i + 1 && DayNumber(i + 1, &d1)) ++i;
  size_t k = DayNumber(i, &d1);
  if (!k || (Num(k) && Attached(k))) return std::nullopt;
  // A dash joins the days ("4-23"); "du 3 au 5 du mois prochain" is a Range.
  if (size_t l = M(k, K::kRangeLink); l && t_[k].kind == TimeTokKind::kPunct) {
    if (size_t e = DayNumber(l, &d2); e && d2 > d1) k = e;
  }
  size_t j = k;
  if (size_t f = M(j, K::kFiller)) j = f;
  // One day needs "du", "of" ("4 mois" alone is an amount), or an ordinal:
  // "the 21st this month".
  if (!d2 && j == k && Num(i) && k == i + 1) return std::nullopt;
  if (j > k) j = SkipFillers(j, 1);
  std::optional<Cand> m = RelUnit(j, true);
  if (!m || m->value.grain() != Grain::kMonth || j == m->te) return std::nullopt;
  // The unit must be a month with a relative word ("mois prochain", "next month").
  const TimeLexEntry* e = nullptr;
  size_t u = j;
  if (size_t a = M(u, K::kArticle)) u = a;
  if (size_t r = LeadRel(u)) u = r;
  if (!M(u, K::kUnit, &e) || e->unit != TimeUnit::kM) return std::nullopt;
  bool rel = false;
  for (size_t t = j; t < m->te && !rel; ++t) rel = M(t, K::kRel) != 0;
  if (!rel) return std::nullopt;
  const int y = m->value.first().y, mo = m->value.first().m;
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
    if (!u || e->unit != TimeUnit::kW || e->plural) return 0;
    *rel = n;
    return u;
  }
  size_t u = M(j, K::kUnit, &e);
  if (!u || e->unit != TimeUnit::kW || e->plural) return 0;
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
  if (y->value.grain() != Grain::kMonth && y->value.grain() != Grain::kDay) return std::nullopt;
  // Without a from-word only a second bound that names its year ("Jan-Feb 2017").
  if (!from && y->anchor != AnchorKind::kAbsolute) return std::nullopt;
  int year = y->value.first().y;
  m2 = y->value.first().m;
  Cand c = *y;
  if (y->anchor == AnchorKind::kAbsolute) {
    if (m1 > m2) --year;  // "Nov-Feb 2017": November 2016
  } else {
    // The first month placed against the DCT; "from Nov to March": the
    // second month after the first.
    const TimexValue first = ResolveMonth(j, a, m1, 0).value;
    if (first.grain() != Grain::kMonth) return std::nullopt;  // no DCT to place it
    year = first.first().y;
    c.value = TimexValue::Month(m1 > m2 ? year + 1 : year, m2);
  }
  c.begin = FormatMonth(year, m1);
  c.end = c.value;
  c.value = c.begin + "/" + c.end;
  c.is_day = false;
  c.abs_day = false;
  c.mod = TimeMod::kNone;
  return c;
}

std::optional<Cand> Scan::BareDayOfMonth(size_t i) {
  // "the 18th", "the eleventh": an article and an ordinal day name a day of
  // the DCT's month. Plain numbers ("le 18") are too often something else.
  size_t j = M(i, K::kArticle);
  if (!j) return std::nullopt;
  int day = 0;
  size_t d = 0;
  bool plain = false;
  const TimeLexEntry* u = nullptr;
  if (size_t w = M(j, K::kUnit, &u); w && u->unit == TimeUnit::kD && !u->plural) {
    // es "el día 18", "el día veintinueve", "el día 21 de este mes": a
    // singular day unit after the article vouches for a plain or spelled
    // number; a month after the number dates it.
    d = DayNumber(w, &day);
    if (!d) d = SpelledDay(w, &day);
    // A number after it is an amount ("el día 2 5 personas"), not a clock
    // time ("el día 21 07:30-09:30").
    if (!d || M(d, K::kUnit) || M(d, K::kHourWord) ||
        (Num(d) && !(Sym(d + 1, ":") && Attached(d + 1)))) {
      return std::nullopt;
    }
    if (std::optional<Cand> dm = DatePart(w, false); dm && dm->is_day && dm->te > d) return dm;
    if (d < t_.size() && t_[d].kind == TimeTokKind::kWord && !entries_[d]) return std::nullopt;
  } else {
    d = DayNumber(j, &day);
    if (!d) return std::nullopt;
    if (Num(j) && d == j + 1) {
      // "je reviendrai le 23.", "il part le 17 pour trois heures": a plain
      // number after a word the lexicon does not know (a verb) and a
      // non-`outside` article is a day when the clause ends after it or a
      // length follows; the span is the number, as in "23 janvier".
      double n = 0;
      size_t f = 0;
      const bool ends = d >= t_.size() ||
                        ((Sym(d, ".") || Sym(d, ",") || Sym(d, ";") || Sym(d, "!") || Sym(d, "?")) &&
                         (d + 1 >= t_.size() || !Attached(d + 1)));
      const bool length = (f = M(d, K::kForPre)) || (f = M(d, K::kUnitRef));
      if (ArticleOutside(i) || t_[j].ndigits > 2 || i == 0 || t_[i - 1].kind != TimeTokKind::kWord ||
          entries_[i - 1] || grouped_[j] ||
          !(ends || (length && Quantity(f, &n) && M(Quantity(f, &n), K::kUnit)))) {
        return std::nullopt;
      }
      plain = true;
    }
    // "the first 100 days": an ordinal before an amount is no day either.
    if (M(d, K::kUnit) || M(d, K::kMonth) || M(d, K::kFiller) || Num(d)) return std::nullopt;
    // "the first comprehensive toll", "le premier ministre", "the first two":
    // an ordinal before a word it qualifies is no day.
    if (d < t_.size() && t_[d].kind == TimeTokKind::kWord &&
        (!entries_[d] || M(d, K::kQuant) || M(d, K::kOrdinal) || M(d, K::kHalf))) {
      return std::nullopt;
    }
  }
  if (dct_.level >= 2 && ValidDate(dct_.day.y, dct_.day.m, day)) {
    Cand c = DayCand(d, {dct_.day.y, dct_.day.m, day}, AnchorKind::kDct);
    c.dct_month = true;
    c.day_number = day;
    if (plain) c.tb = j;
    return c;
  }
  Cand c;
  if (plain) c.tb = j;
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
  if (!lead && !licensed && i > 0 && t_[i - 1].kind == TimeTokKind::kWord && k == j + 1) {
    // A bare part of day after a word is often a noun phrase ("good morning"):
    // only at the start of a clause, or before the clock time it places (de
    // "abends um 8 Uhr"). A part phrase that holds its own preposition (de
    // "am Abend") is no noun phrase.
    const size_t cp = ClockPreAt(k);
    std::optional<TimeOfDay> t = cp ? Clock(cp, true, false) : std::nullopt;
    if (!t || t->hour < 0) return std::nullopt;
  }
  Cand c;
  c.type = TimeType::kTime;
  c.te = k;
  c.value = "T" + e->value;
  const std::string part = e->value;
  const DayPeriod part_code = e->part;
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
      const int hour = HourInPart(t->hour, part_code, 7);
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
  int hour_shift = 0;  // an hour_fraction counts from the hour before the one named
  size_t p = 0;
  if (size_t f = M(i, K::kHourFraction, &e); f && (Num(f) || NumWord(f))) {
    // de "halb 8" (T07:30), "dreiviertel 8" (T07:45): minutes past the
    // hour before the one named.
    minute = e->number;
    hour_shift = -1;
    p = f;
  } else if (size_t h = M(i, K::kHalf, &e)) {
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
    if (size_t u = M(past, K::kUnit, &e); u && e->unit == TimeUnit::kMin) past = u;
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
  if (!p) {
    if (size_t mw = M(j, K::kMinuteWord)) {
      j = mw;
    } else if (size_t u = M(j, K::kUnit, &e); u && e->unit == TimeUnit::kMin) {
      j = u;
    }
    p = M(j, K::kPastWord);
  }
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
  // "halb 8. Mai" is no time: nothing glued after the hour.
  if (hour_shift && h < t_.size() && Attached(h) && t_[h].kind != TimeTokKind::kPunct) {
    return std::nullopt;
  }
  if (hour_shift) hour = hour == 1 ? 12 : hour - 1;  // "halb 1" is 12:30
  if (size_t hw = M(h, K::kHourWord)) h = hw;
  if (size_t a = AmPm(h, &e)) {
    hour = hour % 12 + e->number;
    h = a;
  } else {
    size_t f = SkipFillers(h, 2);
    if (size_t a2 = M(f, K::kArticle)) f = a2;
    if (size_t pe = M(f, K::kPart, &e)) {
      hour = HourInPart(hour, e->part, 7);
      h = pe;
    }
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d", hour, minute);
  TimeOfDay t{h, buf, true, hour};
  t.minutes = hour * 60 + minute;
  return t;
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
  TimeMod mod = TimeMod::kNone;
  if (Sym(j, ",") || Sym(j, "@")) ++j;
  const TimeLexEntry* e = nullptr;
  if (size_t k = ClockPreAt(j)) {
    j = k;
    ctx = true;
  } else if (size_t h = M(j, K::kHedge, &e)) {
    // "demain avant 17h", "Thursday after 2pm": the hedge needs a clock time;
    // es "hoy antes de las 4 p.m.": an article may come between.
    if (size_t a = M(h, K::kArticle); a && !M(h, K::kClockPre)) h = a;
    std::optional<TimeOfDay> t = Clock(h, true, false);
    if (t && t->strong) {
      j = h;
      ctx = true;
      mod = e->mod;
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
      h == j + 1 && !ctx && (e->mod == TimeMod::kStart || e->mod == TimeMod::kEnd)) {
    const TimeMod hmod = e->mod;
    if (size_t p = M(h, K::kPart, &e)) {
      const std::string part = e->value;
      size_t te = p;
      std::string time = TimeInPart(p, e->part, &te);
      d->te = te;
      d->value += time.empty() ? "T" + part : time;
      d->type = TimeType::kTime;
      d->abs_day = false;
      d->is_day = false;
      if (time.empty() && d->mod == TimeMod::kNone) d->mod = hmod;
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
  const size_t t_end = t->te;
  d->te = t_end;
  // "Wed Oct 26 15:50:06 2016": the year after the time.
  int year = 0;
  if (size_t ye = d->free_year ? YearNumber(t_end, &year) : 0;
      ye && Num(t_end) && ValidDate(year, d->ymd.m, d->ymd.d)) {
    *d = DayCand(ye, {year, d->ymd.m, d->ymd.d}, AnchorKind::kAbsolute);
  }
  d->value += t->value;
  d->type = TimeType::kTime;
  d->abs_day = false;
  if (d->mod == TimeMod::kNone) d->mod = mod;
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
  TimeMod mod = TimeMod::kNone;
  if (size_t h = M(j, K::kHedgePost, &e0)) {
    mod = e0->mod;
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
  size_t pe = M(p, K::kPart, &e);
  bool one_word = false;  // "10, tonight": a day_part word names the day and its part
  if (!pe && p == j && (pe = M(j, K::kDayPart, &e))) {
    rel = e->number;
    one_word = true;
  }
  if (pe && t->hour >= 0 && HasDay()) {
    if (bare && ((rel != 0 && !one_word) || (p == j && !one_word) ||
                 !(pe >= t_.size() || Sym(pe, ".") || Sym(pe, "!") || Sym(pe, "?")))) {
      return std::nullopt;
    }
    int hour = t->hour;
    if ((e->part == DayPeriod::kAF || e->part == DayPeriod::kEV || e->part == DayPeriod::kNI) &&
        hour < 12 && hour >= 5) {
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
    const int hour = HourInPart(t->hour, e->part, 6);
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d", hour);
    time = buf + time.substr(3);
    d->te = pe;
  }
  d->value += time;
  d->type = TimeType::kTime;
  d->abs_day = false;
  if (d->mod == TimeMod::kNone) d->mod = mod;
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
      if (std::string t = TimeInPart(p, e->part, &c.te); !t.empty()) time = t;
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

}  // namespace time_scan
}  // namespace sitrep
