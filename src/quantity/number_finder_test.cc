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
      // Number words written as one word: split into their parts.
      {"de", "rund zweitausenddreihundert Menschen", "zweitausenddreihundert", 2300,
       NumberKind::kCardinal},
      {"de", "fast fünfzehntausend Stimmen", "fünfzehntausend", 15000, NumberKind::kCardinal},
      {"de", "eine Million zweihunderttausendundvier", "eine Million zweihunderttausendundvier",
       1200004, NumberKind::kCardinal},
      {"de", "zweieinhalb Millionen Euro", "zweieinhalb Millionen", 2.5e6, NumberKind::kFraction},
      {"de", "dreiviertel der Stimmen", "dreiviertel", 0.75, NumberKind::kFraction},
      {"de", "ungefähr fuenfhundert", "fuenfhundert", 500, NumberKind::kCardinal},
      {"de", "anderthalb Jahre", "anderthalb", 1.5, NumberKind::kCardinal},
      {"de", "ein halbes Dutzend Boote", "ein halbes Dutzend", 6, NumberKind::kFraction},
      {"de", "fünf und drei Viertel Milliarden", "fünf und drei Viertel Milliarden", 5.75e9,
       NumberKind::kFraction},
      // A bigger scale multiplies what came since the last bigger one.
      {"es", "cuatrocientos mil millones", "cuatrocientos mil millones", 4e11,
       NumberKind::kCardinal},
      {"es", "dos billones trescientos doce mil millones",
       "dos billones trescientos doce mil millones", 2.312e12, NumberKind::kCardinal},
      {"en", "one thousand million", "one thousand million", 1e9, NumberKind::kCardinal},
      {"es", "1.234.567 votos", "1.234.567", 1234567, NumberKind::kCardinal},
      {"es", "siete con cincuenta", "siete con cincuenta", 7.5, NumberKind::kCardinal},
      {"es", "cinco con un cuarto", "cinco con un cuarto", 5.25, NumberKind::kFraction},
      {"es", "dos tercios", "dos tercios", 2.0 / 3, NumberKind::kFraction},
      {"es", "tres veinteavos", "tres veinteavos", 0.15, NumberKind::kFraction},
      {"es", "cuatro milésimas", "cuatro milésimas", 0.004, NumberKind::kFraction},
      {"es", "tres dosmilésimos", "tres dosmilésimos", 0.0015, NumberKind::kFraction},
      {"es", "dos coma mil quinientos", "dos coma mil quinientos", 2.15, NumberKind::kCardinal},
      {"en", "nine point nought four", "nine point nought four", 9.04, NumberKind::kCardinal},
      {"en", "it was minus 5 outside", "minus 5", -5, NumberKind::kCardinal},
      {"en", "five and a half million", "five and a half million", 5.5e6, NumberKind::kFraction},
      {"en", "one billion and a half million", "one billion and a half million", 1.0005e9,
       NumberKind::kCardinal},
      {"en", "three dozens", "three dozens", 36, NumberKind::kCardinal},
      {"en", "one over three", "one over three", 1.0 / 3, NumberKind::kFraction},
      {"en", "a hundredth", "a hundredth", 0.01, NumberKind::kFraction},
      {"en", "one hundred thirty-fifths", "one hundred thirty-fifths", 100.0 / 35,
       NumberKind::kFraction},
      {"en", "the one hundred twenty-fifth day", "one hundred twenty-fifth", 125,
       NumberKind::kOrdinal},
      {"en", "a mass of 1.3x10^6 tonnes", "1.3x10^6", 1.3e6, NumberKind::kCardinal},
      {"en", "13 lakh", "13 lakh", 1.3e6, NumberKind::kCardinal},
      {"en", "10 bln", "10 bln", 1e10, NumberKind::kCardinal},
      {"en", "192.168.1.2", "192", 192, NumberKind::kCardinal},
      {"en", "you can write 5,00", "5,00", 5, NumberKind::kCardinal},
      // A small scale that is also a currency multiplies a digit only.
      {"fr", "en baisse de 50 cents", "50", 50, NumberKind::kCardinal},
      {"fr", "3 cents et 21", "3 cents et 21", 321, NumberKind::kCardinal},
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

TEST(NumberFinderTest, SoftHyphensAndOtherDigits) {
  // A soft hyphen is invisible inside a number word (the token stream keeps
  // it in the word and out of its fold); digits other than ASCII are no
  // number here.
  const std::string text = "3 mil\u00ADlions de personnes";
  std::vector<NumberMatch> found = Tagger().Numbers(text, "fr");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(text.substr(found[0].start, found[0].end - found[0].start), "3 mil\u00ADlions");
  EXPECT_EQ(found[0].value, 3e6);
  EXPECT_TRUE(Tagger().Numbers("\u0663\u0664 personnes", "fr").empty());
}

TEST(NumberFinderTest, ListsChainsAndGluedUnits) {
  // "and" joins no spelled group to bare digits.
  EXPECT_EQ(Tagger().Numbers("100 and fifty", "en").size(), 2u);
  // Commas between numbers of other than three digits: a list in English.
  EXPECT_EQ(Tagger().Numbers("exercises 22,24,26", "en").size(), 3u);
  // Digits glued to a unit are not a bare number; glued to a currency they are money.
  std::vector<NumberMatch> ml = Tagger().Numbers("the .25ml dose", "en");
  ASSERT_EQ(ml.size(), 1u);
  EXPECT_TRUE(ml[0].glued);
  for (const char* money : {"115USD", "USD115", "100\u5143"}) {
    std::vector<NumberMatch> m = Tagger().Numbers(money, "en");
    ASSERT_EQ(m.size(), 1u) << money;
    EXPECT_FALSE(m[0].glued) << money;
  }
  // Words that merely start with a number word are not split.
  for (const char* word : {"Dreieck", "Achtung", "Zweifel", "Elfenbein", "Neunkirchen"}) {
    EXPECT_TRUE(Tagger().Numbers(word, "de").empty()) << word;
  }
  for (const char* word : {"septembre", "centre", "dixit", "millionnaire"}) {
    EXPECT_TRUE(Tagger().Numbers(word, "fr").empty()) << word;
  }
}

TEST(NumberFinderTest, UnknownLanguageFindsNothing) {
  EXPECT_TRUE(Tagger().Numbers("2 000", "xx").empty());
}

}  // namespace
}  // namespace sitrep
