// @brief Tests for UTF-8 validation and offset conversion.
#include "base/utf8.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(Utf8, ValidatesAndReportsFirstBadByte) {
  struct Case {
    std::string bytes;
    bool valid;
    size_t bad;
  } cases[] = {
      {"plain ascii", true, 0},
      {"caf\xC3\xA9", true, 0},
      {"\xE2\x80\xAF narrow nbsp", true, 0},
      {"\xF0\x9F\x98\x80 emoji", true, 0},
      {"abc\xC3", false, 3},               // truncated sequence
      {"ab\xC0\xAF", false, 2},            // overlong
      {"x\xED\xA0\x80", false, 1},         // surrogate
      {"\xF4\x90\x80\x80", false, 0},      // above U+10FFFF
      {"ok\xFFok", false, 2},              // never valid
      {"caf\xE9 latin-1", false, 3},
  };
  for (const auto& c : cases) {
    size_t bad = 999;
    EXPECT_EQ(IsValidUtf8(c.bytes, &bad), c.valid) << c.bytes;
    if (!c.valid) {
      EXPECT_EQ(bad, c.bad) << c.bytes;
    }
  }
}

TEST(Utf8, ToValidUtf8ReplacesEachBadByte) {
  struct Case {
    std::string in, out;
  } cases[] = {
      {"plain", "plain"},
      {"caf\xC3\xA9", "caf\xC3\xA9"},
      {"mauvais\xFF\xFE.txt", "mauvais\uFFFD\uFFFD.txt"},
      {"abc\xC3", "abc\uFFFD"},
      {"\xED\xA0\x80x", "\uFFFD\uFFFD\uFFFDx"},
  };
  for (const auto& c : cases) EXPECT_EQ(ToValidUtf8(c.in), c.out) << c.in;
}

TEST(Utf8, EscapeControlsKeepsALineALine) {
  struct Case {
    std::string in, out;
  } cases[] = {
      {"in/a.txt", "in/a.txt"},
      {"in/caf\xC3\xA9 \xE2\x80\xAF.txt", "in/caf\xC3\xA9 \xE2\x80\xAF.txt"},
      {"x\nerror: forged", "x\\nerror: forged"},
      {"a\r\tb", "a\\r\\tb"},
      {"\x1b[2J", "\\x1b[2J"},
      {"del\x7f", "del\\x7f"},
      {std::string("csi\xC2\x9B") + "31m", "csi\\u009b31m"},
      {"bad\xFF", "bad\\xff"},
      {"cut\xE2\x80", "cut\\xe2\\x80"},
  };
  for (const auto& c : cases) EXPECT_EQ(EscapeControls(c.in), c.out) << c.in;
}

TEST(Utf8, CodePointIndexMatchesCounting) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "é\xE2\x80\xAFx\xF0\x9F\x98\x80";
  CodePointIndex idx(text);
  size_t cp = 0;
  for (size_t p = 0; p < text.size();) {
    EXPECT_EQ(idx.ToCodePoint(p), cp);
    NextCodePoint(text, &p);
    ++cp;
  }
  EXPECT_EQ(idx.ToCodePoint(text.size()), cp);
}

TEST(Utf8, RoundTripsCodePoints) {
  for (char32_t c : {U'a', U'é', U'\u202F', U'Ж', U'\U0001F600'}) {
    std::string s;
    AppendUtf8(&s, c);
    size_t p = 0;
    EXPECT_EQ(NextCodePoint(s, &p), c);
    EXPECT_EQ(p, s.size());
    size_t q = s.size();
    EXPECT_EQ(PrevCodePoint(s, &q), c);
    EXPECT_EQ(q, 0u);
  }
  EXPECT_TRUE(IsSpace(0xA0));
  EXPECT_TRUE(IsSpace(0x202F));
  EXPECT_FALSE(IsSpace(U'a'));
}

}  // namespace
}  // namespace sitrep
