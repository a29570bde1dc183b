// @brief sitrep report and sitrep search: reading the store.
#include <cstdio>
#include <filesystem>

#include "base/data_file.h"
#include "base/file_io.h"
#include "base/json.h"
#include "cli/command.h"
#include "kb/world_map.h"
#include "report/report.h"
#include "store/store.h"

namespace sitrep {

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

}  // namespace sitrep
