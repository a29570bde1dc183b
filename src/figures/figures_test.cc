// @brief Tests of the figures stage (placeholder replaced below).
#include "figures/figures.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {
TEST(Figures, LoadsRules) {
  Result<FigureRules> rules = FigureRules::Load(SITREP_SOURCE_DIR "/data");
  ASSERT_TRUE(rules.ok()) << rules.status().message();
}
}  // namespace
}  // namespace sitrep
