// @brief JSON: a streaming writer for output and a small DOM parser for input
// (JSONL articles, gold files). The parser reports errors with a byte offset.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sitrep {

// Writes compact JSON into a string. Commas are inserted automatically.
// Strings must be valid UTF-8; they are escaped per RFC 8259 (plus U+2028/9).
class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view s);
  JsonWriter& Int(int64_t v);
  JsonWriter& Double(double v);
  JsonWriter& Bool(bool v);
  JsonWriter& Null();
  // Shorthands for Key(k).X(v).
  JsonWriter& Field(std::string_view k, std::string_view v) { return Key(k).String(v); }
  JsonWriter& Field(std::string_view k, const char* v) { return Key(k).String(v); }
  JsonWriter& Field(std::string_view k, int64_t v) { return Key(k).Int(v); }
  JsonWriter& Field(std::string_view k, int v) { return Key(k).Int(v); }
  JsonWriter& Field(std::string_view k, uint32_t v) { return Key(k).Int(v); }
  JsonWriter& Field(std::string_view k, size_t v) { return Key(k).Int(static_cast<int64_t>(v)); }
  JsonWriter& Field(std::string_view k, double v) { return Key(k).Double(v); }
  JsonWriter& Field(std::string_view k, bool v) { return Key(k).Bool(v); }

 private:
  void Separate();
  std::string* out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

void AppendJsonString(std::string* out, std::string_view s);

class JsonValue {
 public:
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };

  JsonValue() = default;
  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::kNull; }
  bool is_string() const { return type_ == Type::kString; }
  bool is_object() const { return type_ == Type::kObject; }
  bool is_array() const { return type_ == Type::kArray; }
  bool is_number() const { return type_ == Type::kNumber; }

  const std::string& str() const { return str_; }
  double num() const { return num_; }
  bool boolean() const { return bool_; }
  const std::vector<JsonValue>& items() const { return items_; }
  const std::vector<std::pair<std::string, JsonValue>>& members() const { return members_; }

  // Object lookup; returns a null value when absent or not an object.
  const JsonValue& operator[](std::string_view key) const;
  // The string at key, or `fallback` when absent or not a string.
  std::string GetString(std::string_view key, std::string_view fallback = "") const;

 private:
  friend class JsonParser;
  Type type_ = Type::kNull;
  bool bool_ = false;
  double num_ = 0;
  std::string str_;
  std::vector<JsonValue> items_;
  std::vector<std::pair<std::string, JsonValue>> members_;
};

// Parses one JSON text. Errors say what and at which byte offset.
Result<JsonValue> ParseJson(std::string_view text, int max_depth = 512);

}  // namespace sitrep
