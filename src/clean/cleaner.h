// @brief Cleaner: RawDocument -> Document. Main text out of HTML, boilerplate
// out of text (each removal with its reason), title, publication date,
// language per document and paragraph, sentences.
//
// The pipeline per document (see docs/ARCHITECTURE.md):
//   blocks      HTML -> HtmlExtractor blocks; text -> lines, hard wraps joined
//   cues        data/lang/*/boilerplate.tsv: widgets, related links, copyright ...
//   dateline    "Publié le 7.1.2022" cut out and kept as the publication date
//   structure   photo credits and captions, trailing widgets, foreign footers
//   title       JSONL/HTML title, or the best headline among the first blocks
//   duplicates  repeated paragraphs, repeated headlines, pull-quotes
//   sentences   ICU sentences; subscription appeals and all-caps widgets cut
//   language    CLD2 per document and per paragraph; foreign paragraphs flagged
// A Cleaner is not thread-safe (it owns an ICU segmenter): one per thread.
#pragma once

#include <memory>

#include "base/options.h"
#include "base/status.h"
#include "clean/boilerplate_rules.h"
#include "clean/date_finder.h"
#include "clean/langid.h"
#include "doc/document.h"
#include "ingest/reader.h"
#include "segment/segmenter.h"

namespace sitrep {

class Deadline;

class Cleaner {
 public:
  // Loads the language data. Errors name the data file and line.
  static Result<std::unique_ptr<Cleaner>> Create(const Options& options);

  // Never fails as a whole: a document that cannot be cleaned comes back with
  // `errors` set (and the reason), ready to be reported and stored as failed.
  // With a `deadline`, returns early (partial, not failed) once it has
  // expired: the caller checks it and fails the document.
  Document Clean(const RawDocument& raw, Deadline* deadline = nullptr);

  const DateFinder& dates() const { return *dates_; }

 private:
  // The state of one Clean call and its steps (cleaner.cc).
  struct Cleaning;

  Cleaner() = default;
  Options options_;
  BoilerplateRules rules_;
  std::unique_ptr<DateFinder> dates_;
  std::unique_ptr<Segmenter> segmenter_;
  std::unique_ptr<Alphabets> alphabets_;
};

}  // namespace sitrep
