// @brief NerFeatures: the features of each token of a sentence for the
// named-entity tagger, hashed into rows of a fixed weight table; and
// NerGazetteer, the knowledge base's names as token-sequence features.
//
// Features (docs/NER.md lists them with their reasons): the word as written
// and folded (lower case, no accents: the KB's MatchKey folding), its
// prefixes and suffixes of 1 to 4 code points, its shape and capitalisation,
// its position in the sentence, the folded words at -2..+2 and two bigrams,
// the shapes around it, and the knowledge base: whether the token begins or
// continues the longest KB name of each type at that point, and whether it is
// a KB name alone. The KB's names are features the weights judge, never
// decisions. A feature is a 64-bit hash of (template, value); its row is the
// hash modulo the table size, so the model's size does not grow with the
// vocabulary (collisions share a row).
//
// Thread-safety: a built NerFeatures and NerGazetteer are immutable; share them.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace sitrep {

class KnowledgeBase;
class NerModel;

// Names of the knowledge base, keyed by the hash of their folded word
// sequence. Each key carries the types of the names it is (bits 0-2: PER,
// ORG, LOC; bits 4-6: the same when the only such aliases are also common
// words; GeoNames' untagged alternate names count as plain names)
// and whether it starts a longer name (bit 3), which lets a longest-match walk
// stop early.
class NerGazetteer {
 public:
  static constexpr uint16_t kPrefixBit = 8;
  static constexpr int kCommonShift = 4;
  static constexpr uint16_t kNameBits = 0x77;  // every type bit

  // Every alias of `kb` in language `lang` or in no particular language.
  static std::unique_ptr<NerGazetteer> FromKb(const KnowledgeBase& kb, std::string_view lang);

  // The bits of `key` (a WordSeqHash), 0 when it is no name and no prefix.
  uint16_t Lookup(uint64_t key) const;
  size_t size() const { return entries_; }
  size_t MemoryBytes() const { return (table_.size() + bloom_.size()) * sizeof(uint64_t); }

  // The key of a word sequence, built word by word: Extend(Extend(kStart, a), b).
  static constexpr uint64_t kStart = 0x9e3779b97f4a7c15ull;
  static uint64_t Extend(uint64_t key, uint64_t word_hash);

 private:
  void Add(uint64_t key, uint16_t bits);
  void Grow();
  void BuildFilter();
  std::vector<uint64_t> table_;  // (key & ~0xffff) | bits; 0 is empty
  // A blocked Bloom filter of the keys (two bits in one word, about 8 bits
  // per key): most words are no name, and the filter, small enough to stay in
  // cache, says so without touching the table.
  std::vector<uint64_t> bloom_;
  size_t entries_ = 0;
};

// The hash of a byte string (words, feature values).
uint64_t NerHash(std::string_view s, uint64_t seed = 0);

// Folds words the way the knowledge base's MatchKey does (lower case, no
// accents, letters and digits only), code point by code point from a table
// built once with ICU.
class NerFolder {
 public:
  static const NerFolder& Get();
  // Appends the folded form of `token` to `out`; a code point that is not a
  // letter or digit becomes one space (separating words). Returns the shape
  // class bits of the token (kUpper, kLower, kDigit, kOther present).
  enum : uint8_t { kUpper = 1, kLower = 2, kDigit = 4, kOther = 8, kFirstUpper = 16 };
  uint8_t Fold(std::string_view token, std::string* out, std::string* shape) const;

 private:
  NerFolder();
  static constexpr char32_t kTableSize = 0x800;
  // For code points below kTableSize: folded UTF-8 (empty: separator, or a
  // mark to drop when mark_[c]), and its class.
  std::vector<std::string> fold_;
  std::vector<uint8_t> cls_;
  std::vector<uint8_t> mark_;
};

// The feature rows of one sentence: rows[start[i] .. start[i + 1]) for token i.
struct NerSentenceFeatures {
  std::vector<uint32_t> rows;
  std::vector<uint32_t> start;  // one more than tokens
};

class NerFeatures {
 public:
  // `rows` is the weight table size, a power of two. `gazetteer` may be null
  // (no knowledge-base features).
  NerFeatures(uint32_t rows, const NerGazetteer* gazetteer);
  // The rows of every token of `tokens`, in order.
  void Extract(const std::vector<std::string_view>& tokens, NerSentenceFeatures* out) const;
  // For tagging: the score of each tag of each token (kNerLanes per token),
  // the sum of the weights in `model` of the rows Extract gives it (rows
  // all zero are skipped without a load). `emit` is grown to at
  // least that size, never shrunk. The same integers as
  // summing Extract's rows, found faster: the rows of a token alone (word,
  // affixes, shape) are summed once per word and kept in a small per-thread
  // cache of recent words.
  void Score(const std::vector<std::string_view>& tokens, const NerModel& model,
             std::vector<int32_t>* emit) const;

 private:
  uint32_t mask_;
  const NerGazetteer* gaz_;
  uint64_t id_;  // unique per instance: the token cache's owner
};

}  // namespace sitrep
