// @brief NameTransliterator: spelling variants of names across scripts and
// languages (ICU BGN transforms plus the project's rule files), and a
// spelling-independent key for clustering names (data/kb/*.rules).
//
// Not thread-safe (ICU transliterators keep state): one per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace sitrep {

class NameTransliterator {
 public:
  // Compiles the ICU system transforms, data_dir/kb/name_key.rules and the
  // data_dir/lang/<code>/names_from_cyrillic.rules of every language of
  // data/lang that has one. A bad rule file is an InvalidArgument naming the
  // file and ICU's parse error offset; a bad lang.tsv is its error.
  static Result<std::unique_ptr<NameTransliterator>> Create(const std::string& data_dir);
  ~NameTransliterator();

  // Latin spellings of a Cyrillic name as (lang, text): BGN for en (Russian or
  // Kazakh BGN by `script_lang` "ru"/"kk"), each language's
  // names_from_cyrillic.rules (Russian names only), and Any-Latin;Latin-ASCII
  // as "*". Capitalisation follows the source words.
  std::vector<std::pair<std::string, std::string>> LatinVariants(std::string_view cyrillic,
                                                                 std::string_view script_lang);
  // Latin -> Cyrillic (Latin-Russian/BGN): "Tokayev" -> "Токаев".
  std::string ToCyrillic(std::string_view latin);
  // Any script -> plain ASCII ("Тоқаев" -> "Toqaev").
  std::string ToAscii(std::string_view text);
  // The clustering key: ASCII, lower case, then name_key.rules ("Tokaïev" -> "tkv").
  std::string Key(std::string_view name);

 private:
  struct Impl;
  explicit NameTransliterator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep
