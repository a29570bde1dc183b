// @brief sitrep eval tasks for the extraction stages (time, quantities,
// entities): each runs the stage's scorer on gold files and prints figures.
#pragma once

#include <string>

#include "base/options.h"
#include "cli/command.h"

namespace sitrep {

int EvalTime(const ParsedArgs& args, const Options& options);      // seed temporal.json
int EvalTimeSpec(const ParsedArgs& args, const Options& options);  // Recognizers DateTimeModel
// "quantity" (seed quantities.json), "numbers" or "currency" (Recognizers specs).
int EvalQuantity(const std::string& task, const ParsedArgs& args, const Options& options);
int EvalEntity(const ParsedArgs& args, const Options& options);  // seed entities

}  // namespace sitrep
