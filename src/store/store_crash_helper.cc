// @brief store_crash_helper: writes batches of synthetic documents to a store.
//
// Usage: store_crash_helper DB FIRST_BATCH BATCHES DOCS_PER_BATCH [TEXT_BYTES]
// Writes batches FIRST_BATCH .. FIRST_BATCH+BATCHES-1 (forever when BATCHES
// is 0) and prints "committed <batch> inserted=<n> duplicates=<n>" after each
// commit, flushed, so store_test can SIGKILL it mid-ingest. At the end it
// prints "done documents=<n> seconds=<s>", which doubles as an ingest timing.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "store/store.h"
#include "store/synthetic_docs.h"

namespace {

bool ParseSize(const char* arg, size_t* out) {
  char* end = nullptr;
  unsigned long long v = std::strtoull(arg, &end, 10);
  if (end == arg || *end != '\0') return false;
  *out = static_cast<size_t>(v);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  size_t first = 0, batches = 0, per_batch = 0, text_bytes = 600;
  if ((argc != 5 && argc != 6) || !ParseSize(argv[2], &first) || !ParseSize(argv[3], &batches) ||
      !ParseSize(argv[4], &per_batch) || (argc == 6 && !ParseSize(argv[5], &text_bytes))) {
    std::fprintf(stderr,
                 "usage: %s DB FIRST_BATCH BATCHES DOCS_PER_BATCH [TEXT_BYTES]\n"
                 "  BATCHES 0 writes forever\n",
                 argv[0]);
    return 2;
  }
  auto store = sitrep::Store::Open(argv[1]);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  size_t documents = 0;
  for (size_t b = first; batches == 0 || b < first + batches; ++b) {
    std::vector<sitrep::Document> docs;
    docs.reserve(per_batch);
    for (size_t i = 0; i < per_batch; ++i)
      docs.push_back(sitrep::SyntheticDocument(b, i, text_bytes));
    auto result = (*store)->AddBatch(docs);
    if (!result.ok()) {
      std::fprintf(stderr, "batch %zu: %s\n", b, result.status().ToString().c_str());
      return 1;
    }
    documents += docs.size();
    std::printf("committed %zu inserted=%zu duplicates=%zu\n", b, result->inserted,
                result->duplicates);
    std::fflush(stdout);
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  std::printf("done documents=%zu seconds=%.3f\n", documents, elapsed.count());
  return 0;
}
