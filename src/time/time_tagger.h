// @brief TimeTagger: finds dates, times, durations and sets in text of five
// languages and normalises them to TIMEX3-style values against the document
// date (DCT), or keeps them unresolved when there is no anchor.
//
// Pipeline per call: TokenizeForTime -> a longest-match scan (Scan,
// time_scan.h; patterns by family in time_scan_*.cc) that tries the patterns
// at each token (words come from TimeLexicon, never from code) -> resolution
// against the DCT or an earlier absolute date.
// Tests: time_tagger_test.cc (tables per language), calendar_test.cc.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/options.h"
#include "base/status.h"
#include "doc/document.h"
#include "doc/time_expr.h"
#include "time/time_lexicon.h"

namespace sitrep {

class Deadline;

class TimeTagger {
 public:
  // Loads the lexicons of every language with data/lang/<code>/time_words.tsv.
  // A bad data line fails with InvalidArgument "path:line: ...".
  static Result<std::unique_ptr<TimeTagger>> Create(const Options& options);

  // Tags `text` written in `lang` (ISO 639-1; an unknown language yields
  // nothing). `dct` is the document date; with kYear/kMonth precision only
  // expressions that need no finer anchor are resolved. Thread-safe.
  std::vector<TimeExpr> Tag(std::string_view text, std::string_view lang,
                            const std::optional<PublishedDate>& dct) const;

  // Tags a cleaned document paragraph by paragraph, each in its own language
  // (the document's when the paragraph's is unknown), offsets into doc.text.
  // In text order, disjoint. With a `deadline`, stops (partial) between
  // paragraphs once it has expired.
  std::vector<TimeExpr> TagDocument(const Document& doc, Deadline* deadline = nullptr) const;

  bool HasLanguage(std::string_view lang) const;

 private:
  TimeTagger() = default;
  bool explain_ = false;  // Options::explain_time
  std::map<std::string, std::unique_ptr<TimeLexicon>, std::less<>> lexicons_;
};

}  // namespace sitrep
