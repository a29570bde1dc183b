// @brief Throughput of the NER tagger (Google Benchmark): BM_NerTag tags
// sentences of text (split into tokens, features, Viterbi) with the English
// model and the knowledge base's name features; BM_NerModelLoad loads the
// model and builds its name table.
//
// Inputs: data/ner/en.model, the build's knowledge base, and as text the
// sentences of ../shared/eval/ner/en/uner-en_pud.test.conll.gz (news and
// Wikipedia), tokens joined by spaces, repeated. A missing input skips the
// benchmark with the reason. Run: build/bench/sitrep_bench --benchmark_filter=Ner
#include <benchmark/benchmark.h>

#include <memory>

#include "base/data_file.h"
#include "bench_options.h"
#include "kb/kb.h"
#include "ner/conll_reader.h"
#include "ner/ner_tagger.h"

namespace sitrep {
namespace {

struct NerFixture {
  std::unique_ptr<KnowledgeBase> kb;
  std::unique_ptr<NerTagger> tagger;
  std::vector<std::string> sentences;
  size_t bytes = 0;
};

const NerFixture* Fixture(std::string* why) {
  static std::string error;
  static const std::unique_ptr<NerFixture> f = [] {
    auto out = std::make_unique<NerFixture>();
    Result<KnowledgeBase> kb = KnowledgeBase::Load(KbPath(BenchOptions()));
    if (!kb.ok()) {
      error = kb.status().ToString();
      return std::unique_ptr<NerFixture>();
    }
    out->kb = std::make_unique<KnowledgeBase>(std::move(*kb));
    auto tagger = NerTagger::Load(Root() + "/data/ner/en.model", out->kb.get());
    if (!tagger.ok()) {
      error = tagger.status().ToString();
      return std::unique_ptr<NerFixture>();
    }
    out->tagger = std::move(*tagger);
    auto gold = ReadConll({Root() + "/../shared/eval/ner/en/uner-en_pud.test.conll.gz"});
    if (!gold.ok()) {
      error = gold.status().ToString();
      return std::unique_ptr<NerFixture>();
    }
    for (int copy = 0; copy < 3; ++copy) {
      for (const ConllSentence& s : *gold) {
        std::string text;
        for (const std::string& t : s.tokens) text += (text.empty() ? "" : " ") + t;
        out->bytes += text.size() + 1;
        out->sentences.push_back(std::move(text));
      }
    }
    return out;
  }();
  *why = error;
  return f.get();
}

void BM_NerTag(benchmark::State& state) {
  std::string why;
  const NerFixture* f = Fixture(&why);
  if (f == nullptr) {
    state.SkipWithError(why.c_str());
    return;
  }
  size_t n = 0;
  for (auto _ : state) {
    for (const std::string& s : f->sentences) n += f->tagger->TagText(s).size();
  }
  benchmark::DoNotOptimize(n);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f->bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * f->sentences.size()));
}
BENCHMARK(BM_NerTag)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_NerModelLoad(benchmark::State& state) {
  std::string why;
  const NerFixture* f = Fixture(&why);
  if (f == nullptr) {
    state.SkipWithError(why.c_str());
    return;
  }
  size_t n = 0;
  for (auto _ : state) {
    auto t = NerTagger::Load(Root() + "/data/ner/en.model", f->kb.get());
    n += t.ok() ? (*t)->MemoryBytes() : 0;
  }
  benchmark::DoNotOptimize(n);
}
BENCHMARK(BM_NerModelLoad)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep
