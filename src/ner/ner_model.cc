// @brief Writing, reading and checking named-entity model files.
#include "ner/ner_model.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "base/file_io.h"
#include "base/hash.h"

namespace sitrep {

namespace {

// Header layout, little-endian (docs/formats/ner-model.md).
constexpr size_t kHeaderBytes = 64;
constexpr size_t kLangBytes = 8;
constexpr uint32_t kMaxRows = 1u << 24;
constexpr size_t kMaxModelBytes = 256u << 20;

void PutU32(std::string* s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void PutU64(std::string* s, uint64_t v) {
  for (int i = 0; i < 8; ++i) s->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
uint32_t GetU32(std::string_view s, size_t at) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= uint32_t{static_cast<unsigned char>(s[at + i])} << (8 * i);
  return v;
}
uint64_t GetU64(std::string_view s, size_t at) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= uint64_t{static_cast<unsigned char>(s[at + i])} << (8 * i);
  return v;
}

Status Corrupt(const std::string& name, const std::string& what) {
  return Status(Code::kCorruption, name + ": not a usable NER model: " + what);
}

}  // namespace

NerModel NerModel::FromFloat(std::string lang, uint32_t rows, uint32_t flags,
                             const std::vector<float>& emissions,
                             const std::vector<float>& transitions) {
  NerModel m;
  m.lang_ = std::move(lang);
  m.rows_ = rows;
  m.flags_ = flags;
  float max_abs = 0;
  for (float w : emissions) max_abs = std::max(max_abs, std::fabs(w));
  m.scale_ = max_abs > 0 ? 32000.0f / max_abs : 1.0f;
  std::vector<int16_t> weights(emissions.size());
  for (size_t i = 0; i < emissions.size(); ++i) {
    weights[i] = static_cast<int16_t>(std::lround(emissions[i] * m.scale_));
  }
  m.Pack(weights);
  m.transitions_.resize(transitions.size());
  for (size_t i = 0; i < transitions.size(); ++i) {
    m.transitions_[i] = static_cast<int32_t>(std::lround(transitions[i] * m.scale_));
  }
  return m;
}

void NerModel::Pack(const std::vector<int16_t>& weights) {
  blocks_.assign((size_t{rows_} + 63) / 64, RowBlock());
  packed_.clear();
  size_t stored = 0;
  for (uint32_t r = 0; r < rows_; ++r) {
    const int16_t* w = weights.data() + size_t{r} * kNerLanes;
    RowBlock& b = blocks_[r >> 6];
    if ((r & 63) == 0) b.rank = stored;
    if (std::all_of(w, w + kNerLanes, [](int16_t x) { return x == 0; })) continue;
    b.present |= uint64_t{1} << (r & 63);
    packed_.insert(packed_.end(), w, w + kNerLanes);
    ++stored;
  }
  packed_.shrink_to_fit();
}

Result<std::string> NerModel::Serialize() const {
  std::string raw;
  raw.reserve(transitions_.size() * 4 + size_t{rows_} * kNerLanes * 2);
  for (int32_t t : transitions_) PutU32(&raw, static_cast<uint32_t>(t));
  for (uint32_t r = 0; r < rows_; ++r) {
    const int16_t* w = Row(r);
    for (int t = 0; t < kNerLanes; ++t) {
      uint16_t u = static_cast<uint16_t>(w ? w[t] : int16_t{0});
      raw.push_back(static_cast<char>(u & 0xff));
      raw.push_back(static_cast<char>(u >> 8));
    }
  }
  uLongf packed_size = compressBound(raw.size());
  std::string packed(packed_size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size,
                reinterpret_cast<const Bytef*>(raw.data()), raw.size(), 9) != Z_OK) {
    return Status::Internal("NER model: zlib compress failed");
  }
  packed.resize(packed_size);
  std::string out(kNerModelMagic, sizeof(kNerModelMagic));
  PutU32(&out, kNerModelVersion);
  std::string lang = lang_.substr(0, kLangBytes);
  lang.resize(kLangBytes, '\0');
  out += lang;
  PutU32(&out, rows_);
  PutU32(&out, kNerTags);
  PutU32(&out, flags_);
  uint32_t scale_bits;
  std::memcpy(&scale_bits, &scale_, 4);
  PutU32(&out, scale_bits);
  PutU32(&out, static_cast<uint32_t>(packed.size()));
  PutU32(&out, static_cast<uint32_t>(raw.size()));
  PutU64(&out, Hash64(raw));
  out.resize(kHeaderBytes, '\0');
  out += packed;
  return out;
}

Result<NerModel> NerModel::Load(const std::string& path) {
  Result<std::string> bytes = ReadFileLimited(path, kMaxModelBytes);
  if (!bytes.ok()) {
    return Status(bytes.status().code(),
                  path + ": cannot read the NER model: " + bytes.status().message());
  }
  return FromBytes(*bytes, path);
}

Result<NerModel> NerModel::FromBytes(std::string_view bytes, const std::string& name) {
  if (bytes.size() < kHeaderBytes) {
    return Corrupt(name, "file of " + std::to_string(bytes.size()) +
                             " bytes is shorter than the 64-byte header");
  }
  if (std::memcmp(bytes.data(), kNerModelMagic, sizeof(kNerModelMagic)) != 0) {
    return Corrupt(name, "bad magic (not a sitrep NER model file)");
  }
  uint32_t version = GetU32(bytes, 8);
  if (version != kNerModelVersion) {
    return Status(Code::kUnsupported, name + ": NER model version " + std::to_string(version) +
                                          ", this build reads version " +
                                          std::to_string(kNerModelVersion) + " (retrain it)");
  }
  NerModel m;
  std::string_view lang = bytes.substr(12, kLangBytes);
  m.lang_ = std::string(lang.substr(0, lang.find('\0')));
  m.rows_ = GetU32(bytes, 20);
  uint32_t tags = GetU32(bytes, 24);
  m.flags_ = GetU32(bytes, 28);
  uint32_t scale_bits = GetU32(bytes, 32);
  std::memcpy(&m.scale_, &scale_bits, 4);
  uint32_t packed_size = GetU32(bytes, 36);
  uint32_t raw_size = GetU32(bytes, 40);
  uint64_t checksum = GetU64(bytes, 44);
  if (m.rows_ == 0 || m.rows_ > kMaxRows || (m.rows_ & (m.rows_ - 1)) != 0) {
    return Corrupt(name,
                   "feature rows " + std::to_string(m.rows_) + " is not a power of two up to 2^24");
  }
  if (tags != kNerTags) {
    return Corrupt(name,
                   "tag count " + std::to_string(tags) + ", expected " + std::to_string(kNerTags));
  }
  if (m.lang_.empty()) return Corrupt(name, "no language in the header");
  if (!(m.scale_ > 0) || !std::isfinite(m.scale_)) return Corrupt(name, "bad weight scale");
  size_t want_raw = size_t{kNerLanes} * kNerLanes * 4 + size_t{m.rows_} * kNerLanes * 2;
  if (raw_size != want_raw) {
    return Corrupt(name, "weights of " + std::to_string(raw_size) + " bytes, expected " +
                             std::to_string(want_raw) + " for " + std::to_string(m.rows_) +
                             " rows");
  }
  if (bytes.size() - kHeaderBytes != packed_size) {
    return Corrupt(name, "truncated or padded: " + std::to_string(bytes.size() - kHeaderBytes) +
                             " bytes after the header, the header says " +
                             std::to_string(packed_size));
  }
  std::string raw(raw_size, '\0');
  uLongf got = raw_size;
  if (uncompress(reinterpret_cast<Bytef*>(raw.data()), &got,
                 reinterpret_cast<const Bytef*>(bytes.data() + kHeaderBytes),
                 packed_size) != Z_OK ||
      got != raw_size) {
    return Corrupt(name, "the compressed weights do not inflate (damaged file)");
  }
  if (Hash64(raw) != checksum) return Corrupt(name, "checksum mismatch (damaged file)");
  m.transitions_.resize(size_t{kNerLanes} * kNerLanes);
  for (size_t i = 0; i < m.transitions_.size(); ++i) {
    m.transitions_[i] = static_cast<int32_t>(GetU32(raw, i * 4));
  }
  size_t base = m.transitions_.size() * 4;
  std::vector<int16_t> weights(size_t{m.rows_} * kNerLanes);
  for (size_t i = 0; i < weights.size(); ++i) {
    uint16_t u = static_cast<uint16_t>(static_cast<unsigned char>(raw[base + 2 * i]) |
                                       (static_cast<unsigned char>(raw[base + 2 * i + 1]) << 8));
    weights[i] = static_cast<int16_t>(u);
  }
  m.Pack(weights);
  return m;
}

}  // namespace sitrep
