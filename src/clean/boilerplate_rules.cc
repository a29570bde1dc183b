// @brief Loading and matching boilerplate cues.
#include "clean/boilerplate_rules.h"

#include <algorithm>

#include "base/data_file.h"
#include "base/text_fold.h"
#include "base/utf8.h"

#include <unicode/uchar.h>

namespace sitrep {
namespace {

bool IsWordByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
}

// True when `pattern` occurs in `text` starting and ending at word boundaries.
bool ContainsWords(std::string_view text, std::string_view pattern) {
  for (size_t pos = text.find(pattern); pos != std::string_view::npos;
       pos = text.find(pattern, pos + 1)) {
    bool left = pos == 0 || !IsWordByte(text[pos - 1]) || !IsWordByte(pattern.front());
    size_t end = pos + pattern.size();
    bool right = end >= text.size() || !IsWordByte(text[end]) || !IsWordByte(pattern.back());
    if (left && right) return true;
  }
  return false;
}

// Strips trailing punctuation and leading bullets that do not change what a
// short widget line says: "Share Post:" -> "share post", "› Sommaire" -> "sommaire".
std::string_view StripDecoration(std::string_view s) {
  auto deco = [](char c) {
    return c == ':' || c == '.' || c == ' ' || c == '|' || c == '-' || c == '>' || c == '*' ||
           c == '!' || c == '"' || c == '\'' || c == '(' || c == ')';
  };
  while (!s.empty() && deco(s.back())) s.remove_suffix(1);
  // Multi-byte decorations: "›" (E2 80 BA), "»" (C2 BB), "…" (E2 80 A6), "•" (E2 80 A2).
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view d : {"\xE2\x80\xBA", "\xC2\xBB", "\xE2\x80\xA6", "\xE2\x80\xA2", "\xE2\x96\xBA"}) {
      if (s.size() >= d.size() && s.substr(s.size() - d.size()) == d) {
        s.remove_suffix(d.size());
        changed = true;
      }
      if (s.size() >= d.size() && s.substr(0, d.size()) == d) {
        s.remove_prefix(d.size());
        changed = true;
      }
    }
    while (!s.empty() && deco(s.back())) { s.remove_suffix(1); changed = true; }
    while (!s.empty() && (s.front() == ' ' || s.front() == '>' || s.front() == '*' || s.front() == '-')) {
      s.remove_prefix(1);
      changed = true;
    }
  }
  return s;
}

}  // namespace

Result<BoilerplateRules> BoilerplateRules::Load(const Options& options) {
  BoilerplateRules rules;
  for (const std::string& lang : DataLanguages(options)) {
    std::string dir = DataDir(options) + "/lang/" + lang;
    Result<TsvFile> file = ReadTsv(dir + "/boilerplate.tsv", 3, 3);
    if (file.ok()) {
      for (const TsvRow& row : file->rows) {
        Cue cue;
        cue.reason = row.fields[1];
        cue.lang = lang;
        const std::string& m = row.fields[2];
        if (m == "line") cue.match = CueMatch::kLine;
        else if (m == "prefix") cue.match = CueMatch::kPrefix;
        else if (m == "contains") cue.match = CueMatch::kContains;
        else if (m == "label") cue.match = CueMatch::kLabel;
        else if (m == "byline") cue.match = CueMatch::kByline;
        else if (m == "sentence") cue.match = CueMatch::kSentence;
        else if (m == "inline") cue.match = CueMatch::kInline;
        else return file->ErrorAt(row, "unknown match \"" + m + "\" (line, prefix, contains, label, byline, sentence, inline)");
        if (cue.reason.empty() || row.fields[0].empty()) return file->ErrorAt(row, "empty pattern or reason");
        cue.pattern = cue.match == CueMatch::kInline ? row.fields[0] : FoldForMatch(row.fields[0]);
        if (cue.match == CueMatch::kLine) cue.pattern = std::string(StripDecoration(cue.pattern));
        auto& list = cue.match == CueMatch::kSentence ? rules.sentence_
                     : cue.match == CueMatch::kInline ? rules.inline_
                     : cue.match == CueMatch::kByline ? rules.byline_ : rules.block_;
        list.push_back(std::move(cue));
      }
    } else if (file.status().code() != Code::kNotFound) {
      return file.status();
    }
    Result<TsvFile> narr = ReadTsv(dir + "/narration.tsv", 1, 1);
    if (narr.ok()) {
      for (const TsvRow& row : narr->rows) rules.narration_.push_back(FoldForMatch(row.fields[0]));
    } else if (narr.status().code() != Code::kNotFound) {
      return narr.status();
    }
  }
  std::sort(rules.narration_.begin(), rules.narration_.end());
  return rules;
}

const Cue* BoilerplateRules::MatchBlock(std::string_view folded, size_t words) const {
  std::string_view bare = StripDecoration(folded);
  for (const Cue& cue : block_) {
    switch (cue.match) {
      case CueMatch::kLine:
        if (bare == cue.pattern) return &cue;
        break;
      case CueMatch::kLabel:
      case CueMatch::kPrefix:
        if (cue.match == CueMatch::kLabel && words > 12) break;
        if (bare.size() >= cue.pattern.size() && bare.substr(0, cue.pattern.size()) == cue.pattern &&
            (bare.size() == cue.pattern.size() || !IsWordByte(bare[cue.pattern.size()]) ||
             !IsWordByte(cue.pattern.back()))) {
          return &cue;
        }
        break;
      case CueMatch::kContains:
        if (words <= 40 && ContainsWords(folded, cue.pattern)) return &cue;
        break;
      default:
        break;
    }
  }
  return nullptr;
}

const Cue* BoilerplateRules::MatchByline(std::string_view text, std::string_view folded, size_t words) const {
  if (words < 2 || words > 8) return nullptr;
  for (const Cue& cue : byline_) {
    if (folded.size() <= cue.pattern.size() + 1 || folded.substr(0, cue.pattern.size()) != cue.pattern ||
        folded[cue.pattern.size()] != ' ') {
      continue;
    }
    // The words after the cue: the first two must start with a capital (a name).
    size_t p = 0, seen = 0;
    bool ok = true;
    std::string_view rest = text;
    // Skip the cue's words in the original text.
    size_t cue_words = static_cast<size_t>(std::count(cue.pattern.begin(), cue.pattern.end(), ' ')) + 1;
    for (size_t w = 0; w < cue_words; ++w) {
      size_t sp = rest.find(' ');
      if (sp == std::string_view::npos) return nullptr;
      rest.remove_prefix(sp + 1);
    }
    while (p < rest.size() && seen < 2) {
      while (p < rest.size() && rest[p] == ' ') ++p;
      if (p >= rest.size()) break;
      size_t q = p;
      char32_t c = NextCodePoint(rest, &q);
      if (!u_isupper(static_cast<UChar32>(c))) ok = false;
      ++seen;
      while (p < rest.size() && rest[p] != ' ' && rest[p] != ',') ++p;
      if (p < rest.size() && rest[p] == ',') break;  // "By A B, Central Asia correspondent"
    }
    if (ok && seen >= 1) return &cue;
  }
  return nullptr;
}

const Cue* BoilerplateRules::MatchSentence(std::string_view folded) const {
  for (const Cue& cue : sentence_) {
    if (ContainsWords(folded, cue.pattern)) return &cue;
  }
  return nullptr;
}

bool BoilerplateRules::IsNarrationWord(std::string_view folded_word) const {
  return std::binary_search(narration_.begin(), narration_.end(), folded_word);
}

}  // namespace sitrep
