// @brief Block: one paragraph-like unit of text during cleaning, with a map
// from its bytes back to the decoded input (for plain-text input).
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "doc/document.h"

namespace sitrep {

inline constexpr uint64_t kUnmapped = std::numeric_limits<uint64_t>::max();

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;
  // anchors[i] = {offset in text, offset in the decoded input (or kUnmapped)};
  // the run from one anchor to the next is a verbatim copy of the input.
  std::vector<std::pair<uint32_t, uint64_t>> anchors;
  bool removed = false;
  std::string reason;  // why removed
  std::string lang = "und";
  bool reliable_lang = false;
  size_t words = 0;
  size_t source_index = 0;  // position among the input's blocks

  // Caches derived from `text`, filled on demand by the cleaner and dropped
  // by Erase(): FoldForMatch(text), its words, and sentence ranges.
  std::string folded;
  std::vector<std::string> folded_words;
  std::vector<std::pair<uint32_t, uint32_t>> sentences;
  bool has_folded = false, has_words = false, has_sentences = false;
  void Invalidate() { has_folded = has_words = has_sentences = false; }

  // Offset in the decoded input of text[pos], or kUnmapped.
  uint64_t SourceAt(size_t pos) const;
  // Removes text[a, b) and keeps the anchors consistent.
  void Erase(size_t a, size_t b);
  // Trims Unicode whitespace at both ends (through Erase).
  void Trim();
};

// Splits plain text into blocks: each non-empty line is a block, except that
// hard-wrapped lines (no final punctuation, next line starts in lower case)
// are joined with a space.
std::vector<Block> SplitTextBlocks(std::string_view text);

size_t CountWords(std::string_view text);

}  // namespace sitrep
