// @brief Figures scoring: seed gold reconciliation groups against series
// (rules in docs/EVAL-figures.md).
#include "eval/figures_eval.h"

#include <map>
#include <set>

#include "base/file_io.h"
#include "base/json.h"
#include "base/utf8.h"
#include "eval/quantity_eval.h"

namespace sitrep {
namespace {

constexpr size_t kMaxGoldFile = 64u << 20;

Result<JsonValue> ReadJson(const std::string& path) {
  Result<std::string> raw = ReadFileLimited(path, kMaxGoldFile);
  if (!raw.ok()) return raw.status();
  Result<JsonValue> v = ParseJson(*raw);
  if (!v.ok()) return v.status().WithContext(path);
  return v;
}

// A code-point offset of the input file -> a code-point offset of doc.text,
// through the document's source map; -1 when that character was removed.
int64_t MapOffset(const Document& doc, const CodePointIndex& index, int64_t source_cp, bool end) {
  for (const SourceRun& r : doc.source_map) {
    const std::string_view run = std::string_view(doc.text).substr(r.text_offset, r.length);
    const int64_t n = static_cast<int64_t>(CountCodePoints(run));
    const int64_t from = static_cast<int64_t>(r.source_cp);
    if (source_cp >= from && (end ? source_cp <= from + n : source_cp < from + n)) {
      return static_cast<int64_t>(index.ToCodePoint(r.text_offset)) + (source_cp - from);
    }
  }
  return -1;
}

bool NotAFigure(const std::string& measure) {
  return measure == "ordinal" || measure == "duration" || measure == "age" || measure == "distance";
}

}  // namespace

int64_t SourceToTextCodePoint(const Document& doc, int64_t source_cp, bool end) {
  return MapOffset(doc, CodePointIndex(doc.text), source_cp, end);
}

Result<FiguresScores> ScoreSeedFigures(const FigureRules& rules, const std::string& gold_dir,
                                       const std::string& seeds_dir,
                                       const ProcessSeedArticle& process) {
  Result<JsonValue> gold = ReadJson(gold_dir + "/quantities.json");
  if (!gold.ok()) return gold.status();
  Result<JsonValue> temporal = ReadJson(gold_dir + "/temporal.json");
  if (!temporal.ok()) return temporal.status();
  const JsonValue& refs = (*temporal)["reference_dates"];

  std::map<std::string, std::string> group_of;  // gold claim id -> group
  std::vector<std::string> group_names;
  for (const JsonValue& g : (*gold)["reconciliation"].items()) {
    group_names.push_back(g.GetString("group"));
    for (const JsonValue& id : g["claims"].items())
      group_of.emplace(id.str(), g.GetString("group"));
  }
  std::vector<std::string> articles;
  for (const JsonValue& c : (*gold)["claims"].items()) {
    const std::string a = c.GetString("article");
    if (std::find(articles.begin(), articles.end(), a) == articles.end()) articles.push_back(a);
  }

  FiguresScores s;
  struct Scored {
    std::string id, group;
    size_t doc = 0;
    int claim = -1;  // index into the document's claims, -1 when not extracted
  };
  std::vector<Scored> scored;
  for (const std::string& article : articles) {
    const JsonValue& ref = refs[article];
    const std::string date = ref.is_object() ? ref.GetString("reference_date") : "";
    Result<Document> doc = process(seeds_dir + "/" + article, date);
    if (!doc.ok()) return doc.status().WithContext(article);
    const size_t di = s.documents.size();
    s.documents.push_back(std::move(doc).value());
    const Document& d = s.documents.back();
    CodePointIndex index(d.text);
    std::vector<const JsonValue*> golds;
    std::vector<CodePointSpan> spans;
    for (const JsonValue& g : (*gold)["claims"].items()) {
      if (g.GetString("article") != article) continue;
      ++s.gold_claims;
      if (NotAFigure(GoldClaimMeasure(g))) {
        ++s.not_figures;
        continue;
      }
      golds.push_back(&g);
      spans.push_back({MapOffset(d, index, static_cast<int64_t>(g["span"]["start"].num()), false),
                       MapOffset(d, index, static_cast<int64_t>(g["span"]["end"].num()), true)});
    }
    const std::vector<int> match = MatchClaimSpans(spans, d, d.claims);
    for (size_t k = 0; k < golds.size(); ++k) {
      const std::string id = golds[k]->GetString("id");
      auto grp = group_of.find(id);
      scored.push_back({id, grp == group_of.end() ? "" : grp->second, di,
                        spans[k].start < 0 || spans[k].end < 0 ? -1 : match[k]});
    }
  }
  s.series = BuildFigures(s.documents, rules);
  std::map<std::pair<size_t, int>, size_t> series_of;  // (document, claim) -> series
  for (size_t i = 0; i < s.series.size(); ++i) {
    for (const FigureClaim& c : s.series[i].claims) {
      series_of[{c.doc, static_cast<int>(c.quantity)}] = i;
    }
  }
  auto series = [&](const Scored& c) -> int64_t {
    if (c.claim < 0) return -1;
    auto it = series_of.find({c.doc, c.claim});
    return it == series_of.end() ? -1 : static_cast<int64_t>(it->second);
  };
  for (const Scored& c : scored) {
    if (c.claim < 0) {
      ++s.unmatched;
    } else {
      ++s.scored;
    }
  }
  for (size_t i = 0; i < scored.size(); ++i) {
    for (size_t j = i + 1; j < scored.size(); ++j) {
      const Scored& a = scored[i];
      const Scored& b = scored[j];
      const bool same_group = !a.group.empty() && a.group == b.group;
      if (same_group) ++s.gold_pairs_all;
      if (a.claim < 0 || b.claim < 0) continue;
      const bool same_series = series(a) >= 0 && series(a) == series(b);
      s.gold_pairs += same_group;
      s.predicted_pairs += same_series;
      s.true_pairs += same_group && same_series;
      if (same_group != same_series) {
        s.details.push_back(std::string(same_group ? "split: " : "joined: ") + a.id + " (" +
                            (a.group.empty() ? "no group" : a.group) + ") and " + b.id + " (" +
                            (b.group.empty() ? "no group" : b.group) + ")");
      }
    }
  }
  s.precision = s.predicted_pairs ? static_cast<double>(s.true_pairs) / s.predicted_pairs : 0;
  s.recall = s.gold_pairs ? static_cast<double>(s.true_pairs) / s.gold_pairs : 0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  s.recall_all = s.gold_pairs_all ? static_cast<double>(s.true_pairs) / s.gold_pairs_all : 0;
  for (const std::string& g : group_names) {
    std::string line = g + ":";
    std::set<int64_t> in;
    for (const Scored& c : scored) {
      if (c.group != g) continue;
      const int64_t k = series(c);
      line += " " + c.id +
              (c.claim < 0 ? "=not extracted"
               : k < 0     ? "=no series"
                           : "=" + s.series[k].id);
      if (k >= 0) in.insert(k);
    }
    for (int64_t k : in) {
      line += "\n    " + s.series[k].id + " [" + SeriesStatusName(s.series[k].status) + "] " +
              s.series[k].summary;
      for (const FigureConflict& f : s.series[k].conflicts) line += "\n      conflict: " + f.why;
    }
    s.groups.push_back(line);
  }
  return s;
}

}  // namespace sitrep
