// @brief KbDraft: the knowledge base while it is being built (owned strings,
// de-duplicated aliases), and its serialisation into the file KnowledgeBase loads.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kb/kb.h"

namespace sitrep {

struct DraftEntity {
  std::string id;
  std::string canonical;
  EntityType type = EntityType::kLoc;
  EntityKind kind = EntityKind::kCountry;
  std::string country;  // ISO alpha-2 or ""
  double lat = 0, lon = 0;
  bool has_coords = false;
  bool capital = false;
  uint32_t population = 0;
  uint32_t prior = 0;
};

struct DraftRole {
  std::string person_id, role, of, from, to;
};

class KbDraft {
 public:
  // Adds an entity, or returns the index of the one with the same id.
  uint32_t AddEntity(DraftEntity e);
  // Index of an entity by id, or -1.
  int64_t Find(std::string_view id) const;
  DraftEntity& entity(uint32_t i) { return entities_[i]; }
  const std::vector<DraftEntity>& entities() const { return entities_; }

  // Adds `text` as an alias of entity `e` in language `lang` (a code of
  // lower-case letters, or "*" for any; a new code joins the file's language
  // table). Empty keys and exact duplicates (same key, entity, lang) are
  // dropped; flags of duplicates are OR-ed. Returns false when nothing was
  // added (also for a malformed code).
  bool AddAlias(uint32_t e, std::string_view text, std::string_view lang, uint8_t flags);
  void AddRole(DraftRole role) { roles_.push_back(std::move(role)); }
  size_t alias_count() const { return aliases_.size(); }
  // Aliases of entity e (text, lang, flags), for tests and variant generation.
  std::vector<std::tuple<std::string, std::string, uint8_t>> AliasesOf(uint32_t e) const;
  // The same for many entities in one pass over the aliases: entity -> aliases.
  std::map<uint32_t, std::vector<std::tuple<std::string, std::string, uint8_t>>> AliasesOf(
      const std::set<uint32_t>& es) const;

  // The language codes of the aliases so far, "*" first.
  const std::vector<std::string>& languages() const { return languages_; }

  // The file image: a text header (magic, version, generator, languages) then the
  // binary tables (docs/formats/kb.md). Roles naming unknown persons are an error.
  Result<std::string> Serialize(const std::string& generator) const;

 private:
  struct Alias {
    std::string key, text;
    uint32_t entity;
    uint8_t lang, flags;
  };
  int LangIndex(std::string_view code);  // adds a new code; -1 when malformed or too many
  std::vector<DraftEntity> entities_;
  std::vector<std::string> languages_ = {"*"};
  std::map<std::string, uint32_t, std::less<>> by_id_;
  std::vector<Alias> aliases_;
  std::map<std::tuple<std::string, uint32_t, uint8_t>, size_t> alias_index_;
  std::vector<DraftRole> roles_;
};

}  // namespace sitrep
