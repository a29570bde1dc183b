// @brief Tests for size-limited reads and gzip.
#include "base/file_io.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

namespace sitrep {
namespace {

std::string Gzip(const std::string& data) {
  std::string out(compressBound(data.size()) + 64, '\0');
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = data.size();
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = out.size();
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST(FileIo, RefusesFilesOverTheLimitWithoutReading) {
  std::string path = (std::filesystem::temp_directory_path() / "sitrep_big.txt").string();
  std::ofstream(path) << std::string(5000, 'x');
  Result<std::string> r = ReadFileLimited(path, 1000);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kTooLarge);
  EXPECT_NE(r.status().message().find("5000 bytes"), std::string::npos);
  EXPECT_TRUE(ReadFileLimited(path, 5000).ok());
}

TEST(FileIo, GunzipRoundTripAndLimits) {
  std::string data(100000, 'a');
  std::string gz = Gzip(data);
  EXPECT_TRUE(LooksGzipped(gz));
  Result<std::string> r = Gunzip(gz, 1 << 20);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, data);
  Result<std::string> small = Gunzip(gz, 1000);
  ASSERT_FALSE(small.ok());
  EXPECT_EQ(small.status().code(), Code::kTooLarge);
  Result<std::string> cut = Gunzip(gz.substr(0, gz.size() / 2), 1 << 20);
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.status().code(), Code::kParseError);
}

}  // namespace
}  // namespace sitrep
