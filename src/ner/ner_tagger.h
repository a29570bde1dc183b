// @brief NerTagger: named-entity spans (PER, ORG, LOC) of a sentence from a
// trained model (NerModel), the knowledge base's names as features.
//
// The tagger scores every tag of every token from the token's feature rows
// (ner_features.h) and decodes the best IOB2 path (Viterbi over tag
// transitions). It takes tokens as the training data splits them (words and
// punctuation apart); TagText makes such tokens from a sentence's text.
//
// Thread-safety: a constructed NerTagger is immutable; Tag* may run on many
// threads at once. It holds the model; the knowledge base it was given must
// outlive it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ner/conll_reader.h"
#include "ner/ner_features.h"
#include "ner/ner_model.h"

namespace sitrep {

class KnowledgeBase;

// A name found by the tagger: tokens [begin, end) (TagTokens) or bytes of the
// text (TagText), its type, and a confidence score: the smallest margin, over
// its tokens, between the chosen tag's weight sum and the best other tag's,
// in the model's weight units (> 0; larger is surer).
struct NerSpan {
  uint32_t begin = 0, end = 0;
  NerType type = NerType::kPer;
  float score = 0;
};

class NerTagger {
 public:
  // Loads `model_path`. `kb` (may be null) gives the name features; a model
  // trained with them and run without a KB still tags, less well, and
  // `warning()` says so. Errors name the file and what is wrong.
  static Result<std::unique_ptr<NerTagger>> Load(const std::string& model_path,
                                                 const KnowledgeBase* kb);
  NerTagger(NerModel model, const KnowledgeBase* kb);

  const NerModel& model() const { return model_; }
  const std::string& warning() const { return warning_; }
  // Bytes held by the weights and the gazetteer.
  size_t MemoryBytes() const;

  // One IOB2 tag per token.
  void Tag(const std::vector<std::string_view>& tokens, std::vector<uint8_t>* tags) const;
  // The names among `tokens` (token indices).
  std::vector<NerSpan> TagTokens(const std::vector<std::string_view>& tokens) const;
  // The names of one sentence of text (byte offsets into `sentence`). The
  // text is split at whitespace, and punctuation at a word's edges is a
  // token of its own (as in the training data).
  std::vector<NerSpan> TagText(std::string_view sentence) const;

 private:
  void Decode(const std::vector<std::string_view>& tokens, std::vector<uint8_t>* tags,
              std::vector<float>* margins) const;
  NerModel model_;
  std::unique_ptr<NerGazetteer> gazetteer_;
  NerFeatures features_;
  std::string warning_;
};

// The entity spans of an IOB2 tag sequence (token indices, score 0).
std::vector<NerSpan> SpansOfTags(const std::vector<uint8_t>& tags);

// Splits one sentence into tokens as the CoNLL data has them: at whitespace,
// with leading and trailing punctuation (anything but letters, digits and
// marks) split off one code point at a time; word-inner punctuation stays
// ("U.S", "O'Brien", "Nur-Sultan"), except a final period after a longer
// word. Appends byte ranges [begin, end) to `out`.
void SplitNerTokens(std::string_view sentence, std::vector<std::pair<uint32_t, uint32_t>>* out);

}  // namespace sitrep
