// @brief Number finding, table-driven per language: separators, spelled-out,
// scales, fractions, ordinals, vague quantities.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>

#include "quantity/quantity_tagger.h"

namespace sitrep {
namespace {

const QuantityTagger& Tagger() {
  static std::unique_ptr<QuantityTagger> tagger = [] {
    auto t = QuantityTagger::Create(QuantityOptions());
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? std::move(t).value() : nullptr;
  }();
  return *tagger;
}

struct Case {
  const char* lang;
  const char* text;
  const char* number;  // the first number's text, as written
  double value;
  NumberKind kind;
};

TEST(NumberFinderTest, Table) {
  const Case cases[] = {
      {"fr", "environ 2 000 soldats", "2 000", 2000, NumberKind::kCardinal},
      {"fr", "soit 2\u00a0500 hommes", "2\u00a0500", 2500, NumberKind::kCardinal},
      {"fr", "soit 1\u202f234\u202f567,89 euros", "1\u202f234\u202f567,89", 1234567.89,
       NumberKind::kCardinal},
      {"fr", "il y a 1.500 personnes", "1.500", 1500, NumberKind::kCardinal},
      {"fr", "il y a 1'500 personnes", "1'500", 1500, NumberKind::kCardinal},
      {"fr", "le taux est de 4,8", "4,8", 4.8, NumberKind::kCardinal},
      {"fr", "2,5 millions de dollars", "2,5 millions", 2.5e6, NumberKind::kCardinal},
      {"fr", "3 milliards", "3 milliards", 3e9, NumberKind::kCardinal},
      {"fr", "10k", "10k", 1e4, NumberKind::kCardinal},
      {"fr", "vingt et un", "vingt et un", 21, NumberKind::kCardinal},
      {"fr", "deux mille soldats", "deux mille", 2000, NumberKind::kCardinal},
      {"fr", "vingt-cinq mille", "vingt-cinq mille", 25000, NumberKind::kCardinal},
      {"fr", "quatre-vingt-dix-neuf", "quatre-vingt-dix-neuf", 99, NumberKind::kCardinal},
      {"fr", "deux cent deux mille", "deux cent deux mille", 202000, NumberKind::kCardinal},
      {"fr", "trois millions sept", "trois millions sept", 3000007, NumberKind::kCardinal},
      {"fr", "nonante", "nonante", 90, NumberKind::kCardinal},
      {"fr", "la deuxième fois", "deuxième", 2, NumberKind::kOrdinal},
      {"fr", "le 1er bataillon", "1er", 1, NumberKind::kOrdinal},
      {"fr", "trois quarts", "trois quarts", 0.75, NumberKind::kFraction},
      {"fr", "cinq et un quart", "cinq et un quart", 5.25, NumberKind::kFraction},
      {"fr", "un sur trois", "un sur trois", 1.0 / 3, NumberKind::kFraction},
      {"fr", "deux cent virgule cinquante deux", "deux cent virgule cinquante deux", 200.52,
       NumberKind::kCardinal},
      {"fr", "négatif cinq", "négatif cinq", -5, NumberKind::kCardinal},
      {"fr", "des dizaines de personnes", "des dizaines", 20, NumberKind::kVague},
      {"fr", "une poignée de manifestants", "une poignée", 2, NumberKind::kVague},
      {"fr", "soit 3 millions et demi", "3 millions et demi", 3.5e6, NumberKind::kFraction},
      {"fr", "un demi-million", "un demi-million", 5e5, NumberKind::kFraction},
      {"fr", "cinq milliards et trois quarts", "cinq milliards et trois quarts", 5.75e9,
       NumberKind::kFraction},
      {"fr", "4 mille 3 cents et 21", "4 mille 3 cents et 21", 4321, NumberKind::kCardinal},
      {"fr", "cinq-huitièmes", "cinq-huitièmes", 0.625, NumberKind::kFraction},
      {"fr", "un billionième", "un billionième", 1e-12, NumberKind::kFraction},
      {"fr", "soit 2 1/4", "2 1/4", 2.25, NumberKind::kFraction},
      {"en", "one hundred and six", "one hundred and six", 106, NumberKind::kCardinal},
      {"en", "a dozen", "a dozen", 12, NumberKind::kCardinal},
      {"en", "five and a half", "five and a half", 5.5, NumberKind::kFraction},
      {"fr", "trois cent deux douzaines", "trois cent deux douzaines", 324, NumberKind::kCardinal},
      {"en", "about 2,000 troops", "2,000", 2000, NumberKind::kCardinal},
      {"en", "3.5 million", "3.5 million", 3.5e6, NumberKind::kCardinal},
      {"en", "two thousand soldiers", "two thousand", 2000, NumberKind::kCardinal},
      {"en", "dozens of people", "dozens", 24, NumberKind::kVague},
      {"es", "veintiún mil", "veintiún mil", 21000, NumberKind::kCardinal},
      {"de", "rund 2.000 Soldaten", "2.000", 2000, NumberKind::kCardinal},
      {"de", "Dutzende Menschen", "Dutzende", 24, NumberKind::kVague},
      {"ru", "двух тысяч человек", "двух тысяч", 2000, NumberKind::kCardinal},
      {"ru", "десятки людей", "десятки", 20, NumberKind::kVague},
  };
  for (const Case& c : cases) {
    std::string text = c.text;
    std::vector<NumberMatch> found = Tagger().Numbers(text, c.lang);
    ASSERT_FALSE(found.empty()) << c.lang << ": " << c.text;
    const NumberMatch& m = found[0];
    EXPECT_EQ(text.substr(m.start, m.end - m.start), c.number) << c.text;
    EXPECT_NEAR(m.value, c.value, 1e-9 * std::max(1.0, std::fabs(c.value))) << c.text;
    EXPECT_EQ(NumberKindName(m.kind), std::string(NumberKindName(c.kind))) << c.text;
  }
}

TEST(NumberFinderTest, VagueInterval) {
  std::vector<NumberMatch> found = Tagger().Numbers("des milliers de kilomètres", "fr");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].min, 2000);
  EXPECT_EQ(found[0].max, 9999);
  EXPECT_EQ(found[0].vague_hedge, "vague_plural");
}

TEST(NumberFinderTest, SeparatorsThatDoNotGroup) {
  // "423 0000": the second group has four digits: two numbers.
  EXPECT_EQ(Tagger().Numbers("423 0000", "fr").size(), 2u);
  // "1, 234": a comma and a space separate two numbers.
  EXPECT_EQ(Tagger().Numbers("1, 234", "fr").size(), 2u);
}

TEST(NumberFinderTest, UnknownLanguageFindsNothing) {
  EXPECT_TRUE(Tagger().Numbers("2 000", "xx").empty());
}

}  // namespace
}  // namespace sitrep
