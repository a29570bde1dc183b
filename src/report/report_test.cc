// @brief Tests for the report: escaping, sections, JSON shape, no network.
#include "report/report.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "base/json.h"

namespace sitrep {
namespace {

ReportInput Sample() {
  ReportInput in;
  Document d;
  d.id = "0123456789abcdef";
  d.source = "a.html";
  d.title = "Titre <script>alert(1)</script>";
  d.lang = "fr";
  d.text = "Titre\n\nCorps du texte.";
  d.paragraphs = {{0, 5, BlockKind::kTitle, "fr", false},
                  {7, 22, BlockKind::kParagraph, "fr", false}};
  d.sentences = {{7, 22}};
  d.published = PublishedDate{"2022-01-07", DatePrecision::kDay, "Publié le 7.1.2022", "text"};
  d.removed = {{"Share Post:", "share", "en", 0}};
  d.text = "Titre\n\nEnviron 2 500 soldats selon RIA.";
  d.paragraphs = {{0, 5, BlockKind::kTitle, "fr", false},
                  {7, 39, BlockKind::kParagraph, "fr", false}};
  d.sentences = {{7, 39}};
  Claim c;
  c.start = 7, c.end = 29, c.number_start = 15, c.number_end = 20;
  c.value = 2500;
  c.hedge = HedgeType::kApproximate;
  c.measure = "troops";
  c.attribution = {30, 38};
  c.sentence = 0;
  d.claims = {c};
  Mention m;
  m.start = 35, m.end = 38;
  m.type = MentionType::kOrg;
  m.entity = "org:ria";
  m.name = "RIA Novosti";
  d.mentions = {m};
  EntityInfo e;
  e.id = "org:ria";
  e.name = "RIA Novosti";
  e.type = "ORG";
  e.kind = "organisation";
  d.entities = {e};
  in.documents.push_back(d);
  in.failures.push_back({"bad.txt", "bad_encoding", "bad.txt: invalid UTF-8 at byte 3"});
  return in;
}

TEST(Report, HtmlIsEscapedSelfContainedAndComplete) {
  std::string html = ReportHtml(Sample());
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  for (const char* part :
       {"Languages", "What was removed, and why", "Inputs that failed", "2022-01-07",
        "Figures, and who gives them", "Actors: who and where", "RIA Novosti", "<mark>RIA</mark>",
        "2\xE2\x80\xAF"
        "500",
        "selon RIA", "approximate", "Publié le 7.1.2022", "share", "invalid UTF-8 at byte 3"}) {
    EXPECT_NE(html.find(part), std::string::npos) << part;
  }
}

TEST(Report, JsonParsesAndCarriesDocumentsAndFailures) {
  Result<JsonValue> v = ParseJson(ReportJson(Sample()));
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(v->GetString("format"), "sitrep-report/1");
  ASSERT_EQ((*v)["documents"].items().size(), 1u);
  EXPECT_EQ((*v)["documents"].items()[0].GetString("format"), "sitrep/1");
  EXPECT_EQ((*v)["failures"].items()[0].GetString("code"), "bad_encoding");
}

// The figures: report.json's "figures" array and the first HTML section. The
// sample's one claim names no place, so its series stays alone and says why.
TEST(Report, FiguresComeFirstInTheHtmlAndInTheJson) {
  ReportInput in = Sample();
  Result<FigureRules> rules = FigureRules::Load(SITREP_SOURCE_DIR "/data");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  in.figures = BuildFigures(in.documents, *rules);
  ASSERT_EQ(in.figures.size(), 1u);
  Result<JsonValue> v = ParseJson(ReportJson(in));
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  const JsonValue& f = (*v)["figures"].items()[0];
  EXPECT_EQ(f.GetString("measure"), "troops");
  EXPECT_EQ(f.GetString("status"), "single");
  EXPECT_NE(f.GetString("reason").find("no place"), std::string::npos);
  EXPECT_EQ(f["claims"].items()[0].GetString("source"), "RIA Novosti");
  std::string html = ReportHtml(in);
  const size_t numbers = html.find("<section id=\"numbers\"><h2>What the numbers say</h2>");
  ASSERT_NE(numbers, std::string::npos);
  EXPECT_LT(numbers, html.find("<h2>Corpus</h2>"));
  EXPECT_NE(html.find("<svg class=\"chart\"", numbers), std::string::npos);
  // Without figures the section says so, and report.json has an empty array.
  in.figures.clear();
  EXPECT_NE(ReportHtml(in).find("No counted figures were found."), std::string::npos);
  EXPECT_NE(ReportJson(in).find("\"figures\":[]"), std::string::npos);
}

// The story filter reaches the numbers: a series lists the stories of its
// claims' documents (data-stories), each claim row its own (data-story), and
// the filter's CSS hides series without the story picked.
TEST(Report, FigureSeriesCarryTheirStoriesForTheFilter) {
  ReportInput in = Sample();
  Document other = in.documents[0];
  other.id = "fedcba9876543210";
  other.source = "b.html";
  in.documents[0].story = "s0123456789abcdef";
  other.story = "sfedcba9876543210";
  in.documents.push_back(other);
  Result<FigureRules> rules = FigureRules::Load(SITREP_SOURCE_DIR "/data");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  in.figures = BuildFigures(in.documents, *rules);
  ASSERT_FALSE(in.figures.empty());
  const std::string html = ReportHtml(in);
  const size_t numbers = html.find("<section id=\"numbers\">");
  ASSERT_NE(numbers, std::string::npos);
  const std::string section = html.substr(numbers, html.find("</section>", numbers) - numbers);
  EXPECT_NE(section.find("data-stories=\"s0123456789abcdef"), std::string::npos) << section;
  EXPECT_NE(section.find("<tr data-story=\"sfedcba9876543210\">"), std::string::npos);
  EXPECT_NE(html.find("[data-stories]:not([data-stories~=\"s0123456789abcdef\"])"),
            std::string::npos);
}

TEST(Report, WritesBothFiles) {
  auto dir = std::filesystem::temp_directory_path() / "sitrep_report_test";
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(WriteReport(Sample(), (dir / "nested").string()).ok());
  EXPECT_TRUE(std::filesystem::exists(dir / "nested" / "report.html"));
  EXPECT_TRUE(std::filesystem::exists(dir / "nested" / "report.json"));
  std::filesystem::remove_all(dir);
}

// A copy (duplicate_of) is marked in the lists and counted once: in the
// corpus counts, and in an actor's and a measure's documents.
TEST(Report, CopiesAreMarkedAndCountedOnce) {
  ReportInput in = Sample();
  Document copy = in.documents[0];
  copy.id = "fedcba9876543210";
  copy.source = "b.html";
  copy.duplicate_of = DocLink{in.documents[0].id, 0.914, 0.97};
  in.documents.push_back(copy);
  const std::string html = ReportHtml(in);
  EXPECT_NE(html.find("2 articles, 1 distinct"), std::string::npos);
  EXPECT_NE(html.find("copy of <a href=\"#doc-0123456789abcdef\">#1</a>"), std::string::npos);
  EXPECT_NE(html.find("2 mentions in 2 documents (1 distinct)"), std::string::npos);
  EXPECT_NE(html.find("figures in 2 documents (1 distinct)"), std::string::npos);
  const std::string json = ReportJson(in);
  auto v = ParseJson(json);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ((*v)["corpus"]["articles"].num(), 2);
  EXPECT_EQ((*v)["corpus"]["distinct"].num(), 1);
  EXPECT_EQ((*v)["documents"].items()[1]["duplicate_of"].GetString("document"), "0123456789abcdef");
  EXPECT_TRUE((*v)["documents"].items()[0]["duplicate_of"].is_null());
}

}  // namespace
}  // namespace sitrep
