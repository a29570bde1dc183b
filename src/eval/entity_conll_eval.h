// @brief ScoreConllEntities: the entity recognizer on a CoNLL NER file
// (token<TAB>tag), entity-level exact-match P/R/F1 per type, CoNLL rule,
// PER/LOC/ORG only (docs/EVAL-entity.md, "CoNLL files").
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "kb/kb.h"

namespace sitrep {

struct ConllDocSentence {
  std::vector<std::string> tokens, tags;
};

// Sentences grouped by document: a `-DOCSTART-` line starts a document; a
// file without one has one document per sentence.
using ConllDocument = std::vector<ConllDocSentence>;

// Reads a CoNLL file (gzip or plain): one `token<TAB>tag` per line (extra
// columns ignored, the tag is the last), a blank line between sentences.
// A line without a TAB is an error naming `path:line`.
Result<std::vector<ConllDocument>> ReadConllDocuments(const std::string& path);

// An entity of a sentence: tokens [begin, end), type PER, LOC or ORG.
struct ConllSpan {
  size_t begin = 0, end = 0;
  std::string type;
  auto operator<=>(const ConllSpan&) const = default;
};

// The PER/LOC/ORG entities of IOB1, IOB2 or IO tags: an entity starts at a
// B- tag, or at an I- tag after O or another type. Other types (MISC,
// GermEval's LOCderiv, ...) are not entities here.
std::vector<ConllSpan> ConllEntities(const std::vector<std::string>& tags);

// The text a document is recognized as: its sentences one per line, tokens
// joined by a space, except none before closing punctuation (, . ; : ! ? ) ]
// ” %) nor after an opening bracket or quote or an elision apostrophe
// ("l'"). `offsets[s][k]` gets the byte range of token k of sentence s.
std::string ConllText(const ConllDocument& doc,
                      std::vector<std::vector<std::pair<size_t, size_t>>>* offsets);

struct ConllCounts {
  int gold = 0, predicted = 0, matched = 0;
  double Precision() const { return predicted ? double(matched) / predicted : 0; }
  double Recall() const { return gold ? double(matched) / gold : 0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct ConllScores {
  size_t documents = 0, sentences = 0;
  ConllCounts all;
  std::map<std::string, ConllCounts> by_type;  // PER, LOC, ORG
  // "FN TYPE text | sentence" and "FP TYPE text | sentence", in file order.
  std::vector<std::string> errors;
};

// Recognizes each document of `path` in language `lang` (named mentions only:
// no ADJ, no nominal) and scores them against the gold. A system mention
// that does not start and end on token boundaries counts as predicted and
// matches nothing.
Result<ConllScores> ScoreConllEntities(const KnowledgeBase& kb, const std::string& data_dir,
                                       const std::string& path, std::string_view lang);

}  // namespace sitrep
