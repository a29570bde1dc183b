// @brief quantity_eval: dev driver that prints the quantity scores and what the
// tagger reads, for inspection by hand.
//
//   quantity_eval seed [--gold FILE] [--seeds DIR] [--verbose]
//   quantity_eval number SPEC_JSON LANG [--verbose]
//   quantity_eval currency SPEC_JSON LANG [--verbose]
//   quantity_eval numbers LANG TEXT       (every number FindNumbers reads)
//   quantity_eval claims LANG TEXT_FILE   (every claim, one per line)
// The same scores without the per-case lists: `sitrep eval quantity|numbers|currency`.
// Speed: bench/quantity_bench.cc.
#include <cstdio>
#include <string>
#include <vector>

#include "base/options.h"
#include "eval/quantity_eval.h"
#include "tool_args.h"

#ifndef SITREP_SHARED_DIR
#define SITREP_SHARED_DIR "../shared"
#endif

namespace {

using sitrep::QuantityTagger;
constexpr const char* kTool = "quantity_eval";
constexpr const char* kSynopsis =
    "seed|number SPEC LANG|currency SPEC LANG|numbers LANG TEXT|claims LANG FILE [flags]";

void PrintSpec(const char* what, const sitrep::SpecScores& s, bool verbose) {
  if (verbose) {
    for (const std::string& f : s.failures) std::printf("  FAIL %s\n", f.c_str());
  }
  std::printf("%s: cases %d/%d = %.3f; results P %.3f R %.3f F1 %.3f (gold %d, predicted %d)\n",
              what, s.cases_ok, s.cases, s.case_accuracy, s.precision, s.recall, s.f1, s.gold,
              s.predicted);
}

double Ratio(int a, int b) { return b ? static_cast<double>(a) / b : 0.0; }

int Seed(const QuantityTagger& tagger, sitrep::Segmenter* segmenter,
         const sitrep::ParsedArgs& args) {
  const std::string shared = SITREP_SHARED_DIR;
  const std::string gold = args.Get("--gold", shared + "/eval/seed-gold/quantities.json");
  const std::string corpus = args.Get("--seeds", shared + "/corpus/seeds");
  auto s = sitrep::ScoreSeedQuantities(tagger, segmenter, gold, corpus);
  if (!s.ok()) return sitrep::tools::Failed(kTool, s.status());
  if (args.Has("--verbose")) {
    for (const std::string& d : s->details) std::printf("  %s\n", d.c_str());
  }
  std::printf("seed quantities: gold %d, predicted %d, matched %d: P %.3f R %.3f F1 %.3f\n",
              s->gold, s->predicted, s->matched, s->precision, s->recall, s->f1);
  std::printf("on matched: value+hedge %.3f, measure %.3f, attribution %.3f\n",
              Ratio(s->value_ok, s->matched), Ratio(s->measure_ok, s->matched),
              Ratio(s->attribution_ok, s->matched));
  return sitrep::tools::kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace sitrep::tools;
  int code = kExitOk;
  auto args = ParseToolArgs(
      kTool, kSynopsis, argc, argv,
      {{"--gold", true, "seed: the gold file (default ../shared/eval/seed-gold/quantities.json)",
        "FILE"},
       {"--seeds", true, "seed: the articles (default ../shared/corpus/seeds)", "DIR"},
       {"--verbose", false, "seed, number, currency: list every miss"}},
      &code);
  if (!args.ok()) return code;
  const std::vector<std::string>& pos = args->positional;
  const bool verbose = args->Has("--verbose");
  sitrep::QuantityOptions options;
  auto tagger = QuantityTagger::Create(options);
  if (!tagger.ok()) return Failed(kTool, tagger.status());
  auto segmenter = sitrep::Segmenter::Create(options.base);
  if (!segmenter.ok()) return Failed(kTool, segmenter.status());
  if (pos.size() == 1 && pos[0] == "seed") return Seed(**tagger, segmenter->get(), *args);
  if ((pos.size() == 3) && (pos[0] == "number" || pos[0] == "currency")) {
    auto s = pos[0] == "number" ? sitrep::ScoreNumberSpec(**tagger, pos[1], pos[2])
                                : sitrep::ScoreCurrencySpec(**tagger, pos[1], pos[2]);
    if (!s.ok()) return Failed(kTool, s.status());
    PrintSpec((pos[0] + " " + pos[2]).c_str(), *s, verbose);
    return kExitOk;
  }
  if (pos.size() == 3 && pos[0] == "numbers") {  // numbers LANG TEXT: what FindNumbers sees
    for (const sitrep::NumberMatch& m : (*tagger)->Numbers(pos[2], pos[1])) {
      std::printf("%s\t%.10g\t%s%s%s\n", pos[2].substr(m.start, m.end - m.start).c_str(), m.value,
                  sitrep::NumberKindName(m.kind), m.date_like ? " date" : "",
                  m.lone_one ? " lone_one" : "");
    }
    return kExitOk;
  }
  if (pos.size() == 3 && pos[0] == "claims") {  // claims LANG TEXT_FILE: one line per claim
    auto doc = sitrep::DocumentFromTextFile(pos[2], pos[1], segmenter->get());
    if (!doc.ok()) return Failed(kTool, doc.status());
    for (const sitrep::Claim& c : (*tagger)->Claims(*doc)) {
      auto span = [&](uint32_t a, uint32_t b) { return doc->text.substr(a, b - a); };
      std::printf("%s\t%s\t%s\t%.10g..%.10g\t%s\n", span(c.start, c.end).c_str(), c.measure.c_str(),
                  sitrep::HedgeTypeName(c.hedge), c.min, c.max,
                  span(c.source.start, c.source.end).c_str());
    }
    return kExitOk;
  }
  std::fprintf(stderr, "usage: %s %s\n", kTool, kSynopsis);
  return kExitUsage;
}
