// @brief Tests for the flag parser.
#include "cli/args.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

Result<ParsedArgs> Parse(std::vector<std::string> words) {
  static const std::vector<FlagSpec> kSpecs = {{"--db", true, "store"}, {"--json", false, "json"},
                                                {"--help", false, "help"}};
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  return ParseArgs(static_cast<int>(argv.size()), argv.data(), 0, kSpecs);
}

TEST(Args, ValuesSwitchesAndPositionals) {
  auto a = Parse({"--db", "x.db", "--json", "a.txt", "-", "--", "--not-a-flag"});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->Get("--db"), "x.db");
  EXPECT_TRUE(a->Has("--json"));
  EXPECT_EQ(a->positional, (std::vector<std::string>{"a.txt", "-", "--not-a-flag"}));
  auto b = Parse({"--db=y.db", "-h"});
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->Get("--db"), "y.db");
  EXPECT_TRUE(b->Has("--help"));
}

TEST(Args, ErrorsAreExact) {
  struct Case {
    std::vector<std::string> argv;
    std::string message;
  } cases[] = {
      {{"--bd", "x"}, "unknown flag \"--bd\" (did you mean --db?)"},
      {{"--frobnicate"}, "unknown flag \"--frobnicate\""},
      {{"--db"}, "flag --db needs a value (VALUE)"},
      {{"--json=yes"}, "flag --json takes no value"},
  };
  for (const auto& c : cases) {
    auto a = Parse(c.argv);
    ASSERT_FALSE(a.ok());
    EXPECT_EQ(a.status().message(), c.message);
  }
}

}  // namespace
}  // namespace sitrep
