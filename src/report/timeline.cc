// @brief Building and sorting the corpus timeline.
#include "report/timeline.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "base/civil_date.h"

namespace sitrep {
namespace {

bool Digits(const std::string& s, size_t pos, size_t n) {
  if (pos + n > s.size()) return false;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

}  // namespace

std::string TimelineKey(const std::string& value) {
  std::string v = value.substr(0, value.find('/'));  // a range sorts by its start
  if (Digits(v, 0, 4)) {
    if (std::optional<IsoWeek> w = ParseIsoWeek(v)) {
      // ISO week: the Monday of week 1 is the Monday on or before 4 January.
      int64_t day = IsoWeekMonday(w->year, w->week);
      if (w->weekend) day += 5;  // a weekend sorts by its Saturday
      return CivilDayString(day);
    }
    if (v.size() >= 10 && Digits(v, 5, 2) && Digits(v, 8, 2)) {
      std::string key = v.substr(0, 10);
      if (v.size() > 10 && v[10] == 'T') {
        std::string part = v.substr(11);
        if (Digits(part, 0, 2)) return key + "T" + part.substr(0, 5);
        if (part == "MO") return key + "T08";
        if (part == "MI") return key + "T12";
        if (part == "AF") return key + "T15";
        if (part == "EV") return key + "T19";
        if (part == "NI") return key + "T22";
      }
      return key;
    }
    if (v.size() == 7 && Digits(v, 5, 2)) return v;
    if (v.size() == 4) return v;
    return "";
  }
  if (v.size() == 3 && Digits(v, 0, 3)) return v + "0";  // decade
  return "";
}

std::vector<TimelineRow> BuildTimeline(const std::vector<Document>& docs) {
  std::vector<TimelineRow> rows;
  for (const Document& d : docs) {
    for (const TimeExpr& t : d.times) {
      if ((t.type != TimeType::kDate && t.type != TimeType::kTime) || t.value.empty()) continue;
      std::string key = TimelineKey(t.value);
      bool anchored = !key.empty() && !t.unresolved;
      // A month and day without a year ("XXXX-01-10"): kept, sorted last.
      if (!anchored) {
        if (t.value.size() < 10 || t.value.compare(0, 5, "XXXX-") != 0 ||
            !std::isdigit(static_cast<unsigned char>(t.value[5])))
          continue;
        key = "~" + t.value.substr(5);
      }
      TimelineRow r;
      r.key = key;
      r.anchored = anchored;
      r.value = t.value;
      r.mod = t.mod;
      r.text = t.text;
      r.doc = &d;
      r.start = t.start;
      r.end = t.end;
      for (const Sentence& s : d.sentences) {
        if (s.start <= t.start && t.end <= s.end) {
          r.sentence = d.text.substr(s.start, s.end - s.start);
          break;
        }
      }
      if (r.sentence.empty()) r.sentence = t.text;
      rows.push_back(std::move(r));
    }
  }
  std::stable_sort(rows.begin(), rows.end(), [](const TimelineRow& a, const TimelineRow& b) {
    if (a.key != b.key) return a.key < b.key;
    std::string pa = a.doc->published ? a.doc->published->value : "",
                pb = b.doc->published ? b.doc->published->value : "";
    if (pa != pb) return pa < pb;
    return a.doc->source < b.doc->source;
  });
  return rows;
}

}  // namespace sitrep
