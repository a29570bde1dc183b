// @brief DuplicateIndex: finds, for each document added, the earlier
// documents that are copies of it or share part of its text, by LSH banding
// of MinHash signatures (never by comparing every pair).
//
// How a pair is found and judged (docs/ARCHITECTURE.md, "Near-duplicates"):
// - Candidates: the signature is cut into kBands bands of kRows values, and
//   its first kSingleBands values are bands of one value each; two documents
//   are candidates when some band is equal in both (one hash table of band
//   keys, the chain of each key scanned newest first, at most kMaxBucketScan
//   entries, kMaxSingleBucketScan for one-value bands). A pair of Jaccard similarity J is a
//   candidate with probability about 1 - (1 - J^2)^64 (1 - J)^32: 0.98 at J = 0.1, 0.99994 at 0.2,
//   1 - 10^-12 at 0.5. The one-value bands are for a short text inside a long
//   one (a brief under a page of other text), whose J is low however much of
//   it the other holds.
// - Verification: J is estimated from the two signatures (the share of equal
//   values, kMinHashSize of them), and the containment of the smaller text in
//   the larger from J and the two shingle counts. Estimated, not exact: the
//   store keeps signatures, not shingle sets, so a later ingest judges pairs
//   with an earlier one without its text; the estimate's standard error is
//   sqrt(J(1-J)/128), at most 0.044, well inside the thresholds' margins.
// - A copy (duplicate_of) when J >= kDuplicateJaccard, or when one text holds
//   the other almost whole (containment >= kDuplicateContainment, J >=
//   kDuplicateMinJaccard: cut in half, a paragraph added). It points to the
//   first document of the copy group of the earliest such candidate.
// - A partial overlap (shares_with) when J >= kSharesJaccard, or containment
//   >= kSharesContainment with J >= kSharesMinJaccard, with a document of
//   another copy group: one entry per group (its best member), best first,
//   at most kMaxSharesWith.
//
// Documents are added in order (input order, ingest order) and link only to
// documents added before them, so the result depends on that order only, not
// on threads. Not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "doc/document.h"

namespace sitrep {

inline constexpr size_t kBands = 64;
inline constexpr size_t kRows = 2;  // kBands * kRows == kMinHashSize
inline constexpr size_t kSingleBands = 32;
inline constexpr size_t kMaxBucketScan = 64;
// One-value bands are crowded by common phrases: fewer entries are scanned.
inline constexpr size_t kMaxSingleBucketScan = 16;
inline constexpr size_t kMaxSharesWith = 16;
inline constexpr double kDuplicateJaccard = 0.70;
inline constexpr double kDuplicateContainment = 0.75;
inline constexpr double kDuplicateMinJaccard = 0.30;
inline constexpr double kSharesJaccard = 0.15;
inline constexpr double kSharesContainment = 0.40;
inline constexpr double kSharesMinJaccard = 0.05;

struct DocLinks {
  std::optional<DocLink> duplicate_of;
  std::vector<DocLink> shares_with;
};

class DuplicateIndex {
 public:
  DuplicateIndex();
  ~DuplicateIndex();

  // Adds a document after every document added so far and returns its links
  // to them. A document without a signature (too short) is added but links
  // to nothing and nothing links to it. An id already added (the same clean
  // text) is not added again: it is a copy of that document's group, with
  // similarity 1.
  DocLinks Add(std::string_view id, const DocSignature& sig);

  // Adds a document whose links are known (read back from the store):
  // `duplicate_of` is the id of the first document of its copy group, or ""
  // when it is one. An unknown `duplicate_of` makes it a group of its own.
  void Insert(std::string_view id, const DocSignature& sig, std::string_view duplicate_of);

  bool Contains(std::string_view id) const { return by_id_.count(std::string(id)) != 0; }
  size_t size() const { return ids_.size(); }

 private:
  uint32_t Append(std::string_view id, const DocSignature& sig, uint32_t root);
  void Candidates(uint32_t doc, std::vector<uint32_t>* out);
  DocLink LinkTo(uint32_t from, uint32_t to) const;
  double Jaccard(uint32_t a, uint32_t b) const;
  size_t Slot(uint64_t key) const;
  void Grow();

  std::vector<std::string> ids_;
  std::unordered_map<std::string, uint32_t> by_id_;
  std::vector<uint32_t> minhash_;   // kMinHashSize per document, flat
  std::vector<uint32_t> shingles_;  // per document
  std::vector<uint8_t> signed_;     // per document: has a signature
  std::vector<uint32_t> root_;      // per document: first document of its copy group
  std::vector<uint32_t> seen_;      // per document: the last document it was a candidate of
  // Band buckets: open addressing over band keys; each slot heads a chain of
  // entries (document, next entry), newest first. Entry ids start at 1.
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> heads_;  // 0: empty slot
  std::vector<uint32_t> entry_doc_{0}, entry_next_{0};
  size_t used_ = 0;
};

// Links `doc` (not failed) to the documents of `index`: fills duplicate_of and
// shares_with from DuplicateIndex::Add. Failed documents are left alone.
void LinkDocument(DuplicateIndex* index, Document* doc);

}  // namespace sitrep
