// @brief Golden tests of the time tagger: the seed gold (issue 4 targets) and
// regression floors on the Recognizers-Text DateTimeModel specs.
//
// The seed floors are a little under the scores measured when they were last
// raised (issue 11 asks 0.95 span F1 and 0.92 value accuracy; the value is
// 0.926). The Recognizers floors are a little under the scores measured when
// they were last raised (docs/EVAL-time.md, "Results"), so a change that
// loses ground fails here. Raise them when the scores rise; never lower them
// to pass.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "eval/time_eval.h"

namespace sitrep {
namespace {

class TimeGoldenTest : public ::testing::Test {
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
std::unique_ptr<TimeTagger> TimeGoldenTest::tagger_;

const std::string kShared = SITREP_SHARED_DIR;

TEST_F(TimeGoldenTest, SeedGoldMeetsIssueTargets) {
  const std::string gold = kShared + "/eval/seed-gold/temporal.json";
  if (!std::filesystem::exists(gold)) GTEST_SKIP() << "no " << gold;
  auto s = ScoreSeedTemporal(*tagger_, gold, kShared + "/corpus/seeds");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->gold, 98);
  EXPECT_GE(s->span_f1, 0.95);
  EXPECT_GE(s->value_accuracy, 0.92);
}

struct SpecFloor {
  const char* lang;
  const char* dir;
  int cases;
  double min_f1;  // regression floor: the last measured F1 less a small margin
};

TEST_F(TimeGoldenTest, RecognizersSpecsDoNotRegress) {
  const SpecFloor floors[] = {
      {"fr", "French", 177, 0.905}, {"en", "English", 981, 0.87},  {"es", "Spanish", 827, 0.74},
      {"de", "German", 202, 0.75},  {"it", "Italian", 123, 0.68},
  };
  for (const SpecFloor& f : floors) {
    const std::string path =
        kShared + "/eval/recognizers-text/Specs/DateTime/" + f.dir + "/DateTimeModel.json";
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
    auto s = ScoreRecognizersSpec(*tagger_, path, f.lang);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ(s->cases, f.cases) << f.lang;
    EXPECT_GE(s->f1, f.min_f1) << f.lang << ": P " << s->precision << " R " << s->recall;
  }
}

}  // namespace
}  // namespace sitrep
