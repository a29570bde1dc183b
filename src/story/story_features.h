// @brief StoryFeatures: what the story clusterer reads of one document —
// entity ids, places and their countries, title and lead terms per language,
// figure measures, and the document's day — as weighted sparse vectors.
//
// Every feature works across languages except the terms: entity ids are the
// knowledge base's ids or the cross-language "new:" keys of the corpus
// resolver; places are entity ids and the countries the KB gives them;
// measures are the quantity stage's measure codes. Terms are folded words of
// the title and lead, keyed by their paragraph's language ("t:fr:otsc").
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "doc/document.h"

namespace sitrep {

// The feature groups, each compared on its own (story_clusterer.h).
enum class StoryGroup : uint8_t { kWho, kWhere, kWhat, kMeasure };
inline constexpr int kStoryGroups = 4;

// The group of a feature key, from its prefix: "e:" who (people,
// organisations), "p:" and "c:" where (places, countries), "t:" what (terms),
// "m:" measures.
StoryGroup GroupOfFeature(std::string_view key);

inline constexpr int64_t kNoStoryDay = std::numeric_limits<int64_t>::min();

struct StoryFeatures {
  // (key, weight), sorted by key, keys unique. The weights of each group form
  // a unit vector (1 + ln count per key, then normalised), so a long article
  // counts as much as a short one in a story's centroid.
  std::vector<std::pair<std::string, double>> items;
  int64_t day = kNoStoryDay;  // days since 1970-01-01 (civil_date.h), or kNoStoryDay
};

// Title and lead: the title and the paragraphs after it until this many words.
inline constexpr size_t kStoryLeadWords = 80;
// Terms shorter than this many code points are not features (most function
// words of the alphabetic languages; IDF weighs the rest).
inline constexpr size_t kStoryMinTermLength = 4;

// The features of a processed (or stored) document. A failed document has none.
StoryFeatures DocumentStoryFeatures(const Document& doc);

// The day a document is about: its publication day (a month-precision date
// counts as the 15th), else the most frequent day among the absolute dates of
// its text (the latest among equals), else kNoStoryDay.
int64_t DocumentStoryDay(const Document& doc);

// "2022-01-07..." -> its day number; "2022-01" -> the 15th; else kNoStoryDay.
int64_t StoryDayOfIso(std::string_view iso);

// The folded title and lead terms of a document, with their language, in text
// order (repeats kept): ("fr", "otsc").
std::vector<std::pair<std::string, std::string>> TitleLeadTerms(const Document& doc);

}  // namespace sitrep
