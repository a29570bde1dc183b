// @brief TopoJSON decoding (quantized, delta-encoded arcs) to SVG paths.
#include "kb/world_map.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "base/json.h"

namespace sitrep {
namespace {

struct Pt {
  double x, y;
};

// Appends ring `arcs` (indices; ~i is arc i reversed) as "M..L..Z". A ring
// that crosses the antimeridian (a jump of more than half the map) is
// unwrapped onto the side where most of it lies, so it is drawn whole and the
// viewBox clips the overhang instead of a wedge across the map.
void AppendRing(const std::vector<std::vector<Pt>>& arcs, const JsonValue& ring, std::string* d) {
  std::vector<Pt> pts;
  for (const JsonValue& a : ring.items()) {
    long idx = static_cast<long>(a.num());
    bool reversed = idx < 0;
    size_t i = static_cast<size_t>(reversed ? ~idx : idx);
    if (i >= arcs.size()) continue;
    const std::vector<Pt>& arc = arcs[i];
    for (size_t k = 0; k < arc.size(); ++k) {
      if (!pts.empty() && k == 0) continue;  // shared with the previous arc's end
      pts.push_back(reversed ? arc[arc.size() - 1 - k] : arc[k]);
    }
  }
  if (pts.empty()) return;
  bool crosses = false;
  for (size_t k = 1; k < pts.size(); ++k) {
    if (std::fabs(pts[k].x - pts[k - 1].x) > kMapWidth / 2.0) crosses = true;
  }
  if (crosses) {
    size_t east = 0;
    for (const Pt& p : pts) east += p.x > kMapWidth / 2.0;
    bool to_east = east * 2 >= pts.size();
    for (Pt& p : pts) {
      if (to_east && p.x < kMapWidth / 2.0) p.x += kMapWidth;
      if (!to_east && p.x > kMapWidth / 2.0) p.x -= kMapWidth;
    }
  }
  char buf[48];
  for (size_t k = 0; k < pts.size(); ++k) {
    std::snprintf(buf, sizeof buf, "%s%.1f %.1f", k == 0 ? "M" : "L", pts[k].x, pts[k].y);
    *d += buf;
  }
  *d += "Z";
}

}  // namespace

Result<std::string> TopoJsonToSvgPaths(std::string_view topojson) {
  Result<JsonValue> v = ParseJson(topojson);
  if (!v.ok()) return v.status();
  const JsonValue& t = (*v)["transform"];
  const JsonValue& countries = (*v)["objects"]["countries"]["geometries"];
  if ((*v).GetString("type") != "Topology" || !t.is_object() || !countries.is_array()) {
    return Status(Code::kParseError, "not a TopoJSON topology with a transform and countries");
  }
  double sx = t["scale"].items().at(0).num(), sy = t["scale"].items().at(1).num();
  double tx = t["translate"].items().at(0).num(), ty = t["translate"].items().at(1).num();
  std::vector<std::vector<Pt>> arcs;
  for (const JsonValue& arc : (*v)["arcs"].items()) {
    std::vector<Pt> pts;
    double qx = 0, qy = 0;
    for (const JsonValue& p : arc.items()) {
      if (p.items().size() < 2) continue;
      qx += p.items()[0].num();
      qy += p.items()[1].num();
      double lon = qx * sx + tx, lat = qy * sy + ty;
      pts.push_back({(lon + 180) / 360 * kMapWidth, (90 - lat) / 180 * kMapHeight});
    }
    arcs.push_back(std::move(pts));
  }
  std::string out;
  for (const JsonValue& g : countries.items()) {
    std::string d;
    const std::string type = g.GetString("type");
    if (type == "Polygon") {
      for (const JsonValue& ring : g["arcs"].items()) AppendRing(arcs, ring, &d);
    } else if (type == "MultiPolygon") {
      for (const JsonValue& poly : g["arcs"].items()) {
        for (const JsonValue& ring : poly.items()) AppendRing(arcs, ring, &d);
      }
    }
    if (d.empty()) continue;
    std::string iso = g["properties"].GetString("a3");
    out += "<path data-iso=\"" + iso + "\" d=\"" + d + "\"/>\n";
  }
  return out;
}

std::string WorldMapPath(const std::string& kb_path) {
  return std::filesystem::path(kb_path).replace_filename("world-110m.svg").string();
}

}  // namespace sitrep
