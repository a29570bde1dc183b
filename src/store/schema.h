// @brief The store's schema as an ordered list of migrations (docs/formats/store.md).
//
// Migration i (1-based) takes a store from schema version i-1 to i. The runner
// (Store::Migrate) applies each in its own transaction and then sets
// PRAGMA user_version = i and meta.schema_version = i in that same
// transaction. Never edit a released migration: append a new one.
#pragma once

#include <cstdint>
#include <span>

namespace sitrep {

struct Migration {
  int version;          // schema version after this script
  const char* summary;  // one line, for error messages and docs
  const char* sql;      // statements run inside the migration's transaction
};

// PRAGMA application_id of every sitrep store: "SITR" in ASCII.
inline constexpr int32_t kStoreApplicationId = 0x53495452;

// Ordered by version, contiguous from 1; size() == Store::kSchemaVersion.
std::span<const Migration> StoreMigrations();

}  // namespace sitrep
