// @brief QuantityLexicon: per-language phrase tables for numbers and claims,
// loaded from data/lang/<code>/quantity_*.tsv plus the language's spell-out
// tables and month names (src/lang, from ICU).
//
// Every phrase is stored as its token key (see Tokenize: folded tokens joined
// by one space, hyphens dropped), so "vingt-cinq", "Vingt cinq" and
// "vingt  cinq" share one key. Immutable after Load; safe to share across
// threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/options.h"
#include "base/status.h"
#include "doc/text_tokens.h"
#include "lang/language.h"
#include "quantity/unit_table.h"

namespace sitrep {

// What a phrase of the data files (or of ICU's spell-out) means.
enum class LexKind {
  kCardinal,           // ICU: "vingt et un" = 21 (0..999)
  kOrdinal,            // ICU: "deuxième" = 2
  kScale,              // "millions" = 1e6; also "cent" after digits, "douzaine"
  kSuffixScale,        // glued to digits, case-sensitive: 10k, 2,5M
  kOrdinalSuffix,      // glued to digits: 1er, 2e, 3rd
  kFraction,           // denominators with their own word: demi 2, tiers 3
  kVague,              // "des dizaines" = [20, 99], hedge vague_plural or vague_few
  kNegative,           // "négatif"
  kDecimalWord,        // "virgule"
  kOver,               // "sur" in "un sur trois"
  kLink,               // "de", "d'" between a number and what it counts
  kHedge,              // "environ" approximate, "plus de" lower_bound, ...
  kMeasure,            // counted noun -> measure ("soldats" troops); roles noun, group
  kMeasureVerb,        // data `measure` role verb: a predicate of the clause ("ont été tués")
  kMeasureBefore,      // data `measure` role before: right before the number ("âgé de")
  kUnit,               // unit word or symbol -> unit code and measure ("%" percent)
  kAttributionBefore,  // "selon X": the source follows the cue
  kAttributionVerb,    // "X a déclaré": the source is the clause subject (or follows)
  kReported,           // conditional mood: "auraient"
  kPlace,              // "au", "près de": a place phrase starts
  kRangeStart,         // "entre" in "entre 2 000 et 3 000"
  kRangeMid,           // "et", "à", "-" between the two ends of a range
  kNotAfter,           // a number followed by this is not a quantity: "rue", "ministre"
  kNotBefore,          // a number preceded by this is not a quantity: "n°", "article"
  kClauseBreak,        // word that ends the counted phrase: "dont", "qui"
  kNumberAnd,          // "and" inside a spelled number: "one hundred and six"
  kOneBeforeScale,     // "a" = 1 before a scale or fraction: "a dozen", "a half"
  kAgeCue,             // before a number of years, makes it an age: "Nazarbaïev, 81 ans"
  kPartOf,             // "dont", "including": the number is a part of the previous claim
  kSourceAnaphor,      // "la même source": the source is the previous claim's source
  kFractionAnd,        // "con" in "cinco con un cuarto": a whole number and a fraction
  kCountOf,            // "le nombre de": the counted noun follows it, the number comes later
  kCopula,      // "sono", "étaient": "gli sfollati sono circa 36.000" counts the noun before
  kUnitAlt,     // another reading of a unit phrase, taken when a measure_cue of its
                // measure is in the sentence: "degrés" Cel, or deg (angle) after "tourner"
  kMeasureCue,  // a word that selects a unit's alternative of its measure: "tourner" angle
  kUnitPart,    // a unit read only inside a compound: the smaller part of a compound
                // measure ("in" in "5 ft 2 in"; alone, a preposition) or the
                // denominator of a rate ("ms" in "50 km/ms")
  kPer,         // "per" between the two units of a rate: "50 meters per millisecond"
};

struct LexEntry {
  LexKind kind;
  double value = 0;    // cardinal/ordinal/scale/fraction value; vague min; unit factor
  double value2 = 0;   // vague max
  std::string tag{};   // hedge type, measure, unit code, vague hedge type, role
  std::string tag2{};  // unit: its measure; measure: "noun", "group", "verb" or "before"
};

// One token of text, made from the token stream (doc/text_tokens.h): a run
// of letters (with a glued elision apostrophe), a run of ASCII digits, or
// one other non-space code point.
struct QToken {
  enum class Type : uint8_t { kWord, kDigits, kPunct };
  uint32_t start = 0, end = 0;  // byte offsets
  Type type = Type::kWord;
  bool space_before = false;
  bool capitalized = false;    // first letter upper case
  bool compound_part = false;  // one of the number words a written word was split into
  std::string key;             // folded (see QuantityLexicon::Canon)
  uint32_t word = UINT32_MAX;  // the key's id in the lexicon's phrase words; UINT32_MAX: none
};

class QuantityLexicon {
 public:
  // Loads data/lang/<lang>/quantity_*.tsv and ICU spell-out tables for `lang`.
  // A bad data line is an InvalidArgument naming file:line.
  static Result<std::unique_ptr<QuantityLexicon>> Load(const Options& options,
                                                       const std::string& lang);

  const std::string& lang() const { return lang_; }
  char decimal_separator() const { return decimal_; }
  // The point or comma that groups thousands (lang.tsv `group_separator`).
  char group_separator() const { return group_; }

  // Tokenizes `text` (TokenizeText, then TokensOf), offsets shifted by
  // `base`; keys folded and canonical. A word the lexicon does not know that
  // is a concatenation of number words ("zweitausenddreihundert",
  // "dreiviertel") becomes one token per number word (`compound_part`, glued,
  // offsets inside the word); TokensOf does the same.
  void Tokenize(std::string_view text, uint32_t base, std::vector<QToken>* out) const;
  // Appends the quantity tokens of tokens [first, last) of `stream`, made
  // from `text`, that end at or before `end` (the end of the piece read: an
  // apostrophe ending it elides). A letters run takes a glued elision
  // apostrophe; a run of non-ASCII digits is one kPunct token per digit;
  // offsets as in the stream.
  void TokensOf(const TokenStream& stream, std::string_view text, size_t first, size_t last,
                uint32_t end, std::vector<QToken>* out) const;

  // Longest phrase of `kind` starting at tokens[i]; returns its token count
  // (0: none) and sets *entry. Hyphen tokens between words are skipped and
  // counted in the returned length.
  size_t Match(const std::vector<QToken>& tokens, size_t i, LexKind kind, const LexEntry** entry,
               size_t limit = SIZE_MAX) const;
  // Phrase of `kind` that ends right before tokens[i] (longest); returns
  // the index of its first token, or SIZE_MAX.
  size_t MatchEndingAt(const std::vector<QToken>& tokens, size_t i, LexKind kind,
                       const LexEntry** entry) const;
  // True when some phrase starts with this token key (cheap pre-check).
  bool MayStart(const std::string& key) const { return first_tokens_.count(key) > 0; }
  bool MayStart(const QToken& token) const {
    return token.word != UINT32_MAX && edges_.count(Edge(0, token.word)) > 0;
  }
  // Entry of `kind` for a single token key (after Canon), or null.
  const LexEntry* Find(std::string_view key, LexKind kind) const;
  // Suffix scale / ordinal suffix glued to digits (case-sensitive raw text).
  const LexEntry* FindSuffix(std::string_view raw, LexKind kind) const;
  // True when `raw` is, exactly as written (case-sensitive), the phrase of a
  // `unit` line: "m" is the metre's, "M" is no unit's.
  bool IsUnitAsWritten(std::string_view raw) const {
    return unit_spellings_.count(std::string(raw)) > 0;
  }
  // A single vulgar fraction character ("½", "⅙"): its value (ICU numeric value).
  static bool VulgarFraction(std::string_view raw, double* value);
  // True when the key is one of the month names of the language (ICU).
  bool IsMonth(std::string_view key) const { return months_.count(std::string(key)) > 0; }
  // Checks the `unit` lines against the unit table: a unit of a physical
  // measure (one the table knows) must have its code there, with that
  // measure. The error names the data file and line.
  Status CheckUnits(const UnitTable& units) const;
  // True when some counted noun has this measure with role `group` (a kind of
  // people: troops, police, protesters...).
  bool IsGroupMeasure(const std::string& measure) const {
    return group_measures_.count(measure) > 0;
  }

 private:
  QuantityLexicon() = default;
  Status LoadFile(const std::string& path);
  void AddSpellout(const Spellout& spellout);
  void AddMonths();
  void AddLetterVariants();
  void BuildCompoundPieces();
  // Splits the folded `key` of a word into number words (at least two, fewest
  // first); their byte ranges in `key`. False when it does not split.
  bool SplitCompound(std::string_view key, std::vector<std::pair<size_t, size_t>>* parts) const;
  void PushCompound(std::string_view text, uint32_t base, const QToken& word,
                    const std::vector<std::pair<size_t, size_t>>& parts,
                    std::vector<QToken>* out) const;
  void Add(const std::string& phrase, LexEntry entry);
  std::string KeyOf(std::string_view phrase) const;
  std::string Canon(std::string folded) const;

  std::string lang_;
  std::shared_ptr<const Language> language_;
  char decimal_ = ',', group_ = '.';
  size_t max_tokens_ = 1;
  std::unordered_map<std::string, std::vector<LexEntry>> phrases_;
  std::unordered_set<std::string> first_tokens_;
  // The phrases again as a trie over word ids, which Match walks: one hash
  // per token at Tokenize, then integer lookups (the hot path).
  static uint64_t Edge(uint32_t node, uint32_t word) {
    return (static_cast<uint64_t>(node) << 32) | word;
  }
  std::unordered_map<std::string, uint32_t> words_;
  std::unordered_map<uint64_t, uint32_t> edges_;  // Edge(node, word) -> child node
  std::vector<std::vector<LexEntry>> nodes_{1};   // entries ending at each node; 0 is the root
  std::unordered_map<std::string, std::vector<LexEntry>> suffixes_;  // raw, case-sensitive
  std::unordered_set<std::string> cardinal_vocab_;  // single words of ICU cardinals
  std::unordered_set<std::string> ordinal_vocab_;   // last words of ICU ordinals >= 3 ("fifth")
  std::unordered_set<std::string> months_;
  // ICU spell-out phrases as spelled (for letter variants), and the variants
  // of the data (`letter_variant`: "ü" also written "ue").
  std::vector<std::pair<std::string, LexEntry>> spelled_;
  std::vector<std::pair<std::string, std::string>> letter_variants_;
  // Single-word number words (cardinals, ordinals, scales, fractions, "and")
  // as a byte trie, for SplitCompound: Edge(node, byte) -> child.
  std::unordered_map<uint64_t, uint32_t> piece_edges_;
  std::vector<uint8_t> piece_end_{0};  // per node: 1 a number word ends here, 2 an "and" word
  std::vector<bool> piece_start_;      // the first two bytes of a number word, as b0 << 8 | b1
  struct UnitLine {
    std::string code, measure, where;  // where: "path:line"
  };
  std::vector<UnitLine> unit_lines_;
  std::unordered_set<std::string> group_measures_;
  std::unordered_set<std::string> unit_spellings_;  // `unit` phrases as written
  // While loading: every data row, by phrase key, kind and role, at
  // "path:line", to reject a second row with the same key.
  std::unordered_map<std::string, std::string> data_rows_;
};

}  // namespace sitrep
