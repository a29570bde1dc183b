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

struct Mention {
  uint32_t start = 0, end = 0;  // byte offsets into the text, end exclusive
  MentionType type = MentionType::kLoc;
  int64_t kb_entity = -1;       // index into KnowledgeBase::entities(), -1 when unknown
  bool metonymy = false;        // a place or seat of power standing for a government
  bool partial = false;         // a surname alone, or initial + surname
  std::string role;             // normalised role from a title cue ("head_of_state"), or ""
  std::string role_text;        // the title as written ("président kazakh")
  std::string source;           // how it was found: "kb", "title", "first_name", "acronym", ...
};

class EntityRecognizer {
 public:
  // Loads cue files for every language in the data directory. `kb` must
  // outlive the recognizer.
  static Result<std::unique_ptr<EntityRecognizer>> Create(const KnowledgeBase* kb,
                                                          const Options& options);

  // Mentions of `text` (valid UTF-8) in language `lang`, sorted, not overlapping.
  std::vector<Mention> Recognize(std::string_view text, std::string_view lang) const;

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
    size_t max_title_tokens = 0;
  };
  EntityRecognizer() = default;
  const LangCues& Cues(std::string_view lang) const;

  const KnowledgeBase* kb_ = nullptr;
  std::map<std::string, LangCues, std::less<>> cues_;
  LangCues empty_;
};

}  // namespace sitrep
