// @brief Grouping claims into figure series (src/figures), by number of
// claims: time and the memory the result holds, to show both linear.
//
// Input: synthetic documents of 10 claims each (built before timing): 40
// places, 4 measures (a cumulative toll, a level, an event count, a second
// toll), 24 sources, dates over 30 days, every hedge; one claim in ten names
// a part (security forces). Run: build/bench/sitrep_bench
// --benchmark_filter=Figures (see bench/RESULTS.md).
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <string>
#include <vector>

#include "bench_options.h"
#include "figures/figures.h"

namespace sitrep {
namespace {

constexpr size_t kClaimsPerDoc = 10;

std::vector<Document> SyntheticCorpus(size_t claims) {
  static const char* const kMeasures[] = {"killed", "troops", "protesters", "arrested"};
  static const HedgeType kHedges[] = {HedgeType::kExact, HedgeType::kApproximate,
                                      HedgeType::kLowerBound, HedgeType::kUpperBound};
  std::vector<Document> docs;
  uint64_t rng = 42;
  auto next = [&rng] {
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(rng >> 33);
  };
  for (size_t n = 0; n < claims; n += kClaimsPerDoc) {
    Document d;
    const size_t i = docs.size();
    d.id = "doc" + std::to_string(i);
    d.lang = "en";
    d.outlet = "Outlet " + std::to_string(i % 24);
    d.published =
        PublishedDate{"2022-01-" + std::to_string(10 + i % 20), DatePrecision::kDay, "", "input"};
    const std::string place = "P" + std::to_string(next() % 40);
    EntityInfo e;
    e.id = "gn:" + place;
    e.name = "Place " + place;
    e.type = "LOC";
    e.kind = "country";
    e.country = place;
    d.entities.push_back(e);
    for (size_t k = 0; k < kClaimsPerDoc; ++k) {
      const size_t start = d.text.size();
      const bool part = next() % 10 == 0;
      std::string sentence = std::to_string(100 + next() % 5000) +
                             (part ? " members of the security forces" : " people") +
                             " according to the agency in " + place + ".";
      d.text += sentence + " ";
      Sentence s{static_cast<uint32_t>(start), static_cast<uint32_t>(start + sentence.size())};
      d.sentences.push_back(s);
      Claim c;
      c.start = s.start;
      c.end = static_cast<uint32_t>(d.text.find(" according", start));
      c.number_start = c.start;
      c.number_end = static_cast<uint32_t>(d.text.find(' ', start));
      c.value = std::stod(sentence);
      c.hedge = kHedges[next() % 4];
      c.measure = kMeasures[next() % 4];
      c.sentence = static_cast<int>(k);
      const uint32_t src = static_cast<uint32_t>(d.text.find("the agency", start));
      c.source = {src, src + 10};
      Mention m;
      m.start = static_cast<uint32_t>(d.text.find(place + ".", start));
      m.end = m.start + static_cast<uint32_t>(place.size());
      m.type = MentionType::kLoc;
      m.entity = e.id;
      d.mentions.push_back(m);
      d.claims.push_back(c);
    }
    docs.push_back(std::move(d));
  }
  return docs;
}

void BM_FiguresGroup(benchmark::State& state) {
  const size_t claims = static_cast<size_t>(state.range(0));
  Result<FigureRules> rules = FigureRules::Load(BenchOptions().data_dir);
  if (!rules.ok()) {
    state.SkipWithError(rules.status().message().c_str());
    return;
  }
  const std::vector<Document> docs = SyntheticCorpus(claims);
  size_t series = 0, held = 0;
  for (auto _ : state) {
    const size_t before = mallinfo2().uordblks;
    std::vector<FigureSeries> out = BuildFigures(docs, *rules);
    held = mallinfo2().uordblks - before;  // what the result keeps
    series = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["claims"] = static_cast<double>(claims);
  state.counters["series"] = static_cast<double>(series);
  state.counters["result_bytes_per_claim"] = static_cast<double>(held) / claims;
  state.counters["claims_per_s"] = benchmark::Counter(
      static_cast<double>(claims), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_FiguresGroup)
    ->Arg(12500)
    ->Arg(25000)
    ->Arg(50000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep
