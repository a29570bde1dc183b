// @brief Golden tests: the seed articles against the seed gold, and the
// example corpus against examples/expected.tsv.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

#include "base/text_fold.h"
#include "clean/cleaner.h"
#include "eval/seed_eval.h"

namespace fs = std::filesystem;

namespace sitrep {
namespace {

Options ProjectOptions() {
  Options o;
  o.data_dir = std::string(SITREP_SOURCE_DIR) + "/data";
  return o;
}

TEST(SeedGolden, BoilerplateRemovedAndBodyKept) {
  std::string gold = std::string(SITREP_SHARED_DIR) + "/eval/seed-gold/boilerplate.json";
  std::string seeds = std::string(SITREP_SHARED_DIR) + "/corpus/seeds";
  if (!fs::exists(gold)) GTEST_SKIP() << "no seed gold at " << gold;
  Options options = ProjectOptions();
  auto cleaner = Cleaner::Create(options);
  ASSERT_TRUE(cleaner.ok()) << cleaner.status().ToString();
  auto score = ScoreSeedBoilerplate(gold, seeds, options, [&](const std::string& path) {
    Document last;
    ReadInputs({path}, options, [&](RawDocument&& raw) { last = (*cleaner)->Clean(raw); });
    return last;
  });
  ASSERT_TRUE(score.ok()) << score.status().ToString();
  for (const auto& a : score->articles) {
    for (const auto& m : a.missed_items) std::cout << a.file << " missed " << m << "\n";
    for (const auto& s : a.lost_sentences) std::cout << a.file << " lost " << s << "\n";
  }
  EXPECT_GE(score->removed_share(), 0.95);
  EXPECT_GE(score->kept_share(), 0.99);
  EXPECT_EQ(score->titles_right, score->titles);
  EXPECT_EQ(score->dates_right, score->dates);
}

std::string Norm(std::string s) {
  for (size_t p; (p = s.find("\xC2\xA0")) != std::string::npos;) s.replace(p, 2, " ");
  s = std::regex_replace(s, std::regex("\\s+"), " ");
  while (!s.empty() && s.back() == ' ') s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(0, 1);
  return s;
}

TEST(ExamplesGolden, ExpectedTsvHolds) {
  std::string root = SITREP_SOURCE_DIR;
  Options options = ProjectOptions();
  auto cleaner = Cleaner::Create(options);
  ASSERT_TRUE(cleaner.ok());
  std::map<std::string, Document> docs;  // key as in expected.tsv
  ReadInputs({root + "/examples/corpus"}, options, [&](RawDocument&& raw) {
    Document d = (*cleaner)->Clean(raw);
    std::string key = raw.source;
    if (raw.container == "jsonl") {
      // Line number from the reader's "path#N" form when the line had no url.
      key = "";
    }
    key = fs::path(raw.source).filename().string();
    docs[key] = std::move(d);
  });
  // JSONL documents are keyed by url; map them to file#line from the file itself.
  std::ifstream jl(root + "/examples/corpus/crawl-2022-01.jsonl");
  std::string line;
  for (int n = 1; std::getline(jl, line); ++n) {
    std::smatch m;
    if (std::regex_search(line, m, std::regex("\"url\"\\s*:\\s*\"([^\"]+)\""))) {
      for (auto& [k, d] : docs) {
        if (d.source == m[1].str()) docs["crawl-2022-01.jsonl#" + std::to_string(n)] = d;
      }
    }
  }
  std::ifstream in(root + "/examples/expected.tsv");
  ASSERT_TRUE(in.good());
  int checked = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    for (size_t a = 0;;) {
      size_t t = line.find('\t', a);
      f.push_back(line.substr(a, t == std::string::npos ? t : t - a));
      if (t == std::string::npos) break;
      a = t + 1;
    }
    ASSERT_TRUE(docs.count(f[0])) << "no document for " << f[0];
    const Document& d = docs[f[0]];
    std::string text = Norm(d.text);
    ++checked;
    if (f.size() == 4) {
      EXPECT_EQ(d.lang, f[1]) << f[0];
      EXPECT_EQ(d.published ? d.published->value.substr(0, 10) : "", f[2]) << f[0];
      EXPECT_EQ(Norm(d.title), Norm(f[3])) << f[0];
    } else if (f[1] == "boilerplate") {
      EXPECT_EQ(text.find(Norm(f[2])), std::string::npos) << f[0] << ": kept boilerplate " << f[2];
    } else {
      EXPECT_NE(text.find(Norm(f[2])), std::string::npos) << f[0] << ": lost body " << f[2];
    }
  }
  EXPECT_GT(checked, 150);
}

}  // namespace
}  // namespace sitrep
