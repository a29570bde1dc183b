// @brief The `entities` array in a document's JSON.
#include "entity/entity_json.h"

#include "base/utf8.h"

namespace sitrep {

void AppendEntitiesJson(JsonWriter* w, std::string_view text, const std::vector<Mention>& mentions,
                        const std::vector<size_t>& resolved, const EntityResolver& resolver) {
  CodePointIndex cp(text);
  w->Key("entities").BeginArray();
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    const CorpusEntity& e = resolver.entities()[resolved[i]];
    w->BeginObject();
    w->Field("start", cp.ToCodePoint(m.start));
    w->Field("end", cp.ToCodePoint(m.end));
    w->Field("text", text.substr(m.start, m.end - m.start));
    w->Field("type", MentionTypeName(m.type));
    w->Field("entity", e.id);
    w->Field("name", e.name);
    if (!m.role.empty()) {
      w->Field("role", m.role);
      w->Field("role_text", m.role_text);
      if (!m.roles.empty() && !m.roles[0].of.empty()) w->Field("role_of", m.roles[0].of);
      if (!m.roles.empty() && !m.roles[0].date.empty()) w->Field("role_date", m.roles[0].date);
    }
    if (m.nominal) w->Field("nominal", true);
    if (m.metonymy) w->Field("metonymy", true);
    w->EndObject();
  }
  w->EndArray();
}

}  // namespace sitrep
