// @brief ProcessInputs: read and process many inputs on several threads, deliver
// the documents in input order on the calling thread.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "base/options.h"
#include "base/status.h"
#include "doc/document.h"
#include "ingest/reader.h"

namespace sitrep {

class DuplicateIndex;

// Reads `paths` (ReadInputs) on one thread, processes on `jobs` threads (each
// with its own Pipeline), and calls `sink` on the calling thread with every
// Document in the order the inputs were read, so output is the same whatever
// `jobs` is. At most 8 * jobs documents are in flight. Returns a non-OK
// status only when a Pipeline cannot be created (bad data directory); then
// nothing is read.
//
// Entity mentions are resolved across documents on the calling thread, in
// input order, before `sink` sees each document. When a stage is off (no
// knowledge base), `*warning` (if given) says so and why.
//
// Near-duplicates are linked on the calling thread too, in input order
// (LinkDocument: duplicate_of, shares_with), against `duplicates` when given
// (the caller's index, which may hold documents of earlier runs: the store's),
// else against the documents of this call.
//
// Once `*stop` (if given) is true, inputs read from then on are dropped
// unprocessed and documents in flight are still delivered: the caller sets it
// when their output is lost (a full disk), so that the rest is not processed
// for nothing.
Result<ReadStats> ProcessInputs(const std::vector<std::string>& paths, const Options& options,
                                int jobs, const std::function<void(Document&&)>& sink,
                                std::string* warning = nullptr,
                                const std::atomic<bool>* stop = nullptr,
                                DuplicateIndex* duplicates = nullptr);

}  // namespace sitrep
