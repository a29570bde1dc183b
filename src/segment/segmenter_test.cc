// @brief Tests for sentence and word segmentation.
#include "segment/segmenter.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

std::vector<std::string> SentenceTexts(Segmenter& s, const std::string& text, const std::string& lang) {
  std::vector<std::string> out;
  for (const auto& r : s.Sentences(text, lang)) out.push_back(text.substr(r.start, r.end - r.start));
  return out;
}

class SegmenterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Options o;
    o.data_dir = std::string(SITREP_SOURCE_DIR) + "/data";
    auto s = Segmenter::Create(o);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    seg_ = std::move(s).value();
  }
  std::unique_ptr<Segmenter> seg_;
};

TEST_F(SegmenterTest, SentencesPerLanguageWithAbbreviationsAndInitials) {
  struct Case {
    std::string lang, text;
    std::vector<std::string> want;
  } cases[] = {
      {"fr", "M. Tokayev a parlé. La Russie de V. Poutine répond.",
       {"M. Tokayev a parlé.", "La Russie de V. Poutine répond."}},
      {"en", "Mr. Blinken spoke in the U.S. capital. Dr. Smith agreed!",
       {"Mr. Blinken spoke in the U.S. capital.", "Dr. Smith agreed!"}},
      {"de", "Laut Dr. Weber sind ca. 2000 Soldaten dort. Das ist viel.",
       {"Laut Dr. Weber sind ca. 2000 Soldaten dort.", "Das ist viel."}},
      {"ru", "Заявление сделано 5 янв. 2022 г. в Москве. Это важно.",
       {"Заявление сделано 5 янв. 2022 г. в Москве.", "Это важно."}},
      {"fr", "« Cela suffit. » a-t-il dit. Fin", {"« Cela suffit. » a-t-il dit.", "Fin"}},
      {"de", "Die Proteste hatten am 2. Januar begonnen. Dann kam es zu Gewalt.",
       {"Die Proteste hatten am 2. Januar begonnen.", "Dann kam es zu Gewalt."}},
      {"de", "Sie kamen am 12. Dann gingen sie.", {"Sie kamen am 12.", "Dann gingen sie."}},
  };
  for (const auto& c : cases) EXPECT_EQ(SentenceTexts(*seg_, c.text, c.lang), c.want) << c.text;
}

TEST_F(SegmenterTest, OffsetsAreBytesShiftedByBase) {
  std::string text = "Été chaud.  Hiver froid.";
  auto r = seg_->Sentences(text, "fr", 100);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].start, 100u);
  EXPECT_EQ(text.substr(r[1].start - 100, r[1].end - r[1].start), "Hiver froid.");
}

TEST_F(SegmenterTest, WordsSkipPunctuation) {
  std::string text = "L’OTSC a envoyé 2 500 soldats.";
  std::vector<std::string> words;
  for (const auto& r : seg_->Words(text)) words.push_back(text.substr(r.start, r.end - r.start));
  EXPECT_EQ(words, (std::vector<std::string>{"L’OTSC", "a", "envoyé", "2", "500", "soldats"}));
}

}  // namespace
}  // namespace sitrep
