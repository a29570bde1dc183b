// @brief Claims: hedge, measure, attribution, ranges, non-quantities; JSON.
#include "quantity/quantity_tagger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include "base/json.h"

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
  const char* claim;  // the claim's text
  const char* hedge;
  const char* measure;
  const char* attribution;  // "" when none
};

TEST(QuantityTaggerTest, Claims) {
  const ClaimCase cases[] = {
      {"fr",
       "Moscou a massé quelque 100 000 soldats près de la frontière, selon des responsables "
       "occidentaux.",
       "quelque 100 000 soldats", "approximate", "troops", "selon des responsables occidentaux"},
      {"fr", "On compte plus de 160 morts, selon les chiffres officiels.", "plus de 160 morts",
       "lower_bound", "killed", "selon les chiffres officiels"},
      {"fr", "Des dizaines de personnes ont été tuées.", "Des dizaines de personnes",
       "vague_plural", "killed", ""},
      {"fr", "Le ministère a compté quelque 6 000 arrestations.", "quelque 6 000 arrestations",
       "approximate", "arrested", "Le ministère"},
      {"fr", "Le retrait prendra jusqu'à 10 jours.", "jusqu'à 10 jours", "upper_bound", "duration",
       ""},
      {"fr", "Les prix ont augmenté de 12,5 % en un an.", "12,5 %", "exact", "percent", ""},
      {"fr", "Il a reçu 3 millions d'euros.", "3 millions d'euros", "exact", "money", ""},
      {"fr", "C'est la deuxième fois.", "deuxième fois", "exact", "ordinal", ""},
      {"en", "About 2,000 troops were deployed, according to officials.", "About 2,000 troops",
       "approximate", "troops", "according to officials"},
      // The predicate decides over a group noun: protesters who were detained are arrests.
      {"es", "Más de 300 manifestantes fueron detenidos, según la policía.",
       "Más de 300 manifestantes", "lower_bound", "arrested", "según la policía"},
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

// Errors found on the example corpus (examples/README.md): the predicate of the
// clause decides the measure, numbers in names, dates and ages, bounds on round
// numbers, sources after the figure, anaphoric sources, conditional per clause.
struct FigureCase {
  const char* lang;
  const char* text;
  const char* claim;  // the claim's text
  const char* measure;
  double value;  // value, or min for an interval
  const char* hedge;
  const char* source;  // "" when none
  bool reported;
};

TEST(QuantityTaggerTest, Figures) {
  const FigureCase cases[] = {
      // 1. measure: the verb of the clause over the counted group noun
      {"en", "The interior ministry said 18 members of the security forces had been killed.",
       "18 members of the security forces", "killed", 18, "exact", "The interior ministry", false},
      {"en", "Kazakh authorities say 225 people were killed, including 19 police officers.",
       "225 people", "killed", 225, "exact", "", false},
      {"en", "More than 4,500 people were injured.", "More than 4,500 people", "injured", 4500,
       "lower_bound", "", false},
      {"en", "The health ministry said more than 2,200 people had sought medical treatment.",
       "more than 2,200 people", "injured", 2200, "lower_bound", "The health ministry", false},
      {"en", "A spokeswoman said “dozens” of attackers had been “liquidated”.", "dozens", "killed",
       24, "vague_plural", "A spokeswoman", false},
      {"en",
       "It is unclear if it includes members of the forces, 16 of whom had been reported killed.",
       "16 of whom", "killed", 16, "exact", "", false},
      {"en", "The CSTO has said its force numbers more than 2,000 and will stay.",
       "more than 2,000", "troops", 2000, "lower_bound", "The CSTO", false},
      {"en", "The alliance of six former Soviet states, remain deployed.", "six former", "other", 6,
       "exact", "", false},
      {"fr", "225 personnes ont perdu la vie, dont 19 membres des forces de l'ordre.",
       "225 personnes", "killed", 225, "exact", "", false},
      {"fr", "Le ministère a fait état de 18 membres des forces de sécurité morts.",
       "18 membres des forces", "killed", 18, "exact", "Le ministère", false},
      {"fr", "La police a fait état de « dizaines » d'assaillants « éliminés ».", "dizaines",
       "killed", 20, "vague_plural", "La police", false},
      {"es", "El Ministerio del Interior eleva a 7.939 el número de detenidos.",
       "7.939 el número de detenidos", "arrested", 7939, "exact", "", false},
      {"de", "Das Innenministerium meldete, dass 9900 Menschen festgenommen worden seien.",
       "9900 Menschen", "arrested", 9900, "exact", "Das Innenministerium", false},
      {"ru", "По словам полиции, «десятки нападавших ликвидированы».", "десятки нападавших",
       "killed", 20, "vague_plural", "полиции", false},
      // "among the victims" names the dead: the group counted is killed, not troops
      {"it", "Tra le vittime ci sarebbero anche 16 membri delle forze di sicurezza.",
       "16 membri delle forze", "killed", 16, "exact", "", true},
      {"fr", "Parmi les victimes figurent 16 membres des forces de sécurité.",
       "16 membres des forces", "killed", 16, "exact", "", false},
      {"es", "Entre las víctimas hay 16 miembros de las fuerzas de seguridad.",
       "16 miembros de las fuerzas de seguridad", "killed", 16, "exact", "", false},
      {"en", "Among the dead were 16 members of the security forces.",
       "16 members of the security forces", "killed", 16, "exact", "", false},
      {"de", "Unter den Toten sind auch 16 Polizisten.", "16 Polizisten", "killed", 16, "exact", "",
       false},
      {"ru", "Среди погибших 16 сотрудников силовых структур.", "16 сотрудников силовых структур",
       "killed", 16, "exact", "", false},
      {"it", "Sono arrivati 2.500 soldati per proteggere i civili.", "2.500 soldati", "troops",
       2500, "exact", "", false},
      // 2. ages are ages, not durations
      {"fr", "Son prédécesseur, Noursoultan Nazarbaïev, 81 ans, garde la main.", "81 ans", "age",
       81, "exact", "", false},
      {"en", "Nazarbayev, the 81-year-old former president, resigned.", "81-year-old", "age", 81,
       "exact", "", false},
      {"es", "Habló con Yerlan, un ingeniero de 38 años residente en Aktau.", "38 años", "age", 38,
       "exact", "", false},
      {"fr", "C'est la première fois.", "première fois", "ordinal", 1, "exact", "", false},
      {"ru", "Первые подразделения прибыли.", "Первые подразделения", "ordinal", 1, "exact", "",
       false},
      // 3. a bound on a round collective number
      {"fr", "Plus d'un millier de personnes ont été blessées.", "Plus d'un millier de personnes",
       "injured", 1000, "lower_bound", "", false},
      // 4. sources after the figure and anaphoric sources
      {"es", "Más de 200 personas fueron detenidas, informó la agencia oficial Kazinform.",
       "Más de 200 personas", "arrested", 200, "lower_bound", "la agencia oficial Kazinform",
       false},
      {"es",
       "El domingo, la televisión estatal Khabar 24, citando al Ministerio, informó de 164 "
       "muertos.",
       "164 muertos", "killed", 164, "exact", "la televisión estatal Khabar 24", false},
      {"en", "Separately, President Tokayev’s office said about 5,800 people had been detained.",
       "about 5,800 people", "arrested", 5800, "approximate", "President Tokayev’s office", false},
      {"de",
       "Nach Angaben von OVKS-Generalsekretär Stanislaw Sas sind derzeit 2030 Soldaten im Land.",
       "2030 Soldaten", "troops", 2030, "exact", "von OVKS-Generalsekretär Stanislaw Sas", false},
      {"ru",
       "Как сообщил генеральный секретарь ОДКБ Станислав Зась, задействовано более двух тысяч "
       "военнослужащих.",
       "более двух тысяч военнослужащих", "troops", 2000, "lower_bound",
       "генеральный секретарь ОДКБ Станислав Зась", false},
      {"fr",
       "Le ministère a recensé 26 morts. Plus de 3 700 personnes ont été interpellées, selon la "
       "même source.",
       "Plus de 3 700 personnes", "arrested", 3700, "lower_bound", "Le ministère", false},
      // 5. the conditional mood only in its own clause
      {"fr", "Selon le chef de l'Etat, quelque 20 000 « bandits » auraient participé aux attaques.",
       "quelque 20 000", "other", 20000, "approximate", "le chef de l'Etat", true},
      {"fr", "On compte 30 morts, et 20 blessés auraient été évacués.", "30 morts", "killed", 30,
       "exact", "", false},
  };
  for (const FigureCase& c : cases) {
    Document doc;
    // Sentences at ". ", as the segmenter would give them.
    std::string text = c.text;
    for (size_t from = 0; from < text.size();) {
      size_t stop = text.find(". ", from);
      stop = stop == std::string::npos ? text.size() : stop + 1;
      doc.sentences.push_back({static_cast<uint32_t>(from), static_cast<uint32_t>(stop)});
      from = stop + 1;
    }
    std::vector<Claim> claims = ClaimsOf(c.text, c.lang, &doc);
    ASSERT_FALSE(claims.empty()) << c.text;
    const Claim* claim = nullptr;
    for (const Claim& k : claims) {
      if (Text(doc, {k.start, k.end}) == c.claim) claim = &k;
    }
    ASSERT_NE(claim, nullptr) << c.text << ": no claim \"" << c.claim << "\"; first is \""
                              << Text(doc, {claims[0].start, claims[0].end}) << "\"";
    EXPECT_EQ(claim->measure, c.measure) << c.text;
    EXPECT_EQ(claim->interval ? claim->min : claim->value, c.value) << c.text;
    EXPECT_STREQ(HedgeTypeName(claim->hedge), c.hedge) << c.text;
    EXPECT_EQ(Text(doc, claim->source), c.source) << c.text;
    EXPECT_EQ(claim->reported, c.reported) << c.text;
  }
}

TEST(QuantityTaggerTest, NotQuantitiesByLanguage) {
  const std::pair<const char*, const char*> cases[] = {
      {"fr", "La chaîne Khabar 24 avait fait état de morts."},
      {"en", "The state broadcaster Khabar 24 quoted the ministry."},
      {"es", "La gasolina subió tras la liberalización del 1 de enero."},
      {"es", "Las protestas estallaron el 2 de enero en Zhanaozén."},
      {"de", "Eine vom Staatssender Khabar 24 verbreitete Zahl wurde gelöscht."},
  };
  for (const auto& [lang, text] : cases) {
    Document doc;
    EXPECT_TRUE(ClaimsOf(text, lang, &doc).empty()) << text;
  }
}

// Money: the currency before or after the number (ISO 4217 code), glued or
// not, subunits with their factor, cents joined to the main unit.
TEST(QuantityTaggerTest, Money) {
  struct MoneyCase {
    const char* lang;
    const char* text;
    const char* money;  // number and currency as written
    double value;
    const char* unit;
  };
  const MoneyCase cases[] = {
      {"en", "The bill came to USD 200 in the end.", "USD 200", 200, "USD"},
      {"en", "Its price rose to 115USD last week.", "115USD", 115, "USD"},
      {"en", "He paid 3 dollars 50 cents for it.", "3 dollars 50 cents", 3.5, "USD"},
      {"en", "The fine was thirteen dollars and forty-five cents.",
       "thirteen dollars and forty-five cents", 13.45, "USD"},
      {"en", "A ticket costs 15 dollars 50.", "15 dollars 50", 15.5, "USD"},
      {"en", "Shares fell 34 cents.", "34 cents", 0.34, "USD"},
      {"en", "The bid was 470 pence a share.", "470 pence", 4.7, "GBP"},
      {"en", "It was valued at 6.65 billion pesetas.", "6.65 billion pesetas", 6.65e9, "ESP"},
      {"en", "A loan of 35 lakh rupees.", "35 lakh rupees", 3.5e6, "INR"},
      {"en", "They priced it at c $ 16.4 million.", "c $ 16.4 million", 16.4e6, "CAD"},
      {"en", "Losses exceeded 30 MUSD.", "30 MUSD", 3e7, "USD"},
      {"en", "The board set a 12-cent dividend.", "12-cent", 0.12, "USD"},
      {"en", "It costs c $ 100 and fifty.", "c $ 100 and fifty", 100.5, "CAD"},
      {"en", "They spent $ 37,305.97 february last.", "$ 37,305.97", 37305.97, "USD"},
      {"en", "It withdrew its one-yen bid.", "one-yen", 1, "JPY"},
      {"en", "Revenues reached MAUD 60 last year.", "MAUD 60", 6e7, "AUD"},
      {"fr", "Le titre a perdu 34 cents.", "34 cents", 0.34, "USD"},
      {"fr", "Une amende de 10 000 francs.", "10 000 francs", 10000, "CHF"},
      {"fr", "Elle a obtenu un crédit de EUR 1000.", "EUR 1000", 1000, "EUR"},
      {"fr", "Cela coûte treize euros et quarante-cinq cents.",
       "treize euros et quarante-cinq cents", 13.45, "EUR"},
  };
  for (const MoneyCase& c : cases) {
    Document doc;
    std::vector<Claim> claims = ClaimsOf(c.text, c.lang, &doc);
    ASSERT_EQ(claims.size(), 1u) << c.text;
    const Claim& claim = claims[0];
    EXPECT_EQ(claim.measure, "money") << c.text;
    const uint32_t start = std::min(claim.number_start, claim.unit_span.start);
    const uint32_t end = std::max(claim.number_end, claim.unit_span.end);
    EXPECT_EQ(Text(doc, {start, end}), c.money) << c.text;
    EXPECT_NEAR(claim.value, c.value, 1e-9 * c.value) << c.text;
    EXPECT_EQ(claim.unit, c.unit) << c.text;
  }
  // A unit after a number is not also the next number's unit before.
  Document doc;
  std::vector<Claim> two = ClaimsOf("He swapped 50 dollars 40 yuan.", "en", &doc);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].unit, "USD");
  EXPECT_EQ(two[1].unit, "CNY");
  EXPECT_EQ(two[1].value, 40);
  // "and" makes a range only after "between".
  std::vector<Claim> price = ClaimsOf("The cost is $4.25 and 32 is the count.", "en", &doc);
  ASSERT_FALSE(price.empty());
  EXPECT_FALSE(price[0].interval);
  EXPECT_EQ(price[0].value, 4.25);
  std::vector<Claim> between = ClaimsOf("It cost between 4 and 9 dollars.", "en", &doc);
  ASSERT_FALSE(between.empty());
  EXPECT_TRUE(between[0].interval);
  // Each currency between two amounts is the next amount's when the first has one.
  std::vector<Claim> two_dollars = ClaimsOf("$ 20,000.00 $ 37,305.97 in expenses", "en", &doc);
  ASSERT_EQ(two_dollars.size(), 2u);
  EXPECT_EQ(two_dollars[1].value, 37305.97);
  EXPECT_EQ(two_dollars[1].unit, "USD");
  // A currency glued to the next number is that number's.
  std::vector<Claim> glued = ClaimsOf("They gave away 3 USD50 cards.", "en", &doc);
  ASSERT_FALSE(glued.empty());
  EXPECT_EQ(glued.back().unit, "USD");
  EXPECT_EQ(glued.back().value, 50);
  for (size_t i = 0; i + 1 < glued.size(); ++i) EXPECT_NE(glued[i].unit, "USD");
  // Cents join only at the end of the clause or before a subunit.
  std::vector<Claim> people = ClaimsOf("They paid 15 dollars and 50 people came.", "en", &doc);
  ASSERT_FALSE(people.empty());
  EXPECT_EQ(people[0].value, 15);
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
      "En 2022, la crise a éclaté.",        // year
      "Le 5 janvier, il est arrivé.",       // date
      "Rendez-vous à 14:30 au siège.",      // time
      "La pandémie de Covid-19 continue.",  // name with a number
      "Le sommet du G20 s'ouvre.",          // name with a number
      "Il habite au 12 rue de la Paix.",    // street number
      "Le Premier ministre a parlé.",       // ordinal in a title
      "Il a vu un homme.",                  // article, not a count
      "Publié le 7.1.2022",                 // date
  };
  for (const char* text : texts) {
    Document doc;
    EXPECT_TRUE(ClaimsOf(text, "fr", &doc).empty()) << text;
  }
}

// Options::max_claims_per_document keeps the first claims and says it dropped
// the rest; at or under the limit nothing is reported.
TEST(QuantityTaggerTest, ClaimsPastTheLimitAreDroppedAndReported) {
  Document doc;
  doc.lang = "fr";
  doc.text = "Il y a eu 12 morts. On compte 30 blessés. Quelque 400 soldats sont partis.";
  for (size_t limit : {size_t{2}, size_t{3}}) {
    QuantityOptions options;
    options.base.max_claims_per_document = limit;
    auto tagger = QuantityTagger::Create(options);
    ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
    bool truncated = false;
    std::vector<Claim> claims = (*tagger)->Claims(doc, nullptr, &truncated);
    ASSERT_EQ(claims.size(), 2u + (limit == 3)) << limit;
    EXPECT_EQ(Text(doc, {claims[0].start, claims[0].end}), "12 morts");
    EXPECT_EQ(truncated, limit == 2) << limit;
  }
}

// Each sentence is read in its paragraph's language, the document's as
// fallback: "2,500" in an English paragraph of a French document is 2500, not 2.5.
TEST(QuantityTaggerTest, EachParagraphIsReadInItsLanguage) {
  Document doc;
  doc.lang = "fr";
  const std::string fr = "Quelque 2,5 millions de personnes ont voté.";
  const std::string en = "About 2,500 troops were deployed.";
  doc.text = fr + "\n" + en;
  const uint32_t mid = static_cast<uint32_t>(fr.size());
  const uint32_t end = static_cast<uint32_t>(doc.text.size());
  Paragraph p1, p2;
  p1.end = mid;
  p1.lang = "fr";
  p2.start = mid + 1;
  p2.end = end;
  p2.lang = "en";
  doc.paragraphs = {p1, p2};
  doc.sentences = {{0, mid}, {mid + 1, end}};
  std::vector<Claim> claims = Tagger().Claims(doc);
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_DOUBLE_EQ(claims[0].value, 2.5e6);
  EXPECT_EQ(Text(doc, {claims[1].start, claims[1].end}), "About 2,500 troops");
  EXPECT_DOUBLE_EQ(claims[1].value, 2500);
  EXPECT_EQ(claims[1].measure, "troops");
  // Read as French, the English figure is 2.5.
  doc.paragraphs[1].lang = "fr";
  claims = Tagger().Claims(doc);
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_NE(claims[1].value, 2500);
}

// An attribution is exactly the attribution phrase, never the start of the
// clause; with several sources in a sentence, each claim takes its own.
struct AttributionCase {
  const char* lang;
  const char* text;
  size_t nth;               // the claim checked
  const char* attribution;  // "" when none
  const char* source;
};

TEST(QuantityTaggerTest, AttributionSpans) {
  const AttributionCase cases[] = {
      {"fr", "Selon la police, 31 000 personnes ont manifesté samedi.", 0, "Selon la police",
       "la police"},
      {"fr", "Quelque 31 000 personnes ont manifesté, a indiqué le ministère de l'Intérieur.", 0,
       "a indiqué le ministère de l'Intérieur", "le ministère de l'Intérieur"},
      {"fr", "Les manifestants étaient 31 000 selon l'Intérieur, 5 500 selon les organisateurs.", 0,
       "selon l'Intérieur", "l'Intérieur"},
      {"fr", "Les manifestants étaient 31 000 selon l'Intérieur, 5 500 selon les organisateurs.", 1,
       "selon les organisateurs", "les organisateurs"},
      {"en", "About 2,000 people were evacuated, the interior ministry said.", 0,
       "the interior ministry said", "the interior ministry"},
      {"en", "According to the police, 8,000 people marched, and 20,000 according to the unions.",
       1, "according to the unions", "the unions"},
      {"es", "Unas 300 personas fueron evacuadas, informó la agencia oficial.", 0,
       "informó la agencia oficial", "la agencia oficial"},
      {"it", "Secondo la questura, i manifestanti erano 5.000, 20.000 secondo gli organizzatori.",
       1, "secondo gli organizzatori", "gli organizzatori"},
      {"de", "Nach Angaben der Polizei wurden 300 Menschen festgenommen.", 0,
       "Nach Angaben der Polizei", "der Polizei"},
  };
  for (const AttributionCase& c : cases) {
    Document doc;
    std::vector<Claim> claims = ClaimsOf(c.text, c.lang, &doc);
    ASSERT_GT(claims.size(), c.nth) << c.text;
    EXPECT_EQ(Text(doc, claims[c.nth].attribution), c.attribution) << c.text;
    EXPECT_EQ(Text(doc, claims[c.nth].source), c.source) << c.text;
  }
}

// Where the counted noun is (issue 11): after a count_of cue, before a copula,
// after an article used as a link, elided before a source, the subject of a
// passive, a group noun against a verb naming another kind of people, a part
// ("dont"); and the measure classes of the data, in several languages. `nth`
// is the index of the claim checked.
struct PlaceCase {
  const char* lang;
  const char* text;
  size_t nth;
  const char* number;  // the claim's number as written
  const char* measure;
};

TEST(QuantityTaggerTest, CountedNounPlaces) {
  const PlaceCase cases[] = {
      // "the number of X ... N"
      {"fr", "Le nombre de manifestants a atteint 31 000 samedi.", 0, "31 000", "protesters"},
      {"en", "The number of evacuees rose to 3,000 on Monday.", 0, "3,000", "evacuated"},
      {"es", "La cifra de muertos asciende a 14.", 0, "14", "killed"},
      {"it", "Il numero dei feriti è salito a 40.", 0, "40", "injured"},
      // the noun before a copula
      {"it", "Gli sfollati sono circa 36.000.", 0, "36.000", "displaced"},
      {"fr", "Les manifestants étaient 31 000 à Paris.", 0, "31 000", "protesters"},
      {"en", "The evacuees numbered about 3,000.", 0, "3,000", "evacuated"},
      {"es", "Los detenidos son 120.", 0, "120", "arrested"},
      // an article as the link to the counted noun
      {"it", "Salgono a 14 i morti dell'alluvione.", 0, "14", "killed"},
      {"es", "Son ya 14 los muertos.", 0, "14", "killed"},
      // ellipsis: a bare number and its source count what the sentence counts
      {"fr", "Ils étaient 31 000 manifestants selon la police, 5 500 selon les organisateurs.", 1,
       "5 500", "protesters"},
      {"fr", "À Paris, les manifestants ont défilé : 31 000 selon l'Intérieur.", 0, "31 000",
       "protesters"},
      {"es", "Unos 5.000 manifestantes según la policía, 20.000 según los organizadores.", 1,
       "20.000", "protesters"},
      {"en", "Police counted 8,000 protesters, 20,000 according to the organisers.", 1, "20,000",
       "protesters"},
      // the subject of a passive
      {"fr", "Au total, 120 personnes ont été interpellées.", 0, "120", "arrested"},
      {"es", "Unas 300 personas fueron evacuadas de sus casas.", 0, "300", "evacuated"},
      // a perfect tense as the predicate
      {"es", "Al menos 95 personas han muerto en las inundaciones.", 0, "95", "killed"},
      {"it", "Circa 200 persone sono state evacuate.", 0, "200", "evacuated"},
      {"de", "Rund 500 Menschen wurden evakuiert.", 0, "500", "evacuated"},
      {"en", "About 2,000 people were evacuated.", 0, "2,000", "evacuated"},
      // a kind of people keeps its kind against a verb of another kind
      {"fr", "Quelque 500 policiers ont été déployés.", 0, "500", "police"},
      {"en", "About 300 police officers were deployed.", 0, "300", "police"},
      {"fr", "Quelque 500 policiers ont été blessés.", 0, "500", "injured"},
      // a part ("dont") counts what the whole counts
      {"fr", "Quelque 40 personnes ont été blessées, dont 12 policiers.", 1, "12", "injured"},
      // the classes of the data
      {"fr", "Plus de 3 millions d'électeurs ont voté.", 0, "3 millions", "voters"},
      {"fr", "Une centaine de voitures ont été incendiées.", 0, "Une centaine", "vehicles"},
      {"en", "The fire destroyed 40 homes.", 0, "40", "buildings"},
      {"fr", "Le parti compte 30 000 adhérents.", 0, "30 000", "members"},
      {"en", "Some 500 participants attended the congress.", 0, "500", "participants"},
      {"fr", "Trois cents personnes restaient en garde à vue.", 0, "Trois cents", "detained"},
      {"ru", "Эвакуированы 1200 человек.", 0, "1200", "evacuated"},
      {"de", "Mehr als 2000 Polizisten waren im Einsatz.", 0, "2000", "police"},
  };
  for (const PlaceCase& c : cases) {
    Document doc;
    std::vector<Claim> claims = ClaimsOf(c.text, c.lang, &doc);
    ASSERT_GT(claims.size(), c.nth) << c.text;
    const Claim& claim = claims[c.nth];
    EXPECT_EQ(Text(doc, {claim.number_start, claim.number_end}), c.number) << c.text;
    EXPECT_EQ(claim.measure, c.measure) << c.text;
  }
}

// Physical units: the unit code, the measure and the value in the measure's
// base unit (data/quantity/units.tsv), with the unit glued to the number, after
// a hyphen or alone in brackets.
struct UnitCase {
  const char* lang;
  const char* text;
  const char* claim;  // the claim's text
  const char* measure;
  const char* unit;  // unit code
  const char* base_unit;
  double base_value;
};

TEST(QuantityTaggerTest, PhysicalUnits) {
  const UnitCase cases[] = {
      {"fr", "Le cortège a parcouru 3,5 kilomètres.", "3,5 kilomètres", "distance", "km", "m",
       3500},
      {"fr", "Une bouteille de 75ml.", "75ml", "volume", "mL", "m3", 75e-6},
      {"fr", "Un tronçon de 2,5-km de l'autoroute.", "2,5-km", "distance", "km", "m", 2500},
      {"fr", "Le feu a détruit 1 200 hectares de forêt.", "1 200 hectares", "area", "har", "m2",
       1.2e7},
      {"fr", "Il faisait -5 degrés fahrenheit.", "-5 degrés fahrenheit", "temperature", "[degF]",
       "Cel", -20.555555555555557},
      {"fr", "Le thermomètre a atteint 41 °C à Lyon.", "41 °C", "temperature", "Cel", "Cel", 41},
      {"fr", "Des rafales à 130 km/h ont été relevées.", "130 km/h", "speed", "km/h", "m/s",
       36.111111111111114},
      {"en", "The storm dumped 20 cm of snow.", "20 cm", "distance", "cm", "m", 0.2},
      {"en", "The weight is 20 (kg).", "20 (kg)", "mass", "kg", "kg", 20},
      {"en", "a 10-gallon water cooler", "10-gallon", "volume", "[gal_us]", "m3", 0.03785411784},
      {"en", "The plant produced 4.2 terawatt hours last year.", "4.2 terawatt hours", "energy",
       "TW.h", "J", 1.512e16},
      {"en", "Winds of 90 miles per hour hit the coast.", "90 miles per hour", "speed", "[mi_i]/h",
       "m/s", 40.2336},
      // A glued "m" that is also the metre is the metre without money or a counted
      // noun (with them it is the million: QuantityTaggerTest.MillionOrMetre).
      {"en", "I'm 1.8m tall.", "1.8m", "distance", "m", "m", 1.8},
      {"en", "The crane reaches 48m.", "48m", "distance", "m", "m", 48},
      {"en", "The plot measures 24703m2.", "24703m2", "area", "m2", "m2", 24703},
      // "pounds" is a mass, unless money is spoken of in the sentence (below).
      {"en", "The baby weighed over two pounds.", "over two pounds", "mass", "[lb_av]", "kg",
       0.90718474},
      {"en", "a 5 pound bag of flour", "5 pound", "mass", "[lb_av]", "kg", 2.26796185},
      // Compound measures of non-decimal units add up, in the bigger unit.
      {"en", "He is 5 feet 2 inches.", "5 feet 2 inches", "distance", "[ft_i]", "m", 1.5748},
      {"en", "He is 5 ft and 2 in tall.", "5 ft and 2 in", "distance", "[ft_i]", "m", 1.5748},
      {"en", "The calf weighed 3 pounds 8 ounces.", "3 pounds 8 ounces", "mass", "[lb_av]", "kg",
       1.587573295},
      // Rates: a unit, "/" or "per", a unit; the unit table gives the measure.
      {"en", "It moves at 50 meters per millisecond.", "50 meters per millisecond", "speed", "m/ms",
       "m/s", 50000},
      {"en", "It moves at 50 km/ms.", "50 km/ms", "speed", "km/ms", "m/s", 5e7},
      {"en", "The convoy made 300 km per day.", "300 km per day", "speed", "km/day", "m/s",
       3.4722222222222223},
      // a unit as an adjective is singular: "a 10-kilowatt generator"
      {"en", "They brought a 10-kilowatt generator.", "10-kilowatt", "power", "kW", "W", 10000},
      {"en", "Rotate it 3 turns.", "3 turns", "angle", "circ", "deg", 1080},
      {"es", "El incendio quemó 3.000 hectáreas.", "3.000 hectáreas", "area", "har", "m2", 3e7},
      {"de", "Die Temperatur stieg auf 38 Grad.", "38 Grad", "temperature", "Cel", "Cel", 38},
      {"it", "La colonna si estende per 12 chilometri.", "12 chilometri", "distance", "km", "m",
       12000},
      {"ru", "Колонна растянулась на 20 километров.", "20 километров", "distance", "km", "m",
       20000},
  };
  for (const UnitCase& c : cases) {
    Document doc;
    std::vector<Claim> claims = ClaimsOf(c.text, c.lang, &doc);
    ASSERT_EQ(claims.size(), 1u) << c.text;
    const Claim& claim = claims[0];
    EXPECT_EQ(Text(doc, {claim.start, claim.end}), c.claim) << c.text;
    EXPECT_EQ(claim.measure, c.measure) << c.text;
    EXPECT_EQ(claim.unit, c.unit) << c.text;
    EXPECT_EQ(claim.base_unit, c.base_unit) << c.text;
    EXPECT_NEAR(claim.base_value, c.base_value, 1e-9 * std::max(1.0, std::fabs(c.base_value)))
        << c.text;
  }
}

// Letters glued to digits make a quantity only when they are a whole unit:
// not a name ("G20", "A320"), not a code ("24703m212"), not a time ("14h30").
TEST(QuantityTaggerTest, GluedLettersThatAreNoUnit) {
  const std::pair<const char*, const char*> cases[] = {
      {"en", "The G20 summit and the A320 jet."},
      {"en", "The reference 24703m212 was printed."},
      {"en", "The files scp2-173m and scp-173m were lost."},
      {"fr", "Rendez-vous à 14h30 devant la mairie."},
      {"fr", "Le sommet du G20 s'ouvre."},
  };
  for (const auto& [lang, text] : cases) {
    Document doc;
    for (const Claim& c : ClaimsOf(text, lang, &doc)) {
      EXPECT_FALSE(Tagger().units().IsPhysicalMeasure(c.measure))
          << text << ": " << Text(doc, {c.start, c.end}) << " " << c.measure;
    }
  }
}

// A unit phrase with digits ("m2") needs them glued: "12 m 2 dm" is metres,
// then decimetres.
TEST(QuantityTaggerTest, SpacedDigitsAreNoPartOfAUnit) {
  Document doc;
  std::vector<Claim> claims = ClaimsOf("The length is 12 m 2 dm, the area 24 m2.", "en", &doc);
  ASSERT_EQ(claims.size(), 3u);
  EXPECT_EQ(claims[0].unit, "m");
  EXPECT_EQ(claims[1].unit, "dm");
  EXPECT_EQ(claims[2].unit, "m2");
}

// Two lengths of decimal units stay two claims ("12 m 2 dm", above); so do a
// length and an unrelated number, and a mass and a smaller mass that is more
// than one bigger unit.
TEST(QuantityTaggerTest, CompoundMeasuresOnlyOfNonDecimalParts) {
  const std::pair<const char*, size_t> cases[] = {
      {"The rope is 1 m 1 m.", 2},
      {"The rope is 1 m x 1 m.", 2},
      {"He ran 5 miles and 2 people followed.", 1},
      {"It weighs 3 pounds 20 ounces.", 2},
  };
  for (const auto& [text, count] : cases) {
    Document doc;
    std::vector<Claim> claims = ClaimsOf(text, "en", &doc);
    std::vector<Claim> physical;
    for (const Claim& c : claims) {
      if (Tagger().units().IsPhysicalMeasure(c.measure)) physical.push_back(c);
    }
    EXPECT_EQ(physical.size(), count) << text;
  }
  // "in" alone is a preposition, not an inch.
  Document doc;
  for (const Claim& c : ClaimsOf("Turnout was 2 in 3 voters.", "en", &doc)) {
    EXPECT_NE(c.unit, "[in_i]") << Text(doc, {c.start, c.end});
  }
}

// "m" glued to digits: the million with money or a counted noun, else the metre.
TEST(QuantityTaggerTest, MillionOrMetre) {
  struct Case {
    const char* text;
    const char* measure;
    double value;
  };
  const Case cases[] = {
      {"The deal was worth $1.8m.", "money", 1.8e6},
      {"It cost 1.8m dollars.", "money", 1.8e6},
      {"It cost 1.8M dollars.", "money", 1.8e6},
      {"Some 5m people were displaced.", "displaced", 5e6},
      {"The wall is 5m high.", "distance", 5},
      {"The wall is 5 m.", "distance", 5},
  };
  for (const Case& c : cases) {
    Document doc;
    std::vector<Claim> claims = ClaimsOf(c.text, "en", &doc);
    ASSERT_EQ(claims.size(), 1u) << c.text;
    EXPECT_EQ(claims[0].measure, c.measure) << c.text;
    EXPECT_DOUBLE_EQ(claims[0].value, c.value) << c.text;
  }
}

// A dash right after a number is a range's, not a minus: "75 -300mm".
TEST(QuantityTaggerTest, DashAfterANumberIsARange) {
  Document doc;
  std::vector<Claim> claims = ClaimsOf("The lens is a 75 -300mm zoom.", "en", &doc);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_TRUE(claims[0].interval);
  EXPECT_EQ(claims[0].min, 75);
  EXPECT_EQ(claims[0].max, 300);
  EXPECT_EQ(claims[0].unit, "mm");
  claims = ClaimsOf("It fell to -5 degrees Celsius.", "en", &doc);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].value, -5);
}

// "pounds": the pound sterling when money is spoken of in the sentence.
TEST(QuantityTaggerTest, PoundsOfMoneyOrOfMass) {
  const std::pair<const char*, const char*> cases[] = {
      {"Its operating profit improved to 361 million pounds.", "money"},
      {"The fine was set at 500 pounds sterling.", "money"},
      {"She lost 25 pounds in a year.", "mass"},
      {"A metric ton is equal to 2,204.62 pounds.", "mass"},
  };
  for (const auto& [text, measure] : cases) {
    Document doc;
    std::vector<Claim> claims = ClaimsOf(text, "en", &doc);
    ASSERT_FALSE(claims.empty()) << text;
    EXPECT_EQ(claims.back().measure, measure) << text;
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
  EXPECT_EQ(q.GetString("base_unit"), "");
  EXPECT_TRUE(q["base_value"].is_null());
}

TEST(QuantityTaggerTest, JsonBaseValue) {
  Document doc;
  std::vector<Claim> claims = ClaimsOf("Une colonne de 12 km et de 3 à 5 tonnes.", "fr", &doc);
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  AppendQuantitiesJson(doc, claims, &w);
  w.EndObject();
  auto json = ParseJson(out);
  ASSERT_TRUE(json.ok()) << out;
  ASSERT_EQ((*json)["quantities"].items().size(), 2u) << out;
  const JsonValue& km = (*json)["quantities"].items().at(0);
  EXPECT_EQ(km.GetString("unit"), "km");
  EXPECT_EQ(km.GetString("base_unit"), "m");
  EXPECT_EQ(km["base_value"].num(), 12000);
  const JsonValue& t = (*json)["quantities"].items().at(1);
  EXPECT_EQ(t.GetString("base_unit"), "kg");
  EXPECT_EQ(t["base_min"].num(), 3000);
  EXPECT_EQ(t["base_max"].num(), 5000);
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

// One row per key: a second row whose phrase folds to the same key, with the
// same kind (and role), is an error naming both lines, in any quantity file
// (es/quantity_measures.tsv had copies). A noun and a verb row of one phrase
// are two keys.
TEST(QuantityTaggerTest, DuplicateDataRowNamesBothLines) {
  QuantityOptions options;
  options.base.data_dir = ::testing::TempDir() + "/qty_dup_data";
  const std::string dir = options.base.data_dir + "/lang/es";
  ASSERT_EQ(std::system(("mkdir -p " + dir).c_str()), 0);
  auto write = [&](const std::string& name, const char* text) {
    FILE* f = std::fopen((dir + "/" + name).c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs(text, f);
    std::fclose(f);
  };
  write("quantity_numbers.tsv", "mil\tscale\t1000\n");
  options.languages = {"es"};
  const std::pair<const char*, const char*> cases[] = {
      {"# measures\nheridas\tmeasure\tinjured\tverb\nmuertos\tmeasure\tkilled\n"
       "Heridas\tmeasure\tinjured\tverb\n",
       "quantity_measures.tsv:4: duplicate row: \"Heridas\" measure is already at "},
      // noun and verb of one phrase are accepted: the error is the later line
      {"muertos\tmeasure\tkilled\nmuertos\tmeasure\tkilled\tverb\nfoo\tbogus\n",
       "quantity_measures.tsv:3: unknown kind"},
  };
  for (const auto& [text, error] : cases) {
    write("quantity_measures.tsv", text);
    auto t = QuantityTagger::Create(options);
    ASSERT_FALSE(t.ok()) << text;
    EXPECT_NE(t.status().message().find(error), std::string::npos) << t.status().message();
  }
  write("quantity_measures.tsv", "heridas\tmeasure\tinjured\tverb\n");
  write("quantity_cues.tsv", "heridas\tmeasure\tinjured\tverb\n");  // across files too
  auto t = QuantityTagger::Create(options);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("quantity_cues.tsv:1: duplicate row"), std::string::npos)
      << t.status().message();
  EXPECT_NE(t.status().message().find("quantity_measures.tsv:1"), std::string::npos)
      << t.status().message();
}

}  // namespace
}  // namespace sitrep
