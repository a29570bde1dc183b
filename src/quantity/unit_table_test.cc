// @brief UnitTable: the data file, conversions to base units, bad lines.
#include "quantity/unit_table.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>

#include "base/options.h"

namespace sitrep {
namespace {

TEST(UnitTableTest, DataFileConverts) {
  Result<UnitTable> table = UnitTable::LoadDefault(Options());
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  struct Case {
    const char* code;
    double value;
    const char* base;
    double base_value;
  };
  const Case cases[] = {
      {"km", 5, "m", 5000},
      {"[mi_i]", 1, "m", 1609.344},
      {"km2", 2, "m2", 2e6},
      {"har", 1, "m2", 1e4},
      {"L", 75, "m3", 0.075},
      {"t", 3, "kg", 3000},
      {"[lb_av]", 1, "kg", 0.45359237},
      {"Cel", 20, "Cel", 20},
      {"[degF]", 212, "Cel", 100},
      {"K", 273.15, "Cel", 0},
      {"km/h", 36, "m/s", 10},
      {"kW.h", 1, "J", 3.6e6},
      {"MBy", 1, "By", 1e6},
      {"bit", 16, "By", 2},
      {"day", 1, "s", 86400},
  };
  for (const Case& c : cases) {
    const UnitInfo* u = table->Find(c.code);
    ASSERT_NE(u, nullptr) << c.code;
    EXPECT_EQ(u->base, c.base) << c.code;
    std::optional<double> v = table->ToBase(c.code, c.value);
    ASSERT_TRUE(v.has_value()) << c.code;
    EXPECT_NEAR(*v, c.base_value, 1e-9 * std::max(1.0, c.base_value)) << c.code;
  }
  // A degree whose scale the text does not say has no base value.
  EXPECT_FALSE(table->ToBase("[deg]", 30).has_value());
  EXPECT_TRUE(table->IsPhysicalMeasure("temperature"));
  EXPECT_FALSE(table->IsPhysicalMeasure("money"));
  EXPECT_EQ(table->Find("KM"), nullptr);  // codes are case-sensitive
}

// A rate of two units of the table takes the measure whose base is the
// quotient of their bases (m/s: speed); other quotients are no unit.
TEST(UnitTableTest, RatesOfTwoUnits) {
  Result<UnitTable> table = UnitTable::LoadDefault(Options());
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  std::optional<UnitInfo> q = table->Quotient("km", "ms");
  ASSERT_TRUE(q.has_value());
  EXPECT_EQ(q->measure, "speed");
  EXPECT_EQ(q->base, "m/s");
  EXPECT_DOUBLE_EQ(q->factor, 1e6);
  EXPECT_FALSE(table->Quotient("kg", "hour").has_value());  // no mass flow in the table
  EXPECT_FALSE(table->Quotient("km", "kg").has_value());
  EXPECT_FALSE(table->Quotient("[degF]", "hour").has_value());  // an offset scale
  std::optional<double> v = table->ToBase("m/ms", 50);
  ASSERT_TRUE(v.has_value());
  EXPECT_DOUBLE_EQ(*v, 50000);
  v = table->ToBase("km/h", 36);  // a row of its own
  ASSERT_TRUE(v.has_value());
  EXPECT_DOUBLE_EQ(*v, 10);
  EXPECT_FALSE(table->Resolve("km/").has_value());
  EXPECT_FALSE(table->Resolve("furlong/fortnight").has_value());
}

TEST(UnitTableTest, BadLinesNameFileAndLine) {
  const std::string path = ::testing::TempDir() + "units_bad.tsv";
  const char* bad[] = {"km\tdistance\tm\tx\n", "km\tdistance\tm\n",
                       "m\tdistance\tm\t1\nm\tdistance\tm\t1\n", "km\tdistance\tmetre\t1000\n"};
  for (const char* text : bad) {
    std::ofstream(path) << text;
    Result<UnitTable> t = UnitTable::Load(path);
    ASSERT_FALSE(t.ok()) << text;
    EXPECT_NE(t.status().ToString().find(path), std::string::npos) << t.status().ToString();
  }
  std::remove(path.c_str());
}

}  // namespace
}  // namespace sitrep
