// @brief Scan: where a match may start, and the left-to-right scan that emits TimeExpr values and moves the text anchor.
#include "time/time_scan.h"

namespace sitrep {
namespace time_scan {

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

}  // namespace time_scan
}  // namespace sitrep
