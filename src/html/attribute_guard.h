// @brief A linear pre-scan that refuses pages with an element carrying too
// many attributes, before gumbo sees them.
//
// gumbo's tokenizer checks each new attribute of a tag against the tag's
// attributes so far: n attributes cost O(n^2) (10,000 take ~1 s, 100,000
// ~21 s). (Attributes spread over repeated <body> tags, which the parser
// merges, were measured linear: 240,000 in 0.4 s.) This
// scan follows the HTML5 tokenizer closely enough to count attributes per
// tag: quoted values may hold '>', comments and the text of raw-text elements
// (script, style, title, textarea, ...) hold no tags. Where the tree builder
// might not switch the tokenizer to raw text (inside <svg>/<math>, after a
// <frameset>, inside <select>), raw text is scanned as markup: the count may
// then be too high, never too low. Tested by html_extractor_test (Attribute*).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sitrep {

struct CrowdedTag {
  size_t offset = 0;  // byte offset of the tag's '<' in the scanned text
  std::string name;   // lower-case tag name, at most 32 bytes
};

// The first start or end tag with more than `max_attributes` attributes, or
// nullopt.
std::optional<CrowdedTag> FindCrowdedTag(std::string_view html, size_t max_attributes);

}  // namespace sitrep
