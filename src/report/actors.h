// @brief Actors: the entities of a corpus with their mentions, spellings,
// roles and documents, for the report's cards and `sitrep query entities`.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "doc/document.h"

namespace sitrep {

struct ActorMention {
  const Document* doc;
  const Mention* m;
};

struct Actor {
  EntityInfo info;
  std::vector<ActorMention> mentions;
  std::map<std::string, std::set<std::string>> aliases;  // surface form -> languages
  std::map<std::string, std::string> roles;              // role text -> "date, title"
  std::set<std::string> docs;
  // The copy groups of `docs` (Document::duplicate_of, else the document's
  // own id): a text syndicated in five outlets counts once here.
  std::set<std::string> distinct_docs;
};

// Every resolved entity of `documents`, by id. REQUIRES: `documents` outlives the result.
std::map<std::string, Actor> CollectActors(const std::vector<Document>& documents);

}  // namespace sitrep
