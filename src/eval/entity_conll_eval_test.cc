// @brief Reading CoNLL NER files and the CoNLL entity rule (IOB1, IOB2, IO),
// the text a document is recognized as.
#include "eval/entity_conll_eval.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace sitrep {
namespace {

TEST(ConllEntitiesTest, Iob2Iob1AndIo) {
  using V = std::vector<std::string>;
  // IOB2: B- starts, I- continues.
  EXPECT_EQ(ConllEntities(V{"B-PER", "I-PER", "O", "B-LOC"}),
            (std::vector<ConllSpan>{{0, 2, "PER"}, {3, 4, "LOC"}}));
  // IOB1 and IO: an I- after O or another type starts an entity; B- splits
  // two adjacent entities of one type.
  EXPECT_EQ(ConllEntities(V{"I-ORG", "I-ORG", "I-LOC", "B-LOC", "O", "I-PER"}),
            (std::vector<ConllSpan>{{0, 2, "ORG"}, {2, 3, "LOC"}, {3, 4, "LOC"}, {5, 6, "PER"}}));
  // Other types are not scored and end the entity before them.
  EXPECT_EQ(ConllEntities(V{"B-MISC", "I-MISC", "B-LOCderiv", "B-PER", "I-MISC"}),
            (std::vector<ConllSpan>{{3, 4, "PER"}}));
  // An I- of another type after an entity starts a new one.
  EXPECT_EQ(ConllEntities(V{"B-PER", "I-ORG"}),
            (std::vector<ConllSpan>{{0, 1, "PER"}, {1, 2, "ORG"}}));
}

TEST(ConllTextTest, JoinsTokensAsWritten) {
  ConllDocument doc = {{{"Selon", "l'", "IGPN", ",", "il", "a", "(", "dit", ")", "."}, {}},
                       {{"Fin", "."}, {}}};
  std::vector<std::vector<std::pair<size_t, size_t>>> offsets;
  const std::string text = ConllText(doc, &offsets);
  EXPECT_EQ(text, "Selon l'IGPN, il a (dit).\nFin.");
  ASSERT_EQ(offsets.size(), 2u);
  EXPECT_EQ(text.substr(offsets[0][2].first, offsets[0][2].second - offsets[0][2].first), "IGPN");
  EXPECT_EQ(offsets[1][0].first, text.find("Fin"));
}

class ReadConllDocumentsTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& body) {
    const std::string path =
        (std::filesystem::temp_directory_path() / ("conll_test_" + std::to_string(::getpid())))
            .string();
    std::ofstream(path) << body;
    paths_.push_back(path);
    return path;
  }
  void TearDown() override {
    for (const std::string& p : paths_) std::filesystem::remove(p);
  }
  std::vector<std::string> paths_;
};

TEST_F(ReadConllDocumentsTest, DocstartGroupsSentences) {
  auto docs =
      ReadConllDocuments(Write("-DOCSTART-\tO\n\nA\tB-PER\n.\tO\n\nB\tO\n\n-DOCSTART-\tO\n\nC\tI-LOC\n"));
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[0].size(), 2u);
  EXPECT_EQ((*docs)[1][0].tags, std::vector<std::string>{"I-LOC"});
}

TEST_F(ReadConllDocumentsTest, NoDocstartIsOneDocumentPerSentence) {
  auto docs = ReadConllDocuments(Write("A\tx\tB-PER\r\n\nB\tO\n"));
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[0][0].tags, std::vector<std::string>{"B-PER"});  // the last column
}

TEST_F(ReadConllDocumentsTest, LineWithoutTabIsAnErrorAtItsLine) {
  auto docs = ReadConllDocuments(Write("A\tO\nB O\n"));
  ASSERT_FALSE(docs.ok());
  EXPECT_NE(docs.status().ToString().find(":2:"), std::string::npos) << docs.status().ToString();
}

}  // namespace
}  // namespace sitrep
