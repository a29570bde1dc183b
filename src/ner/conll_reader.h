// @brief ConllSentence, ReadConll: named-entity training and test data in the
// two-column CoNLL layout (token TAB tag, blank line between sentences, .gz
// or plain), every tag scheme read into IOB2 over PER, ORG and LOC.
//
// Tag mapping (decided once for training and scoring alike, docs/NER.md):
//   - a tag is a prefix letter (B or I, any case), a separator ('-', '_' or
//     '.') and a type; the type is compared case-insensitively with PER, ORG
//     and LOC ("B-PEr" is B-PER);
//   - any other type (MISC, GermEval's OTH, *deriv and *part, annotation
//     noise such as "B-BER") and any tag without that shape is O;
//   - IOB1 and IO become IOB2 after that mapping: an I-X that follows O or
//     another type starts an entity (B-X).
// `-DOCSTART-` lines are document markers, not sentences.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sitrep {

// The entity types the tagger knows, in tag order.
enum class NerType : uint8_t { kPer = 0, kOrg = 1, kLoc = 2 };
inline constexpr int kNerTypes = 3;
const char* NerTypeName(NerType t);  // "PER", "ORG", "LOC"

// Tags as small integers: 0 is O, 1 + 2t is B-t, 2 + 2t is I-t (t a NerType).
inline constexpr int kNerTags = 1 + 2 * kNerTypes;
inline constexpr uint8_t kTagO = 0;
inline uint8_t BeginTag(NerType t) { return static_cast<uint8_t>(1 + 2 * static_cast<int>(t)); }
inline uint8_t InsideTag(NerType t) { return static_cast<uint8_t>(2 + 2 * static_cast<int>(t)); }
inline bool IsBegin(uint8_t tag) { return tag != kTagO && (tag % 2) == 1; }
inline NerType TagType(uint8_t tag) { return static_cast<NerType>((tag - 1) / 2); }
std::string TagName(uint8_t tag);  // "O", "B-PER", ...

// A raw tag read as {prefix, type} under the mapping above, before IOB2
// repair: kTagO, or BeginTag/InsideTag of its type.
uint8_t ParseRawTag(std::string_view raw);

struct ConllSentence {
  std::vector<std::string> tokens;
  std::vector<uint8_t> tags;  // IOB2, one per token
};

// Which part of a file without an official split a sentence belongs to
// (the data's README): index i % 10 == 0 test, == 1 dev, else train.
enum class ConllSplit : uint8_t { kAll, kTrain, kDev, kTest };
ConllSplit SplitOfIndex(size_t sentence_index);

// "FILE" (every sentence) or "FILE@train", "FILE@dev", "FILE@test" (the
// split rule applied to the file): the path and the part.
struct ConllSource {
  std::string path;
  ConllSplit split = ConllSplit::kAll;
};
Result<ConllSource> ParseConllSource(std::string_view spec);

// Reads the sentences of `source` (gzip or plain text, at most `max_bytes`
// after decompression). Errors name the file and line: a non-empty line
// without a TAB, invalid UTF-8.
Result<std::vector<ConllSentence>> ReadConll(const ConllSource& source,
                                             size_t max_bytes = 256u << 20);

// Rewrites `tags` to IOB2 in place: an I-X after O or another type becomes B-X.
void RepairIob2(std::vector<uint8_t>* tags);

}  // namespace sitrep
