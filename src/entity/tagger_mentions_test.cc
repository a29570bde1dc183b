// @brief Tests of the pass that adds the NER tagger's names to the mention list.
#include "entity/tagger_mentions.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "ner/ner_trainer.h"

namespace sitrep {
namespace {

// A toy model: capitalised words after "mr" are persons, after "in" places.
std::unique_ptr<NerTagger> ToyTagger() {
  std::vector<ConllSentence> data;
  const char* names[] = {"Abel", "Boris", "Carla", "Dunja", "Emil", "Fritz"};
  const char* places[] = {"Xanten", "Yarmouth", "Zug", "Wels", "Vaduz", "Ulm"};
  for (int i = 0; i < 60; ++i) {
    ConllSentence s;
    s.tokens = {"mr", names[i % 6], "lives", "in", places[(i / 6) % 6], "."};
    s.tags = {kTagO, BeginTag(NerType::kPer), kTagO, kTagO, BeginTag(NerType::kLoc), kTagO};
    data.push_back(s);
  }
  NerTrainOptions o;
  o.epochs = 5;
  o.rows = 1u << 12;
  auto model = TrainNerModel(data, "xx", nullptr, o, {});
  EXPECT_TRUE(model.ok());
  return std::make_unique<NerTagger>(std::move(*model), nullptr);
}

TEST(TaggerMentions, AddsOnlyNamesNothingElseFound) {
  NerTaggers taggers;
  taggers.emplace("xx", ToyTagger());
  Document doc;
  doc.lang = "xx";
  doc.text = "mr Gustav lives in Bonn. mr Hanna lives in Graz.";
  doc.paragraphs.emplace_back().end = static_cast<uint32_t>(doc.text.size());
  doc.sentences = {{0, 24}, {25, static_cast<uint32_t>(doc.text.size())}};
  // The KB already found "Bonn" (19-23) and, wrongly typed, "Hanna" (28-33).
  std::vector<Mention> mentions(2);
  mentions[0].start = 19;
  mentions[0].end = 23;
  mentions[0].source = "kb";
  mentions[1].start = 28;
  mentions[1].end = 33;
  mentions[1].type = MentionType::kOrg;
  mentions[1].source = "kb";
  EXPECT_EQ(AddTaggerMentions(doc, taggers, &mentions), 2u);
  ASSERT_EQ(mentions.size(), 4u);
  // Sorted by start: Gustav (tagger), Bonn (kb), Hanna (kb, kept), Graz (tagger).
  EXPECT_EQ(doc.text.substr(mentions[0].start, mentions[0].end - mentions[0].start), "Gustav");
  EXPECT_EQ(mentions[0].source, "tagger");
  EXPECT_EQ(mentions[0].type, MentionType::kPer);
  EXPECT_EQ(mentions[0].kb_entity, -1);
  EXPECT_EQ(mentions[1].source, "kb");
  EXPECT_EQ(mentions[2].type, MentionType::kOrg);
  EXPECT_EQ(doc.text.substr(mentions[3].start, mentions[3].end - mentions[3].start), "Graz");
  EXPECT_EQ(mentions[3].type, MentionType::kLoc);
}

TEST(TaggerMentions, LanguageWithoutModelKeepsItsMentions) {
  NerTaggers taggers;
  taggers.emplace("xx", ToyTagger());
  Document doc;
  doc.lang = "yy";
  doc.text = "mr Gustav lives in Bonn. mr Hanna lives in Graz.";
  doc.paragraphs.emplace_back().end = static_cast<uint32_t>(doc.text.size());
  doc.sentences = {{0, 24}, {25, static_cast<uint32_t>(doc.text.size())}};
  std::vector<Mention> mentions(1);
  mentions[0].start = 19;
  mentions[0].end = 23;
  mentions[0].source = "kb";
  std::vector<std::string> warnings;
  EXPECT_EQ(AddTaggerMentions(doc, taggers, &mentions, &warnings), 0u);
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].source, "kb");
  // One warning per language, not per sentence, naming the language.
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("no NER model for language \"yy\""), std::string::npos) << warnings[0];
  // A paragraph in the tagger's language is tagged; the other one warns.
  doc.paragraphs.front().end = 24;
  doc.paragraphs.front().lang = "xx";
  doc.paragraphs.emplace_back();
  doc.paragraphs.back().start = 25;
  doc.paragraphs.back().end = static_cast<uint32_t>(doc.text.size());
  warnings.clear();
  EXPECT_EQ(AddTaggerMentions(doc, taggers, &mentions, &warnings), 1u);
  EXPECT_EQ(warnings.size(), 1u);
  // No taggers at all: every language warns, nothing is added.
  warnings.clear();
  EXPECT_EQ(AddTaggerMentions(doc, NerTaggers(), &mentions, &warnings), 0u);
  EXPECT_EQ(warnings.size(), 2u);
}

TEST(TaggerMentions, ACorruptModelIsAnErrorNamingIt) {
  std::string dir = ::testing::TempDir() + "sitrep_tagger_mentions";
  std::filesystem::create_directories(dir + "/ner");
  {
    std::ofstream f(dir + "/ner/xx.model");
    f << "not a model";
  }
  auto t = LoadNerTaggers(dir, {"xx", "zz"}, nullptr);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("xx.model: not a usable NER model"), std::string::npos)
      << t.status().message();
  std::filesystem::remove_all(dir);
  auto none = LoadNerTaggers(dir, {"xx"}, nullptr);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

}  // namespace
}  // namespace sitrep
