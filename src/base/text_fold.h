// @brief Folding text for matching: case, accents, apostrophes, dashes, spaces.
#pragma once

#include <string>
#include <string_view>

namespace sitrep {

// Lower-cases, strips diacritics (é -> e, ё -> е), maps typographic apostrophes
// and quotes to ASCII, dashes to '-', and runs of whitespace to one space;
// trims. "L’Élysée  a" -> "l'elysee a". Used for cue lists and duplicate tests.
std::string FoldForMatch(std::string_view text);

// Appends the fold of one token (a text without whitespace) to *out: each
// code point folded as FoldForMatch folds it, nothing trimmed, and with
// `drop_soft_hyphens` the soft hyphens (U+00AD, invisible inside a word)
// left out. Otherwise this is FoldForMatch(text); the folds of glued tokens
// concatenate to the fold of their text.
void AppendTokenFold(std::string_view text, bool drop_soft_hyphens, std::string* out);

// Letters and digits only, folded, each word separated by one space:
// "« Mode PLS »." -> "mode pls".
std::string FoldToWords(std::string_view text);

}  // namespace sitrep
