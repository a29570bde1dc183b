// @brief Status names and formatting.
#include "base/status.h"

namespace sitrep {

const char* CodeName(Code code) {
  switch (code) {
    case Code::kOk: return "ok";
    case Code::kInvalidArgument: return "invalid_argument";
    case Code::kNotFound: return "not_found";
    case Code::kIoError: return "io_error";
    case Code::kBadEncoding: return "bad_encoding";
    case Code::kBinary: return "binary";
    case Code::kTooLarge: return "too_large";
    case Code::kParseError: return "parse_error";
    case Code::kEmpty: return "empty";
    case Code::kCorruption: return "corruption";
    case Code::kUnsupported: return "unsupported";
    case Code::kTimeout: return "timeout";
    case Code::kInternal: return "internal";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(CodeName(code_)) + ": " + message_;
}

Status Status::WithContext(const std::string& where) const {
  if (ok()) return *this;
  return Status(code_, where + ": " + message_);
}

}  // namespace sitrep
