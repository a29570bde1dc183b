// @brief Story clustering (src/story): streaming assignment of synthetic
// documents, by number of documents, to show the time per document stays flat
// as stories accumulate.
//
// Input (built before timing): documents of 1,000 stories over 1,000 days; a
// story has 3 people or organisations, 2 places, a country and 12 words of
// its own, its documents add 2 corpus-wide entities, 4 common words and 2
// measures, one day after another. Run: build/bench/sitrep_bench
// --benchmark_filter=Story (see bench/RESULTS.md).
#include <benchmark/benchmark.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "story/story_clusterer.h"

namespace sitrep {
namespace {

std::vector<StoryFeatures> SyntheticStream(size_t docs) {
  std::vector<StoryFeatures> out;
  uint64_t rng = 7;
  auto next = [&rng] {
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(rng >> 33);
  };
  for (size_t i = 0; i < docs; ++i) {
    const size_t story = next() % 1000;
    std::map<std::string, double> f;
    const std::string s = std::to_string(story);
    for (int k = 0; k < 3; ++k) f["e:s" + s + "p" + std::to_string(k)] = 1;
    for (int k = 0; k < 2; ++k) f["p:s" + s + "l" + std::to_string(k)] = 1;
    f["c:C" + std::to_string(story % 50)] = 1;
    for (int k = 0; k < 2; ++k) f["e:common" + std::to_string(next() % 20)] = 1;
    for (int k = 0; k < 12; ++k)
      if (next() % 2) f["t:en:s" + s + "w" + std::to_string(k)] = 1;
    for (int k = 0; k < 4; ++k) f["t:en:common" + std::to_string(next() % 200)] = 1;
    for (int k = 0; k < 2; ++k) f["m:m" + std::to_string(next() % 10)] = 1;
    StoryFeatures sf;
    double norm[kStoryGroups] = {};
    for (const auto& [k, w] : f) norm[static_cast<int>(GroupOfFeature(k))] += w * w;
    for (const auto& [k, w] : f)
      sf.items.emplace_back(k, w / std::sqrt(norm[static_cast<int>(GroupOfFeature(k))]));
    sf.day = static_cast<int64_t>(story + i * 1000 / docs);  // the stream moves on in time
    out.push_back(std::move(sf));
  }
  return out;
}

void BM_StoryCluster(benchmark::State& state) {
  const size_t docs = static_cast<size_t>(state.range(0));
  const std::vector<StoryFeatures> stream = SyntheticStream(docs);
  size_t stories = 0;
  for (auto _ : state) {
    StoryClusterer c;
    for (size_t i = 0; i < stream.size(); ++i) c.Add("d" + std::to_string(i), stream[i]);
    stories = c.state().stories.size();
    benchmark::DoNotOptimize(stories);
  }
  state.counters["documents"] = static_cast<double>(docs);
  state.counters["stories"] = static_cast<double>(stories);
  state.counters["docs_per_s"] =
      benchmark::Counter(static_cast<double>(docs), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_StoryCluster)->Arg(10000)->Arg(25000)->Arg(50000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep
