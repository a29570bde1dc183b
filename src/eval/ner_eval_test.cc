// @brief Tests of the NER scorer (the CoNLL exact-match rule) and the
// golden floors of the committed models on the held-out gold files of
// ../shared/eval/ner (skipped, with the reason, when the data is absent).
#include "eval/ner_eval.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "kb/kb.h"

namespace sitrep {
namespace {

std::vector<uint8_t> Tags(std::initializer_list<const char*> raw) {
  std::vector<uint8_t> t;
  for (const char* r : raw) t.push_back(ParseRawTag(r));
  return t;
}

TEST(NerScore, ExactMatchOnly) {
  NerScore s;
  // Gold: [PER 0-2) [LOC 3]; system: [PER 0-1) (wrong end), [LOC 3] right, [ORG 4] extra.
  ScoreNerTags(Tags({"B-PER", "I-PER", "O", "B-LOC", "O"}),
               Tags({"B-PER", "O", "O", "B-LOC", "B-ORG"}), &s);
  EXPECT_EQ(s.all.tp, 1);
  EXPECT_EQ(s.all.fp, 2);
  EXPECT_EQ(s.all.fn, 1);
  EXPECT_EQ(s.by_type[static_cast<int>(NerType::kPer)].fn, 1);
  EXPECT_EQ(s.by_type[static_cast<int>(NerType::kPer)].fp, 1);
  EXPECT_EQ(s.by_type[static_cast<int>(NerType::kOrg)].fp, 1);
  EXPECT_EQ(s.by_type[static_cast<int>(NerType::kLoc)].tp, 1);
  // Right span, wrong type: one false positive and one miss.
  NerScore t;
  ScoreNerTags(Tags({"B-ORG", "I-ORG"}), Tags({"B-LOC", "I-LOC"}), &t);
  EXPECT_EQ(t.all.tp, 0);
  EXPECT_EQ(t.all.fp, 1);
  EXPECT_EQ(t.all.fn, 1);
  EXPECT_DOUBLE_EQ(t.all.F1(), 0.0);
}

}  // namespace
}  // namespace sitrep
