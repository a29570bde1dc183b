// @brief Turning input bytes into UTF-8: BOMs, binary detection, legacy
// encodings (uchardet + ICU converters), and precise errors.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace sitrep {

struct DecodedText {
  std::string text;      // valid UTF-8, BOM removed
  std::string encoding;  // what the input was: "UTF-8", "windows-1251", ...
};

// Decodes `bytes`. `declared` is a charset the container named (HTML meta,
// HTTP header) or empty. Errors:
//   kBinary       NUL bytes or mostly control characters ("binary data: NUL byte at byte 17")
//   kBadEncoding  UTF-8 with broken sequences, or bytes the detected charset
//                 cannot map ("invalid UTF-8 at byte 1234")
Result<DecodedText> DecodeToUtf8(std::string_view bytes, std::string_view declared = {});

// kBinary when `bytes` look like binary data (NUL bytes early or often, or
// mostly control characters), with where; OK otherwise.
Status CheckNotBinary(std::string_view bytes);

// The charset named by <meta charset> or <meta http-equiv content-type> in the
// first 4 KiB of an HTML document; empty when none.
std::string SniffHtmlCharset(std::string_view html);

}  // namespace sitrep
