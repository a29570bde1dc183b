// @brief Near-duplicates (src/dedup) on a synthetic corpus, by number of
// documents: from clean text to links, on one thread (issue 13: 100,000
// documents in under 60 s on one core).
//
// Input (built before timing): documents of about 350 words drawn from a
// Zipf-like vocabulary of 20,000 words (so that frequent words and phrases
// recur across documents, as in news), cut in paragraphs; one document in
// ten is a copy of an earlier one (its first half, or the whole with a
// paragraph added). Timed per document: TokenizeText (the token stream the
// pipeline makes anyway, counted here), MakeSignature, DuplicateIndex::Add.
// Run: build/bench/sitrep_bench --benchmark_filter=Dedup (see bench/RESULTS.md).
#include <benchmark/benchmark.h>

#include <cmath>
#include <string>
#include <vector>

#include "dedup/duplicate_index.h"
#include "dedup/minhash.h"

namespace sitrep {
namespace {

struct Corpus {
  std::vector<std::string> texts;
  size_t copies = 0;
};

Corpus SyntheticCorpus(size_t n) {
  constexpr size_t kVocabulary = 20000;
  // Inverse CDF of a Zipf(1) law over the vocabulary, sampled by a table.
  std::vector<uint32_t> table;
  const double h = std::log(static_cast<double>(kVocabulary)) + 0.5772;
  for (size_t r = 1; r <= kVocabulary; ++r) {
    const size_t count = static_cast<size_t>(std::ceil(200000.0 / (static_cast<double>(r) * h)));
    table.insert(table.end(), count, static_cast<uint32_t>(r));
  }
  uint64_t rng = 7;
  auto next = [&rng] {
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(rng >> 33);
  };
  auto paragraph = [&](size_t words) {
    std::string p;
    for (size_t w = 0; w < words; ++w) {
      p += (w ? " " : "") + std::string("w") + std::to_string(table[next() % table.size()]);
      if (w % 18 == 17) p += ".";
    }
    return p + ".";
  };
  Corpus c;
  c.texts.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (i >= 10 && i % 10 == 0) {
      const std::string& base = c.texts[next() % i];
      c.texts.push_back(next() % 2 ? base.substr(0, base.size() / 2)
                                   : base + "\n\n" + paragraph(40));
      ++c.copies;
      continue;
    }
    std::string t;
    for (int p = 0; p < 6; ++p) t += (p ? "\n\n" : "") + paragraph(55 + next() % 10);
    c.texts.push_back(std::move(t));
  }
  return c;
}

void BM_Dedup(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const Corpus corpus = SyntheticCorpus(n);
  size_t linked = 0, as_copy = 0, bytes = 0;
  for (const std::string& t : corpus.texts) bytes += t.size();
  for (auto _ : state) {
    DuplicateIndex index;
    linked = as_copy = 0;
    for (size_t i = 0; i < n; ++i) {
      const DocSignature sig = MakeSignature(TokenizeText(corpus.texts[i]));
      DocLinks links = index.Add("d" + std::to_string(i), sig);
      as_copy += links.duplicate_of.has_value();
      linked += links.duplicate_of.has_value() || !links.shares_with.empty();
    }
    benchmark::DoNotOptimize(linked);
  }
  state.counters["docs"] = static_cast<double>(n);
  state.counters["copies_made"] = static_cast<double>(corpus.copies);
  state.counters["linked"] = static_cast<double>(linked);  // documents with a link
  state.counters["linked_as_copy"] = static_cast<double>(as_copy);
  state.counters["docs_per_s"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_Dedup)->Arg(10000)->Arg(100000)->Iterations(1)->Unit(benchmark::kSecond);

}  // namespace
}  // namespace sitrep
