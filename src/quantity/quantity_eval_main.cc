// @brief quantity_eval: dev driver that prints the quantity scores and speed.
//
//   quantity_eval seed   [GOLD_JSON CORPUS_DIR] [-v]
//   quantity_eval number SPEC_JSON LANG [-v]
//   quantity_eval currency SPEC_JSON LANG [-v]
//   quantity_eval numbers LANG TEXT  (every number FindNumbers reads)
//   quantity_eval claims LANG TEXT_FILE (every claim, one per line)
//   quantity_eval speed  [COPIES]     (seed articles concatenated COPIES times)
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "base/options.h"
#include "quantity/quantity_eval.h"

#ifndef SITREP_SHARED_DIR
#define SITREP_SHARED_DIR "../shared"
#endif

namespace {

using sitrep::QuantityTagger;

int Fail(const sitrep::Status& st) {
  std::fprintf(stderr, "quantity_eval: %s\n", st.ToString().c_str());
  return 1;
}

void PrintSpec(const char* what, const sitrep::SpecScores& s, bool verbose) {
  if (verbose) {
    for (const std::string& f : s.failures) std::printf("  FAIL %s\n", f.c_str());
  }
  std::printf("%s: cases %d/%d = %.3f; results P %.3f R %.3f F1 %.3f (gold %d, predicted %d)\n",
              what, s.cases_ok, s.cases, s.case_accuracy, s.precision, s.recall, s.f1, s.gold,
              s.predicted);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "-v") == 0) {
      verbose = true;
    } else {
      args.push_back(argv[i]);
    }
  }
  if (args.empty()) {
    std::fprintf(stderr, "usage: quantity_eval seed|number|currency|speed ...\n");
    return 2;
  }
  sitrep::QuantityOptions options;
  auto tagger = QuantityTagger::Create(options);
  if (!tagger.ok()) return Fail(tagger.status());
  auto segmenter = sitrep::Segmenter::Create(options.base);
  if (!segmenter.ok()) return Fail(segmenter.status());
  const std::string shared = SITREP_SHARED_DIR;
  const std::string corpus = args.size() > 2 ? args[2] : shared + "/corpus/seeds";
  if (args[0] == "seed") {
    std::string gold = args.size() > 1 ? args[1] : shared + "/eval/seed-gold/quantities.json";
    auto s = sitrep::ScoreSeedQuantities(**tagger, segmenter->get(), gold, corpus);
    if (!s.ok()) return Fail(s.status());
    if (verbose) {
      for (const std::string& d : s->details) std::printf("  %s\n", d.c_str());
    }
    auto ratio = [](int a, int b) { return b ? static_cast<double>(a) / b : 0.0; };
    std::printf("seed quantities: gold %d, predicted %d, matched %d: P %.3f R %.3f F1 %.3f\n",
                s->gold, s->predicted, s->matched, s->precision, s->recall, s->f1);
    std::printf("on matched: value+hedge %.3f, measure %.3f, attribution %.3f\n",
                ratio(s->value_ok, s->matched), ratio(s->measure_ok, s->matched),
                ratio(s->attribution_ok, s->matched));
    return 0;
  }
  if ((args[0] == "number" || args[0] == "currency") && args.size() == 3) {
    auto s = args[0] == "number" ? sitrep::ScoreNumberSpec(**tagger, args[1], args[2])
                                 : sitrep::ScoreCurrencySpec(**tagger, args[1], args[2]);
    if (!s.ok()) return Fail(s.status());
    PrintSpec((args[0] + " " + args[2]).c_str(), *s, verbose);
    return 0;
  }
  if (args[0] == "numbers" && args.size() == 3) {  // numbers LANG TEXT: what FindNumbers sees
    for (const sitrep::NumberMatch& m : (*tagger)->Numbers(args[2], args[1])) {
      std::printf("%s\t%.10g\t%s%s%s\n", args[2].substr(m.start, m.end - m.start).c_str(), m.value,
                  sitrep::NumberKindName(m.kind), m.date_like ? " date" : "",
                  m.lone_one ? " lone_one" : "");
    }
    return 0;
  }
  if (args[0] == "claims" && args.size() == 3) {  // claims LANG TEXT_FILE: one line per claim
    auto doc = sitrep::DocumentFromTextFile(args[2], args[1], segmenter->get());
    if (!doc.ok()) return Fail(doc.status());
    for (const sitrep::Claim& c : (*tagger)->Claims(*doc)) {
      auto span = [&](uint32_t a, uint32_t b) { return doc->text.substr(a, b - a); };
      std::printf("%s\t%s\t%s\t%.10g..%.10g\t%s\n", span(c.start, c.end).c_str(),
                  c.measure.c_str(), sitrep::HedgeTypeName(c.hedge), c.min, c.max,
                  span(c.source.start, c.source.end).c_str());
    }
    return 0;
  }
  if (args[0] == "speed") {
    int copies = args.size() > 1 ? std::stoi(args[1]) : 200;
    std::string one;
    for (const auto& entry : std::filesystem::directory_iterator(shared + "/corpus/seeds")) {
      auto doc = sitrep::DocumentFromTextFile(entry.path().string(), "fr", segmenter->get());
      if (!doc.ok()) return Fail(doc.status());
      one += doc->text + "\n";
    }
    std::string big;
    for (int i = 0; i < copies; ++i) big += one;
    auto t0 = std::chrono::steady_clock::now();
    sitrep::Document doc = sitrep::DocumentFromText(big, "fr", segmenter->get());
    auto t1 = std::chrono::steady_clock::now();
    std::vector<sitrep::Claim> claims = (*tagger)->Claims(doc);
    auto t2 = std::chrono::steady_clock::now();
    size_t numbers = (*tagger)->Numbers(big, "fr").size();
    auto t3 = std::chrono::steady_clock::now();
    double mb = big.size() / 1e6;
    auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
    std::printf("%.1f MB French text, %zu claims, %zu numbers\n", mb, claims.size(), numbers);
    std::printf("claims (tokenize+numbers+claims): %.1f MB/s\n", mb / secs(t1, t2));
    std::printf("numbers only: %.1f MB/s\n", mb / secs(t2, t3));
    std::printf("sentence splitting (segment, for reference): %.1f MB/s\n", mb / secs(t0, t1));
    return 0;
  }
  std::fprintf(stderr, "usage: quantity_eval seed|number|currency|speed ...\n");
  return 2;
}
