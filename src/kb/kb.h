// @brief KnowledgeBase: the entities (countries, regions, cities, organisations,
// persons) and their aliases in the languages of data/lang (by code), loaded
// from the one compact file that `sitrep kb build` writes at setup
// (docs/formats/kb.md).
//
// The file is read whole into one buffer; entities, aliases and roles are
// fixed-size records pointing into a string pool, and the alias table is
// sorted by key, so loading copies memory and builds no hash table.
// Thread-safety: a loaded KnowledgeBase is immutable; share it freely.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sitrep {

// Bumped whenever the record layout changes; the loader refuses other versions.
// 2: the header names the alias languages by code (`languages * de en ...`).
inline constexpr uint32_t kKbFormatVersion = 2;

enum class EntityType : uint8_t { kPer = 0, kOrg = 1, kLoc = 2 };
const char* EntityTypeName(EntityType t);  // "PER", "ORG", "LOC"

// What kind of thing an entity is; decides the geocoding precision of places.
enum class EntityKind : uint8_t {
  kPerson = 0,
  kOrganisation,  // alliances, ministries, agencies, companies, parties
  kGovernment,    // seats of power used for governments (Kremlin, White House)
  kCountry,
  kMacroRegion,  // continents and UN M49 regions (Central Asia, Europe)
  kRegion,       // first-level subdivisions and named regions (Crimea)
  kCity,
  kSite,
};
const char* EntityKindName(EntityKind k);  // "person", "country", "city", ...

// Alias flags, OR-ed.
enum AliasFlag : uint8_t {
  kAliasAdjective = 1,  // a demonym/adjective pointing to the entity ("kazakhe")
  kAliasAcronym = 2,    // matched only when written in capitals ("OTAN", "ОДКБ")
  kAliasPreferred = 4,  // the entity's display name in that language
  kAliasCommonWord = 8, // also a common word of the language: needs stronger evidence
  kAliasPartial = 16,   // a surname alone ("Tokayev"): PER only
  kAliasAlternate = 32, // an untagged GeoNames alternate name ("Von" for Vaughan): weak evidence
};

// The language of an alias valid in any language ("Kazakhstan", GeoNames
// names); always index 0 of KnowledgeBase::languages().
inline constexpr std::string_view kKbAnyLanguage = "*";

struct KbEntity {
  std::string_view id;         // stable: "KZ", "gn:1526384", "org:csto", "per:vladimir_putin"
  std::string_view canonical;  // native-script name for persons, English otherwise
  EntityType type = EntityType::kLoc;
  EntityKind kind = EntityKind::kCountry;
  char country[3] = {0, 0, 0};  // ISO 3166-1 alpha-2 or "" (organisations)
  float lat = 0, lon = 0;       // 0,0 when unknown (has_coords false)
  bool has_coords = false;
  bool capital = false;         // a national capital (metonymy candidate)
  uint32_t population = 0;
  uint32_t prior = 0;  // higher wins ties between entities sharing an alias
};

struct KbAlias {
  std::string_view key;  // MatchKey() of the alias text
  std::string_view text; // as written in the source
  uint32_t entity = 0;   // index into entities()
  uint8_t lang = 0;      // index into KnowledgeBase::languages() (0: any)
  uint8_t flags = 0;     // AliasFlag
};

struct KbRole {
  uint32_t person = 0;   // index into entities()
  std::string_view role; // normalised English role: "head_of_state", "foreign_minister"
  std::string_view of;   // entity id the role is held in: "RU", "org:un"
  std::string_view from, to;  // ISO dates, "" when open
};

class KnowledgeBase {
 public:
  // Reads a file written by KbWriter. Errors: NotFound, Corruption (bad
  // magic, version or bounds, with the byte offset).
  static Result<KnowledgeBase> Load(const std::string& path);
  // Parses an in-memory image (the file's bytes).
  static Result<KnowledgeBase> FromBytes(std::string bytes);

  KnowledgeBase(KnowledgeBase&&) = default;
  KnowledgeBase& operator=(KnowledgeBase&&) = default;

  const std::vector<KbEntity>& entities() const { return entities_; }
  const std::vector<KbAlias>& aliases() const { return aliases_; }
  const std::vector<KbRole>& roles() const { return roles_; }
  // The generator line of the file header.
  const std::string& generator() const { return generator_; }
  // The language codes of the aliases, as the file lists them: "*" (any)
  // first, then the codes of data/lang at build time.
  const std::vector<std::string>& languages() const { return languages_; }
  // Index of `code` in languages(), or -1 when no alias has that language.
  int LangIndex(std::string_view code) const;

  // All aliases whose key equals `key` (a MatchKey), any language.
  std::span<const KbAlias> Find(std::string_view key) const;
  // True when some alias key starts with `prefix`: a longest-match walk
  // stops growing a span as soon as this is false.
  bool HasKeyPrefix(std::string_view prefix) const;
  // Index of the entity with this id, or -1.
  int64_t FindId(std::string_view id) const;
  // The preferred display name of entity `e` in `lang`, else in
  // kDisplayLanguage (English), else canonical.
  std::string_view DisplayName(uint32_t e, std::string_view lang) const;
  // Roles held by person `e`.
  std::vector<const KbRole*> RolesOf(uint32_t e) const;

  // Bytes held (buffer and tables), for load reports.
  size_t MemoryBytes() const;

 private:
  KnowledgeBase() = default;
  std::string buffer_;  // the file image; every string_view points into it
  std::string generator_;
  std::vector<std::string> languages_;  // "*" first
  int display_lang_ = -1;               // LangIndex(kDisplayLanguage)
  std::vector<KbEntity> entities_;
  std::vector<KbAlias> aliases_;        // sorted by key
  std::vector<uint32_t> by_id_;         // entity indices sorted by id
  std::vector<uint32_t> preferred_;     // alias indices with kAliasPreferred, sorted by entity
  std::vector<KbRole> roles_;           // sorted by person
  // Lookups search only the aliases whose key shares its first two bytes
  // with the query: bucket_start_[b] is the first alias of bucket b (keys
  // sorted bytewise, so buckets are contiguous), bucket_start_[kBuckets] the end.
  static constexpr size_t kBuckets = 1 << 16;
  static size_t Bucket(std::string_view key) {
    return (size_t{static_cast<unsigned char>(key.empty() ? 0 : key[0])} << 8) |
           static_cast<unsigned char>(key.size() > 1 ? key[1] : 0);
  }
  std::span<const KbAlias> BucketRange(std::string_view key) const;  // the aliases of key's bucket
  std::vector<uint32_t> bucket_start_;
};

// The matching key of a name: folded (case, accents, apostrophes: FoldForMatch),
// split at anything that is not a letter or digit, joined by one space.
// "l’Élysée" -> "l elysee"; "Nur-Sultan" -> "nur sultan"; "Москве" -> "москве".
std::string MatchKey(std::string_view text);
// The same key from text already folded (FoldForMatch, or a token stream's
// folds): MatchKey(text) == MatchKeyOfFolded(FoldForMatch(text)).
std::string MatchKeyOfFolded(std::string_view folded);

}  // namespace sitrep
