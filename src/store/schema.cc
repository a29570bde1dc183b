// @brief SQL of every store migration; docs/formats/store.md describes the result.
#include "store/schema.h"

namespace sitrep {
namespace {

// Version 1: documents and their parts, failures, and an FTS5 index.
//
// `documents.seq` is the FTS5 content rowid. It is an ordinary UNIQUE column
// rather than the implicit rowid because VACUUM may renumber implicit rowids
// of tables without an INTEGER PRIMARY KEY, which would silently detach the
// index from its rows; `id` stays the primary key.
// "end" and "foreign" are SQL keywords, hence quoted.
constexpr const char kSchemaV1[] = R"sql(
PRAGMA application_id = 1397314642;

CREATE TABLE meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO meta (key, value) VALUES
  ('application', 'sitrep'),
  ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

CREATE TABLE documents (
  id                  TEXT PRIMARY KEY NOT NULL,
  seq                 INTEGER NOT NULL UNIQUE,
  source              TEXT NOT NULL,
  url                 TEXT NOT NULL,
  outlet              TEXT NOT NULL,
  input_format        TEXT NOT NULL,
  encoding            TEXT NOT NULL,
  title               TEXT NOT NULL,
  lang                TEXT NOT NULL,
  published_value     TEXT,
  published_precision TEXT CHECK (published_precision IN ('year', 'month', 'day', 'minute')),
  published_text      TEXT,
  published_origin    TEXT,
  text                TEXT NOT NULL,
  input_bytes         INTEGER NOT NULL,
  ingested_at         TEXT NOT NULL
);
CREATE INDEX documents_by_published ON documents (published_value, source);
CREATE INDEX documents_by_source ON documents (source);

CREATE TABLE paragraphs (
  doc_id    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx       INTEGER NOT NULL,
  start     INTEGER NOT NULL,
  "end"     INTEGER NOT NULL,
  kind      TEXT NOT NULL,
  lang      TEXT NOT NULL,
  "foreign" INTEGER NOT NULL,
  PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;

CREATE TABLE sentences (
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx    INTEGER NOT NULL,
  start  INTEGER NOT NULL,
  "end"  INTEGER NOT NULL,
  PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;

CREATE TABLE removals (
  doc_id        TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx           INTEGER NOT NULL,
  text          TEXT NOT NULL,
  reason        TEXT NOT NULL,
  lang          TEXT NOT NULL,
  source_offset INTEGER,
  PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;

CREATE TABLE source_map (
  doc_id      TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx         INTEGER NOT NULL,
  text_offset INTEGER NOT NULL,
  length      INTEGER NOT NULL,
  source_cp   INTEGER NOT NULL,
  PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;

CREATE TABLE warnings (
  doc_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx     INTEGER NOT NULL,
  message TEXT NOT NULL,
  PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;

CREATE TABLE failures (
  source  TEXT PRIMARY KEY NOT NULL,
  code    TEXT NOT NULL,
  message TEXT NOT NULL,
  at      TEXT NOT NULL
) WITHOUT ROWID;

CREATE VIRTUAL TABLE documents_fts USING fts5 (
  title, text,
  content = 'documents', content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF seq, title, text ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
  INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
)sql";

// Version 2: quantity claims (src/quantity), temporal expressions (src/time),
// entity mentions (src/entity) and the entities they resolve to,
// and the analysis version that
// produced a document's annotations, so a newer sitrep re-annotates documents
// an older one stored (their text, and so their id, is unchanged).
constexpr const char kSchemaV2[] = R"sql(
ALTER TABLE documents ADD COLUMN analysis_version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE claims (
  doc_id        TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx           INTEGER NOT NULL,
  start         INTEGER NOT NULL,
  "end"         INTEGER NOT NULL,
  number_start  INTEGER NOT NULL,
  number_end    INTEGER NOT NULL,
  is_interval   INTEGER NOT NULL,
  value         REAL NOT NULL,
  min           REAL NOT NULL,
  max           REAL NOT NULL,
  number_kind   TEXT NOT NULL,
  hedge         TEXT NOT NULL,
  hedge_start   INTEGER NOT NULL,
  hedge_end     INTEGER NOT NULL,
  measure       TEXT NOT NULL,
  unit          TEXT NOT NULL,
  subject_start INTEGER NOT NULL,
  subject_end   INTEGER NOT NULL,
  place_start   INTEGER NOT NULL,
  place_end     INTEGER NOT NULL,
  time          TEXT NOT NULL,
  attribution_start INTEGER NOT NULL,
  attribution_end   INTEGER NOT NULL,
  source_start  INTEGER NOT NULL,
  source_end    INTEGER NOT NULL,
  source_entity TEXT NOT NULL,
  reported      INTEGER NOT NULL,
  sentence      INTEGER NOT NULL,
  PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
CREATE INDEX claims_by_measure ON claims (measure);

CREATE TABLE times (
  doc_id       TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx          INTEGER NOT NULL,
  start        INTEGER NOT NULL,
  "end"        INTEGER NOT NULL,
  type         TEXT NOT NULL,
  value        TEXT NOT NULL,
  mod          TEXT NOT NULL,
  range_begin  TEXT NOT NULL,
  range_end    TEXT NOT NULL,
  anchor       TEXT NOT NULL,
  anchor_start INTEGER NOT NULL,
  unresolved   INTEGER NOT NULL,
  PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
CREATE INDEX times_by_value ON times (value);

CREATE TABLE mentions (
  doc_id     TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  start      INTEGER NOT NULL,
  "end"      INTEGER NOT NULL,
  type       TEXT NOT NULL,
  entity     TEXT NOT NULL,
  name       TEXT NOT NULL,
  role       TEXT NOT NULL,
  role_text  TEXT NOT NULL,
  role_of    TEXT NOT NULL,
  role_date  TEXT NOT NULL,
  metonymy   INTEGER NOT NULL,
  nominal    INTEGER NOT NULL,
  PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
CREATE INDEX mentions_by_entity ON mentions (entity);

CREATE TABLE entities (
  id         TEXT PRIMARY KEY NOT NULL,
  name       TEXT NOT NULL,
  type       TEXT NOT NULL,
  kind       TEXT NOT NULL,
  country    TEXT NOT NULL,
  lat        REAL,
  lon        REAL
) WITHOUT ROWID;
)sql";

// Version 3: quotes and their speakers (src/quote), and a full-text index
// over the quoted words and the speakers' names. `fts_rowid` is the quote's
// row in quotes_fts (written by the store with the quote; the trigger removes
// it with the quote).
constexpr const char kSchemaV3[] = R"sql(
CREATE TABLE quotes (
  doc_id            TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx               INTEGER NOT NULL,
  start             INTEGER NOT NULL,
  "end"             INTEGER NOT NULL,
  open              INTEGER NOT NULL,
  close             INTEGER NOT NULL,
  kind              TEXT NOT NULL,
  speaker_start     INTEGER NOT NULL,
  speaker_end       INTEGER NOT NULL,
  speaker_entity    TEXT NOT NULL,
  attribution_start INTEGER NOT NULL,
  attribution_end   INTEGER NOT NULL,
  cue               TEXT NOT NULL,
  resolution        TEXT NOT NULL,
  cut               INTEGER NOT NULL,
  fts_rowid         INTEGER NOT NULL UNIQUE,
  PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
CREATE INDEX quotes_by_speaker ON quotes (speaker_entity);

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
  text, speaker,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
  DELETE FROM quotes_fts WHERE rowid = old.fts_rowid;
END;
)sql";

// Version 4: near-duplicates (src/dedup). `signatures` holds each document's
// MinHash signature (kMinHashSize little-endian uint32 values; an empty blob
// when the text is too short) with the scheme that made it, so a later ingest
// links new documents to stored ones without their text; `doc_links` holds
// the links found when the document was ingested (to documents ingested
// before it). A document with no signature row (stored before version 4) or
// one of another scheme gets both at the next ingest.
constexpr const char kSchemaV4[] = R"sql(
CREATE TABLE signatures (
  doc_id   TEXT PRIMARY KEY NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  scheme   INTEGER NOT NULL,
  shingles INTEGER NOT NULL,
  minhash  BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE doc_links (
  doc_id      TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx         INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('duplicate_of', 'shares_with')),
  other       TEXT NOT NULL,
  similarity  REAL NOT NULL,
  containment REAL NOT NULL,
  PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
CREATE INDEX doc_links_by_other ON doc_links (other);
)sql";

// Version 5: stories (src/story, docs/STORIES.md). The clusterer's state,
// kept so that a later ingest assigns new documents without re-clustering:
// each story's period and centroid (the sum of its documents' feature
// vectors), the document frequency of every feature and the number of
// documents clustered (meta 'story_documents'), and each document's story.
// A store migrated from an earlier version has no stories: the next ingest clusters
// its documents.
constexpr const char kSchemaV5[] = R"sql(
CREATE TABLE stories (
  id         TEXT PRIMARY KEY NOT NULL,
  seq        INTEGER NOT NULL UNIQUE,
  first_day  TEXT,
  last_day   TEXT,
  documents  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE story_centroids (
  story   TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  feature TEXT NOT NULL,
  weight  REAL NOT NULL,
  PRIMARY KEY (story, feature)
) WITHOUT ROWID;

CREATE TABLE story_df (
  feature TEXT PRIMARY KEY NOT NULL,
  df      INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE document_stories (
  doc_id     TEXT PRIMARY KEY NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  story      TEXT NOT NULL REFERENCES stories (id),
  similarity REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX document_stories_by_story ON document_stories (story);

INSERT INTO meta (key, value) VALUES ('story_documents', '0');
)sql";

constexpr Migration kMigrations[] = {
    {1, "documents, paragraphs, sentences, removals, source_map, warnings, failures, FTS5",
     kSchemaV1},
    {2, "claims, times, mentions, entities, documents.analysis_version", kSchemaV2},
    {3, "quotes, quotes_fts", kSchemaV3},
    {4, "signatures, doc_links (near-duplicates)", kSchemaV4},
    {5, "stories, story_centroids, story_df, document_stories", kSchemaV5},
};

}  // namespace

std::span<const Migration> StoreMigrations() { return kMigrations; }

}  // namespace sitrep
