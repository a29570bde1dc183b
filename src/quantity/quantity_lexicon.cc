// @brief QuantityLexicon: data files, the language's spell-out and month
// tables (src/lang, from ICU), tokenizer.
#include "quantity/quantity_lexicon.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>

#include "base/data_file.h"
#include "base/text_fold.h"
#include "base/utf8.h"

namespace sitrep {
namespace {

// Data files of a language; each is optional except quantity_numbers.tsv.
const char* const kFiles[] = {"quantity_numbers.tsv",    "quantity_hedges.tsv",
                              "quantity_measures.tsv",   "quantity_units.tsv",
                              "quantity_dimensions.tsv", "quantity_cues.tsv",
                              "quantity_currencies.tsv"};

struct KindInfo {
  const char* name;
  LexKind kind;
  size_t min_args, max_args;
};

// Column 2 of the data files; docs/formats/quantity.md.
const KindInfo kKinds[] = {
    {"scale", LexKind::kScale, 1, 1},
    {"suffix_scale", LexKind::kSuffixScale, 1, 1},
    {"ordinal_suffix", LexKind::kOrdinalSuffix, 0, 0},
    {"fraction", LexKind::kFraction, 1, 1},
    {"vague", LexKind::kVague, 3, 3},
    {"negative", LexKind::kNegative, 0, 0},
    {"decimal_word", LexKind::kDecimalWord, 0, 0},
    {"over", LexKind::kOver, 0, 0},
    {"link", LexKind::kLink, 0, 0},
    {"hedge", LexKind::kHedge, 1, 1},
    {"measure", LexKind::kMeasure, 1, 2},
    {"unit", LexKind::kUnit, 2, 3},
    {"attribution_before", LexKind::kAttributionBefore, 0, 0},
    {"attribution_verb", LexKind::kAttributionVerb, 0, 0},
    {"reported", LexKind::kReported, 0, 0},
    {"place", LexKind::kPlace, 0, 0},
    {"range_start", LexKind::kRangeStart, 0, 0},
    {"range_mid", LexKind::kRangeMid, 0, 0},
    {"not_after", LexKind::kNotAfter, 0, 0},
    {"not_before", LexKind::kNotBefore, 0, 0},
    {"clause_break", LexKind::kClauseBreak, 0, 0},
    {"number_and", LexKind::kNumberAnd, 0, 0},
    {"one_before_scale", LexKind::kOneBeforeScale, 0, 0},
    {"age_cue", LexKind::kAgeCue, 0, 0},
    {"part_of", LexKind::kPartOf, 0, 0},
    {"source_anaphor", LexKind::kSourceAnaphor, 0, 0},
    {"cardinal", LexKind::kCardinal, 1, 1},
    {"fraction_and", LexKind::kFractionAnd, 0, 0},
    {"count_of", LexKind::kCountOf, 0, 0},
    {"copula", LexKind::kCopula, 0, 0},
    {"unit_alt", LexKind::kUnitAlt, 2, 2},
    {"measure_cue", LexKind::kMeasureCue, 1, 1},
    {"unit_part", LexKind::kUnitPart, 2, 2},
    {"per", LexKind::kPer, 0, 0},
};

// Shortest word (bytes, folded) that SplitCompound tries: shorter number words
// are ICU phrases already.
constexpr size_t kMinCompound = 5;
constexpr size_t kMaxCompound = 256;

const char* const kHedgeTypes[] = {"exact",       "approximate",  "lower_bound",
                                   "upper_bound", "vague_plural", "vague_few"};

bool ParseNumber(const std::string& s, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

// True when token `t` of `text` is an apostrophe that elides ("d'", "l’"; the
// modifier letter U+02BC is a letter, inside its word already).
bool IsElision(std::string_view text, const TextToken& t) {
  const std::string_view s = text.substr(t.start, t.end - t.start);
  return s == "'" || s == "\u2019";
}

}  // namespace

Result<std::unique_ptr<QuantityLexicon>> QuantityLexicon::Load(const Options& options,
                                                               const std::string& lang) {
  std::unique_ptr<QuantityLexicon> lex(new QuantityLexicon());
  lex->lang_ = lang;
  Result<std::shared_ptr<const Language>> language = FindOrLoadLanguage(DataDir(options), lang);
  if (!language.ok()) return language.status();
  lex->language_ = std::move(language).value();
  lex->decimal_ = lex->language_->decimal_separator();
  lex->group_ = lex->language_->group_separator();
  lex->AddSpellout(lex->language_->spellout());
  lex->AddMonths();
  std::string dir = DataDir(options) + "/lang/" + lang + "/";
  for (const char* name : kFiles) {
    Status st = lex->LoadFile(dir + name);
    if (!st.ok() && !(st.code() == Code::kNotFound && name != kFiles[0])) return st;
  }
  lex->data_rows_.clear();  // only for loading
  lex->AddLetterVariants();
  lex->BuildCompoundPieces();
  // Locale variants named by the data (fr_CH: septante, nonante) add spell-outs.
  return lex;
}

Status QuantityLexicon::LoadFile(const std::string& path) {
  Result<TsvFile> file = ReadTsv(path, 2, 5);
  if (!file.ok()) return file.status();
  for (const TsvRow& row : file->rows) {
    const std::string& kind_name = row.fields[1];
    if (kind_name == "icu_locale") {  // more spell-out forms from a regional locale
      AddSpellout(Spellout(row.fields[0]));
      continue;
    }
    if (kind_name == "letter_variant") {  // "ü" also written "ue" in spelled numbers
      if (row.fields.size() != 3 || row.fields[0].empty() || row.fields[2].empty()) {
        return file->ErrorAt(row, "kind \"letter_variant\" takes one value, the other spelling");
      }
      letter_variants_.emplace_back(row.fields[0], row.fields[2]);
      continue;
    }
    const KindInfo* info = nullptr;
    for (const KindInfo& k : kKinds) {
      if (kind_name == k.name) info = &k;
    }
    if (info == nullptr) return file->ErrorAt(row, "unknown kind \"" + kind_name + "\"");
    size_t args = row.fields.size() - 2;
    if (args < info->min_args || args > info->max_args) {
      return file->ErrorAt(
          row, "kind \"" + kind_name + "\" takes " + std::to_string(info->min_args) + " to " +
                   std::to_string(info->max_args) + " values, got " + std::to_string(args));
    }
    if (row.fields[0].empty()) return file->ErrorAt(row, "empty phrase");
    LexEntry e{info->kind};
    const auto& f = row.fields;
    switch (info->kind) {
      case LexKind::kCardinal:
        if (!ParseNumber(f[2], &e.value) || e.value < 0) {
          return file->ErrorAt(row, "bad number \"" + f[2] + "\"");
        }
        break;
      case LexKind::kScale:
      case LexKind::kSuffixScale:
      case LexKind::kFraction:
        if (!ParseNumber(f[2], &e.value) || e.value <= 0) {
          return file->ErrorAt(row, "bad number \"" + f[2] + "\"");
        }
        break;
      case LexKind::kVague:
        if (!ParseNumber(f[2], &e.value) || !ParseNumber(f[3], &e.value2) || e.value > e.value2) {
          return file->ErrorAt(row, "bad interval \"" + f[2] + "\" \"" + f[3] + "\"");
        }
        e.tag = f[4];
        [[fallthrough]];
      case LexKind::kHedge: {
        if (info->kind == LexKind::kHedge) e.tag = f[2];
        bool known = false;
        for (const char* h : kHedgeTypes) known |= e.tag == h;
        if (!known) return file->ErrorAt(row, "unknown hedge type \"" + e.tag + "\"");
        break;
      }
      case LexKind::kMeasure:
        e.tag = f[2];
        e.tag2 = f.size() > 3 ? f[3] : "noun";
        if (e.tag2 != "noun" && e.tag2 != "group" && e.tag2 != "verb" && e.tag2 != "before") {
          return file->ErrorAt(
              row, "measure role must be noun, group, verb or before, got \"" + e.tag2 + "\"");
        }
        // Verbs and cues before the number are kinds of their own, so that a word
        // can be both a counted noun and a verb ("killed", "tués", "muertos").
        if (e.tag2 == "group") group_measures_.insert(e.tag);
        if (e.tag2 == "verb") e.kind = LexKind::kMeasureVerb;
        if (e.tag2 == "before") e.kind = LexKind::kMeasureBefore;
        break;
      case LexKind::kUnit:
        e.tag = f[2];
        e.tag2 = f[3];
        e.value = 1;
        if (f.size() > 4 && (!ParseNumber(f[4], &e.value) || e.value <= 0)) {
          return file->ErrorAt(row, "bad unit factor \"" + f[4] + "\"");
        }
        unit_lines_.push_back({e.tag, e.tag2, path + ":" + std::to_string(row.line)});
        unit_spellings_.insert(f[0]);
        break;
      case LexKind::kUnitAlt:
      case LexKind::kUnitPart:
        e.tag = f[2];
        e.tag2 = f[3];
        e.value = 1;
        unit_lines_.push_back({e.tag, e.tag2, path + ":" + std::to_string(row.line)});
        break;
      case LexKind::kMeasureCue:
        e.tag = f[2];
        break;
      default:
        break;
    }
    // One row per key: a second row with the same phrase (after folding; suffixes
    // as written), kind and role is a mistake, a copy or a contradiction.
    const bool suffix =
        info->kind == LexKind::kSuffixScale || info->kind == LexKind::kOrdinalSuffix;
    const std::string where = path + ":" + std::to_string(row.line);
    auto [seen, added] =
        data_rows_.emplace((suffix ? f[0] : KeyOf(f[0])) + '\t' + kind_name + '\t' +
                               (info->kind == LexKind::kMeasure ? e.tag2 : ""),
                           where);
    if (!added) {
      return file->ErrorAt(
          row, "duplicate row: \"" + f[0] + "\" " + kind_name + " is already at " + seen->second);
    }
    if (suffix) {
      suffixes_[f[0]].push_back(e);
    } else {
      Add(f[0], e);
    }
  }
  return Status::Ok();
}

Status QuantityLexicon::CheckUnits(const UnitTable& units) const {
  for (const UnitLine& u : unit_lines_) {
    if (!units.IsPhysicalMeasure(u.measure)) continue;
    const UnitInfo* info = units.Find(u.code);
    if (info == nullptr) {
      return Status::InvalidArgument(u.where + ": unit code \"" + u.code + "\" of measure " +
                                     u.measure + " is not in data/quantity/units.tsv");
    }
    if (info->measure != u.measure) {
      return Status::InvalidArgument(u.where + ": unit code \"" + u.code + "\" is a unit of " +
                                     info->measure + ", not " + u.measure);
    }
  }
  return Status::Ok();
}

void QuantityLexicon::AddSpellout(const Spellout& spellout) {
  std::vector<std::pair<size_t, bool>> sets;  // rule set, ordinal
  for (size_t set = 0; set < spellout.size(); ++set) {
    const std::string& n = spellout.name(set);
    if (n.find("year") != std::string::npos || n.find("verbose") != std::string::npos) continue;
    if (n.find("cardinal") != std::string::npos || n == "%spellout-numbering") {
      sets.emplace_back(set, false);
    } else if (n.find("ordinal") != std::string::npos) {
      sets.emplace_back(set, true);
    }
  }
  // First the vocabulary of cardinal words (for Canon), then the phrases.
  std::vector<std::pair<std::string, LexEntry>> phrases;
  for (const auto& [set, ordinal] : sets) {
    int top = 999;
    for (int v = ordinal ? 1 : 0; v <= top; ++v) {
      std::string text = spellout.Spell(set, v);
      if (text.empty()) continue;
      for (size_t p; (p = text.find("\xC2\xAD")) != std::string::npos;)
        text.erase(p, 2);  // soft hyphen
      phrases.emplace_back(
          text, LexEntry{ordinal ? LexKind::kOrdinal : LexKind::kCardinal, static_cast<double>(v)});
      if (ordinal && v >= 3) {
        std::vector<QToken> toks;
        Tokenize(text, 0, &toks);
        if (toks.size() == 1 && toks.back().type == QToken::Type::kWord) {
          ordinal_vocab_.insert(toks.back().key);
        }
      }
      if (!ordinal) {
        std::vector<QToken> toks;
        Tokenize(text, 0, &toks);
        for (const QToken& t : toks) {
          if (t.type == QToken::Type::kWord) cardinal_vocab_.insert(t.key);
        }
      }
    }
  }
  for (auto& [text, entry] : phrases) {
    Add(text, entry);
    spelled_.emplace_back(text, entry);
    // "vingt-et-un" is also written "vingt-un": the glue words of lang.tsv
    // may be dropped ("veintiuno" has no "y" form to drop).
    std::string key = KeyOf(text);
    for (const std::string& word : language_->number_glue()) {
      const std::string glue = " " + word + " ";
      size_t p = key.find(glue);
      if (p != std::string::npos) Add(key.substr(0, p) + " " + key.substr(p + glue.size()), entry);
    }
  }
}

void QuantityLexicon::AddLetterVariants() {
  if (letter_variants_.empty()) return;
  for (const auto& [text, entry] : spelled_) {
    std::string other = text;
    for (const auto& [from, to] : letter_variants_) {
      for (size_t p = 0; (p = other.find(from, p)) != std::string::npos; p += to.size()) {
        other.replace(p, from.size(), to);
      }
    }
    if (other != text) Add(other, entry);
  }
}

void QuantityLexicon::BuildCompoundPieces() {
  for (const auto& [key, entries] : phrases_) {
    if (key.find(' ') != std::string::npos || key.size() > kMaxCompound) continue;
    uint8_t mark = 0;
    for (const LexEntry& e : entries) {
      if (e.kind == LexKind::kCardinal || e.kind == LexKind::kOrdinal ||
          e.kind == LexKind::kScale || e.kind == LexKind::kFraction) {
        mark = 1;
      } else if (e.kind == LexKind::kNumberAnd && mark == 0) {
        mark = 2;
      }
    }
    if (mark == 0) continue;
    if (mark == 1 && key.size() >= 2) {
      if (piece_start_.empty()) piece_start_.assign(1 << 16, false);
      piece_start_[static_cast<unsigned char>(key[0]) << 8 | static_cast<unsigned char>(key[1])] =
          true;
    }
    uint32_t node = 0;
    for (unsigned char c : key) {
      auto child = piece_edges_.emplace(Edge(node, c), static_cast<uint32_t>(piece_end_.size()));
      if (child.second) piece_end_.push_back(0);
      node = child.first->second;
    }
    piece_end_[node] = mark;
  }
}

bool QuantityLexicon::SplitCompound(std::string_view key,
                                    std::vector<std::pair<size_t, size_t>>* parts) const {
  const size_t n = key.size();
  if (n < kMinCompound || n > kMaxCompound || piece_start_.empty() ||
      !piece_start_[static_cast<unsigned char>(key[0]) << 8 | static_cast<unsigned char>(key[1])]) {
    return false;
  }
  // Most words: no number word opens them (a few hash lookups, no allocation).
  {
    uint32_t node = 0;
    bool piece = false;
    for (size_t q = 0; q < n && !piece; ++q) {
      auto it = piece_edges_.find(Edge(node, static_cast<unsigned char>(key[q])));
      if (it == piece_edges_.end()) return false;
      node = it->second;
      piece = piece_end_[node] == 1 && q + 1 < n;
    }
    if (!piece) return false;
  }
  // pieces[p]: fewest number words covering key[0, p); from[p]: where the last starts.
  std::array<uint16_t, kMaxCompound + 1> pieces, from;
  pieces.fill(UINT16_MAX);
  pieces[0] = 0;
  for (size_t p = 0; p < n; ++p) {
    if (pieces[p] == UINT16_MAX) continue;
    uint32_t node = 0;
    for (size_t q = p; q < n; ++q) {
      auto it = piece_edges_.find(Edge(node, static_cast<unsigned char>(key[q])));
      if (it == piece_edges_.end()) break;
      node = it->second;
      const uint8_t mark = piece_end_[node];
      // An "and" word joins two number words: never first or last.
      if (mark == 0 || (mark == 2 && (p == 0 || q + 1 == n))) continue;
      if (pieces[p] + 1 < pieces[q + 1]) {
        pieces[q + 1] = static_cast<uint16_t>(pieces[p] + 1);
        from[q + 1] = static_cast<uint16_t>(p);
      }
    }
  }
  if (pieces[n] == UINT16_MAX || pieces[n] < 2) return false;
  parts->clear();
  for (size_t p = n; p > 0; p = from[p]) parts->emplace_back(from[p], p);
  std::reverse(parts->begin(), parts->end());
  return true;
}

void QuantityLexicon::PushCompound(std::string_view text, uint32_t base, const QToken& word,
                                   const std::vector<std::pair<size_t, size_t>>& parts,
                                   std::vector<QToken>* out) const {
  // Folded byte -> raw byte, code point by code point; the word stays whole
  // when folding it piecewise does not give its key.
  std::string folded;
  std::vector<uint32_t> raw_at;
  size_t pos = word.start - base;
  const size_t end = word.end - base;
  while (pos < end) {
    size_t next = pos;
    char32_t c = NextCodePoint(text, &next);
    if (c != 0x00AD) {  // a word token holds letters, marks and soft hyphens
      std::string f = FoldForMatch(text.substr(pos, next - pos));
      for (size_t k = 0; k < f.size(); ++k) raw_at.push_back(base + static_cast<uint32_t>(pos));
      folded += f;
    }
    pos = next;
  }
  raw_at.push_back(word.end);
  if (folded != word.key) {
    out->push_back(word);
    return;
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    QToken t = word;
    t.start = raw_at[parts[i].first];
    t.end = i + 1 == parts.size() ? word.end : raw_at[parts[i].second];
    t.key = word.key.substr(parts[i].first, parts[i].second - parts[i].first);
    t.compound_part = true;
    if (i > 0) {
      t.space_before = false;
      t.capitalized = false;
    }
    auto it = words_.find(t.key);
    t.word = it == words_.end() ? UINT32_MAX : it->second;
    out->push_back(std::move(t));
  }
}

void QuantityLexicon::AddMonths() {
  // Month names: a number next to one is a date, not a quantity.
  for (const CalendarName& n : language_->calendar_names()) {
    if (n.field != CalendarField::kMonth || n.width == NameWidth::kShort) continue;
    std::string m = FoldForMatch(n.text);
    while (!m.empty() && m.back() == '.') m.pop_back();
    if (m.size() >= 3) months_.insert(m);
  }
}

std::string QuantityLexicon::Canon(std::string folded) const {
  // Plurals of number words ("cents", "vingts") are their singular.
  if (folded.size() > 3 && folded.back() == 's' && !cardinal_vocab_.count(folded)) {
    std::string stem = folded.substr(0, folded.size() - 1);
    if (cardinal_vocab_.count(stem) || ordinal_vocab_.count(stem)) return stem;
  }
  return folded;
}

std::string QuantityLexicon::KeyOf(std::string_view phrase) const {
  std::vector<QToken> toks;
  Tokenize(phrase, 0, &toks);
  std::string key;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].key == "-" && i > 0) continue;
    if (!key.empty()) key += ' ';
    key += toks[i].key;
  }
  return key;
}

void QuantityLexicon::Add(const std::string& phrase, LexEntry entry) {
  std::string key = KeyOf(phrase);
  if (key.empty()) return;
  size_t n = 1 + std::count(key.begin(), key.end(), ' ');
  max_tokens_ = std::max(max_tokens_, n);
  first_tokens_.insert(key.substr(0, key.find(' ')));
  auto& list = phrases_[key];
  for (const LexEntry& e : list) {
    if (e.kind == entry.kind) return;  // first definition wins (ICU forms repeat)
  }
  list.push_back(entry);
  uint32_t node = 0;
  size_t pos = 0;
  while (pos <= key.size()) {
    size_t sp = key.find(' ', pos);
    if (sp == std::string::npos) sp = key.size();
    auto word = words_.emplace(key.substr(pos, sp - pos), static_cast<uint32_t>(words_.size()));
    auto child =
        edges_.emplace(Edge(node, word.first->second), static_cast<uint32_t>(nodes_.size()));
    if (child.second) nodes_.emplace_back();
    node = child.first->second;
    pos = sp + 1;
  }
  nodes_[node].push_back(std::move(entry));
}

void QuantityLexicon::Tokenize(std::string_view text, uint32_t base,
                               std::vector<QToken>* out) const {
  const TokenStream stream = TokenizeText(text);
  TokensOf(stream, text, 0, stream.tokens.size(), static_cast<uint32_t>(text.size()), out);
  for (QToken& t : *out) {
    t.start += base;
    t.end += base;
  }
}

void QuantityLexicon::TokensOf(const TokenStream& stream, std::string_view text, size_t first,
                               size_t last, uint32_t end, std::vector<QToken>* out) const {
  const std::vector<TextToken>& toks = stream.tokens;
  out->reserve(out->size() + (last - first));
  auto add = [&](QToken t, std::string key) {
    if (auto it = words_.find(key); it != words_.end()) t.word = it->second;
    t.key = std::move(key);
    if (t.type == QToken::Type::kWord && t.word == UINT32_MAX && t.key.size() >= kMinCompound) {
      std::vector<std::pair<size_t, size_t>> parts;
      if (SplitCompound(t.key, &parts)) {
        PushCompound(text, 0, t, parts, out);
        return;
      }
    }
    out->push_back(std::move(t));
  };
  for (size_t i = first; i < last; ++i) {
    const TextToken& a = toks[i];
    QToken t;
    t.start = a.start;
    t.end = a.end;
    t.space_before = a.space_before || i == first;
    switch (a.cls) {
      case TokenClass::kDigits:
        t.type = QToken::Type::kDigits;
        add(t, std::string(stream.Folded(a)));
        break;
      case TokenClass::kOtherDigits:
        // Digits other than ASCII are no numbers here: one mark each (a
        // digit's fold is itself).
        for (size_t p = a.start; p < a.end;) {
          t.start = static_cast<uint32_t>(p);
          NextCodePoint(text, &p);
          t.end = static_cast<uint32_t>(p);
          t.type = QToken::Type::kPunct;
          add(t, std::string(text.substr(t.start, t.end - t.start)));
          t.space_before = false;
        }
        break;
      case TokenClass::kLetters: {
        t.type = QToken::Type::kWord;
        t.capitalized = a.upper_initial;
        uint32_t fold_end = a.fold_end;
        // An elision apostrophe glued between two words, or ending the
        // text, stays with the word before: "d'", "l’".
        if (i + 1 < last && toks[i + 1].GluedTo(a) && IsElision(text, toks[i + 1]) &&
            (toks[i + 1].end == end || (i + 2 < last && toks[i + 2].GluedTo(toks[i + 1]) &&
                                        toks[i + 2].cls == TokenClass::kLetters))) {
          ++i;
          t.end = toks[i].end;
          fold_end = toks[i].fold_end;
        }
        add(t, Canon(std::string(stream.folded, a.fold_start, fold_end - a.fold_start)));
        break;
      }
      case TokenClass::kOther:
        t.type = QToken::Type::kPunct;
        add(t, std::string(stream.Folded(a)));
        break;
    }
  }
}

size_t QuantityLexicon::Match(const std::vector<QToken>& tokens, size_t i, LexKind kind,
                              const LexEntry** entry, size_t limit) const {
  if (i >= tokens.size() || tokens[i].word == UINT32_MAX) return 0;
  size_t best = 0;
  uint32_t node = 0;
  for (size_t j = i; j < tokens.size() && j - i < limit; ++j) {
    if (j > i && tokens[j].type == QToken::Type::kPunct && tokens[j].key == "-") continue;
    if (tokens[j].word == UINT32_MAX) break;
    auto it = edges_.find(Edge(node, tokens[j].word));
    if (it == edges_.end()) break;
    node = it->second;
    for (const LexEntry& e : nodes_[node]) {
      if (e.kind == kind) {
        best = j - i + 1;
        *entry = &e;
      }
    }
  }
  return best;
}

size_t QuantityLexicon::MatchEndingAt(const std::vector<QToken>& tokens, size_t i, LexKind kind,
                                      const LexEntry** entry) const {
  size_t found = SIZE_MAX;
  for (size_t back = 1; back <= max_tokens_ + 2 && back <= i; ++back) {
    const LexEntry* e = nullptr;
    if (Match(tokens, i - back, kind, &e, back) == back) {
      found = i - back;
      *entry = e;
    }
  }
  return found;
}

const LexEntry* QuantityLexicon::Find(std::string_view key, LexKind kind) const {
  auto it = phrases_.find(std::string(key));
  if (it == phrases_.end()) return nullptr;
  for (const LexEntry& e : it->second) {
    if (e.kind == kind) return &e;
  }
  return nullptr;
}

bool QuantityLexicon::VulgarFraction(std::string_view raw, double* value) {
  size_t pos = 0;
  if (raw.empty()) return false;
  char32_t c = NextCodePoint(raw, &pos);
  if (pos != raw.size() || c < 0x80) return false;
  double v = u_getNumericValue(c);
  if (v == U_NO_NUMERIC_VALUE || v <= 0 || v >= 1) return false;
  *value = v;
  return true;
}

const LexEntry* QuantityLexicon::FindSuffix(std::string_view raw, LexKind kind) const {
  auto it = suffixes_.find(std::string(raw));
  if (it == suffixes_.end()) return nullptr;
  for (const LexEntry& e : it->second) {
    if (e.kind == kind) return &e;
  }
  return nullptr;
}

}  // namespace sitrep
