// @brief Collecting the actors of a corpus.
#include "report/actors.h"

#include <algorithm>

namespace sitrep {

std::map<std::string, Actor> CollectActors(const std::vector<Document>& documents) {
  std::map<std::string, Actor> actors;
  for (const Document& d : documents) {
    std::map<std::string, const EntityInfo*> infos;
    for (const EntityInfo& e : d.entities) infos[e.id] = &e;
    for (const Mention& m : d.mentions) {
      if (m.entity.empty()) continue;
      Actor& a = actors[m.entity];
      if (a.info.id.empty()) {
        auto it = infos.find(m.entity);
        if (it != infos.end()) a.info = *it->second;
        a.info.id = m.entity;
        if (a.info.name.empty()) a.info.name = m.name;
      }
      a.mentions.push_back({&d, &m});
      a.aliases[d.text.substr(m.start, m.end - m.start)].insert(d.lang);
      if (!m.role_text.empty()) {
        std::string when = !m.roles.empty() && !m.roles[0].date.empty() ? m.roles[0].date : "undated";
        a.roles.emplace(m.role_text, when + ", " + (d.title.empty() ? d.source : d.title));
      }
      a.docs.insert(d.id);
      a.distinct_docs.insert(d.duplicate_of ? d.duplicate_of->document : d.id);
    }
    for (const Quote& q : d.quotes) {
      auto it = actors.find(q.speaker_entity);
      if (!q.speaker_entity.empty() && it != actors.end()) it->second.quotes.push_back({&d, &q});
    }
  }
  return actors;
}

TextSpan QuoteContext(const Document& d, const Quote& q) {
  TextSpan out{q.open, q.close};
  for (const Sentence& s : d.sentences) {
    if (s.start <= q.open && q.open < s.end) out.start = s.start;
    if (q.close > 0 && s.start < q.close && q.close <= s.end) out.end = s.end;
  }
  if (out.end < q.close) out.end = q.close;
  if (!q.attribution.empty()) {
    out.start = std::min(out.start, q.attribution.start);
    out.end = std::max(out.end, q.attribution.end);
  }
  return out;
}

}  // namespace sitrep
