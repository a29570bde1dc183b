// @brief libFuzzer target: the JSONL reader (line cutting, gzip, BOMs, binary
// detection, JSON parsing, field checks, limits) on arbitrary bytes must give
// documents or per-line errors, never crash, and every document it gives is
// either an error or valid UTF-8 within the limits.
//
// The input is handed to ReadJsonl as a file: an anonymous memory file
// (memfd), named through /proc/self/fd, so the reader's real path is fuzzed.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "base/utf8.h"
#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (256u << 10)) return 0;
  static const sitrep::Options* options = [] {
    auto* o = new sitrep::Options();
    o->max_document_bytes = 4096;     // small limits, so the too-large paths are reached
    o->max_jsonl_line_bytes = 8192;
    o->max_gzip_bytes = 1u << 20;
    return o;
  }();
  int fd = memfd_create("jsonl_fuzz", 0);
  if (fd < 0) std::abort();  // the fuzzer's own setup, not input
  for (size_t done = 0; done < size;) {
    ssize_t n = write(fd, data + done, size - done);
    if (n <= 0) std::abort();
    done += static_cast<size_t>(n);
  }
  const std::string path = "/proc/self/fd/" + std::to_string(fd);
  sitrep::ReadJsonl(path, *options, [](sitrep::RawDocument&& doc) {
    if (!doc.status.ok()) return;
    if (doc.text.size() > options->max_document_bytes) std::abort();
    if (!sitrep::IsValidUtf8(doc.text)) std::abort();
  });
  close(fd);
  return 0;
}
