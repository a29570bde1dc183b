// @brief Thin RAII helpers over the SQLite C API: prepared statements and error mapping.
//
// Every SQLite result code is turned into a sitrep Status at one spot
// (SqliteStatus), so callers never see raw SQLite codes.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace sitrep {

// Maps an SQLite result code to a Status: NOTADB/CORRUPT -> kCorruption,
// I/O, locking and permission codes -> kIoError, TOOBIG -> kTooLarge, the rest
// -> kInternal. The message is "`what`: <sqlite3_errmsg>".
Status SqliteStatus(sqlite3* db, int rc, std::string_view what);

// A short name for the operation of `sql`, for error messages, which never
// quote whole statements: "INSERT into paragraphs", "SELECT from documents",
// "PRAGMA journal_mode", "BEGIN IMMEDIATE". Only the first statement of a
// script is described.
std::string DescribeSql(std::string_view sql);

// Runs one or more SQL statements that return no rows we need. An error says
// DescribeSql(sql) and SQLite's message.
Status Exec(sqlite3* db, const char* sql);

// A prepared statement. Move-only; finalized on destruction.
// Text is bound with SQLITE_STATIC: the bound bytes must outlive the next
// Step()/Run()/Reset().
class Statement {
 public:
  Statement() = default;
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // `persistent`: the statement is kept for the connection's lifetime.
  static Result<Statement> Prepare(sqlite3* db, std::string_view sql, bool persistent = false);

  // Parameters are 1-based. A bind error is kept and returned by the next Step()/Run().
  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, int64_t value);
  Statement& BindDouble(int index, double value);
  Statement& BindNull(int index);
  // A blob, bound with SQLITE_STATIC like text.
  Statement& BindBlob(int index, std::string_view bytes);

  // Advances: true with a row, false when done; an error leaves the statement reset.
  Result<bool> Step();
  // Steps to completion, discarding rows, then resets. For INSERT/UPDATE/DELETE.
  Status Run();
  // Resets and clears bindings so the statement can be reused.
  void Reset();

  bool IsNull(int col) const;
  int64_t Int(int col) const;
  double Double(int col) const;
  std::string Text(int col) const;
  std::string Blob(int col) const;

  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  int bind_error_ = SQLITE_OK;
};

}  // namespace sitrep
