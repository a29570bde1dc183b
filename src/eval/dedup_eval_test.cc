// @brief Golden: near-duplicates on the examples, the seeds and the
// trafilatura pages plus the copies the scorer makes of each: every copy
// found, no pair among the originals.
#include "eval/dedup_eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

#include "clean/cleaner.h"

namespace fs = std::filesystem;

namespace sitrep {
namespace {

TEST(DedupGolden, EveryCopyFoundNoFalsePair) {
  Options options;
  options.data_dir = std::string(SITREP_SOURCE_DIR) + "/data";
  auto cleaner = Cleaner::Create(options);
  ASSERT_TRUE(cleaner.ok()) << cleaner.status().ToString();
  std::vector<std::string> paths = {std::string(SITREP_SOURCE_DIR) + "/examples/corpus"};
  for (const char* shared : {"/corpus/seeds", "/eval/trafilatura-eval/html"}) {
    const std::string p = std::string(SITREP_SHARED_DIR) + shared;
    if (fs::exists(p)) paths.push_back(p);
  }
  auto true_pairs = ReadTruePairs(std::string(SITREP_SOURCE_DIR) + "/tests/dedup/true_pairs.tsv");
  ASSERT_TRUE(true_pairs.ok()) << true_pairs.status().ToString();
  auto score = ScoreDuplicates(paths, options, *true_pairs,
                               [&](const RawDocument& raw) { return (*cleaner)->Clean(raw); });
  ASSERT_TRUE(score.ok()) << score.status().ToString();
  for (const std::string& m : score->missed) std::cout << "missed " << m << "\n";
  for (const std::string& f : score->false_links) std::cout << "false pair " << f << "\n";
  std::cout << score->originals << " originals, " << score->copies << " copies, found "
            << score->found << " (" << score->as_duplicate << " as duplicate_of), "
            << score->false_pairs << " false pairs; known true pairs found "
            << score->true_pairs_found << " of " << score->true_pairs << "\n";
  EXPECT_GE(score->originals, 13u);
  EXPECT_EQ(score->copies, 4 * score->originals);
  EXPECT_EQ(score->Recall(), 1.0);
  EXPECT_EQ(score->false_pairs, 0u);
  EXPECT_EQ(score->true_pairs_found, score->true_pairs);
}

}  // namespace
}  // namespace sitrep
