// @brief Timeline: every dated expression of a corpus as one sorted list of
// (date, expression, sentence, document), for the report and `sitrep query timeline`.
#pragma once

#include <string>
#include <vector>

#include "doc/document.h"

namespace sitrep {

struct TimelineRow {
  std::string key;       // sortable: YYYY-MM-DD[Thh:mm] (weeks by their Monday, decades by their first
                         // year); "~" + value for a date without a year ("XXXX-01-10"): they sort last
  bool anchored = true;  // false: the article gives no year (it has no publication date)
  std::string value;     // the TIMEX3 value as tagged (2022-W01, 2022-01-06TEV, 2022-01-06/2022-01-10)
  std::string mod;       // APPROX, START, ... or ""
  std::string text;      // the expression as written
  std::string sentence;  // the sentence around it (the evidence)
  const Document* doc = nullptr;
  uint32_t start = 0, end = 0;  // byte offsets of the expression in doc->text
};

// Rows for every DATE/TIME expression with a calendar value (resolved, not a
// duration or a PRESENT_REF-like reference), sorted by key, then document
// date, then source; then the dates that lack only a year ("le 10 janvier" in
// an undated article), unanchored, by month and day. REQUIRES: `docs` outlives the rows.
std::vector<TimelineRow> BuildTimeline(const std::vector<Document>& docs);

// "2022-W01" -> "2022-01-03"; "2022-01-06TEV" -> "2022-01-06T19"; "199" -> "1990".
// Empty when the value is not a calendar point.
std::string TimelineKey(const std::string& value);

}  // namespace sitrep
