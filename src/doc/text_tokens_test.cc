// @brief Tests for the token stream: classes, glue, case, line breaks.
#include "doc/text_tokens.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sitrep {
namespace {

std::vector<std::string> Texts(std::string_view text, const std::vector<TextToken>& toks) {
  std::vector<std::string> out;
  for (const TextToken& t : toks) out.emplace_back(text.substr(t.start, t.end - t.start));
  return out;
}

TEST(TextTokensTest, LettersDigitsAndOthers) {
  struct Case {
    std::string text;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {"Le 1er janvier, à 14h30", {"Le", "1", "er", "janvier", ",", "à", "14", "h", "30"}},
      {"aujourd’hui G20 Covid-19", {"aujourd", "’", "hui", "G", "20", "Covid", "-", "19"}},
      {"Москве  2 000", {"Москве", "2", "000"}},
      {"cafe\xCC\x81 ok", {"cafe\xCC\x81", "ok"}},  // a combining accent stays in its word
      {"", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(Texts(c.text, TokenizeText(c.text)), c.want) << c.text;
}

TEST(TextTokensTest, GlueCaseAndLineBreaks) {
  const std::string text = "OTAN a dit\nÉtat-major";
  std::vector<TextToken> t = TokenizeText(text);
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t[0].cls, TokenClass::kLetters);
  EXPECT_TRUE(t[0].space_before);
  EXPECT_TRUE(t[0].upper_initial && t[0].has_upper && !t[0].has_lower);  // all capitals
  EXPECT_TRUE(t[1].has_lower && !t[1].upper_initial);
  EXPECT_FALSE(t[2].line_break_before);
  EXPECT_TRUE(t[3].line_break_before);  // "État"
  EXPECT_TRUE(t[3].upper_initial);
  EXPECT_EQ(t[4].cls, TokenClass::kOther);
  EXPECT_TRUE(t[4].GluedTo(t[3]));
  EXPECT_FALSE(t[4].space_before);
  EXPECT_TRUE(t[5].GluedTo(t[4]));
  EXPECT_FALSE(t[3].GluedTo(t[2]));
}

}  // namespace
}  // namespace sitrep
