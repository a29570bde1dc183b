// @brief StorySummary: what report.json (`stories`), the report and
// `sitrep query stories` say of each story, from its documents' `story` ids.
#pragma once

#include <string>
#include <vector>

#include "doc/document.h"

namespace sitrep {

class JsonWriter;

struct StorySummary {
  std::string id;
  // Leading entities (the most documents first, display names) and terms (the
  // title and lead terms most shared among its documents, weighted by their
  // IDF over the corpus): "Kazakhstan, CSTO, Almaty · otsc, troupes".
  std::string label;
  std::vector<std::string> entities;   // the entity ids of the label
  std::vector<std::string> terms;      // the terms of the label
  std::string first_day, last_day;     // YYYY-MM-DD, "" when no document is dated
  std::vector<std::string> languages;  // sorted
  std::vector<std::string> documents;  // document ids, in clustering order (StoryOrder)
  std::vector<std::string> sources;    // outlets (else the document's source), sorted, unique
};

// Label sizes.
inline constexpr size_t kStoryLabelEntities = 3;
inline constexpr size_t kStoryLabelTerms = 3;

// One summary per story named by a document's `story`; documents without one
// are left out. Ordered by number of documents (most first), then first day,
// then id.
std::vector<StorySummary> SummarizeStories(const std::vector<Document>& docs);

// Writes one story as a JSON object (an element of `stories`).
void AppendStoryJson(const StorySummary& story, JsonWriter* w);

// Writes `"stories": [...]` (docs/FORMAT.md) into an open object.
void AppendStoriesJson(const std::vector<StorySummary>& stories, JsonWriter* w);

}  // namespace sitrep
