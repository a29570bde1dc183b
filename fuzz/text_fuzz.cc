// @brief libFuzzer target: the text reader and cleaner on arbitrary bytes
// (format sniffing, gzip, encoding detection, JSON parsing, boilerplate
// rules, dates, segmentation) must return a Document or an error, never crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "base/json.h"
#include "clean/cleaner.h"
#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (256u << 10)) return 0;
  static sitrep::Cleaner* cleaner = [] {
    sitrep::Options o;
    o.data_dir = SITREP_SOURCE_DIR "/data";
    auto c = sitrep::Cleaner::Create(o);
    if (!c.ok()) std::abort();  // the fuzzer's own setup, not input
    return std::move(c).value().release();
  }();
  std::string bytes(reinterpret_cast<const char*>(data), size);
  sitrep::Options options;
  options.max_document_bytes = 1u << 20;
  options.max_gzip_bytes = 1u << 20;
  sitrep::RawDocument raw = sitrep::ReadBytes("fuzz.txt", "fuzz.txt", bytes, options);
  sitrep::Document doc = cleaner->Clean(raw);
  (void)sitrep::DocumentToJson(doc);
  (void)sitrep::ParseJson(bytes);
  return 0;
}
