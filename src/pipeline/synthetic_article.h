// @brief Generated French news articles of any size, for the cost benchmark
// (bench/pipeline_bench.cc) and the hostile-input suite: ordinary varied
// paragraphs, so that no cleaning rule collapses them.
//
// Sentences are assembled from slots (opener, subject, verb, object, place,
// time, tail) filled by a seeded PRNG, with numbers and dates drawn at random:
// the same (bytes, seed) give the same text. The phrases are our own. Most
// paragraphs hold two to six sentences; about one in six is a lone sentence,
// the shape the pull-quote rule examines. Test support only: nothing in the
// pipeline reads this.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace sitrep {

// Plain text: a title line, then paragraphs separated by blank lines, at
// least `bytes` bytes in total (at most one paragraph more).
std::string SyntheticArticleText(size_t bytes, uint64_t seed = 1);

// An HTML page: head with title and date, <article> with an <h1> and one <p>
// per paragraph, navigation and a footer around it; at least `bytes` bytes.
std::string SyntheticArticleHtml(size_t bytes, uint64_t seed = 1);

}  // namespace sitrep
