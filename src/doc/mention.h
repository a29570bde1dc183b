// @brief Mention: a name, demonym or description of a person, organisation or
// place in a Document, with the roles the text gives it and, once resolved,
// the entity it stands for; EntityInfo: what the corpus knows of that entity.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

class JsonWriter;
struct Document;

enum class MentionType : uint8_t { kPer, kOrg, kLoc, kAdj };
const char* MentionTypeName(MentionType t);  // "PER", "ORG", "LOC", "ADJ"

// A role the text gives a person: a title before the name ("le président
// kazakh X"), an apposition after it ("X, vice-ministre des Affaires
// étrangères"), a title clause before a comma ("Le secrétaire général de
// l'OTSC, X"), or a nominal mention ("le président russe" alone).
struct MentionRole {
  std::string role;          // normalised ("head_of_state"), from entity_titles.tsv
  uint32_t start = 0, end = 0;  // byte span of the role phrase in the text
  std::string of;            // KB id of the country/organisation named in the phrase, or ""
  std::string date;          // the document date given to Recognize (ISO), or ""
};

struct Mention {
  uint32_t start = 0, end = 0;  // byte offsets into the text, end exclusive
  MentionType type = MentionType::kLoc;
  int64_t kb_entity = -1;       // index into KnowledgeBase::entities(), -1 when unknown
  bool metonymy = false;        // a place or seat of power standing for a government
  bool partial = false;         // a surname alone, or initial + surname
  // A description standing for a person, not a name ("le président russe",
  // "un porte-parole du département d'État"). kb_entity is the person the KB
  // says held that role on the document date, when it knows.
  bool nominal = false;
  std::string role;             // roles[0].role, or ""
  std::string role_text;        // the text of roles[0] ("président kazakh"), or ""
  std::vector<MentionRole> roles;
  // Start byte of an earlier mention of the same document that this one
  // abbreviates ("OTSC" after "Organisation du traité ... (OTSC)"), or -1.
  int64_t antecedent = -1;
  std::string source;           // how it was found: "kb", "title", "first_name", "acronym", ...
  // Filled by resolution across the corpus (src/pipeline):
  std::string entity;           // entity id: a KB id ("KZ", "per:vladimir_putin") or "new:..."
  std::string name;             // the entity's canonical name
};

// One resolved entity a document refers to: enough for cards and the map.
struct EntityInfo {
  std::string id;         // as Mention::entity
  std::string name;       // display name (English for KB entities, the longest spelling otherwise)
  std::string native;     // native-script canonical form of a KB person ("Владимир Путин"), or ""
  std::string type;       // PER, ORG, LOC
  std::string kind;       // person, organisation, government, country, region, city, site, ...
  std::string country;    // ISO 3166-1 alpha-2 or ""
  double lat = 0, lon = 0;
  bool has_coords = false;
};

// Writes `"entities": [...]` (docs/FORMAT.md) from doc.mentions, offsets in code points.
void AppendEntitiesJson(const Document& doc, JsonWriter* w);

}  // namespace sitrep
