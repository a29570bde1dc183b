// @brief Date finding by a small hand-written scanner (no regular expressions,
// no ICU date parser: it rejects "1er février 2022").
#include "clean/date_finder.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>

#include "base/data_file.h"
#include "base/text_fold.h"
#include "base/utf8.h"

namespace sitrep {
namespace {

// The language of RFC 2822 month and day names ("Fri, 07 Jan 2022").
constexpr std::string_view kRfc2822Language = "en";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max digits at s[*pos]; returns -1 when there are none or too many.
int ReadNumber(std::string_view s, size_t* pos, int max_digits, int* ndigits = nullptr) {
  size_t p = *pos;
  int v = 0, n = 0;
  while (p < s.size() && IsDigit(s[p])) {
    if (n < 9) v = v * 10 + (s[p] - '0');  // longer runs are rejected below
    ++p;
    ++n;
  }
  if (n == 0 || n > max_digits) return -1;
  *pos = p;
  if (ndigits) *ndigits = n;
  return v;
}

// Skips spaces (incl. U+00A0/U+202F) and returns how many bytes were skipped.
size_t SkipSpaces(std::string_view s, size_t* pos) {
  size_t start = *pos;
  while (*pos < s.size()) {
    size_t p = *pos;
    char32_t c = NextCodePoint(s, &p);
    if (!IsSpace(c)) break;
    *pos = p;
  }
  return *pos - start;
}

// Reads a run of letters (and inner dots for abbreviations like "janv.").
std::string_view ReadWord(std::string_view s, size_t* pos) {
  size_t start = *pos, p = *pos;
  while (p < s.size()) {
    size_t q = p;
    char32_t c = NextCodePoint(s, &q);
    if (!u_isalpha(static_cast<UChar32>(c))) break;
    p = q;
  }
  *pos = p;
  return s.substr(start, p - start);
}

// Years sitrep reads as dates: news, archives and near-future plans. Outside
// them a number is more likely a count, an id or a typo than a year.
constexpr int kMinYear = 1800, kMaxYear = 2200;

bool ValidYmd(int y, int m, int d) {
  if (y < kMinYear || y > kMaxYear || m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d > kDays[m - 1]) return false;
  if (m == 2 && d == 29) return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return true;
}

size_t CountWordsAscii(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool w = std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
    if (w && !in) ++n;
    in = w;
  }
  return n;
}

bool IsAsciiSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool WordBoundaryBefore(std::string_view s, size_t pos) {
  if (pos == 0) return true;
  size_t p = pos;
  char32_t c = PrevCodePoint(s, &p);
  return !u_isalnum(static_cast<UChar32>(c));
}

}  // namespace

PublishedDate MakeDate(int year, int month, int day) {
  PublishedDate d;
  char buf[32];
  if (month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", year);
    d.precision = DatePrecision::kYear;
  } else if (day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    d.precision = DatePrecision::kMonth;
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    d.precision = DatePrecision::kDay;
  }
  d.value = buf;
  return d;
}

Result<std::unique_ptr<DateFinder>> DateFinder::Create(const Options& options) {
  std::unique_ptr<DateFinder> f(new DateFinder());
  Result<std::shared_ptr<const Languages>> registry = Languages::Load(options);
  if (!registry.ok()) return registry.status();
  std::vector<std::string> langs = (*registry)->codes();
  // RFC 2822 dates (ParseMachine) write English month names, whatever
  // languages are read.
  if (std::find(langs.begin(), langs.end(), kRfc2822Language) == langs.end()) {
    langs.emplace_back(kRfc2822Language);
  }
  for (const std::string& lang : langs) {
    Result<std::shared_ptr<const Language>> language = FindOrLoadLanguage(DataDir(options), lang);
    if (!language.ok()) return language.status();
    f->date_orders_.emplace(lang, (*language)->date_order());
    for (const CalendarName& n : (*language)->calendar_names()) {
      if (n.field != CalendarField::kMonth || n.width == NameWidth::kShort) continue;
      std::string folded = FoldForMatch(n.text);
      while (!folded.empty() && folded.back() == '.') folded.pop_back();
      if (folded.size() >= 3) f->months_.emplace(folded, n.number);
    }
    Result<TsvFile> words = ReadTsv(DataDir(options) + "/lang/" + lang + "/date_words.tsv", 2, 2);
    if (words.ok()) {
      static const std::set<std::string> kKinds = {"ordinal_suffix", "month_link", "year_suffix",
                                                   "time_joiner", "time_suffix", "am", "pm"};
      for (const TsvRow& row : words->rows) {
        if (!kKinds.count(row.fields[1])) {
          return words->ErrorAt(row, "unknown kind \"" + row.fields[1] +
                                         "\" (ordinal_suffix, month_link, year_suffix, time_joiner, time_suffix, am, pm)");
        }
        f->date_words_.emplace(row.fields[1], FoldForMatch(row.fields[0]));
      }
    } else if (words.status().code() != Code::kNotFound) {
      return words.status();
    }
    Result<TsvFile> cues = ReadTsv(DataDir(options) + "/lang/" + lang + "/dateline.tsv", 1, 1);
    if (!cues.ok()) {
      if (cues.status().code() == Code::kNotFound) continue;
      return cues.status();
    }
    for (const TsvRow& row : cues->rows) f->cues_.push_back(FoldForMatch(row.fields[0]));
  }
  std::sort(f->cues_.begin(), f->cues_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  f->cues_.erase(std::unique(f->cues_.begin(), f->cues_.end()), f->cues_.end());
  return f;
}

bool DateFinder::IsDateWord(std::string_view kind, std::string_view word) const {
  return date_words_.count({std::string(kind), std::string(word)}) > 0;
}

int DateFinder::MonthNumber(std::string_view word) const {
  std::string folded = FoldForMatch(word);
  auto it = months_.find(folded);
  return it == months_.end() ? 0 : it->second;
}

DateOrder DateFinder::OrderOf(std::string_view lang) const {
  auto it = date_orders_.find(lang);
  return it == date_orders_.end() ? DateOrder::kDmy : it->second;
}

std::optional<DateMatch> DateFinder::DateAt(std::string_view s, size_t pos, DateOrder order,
                                            bool require_year) const {
  if (pos >= s.size() || !WordBoundaryBefore(s, pos)) return std::nullopt;
  DateMatch m;
  m.start = pos;
  size_t p = pos;
  if (IsDigit(s[p])) {
    int n1d = 0;
    int n1 = ReadNumber(s, &p, 4, &n1d);
    if (n1 < 0) return std::nullopt;
    if (n1d == 4 && p < s.size() && (s[p] == '-' || s[p] == '/' || s[p] == '.')) {
      // ISO-like: 2022-01-07, 2022-01, 2022/01/07
      char sep = s[p];
      size_t q = p + 1;
      int n2d = 0;
      int month = ReadNumber(s, &q, 2, &n2d);
      if (month < 1 || month > 12) return std::nullopt;
      int day = 0;
      if (q < s.size() && s[q] == sep) {
        size_t r = q + 1;
        day = ReadNumber(s, &r, 2);
        if (day > 0 && ValidYmd(n1, month, day)) q = r; else day = 0;
      }
      if (q < s.size() && IsDigit(s[q])) return std::nullopt;
      if (!ValidYmd(n1, month, day ? day : 1)) return std::nullopt;
      m.date = MakeDate(n1, month, day);
      m.end = q;
      return m;
    }
    if (n1d <= 2 && p < s.size() && (s[p] == '.' || s[p] == '/' || s[p] == '-') &&
        p + 1 < s.size() && IsDigit(s[p + 1])) {
      // Numeric day-month-year (month-day-year in English): 7.1.2022, 07/01/2022
      char sep = s[p];
      size_t q = p + 1;
      int n2 = ReadNumber(s, &q, 2);
      if (n2 < 0 || q >= s.size() || s[q] != sep) return std::nullopt;
      ++q;
      int yd = 0;
      int year = ReadNumber(s, &q, 4, &yd);
      if (year < 0 || (yd != 4 && yd != 2)) return std::nullopt;
      if (yd == 2) year += 2000;
      if (q < s.size() && IsDigit(s[q])) return std::nullopt;
      int day = n1, month = n2;
      const bool month_first = order == DateOrder::kMdy;
      if (month_first && n1 <= 12 && n2 > 12)
        std::swap(day, month);
      else if (month_first && sep == '/' && n1 <= 12)
        std::swap(day, month);
      if (!ValidYmd(year, month, day)) return std::nullopt;
      m.date = MakeDate(year, month, day);
      m.end = q;
      return m;
    }
    if (n1d > 2 || n1 < 1 || n1 > 31) return std::nullopt;
    // Day then month name: "7 janvier 2022", "1er février", "9. Januar 2022", "5 января 2022 г."
    size_t q = p;
    std::string_view suffix = ReadWord(s, &q);
    if (!suffix.empty()) {
      std::string f = FoldForMatch(suffix);
      if (!IsDateWord("ordinal_suffix", f)) return std::nullopt;
      p = q;
    }
    if (p < s.size() && (s[p] == '.' || s[p] == ',')) ++p;
    if (SkipSpaces(s, &p) == 0 && suffix.empty()) return std::nullopt;
    size_t wstart = p;
    std::string_view word = ReadWord(s, &p);
    std::string fw = FoldForMatch(word);
    if (IsDateWord("month_link", fw)) {  // "7 de enero de 2022", "the 9th of January"
      SkipSpaces(s, &p);
      wstart = p;
      word = ReadWord(s, &p);
    }
    int month = MonthNumber(word);
    if (month == 0) return std::nullopt;
    (void)wstart;
    if (p < s.size() && s[p] == '.') ++p;
    size_t end = p;
    int year = 0;
    size_t q2 = p;
    SkipSpaces(s, &q2);
    size_t q3 = q2;
    std::string_view de = ReadWord(s, &q3);
    if (IsDateWord("month_link", FoldForMatch(de))) {
      SkipSpaces(s, &q3);
      q2 = q3;
    }
    int yd = 0;
    int y = ReadNumber(s, &q2, 4, &yd);
    if (y > 0 && yd == 4 && (q2 >= s.size() || !IsDigit(s[q2]))) {
      year = y;
      end = q2;
      // Russian "г." / "года" after the year.
      size_t q4 = q2;
      SkipSpaces(s, &q4);
      size_t q5 = q4;
      std::string_view g = ReadWord(s, &q5);
      std::string fg = FoldForMatch(g);
      if (IsDateWord("year_suffix", fg)) {
        end = q5;
        if (end < s.size() && s[end] == '.') ++end;
      }
    }
    if (year == 0) {
      if (require_year || !ValidYmd(2000, month, n1)) return std::nullopt;
      char buf[16];
      std::snprintf(buf, sizeof buf, "--%02d-%02d", month, n1);
      m.date.value = buf;
      m.date.precision = DatePrecision::kDay;
      m.end = end;
      return m;
    }
    if (!ValidYmd(year, month, n1)) return std::nullopt;
    m.date = MakeDate(year, month, n1);
    m.end = end;
    return m;
  }
  // Month name first: "January 9, 2022", "Jan. 9 2022", "January 2022", "enero de 2022".
  std::string_view word = ReadWord(s, &p);
  int month = MonthNumber(word);
  if (month == 0) return std::nullopt;
  if (p < s.size() && s[p] == '.') ++p;
  SkipSpaces(s, &p);
  size_t q = p;
  std::string_view de = ReadWord(s, &q);
  if (IsDateWord("month_link", FoldForMatch(de))) {
    SkipSpaces(s, &q);
    p = q;
  }
  int nd = 0;
  int n = ReadNumber(s, &p, 4, &nd);
  if (n < 0) return std::nullopt;
  if (nd == 4) {
    if (p < s.size() && IsDigit(s[p])) return std::nullopt;
    m.date = MakeDate(n, month, 0);
    m.end = p;
    return m;
  }
  if (nd > 2) return std::nullopt;
  size_t r = p;
  std::string_view suffix = ReadWord(s, &r);
  std::string fs = FoldForMatch(suffix);
  if (IsDateWord("ordinal_suffix", fs)) p = r;
  if (p < s.size() && s[p] == ',') ++p;
  SkipSpaces(s, &p);
  int yd = 0;
  int year = ReadNumber(s, &p, 4, &yd);
  if (year < 0 || yd != 4 || !ValidYmd(year, month, n)) return std::nullopt;
  m.date = MakeDate(year, month, n);
  m.end = p;
  return m;
}

std::optional<DateMatch> DateFinder::FindDate(std::string_view s, std::string_view lang,
                                              size_t from, bool require_year) const {
  return FindDateInOrder(s, OrderOf(lang), from, require_year);
}

std::optional<DateMatch> DateFinder::FindDateInOrder(std::string_view s, DateOrder order,
                                                     size_t from, bool require_year) const {
  for (size_t pos = from; pos < s.size();) {
    auto c = static_cast<unsigned char>(s[pos]);
    if (IsDigit(c) || (c >= 0x80 || std::isalpha(c))) {
      if (auto m = DateAt(s, pos, order, require_year)) return m;
    }
    // Advance to the next word start.
    size_t p = pos;
    char32_t cp = NextCodePoint(s, &p);
    if (u_isalnum(static_cast<UChar32>(cp))) {
      while (p < s.size()) {
        size_t q = p;
        char32_t c2 = NextCodePoint(s, &q);
        if (!u_isalnum(static_cast<UChar32>(c2))) break;
        p = q;
      }
    }
    pos = p;
  }
  return std::nullopt;
}

namespace {

// Reads exactly `n` digits at s[*p].
bool Digits(std::string_view s, size_t* p, int n, int* out) {
  if (*p + n > s.size()) return false;
  int v = 0;
  for (int i = 0; i < n; ++i) {
    char c = s[*p + i];
    if (!IsDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *p += n;
  *out = v;
  return true;
}

// Strict ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, optionally followed (after a
// date) by T or a space, hh:mm[:ss[.fff]] and a zone (Z, +hh:mm, +hhmm).
// The whole string must match. A time of 00:00 is taken as "no time given".
Result<PublishedDate> ParseIso(std::string_view s) {
  const Status bad(Code::kInvalidArgument, "not an ISO 8601 date");
  size_t p = 0;
  int y = 0, m = 0, d = 0;
  if (!Digits(s, &p, 4, &y)) return bad;
  if (p < s.size()) {
    if (s[p] != '-' || !Digits(s, &(++p), 2, &m)) return bad;
    if (p < s.size() && s[p] == '-' && !Digits(s, &(++p), 2, &d)) return bad;
  }
  if (y < kMinYear || y > kMaxYear) {
    return Status(Code::kInvalidArgument,
                  "year " + std::to_string(y) + " is outside the supported range " +
                      std::to_string(kMinYear) + "-" + std::to_string(kMaxYear));
  }
  if (!ValidYmd(y, m ? m : 1, d ? d : 1) || (m == 0 && p != s.size())) {
    return Status(Code::kInvalidArgument, "no such date");
  }
  PublishedDate date = MakeDate(y, m, d);
  if (p == s.size()) return date;
  if (d == 0 || (s[p] != 'T' && s[p] != ' ')) return bad;
  ++p;
  int hh = 0, mm = 0, ss = 0;
  if (!Digits(s, &p, 2, &hh) || p >= s.size() || s[p] != ':' || !Digits(s, &(++p), 2, &mm)) return bad;
  if (p < s.size() && s[p] == ':' && !Digits(s, &(++p), 2, &ss)) return bad;
  if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
    ++p;
    size_t frac = p;
    while (p < s.size() && IsDigit(s[p])) ++p;
    if (p == frac) return bad;
  }
  if (hh > 23 || mm > 59 || ss > 60) return Status(Code::kInvalidArgument, "no such time");
  std::string zone;
  if (p < s.size() && s[p] == 'Z') {
    zone = "Z";
    ++p;
  } else if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
    size_t z = p++;
    int zh = 0, zm = 0;
    if (!Digits(s, &p, 2, &zh)) return bad;
    if (p < s.size() && s[p] == ':') ++p;
    if (!Digits(s, &p, 2, &zm) || zh > 14 || zm > 59) return bad;
    zone = std::string(1, s[z]) + std::string(s.substr(z + 1, 2)) + ":" + std::string(s.substr(p - 2, 2));
  }
  if (p != s.size()) return bad;
  if (hh == 0 && mm == 0 && ss == 0) return date;  // midnight: a date without a time
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d", hh, mm);
  date.value += buf + (zone == "+00:00" || zone == "-00:00" ? std::string("Z") : zone);
  date.precision = DatePrecision::kMinute;
  return date;
}

}  // namespace

Result<PublishedDate> ParseIsoDateFlag(std::string_view s) { return ParseIso(s); }

Result<PublishedDate> DateFinder::ParseMachine(std::string_view s) const {
  size_t a = 0;
  SkipSpaces(s, &a);
  s.remove_prefix(a);
  while (!s.empty() && IsAsciiSpace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (s.empty()) return Status(Code::kInvalidArgument, "empty date");
  if ((s[0] == '-' || s[0] == '+') && s.size() > 1 && IsDigit(s[1])) {
    return Status(Code::kInvalidArgument, "a signed year is not a supported date");
  }
  if (s.size() >= 4 && IsDigit(s[0]) && IsDigit(s[1]) && IsDigit(s[2]) && IsDigit(s[3])) {
    Result<PublishedDate> d = ParseIso(s);
    if (d.ok()) d->text = std::string(s);
    return d;
  }
  // Numeric dates with the year last: only when the day cannot be the month.
  if (IsDigit(s[0])) {
    size_t p = 0;
    int n1 = ReadNumber(s, &p, 2);
    if (n1 > 0 && p < s.size() && (s[p] == '/' || s[p] == '.' || s[p] == '-')) {
      size_t q = p + 1;
      int n2 = ReadNumber(s, &q, 2);
      if (n2 > 0 && n1 <= 12 && n2 <= 12 && n1 != n2) {
        return Status(Code::kInvalidArgument, "ambiguous day and month order; write YYYY-MM-DD");
      }
    }
  }
  // RFC 2822 "Fri, 07 Jan 2022 14:32:00 GMT" and written dates ("January 9, 2022").
  // Month first when the first number may be a month: the ambiguous forms
  // were refused above, so this reads "1/13/2022" and "13/1/2022" alike.
  std::optional<DateMatch> m = FindDateInOrder(s, DateOrder::kMdy, 0, true);
  if (!m) return Status(Code::kInvalidArgument, "not a date");
  // Only a weekday may come before, only a time and a zone after.
  for (char c : s.substr(m->end)) {
    if (!(IsDigit(c) || c == ':' || c == ' ' || c == '+' || c == '-' || c == '.' || (c >= 'A' && c <= 'Z'))) {
      return Status(Code::kInvalidArgument, "unexpected text after the date");
    }
  }
  // Only a weekday may come before: letters, spaces, a comma or a dot.
  std::string_view before = s.substr(0, m->start);
  bool only_words = std::all_of(before.begin(), before.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80) ||
           c == ' ' || c == ',' || c == '.';
  });
  if (!only_words || CountWordsAscii(before) > 1) {
    return Status(Code::kInvalidArgument, "unexpected text before the date");
  }
  PublishedDate d = m->date;
  d.text = std::string(s);
  return d;
}

std::optional<DateMatch> DateFinder::MatchDateline(std::string_view block,
                                                   std::string_view lang) const {
  size_t p = 0;
  SkipSpaces(block, &p);
  // Fold the start of the block once, remembering where each folded prefix
  // ends in the original text, then compare every cue with it.
  std::string folded;
  std::vector<std::pair<size_t, size_t>> ends;  // (folded size, byte offset in block)
  for (size_t q = p; q < block.size() && folded.size() < 48;) {
    size_t r = q;
    char32_t c = NextCodePoint(block, &r);
    if (IsSpace(c)) {
      folded += ' ';
    } else {
      folded += FoldForMatch(block.substr(q, r - q));
    }
    q = r;
    ends.emplace_back(folded.size(), q);
  }
  for (const std::string& cue : cues_) {
    if (folded.compare(0, cue.size(), cue) != 0) continue;
    size_t q = std::string::npos;
    for (const auto& [n, off] : ends) {
      if (n == cue.size()) {
        q = off;
        break;
      }
    }
    if (q == std::string::npos) continue;
    if (q < block.size()) {
      size_t r = q;
      char32_t c = NextCodePoint(block, &r);
      if (u_isalnum(static_cast<UChar32>(c))) continue;  // cue must end at a word end
    }
    SkipSpaces(block, &q);
    if (q < block.size() && (block[q] == ':' || block[q] == '-')) ++q;
    SkipSpaces(block, &q);
    // Optional weekday word before the date: "Publié le vendredi 7 janvier 2022".
    std::optional<DateMatch> m = DateAt(block, q, OrderOf(lang));
    if (!m) {
      size_t r = q;
      ReadWord(block, &r);
      if (r < block.size() && block[r] == ',') ++r;
      SkipSpaces(block, &r);
      if (r > q) m = DateAt(block, r, OrderOf(lang));
    }
    if (!m) continue;
    size_t end = m->end;
    // Optional time: "à 14h32", ", 14:32 Uhr", "at 2:30 pm", "- 10:00".
    size_t t = end;
    if (t < block.size() && (block[t] == ',')) ++t;
    SkipSpaces(block, &t);
    size_t w = t;
    std::string_view joiner = ReadWord(block, &w);
    std::string fj = FoldForMatch(joiner);
    if (IsDateWord("time_joiner", fj)) {
      SkipSpaces(block, &w);
      t = w;
    } else if (t < block.size() && block[t] == '-') {
      ++t;
      SkipSpaces(block, &t);
    }
    size_t hp = t;
    int hh = ReadNumber(block, &hp, 2);
    if (hh >= 0 && hh < 24 && hp < block.size() &&
        (block[hp] == ':' || block[hp] == 'h' || block[hp] == 'H' || block[hp] == '.')) {
      size_t mp = hp + 1;
      int mm = ReadNumber(block, &mp, 2);
      if (mm >= 0 && mm < 60) {
        end = mp;
        size_t u = mp;
        SkipSpaces(block, &u);
        size_t u2 = u;
        std::string fu = FoldForMatch(ReadWord(block, &u2));
        bool pm = IsDateWord("pm", fu), am = IsDateWord("am", fu);
        if (IsDateWord("time_suffix", fu) || am || pm) end = u2;
        if (pm && hh < 12) hh += 12;
        if (am && hh == 12) hh = 0;
        // The time as written, without a zone (datelines rarely give one).
        if (m->date.precision == DatePrecision::kDay) {
          char buf[16];
          std::snprintf(buf, sizeof buf, "T%02d:%02d", hh, mm);
          m->date.value += buf;
          m->date.precision = DatePrecision::kMinute;
        }
      }
    }
    m->start = p;
    m->end = end;
    m->date.text = std::string(block.substr(p, end - p));
    m->date.origin = "text";
    return m;
  }
  return std::nullopt;
}

}  // namespace sitrep
