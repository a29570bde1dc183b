// @brief libFuzzer target: ExtractHtml on arbitrary bytes must return, never crash.
//
// Inputs are capped at 256 KiB (larger inputs only slow the search down) and
// limits are kept low so that deep-nesting and node-count paths are reached.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "html/html_extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (256u << 10)) return 0;
  static const sitrep::Options* options = [] {
    auto* o = new sitrep::Options();
    o->max_html_depth = 64;
    o->max_html_nodes = 20000;
    return o;
  }();
  auto result =
      sitrep::ExtractHtml(std::string_view(reinterpret_cast<const char*>(data), size), *options);
  (void)result;
  return 0;
}
