// @brief MinHash signatures of a document's clean text over word shingles
// (docs/ARCHITECTURE.md, "Near-duplicates").
//
// A shingle is a run of kShingleWords consecutive words of the text's token
// stream (doc/text_tokens.h): letters runs and digit runs, by their folded
// forms (lower case, accents removed), punctuation skipped. The size is the
// same in every language on purpose: a copy must share its shingles with the
// original even when the language vote differs between them (boilerplate in
// another language tips it), so the shingles may not depend on the language
// detected; what is language-specific (case, accents, apostrophes, scripts)
// is in the folding and the token stream. The signature
// keeps, for each of kMinHashSize hash functions, the least hash of any
// shingle; the share of positions where two signatures agree estimates the
// Jaccard similarity of their shingle sets. Hashing is deterministic
// (XXH3 of the folded words, fixed multiply-shift constants), so a signature
// is the same on every machine, thread count and run, and can be stored.
#pragma once

#include <cstddef>
#include <cstdint>

#include "doc/document.h"
#include "doc/text_tokens.h"

namespace sitrep {

// Hash functions per signature (and so the estimate's resolution, 1/128).
inline constexpr size_t kMinHashSize = 128;
// Changes whenever a stored signature would come out different (hash
// constants, shingle rule, kMinHashSize); a stored signature of another
// scheme is recomputed from the stored text (store, `ingest`).
inline constexpr int kSignatureScheme = 1;
// A text with fewer distinct shingles gets no signature: too short to tell a
// copy from a shared phrase.
inline constexpr uint32_t kMinShingles = 8;
// Words per shingle.
inline constexpr size_t kShingleWords = 4;

// The signature of the words of `tokens` (made from `text`). Linear in the
// number of tokens times kMinHashSize.
DocSignature MakeSignature(const TokenStream& tokens);

// The signature of `text` (tokenized here): for documents whose stream was
// dropped (stored documents).
DocSignature MakeSignatureOfText(std::string_view text);

// Estimated Jaccard similarity: the share of equal positions. 0 when either
// signature is empty or their sizes differ.
double EstimateJaccard(const DocSignature& a, const DocSignature& b);

// Estimated containment of the smaller shingle set in the larger one, from
// the Jaccard estimate and the two set sizes: |A∩B| = J (|A|+|B|) / (1+J).
double EstimateContainment(uint32_t a_shingles, uint32_t b_shingles, double jaccard);

}  // namespace sitrep
