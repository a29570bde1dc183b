// @brief NerModel: the weights of the named-entity tagger and their file
// (docs/formats/ner-model.md): a fixed header (magic, version, language,
// feature rows, flags, weight scale, checksum) and the zlib-compressed
// weights, quantised to 16 bits.
//
// Thread-safety: a loaded NerModel is immutable; share it freely.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ner/conll_reader.h"

namespace sitrep {

// Bumped whenever the file layout or the meaning of the features changes;
// the loader refuses other versions.
inline constexpr uint32_t kNerModelVersion = 1;
inline constexpr char kNerModelMagic[8] = {'S', 'R', 'N', 'E', 'R', 'M', 'D', '\n'};

// Weights per feature row: one per tag, padded to a power of two.
inline constexpr int kNerLanes = 8;
// The transition table's row of the sentence start (no previous tag).
inline constexpr int kNerStartTag = 7;

class NerModel {
 public:
  // Flags of the header.
  enum Flag : uint32_t { kUsesKb = 1 };  // trained with knowledge-base features

  // Quantises float weights (rows * kNerLanes emissions, kNerLanes^2
  // transitions indexed [prev * kNerLanes + cur]).
  static NerModel FromFloat(std::string lang, uint32_t rows, uint32_t flags,
                            const std::vector<float>& emissions,
                            const std::vector<float>& transitions);
  // Reads a model file. Errors name the file and what is wrong: NotFound,
  // kCorruption (bad magic, truncated, checksum mismatch, bad sizes),
  // kUnsupported (another version).
  static Result<NerModel> Load(const std::string& path);
  static Result<NerModel> FromBytes(std::string_view bytes, const std::string& name);
  // The file image; the same model gives the same bytes.
  Result<std::string> Serialize() const;

  const std::string& lang() const { return lang_; }
  uint32_t rows() const { return rows_; }
  uint32_t flags() const { return flags_; }
  float scale() const { return scale_; }  // quantised = round(weight * scale)
  // The kNerLanes weights of feature row `r`, or null when they are all zero
  // (a row no training sentence touched: most of the table).
  const int16_t* Row(uint32_t r) const {
    const RowBlock& b = blocks_[r >> 6];
    uint64_t bit = uint64_t{1} << (r & 63);
    if (!(b.present & bit)) return nullptr;
    return packed_.data() + (b.rank + PopCount(b.present & (bit - 1))) * size_t{kNerLanes};
  }
  const int32_t* transitions() const { return transitions_.data(); }
  size_t MemoryBytes() const {
    return packed_.size() * sizeof(int16_t) + blocks_.size() * sizeof(RowBlock) +
           transitions_.size() * sizeof(int32_t);
  }

 private:
  NerModel() = default;
  // Keeps the rows of `weights` (rows_ * kNerLanes) that are not all zero.
  void Pack(const std::vector<int16_t>& weights);
  // Portable (no popcnt instruction needed) and branch-free.
  static uint32_t PopCount(uint64_t x) {
    x -= (x >> 1) & 0x5555555555555555ull;
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
    return static_cast<uint32_t>((x * 0x0101010101010101ull) >> 56);
  }
  // 64 rows: which of them are stored, and how many stored rows come before
  // (16 bytes per 64 rows, small enough to stay in cache).
  struct RowBlock {
    uint64_t present = 0;
    uint64_t rank = 0;
  };
  std::string lang_;
  uint32_t rows_ = 0;
  uint32_t flags_ = 0;
  float scale_ = 1;
  std::vector<int16_t> packed_;       // the non-zero rows, in row order, kNerLanes each
  std::vector<RowBlock> blocks_;      // (rows_ + 63) / 64
  std::vector<int32_t> transitions_;  // kNerLanes * kNerLanes
};

// Viterbi over IOB2 tags with the rule that I-X follows only B-X or I-X.
// `emit` holds n * kNerLanes scores, `trans` kNerLanes^2 ([prev][cur], prev
// kNerStartTag at the first token). Writes n tags to `out`.
template <typename S>
void NerViterbi(size_t n, const S* emit, const S* trans, uint8_t* out);

}  // namespace sitrep

#include "ner/ner_viterbi.inc"
