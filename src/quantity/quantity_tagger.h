// @brief QuantityTagger: numbers and sourced quantity claims of a Document.
//
// A claim is a number (or range, or vague quantity) with what it counts,
// normalised into a measure (troops, killed, injured, arrested, protesters,
// displaced, money, percent, duration, ordinal, ... as the data says), its
// hedge, its subject and place, and who says so. All language knowledge is in
// data/lang/<code>/quantity_*.tsv (docs/formats/quantity.md) and ICU.
//
// Thread-safety: a QuantityTagger is immutable after Create; Numbers and
// Claims may be called from many threads at once.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/options.h"
#include "base/status.h"
#include "doc/claim.h"
#include "doc/document.h"
#include "quantity/number_finder.h"
#include "quantity/unit_table.h"

namespace sitrep {

class Deadline;
class JsonWriter;
class QuantityLexicon;

struct QuantityOptions {
  Options base;  // data_dir, max_claims_per_document
  // Languages to load; empty: every data/lang/<code> with quantity_numbers.tsv.
  std::vector<std::string> languages;
  // Optional: the date a figure refers to, given the document and the claim's
  // byte span (src/time plugs in here). Empty string: unknown.
  std::function<std::string(const Document&, uint32_t start, uint32_t end)> time_of;
};

class QuantityTagger {
 public:
  static Result<std::unique_ptr<QuantityTagger>> Create(const QuantityOptions& options);
  ~QuantityTagger();

  // Every number of `text` in language `lang` (no claim logic); byte offsets.
  // Unknown language: empty.
  std::vector<NumberMatch> Numbers(std::string_view text, std::string_view lang) const;

  // Claims of `doc` (each sentence in the language of its paragraph when
  // there is a lexicon for it, else in the document's; sentences from
  // doc.sentences, or the whole text as one sentence when there are none),
  // sorted by start. With a
  // `deadline`, stops (partial) between sentences once it has expired. At most
  // Options::max_claims_per_document; when more were found, `*truncated` (if
  // given) is set to true.
  std::vector<Claim> Claims(const Document& doc, Deadline* deadline = nullptr,
                            bool* truncated = nullptr) const;

  // The physical units (data/quantity/units.tsv; empty when the file is absent).
  const UnitTable& units() const { return units_; }

  // Claims of one sentence [start, end) of `doc.text`, language `lang`, read
  // from `stream` (the token stream of doc.text).
  void SentenceClaims(const Document& doc, const TokenStream& stream, std::string_view lang,
                      uint32_t start, uint32_t end, int sentence, std::vector<Claim>* out) const;

 private:
  // The state of one SentenceClaims call and its passes (quantity_tagger.cc).
  struct Sentence;

  QuantityTagger() = default;
  const QuantityLexicon* Lexicon(std::string_view lang) const;

  QuantityOptions options_;
  UnitTable units_;
  std::map<std::string, std::unique_ptr<QuantityLexicon>, std::less<>> lexicons_;
};

}  // namespace sitrep
