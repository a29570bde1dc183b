// @brief Scoring story clusters (docs/EVAL.md, "Stories"): B-cubed precision,
// recall and F1 of predicted stories against gold stories, and the checks of
// issue 13 on the main story (the Kazakhstan one in `sitrep eval stories`).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/status.h"

namespace sitrep {

struct BCubedScores {
  double precision = 0, recall = 0, f1 = 0;
};

// B-cubed over items: for each item, the share of its predicted cluster that
// shares its gold cluster (precision) and the share of its gold cluster that
// shares its predicted cluster (recall), averaged over items. `gold` and
// `predicted` are labels per item, same size. No items: all zero.
BCubedScores ScoreBCubed(const std::vector<std::string>& gold,
                         const std::vector<std::string>& predicted);

struct StoryEvalItem {
  std::string name;       // for messages: "examples/x.html", "trafilatura/y.html.gz"
  std::string set;        // where it comes from: "seeds", "examples", "trafilatura", ...
  std::string gold;       // its gold story
  std::string predicted;  // the story the clusterer gave it
  // The item may stay out of the main story (it links to it without being
  // about it: seeds 001 and 002, the Ukraine angle), but must then not join
  // a story holding an item of another gold story.
  bool may_stay_apart = false;
};

struct StoryEvalScores {
  size_t items = 0, gold_stories = 0, predicted_stories = 0;
  BCubedScores bcubed;
  std::string main_predicted;  // the predicted story holding most items of the main gold story
  size_t main_gold = 0;        // items of the main gold story
  size_t main_found = 0;       // of them, in main_predicted
  std::vector<std::string> main_missing;  // main gold items elsewhere (not may_stay_apart)
  std::vector<std::string> intruders;     // items of other gold stories in main_predicted
  std::map<std::string, size_t> intruders_by_set;
  std::vector<std::string> linked_wrong;  // may_stay_apart items in another gold story's cluster
  // Gold stories other than the main one with two items or more (of the set
  // `whole_set` when one is given): how many landed whole in one predicted
  // story of their own.
  size_t other_stories = 0, other_stories_whole = 0;
  std::vector<std::string> other_split;  // those that did not, with where their items went
};

StoryEvalScores ScoreStoryClusters(const std::vector<StoryEvalItem>& items,
                                   const std::string& main_gold, const std::string& whole_set = "");

struct StoryGoldEntry {
  std::string story;
  bool may_stay_apart = false;  // third field "linked"
};

// A gold file (tests/stories/gold.tsv, docs/EVAL.md "Stories"): lines
// "key<TAB>story" or "key<TAB>story<TAB>linked" (docs/formats/tsv.md); the key
// is a file name, or the URL a JSONL line gives.
Result<std::map<std::string, StoryGoldEntry>> ReadStoryGold(const std::string& path);

}  // namespace sitrep
