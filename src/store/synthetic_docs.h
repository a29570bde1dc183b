// @brief Deterministic synthetic documents for store tests, the crash helper and timing.
#pragma once

#include <cstddef>

#include "doc/document.h"

namespace sitrep {

// Document `index` of batch `batch`: same arguments, same document (and id).
// It has 1 + (batch + index) % 5 paragraphs of two sentences each, roughly
// `text_bytes` bytes of text in total, and contains the word "synthetic"
// plus the unique word "b<batch>d<index>" for FTS checks.
Document SyntheticDocument(size_t batch, size_t index, size_t text_bytes = 600);

// Expected part counts of a synthetic document, read from its title
// ("synthetic b3d7 p4 s8"); false when `doc` is not synthetic.
bool SyntheticCounts(const std::string& title, size_t* paragraphs, size_t* sentences);

}  // namespace sitrep
