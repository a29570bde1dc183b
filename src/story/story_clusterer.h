// @brief StoryClusterer: streaming story clustering. Documents arrive one at a
// time (in publication order: StoryOrder); each joins the most similar
// existing story when the similarity reaches StoryOptions::threshold, else it
// starts a new story. Stories keep a centroid (the sum of their documents'
// feature vectors) and a period, updated incrementally, so a later batch is
// assigned against the stories already there without recomputing them.
//
// Similarity of a document d and a story s (docs/STORIES.md):
//   sim = decay(d, s) * sum_g w_g cos_g(d, s) / sum_{g: d has group g} w_g
// over the feature groups g (story_features.h: who, where, what, measures)
// the document has, each cosine taken on the vectors weighted by the corpus
// IDF of every key (idf = ln((N + 1) / (df + 1)) + 1, N documents seen so
// far, this one included). The terms ("what") count only when the story has
// terms in a language of the document's: across languages, a document is
// compared on entities, places and measures. decay = 0.5^(gap / half_life) where gap is the number
// of days between the document's day and the story's period (0 inside it); an undated document or
// story gets `undated_decay`.
//
// Deterministic: the same documents in the same order give the same stories
// (ordered containers only; equal similarities go to the older story).
// Not thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "story/story_features.h"

namespace sitrep {

struct StoryOptions {
  // A document joins a story at this similarity or above.
  double threshold = 0.25;
  // Days over which the similarity to a story halves, outside its period.
  double half_life_days = 7;
  // The decay factor when the document or the story has no day.
  double undated_decay = 0.5;
  // A key held by more documents than this brings no candidate stories (it
  // still counts in the similarity): "said" or a country of every second
  // article would make each document a candidate of every story. Below it,
  // every story sharing a key with the document is compared.
  int64_t candidate_max_df = 1000;
  // Weights of the groups who, where, what, measures.
  double weights[kStoryGroups] = {0.35, 0.25, 0.30, 0.10};
};

struct StoryCentroid {
  std::string id;   // "s" + the id of the document that started it (unique in a state)
  int64_t seq = 0;  // creation order, from 1
  std::map<std::string, double> weights;  // sum of the documents' feature vectors
  int64_t first_day = kNoStoryDay, last_day = kNoStoryDay;
  int64_t documents = 0;
};

// Everything clustering needs to go on later (the store keeps it).
struct StoryState {
  std::vector<StoryCentroid> stories;  // by seq
  std::map<std::string, int64_t> df;   // documents per feature key
  int64_t documents = 0;               // documents clustered
};

struct StoryAssignment {
  std::string story;
  double similarity = 0;  // to the story joined; 0 when the document started it
  bool started = false;
};

class StoryClusterer {
 public:
  explicit StoryClusterer(StoryOptions options = {}, StoryState state = {});

  StoryAssignment Add(const std::string& doc_id, const StoryFeatures& features);

  const StoryState& state() const { return state_; }
  // What changed since construction (for incremental saving): indices into
  // state().stories, and df keys.
  const std::set<size_t>& changed_stories() const { return changed_stories_; }
  const std::set<std::string>& changed_df() const { return changed_df_; }

  // The similarity of `features` to story `index` as Add computes it (with
  // the IDF of the current state).
  double Similarity(const StoryFeatures& features, size_t index) const;

 private:
  double Idf(const std::string& key) const;
  double Decay(int64_t day, const StoryCentroid& s) const;

  StoryOptions options_;
  StoryState state_;
  std::map<std::string, std::vector<size_t>> index_;  // feature key -> stories holding it
  std::set<std::string> ids_;
  std::set<size_t> changed_stories_;
  std::set<std::string> changed_df_;
};

// Indices of `days` (one per document) with `ids` in clustering order: by
// day, undated last, equal days by document id.
std::vector<size_t> StoryOrder(const std::vector<int64_t>& days,
                               const std::vector<std::string>& ids);

}  // namespace sitrep
