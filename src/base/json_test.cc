// @brief Tests for the JSON writer and parser.
#include "base/json.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(Json, WriterEscapesAndSeparates) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Field("a", "x\"y\\z\n\t\x01").Key("list").BeginArray().Int(1).Bool(true).Null().EndArray();
  w.Field("s", "\xE2\x80\xA8").Field("d", 0.5).EndObject();
  EXPECT_EQ(out, R"({"a":"x\"y\\z\n\t\u0001","list":[1,true,null],"s":"\u2028","d":0.5})");
}

TEST(Json, ParsesWhatItWrites) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Field("text", "Tokaïev « a dit »").Field("n", 12).EndObject();
  Result<JsonValue> v = ParseJson(out);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(v->GetString("text"), "Tokaïev « a dit »");
  EXPECT_EQ((*v)["n"].num(), 12);
  EXPECT_TRUE((*v)["missing"].is_null());
}

TEST(Json, DecodesEscapesAndSurrogates) {
  Result<JsonValue> v = ParseJson(R"({"s":"\u00e9\ud83d\ude00\u0041\/"})");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->GetString("s"), "é\xF0\x9F\x98\x80" "A/");
}

TEST(Json, ErrorsSayWhere) {
  struct Case {
    const char* text;
    const char* where;
  } cases[] = {
      {R"({"a":1,})", "byte 7"},
      {R"({"a":"unterminated)", "unterminated string"},
      {"[1 2]", "byte 3"},
      {"{} extra", "after the JSON value"},
      {"", "unexpected end"},
  };
  for (const auto& c : cases) {
    Result<JsonValue> v = ParseJson(c.text);
    ASSERT_FALSE(v.ok()) << c.text;
    EXPECT_NE(v.status().message().find(c.where), std::string::npos) << v.status().message();
  }
}

TEST(Json, SkipsAByteOrderMark) {
  Result<JsonValue> v = ParseJson("\xEF\xBB\xBF[1]");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->items().size(), 1u);
}

TEST(Json, DepthIsLimited) {
  std::string deep(100000, '[');
  Result<JsonValue> v = ParseJson(deep);
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.status().message().find("too deep"), std::string::npos);
}

}  // namespace
}  // namespace sitrep
