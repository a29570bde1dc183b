// @brief A linear pre-pass that flattens absurdly deep tag nesting before gumbo sees it.
//
// The HTML5 tree builder scans the stack of open elements for many start tags,
// so N nested <div>s cost O(N^2) in gumbo (100,000 of them take ~30 s). This
// pass estimates nesting from the tags alone (void elements, self-closing
// tags, raw-text elements, comments and implicitly closed p/li/td... are
// accounted for) and, when it exceeds a limit, removes the start and end tags
// that lie deeper than the limit. Their text stays, attached to the deepest
// kept element. Tested by html_extractor_test (DeepNesting*).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sitrep {

// Returns the rewritten HTML when some tag nests deeper than `max_depth`;
// std::nullopt (no copy) when the input is within the limit.
std::optional<std::string> FlattenDeepNesting(std::string_view html, int max_depth);

}  // namespace sitrep
