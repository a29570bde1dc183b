// @brief Escaping text for HTML element content and attribute values, shared
// by the report's sections.
#pragma once

#include <string>
#include <string_view>

namespace sitrep {

// `s` with & < > " ' replaced by their entities.
std::string Esc(std::string_view s);

}  // namespace sitrep
