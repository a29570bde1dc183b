// @brief Golden seed test: claims on the five seed articles against the gold.
#include <gtest/gtest.h>

#include "eval/quantity_eval.h"

namespace sitrep {
namespace {

TEST(QuantityEvalTest, SeedGold) {
  QuantityOptions options;
  auto tagger = QuantityTagger::Create(options);
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  auto segmenter = Segmenter::Create(options.base);
  ASSERT_TRUE(segmenter.ok()) << segmenter.status().ToString();
  const std::string shared = SITREP_SHARED_DIR;
  auto s = ScoreSeedQuantities(**tagger, segmenter->get(),
                               shared + "/eval/seed-gold/quantities.json",
                               shared + "/corpus/seeds");
  if (!s.ok() && s.status().code() == Code::kNotFound) GTEST_SKIP() << "no seed gold";
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->gold, 44);
  // Floors a little under the measured scores (docs/EVAL-quantity.md).
  EXPECT_GE(s->f1, 0.90);
  EXPECT_GE(static_cast<double>(s->value_ok) / s->matched, 0.90);
  EXPECT_GE(static_cast<double>(s->measure_ok) / s->matched, 0.85);
  EXPECT_GE(static_cast<double>(s->attribution_ok) / s->matched, 0.80);
}

}  // namespace
}  // namespace sitrep
