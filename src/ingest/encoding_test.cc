// @brief Tests for encoding detection and conversion.
#include "ingest/encoding.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(Encoding, Utf8PassesAndBomIsStripped) {
  auto r = DecodeToUtf8("\xEF\xBB\xBFTokaïev");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "Tokaïev");
  EXPECT_EQ(r->encoding, "UTF-8");
}

TEST(Encoding, LegacyEncodingsAreDetectedAndConverted) {
  // "Président kazakh, déclaré à l'été" in Latin-1 (long enough for detection).
  std::string latin1 =
      "Le pr\xE9sident kazakh a d\xE9" "clar\xE9 que la r\xE9pression continuerait. "
      "Les forces de s\xE9" "curit\xE9 ont re\xE7u l'ordre de tirer. Les \xE9meutes ont fait des "
      "dizaines de morts \xE0 Almaty, selon le minist\xE8re.";
  auto r = DecodeToUtf8(latin1);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r->text.find("président"), std::string::npos);
  EXPECT_NE(r->text.find("ministère"), std::string::npos);
  // windows-1251 Russian, named by the container.
  std::string cp1251 = "\xCF\xF0\xE5\xE7\xE8\xE4\xE5\xED\xF2 \xD2\xEE\xEA\xE0\xE5\xE2";  // Президент Токаев
  auto ru = DecodeToUtf8(cp1251, "windows-1251");
  ASSERT_TRUE(ru.ok());
  EXPECT_EQ(ru->text, "Президент Токаев");
  EXPECT_EQ(ru->encoding, "windows-1251");
  EXPECT_EQ(r->encoding, "windows-1252");
}

TEST(Encoding, Utf16ByteOrderMarkIsNotText) {
  auto r = DecodeToUtf8(std::string("\xFF\xFEO\0K\0", 6));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "OK");
}

TEST(Encoding, BrokenUtf8IsAnErrorWithByteOffset) {
  std::string s = "Déjà vu, puis \xC3 et la suite";
  auto r = DecodeToUtf8(s);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kBadEncoding);
  EXPECT_EQ(r.status().message(), "invalid UTF-8 at byte " + std::to_string(s.rfind('\xC3')));
}

TEST(Encoding, BinaryIsRefused) {
  std::string bin("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
  auto r = DecodeToUtf8(bin);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kBinary);
  EXPECT_NE(r.status().message().find("NUL byte at byte 8"), std::string::npos);
}

TEST(Encoding, Utf16WithoutByteOrderMarkIsRecognised) {
  std::string text =
      "Les troupes sont arriv\xC3\xA9"
      "es jeudi au Kazakhstan.";
  std::string le, be;
  for (size_t i = 0; i < text.size(); ++i) {
    char16_t u = static_cast<unsigned char>(text[i]);
    if (u == 0xC3) u = 0xC0 | (static_cast<unsigned char>(text[++i]) & 0x3F);
    le += static_cast<char>(u & 0xFF), le += static_cast<char>(u >> 8);
    be += static_cast<char>(u >> 8), be += static_cast<char>(u & 0xFF);
  }
  EXPECT_EQ(SniffUtf16(le), "UTF-16LE");
  EXPECT_EQ(SniffUtf16(be), "UTF-16BE");
  EXPECT_EQ(SniffUtf16(text), "");
  auto r = DecodeToUtf8(le);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->text, text);
  EXPECT_EQ(r->encoding, "UTF-16LE");
  auto b = DecodeToUtf8(be);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->text, text);
}

TEST(Encoding, AStrayNulInTextBecomesAReplacementCharacter) {
  std::string text(300, 'a');
  text[40] = '\0';
  auto r = DecodeToUtf8(text);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->nuls, 1u);
  EXPECT_EQ(r->first_nul, 40u);
  EXPECT_EQ(r->text.substr(39, 5), "a\uFFFDa");
  // Many NULs, or one NUL among control bytes in a file header, are binary.
  EXPECT_EQ(DecodeToUtf8(std::string("ab\0cd", 5)).status().code(), Code::kBinary);
  std::string header = "\x01\x02\x03" + std::string(1, '\0') + std::string(200, 'a');
  EXPECT_EQ(DecodeToUtf8(header).status().code(), Code::kBinary);
}

TEST(Encoding, SniffsHtmlCharset) {
  EXPECT_EQ(SniffHtmlCharset("<html><head><meta charset=\"windows-1251\">"), "windows-1251");
  EXPECT_EQ(SniffHtmlCharset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"),
            "iso-8859-1");
  EXPECT_EQ(SniffHtmlCharset("<p>charset=utf-8 in text</p>"), "");
}

}  // namespace
}  // namespace sitrep
