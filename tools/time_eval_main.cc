// @brief time_eval: prints the time tagger's scores (seed gold, Recognizers-Text
// French and English) with error counts by category and the worst errors, or
// what the tagger finds in one text. A dev tool.
//
//   time_eval [--shared DIR] [--errors N] [--only seed|fr|en]
//   time_eval --tag LANG [--dct DATE] TEXT   (what the tagger finds in TEXT)
// The same scores in the product: `sitrep eval time|time-spec`; the extractor
// specs: `sitrep eval time-extract`; speed: bench/time_bench.cc.
#include <cstdio>
#include <map>
#include <optional>
#include <string>

#include "eval/time_eval.h"
#include "tool_args.h"

namespace {

using namespace sitrep::tools;
constexpr const char* kTool = "time_eval";

void PrintErrors(const std::vector<sitrep::TimeEvalError>& errors, int n) {
  std::map<std::string, int> count;
  for (const auto& e : errors) ++count[e.category];
  for (const auto& [k, v] : count) std::printf("  %s: %d\n", k.c_str(), v);
  int shown = 0;
  for (const auto& e : errors) {
    if (shown++ >= n) break;
    std::printf("  [%s] %.60s | gold: %s | got: %s\n", e.category.c_str(), e.where.c_str(),
                e.gold.c_str(), e.got.c_str());
  }
}

int Tag(const sitrep::TimeTagger& t, const sitrep::ParsedArgs& args) {
  if (args.positional.size() != 1) {
    std::fprintf(stderr, "%s: --tag LANG needs one TEXT\n", kTool);
    return kExitUsage;
  }
  std::optional<sitrep::PublishedDate> dct;
  if (args.Has("--dct"))
    dct = sitrep::PublishedDate{args.Get("--dct"), sitrep::DatePrecision::kDay, "", "input"};
  for (const sitrep::TimeExpr& x : t.Tag(args.positional[0], args.Get("--tag"), dct)) {
    std::printf("[%s] %s %s%s%s\n", x.text.c_str(), sitrep::TimeTypeName(x.type), x.value.c_str(),
                x.mod.empty() ? "" : " mod=", x.mod.c_str());
  }
  return kExitOk;
}

int Seed(const sitrep::TimeTagger& t, const std::string& shared, int nerr) {
  auto s = sitrep::ScoreSeedTemporal(t, shared + "/eval/seed-gold/temporal.json",
                                     shared + "/corpus/seeds");
  if (!s.ok()) return Failed(kTool, s.status().WithContext("seed"));
  std::printf(
      "seed temporal: gold %d predicted %d matched %d | span P %.3f R %.3f F1 %.3f | value acc "
      "%.3f (%d/%d)\n",
      s->gold, s->predicted, s->gold_matched, s->span_precision, s->span_recall, s->span_f1,
      s->value_accuracy, s->value_correct, s->gold_matched);
  PrintErrors(s->errors, nerr);
  return kExitOk;
}

int Spec(const sitrep::TimeTagger& t, const std::string& shared, const std::string& lang,
         int nerr) {
  std::string path = shared + "/eval/recognizers-text/Specs/DateTime/" +
                     (lang == "fr" ? "French" : "English") + "/DateTimeModel.json";
  auto s = sitrep::ScoreRecognizersSpec(t, path, lang);
  if (!s.ok()) return Failed(kTool, s.status().WithContext(lang));
  std::printf("recognizers %s: cases %d gold %d predicted %d correct %d | P %.3f R %.3f F1 %.3f\n",
              lang.c_str(), s->cases, s->gold, s->predicted, s->correct, s->precision, s->recall,
              s->f1);
  PrintErrors(s->errors, nerr);
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  int code = kExitOk;
  auto args = ParseToolArgs(
      kTool, "[--only seed|fr|en] [--errors N] | --tag LANG [--dct DATE] TEXT", argc, argv,
      {{"--shared", true, "the shared folder with eval/ and corpus/ (default ../shared)", "DIR"},
       {"--errors", true, "how many errors to list per score (default 30)", "N"},
       {"--only", true, "one score: seed, fr or en", "WHICH"},
       {"--tag", true, "print what the tagger finds in TEXT, in language LANG", "LANG"},
       {"--dct", true, "--tag: the document date (default none)", "DATE"}},
      &code);
  if (!args.ok()) return code;
  sitrep::Result<int> nerr = IntFlag(*args, "--errors", 30);
  const std::string only = args->Get("--only");
  if (!nerr.ok() || !(only.empty() || only == "seed" || only == "fr" || only == "en")) {
    std::fprintf(stderr, "%s: %s\n", kTool,
                 nerr.ok() ? ("--only takes seed, fr or en, got \"" + only + "\"").c_str()
                           : nerr.status().message().c_str());
    return kExitUsage;
  }
  const std::string shared = args->Get("--shared", SITREP_SHARED_DIR);
  sitrep::Options options;
  auto tagger = sitrep::TimeTagger::Create(options);
  if (!tagger.ok()) return Failed(kTool, tagger.status());
  const sitrep::TimeTagger& t = **tagger;
  if (args->Has("--tag")) return Tag(t, *args);
  if (only.empty() || only == "seed") {
    if (int rc = Seed(t, shared, *nerr); rc != kExitOk) return rc;
  }
  for (const char* lang : {"fr", "en"}) {
    if (!only.empty() && only != lang) continue;
    if (int rc = Spec(t, shared, lang, *nerr); rc != kExitOk) return rc;
  }
  return kExitOk;
}
