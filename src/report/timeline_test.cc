// @brief Tests for timeline keys and ordering.
#include "report/timeline.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(Timeline, KeysSortCalendarPoints) {
  struct Case {
    std::string value, key;
  } cases[] = {
      {"2022-01-05", "2022-01-05"},
      {"2022-W01", "2022-01-03"},
      {"2021-W52-WE", "2022-01-01"},
      {"2020-W53", "2020-12-28"},
      {"2022-01-06TEV", "2022-01-06T19"},
      {"2022-01-07T14:32", "2022-01-07T14:32"},
      {"2022-01", "2022-01"},
      {"1992", "1992"},
      {"199", "1990"},
      {"2022-01-06/2022-01-10", "2022-01-06"},
      {"P10D", ""},
      {"PRESENT_REF", ""},
      {"XXXX-01-23", ""},
      {"2021-W53", ""},  // a week its year does not have sorts nowhere
  };
  for (const auto& c : cases) EXPECT_EQ(TimelineKey(c.value), c.key) << c.value;
}

TEST(Timeline, RowsSortedWithTheirSentences) {
  Document d;
  d.id = "a";
  d.source = "a.txt";
  d.text = "Lundi, rien. Le 2 janvier, des manifestations. Dix jours plus tard.";
  d.sentences = {{0, 12}, {13, 46}, {47, 67}};
  auto expr = [&](uint32_t s, uint32_t e, TimeType type, std::string value) {
    TimeExpr t;
    t.start = s, t.end = e, t.type = type, t.value = std::move(value);
    t.text = d.text.substr(s, e - s);
    return t;
  };
  d.times = {expr(0, 5, TimeType::kDate, "2022-01-10"), expr(13, 25, TimeType::kDate, "2022-01-02"),
             expr(47, 56, TimeType::kDuration, "P10D"),
             expr(13, 25, TimeType::kDate, "XXXX-01-02")};
  d.times.back().unresolved = true;
  std::vector<Document> docs = {d};
  auto rows = BuildTimeline(docs);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_FALSE(rows[2].anchored);
  EXPECT_EQ(rows[2].value, "XXXX-01-02");
  EXPECT_EQ(rows[0].value, "2022-01-02");
  EXPECT_EQ(rows[0].sentence, "Le 2 janvier, des manifestations.");
  EXPECT_EQ(rows[1].text, "Lundi");
}

}  // namespace
}  // namespace sitrep
