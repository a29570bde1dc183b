// @brief MinHash signatures: word shingles, multiply-shift hash family.
#include "dedup/minhash.h"

#include <algorithm>
#include <array>
#include <limits>
#include <vector>

#include "base/hash.h"

namespace sitrep {
namespace {

// splitmix64: a fixed, portable mixer for the constants and shingle hashes.
uint64_t Mix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// The hash family h_i(s) = high 32 bits of (a_i * s + b_i) mod 2^64, a_i odd:
// multiply-shift hashing of the 64-bit shingle hash. Constants drawn once from
// splitmix64 with a fixed seed: part of kSignatureScheme.
struct HashFamily {
  std::array<uint64_t, kMinHashSize> a, b;
  HashFamily() {
    uint64_t state = 0x5349545245504D48ULL;  // fixed seed
    for (size_t i = 0; i < kMinHashSize; ++i) {
      a[i] = Mix64(state++) | 1;
      b[i] = Mix64(state++);
    }
  }
};

const HashFamily& Family() {
  static const HashFamily family;
  return family;
}

bool IsWord(const TextToken& t) { return t.cls != TokenClass::kOther; }

}  // namespace

DocSignature MakeSignature(const TokenStream& tokens) {
  const size_t k = kShingleWords;
  std::vector<uint64_t> words;
  words.reserve(tokens.tokens.size());
  for (const TextToken& t : tokens.tokens) {
    if (IsWord(t)) words.push_back(Hash64(tokens.Folded(t)));
  }
  // Shingle hashes, order-sensitive; a text shorter than k words is one shingle.
  std::vector<uint64_t> shingles;
  const size_t n = words.size() >= k ? words.size() - k + 1 : (words.empty() ? 0 : 1);
  shingles.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    uint64_t h = 0;
    for (size_t j = i; j < i + k && j < words.size(); ++j)
      h = Mix64(h * 0x100000001B3ULL ^ words[j]);
    shingles.push_back(h);
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  DocSignature sig;
  sig.scheme = kSignatureScheme;
  sig.shingles = static_cast<uint32_t>(shingles.size());
  if (sig.shingles < kMinShingles) return sig;
  const HashFamily& f = Family();
  std::array<uint32_t, kMinHashSize> mins;
  mins.fill(std::numeric_limits<uint32_t>::max());
  for (uint64_t s : shingles) {
    for (size_t i = 0; i < kMinHashSize; ++i) {
      const uint32_t v = static_cast<uint32_t>((f.a[i] * s + f.b[i]) >> 32);
      mins[i] = std::min(mins[i], v);
    }
  }
  sig.minhash.assign(mins.begin(), mins.end());
  return sig;
}

DocSignature MakeSignatureOfText(std::string_view text) {
  return MakeSignature(TokenizeText(text));
}

double EstimateJaccard(const DocSignature& a, const DocSignature& b) {
  if (a.minhash.empty() || a.minhash.size() != b.minhash.size()) return 0;
  size_t equal = 0;
  for (size_t i = 0; i < a.minhash.size(); ++i) equal += a.minhash[i] == b.minhash[i];
  return static_cast<double>(equal) / static_cast<double>(a.minhash.size());
}

double EstimateContainment(uint32_t a_shingles, uint32_t b_shingles, double jaccard) {
  const double small = std::min(a_shingles, b_shingles);
  if (small <= 0) return 0;
  const double inter =
      jaccard * (static_cast<double>(a_shingles) + static_cast<double>(b_shingles)) / (1 + jaccard);
  return std::min(1.0, inter / small);
}

}  // namespace sitrep
