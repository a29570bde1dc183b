// @brief TSV data file reader.
#include "base/data_file.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "base/utf8.h"

#ifndef SITREP_DEFAULT_KB
#define SITREP_DEFAULT_KB "kb.bin"
#endif

#ifndef SITREP_DEFAULT_DATA_DIR
#define SITREP_DEFAULT_DATA_DIR "data"
#endif

namespace sitrep {

Status TsvFile::ErrorAt(const TsvRow& row, const std::string& message) const {
  return Status::InvalidArgument(path + ":" + std::to_string(row.line) + ": " + message);
}

Result<TsvFile> ReadTsv(const std::string& path, size_t min_fields, size_t max_fields) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open data file");
  TsvFile file;
  file.path = path;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    size_t bad;
    if (!IsValidUtf8(line, &bad)) {
      return Status::InvalidArgument(path + ":" + std::to_string(line_no) +
                                     ": invalid UTF-8 at column " + std::to_string(bad + 1));
    }
    TsvRow row;
    row.line = line_no;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      row.fields.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (row.fields.size() < min_fields || row.fields.size() > max_fields) {
      std::string expected = min_fields == max_fields
                                 ? std::to_string(min_fields)
                                 : std::to_string(min_fields) + " to " + std::to_string(max_fields);
      return file.ErrorAt(row, "expected " + expected + " tab-separated fields, got " +
                                   std::to_string(row.fields.size()));
    }
    file.rows.push_back(std::move(row));
  }
  return file;
}

std::string DataDir(const Options& options) {
  if (!options.data_dir.empty()) return options.data_dir;
  if (const char* env = std::getenv("SITREP_DATA_DIR"); env && *env) return env;
  return SITREP_DEFAULT_DATA_DIR;
}

std::string KbPath(const Options& options) {
  if (!options.kb_path.empty()) return options.kb_path;
  if (const char* env = std::getenv("SITREP_KB"); env && *env) return env;
  return SITREP_DEFAULT_KB;
}

std::vector<std::string> DataLanguages(const Options& options) {
  std::vector<std::string> langs;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(DataDir(options) + "/lang", ec)) {
    // A language is registered by its lang.tsv (docs/formats/lang.md).
    if (entry.is_directory() && std::filesystem::exists(entry.path() / "lang.tsv")) {
      langs.push_back(entry.path().filename().string());
    }
  }
  std::sort(langs.begin(), langs.end());
  return langs;
}

}  // namespace sitrep
