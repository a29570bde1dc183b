// @brief Cost of the whole per-document pipeline (clean, entities, times,
// quantities) against document size (Google Benchmark): generated French
// articles of 1, 4 and 16 MB, plain text and HTML, one thread.
//
// Every stage must be linear or n log n in the size of a document, so
// bytes/s must stay about the same from 1 to 16 MB: time(16 MB) / time(1 MB)
// about 16, not 256. The articles come from SyntheticArticleText/Html
// (src/pipeline/synthetic_article.h): ordinary varied paragraphs. The CPU
// budget (max_document_seconds) is off here. Figures: bench/RESULTS.md.
#include <benchmark/benchmark.h>

#include <memory>

#include "bench_options.h"
#include "pipeline/pipeline.h"
#include "pipeline/synthetic_article.h"

namespace sitrep {
namespace {

// The benchmarks' options without a CPU budget: a 16 MB document may take longer.
Options PipelineOptions() {
  Options o = BenchOptions();
  o.max_document_seconds = 0;
  return o;
}

Pipeline& SharedPipeline() {
  static std::unique_ptr<Pipeline> p = std::move(Pipeline::Create(PipelineOptions())).value();
  return *p;
}

RawDocument Generated(InputFormat format, size_t mb) {
  RawDocument raw;
  raw.format = format;
  raw.source = format == InputFormat::kHtml ? "generated.html" : "generated.txt";
  raw.text = format == InputFormat::kHtml ? SyntheticArticleHtml(mb << 20, 11)
                                          : SyntheticArticleText(mb << 20, 11);
  raw.encoding = "UTF-8";
  raw.input_bytes = raw.text.size();
  return raw;
}

void RunPipeline(benchmark::State& state, InputFormat format) {
  const RawDocument raw = Generated(format, static_cast<size_t>(state.range(0)));
  Pipeline& pipeline = SharedPipeline();
  size_t mentions = 0, claims = 0;
  for (auto _ : state) {
    Document doc = pipeline.Process(raw);
    if (doc.failed()) {
      state.SkipWithError(doc.errors[0].message.c_str());
      return;
    }
    mentions = doc.mentions.size();
    claims = doc.claims.size();
    benchmark::DoNotOptimize(doc.text.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * raw.text.size()));
  state.counters["MB"] = static_cast<double>(raw.text.size()) / 1e6;
  state.counters["mentions"] = static_cast<double>(mentions);
  state.counters["claims"] = static_cast<double>(claims);
}

// 1, 4 and 16 MB, each run once per repetition (seconds per document).
void BySize(benchmark::internal::Benchmark* b) {
  b->Arg(1)->Arg(4)->Arg(16)->Unit(benchmark::kSecond)->Iterations(1)->Repetitions(2);
}

void BM_PipelineText(benchmark::State& state) { RunPipeline(state, InputFormat::kText); }
BENCHMARK(BM_PipelineText)->Apply(BySize);

void BM_PipelineHtml(benchmark::State& state) { RunPipeline(state, InputFormat::kHtml); }
BENCHMARK(BM_PipelineHtml)->Apply(BySize);

}  // namespace
}  // namespace sitrep
