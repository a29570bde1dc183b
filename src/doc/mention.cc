// @brief Mention names and the "entities" JSON array.
#include "doc/mention.h"

#include "base/json.h"
#include "base/utf8.h"
#include "doc/document.h"

namespace sitrep {

const char* MentionTypeName(MentionType t) {
  switch (t) {
    case MentionType::kPer: return "PER";
    case MentionType::kOrg: return "ORG";
    case MentionType::kLoc: return "LOC";
    case MentionType::kAdj: return "ADJ";
  }
  return "LOC";
}

void AppendEntitiesJson(const Document& doc, JsonWriter* w) {
  CodePointIndex cp(doc.text);
  w->Key("entities").BeginArray();
  for (const Mention& m : doc.mentions) {
    w->BeginObject();
    w->Field("start", cp.ToCodePoint(m.start));
    w->Field("end", cp.ToCodePoint(m.end));
    w->Field("text", std::string_view(doc.text).substr(m.start, m.end - m.start));
    w->Field("type", MentionTypeName(m.type));
    w->Field("entity", m.entity);
    w->Field("name", m.name);
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
