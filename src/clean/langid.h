// @brief Language identification with CLD2 (the only file that includes CLD2).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

struct LangGuess {
  std::string code = "und";  // ISO 639-1 ("fr"), or "und"
  int percent = 0;           // share of the text in that language
  bool reliable = false;     // CLD2's own reliability verdict
};

// Identifies the main language of plain text. `hint` (ISO code, may be empty)
// nudges CLD2 towards a language expected from metadata.
LangGuess DetectLanguage(std::string_view text, std::string_view hint = {});

// Alphabets of languages from ICU's locale exemplar sets (CLDR), for text too
// short for CLD2: "Tropas Kazajistán" in a French article has a letter (á)
// that French does not use, and Spanish uses all of its letters.
class Alphabets {
 public:
  explicit Alphabets(const std::vector<std::string>& langs);
  ~Alphabets();
  Alphabets(const Alphabets&) = delete;
  Alphabets& operator=(const Alphabets&) = delete;

  // The language whose alphabet covers every letter of `text` when the
  // alphabet of `doc_lang` does not; empty when there is none or no evidence.
  std::string ForeignLanguage(std::string_view text, std::string_view doc_lang) const;

 private:
  struct Set;
  std::vector<std::pair<std::string, Set*>> sets_;
};

}  // namespace sitrep
