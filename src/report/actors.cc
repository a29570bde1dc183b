// @brief Collecting the actors of a corpus.
#include "report/actors.h"

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
  }
  return actors;
}

}  // namespace sitrep
