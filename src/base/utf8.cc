// @brief UTF-8 helpers. Validation follows RFC 3629 (Table 3-7 of Unicode).
#include "base/utf8.h"

namespace sitrep {

bool IsValidUtf8(std::string_view s, size_t* bad_offset) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    if (i + len > n || p[i + 1] < lo || p[i + 1] > hi) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    for (size_t k = 2; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) {
        if (bad_offset) *bad_offset = i;
        return false;
      }
    }
    i += len;
  }
  return true;
}

char32_t NextCodePoint(std::string_view s, size_t* pos) {
  auto c = static_cast<unsigned char>(s[*pos]);
  if (c < 0x80) {
    ++*pos;
    return c;
  }
  int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  char32_t cp = c & (0x3F >> (len - 1));
  for (int k = 1; k < len && *pos + k < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[*pos + k]) & 0x3F);
  }
  *pos += len;
  return cp;
}

char32_t PrevCodePoint(std::string_view s, size_t* pos) {
  size_t p = *pos;
  do {
    --p;
  } while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80);
  size_t q = p;
  char32_t c = NextCodePoint(s, &q);
  *pos = p;
  return c;
}

void AppendUtf8(std::string* out, char32_t c) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string ToValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t bad = 0;
  while (!s.empty()) {
    if (IsValidUtf8(s, &bad)) bad = s.size();
    out.append(s.substr(0, bad));
    if (bad == s.size()) break;
    AppendUtf8(&out, 0xFFFD);
    s.remove_prefix(bad + 1);
  }
  return out;
}

std::string EscapeControls(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (c >= 0x80 && (i + len > s.size() || !IsValidUtf8(s.substr(i, len)))) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
      ++i;
      continue;
    }
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else if (c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) {  // C1 control
      out += "\\u00";
      out += kHex[(static_cast<unsigned char>(s[i + 1]) >> 4) & 15];
      out += kHex[s[i + 1] & 15];
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

CodePointIndex::CodePointIndex(std::string_view text) : text_(text) {
  checkpoints_.reserve(text.size() / 256 + 1);
  uint32_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i % 256 == 0) checkpoints_.push_back(count);
    count += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
}

uint32_t CodePointIndex::ToCodePoint(size_t byte_offset) const {
  size_t block = byte_offset / 256;
  if (block >= checkpoints_.size()) {
    return static_cast<uint32_t>(CountCodePoints(text_.substr(0, byte_offset)));
  }
  uint32_t count = checkpoints_[block];
  for (size_t i = block * 256; i < byte_offset; ++i) {
    count += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
  }
  return count;
}

bool IsSpace(char32_t c) {
  switch (c) {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000: case 0x200B: case 0xFEFF:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

}  // namespace sitrep
