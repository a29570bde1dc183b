// @brief AppendEntitiesJson: the `entities` array of a document's JSON
// (docs/formats/entity.md), offsets in code points.
#pragma once

#include <string_view>
#include <vector>

#include "base/json.h"
#include "entity/entity_recognizer.h"
#include "entity/entity_resolver.h"

namespace sitrep {

// Writes Key("entities") and the array: one object per mention with `start`,
// `end` (code points into `text`), `text`, `type`, `entity` (id), `name`
// (canonical), and when known `role`, `role_text`, `metonymy`.
// REQUIRES: resolved.size() == mentions.size(), indices into resolver.entities().
void AppendEntitiesJson(JsonWriter* w, std::string_view text, const std::vector<Mention>& mentions,
                        const std::vector<size_t>& resolved, const EntityResolver& resolver);

}  // namespace sitrep
