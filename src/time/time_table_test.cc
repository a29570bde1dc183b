// @brief The time tagger's table cases as data: one test per case line of
// tests/time/<lang>.tsv, named after its file and line (format:
// docs/formats/time.md, "Table cases").
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "base/data_file.h"
#include "time/time_tagger.h"

namespace sitrep {
namespace {

// One case line: `=` (the span is an expression with this value and mod) or
// `!` (the span is part of no expression).
struct TableCase {
  std::string file;  // "tests/time/fr.tsv"
  int line = 0;
  std::string lang;
  bool present = true;
  std::string dct;  // "" for none
  std::string text, span, value, mod;
  std::string error;  // a malformed line: the test fails with this
};

std::string CaseDir() { return std::string(SITREP_SOURCE_DIR) + "/tests/time"; }

bool ValidDct(const std::string& d) {
  auto digits = [&](size_t b, size_t n) {
    for (size_t k = b; k < b + n; ++k) {
      if (d[k] < '0' || d[k] > '9') return false;
    }
    return true;
  };
  if (d.size() != 10 && d.size() != 16) return false;
  if (!digits(0, 4) || d[4] != '-' || !digits(5, 2) || d[7] != '-' || !digits(8, 2)) return false;
  return d.size() == 10 || (d[10] == 'T' && digits(11, 2) && d[13] == ':' && digits(14, 2));
}

// Every case of every tests/time/*.tsv, in file and line order. A file that
// cannot be read, or a malformed line, becomes a case that fails.
std::vector<TableCase> LoadCases() {
  std::vector<TableCase> out;
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(CaseDir(), ec)) {
    if (entry.path().extension() == ".tsv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const std::filesystem::path& p : files) {
    const std::string name = "tests/time/" + p.filename().string();
    Result<TsvFile> file = ReadTsv(p.string(), 4, 6);
    if (!file.ok()) {
      TableCase c;
      c.file = name;
      c.error = file.status().ToString();
      out.push_back(c);
      continue;
    }
    for (const TsvRow& row : file->rows) {
      TableCase c;
      c.file = name;
      c.line = row.line;
      c.lang = p.stem().string();
      std::vector<std::string> f = row.fields;
      f.resize(6);  // missing trailing columns are empty
      c.present = f[0] == "=";
      c.dct = f[1] == "-" ? "" : f[1];
      c.text = f[2];
      c.span = f[3];
      c.value = f[4];
      c.mod = f[5];
      if (f[0] != "=" && f[0] != "!") {
        c.error = "kind must be = or !, got \"" + f[0] + "\"";
      } else if (f[1] != "-" && !ValidDct(f[1])) {
        c.error = "dct must be YYYY-MM-DD, YYYY-MM-DDTHH:MM or -, got \"" + f[1] + "\"";
      } else if (c.span.empty() || c.text.find(c.span) == std::string::npos) {
        c.error = "span \"" + c.span + "\" is not in the text";
      } else if (!c.present && (!c.value.empty() || !c.mod.empty())) {
        c.error = "a ! case has no value or mod";
      }
      out.push_back(std::move(c));
    }
  }
  if (out.empty()) {
    TableCase c;
    c.file = "tests/time";
    c.error = "no case files in " + CaseDir();
    out.push_back(c);
  }
  return out;
}

// gtest prints a parameter with this: where the case is.
void PrintTo(const TableCase& c, std::ostream* os) { *os << c.file << ":" << c.line; }

class TimeTableTest : public ::testing::TestWithParam<TableCase> {
 protected:
  static void SetUpTestSuite() {
    Options o;
    o.data_dir = std::string(SITREP_SOURCE_DIR) + "/data";
    auto t = TimeTagger::Create(o);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    tagger_ = std::move(t).value();
  }
  static void TearDownTestSuite() { tagger_.reset(); }
  static std::unique_ptr<TimeTagger> tagger_;
};
std::unique_ptr<TimeTagger> TimeTableTest::tagger_;

TEST_P(TimeTableTest, Case) {
  const TableCase& c = GetParam();
  const std::string where = c.file + ":" + std::to_string(c.line);
  ASSERT_TRUE(c.error.empty()) << where << ": " << c.error;
  ASSERT_TRUE(tagger_ != nullptr);
  std::optional<PublishedDate> dct;
  if (!c.dct.empty()) {
    const bool timed = c.dct.find('T') != std::string::npos;
    dct = PublishedDate{c.dct, timed ? DatePrecision::kMinute : DatePrecision::kDay, "", "input"};
  }
  const std::vector<TimeExpr> got = tagger_->Tag(c.text, c.lang, dct);
  std::string all;
  for (const TimeExpr& x : got) {
    all += "[" + x.text + " = " + x.value + (x.mod.empty() ? "" : " " + x.mod) + "] ";
  }
  if (!c.present) {
    const size_t b = c.text.find(c.span), e = b + c.span.size();
    for (const TimeExpr& x : got) {
      EXPECT_FALSE(x.start < e && b < x.end) << where << ": \"" << c.span << "\" is in [" << x.text
                                             << " = " << x.value << "] of \"" << c.text << "\"";
    }
    return;
  }
  for (const TimeExpr& x : got) {
    if (x.text != c.span) continue;
    EXPECT_EQ(x.value, c.value) << where << ": " << c.text << "; got " << all;
    EXPECT_EQ(x.mod, c.mod) << where << ": " << c.text << "; got " << all;
    return;
  }
  ADD_FAILURE() << where << ": no \"" << c.span << "\" in \"" << c.text << "\"; got " << all;
}

// "fr_tsv_123": the file and line of the case.
std::string CaseName(const ::testing::TestParamInfo<TableCase>& info) {
  std::string name = info.param.file.substr(info.param.file.rfind('/') + 1);
  for (char& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name + "_" + std::to_string(info.param.line);
}

INSTANTIATE_TEST_SUITE_P(Tables, TimeTableTest, ::testing::ValuesIn(LoadCases()), CaseName);

}  // namespace
}  // namespace sitrep
