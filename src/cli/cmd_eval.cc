// @brief sitrep eval: each stage against gold data (the cleaning stage here,
// the extraction stages in cmd_eval_stages.cc).
#include <algorithm>
#include <cstdio>

#include "clean/cleaner.h"
#include "cli/cmd_eval_stages.h"
#include "cli/cmd_stories.h"
#include "cli/command.h"
#include "eval/dedup_eval.h"
#include "eval/seed_eval.h"
#include "eval/trafilatura_eval.h"
#include "ingest/reader.h"

namespace sitrep {

namespace {

// Scores the whole pipeline (HTML extraction + text cleaning) on the trafilatura set.
int EvalTrafilatura(const ParsedArgs& args, Cleaner& cleaner) {
  EvalOptions eo;
  eo.dir = args.Get("--dir", SITREP_SHARED_DEFAULT "/eval/trafilatura-eval");
  auto report = ScoreTrafilaturaEval(eo, [&](std::string_view html) -> Result<std::string> {
    RawDocument raw;
    raw.source = "page.html";
    raw.format = InputFormat::kHtml;
    raw.text = std::string(html);
    Document d = cleaner.Clean(raw);
    if (d.failed()) return Status(Code::kEmpty, d.errors[0].message);
    return d.text;
  });
  if (!report.ok()) return Fatal("eval", report.status());
  const EvalCounts& c = report->counts;
  if (args.Has("--worst")) {
    std::vector<const EvalPage*> pages;
    for (const auto& p : report->pages) pages.push_back(&p);
    std::sort(pages.begin(), pages.end(), [](const EvalPage* a, const EvalPage* b) {
      return a->counts.fp + a->counts.fn > b->counts.fp + b->counts.fn;
    });
    Result<size_t> worst = CountFlag(args, "--worst", 10, 100000);
    if (!worst.ok()) return UsageError("eval", worst.status());
    size_t n = std::min<size_t>(pages.size(), *worst);
    for (size_t i = 0; i < n; ++i) {
      const EvalPage& p = *pages[i];
      std::printf("%s  FN %d FP %d %s\n", p.file.c_str(), p.counts.fn, p.counts.fp,
                  p.error.c_str());
      for (const auto& m : p.missed) std::printf("    missed: %s\n", m.c_str());
      for (const auto& l : p.leaked) std::printf("    leaked: %s\n", l.c_str());
    }
  }
  double mb = report->html_bytes / 1e6;
  std::printf("pages %zu (failed %d)  TP %d FP %d TN %d FN %d\n", report->pages.size(),
              report->failed_pages, c.tp, c.fp, c.tn, c.fn);
  std::printf("precision %.4f  recall %.4f  F1 %.4f  (target >= 0.90)\n", c.Precision(), c.Recall(),
              c.F1());
  std::printf(
      "speed %.1f MB/s of HTML through the whole clean stage (%.1f MB in %.2f s, one thread)\n",
      report->extract_seconds > 0 ? mb / report->extract_seconds : 0.0, mb,
      report->extract_seconds);
  return kExitOk;
}

// Near-duplicates: the originals (PATHs, default the examples, the seeds and
// the trafilatura pages) and the copies the scorer makes of them.
int EvalDuplicates(const ParsedArgs& args, const Options& options, Cleaner& cleaner) {
  std::vector<std::string> paths(args.positional.begin() + 1, args.positional.end());
  if (paths.empty()) {
    paths = {SITREP_SOURCE_DEFAULT "/examples/corpus", SITREP_SHARED_DEFAULT "/corpus/seeds",
             SITREP_SHARED_DEFAULT "/eval/trafilatura-eval/html"};
  }
  auto true_pairs =
      ReadTruePairs(args.Get("--gold", SITREP_SOURCE_DEFAULT "/tests/dedup/true_pairs.tsv"));
  if (!true_pairs.ok()) return Fatal("eval", true_pairs.status());
  auto score = ScoreDuplicates(paths, options, *true_pairs,
                               [&](const RawDocument& raw) { return cleaner.Clean(raw); });
  if (!score.ok()) return Fatal("eval", score.status());
  for (const std::string& m : score->missed) std::printf("missed: %s\n", m.c_str());
  for (const std::string& f : score->false_links) std::printf("false pair: %s\n", f.c_str());
  std::printf("originals %zu (%zu too short to sign, %zu identical to an earlier one)\n",
              score->originals, score->unsigned_originals, score->identical);
  std::printf("copies %zu: found %zu, recall %.4f (target 1.0); as duplicate_of %zu\n",
              score->copies, score->found, score->Recall(), score->as_duplicate);
  const size_t n = score->originals;
  std::printf("false pairs among the originals: %zu of %zu pairs (target 0)\n", score->false_pairs,
              n * (n - 1) / 2);
  std::printf("known true pairs among the originals (--gold): %zu of %zu linked\n",
              score->true_pairs_found, score->true_pairs);
  std::printf("signatures and linking: %.3f s for %zu documents\n", score->seconds,
              score->originals + score->copies);
  return kExitOk;
}

}  // namespace

int CmdEval(int argc, char** argv) {
  std::vector<FlagSpec> flags = {
      kHelp,
      kDataDir,
      {"--gold", true,
       "gold file (default: the task's file in ../shared/eval/seed-gold/; entity, figures, "
       "quotes: the folder; stories: tests/stories/gold.tsv)",
       "FILE"},
      {"--seeds", true,
       "directory of the articles the gold file names (default ../shared/corpus/seeds)", "DIR"},
      {"--dir", true,
       "trafilatura, stories: trafilatura set (default ../shared/eval/trafilatura-eval)", "DIR"},
      {"--worst", true, "trafilatura: list the N pages with most errors", "N"},
      {"--spec", true,
       "time-spec, numbers, currency, dimension, temperature: a Recognizers-Text spec file "
       "(default: the language's)",
       "FILE"},
      {"--lang", true,
       "time-spec, time-extract, numbers, currency, dimension, temperature, entity-conll: language "
       "of the spec (time-spec, time-extract default: fr and en; else fr); ner: the model's "
       "language",
       "LANG"},
      {"--kb", true, "entity, entity-conll, ner: knowledge base (default build/kb.bin)", "FILE"},
      {"--model", true, "ner: the model file (default data/ner/LANG.model)", "FILE"},
      {"--no-kb", false, "ner: run the tagger without knowledge-base name features"},
      {"--ner-tagger", false, "entity: also add the NER tagger's names (as extract --ner-tagger)"},
      {"--errors", true,
       "time, time-spec, quantity, numbers, currency, dimension, temperature, entity, "
       "entity-conll, figures, quotes, ner: list the first N errors",
       "N"},
      {"--verbose", false,
       "list every missed item and lost sentence; stories: every story of two documents or more"}};
  Result<ParsedArgs> args = ParseArgs(argc, argv, 2, flags);
  if (!args.ok()) return UsageError("eval", args.status());
  if (args->Has("--help") || args->positional.empty()) {
    PrintUsage(
        "eval", "TASK [flags]",
        "Scores sitrep against gold annotations. Tasks:\n"
        "  boilerplate   seed gold: share of boilerplate items removed, of body sentences kept\n"
        "  trafilatura   main-text extraction on the trafilatura pages: precision, recall, F1\n"
        "  time          seed gold temporal.json: span F1 (overlap), value accuracy\n"
        "  time-spec     Recognizers-Text DateTimeModel (cases with a reference date): span + "
        "value F1\n"
        "  time-extract  Recognizers-Text DateTime extractor specs (not tuned on): exact and "
        "overlap span recall\n"
        "  quantity      seed gold quantities.json: span F1, value+hedge, measure, attribution\n"
        "  numbers       Recognizers-Text NumberModel: same offsets + value\n"
        "  currency      Recognizers-Text CurrencyModel: money expressions\n"
        "  dimension     Recognizers-Text DimensionModel: physical measures with their unit\n"
        "  temperature   Recognizers-Text TemperatureModel: temperatures with their unit\n"
        "  entity        seed gold entities: mentions F1, resolution, roles, geocoding\n"
        "  entity-conll  entity recognizer on a CoNLL NER file (--gold; default fr: "
        "tests/ner/fr-news.conll,\n"
        "                else ../shared/eval/ner/LANG/uner-LANG_pud.test.conll.gz): exact-match "
        "F1 per type\n"
        "  figures       seed gold reconciliation groups: pairwise F1 of figure series\n"
        "  quotes        seed gold quotes.json: speech span F1, speaker accuracy, terms found\n"
        "  stories       story clustering on the seeds, examples/corpus and the trafilatura\n"
        "                pages: B-cubed F1 (gold: tests/stories/gold.tsv), the Kazakhstan checks\n"
        "  ner           the NER tagger on a CoNLL file (--lang, --gold FILE or FILE@test): "
        "entity F1\n"
        "  duplicates    near-duplicates of [PATH...] (default the examples, seeds, trafilatura "
        "pages)\n"
        "                and the copies it makes: recall, false pairs among the originals\n"
        "                (--gold: its known true pairs, default tests/dedup/true_pairs.tsv)",
        flags);
    return args->Has("--help") ? kExitOk : kExitUsage;
  }
  Options options;
  if (Status st = CommonOptions(*args, &options); !st.ok()) return UsageError("eval", st);
  const std::string& task = args->positional[0];
  if (task == "time") return EvalTime(*args, options);
  if (task == "time-spec") return EvalTimeSpec(*args, options);
  if (task == "time-extract") return EvalTimeExtract(*args, options);
  if (task == "quantity" || task == "numbers" || task == "currency" || task == "dimension" ||
      task == "temperature") {
    return EvalQuantity(task, *args, options);
  }
  if (task == "entity") return EvalEntity(*args, options);
  if (task == "entity-conll") return EvalEntityConll(*args, options);
  if (task == "ner") return EvalNer(*args, options);
  if (task == "figures") return EvalFigures(*args, options);
  if (task == "quotes") return EvalQuotes(*args, options);
  if (task == "stories") return EvalStories(*args, options);
  if (task != "boilerplate" && task != "trafilatura" && task != "duplicates") {
    return UsageError("eval",
                      Status::InvalidArgument(
                          "unknown task \"" + task +
                          "\" (boilerplate, trafilatura, time, time-spec, time-extract, quantity, "
                          "numbers, currency, dimension, temperature, entity, entity-conll, "
                          "figures, quotes, stories, ner, duplicates)"));
  }
  auto cleaner = MakeCleaner(options);
  if (!cleaner.ok()) return Fatal("eval", cleaner.status());
  if (task == "trafilatura") return EvalTrafilatura(*args, **cleaner);
  if (task == "duplicates") return EvalDuplicates(*args, options, **cleaner);
  std::string gold = args->Get("--gold", SITREP_SHARED_DEFAULT "/eval/seed-gold/boilerplate.json");
  std::string seeds = args->Get("--seeds", SITREP_SHARED_DEFAULT "/corpus/seeds");
  auto score = ScoreSeedBoilerplate(gold, seeds, options, [&](const std::string& path) {
    Document last;
    ReadInputs({path}, options, [&](RawDocument&& raw) { last = (*cleaner)->Clean(raw); });
    return last;
  });
  if (!score.ok()) return Fatal("eval", score.status());
  std::printf("%-28s %10s %14s  %s\n", "article", "bp removed", "sentences kept", "title");
  for (const auto& a : score->articles) {
    std::printf("%-28s %5zu/%-4zu %8zu/%-5zu  %s\n", a.file.c_str(), a.items_removed, a.items,
                a.sentences_kept, a.sentences, a.title == a.gold_title ? "same" : "differs");
    if (args->Has("--verbose")) {
      for (const auto& m : a.missed_items) std::printf("    missed: %s\n", m.c_str());
      for (const auto& s : a.lost_sentences) std::printf("    lost:   %s\n", s.c_str());
      if (a.title != a.gold_title)
        std::printf("    title:  %s\n    gold:   %s\n", a.title.c_str(), a.gold_title.c_str());
      if (!a.gold_date.empty())
        std::printf("    date:   %s (gold %s)\n", a.date.c_str(), a.gold_date.c_str());
    }
  }
  std::printf("\nboilerplate items removed: %zu/%zu = %.1f%%  (target >= 95%%)\n",
              score->items_removed, score->items, 100 * score->removed_share());
  std::printf("body sentences kept:       %zu/%zu = %.1f%%  (target >= 99%%)\n",
              score->sentences_kept, score->sentences, 100 * score->kept_share());
  std::printf("titles:                    %zu/%zu\n", score->titles_right, score->titles);
  std::printf("stated dates:              %zu/%zu\n", score->dates_right, score->dates);
  return kExitOk;
}

}  // namespace sitrep
