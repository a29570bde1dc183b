// @brief sitrep extract and sitrep ingest: inputs through the pipeline, to JSONL or the store.
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>

#include "base/json.h"
#include "clean/cleaner.h"
#include "cli/cmd_stories.h"
#include "cli/command.h"
#include "dedup/duplicate_index.h"
#include "dedup/minhash.h"
#include "pipeline/parallel.h"
#include "store/store.h"
#include "story/story_clusterer.h"

namespace sitrep {

const FlagSpec kExplainTime{"--explain-time", false,
                            "each entry of `times` gets a `rule` field: the time scan rules that "
                            "produced it, outermost first (docs/FORMAT.md)"};
const FlagSpec kNerTagger{"--ner-tagger", false,
                          "add the NER tagger's names (data/ner/<lang>.model) where the knowledge "
                          "base and patterns found none (entity source \"tagger\"; docs/NER.md)"};

int CmdExtract(int argc, char** argv) {
  std::vector<FlagSpec> flags = {kHelp,       kDataDir, kDate,  kMaxBytes,   kFollowSymlinks,
                                 kMaxSeconds, kJobs,    kQuiet, kExplainTime, kNerTagger};
  Result<ParsedArgs> args = ParseArgs(argc, argv, 2, flags);
  if (!args.ok()) return UsageError("extract", args.status());
  if (args->Has("--help")) {
    PrintUsage(
        "extract", "[flags] PATH...",
        "Reads articles (.txt, .html/.htm, .jsonl, .gz of these, directories; '-' is JSONL on\n"
        "stdin) and writes one JSON object per document on stdout (docs/FORMAT.md, sitrep/1).\n"
        "Failed documents are written too, with their errors. Nothing is stored.",
        flags);
    return kExitOk;
  }
  if (Status st = CheckInputPaths(args->positional); !st.ok()) return UsageError("extract", st);
  Options options;
  if (Status st = CommonOptions(*args, &options); !st.ok()) return UsageError("extract", st);
  options.explain_time = args->Has("--explain-time");
  options.ner_tagger_mentions = args->Has("--ner-tagger");
  auto cleaner = MakeCleaner(options);
  if (!cleaner.ok()) return Fatal("extract", cleaner.status());
  int jobs = JobsFlag(*args);
  if (jobs == 0) return UsageError("extract", CountFlag(*args, "--jobs", 1, 256).status());
  Progress progress(args->Has("--quiet"));
  std::string line;
  std::string warning;
  std::atomic<bool> output_lost{false};
  // Stories: extract streams, so documents are clustered in the order they
  // are written (ingest and `stories rebuild` cluster in publication order).
  StoryClusterer stories;
  Result<ReadStats> stats = ProcessInputs(
      args->positional, options, jobs,
      [&](Document&& doc) {
        if (!doc.failed()) doc.story = stories.Add(doc.id, DocumentStoryFeatures(doc)).story;
        progress.Add(doc);
        line = DocumentToJson(doc);
        line += '\n';
        // Each line is flushed whole: a reader sees whole documents, and a
        // kill leaves no half line.
        if (OutRecord(line)) {
          progress.Commit();
        } else {
          progress.Lose();
          output_lost = true;  // stop reading: nothing more can be written
        }
      },
      &warning, &output_lost);
  if (!stats.ok()) return Fatal("extract", stats.status());
  if (!warning.empty() && !args->Has("--quiet"))
    std::fprintf(stderr, "warning: %s\n", warning.c_str());
  PrintSkipped(stats->skipped_reasons);
  progress.Skip(stats->skipped);
  progress.Finish("extract");
  if (Status st = OutputStatus(); !st.ok()) return Fatal("extract", st);
  return progress.failed() ? kExitPartial : kExitOk;
}

// On Ctrl-C or kill during ingest: say what is kept, then die of the signal.
// Each batch is one transaction, so the store holds whole batches only.
extern "C" void OnIngestSignal(int sig) {
  static const char kMsg[] =
      "\nsitrep ingest: interrupted; committed batches are kept, run the same command again to "
      "complete\n";
  ssize_t ignored = write(2, kMsg, sizeof kMsg - 1);
  (void)ignored;
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

namespace {

// Near-duplicates across ingests: puts the stored documents into `index` in
// ingest order. Those stored without a signature (before schema version 4)
// or with one of another scheme get it now from their stored text, with
// their links to the documents stored before them, written back in batches.
// Returns how many were linked again.
Result<size_t> SeedDuplicates(Store* store, DuplicateIndex* index) {
  Result<std::vector<StoredSignature>> stored = store->Signatures(kSignatureScheme);
  if (!stored.ok()) return stored.status();
  std::vector<Document> updates;
  size_t relinked = 0;
  for (StoredSignature& s : *stored) {
    if (s.signature.scheme == kSignatureScheme) {
      index->Insert(s.id, s.signature, s.duplicate_of);
      continue;
    }
    Document d;
    d.id = std::move(s.id);
    d.signature = MakeSignatureOfText(s.text);
    LinkDocument(index, &d);
    updates.push_back(std::move(d));
    ++relinked;
    if (updates.size() >= 500) {
      SITREP_RETURN_IF_ERROR(store->UpdateLinks(updates));
      updates.clear();
    }
  }
  if (!updates.empty()) SITREP_RETURN_IF_ERROR(store->UpdateLinks(updates));
  return relinked;
}

}  // namespace

int CmdIngest(int argc, char** argv) {
  std::vector<FlagSpec> flags = {kHelp, kDb, kDataDir, kDate, kMaxBytes, kFollowSymlinks, kMaxSeconds, kJobs, kQuiet,
                                 {"--batch", true, "documents per transaction (default 200)", "N"}};
  Result<ParsedArgs> args = ParseArgs(argc, argv, 2, flags);
  if (!args.ok()) return UsageError("ingest", args.status());
  if (args->Has("--help")) {
    PrintUsage("ingest", "--db FILE [flags] PATH...",
               "Cleans articles and stores them in a SQLite file. Idempotent: a document already\n"
               "stored (same clean text) is skipped. Each batch is one transaction, so an\n"
               "interrupted ingest leaves a consistent store and a re-run completes it.",
               flags);
    return kExitOk;
  }
  if (!args->Has("--db"))
    return UsageError("ingest", Status::InvalidArgument("--db FILE is required"));
  if (Status st = CheckInputPaths(args->positional); !st.ok()) return UsageError("ingest", st);
  Options options;
  if (Status st = CommonOptions(*args, &options); !st.ok()) return UsageError("ingest", st);
  Result<size_t> batch_size = CountFlag(*args, "--batch", 200, 1000000);
  if (!batch_size.ok()) return UsageError("ingest", batch_size.status());
  int jobs = JobsFlag(*args);
  if (jobs == 0) return UsageError("ingest", CountFlag(*args, "--jobs", 1, 256).status());
  auto cleaner = MakeCleaner(options);
  if (!cleaner.ok()) return Fatal("ingest", cleaner.status());
  std::error_code ec;
  if (auto parent = std::filesystem::path(args->Get("--db")).parent_path();
      !parent.empty() && !std::filesystem::is_directory(parent, ec)) {
    return Fatal("ingest", Status::NotFound(args->Get("--db") + ": directory " + parent.string() +
                                            " does not exist"));
  }
  auto store = Store::Open(args->Get("--db"));
  if (!store.ok()) return Fatal("ingest", store.status());
  if (!args->Has("--quiet")) {
    std::signal(SIGINT, OnIngestSignal);
    std::signal(SIGTERM, OnIngestSignal);
  }
  DuplicateIndex duplicates;
  Result<size_t> relinked = SeedDuplicates(store->get(), &duplicates);
  if (!relinked.ok()) return Fatal("ingest", relinked.status());
  if (*relinked > 0 && !args->Has("--quiet")) {
    std::fprintf(stderr, "ingest: near-duplicate signatures made for %zu stored document%s\n",
                 *relinked, *relinked == 1 ? "" : "s");
  }
  Progress progress(args->Has("--quiet"));
  std::vector<Document> batch;
  Status write_error;
  std::atomic<bool> store_lost{false};
  // Documents count as ok or failed once their batch is committed; a batch
  // rolled back (locked store, full disk) is counted as not written, and
  // reading stops.
  auto flush = [&] {
    if (batch.empty()) return;
    Result<BatchResult> r =
        write_error.ok() ? (*store)->AddBatch(batch) : Result<BatchResult>(write_error);
    if (r.ok()) {
      progress.Duplicates(r->duplicates, r->reannotated);
      progress.Commit();
    } else {
      write_error = r.status();
      progress.Lose();
      store_lost = true;
    }
    batch.clear();
  };
  std::string warning;
  Result<ReadStats> stats = ProcessInputs(
      args->positional, options, jobs,
      [&](Document&& doc) {
        progress.Add(doc);
        batch.push_back(std::move(doc));
        if (batch.size() >= *batch_size || !write_error.ok()) flush();
      },
      &warning, &store_lost, &duplicates);
  if (!stats.ok()) return Fatal("ingest", stats.status());
  if (!warning.empty() && !args->Has("--quiet"))
    std::fprintf(stderr, "warning: %s\n", warning.c_str());
  flush();
  PrintSkipped(stats->skipped_reasons);
  progress.Skip(stats->skipped);
  progress.Finish("ingest");
  if (!write_error.ok()) return Fatal("ingest", write_error);
  // Stories: the documents stored without one (this run's, or a migrated
  // store's) join the stories already there, in publication order.
  Result<StoryRun> stories = ClusterStore(store->get(), /*rebuild=*/false);
  if (!stories.ok()) return Fatal("ingest", stories.status());
  if (!args->Has("--quiet") && stories->documents > 0) {
    std::fprintf(stderr, "ingest: %zu documents assigned to stories, %zu new; %zu stories\n",
                 stories->documents, stories->new_stories, stories->stories);
  }
  return progress.failed() ? kExitPartial : kExitOk;
}

}  // namespace sitrep
