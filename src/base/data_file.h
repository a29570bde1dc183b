// @brief Reading the project's TSV data files, with errors reported as file:line.
//
// Format (docs/formats/tsv.md): UTF-8, one record per line, fields separated by
// one TAB, lines starting with '#' and blank lines ignored.
#pragma once

#include <string>
#include <vector>

#include "base/options.h"
#include "base/status.h"

namespace sitrep {

struct TsvRow {
  std::vector<std::string> fields;
  int line = 0;  // 1-based line in the file
};

struct TsvFile {
  std::string path;
  std::vector<TsvRow> rows;

  // "path:line: message" as an InvalidArgument status.
  Status ErrorAt(const TsvRow& row, const std::string& message) const;
};

// Reads a TSV file; every row must have between min_fields and max_fields fields.
Result<TsvFile> ReadTsv(const std::string& path, size_t min_fields, size_t max_fields);

// The data directory: options.data_dir, else $SITREP_DATA_DIR, else the
// directory compiled in at build time (the source tree's data/).
std::string DataDir(const Options& options);

// The knowledge base file: options.kb_path, else $SITREP_KB, else the one the
// build wrote (build/kb.bin).
std::string KbPath(const Options& options);

// Language codes that have a data/lang/<code>/lang.tsv (the languages sitrep
// reads; src/lang loads them), sorted.
std::vector<std::string> DataLanguages(const Options& options);

}  // namespace sitrep
