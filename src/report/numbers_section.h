// @brief The report's "What the numbers say" section (figure series as HTML).
#pragma once

#include <string>
#include <vector>

#include "doc/document.h"
#include "figures/figures.h"

namespace sitrep {

// Its CSS, appended to the report's style sheet.
extern const char kNumbersCss[];

// Appends the section: series not single first (in the order given), each with
// its summary, an inline SVG chart, conflicting claims side by side and its
// claims with their sentences; then the single-claim series, folded.
void AppendNumbersSection(const std::vector<FigureSeries>& series,
                          const std::vector<Document>& docs, std::string* h);

}  // namespace sitrep
