// @brief libFuzzer target: the text reader and the whole per-document pipeline
// on arbitrary bytes (format sniffing, gzip, encoding detection, JSON parsing,
// boilerplate rules, dates, segmentation, entities when a knowledge base is
// built, time expressions, numbers and claims) must return a Document or an
// error, never crash.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "base/json.h"
#include "pipeline/pipeline.h"
#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (256u << 10)) return 0;
  static sitrep::Pipeline* pipeline = [] {
    sitrep::Options o;
    o.data_dir = SITREP_SOURCE_DIR "/data";
    auto p = sitrep::Pipeline::Create(o);
    if (!p.ok()) {  // the fuzzer's own setup, not input
      std::fprintf(stderr, "text_fuzz: %s\n", p.status().ToString().c_str());
      std::abort();
    }
    return std::move(p).value().release();
  }();
  std::string bytes(reinterpret_cast<const char*>(data), size);
  sitrep::Options options;
  options.max_document_bytes = 1u << 20;
  options.max_gzip_bytes = 1u << 20;
  sitrep::RawDocument raw = sitrep::ReadBytes("fuzz.txt", "fuzz.txt", bytes, options);
  sitrep::Document doc = pipeline->Process(raw);
  (void)sitrep::DocumentToJson(doc);
  (void)sitrep::ParseJson(bytes);
  return 0;
}
