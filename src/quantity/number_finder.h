// @brief FindNumbers: numbers as news writes them, over QuantityLexicon tokens.
//
// Digits with any thousands separator (space, U+00A0, U+202F, thin space, the
// language's non-decimal point or comma, apostrophe) and the language's
// decimal separator (ICU); scale words and suffixes ("2,5 millions", "10k");
// spelled-out cardinals and ordinals (ICU spell-out tables); fractions
// ("trois quarts", "3/4", "un sur trois"); decimal words ("deux virgule
// cinq"); vague quantities ("des dizaines", "dozens") as intervals.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "doc/claim.h"
#include "quantity/quantity_lexicon.h"

namespace sitrep {

struct NumberMatch {
  uint32_t start = 0, end = 0;            // byte offsets, end exclusive
  size_t first_token = 0, end_token = 0;  // token range [first, end)
  NumberKind kind = NumberKind::kCardinal;
  double value = 0;            // kVague: the interval's lower end
  double min = 0, max = 0;     // equal to value unless kVague
  std::string vague_hedge;     // kVague: vague_plural or vague_few
  bool spelled = false;        // written in words (at least partly)
  bool grouped = false;        // digits with a thousands separator
  bool decimal = false;        // has a fractional part
  bool scaled = false;         // a scale word or suffix applied
  bool glued = false;          // letters glued on ("G20", "Covid-19", "180ml")
  bool date_like = false;      // part of 7.1.2022, 17/05/2018, 14:30, next to a month
  bool lone_one = false;       // a spelled "un"/"one" alone: most often an article
  bool bare_fraction = false;  // a fraction word without numerator ("demi", "moitié")
  int digits = 0;              // digits of the integer part as written
};

// Finds the numbers in `tokens` (from lexicon.Tokenize over `text`, whose
// byte 0 is token offset `base`).
std::vector<NumberMatch> FindNumbers(const QuantityLexicon& lexicon, std::string_view text,
                                     uint32_t base, const std::vector<QToken>& tokens);

}  // namespace sitrep
