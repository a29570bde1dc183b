// @brief Block editing and plain-text block splitting.
#include "clean/block.h"

#include <unicode/uchar.h>

#include "base/utf8.h"

namespace sitrep {

uint64_t Block::SourceAt(size_t pos) const {
  for (size_t i = anchors.size(); i-- > 0;) {
    if (anchors[i].first <= pos) {
      return anchors[i].second == kUnmapped ? kUnmapped : anchors[i].second + (pos - anchors[i].first);
    }
  }
  return kUnmapped;
}

void Block::Erase(size_t a, size_t b) {
  if (b <= a) return;
  size_t len = b - a;
  // Source offset of the byte at b (before erasing), to anchor the seam.
  uint64_t src_b = kUnmapped;
  for (size_t i = 0; i < anchors.size(); ++i) {
    size_t start = anchors[i].first;
    size_t end = i + 1 < anchors.size() ? anchors[i + 1].first : text.size();
    if (b >= start && b < end) {
      src_b = anchors[i].second == kUnmapped ? kUnmapped : anchors[i].second + (b - start);
      break;
    }
  }
  std::vector<std::pair<uint32_t, uint64_t>> out;
  for (const auto& an : anchors) {
    if (an.first < a) out.push_back(an);
  }
  if (b < text.size()) {
    if (out.empty() || out.back().first != a) out.emplace_back(static_cast<uint32_t>(a), src_b);
    else out.back().second = src_b;
    for (const auto& an : anchors) {
      if (an.first > b) out.emplace_back(static_cast<uint32_t>(an.first - len), an.second);
    }
  }
  anchors = std::move(out);
  text.erase(a, len);
  Invalidate();
}

void Block::Trim() {
  size_t a = 0;
  while (a < text.size()) {
    size_t p = a;
    if (!IsSpace(NextCodePoint(text, &p))) break;
    a = p;
  }
  Erase(0, a);
  size_t b = text.size();
  while (b > 0) {
    size_t p = b;
    if (!IsSpace(PrevCodePoint(text, &p))) break;
    b = p;
  }
  Erase(b, text.size());
}

size_t CountWords(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (size_t p = 0; p < text.size();) {
    auto b = static_cast<unsigned char>(text[p]);
    bool w;
    if (b < 0x80) {
      ++p;
      w = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
    } else {
      w = u_isalnum(static_cast<UChar32>(NextCodePoint(text, &p)));
    }
    if (w && !in_word) ++words;
    in_word = w;
  }
  return words;
}

namespace {

bool EndsSentence(std::string_view line) {
  size_t p = line.size();
  while (p > 0) {
    size_t q = p;
    char32_t c = PrevCodePoint(line, &q);
    if (IsSpace(c)) {
      p = q;
      continue;
    }
    switch (c) {
      case '.': case '!': case '?': case ':': case ';': case ')': case '"':
      case 0xBB: case 0x201D: case 0x2026:
        return true;
      default:
        return false;
    }
  }
  return false;
}

bool StartsLower(std::string_view line) {
  for (size_t p = 0; p < line.size();) {
    char32_t c = NextCodePoint(line, &p);
    if (IsSpace(c)) continue;
    return u_islower(static_cast<UChar32>(c));
  }
  return false;
}

}  // namespace

std::vector<Block> SplitTextBlocks(std::string_view text) {
  std::vector<Block> blocks;
  size_t pos = 0;
  bool prev_blank = true;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    Block b;
    b.text = std::string(line);
    b.anchors.emplace_back(0, pos);
    b.Trim();
    if (b.text.empty()) {
      prev_blank = true;
    } else {
      bool join = !prev_blank && !blocks.empty() && !EndsSentence(blocks.back().text) &&
                  StartsLower(b.text) && blocks.back().text.size() > 40;
      if (join) {
        Block& last = blocks.back();
        uint32_t seam = static_cast<uint32_t>(last.text.size());
        last.text.push_back(' ');
        last.anchors.emplace_back(seam, kUnmapped);
        for (const auto& an : b.anchors) {
          last.anchors.emplace_back(static_cast<uint32_t>(an.first + seam + 1), an.second);
        }
        last.text += b.text;
      } else {
        b.source_index = blocks.size();
        blocks.push_back(std::move(b));
      }
      prev_blank = false;
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return blocks;
}

}  // namespace sitrep
