// @brief What every file of sitrep_bench shares: the source tree it was built
// from, and Options that read the language data there.
#pragma once

#include <string>

#include "base/options.h"

namespace sitrep {

inline std::string Root() { return SITREP_SOURCE_DIR; }

inline Options BenchOptions() {
  Options o;
  o.data_dir = Root() + "/data";
  return o;
}

}  // namespace sitrep
