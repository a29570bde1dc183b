// @brief Actors: the entities of a corpus with their mentions, spellings,
// roles, documents and quotes, for the report's cards and `sitrep query entities`.
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

struct ActorQuote {
  const Document* doc;
  const Quote* q;
};

struct Actor {
  EntityInfo info;
  std::vector<ActorMention> mentions;
  std::map<std::string, std::set<std::string>> aliases;  // surface form -> languages
  std::map<std::string, std::string> roles;              // role text -> "date, title"
  std::set<std::string> docs;
  std::vector<ActorQuote> quotes;  // what the actor said (Quote::speaker_entity), in corpus order
  // The copy groups of `docs` (Document::duplicate_of, else the document's
  // own id): a text syndicated in five outlets counts once here.
  std::set<std::string> distinct_docs;
};

// The sentences a quote lies in, with the author's words around it: from the
// start of the sentence of its opening mark to the end of the sentence of its
// closing mark, widened to its attribution.
TextSpan QuoteContext(const Document& d, const Quote& q);

// Every resolved entity of `documents`, by id. REQUIRES: `documents` outlives the result.
std::map<std::string, Actor> CollectActors(const std::vector<Document>& documents);

}  // namespace sitrep
