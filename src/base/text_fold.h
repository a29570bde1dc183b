// @brief Folding text for matching: case, accents, apostrophes, dashes, spaces.
#pragma once

#include <string>
#include <string_view>

namespace sitrep {

// Lower-cases, strips diacritics (é -> e, ё -> е), maps typographic apostrophes
// and quotes to ASCII, dashes to '-', and runs of whitespace to one space;
// trims. "L’Élysée  a" -> "l'elysee a". Used for cue lists and duplicate tests.
std::string FoldForMatch(std::string_view text);

// Letters and digits only, folded, each word separated by one space:
// "« Mode PLS »." -> "mode pls".
std::string FoldToWords(std::string_view text);

}  // namespace sitrep
