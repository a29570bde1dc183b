// @brief DuplicateIndex: LSH banding over MinHash signatures, verified by
// estimated Jaccard similarity and containment.
#include "dedup/duplicate_index.h"

#include <algorithm>
#include <cmath>

#include "dedup/minhash.h"

namespace sitrep {
namespace {

static_assert(kBands * kRows == kMinHashSize, "bands must cover the signature");
static_assert(kSingleBands <= kMinHashSize, "one-value bands lie in the signature");

uint64_t Mix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// Bands [0, kBands): kRows values each; then kSingleBands bands of one value.
uint64_t BandKey(const uint32_t* sig, size_t band) {
  uint64_t h = Mix64(band + 1);
  if (band >= kBands) return Mix64(h ^ sig[band - kBands]);
  for (size_t r = 0; r < kRows; ++r) h = Mix64(h ^ sig[band * kRows + r]);
  return h;
}

double Round3(double x) { return std::round(x * 1000) / 1000; }

bool IsCopy(double j, double c) {
  return j >= kDuplicateJaccard || (c >= kDuplicateContainment && j >= kDuplicateMinJaccard);
}

bool Shares(double j, double c) {
  return j >= kSharesJaccard || (c >= kSharesContainment && j >= kSharesMinJaccard);
}

}  // namespace

DuplicateIndex::DuplicateIndex() : keys_(1024), heads_(1024, 0) {}
DuplicateIndex::~DuplicateIndex() = default;

size_t DuplicateIndex::Slot(uint64_t key) const {
  const size_t mask = keys_.size() - 1;
  size_t i = static_cast<size_t>(key) & mask;
  while (heads_[i] != 0 && keys_[i] != key) i = (i + 1) & mask;
  return i;
}

void DuplicateIndex::Grow() {
  std::vector<uint64_t> keys(keys_.size() * 2);
  std::vector<uint32_t> heads(heads_.size() * 2, 0);
  keys.swap(keys_);
  heads.swap(heads_);
  for (size_t i = 0; i < keys.size(); ++i) {
    if (heads[i] == 0) continue;
    const size_t s = Slot(keys[i]);
    keys_[s] = keys[i];
    heads_[s] = heads[i];
  }
}

uint32_t DuplicateIndex::Append(std::string_view id, const DocSignature& sig, uint32_t root) {
  const uint32_t doc = static_cast<uint32_t>(ids_.size());
  ids_.emplace_back(id);
  by_id_.emplace(std::string(id), doc);
  const bool has = sig.minhash.size() == kMinHashSize;
  signed_.push_back(has);
  shingles_.push_back(sig.shingles);
  if (has) {
    minhash_.insert(minhash_.end(), sig.minhash.begin(), sig.minhash.end());
  } else {
    minhash_.resize(minhash_.size() + kMinHashSize, 0);
  }
  root_.push_back(root == UINT32_MAX ? doc : root);
  seen_.push_back(UINT32_MAX);
  return doc;
}

void DuplicateIndex::Candidates(uint32_t doc, std::vector<uint32_t>* out) {
  const uint32_t* sig = &minhash_[size_t{doc} * kMinHashSize];
  for (size_t band = 0; band < kBands + kSingleBands; ++band) {
    if ((used_ + 1) * 2 > keys_.size()) Grow();
    const uint64_t key = BandKey(sig, band);
    const size_t s = Slot(key);
    size_t scanned = 0;
    const size_t most = band < kBands ? kMaxBucketScan : kMaxSingleBucketScan;
    for (uint32_t e = heads_[s]; e != 0 && scanned < most; e = entry_next_[e], ++scanned) {
      if (out) out->push_back(entry_doc_[e]);
    }
    if (heads_[s] == 0) {
      keys_[s] = key;
      ++used_;
    }
    entry_doc_.push_back(doc);
    entry_next_.push_back(heads_[s]);
    heads_[s] = static_cast<uint32_t>(entry_doc_.size() - 1);
  }
}

double DuplicateIndex::Jaccard(uint32_t a, uint32_t b) const {
  const uint32_t* x = &minhash_[size_t{a} * kMinHashSize];
  const uint32_t* y = &minhash_[size_t{b} * kMinHashSize];
  uint32_t equal = 0;
  for (size_t i = 0; i < kMinHashSize; ++i) equal += x[i] == y[i] ? 1 : 0;
  return static_cast<double>(equal) / kMinHashSize;
}

DocLink DuplicateIndex::LinkTo(uint32_t from, uint32_t to) const {
  const double j = Jaccard(from, to);
  DocLink link;
  link.document = ids_[to];
  link.similarity = Round3(j);
  link.containment = Round3(EstimateContainment(shingles_[from], shingles_[to], j));
  return link;
}

DocLinks DuplicateIndex::Add(std::string_view id, const DocSignature& sig) {
  DocLinks links;
  if (auto it = by_id_.find(std::string(id)); it != by_id_.end()) {
    links.duplicate_of = DocLink{ids_[root_[it->second]], 1.0, 1.0};
    return links;
  }
  const uint32_t doc = Append(id, sig, UINT32_MAX);
  if (!signed_[doc]) return links;
  std::vector<uint32_t> candidates;
  Candidates(doc, &candidates);
  // Each candidate is judged once (seen_ marks it for this document); the
  // judgement is cheap, a link (with its id) is made only for close ones.
  struct Judged {
    uint32_t doc;
    double similarity;
  };
  std::vector<Judged> close;
  uint32_t first_copy = UINT32_MAX;
  for (uint32_t c : candidates) {
    if (c == doc || seen_[c] == doc) continue;
    seen_[c] = doc;
    const double j = Jaccard(doc, c);
    if (j < kSharesMinJaccard) continue;
    const double cont = EstimateContainment(shingles_[doc], shingles_[c], j);
    const bool copy = IsCopy(j, cont);
    if (copy) first_copy = std::min(first_copy, c);
    if (copy || Shares(j, cont)) close.push_back({c, j});
  }
  // The earliest copy gives the group: its first document.
  if (first_copy != UINT32_MAX) {
    root_[doc] = root_[first_copy];
    links.duplicate_of = LinkTo(doc, root_[doc]);
  }
  // One entry per other copy group: its closest member (then the earliest).
  std::sort(close.begin(), close.end(), [](const Judged& a, const Judged& b) {
    return a.similarity != b.similarity ? a.similarity > b.similarity : a.doc < b.doc;
  });
  std::vector<uint32_t> groups{root_[doc]};
  for (const Judged& j : close) {
    const uint32_t g = root_[j.doc];
    if (std::find(groups.begin(), groups.end(), g) != groups.end()) continue;
    groups.push_back(g);
    links.shares_with.push_back(LinkTo(doc, j.doc));
    if (links.shares_with.size() == kMaxSharesWith) break;
  }
  return links;
}

void DuplicateIndex::Insert(std::string_view id, const DocSignature& sig,
                            std::string_view duplicate_of) {
  if (Contains(id)) return;
  uint32_t root = UINT32_MAX;
  if (!duplicate_of.empty()) {
    if (auto it = by_id_.find(std::string(duplicate_of)); it != by_id_.end())
      root = root_[it->second];
  }
  const uint32_t doc = Append(id, sig, root);
  if (signed_[doc]) Candidates(doc, nullptr);
}

void LinkDocument(DuplicateIndex* index, Document* doc) {
  if (doc->failed()) return;
  DocLinks links = index->Add(doc->id, doc->signature);
  doc->duplicate_of = std::move(links.duplicate_of);
  doc->shares_with = std::move(links.shares_with);
}

}  // namespace sitrep
