// @brief Scan: where a match may start, and the left-to-right scan that emits TimeExpr values and
// moves the text anchor.
#include <cctype>

#include "time/time_scan.h"

namespace sitrep {
namespace time_scan {
namespace {

// The length of the day a value starts with: "2018-12-08", "XXXX-XX-15",
// "XXXX-WXX-6", alone or before a time of day ("2018-12-08T13:30",
// "2018-12-08TEV"); 0 for any other value (months, weeks, ranges of days).
size_t DayPrefix(std::string_view v) {
  if (v.size() < 10 || (v.size() > 10 && v[10] != 'T')) return 0;
  auto dx = [&](size_t k) { return (v[k] >= '0' && v[k] <= '9') || v[k] == 'X'; };
  if (!dx(0) || !dx(1) || !dx(2) || !dx(3) || v[4] != '-') return 0;
  if (v[5] == 'W') return v[8] == '-' && v[9] >= '1' && v[9] <= '7' ? 10 : 0;
  return dx(5) && dx(6) && v[7] == '-' && dx(8) && dx(9) ? 10 : 0;
}

// A sentence ends between byte offsets `from` and `to` of `text`: a line
// break, or ".", "!", "?" before a space and a capital letter, a digit or an
// opening quote ("p.m. del martes" goes on, "p.m. Luego" does not).
bool SentenceBreak(std::string_view text, size_t from, size_t to) {
  to = std::min(to, text.size());
  for (size_t k = from; k < to; ++k) {
    const char c = text[k];
    if (c == '\n') return true;
    if (c != '.' && c != '!' && c != '?') continue;
    size_t n = k + 1;
    if (n >= text.size() || (text[n] != ' ' && text[n] != '\t')) continue;
    while (n < text.size() && (text[n] == ' ' || text[n] == '\t')) ++n;
    if (n >= text.size()) return true;
    const auto b = static_cast<unsigned char>(text[n]);
    const auto b1 = n + 1 < text.size() ? static_cast<unsigned char>(text[n + 1]) : 0;
    if ((b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '"') return true;
    if (b == 0xC3 && b1 >= 0x80 && b1 <= 0x9E) return true;  // Latin-1 capitals: É, À
    if (b == 0xD0 && b1 >= 0x80 && b1 <= 0xAF) return true;  // Cyrillic capitals
    if ((b == 0xC2 && b1 == 0xAB) || (b == 0xE2 && b1 == 0x80)) return true;  // «, “ ‘ —
  }
  return false;
}

// A clock time, a time range or a part of a day that names no day ("T13:30",
// "T17/T18", "TEV"); sets ("every day at 3pm") keep theirs bare.
bool NamesNoDay(const TimeExpr& x) {
  return x.type != TimeType::kSet && x.type != TimeType::kDuration && x.value.size() > 1 &&
         x.value[0] == 'T';
}

}  // namespace

// TimeML anchors a clock time on the day in focus: the day of its sentence
// (the nearest date before it in the sentence, else the first after it),
// else the day of the nearest date before it in the text, else the DCT's
// day. "vers 13h30" after "samedi 8 décembre" is 2018-12-08T13:30; `anchor`
// says which it was.
void Scan::DateClockTimes(std::vector<TimeExpr>* out, size_t first) const {
  for (size_t k = first; k < out->size(); ++k) {
    TimeExpr& x = (*out)[k];
    if (size_t n = DayPrefix(x.value)) {
      anchor_->focus = x.value.substr(0, n);
      anchor_->focus_start = x.start;
      continue;
    }
    if (!NamesNoDay(x)) continue;
    std::string day;
    AnchorKind kind = AnchorKind::kExpr;
    uint32_t from = 0;
    const bool focus_here = !anchor_->focus.empty() && anchor_->focus_start >= base_;
    if (focus_here && !SentenceBreak(text_, anchor_->focus_start - base_, x.start - base_)) {
      day = anchor_->focus;
      from = anchor_->focus_start;
    }
    for (size_t j = k + 1; day.empty() && j < out->size(); ++j) {
      const TimeExpr& y = (*out)[j];
      if (SentenceBreak(text_, x.end - base_, y.start - base_)) break;
      if (size_t n = DayPrefix(y.value)) {
        day = y.value.substr(0, n);
        from = y.start;
      }
    }
    if (day.empty() && !anchor_->focus.empty()) {
      day = anchor_->focus;
      from = anchor_->focus_start;
    }
    if (day.empty() && dct_.level >= 3) {
      day = FormatDay(dct_.day);
      kind = AnchorKind::kDct;
    }
    if (day.empty()) continue;
    // A range that ends at an earlier clock time than it starts ("de 23 h à
    // 7 h") ends on the next day.
    std::string end_day = day;
    const size_t slash = x.value.find('/');
    if (slash != std::string::npos && x.value.compare(slash + 1, 1, "T") == 0) {
      const std::string a = x.value.substr(1, slash - 1), b = x.value.substr(slash + 2);
      int y = 0, m = 0, d = 0;
      if (a.size() >= 2 && b.size() >= 2 && std::isdigit(static_cast<unsigned char>(a[0])) &&
          std::isdigit(static_cast<unsigned char>(b[0])) && b < a &&
          std::sscanf(day.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3 && ValidDate(y, m, d)) {
        end_day = FormatDay(CivilFromDays(DaysOf(Ymd{y, m, d}) + 1));
      }
    }
    auto dated = [&](const std::string& v, bool end) {
      std::string r;
      for (size_t b = 0; b <= v.size();) {  // each bound of "T17/T18"
        size_t e = std::min(v.find('/', b), v.size());
        if (b > 0) r += '/';
        if (e > b && v[b] == 'T') r += b > 0 || end ? end_day : day;
        r += v.substr(b, e - b);
        b = e + 1;
      }
      return r;
    };
    x.value = dated(x.value, false);
    if (!x.range_begin.empty()) x.range_begin = dated(x.range_begin, false);
    if (!x.range_end.empty()) x.range_end = dated(x.range_end, true);
    x.anchor = kind;
    x.anchor_start = kind == AnchorKind::kExpr ? from : 0;
    x.unresolved = false;
  }
}

Scan::Scan(std::string_view text, const std::vector<TimeToken>& toks, const TimeLexicon& lex,
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
    TimeLexKindSet seen;
    for (const TimeLexEntry& e : *entries_[i]) {
      if (seen.Has(e.kind)) continue;
      seen.Add(e.kind);
      const TimeLexEntry* hit = nullptr;
      if (size_t end = lex.MatchEntries(entries_[i], toks, i, e.kind, &hit)) {
        matches_.push_back({e.kind, static_cast<uint32_t>(end), hit});
        start_kinds_[i].Add(e.kind);
      } else if (e.weak) {
        start_kinds_[i].Add(e.kind);
      }
    }
    // Every kind of the word, matched here or not: a weak month ("Dec")
    // still starts the patterns that read entries_ themselves.
    kinds_[i] = seen;
    if (kinds_[i].Has(K::kForPre)) for_pos_.push_back(i);
  }
  match_at_[toks.size()] = static_cast<uint32_t>(matches_.size());
}

using K = TimeLexKind;

// Kinds that can only begin an expression when something temporal follows
// them ("de", "la", "vers", "il y a"): the scan skips them cheaply otherwise.
constexpr TimeLexKindSet kLeadKinds = {
    K::kFiller,       K::kArticle,    K::kRangeFrom,     K::kRangeTo,      K::kClockPre,
    K::kHedge,        K::kInPre,      K::kAgoPre,        K::kDurationPre,  K::kSetPre,
    K::kRel,          K::kQuant,      K::kOrdinalSuffix, K::kHourWord,     K::kMinuteWord,
    K::kAmPm,         K::kYearSuffix, K::kDecadeSuffix,  K::kRangeLink,    K::kDecadePre,
    K::kAgoPost,      K::kLaterPost,  K::kOffsetDir,     K::kHedgePost,    K::kWeekOf,
    K::kMinusWord,    K::kPartEve,    K::kHalfUnit,      K::kDurationLink, K::kForPre,
    K::kUnitRef,      K::kClockVerb,  K::kWholePre,      K::kHedgeCancel,  K::kTimeZone,
    K::kApproxSuffix, K::kListLink,   K::kStartPre,      K::kRestOf,       K::kSame,
    K::kYearType,     K::kHalfYear,   K::kIdiom,         K::kMeal,         K::kHomonym,
    K::kCurrency,     K::kTimesWord,  K::kAgeWord,       K::kRelPost};

// Lead kinds that are plain function words ("de", "la", "à", "in", "from"):
// a run of them alone starts nothing (MayStart walks over them).
constexpr TimeLexKindSet kFunctionKinds = {
    K::kFiller, K::kArticle,     K::kRangeFrom, K::kRangeTo,   K::kRangeLink, K::kClockPre,
    K::kInPre,  K::kDurationPre, K::kForPre,    K::kOffsetDir, K::kListLink};

bool Scan::MayStart(size_t i) const {
  const TimeToken& tok = t_[i];
  if (tok.kind == TimeTokKind::kNumber) return true;
  if (tok.kind == TimeTokKind::kPunct) {
    return kinds_[i].Has(K::kQuant);  // "½ hour"
  }
  if (!entries_[i] && tok.capital && M(i + 1, K::kUnit) && RomanOrdinal(i) > 0) {
    return true;  // "XIXe siècle", "XIX век": a Roman numeral before a century word
  }
  if (!entries_[i]) return number_word_[i];
  if (start_kinds_[i].HasOutside(kLeadKinds)) return true;
  // A lead word, then a run of function words ("de la", "à l'"): worth
  // trying when a number, a number word or another lexicon word ends the run.
  size_t j = i;
  for (int steps = 0; steps < 6 && j < t_.size(); ++steps) {
    const TimeToken& t = t_[j];
    if (t.kind == TimeTokKind::kNumber) return true;
    if (t.kind == TimeTokKind::kWord && NumWord(j)) return true;
    if (!entries_[j]) return false;
    if (j > i && start_kinds_[j].HasOutside(kFunctionKinds)) return true;
    size_t next = j + 1;  // past the longest lead phrase here
    for (uint32_t m = match_at_[j]; m < match_at_[j + 1]; ++m)
      next = std::max<size_t>(next, matches_[m].end);
    j = next;
  }
  return false;
}

void Scan::Run(std::vector<TimeExpr>* out) {
  const size_t first = out->size();
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
    x.mod = TimeModName(c->mod);
    x.range_begin = c->begin;
    x.range_end = c->end;
    x.anchor = c->anchor;
    x.anchor_start = c->anchor_start;
    x.unresolved = c->unresolved;
    if (explain_) x.rule = c->rule.Format();
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
  DateClockTimes(out, first);
}

}  // namespace time_scan
}  // namespace sitrep
