// @brief The report's first section, "What the numbers say": one block per
// figure series (src/figures) with its summary, a small inline SVG chart
// (value against date, one mark per claim and source, hedges as error bars,
// conflicting claims in a contrasting colour), its claims with their sentences
// as evidence, and conflicting claims side by side.
#include "report/numbers_section.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "report/html_escape.h"

namespace sitrep {
namespace {

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string SentenceText(const Document& d, const Claim& c) {
  if (c.sentence >= 0 && static_cast<size_t>(c.sentence) < d.sentences.size()) {
    const Sentence& s = d.sentences[c.sentence];
    return d.text.substr(s.start, s.end - s.start);
  }
  return d.text.substr(c.start, c.end - c.start);
}

// The evidence: the sentence with the claim's words in <mark>.
std::string Evidence(const Document& d, const Claim& c) {
  if (c.sentence < 0 || static_cast<size_t>(c.sentence) >= d.sentences.size() ||
      c.end > d.text.size()) {
    return Esc(SentenceText(d, c));
  }
  const Sentence& s = d.sentences[c.sentence];
  if (c.start < s.start || c.end > s.end) return Esc(SentenceText(d, c));
  return Esc(d.text.substr(s.start, c.start - s.start)) + "<mark>" +
         Esc(d.text.substr(c.start, c.end - c.start)) + "</mark>" +
         Esc(d.text.substr(c.end, s.end - c.end));
}

// Days since 1970-01-01 of YYYY-MM-DD.
int64_t Days(const std::string& iso) {
  int y = 0, m = 0, d = 0;
  if (std::sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d) != 3) return 0;
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// A round upper bound for the value axis: 1, 2 or 5 times a power of ten.
double NiceMax(double v) {
  if (v <= 0) return 1;
  const double p = std::pow(10.0, std::floor(std::log10(v)));
  for (double f : {1.0, 2.0, 5.0, 10.0}) {
    if (f * p >= v) return f * p;
  }
  return 10 * p;
}

std::string Chart(const FigureSeries& s, const std::vector<Document>& docs,
                  const std::set<size_t>& in_conflict) {
  constexpr double kW = 440, kH = 150, kL = 56, kR = 16, kT = 12, kB = 30;
  int64_t lo = 0, hi = 0;
  bool dated = false, undated = false;
  double top = 0;
  for (const FigureClaim& c : s.claims) {
    if (c.date.empty()) {
      undated = true;
    } else {
      const int64_t d = Days(c.date);
      if (!dated || d < lo) lo = d;
      if (!dated || d > hi) hi = d;
      dated = true;
    }
    top = std::max(top, c.open ? c.min * 1.3 : c.max);
  }
  top = NiceMax(top * 1.05);
  // Marks of one date are spread by source (up to 8 px either way): the dates
  // stay that far inside the axes.
  const double x0 = kL + 12 + (undated ? 40 : 0), x1 = kW - kR - 10;
  auto x = [&](const FigureClaim& c) {
    if (c.date.empty()) return kL + 12.0;
    if (hi == lo) return (x0 + x1) / 2;
    return x0 + (x1 - x0) * static_cast<double>(Days(c.date) - lo) / static_cast<double>(hi - lo);
  };
  auto y = [&](double v) { return kH - kB - (kH - kB - kT) * std::min(v, top) / top; };
  std::map<std::string, int> source_slot;  // one horizontal offset per source
  for (const FigureClaim& c : s.claims) source_slot.emplace(c.source_key, 0);
  int slot = 0;
  for (auto& [k, v] : source_slot) v = slot++;
  std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " + Num(kW) + " " + Num(kH) +
                    "\" width=\"" + Num(kW) + "\" height=\"" + Num(kH) +
                    "\" role=\"img\" aria-label=\"" + Esc(s.summary) + "\">";
  svg += "<line class=\"axis\" x1=\"" + Num(kL) + "\" y1=\"" + Num(kH - kB) + "\" x2=\"" +
         Num(kW - kR) + "\" y2=\"" + Num(kH - kB) + "\"/>";
  svg += "<line class=\"axis\" x1=\"" + Num(kL) + "\" y1=\"" + Num(kT) + "\" x2=\"" + Num(kL) +
         "\" y2=\"" + Num(kH - kB) + "\"/>";
  char label[64];
  std::snprintf(label, sizeof label, "%.0f", top);
  svg += "<text x=\"" + Num(kL - 4) + "\" y=\"" + Num(kT + 8) + "\" text-anchor=\"end\">" + label +
         "</text><text x=\"" + Num(kL - 4) + "\" y=\"" + Num(kH - kB) +
         "\" text-anchor=\"end\">0</text>";
  if (dated) {
    const FigureClaim* first = nullptr;
    const FigureClaim* last = nullptr;
    for (const FigureClaim& c : s.claims) {
      if (c.date.empty()) continue;
      if (!first) first = &c;
      last = &c;
    }
    svg += "<text x=\"" + Num(x(*first)) + "\" y=\"" + Num(kH - 8) + "\" text-anchor=\"middle\">" +
           Esc(first->date) + "</text>";
    if (last->date != first->date) {
      svg += "<text x=\"" + Num(x(*last)) + "\" y=\"" + Num(kH - 8) + "\" text-anchor=\"end\">" +
             Esc(last->date) + "</text>";
    }
  }
  if (undated) {
    svg += "<text x=\"" + Num(kL + 12) + "\" y=\"" + Num(kH - 8) +
           "\" text-anchor=\"middle\">undated</text>";
  }
  for (size_t i = 0; i < s.claims.size(); ++i) {
    const FigureClaim& c = s.claims[i];
    const Claim& q = docs[c.doc].claims[c.quantity];
    const double cx = x(c) + 4.0 * (source_slot[c.source_key] % 5 - 2);
    const double value = q.interval ? (c.min + c.max) / 2 : q.value;
    const std::string cls = in_conflict.count(i) ? "mark conflict" : "mark";
    svg +=
        "<g class=\"" + cls + "\"><title>" +
        Esc(FigureValueText(docs[c.doc], q) + " \xE2\x80\x94 " + c.source +
            (c.date.empty() ? "" : ", " + c.date) + " (" + FigureRelationName(c.relation) + ")") +
        "</title>";
    const double ylo = y(c.min), yhi = c.open ? kT : y(c.max);
    if (yhi < ylo - 0.5) {
      svg += "<line x1=\"" + Num(cx) + "\" y1=\"" + Num(ylo) + "\" x2=\"" + Num(cx) + "\" y2=\"" +
             Num(yhi) + "\"/>";
      svg += "<line x1=\"" + Num(cx - 3) + "\" y1=\"" + Num(ylo) + "\" x2=\"" + Num(cx + 3) +
             "\" y2=\"" + Num(ylo) + "\"/>";
      if (c.open) {
        svg += "<path d=\"M" + Num(cx - 3) + " " + Num(yhi + 5) + "L" + Num(cx) + " " + Num(yhi) +
               "L" + Num(cx + 3) + " " + Num(yhi + 5) + "\"/>";
      } else {
        svg += "<line x1=\"" + Num(cx - 3) + "\" y1=\"" + Num(yhi) + "\" x2=\"" + Num(cx + 3) +
               "\" y2=\"" + Num(yhi) + "\"/>";
      }
    }
    svg += "<circle cx=\"" + Num(cx) + "\" cy=\"" + Num(y(value)) + "\" r=\"" +
           (c.relation == FigureRelation::kSameReport ? "2.5" : "4") + "\"/></g>";
  }
  svg += "</svg>";
  return svg;
}

std::string ClaimCell(const FigureSeries& s, size_t i, const std::vector<Document>& docs) {
  const FigureClaim& c = s.claims[i];
  const Document& d = docs[c.doc];
  const Claim& q = d.claims[c.quantity];
  return "<b>" + Esc(FigureValueText(d, q)) + "</b> <span class=\"mut\">" + Esc(c.source) +
         (c.date.empty() ? "" : ", " + Esc(c.date)) + "</span>" +
         (c.subject.empty() ? "" : " <span class=\"chip\">" + Esc(c.subject) + "</span>") +
         (c.reported ? " <span class=\"chip foreign\">reported</span>" : "") + "<blockquote>" +
         Evidence(d, q) + " <a href=\"#doc-" + Esc(d.id) + "\">" +
         Esc(d.title.empty() ? d.source : d.title) + "</a></blockquote>";
}

// ` data-stories="S1 S2"`: the stories of the series' claims' documents, so
// the report's story filter hides a series none of whose claims is in the
// story picked; "" when no document has a story.
std::string StoriesAttr(const FigureSeries& s, const std::vector<Document>& docs) {
  std::set<std::string> stories;
  for (const FigureClaim& c : s.claims) {
    if (!docs[c.doc].story.empty()) stories.insert(docs[c.doc].story);
  }
  if (stories.empty()) return "";
  std::string out;
  for (const std::string& id : stories) out += (out.empty() ? "" : " ") + Esc(id);
  return " data-stories=\"" + out + "\"";
}

// ` data-story="ID"` on a claim's row: the story of its document.
std::string ClaimStoryAttr(const FigureClaim& c, const std::vector<Document>& docs) {
  const std::string& id = docs[c.doc].story;
  return id.empty() ? "" : " data-story=\"" + Esc(id) + "\"";
}

void AppendSeries(const FigureSeries& s, const std::vector<Document>& docs, std::string* h) {
  std::set<size_t> in_conflict;
  for (const FigureConflict& f : s.conflicts) {
    in_conflict.insert(f.a);
    in_conflict.insert(f.b);
  }
  const char* status = SeriesStatusName(s.status);
  *h += "<div class=\"series\" id=\"" + Esc(s.id) + "\" data-status=\"" + status +
        "\" data-measure=\"" + Esc(s.measure) + "\"" + StoriesAttr(s, docs) +
        "><p class=\"summary\"><span class=\"chip st-" + status + "\">" + status + "</span> " +
        Esc(s.summary) + "</p>";
  if (!s.part_of.empty()) {
    *h += "<p class=\"mut\">part of <a href=\"#" + Esc(s.part_of) + "\">" + Esc(s.part_of) +
          "</a> (by " + Esc(s.part_why) + ")</p>";
  }
  *h += Chart(s, docs, in_conflict);
  for (const FigureConflict& f : s.conflicts) {
    *h += "<div class=\"pair\"><div>" + ClaimCell(s, f.a, docs) + "</div><div>" +
          ClaimCell(s, f.b, docs) + "</div><p class=\"why\">" + Esc(f.why) + "</p></div>";
  }
  *h += "<details><summary>" + std::to_string(s.claims.size()) +
        (s.claims.size() == 1 ? " claim" : " claims") +
        "</summary><table class=\"claims\"><tr><th>claim</th><th>relation</th></tr>";
  for (size_t i = 0; i < s.claims.size(); ++i) {
    const FigureClaim& c = s.claims[i];
    std::string rel = FigureRelationName(c.relation);
    if (c.relation_to >= 0) rel += " #" + std::to_string(c.relation_to + 1);
    *h += "<tr" + ClaimStoryAttr(c, docs) + "><td>" + std::to_string(i + 1) + ". " +
          ClaimCell(s, i, docs) + "</td><td>" + Esc(rel) + "</td></tr>";
  }
  *h += "</table></details></div>";
}

}  // namespace

const char kNumbersCss[] = R"css(
section#numbers .series{border:1px solid var(--line);border-radius:6px;padding:8px 12px;margin:10px 0}
section#numbers p.summary{margin:2px 0 6px;font-weight:600}
.st-contradicted{background:#fbe3e1;color:var(--bad)}.st-revised{background:#fdf0e0;color:var(--warn)}.st-agree{background:#e3f2e6}
svg.chart{display:block;margin:4px 0;font-size:10px;fill:var(--mut)}svg.chart line.axis{stroke:var(--line)}
svg.chart .mark{stroke:var(--acc);fill:var(--acc)}svg.chart .mark line,svg.chart .mark path{fill:none;stroke-width:1.5}
svg.chart .mark.conflict{stroke:var(--bad);fill:var(--bad)}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:10px;background:#fdf6f5;border-radius:4px;padding:6px;margin:6px 0}
.pair p.why{grid-column:1/3;margin:0;font-size:13px;color:var(--bad)}
section#numbers blockquote{margin:4px 0 6px;padding-left:8px;border-left:3px solid var(--line);font-size:13px;color:#37414d}
)css";

void AppendNumbersSection(const std::vector<FigureSeries>& series,
                          const std::vector<Document>& docs, std::string* h) {
  *h += "<section id=\"numbers\"><h2>What the numbers say</h2>";
  size_t multi = 0, singles = 0;
  for (const FigureSeries& s : series) (s.status == SeriesStatus::kSingle ? singles : multi)++;
  if (series.empty()) {
    *h += "<p class=\"mut\">No counted figures were found.</p></section>";
    return;
  }
  *h +=
      "<p class=\"mut\">Each series is one quantity in the world (what is counted, whose, "
      "where, when) as the sources state it, read as intervals from their hedges: " +
      std::to_string(multi) + " stated by more than one claim, " + std::to_string(singles) +
      " once. Contradicted and revised series first.</p>";
  for (const FigureSeries& s : series) {
    if (s.status != SeriesStatus::kSingle) AppendSeries(s, docs, h);
  }
  if (singles > 0) {
    *h += "<details><summary>" + std::to_string(singles) +
          " figures stated by one claim only</summary>";
    for (const FigureSeries& s : series) {
      if (s.status == SeriesStatus::kSingle) AppendSeries(s, docs, h);
    }
    *h += "</details>";
  }
  *h += "</section>";
}

}  // namespace sitrep
