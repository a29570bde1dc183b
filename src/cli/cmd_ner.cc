// @brief sitrep ner train: a named-entity model from CoNLL files
// (docs/NER.md); and sitrep eval ner (EvalNer), its entity-level score.
#include <cstdio>
#include <memory>

#include "base/data_file.h"
#include "base/file_io.h"
#include "cli/cmd_eval_stages.h"
#include "cli/command.h"
#include "eval/ner_eval.h"
#include "kb/kb.h"
#include "ner/ner_tagger.h"
#include "ner/ner_trainer.h"

namespace sitrep {

namespace {

// The sentences of every source ("FILE" or "FILE@train|dev|test").
Result<std::vector<ConllSentence>> ReadSources(const std::vector<std::string>& specs) {
  std::vector<ConllSentence> all;
  for (const std::string& spec : specs) {
    Result<ConllSource> src = ParseConllSource(spec);
    if (!src.ok()) return src.status();
    Result<std::vector<ConllSentence>> s = ReadConll(*src);
    if (!s.ok()) return s.status();
    for (auto& x : *s) all.push_back(std::move(x));
  }
  return all;
}

void PrintScore(const NerScore& s) {
  for (int t = 0; t < kNerTypes; ++t) {
    const NerCounts& c = s.by_type[t];
    std::printf("  %-4s P %.4f  R %.4f  F1 %.4f  (gold %lld, found %lld)\n",
                NerTypeName(static_cast<NerType>(t)), c.Precision(), c.Recall(), c.F1(),
                static_cast<long long>(c.tp + c.fn), static_cast<long long>(c.tp + c.fp));
  }
  std::printf("  all  P %.4f  R %.4f  F1 %.4f  (gold %lld, found %lld, matched %lld)\n",
              s.all.Precision(), s.all.Recall(), s.all.F1(),
              static_cast<long long>(s.all.tp + s.all.fn),
              static_cast<long long>(s.all.tp + s.all.fp), static_cast<long long>(s.all.tp));
}

// The KB for the name features: --kb FILE, else the build's; --no-kb none.
Result<std::unique_ptr<KnowledgeBase>> LoadKbFor(const ParsedArgs& args, const Options& options) {
  if (args.Has("--no-kb")) return std::unique_ptr<KnowledgeBase>();
  const std::string path = args.Get("--kb", KbPath(options));
  Result<KnowledgeBase> kb = KnowledgeBase::Load(path);
  if (!kb.ok()) return kb.status().WithContext(path + " (build it with: sitrep kb build)");
  return std::make_unique<KnowledgeBase>(std::move(*kb));
}

}  // namespace

int CmdNer(int argc, char** argv) {
  std::vector<FlagSpec> flags = {
      kHelp,
      kDataDir,
      {"--lang", true, "language of the model (ISO 639-1)", "LANG"},
      {"--out", true, "the model file to write", "FILE"},
      {"--kb", true, "knowledge base for the name features (default build/kb.bin)", "FILE"},
      {"--no-kb", false, "train without knowledge-base name features"},
      {"--epochs", true, "passes over the training data (default 10)", "N"},
      {"--rows", true, "feature table rows, a power of two (default 262144)", "N"},
      {"--dev", true,
       "score these CoNLL files after every epoch (FILE or FILE@dev, comma-separated)", "FILES"},
      kQuiet};
  Result<ParsedArgs> args = ParseArgs(argc, argv, 2, flags);
  if (!args.ok()) return UsageError("ner", args.status());
  if (args->Has("--help") || args->positional.empty()) {
    PrintUsage("ner", "train --lang LANG --out FILE [flags] TRAIN_FILE...",
               "Trains a named-entity model (PER, ORG, LOC; averaged perceptron, docs/NER.md)\n"
               "on CoNLL files (token TAB tag, blank line between sentences, .gz or plain; IOB1\n"
               "and IO are read as IOB2, other types as O). FILE@train, FILE@dev, FILE@test take\n"
               "one part of a file by the split rule of ../shared/eval/ner/README.md (sentence i:\n"
               "i%10==0 test, ==1 dev, else train). Same data and flags: the same model bytes.",
               flags);
    return args->Has("--help") ? kExitOk : kExitUsage;
  }
  if (args->positional[0] != "train" || args->positional.size() < 2) {
    return UsageError(
        "ner", Status::InvalidArgument("expected: ner train --lang LANG --out FILE TRAIN_FILE..."));
  }
  const std::string lang = args->Get("--lang"), out = args->Get("--out");
  if (lang.empty() || out.empty()) {
    return UsageError("ner", Status::InvalidArgument("--lang and --out are required"));
  }
  Options options;
  if (Status st = CommonOptions(*args, &options); !st.ok()) return UsageError("ner", st);
  NerTrainOptions to;
  Result<size_t> epochs = CountFlag(*args, "--epochs", 10, 1000);
  Result<size_t> rows = CountFlag(*args, "--rows", 1u << 18, 1u << 24);
  if (!epochs.ok()) return UsageError("ner", epochs.status());
  if (!rows.ok()) return UsageError("ner", rows.status());
  to.epochs = static_cast<int>(*epochs);
  to.rows = static_cast<uint32_t>(*rows);
  std::vector<std::string> specs(args->positional.begin() + 1, args->positional.end());
  Result<std::vector<ConllSentence>> train = ReadSources(specs);
  if (!train.ok()) return Fatal("ner", train.status());
  std::vector<ConllSentence> dev;
  if (args->Has("--dev")) {
    std::vector<std::string> dev_specs;
    std::string list = args->Get("--dev");
    for (size_t b = 0, e; b <= list.size(); b = e + 1) {
      e = list.find(',', b);
      if (e == std::string::npos) e = list.size();
      if (e > b) dev_specs.push_back(list.substr(b, e - b));
    }
    Result<std::vector<ConllSentence>> d = ReadSources(dev_specs);
    if (!d.ok()) return Fatal("ner", d.status());
    dev = std::move(*d);
  }
  Result<std::unique_ptr<KnowledgeBase>> kb = LoadKbFor(*args, options);
  if (!kb.ok()) return Fatal("ner", kb.status());
  std::unique_ptr<NerGazetteer> gaz = *kb ? NerGazetteer::FromKb(**kb, lang) : nullptr;
  bool quiet = args->Has("--quiet");
  if (!quiet) {
    size_t tokens = 0;
    for (const auto& s : *train) tokens += s.tokens.size();
    std::fprintf(stderr, "ner train %s: %zu sentences, %zu tokens; %zu KB names\n", lang.c_str(),
                 train->size(), tokens, gaz ? gaz->size() : size_t{0});
  }
  auto after = [&](int epoch, const NerModel& m) {
    if (dev.empty()) return;
    NerTagger tagger(m, kb->get());
    NerScore s = ScoreNerTagger(tagger, dev);
    std::fprintf(stderr, "epoch %d: dev P %.4f R %.4f F1 %.4f\n", epoch, s.all.Precision(),
                 s.all.Recall(), s.all.F1());
  };
  Result<NerModel> model = TrainNerModel(*train, lang, gaz.get(), to, after);
  if (!model.ok()) return Fatal("ner", model.status());
  Result<std::string> bytes = model->Serialize();
  if (!bytes.ok()) return Fatal("ner", bytes.status());
  if (Status st = WriteFileAtomic(out, *bytes); !st.ok()) return Fatal("ner", st);
  if (!quiet) std::fprintf(stderr, "ner train: wrote %s (%zu bytes)\n", out.c_str(), bytes->size());
  return kExitOk;
}

int EvalNer(const ParsedArgs& args, const Options& options) {
  const std::string lang = args.Get("--lang");
  if (lang.empty() || !args.Has("--gold")) {
    return UsageError("eval",
                      Status::InvalidArgument("eval ner needs --lang LANG and --gold FILE"));
  }
  const std::string model_path = args.Get("--model", DataDir(options) + "/ner/" + lang + ".model");
  Result<std::unique_ptr<KnowledgeBase>> kb = LoadKbFor(args, options);
  if (!kb.ok()) return Fatal("eval", kb.status());
  Result<std::unique_ptr<NerTagger>> tagger = NerTagger::Load(model_path, kb->get());
  if (!tagger.ok()) return Fatal("eval", tagger.status());
  if (!(*tagger)->warning().empty()) {
    std::fprintf(stderr, "warning: %s\n", (*tagger)->warning().c_str());
  }
  if ((*tagger)->model().lang() != lang) {
    std::fprintf(stderr, "warning: %s is a model for \"%s\", scored on --lang %s\n",
                 model_path.c_str(), (*tagger)->model().lang().c_str(), lang.c_str());
  }
  std::vector<std::string> gold = {args.Get("--gold")};
  for (size_t i = 1; i < args.positional.size(); ++i) gold.push_back(args.positional[i]);
  Result<size_t> errors =
      args.Has("--errors") ? CountFlag(args, "--errors", 20, 100000) : Result<size_t>(size_t{0});
  if (!errors.ok()) return UsageError("eval", errors.status());
  Result<NerScore> s = ScoreNerFiles(**tagger, gold, *errors);
  if (!s.ok()) return Fatal("eval", s.status());
  for (const std::string& e : s->errors) std::printf("  %s\n", e.c_str());
  std::printf("ner %s: %lld sentences, %lld tokens; entity-level exact match (PER, ORG, LOC)\n",
              lang.c_str(), static_cast<long long>(s->sentences),
              static_cast<long long>(s->tokens));
  PrintScore(*s);
  std::printf("  tagging %.1f MB/s of token text (one thread, features and decoding)\n",
              s->seconds > 0 ? s->bytes / s->seconds / 1e6 : 0.0);
  std::printf("  memory: weights and KB name table %.1f MB\n", (*tagger)->MemoryBytes() / 1e6);
  return kExitOk;
}

}  // namespace sitrep
