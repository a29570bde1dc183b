// @brief Report: stored documents -> report.json and a self-contained report.html.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "doc/document.h"
#include "figures/figures.h"

namespace sitrep {

struct ReportFailure {
  std::string source, code, message;
};

struct ReportInput {
  std::vector<Document> documents;
  std::vector<ReportFailure> failures;
  std::string generated_by = "sitrep";
  // SVG paths of the world's countries (kb/world_map.h), drawn under the
  // places map; empty: the map shows points only.
  std::string world_paths;
  // Figure series across the documents (BuildFigures over `documents`):
  // report.json's "figures" and the first section of report.html.
  std::vector<FigureSeries> figures;
};

// Writes DIR/report.json (docs/FORMAT.md "Report") and DIR/report.html
// (no scripts or styles from the network). Creates DIR when missing.
Status WriteReport(const ReportInput& input, const std::string& dir);

// The JSON and HTML as strings (for tests).
std::string ReportJson(const ReportInput& input);
std::string ReportHtml(const ReportInput& input);

}  // namespace sitrep
