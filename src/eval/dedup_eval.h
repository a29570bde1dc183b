// @brief ScoreDuplicates: near-duplicate detection (src/dedup) on a corpus of
// originals and the copies this scorer makes of each (docs/EVAL.md,
// "Near-duplicates").
//
// Each original is cleaned, then copied four ways, each copy cleaned again:
//   boilerplate  its clean text between another original's removed
//                boilerplate lines (share, subscribe, related, navigation);
//   half         cut at the first sentence end past half of the text;
//   added        a paragraph of another original appended;
//   markup       plain text made HTML (nav, article, footer), HTML made text.
// Originals are added to a DuplicateIndex first, in order, then the copies.
// A copy is found when it links to its original's copy group (duplicate_of,
// or shares_with); a false pair is a link between two originals that are not
// a known true pair (`true_pairs`: originals that do share text, by file name,
// read by ReadTruePairs; tests/dedup/true_pairs.tsv).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/options.h"
#include "base/status.h"
#include "doc/document.h"
#include "ingest/reader.h"

namespace sitrep {

struct DedupScore {
  size_t originals = 0;           // cleaned originals with a signature
  size_t unsigned_originals = 0;  // too short for a signature: not copied
  size_t identical = 0;           // originals whose clean text equals an earlier one's (same id)
  size_t copies = 0;
  size_t found = 0;                      // copies linked to their original's group
  size_t as_duplicate = 0;               // of those, by duplicate_of
  size_t false_pairs = 0;                // links between two originals that are no known true pair
  size_t true_pairs = 0;                 // known true pairs among the originals read
  size_t true_pairs_found = 0;           // of those, linked
  std::vector<std::string> missed;       // "kind source: why"
  std::vector<std::string> false_links;  // "a -> b (similarity)"
  double seconds = 0;                    // signatures and linking only (cleaning excluded)

  double Recall() const { return copies ? static_cast<double>(found) / copies : 0; }
};

// A pair of originals that share text, by the file names of their sources.
struct TruePair {
  std::string first, second;
};

// Reads a TSV of true pairs: `first <TAB> second <TAB> why` (docs/EVAL.md).
Result<std::vector<TruePair>> ReadTruePairs(const std::string& path);

// `clean` turns a raw document into a clean Document with its token stream
// (the clean stage).
Result<DedupScore> ScoreDuplicates(const std::vector<std::string>& paths, const Options& options,
                                   const std::vector<TruePair>& true_pairs,
                                   const std::function<Document(const RawDocument&)>& clean);

}  // namespace sitrep
