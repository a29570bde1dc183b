// @brief EntityRecognizer: PER, ORG, LOC and ADJ (demonym) mentions in one
// document, from the knowledge base gazetteer and cue-word patterns for names
// nobody listed (data/lang/<code>/entity_*.tsv, docs/formats/entity.md).
//
// Thread-safety: Recognize is const and may run on many threads at once.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/options.h"
#include "base/status.h"
#include "kb/kb.h"

namespace sitrep {

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
};

class EntityRecognizer {
 public:
  // Loads cue files for every language in the data directory. `kb` must
  // outlive the recognizer.
  static Result<std::unique_ptr<EntityRecognizer>> Create(const KnowledgeBase* kb,
                                                          const Options& options);

  // Mentions of `text` (valid UTF-8) in language `lang`, sorted, not
  // overlapping. `date` (ISO YYYY[-MM[-DD]], or "") dates the roles found and
  // picks the holder of a role named without a name ("le président russe").
  std::vector<Mention> Recognize(std::string_view text, std::string_view lang,
                                 std::string_view date = "") const;

 private:
  struct Title {
    std::string role;
    size_t tokens = 0;
  };
  struct LangCues {
    std::map<std::string, Title, std::less<>> titles;   // MatchKey -> role
    std::set<std::string, std::less<>> reporting;       // MatchKey of reporting verbs
    std::set<std::string, std::less<>> org_heads;       // MatchKey of ORG head words
    std::set<std::string, std::less<>> name_links;      // de, du, des, of ... inside ORG names
    std::set<std::string, std::less<>> metonymy_before; // "autorités de" ...
    std::set<std::string, std::less<>> stop;            // capitalised words that start no name
    std::set<std::string, std::less<>> determiners;     // le, la, son ... before a title
    std::set<std::string, std::less<>> role_links;      // "qui est maintenant" before a title
    size_t max_title_tokens = 0;
  };
  EntityRecognizer() = default;
  const LangCues& Cues(std::string_view lang) const;

  const KnowledgeBase* kb_ = nullptr;
  std::map<std::string, LangCues, std::less<>> cues_;
  LangCues empty_;
};

}  // namespace sitrep
