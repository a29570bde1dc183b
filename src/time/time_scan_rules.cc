// @brief Scan: the rule registry (every pattern of Core and DatePart with its
// gate and priority), the loop that runs the rules of a family at a token
// with the data rules of the language (time_rules.tsv), and their slot matcher.
#include <array>
#include <climits>
#include <vector>

#include "time/time_scan.h"

namespace sitrep {
namespace time_scan {

using K = TimeLexKind;
using Start = RuleGate::Start;
using AfterFor = RuleGate::AfterFor;

std::string RulePath::Format() const {
  std::string s;
  for (uint8_t k = 0; k < n; ++k) {
    if (k) s += '>';
    s += names[k];
  }
  return s;
}

std::span<const ScanRule> Scan::Rules() {
  // Priorities in steps of 10: on equal length the lower priority wins.
  using F = RuleFamily;
  static const ScanRule kRules[] = {
      // Core: any start token.
      {"Simple", F::kCore, 10, RuleGate(), [](Scan& s, size_t i, bool) { return s.Simple(i); }},
      // Before TimeOnly: "at 18 and 19 June".
      {"ListedDay", F::kCore, 20, RuleGate(),
       [](Scan& s, size_t i, bool) { return s.ListedDay(i); }},
      {"Range", F::kCore, 30, RuleGate(), [](Scan& s, size_t i, bool) { return s.Range(i); }},
      // After "for", "3h" is a duration (QuantUnit first); else "16h" is a time.
      {"QuantUnit", F::kCore, 40, RuleGate().ForPre(true),
       [](Scan& s, size_t i, bool) { return s.QuantUnit(i); }},
      {"TimeOnly", F::kCore, 50, RuleGate(), [](Scan& s, size_t i, bool) { return s.TimeOnly(i); }},
      {"WithinRange", F::kCore, 60, RuleGate().Kinds({K::kInPre}),
       [](Scan& s, size_t i, bool) { return s.WithinRange(i); }},
      {"QuantUnit", F::kCore, 70, RuleGate().ForPre(false),
       [](Scan& s, size_t i, bool) { return s.QuantUnit(i); }},
      {"Set", F::kCore, 80, RuleGate(), [](Scan& s, size_t i, bool) { return s.Set(i); }},
      {"DateWithTime",
       F::kCore,
       90,
       {},
       [](Scan& s, size_t i, bool lic) { return s.DateWithTime(i, lic); }},
      {"TimeThenDate",
       F::kCore,
       100,
       {},
       [](Scan& s, size_t i, bool) { return s.TimeThenDate(i); }},
      {"PartRange", F::kCore, 110, RuleGate(),
       [](Scan& s, size_t i, bool) { return s.PartRange(i); }},
      {"NamedPeriod", F::kCore, 120, RuleGate(),
       [](Scan& s, size_t i, bool) { return s.NamedPeriod(i); }},
      {"PartTimeRange",
       F::kCore,
       130,
       {},
       [](Scan& s, size_t i, bool) { return s.PartTimeRange(i); }},
      {"MonthSpan", F::kCore, 140, RuleGate(),
       [](Scan& s, size_t i, bool) { return s.MonthSpan(i); }},
      {"PartOfNamedDay",
       F::kCore,
       150,
       {},
       [](Scan& s, size_t i, bool) { return s.PartOfNamedDay(i); }},
      {"TimeRangeOnDay",
       F::kCore,
       160,
       {},
       [](Scan& s, size_t i, bool) { return s.TimeRangeOnDay(i); }},
      {"RelQuantUnit",
       F::kCore,
       170,
       {},
       [](Scan& s, size_t i, bool) { return s.RelQuantUnit(i); }},
      {"PartOfDay",
       F::kCore,
       180,
       {},
       [](Scan& s, size_t i, bool lic) { return s.PartOfDay(i, lic); }},
      {"DayPart", F::kCore, 190, RuleGate(), [](Scan& s, size_t i, bool) { return s.DayPart(i); }},
      {"WeekdayPart", F::kCore, 200, RuleGate(),
       [](Scan& s, size_t i, bool) { return s.WeekdayPart(i); }},
      {"PartEve", F::kCore, 210, RuleGate(), [](Scan& s, size_t i, bool) { return s.PartEve(i); }},
      {"WeekOf", F::kCore, 220, RuleGate(), [](Scan& s, size_t i, bool) { return s.WeekOf(i); }},
      {"OrdinalWeek", F::kCore, 230, RuleGate(),
       [](Scan& s, size_t i, bool) { return s.OrdinalWeek(i); }},
      {"OrdinalUnitOf",
       F::kCore,
       240,
       {},
       [](Scan& s, size_t i, bool) { return s.OrdinalUnitOf(i); }},
      {"SliceOf", F::kCore, 250, RuleGate(), [](Scan& s, size_t i, bool) { return s.SliceOf(i); }},
      {"WeekdayOfOffset",
       F::kCore,
       260,
       {},
       [](Scan& s, size_t i, bool) { return s.WeekdayOfOffset(i); }},
      {"StartPlusDuration",
       F::kCore,
       270,
       {},
       [](Scan& s, size_t i, bool) { return s.StartPlusDuration(i); }},
      // 280: centuries, data rules of each language (time_rules.tsv, Century).
      // Core: gated on the start token.
      {"HalfYear", F::kCore, 290, RuleGate().Numeral().Kinds({K::kArticle, K::kHalfYear}),
       [](Scan& s, size_t i, bool) { return s.HalfYear(i); }},
      {"UnitEnd", F::kCore, 300, RuleGate().Kinds({K::kUnitEnd}),
       [](Scan& s, size_t i, bool) { return s.UnitEnd(i); }},
      {"PeriodPart", F::kCore, 310,
       RuleGate().Numeral().Kinds({K::kArticle, K::kInitial, K::kRel}).Ahead({K::kUnit}, 6),
       [](Scan& s, size_t i, bool) { return s.PeriodPart(i); }},
      {"OrdinalDayOf", F::kCore, 320, RuleGate().Numeral().Kinds({K::kArticle, K::kOrdinal}),
       [](Scan& s, size_t i, bool) { return s.OrdinalDayOf(i); }},
      {"PossessivePeriod", F::kCore, 330, RuleGate().Numeral().Kinds({K::kRel}).Apostrophe(),
       [](Scan& s, size_t i, bool) { return s.PossessivePeriod(i); }},
      {"RestOf", F::kCore, 340, RuleGate().Kinds({K::kRestOf}),
       [](Scan& s, size_t i, bool) { return s.RestOf(i); }},
      {"SamePeriod", F::kCore, 350, RuleGate().Kinds({K::kArticle, K::kSame}),
       [](Scan& s, size_t i, bool) { return s.SamePeriod(i); }},
      {"Meal", F::kCore, 360, RuleGate().Kinds({K::kClockPre, K::kMeal}).Licensed({K::kArticle}),
       [](Scan& s, size_t i, bool lic) { return s.Meal(i, lic); }},
      {"LengthFromDay", F::kCore, 370,
       RuleGate().Numeral().Kinds({K::kForPre, K::kQuant}).Ahead({K::kStartPre, K::kRangeFrom}, 8),
       [](Scan& s, size_t i, bool) { return s.LengthFromDay(i); }},
      {"YearType", F::kCore, 380, RuleGate().Kinds({K::kRel, K::kYearType, K::kArticle}),
       [](Scan& s, size_t i, bool) { return s.YearType(i); }},
      {"DayNumberTimeRange",
       F::kCore,
       390,
       {},
       [](Scan& s, size_t i, bool) { return s.DayNumberTimeRange(i); }},
      {"UnitRef", F::kCore, 400, RuleGate(), [](Scan& s, size_t i, bool) { return s.UnitRef(i); }},
      {"WholeUnit", F::kCore, 410, RuleGate(),
       [](Scan& s, size_t i, bool) { return s.WholeUnit(i); }},

      // DatePart at a number.
      {"NumericDate", F::kDatePart, 10, RuleGate().Digits(),
       [](Scan& s, size_t i, bool) { return s.NumericDate(i); }},
      {"MonthNameNumeric", F::kDatePart, 20, RuleGate().Digits(),
       [](Scan& s, size_t i, bool) { return s.MonthNameNumeric(i); }},
      {"DayMonth", F::kDatePart, 30, RuleGate().Digits(),
       [](Scan& s, size_t i, bool) { return s.DayMonth(i); }},
      {"Year", F::kDatePart, 40, RuleGate().Digits(),
       [](Scan& s, size_t i, bool) { return s.Year(i); }},
      {"Decade", F::kDatePart, 50, RuleGate().Digits(),
       [](Scan& s, size_t i, bool) { return s.Decade(i); }},
      {"Quarter", F::kDatePart, 60, RuleGate().Digits(),
       [](Scan& s, size_t i, bool) { return s.Quarter(i); }},
      {"DayOfRelMonth", F::kDatePart, 70, RuleGate().Digits(),
       [](Scan& s, size_t i, bool) { return s.DayOfRelMonth(i); }},
      {"MonthOfYear", F::kDatePart, 80, RuleGate().Digits(),
       [](Scan& s, size_t i, bool) { return s.MonthOfYear(i); }},
      {"DayOfList", F::kDatePart, 90, RuleGate().Digits(),
       [](Scan& s, size_t i, bool) { return s.DayOfList(i); }},
      // DatePart at a word.
      {"DayMonth", F::kDatePart, 110, RuleGate().NotDigits(),
       [](Scan& s, size_t i, bool) { return s.DayMonth(i); }},
      {"MonthNameNumeric", F::kDatePart, 120, RuleGate().NotDigits(),
       [](Scan& s, size_t i, bool) { return s.MonthNameNumeric(i); }},
      {"MonthFirst", F::kDatePart, 130, RuleGate().NotDigits(),
       [](Scan& s, size_t i, bool lic) { return s.MonthFirst(i, lic); }},
      {"Year", F::kDatePart, 140, RuleGate().NotDigits().Numeral(),
       [](Scan& s, size_t i, bool) { return s.Year(i); }},
      {"WeekdayDate", F::kDatePart, 150, RuleGate().NotDigits(),
       [](Scan& s, size_t i, bool) { return s.WeekdayDate(i); }},
      {"RelDate", F::kDatePart, 160, RuleGate().NotDigits().OnlyFirst(),
       [](Scan& s, size_t i, bool) { return s.RelDate(i); }},
      {"ShortWeekdayDate", F::kDatePart, 170, RuleGate().NotDigits().OnlyFirst(),
       [](Scan& s, size_t i, bool) { return s.ShortWeekdayDate(i); }},
      {"DayRel", F::kDatePart, 180, RuleGate().NotDigits(),
       [](Scan& s, size_t i, bool) { return s.DayRel(i); }},
      {"Holiday", F::kDatePart, 190, RuleGate().NotDigits(),
       [](Scan& s, size_t i, bool) { return s.Holiday(i); }},
      {"RelUnit", F::kDatePart, 200, RuleGate().NotDigits(),
       [](Scan& s, size_t i, bool lic) { return s.RelUnit(i, lic); }},
      {"Decade", F::kDatePart, 210, RuleGate().NotDigits(),
       [](Scan& s, size_t i, bool) { return s.Decade(i); }},
      {"Season", F::kDatePart, 220, RuleGate().NotDigits(),
       [](Scan& s, size_t i, bool) { return s.Season(i); }},
      {"Quarter", F::kDatePart, 230, RuleGate().NotDigits(),
       [](Scan& s, size_t i, bool) { return s.Quarter(i); }},
      {"WeekdayDayNumber", F::kDatePart, 240, RuleGate().NotDigits(),
       [](Scan& s, size_t i, bool) { return s.WeekdayDayNumber(i); }},
      {"DayThenWeekday", F::kDatePart, 250, RuleGate().NotDigits(),
       [](Scan& s, size_t i, bool) { return s.DayThenWeekday(i); }},
      {"WeekdayInWeek", F::kDatePart, 260, RuleGate().NotDigits(),
       [](Scan& s, size_t i, bool) { return s.WeekdayInWeek(i); }},
      {"BareDayOfMonth", F::kDatePart, 270, RuleGate().NotDigits(),
       [](Scan& s, size_t i, bool) { return s.BareDayOfMonth(i); }},
      {"DayOfRelMonth", F::kDatePart, 280, RuleGate().NotDigits(),
       [](Scan& s, size_t i, bool) { return s.DayOfRelMonth(i); }},
      // After Decade: "les années 1990" is a decade.
      {"UnitNumber", F::kDatePart, 290, RuleGate().NotDigits(),
       [](Scan& s, size_t i, bool) { return s.UnitNumber(i); }},
  };
  return kRules;
}

namespace {

// The registry split by family once, each rule with whether its gate tests
// anything at all (most do not): RunRules walks only its family.
struct FamilyRule {
  const ScanRule* rule;
  bool open;  // an empty gate: nothing to test
};

bool EmptyGate(const RuleGate& g) {
  return g.start == RuleGate::Start::kAny && !g.numeral && g.kinds.Empty() &&
         g.licensed_kinds.Empty() && g.ahead_tokens == 0 && !g.apostrophe_ahead &&
         g.after_for == RuleGate::AfterFor::kAny && !g.only_first;
}

const std::vector<FamilyRule>& RulesOf(RuleFamily family) {
  static const std::array<std::vector<FamilyRule>, 2> kByFamily = [] {
    std::array<std::vector<FamilyRule>, 2> by;
    for (const ScanRule& r : Scan::Rules()) {
      by[static_cast<size_t>(r.family)].push_back({&r, EmptyGate(r.gate)});
    }
    return by;
  }();
  return kByFamily[static_cast<size_t>(family)];
}

}  // namespace

bool Scan::GateOpen(const RuleGate& g, size_t i, bool licensed, bool matched) const {
  if (g.only_first && matched) return false;
  if (g.start == Start::kDigits && !Num(i)) return false;
  if (g.start == Start::kNotDigits && Num(i)) return false;
  if (g.after_for != AfterFor::kAny &&
      (i > 0 && M(i - 1, K::kForPre) == i) != (g.after_for == AfterFor::kYes)) {
    return false;
  }
  if (g.numeral || !g.kinds.Empty() || !g.licensed_kinds.Empty()) {
    const bool start = (g.numeral && (Num(i) || NumWord(i))) ||
                       (i < t_.size() && kinds_[i].Intersects(g.kinds)) ||
                       (licensed && i < t_.size() && kinds_[i].Intersects(g.licensed_kinds));
    if (!start) return false;
  }
  if (g.ahead_tokens) {
    bool seen = false;
    for (size_t j = i; j < i + g.ahead_tokens && j < t_.size() && !seen; ++j) {
      seen = kinds_[j].Intersects(g.ahead);
    }
    if (!seen) return false;
  }
  return !g.apostrophe_ahead || ApostropheAhead(i);
}

namespace {

// The family a data rule's production belongs to.
RuleFamily FamilyOf(TimeRuleProduction p) {
  switch (p) {
    case TimeRuleProduction::kCentury:
      return RuleFamily::kCore;
    case TimeRuleProduction::kQuarter:
      return RuleFamily::kDatePart;
  }
  return RuleFamily::kCore;
}

}  // namespace

std::optional<Cand> Scan::RunRules(RuleFamily family, size_t i, bool licensed) {
  std::optional<Cand> best;
  auto consider = [&](std::optional<Cand> c, const char* name) {
    if (c && (!best || c->te > best->te)) {
      c->rule.Wrap(name);
      best = std::move(c);
    }
  };
  // Data rules (sorted by priority) run before the registry rules of a higher
  // priority; on equal priority the registry rule goes first.
  const std::vector<TimeRule>& data = lex_.rules();
  size_t d = 0;
  auto data_before = [&](int priority) {
    for (; d < data.size() && data[d].priority < priority; ++d) {
      if (FamilyOf(data[d].production) == family) {
        consider(DataRule(data[d], i), data[d].label.c_str());
      }
    }
  };
  for (const FamilyRule& f : RulesOf(family)) {
    const ScanRule& r = *f.rule;
    if (!data.empty()) data_before(r.priority);
    if (f.open || GateOpen(r.gate, i, licensed, best.has_value())) {
      consider(r.production(*this, i, licensed), r.name);
    }
  }
  data_before(INT_MAX);
  return best;
}

// ---------------------------------------------------------------------------
// Data rules: a small slot matcher.

size_t Scan::MatchSlot(const TimeRuleSlot& s, size_t j, int* number) {
  if (s.glued && !Attached(j)) return 0;
  switch (s.type) {
    case TimeSlotType::kKind: {
      const TimeLexEntry* e = nullptr;
      const size_t k = M(j, s.kind, &e);
      if (!k) return 0;
      if (s.unit != TimeUnit::kNone && (e->unit != s.unit || e->plural)) return 0;
      if (!s.value.empty() && e->value != s.value) return 0;
      return k;
    }
    case TimeSlotType::kNth: {
      int n = 0;
      const size_t k = DayNumber(j, &n, true);
      if (k) *number = n;
      return k;
    }
    case TimeSlotType::kRoman: {
      size_t k = 0;
      const int n = RomanOrdinal(j, &k);
      if (!n) return 0;
      *number = n;
      return k;
    }
    case TimeSlotType::kNumber: {
      int max_digits = 1;
      for (int h = s.hi; h >= 10; h /= 10) ++max_digits;
      if (!Num(j) || t_[j].ndigits > max_digits || t_[j].number < s.lo || t_[j].number > s.hi) {
        return 0;
      }
      *number = static_cast<int>(t_[j].number);
      return j + 1;
    }
    case TimeSlotType::kYear: {
      int year = 0;
      const size_t k = YearNumber(j, &year);
      if (k) *number = year;
      return k;
    }
    case TimeSlotType::kLiteral:
      if (j >= t_.size() || t_[j].folded != s.value) return 0;
      return j + 1;
    case TimeSlotType::kBoundary:
      return Attached(j) ? 0 : j;  // never first, so j > 0
  }
  return 0;
}

Cand Scan::YearQuarterCand(size_t te, int year, int q) const {
  Cand c = QuarterCand(te, year, q);
  c.anchor = AnchorKind::kAbsolute;
  return c;
}

std::optional<Cand> Scan::DataRule(const TimeRule& r, size_t i) {
  size_t j = i;
  std::array<int, 4> numbers{};  // the number slots' values, in order
  size_t n = 0;
  for (const TimeRuleSlot& s : r.slots) {
    int v = 0;
    j = MatchSlot(s, j, &v);
    if (!j) return std::nullopt;
    if ((s.type == TimeSlotType::kNth || s.type == TimeSlotType::kRoman ||
         s.type == TimeSlotType::kNumber || s.type == TimeSlotType::kYear) &&
        n < numbers.size()) {
      numbers[n++] = v;
    }
  }
  switch (r.production) {
    case TimeRuleProduction::kCentury:
      return CenturyCand(j, numbers[0]);
    case TimeRuleProduction::kQuarter:
      return YearQuarterCand(j, numbers[0], numbers[1]);
  }
  return std::nullopt;
}

}  // namespace time_scan
}  // namespace sitrep
