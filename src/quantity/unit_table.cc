// @brief UnitTable: data/quantity/units.tsv.
#include "quantity/unit_table.h"

#include <cstdlib>
#include <optional>

#include "base/data_file.h"

namespace sitrep {
namespace {

bool ParseDouble(const std::string& s, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

}  // namespace

Result<UnitTable> UnitTable::Load(const std::string& path) {
  Result<TsvFile> file = ReadTsv(path, 2, 5);
  if (!file.ok()) return file.status();
  UnitTable table;
  for (const TsvRow& row : file->rows) {
    const auto& f = row.fields;
    UnitInfo u;
    u.measure = f[1];
    if (f[0].empty() || u.measure.empty()) return file->ErrorAt(row, "empty code or measure");
    if (f.size() == 3) return file->ErrorAt(row, "a base unit needs its factor");
    if (f.size() > 3) {
      u.base = f[2];
      if (!ParseDouble(f[3], &u.factor) || u.factor <= 0) {
        return file->ErrorAt(row, "bad factor \"" + f[3] + "\"");
      }
      if (f.size() > 4 && !ParseDouble(f[4], &u.offset)) {
        return file->ErrorAt(row, "bad offset \"" + f[4] + "\"");
      }
    }
    if (!table.units_.emplace(f[0], u).second) {
      return file->ErrorAt(row, "unit code \"" + f[0] + "\" listed twice");
    }
    table.measures_.insert(u.measure);
  }
  // A base unit is itself a unit of the same measure, with factor 1 and no offset.
  for (const auto& [code, u] : table.units_) {
    if (u.base.empty()) continue;
    const UnitInfo* b = table.Find(u.base);
    if (b == nullptr || b->measure != u.measure || b->factor != 1 || b->offset != 0) {
      return Status::InvalidArgument(path + ": base unit \"" + u.base + "\" of \"" + code +
                                     "\" is not a unit of " + u.measure + " with factor 1");
    }
  }
  return table;
}

Result<UnitTable> UnitTable::LoadDefault(const Options& options) {
  return Load(DataDir(options) + "/quantity/units.tsv");
}

const UnitInfo* UnitTable::Find(std::string_view code) const {
  auto it = units_.find(code);
  return it == units_.end() ? nullptr : &it->second;
}

std::optional<UnitInfo> UnitTable::Quotient(std::string_view numerator,
                                            std::string_view denominator) const {
  const UnitInfo* a = Find(numerator);
  const UnitInfo* b = Find(denominator);
  if (a == nullptr || b == nullptr || a->base.empty() || b->base.empty() || a->offset != 0 ||
      b->offset != 0) {
    return std::nullopt;
  }
  const UnitInfo* base = Find(a->base + "/" + b->base);
  if (base == nullptr || base->base.empty()) return std::nullopt;
  UnitInfo u;
  u.measure = base->measure;
  u.base = base->base;
  u.factor = a->factor / b->factor * base->factor;
  return u;
}

std::optional<UnitInfo> UnitTable::Resolve(std::string_view code) const {
  if (const UnitInfo* u = Find(code)) return *u;
  // A rate: split at each '/' in turn ("[mi_i]/h" has none inside a bracket).
  for (size_t slash = code.find('/'); slash != std::string_view::npos;
       slash = code.find('/', slash + 1)) {
    if (std::optional<UnitInfo> q = Quotient(code.substr(0, slash), code.substr(slash + 1))) {
      return q;
    }
  }
  return std::nullopt;
}

bool UnitTable::IsPhysicalMeasure(std::string_view measure) const {
  return measures_.count(measure) > 0;
}

std::optional<double> UnitTable::ToBase(std::string_view code, double value) const {
  std::optional<UnitInfo> u = Resolve(code);
  if (!u || u->base.empty()) return std::nullopt;
  return value * u->factor + u->offset;
}

}  // namespace sitrep
