// @brief Tests of the NER stage: reading CoNLL tags into IOB2, the split
// rule, the model file and its errors, training determinism, tokenising.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "base/file_io.h"
#include "ner/conll_reader.h"
#include "ner/ner_model.h"
#include "ner/ner_tagger.h"
#include "ner/ner_trainer.h"

namespace sitrep {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("sitrep_ner_test_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

TEST(NerTags, RawTagsMapToThreeTypes) {
  struct Case {
    const char* raw;
    std::string want;
  } cases[] = {{"O", "O"},          {"B-PER", "B-PER"}, {"I-LOC", "I-LOC"}, {"B-PEr", "B-PER"},
               {"B_PER", "B-PER"},  {"B.PER", "B-PER"}, {"I-MISC", "O"},    {"B-OTH", "O"},
               {"B-LOCderiv", "O"}, {"I-ORGpart", "O"}, {"v", "O"},         {"B-BER", "O"},
               {"B-ORg", "B-ORG"},  {"", "O"}};
  for (const Case& c : cases) EXPECT_EQ(TagName(ParseRawTag(c.raw)), c.want) << c.raw;
}

TEST(NerTags, Iob1AndIoBecomeIob2) {
  auto tags = [](std::initializer_list<const char*> raw) {
    std::vector<uint8_t> t;
    for (const char* r : raw) t.push_back(ParseRawTag(r));
    RepairIob2(&t);
    std::string out;
    for (uint8_t x : t) out += TagName(x) + " ";
    return out;
  };
  EXPECT_EQ(tags({"I-PER", "I-PER", "O", "I-LOC"}), "B-PER I-PER O B-LOC ");
  EXPECT_EQ(tags({"I-PER", "I-LOC", "I-LOC"}), "B-PER B-LOC I-LOC ");
  // IOB1's B- between two names of one type stays a start.
  EXPECT_EQ(tags({"I-ORG", "B-ORG", "I-ORG"}), "B-ORG B-ORG I-ORG ");
  // A MISC name between two parts of one type splits them.
  EXPECT_EQ(tags({"I-PER", "I-MISC", "I-PER"}), "B-PER O B-PER ");
}

TEST(NerTags, SplitRuleAndSources) {
  EXPECT_EQ(SplitOfIndex(0), ConllSplit::kTest);
  EXPECT_EQ(SplitOfIndex(10), ConllSplit::kTest);
  EXPECT_EQ(SplitOfIndex(21), ConllSplit::kDev);
  EXPECT_EQ(SplitOfIndex(5), ConllSplit::kTrain);
  Result<ConllSource> s = ParseConllSource("a/b.conll.gz@dev");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->path, "a/b.conll.gz");
  EXPECT_EQ(s->split, ConllSplit::kDev);
  EXPECT_FALSE(ParseConllSource("x@valid").ok());
  EXPECT_EQ(ParseConllSource("plain").value().split, ConllSplit::kAll);
}

TEST(NerConll, ReadsSentencesSkipsMarkersAndSplits) {
  std::string path = TempPath("read.conll");
  std::string text = "-DOCSTART-\tO\n\n";
  for (int i = 0; i < 12; ++i) text += "w" + std::to_string(i) + "\tI-PER\nx\tO\n\n";
  ASSERT_TRUE(WriteFileAtomic(path, text).ok());
  auto all = ReadConll({path, ConllSplit::kAll});
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 12u);
  EXPECT_EQ((*all)[0].tokens[0], "w0");
  EXPECT_EQ((*all)[0].tags[0], BeginTag(NerType::kPer));
  auto test = ReadConll({path, ConllSplit::kTest});
  ASSERT_TRUE(test.ok());
  ASSERT_EQ(test->size(), 2u);  // sentences 0 and 10
  EXPECT_EQ((*test)[1].tokens[0], "w10");
  ASSERT_TRUE(WriteFileAtomic(path, "a\tO\nno tab here\n").ok());
  auto bad = ReadConll({path, ConllSplit::kAll});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find(":2: expected token<TAB>tag"), std::string::npos)
      << bad.status().message();
  std::filesystem::remove(path);
}

// A toy language: capitalised words after "mr" are persons, after "in" places.
std::vector<ConllSentence> ToyData() {
  std::vector<ConllSentence> out;
  const char* names[] = {"Abel", "Boris", "Carla", "Dunja", "Emil", "Fritz"};
  const char* places[] = {"Xanten", "Yarmouth", "Zug", "Wels", "Vaduz", "Ulm"};
  for (int i = 0; i < 60; ++i) {
    ConllSentence s;
    s.tokens = {"mr", names[i % 6], "lives", "in", places[(i / 6) % 6], "."};
    s.tags = {kTagO, BeginTag(NerType::kPer), kTagO, kTagO, BeginTag(NerType::kLoc), kTagO};
    out.push_back(s);
  }
  return out;
}

TEST(NerTrainer, LearnsToyDataAndIsDeterministic) {
  NerTrainOptions o;
  o.epochs = 5;
  o.rows = 1u << 12;
  auto a = TrainNerModel(ToyData(), "xx", nullptr, o, {});
  auto b = TrainNerModel(ToyData(), "xx", nullptr, o, {});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->Serialize().value(), b->Serialize().value());
  NerTagger tagger(*a, nullptr);
  // Unseen names in the learnt contexts.
  std::vector<std::string_view> tokens = {"mr", "Gustav", "lives", "in", "Bonn", "."};
  std::vector<NerSpan> spans = tagger.TagTokens(tokens);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].begin, 1u);
  EXPECT_EQ(spans[0].type, NerType::kPer);
  EXPECT_EQ(spans[1].begin, 4u);
  EXPECT_EQ(spans[1].type, NerType::kLoc);
  EXPECT_GT(spans[0].score, 0);
  // TagText splits the final period off and gives byte offsets.
  std::vector<NerSpan> text = tagger.TagText("mr Gustav lives in Bonn.");
  ASSERT_EQ(text.size(), 2u);
  EXPECT_EQ(text[1].begin, 19u);
  EXPECT_EQ(text[1].end, 23u);
}

TEST(NerModelFile, RoundTripAndClearErrors) {
  NerTrainOptions o;
  o.epochs = 2;
  o.rows = 1u << 10;
  auto m = TrainNerModel(ToyData(), "de", nullptr, o, {});
  ASSERT_TRUE(m.ok());
  std::string bytes = m->Serialize().value();
  auto back = NerModel::FromBytes(bytes, "m.model");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->lang(), "de");
  EXPECT_EQ(back->rows(), 1u << 10);
  EXPECT_EQ(back->Serialize().value(), bytes);

  auto error_of = [](std::string b) {
    auto r = NerModel::FromBytes(b, "m.model");
    return r.ok() ? std::string("ok") : r.status().ToString();
  };
  EXPECT_NE(error_of(bytes.substr(0, 20)).find("m.model: not a usable NER model: file of 20 bytes"),
            std::string::npos);
  std::string magic = bytes;
  magic[0] = 'X';
  EXPECT_NE(error_of(magic).find("bad magic"), std::string::npos);
  std::string truncated = bytes.substr(0, bytes.size() - 3);
  EXPECT_NE(error_of(truncated).find("truncated"), std::string::npos);
  std::string version = bytes;
  version[8] = 9;
  EXPECT_NE(error_of(version).find("version 9"), std::string::npos);
  std::string flipped = bytes;
  flipped[44] ^= 1;  // the checksum
  EXPECT_NE(error_of(flipped).find("checksum mismatch"), std::string::npos);
  std::string rows = bytes;
  rows[20] = 3;
  EXPECT_NE(error_of(rows).find("power of two"), std::string::npos);

  auto missing = NerTagger::Load(TempPath("nope.model"), nullptr);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("nope.model: cannot read the NER model"),
            std::string::npos)
      << missing.status().message();
}

// The tagger's scores (NerFeatures::Score, with its per-thread word cache)
// are the sums of the weights of the rows Extract gives each token, cold and
// warm, for words repeated, too long to be cached, of several folded words or
// none, and in other scripts.
TEST(NerFeatures, ScoreSumsTheRowsOfExtract) {
  const uint32_t rows = 1u << 12;
  std::vector<float> emissions(size_t{rows} * kNerLanes), transitions(kNerLanes * kNerLanes);
  uint64_t x = 12345;
  for (size_t i = 0; i < emissions.size(); ++i) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    // Every third row all zero, as most rows of a trained model are.
    bool zero = (i / kNerLanes) % 3 == 0;
    emissions[i] = zero ? 0.0f : static_cast<float>(static_cast<int64_t>(x >> 40) % 2001 - 1000);
  }
  NerModel model = NerModel::FromFloat("xx", rows, 0, emissions, transitions);
  NerFeatures features(rows, nullptr);
  const std::vector<std::vector<std::string_view>> sentences = {
      {"The", "U.S.", "army", "met", "the", "Army", "in", "Zürich", "—", "the", "end", "."},
      {"Supercalifragilisticexpialidocious", "Москва", "и", "Москва", "—", "the", "the"},
      {"the"},
      {},
  };
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& tokens : sentences) {
      NerSentenceFeatures f;
      features.Extract(tokens, &f);
      std::vector<int32_t> emit;
      features.Score(tokens, model, &emit);
      ASSERT_GE(emit.size(), tokens.size() * kNerLanes);
      for (size_t i = 0; i < tokens.size(); ++i) {
        for (int t = 0; t < kNerLanes; ++t) {
          int32_t want = 0;
          for (uint32_t k = f.start[i]; k < f.start[i + 1]; ++k) {
            const int16_t* w = model.Row(f.rows[k]);
            want += w ? w[t] : 0;
          }
          EXPECT_EQ(emit[i * kNerLanes + t], want) << "pass " << pass << " token " << tokens[i];
        }
      }
    }
  }
}

TEST(NerTokens, SplitLikeTheTrainingData) {
  auto split = [](std::string_view s) {
    std::vector<std::pair<uint32_t, uint32_t>> r;
    SplitNerTokens(s, &r);
    std::string out;
    for (auto [b, e] : r) out += "[" + std::string(s.substr(b, e - b)) + "]";
    return out;
  };
  EXPECT_EQ(split("«Hello», said Dr. Smith of the U.S. army."),
            "[«][Hello][»][,][said][Dr.][Smith][of][the][U.S.][army][.]");
  EXPECT_EQ(split("(Nur-Sultan) O'Brien's"), "[(][Nur-Sultan][)][O'Brien's]");
  EXPECT_EQ(split("  "), "");
}

}  // namespace
}  // namespace sitrep
