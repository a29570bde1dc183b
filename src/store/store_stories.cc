// @brief Store: the stories tables (schema version 5): the clusterer's state
// saved and loaded, each document's story (docs/formats/store.md, "Stories").
#include <sqlite3.h>

#include "base/civil_date.h"
#include "store/sqlite_util.h"
#include "store/store.h"

namespace sitrep {
namespace {

std::string DayText(int64_t day) { return day == kNoStoryDay ? "" : CivilDayString(day); }

template <typename F>
Status ForEachRow(Statement& q, F row) {
  for (;;) {
    Result<bool> more = q.Step();
    if (!more.ok()) return more.status();
    if (!*more) return Status::Ok();
    SITREP_RETURN_IF_ERROR(row(q));
  }
}

}  // namespace

Result<StoryState> Store::LoadStoryState() {
  StoryState state;
  Result<Statement> stories = Statement::Prepare(
      db_, "SELECT id, seq, first_day, last_day, documents FROM stories ORDER BY seq");
  Result<Statement> centroids =
      Statement::Prepare(db_, "SELECT story, feature, weight FROM story_centroids");
  Result<Statement> df = Statement::Prepare(db_, "SELECT feature, df FROM story_df");
  Result<Statement> n =
      Statement::Prepare(db_, "SELECT value FROM meta WHERE key = 'story_documents'");
  for (Result<Statement>* q : {&stories, &centroids, &df, &n}) {
    if (!q->ok()) return q->status().WithContext(path_);
  }
  SITREP_RETURN_IF_ERROR(Exec(db_, "BEGIN").WithContext(path_));
  std::map<std::string, size_t> index;
  Status st = ForEachRow(*stories, [&](Statement& q) -> Status {
    StoryCentroid s;
    s.id = q.Text(0);
    s.seq = q.Int(1);
    if (!q.IsNull(2)) s.first_day = StoryDayOfIso(q.Text(2));
    if (!q.IsNull(3)) s.last_day = StoryDayOfIso(q.Text(3));
    s.documents = q.Int(4);
    if (s.seq != static_cast<int64_t>(state.stories.size()) + 1)
      return Status(Code::kCorruption, "stories: seq " + std::to_string(s.seq) + " out of order");
    index[s.id] = state.stories.size();
    state.stories.push_back(std::move(s));
    return Status::Ok();
  });
  if (st.ok()) {
    st = ForEachRow(*centroids, [&](Statement& q) -> Status {
      auto it = index.find(q.Text(0));
      if (it == index.end()) return Status(Code::kCorruption, "story_centroids: unknown story");
      state.stories[it->second].weights[q.Text(1)] = q.Double(2);
      return Status::Ok();
    });
  }
  if (st.ok()) {
    st = ForEachRow(*df, [&](Statement& q) -> Status {
      state.df[q.Text(0)] = q.Int(1);
      return Status::Ok();
    });
  }
  if (st.ok()) {
    st = ForEachRow(*n, [&](Statement& q) -> Status {
      state.documents = std::atoll(q.Text(0).c_str());
      return Status::Ok();
    });
  }
  (void)Exec(db_, "COMMIT");  // read-only: nothing to lose if it fails
  if (!st.ok()) return st.WithContext(path_);
  return state;
}

Status Store::SaveStories(const StoryClusterer& clusterer, const std::vector<StoryOfDocument>& docs,
                          bool replace) {
  if (mode_ != StoreMode::kWrite)
    return Status::Internal(path_ + ": store opened for reading only");
  SITREP_RETURN_IF_ERROR(Exec(db_, "BEGIN IMMEDIATE").WithContext(path_ + ": stories not written"));
  const StoryState& state = clusterer.state();
  auto write = [&]() -> Status {
    if (replace) {
      SITREP_RETURN_IF_ERROR(Exec(db_,
                                  "DELETE FROM document_stories; DELETE FROM story_centroids; "
                                  "DELETE FROM stories; DELETE FROM story_df;"));
    }
    Result<Statement> story = Statement::Prepare(
        db_,
        "INSERT INTO stories (id, seq, first_day, last_day, documents) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT (id) DO UPDATE SET first_day = ?3, last_day = ?4, documents = ?5");
    Result<Statement> centroid = Statement::Prepare(
        db_,
        "INSERT INTO story_centroids (story, feature, weight) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (story, feature) DO UPDATE SET weight = ?3");
    Result<Statement> df = Statement::Prepare(db_,
                                              "INSERT INTO story_df (feature, df) VALUES (?1, ?2) "
                                              "ON CONFLICT (feature) DO UPDATE SET df = ?2");
    Result<Statement> doc = Statement::Prepare(
        db_,
        "INSERT INTO document_stories (doc_id, story, similarity) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (doc_id) DO UPDATE SET story = ?2, similarity = ?3");
    Result<Statement> count = Statement::Prepare(
        db_, "INSERT OR REPLACE INTO meta (key, value) VALUES ('story_documents', ?1)");
    for (Result<Statement>* q : {&story, &centroid, &df, &doc, &count}) {
      if (!q->ok()) return q->status();
    }
    auto write_story = [&](const StoryCentroid& s) -> Status {
      const std::string first = DayText(s.first_day), last = DayText(s.last_day);
      story->Bind(1, s.id).Bind(2, s.seq);
      if (first.empty()) {
        story->BindNull(3).BindNull(4);
      } else {
        story->Bind(3, first).Bind(4, last);
      }
      SITREP_RETURN_IF_ERROR(story->Bind(5, s.documents).Run());
      for (const auto& [key, w] : s.weights)
        SITREP_RETURN_IF_ERROR(centroid->Bind(1, s.id).Bind(2, key).BindDouble(3, w).Run());
      return Status::Ok();
    };
    if (replace) {
      for (const StoryCentroid& s : state.stories) SITREP_RETURN_IF_ERROR(write_story(s));
      for (const auto& [key, n] : state.df)
        SITREP_RETURN_IF_ERROR(df->Bind(1, key).Bind(2, n).Run());
    } else {
      for (size_t i : clusterer.changed_stories())
        SITREP_RETURN_IF_ERROR(write_story(state.stories[i]));
      for (const std::string& key : clusterer.changed_df())
        SITREP_RETURN_IF_ERROR(df->Bind(1, key).Bind(2, state.df.at(key)).Run());
    }
    for (const StoryOfDocument& d : docs) {
      SITREP_RETURN_IF_ERROR(doc->Bind(1, d.doc_id)
                                 .Bind(2, d.assignment.story)
                                 .BindDouble(3, d.assignment.similarity)
                                 .Run());
    }
    const std::string n = std::to_string(state.documents);
    return count->Bind(1, n).Run();
  };
  Status st = write();
  if (st.ok()) st = Exec(db_, "COMMIT");
  if (!st.ok()) {
    if (!sqlite3_get_autocommit(db_)) (void)Exec(db_, "ROLLBACK");
    return st.WithContext(path_ + ": stories rolled back");
  }
  return Status::Ok();
}

}  // namespace sitrep
