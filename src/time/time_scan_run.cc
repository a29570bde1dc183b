// @brief Scan: where a match may start, and the left-to-right scan that emits TimeExpr values and
// moves the text anchor.
#include "time/time_scan.h"

namespace sitrep {
namespace time_scan {

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
}

}  // namespace time_scan
}  // namespace sitrep
