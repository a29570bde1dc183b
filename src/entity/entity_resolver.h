// @brief EntityResolver: links every mention to a KB entity or to a corpus
// entity, across documents; unknown names cluster by a spelling-independent
// key (NameTransliterator::Key) and surnames join the full name seen earlier
// in the same document ("Tokayev" after "Kassym-Jomart Tokayev"). An acronym
// defined in the text (Mention::antecedent) takes its long form's entity, and
// its key leads there in later documents; an unknown nominal mention ("un
// porte-parole du département d'État") is an entity of its own. A full name
// the KB lacks but whose key equals a KB person's is that person.
//
// Not thread-safe: one resolver sees the documents of a corpus in order.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "entity/entity_recognizer.h"
#include "kb/kb.h"
#include "kb/transliterate.h"

namespace sitrep {

struct CorpusEntity {
  std::string id;    // KB id ("per:vladimir_putin", "KZ") or StableId(): "new:per:tkv-1a2b3c4d"
  std::string name;  // canonical: the KB's, else the longest spelling seen
  MentionType type = MentionType::kPer;
  int64_t kb_entity = -1;
};

class EntityResolver {
 public:
  // Both must outlive the resolver.
  EntityResolver(const KnowledgeBase* kb, NameTransliterator* translit);

  // Returns, per mention, an index into entities().
  std::vector<size_t> Resolve(std::string_view text, const std::vector<Mention>& mentions);

  const std::vector<CorpusEntity>& entities() const { return entities_; }

 private:
  size_t ForKb(int64_t kb_entity, MentionType type);
  std::string StableId(MentionType type, const std::string& key) const;
  const KnowledgeBase* kb_;
  NameTransliterator* tr_;
  std::vector<CorpusEntity> entities_;
  std::map<int64_t, size_t> by_kb_;
  std::map<std::string, size_t> by_key_;  // type + name key -> corpus entity
  // Spelling-independent key (NameTransliterator::Key) of every full name of
  // a KB person -> that person, or -1 when two persons share the key: an
  // unlisted spelling ("Nikol Pashinián") still finds its person.
  std::map<std::string, int64_t> person_keys_;
  bool person_keys_built_ = false;
  int64_t KbPersonByKey(const std::string& key);  // KB person index, or -1
  void BuildPersonKeys();
};

}  // namespace sitrep
