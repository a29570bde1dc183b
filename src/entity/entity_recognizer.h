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
#include "doc/document.h"
#include "doc/mention.h"
#include "kb/kb.h"

namespace sitrep {

class Deadline;

class EntityRecognizer {
 public:
  // Loads cue files for every language in the data directory. `kb` must
  // outlive the recognizer.
  static Result<std::unique_ptr<EntityRecognizer>> Create(const KnowledgeBase* kb,
                                                          const Options& options);

  // Mentions of `text` (valid UTF-8) in language `lang`, sorted, not
  // overlapping. `date` (ISO YYYY[-MM[-DD]], or "") dates the roles found and
  // picks the holder of a role named without a name ("le président russe").
  // With a `deadline`, returns early (partial) once it has expired.
  std::vector<Mention> Recognize(std::string_view text, std::string_view lang,
                                 std::string_view date = "", Deadline* deadline = nullptr) const;

  // Mentions of `doc.text`, each paragraph read in its own language, the
  // document's as fallback (as the time stage does): the text is recognized
  // in the document language, then each run of paragraphs in another
  // language this recognizer reads is recognized alone in that language and
  // its mentions replace the others there. Sorted by start.
  std::vector<Mention> RecognizeDocument(const Document& doc, std::string_view date = "",
                                         Deadline* deadline = nullptr) const;

 private:
  struct Title {
    std::string role;
    size_t tokens = 0;
  };
  struct LangCues {
    std::map<std::string, Title, std::less<>> titles;    // MatchKey -> role
    std::set<std::string, std::less<>> reporting;        // MatchKey of reporting verbs
    std::set<std::string, std::less<>> org_heads;        // MatchKey of ORG head words
    std::set<std::string, std::less<>> name_links;       // de, du, des, of ... inside ORG names
    std::set<std::string, std::less<>> metonymy_before;  // "autorités de" ...
    std::set<std::string, std::less<>> stop;             // capitalised words that start no name
    std::set<std::string, std::less<>> determiners;      // le, la, son ... before a title
    std::set<std::string, std::less<>> role_links;       // "qui est maintenant" before a title
    std::set<std::string, std::less<>> role_ends;     // who, qui, который: end a role phrase
    std::set<std::string, std::less<>> place_before;  // à, in, в: before a small town's name
    std::set<std::string, std::less<>> indefinite;    // un, a, ein: an unnamed person follows
    std::set<std::string, std::less<>> relational;    // homologue, counterpart: names nobody alone
    std::set<std::string, std::less<>> conjunctions;  // et, and: a role phrase starts after one
    // Finite verbs as written, lower case, accents kept ("a", not "à"): a
    // role phrase holding one is a clause, not a role.
    std::set<std::string, std::less<>> verbs;
    // Patterns for names the KB does not know (docs/formats/entity.md).
    // Pattern words -> whether written capitalised in the data: then they
    // count only so written ("Labour Party", not "the Essen police"); an
    // entry in lower case counts in any case ("rue", "Rue").
    std::map<std::string, bool, std::less<>> place_heads;  // rue, place: before a name
    std::map<std::string, bool, std::less<>> place_tails;  // Street, площадь: after a name
    std::vector<std::string> place_suffixes;               // -straße: ends of one word
    std::map<std::string, bool, std::less<>> org_tails;    // Party, Company: end an ORG name
    std::map<std::string, bool, std::less<>> institution_heads;  // ministère, Ministry
    std::set<std::string, std::less<>> org_adjectives;  // nationale: "Assemblée nationale"
    // Month and weekday names (ICU, wide, both contexts, from src/lang): never a
    // name nor part of one ("On Thursday", "Mardi").
    std::set<std::string, std::less<>> calendar;
    size_t max_title_tokens = 0;
  };
  // The state of one Recognize call and its passes (entity_recognizer.cc).
  struct Recognition;
  // Mentions of doc.text[start, end), read from `stream` (the text's tokens).
  std::vector<Mention> RecognizeSlice(const Document& doc, const TokenStream& stream,
                                      uint32_t start, uint32_t end, std::string_view lang,
                                      std::string_view date, Deadline* deadline) const;
  // Mentions of `text`, whose tokens are [first, last) of `stream`, at
  // offsets `base` more than in `text`.
  std::vector<Mention> RecognizeTokens(std::string_view text, const TokenStream& stream,
                                       size_t first, size_t last, uint32_t base,
                                       std::string_view lang, std::string_view date,
                                       Deadline* deadline) const;

  EntityRecognizer() = default;
  const LangCues& Cues(std::string_view lang) const;

  const KnowledgeBase* kb_ = nullptr;
  std::map<std::string, LangCues, std::less<>> cues_;
  LangCues empty_;
};

}  // namespace sitrep
