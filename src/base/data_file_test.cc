// @brief Tests for TSV data files: comments, field counts, file:line errors.
#include "base/data_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace sitrep {
namespace {

std::string WriteTemp(const std::string& name, const std::string& body) {
  std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path) << body;
  return path;
}

TEST(DataFile, ReadsRowsAndSkipsComments) {
  std::string path = WriteTemp("sitrep_ok.tsv", "# comment\n\na\tb\tline\nc\td\tprefix\r\n");
  Result<TsvFile> f = ReadTsv(path, 3, 3);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  ASSERT_EQ(f->rows.size(), 2u);
  EXPECT_EQ(f->rows[1].fields[2], "prefix");
  EXPECT_EQ(f->rows[1].line, 4);
}

TEST(DataFile, BadLineIsReportedAsFileAndLine) {
  std::string path = WriteTemp("sitrep_bad.tsv", "# header\na\tb\tc\nonly-one-field\n");
  Result<TsvFile> f = ReadTsv(path, 3, 3);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().message(), path + ":3: expected 3 tab-separated fields, got 1");
}

TEST(DataFile, InvalidUtf8IsReportedWithColumn) {
  std::string path = WriteTemp("sitrep_enc.tsv", "ok\nab\xFF\n");
  Result<TsvFile> f = ReadTsv(path, 1, 1);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().message(), path + ":2: invalid UTF-8 at column 3");
}

TEST(DataFile, MissingFileIsNotFound) {
  Result<TsvFile> f = ReadTsv("/nonexistent/x.tsv", 1, 1);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), Code::kNotFound);
}

TEST(DataFile, ProjectDataFilesAllParse) {
  Options options;
  options.data_dir = std::string(SITREP_SOURCE_DIR) + "/data";
  auto langs = DataLanguages(options);
  EXPECT_GE(langs.size(), 5u);
  for (const auto& lang : langs) {
    for (const auto& entry : std::filesystem::directory_iterator(options.data_dir + "/lang/" + lang)) {
      Result<TsvFile> f = ReadTsv(entry.path().string(), 1, 8);
      EXPECT_TRUE(f.ok()) << f.status().ToString();
    }
  }
}

}  // namespace
}  // namespace sitrep
