// @brief Content hashes (XXH3-64) used as document ids.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep {

uint64_t Hash64(std::string_view data);
// 16 lower-case hex digits of Hash64.
std::string HashHex(std::string_view data);

}  // namespace sitrep
