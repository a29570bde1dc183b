// @brief Throughput of the clean stage (Google Benchmark): HTML pages, plain
// text, and the parts (gumbo-based extraction alone, CLD2 alone) for ratios.
//
// Inputs: the trafilatura evaluation pages (../shared/eval/trafilatura-eval)
// and the seed articles (../shared/corpus/seeds) when present, else the
// bundled examples. Run: build/bench/sitrep_bench (see bench/RESULTS.md).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>

#include "base/file_io.h"
#include "bench_options.h"
#include "clean/cleaner.h"
#include "clean/langid.h"
#include "html/html_extractor.h"
#include "ingest/reader.h"

namespace fs = std::filesystem;

namespace sitrep {
namespace {

// Decoded documents of one format found under `dir`.
std::vector<RawDocument> Load(const std::string& dir, InputFormat format, size_t max_docs) {
  std::vector<RawDocument> docs;
  if (!fs::exists(dir)) return docs;
  ReadInputs({dir}, BenchOptions(), [&](RawDocument&& d) {
    if (d.status.ok() && d.format == format && docs.size() < max_docs) docs.push_back(std::move(d));
  });
  return docs;
}

const std::vector<RawDocument>& HtmlPages() {
  static const auto* pages = [] {
    auto* v = new std::vector<RawDocument>(
        Load(Root() + "/../shared/eval/trafilatura-eval/html", InputFormat::kHtml, 400));
    if (v->empty()) *v = Load(Root() + "/examples/corpus", InputFormat::kHtml, 100);
    return v;
  }();
  return *pages;
}

const std::vector<RawDocument>& TextDocs() {
  static const auto* docs = [] {
    auto* v = new std::vector<RawDocument>(
        Load(Root() + "/../shared/corpus/seeds", InputFormat::kText, 100));
    for (auto& d : Load(Root() + "/examples/corpus", InputFormat::kText, 100))
      v->push_back(std::move(d));
    return v;
  }();
  return *docs;
}

Cleaner& SharedCleaner() {
  static std::unique_ptr<Cleaner> c = std::move(Cleaner::Create(BenchOptions())).value();
  return *c;
}

void Run(benchmark::State& state, const std::vector<RawDocument>& docs,
         const std::function<size_t(const RawDocument&)>& fn) {
  if (docs.empty()) {
    state.SkipWithError("no input documents");
    return;
  }
  size_t bytes = 0, items = 0, sink = 0;
  for (auto _ : state) {
    for (const RawDocument& d : docs) {
      sink += fn(d);
      bytes += d.text.size();
      ++items;
    }
  }
  benchmark::DoNotOptimize(sink);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(items));
}

void BM_CleanHtml(benchmark::State& state) {
  Run(state, HtmlPages(),
      [](const RawDocument& d) { return SharedCleaner().Clean(d).text.size(); });
}
BENCHMARK(BM_CleanHtml)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_ExtractHtmlOnly(benchmark::State& state) {
  Options o = BenchOptions();
  Run(state, HtmlPages(), [&](const RawDocument& d) {
    auto r = ExtractHtml(d.text, o);
    return r.ok() ? r->blocks.size() : 0;
  });
}
BENCHMARK(BM_ExtractHtmlOnly)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_CleanText(benchmark::State& state) {
  Run(state, TextDocs(), [](const RawDocument& d) { return SharedCleaner().Clean(d).text.size(); });
}
BENCHMARK(BM_CleanText)->Unit(benchmark::kMicrosecond)->MinTime(2.0);

void BM_LanguageIdOnly(benchmark::State& state) {
  Run(state, TextDocs(), [](const RawDocument& d) { return DetectLanguage(d.text).code.size(); });
}
BENCHMARK(BM_LanguageIdOnly)->Unit(benchmark::kMicrosecond)->MinTime(2.0);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
