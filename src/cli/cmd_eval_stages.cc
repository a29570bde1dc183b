// @brief sitrep eval for the extraction stages: time, quantities, entities,
// against the seed gold and the Recognizers-Text specs. The scorers live in
// src/eval (time_eval, quantity_eval, entity_eval); this file only picks the
// files, runs them and prints the figures.
#include "cli/cmd_eval_stages.h"

#include <algorithm>
#include <cstdio>

#include "base/data_file.h"
#include "eval/entity_conll_eval.h"
#include "eval/entity_eval.h"
#include "eval/figures_eval.h"
#include "eval/quantity_eval.h"
#include "eval/quote_eval.h"
#include "eval/time_eval.h"
#include "kb/kb.h"
#include "lang/language.h"
#include "pipeline/parallel.h"
#include "segment/segmenter.h"

namespace sitrep {

namespace {

constexpr const char* kShared = SITREP_SHARED_DEFAULT;

double Ratio(int a, int b) { return b ? static_cast<double>(a) / b : 0.0; }

// --errors N: how many errors to list (0 when absent).
Result<size_t> ErrorCount(const ParsedArgs& args) {
  if (!args.Has("--errors")) return size_t{0};
  return CountFlag(args, "--errors", 20, 100000);
}

void PrintTimeErrors(const std::vector<TimeEvalError>& errors, size_t n) {
  for (size_t i = 0; i < errors.size() && i < n; ++i) {
    const TimeEvalError& e = errors[i];
    std::printf("  [%s] %s | gold: %s | got: %s\n", e.category.c_str(), e.where.c_str(),
                e.gold.c_str(), e.got.c_str());
  }
}

// The Recognizers-Text spec folder of a language: its English name
// (lang.tsv `name`, else ICU's), or "" when sitrep does not read it.
std::string SpecFolder(const Options& options, const std::string& lang) {
  Result<std::shared_ptr<const Languages>> langs = Languages::Load(options);
  if (!langs.ok()) return "";
  std::shared_ptr<const Language> l = (*langs)->Find(lang);
  return l ? l->name() : "";
}

}  // namespace

int EvalTime(const ParsedArgs& args, const Options& options) {
  Result<size_t> errors = ErrorCount(args);
  if (!errors.ok()) return UsageError("eval", errors.status());
  auto tagger = TimeTagger::Create(options);
  if (!tagger.ok()) return Fatal("eval", tagger.status());
  const std::string gold =
      args.Get("--gold", std::string(kShared) + "/eval/seed-gold/temporal.json");
  const std::string seeds = args.Get("--seeds", std::string(kShared) + "/corpus/seeds");
  auto s = ScoreSeedTemporal(**tagger, gold, seeds);
  if (!s.ok()) return Fatal("eval", s.status());
  PrintTimeErrors(s->errors, *errors);
  std::printf("temporal expressions: gold %d, predicted %d, matched %d\n", s->gold, s->predicted,
              s->gold_matched);
  std::printf("span (overlap): P %.3f R %.3f F1 %.3f  (target >= 0.95)\n", s->span_precision,
              s->span_recall, s->span_f1);
  std::printf("value accuracy on matched spans: %.3f (%d/%d)  (target >= 0.92)\n",
              s->value_accuracy, s->value_correct, s->gold_matched);
  return kExitOk;
}

int EvalTimeSpec(const ParsedArgs& args, const Options& options) {
  Result<size_t> errors = ErrorCount(args);
  if (!errors.ok()) return UsageError("eval", errors.status());
  auto tagger = TimeTagger::Create(options);
  if (!tagger.ok()) return Fatal("eval", tagger.status());
  std::vector<std::pair<std::string, std::string>> runs;  // (spec file, language)
  if (args.Has("--spec")) {
    if (!args.Has("--lang")) {
      return UsageError("eval",
                        Status::InvalidArgument("--spec needs --lang (a code of data/lang)"));
    }
    runs.emplace_back(args.Get("--spec"), args.Get("--lang"));
  } else {
    const std::vector<std::string> langs = args.Has("--lang")
                                               ? std::vector<std::string>{args.Get("--lang")}
                                               : std::vector<std::string>{"fr", "en"};
    for (const std::string& l : langs) {
      if (SpecFolder(options, l).empty()) {
        return UsageError("eval",
                          Status::InvalidArgument("no DateTime spec for language \"" + l + "\""));
      }
      runs.emplace_back(std::string(kShared) + "/eval/recognizers-text/Specs/DateTime/" +
                            SpecFolder(options, l) + "/DateTimeModel.json",
                        l);
    }
  }
  for (const auto& [path, lang] : runs) {
    if (!(*tagger)->HasLanguage(lang)) {
      return UsageError("eval",
                        Status::InvalidArgument("no time data for language \"" + lang + "\""));
    }
    auto s = ScoreRecognizersSpec(**tagger, path, lang);
    if (!s.ok()) return Fatal("eval", s.status());
    PrintTimeErrors(s->errors, *errors);
    std::printf(
        "%s DateTimeModel (%s): cases %d, gold %d, predicted %d, correct %d: P %.3f R %.3f F1 "
        "%.3f\n",
        lang.c_str(), path.c_str(), s->cases, s->gold, s->predicted, s->correct, s->precision,
        s->recall, s->f1);
  }
  return kExitOk;
}

int EvalTimeExtract(const ParsedArgs& args, const Options& options) {
  auto tagger = TimeTagger::Create(options);
  if (!tagger.ok()) return Fatal("eval", tagger.status());
  const std::vector<std::string> langs = args.Has("--lang")
                                             ? std::vector<std::string>{args.Get("--lang")}
                                             : std::vector<std::string>{"fr", "en"};
  for (const std::string& lang : langs) {
    if (SpecFolder(options, lang).empty() || !(*tagger)->HasLanguage(lang)) {
      return UsageError(
          "eval",
          Status::InvalidArgument("no DateTime specs or time data for language \"" + lang + "\""));
    }
    for (const char* f : {"DateExtractor", "DatePeriodExtractor", "TimeExtractor",
                          "DurationExtractor", "SetExtractor", "MergedExtractor"}) {
      const std::string path = std::string(kShared) + "/eval/recognizers-text/Specs/DateTime/" +
                               SpecFolder(options, lang) + "/" + f + ".json";
      auto s = ScoreExtractorSpec(**tagger, path, lang);
      if (!s.ok()) return Fatal("eval", s.status());
      std::printf("%s %-20s gold %4d  exact span %4d (%.3f)  overlap %4d (%.3f)\n", lang.c_str(), f,
                  s->gold, s->exact, Ratio(s->exact, s->gold), s->overlap,
                  Ratio(s->overlap, s->gold));
    }
  }
  return kExitOk;
}

int EvalQuantity(const std::string& task, const ParsedArgs& args, const Options& options) {
  Result<size_t> errors = ErrorCount(args);
  if (!errors.ok()) return UsageError("eval", errors.status());
  QuantityOptions qo;
  qo.base = options;
  auto tagger = QuantityTagger::Create(qo);
  if (!tagger.ok()) return Fatal("eval", tagger.status());
  auto list = [&](const std::vector<std::string>& lines) {
    for (size_t i = 0; i < lines.size() && i < *errors; ++i)
      std::printf("  %s\n", lines[i].c_str());
  };
  if (task == "quantity") {
    auto segmenter = Segmenter::Create(options);
    if (!segmenter.ok()) return Fatal("eval", segmenter.status());
    const std::string gold =
        args.Get("--gold", std::string(kShared) + "/eval/seed-gold/quantities.json");
    const std::string seeds = args.Get("--seeds", std::string(kShared) + "/corpus/seeds");
    auto s = ScoreSeedQuantities(**tagger, segmenter->get(), gold, seeds);
    if (!s.ok()) return Fatal("eval", s.status());
    list(s->details);
    std::printf("quantity claims: gold %d, predicted %d, matched %d\n", s->gold, s->predicted,
                s->matched);
    std::printf("span (overlap): P %.3f R %.3f F1 %.3f  (target >= 0.90)\n", s->precision,
                s->recall, s->f1);
    std::printf("on matched claims: value+hedge %.3f, measure %.3f, attribution %.3f\n",
                Ratio(s->value_ok, s->matched), Ratio(s->measure_ok, s->matched),
                Ratio(s->attribution_ok, s->matched));
    return kExitOk;
  }
  // numbers | currency | dimension | temperature: one Recognizers-Text spec per language.
  const std::string lang = args.Get("--lang", "fr");
  const std::string folder = SpecFolder(options, lang);
  if (folder.empty()) {
    return UsageError("eval", Status::InvalidArgument("no spec for language \"" + lang + "\""));
  }
  const std::string model =
      task == "numbers"     ? "Number/" + folder + "/NumberModel.json"
      : task == "currency"  ? "NumberWithUnit/" + folder + "/CurrencyModel.json"
      : task == "dimension" ? "NumberWithUnit/" + folder + "/DimensionModel.json"
                            : "NumberWithUnit/" + folder + "/TemperatureModel.json";
  const std::string spec =
      args.Get("--spec", std::string(kShared) + "/eval/recognizers-text/Specs/" + model);
  const UnitTable& units = (*tagger)->units();
  // dimension: every physical measure but temperature and duration (the
  // specs' DimensionModel has neither); temperature: itself.
  auto is_dimension = [&](const std::string& m) {
    return units.IsPhysicalMeasure(m) && m != "temperature" && m != "duration";
  };
  auto is_temperature = [](const std::string& m) { return m == "temperature"; };
  auto s = task == "numbers"     ? ScoreNumberSpec(**tagger, spec, lang)
           : task == "currency"  ? ScoreCurrencySpec(**tagger, spec, lang)
           : task == "dimension" ? ScoreUnitSpec(**tagger, spec, lang, is_dimension)
                                 : ScoreUnitSpec(**tagger, spec, lang, is_temperature);
  if (!s.ok()) return Fatal("eval", s.status());
  list(s->failures);
  std::printf(
      "%s %s (%s): cases right %d/%d = %.3f; results P %.3f R %.3f F1 %.3f (gold %d, predicted "
      "%d)\n",
      task.c_str(), lang.c_str(), spec.c_str(), s->cases_ok, s->cases, s->case_accuracy,
      s->precision, s->recall, s->f1, s->gold, s->predicted);
  if (s->skipped > 0) {
    std::printf("  (%d results without a number left out: docs/EVAL-quantity.md)\n", s->skipped);
  }
  return kExitOk;
}

int EvalEntity(const ParsedArgs& args, const Options& options) {
  Result<size_t> errors = ErrorCount(args);
  if (!errors.ok()) return UsageError("eval", errors.status());
  const std::string kb_path = args.Get("--kb", KbPath(options));
  auto kb = KnowledgeBase::Load(kb_path);
  if (!kb.ok()) {
    return Fatal("eval", kb.status().WithContext(kb_path + " (build it with: sitrep kb build)"));
  }
  const std::string seeds = args.Get("--seeds", std::string(kShared) + "/corpus/seeds");
  const std::string gold = args.Get("--gold", std::string(kShared) + "/eval/seed-gold");
  std::unique_ptr<NerTaggers> taggers;
  if (args.Has("--ner-tagger")) {
    Result<NerTaggers> t = LoadNerTaggers(DataDir(options), DataLanguages(options), &*kb);
    if (!t.ok()) return Fatal("eval", t.status());
    taggers = std::make_unique<NerTaggers>(std::move(*t));
  }
  auto s = ScoreSeedEntities(*kb, DataDir(options), seeds, gold, taggers.get());
  if (!s.ok()) return Fatal("eval", s.status());
  for (size_t i = 0; i < s->misses.size() && i < *errors; ++i)
    std::printf("  %s\n", s->misses[i].c_str());
  std::printf(
      "mentions (NAM+ADJ, body, exact span and type): gold %d, system %d, matched %d: P %.3f R "
      "%.3f F1 %.3f  (target >= 0.90)\n",
      s->gold_mentions, s->system_mentions, s->matched, s->precision, s->recall, s->f1);
  std::printf("resolution: %d/%d gold entities resolved exactly (%.3f)\n", s->resolved_exactly,
              s->gold_entities, Ratio(s->resolved_exactly, s->gold_entities));
  std::printf("roles: %d/%d found (%.3f); %d on the right entity (%.3f)\n", s->roles_found,
              s->gold_roles, Ratio(s->roles_found, s->gold_roles), s->roles_attributed,
              Ratio(s->roles_attributed, s->gold_roles));
  std::printf("places: %d/%d geocoded right (%.3f)\n", s->places_right, s->gold_places,
              Ratio(s->places_right, s->gold_places));
  return kExitOk;
}

int EvalEntityConll(const ParsedArgs& args, const Options& options) {
  Result<size_t> errors = ErrorCount(args);
  if (!errors.ok()) return UsageError("eval", errors.status());
  const std::string lang = args.Get("--lang", "fr");
  const std::string kb_path = args.Get("--kb", KbPath(options));
  auto kb = KnowledgeBase::Load(kb_path);
  if (!kb.ok()) {
    return Fatal("eval", kb.status().WithContext(kb_path + " (build it with: sitrep kb build)"));
  }
  // French: the project's own news test set; others: the UNER PUD test file.
  const std::string gold = args.Get(
      "--gold", lang == "fr" ? std::string(SITREP_SOURCE_DEFAULT) + "/tests/ner/fr-news.conll"
                             : std::string(kShared) + "/eval/ner/" + lang + "/uner-" + lang +
                                   "_pud.test.conll.gz");
  auto s = ScoreConllEntities(*kb, DataDir(options), gold, lang);
  if (!s.ok()) return Fatal("eval", s.status());
  for (size_t i = 0; i < s->errors.size() && i < *errors; ++i) std::printf("  %s\n", s->errors[i].c_str());
  std::printf("entity-conll %s (%s): %zu documents, %zu sentences; exact span and type, PER/LOC/ORG\n",
              lang.c_str(), gold.c_str(), s->documents, s->sentences);
  auto line = [](const std::string& name, const ConllCounts& c) {
    std::printf("  %-4s gold %4d system %4d matched %4d: P %.3f R %.3f F1 %.3f\n", name.c_str(), c.gold,
                c.predicted, c.matched, c.Precision(), c.Recall(), c.F1());
  };
  for (const auto& [type, c] : s->by_type) line(type, c);
  line("all", s->all);
  return kExitOk;
}

int EvalFigures(const ParsedArgs& args, const Options& options) {
  Result<size_t> errors = ErrorCount(args);
  if (!errors.ok()) return UsageError("eval", errors.status());
  Result<FigureRules> rules = FigureRules::Load(DataDir(options));
  if (!rules.ok()) return Fatal("eval", rules.status());
  const std::string seeds = args.Get("--seeds", std::string(kShared) + "/corpus/seeds");
  const std::string gold = args.Get("--gold", std::string(kShared) + "/eval/seed-gold");
  std::string warning;
  // Each seed through the whole pipeline, dated with the gold's reference date.
  auto process = [&](const std::string& path, const std::string& date) -> Result<Document> {
    Options o = options;
    o.date_override = date;
    Document out;
    Result<ReadStats> st = ProcessInputs(
        {path}, o, 1, [&](Document&& d) { out = std::move(d); }, &warning);
    if (!st.ok()) return st.status();
    if (out.failed()) return Status::InvalidArgument(path + ": " + out.errors[0].message);
    return out;
  };
  auto s = ScoreSeedFigures(*rules, gold, seeds, process);
  if (!s.ok()) return Fatal("eval", s.status());
  if (!warning.empty()) std::fprintf(stderr, "eval: %s\n", warning.c_str());
  for (size_t i = 0; i < s->details.size() && i < *errors; ++i) {
    std::printf("  %s\n", s->details[i].c_str());
  }
  for (const std::string& g : s->groups) std::printf("%s\n", g.c_str());
  std::printf(
      "gold claims %d: %d form no series (ordinal, duration, age), %d extracted and "
      "scored, %d not extracted\n",
      s->gold_claims, s->not_figures, s->scored, s->unmatched);
  std::printf("pairs: gold %d, predicted %d, both %d: P %.3f R %.3f F1 %.3f  (target >= 0.85)\n",
              s->gold_pairs, s->predicted_pairs, s->true_pairs, s->precision, s->recall, s->f1);
  std::printf("recall over every gold pair of figure claims, extracted or not: %d/%d = %.3f\n",
              s->true_pairs, s->gold_pairs_all, s->recall_all);
  return kExitOk;
}

int EvalQuotes(const ParsedArgs& args, const Options& options) {
  Result<size_t> errors = ErrorCount(args);
  if (!errors.ok()) return UsageError("eval", errors.status());
  const std::string seeds = args.Get("--seeds", std::string(kShared) + "/corpus/seeds");
  const std::string gold = args.Get("--gold", std::string(kShared) + "/eval/seed-gold");
  std::string warning;
  // Each seed alone through the whole pipeline, as `sitrep extract` reads it.
  auto process = [&](const std::string& path, const std::string& /*date*/) -> Result<Document> {
    Document out;
    Result<ReadStats> st = ProcessInputs(
        {path}, options, 1, [&](Document&& d) { out = std::move(d); }, &warning);
    if (!st.ok()) return st.status();
    if (out.failed()) return Status::InvalidArgument(path + ": " + out.errors[0].message);
    return out;
  };
  auto s = ScoreSeedQuotes(gold, seeds, process);
  if (!s.ok()) return Fatal("eval", s.status());
  if (!warning.empty()) std::fprintf(stderr, "eval: %s\n", warning.c_str());
  for (size_t i = 0; i < s->details.size() && i < *errors; ++i) {
    std::printf("  %s\n", s->details[i].c_str());
  }
  std::printf("gold quotes removed with boilerplate (not scored): %d\n", s->not_in_text);
  std::printf(
      "speech (direct_speech, partial_quote): gold %d, system %d, matched %d: P %.3f R %.3f "
      "F1 %.3f  (target >= 0.90)\n",
      s->gold_speech, s->system_speech, s->matched_speech, s->precision, s->recall, s->f1);
  std::printf("speaker accuracy on matched speech: %d/%d = %.3f  (target >= 0.85)\n",
              s->speakers_right, s->speakers_scored, s->speaker_accuracy);
  std::printf("terms found with their kind: %d/%d = %.3f  (target >= 0.80)\n", s->terms_found,
              s->gold_terms, s->term_recall);
  return kExitOk;
}

}  // namespace sitrep
