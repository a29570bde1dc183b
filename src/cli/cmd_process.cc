// @brief sitrep extract and sitrep ingest: inputs through the pipeline, to JSONL or the store.
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>

#include "base/json.h"
#include "cli/command.h"
#include "clean/cleaner.h"
#include "pipeline/parallel.h"
#include "store/store.h"

namespace sitrep {

int CmdExtract(int argc, char** argv) {
  std::vector<FlagSpec> flags = {kHelp, kDataDir, kDate, kMaxBytes, kMaxSeconds, kJobs, kQuiet};
  Result<ParsedArgs> args = ParseArgs(argc, argv, 2, flags);
  if (!args.ok()) return UsageError("extract", args.status());
  if (args->Has("--help")) {
    PrintUsage("extract", "[flags] PATH...",
               "Reads articles (.txt, .html/.htm, .jsonl, .gz of these, directories; '-' is JSONL on\n"
               "stdin) and writes one JSON object per document on stdout (docs/FORMAT.md, sitrep/1).\n"
               "Failed documents are written too, with their errors. Nothing is stored.",
               flags);
    return kExitOk;
  }
  if (Status st = CheckInputPaths(args->positional); !st.ok()) return UsageError("extract", st);
  Options options;
  if (Status st = CommonOptions(*args, &options); !st.ok()) return UsageError("extract", st);
  auto cleaner = MakeCleaner(options);
  if (!cleaner.ok()) return Fatal("extract", cleaner.status());
  int jobs = JobsFlag(*args);
  if (jobs == 0) return UsageError("extract", CountFlag(*args, "--jobs", 1, 256).status());
  Progress progress(args->Has("--quiet"));
  std::string line;
  std::string warning;
  Result<ReadStats> stats = ProcessInputs(args->positional, options, jobs, [&](Document&& doc) {
    line = DocumentToJson(doc);
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
    progress.Add(doc);
  }, &warning);
  if (!stats.ok()) return Fatal("extract", stats.status());
  if (!warning.empty() && !args->Has("--quiet")) std::fprintf(stderr, "warning: %s\n", warning.c_str());
  std::fflush(stdout);
  progress.Skip(stats->skipped);
  progress.Finish("extract");
  return progress.failed() ? kExitPartial : kExitOk;
}

// On Ctrl-C or kill during ingest: say what is kept, then die of the signal.
// Each batch is one transaction, so the store holds whole batches only.
extern "C" void OnIngestSignal(int sig) {
  static const char kMsg[] =
      "\nsitrep ingest: interrupted; committed batches are kept, run the same command again to complete\n";
  ssize_t ignored = write(2, kMsg, sizeof kMsg - 1);
  (void)ignored;
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

int CmdIngest(int argc, char** argv) {
  std::vector<FlagSpec> flags = {kHelp, kDb, kDataDir, kDate, kMaxBytes, kMaxSeconds, kJobs, kQuiet,
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
  if (!args->Has("--db")) return UsageError("ingest", Status::InvalidArgument("--db FILE is required"));
  if (Status st = CheckInputPaths(args->positional); !st.ok()) return UsageError("ingest", st);
  Options options;
  if (Status st = CommonOptions(*args, &options); !st.ok()) return UsageError("ingest", st);
  Result<size_t> batch_size = CountFlag(*args, "--batch", 200, 1000000);
  if (!batch_size.ok()) return UsageError("ingest", batch_size.status());
  int jobs = JobsFlag(*args);
  if (jobs == 0) return UsageError("ingest", CountFlag(*args, "--jobs", 1, 256).status());
  auto cleaner = MakeCleaner(options);
  if (!cleaner.ok()) return Fatal("ingest", cleaner.status());
  if (auto parent = std::filesystem::path(args->Get("--db")).parent_path();
      !parent.empty() && !std::filesystem::is_directory(parent)) {
    return Fatal("ingest", Status::NotFound(args->Get("--db") + ": directory " + parent.string() + " does not exist"));
  }
  auto store = Store::Open(args->Get("--db"));
  if (!store.ok()) return Fatal("ingest", store.status());
  if (!args->Has("--quiet")) {
    std::signal(SIGINT, OnIngestSignal);
    std::signal(SIGTERM, OnIngestSignal);
  }
  Progress progress(args->Has("--quiet"));
  std::vector<Document> batch;
  Status write_error;
  auto flush = [&] {
    if (batch.empty() || !write_error.ok()) return;
    Result<BatchResult> r = (*store)->AddBatch(batch);
    if (!r.ok()) write_error = r.status();
    else progress.Duplicates(r->duplicates, r->reannotated);
    batch.clear();
  };
  std::string warning;
  Result<ReadStats> stats = ProcessInputs(args->positional, options, jobs, [&](Document&& doc) {
    if (!write_error.ok()) return;
    progress.Add(doc);
    batch.push_back(std::move(doc));
    if (batch.size() >= *batch_size) flush();
  }, &warning);
  if (!stats.ok()) return Fatal("ingest", stats.status());
  if (!warning.empty() && !args->Has("--quiet")) std::fprintf(stderr, "warning: %s\n", warning.c_str());
  flush();
  progress.Skip(stats->skipped);
  progress.Finish("ingest");
  if (!write_error.ok()) return Fatal("ingest", write_error);
  return progress.failed() ? kExitPartial : kExitOk;
}

}  // namespace sitrep
