// @brief Encoding detection and conversion.
//
// Policy: valid UTF-8 is taken as is. Bytes that are mostly valid UTF-8 but
// contain broken sequences are an error at the first bad byte: guessing a
// legacy charset there would silently produce mojibake. Only text with no
// valid multi-byte UTF-8 sequence is treated as a legacy encoding, named by
// the container or detected by uchardet, and converted by ICU with a stop
// callback so an unmappable byte is reported, not replaced.
#include "ingest/encoding.h"

#include <uchardet/uchardet.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "base/utf8.h"

namespace sitrep {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Counts well-formed multi-byte sequences and stray bytes >= 0x80.
void CountUtf8Shape(std::string_view s, size_t* good, size_t* bad) {
  *good = *bad = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t rest = s.size() - i;
    size_t bad_at;
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (len > 1 && len <= rest && IsValidUtf8(s.substr(i, len), &bad_at)) {
      ++*good;
      i += len;
    } else {
      ++*bad;
      ++i;
    }
  }
}

}  // namespace

Status CheckNotBinary(std::string_view bytes) {
  size_t controls = 0, nuls = 0, first_nul = 0, head_controls = 0;
  size_t n = std::min<size_t>(bytes.size(), 1 << 16);
  size_t head = std::min<size_t>(n, 1024);
  auto binary_at_nul = [&] {
    return Status(Code::kBinary,
                  "binary data, not text (NUL byte at byte " + std::to_string(first_nul) + ")");
  };
  for (size_t i = 0; i < n; ++i) {
    auto c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) {
      if (nuls++ == 0) first_nul = i;
      if (nuls * 200 > n) return binary_at_nul();
    }
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
      ++controls;
      if (i < head) ++head_controls;
    }
  }
  if (nuls > 0 && first_nul < head && head_controls * 100 > head) return binary_at_nul();
  if (n >= 64 && controls * 10 > n) {
    return Status(Code::kBinary, "binary data, not text (" + std::to_string(controls) +
                                     " control bytes in the first " + std::to_string(n) + ")");
  }
  return Status::Ok();
}

std::string SniffUtf16(std::string_view bytes) {
  size_t units = std::min<size_t>(bytes.size(), 4096) / 2;
  if (units < 8) return "";
  size_t zero_even = 0, zero_odd = 0;
  for (size_t i = 0; i < units; ++i) {
    zero_even += bytes[2 * i] == '\0';
    zero_odd += bytes[2 * i + 1] == '\0';
  }
  auto fits = [&](size_t zero_high, size_t zero_low) {
    return zero_high * 10 >= units && zero_low * 50 <= units;
  };
  if (fits(zero_odd, zero_even)) return "UTF-16LE";
  if (fits(zero_even, zero_odd)) return "UTF-16BE";
  return "";
}

namespace {

Result<DecodedText> ConvertWithIcu(std::string_view bytes, const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(charset.c_str(), &status),
                                                          ucnv_close);
  if (U_FAILURE(status)) {
    return Status(Code::kBadEncoding, "unknown character encoding \"" + charset + "\"");
  }
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::u16string buf(bytes.size() * 2 + 16, u'\0');
  const char* src = bytes.data();
  UChar* dst = reinterpret_cast<UChar*>(buf.data());
  ucnv_toUnicode(conv.get(), &dst, dst + buf.size(), &src, bytes.data() + bytes.size(), nullptr,
                 true, &status);
  if (U_FAILURE(status)) {
    size_t at = static_cast<size_t>(src - bytes.data());
    int8_t len = 8;
    char invalid[8];
    UErrorCode st2 = U_ZERO_ERROR;
    ucnv_getInvalidChars(conv.get(), invalid, &len, &st2);
    if (U_SUCCESS(st2) && len > 0 && static_cast<size_t>(len) <= at) at -= len;
    return Status(Code::kBadEncoding, "byte " + std::to_string(at) + " cannot be decoded as " +
                                          charset);
  }
  buf.resize(static_cast<size_t>(dst - reinterpret_cast<UChar*>(buf.data())));
  // A byte-order mark is not text: offsets count from the first character.
  if (!buf.empty() && buf[0] == 0xFEFF) buf.erase(0, 1);
  DecodedText out;
  // Report the encoding by its IANA/MIME name ("windows-1251"), not ICU's
  // internal converter name ("ibm-5347_P100-1998").
  const char* internal = ucnv_getName(conv.get(), &status);
  UErrorCode name_status = U_ZERO_ERROR;
  const char* iana = ucnv_getStandardName(internal, "MIME", &name_status);
  if (!iana || U_FAILURE(name_status)) {
    name_status = U_ZERO_ERROR;
    iana = ucnv_getStandardName(internal, "IANA", &name_status);
  }
  out.encoding = iana && U_SUCCESS(name_status) ? iana : charset;
  out.text.reserve(buf.size() * 2);
  for (size_t i = 0; i < buf.size(); ++i) {
    char32_t c = buf[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < buf.size() && buf[i + 1] >= 0xDC00 &&
        buf[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (buf[i + 1] - 0xDC00);
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;
    }
    AppendUtf8(&out.text, c);
  }
  return out;
}

std::string Detect(std::string_view bytes) {
  std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> ud(uchardet_new(),
                                                                              uchardet_delete);
  uchardet_handle_data(ud.get(), bytes.data(), std::min<size_t>(bytes.size(), 1 << 20));
  uchardet_data_end(ud.get());
  std::string cs = uchardet_get_charset(ud.get());
  return cs;
}

}  // namespace

size_t ReplaceNuls(std::string* text, size_t* first) {
  size_t at = text->find('\0');
  if (at == std::string::npos) return 0;
  if (first) *first = at;
  std::string out(*text, 0, at);
  out.reserve(text->size() + 16);
  size_t count = 0;
  for (size_t i = at; i < text->size(); ++i) {
    if ((*text)[i] == '\0') {
      out += "\xEF\xBF\xBD";
      ++count;
    } else {
      out += (*text)[i];
    }
  }
  *text = std::move(out);
  return count;
}

std::string SniffHtmlCharset(std::string_view html) {
  std::string head = Lower(html.substr(0, 4096));
  size_t pos = 0;
  while ((pos = head.find("charset", pos)) != std::string::npos) {
    size_t meta = head.rfind("<meta", pos);
    size_t close = head.rfind('>', pos);
    pos += 7;
    if (meta == std::string::npos || (close != std::string::npos && close > meta)) continue;
    size_t i = pos;
    while (i < head.size() && (head[i] == ' ' || head[i] == '=')) ++i;
    while (i < head.size() && (head[i] == '"' || head[i] == '\'')) ++i;
    size_t j = i;
    while (j < head.size() && (std::isalnum(static_cast<unsigned char>(head[j])) ||
                               head[j] == '-' || head[j] == '_' || head[j] == ':' || head[j] == '.')) {
      ++j;
    }
    if (j > i) return head.substr(i, j - i);
  }
  return "";
}

namespace {

DecodedText WithoutNuls(DecodedText d) {
  d.nuls = ReplaceNuls(&d.text, &d.first_nul);
  return d;
}

Result<DecodedText> DecodeUtf16(std::string_view bytes, const std::string& charset) {
  Result<DecodedText> d = ConvertWithIcu(bytes, charset);
  if (!d.ok()) return d;
  SITREP_RETURN_IF_ERROR(CheckNotBinary(d->text));
  return WithoutNuls(std::move(d).value());
}

Result<DecodedText> Decode(std::string_view bytes, std::string_view declared) {
  size_t bad_at = 0;
  if (IsValidUtf8(bytes, &bad_at)) return DecodedText{std::string(bytes), "UTF-8"};

  std::string want = Lower(declared);
  bool declared_utf8 = want == "utf-8" || want == "utf8";
  size_t good = 0, bad = 0;
  CountUtf8Shape(bytes, &good, &bad);
  if (declared_utf8 || (good > 0 && good >= bad)) {
    return Status(Code::kBadEncoding, "invalid UTF-8 at byte " + std::to_string(bad_at));
  }
  std::string charset = want;
  if (charset.empty() || charset == "us-ascii" || charset == "ascii") charset = Lower(Detect(bytes));
  if (charset.empty() || charset == "ascii" || charset == "utf-8") {
    return Status(Code::kBadEncoding, "invalid UTF-8 at byte " + std::to_string(bad_at) +
                                          " and no other encoding fits");
  }
  // Web pages labelled iso-8859-1 are in practice windows-1252 (WHATWG rule).
  if (charset == "iso-8859-1" || charset == "latin1") charset = "windows-1252";
  return ConvertWithIcu(bytes, charset);
}

}  // namespace

Result<DecodedText> DecodeToUtf8(std::string_view bytes, std::string_view declared) {
  // Byte-order marks name the encoding outright.
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    return DecodeUtf16(bytes, bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE");
  }
  if (std::string utf16 = SniffUtf16(bytes); !utf16.empty()) return DecodeUtf16(bytes, utf16);
  SITREP_RETURN_IF_ERROR(CheckNotBinary(bytes));
  Result<DecodedText> d = Decode(bytes, declared);
  if (!d.ok()) return d;
  return WithoutNuls(std::move(d).value());
}

}  // namespace sitrep
