// @brief Tests of the figures stage: each relation type in French, English and
// Russian on small synthetic documents, incomplete claims, documents without a
// date, what forms no series, and the JSON field names.
#include "figures/figures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "base/json.h"

namespace sitrep {
namespace {

const FigureRules& Rules() {
  static const FigureRules rules = [] {
    Result<FigureRules> r = FigureRules::Load(SITREP_SOURCE_DIR "/data");
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? std::move(r).value() : FigureRules{};
  }();
  return rules;
}

// A claim to place in a synthetic document: its words (found in the text),
// what it counts, and optionally its source words and stated date.
struct Fig {
  std::string words;
  double value = 0;
  std::string measure;
  HedgeType hedge = HedgeType::kExact;
  std::string source{};  // words of the attribution's source, "" for none
  std::string time{};    // the date the sentence gives it
  bool reported = false;
  double min = 0, max = 0;  // a vague quantity when max > 0
};

struct Place {
  std::string words, id, name, kind, country;
};

const Place kKazakhstan{"", "KZ", "Kazakhstan", "country", "KZ"};
const Place kAlmaty{"", "gn:1526384", "Almaty", "city", "KZ"};

// One document: `text` is one sentence per line; each claim lies in the
// sentence that holds its words; `places` are mentions (LOC) of those words.
Document Doc(const std::string& lang, const std::string& published, const std::string& outlet,
             const std::string& text, const std::vector<Fig>& figs,
             const std::vector<Place>& places) {
  Document d;
  d.lang = lang;
  d.outlet = outlet;
  d.text = text;
  d.id = outlet + "-" + published + "-" + std::to_string(text.size());
  if (!published.empty()) d.published = PublishedDate{published, DatePrecision::kDay, "", "input"};
  size_t pos = 0;
  while (pos < d.text.size()) {
    size_t nl = d.text.find('\n', pos);
    if (nl == std::string::npos) nl = d.text.size();
    d.paragraphs.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(nl),
                            BlockKind::kParagraph, lang, false});
    d.sentences.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(nl)});
    pos = nl + 1;
  }
  auto sentence_of = [&](size_t at) {
    for (size_t i = 0; i < d.sentences.size(); ++i) {
      if (at >= d.sentences[i].start && at < d.sentences[i].end) return static_cast<int>(i);
    }
    return -1;
  };
  for (const Fig& f : figs) {
    const size_t at = d.text.find(f.words);
    EXPECT_NE(at, std::string::npos) << f.words;
    Claim c;
    c.start = static_cast<uint32_t>(at);
    c.end = static_cast<uint32_t>(at + f.words.size());
    c.number_start = c.start;
    c.number_end = c.end;
    c.value = f.value;
    c.measure = f.measure;
    c.hedge = f.hedge;
    c.time = f.time;
    c.reported = f.reported;
    if (f.max > 0) {
      c.interval = true;
      c.number_kind = NumberKind::kVague;
      c.min = f.min;
      c.max = f.max;
    }
    if (!f.source.empty()) {
      const size_t s = d.text.find(f.source);
      EXPECT_NE(s, std::string::npos) << f.source;
      c.source = {static_cast<uint32_t>(s), static_cast<uint32_t>(s + f.source.size())};
      c.attribution = c.source;
    }
    c.sentence = sentence_of(at);
    d.claims.push_back(c);
  }
  for (const Place& p : places) {
    const size_t at = d.text.find(p.words);
    EXPECT_NE(at, std::string::npos) << p.words;
    Mention m;
    m.start = static_cast<uint32_t>(at);
    m.end = static_cast<uint32_t>(at + p.words.size());
    m.type = MentionType::kLoc;
    m.entity = p.id;
    m.name = p.name;
    d.mentions.push_back(m);
    EntityInfo e;
    e.id = p.id;
    e.name = p.name;
    e.type = "LOC";
    e.kind = p.kind;
    e.country = p.country;
    d.entities.push_back(e);
  }
  std::sort(d.mentions.begin(), d.mentions.end(),
            [](const Mention& a, const Mention& b) { return a.start < b.start; });
  return d;
}

Place At(const Place& p, const std::string& words) {
  Place q = p;
  q.words = words;
  return q;
}

// The series holding claim `quantity` of document `doc`.
const FigureSeries* SeriesOf(const std::vector<FigureSeries>& all, uint32_t doc,
                             uint32_t quantity) {
  for (const FigureSeries& s : all) {
    for (const FigureClaim& c : s.claims) {
      if (c.doc == doc && c.quantity == quantity) return &s;
    }
  }
  return nullptr;
}

const FigureClaim* ClaimOf(const FigureSeries& s, uint32_t doc, uint32_t quantity) {
  for (const FigureClaim& c : s.claims) {
    if (c.doc == doc && c.quantity == quantity) return &c;
  }
  return nullptr;
}

// Two sentences in one language about the same force in the same country.
struct TroopCase {
  const char* lang;
  const char* text_a;  // "about 2,500 troops in Kazakhstan", source A
  const char* claim_a;
  const char* source_a;
  const char* text_b;
  const char* claim_b;
  const char* source_b;
  const char* place;  // the place's words, in both texts
};

const TroopCase kTroops[] = {
    {"fr", "Environ 2 500 soldats sont déployés au Kazakhstan, selon l'alliance.",
     "Environ 2 500 soldats", "l'alliance",
     "Quelque 2 400 militaires sont déployés au Kazakhstan, selon des médias russes.",
     "Quelque 2 400 militaires", "des médias russes", "Kazakhstan"},
    {"en", "About 2,500 troops are deployed in Kazakhstan, the alliance said.",
     "About 2,500 troops", "the alliance",
     "Some 2,400 soldiers are deployed in Kazakhstan, according to Russian media.",
     "Some 2,400 soldiers", "Russian media", "Kazakhstan"},
    {"ru", "Около 2500 военнослужащих развернуты в Казахстане, сообщил альянс.",
     "Около 2500 военнослужащих", "альянс",
     "Порядка 2400 военных развернуты в Казахстане, по данным российских СМИ.",
     "Порядка 2400 военных", "российских СМИ", "Казахстане"},
};

TEST(Figures, AgreesWhenIntervalsOverlap) {
  for (const TroopCase& t : kTroops) {
    SCOPED_TRACE(t.lang);
    std::vector<Document> docs = {
        Doc(t.lang, "2022-01-07", "A", t.text_a,
            {{t.claim_a, 2500, "troops", HedgeType::kApproximate, t.source_a}},
            {At(kKazakhstan, t.place)}),
        Doc(t.lang, "2022-01-08", "B", t.text_b,
            {{t.claim_b, 2400, "troops", HedgeType::kApproximate, t.source_b}},
            {At(kKazakhstan, t.place)})};
    std::vector<FigureSeries> all = BuildFigures(docs, Rules());
    ASSERT_EQ(all.size(), 1u);
    const FigureSeries& s = all[0];
    EXPECT_EQ(s.status, SeriesStatus::kAgree);
    EXPECT_EQ(s.place_entity, "KZ");
    ASSERT_EQ(s.claims.size(), 2u);
    EXPECT_EQ(s.claims[1].relation, FigureRelation::kAgrees);
    // ≈2,500 with a 10% tolerance: [2250, 2750]; the estimate is the overlap.
    EXPECT_DOUBLE_EQ(s.claims[0].min, 2250);
    EXPECT_DOUBLE_EQ(s.claims[0].max, 2750);
    EXPECT_DOUBLE_EQ(s.est_min, 2250);
    EXPECT_DOUBLE_EQ(s.est_max, 2640);
  }
}

// A headline and its body giving one figure: one source, and the summary says so.
TEST(Figures, OneSourceAgreeingWithItselfIsNotCountedAsSources) {
  std::vector<Document> docs = {
      Doc("en", "2022-01-07", "A",
          "At least 9 killed in Kazakhstan. Officials raised the toll to nine dead in Kazakhstan.",
          {{"At least 9", 9, "killed", HedgeType::kLowerBound}, {"nine dead", 9, "killed"}},
          {At(kKazakhstan, "Kazakhstan")})};
  std::vector<FigureSeries> all = BuildFigures(docs, Rules());
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].status, SeriesStatus::kAgree);
  EXPECT_NE(all[0].summary.find("2 claims of one source agree"), std::string::npos)
      << all[0].summary;
}

TEST(Figures, ContradictsWhenSourcesGiveDisjointFigures) {
  const TroopCase cases[] = {
      {"fr", "Environ 2 000 soldats sont déployés au Kazakhstan, selon l'alliance.",
       "Environ 2 000 soldats", "l'alliance",
       "Près de 3 000 militaires sont déployés au Kazakhstan, selon des médias russes.",
       "Près de 3 000 militaires", "des médias russes", "Kazakhstan"},
      {"en", "About 2,000 troops are deployed in Kazakhstan, the alliance said.",
       "About 2,000 troops", "the alliance",
       "Nearly 3,000 soldiers are deployed in Kazakhstan, according to Russian media.",
       "Nearly 3,000 soldiers", "Russian media", "Kazakhstan"},
      {"ru", "Около 2000 военнослужащих развернуты в Казахстане, сообщил альянс.",
       "Около 2000 военнослужащих", "альянс",
       "Около трех тысяч военных развернуты в Казахстане, по данным российских СМИ.",
       "Около трех тысяч военных", "российских СМИ", "Казахстане"},
  };
  for (const TroopCase& t : cases) {
    SCOPED_TRACE(t.lang);
    std::vector<Document> docs = {
        Doc(t.lang, "2022-01-07", "A", t.text_a,
            {{t.claim_a, 2000, "troops", HedgeType::kApproximate, t.source_a}},
            {At(kKazakhstan, t.place)}),
        Doc(t.lang, "2022-01-10", "B", t.text_b,
            {{t.claim_b, 3000, "troops", HedgeType::kApproximate, t.source_b}},
            {At(kKazakhstan, t.place)})};
    std::vector<FigureSeries> all = BuildFigures(docs, Rules());
    ASSERT_EQ(all.size(), 1u);
    const FigureSeries& s = all[0];
    EXPECT_EQ(s.status, SeriesStatus::kContradicted);
    EXPECT_EQ(s.claims[1].relation, FigureRelation::kContradicts);
    ASSERT_EQ(s.conflicts.size(), 1u);
    EXPECT_EQ(s.conflicts[0].a, 0u);
    EXPECT_EQ(s.conflicts[0].b, 1u);
    EXPECT_NE(s.conflicts[0].why.find("do not overlap"), std::string::npos);
    EXPECT_NE(s.summary.find(" vs "), std::string::npos);
  }
}

// Figures two orders of magnitude apart still contradict (a real disagreement
// is never hidden), and the conflict says one may count something else.
TEST(Figures, AConflictHundredTimesApartSaysSoAndStays) {
  std::vector<Document> docs = {
      Doc("it", "2022-01-10", "A", "Circa 2.500 soldati sono in Kazakistan, secondo l'OTSC.",
          {{"Circa 2.500 soldati", 2500, "troops", HedgeType::kApproximate, "l'OTSC"}},
          {At(kKazakhstan, "Kazakistan")}),
      Doc("it", "2022-01-12", "B", "In Kazakistan ci sono 16 militari, secondo i media.",
          {{"16 militari", 16, "troops", HedgeType::kExact, "i media"}},
          {At(kKazakhstan, "Kazakistan")}),
      Doc("it", "2022-01-11", "C", "In Kazakistan ci sono 2.030 militari, secondo Zas.",
          {{"2.030 militari", 2030, "troops", HedgeType::kExact, "Zas"}},
          {At(kKazakhstan, "Kazakistan")})};
  std::vector<FigureSeries> all = BuildFigures(docs, Rules());
  ASSERT_EQ(all.size(), 1u);
  const FigureSeries& s = all[0];
  EXPECT_EQ(s.status, SeriesStatus::kContradicted);
  ASSERT_EQ(s.conflicts.size(), 2u);  // 2 030 against ≈2 500, 16 against 2 030
  size_t apart = 0;
  for (const FigureConflict& c : s.conflicts) {
    SCOPED_TRACE(c.why);
    const bool with_16 = s.claims[c.a].max == 16 || s.claims[c.b].max == 16;
    EXPECT_EQ(c.why.find("16 is 100 times below") != std::string::npos, with_16);
    apart += with_16;
  }
  EXPECT_EQ(apart, 1u);
}

TEST(Figures, SameSourceUpdatingItselfRevises) {
  std::vector<Document> docs = {
      Doc("en", "2022-01-07", "A", "About 2,500 troops are in Kazakhstan, the alliance said.",
          {{"About 2,500 troops", 2500, "troops", HedgeType::kApproximate, "the alliance"}},
          {At(kKazakhstan, "Kazakhstan")}),
      Doc("en", "2022-01-19", "B", "In all 2,030 troops were in Kazakhstan, the alliance said.",
          {{"2,030 troops", 2030, "troops", HedgeType::kExact, "the alliance"}},
          {At(kKazakhstan, "Kazakhstan")})};
  std::vector<FigureSeries> all = BuildFigures(docs, Rules());
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].status, SeriesStatus::kRevised);
  EXPECT_EQ(all[0].claims[1].relation, FigureRelation::kRevises);
  // The source's last word is the estimate.
  EXPECT_DOUBLE_EQ(all[0].est_min, 2030);
  EXPECT_EQ(all[0].latest, 1);
}

// A death toll over a week: dozens, then 164, then 225, in three languages.
TEST(Figures, CumulativeTollRevisesOverTime) {
  struct Case {
    const char* lang;
    const char* a;
    const char* a_claim;
    const char* b;
    const char* b_claim;
    const char* c;
    const char* c_claim;
    const char* place;
  };
  const Case cases[] = {
      {"fr", "Des dizaines de morts au Kazakhstan, selon la police.", "dizaines",
       "Le ministère compte 164 morts au Kazakhstan.", "164 morts",
       "Le parquet annonce 225 morts au Kazakhstan.", "225 morts", "Kazakhstan"},
      {"en", "Dozens were killed in Kazakhstan, police said.", "Dozens",
       "The ministry counts 164 dead in Kazakhstan.", "164 dead",
       "Prosecutors say 225 people were killed in Kazakhstan.", "225 people", "Kazakhstan"},
      {"ru", "Десятки погибших в Казахстане, сообщила полиция.", "Десятки",
       "Минздрав сообщил о 164 погибших в Казахстане.", "164 погибших",
       "Прокуратура назвала 225 погибших в Казахстане.", "225 погибших", "Казахстане"},
  };
  for (const Case& t : cases) {
    SCOPED_TRACE(t.lang);
    std::vector<Document> docs = {
        Doc(t.lang, "2022-01-07", "A", t.a,
            {{t.a_claim, 0, "killed", HedgeType::kVaguePlural, "", "", false, 20, 99}},
            {At(kKazakhstan, t.place)}),
        Doc(t.lang, "2022-01-09", "B", t.b, {{t.b_claim, 164, "killed"}},
            {At(kKazakhstan, t.place)}),
        Doc(t.lang, "2022-01-16", "C", t.c, {{t.c_claim, 225, "killed"}},
            {At(kKazakhstan, t.place)})};
    std::vector<FigureSeries> all = BuildFigures(docs, Rules());
    ASSERT_EQ(all.size(), 1u);
    const FigureSeries& s = all[0];
    EXPECT_EQ(s.status, SeriesStatus::kRevised);
    EXPECT_TRUE(s.conflicts.empty());
    EXPECT_EQ(s.claims[1].relation, FigureRelation::kRevises);
    EXPECT_EQ(s.claims[2].relation, FigureRelation::kRevises);
    EXPECT_EQ(s.period, "2022-01-07/2022-01-16");
    ASSERT_EQ(s.latest, 2);
    EXPECT_DOUBLE_EQ(s.est_min, 225);
    // "164 (B, 2022-01-09) → 225 (C, 2022-01-16); earlier '…' (2022-01-07)"
    EXPECT_NE(s.summary.find("164 (B, 2022-01-09) \xE2\x86\x92 225 (C, 2022-01-16); earlier '"),
              std::string::npos)
        << s.summary;
  }
}

TEST(Figures, SameFigureFromTheSameSourceIsOneReport) {
  for (const TroopCase& t : kTroops) {
    SCOPED_TRACE(t.lang);
    // The same wire copy in two outlets: same source words, same figure.
    std::vector<Document> docs = {
        Doc(t.lang, "2022-01-07", "A", t.text_a,
            {{t.claim_a, 2500, "troops", HedgeType::kApproximate, t.source_a}},
            {At(kKazakhstan, t.place)}),
        Doc(t.lang, "2022-01-07", "B", std::string(t.text_a) + "\nX.",
            {{t.claim_a, 2500, "troops", HedgeType::kApproximate, t.source_a}},
            {At(kKazakhstan, t.place)})};
    std::vector<FigureSeries> all = BuildFigures(docs, Rules());
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].claims[1].relation, FigureRelation::kSameReport);
    EXPECT_EQ(all[0].status, SeriesStatus::kSingle);  // counted once
  }
}

// A copy (Document::duplicate_of) in another outlet that names no source: the
// outlets differ, but the figure is one report, counted once.
TEST(Figures, TheSameFigureInACopyIsOneReport) {
  const char* text = "About 2,500 troops arrived in Kazakhstan.";
  auto make = [&](const std::string& outlet) {
    return Doc("en", "2022-01-07", outlet, text,
               {{"About 2,500", 2500, "troops", HedgeType::kApproximate}},
               {At(kKazakhstan, "Kazakhstan")});
  };
  std::vector<Document> apart = {make("A"), make("B")};
  apart[1].id += "-b";
  std::vector<FigureSeries> two = BuildFigures(apart, Rules());
  ASSERT_EQ(two.size(), 1u);
  EXPECT_EQ(two[0].claims[1].relation, FigureRelation::kAgrees);  // two outlets: two sources
  std::vector<Document> copies = apart;
  copies[1].duplicate_of = DocLink{copies[0].id, 0.9, 1.0};
  std::vector<FigureSeries> one = BuildFigures(copies, Rules());
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].claims[1].relation, FigureRelation::kSameReport);
  EXPECT_EQ(one[0].status, SeriesStatus::kSingle);
}

TEST(Figures, PartsBySubjectAndByPlace) {
  struct Case {
    const char* lang;
    const char* text;
    const char* total;
    const char* part;
    const char* city_text;
    const char* city_claim;
    const char* country;
    const char* city;
  };
  const Case cases[] = {
      {"fr", "Le bilan est de 225 morts au Kazakhstan, dont 19 membres des forces de sécurité.",
       "225 morts", "19 membres des forces", "On compte 103 morts à Almaty.", "103 morts",
       "Kazakhstan", "Almaty"},
      {"en", "The toll is 225 dead in Kazakhstan, including 19 members of the security forces.",
       "225 dead", "19 members", "There were 103 dead in Almaty.", "103 dead", "Kazakhstan",
       "Almaty"},
      {"ru", "Всего 225 погибших в Казахстане, из них 19 сотрудников силовых структур.",
       "225 погибших", "19 сотрудников", "В Алматы 103 погибших.", "103 погибших", "Казахстане",
       "Алматы"},
      {"it",
       "Il bilancio è di 225 morti in Kazakistan. Tra le vittime ci sarebbero anche 16 membri "
       "delle forze di sicurezza.",
       "225 morti", "16 membri", "Ad Almaty si contano 103 morti.", "103 morti", "Kazakistan",
       "Almaty"},
  };
  for (const Case& t : cases) {
    SCOPED_TRACE(t.lang);
    std::vector<Document> docs = {
        Doc(t.lang, "2022-01-16", "A", t.text, {{t.total, 225, "killed"}, {t.part, 19, "killed"}},
            {At(kKazakhstan, t.country)}),
        Doc(t.lang, "2022-01-16", "B", t.city_text, {{t.city_claim, 103, "killed"}},
            {At(kAlmaty, t.city)})};
    std::vector<FigureSeries> all = BuildFigures(docs, Rules());
    const FigureSeries* total = SeriesOf(all, 0, 0);
    const FigureSeries* part = SeriesOf(all, 0, 1);
    const FigureSeries* city = SeriesOf(all, 1, 0);
    ASSERT_TRUE(total && part && city);
    EXPECT_NE(total, part);
    EXPECT_EQ(total->subject, "all");
    EXPECT_EQ(part->subject, "security_forces");
    EXPECT_EQ(part->part_of, total->id);
    EXPECT_EQ(part->part_why, "subject");
    EXPECT_EQ(city->place_entity, "gn:1526384");
    EXPECT_EQ(city->part_of, total->id);
    EXPECT_EQ(city->part_why, "place");
  }
}

TEST(Figures, NoPublishedDateNeverMakesARevisionAContradiction) {
  std::vector<Document> docs = {
      Doc("fr", "2022-01-09", "A", "Le ministère compte 164 morts au Kazakhstan.",
          {{"164 morts", 164, "killed", HedgeType::kExact, "Le ministère"}},
          {At(kKazakhstan, "Kazakhstan")}),
      Doc("fr", "", "B", "Le parquet annonce 225 morts au Kazakhstan.",
          {{"225 morts", 225, "killed", HedgeType::kExact, "Le parquet"}},
          {At(kKazakhstan, "Kazakhstan")})};
  std::vector<FigureSeries> all = BuildFigures(docs, Rules());
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].status, SeriesStatus::kRevised);
  EXPECT_TRUE(all[0].conflicts.empty());
  const FigureClaim* undated = ClaimOf(all[0], 1, 0);
  ASSERT_TRUE(undated);
  EXPECT_TRUE(undated->date.empty());
  // The history holds dated claims only; the undated one follows it.
  EXPECT_NE(all[0].summary.find("164 (Le ministère, 2022-01-09); undated: 225 (Le parquet)"),
            std::string::npos)
      << all[0].summary;
  // The same two figures stated for the same day by two sources do contradict.
  docs[1].published = docs[0].published;
  all = BuildFigures(docs, Rules());
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].status, SeriesStatus::kContradicted);
}

TEST(Figures, IncompleteClaimsJoinThroughTheirDocumentOrStayAloneWithAReason) {
  std::vector<Document> docs = {
      // No place in the claim's clause: the document names Kazakhstan elsewhere.
      Doc("en", "2022-01-09", "A",
          "Unrest in Kazakhstan.\nThe ministry said 164 people were killed.",
          {{"164 people", 164, "killed", HedgeType::kExact, "The ministry"}},
          {At(kKazakhstan, "Kazakhstan")}),
      Doc("en", "2022-01-16", "B", "Prosecutors say 225 people were killed in Kazakhstan.",
          {{"225 people", 225, "killed"}}, {At(kKazakhstan, "Kazakhstan")}),
      // No place anywhere: alone, and says why.
      Doc("en", "2022-01-16", "C", "Officials said 300 people were killed.",
          {{"300 people", 300, "killed"}}, {}),
      // An event count needs its day: no date in the sentence or the document.
      Doc("en", "", "D", "Some 5,000 protesters marched in Kazakhstan.",
          {{"Some 5,000 protesters", 5000, "protesters", HedgeType::kApproximate}},
          {At(kKazakhstan, "Kazakhstan")})};
  std::vector<FigureSeries> all = BuildFigures(docs, Rules());
  const FigureSeries* a = SeriesOf(all, 0, 0);
  const FigureSeries* b = SeriesOf(all, 1, 0);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a, b);
  const FigureSeries* c = SeriesOf(all, 2, 0);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->status, SeriesStatus::kSingle);
  EXPECT_NE(c->reason.find("no place"), std::string::npos);
  const FigureSeries* d = SeriesOf(all, 3, 0);
  ASSERT_TRUE(d);
  EXPECT_NE(d->reason.find("no date"), std::string::npos);
  // The source falls back to the outlet when the claim names none.
  EXPECT_EQ(ClaimOf(*b, 1, 0)->source, "B");
}

// "à la frontière de laquelle": a noun of place names the country before its clause.
TEST(Figures, ANounOfPlaceNamesTheCountryBeforeItsClause) {
  struct Case {
    const char* lang;
    const char* text;
    const char* claim;
    const char* ukraine;
    const char* kazakhstan;
  };
  const Case cases[] = {
      {"fr",
       "Kazakhstan : la crise.\nLes tensions avec l'Ukraine, à la frontière de laquelle "
       "l'armée a amassé quelque 100 000 soldats.",
       "quelque 100 000 soldats", "Ukraine", "Kazakhstan"},
      {"en",
       "Kazakhstan: the crisis.\nTensions with Ukraine, on whose border the army has massed "
       "some 100,000 troops.",
       "some 100,000 troops", "Ukraine", "Kazakhstan"},
      {"ru",
       "Казахстан: кризис.\nНапряженность с Украиной, у границ которой армия собрала около "
       "100 000 военнослужащих.",
       "около 100 000 военнослужащих", "Украиной", "Казахстан"},
  };
  const Place ukraine{"", "UA", "Ukraine", "country", "UA"};
  for (const Case& t : cases) {
    SCOPED_TRACE(t.lang);
    std::vector<Document> docs = {Doc(t.lang, "2022-01-11", "A", t.text,
                                      {{t.claim, 100000, "troops", HedgeType::kApproximate}},
                                      {At(kKazakhstan, t.kazakhstan), At(ukraine, t.ukraine)})};
    docs[0].paragraphs[0].kind = BlockKind::kTitle;  // the title names Kazakhstan
    std::vector<FigureSeries> all = BuildFigures(docs, Rules());
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].place_entity, "UA");
    // Without the noun of place, the claim takes its document's place.
    docs[0] = Doc(t.lang, "2022-01-11", "A", "Kazakhstan.\nUkraine, then some 100 troops.",
                  {{"some 100 troops", 100, "troops"}},
                  {At(kKazakhstan, "Kazakhstan"), At(ukraine, "Ukraine")});
    docs[0].paragraphs[0].kind = BlockKind::kTitle;
    all = BuildFigures(docs, Rules());
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].place_entity, "KZ");
  }
}

TEST(Figures, AgesOrdinalsAndDurationsFormNoSeries) {
  std::vector<Document> docs = {
      Doc("en", "2022-01-09", "A", "Nazarbayev, 81, ruled Kazakhstan for 30 years, a first.",
          {{"81", 81, "age"}, {"30 years", 30, "duration"}, {"first", 1, "ordinal"}},
          {At(kKazakhstan, "Kazakhstan")})};
  EXPECT_TRUE(BuildFigures(docs, Rules()).empty());
}

// "An age becomes an attribute on the person's card."
TEST(Figures, AnAgeIsAnAttributeOfThePersonNamedBeforeIt) {
  struct Case {
    const char* lang;
    const char* text;
    const char* name;
    const char* age;
  };
  const Case cases[] = {
      {"fr", "L'ex-président Nursultan Nazarbayev, âgé de 81 ans, a quitté le Conseil.",
       "Nursultan Nazarbayev", "81 ans"},
      {"es", "El expresidente Nursultán Nazarbáyev, de 81 años, dejó el Consejo.",
       "Nursultán Nazarbáyev", "81 años"},
      {"en", "Former president Nursultan Nazarbayev, 81, left the council.", "Nursultan Nazarbayev",
       "81"},
  };
  for (const Case& t : cases) {
    SCOPED_TRACE(t.lang);
    std::vector<Document> docs = {Doc(t.lang, "2022-01-05", "A", t.text, {{t.age, 81, "age"}}, {})};
    Mention m;
    m.start = static_cast<uint32_t>(docs[0].text.find(t.name));
    m.end = m.start + static_cast<uint32_t>(std::string(t.name).size());
    m.type = MentionType::kPer;
    m.entity = "per:nursultan_nazarbayev";
    docs[0].mentions = {m};
    std::vector<PersonAge> ages = PersonAges(docs);
    ASSERT_EQ(ages.size(), 1u);
    EXPECT_EQ(ages[0].entity, "per:nursultan_nazarbayev");
    EXPECT_DOUBLE_EQ(ages[0].age, 81);
    EXPECT_EQ(ages[0].date, "2022-01-05");
    EXPECT_TRUE(BuildFigures(docs, Rules()).empty());  // no series
  }
  // A person named in an earlier sentence does not get the age.
  std::vector<Document> docs = {Doc("en", "2022-01-05", "A",
                                    "Nazarbayev resigned.\nA man, 38, protested.",
                                    {{"38", 38, "age"}}, {})};
  Mention m;
  m.start = 0;
  m.end = 10;
  m.type = MentionType::kPer;
  m.entity = "per:nursultan_nazarbayev";
  docs[0].mentions = {m};
  EXPECT_TRUE(PersonAges(docs).empty());
}

TEST(Figures, JsonHasTheContractFields) {
  std::vector<Document> docs = {
      Doc("en", "2022-01-07", "A", kTroops[1].text_a,
          {{kTroops[1].claim_a, 2500, "troops", HedgeType::kApproximate, kTroops[1].source_a}},
          {At(kKazakhstan, "Kazakhstan")}),
      Doc("en", "2022-01-09", "B", "More than 2,000 troops are in Kazakhstan.",
          {{"More than 2,000 troops", 2000, "troops", HedgeType::kLowerBound}},
          {At(kKazakhstan, "Kazakhstan")})};
  std::vector<FigureSeries> all = BuildFigures(docs, Rules());
  ASSERT_EQ(all.size(), 1u);
  Result<JsonValue> v = ParseJson(FigureSeriesJson(all[0], docs));
  ASSERT_TRUE(v.ok());
  for (const char* k : {"id", "measure", "subject", "place", "period", "claims", "status",
                        "estimate", "conflicts", "summary"}) {
    EXPECT_FALSE((*v)[k].is_null()) << k;
  }
  EXPECT_EQ((*v)["place"].GetString("entity"), "KZ");
  const JsonValue& claims = (*v)["claims"];
  ASSERT_EQ(claims.items().size(), 2u);
  const JsonValue& open = claims.items()[1];
  for (const char* k : {"document", "quantity", "source", "date", "interval", "relation"}) {
    EXPECT_FALSE(open[k].is_null()) << k;
  }
  EXPECT_EQ(open.GetString("document"), docs[1].id);
  EXPECT_TRUE(open["interval"].items()[1].is_null());  // a lower bound has no maximum
  EXPECT_FALSE((*v)["estimate"]["latest"].is_null());
}

TEST(Figures, RulesRefuseABadLine) {
  // A data directory whose measures.tsv names an unknown kind.
  const std::string dir = ::testing::TempDir() + "/figures_bad";
  std::filesystem::create_directories(dir + "/figures");
  for (const char* f : {"hedges.tsv"}) {
    std::filesystem::copy_file(std::string(SITREP_SOURCE_DIR "/data/figures/") + f,
                               dir + "/figures/" + f,
                               std::filesystem::copy_options::overwrite_existing);
  }
  FILE* out = std::fopen((dir + "/figures/measures.tsv").c_str(), "w");
  ASSERT_TRUE(out);
  std::fputs("killed\tcumulative\ntroops\tsometimes\n", out);
  std::fclose(out);
  Result<FigureRules> r = FigureRules::Load(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("measures.tsv:2"), std::string::npos) << r.status().message();
}

// Subject cues and nouns of place are language knowledge: one file each per
// data/lang/<code>/ folder. A language may lack them; a bad line names file:line.
TEST(Figures, SubjectCuesComeFromEachLanguageFolder) {
  for (const char* lang : {"fr", "en", "es", "de", "ru", "it"}) {
    SCOPED_TRACE(lang);
    EXPECT_TRUE(std::any_of(Rules().subjects.begin(), Rules().subjects.end(),
                            [&](const FigureRules::SubjectCue& c) { return c.lang == lang; }));
    EXPECT_TRUE(std::any_of(Rules().place_nouns.begin(), Rules().place_nouns.end(),
                            [&](const FigureRules::PlaceNoun& n) { return n.lang == lang; }));
  }
  const std::string dir = ::testing::TempDir() + "/figures_langs";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir + "/figures");
  for (const char* f : {"measures.tsv", "hedges.tsv"}) {
    std::filesystem::copy_file(std::string(SITREP_SOURCE_DIR "/data/figures/") + f,
                               dir + "/figures/" + f);
  }
  std::filesystem::create_directories(dir + "/lang/xx");  // a language without figure files
  std::filesystem::create_directories(dir + "/lang/yy");
  auto write = [](const std::string& path, const char* text) {
    FILE* out = std::fopen(path.c_str(), "w");
    ASSERT_TRUE(out);
    std::fputs(text, out);
    std::fclose(out);
  };
  // A language is registered by its lang.tsv; a folder without one is no language.
  write(dir + "/lang/yy/lang.tsv", "name\tEsperanto\n");
  std::filesystem::create_directories(dir + "/lang/zz");
  write(dir + "/lang/zz/figure_subjects.tsv", "ignored\tsecurity_forces\tkilled\n");
  write(dir + "/lang/yy/figure_subjects.tsv",
        "# phrase\tsubject\tmeasures\nsoldatoj\tsecurity_forces\tkilled\n");
  write(dir + "/lang/yy/figure_place_nouns.tsv", "limo*\n");
  Result<FigureRules> r = FigureRules::Load(dir);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->subjects.size(), 1u);
  EXPECT_EQ(r->subjects[0].lang, "yy");
  EXPECT_EQ(r->subjects[0].phrase, "soldatoj");
  ASSERT_EQ(r->place_nouns.size(), 1u);
  EXPECT_TRUE(r->place_nouns[0].prefix);
  write(dir + "/lang/yy/figure_subjects.tsv",
        "soldatoj\tsecurity_forces\tkilled\nciviloj\tall\tkilled\n");
  r = FigureRules::Load(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("lang/yy/figure_subjects.tsv:2"), std::string::npos)
      << r.status().message();
}

}  // namespace
}  // namespace sitrep
