// @brief Time scoring against the seed gold and Recognizers-Text specs.
#include "eval/time_eval.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "base/file_io.h"
#include "base/json.h"
#include "base/utf8.h"
#include "time/calendar.h"

namespace sitrep {
namespace {

constexpr size_t kMaxEvalFile = 64u << 20;

// Offsets of every code point in UTF-16 units and in code points, by byte.
struct OffsetMap {
  std::vector<uint32_t> cp, u16;  // indexed by byte offset (size()+1 entries)
  explicit OffsetMap(std::string_view s) : cp(s.size() + 1), u16(s.size() + 1) {
    size_t pos = 0;
    uint32_t c = 0, u = 0;
    while (pos < s.size()) {
      size_t start = pos;
      char32_t ch = NextCodePoint(s, &pos);
      for (size_t b = start; b < pos; ++b) {
        cp[b] = c;
        u16[b] = u;
      }
      ++c;
      u += ch > 0xFFFF ? 2 : 1;
    }
    cp[s.size()] = c;
    u16[s.size()] = u;
  }
};

bool ParseDay(std::string_view v, Ymd* out) {
  if (v.size() < 10 || v[4] != '-' || v[7] != '-') return false;
  int y = 0, m = 0, d = 0;
  if (std::sscanf(std::string(v.substr(0, 10)).c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) {
    return false;
  }
  if (!ValidDate(y, m, d)) return false;
  *out = {y, m, d};
  return true;
}

bool IsWeekValue(std::string_view v) { return v.size() >= 8 && v[4] == '-' && v[5] == 'W'; }

// "T16:00:00" -> "T16", "T11:30:00" -> "T11:30"; other values unchanged.
std::string_view TrimZeroClock(std::string_view t) {
  while (t.size() > 3 && t.substr(t.size() - 3) == ":00") t.remove_suffix(3);
  return t;
}

// Compares one date/time value of theirs (X = any digit) with ours.
bool PointMatches(std::string_view theirs, std::string_view ours) {
  if (theirs == ours) return true;
  // Time part: after the 'T' of a date-time, or the whole value.
  size_t tt = theirs.find('T'), to = ours.find('T');
  std::string_view td = theirs.substr(0, tt), od = ours.substr(0, to);
  std::string_view tT = tt == std::string_view::npos ? "" : theirs.substr(tt);
  std::string_view oT = to == std::string_view::npos ? "" : ours.substr(to);
  // Their "T17:00" equals our "T17:00"; their "T17" our "T17". Their
  // computed bounds carry seconds ("T16:00:00"): zero minutes and seconds
  // name the same instant as the hour ("T16"), never a different one.
  if (TrimZeroClock(tT) != TrimZeroClock(oT)) return false;
  if (td == od) return true;
  // Their bare clock time ("T17", "TEV") names no day; ours carries the day
  // in focus, as TimeML anchors it ("2016-11-07T17"): the time decides.
  if (td.empty() && !tT.empty()) return true;
  // "XXXX-WXX-3": any Wednesday.
  if (td.size() == 10 && td.substr(0, 9) == "XXXX-WXX-") {
    Ymd d;
    if (od.size() == 10 && od.substr(0, 9) == td.substr(0, 9)) return od[9] == td[9];
    return ParseDay(od, &d) && IsoWeekday(DaysOf(d)) == td[9] - '0';
  }
  if (td.size() != od.size()) {
    // Their full day vs our year or month bound of a range: first day.
    return false;
  }
  for (size_t i = 0; i < td.size(); ++i) {
    if (td[i] != od[i] && td[i] != 'X') return false;
  }
  return true;
}

// A range bound of ours in their shape: "2010" -> "2010-01-01", "2016-12" -> "2016-12-01",
// a quarter or half year -> its first day.
std::string ExpandBound(std::string_view v, std::string_view like) {
  std::string s(v);
  if (like.size() >= 10 && like[4] == '-' && like[7] == '-') {
    if (s.size() == 4) s += "-01-01";
    const bool quarter = s.size() == 7 && s[5] == 'Q' && s[6] >= '1' && s[6] <= '4';
    const bool half = s.size() == 7 && s[5] == 'H' && (s[6] == '1' || s[6] == '2');
    if (quarter || half) {
      // "2017-Q3" -> "2017-07-01", "2019-H2" -> "2019-07-01": the first day.
      const int month = (s[6] - '1') * (quarter ? 3 : 6) + 1;
      s = s.substr(0, 5) + (month < 10 ? "0" : "") + std::to_string(month) + "-01";
    } else if (s.size() == 7 && s[4] == '-') {
      s += "-01";
    }
  }
  return s;
}

}  // namespace

bool TimexMatches(std::string_view timex, const TimeExpr& ours) {
  if (timex.size() > 2 && timex.front() == '(' && timex.back() == ')') {
    if (ours.range_begin.empty()) return false;
    std::string_view inner = timex.substr(1, timex.size() - 2);
    size_t c1 = inner.find(',');
    size_t c2 = c1 == std::string_view::npos ? c1 : inner.find(',', c1 + 1);
    if (c2 == std::string_view::npos) return false;
    std::string_view a = inner.substr(0, c1), b = inner.substr(c1 + 1, c2 - c1 - 1);
    if (!PointMatches(a, ExpandBound(ours.range_begin, a))) return false;
    const std::string end = ExpandBound(ours.range_end, b);
    if (PointMatches(b, end)) return true;
    // Their computed periods are half-open ("next 3 days" ends on the 4th
    // day at 00:00), ours closed (it ends on the 3rd): a day-precision end of
    // ours one day before theirs is the same period.
    Ymd d;
    return end.size() == 10 && ParseDay(end, &d) &&
           PointMatches(b, FormatDay(CivilFromDays(DaysOf(d) + 1)));
  }
  if (ours.value.empty()) return false;
  return PointMatches(timex, ours.value);
}

bool ValueMatchesAtGranularity(std::string_view gold, std::string_view ours) {
  if (gold == ours) return true;
  if (ours.empty()) return false;
  if (IsWeekValue(gold)) {
    Ymd d;
    if (ParseDay(ours, &d)) return FormatWeek(DaysOf(d), gold.size() > 8) == gold;
    return false;
  }
  // Plain date prefixes: YYYY, YYYY-MM, YYYY-MM-DD (and decades "199").
  const bool date_like =
      !gold.empty() && gold[0] >= '0' && gold[0] <= '9' && gold.find('/') == std::string_view::npos;
  if (date_like && ours.size() > gold.size() && ours.compare(0, gold.size(), gold) == 0) {
    char next = ours[gold.size()];
    return next == '-' || next == 'T' || gold.size() == 3;
  }
  return false;
}

Result<SeedTimeScore> ScoreSeedTemporal(const TimeTagger& tagger, const std::string& gold_json,
                                        const std::string& seeds_dir) {
  Result<std::string> raw = ReadFileLimited(gold_json, kMaxEvalFile);
  if (!raw.ok()) return raw.status();
  Result<JsonValue> gold = ParseJson(*raw);
  if (!gold.ok()) return gold.status().WithContext(gold_json);
  SeedTimeScore score;
  std::map<std::string, std::vector<const JsonValue*>> by_article;
  for (const JsonValue& e : (*gold)["expressions"].items()) {
    by_article[e.GetString("article")].push_back(&e);
  }
  for (const auto& [article, exprs] : by_article) {
    Result<std::string> text = ReadFileLimited(seeds_dir + "/" + article, kMaxEvalFile);
    if (!text.ok()) return text.status();
    std::string dct_value = (*gold)["reference_dates"][article].GetString("reference_date");
    std::optional<PublishedDate> dct;
    if (!dct_value.empty()) dct = PublishedDate{dct_value, DatePrecision::kDay, "", "input"};
    std::vector<TimeExpr> got = tagger.Tag(*text, "fr", dct);
    OffsetMap map(*text);
    std::vector<bool> used(got.size(), false);
    score.gold += static_cast<int>(exprs.size());
    score.predicted += static_cast<int>(got.size());
    for (const JsonValue* g : exprs) {
      const int gs = static_cast<int>((*g)["span"]["start"].num());
      const int ge = static_cast<int>((*g)["span"]["end"].num());
      const std::string gtext = (*g)["span"].GetString("text");
      const std::string gvalue = g->GetString("value");
      int best = -1, best_overlap = 0;
      for (size_t k = 0; k < got.size(); ++k) {
        if (used[k]) continue;
        int ps = static_cast<int>(map.cp[got[k].start]), pe = static_cast<int>(map.cp[got[k].end]);
        int overlap = std::min(ge, pe) - std::max(gs, ps);
        if (overlap > best_overlap) {
          best_overlap = overlap;
          best = static_cast<int>(k);
        }
      }
      if (best < 0) {
        score.errors.push_back({"missed", article, gtext + " = " + gvalue, ""});
        continue;
      }
      used[best] = true;
      ++score.gold_matched;
      ++score.predicted_matched;
      const TimeExpr& p = got[best];
      if (ValueMatchesAtGranularity(gvalue, p.value)) {
        ++score.value_correct;
      } else {
        score.errors.push_back({"value", article, gtext + " = " + gvalue,
                                p.text + " = " + (p.value.empty() ? "(unresolved)" : p.value)});
      }
    }
    for (size_t k = 0; k < got.size(); ++k) {
      if (!used[k]) {
        score.errors.push_back({"spurious", article, "", got[k].text + " = " + got[k].value});
      }
    }
  }
  auto ratio = [](int a, int b) { return b ? static_cast<double>(a) / b : 0.0; };
  score.span_precision = ratio(score.predicted_matched, score.predicted);
  score.span_recall = ratio(score.gold_matched, score.gold);
  const double p = score.span_precision, r = score.span_recall;
  score.span_f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  score.value_accuracy = ratio(score.value_correct, score.gold_matched);
  return score;
}

Result<ExtractorRecall> ScoreExtractorSpec(const TimeTagger& tagger, const std::string& spec_json,
                                           const std::string& lang) {
  Result<std::string> raw = ReadFileLimited(spec_json, kMaxEvalFile);
  if (!raw.ok()) return raw.status();
  Result<JsonValue> spec = ParseJson(*raw);
  if (!spec.ok()) return spec.status().WithContext(spec_json);
  ExtractorRecall score;
  const std::optional<PublishedDate> dct =
      PublishedDate{"2016-11-07", DatePrecision::kDay, "", "input"};
  for (const JsonValue& c : spec->items()) {
    const std::vector<JsonValue>& results = c["Results"].items();
    if (results.empty()) continue;
    ++score.cases;
    const std::string input = c.GetString("Input");
    std::vector<TimeExpr> got = tagger.Tag(input, lang, dct);
    OffsetMap map(input);
    for (const JsonValue& r : results) {
      ++score.gold;
      const int gs = static_cast<int>(r["Start"].num());
      const int ge = gs + static_cast<int>(r["Length"].num());  // exclusive
      bool exact = false, overlap = false;
      for (const TimeExpr& p : got) {
        const int ps = static_cast<int>(map.u16[p.start]), pe = static_cast<int>(map.u16[p.end]);
        exact |= ps == gs && pe == ge;
        overlap |= ps < ge && gs < pe;
      }
      score.exact += exact;
      score.overlap += overlap;
    }
  }
  return score;
}

Result<SpecTimeScore> ScoreRecognizersSpec(const TimeTagger& tagger, const std::string& spec_json,
                                           const std::string& lang) {
  Result<std::string> raw = ReadFileLimited(spec_json, kMaxEvalFile);
  if (!raw.ok()) return raw.status();
  Result<JsonValue> spec = ParseJson(*raw);
  if (!spec.ok()) return spec.status().WithContext(spec_json);
  SpecTimeScore score;
  for (const JsonValue& c : spec->items()) {
    const std::string ref = c["Context"].GetString("ReferenceDateTime");
    if (ref.size() < 10) continue;
    ++score.cases;
    const std::string input = c.GetString("Input");
    // The reference keeps its time of day ("2016-11-07T16:12:00"), as a
    // publication time would.
    const bool timed = ref.size() >= 16 && ref[10] == 'T';
    std::optional<PublishedDate> dct =
        PublishedDate{timed ? ref : ref.substr(0, 10),
                      timed ? DatePrecision::kMinute : DatePrecision::kDay, "", "input"};
    std::vector<TimeExpr> got = tagger.Tag(input, lang, dct);
    OffsetMap map(input);
    const std::vector<JsonValue>& results = c["Results"].items();
    score.gold += static_cast<int>(results.size());
    score.predicted += static_cast<int>(got.size());
    std::vector<bool> gold_done(results.size(), false);
    for (const TimeExpr& p : got) {
      const int ps = static_cast<int>(map.u16[p.start]);
      const int pe = static_cast<int>(map.u16[p.end]) - 1;  // inclusive, like theirs
      bool ok = false;
      int span_only = -1;
      for (size_t k = 0; k < results.size() && !ok; ++k) {
        const JsonValue& r = results[k];
        if (gold_done[k] || static_cast<int>(r["Start"].num()) != ps ||
            static_cast<int>(r["End"].num()) != pe) {
          continue;
        }
        span_only = static_cast<int>(k);
        for (const JsonValue& v : r["Resolution"]["values"].items()) {
          if (TimexMatches(v.GetString("timex"), p)) ok = true;
        }
        if (ok) gold_done[k] = true;
      }
      std::string got_text = p.text + " = " + (p.value.empty() ? "(unresolved)" : p.value);
      if (ok) {
        ++score.correct;
      } else if (span_only >= 0) {
        const JsonValue& r = results[span_only];
        std::string timex;
        for (const JsonValue& v : r["Resolution"]["values"].items()) {
          if (!timex.empty()) timex += "|";
          timex += v.GetString("timex");
        }
        score.errors.push_back({"value", input, r.GetString("Text") + " = " + timex, got_text});
        gold_done[span_only] = true;
      } else {
        score.errors.push_back({"spurious", input, "", got_text});
      }
    }
    for (size_t k = 0; k < results.size(); ++k) {
      if (gold_done[k]) continue;
      std::string timex;
      for (const JsonValue& v : results[k]["Resolution"]["values"].items()) {
        if (!timex.empty()) timex += "|";
        timex += v.GetString("timex");
      }
      score.errors.push_back({"missed", input, results[k].GetString("Text") + " = " + timex, ""});
    }
  }
  auto ratio = [](int a, int b) { return b ? static_cast<double>(a) / b : 0.0; };
  score.precision = ratio(score.correct, score.predicted);
  score.recall = ratio(score.correct, score.gold);
  score.f1 = score.precision + score.recall > 0
                 ? 2 * score.precision * score.recall / (score.precision + score.recall)
                 : 0;
  return score;
}

}  // namespace sitrep
