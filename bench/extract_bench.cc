// @brief Throughput of the extraction stages (Google Benchmark): time
// expressions, numbers and claims, entity recognition + resolution, and the
// knowledge-base load. These were the speed modes of the dev drivers
// (time_eval --only speed, quantity_eval speed, sitrep_entity_corpus --repeat).
//
// Inputs: the seed articles (../shared/corpus/seeds), French, repeated; the
// example corpus cleaned through the pipeline; the knowledge base of the build
// (build/kb.bin, or $SITREP_KB). A missing input skips its benchmark with the
// reason. Run: build/bench/sitrep_bench (see bench/RESULTS.md).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <memory>

#include "base/data_file.h"
#include "base/file_io.h"
#include "bench_options.h"
#include "entity/entity_recognizer.h"
#include "entity/entity_resolver.h"
#include "eval/quantity_eval.h"
#include "kb/kb.h"
#include "kb/transliterate.h"
#include "pipeline/pipeline.h"
#include "quantity/quantity_tagger.h"
#include "time/time_tagger.h"

namespace fs = std::filesystem;

namespace sitrep {
namespace {

// The seed articles' raw text, concatenated `copies` times ("" when absent).
std::string SeedText(int copies) {
  const std::string dir = Root() + "/../shared/corpus/seeds";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return "";
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  std::string one;
  for (const std::string& f : files) {
    Result<std::string> text = ReadFileLimited(f, 1 << 24);
    if (text.ok()) one += *text + "\n\n";
  }
  std::string all;
  for (int i = 0; i < copies; ++i) all += one;
  return all;
}

void BM_TimeTagFrench(benchmark::State& state) {
  static const std::string text = SeedText(10);
  auto tagger = TimeTagger::Create(BenchOptions());
  if (text.empty() || !tagger.ok()) {
    state.SkipWithError(text.empty() ? "no seed articles" : tagger.status().ToString().c_str());
    return;
  }
  const PublishedDate dct{"2022-01-08", DatePrecision::kDay, "", "input"};
  size_t n = 0;
  for (auto _ : state) n += (*tagger)->Tag(text, "fr", dct).size();
  benchmark::DoNotOptimize(n);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_TimeTagFrench)->Unit(benchmark::kMillisecond)->MinTime(2.0);

struct QuantityFixture {
  std::unique_ptr<QuantityTagger> tagger;
  std::unique_ptr<Segmenter> segmenter;
  Document doc;
};

// The tagger, a segmenter and the seeds as one French document; null on failure.
const QuantityFixture* Quantities() {
  static const std::unique_ptr<QuantityFixture> f = []() -> std::unique_ptr<QuantityFixture> {
    QuantityOptions qo;
    qo.base = BenchOptions();
    auto tagger = QuantityTagger::Create(qo);
    auto segmenter = Segmenter::Create(qo.base);
    std::string text = SeedText(10);
    if (!tagger.ok() || !segmenter.ok() || text.empty()) return nullptr;
    auto out = std::make_unique<QuantityFixture>();
    out->tagger = std::move(tagger).value();
    out->segmenter = std::move(segmenter).value();
    out->doc = DocumentFromText(std::move(text), "fr", out->segmenter.get());
    return out;
  }();
  return f.get();
}

void BM_QuantityClaimsFrench(benchmark::State& state) {
  const QuantityFixture* f = Quantities();
  if (f == nullptr) {
    state.SkipWithError("no seed articles or no quantity data");
    return;
  }
  size_t n = 0;
  for (auto _ : state) n += f->tagger->Claims(f->doc).size();
  benchmark::DoNotOptimize(n);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f->doc.text.size()));
}
BENCHMARK(BM_QuantityClaimsFrench)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_QuantityNumbersOnlyFrench(benchmark::State& state) {
  const QuantityFixture* f = Quantities();
  if (f == nullptr) {
    state.SkipWithError("no seed articles or no quantity data");
    return;
  }
  size_t n = 0;
  for (auto _ : state) n += f->tagger->Numbers(f->doc.text, "fr").size();
  benchmark::DoNotOptimize(n);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f->doc.text.size()));
}
BENCHMARK(BM_QuantityNumbersOnlyFrench)->Unit(benchmark::kMillisecond)->MinTime(2.0);

struct EntityFixture {
  KnowledgeBase kb;
  std::unique_ptr<NameTransliterator> translit;
  std::unique_ptr<EntityRecognizer> recognizer;
  std::vector<Document> docs;  // the example corpus, cleaned
  size_t bytes = 0;
};

// The knowledge base, the recognizer and the cleaned examples; `*why` on failure.
const EntityFixture* Entities(std::string* why) {
  static std::string error;
  static const std::unique_ptr<EntityFixture> f = []() -> std::unique_ptr<EntityFixture> {
    Options o = BenchOptions();
    auto kb = KnowledgeBase::Load(KbPath(o));
    if (!kb.ok()) {
      error = kb.status().ToString();
      return nullptr;
    }
    auto out = std::unique_ptr<EntityFixture>(
        new EntityFixture{std::move(kb).value(), nullptr, nullptr, {}, 0});
    auto tr = NameTransliterator::Create(DataDir(o));
    auto rec = EntityRecognizer::Create(&out->kb, o);
    auto pipeline = Pipeline::Create(o);
    for (const Status& st : {tr.status(), rec.status(), pipeline.status()}) {
      if (!st.ok()) {
        error = st.ToString();
        return nullptr;
      }
    }
    out->translit = std::move(tr).value();
    out->recognizer = std::move(rec).value();
    ReadInputs({Root() + "/examples/corpus"}, o, [&](RawDocument&& raw) {
      Document d = (*pipeline)->Process(raw);
      if (d.failed()) return;
      out->bytes += d.text.size();
      out->docs.push_back(std::move(d));
    });
    return out;
  }();
  *why = error;
  return f.get();
}

// Recognition + resolution only (cleaning excluded), a fresh resolver per pass:
// each pass pays the resolver's one-time name-key index.
void BM_EntityRecognizeResolve(benchmark::State& state) {
  std::string why;
  const EntityFixture* f = Entities(&why);
  if (f == nullptr || f->docs.empty()) {
    state.SkipWithError(f == nullptr ? why.c_str() : "no example documents");
    return;
  }
  size_t n = 0;
  for (auto _ : state) {
    EntityResolver resolver(&f->kb, f->translit.get());
    for (const Document& d : f->docs) {
      std::string date = d.published ? d.published->value.substr(0, 10) : "";
      n += resolver.Resolve(d.text, f->recognizer->Recognize(d.text, d.lang, date)).size();
    }
  }
  benchmark::DoNotOptimize(n);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f->bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * f->docs.size()));
}
BENCHMARK(BM_EntityRecognizeResolve)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_KnowledgeBaseLoad(benchmark::State& state) {
  const std::string path = KbPath(BenchOptions());
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    state.SkipWithError((path + ": no knowledge base (sitrep kb build)").c_str());
    return;
  }
  size_t n = 0;
  for (auto _ : state) {
    auto kb = KnowledgeBase::Load(path);
    n += kb.ok() ? kb->entities().size() : 0;
  }
  benchmark::DoNotOptimize(n);
}
BENCHMARK(BM_KnowledgeBaseLoad)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep
