// @brief Tests for block splitting and editing with source anchors.
#include "clean/block.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

// Rebuilds each byte's source offset from the anchors.
uint64_t SourceAt(const Block& b, size_t pos) {
  for (size_t i = b.anchors.size(); i-- > 0;) {
    if (b.anchors[i].first <= pos) {
      return b.anchors[i].second == kUnmapped ? kUnmapped : b.anchors[i].second + (pos - b.anchors[i].first);
    }
  }
  return kUnmapped;
}

TEST(Block, SplitsLinesTrimsAndJoinsHardWraps) {
  std::string text = "Title line\n\n  First paragraph that is long enough to be wrapped by a\nmailer at seventy columns.\nNext line.\n";
  auto blocks = SplitTextBlocks(text);
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].text, "Title line");
  EXPECT_EQ(blocks[1].text, "First paragraph that is long enough to be wrapped by a mailer at seventy columns.");
  EXPECT_EQ(blocks[2].text, "Next line.");
  // Every mapped byte points at the same byte of the input.
  for (const Block& b : blocks) {
    for (size_t i = 0; i < b.text.size(); ++i) {
      uint64_t s = SourceAt(b, i);
      if (s != kUnmapped) {
        EXPECT_EQ(text[s], b.text[i]) << b.text << " @" << i;
      }
    }
  }
}

TEST(Block, EraseKeepsAnchorsConsistent) {
  std::string text = "abc INSERT def";
  Block b;
  b.text = text;
  b.anchors.emplace_back(0, 0);
  b.Erase(4, 11);  // "abc def"
  EXPECT_EQ(b.text, "abc def");
  for (size_t i = 0; i < b.text.size(); ++i) EXPECT_EQ(text[SourceAt(b, i)], b.text[i]);
  b.Erase(0, 4);
  EXPECT_EQ(b.text, "def");
  EXPECT_EQ(SourceAt(b, 0), 11u);
}

TEST(Block, CountsWords) {
  EXPECT_EQ(CountWords("L’OTSC a 2 500 soldats."), 6u);
  EXPECT_EQ(CountWords("  "), 0u);
}

}  // namespace
}  // namespace sitrep
