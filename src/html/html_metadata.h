// @brief Page metadata from markup: title choice, language, publication-date candidates.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "html/html_extractor.h"
#include "html/html_rules.h"

namespace sitrep {

// What the tree walk saw that describes the page rather than its text.
struct PageMeta {
  std::string html_lang;         // <html lang>
  std::string content_lang;      // <meta http-equiv=content-language> / <meta name=language>
  std::string og_locale;         // <meta property=og:locale>
  std::string title_tag;         // first <title>, whitespace collapsed
  std::string og_title;          // og:title or twitter:title
  std::string site_name;         // og:site_name
  std::string app_name;          // <meta name=application-name>
  std::string publisher;         // the first JSON-LD publisher's name
  std::vector<std::string> h1s;  // texts of kept <h1> elements, document order
  std::vector<HtmlDateCandidate> dates;  // unordered, may repeat
};

// The article title: an <h1> that the <title>/og:title confirms, else og:title,
// else <title> without its site-name part, else the first <h1>.
std::string ChooseTitle(const PageMeta& meta, const HtmlRules& rules);

// The publisher's name: og:site_name, else the JSON-LD publisher's name, else
// application-name, else the far end of a <title> whose other end is the
// article's title as og:title or an <h1> gives it ("Title | World | The
// Westbrook Observer"; at most 6 words); else "".
std::string ChooseSiteName(const PageMeta& meta, const HtmlRules& rules);

// Lower-case primary subtag of the first language given: "en-US" -> "en".
std::string ChooseLang(const PageMeta& meta);

// Reads one JSON-LD script (any nesting, @graph arrays) once: adds its date
// candidates, and sets `publisher` when it is still empty to the first
// "publisher" name (an object's "name", or a string). Invalid JSON is ignored:
// pages often carry broken JSON-LD.
void ReadJsonLd(std::string_view json, const HtmlRules& rules,
                std::vector<HtmlDateCandidate>* dates, std::string* publisher);

// Orders candidates best first (priority, then document order) and removes
// repeated values, keeping the most trusted origin.
std::vector<HtmlDateCandidate> RankDates(std::vector<HtmlDateCandidate> dates);

}  // namespace sitrep
