// @brief Stories in the CLI (cmd_stories.cc): clustering a store's documents,
// listing stories, scoring them.
#pragma once

#include <cstddef>
#include <vector>

#include "base/options.h"
#include "base/status.h"
#include "cli/args.h"
#include "doc/document.h"

namespace sitrep {

class Store;

struct StoryRun {
  size_t documents = 0;    // documents assigned
  size_t new_stories = 0;  // stories they started
  size_t stories = 0;      // stories in the store after
};

// Assigns the store's documents that have no story yet to stories, in
// publication order (StoryOrder), against the saved stories, and saves the
// result; with `rebuild`, re-clusters every document from nothing.
Result<StoryRun> ClusterStore(Store* store, bool rebuild);

// `sitrep stories rebuild --db FILE`.
int CmdStories(int argc, char** argv);
// `sitrep query stories`: one block (or JSON line) per story.
int QueryStories(const std::vector<Document>& docs, bool json);
// `sitrep eval stories`.
int EvalStories(const ParsedArgs& args, const Options& options);

}  // namespace sitrep
