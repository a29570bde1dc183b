// @brief Story summaries and their JSON (story_summary.h).
#include "story/story_summary.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "base/civil_date.h"
#include "base/json.h"
#include "story/story_clusterer.h"
#include "story/story_features.h"

namespace sitrep {

std::vector<StorySummary> SummarizeStories(const std::vector<Document>& docs) {
  struct Acc {
    std::vector<size_t> members;
    std::map<std::string, int> entity_docs, term_docs;
    std::map<std::string, std::string> names;
  };
  std::map<std::string, Acc> by_story;
  std::map<std::string, int> term_df;  // documents per title and lead term, whole corpus
  std::vector<int64_t> days(docs.size(), kNoStoryDay);
  std::vector<std::string> ids(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    const Document& d = docs[i];
    days[i] = DocumentStoryDay(d);
    ids[i] = d.id;
    std::set<std::string> terms;
    for (const auto& [lang, term] : TitleLeadTerms(d)) terms.insert(term);
    for (const std::string& t : terms) ++term_df[t];
    if (d.story.empty()) continue;
    Acc& a = by_story[d.story];
    a.members.push_back(i);
    for (const std::string& t : terms) ++a.term_docs[t];
    for (const EntityInfo& e : d.entities) {
      ++a.entity_docs[e.id];
      a.names.emplace(e.id, e.name);
    }
  }
  std::vector<size_t> order = StoryOrder(days, ids);
  std::vector<size_t> rank(docs.size());
  for (size_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
  std::vector<StorySummary> out;
  const double n = static_cast<double>(docs.size());
  for (auto& [id, a] : by_story) {
    StorySummary s;
    s.id = id;
    std::sort(a.members.begin(), a.members.end(),
              [&](size_t x, size_t y) { return rank[x] < rank[y]; });
    std::set<std::string> langs, sources;
    int64_t first = kNoStoryDay, last = kNoStoryDay;
    for (size_t i : a.members) {
      const Document& d = docs[i];
      s.documents.push_back(d.id);
      langs.insert(d.lang);
      sources.insert(d.outlet.empty() ? d.source : d.outlet);
      if (days[i] != kNoStoryDay) {
        if (first == kNoStoryDay || days[i] < first) first = days[i];
        if (last == kNoStoryDay || days[i] > last) last = days[i];
      }
    }
    if (first != kNoStoryDay)
      s.first_day = CivilDayString(first), s.last_day = CivilDayString(last);
    s.languages.assign(langs.begin(), langs.end());
    s.sources.assign(sources.begin(), sources.end());
    // Entities: in the most documents; then by name, then id.
    std::vector<std::pair<int, std::string>> ents;
    for (const auto& [e, c] : a.entity_docs) ents.emplace_back(c, e);
    std::stable_sort(ents.begin(), ents.end(), [&](const auto& x, const auto& y) {
      if (x.first != y.first) return x.first > y.first;
      return a.names[x.second] < a.names[y.second];
    });
    std::string label;
    for (size_t i = 0; i < ents.size() && i < kStoryLabelEntities; ++i) {
      s.entities.push_back(ents[i].second);
      label += (i ? ", " : "") + a.names[ents[i].second];
    }
    // Terms: shared by the most of its documents, weighted by the IDF.
    std::vector<std::pair<double, std::string>> terms;
    const int need = a.members.size() > 1 ? 2 : 1;
    for (const auto& [t, c] : a.term_docs) {
      if (c < need) continue;
      terms.emplace_back(c * std::log((n + 1) / term_df[t]), t);
    }
    std::stable_sort(terms.begin(), terms.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });
    for (size_t i = 0; i < terms.size() && i < kStoryLabelTerms; ++i) {
      s.terms.push_back(terms[i].second);
      label += (i ? ", " : label.empty() ? "" : " · ") + terms[i].second;
    }
    s.label = label;
    out.push_back(std::move(s));
  }
  std::stable_sort(out.begin(), out.end(), [](const StorySummary& x, const StorySummary& y) {
    if (x.documents.size() != y.documents.size()) return x.documents.size() > y.documents.size();
    const bool ux = x.first_day.empty(), uy = y.first_day.empty();
    if (ux != uy) return uy;
    if (x.first_day != y.first_day) return x.first_day < y.first_day;
    return x.id < y.id;
  });
  return out;
}

void AppendStoriesJson(const std::vector<StorySummary>& stories, JsonWriter* w) {
  w->Key("stories").BeginArray();
  for (const StorySummary& s : stories) AppendStoryJson(s, w);
  w->EndArray();
}

void AppendStoryJson(const StorySummary& s, JsonWriter* w) {
  {
    w->BeginObject().Field("id", s.id).Field("label", s.label);
    w->Key("period");
    if (s.first_day.empty()) {
      w->Null();
    } else {
      w->BeginObject().Field("start", s.first_day).Field("end", s.last_day).EndObject();
    }
    auto list = [&](const char* key, const std::vector<std::string>& v) {
      w->Key(key).BeginArray();
      for (const std::string& x : v) w->String(x);
      w->EndArray();
    };
    list("languages", s.languages);
    list("documents", s.documents);
    list("sources", s.sources);
    list("entities", s.entities);
    list("terms", s.terms);
    w->EndObject();
  }
}

}  // namespace sitrep
