// @brief Document: the clean, segmented article every later stage reads.
//
// Invariants: `text` is valid UTF-8; every Span/Paragraph/Sentence lies inside
// `text` on code-point boundaries (byte offsets here; JSON gives code points);
// paragraphs are sorted, disjoint, and separated by "\n\n"; sentences are
// sorted and each lies inside one paragraph.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "doc/claim.h"
#include "doc/mention.h"
#include "doc/quote.h"
#include "doc/text_tokens.h"
#include "doc/time_expr.h"

namespace sitrep {

enum class DatePrecision { kYear, kMonth, kDay, kMinute };
const char* PrecisionName(DatePrecision p);

struct PublishedDate {
  std::string value;  // ISO-8601 at its precision: 2022, 2022-01, 2022-01-07, 2022-01-07T14:32
  DatePrecision precision = DatePrecision::kDay;
  std::string text;    // as written: "Publié le 7.1.2022", "<meta property=...>"
  std::string origin;  // text | html_meta | html_time | input | flag
};

enum class BlockKind { kTitle, kHeading, kParagraph, kListItem, kQuote, kPreformatted };
const char* BlockKindName(BlockKind k);

struct Paragraph {
  uint32_t start = 0, end = 0;  // byte offsets into Document::text, end exclusive
  BlockKind kind = BlockKind::kParagraph;
  std::string lang;             // ISO 639-1, "und" when unknown
  bool foreign = false;         // lang differs from the document language
};

struct Sentence {
  uint32_t start = 0, end = 0;  // byte offsets into Document::text
};

// A span of the input that cleaning removed, and why (docs/FORMAT.md lists reasons).
struct Removal {
  std::string text;
  std::string reason;          // share, subscribe, related, navigation, copyright, caption, ...
  std::string lang;            // language of the removed text when known
  int64_t source_offset = -1;  // byte offset in the decoded input, -1 when not a verbatim slice
};

// A run of `length` bytes of Document::text, starting at `text_offset`, that
// is a verbatim copy of the decoded input starting at code point `source_cp`.
struct SourceRun {
  uint32_t text_offset = 0;
  uint32_t length = 0;
  uint64_t source_cp = 0;
};

// A link from a document to an earlier one that shares its text
// (src/dedup, docs/FORMAT.md "duplicate_of", "shares_with").
struct DocLink {
  std::string document;    // the other document's id
  double similarity = 0;   // estimated Jaccard similarity of the two shingle sets, 0..1
  double containment = 0;  // estimated share of the smaller document's shingles in the other
};

// The MinHash signature of a document's clean text (src/dedup/minhash.h):
// `minhash` holds kMinHashSize values, or is empty when the text has too few
// words to judge. Computed by the pipeline, kept in the store; not in the JSON.
struct DocSignature {
  int scheme = 0;                 // the scheme that made it (kSignatureScheme); 0: not made
  uint32_t shingles = 0;          // distinct word shingles of the text
  std::vector<uint32_t> minhash;  // one minimum per hash function
};

struct DocError {
  std::string code;     // CodeName() of the Status
  std::string message;  // says what and where
};

struct Document {
  std::string id;        // HashHex of text; the store's key
  std::string source;    // path or URL as given; "file.jsonl#12" for JSONL lines without url
  std::string source_bytes;  // hex of the raw path when `source` is not it (not UTF-8); else empty
  std::string url;
  std::string outlet;    // publisher name when the input gives one: JSONL "source", else the
                         // HTML's site name (og:site_name, JSON-LD publisher, ...); else ""
  std::string format;    // txt | html | jsonl
  std::string encoding;  // encoding of the input bytes (UTF-8, windows-1251, ...)
  std::string title;
  std::string lang = "und";
  std::optional<PublishedDate> published;
  std::string text;
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Removal> removed;
  std::vector<SourceRun> source_map;  // only for plain-text input
  // The token stream of `text` (doc/text_tokens.h), made once at the end of
  // cleaning for the stages that read words (entity, time, quantity); not
  // part of the JSON output nor of the store. A stage given a document whose
  // stream was not made for its text (!tokens.MadeFor(text)) tokenizes it.
  TokenStream tokens;
  bool entities_recognised = false;   // the entity stage ran (a knowledge base was there)
  std::vector<Mention> mentions;      // people, organisations, places (src/entity), sorted by start
  std::vector<EntityInfo> entities;   // the resolved entities the mentions refer to, by id
  std::vector<TimeExpr> times;        // temporal expressions (src/time), sorted by start
  std::vector<Claim> claims;          // quantities (src/quantity), sorted by start
  std::vector<Quote> quotes;          // quotations and reported speech (src/quote), sorted by start
  // Near-duplicates (src/dedup): links to documents seen before this one
  // (input order; in the store, ingest order). `duplicate_of` is the first
  // document of this one's copy group; `shares_with` lists partial overlaps.
  DocSignature signature;
  std::optional<DocLink> duplicate_of;
  std::vector<DocLink> shares_with;
  // The story the document belongs to (src/story): "s" + the id of the
  // document that started it. Empty until a clusterer saw the document.
  std::string story;
  std::vector<DocError> errors;       // non-empty: the document failed
  std::vector<std::string> warnings;  // processed, but something was degraded
  uint64_t input_bytes = 0;

  bool failed() const { return !errors.empty(); }
  void Fail(const Status& status) { errors.push_back({CodeName(status.code()), status.message()}); }
};

// One JSON object (sitrep/1, docs/FORMAT.md), offsets in code points. No newline.
std::string DocumentToJson(const Document& doc);

}  // namespace sitrep
