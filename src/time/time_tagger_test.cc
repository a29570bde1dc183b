// @brief Tests of the time tagger that need more than one case line: flags of the result,
// several paragraphs, counts of expressions. The table cases are data: tests/time/<lang>.tsv,
// run by time_table_test.cc.
#include "time/time_tagger.h"

#include <gtest/gtest.h>

#include <memory>

#include "time/time_scan.h"

namespace sitrep {
namespace {

class TimeTaggerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Options o;
    o.data_dir = std::string(SITREP_SOURCE_DIR) + "/data";
    auto t = TimeTagger::Create(o);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    tagger_ = std::move(t).value();
  }
  static void TearDownTestSuite() { tagger_.reset(); }
  static std::unique_ptr<TimeTagger> tagger_;
};
std::unique_ptr<TimeTagger> TimeTaggerTest::tagger_;

// A text where `span` (its first occurrence) must not be part of any expression.
struct NotCase {
  const char* lang;
  const char* dct;
  const char* text;
  const char* span;
};

void CheckAbsent(const TimeTagger& tagger, const NotCase& c) {
  std::optional<PublishedDate> dct;
  if (*c.dct) dct = PublishedDate{c.dct, DatePrecision::kDay, "", "input"};
  const std::string text = c.text;
  const size_t b = text.find(c.span);
  ASSERT_NE(b, std::string::npos) << c.span << " not in " << text;
  const size_t e = b + std::string(c.span).size();
  for (const TimeExpr& x : tagger.Tag(text, c.lang, dct)) {
    EXPECT_FALSE(x.start < e && b < x.end) << c.lang << ": \"" << c.span << "\" is in [" << x.text
                                           << " = " << x.value << "] of \"" << text << "\"";
  }
}

TEST_F(TimeTaggerTest, UnanchoredDayIsFlaggedUnresolved) {
  auto got = tagger_->Tag("La réunion a eu lieu hier.", "fr", std::nullopt);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_TRUE(got[0].unresolved);
  EXPECT_EQ(got[0].anchor, AnchorKind::kNone);
}

TEST_F(TimeTaggerTest, WithoutADctADayTakesTheYearOfAnEarlierDate) {
  // No publication date: "14. Juli" takes its year from "21. Juni 2012".
  const std::string text = "Am 21. Juni 2012 begann der Streik. Am 14. Juli endete er.";
  std::vector<TimeExpr> got = tagger_->Tag(text, "de", std::nullopt);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].text, "14. Juli");
  EXPECT_EQ(got[1].value, "2012-07-14");
  EXPECT_EQ(got[1].anchor, AnchorKind::kExpr);
  EXPECT_EQ(got[1].anchor_start, text.find("21. Juni"));
  // Nothing before it: the day stays open.
  std::vector<TimeExpr> alone = tagger_->Tag("Am 14. Juli endete er.", "de", std::nullopt);
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_EQ(alone[0].value, "XXXX-07-14");
  EXPECT_TRUE(alone[0].unresolved);
}

TEST_F(TimeTaggerTest, AGreetingIsNoTime) {
  // "good morning" is a greeting, not a time.
  auto got = tagger_->Tag("Good morning Paul", "en", std::nullopt);
  EXPECT_TRUE(got.empty());
}

TEST_F(TimeTaggerTest, ACountAfterAWeekdayIsNoDay) {
  // A number that counts something is no day: "Monday 5 people".
  for (const TimeExpr& x : tagger_->Tag("On Monday 5 people died.", "en",
                                        PublishedDate{"2019-08-01", DatePrecision::kDay, "", ""})) {
    EXPECT_EQ(x.text, "Monday");
  }
}

TEST_F(TimeTaggerTest, PricesCountsAndScoresAreNoTimes) {
  // "at 6.45 dollars" is a price; bare hour ranges with no day stay counts.
  for (const char* text :
       {"sold at 6.45 dollars", "between 10 and 15 people", "from 5 to 7 children"}) {
    for (const TimeExpr& x :
         tagger_->Tag(text, "en", PublishedDate{"2016-11-07", DatePrecision::kDay, "", ""})) {
      ADD_FAILURE() << text << ": " << x.text;
    }
  }
  // Three numbers before an unknown word are counts, not "3 2 2010" = 3 February.
  for (const TimeExpr& x : tagger_->Tag("Il a gagné 3 2 2010 fois", "fr",
                                        PublishedDate{"2016-11-07", DatePrecision::kDay, "", ""})) {
    EXPECT_EQ(x.text, "2010");
  }
}

TEST_F(TimeTaggerTest, ASpelledAmountBeforeANounIsNoYear) {
  // A spelled amount before a noun is no year.
  for (const TimeExpr& x : tagger_->Tag("two thousand and twenty people came", "en",
                                        PublishedDate{"2016-11-07", DatePrecision::kDay, "", ""})) {
    ADD_FAILURE() << x.text;
  }
}

TEST_F(TimeTaggerTest, AClockTimeSaysWhichDayAnchorsIt) {
  const PublishedDate dct{"2018-12-10", DatePrecision::kDay, "", "input"};
  // The date of an earlier sentence: anchor "expr", at that date.
  const std::string text = "Le 8 décembre, ils ont défilé. La police a chargé vers 15h.";
  std::vector<TimeExpr> got = tagger_->Tag(text, "fr", dct);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].value, "2018-12-08T15");
  EXPECT_EQ(got[1].anchor, AnchorKind::kExpr);
  EXPECT_EQ(got[1].anchor_start, got[0].start);
  // No date in the text: the publication day, anchor "dct".
  got = tagger_->Tag("La police a chargé vers 15h.", "fr", dct);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].value, "2018-12-10T15");
  EXPECT_EQ(got[0].anchor, AnchorKind::kDct);
  // Neither: the time stays bare.
  got = tagger_->Tag("La police a chargé vers 15h.", "fr", std::nullopt);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].value, "T15");
}

TEST_F(TimeTaggerTest, AClockTimeTakesTheDayOfAnEarlierParagraph) {
  Document doc;
  doc.text = "Samedi 8 décembre, la foule s'est rassemblée.\n\nVers 13h30, la police a chargé.";
  doc.lang = "fr";
  doc.published = PublishedDate{"2018-12-10", DatePrecision::kDay, "", "input"};
  const uint32_t split = static_cast<uint32_t>(doc.text.find("\n\n"));
  doc.paragraphs = {
      {0, split, BlockKind::kParagraph, "fr", false},
      {split + 2, static_cast<uint32_t>(doc.text.size()), BlockKind::kParagraph, "fr", false}};
  std::vector<TimeExpr> got = tagger_->TagDocument(doc);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].value, "2018-12-08T13:30");
  EXPECT_EQ(got[1].anchor, AnchorKind::kExpr);
  EXPECT_EQ(got[1].anchor_start, 0u);
}

TEST_F(TimeTaggerTest, AmountsAgoFromAMonthKeepTheUnitsGranularity) {
  // From a day "il y a deux ans" is a day; from a month-precision DCT, a year.
  std::vector<TimeExpr> got = tagger_->Tag("Il est parti il y a deux ans.", "fr",
                                           PublishedDate{"2022-01", DatePrecision::kMonth, "", ""});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].value, "2020");
  got = tagger_->Tag("Il est parti il y a deux ans.", "fr",
                     PublishedDate{"2022-01-07", DatePrecision::kDay, "", ""});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].value, "2020-01-07");
}

TEST_F(TimeTaggerTest, AnchorsCarryAcrossParagraphs) {
  Document doc;
  doc.text = "Le retrait a été annoncé le 11 janvier.\n\nLa veille, le Conseil s'est réuni.";
  doc.lang = "fr";
  doc.published = PublishedDate{"2022-01-19", DatePrecision::kDay, "", "input"};
  const uint32_t split = static_cast<uint32_t>(doc.text.find("\n\n"));
  doc.paragraphs = {
      {0, split, BlockKind::kParagraph, "fr", false},
      {split + 2, static_cast<uint32_t>(doc.text.size()), BlockKind::kParagraph, "fr", false}};
  std::vector<TimeExpr> got = tagger_->TagDocument(doc);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].text, "La veille");
  EXPECT_EQ(got[1].value, "2022-01-10");
  EXPECT_EQ(got[1].anchor, AnchorKind::kExpr);
  EXPECT_EQ(doc.text.substr(got[1].anchor_start, 11), "11 janvier.");
  EXPECT_EQ(doc.text.substr(got[1].start, got[1].end - got[1].start), "La veille");
}

// Without a publication date, a weekday in a later paragraph counts from the
// dateline's full date (issue 11: "la noche del martes", "mardi soir").
TEST_F(TimeTaggerTest, WeekdaysWithoutADctCountFromTheDateline) {
  Document doc;
  doc.text = "PARIS, le 4 mai 2022.\n\nMardi soir, la police est intervenue.";
  doc.lang = "fr";
  const uint32_t split = static_cast<uint32_t>(doc.text.find("\n\n"));
  doc.paragraphs = {
      {0, split, BlockKind::kParagraph, "fr", false},
      {split + 2, static_cast<uint32_t>(doc.text.size()), BlockKind::kParagraph, "fr", false}};
  std::vector<TimeExpr> got = tagger_->TagDocument(doc);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].text, "Mardi soir");
  EXPECT_EQ(got[1].value, "2022-05-03TEV");
  EXPECT_EQ(got[1].anchor, AnchorKind::kExpr);
  EXPECT_EQ(doc.text.substr(got[1].anchor_start, 10), "4 mai 2022");
  EXPECT_FALSE(got[1].unresolved);
  // With neither a DCT nor a date before it, the weekday stays open.
  Document bare;
  bare.text = "Mardi soir, la police est intervenue.";
  bare.lang = "fr";
  bare.paragraphs = {
      {0, static_cast<uint32_t>(bare.text.size()), BlockKind::kParagraph, "fr", false}};
  std::vector<TimeExpr> open = tagger_->TagDocument(bare);
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].value, "XXXX-WXX-2TEV");
  EXPECT_TRUE(open[0].unresolved);
}

TEST_F(TimeTaggerTest, CenturiesAndDecadesAreRanges) {
  struct RangeCase {
    const char* lang;
    const char* text;
    const char* span;
    const char* value;
    const char* begin;
    const char* end;
  };
  const RangeCase cases[] = {
      {"en", "Records of the 21st century.", "21st century", "20", "2000-01-01", "2099-12-31"},
      {"en", "It happened in the 15th century.", "15th century", "14", "1400-01-01", "1499-12-31"},
      {"fr", "Au 20e siècle, la ville a grandi.", "20e siècle", "19", "1900-01-01", "1999-12-31"},
      {"en", "Presidents in the 1990s.", "the 1990s", "199", "1990-01-01", "1999-12-31"},
      {"en", "Presidents in 1990 s.", "1990 s", "199", "1990-01-01", "1999-12-31"},
      {"fr", "Il est mort dans les années 1990.", "les années 1990", "199", "1990-01-01",
       "1999-12-31"},
  };
  for (const RangeCase& c : cases) {
    bool found = false;
    for (const TimeExpr& x : tagger_->Tag(c.text, c.lang, std::nullopt)) {
      if (x.text != c.span) continue;
      found = true;
      EXPECT_EQ(x.value, c.value) << c.text;
      EXPECT_EQ(x.range_begin, c.begin) << c.text;
      EXPECT_EQ(x.range_end, c.end) << c.text;
    }
    EXPECT_TRUE(found) << c.lang << ": no \"" << c.span << "\" in " << c.text;
  }
}

TEST_F(TimeTaggerTest, ALineBreakEndsAnExpression) {
  CheckAbsent(*tagger_, {"de", "2016-11-07", "Im Herbst\nDiese Regelung gilt.", "Diese"});
}

TEST_F(TimeTaggerTest, OffsetsPointIntoTheText) {
  std::string text = "Publié le 7.1.2022 — « Jeudi soir », dit-il.";
  auto got = tagger_->Tag(text, "fr", PublishedDate{"2022-01-07", DatePrecision::kDay, "", ""});
  ASSERT_FALSE(got.empty());
  for (const TimeExpr& x : got) {
    ASSERT_LE(x.end, text.size());
    EXPECT_EQ(text.substr(x.start, x.end - x.start), x.text);
  }
}

TEST(TimeRuleRegistryTest, PrioritiesIncreaseWithinAFamily) {
  int last[2] = {0, 0};
  for (const time_scan::ScanRule& r : time_scan::Scan::Rules()) {
    int& prev = last[static_cast<int>(r.family)];
    EXPECT_GT(r.priority, prev) << r.name;
    prev = r.priority;
    EXPECT_NE(r.production, nullptr) << r.name;
  }
}

TEST_F(TimeTaggerTest, ExplainNamesTheRuleAndItsWrappers) {
  Options o;
  o.data_dir = std::string(SITREP_SOURCE_DIR) + "/data";
  o.explain_time = true;
  auto t = TimeTagger::Create(o);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  const PublishedDate dct{"2022-01-07", DatePrecision::kDay, "", "input"};
  std::vector<TimeExpr> got =
      (*t)->Tag("Il est arrivé vers 16h30. Le retrait commencera le 23 janvier.", "fr", dct);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].rule, "Hedged>TimeOnly");
  EXPECT_EQ(got[1].text, "23 janvier");
  EXPECT_EQ(got[1].rule, "DateWithTime>DayMonth");  // the date, no time after it
  // A data rule: its language and name (data/lang/fr/time_rules.tsv).
  got = (*t)->Tag("Au XIXe siècle, au 19e siècle.", "fr", dct);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].rule, "fr:century_roman");
  EXPECT_EQ(got[1].rule, "fr:century_nth");
  got = (*t)->Tag("Sales rose in 2019-Q3.", "en", dct);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].value, "2019-Q3");
  EXPECT_EQ(got[0].rule, "DateWithTime>en:quarter_year_dash");
  // Off by default: no rule.
  EXPECT_TRUE(tagger_->Tag("vers 16h30", "fr", dct)[0].rule.empty());
}

TEST_F(TimeTaggerTest, UnknownLanguageYieldsNothing) {
  EXPECT_TRUE(tagger_->Tag("hier", "xx", std::nullopt).empty());
}

}  // namespace
}  // namespace sitrep
