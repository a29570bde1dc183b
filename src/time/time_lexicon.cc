// @brief TimeLexicon: the language's month/weekday names and spelled-out
// numbers (src/lang, from ICU) plus the time_*.tsv data files.
#include "time/time_lexicon.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <tuple>

#include "base/data_file.h"
#include "base/text_fold.h"
#include "base/utf8.h"
#include "doc/text_tokens.h"
#include "time/calendar.h"

namespace sitrep {
namespace {

struct KindName {
  const char* name;
  TimeLexKind kind;
};

constexpr KindName kKindNames[] = {
#define SITREP_TIME_LEX_KIND_NAME(e, name) {name, TimeLexKind::e},
    SITREP_TIME_LEX_KINDS(SITREP_TIME_LEX_KIND_NAME)
#undef SITREP_TIME_LEX_KIND_NAME
};

// Kinds whose value must be an integer.
bool NumericKind(TimeLexKind k) {
  switch (k) {
    case TimeLexKind::kMonth:
    case TimeLexKind::kWeekday:
    case TimeLexKind::kDayRel:
    case TimeLexKind::kDayRef:
    case TimeLexKind::kRel:
    case TimeLexKind::kOrdinal:
    case TimeLexKind::kAmPm:
    case TimeLexKind::kHalf:
    case TimeLexKind::kOffsetDir:
    case TimeLexKind::kSetWeekday:
    case TimeLexKind::kHalfYear:
    case TimeLexKind::kRelPost:
    case TimeLexKind::kHourFraction:
      return true;
    default:
      return false;
  }
}

bool ParseInt(std::string_view s, int* out) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

std::string LowerForTense(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    auto b = static_cast<unsigned char>(s[pos]);
    if (b < 0x80) {
      out += static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      ++pos;
      continue;
    }
    char32_t c = NextCodePoint(s, &pos);
    if (c == U'\u2019') c = '\'';
    AppendUtf8(&out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
  }
  return out;
}

bool ParseLexKind(std::string_view name, TimeLexKind* kind) {
  for (const KindName& k : kKindNames) {
    if (name == k.name) {
      *kind = k.kind;
      return true;
    }
  }
  return false;
}

std::vector<TimeToken> TokenizeForTime(std::string_view text) {
  const TokenStream stream = TokenizeText(text);
  return TimeTokensOf(stream, text, 0, stream.tokens.size(), 0);
}

std::vector<TimeToken> TimeTokensOf(const TokenStream& stream, std::string_view text, size_t first,
                                    size_t last, uint32_t base) {
  std::vector<TimeToken> toks;
  toks.reserve(last - first);
  for (size_t i = first; i < last; ++i) {
    const TextToken& a = stream.tokens[i];
    TimeToken t;
    t.start = a.start - base;
    t.end = a.end - base;
    t.space_before = a.space_before || i == first;
    switch (a.cls) {
      case TokenClass::kLetters:
        t.kind = TimeTokKind::kWord;
        t.capital = a.upper_initial;
        break;
      case TokenClass::kDigits:
        t.kind = TimeTokKind::kNumber;
        t.ndigits = static_cast<int>(a.end - a.start);
        t.number = a.value;
        break;
      case TokenClass::kOtherDigits:
        // Digits other than ASCII are no numbers here: one mark each (a
        // digit's fold is itself).
        for (size_t p = a.start; p < a.end;) {
          t.start = static_cast<uint32_t>(p) - base;
          NextCodePoint(text, &p);
          t.end = static_cast<uint32_t>(p) - base;
          t.folded.assign(text.substr(t.start + base, t.end - t.start));
          toks.push_back(t);
          t.space_before = false;
        }
        continue;
      case TokenClass::kOther:
        break;
    }
    t.folded.assign(stream.Folded(a));
    toks.push_back(std::move(t));
  }
  return toks;
}

TimeLexicon::~TimeLexicon() = default;

void TimeLexicon::Add(TimeLexEntry e) {
  if (e.tokens.empty()) return;
  std::vector<TimeLexEntry>& v = by_first_[e.tokens[0]];
  for (const TimeLexEntry& old : v) {
    if (old.kind == e.kind && old.tokens == e.tokens) return;  // first definition wins
  }
  v.push_back(std::move(e));
  std::stable_sort(v.begin(), v.end(), [](const TimeLexEntry& a, const TimeLexEntry& b) {
    return a.tokens.size() > b.tokens.size();
  });
}

void TimeLexicon::LoadIcuNames() {
  auto add = [this](const std::string& utf8, TimeLexKind kind, int number, bool weak) {
    TimeLexEntry e;
    for (TimeToken& t : TokenizeForTime(utf8)) {
      if (t.folded != ".") e.tokens.push_back(std::move(t.folded));
    }
    if (e.tokens.empty() || e.tokens[0].size() < 2) return;
    e.kind = kind;
    e.number = number;
    e.value = std::to_string(number);
    e.weak = weak;
    Add(std::move(e));
  };
  // Wide names come first, so that a name that is both wide and abbreviated
  // ("mai", "juin") is strong.
  for (const CalendarName& n : language_->calendar_names()) {
    add(n.text, n.field == CalendarField::kMonth ? TimeLexKind::kMonth : TimeLexKind::kWeekday,
        n.number, n.width != NameWidth::kWide);
  }
}

void TimeLexicon::AddWeekdayPartCompounds() {
  std::vector<std::pair<std::string, int>> days;
  std::vector<std::tuple<std::string, std::string, DayPeriod>> parts;
  for (const auto& [first, entries] : by_first_) {
    for (const TimeLexEntry& e : entries) {
      if (e.tokens.size() != 1) continue;
      if (e.kind == TimeLexKind::kWeekday && !e.weak) days.emplace_back(first, e.number);
      if (e.kind == TimeLexKind::kPart) parts.emplace_back(first, e.value, e.part);
    }
  }
  for (const auto& [day, wd] : days) {
    for (const auto& [part, value, code] : parts) {
      TimeLexEntry e;
      e.tokens = {day + part};
      e.kind = TimeLexKind::kWeekdayPart;
      e.number = wd;
      e.value = value;
      e.part = code;
      Add(std::move(e));
    }
  }
}

Status TimeLexicon::LoadWords(const std::string& path) {
  Result<TsvFile> file = ReadTsv(path, 2, 3);
  if (!file.ok()) return file.status();
  for (const TsvRow& row : file->rows) {
    TimeLexEntry e;
    if (row.fields[1] == "compound") {
      // "weekday+part": every weekday name glued to every one-word part of day.
      if (row.fields[0] != "weekday+part") {
        return file->ErrorAt(row,
                             "compound must be \"weekday+part\", got \"" + row.fields[0] + "\"");
      }
      glue_weekday_part_ = true;
      continue;
    }
    if (!ParseLexKind(row.fields[1], &e.kind)) {
      return file->ErrorAt(row, "unknown kind \"" + row.fields[1] + "\"");
    }
    if (row.fields.size() > 2) e.value = row.fields[2];
    if ((e.kind == TimeLexKind::kMonth || e.kind == TimeLexKind::kWeekday) && e.value.size() > 5 &&
        e.value.compare(e.value.size() - 5, 5, " abbr") == 0) {
      // "sep\tmonth\t9 abbr": an abbreviation ICU lacks, weak like ICU's own.
      e.weak = true;
      e.value.resize(e.value.size() - 5);
    }
    if (e.kind == TimeLexKind::kRel && e.value.size() > 6 &&
        e.value.compare(e.value.size() - 6, 6, " after") == 0) {
      // "passé\trel\t-1 after": a participle before an amount ("il a passé
      // 20 ans") is no relative word; only "la semaine passée" is.
      e.post_only = true;
      e.value.resize(e.value.size() - 6);
    }
    if (e.kind == TimeLexKind::kOrdinal && e.value.size() > 6 &&
        e.value.compare(e.value.size() - 6, 6, " count") == 0) {
      // "deuxième\tordinal\t2 count": "le deuxième trimestre", never a day.
      e.count_only = true;
      e.value.resize(e.value.size() - 6);
    }
    if (NumericKind(e.kind) && !ParseInt(e.value, &e.number)) {
      return file->ErrorAt(
          row, "kind " + row.fields[1] + " needs an integer value, got \"" + e.value + "\"");
    }
    if (e.kind == TimeLexKind::kUnit || e.kind == TimeLexKind::kQuant ||
        e.kind == TimeLexKind::kHedge || e.kind == TimeLexKind::kDeictic ||
        e.kind == TimeLexKind::kPart || e.kind == TimeLexKind::kClock ||
        e.kind == TimeLexKind::kSetWord || e.kind == TimeLexKind::kSeason ||
        e.kind == TimeLexKind::kDurationWord || e.kind == TimeLexKind::kHedgePost ||
        e.kind == TimeLexKind::kPartEve || e.kind == TimeLexKind::kYearType ||
        e.kind == TimeLexKind::kMeal) {
      if (e.value.empty()) return file->ErrorAt(row, "kind " + row.fields[1] + " needs a value");
    }
    if (e.kind == TimeLexKind::kHedge && e.value.size() > 6 &&
        e.value.compare(e.value.size() - 6, 6, " ahead") == 0) {
      // "d'ici\thedge\tBEFORE ahead": a deadline from now on ("d'ici
      // dimanche" is the coming Sunday whatever the tense).
      e.ahead = true;
      e.value.resize(e.value.size() - 6);
    }
    if (e.kind == TimeLexKind::kHedge && e.value.size() > 8 &&
        e.value.compare(e.value.size() - 8, 8, " outside") == 0) {
      // "jusqu'à\thedge\tEQUAL_OR_LESS outside": "jusqu'à la semaine prochaine"
      // spans "la semaine prochaine"; an amount keeps it ("jusqu'à 10 jours").
      e.outside = true;
      e.value.resize(e.value.size() - 8);
    }
    if (e.kind == TimeLexKind::kDayPart) {
      // "<days> <part>": tonight "0 NI".
      const size_t sp = e.value.find(' ');
      if (sp == std::string::npos || !ParseInt(e.value.substr(0, sp), &e.number)) {
        return file->ErrorAt(row,
                             "day_part value must be \"<days> <part>\", got \"" + e.value + "\"");
      }
      e.value = e.value.substr(sp + 1);
    }
    if (e.kind == TimeLexKind::kPart || e.kind == TimeLexKind::kDayPart ||
        e.kind == TimeLexKind::kPartEve) {
      std::optional<DayPeriod> part = ParseDayPeriod(e.value);
      if (!part) {
        return file->ErrorAt(
            row, "part of day must be MO, AF, EV, NI, DT or NT, got \"" + e.value + "\"");
      }
      e.part = *part;
    }
    if (e.kind == TimeLexKind::kUnit) {
      // "<code>" or "<code> plural": a plural form is no period on its own ("after days").
      const size_t sp = e.value.find(' ');
      if (sp != std::string::npos) {
        if (e.value.substr(sp + 1) != "plural") {
          return file->ErrorAt(
              row, "unit value must be \"<code>\" or \"<code> plural\", got \"" + e.value + "\"");
        }
        e.plural = true;
        e.value.resize(sp);
      }
      std::optional<TimeUnit> unit = ParseTimeUnit(e.value);
      if (!unit) return file->ErrorAt(row, "unknown unit \"" + e.value + "\"");
      e.unit = *unit;
    }
    if ((e.kind == TimeLexKind::kLaterPost || e.kind == TimeLexKind::kAgoPost) &&
        !e.value.empty() && e.value != "ref") {
      return file->ErrorAt(row,
                           row.fields[1] + " value must be empty or ref, got \"" + e.value + "\"");
    }
    if (e.kind == TimeLexKind::kHoliday) {
      HolidayRule rule;
      if (!ParseHolidayRule(e.value, &rule)) {
        return file->ErrorAt(
            row, "holiday value must be MM-DD, E+N, O+N or MM-Wd-n[+N], got \"" + e.value + "\"");
      }
    }
    if (e.kind == TimeLexKind::kPeriodName && !ValidPeriodValue(e.value)) {
      return file->ErrorAt(row,
                           "period_name value must be a date (YYYY, YYYY-MM, YYYY-MM-DD) or "
                           "two joined by '/', got \"" +
                               e.value + "\"");
    }
    if (e.kind == TimeLexKind::kHalfUnit) {
      char* end = nullptr;
      const double f = std::strtod(e.value.c_str(), &end);
      if (e.value.empty() || *end != '\0' || !(f > 0 && f < 1)) {
        return file->ErrorAt(
            row, "half_unit value must be a fraction in (0,1), got \"" + e.value + "\"");
      }
      e.amount = f;
    }
    if (e.kind == TimeLexKind::kClock) {
      // "T00", "T12": the hour of a clock word ("midnight", "noon").
      if (e.value.size() != 3 || e.value[0] != 'T' || !ParseInt(e.value.substr(1), &e.number) ||
          e.number < 0 || e.number > 23) {
        return file->ErrorAt(row,
                             "clock value must be T and a two-digit hour, got \"" + e.value + "\"");
      }
    }
    if (e.kind == TimeLexKind::kQuant && e.value.size() > 7 &&
        e.value.compare(e.value.size() - 7, 7, " approx") == 0) {
      e.approx = true;  // "une dizaine de\tquant\t10 approx"
      e.value.resize(e.value.size() - 7);
    }
    if (e.kind == TimeLexKind::kQuant && e.value == "same") {
      e.same = true;  // "autant d'": the count of the clause, resolved in the text
      e.value = "X";
    }
    if (e.kind == TimeLexKind::kQuant && e.value != "X" && !ParseInt(e.value, &e.number)) {
      // A decimal ("half an hour" 0.5, de "anderthalb" 1.5); `number` stays
      // 0, so it never reads as an hour.
      char* end = nullptr;
      const double f = std::strtod(e.value.c_str(), &end);
      if (e.value.empty() || *end != '\0' || !(f > 0 && f < 1000) || e.approx) {
        return file->ErrorAt(row,
                             "quant value must be X, an integer, \"<integer> approx\" or a "
                             "positive decimal");
      }
    }
    if (e.kind == TimeLexKind::kQuant) {
      e.amount =
          e.value == "X" ? std::nan("") : std::strtod(e.value.c_str(), nullptr);  // checked above
    }
    if (e.kind == TimeLexKind::kSetPre && !e.value.empty() &&
        (!ParseInt(e.value, &e.number) || e.number < 2)) {
      return file->ErrorAt(
          row, "set_pre value must be empty or an integer from 2, got \"" + e.value + "\"");
    }
    if (e.kind == TimeLexKind::kUnitEnd && e.value != "D" && e.value != "W" && e.value != "M" &&
        e.value != "Q" && e.value != "Y") {
      return file->ErrorAt(row, "unit_end value must be D, W, M, Q or Y, got \"" + e.value + "\"");
    }
    if (e.kind == TimeLexKind::kUnitEnd) e.unit = *ParseTimeUnit(e.value);  // checked above
    if (e.kind == TimeLexKind::kHedge || e.kind == TimeLexKind::kHedgePost ||
        e.kind == TimeLexKind::kApproxSuffix) {
      std::optional<TimeMod> mod = ParseTimeMod(e.value);
      if (!mod) {
        return file->ErrorAt(row, row.fields[1] +
                                      " value must be a mod of docs/formats/time.md, got \"" +
                                      e.value + "\"");
      }
      e.mod = *mod;
    }
    if (e.kind == TimeLexKind::kHalfYear && e.number != 1 && e.number != 2) {
      return file->ErrorAt(row, "half_year value must be 1 or 2");
    }
    if (e.kind == TimeLexKind::kYearType && e.value != "FY" && e.value != "SY" && e.value != "CY") {
      return file->ErrorAt(row, "year_type value must be FY, SY or CY, got \"" + e.value + "\"");
    }
    for (TimeToken& t : TokenizeForTime(row.fields[0])) e.tokens.push_back(std::move(t.folded));
    if (e.tokens.empty()) return file->ErrorAt(row, "empty phrase");
    if (e.kind == TimeLexKind::kCountNoun) {
      if (e.tokens.size() != 1) return file->ErrorAt(row, "a count_noun is one word");
      count_nouns_.insert(std::move(e.tokens[0]));
      continue;
    }
    if (e.kind == TimeLexKind::kPastCue) {
      if (e.tokens.size() != 1) return file->ErrorAt(row, "a past_cue is one word");
      past_cues_.insert(std::move(e.tokens[0]));
      continue;
    }
    Add(std::move(e));
  }
  return Status::Ok();
}

Status TimeLexicon::LoadTense(const std::string& path) {
  Result<TsvFile> file = ReadTsv(path, 2, 3);
  if (!file.ok()) return file.status();
  for (const TsvRow& row : file->rows) {
    Tense t;
    if (row.fields[1] == "past") {
      t = Tense::kPast;
    } else if (row.fields[1] == "future") {
      t = Tense::kFuture;
    } else {
      return file->ErrorAt(row, "tense must be past or future, got \"" + row.fields[1] + "\"");
    }
    std::string match = row.fields.size() > 2 ? row.fields[2] : "word";
    std::string cue = LowerForTense(row.fields[0]);
    if (match == "phrase") {
      // Words separated by spaces, each compared with one token of the text.
      TensePhrase ph;
      ph.tense = t;
      size_t b = 0;
      while (b < cue.size()) {
        size_t e = cue.find(' ', b);
        if (e == std::string::npos) e = cue.size();
        if (e > b) ph.words.push_back(cue.substr(b, e - b));
        b = e + 1;
      }
      if (ph.words.size() < 2) return file->ErrorAt(row, "a phrase cue needs two words or more");
      std::vector<TensePhrase>& v = tense_phrases_[ph.words[0]];
      v.push_back(std::move(ph));
      std::stable_sort(v.begin(), v.end(), [](const TensePhrase& a, const TensePhrase& b) {
        return a.words.size() > b.words.size();
      });
    } else if (match == "word") {
      tense_words_.emplace(cue, t);
    } else if (match == "suffix") {
      tense_suffixes_.emplace_back(cue, t);
    } else {
      return file->ErrorAt(row, "match must be word, suffix or phrase, got \"" + match + "\"");
    }
  }
  std::stable_sort(tense_suffixes_.begin(), tense_suffixes_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  return Status::Ok();
}

namespace {

// One slot of a time_rules.tsv line; false with *error set when malformed.
bool ParseRuleSlot(std::string text, TimeRuleSlot* slot, std::string* error) {
  if (text.size() > 1 && text[0] == '+') {
    slot->glued = true;
    text.erase(0, 1);
  }
  if (text == "year") {
    slot->type = TimeSlotType::kYear;
    return true;
  }
  if (text == "_") {
    slot->type = TimeSlotType::kBoundary;
    return true;
  }
  if (text == "nth") {
    slot->type = TimeSlotType::kNth;
    return true;
  }
  if (text == "roman") {
    slot->type = TimeSlotType::kRoman;
    return true;
  }
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    std::vector<TimeToken> toks =
        TokenizeForTime(std::string_view(text).substr(1, text.size() - 2));
    if (toks.size() != 1) {
      *error = "a quoted literal must be one token, got " + text;
      return false;
    }
    slot->type = TimeSlotType::kLiteral;
    slot->value = toks[0].folded;
    slot->glued |= toks[0].kind == TimeTokKind::kPunct;
    return true;
  }
  if (text.rfind("number:", 0) == 0) {
    const std::string range = text.substr(7);
    const size_t dash = range.find('-');
    slot->type = TimeSlotType::kNumber;
    if (dash == std::string::npos || !ParseInt(range.substr(0, dash), &slot->lo) ||
        !ParseInt(range.substr(dash + 1), &slot->hi) || slot->lo < 0 || slot->hi < slot->lo ||
        slot->hi > 9999) {
      *error = "number needs a range LO-HI within 0-9999, got \"" + text + "\"";
      return false;
    }
    return true;
  }
  const size_t eq = text.find('=');
  const std::string kind = text.substr(0, eq);
  slot->type = TimeSlotType::kKind;
  if (!ParseLexKind(kind, &slot->kind)) {
    *error = "unknown slot \"" + text +
             "\" (a kind of time_words.tsv, nth, roman, number:LO-HI, _ or a quoted token)";
    return false;
  }
  if (eq == std::string::npos) return true;
  slot->value = text.substr(eq + 1);
  if (slot->kind == TimeLexKind::kUnit) {
    std::optional<TimeUnit> unit = ParseTimeUnit(slot->value);
    if (!unit) {
      *error = "unknown unit \"" + slot->value + "\" in \"" + text + "\"";
      return false;
    }
    slot->unit = *unit;
    slot->value.clear();
  } else if (slot->value.empty()) {
    *error = "empty value in \"" + text + "\"";
    return false;
  }
  return true;
}

bool ParseRuleProduction(std::string_view name, TimeRuleProduction* out) {
#define SITREP_TIME_RULE_PRODUCTION_PARSE(e, n) \
  if (name == n) {                              \
    *out = TimeRuleProduction::e;               \
    return true;                                \
  }
  SITREP_TIME_RULE_PRODUCTIONS(SITREP_TIME_RULE_PRODUCTION_PARSE)
#undef SITREP_TIME_RULE_PRODUCTION_PARSE
  return false;
}

bool IsNumberSlot(const TimeRuleSlot& s) {
  return s.type == TimeSlotType::kNth || s.type == TimeSlotType::kRoman ||
         s.type == TimeSlotType::kNumber || s.type == TimeSlotType::kYear;
}

}  // namespace

Status TimeLexicon::LoadRules(const std::string& path) {
  Result<TsvFile> file = ReadTsv(path, 4, 4);
  if (!file.ok()) return file.status();
  for (const TsvRow& row : file->rows) {
    TimeRule r;
    r.name = row.fields[0];
    if (r.name.empty()) return file->ErrorAt(row, "empty rule name");
    for (char ch : r.name) {
      if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) {
        return file->ErrorAt(
            row, "a rule name is lower-case letters, digits and _, got \"" + r.name + "\"");
      }
    }
    r.label = lang_ + ":" + r.name;
    size_t b = 0;
    const std::string& slots = row.fields[1];
    while (b < slots.size()) {
      size_t e = slots.find(' ', b);
      if (e == std::string::npos) e = slots.size();
      if (e > b) {
        TimeRuleSlot slot;
        std::string error;
        if (!ParseRuleSlot(slots.substr(b, e - b), &slot, &error)) return file->ErrorAt(row, error);
        r.slots.push_back(std::move(slot));
      }
      b = e + 1;
    }
    if (r.slots.empty()) return file->ErrorAt(row, "a rule needs at least one slot");
    if (r.slots[0].type == TimeSlotType::kBoundary) {
      return file->ErrorAt(row, "a rule cannot start with _");
    }
    if (!ParseRuleProduction(row.fields[2], &r.production)) {
      return file->ErrorAt(
          row, "unknown production \"" + row.fields[2] + "\" (known: Century, Quarter)");
    }
    const size_t numbers = std::count_if(r.slots.begin(), r.slots.end(), IsNumberSlot);
    if (r.production == TimeRuleProduction::kCentury &&
        (numbers != 1 || std::any_of(r.slots.begin(), r.slots.end(), [](const TimeRuleSlot& s) {
           return s.type == TimeSlotType::kYear;
         }))) {
      return file->ErrorAt(row, "Century needs exactly one number slot (nth, roman or number)");
    }
    if (r.production == TimeRuleProduction::kQuarter) {
      std::vector<const TimeRuleSlot*> n;
      for (const TimeRuleSlot& s : r.slots) {
        if (IsNumberSlot(s)) n.push_back(&s);
      }
      if (n.size() != 2 || n[0]->type != TimeSlotType::kYear ||
          n[1]->type != TimeSlotType::kNumber || n[1]->lo < 1 || n[1]->hi > 4) {
        return file->ErrorAt(row, "Quarter needs a year slot, then a number slot within 1-4");
      }
    }
    if (!ParseInt(row.fields[3], &r.priority) || r.priority < 0) {
      return file->ErrorAt(row, "priority must be a whole number, got \"" + row.fields[3] + "\"");
    }
    rules_.push_back(std::move(r));
  }
  std::stable_sort(rules_.begin(), rules_.end(),
                   [](const TimeRule& a, const TimeRule& b) { return a.priority < b.priority; });
  return Status::Ok();
}

Result<std::unique_ptr<TimeLexicon>> TimeLexicon::Load(const std::string& data_dir,
                                                       const std::string& lang) {
  std::unique_ptr<TimeLexicon> lex(new TimeLexicon());
  lex->lang_ = lang;
  Result<std::shared_ptr<const Language>> language = FindOrLoadLanguage(data_dir, lang);
  if (!language.ok()) return language.status();
  lex->language_ = std::move(language).value();
  const std::string dir = data_dir + "/lang/" + lang + "/";
  // Data words first: they may mark a word that ICU also lists.
  SITREP_RETURN_IF_ERROR(lex->LoadWords(dir + "time_words.tsv"));
  SITREP_RETURN_IF_ERROR(lex->LoadTense(dir + "time_tense.tsv"));
  // The grammar's data rules: optional (a language may have none).
  if (std::filesystem::exists(dir + "time_rules.tsv")) {
    SITREP_RETURN_IF_ERROR(lex->LoadRules(dir + "time_rules.tsv"));
  }
  lex->LoadIcuNames();
  if (lex->glue_weekday_part_) lex->AddWeekdayPartCompounds();
  // Every word ICU uses to spell 0..199, the hundreds and a thousand, in
  // each public rule set (feminine, neuter, ... forms).
  const Spellout& spellout = lex->language_->spellout();
  for (size_t set = 0; set < spellout.size(); ++set) {
    for (int n = 0; n <= 1000; n += n < 200 ? 1 : 100) {
      // ICU marks the joints of compound number words with soft hyphens
      // (it "venti\u00ADquattro"); text writes them whole ("ventiquattro").
      std::string spelled = spellout.Spell(set, n);
      for (size_t p; (p = spelled.find("\xC2\xAD")) != std::string::npos;) spelled.erase(p, 2);
      for (TimeToken& t : TokenizeForTime(spelled)) {
        if (t.kind == TimeTokKind::kWord) lex->number_words_.insert(std::move(t.folded));
      }
    }
  }
  return lex;
}

size_t TimeLexicon::Match(const std::vector<TimeToken>& toks, size_t i, TimeLexKind kind,
                          const TimeLexEntry** entry) const {
  if (i >= toks.size()) return 0;
  return MatchEntries(EntriesFor(toks[i].folded), toks, i, kind, entry);
}

size_t TimeLexicon::MatchEntries(const std::vector<TimeLexEntry>* entries,
                                 const std::vector<TimeToken>& toks, size_t i, TimeLexKind kind,
                                 const TimeLexEntry** entry) const {
  if (!entries || i >= toks.size()) return 0;
  for (const TimeLexEntry& e : *entries) {  // longest first
    if (e.kind != kind || i + e.tokens.size() > toks.size()) continue;
    bool ok = true;
    for (size_t k = 1; k < e.tokens.size() && ok; ++k) ok = toks[i + k].folded == e.tokens[k];
    if (!ok) continue;
    if (e.weak) {
      // An abbreviation needs a dot after it or a number next to it.
      size_t n = i + e.tokens.size();
      bool dot = n < toks.size() && toks[n].folded == "." && !toks[n].space_before;
      bool num_after = n < toks.size() && toks[n].kind == TimeTokKind::kNumber;
      bool num_before = i > 0 && toks[i - 1].kind == TimeTokKind::kNumber;
      // Glued to a number it is an ordinal suffix ("14th"), not "Th(ursday)".
      if (num_before && !toks[i].space_before) continue;
      // Or glued to a number through "-" or "/": "dec-2018", "23/sep/2020".
      auto sep = [&](size_t k) {
        return k < toks.size() && (toks[k].folded == "-" || toks[k].folded == "/") &&
               !toks[k].space_before;
      };
      const bool sep_after = sep(n) && n + 1 < toks.size() &&
                             toks[n + 1].kind == TimeTokKind::kNumber && !toks[n + 1].space_before;
      const bool sep_before =
          i >= 2 && sep(i - 1) && toks[i - 2].kind == TimeTokKind::kNumber && !toks[i].space_before;
      // After an ordinal number: "14th Feb", "1er janv".
      const bool ord_before = i >= 2 && toks[i].space_before && !toks[i - 1].space_before &&
                              toks[i - 2].kind == TimeTokKind::kNumber &&
                              Match(toks, i - 1, TimeLexKind::kOrdinalSuffix) == i;
      // A month after a day number and a filler: "12 de sept", "3 de sep".
      const bool filler_before = kind == TimeLexKind::kMonth && i >= 2 &&
                                 toks[i - 2].kind == TimeTokKind::kNumber &&
                                 Match(toks, i - 1, TimeLexKind::kFiller) == i;
      // A month alone after a preposition or a hedge, closing the clause:
      // "after Feb", "in dec" (not a number word: fr "en sept jours").
      const bool prep_before = kind == TimeLexKind::kMonth && i >= 1 &&
                               (n >= toks.size() || toks[n].kind == TimeTokKind::kPunct) &&
                               !IsNumberWord(toks[i].folded) &&
                               (Match(toks, i - 1, TimeLexKind::kFiller) == i ||
                                Match(toks, i - 1, TimeLexKind::kInPre) == i ||
                                Match(toks, i - 1, TimeLexKind::kHedge) == i);
      if (!dot && !num_after && !num_before && !sep_after && !sep_before && !ord_before &&
          !filler_before && !prep_before) {
        continue;
      }
      // "à la mer.", "un jeu.", "dans leur jeu.": after a determiner (for a
      // lower-case weekday: after any word) the word before a dot is a noun,
      // unless a number follows ("le mer. 10 juin"); "en janv." is a month.
      if (dot && !num_after && !num_before && !sep_after && !sep_before && !ord_before &&
          !filler_before && !(n + 1 < toks.size() && toks[n + 1].kind == TimeTokKind::kNumber)) {
        if (kind == TimeLexKind::kWeekday && !toks[i].capital && i > 0 &&
            toks[i - 1].kind == TimeTokKind::kWord) {
          continue;  // "dans leur jeu."; "Forecast for Wed." is a day
        }
        bool determiner = false;
        for (size_t s = i >= 3 ? i - 3 : 0; s < i && !determiner; ++s) {
          determiner = Match(toks, s, TimeLexKind::kArticle) == i ||
                       Match(toks, s, TimeLexKind::kQuant) == i;
        }
        if (determiner) continue;
      }
      if (dot) ++n;
      if (entry) *entry = &e;
      return n;
    }
    if (entry) *entry = &e;
    return i + e.tokens.size();
  }
  return 0;
}

Tense TimeLexicon::TenseOf(const std::string& folded) const {  // folded: see header
  auto it = tense_words_.find(folded);
  if (it != tense_words_.end()) return it->second;
  for (const auto& [suffix, tense] : tense_suffixes_) {
    if (folded.size() >= suffix.size() + 3 &&
        folded.compare(folded.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return tense;
    }
  }
  return Tense::kNone;
}

int64_t TimeLexicon::ParseSpelledNumber(std::string_view phrase, size_t* consumed) const {
  return language_->ParseSpelledNumber(phrase, consumed);
}

}  // namespace sitrep
