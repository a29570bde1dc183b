// @brief HtmlRules: the HTML knowledge of the extractor, loaded from data/html/*.tsv.
//
// Files and their formats are documented in docs/formats/html-rules.md. Rules
// are loaded once per data directory and shared (immutable, thread-safe).
#pragma once

#include <gumbo.h>

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/options.h"
#include "base/status.h"

namespace sitrep {

// How an element takes part in block segmentation (data/html/tags.tsv).
enum class TagRole : uint8_t {
  kInline,     // text joins the enclosing block (the default for unlisted tags)
  kHeading,    // h1..h6
  kParagraph,  // p
  kListItem,   // li, dt, dd
  kQuote,      // blockquote
  kPre,        // pre
  kBlock,      // a container that starts and ends blocks (div, td, section...)
  kBreak,      // br: two in a row split a block
  kDrop,       // dropped with its text recorded as a Removal
  kIgnore,     // dropped silently (script, style, svg...)
};

enum class MarkerMatch : uint8_t { kExact, kWord, kContains, kPrefix, kAny };
enum class MarkerEffect : uint8_t { kDrop, kUnlikely, kBoost, kPenalty };

// One line of data/html/markers.tsv.
struct Marker {
  MarkerMatch match = MarkerMatch::kExact;
  std::string pattern;  // lower case
  MarkerEffect effect = MarkerEffect::kDrop;
  int reason = -1;  // index into HtmlRules::reasons, -1 for boost/penalty
};

// What the markers say about one element.
struct MarkerVerdict {
  int drop_reason = -1;      // a kDrop marker matched
  int unlikely_reason = -1;  // a kUnlikely marker matched
  bool boost = false;
  bool penalty = false;
};

struct HtmlRules {
  struct TagRule {
    TagRole role = TagRole::kInline;
    int reason = -1;
  };
  std::array<TagRule, GUMBO_TAG_LAST + 1> tags{};

  std::vector<std::string> reasons;  // removal reasons, snake_case
  // Markers on class tokens and id ("class_id"), and on other attributes by name.
  std::vector<Marker> class_id_markers;
  std::unordered_map<std::string, std::vector<Marker>> attribute_markers;

  // Folded cue -> reason, for whole short blocks and for their beginnings.
  std::unordered_map<std::string, int> exact_cues;
  std::vector<std::pair<std::string, int>> prefix_cues;
  size_t longest_cue = 0;  // in bytes of folded text

  std::vector<std::string> title_separators;  // with their spaces, e.g. " | "

  // Date sources: "meta:<lower name>", "itemprop:<lower name>", "jsonld:<Key>",
  // "time:<attr>" -> priority.
  std::unordered_map<std::string, int> date_sources;

  const std::string& Reason(int index) const { return reasons[index]; }

  // Applies the class/id markers to a class attribute value plus an id.
  MarkerVerdict MatchClassId(std::string_view class_attr, std::string_view id) const;
  // Applies the markers of attribute `name` (lower case) to `value`.
  void MatchAttribute(std::string_view name, std::string_view value, MarkerVerdict* verdict) const;
  // The cue reason for a whole block of folded text, or -1.
  int MatchCue(std::string_view folded) const;
};

// Loads data/html/{tags,markers,cues,title_separators,date_sources}.tsv from
// DataDir(options); cached per directory. Errors name file:line.
Result<std::shared_ptr<const HtmlRules>> LoadHtmlRules(const Options& options);

}  // namespace sitrep
