// @brief B-cubed and the story checks (story_eval.h).
#include "eval/story_eval.h"

#include <algorithm>
#include <set>

#include "base/data_file.h"

namespace sitrep {

BCubedScores ScoreBCubed(const std::vector<std::string>& gold,
                         const std::vector<std::string>& predicted) {
  BCubedScores s;
  const size_t n = std::min(gold.size(), predicted.size());
  if (n == 0) return s;
  std::map<std::string, size_t> gold_size, pred_size;
  std::map<std::pair<std::string, std::string>, size_t> both;
  for (size_t i = 0; i < n; ++i) {
    ++gold_size[gold[i]];
    ++pred_size[predicted[i]];
    ++both[{gold[i], predicted[i]}];
  }
  double p = 0, r = 0;
  for (size_t i = 0; i < n; ++i) {
    const double shared = static_cast<double>(both[{gold[i], predicted[i]}]);
    p += shared / static_cast<double>(pred_size[predicted[i]]);
    r += shared / static_cast<double>(gold_size[gold[i]]);
  }
  s.precision = p / static_cast<double>(n);
  s.recall = r / static_cast<double>(n);
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  return s;
}

StoryEvalScores ScoreStoryClusters(const std::vector<StoryEvalItem>& items,
                                   const std::string& main_gold, const std::string& whole_set) {
  StoryEvalScores s;
  s.items = items.size();
  std::vector<std::string> gold, predicted;
  std::map<std::string, std::set<std::string>> golds_of_predicted;
  std::map<std::string, std::vector<const StoryEvalItem*>> by_gold;
  for (const StoryEvalItem& it : items) {
    gold.push_back(it.gold);
    predicted.push_back(it.predicted);
    golds_of_predicted[it.predicted].insert(it.gold);
    by_gold[it.gold].push_back(&it);
  }
  s.bcubed = ScoreBCubed(gold, predicted);
  s.gold_stories = by_gold.size();
  s.predicted_stories = golds_of_predicted.size();
  // The main predicted story: most main items, then the smaller id.
  std::map<std::string, size_t> main_count;
  for (const StoryEvalItem* it : by_gold[main_gold]) ++main_count[it->predicted];
  for (const auto& [story, n] : main_count) {
    if (n > s.main_found) s.main_predicted = story, s.main_found = n;
  }
  s.main_gold = by_gold[main_gold].size();
  for (const StoryEvalItem& it : items) {
    const bool in_main = !s.main_predicted.empty() && it.predicted == s.main_predicted;
    if (it.gold == main_gold) {
      if (in_main) continue;
      if (!it.may_stay_apart) s.main_missing.push_back(it.name);
      const std::set<std::string>& golds = golds_of_predicted[it.predicted];
      if (it.may_stay_apart && (golds.size() > 1 || !golds.count(main_gold)))
        s.linked_wrong.push_back(it.name + " (in " + it.predicted + ")");
    } else if (in_main) {
      s.intruders.push_back(it.name);
      ++s.intruders_by_set[it.set];
    }
  }
  for (const auto& [g, members] : by_gold) {
    if (g == main_gold || members.size() < 2) continue;
    if (!whole_set.empty() && members.front()->set != whole_set) continue;
    ++s.other_stories;
    std::set<std::string> where;
    for (const StoryEvalItem* it : members) where.insert(it->predicted);
    const std::string& p = members.front()->predicted;
    if (where.size() == 1 && golds_of_predicted[p].size() == 1) {
      ++s.other_stories_whole;
    } else {
      std::string line = g + ":";
      for (const StoryEvalItem* it : members) line += " " + it->name + "->" + it->predicted;
      s.other_split.push_back(line);
    }
  }
  return s;
}

Result<std::map<std::string, StoryGoldEntry>> ReadStoryGold(const std::string& path) {
  Result<TsvFile> tsv = ReadTsv(path, 2, 3);
  if (!tsv.ok()) return tsv.status();
  std::map<std::string, StoryGoldEntry> out;
  for (const TsvRow& row : tsv->rows) {
    StoryGoldEntry e{row.fields[1], false};
    if (row.fields.size() == 3) {
      if (row.fields[2] != "linked")
        return tsv->ErrorAt(row, "third field must be \"linked\", got \"" + row.fields[2] + "\"");
      e.may_stay_apart = true;
    }
    if (!out.emplace(row.fields[0], e).second)
      return tsv->ErrorAt(row, "\"" + row.fields[0] + "\" is listed twice");
  }
  return out;
}

}  // namespace sitrep
