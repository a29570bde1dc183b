// @brief TrainNerModel: an averaged structured perceptron over the tagger's
// features (ner_features.h) and IOB2 transitions, decoded with Viterbi.
//
// Deterministic: the sentence order of each epoch comes from a fixed-seed
// Mersenne Twister and a Fisher-Yates shuffle written here (not
// std::shuffle, whose algorithm the standard leaves open), so the same data,
// options and knowledge base give a byte-identical model file.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "ner/conll_reader.h"
#include "ner/ner_features.h"
#include "ner/ner_model.h"

namespace sitrep {

struct NerTrainOptions {
  int epochs = 10;
  uint32_t rows = 1u << 18;  // weight table rows, a power of two
  uint32_t seed = 20261207;  // shuffle seed
};

// Trains on `train`. `gazetteer` may be null (no KB features). After each
// epoch, `after_epoch` (may be empty) gets the epoch number (1-based) and the
// averaged model so far, e.g. to score a dev set.
Result<NerModel> TrainNerModel(const std::vector<ConllSentence>& train, const std::string& lang,
                               const NerGazetteer* gazetteer, const NerTrainOptions& options,
                               const std::function<void(int, const NerModel&)>& after_epoch);

}  // namespace sitrep
