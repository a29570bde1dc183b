// @brief Reading files and gzip streams under a size limit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/status.h"

namespace sitrep {

// Reads a whole file. Refuses (kTooLarge) without reading it when it is larger
// than `limit` bytes.
Result<std::string> ReadFileLimited(const std::string& path, size_t limit);

// True when `data` starts with the gzip magic bytes.
bool LooksGzipped(std::string_view data);

// Inflates a gzip (or concatenated gzip members) buffer. Stops as soon as the
// output passes `limit` bytes: kTooLarge, naming the Options field
// `limit_name`. kParseError with the input byte offset on corrupt data.
Result<std::string> Gunzip(std::string_view data, size_t limit,
                           std::string_view limit_name = "max_gzip_bytes");

// Writes `data` to `path` atomically: `path`.tmp, fsync, rename. On any
// failure (full disk, read-only directory) the temporary file is removed and
// `path` is left as it was; the error says which file and why (strerror).
Status WriteFileAtomic(const std::string& path, std::string_view data);

}  // namespace sitrep
