// @brief B-cubed on hand-counted cases, and the main-story checks.
#include "eval/story_eval.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(BCubed, HandCountedCases) {
  EXPECT_EQ(ScoreBCubed({}, {}).f1, 0);
  BCubedScores same = ScoreBCubed({"a", "a", "b"}, {"x", "x", "y"});
  EXPECT_DOUBLE_EQ(same.precision, 1);
  EXPECT_DOUBLE_EQ(same.recall, 1);
  // Everything in one cluster: precision (2/3 + 2/3 + 1/3) / 3, recall 1.
  BCubedScores lumped = ScoreBCubed({"a", "a", "b"}, {"x", "x", "x"});
  EXPECT_NEAR(lumped.precision, 5.0 / 9, 1e-12);
  EXPECT_DOUBLE_EQ(lumped.recall, 1);
  // Every item alone: precision 1, recall (1/2 + 1/2 + 1) / 3.
  BCubedScores split = ScoreBCubed({"a", "a", "b"}, {"x", "y", "z"});
  EXPECT_DOUBLE_EQ(split.precision, 1);
  EXPECT_NEAR(split.recall, 2.0 / 3, 1e-12);
  EXPECT_NEAR(split.f1, 0.8, 1e-12);
}

TEST(StoryChecks, MainStoryIntrudersAndLinkedItems) {
  std::vector<StoryEvalItem> items = {
      {"k1", "examples", "kz", "s1"},     {"k2", "examples", "kz", "s1"},
      {"k3", "seeds", "kz", "s2", true},  {"k4", "seeds", "kz", "s3", true},
      {"t1", "trafilatura", "t1", "s1"},  {"t2", "trafilatura", "t2", "s3"},
      {"f1", "examples", "flood", "s4"},  {"f2", "examples", "flood", "s4"},
      {"p1", "examples", "strike", "s5"}, {"p2", "examples", "strike", "s6"},
  };
  StoryEvalScores s = ScoreStoryClusters(items, "kz");
  EXPECT_EQ(s.main_predicted, "s1");
  EXPECT_EQ(s.main_gold, 4u);
  EXPECT_EQ(s.main_found, 2u);
  EXPECT_TRUE(s.main_missing.empty());  // k3, k4 may stay apart
  EXPECT_EQ(s.intruders, std::vector<std::string>{"t1"});
  EXPECT_EQ(s.intruders_by_set["trafilatura"], 1u);
  // k3 alone is fine; k4 shares its story with another gold story's page.
  ASSERT_EQ(s.linked_wrong.size(), 1u);
  EXPECT_EQ(s.linked_wrong[0].rfind("k4", 0), 0u);
  EXPECT_EQ(s.other_stories, 2u);
  EXPECT_EQ(s.other_stories_whole, 1u);
  EXPECT_EQ(s.gold_stories, 5u);
  EXPECT_EQ(ScoreStoryClusters(items, "kz", "trafilatura").other_stories, 0u);
  EXPECT_EQ(s.predicted_stories, 6u);
}

}  // namespace
}  // namespace sitrep
