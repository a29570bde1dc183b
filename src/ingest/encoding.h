// @brief Turning input bytes into UTF-8: BOMs, binary detection, legacy
// encodings (uchardet + ICU converters), and precise errors.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace sitrep {

struct DecodedText {
  std::string text;      // valid UTF-8, BOM removed, no NUL characters
  std::string encoding;  // what the input was: "UTF-8", "windows-1251", "UTF-16LE", ...
  size_t nuls = 0;       // NUL characters replaced by U+FFFD
  size_t first_nul = 0;  // byte offset in `text` of the first of them
};

// Decodes `bytes`. `declared` is a charset the container named (HTML meta,
// HTTP header) or empty. UTF-16 is recognised by its byte-order mark, or
// without one by the pattern of NUL bytes at even or odd positions. A stray
// NUL character in text (not binary by CheckNotBinary) becomes U+FFFD and is
// counted in `nuls`: it would end C strings and split words in the index.
// Errors:
//   kBinary       NUL bytes or mostly control characters ("binary data: NUL byte at byte 17")
//   kBadEncoding  UTF-8 with broken sequences, or bytes the detected charset
//                 cannot map ("invalid UTF-8 at byte 1234")
Result<DecodedText> DecodeToUtf8(std::string_view bytes, std::string_view declared = {});

// kBinary when `bytes` look like binary data, with where; OK otherwise. In
// the first 64 KiB: NUL bytes making up more than 1 in 200 bytes, more than
// 10% control bytes, or a NUL byte in the first KiB when control bytes there
// are more than 1 in 100 (file headers). One stray NUL in text is not binary.
Status CheckNotBinary(std::string_view bytes);

// "UTF-16LE" or "UTF-16BE" when `bytes` (no byte-order mark) look like UTF-16
// text: in the first 4 KiB, at least 10% of the units have a NUL high byte
// and at most 2% a NUL low byte, as text in Latin, Cyrillic or Greek script
// has (spaces, digits, punctuation). Empty otherwise.
std::string SniffUtf16(std::string_view bytes);

// Replaces every NUL character of `text` with U+FFFD; returns how many there
// were, and sets *first (when given) to the byte offset of the first.
size_t ReplaceNuls(std::string* text, size_t* first = nullptr);

// The charset named by <meta charset> or <meta http-equiv content-type> in the
// first 4 KiB of an HTML document; empty when none.
std::string SniffHtmlCharset(std::string_view html);

}  // namespace sitrep
