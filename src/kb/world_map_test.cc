// @brief Tests for TopoJSON -> SVG paths.
#include "kb/world_map.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(WorldMap, DecodesQuantizedArcsIntoPaths) {
  // Two arcs forming a square around (0,0): delta-encoded, scale 1 degree.
  const char* topo = R"({"type":"Topology","transform":{"scale":[1,1],"translate":[-10,-10]},
    "objects":{"countries":{"type":"GeometryCollection","geometries":[
      {"type":"Polygon","arcs":[[0,-2]],"properties":{"a3":"XXX"}}]}},
    "arcs":[[[0,0],[20,0],[0,20]],[[0,0],[0,20],[20,0]]]})";
  Result<std::string> svg = TopoJsonToSvgPaths(topo);
  ASSERT_TRUE(svg.ok()) << svg.status().ToString();
  // (-10,-10) -> x = 170/360*1000 = 472.2, y = 100/180*500 = 277.8
  EXPECT_EQ(*svg, "<path data-iso=\"XXX\" d=\"M472.2 277.8L527.8 277.8L527.8 222.2L472.2 222.2L472.2 277.8Z\"/>\n");
}

TEST(WorldMap, RefusesWhatIsNotATopology) {
  EXPECT_FALSE(TopoJsonToSvgPaths("{\"type\":\"FeatureCollection\"}").ok());
  EXPECT_FALSE(TopoJsonToSvgPaths("not json").ok());
}

}  // namespace
}  // namespace sitrep
