// @brief Store: the SQLite corpus file (WAL, FTS5, versioned schema).
//
// Contract:
// - Open(kWrite) creates the file or migrates it to the current schema
//   version, each migration in its own transaction; a newer-than-known schema
//   is an error. Before writing anything to an existing store it runs
//   `PRAGMA quick_check` and refuses a damaged one.
// - Open(kRead) never creates, changes or migrates the file (see StoreMode).
// - AddBatch() writes a whole batch in ONE transaction: after a crash or
//   kill -9 the file holds either all of a batch or none of it, never half a
//   document. Ingest is idempotent: a document whose id (hash of the clean
//   text) is already stored is counted as a duplicate and not written again.
// - Failed documents are recorded too (table `failures`), so nothing a batch
//   read is lost silently; a later success for the same source clears them.
// Not thread-safe: one Store per thread (SQLite WAL allows concurrent readers).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "doc/document.h"
#include "story/story_clusterer.h"

struct sqlite3;

namespace sitrep {

struct BatchResult {
  size_t inserted = 0;     // new documents written
  size_t duplicates = 0;   // documents whose id was already stored (or repeated in the batch)
  size_t failures = 0;     // failed documents recorded
  size_t reannotated = 0;  // duplicates whose annotations an older analysis wrote, rewritten
};

struct SearchHit {
  std::string doc_id;
  std::string source;
  std::string title;
  std::string snippet;  // with the matched terms wrapped in [ and ]
  double rank = 0;      // bm25; lower is better
};

// A quote found by Store::SearchQuotes.
struct QuoteHit {
  std::string doc_id;
  int64_t idx = 0;  // the quote's index in its document's quotes
  std::string source;
  std::string snippet;  // the quoted words, matched terms wrapped in [ and ]
  std::string speaker;  // the speaker as written, or ""
  std::string speaker_entity;
  double rank = 0;  // bm25; lower is better
};

struct StoreFailure {
  std::string source;
  std::string code;
  std::string message;
};

struct StoreStats {
  int schema_version = 0;
  size_t documents = 0;
  size_t sentences = 0;
  size_t failures = 0;
};

// How a store is opened.
enum class StoreMode {
  // Creates the file (or the schema in an empty SQLite file), migrates an
  // older schema, checks the file (quick_check) and refuses a damaged or
  // read-only store. For writers (ingest).
  kWrite,
  // For readers (report, search, query, check). The file must exist and be a
  // sitrep store of this schema version; it is opened SQLITE_OPEN_READONLY
  // (or, when its directory is read-only so that the WAL index cannot be
  // created and no WAL file is left, as an immutable file). Nothing is
  // written: an older schema is an error that says to run ingest.
  kRead,
};

// A stored document's near-duplicate state (tables signatures, doc_links),
// for linking new documents to it (src/dedup).
struct StoredSignature {
  std::string id;
  DocSignature signature;    // scheme 0: none stored
  std::string duplicate_of;  // the first document of its copy group, "" when none
  std::string lang, text;    // only when the signature must be made again
};

// What `Store::Check` found.
struct StoreCheck {
  std::vector<std::string> problems;  // SQLite's own lines; empty when ok
  StoreStats stats;                   // counts, valid when problems is empty
};

class Store {
 public:
  static constexpr int kSchemaVersion = 5;
  // Version of the per-document analysis (claims, ...). A stored document with
  // a lower level gets its annotations rewritten when it is ingested again.
  static constexpr int kAnalysisVersion = 3;  // 3: quotes
  // The level a document's annotations are stored with: 10 * kAnalysisVersion,
  // plus 1 when entities were recognised (a run without a knowledge base
  // stores a lower level, so a later run with one fills the entities in).
  static int64_t AnalysisLevel(const Document& doc) {
    return 10 * kAnalysisVersion + (doc.entities_recognised ? 1 : 0);
  }

  // Opens `path` (see StoreMode). Errors: kNotFound (kRead: no such file, or
  // an empty one), kCorruption (not a sitrep store, a schema newer than this
  // build, kWrite: a damaged file), kIoError (cannot open, kWrite: read-only
  // file or directory), kInvalidArgument (kRead: an older schema).
  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             StoreMode mode = StoreMode::kWrite);
  ~Store();

  // Writes all documents of one batch in one transaction (see contract).
  // kInternal on a store opened kRead (a bug in the caller).
  Result<BatchResult> AddBatch(const std::vector<Document>& docs);

  // Every stored document, fully loaded (paragraphs, sentences, removals),
  // ordered by published date then source.
  Result<std::vector<Document>> AllDocuments();

  // Near-duplicates. Every stored document in ingest order (documents.seq)
  // with its signature and copy group; `lang` and `text` are filled for
  // those whose signature is missing (stored before schema version 4) or of
  // another scheme than `scheme`, so that the caller makes it again.
  Result<std::vector<StoredSignature>> Signatures(int scheme);
  // Replaces the signature and links of stored documents (by id), in one
  // transaction. kInternal on a store opened kRead.
  Status UpdateLinks(const std::vector<Document>& docs);
  // --- Stories (src/story; tables of schema version 5, store_stories.cc) ---
  // The stored documents no story holds yet (stored since the last
  // clustering, or every document of a store migrated from an earlier version), loaded
  // as AllDocuments loads them. AllDocuments fills Document::story.
  Result<std::vector<Document>> DocumentsWithoutStory();
  // The clusterer's saved state; empty for a store never clustered.
  Result<StoryState> LoadStoryState();
  // One document's story, as the clusterer gave it.
  struct StoryOfDocument {
    std::string doc_id;
    StoryAssignment assignment;
  };
  // In one transaction: with `replace` (a rebuild), drops every story first
  // and writes the clusterer's whole state; otherwise writes what it changed
  // since it was made from LoadStoryState(). Then each document's story.
  // kInternal on a store opened kRead.
  Status SaveStories(const StoryClusterer& clusterer, const std::vector<StoryOfDocument>& docs,
                     bool replace);

  // Recorded failures, ordered by source.
  Result<std::vector<StoreFailure>> Failures();

  // Full-text search (FTS5 syntax: words, "phrases", AND/OR/NOT, prefix*).
  // A malformed query is kInvalidArgument with SQLite's explanation.
  Result<std::vector<SearchHit>> Search(const std::string& query, size_t limit);

  // Full-text search over quoted words and speakers' names (FTS5 syntax, as
  // Search), best first.
  Result<std::vector<QuoteHit>> SearchQuotes(const std::string& query, size_t limit);

  Result<StoreStats> Stats();

  // PRAGMA quick_check (or integrity_check when `full`: also indexes against
  // tables, slower), at most 20 problems, and the counts when it is sound.
  Result<StoreCheck> Check(bool full);

 private:
  struct Statements;  // prepared once, reused by every AddBatch (store.cc)

  explicit Store(sqlite3* db);  // out of line: Statements is incomplete here
  Status Configure();
  Status Migrate();
  Status CheckReadable();
  Status PrepareStatements();
  Status WriteDocument(const Document& doc, BatchResult* result);
  Status WriteParts(const Document& doc);
  Status WriteClaims(const Document& doc);
  Status WriteTimes(const Document& doc);
  Status WriteMentions(const Document& doc);
  Status WriteQuotes(const Document& doc);
  Status WriteLinks(const Document& doc);
  Status WriteFailure(const Document& doc);
  Result<std::vector<Document>> LoadDocuments(const char* sql);

  sqlite3* db_;
  StoreMode mode_ = StoreMode::kWrite;
  std::string path_;  // for error messages
  std::unique_ptr<Statements> stmts_;
};

}  // namespace sitrep
