// @brief Tests for publication-date finding in prose and markup.
#include "clean/date_finder.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

class DateFinderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Options o;
    o.data_dir = std::string(SITREP_SOURCE_DIR) + "/data";
    auto f = DateFinder::Create(o);
    ASSERT_TRUE(f.ok()) << f.status().ToString();
    f_ = std::move(f).value();
  }
  std::unique_ptr<DateFinder> f_;
};

TEST_F(DateFinderTest, DatelinesInFiveLanguages) {
  struct Case {
    std::string lang, block, value, precision, span;
  } cases[] = {
      {"fr", "Publié le 7.1.2022", "2022-01-07", "day", "Publié le 7.1.2022"},
      {"fr", "date 2022-01 Certains observateurs", "2022-01", "month", "date 2022-01"},
      {"fr", "Publié le vendredi 7 janvier 2022 à 14h32", "2022-01-07T14:32", "minute", "Publié le vendredi 7 janvier 2022 à 14h32"},
      {"fr", "Mis à jour le 1er février 2022", "2022-02-01", "day", "Mis à jour le 1er février 2022"},
      {"en", "Published January 9, 2022", "2022-01-09", "day", "Published January 9, 2022"},
      {"en", "Updated: Jan. 10, 2022 at 2:30 pm", "2022-01-10T14:30", "minute", "Updated: Jan. 10, 2022 at 2:30 pm"},
      {"de", "Veröffentlicht: 08.01.2022, 14:32 Uhr", "2022-01-08T14:32", "minute", "Veröffentlicht: 08.01.2022, 14:32 Uhr"},
      {"de", "Veröffentlicht am 9. Januar 2022", "2022-01-09", "day", "Veröffentlicht am 9. Januar 2022"},
      {"es", "Publicado el 10 de enero de 2022", "2022-01-10", "day", "Publicado el 10 de enero de 2022"},
      {"ru", "Опубликовано 11 января 2022 г.", "2022-01-11", "day", "Опубликовано 11 января 2022 г."},
  };
  for (const auto& c : cases) {
    auto m = f_->MatchDateline(c.block, c.lang);
    ASSERT_TRUE(m.has_value()) << c.block;
    EXPECT_EQ(m->date.value, c.value) << c.block;
    EXPECT_EQ(PrecisionName(m->date.precision), c.precision) << c.block;
    EXPECT_EQ(c.block.substr(m->start, m->end - m->start), c.span) << c.block;
  }
}

TEST_F(DateFinderTest, NoDatelineInOrdinaryText) {
  for (std::string s : {"Le 7 janvier 2022, les troupes sont arrivées.", "Date limite inconnue.",
                        "Published reports say 2,500 troops.", "Publié le 32.1.2022"}) {
    EXPECT_FALSE(f_->MatchDateline(s, "fr").has_value()) << s;
  }
}

TEST_F(DateFinderTest, EdgeCases) {
  EXPECT_FALSE(f_->FindDate("le 29.2.2022", "fr").has_value());  // not a leap year
  EXPECT_EQ(f_->FindDate("le 29.2.2024", "fr")->date.value, "2024-02-29");
  // Ambiguous numeric dates: day first, except in English with a slash.
  EXPECT_EQ(f_->FindDate("1/2/2022", "fr")->date.value, "2022-02-01");
  EXPECT_EQ(f_->FindDate("1/2/2022", "en")->date.value, "2022-01-02");
  EXPECT_EQ(f_->FindDate("13/2/2022", "en")->date.value, "2022-02-13");
  // Without a year only when asked.
  EXPECT_FALSE(f_->FindDate("le 6 janvier.", "fr").has_value());
  EXPECT_EQ(f_->FindDate("le 6 janvier.", "fr", 0, false)->date.value, "--01-06");
  EXPECT_FALSE(f_->FindDate("Covid-19 en 2020", "fr").has_value());
  EXPECT_FALSE(f_->FindDate("88888888888888.1.2022 et 1.88888888888888.2022", "fr").has_value());  // found by text_fuzz
}

TEST_F(DateFinderTest, MachineDates) {
  struct Case {
    std::string in, value;
  } cases[] = {
      {"2022-01-07T10:15:00+01:00", "2022-01-07T10:15+01:00"},
      {"2022-01-07T23:30:00-0500", "2022-01-07T23:30-05:00"},
      {"2022-01-07T10:15:00.123Z", "2022-01-07T10:15Z"},
      {"2022-01-07 10:15", "2022-01-07T10:15"},
      {"2022-01-07", "2022-01-07"},
      {"2022-01-07T00:00:00Z", "2022-01-07"},
      {"2022-01", "2022-01"},
      {"2022", "2022"},
      {" 2022-01-07 ", "2022-01-07"},
      {"Fri, 07 Jan 2022 14:32:00 GMT", "2022-01-07"},
      {"January 9, 2022", "2022-01-09"},
      {"13/01/2022", "2022-01-13"},
  };
  for (const auto& c : cases) {
    auto d = f_->ParseMachine(c.in);
    ASSERT_TRUE(d.ok()) << c.in << ": " << d.status().ToString();
    EXPECT_EQ(d->value, c.value) << c.in;
  }
  struct Bad {
    std::string in, why;
  } bad[] = {
      {"yesterday", "not a date"},
      {"07/01/2022", "ambiguous day and month order"},
      {"2022-02-30", "no such date"},
      {"2022-01-07x", "not an ISO 8601 date"},
      {"2022-01-07 junk", "not an ISO 8601 date"},
      {"2022-01-07T25:00", "no such time"},
      {"", "empty date"},
      {"-2022-01-07", "a signed year is not a supported date"},
      {"+2022-01-07", "a signed year is not a supported date"},
      {"0001-01-01", "year 1 is outside the supported range 1800-2200"},
      {"2201", "year 2201 is outside the supported range 1800-2200"},
      {"(Fri) 07 Jan 2022", "unexpected text before the date"},
      {"- 7 January 2022", "unexpected text before the date"},
  };
  for (const auto& b : bad) {
    auto d = f_->ParseMachine(b.in);
    ASSERT_FALSE(d.ok()) << b.in;
    EXPECT_EQ(d.status().message().rfind(b.why, 0), 0u) << b.in << ": " << d.status().message();
  }
  EXPECT_TRUE(ParseIsoDateFlag("2022-01-07").ok());
  // A time of day is kept: "two hours ago" counts from it.
  Result<PublishedDate> timed = ParseIsoDateFlag("2022-01-07T10:05");
  ASSERT_TRUE(timed.ok());
  EXPECT_EQ(timed->value, "2022-01-07T10:05");
  EXPECT_EQ(timed->precision, DatePrecision::kMinute);
  EXPECT_FALSE(ParseIsoDateFlag("2022-01-07T25:00").ok());
  EXPECT_FALSE(ParseIsoDateFlag("07.01.2022").ok());
  EXPECT_FALSE(ParseIsoDateFlag("-2022-01-07").ok());
  EXPECT_EQ(ParseIsoDateFlag("0001-01-01").status().message(),
            "year 1 is outside the supported range 1800-2200");
  EXPECT_TRUE(ParseIsoDateFlag("1800-01-01").ok());
}

}  // namespace
}  // namespace sitrep
