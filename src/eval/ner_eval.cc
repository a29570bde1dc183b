// @brief Entity-level exact-match scoring of the NER tagger.
#include "eval/ner_eval.h"

#include <chrono>

namespace sitrep {

void ScoreNerTags(const std::vector<uint8_t>& gold, const std::vector<uint8_t>& pred,
                  NerScore* score) {
  std::vector<NerSpan> g = SpansOfTags(gold), p = SpansOfTags(pred);
  size_t gi = 0, pi = 0;
  // Both lists are ordered by start and do not overlap within themselves.
  std::vector<bool> matched_gold(g.size(), false);
  for (pi = 0; pi < p.size(); ++pi) {
    while (gi < g.size() && g[gi].begin < p[pi].begin) ++gi;
    NerCounts& t = score->by_type[static_cast<int>(p[pi].type)];
    if (gi < g.size() && g[gi].begin == p[pi].begin && g[gi].end == p[pi].end &&
        g[gi].type == p[pi].type) {
      matched_gold[gi] = true;
      ++t.tp;
      ++score->all.tp;
    } else {
      ++t.fp;
      ++score->all.fp;
    }
  }
  for (size_t k = 0; k < g.size(); ++k) {
    if (matched_gold[k]) continue;
    ++score->by_type[static_cast<int>(g[k].type)].fn;
    ++score->all.fn;
  }
}

namespace {

// "the [United States]LOC said": the tokens with their names bracketed.
std::string Bracketed(const std::vector<std::string>& tokens, const std::vector<uint8_t>& tags) {
  std::string out;
  std::vector<NerSpan> spans = SpansOfTags(tags);
  size_t s = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!out.empty()) out += ' ';
    if (s < spans.size() && spans[s].begin == i) out += '[';
    out += tokens[i];
    if (s < spans.size() && spans[s].end == i + 1) {
      out += std::string("]") + NerTypeName(spans[s].type);
      ++s;
    }
  }
  return out;
}

}  // namespace

NerScore ScoreNerTagger(const NerTagger& tagger, const std::vector<ConllSentence>& gold,
                        size_t max_errors) {
  NerScore score;
  std::vector<uint8_t> pred;
  std::vector<std::string_view> tokens;
  double seconds = 0;
  for (const ConllSentence& s : gold) {
    tokens.assign(s.tokens.begin(), s.tokens.end());
    auto t0 = std::chrono::steady_clock::now();
    tagger.Tag(tokens, &pred);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ScoreNerTags(s.tags, pred, &score);
    if (score.errors.size() < max_errors &&
        SpansOfTags(pred).size() + SpansOfTags(s.tags).size() > 0) {
      bool same = true;
      for (size_t i = 0; i < pred.size(); ++i) same = same && (pred[i] == s.tags[i]);
      if (!same) {
        score.errors.push_back("gold: " + Bracketed(s.tokens, s.tags) +
                               "\n    got:  " + Bracketed(s.tokens, pred));
      }
    }
    ++score.sentences;
    score.tokens += static_cast<int64_t>(s.tokens.size());
    for (const auto& t : s.tokens) score.bytes += static_cast<int64_t>(t.size()) + 1;
  }
  score.seconds = seconds;
  return score;
}

Result<NerScore> ScoreNerFiles(const NerTagger& tagger, const std::vector<std::string>& sources,
                               size_t max_errors) {
  std::vector<ConllSentence> all;
  for (const std::string& spec : sources) {
    Result<ConllSource> src = ParseConllSource(spec);
    if (!src.ok()) return src.status();
    Result<std::vector<ConllSentence>> s = ReadConll(*src);
    if (!s.ok()) return s.status();
    for (auto& x : *s) all.push_back(std::move(x));
  }
  return ScoreNerTagger(tagger, all, max_errors);
}

}  // namespace sitrep
