// @brief Stories in the CLI: clustering a store's documents (after ingest, and
// `sitrep stories rebuild`), `sitrep query stories`, `sitrep eval stories`.
#include "cli/cmd_stories.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "base/data_file.h"
#include "base/file_io.h"
#include "base/json.h"
#include "cli/command.h"
#include "eval/story_eval.h"
#include "pipeline/parallel.h"
#include "store/store.h"
#include "story/story_clusterer.h"
#include "story/story_summary.h"

namespace sitrep {

Result<StoryRun> ClusterStore(Store* store, bool rebuild) {
  StoryRun run;
  Result<StoryState> state = rebuild ? Result<StoryState>(StoryState()) : store->LoadStoryState();
  if (!state.ok()) return state.status();
  Result<std::vector<Document>> docs =
      rebuild ? store->AllDocuments() : store->DocumentsWithoutStory();
  if (!docs.ok()) return docs.status();
  std::vector<StoryFeatures> features;
  std::vector<int64_t> days;
  std::vector<std::string> ids;
  for (const Document& d : *docs) {
    features.push_back(DocumentStoryFeatures(d));
    days.push_back(features.back().day);
    ids.push_back(d.id);
  }
  StoryClusterer clusterer(StoryOptions(), std::move(state).value());
  const size_t before = clusterer.state().stories.size();
  std::vector<Store::StoryOfDocument> assigned;
  for (size_t i : StoryOrder(days, ids)) {
    assigned.push_back({ids[i], clusterer.Add(ids[i], features[i])});
  }
  run.documents = assigned.size();
  run.new_stories = clusterer.state().stories.size() - before;
  run.stories = clusterer.state().stories.size();
  if (assigned.empty() && !rebuild) return run;
  SITREP_RETURN_IF_ERROR(store->SaveStories(clusterer, assigned, rebuild));
  return run;
}

int CmdStories(int argc, char** argv) {
  std::vector<FlagSpec> flags = {kHelp, kDb, kQuiet};
  Result<ParsedArgs> args = ParseArgs(argc, argv, 2, flags);
  if (!args.ok()) return UsageError("stories", args.status());
  if (args->Has("--help") || args->positional.empty()) {
    PrintUsage("stories", "rebuild --db FILE",
               "rebuild: clusters every stored document into stories again, from nothing, in\n"
               "publication order (docs/STORIES.md). Deterministic: the same store gives the\n"
               "same stories. `ingest` assigns new documents to the stories already there.",
               flags);
    return args->Has("--help") ? kExitOk : kExitUsage;
  }
  if (args->positional[0] != "rebuild" || args->positional.size() > 1) {
    return UsageError("stories", Status::InvalidArgument("unknown stories command \"" +
                                                         args->positional.back() + "\" (rebuild)"));
  }
  if (!args->Has("--db"))
    return UsageError("stories", Status::InvalidArgument("--db FILE is required"));
  // Opened for writing: an existing store only (Open would create a missing one).
  {
    auto probe = Store::Open(args->Get("--db"), StoreMode::kRead);
    if (!probe.ok() && probe.status().code() != Code::kInvalidArgument)
      return Fatal("stories", probe.status());
  }
  auto store = Store::Open(args->Get("--db"));
  if (!store.ok()) return Fatal("stories", store.status());
  Result<StoryRun> run = ClusterStore(store->get(), /*rebuild=*/true);
  if (!run.ok()) return Fatal("stories", run.status());
  if (!args->Has("--quiet")) {
    std::fprintf(stderr, "stories: %zu documents in %zu stories\n", run->documents, run->stories);
  }
  return kExitOk;
}

int QueryStories(const std::vector<Document>& docs, bool json) {
  std::vector<StorySummary> stories = SummarizeStories(docs);
  std::map<std::string, const Document*> by_id;
  for (const Document& d : docs) by_id.emplace(d.id, &d);
  for (const StorySummary& s : stories) {
    if (json) {  // the object of report.json's `stories`, one per line
      std::string out;
      JsonWriter w(&out);
      AppendStoryJson(s, &w);
      Outf("%s\n", out.c_str());
      continue;
    }
    std::string period = s.first_day.empty() ? "(no date)" : s.first_day + " .. " + s.last_day;
    std::string langs;
    for (const std::string& l : s.languages) langs += (langs.empty() ? "" : " ") + l;
    Outf("%s  %zu documents, %zu sources, %s  [%s]\n    %s\n", s.id.c_str(), s.documents.size(),
         s.sources.size(), period.c_str(), langs.c_str(), s.label.c_str());
    for (const std::string& id : s.documents) {
      const Document& d = *by_id.at(id);
      Outf("    %s %s  %s\n", d.published ? d.published->value.substr(0, 10).c_str() : "          ",
           d.lang.c_str(), d.title.c_str());
    }
    Outf("\n");
  }
  if (stories.empty() && !json) std::fprintf(stderr, "query: no stories\n");
  return kExitOk;
}

namespace {

// The key of a document in the gold file: the file name, or the URL of a JSONL line.
std::string GoldKey(const Document& d) {
  if (d.source.find("://") != std::string::npos) return d.source;
  std::string name = std::filesystem::path(d.source).filename().string();
  if (size_t hash = name.find('#'); hash != std::string::npos) name.resize(hash);
  return name;
}

}  // namespace

int EvalStories(const ParsedArgs& args, const Options& options) {
  const std::string shared = SITREP_SHARED_DEFAULT;
  const std::string seeds = args.Get("--seeds", shared + "/corpus/seeds");
  const std::string pages = args.Get("--dir", shared + "/eval/trafilatura-eval") + "/html";
  const std::string examples = std::string(SITREP_SOURCE_DEFAULT) + "/examples/corpus";
  const std::string gold_path =
      args.Get("--gold", std::string(SITREP_SOURCE_DEFAULT) + "/tests/stories/gold.tsv");
  auto gold = ReadStoryGold(gold_path);
  if (!gold.ok()) return Fatal("eval", gold.status());
  // The seeds are plain text without a date: each gets the reference date of
  // the seed gold (as `eval figures` does).
  std::map<std::string, std::string> seed_dates;
  if (auto text = ReadFileLimited(shared + "/eval/seed-gold/temporal.json", 64u << 20); text.ok()) {
    if (auto json = ParseJson(*text); json.ok()) {
      for (const auto& [file, v] : (*json)["reference_dates"].members())
        seed_dates[file] = v.GetString("reference_date");
    }
  }
  struct Run {
    std::string set;
    std::vector<std::string> paths;
    std::string date;
  };
  std::vector<Run> runs;
  std::error_code ec;
  std::vector<std::string> seed_files;
  for (const auto& e : std::filesystem::directory_iterator(seeds, ec)) {
    if (e.is_regular_file()) seed_files.push_back(e.path().string());
  }
  if (ec || seed_files.empty())
    return Fatal("eval", Status::NotFound(seeds + ": no seed articles"));
  std::sort(seed_files.begin(), seed_files.end());
  for (const std::string& f : seed_files) {
    runs.push_back({"seeds", {f}, seed_dates[std::filesystem::path(f).filename().string()]});
  }
  runs.push_back({"examples", {examples}, ""});
  runs.push_back({"trafilatura", {pages}, ""});
  std::vector<Document> docs;
  std::vector<std::string> sets;
  size_t failed = 0;
  std::string warning;
  for (const Run& r : runs) {
    Options o = options;
    o.date_override = r.date;
    Result<ReadStats> st = ProcessInputs(
        r.paths, o, r.paths.size() == 1 && r.set == "seeds" ? 1 : DefaultJobs(),
        [&](Document&& d) {
          if (d.failed()) {
            ++failed;
            return;
          }
          docs.push_back(std::move(d));
          sets.push_back(r.set);
        },
        &warning);
    if (!st.ok()) return Fatal("eval", st.status());
  }
  if (!warning.empty()) std::fprintf(stderr, "eval: %s\n", warning.c_str());
  std::vector<StoryFeatures> features;
  std::vector<int64_t> days;
  std::vector<std::string> ids;
  for (const Document& d : docs) {
    features.push_back(DocumentStoryFeatures(d));
    days.push_back(features.back().day);
    ids.push_back(d.id);
  }
  StoryClusterer clusterer;
  std::vector<StoryEvalItem> items(docs.size());
  for (size_t i : StoryOrder(days, ids)) {
    StoryEvalItem& it = items[i];
    const std::string key = GoldKey(docs[i]);
    it.name = sets[i] + "/" + key;
    it.set = sets[i];
    it.predicted = clusterer.Add(ids[i], features[i]).story;
    auto g = gold->find(key);
    if (g != gold->end()) {
      it.gold = g->second.story;
      it.may_stay_apart = g->second.may_stay_apart;
    } else if (sets[i] == "trafilatura") {
      it.gold = "page:" + key;  // each page its own story unless the gold groups it
    } else {
      return Fatal("eval", Status::NotFound(gold_path + ": no gold story for " + it.name));
    }
  }
  StoryEvalScores s = ScoreStoryClusters(items, "kazakhstan", "examples");
  if (args.Has("--verbose")) {
    std::map<std::string, std::vector<const StoryEvalItem*>> by_story;
    for (const StoryEvalItem& it : items) by_story[it.predicted].push_back(&it);
    for (const auto& [story, members] : by_story) {
      if (members.size() < 2) continue;
      std::printf("%s\n", story.c_str());
      for (const StoryEvalItem* it : members)
        std::printf("    %-28s %s\n", it->gold.substr(0, 28).c_str(), it->name.c_str());
    }
  }
  std::printf("documents %zu (failed %zu: not scored), gold stories %zu, predicted stories %zu\n",
              s.items, failed, s.gold_stories, s.predicted_stories);
  std::printf("B-cubed: P %.4f R %.4f F1 %.4f  (target >= 0.90)\n", s.bcubed.precision,
              s.bcubed.recall, s.bcubed.f1);
  std::printf("kazakhstan story %s: %zu/%zu gold documents\n", s.main_predicted.c_str(),
              s.main_found, s.main_gold);
  for (const std::string& m : s.main_missing) std::printf("    not in it: %s\n", m.c_str());
  std::printf("documents of other stories in it: %zu (trafilatura pages: %zu)\n",
              s.intruders.size(), s.intruders_by_set["trafilatura"]);
  for (const std::string& m : s.intruders) std::printf("    intruder: %s\n", m.c_str());
  std::printf("linked seeds in an unrelated story: %zu\n", s.linked_wrong.size());
  for (const std::string& m : s.linked_wrong) std::printf("    %s\n", m.c_str());
  std::printf("other example stories kept whole and apart: %zu/%zu\n", s.other_stories_whole,
              s.other_stories);
  for (const std::string& m : s.other_split) std::printf("    split: %s\n", m.c_str());
  return kExitOk;
}

}  // namespace sitrep
