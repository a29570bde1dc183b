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
  // Path as given, "path#N" for JSONL line N, or the JSONL url; always valid
  // UTF-8: bytes of a file name that are not become U+FFFD.
  std::string source;
  // The raw bytes of the path, in lower-case hex, when `source` had to be
  // changed to be valid UTF-8; empty otherwise.
  std::string source_bytes;
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
  size_t skipped = 0;  // entries of directories that were not read (see ReadInputs)
  // "path: reason" for the skipped entries worth telling the user about:
  // symbolic links not followed, dangling links. Valid UTF-8, may hold
  // control characters (escape them before printing).
  std::vector<std::string> skipped_reasons;
};

// Reads every path ("-" is JSONL on stdin). Directories are walked
// recursively in sorted order; inside them only files with a known extension
// (.txt .text .html .htm .xhtml .jsonl .ndjson, each optionally .gz) are read.
// A path given explicitly is read whatever its extension (format sniffed).
//
// The walk never throws and never stops: a directory that cannot be listed
// or searched, and a symlink loop, are failed documents (io_error) at their
// place in the order. Skipped, counted in `skipped`: files with another
// extension, hidden names (Options::skip_hidden), FIFOs, sockets and devices,
// dangling links, and links leading outside the directory given unless
// Options::follow_symlinks; the links also get a reason in `skipped_reasons`.
// A link to a directory inside the tree is not followed (that directory is
// walked anyway) nor counted. When links are followed, each directory is
// walked once, so link cycles end.
ReadStats ReadInputs(const std::vector<std::string>& paths, const Options& options,
                     const RawSink& sink);

// Reads one JSONL stream (possibly gzip-compressed; "-" = stdin).
void ReadJsonl(const std::string& path, const Options& options, const RawSink& sink);

// Builds a RawDocument from bytes: gunzip, decode, format by name or content.
RawDocument ReadBytes(const std::string& source, std::string_view name, std::string bytes,
                      const Options& options);

}  // namespace sitrep
