// @brief File and gzip helpers (zlib).
#include "base/file_io.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace sitrep {

Result<std::string> ReadFileLimited(const std::string& path, size_t limit) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status::IoError(path + ": " + ec.message());
  if (size > limit) {
    return Status(Code::kTooLarge, path + ": file is " + std::to_string(size) +
                                       " bytes, larger than the limit of " + std::to_string(limit) +
                                       " bytes (max_document_bytes)");
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::IoError(path + ": " + std::strerror(errno));
  std::string data(size, '\0');
  size_t got = size ? std::fread(data.data(), 1, size, f) : 0;
  std::fclose(f);
  data.resize(got);
  return data;
}

bool LooksGzipped(std::string_view data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
         static_cast<unsigned char>(data[1]) == 0x8b;
}

Result<std::string> Gunzip(std::string_view data, size_t limit, std::string_view limit_name) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return Status::Internal("zlib init failed");
  std::string out;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  char buf[1 << 16];
  int rc = Z_OK;
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) break;
    out.append(buf, sizeof buf - zs.avail_out);
    if (out.size() > limit) {
      inflateEnd(&zs);
      return Status(Code::kTooLarge, "gzip data inflates to more than " + std::to_string(limit) +
                                         " bytes (" + std::string(limit_name) + ")");
    }
    if (rc == Z_STREAM_END) {
      if (zs.avail_in == 0) break;
      inflateReset(&zs);  // next member of a multi-member file
    }
  }
  size_t consumed = data.size() - zs.avail_in;
  inflateEnd(&zs);
  if (rc != Z_STREAM_END) {
    return Status(Code::kParseError,
                  "corrupt or truncated gzip data near byte " + std::to_string(consumed));
  }
  return out;
}

Status WriteFileAtomic(const std::string& path, std::string_view data) {
  const std::string tmp = path + ".tmp";
  // Any failure removes the temporary file: a full disk leaves nothing behind,
  // and `path` keeps its previous content.
  auto fail = [&tmp](const std::string& what, int err) {
    ::unlink(tmp.c_str());
    return Status::IoError(what + ": " + std::strerror(err));
  };
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IoError(tmp + ": cannot open for writing: " + std::strerror(errno));
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = n < 0 ? errno : EIO;
      ::close(fd);
      return fail(tmp, err);
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  // fsync before rename: after a crash `path` is the old or the new file, whole.
  if (::fsync(fd) != 0) {
    const int err = errno;
    ::close(fd);
    return fail(tmp, err);
  }
  if (::close(fd) != 0) return fail(tmp, errno);
  if (::rename(tmp.c_str(), path.c_str()) != 0) return fail(path, errno);
  return Status::Ok();
}

}  // namespace sitrep
