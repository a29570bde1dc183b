// @brief Pipeline: one RawDocument through every per-document stage
// (clean -> segment -> extract: times, then quantities dated by them) into a Document.
//
// Not thread-safe (the Cleaner owns an ICU segmenter): one Pipeline per thread.
#pragma once

#include <memory>

#include "base/options.h"
#include "base/status.h"
#include "doc/document.h"
#include "ingest/reader.h"

namespace sitrep {

class Cleaner;
class QuantityTagger;
class TimeTagger;

class Pipeline {
 public:
  // Loads every stage's data; an error names the data file and line.
  static Result<std::unique_ptr<Pipeline>> Create(const Options& options);
  ~Pipeline();

  // Never fails as a whole: a failed document carries its errors.
  Document Process(const RawDocument& raw);

  const Cleaner& cleaner() const { return *cleaner_; }

 private:
  Pipeline() = default;
  std::unique_ptr<Cleaner> cleaner_;
  std::unique_ptr<TimeTagger> times_;
  std::unique_ptr<QuantityTagger> quantities_;
};

}  // namespace sitrep
