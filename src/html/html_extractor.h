// @brief HtmlExtractor: an HTML5 page (gumbo) -> title, main-text blocks,
// what was dropped and why, and publication-date candidates.
//
// The extractor decides what is the article: it drops navigation, asides,
// scripts, share widgets, related links, comments, captions and credits, and
// keeps the title, headings, paragraphs, list items and block quotes of the
// main content. It never touches the text of kept blocks beyond collapsing
// whitespace; boilerplate *lines* inside kept blocks are the text cleaner's job.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/options.h"
#include "base/status.h"
#include "doc/document.h"

namespace sitrep {

struct HtmlBlock {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;  // whitespace collapsed, entities decoded, valid UTF-8
};

// A raw date string found in the page's markup, with where it came from.
struct HtmlDateCandidate {
  std::string value;  // as written in the attribute/element: "2022-01-07T10:00:00+01:00"
  std::string
      origin;  // e.g. "meta article:published_time", "time[datetime]", "json-ld datePublished"
  int priority = 0;  // higher is more trustworthy (published > modified)
};

struct HtmlExtraction {
  std::string title;  // best article title (h1 / og:title / <title> minus site name)
  std::string lang;   // <html lang> / og:locale, lower-case primary subtag; empty if none
  std::string site_name;  // the publisher's name (og:site_name, JSON-LD publisher, ...); may be ""
  std::vector<HtmlBlock> blocks;         // main content in document order (title not included)
  std::vector<Removal> removed;          // dropped text with reasons (see docs/FORMAT.md)
  std::vector<HtmlDateCandidate> dates;  // best first
  std::vector<std::string> warnings;     // e.g. "nesting deeper than max_html_depth"
};

// Parses and extracts. Errors: kParseError when gumbo cannot parse at all,
// kTooLarge past options.max_html_nodes, kEmpty when no text at all is found.
Result<HtmlExtraction> ExtractHtml(std::string_view html, const Options& options);

}  // namespace sitrep
