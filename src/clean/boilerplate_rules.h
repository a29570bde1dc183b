// @brief BoilerplateRules: cue phrases per language (data/lang/<code>/boilerplate.tsv)
// that mark share widgets, related links, navigation, copyright lines and the like.
//
// Format (docs/formats/lang.md): `pattern<TAB>reason<TAB>match`, where
// match is one of
//   line      the whole block is the pattern (trailing ":" "." "›" ignored)
//   prefix    the block starts with the pattern, at a word boundary
//   contains  a short block (<= 40 words) contains the pattern
//   label     a short block (<= 12 words) starts with the pattern ("Updated 3 hours ago")
//   byline    a short unpunctuated block (<= 8 words) is the pattern followed by a
//             capitalised name ("By Rachel Okafor", "Par Claire Vasseur")
//   sentence  any sentence containing the pattern is removed, in any block
//   inline    the exact, case-sensitive text is cut wherever it occurs
//             (icon labels glued to words: "l'UkraineLien externe")
// Patterns are compared after FoldForMatch (case and accents ignored), except
// inline ones. All languages' cues apply to every document: sites mix them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/options.h"
#include "base/status.h"

namespace sitrep {

enum class CueMatch { kLine, kPrefix, kContains, kLabel, kByline, kSentence, kInline };

struct Cue {
  std::string pattern;  // folded, except for kInline
  std::string reason;
  CueMatch match = CueMatch::kLine;
  std::string lang;
};

class BoilerplateRules {
 public:
  static Result<BoilerplateRules> Load(const Options& options);

  // The first line/prefix/contains cue that matches a block, or nullptr.
  // `folded` is FoldForMatch(block text); `words` its word count.
  const Cue* MatchBlock(std::string_view folded, size_t words) const;
  // The first sentence cue contained in a folded sentence, or nullptr.
  const Cue* MatchSentence(std::string_view folded) const;
  const std::vector<Cue>& inline_cues() const { return inline_; }
  // The byline cue `text` (original case) starts with, when it is a byline.
  const Cue* MatchByline(std::string_view text, std::string_view folded, size_t words) const;
  // Words that mark a narrated (past/finite) clause, which photo captions lack.
  bool IsNarrationWord(std::string_view folded_word) const;
  size_t size() const { return block_.size() + sentence_.size() + inline_.size(); }

 private:
  std::vector<Cue> block_, sentence_, inline_, byline_;
  std::vector<std::string> narration_;  // sorted
};

}  // namespace sitrep
