// @brief ScoreSeedEntities: mention P/R/F1 (NAM + ADJ, type agreement),
// resolution, roles and geocoding against ../shared/eval/seed-gold/entities.json
// (matching rules in docs/EVAL-entity.md).
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "entity/tagger_mentions.h"
#include "kb/kb.h"

namespace sitrep {

struct EntityScores {
  int gold_mentions = 0, system_mentions = 0, matched = 0;
  double precision = 0, recall = 0, f1 = 0;
  int gold_entities = 0, resolved_exactly = 0;  // entities with a body NAM/ADJ mention
  int gold_roles = 0, roles_found = 0;
  // Roles found on a mention resolved to the entity the gold person's names
  // resolve to (stricter: the role phrase is also given to the right person).
  int roles_attributed = 0;
  int gold_places = 0, places_right = 0;
  std::vector<std::string> misses;  // "FN file start-end type text", "FP ..."
};

// Runs recognition and resolution (one resolver over the five files, in
// order) on the raw seed files and scores body mentions only. With `taggers`,
// the NER tagger's names are added as the pipeline adds them with
// Options::ner_tagger_mentions (each line of a seed read as a paragraph).
Result<EntityScores> ScoreSeedEntities(const KnowledgeBase& kb, const std::string& data_dir,
                                       const std::string& seed_dir, const std::string& gold_dir,
                                       const NerTaggers* taggers = nullptr);

// Prints every mention of one UTF-8 text file (language `lang`) with its
// entity and roles, one per line, for inspecting recognition by hand.
Status DumpEntities(const KnowledgeBase& kb, const std::string& data_dir, const std::string& path,
                    const std::string& lang);

}  // namespace sitrep
