// @brief UnitTable: physical units by UCUM-style code, with their measure and
// the conversion to their measure's base unit (data/quantity/units.tsv).
//
// Language-independent: the phrases that name a unit in a language are in
// data/lang/<code>/quantity_dimensions.tsv and carry the code. Immutable after
// Load; safe to share across threads.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "base/options.h"
#include "base/status.h"

namespace sitrep {

struct UnitInfo {
  std::string measure;  // distance, area, volume, mass, temperature, speed, ...
  std::string base;     // the measure's base unit ("m", "Cel"); empty: no conversion
  double factor = 1;    // base value = value * factor + offset
  double offset = 0;
};

class UnitTable {
 public:
  // Reads `path` (code, measure, [base, factor, [offset]]). A bad line is an
  // InvalidArgument naming path:line.
  static Result<UnitTable> Load(const std::string& path);
  // data/quantity/units.tsv under the data directory of `options`.
  static Result<UnitTable> LoadDefault(const Options& options);

  // The unit of `code` (case-sensitive), or null.
  const UnitInfo* Find(std::string_view code) const;
  // The unit of `code`, or of a rate "<a>/<b>" of two units of the table
  // ("m/ms", "[mi_i]/hour"): its measure is the one whose base unit is
  // "<base of a>/<base of b>" (m/s: speed), its factor the quotient of theirs.
  // nullopt when neither.
  std::optional<UnitInfo> Resolve(std::string_view code) const;
  // The rate `numerator` per `denominator` (codes of the table), or nullopt
  // when no measure of the table has the quotient of their bases as its base.
  std::optional<UnitInfo> Quotient(std::string_view numerator, std::string_view denominator) const;
  // True when `measure` is the measure of some unit of the table.
  bool IsPhysicalMeasure(std::string_view measure) const;
  // The value in the base unit, or nullopt when the unit has no base.
  std::optional<double> ToBase(std::string_view code, double value) const;

 private:
  std::map<std::string, UnitInfo, std::less<>> units_;
  std::set<std::string, std::less<>> measures_;
};

}  // namespace sitrep
