// @brief Tests for the token stream: classes, glue, case, line breaks, soft
// hyphens, digits, folded forms and values, slices.
#include "doc/text_tokens.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/text_fold.h"

namespace sitrep {
namespace {

std::vector<std::string> Texts(std::string_view text, const TokenStream& s) {
  std::vector<std::string> out;
  for (const TextToken& t : s.tokens) out.emplace_back(text.substr(t.start, t.end - t.start));
  return out;
}

std::vector<std::string> Folds(const TokenStream& s) {
  std::vector<std::string> out;
  for (const TextToken& t : s.tokens) out.emplace_back(s.Folded(t));
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
  std::vector<TextToken> t = TokenizeText(text).tokens;
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

TEST(TextTokensTest, SoftHyphenStaysInItsWord) {
  // U+00AD is invisible: "Bundes\u00ADregierung" is one word, folded without it.
  const std::string text = "Bundes\u00ADregierung Ta\u00AD \u00AD 12\u00AD3";
  const TokenStream s = TokenizeText(text);
  EXPECT_EQ(Texts(text, s), (std::vector<std::string>{"Bundes\u00ADregierung", "Ta\u00AD", "\u00AD",
                                                      "12", "\u00AD", "3"}));
  EXPECT_EQ(Folds(s),
            (std::vector<std::string>{"bundesregierung", "ta", "\u00AD", "12", "\u00AD", "3"}));
  EXPECT_TRUE(s.tokens[0].soft_hyphen);
  EXPECT_TRUE(s.tokens[1].soft_hyphen);
  EXPECT_FALSE(s.tokens[2].soft_hyphen);  // not after a letter: a token of its own
  EXPECT_EQ(s.tokens[2].cls, TokenClass::kOther);
  EXPECT_EQ(s.tokens[4].cls, TokenClass::kOther);  // digit runs hold digits only
}

TEST(TextTokensTest, AsciiAndOtherDigits) {
  // Arabic-Indic and fullwidth digits are digits, but not ASCII ones.
  const std::string text = "2022\u0663\u0664x \uFF11\uFF12 007";
  const TokenStream s = TokenizeText(text);
  ASSERT_EQ(Texts(text, s),
            (std::vector<std::string>{"2022", "\u0663\u0664", "x", "\uFF11\uFF12", "007"}));
  EXPECT_EQ(s.tokens[0].cls, TokenClass::kDigits);
  EXPECT_EQ(s.tokens[1].cls, TokenClass::kOtherDigits);
  EXPECT_EQ(s.tokens[3].cls, TokenClass::kOtherDigits);
  EXPECT_EQ(s.tokens[4].cls, TokenClass::kDigits);
  EXPECT_TRUE(s.tokens[1].GluedTo(s.tokens[0]));
  EXPECT_EQ(s.tokens[0].value, 2022);
  EXPECT_EQ(s.tokens[1].value, 34);
  EXPECT_EQ(s.tokens[2].value, 0);  // letters have no value
  EXPECT_EQ(s.tokens[3].value, 12);
  EXPECT_EQ(s.tokens[4].value, 7);
  EXPECT_EQ(s.Folded(s.tokens[4]), "007");
}

TEST(TextTokensTest, DigitValueIsCapped) {
  // Digits are read while the value is below 10^9: ten digits at most.
  const TokenStream s = TokenizeText("123456789012345");
  ASSERT_EQ(s.tokens.size(), 1u);
  EXPECT_EQ(s.tokens[0].value, 1234567890);
}

TEST(TextTokensTest, MarksJoinTheLettersBefore) {
  // A combining acute (Mn) or a Devanagari vowel sign (Mc) continues a
  // letters run; after a digit, a symbol or a space a mark is a token alone.
  const std::string text = "cafe\u0301 \u0915\u093E 5\u0301 \u2764\uFE0F";
  const TokenStream s = TokenizeText(text);
  EXPECT_EQ(Texts(text, s), (std::vector<std::string>{"cafe\u0301", "\u0915\u093E", "5", "\u0301",
                                                      "\u2764", "\uFE0F"}));
  EXPECT_EQ(s.tokens[3].cls, TokenClass::kOther);
  EXPECT_EQ(s.Folded(s.tokens[0]), "cafe");  // the mark folds away
  EXPECT_EQ(s.Folded(s.tokens[3]), "");
}

TEST(TextTokensTest, FoldedFormsAreFoldForMatchOfEachToken) {
  const std::string text = "L’Élysée a dit: «NON» — Москвы ÄRGER 2,5 %";
  const TokenStream s = TokenizeText(text);
  EXPECT_EQ(Folds(s), (std::vector<std::string>{"l", "'", "elysee", "a", "dit", ":", "\"", "non",
                                                "\"", "-", "москвы", "arger", "2", ",", "5", "%"}));
  for (const TextToken& t : s.tokens) {
    EXPECT_EQ(s.Folded(t), FoldForMatch(std::string_view(text).substr(t.start, t.end - t.start)));
  }
  // The folds of glued tokens are one slice: "l'elysee".
  EXPECT_EQ(std::string_view(s.folded).substr(s.tokens[0].fold_start,
                                              s.tokens[2].fold_end - s.tokens[0].fold_start),
            "l'elysee");
}

TEST(TextTokensTest, SlicesByOffsets) {
  const std::string text = "Un deux.\n\nTrois quatre";
  const TokenStream s = TokenizeText(text);
  EXPECT_TRUE(s.MadeFor(text));
  EXPECT_FALSE(TokenStream().MadeFor(text));
  size_t first = 0, last = 0;
  ASSERT_TRUE(s.Slice(10, static_cast<uint32_t>(text.size()), &first, &last));
  EXPECT_EQ(first, 3u);
  EXPECT_EQ(last, 5u);
  ASSERT_TRUE(s.Slice(0, 8, &first, &last));
  EXPECT_EQ(first, 0u);
  EXPECT_EQ(last, 3u);
  EXPECT_FALSE(s.Slice(1, 8, &first, &last));  // starts inside "Un"
  EXPECT_FALSE(s.Slice(0, 5, &first, &last));  // ends inside "deux"
}

}  // namespace
}  // namespace sitrep
