// @brief Scan: date patterns (numeric dates, day and month, weekdays, relative units, years,
// decades, seasons, named periods).
#include "time/time_scan.h"

namespace sitrep {
namespace time_scan {

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
    c.value = TimexValue::Month(y, m);
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
    if (lex_.date_order() == DateOrder::kMdy && day <= 12) std::swap(day, month);
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
  } else if (sep == "." && lex_.decimal_separator() != '.' && t_[i + 2].ndigits == 2 &&
             !ClockPreBefore(i) && !M(te, K::kHourWord) && !M(te, K::kUnit) &&
             !(te < t_.size() && t_[te].kind == TimeTokKind::kWord && !entries_[te] &&
               !(i > 0 && (M(i - 1, K::kFiller) == i || M(i - 1, K::kArticle) == i))) &&
             !(te < t_.size() && Attached(te) && !Sym(te, "."))) {
    // de "am 22.04 zurück", "für den 28.10.": where decimals take a comma, a
    // day and a two-digit month joined by a dot are a date (not before an
    // hour word or a unit, not after a clock word: "um 10.05"; before a word
    // no pattern knows only after a filler or an article: "bei 1.05 Prozent").
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
  if (lex_.date_order() == DateOrder::kMdy && n1 <= 12) std::swap(day, month);
  if (month > 12 && day <= 12) std::swap(day, month);
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  return ValidDayMonth(te, month, day, year);
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
  if (lex_.date_order() == DateOrder::kMdy && day <= 12) std::swap(day, month);
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
  c.value = TimexValue::Month(year, month);
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
  return ValidDayMonth(j, month, day, year);
}

std::optional<Cand> Scan::DayMonth(size_t i) {
  size_t j = i;
  int wd = 0;
  const TimeLexEntry* e = nullptr;
  // "ce mardi 19 avril", "este martes 19 de abril": a demonstrative before
  // a weekday that a full date follows adds nothing to the date.
  size_t w = j;
  if (size_t r = M(j, K::kRel, &e); r && e->number == 0 && M(r, K::kWeekday)) w = r;
  if (size_t k = M(w, K::kWeekday, &e)) {
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
    // "de 2018", es "de dos mil dieciocho": a filler before a year.
    if (Num(f) || (NumWord(f) && f + 1 < t_.size() && NumWord(f + 1))) y0 = f;
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
  if (!ValidDate(year ? year : 2000, month, day)) return std::nullopt;
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
    c.value = TimexValue::Month(year, m);
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
      c.value = TimexValue::Month(year, month);
      c.anchor = AnchorKind::kAbsolute;
      return c;
    }
  }
  if (weak) {
    // "after Feb", "in dec", "the week of Jan": an abbreviated month alone
    // after a preposition or a hedge, closing the clause (fr "en sept jours"
    // counts: "sept" is a number word); a capital after a filler and a
    // capitalised word is part of a name (es "el Mes del Mar" is the sea).
    const bool ends = k >= t_.size() || t_[k].kind == TimeTokKind::kPunct;
    const bool filler = i > 0 && M(i - 1, K::kFiller) == i;
    const bool in_name = filler && Capitalized(i) && i >= 2 &&
                         t_[i - 2].kind == TimeTokKind::kWord && t_[i - 2].capital;
    const bool prep = i > 0 && !has_rel && !in_name &&
                      (filler || M(i - 1, K::kInPre) == i || M(i - 1, K::kHedge) == i);
    if (!ends || !prep || NumWord(i)) return std::nullopt;
  }
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
  const TimeUnit unit = e->unit;
  const bool plural = e->plural;
  if (!has_rel) {
    if (size_t r = M(k, K::kRel, &e)) {
      rel = e->number;
      has_rel = true;
      k = r;
    } else if (size_t d = M(k, K::kDeictic, &e); d && e->value == "PRESENT_REF" && !plural &&
                                                 unit != TimeUnit::kD && unit != TimeUnit::kH &&
                                                 unit != TimeUnit::kMin && unit != TimeUnit::kS) {
      has_rel = true;  // "year to date", "the quarter so far": the DCT's period
      k = d;
    } else if (size_t rp = M(k, K::kRelPost, &e); rp && !plural) {
      rel = e->number;  // "the week after next" (2), "the year before last" (-2)
      has_rel = true;
      k = rp;
    }
  }
  if (unit == TimeUnit::kFN) {
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
    if (!has_rel || IsClockUnit(unit)) return std::nullopt;
    if (i > 0 && (Num(i - 1) || NumWord(i - 1))) return std::nullopt;
    Cand c;
    c.te = k;
    c.value = rel < 0 ? "PAST_REF" : rel > 0 ? "FUTURE_REF" : "PRESENT_REF";
    if (dct_.level) MarkDct(&c);
    return c;
  }
  if (!has_rel) {
    // A bare unit: "le week-end" (tense decides), or a hedged "en début de semaine".
    if (unit == TimeUnit::kWE && (article || licensed || i > 0)) {
      if (!article && !licensed) {
        size_t p = i - 1;
        if (M(p, K::kFiller) != i && M(p, K::kArticle) != i) return std::nullopt;
      }
    } else if (!licensed) {
      return std::nullopt;
    }
  }
  if (article && !has_rel && !licensed && unit != TimeUnit::kWE) return std::nullopt;
  Cand c;
  c.te = k;
  const int need = unit == TimeUnit::kY                                                      ? 1
                   : (unit == TimeUnit::kM || unit == TimeUnit::kQ || unit == TimeUnit::kHY) ? 2
                                                                                             : 3;
  if (dct_.level < need) {
    c.unresolved = true;
    return c;
  }
  MarkDct(&c);
  if (unit == TimeUnit::kHY) {
    const int h = dct_.day.y * 2 + (dct_.day.m - 1) / 6 + rel;  // half-years since year 0
    Cand d = HalfYearCand(k, h / 2, h % 2 + 1);
    MarkDct(&d);
    return d;
  }
  if (unit == TimeUnit::kQ) {
    const int q = (dct_.day.y * 4 + (dct_.day.m - 1) / 3) + rel;  // quarters since year 0
    Cand d = QuarterCand(k, q / 4, q % 4 + 1);
    MarkDct(&d);
    return d;
  } else if (unit == TimeUnit::kD) {
    Cand d = DayCand(k, CivilFromDays(dct_.days + rel), AnchorKind::kDct);
    return d;
  } else if (unit == TimeUnit::kW) {
    c.value = FormatWeek(dct_.days + 7 * rel);
  } else if (unit == TimeUnit::kWE) {
    int wd = IsoWeekday(dct_.days);
    int shift = rel;
    if (!has_rel && wd <= 5) {
      shift = TenseAround(i, k) == Tense::kFuture ? 0 : -1;
    } else if (rel == 0 && wd <= 5 && TenseAround(i, k) == Tense::kPast) {
      // "ce week-end" told in the past on a weekday: the weekend just gone
      // ("les manifestations de ce week-end ont fait..." on Monday).
      shift = -1;
    }
    c.value = FormatWeek(dct_.days + 7 * shift, true);
  } else if (unit == TimeUnit::kM) {
    Ymd m = AddMonths({dct_.day.y, dct_.day.m, 1}, rel);
    c.value = TimexValue::Month(m.y, m.m);
  } else if (unit == TimeUnit::kY) {
    c.value = TimexValue::Year(dct_.day.y + rel);
  } else if (unit == TimeUnit::kDE) {
    c.value = std::to_string((dct_.day.y / 10) + rel);
  } else if (unit == TimeUnit::kCE) {
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
  if (e->unit == TimeUnit::kY) {
    if (M(j, K::kDecadePre)) return std::nullopt;  // "les années 1990": a decade
    int year = 0;
    size_t ye = YearNumber(u, &year);
    if (!ye) return std::nullopt;
    Cand c;
    c.te = ye;
    c.value = TimexValue::Year(year);
    c.anchor = AnchorKind::kAbsolute;
    return c;
  }
  if (e->unit != TimeUnit::kW || !Num(u) || t_[u].ndigits > 2 || t_[u].number < 1 ||
      t_[u].number > 53) {
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
               ry && ry->value.grain() == Grain::kYear) {
      year = ry->value.first().y;
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
  c.value = TimexValue::Year(year);
  c.anchor = AnchorKind::kAbsolute;
  return c;
}

std::optional<Cand> Scan::Decade(size_t i) {
  size_t j = i;
  bool pre = false;
  // "les années 90": the article of a decade word is the date's, as "the
  // 1990s" ("des années 90" leaves the preposition out).
  if (size_t a = M(j, K::kArticle); a && M(a, K::kDecadePre) && !M(j, K::kDecadePre)) j = a;
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
    c.value = TimexValue::YearPart(year, "-" + season);
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
    c.value = TimexValue::YearPart(y, "-" + season);
    MarkDct(&c);
  } else if (has_rel || (determined && !(M(j, K::kHomonym) && ArticleBefore(i) &&
                                         HomonymNoun(i - ArticleBefore(i) + 1, k)))) {
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
  return RunRules(RuleFamily::kDatePart, i, licensed);
}

std::optional<Cand> Scan::WeekdayDate(size_t i) {
  std::optional<Cand> w = Weekday(i);
  if (!w) return std::nullopt;
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
  return w;
}

std::optional<Cand> Scan::RelDate(size_t i) {
  size_t j0 = i;
  int rel = 0;
  if (!LeadingRel(&j0, &rel)) return std::nullopt;
  std::optional<Cand> d = Num(j0) ? NumericDate(j0) : std::nullopt;
  if (!d && Num(j0)) d = DayMonth(j0);
  if (d && d->is_day) return d;
  return std::nullopt;
}

std::optional<Cand> Scan::ShortWeekdayDate(size_t i) {
  if (!IsWeekdayName(i)) return std::nullopt;
  size_t j = i + 1;
  if (Sym(j, ".") || Sym(j, ",")) ++j;
  std::optional<Cand> d = Num(j) ? NumericDate(j) : MonthFirst(j, false);
  if (d && d->is_day) return d;
  return std::nullopt;
}

}  // namespace time_scan
}  // namespace sitrep
