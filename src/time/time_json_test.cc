// @brief Tests for the `times` JSON array: code-point offsets, nulls, anchors.
#include "time/time_json.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(TimeJsonTest, WritesCodePointOffsetsAndNulls) {
  std::string text = "Déjà hier";
  TimeExpr x;
  x.start = 7;  // "Déjà " is 7 bytes, 5 code points
  x.end = 11;
  x.text = "hier";
  x.unresolved = true;
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  AppendTimesJson(&w, text, {x});
  w.EndObject();
  EXPECT_EQ(out,
            "{\"times\":[{\"start\":5,\"end\":9,\"text\":\"hier\",\"type\":\"DATE\","
            "\"value\":null,\"mod\":null,\"anchor\":\"none\",\"unresolved\":true}]}");
}

TEST(TimeJsonTest, WritesRangesAndExpressionAnchors) {
  std::string text = "le 2 juin, la veille";
  TimeExpr x;
  x.start = 11;
  x.end = 20;
  x.text = "la veille";
  x.value = "2017-06-01";
  x.anchor = AnchorKind::kExpr;
  x.anchor_start = 3;
  x.range_begin = "a";
  x.range_end = "b";
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  AppendTimesJson(&w, text, {x});
  w.EndObject();
  EXPECT_NE(out.find("\"range\":{\"begin\":\"a\",\"end\":\"b\"}"), std::string::npos) << out;
  EXPECT_NE(out.find("\"anchor\":\"expr\",\"anchor_start\":3"), std::string::npos) << out;
}

}  // namespace
}  // namespace sitrep
