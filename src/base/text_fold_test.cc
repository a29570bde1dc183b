// @brief Tests for text folding.
#include "base/text_fold.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(TextFold, FoldsCaseAccentsApostrophesAndSpaces) {
  EXPECT_EQ(FoldForMatch("L’Élysée\u00A0 a  DIT"), "l'elysee a dit");
  EXPECT_EQ(FoldForMatch("  Share Post:  "), "share post:");
  EXPECT_EQ(FoldForMatch("Nursultán Nazarbáyev"), "nursultan nazarbayev");
  EXPECT_EQ(FoldForMatch("ВСЁ"), "все");
  EXPECT_EQ(FoldForMatch("Kassym–Jomart"), "kassym-jomart");
}

TEST(TextFold, WordsOnly) {
  EXPECT_EQ(FoldToWords("« Mode PLS »."), "mode pls");
  EXPECT_EQ(FoldToWords("l’OTAN, l'UE"), "l otan l ue");
}

}  // namespace
}  // namespace sitrep
