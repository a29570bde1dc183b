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

// Appends ring `arcs` (indices; ~i is arc i reversed) as "M..L..Z".
void AppendRing(const std::vector<std::vector<Pt>>& arcs, const JsonValue& ring, std::string* d) {
  bool first = true;
  double last_x = 0;
  char buf[48];
  for (const JsonValue& a : ring.items()) {
    long idx = static_cast<long>(a.num());
    bool reversed = idx < 0;
    size_t i = static_cast<size_t>(reversed ? ~idx : idx);
    if (i >= arcs.size()) continue;
    const std::vector<Pt>& pts = arcs[i];
    for (size_t k = 0; k < pts.size(); ++k) {
      const Pt& p = reversed ? pts[pts.size() - 1 - k] : pts[k];
      if (!first && k == 0) continue;  // shared with the previous arc's end
      // A jump across the map is a ring crossing the antimeridian: lift the pen.
      bool jump = !first && std::fabs(p.x - last_x) > kMapWidth / 2.0;
      std::snprintf(buf, sizeof buf, "%s%.1f %.1f", first || jump ? "M" : "L", p.x, p.y);
      last_x = p.x;
      *d += buf;
      first = false;
    }
  }
  if (!first) *d += "Z";
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
