// @brief The on-disk records of the knowledge base file (docs/formats/kb.md).
// Little-endian, fixed size; shared by the writer and the loader only.
#pragma once

#include <cstdint>
#include <string_view>

namespace sitrep {

inline constexpr std::string_view kKbMagic = "SITREPKB\n";

struct FileCounts {
  uint32_t entities, aliases, roles, pool_bytes;
};
struct FileEntity {
  uint32_t id_off, id_len, canon_off, canon_len;
  uint8_t type, kind, bits, pad;  // bits: 1 has_coords, 2 capital
  char country[2];
  uint16_t pad2;
  float lat, lon;
  uint32_t population, prior;
};
struct FileAlias {
  uint32_t key_off, text_off;
  uint16_t key_len, text_len;
  uint32_t entity;
  uint8_t lang, flags;
  uint16_t pad;
};
struct FileString {
  uint32_t off, len;
};
struct FileRole {
  uint32_t person;
  FileString s[4];  // role, of, from, to
};
static_assert(sizeof(FileEntity) == 40 && sizeof(FileAlias) == 20 && sizeof(FileRole) == 36);

}  // namespace sitrep
