// @brief The NER tagger's names as mentions: one pass, after the knowledge
// base and the patterns (EntityRecognizer), that adds the trained tagger's
// spans where they found nothing. Off unless Options::ner_tagger_mentions.
//
// Overlap rule: a tagger span that overlaps any mention already found is
// dropped (the KB and the patterns win where both saw a name, since they also
// link and give roles); the others become mentions with source "tagger", no
// KB entity, and get `new:` ids at resolution like any unknown name.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "doc/document.h"
#include "doc/mention.h"
#include "ner/ner_tagger.h"

namespace sitrep {

class KnowledgeBase;

// One tagger per language code.
using NerTaggers = std::map<std::string, std::unique_ptr<NerTagger>, std::less<>>;

// Loads `<data_dir>/ner/<code>.model` for each code of `langs` that has one.
// A model file that exists but does not load is an error naming it; a
// language without a model is left out (its text keeps the KB and patterns).
Result<NerTaggers> LoadNerTaggers(const std::string& data_dir,
                                  const std::vector<std::string>& langs, const KnowledgeBase* kb);

// Tags every sentence of `doc` (its paragraph's language, else the
// document's) and adds the spans that overlap none of `*mentions`, keeping
// them sorted by start. Returns how many were added. Text in a language
// without a tagger keeps the mentions it has (knowledge base and patterns);
// with `warnings`, each such language of the document adds one warning
// there, naming it.
size_t AddTaggerMentions(const Document& doc, const NerTaggers& taggers,
                         std::vector<Mention>* mentions,
                         std::vector<std::string>* warnings = nullptr);

}  // namespace sitrep
