// @brief Status and Result<T>: recoverable errors as values that say what and where.
//
// Errors caused by input (a bad file, a bad flag, a bad data line) are returned
// as a Status, never thrown and never asserted. Assertions are for bugs only.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace sitrep {

enum class Code {
  kOk = 0,
  kInvalidArgument,  // a bad flag, a bad query, a malformed data line
  kNotFound,         // a path or a row that does not exist
  kIoError,          // the OS refused a read or a write
  kBadEncoding,      // bytes that are not text in any supported encoding
  kBinary,           // input that is not text at all
  kTooLarge,         // past a limit in Options
  kParseError,       // malformed HTML/JSON that could not be recovered
  kEmpty,            // nothing left after cleaning
  kCorruption,       // a store that does not match its schema
  kUnsupported,      // a format or feature this build does not handle
  kTimeout,          // a document past its CPU budget (Options::max_document_seconds)
  kInternal,         // a bug; reported rather than crashing a batch
};

// Stable lower-case name of a code, used in JSON output ("bad_encoding").
const char* CodeName(Code code);

// [[nodiscard]]: a Status that is dropped is a bug; where ignoring one is
// right, say so with `(void)` and a comment.
class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {Code::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {Code::kNotFound, std::move(m)}; }
  static Status IoError(std::string m) { return {Code::kIoError, std::move(m)}; }
  static Status Internal(std::string m) { return {Code::kInternal, std::move(m)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "bad_encoding: invalid UTF-8 at byte 1234"
  std::string ToString() const;

  // Prefixes the message with a location: "file.txt: " + message.
  Status WithContext(const std::string& where) const;

 private:
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT: REQUIRES: !status.ok()

  bool ok() const { return v_.index() == 0; }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<1>(v_);
  }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace sitrep

#define SITREP_RETURN_IF_ERROR(expr)        \
  do {                                      \
    ::sitrep::Status _st = (expr);          \
    if (!_st.ok()) return _st;              \
  } while (0)
