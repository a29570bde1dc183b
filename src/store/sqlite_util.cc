// @brief SQLite statement wrapper and the single SQLite -> Status mapping.
#include "store/sqlite_util.h"

#include <cctype>
#include <utility>

namespace sitrep {

Status SqliteStatus(sqlite3* db, int rc, std::string_view what) {
  Code code = Code::kInternal;
  switch (rc & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      code = Code::kCorruption;
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_PERM:
    case SQLITE_NOLFS:
    case SQLITE_PROTOCOL:
    case SQLITE_NOMEM:
      code = Code::kIoError;
      break;
    case SQLITE_TOOBIG:
      code = Code::kTooLarge;
      break;
    default:
      break;
  }
  // errmsg describes the most recent failing call on `db`; without a
  // connection only the generic text of the code is available.
  const char* detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string message(what);
  message += ": ";
  message += detail;
  return Status(code, std::move(message));
}

namespace {

// The next word of `sql` from `*pos` (letters, digits, '_', or a quoted
// identifier without its quotes), skipping blanks; empty at the end or at
// punctuation.
std::string NextWord(std::string_view sql, size_t* pos) {
  size_t i = *pos;
  while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i]))) ++i;
  if (i < sql.size() && (sql[i] == '"' || sql[i] == '`' || sql[i] == '[')) {
    const char close = sql[i] == '[' ? ']' : sql[i];
    size_t end = sql.find(close, i + 1);
    if (end == std::string_view::npos) end = sql.size();
    *pos = end + 1 < sql.size() ? end + 1 : sql.size();
    return std::string(sql.substr(i + 1, end - i - 1));
  }
  size_t start = i;
  while (i < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_')) ++i;
  *pos = i;
  return std::string(sql.substr(start, i - start));
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// The word after the first `keyword` (a whole word, any case) in `sql`.
std::string WordAfter(std::string_view sql, const std::string& keyword) {
  size_t pos = 0;
  while (pos < sql.size()) {
    std::string w = NextWord(sql, &pos);
    if (w.empty()) {
      ++pos;  // punctuation or a string literal's quote: step over it
      continue;
    }
    if (Upper(w) == keyword) return NextWord(sql, &pos);
  }
  return std::string();
}

}  // namespace

std::string DescribeSql(std::string_view sql) {
  size_t pos = 0;
  const std::string verb = Upper(NextWord(sql, &pos));
  std::string target;
  if (verb == "INSERT" || verb == "REPLACE") {
    target = WordAfter(sql, "INTO");
    return target.empty() ? verb : verb + " into " + target;
  }
  if (verb == "SELECT" || verb == "WITH" || verb == "DELETE") {
    target = WordAfter(sql, "FROM");
    return target.empty() ? verb : (verb == "WITH" ? "SELECT" : verb) + " from " + target;
  }
  if (verb == "UPDATE" || verb == "PRAGMA" || verb == "BEGIN") {
    target = NextWord(sql, &pos);
    return target.empty() ? verb : verb + " " + target;
  }
  if (verb == "CREATE" || verb == "DROP" || verb == "ALTER") {
    std::string what = Upper(NextWord(sql, &pos));
    if (what == "VIRTUAL" || what == "UNIQUE" || what == "TEMP" || what == "TEMPORARY") {
      what = Upper(NextWord(sql, &pos));
    }
    std::string name = NextWord(sql, &pos);
    if (Upper(name) == "IF") {  // IF [NOT] EXISTS
      while (!name.empty() && Upper(name) != "EXISTS") name = NextWord(sql, &pos);
      name = NextWord(sql, &pos);
    }
    return verb + " " + what + (name.empty() ? "" : " " + name);
  }
  return verb.empty() ? std::string("SQL") : verb;
}

Status Exec(sqlite3* db, const char* sql) {
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(db, rc, DescribeSql(sql));
  return Status::Ok();
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)), bind_error_(other.bind_error_) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = std::exchange(other.stmt_, nullptr);
    bind_error_ = other.bind_error_;
  }
  return *this;
}

Result<Statement> Statement::Prepare(sqlite3* db, std::string_view sql, bool persistent) {
  Statement s;
  s.db_ = db;
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                              persistent ? SQLITE_PREPARE_PERSISTENT : 0, &s.stmt_, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(db, rc, "preparing " + DescribeSql(sql));
  return s;
}

Statement& Statement::Bind(int index, std::string_view text) {
  // An empty view may have a null data(), which SQLite would bind as NULL.
  const char* data = text.data() != nullptr ? text.data() : "";
  int rc = sqlite3_bind_text64(stmt_, index, data, text.size(), SQLITE_STATIC, SQLITE_UTF8);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

Statement& Statement::Bind(int index, int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

Statement& Statement::BindDouble(int index, double value) {
  int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  const char* data = bytes.data() != nullptr ? bytes.data() : "";
  int rc = sqlite3_bind_blob64(stmt_, index, data, bytes.size(), SQLITE_STATIC);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

Statement& Statement::BindNull(int index) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

Result<bool> Statement::Step() {
  if (bind_error_ != SQLITE_OK) {
    Status st = SqliteStatus(nullptr, bind_error_, "binding a parameter");
    Reset();
    return st;
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Status st = SqliteStatus(db_, rc, DescribeSql(sqlite3_sql(stmt_)));
  Reset();
  return st;
}

Status Statement::Run() {
  for (;;) {
    Result<bool> row = Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
  }
  Reset();
  return Status::Ok();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = SQLITE_OK;
}

bool Statement::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

int64_t Statement::Int(int col) const { return sqlite3_column_int64(stmt_, col); }

double Statement::Double(int col) const { return sqlite3_column_double(stmt_, col); }

std::string Statement::Text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  if (p == nullptr) return std::string();
  return std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

std::string Statement::Blob(int col) const {
  const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
  if (p == nullptr) return std::string();
  return std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

}  // namespace sitrep
