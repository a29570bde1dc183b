// @brief The averaged structured perceptron that trains NER models.
#include "ner/ner_trainer.h"

#include <random>

namespace sitrep {

namespace {

// Weights and their running sums for averaging: the average after c updates
// is w - u / c, where every update of size d at step t adds t * d to u
// (Daumé's trick, so untouched weights cost nothing).
struct Averaged {
  std::vector<float> w;
  std::vector<double> u;
  explicit Averaged(size_t n) : w(n, 0.0f), u(n, 0.0) {}
  void Add(size_t i, float d, double step) {
    w[i] += d;
    u[i] += step * d;
  }
  std::vector<float> Average(double steps) const {
    std::vector<float> out(w.size());
    for (size_t i = 0; i < w.size(); ++i) {
      out[i] = static_cast<float>(w[i] - u[i] / steps);
    }
    return out;
  }
};

}  // namespace

Result<NerModel> TrainNerModel(const std::vector<ConllSentence>& train, const std::string& lang,
                               const NerGazetteer* gazetteer, const NerTrainOptions& options,
                               const std::function<void(int, const NerModel&)>& after_epoch) {
  if (options.rows == 0 || (options.rows & (options.rows - 1)) != 0) {
    return Status::InvalidArgument("NER training: rows must be a power of two");
  }
  if (train.empty()) return Status::InvalidArgument("NER training: no training sentences");
  if (options.epochs < 1) return Status::InvalidArgument("NER training: epochs must be >= 1");
  NerFeatures features(options.rows, gazetteer);
  std::vector<NerSentenceFeatures> cached(train.size());
  for (size_t s = 0; s < train.size(); ++s) {
    std::vector<std::string_view> tokens(train[s].tokens.begin(), train[s].tokens.end());
    features.Extract(tokens, &cached[s]);
  }
  Averaged emit(size_t{options.rows} * kNerLanes);
  Averaged trans(size_t{kNerLanes} * kNerLanes);
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(options.seed);
  double step = 1;
  std::vector<float> scores;
  std::vector<uint8_t> pred;
  const uint32_t flags = gazetteer ? uint32_t{NerModel::kUsesKb} : uint32_t{0};
  NerModel last = NerModel::FromFloat(lang, options.rows, flags, emit.w, trans.w);
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) {
      size_t j = static_cast<size_t>(rng() % i);  // the bias of % is irrelevant here
      std::swap(order[i - 1], order[j]);
    }
    for (size_t s : order) {
      const ConllSentence& sent = train[s];
      const NerSentenceFeatures& f = cached[s];
      const size_t n = sent.tokens.size();
      scores.assign(n * kNerLanes, 0.0f);
      for (size_t i = 0; i < n; ++i) {
        float* e = scores.data() + i * kNerLanes;
        for (uint32_t k = f.start[i]; k < f.start[i + 1]; ++k) {
          const float* w = emit.w.data() + size_t{f.rows[k]} * kNerLanes;
          for (int t = 0; t < kNerLanes; ++t) e[t] += w[t];
        }
      }
      pred.assign(n, kTagO);
      NerViterbi<float>(n, scores.data(), trans.w.data(), pred.data());
      if (pred != sent.tags) {
        for (size_t i = 0; i < n; ++i) {
          uint8_t g = sent.tags[i], p = pred[i];
          if (g != p) {
            for (uint32_t k = f.start[i]; k < f.start[i + 1]; ++k) {
              size_t row = size_t{f.rows[k]} * kNerLanes;
              emit.Add(row + g, 1.0f, step);
              emit.Add(row + p, -1.0f, step);
            }
          }
          int gp = i ? sent.tags[i - 1] : kNerStartTag;
          int pp = i ? pred[i - 1] : kNerStartTag;
          if (gp != pp || g != p) {
            trans.Add(size_t(gp) * kNerLanes + g, 1.0f, step);
            trans.Add(size_t(pp) * kNerLanes + p, -1.0f, step);
          }
        }
      }
      step += 1;
    }
    last = NerModel::FromFloat(lang, options.rows, flags, emit.Average(step), trans.Average(step));
    if (after_epoch) after_epoch(epoch, last);
  }
  return last;
}

}  // namespace sitrep
