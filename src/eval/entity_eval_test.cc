// @brief Golden test: recognition and resolution on the seed articles against
// ../shared/eval/seed-gold/entities.json, held to the targets of issue 3
// (docs/EVAL-entity.md).
//
// The knowledge base: $SITREP_KB when set; else built here from the sources
// (about 2 s), with the npm packages of $KB_NPM_DIR or build/kb-sources/npm;
// else the build's kb.bin. Skipped, saying why, when none can be had or the
// seed gold is absent.
#include "eval/entity_eval.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "base/data_file.h"
#include "eval/entity_conll_eval.h"
#include "kb/kb_builder.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

const std::string kData = std::string(SITREP_SOURCE_DIR) + "/data";
const std::string kShared = SITREP_SHARED_DIR;

// The knowledge base to score with, or an explanation in *why_not.
std::unique_ptr<KnowledgeBase> SeedKb(std::string* why_not) {
  auto load = [&](const std::string& path) -> std::unique_ptr<KnowledgeBase> {
    auto kb = KnowledgeBase::Load(path);
    if (!kb.ok()) {
      *why_not = kb.status().ToString();
      return nullptr;
    }
    return std::make_unique<KnowledgeBase>(std::move(kb.value()));
  };
  if (const char* env = std::getenv("SITREP_KB"); env && *env) return load(env);
  const char* npm_env = std::getenv("KB_NPM_DIR");
  std::string npm =
      npm_env && *npm_env ? npm_env : std::string(SITREP_SOURCE_DIR) + "/build/kb-sources/npm";
  if (fs::exists(npm)) {
    KbSources src;
    src.data_dir = kData;
    src.npm_dir = npm;
    KbBuildReport report;
    auto draft = BuildKnowledgeBase(src, &report);
    if (!draft.ok()) {
      *why_not = "building the KB: " + draft.status().ToString();
      return nullptr;
    }
    auto bytes = draft->Serialize("entity_eval_test");
    if (!bytes.ok()) {
      *why_not = bytes.status().ToString();
      return nullptr;
    }
    auto kb = KnowledgeBase::FromBytes(bytes.value());
    if (!kb.ok()) {
      *why_not = kb.status().ToString();
      return nullptr;
    }
    return std::make_unique<KnowledgeBase>(std::move(kb.value()));
  }
  std::string built = KbPath(Options());
  if (fs::exists(built)) return load(built);
  *why_not = "no knowledge base: set SITREP_KB, or unpack the npm sources into " + npm +
             " (scripts/setup.sh), or run `sitrep kb build` to write " + built;
  return nullptr;
}

TEST(EntityEvalTest, SeedGoldTargets) {
  const std::string gold = kShared + "/eval/seed-gold";
  const std::string seeds = kShared + "/corpus/seeds";
  if (!fs::exists(gold + "/entities.json") || !fs::exists(seeds)) {
    GTEST_SKIP() << "no seed gold at " << gold << " or seeds at " << seeds;
  }
  std::string why_not;
  std::unique_ptr<KnowledgeBase> kb = SeedKb(&why_not);
  if (!kb) GTEST_SKIP() << why_not;
  auto sc = ScoreSeedEntities(*kb, kData, seeds, gold);
  ASSERT_TRUE(sc.ok()) << sc.status().ToString();
  std::string misses;
  for (const std::string& m : sc->misses) misses += "\n  " + m;
  SCOPED_TRACE("misses:" + misses);
  ASSERT_GT(sc->gold_mentions, 0);
  ASSERT_GT(sc->gold_entities, 0);
  ASSERT_GT(sc->gold_roles, 0);
  ASSERT_GT(sc->gold_places, 0);
  EXPECT_GE(sc->f1, 0.90) << "mention F1 (P " << sc->precision << ", R " << sc->recall << ")";
  EXPECT_GE(double(sc->resolved_exactly) / sc->gold_entities, 0.95)
      << "resolution: " << sc->resolved_exactly << " / " << sc->gold_entities;
  EXPECT_GE(double(sc->roles_found) / sc->gold_roles, 0.80)
      << "roles: " << sc->roles_found << " / " << sc->gold_roles;
  EXPECT_GE(double(sc->places_right) / sc->gold_places, 0.95)
      << "places: " << sc->places_right << " / " << sc->gold_places;
}

// Floors on names the KB does not know (docs/EVAL-entity.md, "CoNLL files"):
// our French news test set, and UNER English PUD as an outside check. Before
// the patterns of issue 11: 0.531 and 0.416.
TEST(EntityEvalTest, ConllFloors) {
  const struct {
    const char* lang;
    std::string path;
    double floor;
  } sets[] = {
      {"fr", std::string(SITREP_SOURCE_DIR) + "/tests/ner/fr-news.conll", 0.70},
      {"en", kShared + "/eval/ner/en/uner-en_pud.test.conll.gz", 0.45},
  };
  std::string why_not;
  std::unique_ptr<KnowledgeBase> kb = SeedKb(&why_not);
  if (!kb) GTEST_SKIP() << why_not;
  for (const auto& set : sets) {
    if (!fs::exists(set.path)) {
      std::printf("skipped %s: absent\n", set.path.c_str());
      continue;
    }
    auto sc = ScoreConllEntities(*kb, kData, set.path, set.lang);
    ASSERT_TRUE(sc.ok()) << sc.status().ToString();
    ASSERT_GT(sc->all.gold, 0) << set.path;
    EXPECT_GE(sc->all.F1(), set.floor)
        << set.path << ": P " << sc->all.Precision() << " R " << sc->all.Recall();
  }
}

}  // namespace
}  // namespace sitrep
