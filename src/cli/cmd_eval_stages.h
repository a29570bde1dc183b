// @brief sitrep eval tasks for the extraction stages (time, quantities,
// entities): each runs the stage's scorer on gold files and prints figures.
#pragma once

#include <string>

#include "base/options.h"
#include "cli/command.h"

namespace sitrep {

int EvalTime(const ParsedArgs& args, const Options& options);      // seed temporal.json
int EvalTimeSpec(const ParsedArgs& args, const Options& options);  // Recognizers DateTimeModel
// Span recall on the Recognizers DateTime extractor specs (Date, DatePeriod, ...).
int EvalTimeExtract(const ParsedArgs& args, const Options& options);
// "quantity" (seed quantities.json), "numbers" or "currency" (Recognizers specs).
int EvalQuantity(const std::string& task, const ParsedArgs& args, const Options& options);
int EvalEntity(const ParsedArgs& args, const Options& options);  // seed entities
// Entity recognizer on a CoNLL NER file: exact-match F1 per type (PER/LOC/ORG).
int EvalEntityConll(const ParsedArgs& args, const Options& options);
// The NER tagger on CoNLL gold files (cmd_ner.cc).
int EvalNer(const ParsedArgs& args, const Options& options);
// Seed reconciliation groups against figure series (whole pipeline on the seeds).
int EvalFigures(const ParsedArgs& args, const Options& options);
// seed quotes.json: speech span F1, speaker accuracy, terms
int EvalQuotes(const ParsedArgs& args, const Options& options);

}  // namespace sitrep
