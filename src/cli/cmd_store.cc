// @brief sitrep report and sitrep search: reading the store.
#include <cstdio>
#include <filesystem>

#include "base/data_file.h"
#include "figures/figures.h"
#include "base/file_io.h"
#include "base/json.h"
#include "cli/command.h"
#include "kb/world_map.h"
#include "report/report.h"
#include "store/store.h"

namespace sitrep {

int CmdReport(int argc, char** argv) {
  std::vector<FlagSpec> flags = {
      kHelp, kDb, kDataDir, {"--out", true, "output directory (created if missing)", "DIR"}, kQuiet};
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
    return UsageError(
        "report", Status::InvalidArgument("unexpected argument \"" + args->positional[0] + "\""));
  }
  auto store = Store::Open(args->Get("--db"), StoreMode::kRead);
  if (!store.ok()) return Fatal("report", store.status());
  ReportInput input;
  auto docs = (*store)->AllDocuments();
  if (!docs.ok()) return Fatal("report", docs.status());
  input.documents = std::move(docs).value();
  auto failures = (*store)->Failures();
  if (!failures.ok()) return Fatal("report", failures.status());
  for (auto& f : *failures) input.failures.push_back({f.source, f.code, f.message});
  input.generated_by = "sitrep " SITREP_VERSION;
  Options options;
  options.data_dir = args->Get("--data-dir");
  Result<FigureRules> rules = FigureRules::Load(DataDir(options));
  if (!rules.ok()) return Fatal("report", rules.status());
  input.figures = BuildFigures(input.documents, *rules);
  if (Result<std::string> paths = ReadFileLimited(WorldMapPath(KbPath(Options())), 16u << 20);
      paths.ok()) {
    input.world_paths = std::move(paths).value();
  }
  Status st = WriteReport(input, args->Get("--out"));
  if (!st.ok()) return Fatal("report", st);
  if (!args->Has("--quiet")) {
    std::filesystem::path out = args->Get("--out");
    std::fprintf(stderr, "report: %zu documents, %zu failed input%s -> %s, %s\n",
                 input.documents.size(), input.failures.size(),
                 input.failures.size() == 1 ? "" : "s", (out / "report.html").c_str(),
                 (out / "report.json").c_str());
  }
  return kExitOk;
}

int CmdSearch(int argc, char** argv) {
  std::vector<FlagSpec> flags = {kHelp,
                                 kDb,
                                 {"--limit", true, "most results to show (default 20)", "N"},
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
  if (!args->Has("--db"))
    return UsageError("search", Status::InvalidArgument("--db FILE is required"));
  if (args->positional.empty())
    return UsageError("search", Status::InvalidArgument("no QUERY given"));
  std::string query;
  for (const auto& p : args->positional) query += (query.empty() ? "" : " ") + p;
  Result<size_t> limit = CountFlag(*args, "--limit", 20, 100000);
  if (!limit.ok()) return UsageError("search", limit.status());
  auto store = Store::Open(args->Get("--db"), StoreMode::kRead);
  if (!store.ok()) return Fatal("search", store.status());
  auto hits = (*store)->Search(query, *limit);
  if (!hits.ok()) {
    if (hits.status().code() != Code::kInvalidArgument) return Fatal("search", hits.status());
    return UsageError(
        "search", Status::InvalidArgument(hits.status().message() +
                                          " (to search for the words literally, put them in double "
                                          "quotes: '\"2,500 troops\"')"));
  }
  for (const SearchHit& h : *hits) {
    if (args->Has("--json")) {
      std::string out;
      JsonWriter w(&out);
      w.BeginObject()
          .Field("id", h.doc_id)
          .Field("source", h.source)
          .Field("title", h.title)
          .Field("snippet", h.snippet)
          .Field("rank", h.rank)
          .EndObject();
      Outf("%s\n", out.c_str());
    } else {
      std::string snippet = h.snippet;
      for (char& ch : snippet) {
        if (ch == '\n') ch = ' ';  // one line per snippet in the human format
      }
      Outf("%s  %s\n  %s\n  %s\n\n", h.doc_id.c_str(), h.title.c_str(), h.source.c_str(),
           snippet.c_str());
    }
  }
  if (hits->empty() && !args->Has("--json"))
    std::fprintf(stderr, "search: no match for %s\n", query.c_str());
  return kExitOk;
}

int CmdCheck(int argc, char** argv) {
  std::vector<FlagSpec> flags = {
      kHelp,
      kDb,
      {"--full", false, "PRAGMA integrity_check (also indexes against their tables; slower)"}};
  Result<ParsedArgs> args = ParseArgs(argc, argv, 2, flags);
  if (!args.ok()) return UsageError("check", args.status());
  if (args->Has("--help")) {
    PrintUsage("check", "--db FILE [--full]",
               "Checks a store without changing it: that it is a sitrep store of this schema\n"
               "version, and that SQLite finds no damage (PRAGMA quick_check). Prints what it\n"
               "holds, or what is wrong; exit 0 when the store is sound, 3 otherwise.",
               flags);
    return kExitOk;
  }
  if (!args->Has("--db"))
    return UsageError("check", Status::InvalidArgument("--db FILE is required"));
  if (!args->positional.empty()) {
    return UsageError(
        "check", Status::InvalidArgument("unexpected argument \"" + args->positional[0] + "\""));
  }
  const std::string db = args->Get("--db");
  auto store = Store::Open(db, StoreMode::kRead);
  if (!store.ok()) return Fatal("check", store.status());
  Result<StoreCheck> check = (*store)->Check(args->Has("--full"));
  if (!check.ok()) return Fatal("check", check.status());
  if (!check->problems.empty()) {
    std::fprintf(stderr, "sitrep check: %s: the store is damaged (%s):\n", db.c_str(),
                 args->Has("--full") ? "integrity_check" : "quick_check");
    for (const std::string& p : check->problems) std::fprintf(stderr, "  %s\n", p.c_str());
    return kExitFatal;
  }
  const StoreStats& s = check->stats;
  Outf("%s: ok: sitrep store, schema version %d, %zu documents, %zu sentences, %zu failed inputs\n",
       db.c_str(), s.schema_version, s.documents, s.sentences, s.failures);
  return kExitOk;
}

}  // namespace sitrep
