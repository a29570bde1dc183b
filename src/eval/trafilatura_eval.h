// @brief Scoring an extractor on the trafilatura evaluation set (snippets that must / must not
// appear).
//
// The set (github.com/adbar/trafilatura, tests/evaldata.json, Apache-2.0) maps
// each page URL to a gzipped HTML file, `with` snippets that belong to the
// article and `without` snippets that are boilerplate. A `with` snippet found
// in the extracted text is a true positive, else a false negative; a `without`
// snippet found is a false positive, else a true negative.
//
// Matching is exact substring search after NormalizeForEval on both sides:
// Unicode NFC, then every run of whitespace (Unicode spaces included) becomes
// one space, then trim. Nothing else: no case folding, no fuzzy matching.
// A page whose extraction fails counts all its `with` as FN, `without` as TN.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sitrep {

// Returns the extracted text of one page (UTF-8, the page's bytes decoded).
using ExtractTextFn = std::function<Result<std::string>(std::string_view html)>;

struct EvalCounts {
  int tp = 0, fp = 0, tn = 0, fn = 0;
  double Precision() const { return tp + fp ? static_cast<double>(tp) / (tp + fp) : 0; }
  double Recall() const { return tp + fn ? static_cast<double>(tp) / (tp + fn) : 0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  void Add(const EvalCounts& o) { tp += o.tp, fp += o.fp, tn += o.tn, fn += o.fn; }
};

struct EvalPage {
  std::string url;
  std::string file;
  EvalCounts counts;
  std::vector<std::string> missed;  // `with` snippets not found (FN)
  std::vector<std::string> leaked;  // `without` snippets found (FP)
  std::string error;                // extraction failure, empty when OK
  size_t html_bytes = 0;            // decoded HTML given to the extractor
  double seconds = 0;               // time spent in the extractor
};

struct EvalReport {
  EvalCounts counts;
  std::vector<EvalPage> pages;  // in the order of the JSON file
  int failed_pages = 0;
  size_t html_bytes = 0;
  double extract_seconds = 0;  // sum over pages, single thread
};

struct EvalOptions {
  std::string dir;  // holds the JSON file and html/
  std::string json_name = "evaldata-subset.json";
  size_t max_page_bytes = 64u << 20;  // gunzip limit per page
  // When non-empty, only pages whose file name equals this are scored.
  std::string only_file;
};

// NFC + whitespace collapse + trim (see the header comment).
std::string NormalizeForEval(std::string_view text);

// Loads the set and scores `extract` on every page. Errors: the JSON file or a
// page cannot be read, or the JSON does not have the expected shape.
Result<EvalReport> ScoreTrafilaturaEval(const EvalOptions& options, const ExtractTextFn& extract);

}  // namespace sitrep
