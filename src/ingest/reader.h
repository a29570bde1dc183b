// @brief Reader: files, directories, .gz, JSONL and stdin -> RawDocument values.
//
// The reader never stops a batch: a path that cannot be read, a bad JSONL line
// or undecodable bytes become a RawDocument whose `status` says what and where,
// and reading goes on.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/options.h"
#include "base/status.h"

namespace sitrep {

enum class InputFormat { kText, kHtml };

struct RawDocument {
  std::string source;     // path as given, "path#N" for JSONL line N, or the JSONL url
  std::string container;  // "jsonl" when the document came from a JSONL line
  InputFormat format = InputFormat::kText;
  std::string text;       // decoded UTF-8 (empty when status is an error)
  std::string encoding;   // encoding of the input bytes
  uint64_t input_bytes = 0;
  // Metadata given by the input (JSONL fields); empty when absent.
  std::string url, title, published, lang, outlet;
  Status status;          // non-OK: this document failed to be read
  std::vector<std::string> warnings;  // read, but something was unexpected
};

using RawSink = std::function<void(RawDocument&&)>;

struct ReadStats {
  size_t files = 0;    // files opened
  size_t skipped = 0;  // files in directories with an extension sitrep does not read
};

// Reads every path ("-" is JSONL on stdin). Directories are walked
// recursively in sorted order; inside them only files with a known extension
// (.txt .text .html .htm .xhtml .jsonl .ndjson, each optionally .gz) are read.
// A path given explicitly is read whatever its extension (format sniffed).
ReadStats ReadInputs(const std::vector<std::string>& paths, const Options& options,
                     const RawSink& sink);

// Reads one JSONL stream (possibly gzip-compressed; "-" = stdin).
void ReadJsonl(const std::string& path, const Options& options, const RawSink& sink);

// Builds a RawDocument from bytes: gunzip, decode, format by name or content.
RawDocument ReadBytes(const std::string& source, std::string_view name, std::string bytes,
                      const Options& options);

}  // namespace sitrep
