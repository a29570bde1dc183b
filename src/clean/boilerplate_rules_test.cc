// @brief Tests for loading and matching boilerplate cues.
#include "clean/boilerplate_rules.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/text_fold.h"

namespace sitrep {
namespace {

Options ProjectData() {
  Options o;
  o.data_dir = std::string(SITREP_SOURCE_DIR) + "/data";
  return o;
}

TEST(BoilerplateRules, MatchesBlocksAcrossLanguages) {
  auto rules = BoilerplateRules::Load(ProjectData());
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  struct Case {
    std::string block, reason;
  } cases[] = {
      {"Share Post:", "share"},
      {"Stay Connected", "social"},
      {"VOIR AUSSI\u00a0: Les États-Unis et la Russie concluent des pourparlers", "related"},
      {"Copyright (c) 2018. RFE/RL, Inc. Republié avec l'autorisation de Radio Free Europe", "copyright"},
      {"Lesen Sie auch: Proteste in Almaty", "related"},
      {"Читайте также: Токаев отправил правительство в отставку", "related"},
      {"Envíanos tus noticias", "reader_tips"},
      {"Go up", "navigation"},
      {"Sommaire", "navigation"},
      {"Le correspondant principal de RFE/RL, Todd Prince, a contribué à ce rapport.", "credit"},
  };
  for (const auto& c : cases) {
    std::string folded = FoldForMatch(c.block);
    const Cue* cue = rules->MatchBlock(folded, 10);
    ASSERT_NE(cue, nullptr) << c.block;
    EXPECT_EQ(cue->reason, c.reason) << c.block;
  }
  for (std::string body : {"Les troupes russes sont arrivées à Almaty.", "Voir la suite des événements est difficile.",
                           "The source of the unrest was fuel prices."}) {
    EXPECT_EQ(rules->MatchBlock(FoldForMatch(body), 8), nullptr) << body;
  }
}

TEST(BoilerplateRules, BadDataLineNamesFileAndLine) {
  auto dir = std::filesystem::temp_directory_path() / "sitrep_rules_bad";
  std::filesystem::create_directories(dir / "lang" / "xx");
  std::ofstream(dir / "lang" / "xx" / "lang.tsv") << "date_order\tdmy\n";  // registers xx
  std::ofstream(dir / "lang" / "xx" / "boilerplate.tsv") << "# header\nshare\tshare\tline\nfoo\tbar\teverywhere\n";
  Options o;
  o.data_dir = dir.string();
  auto rules = BoilerplateRules::Load(o);
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().message(),
            (dir / "lang" / "xx" / "boilerplate.tsv").string() +
                ":3: unknown match \"everywhere\" (line, prefix, contains, label, byline, sentence, inline)");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace sitrep
