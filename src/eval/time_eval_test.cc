// @brief Tests for the scoring rules of time_eval (docs/EVAL-time.md).
#include "eval/time_eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace sitrep {
namespace {

TimeExpr Value(const std::string& v) {
  TimeExpr x;
  x.value = v;
  return x;
}

TEST(TimeEvalTest, TimexWildcardsAndRanges) {
  EXPECT_TRUE(TimexMatches("2016-11-07", Value("2016-11-07")));
  EXPECT_FALSE(TimexMatches("2016-11-07", Value("2016-11-08")));
  EXPECT_TRUE(TimexMatches("XXXX-WXX-5", Value("2016-11-04")));  // a Friday
  EXPECT_FALSE(TimexMatches("XXXX-WXX-5", Value("2016-11-05")));
  EXPECT_TRUE(TimexMatches("XXXX-WXX-5T12", Value("2016-11-04T12")));
  EXPECT_TRUE(TimexMatches("XXXX-WXX-2", Value("XXXX-WXX-2")));
  EXPECT_TRUE(TimexMatches("XXXX-02-29", Value("2020-02-29")));
  EXPECT_FALSE(TimexMatches("XXXX-02-29", Value("2020-03-29")));
  EXPECT_FALSE(TimexMatches("2016-11-07", Value("")));
  // Their bare clock time names no day; ours carries the day in focus.
  EXPECT_TRUE(TimexMatches("T17", Value("2016-11-07T17")));
  EXPECT_TRUE(TimexMatches("TEV", Value("2016-11-07TEV")));
  EXPECT_FALSE(TimexMatches("T17", Value("2016-11-07T18")));
  EXPECT_FALSE(TimexMatches("2016-11-08T17", Value("2016-11-07T17")));
  TimeExpr clock = Value("2016-11-07T17/2016-11-07T18");
  clock.range_begin = "2016-11-07T17";
  clock.range_end = "2016-11-07T18";
  EXPECT_TRUE(TimexMatches("(T17,T18,PT1H)", clock));
  TimeExpr r = Value("2010/2018");
  r.range_begin = "2010";
  r.range_end = "2018";
  EXPECT_TRUE(TimexMatches("(2010-01-01,2018-01-01,P8Y)", r));
  EXPECT_FALSE(TimexMatches("(2010-01-01,2019-01-01,P9Y)", r));
  EXPECT_FALSE(TimexMatches("(2010-01-01,2018-01-01,P8Y)", Value("2010")));
  // A quarter or half-year bound is compared as its first day.
  TimeExpr q = Value("2017-Q1/2018-Q3");
  q.range_begin = "2017-Q1";
  q.range_end = "2018-Q3";
  EXPECT_TRUE(TimexMatches("(2017-01-01,2018-07-01,P18M)", q));
  EXPECT_FALSE(TimexMatches("(2017-01-01,2018-10-01,P21M)", q));
  q.range_begin = "2019-H2";
  q.range_end = "2019-H2";
  EXPECT_TRUE(TimexMatches("(2019-07-01,2019-07-01,P0D)", q));
  q.range_begin = "2019-H3";
  EXPECT_FALSE(TimexMatches("(2019-07-01,2019-07-01,P0D)", q));
  // Their half-open "next 3 days" vs our closed range: our last day + 1.
  TimeExpr d = Value("2016-11-08/2016-11-10");
  d.range_begin = "2016-11-08";
  d.range_end = "2016-11-10";
  EXPECT_TRUE(TimexMatches("(2016-11-08,2016-11-11,P3D)", d));
  EXPECT_TRUE(TimexMatches("(2016-11-08,2016-11-10,P2D)", d));
  EXPECT_FALSE(TimexMatches("(2016-11-08,2016-11-12,P4D)", d));
  // Zero minutes and seconds name the same instant as the hour.
  TimeExpr t = Value("T14/T16:30");
  t.range_begin = "T14";
  t.range_end = "T16:30";
  EXPECT_TRUE(TimexMatches("(T14,T16:30:00,PT2H30M)", t));
  EXPECT_TRUE(TimexMatches("(T14:00,T16:30,PT2H30M)", t));
  EXPECT_FALSE(TimexMatches("(T14,T16:00:00,PT2H)", t));
  EXPECT_FALSE(TimexMatches("T16:30:01", Value("T16:30")));
}

TEST(TimeEvalTest, ExtractorSpecRecallCountsExactAndOverlappingSpans) {
  Options o;
  o.data_dir = std::string(SITREP_SOURCE_DIR) + "/data";
  auto tagger = TimeTagger::Create(o);
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  const std::string path =
      (std::filesystem::temp_directory_path() / "sitrep_extractor_spec.json").string();
  // "Je reviendrai le 2 décembre" (found exactly), "dans la nuit" (we find
  // "dans la nuit": the gold "la nuit" overlaps), "en été" with a bogus span
  // (Start past the text: neither), and a case with no result (skipped).
  std::ofstream(path) << R"([
    {"Input": "Je reviendrai le 2 décembre", "Results": [{"Text": "2 décembre", "Start": 17, "Length": 10}]},
    {"Input": "Il est parti dans la nuit", "Results": [{"Text": "la nuit", "Start": 18, "Length": 7}]},
    {"Input": "Il part en été", "Results": [{"Text": "xx", "Start": 40, "Length": 2}]},
    {"Input": "Rien ici", "Results": []}
  ])";
  auto s = ScoreExtractorSpec(**tagger, path, "fr");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->cases, 3);
  EXPECT_EQ(s->gold, 3);
  EXPECT_EQ(s->exact, 1);
  EXPECT_EQ(s->overlap, 2);
  std::filesystem::remove(path);
}

TEST(TimeEvalTest, GoldGranularity) {
  EXPECT_TRUE(ValueMatchesAtGranularity("2022-01", "2022-01-05"));
  EXPECT_TRUE(ValueMatchesAtGranularity("1992", "1992"));
  EXPECT_TRUE(ValueMatchesAtGranularity("2022-W01", "2022-01-05"));
  EXPECT_TRUE(ValueMatchesAtGranularity("2022-W01", "2022-W01"));
  EXPECT_FALSE(ValueMatchesAtGranularity("2022-W02", "2022-01-05"));
  EXPECT_FALSE(ValueMatchesAtGranularity("2022-01-05", "2022-01"));  // ours coarser
  EXPECT_TRUE(ValueMatchesAtGranularity("2022-01-06TEV", "2022-01-06TEV"));
  EXPECT_FALSE(ValueMatchesAtGranularity("P30Y", "P3DE"));
  EXPECT_TRUE(ValueMatchesAtGranularity("199", "1990"));
}

}  // namespace
}  // namespace sitrep
