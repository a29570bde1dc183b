// @brief Claims: hedge, measure, attribution, ranges, non-quantities; JSON.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "base/json.h"
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

std::vector<Claim> ClaimsOf(const std::string& text, const std::string& lang, Document* doc) {
  doc->text = text;
  doc->lang = lang;
  return Tagger().Claims(*doc);
}

std::string Text(const Document& d, TextSpan s) { return d.text.substr(s.start, s.end - s.start); }

struct ClaimCase {
  const char* lang;
  const char* text;
  const char* claim;      // the claim's text
  const char* hedge;
  const char* measure;
  const char* attribution;  // "" when none
};

TEST(QuantityTaggerTest, Claims) {
  const ClaimCase cases[] = {
      {"fr", "Moscou a massé quelque 100 000 soldats près de la frontière, selon des responsables occidentaux.",
       "quelque 100 000 soldats", "approximate", "troops", "selon des responsables occidentaux"},
      {"fr", "On compte plus de 160 morts, selon les chiffres officiels.", "plus de 160 morts",
       "lower_bound", "killed", "selon les chiffres officiels"},
      {"fr", "Des dizaines de personnes ont été tuées.", "Des dizaines de personnes",
       "vague_plural", "killed", ""},
      {"fr", "Le ministère a compté quelque 6 000 arrestations.", "quelque 6 000 arrestations",
       "approximate", "arrested", "Le ministère"},
      {"fr", "Le retrait prendra jusqu'à 10 jours.", "jusqu'à 10 jours", "upper_bound",
       "duration", ""},
      {"fr", "Les prix ont augmenté de 12,5 % en un an.", "12,5 %", "exact", "percent", ""},
      {"fr", "Il a reçu 3 millions d'euros.", "3 millions d'euros", "exact", "money", ""},
      {"fr", "C'est la deuxième fois.", "deuxième fois", "exact", "ordinal", ""},
      {"en", "About 2,000 troops were deployed, according to officials.", "About 2,000 troops",
       "approximate", "troops", "according to officials"},
      {"es", "Más de 300 manifestantes fueron detenidos, según la policía.",
       "Más de 300 manifestantes", "lower_bound", "protesters", "según la policía"},
      {"de", "Mindestens 40 Menschen wurden getötet, laut Behörden.", "Mindestens 40 Menschen",
       "lower_bound", "killed", "laut Behörden"},
      {"ru", "Около 3000 человек были задержаны, по данным МВД.", "Около 3000 человек",
       "approximate", "arrested", "по данным МВД"},
  };
  for (const ClaimCase& c : cases) {
    Document doc;
    std::vector<Claim> claims = ClaimsOf(c.text, c.lang, &doc);
    ASSERT_FALSE(claims.empty()) << c.text;
    const Claim& claim = claims[0];
    EXPECT_EQ(Text(doc, {claim.start, claim.end}), c.claim) << c.text;
    EXPECT_STREQ(HedgeTypeName(claim.hedge), c.hedge) << c.text;
    EXPECT_EQ(claim.measure, c.measure) << c.text;
    EXPECT_EQ(Text(doc, claim.attribution), c.attribution) << c.text;
  }
}

TEST(QuantityTaggerTest, Ranges) {
  for (const char* text : {"entre 2 000 et 3 000 manifestants", "de 2 000 à 3 000 manifestants"}) {
    Document doc;
    std::vector<Claim> claims = ClaimsOf(text, "fr", &doc);
    ASSERT_EQ(claims.size(), 1u) << text;
    EXPECT_TRUE(claims[0].interval);
    EXPECT_EQ(claims[0].min, 2000);
    EXPECT_EQ(claims[0].max, 3000);
    EXPECT_EQ(claims[0].measure, "protesters");
  }
}

TEST(QuantityTaggerTest, ConditionalIsReported) {
  Document doc;
  std::vector<Claim> claims =
      ClaimsOf("Les troubles auraient tué quelque 164 personnes.", "fr", &doc);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_TRUE(claims[0].reported);
  EXPECT_EQ(claims[0].measure, "killed");
}

TEST(QuantityTaggerTest, NotQuantities) {
  const char* texts[] = {
      "En 2022, la crise a éclaté.",          // year
      "Le 5 janvier, il est arrivé.",          // date
      "Rendez-vous à 14:30 au siège.",          // time
      "La pandémie de Covid-19 continue.",      // name with a number
      "Le sommet du G20 s'ouvre.",              // name with a number
      "Il habite au 12 rue de la Paix.",        // street number
      "Le Premier ministre a parlé.",           // ordinal in a title
      "Il a vu un homme.",                      // article, not a count
      "Publié le 7.1.2022",                     // date
  };
  for (const char* text : texts) {
    Document doc;
    EXPECT_TRUE(ClaimsOf(text, "fr", &doc).empty()) << text;
  }
}

TEST(QuantityTaggerTest, JsonUsesCodePoints) {
  Document doc;
  std::vector<Claim> claims = ClaimsOf("Déjà environ 2 000 soldats.", "fr", &doc);
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  AppendQuantitiesJson(doc, claims, &w);
  w.EndObject();
  auto json = ParseJson(out);
  ASSERT_TRUE(json.ok()) << out;
  const JsonValue& q = (*json)["quantities"].items().at(0);
  EXPECT_EQ(q["start"].num(), 5);  // "Déjà " is 5 code points, 6 bytes
  EXPECT_EQ(q["end"].num(), 26);
  EXPECT_EQ(q["value"].num(), 2000);
  EXPECT_EQ(q.GetString("hedge"), "approximate");
  EXPECT_EQ(q.GetString("measure"), "troops");
}

TEST(QuantityTaggerTest, BadDataLineNamesFileAndLine) {
  QuantityOptions options;
  options.base.data_dir = ::testing::TempDir() + "/qty_bad_data";
  std::string dir = options.base.data_dir + "/lang/fr";
  ASSERT_EQ(std::system(("mkdir -p " + dir).c_str()), 0);
  FILE* f = std::fopen((dir + "/quantity_numbers.tsv").c_str(), "w");
  ASSERT_NE(f, nullptr);
  std::fputs("# test\nmille\tscale\t1000\nfoo\tbogus\n", f);
  std::fclose(f);
  options.languages = {"fr"};
  auto t = QuantityTagger::Create(options);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("quantity_numbers.tsv:3: unknown kind \"bogus\""),
            std::string::npos)
      << t.status().message();
}

}  // namespace
}  // namespace sitrep
