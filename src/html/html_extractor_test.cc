// @brief Tests for ExtractHtml: tables of small pages, metadata, hostile input.
#include "html/html_extractor.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "base/file_io.h"
#include "html/attribute_guard.h"
#include "html/depth_guard.h"

namespace sitrep {
namespace {

// A paragraph long enough, with commas, to look like article prose.
const char kProse1[] =
    "The council voted on Tuesday to extend the programme, which supports families, schools "
    "and small businesses, for another three years.";
const char kProse2[] =
    "Officials said the decision, taken after months of debate, would cost about four million "
    "euros and would be reviewed, as required by law, next spring.";
const char kProse3[] =
    "Residents, who had petitioned for the extension, welcomed the vote and said they hoped "
    "other towns, large and small, would follow the example.";

std::string Page(const std::string& body, const std::string& head = "") {
  return "<!DOCTYPE html><html lang=\"en-GB\"><head>" + head + "</head><body>" + body +
         "</body></html>";
}

std::string Article(const std::string& extra_inside = "") {
  return std::string("<article><h1>Council extends programme</h1><p>") + kProse1 + "</p><p>" +
         kProse2 + "</p>" + extra_inside + "<p>" + kProse3 + "</p></article>";
}

Options TestOptions() {
  Options options;
  options.data_dir = SITREP_SOURCE_DIR "/data";
  return options;
}

std::string AllText(const HtmlExtraction& ex) {
  std::string text;
  for (const HtmlBlock& b : ex.blocks) text += b.text + "\n";
  return text;
}

bool Removed(const HtmlExtraction& ex, const std::string& needle, const std::string& reason) {
  for (const Removal& r : ex.removed) {
    if (r.text.find(needle) != std::string::npos && r.reason == reason) return true;
  }
  return false;
}

struct DropCase {
  const char* name;
  std::string html;
  const char* dropped;  // text that must not be extracted
  const char* reason;   // the removal reason it must be reported with
};

TEST(HtmlExtractorTest, DropsBoilerplate) {
  const std::vector<DropCase> cases = {
      {"nav", Page("<nav><a href=/>Home</a> <a href=/w>World news</a></nav>" + Article()),
       "World news", "navigation"},
      {"aside", Page(Article() + "<aside><p>Our sponsor of the week is a bakery.</p></aside>"),
       "sponsor of the week", "sidebar"},
      {"footer", Page(Article() + "<footer><p>Copyright Example Media, all rights.</p></footer>"),
       "Example Media", "footer"},
      {"figcaption",
       Page(Article(
           "<figure><img src=a.jpg><figcaption>The town hall at dusk.</figcaption></figure>")),
       "town hall at dusk", "caption"},
      {"share widget",
       Page(Article("<div class=\"share-buttons\"><a>Facebook</a> <a>Twitter</a></div>")),
       "Facebook", "share"},
      {"related list",
       Page(Article() + "<div class=\"related-posts\"><ul><li><a href=/x>Another council story "
                        "from last week</a></li></ul></div>"),
       "Another council story", "related"},
      {"comments",
       Page(Article() +
            "<section id=\"comments\"><p>Great news, thanks for reporting it!</p></section>"),
       "Great news", "comments"},
      {"cookie banner",
       Page("<div class=\"cookie-banner\"><p>We use cookies to improve your experience.</p></div>" +
            Article()),
       "We use cookies", "cookie_notice"},
      {"script", Page(Article() + "<script>var secret = 'do not show';</script>"), "do not show",
       ""},
      {"hidden", Page(Article("<div style=\"display:none\"><p>Invisible text here.</p></div>")),
       "Invisible text", "hidden"},
      {"cue line", Page(Article("<p>Share this article</p>")), "Share this article", "share"},
  };
  for (const DropCase& c : cases) {
    SCOPED_TRACE(c.name);
    auto ex = ExtractHtml(c.html, TestOptions());
    ASSERT_TRUE(ex.ok()) << ex.status().ToString();
    std::string text = AllText(*ex);
    EXPECT_NE(text.find("extend the programme"), std::string::npos) << text;
    EXPECT_NE(text.find("follow the example"), std::string::npos) << text;
    EXPECT_EQ(text.find(c.dropped), std::string::npos) << text;
    if (*c.reason) {
      EXPECT_TRUE(Removed(*ex, c.dropped, c.reason));
    }
  }
}

TEST(HtmlExtractorTest, KeepsHeadingsListsAndQuotesInOrder) {
  std::string body = std::string("<main><h1>Title here</h1><p>") + kProse1 +
                     "</p><h2>What changes</h2><ul><li>" + kProse2 + "</li></ul><blockquote><p>" +
                     kProse3 + "</p></blockquote></main>";
  auto ex = ExtractHtml(Page(body), TestOptions());
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  ASSERT_EQ(ex->blocks.size(), 4u) << AllText(*ex);
  EXPECT_EQ(ex->blocks[0].kind, BlockKind::kParagraph);
  EXPECT_EQ(ex->blocks[1].kind, BlockKind::kHeading);
  EXPECT_EQ(ex->blocks[1].text, "What changes");
  EXPECT_EQ(ex->blocks[2].kind, BlockKind::kListItem);
  EXPECT_EQ(ex->blocks[3].kind, BlockKind::kQuote);
  EXPECT_EQ(ex->title, "Title here");
}

TEST(HtmlExtractorTest, DecodesEntitiesAndCollapsesWhitespace) {
  std::string body =
      "<article><p>Caf&eacute; &amp; bar,\n\t  open&nbsp;late, said   the owner, "
      "who has run it, with her brother, since 1999 &#8212; a long time.</p><p>" +
      std::string(kProse1) + "</p></article>";
  auto ex = ExtractHtml(Page(body), TestOptions());
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  ASSERT_FALSE(ex->blocks.empty());
  EXPECT_EQ(ex->blocks[0].text,
            "Café & bar, open late, said the owner, who has run it, with her brother, since 1999 "
            "— a long time.");
}

struct TitleCase {
  std::string head;
  std::string body;
  std::string expected;
};

TEST(HtmlExtractorTest, ChoosesTitle) {
  const std::vector<TitleCase> cases = {
      {"<title>Council extends programme | Example News</title>",
       "<h1>Council extends programme</h1>", "Council extends programme"},
      {"<title>Council extends programme - Example News</title>", "", "Council extends programme"},
      {"<title>Home | Example News</title><meta property=\"og:site_name\" content=\"Example News\">"
       "<meta property=\"og:title\" content=\"Council votes on schools\">",
       "", "Council votes on schools"},
      {"<title>Example News :: Council votes on schools budget</title>", "",
       "Council votes on schools budget"},
  };
  for (const TitleCase& c : cases) {
    SCOPED_TRACE(c.head);
    auto ex = ExtractHtml(Page(c.body + Article(), c.head), TestOptions());
    ASSERT_TRUE(ex.ok()) << ex.status().ToString();
    EXPECT_EQ(ex->title, c.expected);
  }
}

TEST(HtmlExtractorTest, SiteName) {
  const std::vector<TitleCase> cases = {
      // og:site_name first, then the JSON-LD publisher, then application-name.
      {"<meta name=\"application-name\" content=\"App\">"
       "<script type=\"application/ld+json\">{\"publisher\":{\"@type\":\"Organization\","
       "\"name\":\"The Ledger\"}}</script><meta property=\"og:site_name\" content=\"Ledger\">",
       "", "Ledger"},
      {"<meta name=\"application-name\" content=\"App\">"
       "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"NewsArticle\","
       "\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Ledger\"}}]}</script>",
       "", "The Ledger"},
      {"<meta name=\"application-name\" content=\"Example News\">", "", "Example News"},
      // Else the far end of a <title> whose other end is the article's title.
      {"<title>Council extends programme | World | The Westbrook Observer</title>",
       "<h1>Council extends programme</h1>", "The Westbrook Observer"},
      {"<title>Example News :: Council votes on schools budget</title>"
       "<meta property=\"og:title\" content=\"Council votes on schools budget\">",
       "", "Example News"},
      // A title that is not the article's names no site; nor does a title without separator.
      {"<title>Home | Example News</title>", "<h1>Council extends programme</h1>", ""},
      {"<title>Council extends programme</title>", "<h1>Council extends programme</h1>", ""},
      {"<script type=\"application/ld+json\">{broken</script>", "", ""},
  };
  for (const TitleCase& c : cases) {
    SCOPED_TRACE(c.head);
    auto ex = ExtractHtml(Page(c.body + Article(), c.head), TestOptions());
    ASSERT_TRUE(ex.ok()) << ex.status().ToString();
    EXPECT_EQ(ex->site_name, c.expected);
  }
}

TEST(HtmlExtractorTest, OrdersDateCandidates) {
  std::string head =
      "<meta property=\"article:modified_time\" content=\"2022-01-08T09:00:00Z\">"
      "<meta name=\"date\" content=\"2022-01-07\">"
      "<meta property=\"article:published_time\" content=\"2022-01-07T10:00:00+01:00\">"
      "<script type=\"application/ld+json\">{\"@graph\":[{\"datePublished\":\"2022-01-07T10:00\","
      "\"dateModified\":\"2022-01-09\"}]}</script>";
  std::string body = "<time datetime=\"2021-12-31\">last year</time>" + Article();
  auto ex = ExtractHtml(Page(body, head), TestOptions());
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  std::vector<std::string> values;
  for (const HtmlDateCandidate& d : ex->dates) values.push_back(d.value);
  ASSERT_EQ(values.size(), 6u);
  EXPECT_EQ(values[0], "2022-01-07T10:00:00+01:00");
  EXPECT_EQ(ex->dates[0].origin, "meta article:published_time");
  EXPECT_EQ(values[1], "2022-01-07T10:00");  // JSON-LD datePublished
  EXPECT_EQ(values[2], "2022-01-07");        // meta date
  EXPECT_EQ(values[3], "2021-12-31");        // <time datetime>
  // Modified dates come last.
  EXPECT_EQ(values[4], "2022-01-08T09:00:00Z");
  EXPECT_EQ(values[5], "2022-01-09");
}

TEST(HtmlExtractorTest, Language) {
  auto ex = ExtractHtml(Page(Article()), TestOptions());
  ASSERT_TRUE(ex.ok());
  EXPECT_EQ(ex->lang, "en");
  ex = ExtractHtml("<html><head><meta property=\"og:locale\" content=\"de_DE\"></head><body>" +
                       Article() + "</body></html>",
                   TestOptions());
  ASSERT_TRUE(ex.ok());
  EXPECT_EQ(ex->lang, "de");
}

TEST(HtmlExtractorTest, EmptyBodyIsEmpty) {
  for (const std::string& html :
       {std::string(""), Page(""), Page("<div> \n </div><script>x()</script>")}) {
    auto ex = ExtractHtml(html, TestOptions());
    ASSERT_FALSE(ex.ok());
    EXPECT_EQ(ex.status().code(), Code::kEmpty) << html;
  }
}

TEST(HtmlExtractorTest, DeepNestingDoesNotCrash) {
  std::string html = "<html><body>";
  for (int i = 0; i < 10000; ++i) html += "<div>";
  html += kProse1;
  for (int i = 0; i < 10000; ++i) html += "</div>";
  html += "</body></html>";
  auto ex = ExtractHtml(html, TestOptions());
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  EXPECT_NE(AllText(*ex).find("extend the programme"), std::string::npos);
  EXPECT_FALSE(ex->warnings.empty());
}

TEST(HtmlExtractorTest, DeepInlineNestingDoesNotCrash) {
  std::string html;
  for (int i = 0; i < 10000; ++i) html += "<span><b><i>";
  html += kProse2;
  auto ex = ExtractHtml(html, TestOptions());
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  EXPECT_NE(AllText(*ex).find("four million"), std::string::npos);
}

TEST(HtmlExtractorTest, TruncatedHtml) {
  std::string full = Page("<nav><a>Home</a></nav>" + Article());
  for (size_t cut = 0; cut < full.size(); cut += 7) {
    auto ex = ExtractHtml(full.substr(0, cut), TestOptions());
    if (!ex.ok()) {
      EXPECT_EQ(ex.status().code(), Code::kEmpty);
    }
  }
  auto ex = ExtractHtml(full.substr(0, full.find("</p>") + 2), TestOptions());
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  EXPECT_NE(AllText(*ex).find("extend the programme"), std::string::npos);
}

TEST(HtmlExtractorTest, TooManyNodes) {
  Options options = TestOptions();
  options.max_html_nodes = 50;
  std::string body;
  for (int i = 0; i < 100; ++i) body += "<p>x</p>";
  auto ex = ExtractHtml(Page(body), options);
  ASSERT_FALSE(ex.ok());
  EXPECT_EQ(ex.status().code(), Code::kTooLarge);
}

TEST(HtmlExtractorTest, BadDataDirIsAnError) {
  Options options;
  options.data_dir = "/nonexistent/sitrep-data";
  auto ex = ExtractHtml(Page(Article()), options);
  ASSERT_FALSE(ex.ok());
  EXPECT_EQ(ex.status().code(), Code::kNotFound);
}

TEST(DepthGuardTest, LeavesShallowHtmlAlone) {
  EXPECT_FALSE(FlattenDeepNesting("<div><p>a<p>b<br><img src=x></div>", 4).has_value());
  EXPECT_FALSE(
      FlattenDeepNesting("<script>if (a<b) { '<div><div><div>' }</script>", 1).has_value());
}

TEST(DepthGuardTest, FlattensDeepTags) {
  auto out = FlattenDeepNesting("<div><div><div>x</div></div></div>", 2);
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(*out, "<div><div>x</div></div>");
}

// FindCrowdedTag with a limit of 3 attributes: where it stops, or npos.
TEST(AttributeGuardTest, CountsAttributesAsTheTokenizerDoes) {
  const size_t kNone = std::string::npos;
  struct Case {
    const char* html;
    size_t offset;
  } cases[] = {
      {"<div a b c>", kNone},
      {"<div a b c d>", 0},
      {"<p>x</p><div a=1 b='>' c=\">\" d>", 8},          // '>' inside quotes ends nothing
      {"<p>x</p><div a=1 b='x' c=\"y\">z<i d>", kNone},  // the tag ended at its '>'
      {"<div a=1 b\n c\td=e/>", 0},
      {"<div a/b/c/d>", 0},                      // '/' separates attributes
      {"<div =a b c d>", 0},                     // '=' may start a name
      {"<div a=\"unterminated b c d e", kNone},  // one attribute up to the end
      {"</div a b c d>", 0},                     // end tags are tokenized the same
      {"a < b c d e f >", kNone},                // no tag name: text
      {"<!-- <div a b c d> -->", kNone},
      {"<!--> <div a b c d>", 6},  // abrupt end of comment
      {"<!---> <div a b c d>", 7},
      {"<!-- x --!> <div a b c d>", 12},
      {"<!DOCTYPE html><div a b c d>", 15},
      {"<script> <div a b c d> </script>", kNone},  // raw text
      {"<script> x </SCRIPT > <div a b c d>", 22},
      {"<script/> <div a b c d></script>", kNone},  // '/' does not close a script
      {"<style><div a b c d></style>", kNone},
      {"<textarea><div a b c d></textarea>", kNone},
      {"<title><div a b c d></titlex></title>", kNone},
      {"<plaintext><div a b c d>", kNone},
      // Where the parser may leave the tokenizer in data state, raw text is
      // counted as markup: too high, never too low.
      {"<svg><style><div a b c d></style></svg>", 12},
      {"<math></svg><style><div a b c d>", 19},
      {"<select><style><div a b c d></style>", 15},
      {"<frameset><style><div a b c d></style>", 17},
  };
  for (const Case& c : cases) {
    std::optional<CrowdedTag> got = FindCrowdedTag(c.html, 3);
    EXPECT_EQ(got ? got->offset : kNone, c.offset) << c.html;
  }
  std::optional<CrowdedTag> got = FindCrowdedTag("<p>x</p><DIV a b c d>", 3);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->name, "div");
}

TEST(AttributeGuardTest, TooManyAttributesFailTheExtraction) {
  Options options = TestOptions();
  options.max_html_attributes = 10;
  std::string crowded = "<div";
  for (int i = 0; i < 11; ++i) crowded += " a" + std::to_string(i) + "=x";
  crowded += ">x</div>";
  std::string page = Page(Article(crowded));
  auto ex = ExtractHtml(page, options);
  ASSERT_FALSE(ex.ok());
  EXPECT_EQ(ex.status().code(), Code::kTooLarge);
  EXPECT_EQ(ex.status().message(), "the <div> tag at byte " + std::to_string(page.find("<div")) +
                                       " has more than 10 attributes (max_html_attributes)");
  options.max_html_attributes = 11;
  EXPECT_TRUE(ExtractHtml(page, options).ok());
}

// No real page comes near the default limit: the bundled examples and, when
// present, the 350 pages of the trafilatura evaluation set.
TEST(AttributeGuardTest, RealPagesAreNotRefused) {
  namespace fs = std::filesystem;
  const size_t limit = Options().max_html_attributes;
  size_t pages = 0;
  for (const std::string dir :
       {SITREP_SOURCE_DIR "/examples/corpus", SITREP_SHARED_DIR "/eval/trafilatura-eval/html"}) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (name.find(".htm") == std::string::npos) continue;
      Result<std::string> data = ReadFileLimited(it->path().string(), 64u << 20);
      ASSERT_TRUE(data.ok()) << name;
      std::string html = *data;
      if (LooksGzipped(html)) {
        Result<std::string> raw = Gunzip(html, 64u << 20);
        ASSERT_TRUE(raw.ok()) << name;
        html = *raw;
      }
      ++pages;
      std::optional<CrowdedTag> crowded = FindCrowdedTag(html, limit);
      EXPECT_FALSE(crowded.has_value())
          << name << ": <" << crowded->name << "> at byte " << crowded->offset;
      // And none comes within a tenth of it.
      EXPECT_FALSE(FindCrowdedTag(html, limit / 10).has_value()) << name;
    }
  }
  EXPECT_GE(pages, 6u);
}

}  // namespace
}  // namespace sitrep
