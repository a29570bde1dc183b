// @brief Scan: numbers and spelled numbers, tense around an expression, resolution of days,
// weekdays and months against the DCT.
#include "time/time_scan.h"

namespace sitrep {
namespace time_scan {

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
    *n = e->same ? PriorCount(i) : e->amount;  // "half a" 0.5, "a few" NaN
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

// "la deuxième fois en autant d'années", "three elections in as many
// years": the count nearest before a `same` quant in its sentence (a number,
// a spelled number, an ordinal), at most 12 tokens back; NaN (an
// unknown amount, X) when there is none.
double Scan::PriorCount(size_t i) const {
  for (size_t k = i, steps = 0; k > 0 && steps < 12; ++steps) {
    --k;
    const TimeToken& t = t_[k];
    if (t.kind == TimeTokKind::kPunct &&
        (t.folded == "." || t.folded == "!" || t.folded == "?" || t.folded == ";")) {
      break;
    }
    if (t.kind == TimeTokKind::kNumber) {
      if (t.ndigits > 3 || grouped_[k] || t.number < 2) return std::nan("");
      return static_cast<double>(t.number);
    }
    if (t.kind != TimeTokKind::kWord) continue;
    if (entries_[k]) {
      for (const TimeLexEntry& e : *entries_[k]) {
        if (e.kind == K::kOrdinal && e.tokens.size() == 1 && e.number >= 2) {
          return e.number;
        }
      }
      continue;
    }
    if (number_word_[k]) {
      size_t used = 0;
      const std::string_view w = text_.substr(t_[k].start, t_[k].end - t_[k].start);
      const int64_t v = lex_.ParseSpelledNumber(w, &used);
      if (used == w.size() && v >= 2 && v <= 1000) return static_cast<double>(v);
    }
  }
  return std::nan("");
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
  c.value = TimexValue::Day(v);
  c.anchor = a;
  c.is_day = true;
  c.abs_day = true;
  c.ymd = v;
  return c;
}

Cand Scan::ResolveDayMonth(size_t te, int month, int day, int year) {
  if (year) return DayCand(te, {year, month, day}, AnchorKind::kAbsolute);
  // The year around `around` that puts the day nearest to it (and where it
  // exists); by years only when `by_year` (a DCT of year precision); 0: none.
  auto nearest_year = [&](const Ymd& around, bool by_year) {
    const int64_t from = DaysOf(around);
    int best_year = 0;
    int64_t best_dist = 0;
    for (int y = around.y - 1; y <= around.y + 1; ++y) {
      if (!ValidDate(y, month, day)) continue;
      const int64_t dist =
          by_year ? std::abs(y - around.y) : std::llabs(DaysFromCivil(y, month, day) - from);
      if (!best_year || dist < best_dist) {
        best_year = y;
        best_dist = dist;
      }
    }
    return best_year;
  };
  if (dct_.level >= 1) {
    if (const int y = nearest_year(dct_.day, dct_.level < 2)) {
      Cand c = DayCand(te, {y, month, day}, AnchorKind::kDct);
      c.free_year = true;
      return c;
    }
  } else if (anchor_->have) {
    // No DCT, but the text named a full date before ("le 21 juin 2012 ...
    // le 14 juillet"): the year that puts the day nearest to it.
    if (const int y = nearest_year(anchor_->day, false)) {
      Cand c = DayCand(te, {y, month, day}, AnchorKind::kExpr);
      c.anchor_start = anchor_->start;
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

std::optional<Cand> Scan::ValidDayMonth(size_t te, int month, int day, int year) {
  if (!ValidDate(year ? year : 2000, month, day)) return std::nullopt;
  return ResolveDayMonth(te, month, day, year);
}

Cand Scan::ResolveWeekday(size_t b, size_t te, int wd, int rel) {
  Cand c;
  c.te = te;
  c.is_day = true;
  // The day the weekday counts from: the DCT's; without one, the last full
  // date of the text before it (a dated dateline: "MADRID, 3 de mayo de
  // 2022 ... la noche del martes"), as TimeML annotators anchor it.
  const bool from_text = !HasDay() && anchor_->have;
  if (!HasDay() && !from_text) {
    c.value = "XXXX-WXX-" + std::to_string(wd);
    c.unresolved = true;
    return c;
  }
  const int64_t ref = from_text ? DaysOf(anchor_->day) : dct_.days;
  const int today = IsoWeekday(ref);
  int64_t back = (today - wd + 7) % 7;  // days since the last such weekday
  int64_t fwd = (wd - today + 7) % 7;   // days until the next one
  int64_t target;
  if (rel < 0) {
    target = ref - (back ? back : 7) - 7 * (-rel - 1);  // "Friday before last": -2
  } else if (rel > 0) {
    target = ref + (fwd ? fwd : 7) + 7 * (rel - 1);  // "Friday after next": 2
  } else if (back == 0) {
    target = ref;  // "lundi" said on a Monday: that day
  } else {
    target = TenseAround(b, te) == Tense::kFuture ? ref + fwd : ref - back;
  }
  Cand d = DayCand(te, CivilFromDays(target), from_text ? AnchorKind::kExpr : AnchorKind::kDct);
  if (from_text) d.anchor_start = anchor_->start;
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
  c.value = TimexValue::Month(y, month);
  c.free_year = rel == 0;
  MarkDct(&c);
  return c;
}

size_t Scan::CalendarUnits(size_t j, int* amount, TimeUnit* unit) {
  double n = 0;
  const size_t q = Quantity(j, &n);
  if (!q || std::isnan(n) || n != std::floor(n) || n < 1 || n > 1000) return 0;
  const TimeLexEntry* e = nullptr;
  const size_t u = M(q, K::kUnit, &e);
  if (!u) return 0;
  if (e->unit != TimeUnit::kD && e->unit != TimeUnit::kW && e->unit != TimeUnit::kM &&
      e->unit != TimeUnit::kY)
    return 0;
  *amount = static_cast<int>(n);
  *unit = e->unit;
  return u;
}

}  // namespace time_scan
}  // namespace sitrep
