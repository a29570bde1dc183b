// @brief Table-driven tests for the cleaner on plain text, HTML and JSONL metadata.
#include "clean/cleaner.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "base/deadline.h"

namespace sitrep {
namespace {

class CleanerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Options o;
    o.data_dir = std::string(SITREP_SOURCE_DIR) + "/data";
    auto c = Cleaner::Create(o);
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    cleaner_ = std::move(c).value();
  }
  Document CleanText(const std::string& text, const std::string& source = "t.txt") {
    RawDocument raw;
    raw.source = source;
    raw.text = text;
    raw.input_bytes = text.size();
    return cleaner_->Clean(raw);
  }
  static std::vector<std::string> Reasons(const Document& d) {
    std::vector<std::string> out;
    for (const auto& r : d.removed) out.push_back(r.reason);
    std::sort(out.begin(), out.end());
    return out;
  }
  std::unique_ptr<Cleaner> cleaner_;
};

const char kBody[] =
    "Les troupes de l'Organisation du traité de sécurité collective sont arrivées jeudi au "
    "Kazakhstan, "
    "à la demande du président, pour une mission présentée comme temporaire par Moscou et ses "
    "alliés.";
const char kBody2[] =
    "Selon le ministère de l'Intérieur, des milliers de personnes ont été interpellées dans "
    "plusieurs villes "
    "du pays depuis le début des manifestations contre la hausse du prix du gaz.";

TEST_F(CleanerTest, RemovesBoilerplateLinesWithReasons) {
  struct Case {
    std::string line, reason;
  } cases[] = {
      {"Share Post:", "share"},
      {"VOIR AUSSI : Une autre histoire sans rapport", "related"},
      {"Copyright (c) 2022. Exemple SA. Tous droits réservés.", "copyright"},
      {"Accueil > Monde > Asie", "navigation"},
      {"Suivez-nous sur Twitter", "social"},
      {"Temps de lecture : 4 min", "reading_time"},
      {"REUTERS/ANNA NOVAK - Des manifestants à Almaty", "caption"},
      {"Des soldats russes débarquent d'un avion militaire sur un aérodrome au Kazakhstan le 7 "
       "janvier.",
       "caption"},
  };
  for (const auto& c : cases) {
    std::string text = std::string("Un titre d'article assez court\n\n") + kBody + "\n\n" + c.line +
                       "\n\n" + kBody2 + "\n";
    Document d = CleanText(text);
    ASSERT_FALSE(d.failed()) << c.line;
    EXPECT_EQ(d.text.find(c.line), std::string::npos) << c.line;
    EXPECT_EQ(Reasons(d), std::vector<std::string>{c.reason}) << c.line;
    EXPECT_NE(d.text.find(kBody2), std::string::npos) << c.line;
  }
}

TEST_F(CleanerTest, KeepsTitleHeadingsAndBodySentences) {
  std::string text = std::string("La crise au Kazakhstan inquiète ses voisins\n\n") + kBody +
                     "\n\nSphères d'influence\n\n" + kBody2 + "\n";
  Document d = CleanText(text);
  ASSERT_FALSE(d.failed());
  EXPECT_EQ(d.title, "La crise au Kazakhstan inquiète ses voisins");
  ASSERT_EQ(d.paragraphs.size(), 4u);
  EXPECT_EQ(d.paragraphs[0].kind, BlockKind::kTitle);
  EXPECT_EQ(d.paragraphs[2].kind, BlockKind::kHeading);
  EXPECT_EQ(d.lang, "fr");
  EXPECT_TRUE(d.removed.empty());
  EXPECT_EQ(d.sentences.size(), 4u);
  EXPECT_FALSE(d.published.has_value());
}

TEST_F(CleanerTest, DatelineGivesThePublicationDateAndIsCut) {
  std::string text =
      std::string("Un titre d'article assez court\n\nPublié le 7.1.2022\n\n") + kBody + "\n";
  Document d = CleanText(text);
  ASSERT_TRUE(d.published.has_value());
  EXPECT_EQ(d.published->value, "2022-01-07");
  EXPECT_EQ(d.published->text, "Publié le 7.1.2022");
  EXPECT_EQ(d.published->origin, "text");
  EXPECT_EQ(d.text.find("Publié"), std::string::npos);
}

TEST_F(CleanerTest, RepeatsAreKeptOnce) {
  std::string title = "Les États-Unis et l’UE s’inquiètent de l’intervention au Kazakhstan";
  std::string text =
      title + "\n\n" + title + ".\n\n" + kBody + "\n\n" + kBody + "\n\n" + kBody2 + "\n";
  Document d = CleanText(text);
  EXPECT_EQ(Reasons(d), (std::vector<std::string>{"duplicate", "repeated_title"}));
  EXPECT_EQ(d.text.find(kBody), d.text.rfind(kBody));
}

TEST_F(CleanerTest, SubscriptionAppealGluedToTheLastParagraphIsCut) {
  std::string text =
      std::string("Un titre d'article assez court\n\n") + kBody + " " + kBody2 +
      " En vous abonnant, vous soutenez un journalisme de qualité. INSCRIVEZ-VOUS MAINTENANT .\n";
  Document d = CleanText(text);
  EXPECT_EQ(d.text.find("abonnant"), std::string::npos);
  EXPECT_EQ(d.text.find("INSCRIVEZ"), std::string::npos);
  EXPECT_NE(d.text.find("gaz."), std::string::npos);
}

TEST_F(CleanerTest, ShortForeignLinesAndForeignFootersGo) {
  std::string text = std::string("Un titre d'article assez court\n\n") + kBody +
                     "\n\nTropas Kazajistán\n\n" + kBody2 +
                     "\n\nSi tienes alguna pista sobre una noticia, no dudes en hacérnosla llegar "
                     "por cualquiera de "
                     "nuestras vías de contacto habituales.\n";
  Document d = CleanText(text);
  EXPECT_EQ(Reasons(d), (std::vector<std::string>{"foreign_footer", "foreign_fragment"}));
}

TEST_F(CleanerTest, SourceMapPointsBackIntoTheInput) {
  std::string text =
      std::string("Un titre d'article assez court\n\nShare Post:\n\n") + kBody + "\n";
  Document d = CleanText(text);
  ASSERT_FALSE(d.source_map.empty());
  for (const SourceRun& r : d.source_map) {
    // The input is ASCII up to the first accent, so code points equal bytes there.
    std::string piece = d.text.substr(r.text_offset, r.length);
    if (r.source_cp + piece.size() <= 40) {
      EXPECT_EQ(text.substr(r.source_cp, piece.size()), piece);
    }
  }
}

TEST_F(CleanerTest, MetadataFromJsonlWins) {
  RawDocument raw;
  raw.source = "in.jsonl#1";
  raw.container = "jsonl";
  raw.text = std::string(kBody) + "\n\n" + kBody2;
  raw.title = "Titre fourni";
  raw.published = "2022-01-09";
  raw.lang = "fr";
  Document d = cleaner_->Clean(raw);
  EXPECT_EQ(d.title, "Titre fourni");
  EXPECT_EQ(d.paragraphs[0].kind, BlockKind::kTitle);
  ASSERT_TRUE(d.published.has_value());
  EXPECT_EQ(d.published->value, "2022-01-09");
  EXPECT_EQ(d.published->origin, "input");
  EXPECT_EQ(d.format, "jsonl");
}

TEST_F(CleanerTest, HtmlGoesThroughTheExtractor) {
  RawDocument raw;
  raw.source = "p.html";
  raw.format = InputFormat::kHtml;
  raw.text =
      std::string(
          "<html lang=fr><head><title>Titre | Site</title>"
          "<meta property=\"article:published_time\" content=\"2022-01-06T09:00:00+01:00\"></head>"
          "<body><nav><a href=/>Accueil</a> <a "
          "href=/monde>Monde</a></nav><article><h1>Titre</h1><p>") +
      kBody + "</p><p>" + kBody2 +
      "</p></article><footer>© 2022 Site. Tous droits réservés.</footer></body></html>";
  Document d = cleaner_->Clean(raw);
  ASSERT_FALSE(d.failed()) << d.errors[0].message;
  EXPECT_EQ(d.title, "Titre");
  EXPECT_NE(d.text.find(kBody2), std::string::npos);
  EXPECT_EQ(d.text.find("Accueil"), std::string::npos);
  EXPECT_EQ(d.text.find("droits"), std::string::npos);
  ASSERT_TRUE(d.published.has_value());
  EXPECT_EQ(d.published->value.substr(0, 10), "2022-01-06");
  EXPECT_EQ(d.published->origin, "html");
}

TEST_F(CleanerTest, TheOutletIsTheInputsNameElseTheHtmlSiteNameElseEmpty) {
  const std::string page = std::string(
                               "<html lang=fr><head><title>Titre | Le Site</title>"
                               "<meta property=\"og:site_name\" content=\"Le Site du Soir\"></head>"
                               "<body><article><h1>Titre</h1><p>") +
                           kBody + "</p><p>" + kBody2 + "</p></article></body></html>";
  RawDocument raw;
  raw.source = "p.html";
  raw.format = InputFormat::kHtml;
  raw.text = page;
  EXPECT_EQ(cleaner_->Clean(raw).outlet, "Le Site du Soir");
  raw.outlet = "Nom fourni";  // a JSONL "source" is kept as given
  EXPECT_EQ(cleaner_->Clean(raw).outlet, "Nom fourni");
  RawDocument text;
  text.source = "t.txt";
  text.text = std::string(kBody) + "\n\n" + kBody2;
  EXPECT_EQ(cleaner_->Clean(text).outlet, "");  // plain text names no outlet
}

TEST_F(CleanerTest, FailuresComeBackAsErrors) {
  Document empty = CleanText("");
  ASSERT_TRUE(empty.failed());
  EXPECT_EQ(empty.errors[0].code, "empty");
  RawDocument raw;
  raw.source = "bad.txt";
  raw.status = Status(Code::kBadEncoding, "bad.txt: invalid UTF-8 at byte 6");
  Document bad = cleaner_->Clean(raw);
  ASSERT_TRUE(bad.failed());
  EXPECT_EQ(bad.errors[0].code, "bad_encoding");
  EXPECT_EQ(bad.errors[0].message, "bad.txt: invalid UTF-8 at byte 6");
}

TEST_F(CleanerTest, DocumentIdIsTheHashOfTheCleanText) {
  std::string text = std::string("Un titre d'article assez court\n\n") + kBody + "\n";
  Document a = CleanText(text, "a.txt");
  Document b = CleanText("Share Post:\n" + text, "b.txt");
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.id.size(), 16u);
}

// Pull-quotes: a lone sentence whose content words mostly recur in one
// sentence of a longer paragraph (found through the index of rarest words).
TEST_F(CleanerTest, PullQuotes) {
  const std::string quoted =
      "Les forces de sécurité ont reçu l'ordre de tirer sans sommation contre les émeutiers armés, "
      "a déclaré le président lors d'une allocution télévisée.";
  const std::string head = "Le président ordonne de tirer sans sommation\n\n";
  const std::string para = std::string(kBody) + " " + quoted + " " + kBody2 + "\n\n";
  struct Case {
    std::string lone;
    bool removed;
  } cases[] = {
      // The same sentence, and a slightly reworded one.
      {quoted, true},
      {"Les forces de sécurité ont reçu l'ordre de tirer sans sommation contre les émeutiers, a "
       "déclaré "
       "le président.",
       true},
      // Another sentence on the same subject.
      {"Les familles des victimes réclament une enquête indépendante sur les tirs contre les "
       "civils "
       "désarmés.",
       false},
  };
  for (const Case& c : cases) {
    for (bool quote_first : {false, true}) {
      std::string text = head + (quote_first ? c.lone + "\n\n" + para : para + c.lone + "\n\n");
      Document d = CleanText(text);
      ASSERT_FALSE(d.failed());
      std::vector<std::string> reasons = Reasons(d);
      bool removed = std::count(reasons.begin(), reasons.end(), "pull_quote") == 1;
      EXPECT_EQ(removed, c.removed) << c.lone << (quote_first ? " (first)" : " (last)");
      EXPECT_NE(d.text.find(quoted), std::string::npos);  // the paragraph keeps its sentence
    }
  }
}

// A document past its CPU budget: Clean stops between its steps, leaves the
// document without text (Pipeline then fails it) and the deadline names the stage.
TEST_F(CleanerTest, AnExpiredDeadlineStopsTheSteps) {
  RawDocument raw;
  raw.source = "t.txt";
  raw.text = std::string(kBody) + "\n\n" + kBody2 + "\n";
  raw.input_bytes = raw.text.size();
  ASSERT_FALSE(cleaner_->Clean(raw).text.empty());
  Deadline deadline(1e-9);
  while (deadline.Elapsed() < 1e-6) {
  }
  Document doc = cleaner_->Clean(raw, &deadline);
  EXPECT_TRUE(doc.text.empty());
  EXPECT_TRUE(deadline.expired());
  EXPECT_EQ(deadline.stage(), "clean");
}

}  // namespace
}  // namespace sitrep
