// @brief Store: opening, migrating, batch writes, loading and FTS5 search over SQLite.
//
// Durability: WAL with synchronous=NORMAL. A commit is atomic and survives a
// process crash (kill -9); after an OS crash or power loss the last few
// commits may be rolled back, but the file stays consistent. Covered by
// store_test.cc (CrashTest).
#include "store/store.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <limits>
#include <string_view>
#include <utility>

#include "store/schema.h"
#include "store/sqlite_util.h"

namespace sitrep {
namespace {

constexpr int kBusyTimeoutMs = 5000;

// Inserts a document unless its id is stored. ON CONFLICT(id) rather than
// INSERT OR IGNORE: OR IGNORE would also swallow NOT NULL/CHECK violations and
// count a broken row as a duplicate.
constexpr char kInsertDocument[] = R"sql(
INSERT INTO documents (id, seq, source, url, outlet, input_format, encoding, title, lang,
                       published_value, published_precision, published_text, published_origin,
                       text, input_bytes, ingested_at)
VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM documents), ?2, ?3, ?4, ?5, ?6, ?7, ?8,
        ?9, ?10, ?11, ?12, ?13, ?14, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
ON CONFLICT (id) DO NOTHING)sql";

constexpr char kDocumentColumns[] = R"sql(
SELECT id, source, url, outlet, input_format, encoding, title, lang, published_value,
       published_precision, published_text, published_origin, text, input_bytes
FROM documents
ORDER BY published_value IS NULL, published_value, source, id)sql";

// The documents no story holds, in the same order.
constexpr char kDocumentsWithoutStory[] = R"sql(
SELECT id, source, url, outlet, input_format, encoding, title, lang, published_value,
       published_precision, published_text, published_origin, text, input_bytes
FROM documents WHERE id NOT IN (SELECT doc_id FROM document_stories)
ORDER BY published_value IS NULL, published_value, source, id)sql";

Result<DatePrecision> ParsePrecision(const std::string& name) {
  for (DatePrecision p :
       {DatePrecision::kYear, DatePrecision::kMonth, DatePrecision::kDay, DatePrecision::kMinute}) {
    if (name == PrecisionName(p)) return p;
  }
  return Status(Code::kCorruption, "unknown published_precision \"" + name + "\"");
}

Result<BlockKind> ParseBlockKind(const std::string& name) {
  for (BlockKind k : {BlockKind::kTitle, BlockKind::kHeading, BlockKind::kParagraph,
                      BlockKind::kListItem, BlockKind::kQuote, BlockKind::kPreformatted}) {
    if (name == BlockKindName(k)) return k;
  }
  return Status(Code::kCorruption, "unknown paragraph kind \"" + name + "\"");
}

// Rejects documents whose offsets do not fit their text: they would be
// stored as evidence that leads nowhere. Returns the reason, empty when fine.
std::string InvalidReason(const Document& doc) {
  if (doc.id.empty()) return "document has no id";
  const uint64_t size = doc.text.size();
  for (const Paragraph& p : doc.paragraphs) {
    if (p.start > p.end || p.end > size) return "paragraph offsets outside the text";
  }
  for (const Sentence& s : doc.sentences) {
    if (s.start > s.end || s.end > size) return "sentence offsets outside the text";
  }
  for (const SourceRun& r : doc.source_map) {
    if (uint64_t{r.text_offset} + r.length > size) return "source_map run outside the text";
  }
  for (const TimeExpr& t : doc.times) {
    if (t.start > t.end || t.end > size) return "time offsets outside the text";
  }
  for (const Mention& m : doc.mentions) {
    if (m.start > m.end || m.end > size) return "mention offsets outside the text";
  }
  for (const Quote& q : doc.quotes) {
    for (TextSpan t :
         {TextSpan{q.start, q.end}, TextSpan{q.open, q.close}, q.speaker, q.attribution}) {
      if (t.start > t.end || t.end > size) return "quote offsets outside the text";
    }
  }
  for (const Claim& c : doc.claims) {
    for (TextSpan t :
         {TextSpan{c.start, c.end}, c.hedge_span, c.subject, c.place, c.attribution, c.source}) {
      if (t.start > t.end || t.end > size) return "claim offsets outside the text";
    }
  }
  return std::string();
}

std::string JoinErrors(const std::vector<DocError>& errors) {
  std::string out;
  for (const DocError& e : errors) {
    if (!out.empty()) out += "; ";
    out += e.message;
  }
  return out;
}

// Reads a single integer from a one-row query such as "PRAGMA user_version".
Result<int64_t> QueryInt(sqlite3* db, const char* sql) {
  Result<Statement> st = Statement::Prepare(db, sql);
  if (!st.ok()) return st.status();
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal("no row from " + DescribeSql(sql));
  return st->Int(0);
}

// What Open() finds in an existing file before touching it.
struct FileState {
  int64_t user_version = 0;
  int64_t application_id = 0;
  int64_t tables = 0;  // user tables, views, indexes, triggers
};

Result<FileState> ReadFileState(sqlite3* db) {
  FileState s;
  // The first read of the header: a file that is not SQLite fails here.
  Result<int64_t> n = QueryInt(
      db, "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
  if (!n.ok()) return n.status();
  s.tables = *n;
  Result<int64_t> v = QueryInt(db, "PRAGMA user_version");
  if (!v.ok()) return v.status();
  s.user_version = *v;
  Result<int64_t> a = QueryInt(db, "PRAGMA application_id");
  if (!a.ok()) return a.status();
  s.application_id = *a;
  return s;
}

// Accepts a fresh file (no schema objects, user_version 0) or a sitrep store
// no newer than this build.
Status CheckIsStore(sqlite3* db, const FileState& state) {
  const bool fresh = state.tables == 0 && state.user_version == 0 && state.application_id == 0;
  if (fresh) return Status::Ok();
  if (state.application_id != kStoreApplicationId) {
    return Status(Code::kCorruption,
                  "not a sitrep store: an SQLite database with " + std::to_string(state.tables) +
                      " schema objects, application_id " + std::to_string(state.application_id) +
                      " and user_version " + std::to_string(state.user_version));
  }
  if (state.user_version > Store::kSchemaVersion) {
    return Status(Code::kCorruption, "schema version " + std::to_string(state.user_version) +
                                         " is newer than this sitrep (" +
                                         std::to_string(Store::kSchemaVersion) + ")");
  }
  if (state.user_version == 0) return Status::Ok();  // sitrep id, interrupted before v1
  Result<Statement> meta =
      Statement::Prepare(db, "SELECT value FROM meta WHERE key = 'application'");
  Result<bool> row = meta.ok() ? meta->Step() : Result<bool>(meta.status());
  const bool named = row.ok() && *row && meta->Text(0) == "sitrep";
  if (!named) {
    return Status(Code::kCorruption,
                  "not a sitrep store: table meta is missing or does not name sitrep");
  }
  return Status::Ok();
}

// Connection settings every mode needs (extended codes, the busy timeout),
// then what the file holds; a file SQLite cannot read as a database is
// "not a sitrep store".
Result<FileState> ConnectionState(sqlite3* db, const std::string& path) {
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  Result<FileState> state = ReadFileState(db);
  if (state.ok()) return state;
  if (state.status().code() != Code::kCorruption) return state.status().WithContext(path);
  return Status(Code::kCorruption, path + ": not a sitrep store (" + state.status().message() + ")");
}

// WAL cannot be entered inside a transaction, so this runs before migrations.
Status EnterWal(sqlite3* db) {
  Result<Statement> wal = Statement::Prepare(db, "PRAGMA journal_mode = WAL");
  if (!wal.ok()) return wal.status();
  Result<bool> row = wal->Step();
  if (!row.ok()) return row.status();
  const std::string mode = *row ? wal->Text(0) : "";
  if (mode != "wal" && mode != "memory") {
    return Status::IoError("cannot switch to WAL (journal_mode is \"" + mode + "\")");
  }
  return Status::Ok();
}

// The lines of PRAGMA quick_check / integrity_check other than "ok", at most
// `max` of them.
Result<std::vector<std::string>> RunCheck(sqlite3* db, bool full, int max) {
  const std::string sql = std::string(full ? "PRAGMA integrity_check(" : "PRAGMA quick_check(") +
                          std::to_string(max) + ")";
  Result<Statement> q = Statement::Prepare(db, sql);
  if (!q.ok()) return q.status();
  std::vector<std::string> problems;
  for (;;) {
    Result<bool> row = q->Step();
    if (!row.ok()) {
      // A page so damaged that the check itself stops is a finding too.
      if (row.status().code() != Code::kCorruption) return row.status();
      problems.push_back(row.status().message());
      break;
    }
    if (!*row) break;
    std::string line = q->Text(0);
    if (line != "ok") problems.push_back(std::move(line));
  }
  return problems;
}

// "file:" URI of `path` with immutable=1: SQLite then reads the file without
// any lock or WAL index, which needs no write access to the directory.
std::string ImmutableUri(const std::string& path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '.' || c == '-' || c == '_' || c == '~') {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    }
  }
  return uri + "?immutable=1";
}

// Size of `path` in bytes, -1 when it does not exist; errno otherwise.
int64_t FileSize(const std::string& path, int* error) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    *error = errno == ENOENT ? 0 : errno;
    return -1;
  }
  *error = 0;
  return static_cast<int64_t>(st.st_size);
}

// One migration in its own transaction, with user_version and meta updated in it.
Status ApplyMigration(sqlite3* db, const Migration& m) {
  SITREP_RETURN_IF_ERROR(Exec(db, "BEGIN IMMEDIATE"));
  // Another process may have migrated while this one waited for the write lock.
  Result<int64_t> now = QueryInt(db, "PRAGMA user_version");
  Status st = now.ok() ? Status::Ok() : now.status();
  if (st.ok() && *now < m.version) {
    const std::string version = std::to_string(m.version);
    st = Exec(db, m.sql);
    if (st.ok()) {
      st = Exec(db, ("PRAGMA user_version = " + version +
                     "; INSERT INTO meta (key, value) VALUES ('schema_version', '" + version +
                     "') ON CONFLICT (key) DO UPDATE SET value = excluded.value;")
                        .c_str());
    }
  }
  if (st.ok()) st = Exec(db, "COMMIT");
  // The first error is the one reported; a failed rollback leaves SQLite to
  // roll the transaction back when the connection closes.
  if (!st.ok() && !sqlite3_get_autocommit(db)) (void)Exec(db, "ROLLBACK");
  return st;
}

}  // namespace

struct Store::Statements {
  Statement insert_document;
  Statement insert_paragraph;
  Statement insert_sentence;
  Statement insert_removal;
  Statement insert_source_run;
  Statement insert_warning;
  Statement upsert_failure;
  Statement delete_failure;
  Statement insert_claim;
  Statement delete_claims;
  Statement insert_time;
  Statement delete_times;
  Statement insert_mention;
  Statement delete_mentions;
  Statement upsert_entity;
  Statement insert_quote;
  Statement insert_quote_fts;
  Statement delete_quotes;
  Statement analysis_version;
  Statement set_analysis_version;
  Statement upsert_signature;
  Statement delete_links;
  Statement insert_link;
};

Store::Store(sqlite3* db) : db_(db) {}

Store::~Store() {
  stmts_.reset();  // every statement must be finalized before close
  sqlite3_close(db_);
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, StoreMode mode) {
  sqlite3* db = nullptr;
  if (mode == StoreMode::kRead) {
    // Never create: a missing or empty file is not a store to read.
    int err = 0;
    const int64_t size = FileSize(path, &err);
    if (size < 0 && err == 0) {
      return Status::NotFound(path + ": no such store (run sitrep ingest first)");
    }
    if (size < 0) return Status::IoError(path + ": " + std::strerror(err));
    if (size == 0)
      return Status::NotFound(path + ": the store is empty (0 bytes; run sitrep ingest first)");
  }
  const int flags =
      mode == StoreMode::kRead ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status st = SqliteStatus(db, rc, path + ": cannot open store");
    sqlite3_close(db);
    return st;
  }
  std::unique_ptr<Store> store(new Store(db));
  store->path_ = path;
  store->mode_ = mode;
  if (mode == StoreMode::kRead) {
    Status st = store->CheckReadable();
    if (st.ok()) return store;
    // A WAL store in a directory this process cannot write: SQLite cannot
    // create the WAL index (-shm) to read it. With no WAL file left (no
    // writer, nothing uncommitted in it), the main file is the whole store:
    // read it as immutable.
    int err = 0;
    if (st.code() != Code::kIoError || FileSize(path + "-wal", &err) > 0 || err != 0) return st;
    store.reset();
    rc = sqlite3_open_v2(ImmutableUri(path).c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                         nullptr);
    if (rc != SQLITE_OK) {
      Status again = SqliteStatus(db, rc, path + ": cannot open store");
      sqlite3_close(db);
      return again;
    }
    store.reset(new Store(db));
    store->path_ = path;
    store->mode_ = mode;
    SITREP_RETURN_IF_ERROR(store->CheckReadable());
    return store;
  }
  if (sqlite3_db_readonly(db, "main") == 1) {
    return Status::IoError(path + ": cannot write to the store (the file is read-only)");
  }
  SITREP_RETURN_IF_ERROR(store->Migrate());
  SITREP_RETURN_IF_ERROR(store->Configure());
  SITREP_RETURN_IF_ERROR(store->PrepareStatements());
  return store;
}

// kRead: the file is a sitrep store of this schema version. Reads only.
Status Store::CheckReadable() {
  Result<FileState> state = ConnectionState(db_, path_);
  if (!state.ok()) return state.status();
  if (state->tables == 0 && state->user_version == 0) {
    return Status::NotFound(
        path_ + ": the store is empty (an SQLite file without tables; run sitrep ingest first)");
  }
  SITREP_RETURN_IF_ERROR(CheckIsStore(db_, *state).WithContext(path_));
  if (state->user_version < kSchemaVersion) {
    return Status::InvalidArgument(path_ + ": schema version " +
                                   std::to_string(state->user_version) +
                                   " is older than this sitrep (" + std::to_string(kSchemaVersion) +
                                   "); sitrep ingest --db " + path_ + " upgrades it");
  }
  return Configure();
}

// Per-connection settings. journal_mode=WAL is also persistent in the file
// and is set by Migrate() before the first migration.
Status Store::Configure() {
  return Exec(db_, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
}

Status Store::Migrate() {
  Result<FileState> state = ConnectionState(db_, path_);
  if (!state.ok()) return state.status();
  SITREP_RETURN_IF_ERROR(CheckIsStore(db_, *state).WithContext(path_));
  // Nothing is written to a damaged store: a write could spread the damage,
  // and what is added might not be readable back.
  if (state->tables > 0) {
    Result<std::vector<std::string>> problems = RunCheck(db_, /*full=*/false, 3);
    if (!problems.ok()) return problems.status().WithContext(path_ + ": quick_check");
    if (!problems->empty()) {
      std::string what;
      for (const std::string& p : *problems) what += (what.empty() ? "" : "; ") + p;
      return Status(Code::kCorruption,
                    path_ + ": the store is damaged, nothing was written to it (quick_check: " +
                        what + "); restore it from a copy, or see sitrep check --db");
    }
  }
  // Only now, for a fresh or sitrep file: WAL is persistent in the file.
  SITREP_RETURN_IF_ERROR(EnterWal(db_).WithContext(path_));
  for (const Migration& m : StoreMigrations()) {
    if (m.version <= state->user_version) continue;
    const std::string where = path_ + ": migration to schema version " + std::to_string(m.version) +
                              " (" + m.summary + ")";
    SITREP_RETURN_IF_ERROR(ApplyMigration(db_, m).WithContext(where));
  }
  return Status::Ok();
}

Status Store::PrepareStatements() {
  auto stmts = std::make_unique<Statements>();
  struct {
    Statement* target;
    const char* sql;
  } const plan[] = {
      {&stmts->insert_document, kInsertDocument},
      {&stmts->insert_paragraph,
       "INSERT INTO paragraphs (doc_id, idx, start, \"end\", kind, lang, \"foreign\") "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
      {&stmts->insert_sentence,
       "INSERT INTO sentences (doc_id, idx, start, \"end\") VALUES (?1, ?2, ?3, ?4)"},
      {&stmts->insert_removal,
       "INSERT INTO removals (doc_id, idx, text, reason, lang, source_offset) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
      {&stmts->insert_source_run,
       "INSERT INTO source_map (doc_id, idx, text_offset, length, source_cp) "
       "VALUES (?1, ?2, ?3, ?4, ?5)"},
      {&stmts->insert_warning, "INSERT INTO warnings (doc_id, idx, message) VALUES (?1, ?2, ?3)"},
      {&stmts->upsert_failure,
       "INSERT INTO failures (source, code, message, at) "
       "VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) "
       "ON CONFLICT (source) DO UPDATE SET "
       "code = excluded.code, message = excluded.message, at = excluded.at"},
      {&stmts->delete_failure, "DELETE FROM failures WHERE source = ?1"},
      {&stmts->insert_claim,
       "INSERT INTO claims (doc_id, idx, start, \"end\", number_start, number_end, is_interval, "
       "value, "
       "min, max, number_kind, hedge, hedge_start, hedge_end, measure, unit, subject_start, "
       "subject_end, place_start, place_end, time, attribution_start, attribution_end, "
       "source_start, source_end, reported, sentence, source_entity) VALUES (?1, ?2, ?3, ?4, ?5, "
       "?6, ?7, ?8, ?9, "
       "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, "
       "?28)"},
      {&stmts->delete_claims, "DELETE FROM claims WHERE doc_id = ?1"},
      {&stmts->insert_time,
       "INSERT INTO times (doc_id, idx, start, \"end\", type, value, mod, range_begin, range_end, "
       "anchor, "
       "anchor_start, unresolved) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"},
      {&stmts->delete_times, "DELETE FROM times WHERE doc_id = ?1"},
      {&stmts->insert_mention,
       "INSERT INTO mentions (doc_id, idx, start, \"end\", type, entity, name, role, role_text, "
       "role_of, "
       "role_date, metonymy, nominal) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
       "?13)"},
      {&stmts->delete_mentions, "DELETE FROM mentions WHERE doc_id = ?1"},
      {&stmts->upsert_entity,
       "INSERT INTO entities (id, name, type, kind, country, lat, lon) VALUES (?1, ?2, ?3, ?4, ?5, "
       "?6, ?7) "
       "ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, kind = "
       "excluded.kind, "
       "country = excluded.country, lat = excluded.lat, lon = excluded.lon"},
      {&stmts->insert_quote,
       "INSERT INTO quotes (doc_id, idx, start, \"end\", open, close, kind, speaker_start, "
       "speaker_end, speaker_entity, attribution_start, attribution_end, cue, resolution, cut, "
       "fts_rowid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"},
      {&stmts->insert_quote_fts, "INSERT INTO quotes_fts (text, speaker) VALUES (?1, ?2)"},
      {&stmts->delete_quotes, "DELETE FROM quotes WHERE doc_id = ?1"},
      {&stmts->analysis_version, "SELECT analysis_version FROM documents WHERE id = ?1"},
      {&stmts->set_analysis_version, "UPDATE documents SET analysis_version = ?2 WHERE id = ?1"},
      {&stmts->upsert_signature,
       "INSERT INTO signatures (doc_id, scheme, shingles, minhash) VALUES (?1, ?2, ?3, ?4) "
       "ON CONFLICT (doc_id) DO UPDATE SET scheme = excluded.scheme, shingles = "
       "excluded.shingles, minhash = excluded.minhash"},
      {&stmts->delete_links, "DELETE FROM doc_links WHERE doc_id = ?1"},
      {&stmts->insert_link,
       "INSERT INTO doc_links (doc_id, idx, kind, other, similarity, containment) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
  };
  for (const auto& p : plan) {
    Result<Statement> st = Statement::Prepare(db_, p.sql, /*persistent=*/true);
    if (!st.ok()) return st.status().WithContext(path_);
    *p.target = std::move(*st);
  }
  stmts_ = std::move(stmts);
  return Status::Ok();
}

Result<BatchResult> Store::AddBatch(const std::vector<Document>& docs) {
  if (mode_ != StoreMode::kWrite)
    return Status::Internal(path_ + ": store opened for reading only");
  BatchResult result;
  SITREP_RETURN_IF_ERROR(Exec(db_, "BEGIN IMMEDIATE")
                             .WithContext(path_ + ": batch of " + std::to_string(docs.size()) +
                                          " documents not written"));
  Status st;
  for (const Document& doc : docs) {
    st = doc.failed() ? WriteFailure(doc) : WriteDocument(doc, &result);
    if (!st.ok()) break;
    if (doc.failed()) ++result.failures;
  }
  if (st.ok()) st = Exec(db_, "COMMIT");
  if (!st.ok()) {
    // SQLite may already have rolled back (e.g. on SQLITE_FULL). The batch's
    // error is the one reported, whatever the rollback says.
    if (!sqlite3_get_autocommit(db_)) (void)Exec(db_, "ROLLBACK");
    return st.WithContext(path_ + ": batch of " + std::to_string(docs.size()) +
                          " documents rolled back");
  }
  return result;
}

Status Store::WriteFailure(const Document& doc) {
  const DocError& first = doc.errors.front();
  const std::string message = JoinErrors(doc.errors);  // bound without a copy: keep alive
  Statement& s = stmts_->upsert_failure;
  s.Bind(1, doc.source).Bind(2, first.code).Bind(3, message);
  return s.Run();
}

Status Store::WriteDocument(const Document& doc, BatchResult* result) {
  if (std::string reason = InvalidReason(doc); !reason.empty()) {
    Document failed;
    failed.source = doc.source;
    failed.Fail(Status::InvalidArgument("store: " + reason));
    ++result->failures;
    return WriteFailure(failed);
  }
  Statements& s = *stmts_;
  Statement& d = s.insert_document;
  d.Bind(1, doc.id).Bind(2, doc.source).Bind(3, doc.url).Bind(4, doc.outlet).Bind(5, doc.format);
  d.Bind(6, doc.encoding).Bind(7, doc.title).Bind(8, doc.lang);
  if (doc.published) {
    d.Bind(9, doc.published->value).Bind(10, PrecisionName(doc.published->precision));
    d.Bind(11, doc.published->text).Bind(12, doc.published->origin);
  } else {
    d.BindNull(9).BindNull(10).BindNull(11).BindNull(12);
  }
  d.Bind(13, doc.text).Bind(14, static_cast<int64_t>(doc.input_bytes));
  SITREP_RETURN_IF_ERROR(d.Run());
  const bool is_new = sqlite3_changes(db_) == 1;

  // A successful read of a source clears an earlier failure, even when the
  // document itself is a duplicate.
  SITREP_RETURN_IF_ERROR(s.delete_failure.Bind(1, doc.source).Run());
  if (!is_new) {
    ++result->duplicates;
    // Stored by an older analysis: rewrite its annotations.
    Statement& v = s.analysis_version;
    v.Bind(1, doc.id);
    Result<bool> row = v.Step();
    const int64_t level = AnalysisLevel(doc);
    int64_t stored = row.ok() && *row ? v.Int(0) : level;
    v.Reset();
    if (!row.ok()) return row.status();
    if (stored >= level) return Status::Ok();
    SITREP_RETURN_IF_ERROR(s.delete_claims.Bind(1, doc.id).Run());
    SITREP_RETURN_IF_ERROR(s.delete_times.Bind(1, doc.id).Run());
    SITREP_RETURN_IF_ERROR(s.delete_mentions.Bind(1, doc.id).Run());
    SITREP_RETURN_IF_ERROR(s.delete_quotes.Bind(1, doc.id).Run());
    SITREP_RETURN_IF_ERROR(WriteClaims(doc));
    SITREP_RETURN_IF_ERROR(WriteTimes(doc));
    SITREP_RETURN_IF_ERROR(WriteMentions(doc));
    SITREP_RETURN_IF_ERROR(WriteQuotes(doc));
    ++result->reannotated;
    return s.set_analysis_version.Bind(1, doc.id).Bind(2, level).Run();
  }
  ++result->inserted;
  SITREP_RETURN_IF_ERROR(WriteLinks(doc));
  SITREP_RETURN_IF_ERROR(WriteParts(doc));
  SITREP_RETURN_IF_ERROR(WriteClaims(doc));
  SITREP_RETURN_IF_ERROR(WriteTimes(doc));
  SITREP_RETURN_IF_ERROR(WriteMentions(doc));
  SITREP_RETURN_IF_ERROR(WriteQuotes(doc));
  return s.set_analysis_version.Bind(1, doc.id).Bind(2, AnalysisLevel(doc)).Run();
}

namespace {

// kMinHashSize values as little-endian bytes, and back.
std::string MinHashBytes(const std::vector<uint32_t>& values) {
  std::string out;
  out.reserve(values.size() * 4);
  for (uint32_t v : values) {
    for (int b = 0; b < 4; ++b) out += static_cast<char>((v >> (8 * b)) & 0xff);
  }
  return out;
}

std::vector<uint32_t> MinHashValues(const std::string& bytes) {
  std::vector<uint32_t> out(bytes.size() / 4);
  for (size_t i = 0; i < out.size(); ++i) {
    uint32_t v = 0;
    for (int b = 0; b < 4; ++b)
      v |= uint32_t{static_cast<unsigned char>(bytes[i * 4 + b])} << (8 * b);
    out[i] = v;
  }
  return out;
}

}  // namespace

// The signature (when the pipeline made one) and the links of `doc`.
Status Store::WriteLinks(const Document& doc) {
  Statements& s = *stmts_;
  if (doc.signature.scheme != 0) {
    const std::string bytes = MinHashBytes(doc.signature.minhash);  // bound: keep alive
    s.upsert_signature.Bind(1, doc.id).Bind(2, int64_t{doc.signature.scheme});
    s.upsert_signature.Bind(3, int64_t{doc.signature.shingles}).BindBlob(4, bytes);
    SITREP_RETURN_IF_ERROR(s.upsert_signature.Run());
  }
  SITREP_RETURN_IF_ERROR(s.delete_links.Bind(1, doc.id).Run());
  int64_t idx = 0;
  auto add = [&](const char* kind, const DocLink& l) {
    s.insert_link.Bind(1, doc.id).Bind(2, idx++).Bind(3, kind).Bind(4, l.document);
    return s.insert_link.BindDouble(5, l.similarity).BindDouble(6, l.containment).Run();
  };
  if (doc.duplicate_of) SITREP_RETURN_IF_ERROR(add("duplicate_of", *doc.duplicate_of));
  for (const DocLink& l : doc.shares_with) SITREP_RETURN_IF_ERROR(add("shares_with", l));
  return Status::Ok();
}

Status Store::UpdateLinks(const std::vector<Document>& docs) {
  if (mode_ != StoreMode::kWrite)
    return Status::Internal(path_ + ": store opened for reading only");
  SITREP_RETURN_IF_ERROR(Exec(db_, "BEGIN IMMEDIATE").WithContext(path_));
  Status st;
  for (const Document& doc : docs) {
    st = WriteLinks(doc);
    if (!st.ok()) break;
  }
  if (st.ok()) st = Exec(db_, "COMMIT");
  if (!st.ok()) {
    if (!sqlite3_get_autocommit(db_)) (void)Exec(db_, "ROLLBACK");
    return st.WithContext(path_ + ": near-duplicate links of " + std::to_string(docs.size()) +
                          " stored documents");
  }
  return Status::Ok();
}

Result<std::vector<StoredSignature>> Store::Signatures(int scheme) {
  Result<Statement> q = Statement::Prepare(db_, R"sql(
SELECT d.id, s.scheme, s.shingles, s.minhash,
       (SELECT l.other FROM doc_links AS l WHERE l.doc_id = d.id AND l.kind = 'duplicate_of'),
       CASE WHEN s.scheme IS ?1 THEN NULL ELSE d.lang END,
       CASE WHEN s.scheme IS ?1 THEN NULL ELSE d.text END
FROM documents AS d LEFT JOIN signatures AS s ON s.doc_id = d.id
ORDER BY d.seq)sql");
  if (!q.ok()) return q.status().WithContext(path_);
  q->Bind(1, int64_t{scheme});
  std::vector<StoredSignature> out;
  for (;;) {
    Result<bool> row = q->Step();
    if (!row.ok()) return row.status().WithContext(path_);
    if (!*row) break;
    StoredSignature s;
    s.id = q->Text(0);
    if (!q->IsNull(1)) {
      s.signature.scheme = static_cast<int>(q->Int(1));
      s.signature.shingles = static_cast<uint32_t>(q->Int(2));
      s.signature.minhash = MinHashValues(q->Blob(3));
    }
    s.duplicate_of = q->Text(4);
    s.lang = q->Text(5);
    s.text = q->Text(6);
    out.push_back(std::move(s));
  }
  return out;
}

Status Store::WriteMentions(const Document& doc) {
  Statement& st = stmts_->insert_mention;
  int64_t idx = 0;
  for (const Mention& m : doc.mentions) {
    const MentionRole* r = m.roles.empty() ? nullptr : &m.roles[0];
    st.Bind(1, doc.id).Bind(2, idx++).Bind(3, int64_t{m.start}).Bind(4, int64_t{m.end});
    st.Bind(5, MentionTypeName(m.type))
        .Bind(6, m.entity)
        .Bind(7, m.name)
        .Bind(8, m.role)
        .Bind(9, m.role_text);
    st.Bind(10, r ? std::string_view(r->of) : "").Bind(11, r ? std::string_view(r->date) : "");
    SITREP_RETURN_IF_ERROR(st.Bind(12, int64_t{m.metonymy}).Bind(13, int64_t{m.nominal}).Run());
  }
  Statement& e = stmts_->upsert_entity;
  for (const EntityInfo& info : doc.entities) {
    e.Bind(1, info.id)
        .Bind(2, info.name)
        .Bind(3, info.type)
        .Bind(4, info.kind)
        .Bind(5, info.country);
    if (info.has_coords) {
      e.BindDouble(6, info.lat).BindDouble(7, info.lon);
    } else {
      e.BindNull(6).BindNull(7);
    }
    SITREP_RETURN_IF_ERROR(e.Run());
  }
  return Status::Ok();
}

Status Store::WriteQuotes(const Document& doc) {
  Statement& st = stmts_->insert_quote;
  Statement& fts = stmts_->insert_quote_fts;
  int64_t idx = 0;
  auto text_of = [&doc](TextSpan t) {
    return std::string_view(doc.text).substr(t.start, t.end - t.start);
  };
  for (const Quote& q : doc.quotes) {
    // The speaker is searchable by the words written and by the entity's name.
    std::string speaker(text_of(q.speaker));
    for (const EntityInfo& e : doc.entities) {
      if (e.id == q.speaker_entity && !q.speaker_entity.empty()) speaker += " " + e.name;
    }
    SITREP_RETURN_IF_ERROR(fts.Bind(1, text_of({q.start, q.end})).Bind(2, speaker).Run());
    const int64_t rowid = sqlite3_last_insert_rowid(db_);
    st.Bind(1, doc.id).Bind(2, idx++).Bind(3, int64_t{q.start}).Bind(4, int64_t{q.end});
    st.Bind(5, int64_t{q.open}).Bind(6, int64_t{q.close}).Bind(7, QuoteKindName(q.kind));
    st.Bind(8, int64_t{q.speaker.start}).Bind(9, int64_t{q.speaker.end}).Bind(10, q.speaker_entity);
    st.Bind(11, int64_t{q.attribution.start}).Bind(12, int64_t{q.attribution.end});
    st.Bind(13, q.cue).Bind(14, SpeakerResolutionName(q.resolution));
    SITREP_RETURN_IF_ERROR(st.Bind(15, int64_t{q.cut}).Bind(16, rowid).Run());
  }
  return Status::Ok();
}

Status Store::WriteTimes(const Document& doc) {
  Statement& st = stmts_->insert_time;
  int64_t idx = 0;
  for (const TimeExpr& t : doc.times) {
    st.Bind(1, doc.id).Bind(2, idx++).Bind(3, int64_t{t.start}).Bind(4, int64_t{t.end});
    st.Bind(5, TimeTypeName(t.type))
        .Bind(6, t.value)
        .Bind(7, t.mod)
        .Bind(8, t.range_begin)
        .Bind(9, t.range_end);
    st.Bind(10, AnchorKindName(t.anchor)).Bind(11, int64_t{t.anchor_start});
    SITREP_RETURN_IF_ERROR(st.Bind(12, int64_t{t.unresolved}).Run());
  }
  return Status::Ok();
}

Status Store::WriteClaims(const Document& doc) {
  Statement& st = stmts_->insert_claim;
  int64_t idx = 0;
  for (const Claim& c : doc.claims) {
    st.Bind(1, doc.id).Bind(2, idx++).Bind(3, int64_t{c.start}).Bind(4, int64_t{c.end});
    st.Bind(5, int64_t{c.number_start}).Bind(6, int64_t{c.number_end}).Bind(7, int64_t{c.interval});
    st.BindDouble(8, c.value).BindDouble(9, c.min).BindDouble(10, c.max);
    st.Bind(11, NumberKindName(c.number_kind)).Bind(12, HedgeTypeName(c.hedge));
    st.Bind(13, int64_t{c.hedge_span.start}).Bind(14, int64_t{c.hedge_span.end});
    st.Bind(15, c.measure).Bind(16, c.unit);
    st.Bind(17, int64_t{c.subject.start}).Bind(18, int64_t{c.subject.end});
    st.Bind(19, int64_t{c.place.start}).Bind(20, int64_t{c.place.end}).Bind(21, c.time);
    st.Bind(22, int64_t{c.attribution.start}).Bind(23, int64_t{c.attribution.end});
    st.Bind(24, int64_t{c.source.start}).Bind(25, int64_t{c.source.end});
    st.Bind(26, int64_t{c.reported}).Bind(27, int64_t{c.sentence}).Bind(28, c.source_entity);
    SITREP_RETURN_IF_ERROR(st.Run());
  }
  return Status::Ok();
}

Status Store::WriteParts(const Document& doc) {
  Statements& s = *stmts_;
  int64_t idx = 0;
  for (const Paragraph& p : doc.paragraphs) {
    s.insert_paragraph.Bind(1, doc.id).Bind(2, idx++).Bind(3, int64_t{p.start});
    s.insert_paragraph.Bind(4, int64_t{p.end}).Bind(5, BlockKindName(p.kind)).Bind(6, p.lang);
    SITREP_RETURN_IF_ERROR(s.insert_paragraph.Bind(7, int64_t{p.foreign}).Run());
  }
  idx = 0;
  for (const Sentence& t : doc.sentences) {
    s.insert_sentence.Bind(1, doc.id).Bind(2, idx++).Bind(3, int64_t{t.start});
    SITREP_RETURN_IF_ERROR(s.insert_sentence.Bind(4, int64_t{t.end}).Run());
  }
  idx = 0;
  for (const Removal& r : doc.removed) {
    Statement& st = s.insert_removal;
    st.Bind(1, doc.id).Bind(2, idx++).Bind(3, r.text).Bind(4, r.reason).Bind(5, r.lang);
    if (r.source_offset < 0) {
      st.BindNull(6);
    } else {
      st.Bind(6, r.source_offset);
    }
    SITREP_RETURN_IF_ERROR(st.Run());
  }
  idx = 0;
  for (const SourceRun& r : doc.source_map) {
    Statement& st = s.insert_source_run;
    st.Bind(1, doc.id).Bind(2, idx++).Bind(3, int64_t{r.text_offset}).Bind(4, int64_t{r.length});
    SITREP_RETURN_IF_ERROR(st.Bind(5, static_cast<int64_t>(r.source_cp)).Run());
  }
  idx = 0;
  for (const std::string& w : doc.warnings) {
    SITREP_RETURN_IF_ERROR(s.insert_warning.Bind(1, doc.id).Bind(2, idx++).Bind(3, w).Run());
  }
  return Status::Ok();
}

namespace {

// Reads the parts of documents, one prepared query per table, reused per document.
struct PartReaders {
  Statement paragraphs, sentences, removals, source_map, warnings, claims, times, mentions,
      entities, quotes, links, story;

  static Result<PartReaders> Prepare(sqlite3* db) {
    PartReaders r;
    struct {
      Statement* target;
      const char* sql;
    } const plan[] = {
        {&r.paragraphs,
         "SELECT start, \"end\", kind, lang, \"foreign\" FROM paragraphs WHERE doc_id = ?1 "
         "ORDER BY idx"},
        {&r.sentences, "SELECT start, \"end\" FROM sentences WHERE doc_id = ?1 ORDER BY idx"},
        {&r.removals,
         "SELECT text, reason, lang, source_offset FROM removals WHERE doc_id = ?1 ORDER BY idx"},
        {&r.source_map,
         "SELECT text_offset, length, source_cp FROM source_map WHERE doc_id = ?1 ORDER BY idx"},
        {&r.warnings, "SELECT message FROM warnings WHERE doc_id = ?1 ORDER BY idx"},
        {&r.links,
         "SELECT kind, other, similarity, containment FROM doc_links WHERE doc_id = ?1 "
         "ORDER BY idx"},
        {&r.claims,
         "SELECT start, \"end\", number_start, number_end, is_interval, value, min, max, "
         "number_kind, "
         "hedge, hedge_start, hedge_end, measure, unit, subject_start, subject_end, place_start, "
         "place_end, time, attribution_start, attribution_end, source_start, source_end, reported, "
         "sentence, source_entity FROM claims WHERE doc_id = ?1 ORDER BY idx"},
        {&r.mentions,
         "SELECT start, \"end\", type, entity, name, role, role_text, role_of, role_date, "
         "metonymy, nominal "
         "FROM mentions WHERE doc_id = ?1 ORDER BY idx"},
        {&r.entities,
         "SELECT id, name, type, kind, country, lat, lon FROM entities WHERE id IN "
         "(SELECT DISTINCT entity FROM mentions WHERE doc_id = ?1) ORDER BY id"},
        {&r.quotes,
         "SELECT start, \"end\", open, close, kind, speaker_start, speaker_end, speaker_entity, "
         "attribution_start, attribution_end, cue, resolution, cut FROM quotes WHERE doc_id = ?1 "
         "ORDER BY idx"},
        {&r.times,
         "SELECT start, \"end\", type, value, mod, range_begin, range_end, anchor, anchor_start, "
         "unresolved "
         "FROM times WHERE doc_id = ?1 ORDER BY idx"},
        {&r.story, "SELECT story FROM document_stories WHERE doc_id = ?1"},
    };
    for (const auto& p : plan) {
      Result<Statement> st = Statement::Prepare(db, p.sql);
      if (!st.ok()) return st.status();
      *p.target = std::move(*st);
    }
    return r;
  }

  // Calls `row(stmt)` for each row of `stmt` bound to `doc_id`.
  template <typename F>
  static Status ForEach(Statement& stmt, const std::string& doc_id, F row) {
    stmt.Bind(1, doc_id);
    for (;;) {
      Result<bool> more = stmt.Step();
      if (!more.ok()) return more.status();
      if (!*more) break;
      Status st = row(stmt);
      if (!st.ok()) {
        stmt.Reset();
        return st;
      }
    }
    stmt.Reset();
    return Status::Ok();
  }

  Status Load(Document* doc) {
    SITREP_RETURN_IF_ERROR(ForEach(story, doc->id, [&](Statement& q) -> Status {
      doc->story = q.Text(0);
      return Status::Ok();
    }));
    SITREP_RETURN_IF_ERROR(ForEach(paragraphs, doc->id, [&](Statement& q) -> Status {
      Result<BlockKind> kind = ParseBlockKind(q.Text(2));
      if (!kind.ok()) return kind.status();
      Paragraph p;
      p.start = static_cast<uint32_t>(q.Int(0));
      p.end = static_cast<uint32_t>(q.Int(1));
      p.kind = *kind;
      p.lang = q.Text(3);
      p.foreign = q.Int(4) != 0;
      doc->paragraphs.push_back(std::move(p));
      return Status::Ok();
    }));
    SITREP_RETURN_IF_ERROR(ForEach(sentences, doc->id, [&](Statement& q) -> Status {
      doc->sentences.push_back({static_cast<uint32_t>(q.Int(0)), static_cast<uint32_t>(q.Int(1))});
      return Status::Ok();
    }));
    SITREP_RETURN_IF_ERROR(ForEach(removals, doc->id, [&](Statement& q) -> Status {
      doc->removed.push_back({q.Text(0), q.Text(1), q.Text(2), q.IsNull(3) ? -1 : q.Int(3)});
      return Status::Ok();
    }));
    SITREP_RETURN_IF_ERROR(ForEach(source_map, doc->id, [&](Statement& q) -> Status {
      doc->source_map.push_back({static_cast<uint32_t>(q.Int(0)), static_cast<uint32_t>(q.Int(1)),
                                 static_cast<uint64_t>(q.Int(2))});
      return Status::Ok();
    }));
    SITREP_RETURN_IF_ERROR(ForEach(warnings, doc->id, [&](Statement& q) -> Status {
      doc->warnings.push_back(q.Text(0));
      return Status::Ok();
    }));
    SITREP_RETURN_IF_ERROR(ForEach(links, doc->id, [&](Statement& q) -> Status {
      DocLink l{q.Text(1), q.Double(2), q.Double(3)};
      if (q.Text(0) == "duplicate_of") {
        doc->duplicate_of = std::move(l);
      } else {
        doc->shares_with.push_back(std::move(l));
      }
      return Status::Ok();
    }));
    SITREP_RETURN_IF_ERROR(ForEach(mentions, doc->id, [&](Statement& q) -> Status {
      Mention m;
      m.start = static_cast<uint32_t>(q.Int(0));
      m.end = static_cast<uint32_t>(q.Int(1));
      if (m.start > m.end || m.end > doc->text.size())
        return Status(Code::kCorruption, "mention offsets outside the text");
      const std::string type = q.Text(2);
      for (MentionType t :
           {MentionType::kPer, MentionType::kOrg, MentionType::kLoc, MentionType::kAdj}) {
        if (type == MentionTypeName(t)) m.type = t;
      }
      m.entity = q.Text(3);
      m.name = q.Text(4);
      m.role = q.Text(5);
      m.role_text = q.Text(6);
      if (!m.role.empty()) {
        MentionRole r;
        r.role = m.role;
        r.of = q.Text(7);
        r.date = q.Text(8);
        m.roles.push_back(std::move(r));
      }
      m.metonymy = q.Int(9) != 0;
      m.nominal = q.Int(10) != 0;
      doc->mentions.push_back(std::move(m));
      return Status::Ok();
    }));
    SITREP_RETURN_IF_ERROR(ForEach(entities, doc->id, [&](Statement& q) -> Status {
      EntityInfo e;
      e.id = q.Text(0);
      e.name = q.Text(1);
      e.type = q.Text(2);
      e.kind = q.Text(3);
      e.country = q.Text(4);
      e.has_coords = !q.IsNull(5);
      if (e.has_coords) {
        e.lat = q.Double(5);
        e.lon = q.Double(6);
      }
      doc->entities.push_back(std::move(e));
      return Status::Ok();
    }));
    SITREP_RETURN_IF_ERROR(ForEach(times, doc->id, [&](Statement& q) -> Status {
      TimeExpr t;
      t.start = static_cast<uint32_t>(q.Int(0));
      t.end = static_cast<uint32_t>(q.Int(1));
      if (t.start > t.end || t.end > doc->text.size()) {
        return Status(Code::kCorruption, "time offsets outside the text");
      }
      t.text = doc->text.substr(t.start, t.end - t.start);
      const std::string type = q.Text(2), anchor = q.Text(7);
      for (TimeType k : {TimeType::kDate, TimeType::kTime, TimeType::kDuration, TimeType::kSet}) {
        if (type == TimeTypeName(k)) t.type = k;
      }
      t.value = q.Text(3);
      t.mod = q.Text(4);
      t.range_begin = q.Text(5);
      t.range_end = q.Text(6);
      for (AnchorKind k :
           {AnchorKind::kNone, AnchorKind::kAbsolute, AnchorKind::kDct, AnchorKind::kExpr}) {
        if (anchor == AnchorKindName(k)) t.anchor = k;
      }
      t.anchor_start = static_cast<uint32_t>(q.Int(8));
      t.unresolved = q.Int(9) != 0;
      doc->times.push_back(std::move(t));
      return Status::Ok();
    }));
    SITREP_RETURN_IF_ERROR(ForEach(quotes, doc->id, [&](Statement& q) -> Status {
      auto u = [&q](int col) { return static_cast<uint32_t>(q.Int(col)); };
      Quote t;
      t.start = u(0), t.end = u(1), t.open = u(2), t.close = u(3);
      const std::string kind = q.Text(4), resolution = q.Text(11);
      for (QuoteKind k :
           {QuoteKind::kDirect, QuoteKind::kPartial, QuoteKind::kIndirect, QuoteKind::kTerm}) {
        if (kind == QuoteKindName(k)) t.kind = k;
      }
      t.speaker = {u(5), u(6)};
      t.speaker_entity = q.Text(7);
      t.attribution = {u(8), u(9)};
      t.cue = q.Text(10);
      for (SpeakerResolution r : {SpeakerResolution::kExplicit, SpeakerResolution::kApposition,
                                  SpeakerResolution::kPronoun, SpeakerResolution::kContinuation,
                                  SpeakerResolution::kRole, SpeakerResolution::kUnresolved}) {
        if (resolution == SpeakerResolutionName(r)) t.resolution = r;
      }
      t.cut = q.Int(12) != 0;
      const uint64_t size = doc->text.size();
      for (TextSpan x :
           {TextSpan{t.start, t.end}, TextSpan{t.open, t.close}, t.speaker, t.attribution}) {
        if (x.start > x.end || x.end > size)
          return Status(Code::kCorruption, "quote offsets outside the text");
      }
      doc->quotes.push_back(std::move(t));
      return Status::Ok();
    }));
    return ForEach(claims, doc->id, [&](Statement& q) -> Status {
      auto u = [&q](int col) { return static_cast<uint32_t>(q.Int(col)); };
      Claim c;
      c.start = u(0), c.end = u(1), c.number_start = u(2), c.number_end = u(3);
      c.interval = q.Int(4) != 0;
      c.value = q.Double(5), c.min = q.Double(6), c.max = q.Double(7);
      const std::string kind = q.Text(8), hedge = q.Text(9);
      for (NumberKind k : {NumberKind::kCardinal, NumberKind::kOrdinal, NumberKind::kFraction,
                           NumberKind::kVague}) {
        if (kind == NumberKindName(k)) c.number_kind = k;
      }
      for (HedgeType h : {HedgeType::kExact, HedgeType::kApproximate, HedgeType::kLowerBound,
                          HedgeType::kUpperBound, HedgeType::kVaguePlural, HedgeType::kVagueFew}) {
        if (hedge == HedgeTypeName(h)) c.hedge = h;
      }
      c.hedge_span = {u(10), u(11)};
      c.measure = q.Text(12);
      c.unit = q.Text(13);
      c.subject = {u(14), u(15)};
      c.place = {u(16), u(17)};
      c.time = q.Text(18);
      c.attribution = {u(19), u(20)};
      c.source = {u(21), u(22)};
      c.reported = q.Int(23) != 0;
      c.sentence = static_cast<int>(q.Int(24));
      c.source_entity = q.Text(25);
      const uint64_t size = doc->text.size();
      if (c.start > c.end || c.end > size)
        return Status(Code::kCorruption, "claim offsets outside the text");
      doc->claims.push_back(std::move(c));
      return Status::Ok();
    });
  }
};

}  // namespace

Result<std::vector<Document>> Store::AllDocuments() { return LoadDocuments(kDocumentColumns); }

Result<std::vector<Document>> Store::DocumentsWithoutStory() {
  return LoadDocuments(kDocumentsWithoutStory);
}

Result<std::vector<Document>> Store::LoadDocuments(const char* sql) {
  Result<PartReaders> parts = PartReaders::Prepare(db_);
  if (!parts.ok()) return parts.status().WithContext(path_);
  Result<Statement> q = Statement::Prepare(db_, sql);
  if (!q.ok()) return q.status().WithContext(path_);
  // One read transaction, so documents and their parts are one snapshot.
  SITREP_RETURN_IF_ERROR(Exec(db_, "BEGIN").WithContext(path_));
  std::vector<Document> docs;
  Status st;
  for (;;) {
    Result<bool> row = q->Step();
    if (!row.ok()) {
      st = row.status();
      break;
    }
    if (!*row) break;
    Document doc;
    doc.id = q->Text(0);
    doc.source = q->Text(1);
    doc.url = q->Text(2);
    doc.outlet = q->Text(3);
    doc.format = q->Text(4);
    doc.encoding = q->Text(5);
    doc.title = q->Text(6);
    doc.lang = q->Text(7);
    if (!q->IsNull(8)) {
      Result<DatePrecision> precision = ParsePrecision(q->Text(9));
      if (!precision.ok()) {
        st = precision.status().WithContext("document " + doc.id);
        break;
      }
      doc.published = PublishedDate{q->Text(8), *precision, q->Text(10), q->Text(11)};
    }
    doc.text = q->Text(12);
    doc.input_bytes = static_cast<uint64_t>(q->Int(13));
    st = parts->Load(&doc);
    if (!st.ok()) break;
    docs.push_back(std::move(doc));
  }
  q->Reset();
  (void)Exec(db_, "COMMIT");  // read-only: nothing to lose if it fails
  if (!st.ok()) return st.WithContext(path_);
  return docs;
}

Result<std::vector<StoreFailure>> Store::Failures() {
  Result<Statement> q =
      Statement::Prepare(db_, "SELECT source, code, message FROM failures ORDER BY source");
  if (!q.ok()) return q.status().WithContext(path_);
  std::vector<StoreFailure> out;
  for (;;) {
    Result<bool> row = q->Step();
    if (!row.ok()) return row.status().WithContext(path_);
    if (!*row) break;
    out.push_back({q->Text(0), q->Text(1), q->Text(2)});
  }
  return out;
}

Result<std::vector<SearchHit>> Store::Search(const std::string& query, size_t limit) {
  // bm25 is FTS5's default rank; the CTE lets FTS5 sort and cut before the join.
  Result<Statement> q = Statement::Prepare(db_, R"sql(
WITH hits AS (
  SELECT rowid, snippet(documents_fts, -1, '[', ']', '…', 16) AS snippet, rank
  FROM documents_fts WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?2)
SELECT d.id, d.source, d.title, hits.snippet, hits.rank
FROM hits JOIN documents AS d ON d.seq = hits.rowid
ORDER BY hits.rank)sql");
  if (!q.ok()) return q.status().WithContext(path_);
  const auto max = static_cast<size_t>(std::numeric_limits<int64_t>::max());
  q->Bind(1, query).Bind(2, static_cast<int64_t>(limit < max ? limit : max));
  std::vector<SearchHit> hits;
  for (;;) {
    int rc = sqlite3_step(q->get());
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) {
      // FTS5 reports a malformed query (syntax, unknown column) as SQLITE_ERROR.
      Status st = SqliteStatus(db_, rc, "search query \"" + query + "\"");
      if ((rc & 0xff) == SQLITE_ERROR) st = Status::InvalidArgument(st.message());
      q->Reset();
      return st;
    }
    hits.push_back({q->Text(0), q->Text(1), q->Text(2), q->Text(3), q->Double(4)});
  }
  return hits;
}

Result<std::vector<QuoteHit>> Store::SearchQuotes(const std::string& query, size_t limit) {
  Result<Statement> q = Statement::Prepare(db_, R"sql(
WITH hits AS (
  SELECT rowid, snippet(quotes_fts, 0, '[', ']', '…', 24) AS snippet, speaker, rank
  FROM quotes_fts WHERE quotes_fts MATCH ?1 ORDER BY rank LIMIT ?2)
SELECT q.doc_id, q.idx, d.source, hits.snippet, hits.speaker, q.speaker_entity, hits.rank
FROM hits JOIN quotes AS q ON q.fts_rowid = hits.rowid JOIN documents AS d ON d.id = q.doc_id
ORDER BY hits.rank)sql");
  if (!q.ok()) return q.status().WithContext(path_);
  const auto max = static_cast<size_t>(std::numeric_limits<int64_t>::max());
  q->Bind(1, query).Bind(2, static_cast<int64_t>(limit < max ? limit : max));
  std::vector<QuoteHit> hits;
  for (;;) {
    int rc = sqlite3_step(q->get());
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) {
      Status st = SqliteStatus(db_, rc, "quote search \"" + query + "\"");
      if ((rc & 0xff) == SQLITE_ERROR) st = Status::InvalidArgument(st.message());
      q->Reset();
      return st;
    }
    hits.push_back(
        {q->Text(0), q->Int(1), q->Text(2), q->Text(3), q->Text(4), q->Text(5), q->Double(6)});
  }
  return hits;
}

Result<StoreCheck> Store::Check(bool full) {
  StoreCheck check;
  Result<std::vector<std::string>> problems = RunCheck(db_, full, 20);
  if (!problems.ok()) return problems.status().WithContext(path_);
  check.problems = std::move(problems).value();
  if (!check.problems.empty()) return check;
  Result<StoreStats> stats = Stats();
  if (!stats.ok()) return stats.status();
  check.stats = *stats;
  return check;
}

Result<StoreStats> Store::Stats() {
  StoreStats stats;
  struct {
    const char* sql;
    int64_t value = 0;
  } queries[] = {{"PRAGMA user_version"},
                 {"SELECT count(*) FROM documents"},
                 {"SELECT count(*) FROM sentences"},
                 {"SELECT count(*) FROM failures"}};
  for (auto& q : queries) {
    Result<int64_t> v = QueryInt(db_, q.sql);
    if (!v.ok()) return v.status().WithContext(path_);
    q.value = *v;
  }
  stats.schema_version = static_cast<int>(queries[0].value);
  stats.documents = static_cast<size_t>(queries[1].value);
  stats.sentences = static_cast<size_t>(queries[2].value);
  stats.failures = static_cast<size_t>(queries[3].value);
  return stats;
}

}  // namespace sitrep
