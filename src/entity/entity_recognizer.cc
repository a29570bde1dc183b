// @brief Recognition: a longest-match gazetteer walk over folded tokens, then
// cue patterns for unknown names, then titles (roles) and metonymy.
//
// Tokens are maximal runs of letters and digits; a name may span tokens joined
// by a space, hyphen, apostrophe or dot (not a comma or a line break). The key
// of a span is the MatchKey of its tokens, so elided articles ("l’", "d’")
// are separate tokens and never part of a match. Case decides: names start
// with a capital (or are written lower-case in the KB, "ministère russe de la
// Défense"), acronyms are all capitals, adjectives may be lower-case.
#include "entity/entity_recognizer.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <filesystem>

#include "base/data_file.h"
#include "base/deadline.h"
#include "base/utf8.h"
#include "doc/text_tokens.h"
#include "lang/language.h"

namespace sitrep {

namespace {

constexpr size_t kMaxNameTokens = 10;
// Priors below this are first-level regions from GeoNames (kb_builder.cc).
constexpr uint32_t kMinorPlacePrior = 1'000'000;
// Words after an organisation head word ("Conseil national de sécurité").
constexpr size_t kMaxOrgTail = 5;
// Longest clause, in tokens, that a role phrase is read from: a clause runs to
// the next punctuation, and text without any must not make every person's
// role a scan to the end of the paragraph.
constexpr size_t kMaxClauseTokens = 64;
// A town smaller than this, named by one word, needs a preposition of place
// before it (`place_before` cues): "Most", "Lage", "Mission" are words first.
constexpr uint32_t kSmallTownPopulation = 100'000;
// An inflected form of an organisation head word ("Совета" of "Совет"):
// at most this many bytes after the head.
constexpr size_t kMaxHeadEnding = 4;

// Wide month and weekday names of `lang` in both ICU contexts (format and
// stand-alone; Russian genitive months), as MatchKeys.
std::vector<std::string> CalendarWords(const Language& lang) {
  std::vector<std::string> out;
  for (const CalendarName& n : lang.calendar_names()) {
    if (n.width == NameWidth::kWide) out.push_back(MatchKey(n.text));
  }
  return out;
}

struct Token {
  uint32_t start, end;
  std::string key;
  bool upper_initial = false;  // first letter is a capital
  bool all_caps = false;       // no lower-case letter, at least one letter
  bool sentence_start = false;
};

// The recognizer's tokens from the token stream of a text: tokens
// [first, last) of `stream`, whose offsets are `base` more than those of
// `text` (a slice of the stream's text). Glued letter and digit runs join
// into one token ("G20"; "Covid-19" is two), keyed by MatchKey; a sentence
// may start after a line break, an opening bracket or quote, or sentence
// punctuation.
std::vector<Token> Tokenize(std::string_view text, const TokenStream& stream, size_t first,
                            size_t last, uint32_t base) {
  std::vector<Token> out;
  const std::vector<TextToken>& toks = stream.tokens;
  bool boundary = true;  // a sentence may start at the next token
  for (size_t i = first; i < last;) {
    const TextToken& a = toks[i];
    boundary |= a.line_break_before;
    if (a.cls == TokenClass::kOther) {
      size_t p = a.start - base;
      const char32_t c = NextCodePoint(text, &p);
      if (c == '.' || c == '!' || c == '?' || c == 0xAB || c == '"' || c == ':' || c == 0x201C ||
          c == '(') {
        boundary = true;
      }
      ++i;
      continue;
    }
    bool lower = a.has_lower, letter = a.cls == TokenClass::kLetters;
    size_t j = i + 1;
    while (j < last && toks[j].cls != TokenClass::kOther && toks[j].GluedTo(toks[j - 1])) {
      lower |= toks[j].has_lower;
      letter |= toks[j].cls == TokenClass::kLetters;
      ++j;
    }
    Token t;
    t.start = a.start - base;
    t.end = toks[j - 1].end - base;
    t.upper_initial = a.upper_initial;
    t.all_caps = letter && !lower;
    // Glued tokens' folds are one slice of the stream's folds.
    t.key = MatchKeyOfFolded(
        std::string_view(stream.folded).substr(a.fold_start, toks[j - 1].fold_end - a.fold_start));
    t.sentence_start = boundary;
    boundary = false;
    out.push_back(std::move(t));
    i = j;
  }
  return out;
}

// "VI", "XIV": capital Roman numerals of one to five letters.
bool IsRomanNumeral(std::string_view s) {
  return !s.empty() && s.size() <= 5 && s.find_first_not_of("IVXLC") == std::string_view::npos;
}

// True when tokens a and b (a before b) may belong to one name.
bool Joinable(std::string_view text, const Token& a, const Token& b) {
  std::string_view gap = text.substr(a.end, b.start - a.end);
  if (gap.empty() || gap.size() > 4) return false;
  size_t pos = 0;
  while (pos < gap.size()) {
    char32_t c = NextCodePoint(gap, &pos);
    if (!(c == ' ' || c == '-' || c == '\'' || c == 0x2019 || c == '.' || c == 0xA0 ||
          c == 0x2011 || c == '/')) {
      return false;
    }
  }
  return true;
}

// True when the text between tokens a and b (a before b) holds a clause
// boundary: a comma, a full stop followed by a space, a colon, quotes,
// brackets or a line break.
bool ClauseBreak(std::string_view text, const Token& a, const Token& b) {
  std::string_view gap = text.substr(a.end, b.start - a.end);
  size_t pos = 0;
  while (pos < gap.size()) {
    char32_t c = NextCodePoint(gap, &pos);
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || c == '\n' ||
        c == 0xAB || c == 0xBB || c == 0x201C || c == 0x201D || c == '!' || c == '?' ||
        c == 0x2013 || c == 0x2014) {
      return true;
    }
    if (c == '.' && pos < gap.size()) return true;  // "X. Y", not "R.Politik"
  }
  return false;
}

// True when the gap between a and b is a comma and spaces only.
bool CommaGap(std::string_view text, const Token& a, const Token& b) {
  std::string_view gap = text.substr(a.end, b.start - a.end);
  size_t commas = 0;
  size_t pos = 0;
  while (pos < gap.size()) {
    char32_t c = NextCodePoint(gap, &pos);
    if (c == ',')
      ++commas;
    else if (!(c == ' ' || c == 0xA0 || c == 0x202F))
      return false;
  }
  return commas == 1;
}

// Words of `s` that start with a capital letter.
size_t CapitalisedWords(std::string_view s) {
  size_t n = 0, pos = 0;
  bool in_word = false;
  while (pos < s.size()) {
    char32_t c = NextCodePoint(s, &pos);
    // Words are separated by spaces: "Nur-sultan" is one capitalised word.
    bool space = c == ' ' || c == 0xA0;
    if (!space && !in_word && u_isupper(static_cast<UChar32>(c))) ++n;
    in_word = !space;
  }
  return n;
}

bool HasLowerFirst(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = NextCodePoint(s, &pos);
    if (u_isalpha(static_cast<UChar32>(c))) return u_islower(static_cast<UChar32>(c));
  }
  return false;
}

// Lower-cases the first letter ("A" -> "a"; "Est" -> "est").
std::string LowerFirst(std::string_view s) {
  if (s.empty()) return std::string(s);
  size_t pos = 0;
  char32_t c = NextCodePoint(s, &pos);
  std::string out;
  AppendUtf8(&out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
  out.append(s.substr(pos));
  return out;
}

// True when the gap between tokens a and b is a closing bracket and spaces:
// an editor's insertion ends between a first name and its surname
// ("[Russian President Vladimir] Poutine").
bool BracketGap(std::string_view text, const Token& a, const Token& b) {
  std::string_view gap = text.substr(a.end, b.start - a.end);
  size_t brackets = 0;
  for (char c : gap) {
    if (c == ']')
      ++brackets;
    else if (c != ' ')
      return false;
  }
  return brackets == 1;
}

}  // namespace

Result<std::unique_ptr<EntityRecognizer>> EntityRecognizer::Create(const KnowledgeBase* kb,
                                                                   const Options& options) {
  std::unique_ptr<EntityRecognizer> r(new EntityRecognizer());
  r->kb_ = kb;
  Result<std::shared_ptr<const Languages>> langs = Languages::Load(options);
  if (!langs.ok()) return langs.status();
  for (const std::string& lang : (*langs)->codes()) {
    LangCues& cues = r->cues_[lang];
    for (std::string& w : CalendarWords(*(*langs)->Find(lang))) {
      if (!w.empty()) cues.calendar.insert(std::move(w));
    }
    const std::string dir = DataDir(options) + "/lang/" + lang + "/";
    if (std::filesystem::exists(dir + "entity_titles.tsv")) {
      auto tsv = ReadTsv(dir + "entity_titles.tsv", 2, 2);
      if (!tsv.ok()) return tsv.status();
      for (const TsvRow& row : tsv->rows) {
        std::string key = MatchKey(row.fields[0]);
        if (key.empty()) return tsv->ErrorAt(row, "empty title");
        size_t n = std::count(key.begin(), key.end(), ' ') + 1;
        cues.titles[key] = {row.fields[1], n};
        cues.max_title_tokens = std::max(cues.max_title_tokens, n);
      }
    }
    if (std::filesystem::exists(dir + "entity_cues.tsv")) {
      auto tsv = ReadTsv(dir + "entity_cues.tsv", 2, 2);
      if (!tsv.ok()) return tsv.status();
      for (const TsvRow& row : tsv->rows) {
        const std::string& kind = row.fields[0];
        std::string key = MatchKey(row.fields[1]);
        if (kind == "reporting")
          cues.reporting.insert(key);
        else if (kind == "org_head")
          cues.org_heads.insert(key);
        else if (kind == "name_link")
          cues.name_links.insert(key);
        else if (kind == "metonymy_before")
          cues.metonymy_before.insert(key);
        else if (kind == "stop")
          cues.stop.insert(key);
        else if (kind == "determiner")
          cues.determiners.insert(key);
        else if (kind == "role_link")
          cues.role_links.insert(key);
        else if (kind == "role_end")
          cues.role_ends.insert(key);
        else if (kind == "place_before")
          cues.place_before.insert(key);
        else if (kind == "indefinite")
          cues.indefinite.insert(key);
        else if (kind == "relational")
          cues.relational.insert(key);
        else if (kind == "conjunction")
          cues.conjunctions.insert(key);
        else if (kind == "verb")
          cues.verbs.insert(LowerFirst(row.fields[1]));
        else if (kind == "place_head")
          cues.place_heads[key] = !HasLowerFirst(row.fields[1]);
        else if (kind == "place_tail")
          cues.place_tails[key] = !HasLowerFirst(row.fields[1]);
        else if (kind == "place_suffix")
          cues.place_suffixes.push_back(key);
        else if (kind == "org_tail")
          cues.org_tails[key] = !HasLowerFirst(row.fields[1]);
        else if (kind == "institution_head")
          cues.institution_heads[key] = !HasLowerFirst(row.fields[1]);
        else if (kind == "org_adjective")
          cues.org_adjectives.insert(key);
        else
          return tsv->ErrorAt(row, "unknown cue kind \"" + kind +
                                       "\" (reporting, org_head, name_link, metonymy_before, stop, "
                                       "determiner, role_link, role_end, place_before, indefinite, "
                                       "relational, conjunction, verb, place_head, place_tail, "
                                       "place_suffix, org_tail, institution_head, org_adjective)");
        if (key.empty() || (kind == "place_suffix" && key.find(' ') != std::string::npos))
          return tsv->ErrorAt(row, "empty phrase, or a place_suffix of more than one word");
      }
    }
  }
  return r;
}

const EntityRecognizer::LangCues& EntityRecognizer::Cues(std::string_view lang) const {
  auto it = cues_.find(lang);
  return it == cues_.end() ? empty_ : it->second;
}

// The state of one Recognize call and its passes, in the order Recognize runs
// them. `out` holds the mentions found so far; `covered` maps each token to
// the mention over it (-1: none) and is rebuilt whenever `out` is reordered.
struct EntityRecognizer::Recognition {
  Recognition(const KnowledgeBase& kb, const LangCues& cues, std::string_view text,
              std::vector<Token> tokens, std::string_view lang, std::string_view date,
              Deadline* deadline)
      : kb(kb),
        ents(kb.entities()),
        cues(cues),
        text(text),
        toks(std::move(tokens)),
        doc_lang(kb.LangIndex(lang)),
        doc_date(date),
        deadline(deadline),
        covered(toks.size(), -1) {}

  // Passes. Those that loop over the text return false once the deadline
  // expired; `out` then holds what was found so far.
  bool MatchGazetteer();
  bool MatchCueNames();
  void MatchSurnames();
  std::set<std::vector<std::string>> Surnames() const;
  bool IsMinorPlace(int c, size_t k) const;
  void TakeAsPerson(int c, size_t from, const char* source);
  void SortMentions();
  void ExtendGivenNames();
  void MatchDefinedAcronyms();
  void DisambiguatePlaces();
  void DropAbsorbed();
  bool MatchPatterns();
  bool AttachRoles();
  void LocalizeOffices();
  bool MatchNominals();
  void MergeNominals();

  // MatchGazetteer.
  void GrowSpanKeys(size_t i);
  size_t MatchGazetteerAt(size_t i);
  const KbAlias* BestAlias(size_t i, size_t n, std::vector<uint32_t>* places) const;
  bool AliasFits(size_t i, size_t n, const KbAlias& a, std::string_view surface,
                 bool all_caps) const;
  long AliasScore(size_t i, const KbAlias& a) const;
  enum class Verdict { kTake, kShorter, kNone };
  Verdict Judge(size_t i, size_t n, const KbAlias& best) const;
  void AddKbMention(size_t i, size_t n, const KbAlias& best, std::vector<uint32_t> places);

  // MatchCueNames.
  size_t MatchCueNameAt(size_t i);
  bool MayStartName(size_t i) const;
  size_t CapitalisedRun(size_t i) const;
  bool ReportedAround(size_t i, size_t n) const;
  size_t OrgNameLength(size_t i) const;
  bool TitleBefore(size_t i, std::string* role, uint32_t* start) const;

  // ExtendGivenNames, MatchDefinedAcronyms, DisambiguatePlaces.
  size_t GivenNamesStart(size_t t) const;
  bool MayBeGivenName(size_t p) const;
  std::map<std::string, size_t> AcronymDefinitions() const;
  std::map<std::string, int> PlaceSupport() const;

  // MatchPatterns: names by their generic words, acronyms defined in the
  // text, the same names again.
  bool MatchPlaceNames();
  void MatchSuffixPlaces();
  void MatchTailNames();
  bool MatchInstitutions();
  void MatchAcronymExpansions();
  void MatchDeterminedAcronyms();
  void SpreadNames();
  size_t NameEnd(size_t j) const;
  size_t PlaceHeadEnd(size_t i) const;
  size_t InstitutionEnd(size_t i) const;
  size_t TailNameStart(size_t i) const;
  size_t ExpansionStart(size_t open, std::string_view acronym) const;
  bool AddPatternMention(size_t first, size_t last, MentionType type, const char* source);
  bool IsPatternWord(const std::map<std::string, bool, std::less<>>& words, size_t i) const;
  bool NameGoesOn(size_t last) const;
  bool IsAcronym(size_t t) const;
  bool Shouted(size_t t) const;
  size_t InstitutionStart(size_t i) const;
  bool HyphenGlued(size_t a) const;

  // AttachRoles.
  void AttachPersonRoles(size_t t, Mention& m);
  size_t RoleBeforeName(size_t t, Mention& m);
  void ClauseBefore(Mention& m, size_t a);
  size_t AppositionRole(Mention& m, size_t last, bool* apposed);
  void RelativeClauseRole(Mention& m, size_t clause_tok, bool apposed);
  void MarkMetonymy(size_t t, Mention& m) const;
  bool AddRole(Mention& m, const std::string& role, uint32_t start, uint32_t end);
  size_t TitleBeforeName(size_t t, std::string* role) const;
  size_t AppositionTitle(size_t last, std::string* role, size_t* title_end) const;
  size_t TitleAt(size_t k, size_t limit, std::string* role) const;
  uint32_t ClauseEnd(size_t from_tok) const;
  std::string RoleOf(size_t from, size_t to) const;

  // LocalizeOffices and MatchNominals.
  std::string MainCountry() const;
  void MatchNominalAfter(size_t d);
  void MatchNominal(size_t d, size_t k, size_t n, const std::string& role);
  bool Qualify(size_t* e, uint32_t* end) const;
  std::string CounterpartRole(size_t d, size_t k, size_t n, size_t e);
  bool RoleOfApposedName(size_t k, size_t n, size_t e, const std::string& role, uint32_t end);
  void ResolveHolder(Mention& m, size_t d, const std::string& role) const;
  int64_t KbHolder(const std::string& want, const std::string& of, bool former) const;

  // Shared helpers.
  bool IsFirstName(const std::string& key) const;
  bool IsKbPlaceOrOrg(const std::string& key) const;
  bool IsKbPerson(const std::string& key) const;
  bool IsOrgHeadForm(const std::string& key) const;
  bool IsSmallCity(int64_t e) const;
  bool IsLink(size_t k) const;
  std::string_view Surface(size_t first, size_t last) const;
  size_t TokAt(uint32_t byte) const;
  void RebuildCovered();

  const KnowledgeBase& kb;
  const std::vector<KbEntity>& ents;
  const LangCues& cues;
  const std::string_view text;
  const std::vector<Token> toks;
  const int doc_lang;
  const std::string doc_date;
  Deadline* const deadline;

  std::vector<Mention> out;
  std::vector<int> covered;  // mention index per token, -1 when none
  // Places that share their alias with other places ("Vienne", "Georgia"):
  // mention index -> the other candidates, decided from context.
  std::vector<std::pair<size_t, std::vector<uint32_t>>> ambiguous;
  std::vector<std::string> span_keys;  // span_keys[n - 1]: key of n tokens from the current one
  std::vector<bool> drop;              // mentions absorbed by a longer one
  std::vector<bool> title_used;        // tokens of a title taken as someone's role
  std::string main_country;            // the country the document names most
  std::vector<int> last_kb_person;     // the last KB person among out[0..i], or -1
  std::vector<Mention> nominals;       // kept apart from `out` until MergeNominals
};

std::vector<Mention> EntityRecognizer::Recognize(std::string_view text, std::string_view lang,
                                                 std::string_view date, Deadline* deadline) const {
  const TokenStream stream = TokenizeText(text);
  return RecognizeTokens(text, stream, 0, stream.tokens.size(), 0, lang, date, deadline);
}

std::vector<Mention> EntityRecognizer::RecognizeSlice(const Document& doc,
                                                      const TokenStream& stream, uint32_t start,
                                                      uint32_t end, std::string_view lang,
                                                      std::string_view date,
                                                      Deadline* deadline) const {
  const std::string_view text = std::string_view(doc.text).substr(start, end - start);
  size_t first = 0, last = 0;
  if (!stream.Slice(start, end, &first, &last)) return Recognize(text, lang, date, deadline);
  return RecognizeTokens(text, stream, first, last, start, lang, date, deadline);
}

std::vector<Mention> EntityRecognizer::RecognizeTokens(std::string_view text,
                                                       const TokenStream& stream, size_t first,
                                                       size_t last, uint32_t base,
                                                       std::string_view lang, std::string_view date,
                                                       Deadline* deadline) const {
  Recognition r(*kb_, Cues(lang), text, Tokenize(text, stream, first, last, base), lang, date,
                deadline);
  if (!r.MatchGazetteer() || !r.MatchCueNames()) return std::move(r.out);
  r.MatchSurnames();
  r.SortMentions();
  r.ExtendGivenNames();
  r.MatchDefinedAcronyms();
  r.DisambiguatePlaces();
  r.DropAbsorbed();
  if (!r.MatchPatterns()) return std::move(r.out);
  if (!r.AttachRoles()) return std::move(r.out);
  r.LocalizeOffices();
  if (!r.MatchNominals()) return std::move(r.out);
  r.MergeNominals();
  return std::move(r.out);
}

std::vector<Mention> EntityRecognizer::RecognizeDocument(const Document& doc, std::string_view date,
                                                         Deadline* deadline) const {
  // The document's token stream, or the text's when the document has none.
  TokenStream own;
  if (!doc.tokens.MadeFor(doc.text)) own = TokenizeText(doc.text);
  const TokenStream& stream = doc.tokens.MadeFor(doc.text) ? doc.tokens : own;
  std::vector<Mention> out = RecognizeSlice(doc, stream, 0, static_cast<uint32_t>(doc.text.size()),
                                            doc.lang, date, deadline);
  // A run of paragraphs in another language the recognizer reads is read
  // again alone, with that language's cues and aliases; its mentions replace
  // those the document language found there.
  const std::vector<Paragraph>& ps = doc.paragraphs;
  bool replaced = false;
  for (size_t i = 0; i < ps.size();) {
    const std::string& lang = ps[i].lang;
    size_t j = i + 1;
    while (j < ps.size() && ps[j].lang == lang) ++j;
    if (lang == doc.lang || cues_.find(lang) == cues_.end() || kb_->LangIndex(lang) < 0) {
      i = j;
      continue;
    }
    const uint32_t start = ps[i].start, end = ps[j - 1].end;
    i = j;
    if (start >= end || end > doc.text.size()) continue;
    std::erase_if(out, [&](const Mention& m) { return m.start < end && m.end > start; });
    std::vector<Mention> local = RecognizeSlice(doc, stream, start, end, lang, date, deadline);
    for (Mention& m : local) {
      m.start += start;
      m.end += start;
      for (MentionRole& role : m.roles) {
        role.start += start;
        role.end += start;
      }
      if (m.antecedent >= 0) m.antecedent += start;
      out.push_back(std::move(m));
    }
    replaced = true;
  }
  if (replaced) {
    std::stable_sort(out.begin(), out.end(),
                     [](const Mention& a, const Mention& b) { return a.start < b.start; });
    // An antecedent must still be the start of a mention.
    for (Mention& m : out) {
      if (m.antecedent < 0) continue;
      auto it = std::lower_bound(out.begin(), out.end(), m.antecedent,
                                 [](const Mention& x, int64_t at) { return x.start < at; });
      if (it == out.end() || it->start != m.antecedent) m.antecedent = -1;
    }
  }
  return out;
}

// --- Shared helpers -------------------------------------------------------

bool EntityRecognizer::Recognition::IsFirstName(const std::string& key) const {
  for (const KbAlias& a : kb.Find(key)) {
    if (ents[a.entity].id == "@first_names") return true;
  }
  return false;
}

// True when `key` names a place or organisation in the KB.
bool EntityRecognizer::Recognition::IsKbPlaceOrOrg(const std::string& key) const {
  for (const KbAlias& a : kb.Find(key)) {
    if (ents[a.entity].type != EntityType::kPer && !(a.flags & kAliasAdjective)) return true;
  }
  return false;
}

// True when `key` is a name or surname of a KB person.
bool EntityRecognizer::Recognition::IsKbPerson(const std::string& key) const {
  for (const KbAlias& a : kb.Find(key)) {
    const KbEntity& e = ents[a.entity];
    if (e.type == EntityType::kPer && !e.id.empty() && e.id[0] != '@') return true;
  }
  return false;
}

// "Совета", "Комитета": an inflected organisation head word.
bool EntityRecognizer::Recognition::IsOrgHeadForm(const std::string& key) const {
  for (const std::string& h : cues.org_heads) {
    if (key.size() >= h.size() && key.size() - h.size() <= kMaxHeadEnding &&
        key.compare(0, h.size(), h) == 0 && h.find(' ') == std::string::npos) {
      return true;
    }
  }
  return false;
}

// A town or first-level region: a place a first name may also name.
bool EntityRecognizer::Recognition::IsSmallCity(int64_t e) const {
  return e >= 0 && ((ents[e].kind == EntityKind::kCity && !ents[e].capital) ||
                    ents[e].kind == EntityKind::kRegion || ents[e].kind == EntityKind::kSite);
}

// A link inside a name: a `name_link` cue or an elided article ("l", "d").
bool EntityRecognizer::Recognition::IsLink(size_t k) const {
  return cues.name_links.count(toks[k].key) || toks[k].key == "l" || toks[k].key == "d";
}

// The text of tokens first .. last.
std::string_view EntityRecognizer::Recognition::Surface(size_t first, size_t last) const {
  return text.substr(toks[first].start, toks[last].end - toks[first].start);
}

// The first token ending after `byte` (toks.size() when none). Tokens are in
// text order and do not overlap: a binary search (this is called per role and
// per mention, so a scan from the start would be quadratic).
size_t EntityRecognizer::Recognition::TokAt(uint32_t byte) const {
  return static_cast<size_t>(
      std::partition_point(toks.begin(), toks.end(),
                           [byte](const Token& t) { return t.end <= byte; }) -
      toks.begin());
}

// REQUIRES: `out` sorted by start.
void EntityRecognizer::Recognition::RebuildCovered() {
  std::fill(covered.begin(), covered.end(), -1);
  for (size_t m = 0, t = 0; m < out.size(); ++m) {
    while (t < toks.size() && toks[t].start < out[m].start) ++t;
    for (size_t k = t; k < toks.size() && toks[k].end <= out[m].end; ++k)
      covered[k] = static_cast<int>(m);
  }
}

// --- MatchGazetteer: KB aliases, longest match first ----------------------

bool EntityRecognizer::Recognition::MatchGazetteer() {
  for (size_t i = 0; i < toks.size();) {
    if (Expired(deadline, "entities")) return false;
    size_t n = MatchGazetteerAt(i);
    i += n > 0 ? n : 1;
  }
  return true;
}

// span_keys[n - 1]: the key of tokens i .. i+n-1. A span grows only while
// some alias key starts with it: most tokens cost one or two lookups.
void EntityRecognizer::Recognition::GrowSpanKeys(size_t i) {
  std::vector<std::string>& keys = span_keys;
  keys.assign(1, toks[i].key);
  while (keys.size() < kMaxNameTokens && i + keys.size() < toks.size() &&
         Joinable(text, toks[i + keys.size() - 1], toks[i + keys.size()])) {
    std::string longer = keys.back() + " ";
    if (!kb.HasKeyPrefix(longer)) break;
    longer += toks[i + keys.size()].key;
    keys.push_back(std::move(longer));
  }
}

// The tokens of the KB mention matched at token i, added to `out`; 0 when none.
size_t EntityRecognizer::Recognition::MatchGazetteerAt(size_t i) {
  GrowSpanKeys(i);
  for (size_t n = span_keys.size(); n >= 1; --n) {
    std::vector<uint32_t> places;
    const KbAlias* best = BestAlias(i, n, &places);
    if (!best) continue;
    Verdict v = Judge(i, n, *best);
    if (v == Verdict::kShorter) continue;
    if (v == Verdict::kNone) return 0;
    AddKbMention(i, n, *best, std::move(places));
    return n;
  }
  return 0;
}

// The best-scoring alias the n tokens from i may be; `places` gets every
// place they may name.
const KbAlias* EntityRecognizer::Recognition::BestAlias(size_t i, size_t n,
                                                        std::vector<uint32_t>* places) const {
  const std::string_view surface = Surface(i, i + n - 1);
  bool all_caps = true;
  for (size_t k = 0; k < n; ++k) all_caps &= toks[i + k].all_caps;
  const KbAlias* best = nullptr;
  long best_score = -1;
  for (const KbAlias& a : kb.Find(span_keys[n - 1])) {
    if (!AliasFits(i, n, a, surface, all_caps)) continue;
    if (!(a.flags & kAliasAdjective) && ents[a.entity].type == EntityType::kLoc &&
        std::find(places->begin(), places->end(), a.entity) == places->end()) {
      places->push_back(a.entity);
    }
    long score = AliasScore(i, a);
    if (score > best_score) {
      best_score = score;
      best = &a;
    }
  }
  return best;
}

// False when case, language, length or position rule out reading the n
// tokens from i (written `surface`) as alias `a`.
bool EntityRecognizer::Recognition::AliasFits(size_t i, size_t n, const KbAlias& a,
                                              std::string_view surface, bool all_caps) const {
  const KbEntity& e = ents[a.entity];
  if (!e.id.empty() && e.id[0] == '@') return false;
  if ((a.flags & kAliasAcronym) && !all_caps) return false;
  if (a.flags & kAliasAdjective) return a.lang == doc_lang || a.lang == 0;
  const Token& first = toks[i];
  if (!(a.flags & kAliasAcronym) && cues.calendar.count(first.key)) return false;
  if (!first.upper_initial && !HasLowerFirst(a.text) &&
      !std::isdigit(static_cast<unsigned char>(surface[0]))) {
    return false;
  }
  if (!first.upper_initial && a.lang != doc_lang) return false;
  if (n == 1 && (a.flags & kAliasCommonWord) && first.sentence_start) return false;
  if (n == 1 && CountCodePoints(surface) < 3 && !(a.flags & kAliasAcronym)) return false;
  if (n == 1 && first.sentence_start && cues.stop.count(span_keys[n - 1])) return false;
  if (all_caps && n == 1 && !(a.flags & kAliasAcronym) && CountCodePoints(surface) <= 4)
    return false;
  // "La réunion" is not "La Réunion", nor "Le monde" "Le Monde".
  // Organisation names of three words or more are matched whatever their
  // case ("ministère russe de la défense"): they are no phrase of the
  // language written otherwise.
  if (n > 1 && !all_caps && CapitalisedWords(surface) < CapitalisedWords(a.text) &&
      !(n >= 3 && e.type == EntityType::kOrg)) {
    return false;
  }
  // A common word naming a region somewhere ("Est", "Centre") is not taken
  // for that region on its own.
  return !(n == 1 && (a.flags & kAliasCommonWord) && e.kind == EntityKind::kRegion &&
           e.prior < kMinorPlacePrior);
}

long EntityRecognizer::Recognition::AliasScore(size_t i, const KbAlias& a) const {
  const bool adjective = a.flags & kAliasAdjective;
  long score = (a.lang == doc_lang ? 3L : a.lang == 0 ? 2L : 1L) << 40;
  score = (score + ents[a.entity].prior) * 2;
  // Same key as name and adjective ("Suisse", "suisse"): case decides.
  if (adjective != toks[i].upper_initial) score += 1;
  // A hand-written demonym names its place first ("américain": US, not MP).
  if (adjective && (a.flags & kAliasPreferred)) score += 2;
  return score;
}

// Whether the n tokens from i stand as `best`, a shorter span should be
// tried, or no KB mention starts at i (a person's name, left to MatchCueNames).
EntityRecognizer::Recognition::Verdict EntityRecognizer::Recognition::Judge(
    size_t i, size_t n, const KbAlias& best) const {
  if (n != 1) return Verdict::kTake;
  const KbEntity& e = ents[best.entity];
  const bool town = e.type == EntityType::kLoc && e.kind == EntityKind::kCity && !e.capital;
  // A small town named by one word ("Most", "Lage", "Mission") only after a
  // preposition of place. So does a town's untagged alternate name ("Von"
  // for Vaughan).
  if (town && (e.population < kSmallTownPopulation || (best.flags & kAliasAlternate)) &&
      !(i > 0 && cues.place_before.count(toks[i - 1].key))) {
    return Verdict::kShorter;
  }
  if (e.type != EntityType::kLoc || !IsSmallCity(best.entity) || i + 1 >= toks.size())
    return Verdict::kTake;
  const std::string& key = span_keys[0];
  // A first name that is also a town ("Vladimir", "Paul") before a
  // capitalised word that is no place: a person's name.
  if (toks[i + 1].upper_initial && !toks[i + 1].all_caps && Joinable(text, toks[i], toks[i + 1]) &&
      IsFirstName(key) && !IsKbPlaceOrOrg(toks[i + 1].key)) {
    return Verdict::kNone;
  }
  // Nor is it a place before a known person's surname across an editor's
  // bracket ("[President Vladimir] Poutine").
  if (BracketGap(text, toks[i], toks[i + 1]) && IsFirstName(key) && IsKbPerson(toks[i + 1].key)) {
    return Verdict::kNone;
  }
  return Verdict::kTake;
}

void EntityRecognizer::Recognition::AddKbMention(size_t i, size_t n, const KbAlias& best,
                                                 std::vector<uint32_t> places) {
  const KbEntity& e = ents[best.entity];
  Mention m;
  m.start = toks[i].start;
  m.end = toks[i + n - 1].end;
  m.kb_entity = best.entity;
  m.type = (best.flags & kAliasAdjective) ? MentionType::kAdj
           : e.type == EntityType::kPer   ? MentionType::kPer
           : e.type == EntityType::kOrg   ? MentionType::kOrg
                                          : MentionType::kLoc;
  m.partial = best.flags & kAliasPartial;
  m.metonymy = e.kind == EntityKind::kGovernment;
  m.source = "kb";
  // "V. Poutine": a capital initial before a known surname joins the
  // mention; an honorific ("M.", listed as a stop word) does not.
  if (m.partial && i >= 1 && CountCodePoints(Surface(i - 1, i - 1)) == 1 &&
      toks[i - 1].upper_initial && text.substr(toks[i - 1].end, 1) == "." && covered[i - 1] < 0 &&
      !cues.stop.count(toks[i - 1].key)) {
    m.start = toks[i - 1].start;
    covered[i - 1] = static_cast<int>(out.size());
  }
  if (m.type == MentionType::kLoc && places.size() > 1) {
    places.erase(std::remove(places.begin(), places.end(), best.entity), places.end());
    ambiguous.emplace_back(out.size(), std::move(places));
  }
  for (size_t k = 0; k < n; ++k) covered[i + k] = static_cast<int>(out.size());
  out.push_back(std::move(m));
}

// --- MatchCueNames: unknown names from cues -------------------------------

bool EntityRecognizer::Recognition::MatchCueNames() {
  for (size_t i = 0; i < toks.size(); i += MatchCueNameAt(i)) {
    if (Expired(deadline, "entities")) return false;
  }
  return true;
}

// Adds the name starting at token i when a cue vouches for it; returns the
// tokens to move on by (at least 1).
size_t EntityRecognizer::Recognition::MatchCueNameAt(size_t i) {
  if (!MayStartName(i)) return 1;
  size_t n = CapitalisedRun(i);
  std::string role;
  uint32_t title_start = 0;
  size_t title_end = 0;
  bool titled = TitleBefore(i, &role, &title_start);
  // "Julien Mahé": a first name before a town's or an island's name joined
  // to it is a person.
  if (n == 1 && i + 1 < toks.size() && covered[i + 1] >= 0 && IsMinorPlace(covered[i + 1], i + 1) &&
      Joinable(text, toks[i], toks[i + 1]) && text.substr(toks[i].end, 1) == " " &&
      IsFirstName(toks[i].key)) {
    TakeAsPerson(covered[i + 1], i, "first_name");
    return 2;
  }
  bool first_name = n >= 2 && IsFirstName(toks[i].key);
  // The verb of saying right next to the name.
  bool reported = n >= 2 && ReportedAround(i, n);
  bool org = n >= 2 && cues.org_heads.count(toks[i].key);
  if (!org && n == 1 && cues.org_heads.count(toks[i].key)) {
    if (size_t len = OrgNameLength(i)) {
      n = len;
      org = true;
    }
  }
  bool apposed = n >= 2 && AppositionTitle(i + n - 1, &role, &title_end) != std::string::npos;
  if (!org && n == 1 && IsOrgHeadForm(toks[i].key)) titled = false;  // "председатель Совета ..."
  if (!(titled && (n >= 2 || !toks[i].sentence_start)) && !first_name && !reported && !org &&
      !apposed) {
    return n;
  }
  Mention m;
  m.start = toks[i].start;
  m.end = toks[i + n - 1].end;
  m.type = org ? MentionType::kOrg : MentionType::kPer;
  m.source = org          ? "org_head"
             : titled     ? "title"
             : first_name ? "first_name"
             : reported   ? "reporting"
                          : "apposition";
  for (size_t k = 0; k < n; ++k) covered[i + k] = static_cast<int>(out.size());
  out.push_back(std::move(m));
  return n;
}

// True when an unknown name may start at token i: a capitalised word no
// mention covers that is no stop word, title or calendar word.
bool EntityRecognizer::Recognition::MayStartName(size_t i) const {
  if (covered[i] >= 0 || !toks[i].upper_initial || toks[i].all_caps) return false;
  if (cues.stop.count(toks[i].key) || cues.titles.count(toks[i].key) ||
      cues.calendar.count(toks[i].key)) {
    return false;
  }
  // A first name closing an editor's bracket before a known surname is part
  // of that person's name, not a person of its own.
  return !(i + 1 < toks.size() && BracketGap(text, toks[i], toks[i + 1]) &&
           IsFirstName(toks[i].key) && covered[i + 1] >= 0 &&
           out[covered[i + 1]].type == MentionType::kPer);
}

// Capitalised words joined to token i, at most 4; a Roman numeral may end
// them ("Mohammed VI").
size_t EntityRecognizer::Recognition::CapitalisedRun(size_t i) const {
  size_t n = 1;
  while (i + n < toks.size() && n < 4 && covered[i + n] < 0 && toks[i + n].upper_initial &&
         Joinable(text, toks[i + n - 1], toks[i + n]) &&
         text.substr(toks[i + n - 1].end, 1) != "." && !cues.calendar.count(toks[i + n].key)) {
    if (toks[i + n].all_caps) {
      if (IsRomanNumeral(Surface(i + n, i + n))) ++n;
      break;
    }
    ++n;
  }
  return n;
}

// A verb of saying right next to the n tokens from i, nothing but spaces
// between ("a déclaré Konstantin Kosachyov"; not a heading before a paragraph).
bool EntityRecognizer::Recognition::ReportedAround(size_t i, size_t n) const {
  return (i > 0 && cues.reporting.count(toks[i - 1].key) && Joinable(text, toks[i - 1], toks[i])) ||
         (i + n < toks.size() && cues.reporting.count(toks[i + n].key) &&
          Joinable(text, toks[i + n - 1], toks[i + n]));
}

// "Conseil national de sécurité": lower-case words and links after the head
// word at token i, with at least one link, ending on a word that is not a
// link. The name's length in tokens, or 0 when there is none.
size_t EntityRecognizer::Recognition::OrgNameLength(size_t i) const {
  size_t end = i + 1, last_word = i;
  bool linked = false;
  while (end < toks.size() && end - i <= kMaxOrgTail && covered[end] < 0 &&
         !toks[end].upper_initial && Joinable(text, toks[end - 1], toks[end]) &&
         text.substr(toks[end - 1].end, 1) != "." &&
         !cues.verbs.count(LowerFirst(Surface(end, end)))) {
    if (IsLink(end)) {
      linked = true;
    } else if (linked && cues.determiners.count(toks[end].key) && last_word < end - 1) {
      // "de la sécurité": the article after a link.
    } else if (!linked && end == i + 1) {
      last_word = end;  // an adjective right after the head ("Conseil national")
    } else if (linked && last_word < end - 1) {
      last_word = end;  // the noun after the link
    } else if (linked) {
      // A second word after the link only when the name ends there.
      bool ends = end + 1 >= toks.size() || ClauseBreak(text, toks[end], toks[end + 1]) ||
                  toks[end + 1].upper_initial || cues.name_links.count(toks[end + 1].key);
      if (ends) last_word = end;
      break;
    } else {
      break;
    }
    ++end;
  }
  return linked && last_word > i + 1 ? last_word - i + 1 : 0;
}

// A title right before token i. It may be followed by an adjective mention
// ("président kazakh").
bool EntityRecognizer::Recognition::TitleBefore(size_t i, std::string* role,
                                                uint32_t* start) const {
  size_t j = i;
  if (j > 0 && covered[j - 1] >= 0 && out[covered[j - 1]].type == MentionType::kAdj) {
    int m = covered[j - 1];
    while (j > 0 && covered[j - 1] == m) --j;
  }
  for (size_t n = std::min(cues.max_title_tokens, j); n >= 1; --n) {
    std::string key = toks[j - n].key;
    for (size_t k = 1; k < n; ++k) key += " " + toks[j - n + k].key;
    auto it = cues.titles.find(key);
    if (it != cues.titles.end()) {
      *role = it->second.role;
      *start = toks[j - n].start;
      return true;
    }
  }
  return false;
}

// The longest title (entity_titles.tsv) starting at token k and ending at or
// before token `limit`, on tokens no mention covers; 0 when none.
size_t EntityRecognizer::Recognition::TitleAt(size_t k, size_t limit, std::string* role) const {
  for (size_t n = std::min(cues.max_title_tokens, limit - std::min(limit, k)); n >= 1; --n) {
    bool ok = true;
    std::string key = toks[k].key;
    for (size_t q = 0; q < n && ok; ++q) {
      ok = covered[k + q] < 0 && (q == 0 || Joinable(text, toks[k + q - 1], toks[k + q]));
      if (q > 0) key += " " + toks[k + q].key;
    }
    if (!ok) continue;
    auto it = cues.titles.find(key);
    if (it != cues.titles.end()) {
      *role = it->second.role;
      return n;
    }
  }
  return 0;
}

// A title right after a comma that follows token `last`, after an optional
// determiner and up to three lower-case words ("X, un ancien diplomate
// russe"); returns the first token after the comma, or npos.
size_t EntityRecognizer::Recognition::AppositionTitle(size_t last, std::string* role,
                                                      size_t* title_end) const {
  if (last + 1 >= toks.size() || !CommaGap(text, toks[last], toks[last + 1]))
    return std::string::npos;
  size_t q = last + 1;
  if (cues.determiners.count(toks[q].key)) ++q;
  for (size_t skip = 0; skip <= 3 && q + skip < toks.size(); ++skip) {
    size_t p = q + skip;
    if (p > last + 1 && ClauseBreak(text, toks[p - 1], toks[p])) break;
    if (size_t n = TitleAt(p, toks.size(), role)) {
      *title_end = p + n;
      return last + 1;
    }
    if (toks[p].upper_initial || covered[p] >= 0 || cues.determiners.count(toks[p].key) ||
        cues.name_links.count(toks[p].key)) {
      break;
    }
  }
  return std::string::npos;
}

// --- From MatchSurnames to DropAbsorbed: merging mentions -----------------

// Surnames of persons named in full in this document: the surname alone is
// that person too ("Stanovaya" after "Tatyana Stanovaya").
void EntityRecognizer::Recognition::MatchSurnames() {
  const std::set<std::vector<std::string>> surnames = Surnames();
  if (surnames.empty()) return;
  size_t longest = 0;
  for (const auto& s : surnames) longest = std::max(longest, s.size());
  for (size_t i = 0; i < toks.size(); ++i) {
    if (!toks[i].upper_initial || toks[i].all_caps) continue;
    std::vector<std::string> keys;
    size_t n = 0;
    for (size_t k = i; k < toks.size() && k - i < longest; ++k) {
      if ((covered[k] >= 0 && !IsMinorPlace(covered[k], k)) ||
          (k > i && !Joinable(text, toks[k - 1], toks[k])))
        break;
      keys.push_back(toks[k].key);
      if (surnames.count(keys)) n = keys.size();
    }
    if (n == 0) continue;
    if (covered[i] >= 0) {
      TakeAsPerson(covered[i], i, "surname");  // "Mahé" after "Julien Mahé"
      continue;
    }
    Mention m;
    m.start = toks[i].start;
    m.end = toks[i + n - 1].end;
    m.type = MentionType::kPer;
    m.partial = true;
    m.source = "surname";
    for (size_t k = i; k < i + n; ++k) covered[k] = static_cast<int>(out.size());
    out.push_back(std::move(m));
    i += n - 1;
  }
}

// The surnames of persons the KB does not know, named in full in this
// document, as token keys: all the words after the first ("Le Goff" of
// "Olivier Le Goff", "Morel" of "Jean-Baptiste Morel"), the same without a
// lower-case particle ("Saint-Affrique"), and the last word alone unless a
// particle or stop word comes before it ("Damme" of "Wout Van Damme", not
// "Goff").
std::set<std::vector<std::string>> EntityRecognizer::Recognition::Surnames() const {
  std::set<std::vector<std::string>> out_names;
  for (const Mention& m : out) {
    if (m.type != MentionType::kPer || m.kb_entity >= 0 || m.nominal) continue;
    const size_t first = TokAt(m.start);
    size_t k = first + 1;  // the first token after a space
    while (k < toks.size() && toks[k].end <= m.end &&
           text.substr(toks[k - 1].end, toks[k].start - toks[k - 1].end).find(' ') ==
               std::string_view::npos) {
      ++k;
    }
    std::vector<std::string> keys;
    size_t last_word = k;
    for (size_t q = k; q < toks.size() && toks[q].end <= m.end; ++q) {
      keys.push_back(toks[q].key);
      if (q > k && text.substr(toks[q - 1].end, 1) == " ") last_word = q;
    }
    if (keys.empty()) continue;
    if (toks[k].upper_initial) out_names.insert(keys);
    std::vector<std::string> rest(keys.begin() + 1, keys.end());
    if (!toks[k].upper_initial && !rest.empty()) out_names.insert(rest);
    const std::string& before = toks[last_word - 1].key;
    if (last_word > k && !cues.stop.count(before) && !cues.name_links.count(before) &&
        toks[last_word - 1].upper_initial) {
      std::vector<std::string> tail;
      for (size_t q = last_word; q < toks.size() && toks[q].end <= m.end; ++q)
        tail.push_back(toks[q].key);
      out_names.insert(tail);
    }
  }
  return out_names;
}

// Mention c over token k is a KB place of one word that a person's name may
// also be: no country, no capital ("Mahé", "Rivière").
bool EntityRecognizer::Recognition::IsMinorPlace(int c, size_t k) const {
  const Mention& m = out[c];
  if (m.type != MentionType::kLoc || m.kb_entity < 0 || m.start != toks[k].start ||
      m.end != toks[k].end) {
    return false;
  }
  const KbEntity& e = ents[m.kb_entity];
  return e.kind != EntityKind::kCountry && !e.capital;
}

// Mention c becomes an unknown person starting at token `from`; it is no
// longer a place to disambiguate.
void EntityRecognizer::Recognition::TakeAsPerson(int c, size_t from, const char* source) {
  Mention& m = out[c];
  m.start = toks[from].start;
  m.type = MentionType::kPer;
  m.kb_entity = -1;
  m.metonymy = false;
  m.partial = std::string_view(source) == "surname";
  m.source = source;
  for (size_t k = from; k < toks.size() && toks[k].end <= m.end; ++k) covered[k] = c;
  std::erase_if(ambiguous, [c](const auto& a) { return a.first == static_cast<size_t>(c); });
}

// Sorts `out` by start; ambiguous places follow their mentions through the
// permutation.
void EntityRecognizer::Recognition::SortMentions() {
  std::vector<size_t> order(out.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [this](size_t a, size_t b) { return out[a].start < out[b].start; });
  std::vector<size_t> rank(out.size());
  std::vector<Mention> sorted;
  sorted.reserve(out.size());
  for (size_t r = 0; r < order.size(); ++r) {
    rank[order[r]] = r;
    sorted.push_back(std::move(out[order[r]]));
  }
  out = std::move(sorted);
  for (auto& [mi, alts] : ambiguous) mi = rank[mi];
  RebuildCovered();
}

// Given names before a known surname join the person's mention, even when
// they are spelled in a way the KB lacks or match a town ("Kasim-Yomart
// Tokayev", "Sergueï Ryabkov", "Aleksandr Lukashenko"). Mentions they
// absorb are marked in `drop`.
void EntityRecognizer::Recognition::ExtendGivenNames() {
  drop.assign(out.size(), false);
  for (size_t t = 0; t < toks.size(); ++t) {
    int mi = covered[t];
    if (mi < 0 || toks[t].start != out[mi].start) continue;
    Mention& m = out[mi];
    if (m.type != MentionType::kPer || m.kb_entity < 0 || !m.partial) continue;
    size_t k = GivenNamesStart(t);
    if (k == t) continue;
    for (size_t q = k; q < t; ++q) {
      if (covered[q] >= 0) drop[covered[q]] = true;
    }
    m.start = toks[k].start;
    m.partial = false;
  }
}

// The first of the given names before the surname at token t (t when none).
size_t EntityRecognizer::Recognition::GivenNamesStart(size_t t) const {
  size_t k = t;
  while (k > 0 && t - k < 3 && MayBeGivenName(k - 1)) {
    int c = covered[k - 1];
    if (c >= 0) {
      const Mention& o = out[c];
      bool one_token = o.start == toks[k - 1].start && o.end == toks[k - 1].end;
      // An unknown name just before ("Kasim-Yomart" found by its title).
      if (o.type == MentionType::kPer && o.kb_entity < 0 && o.end == toks[k - 1].end) {
        while (k > 0 && covered[k - 1] == c) --k;
        return k;
      }
      bool absorbable = one_token && o.type == MentionType::kLoc && IsSmallCity(o.kb_entity);
      if (!absorbable) return k;
    } else if (toks[k - 1].sentence_start && !IsFirstName(toks[k - 1].key)) {
      return k;
    }
    --k;
  }
  return k;
}

// Token p, joined to the next one, is capitalised and no stop word, title or
// calendar word.
bool EntityRecognizer::Recognition::MayBeGivenName(size_t p) const {
  return Joinable(text, toks[p], toks[p + 1]) && text.substr(toks[p].end, 1) != "." &&
         toks[p].upper_initial && !toks[p].all_caps && !cues.stop.count(toks[p].key) &&
         !cues.titles.count(toks[p].key) && !cues.calendar.count(toks[p].key);
}

// Acronyms defined in the text: "Organisation du traité de sécurité
// collective (OTSC)" makes OTSC, here and later in the document, the same
// entity as the name before it.
void EntityRecognizer::Recognition::MatchDefinedAcronyms() {
  const std::map<std::string, size_t> defined = AcronymDefinitions();
  if (defined.empty()) return;
  for (size_t t = 0; t < toks.size(); ++t) {
    auto it = defined.find(toks[t].key);
    if (it == defined.end() || covered[t] >= 0 || !toks[t].all_caps) continue;
    const Mention& def = out[it->second];
    if (toks[t].start < def.end) continue;
    Mention m;
    m.start = toks[t].start;
    m.end = toks[t].end;
    m.type = MentionType::kOrg;
    m.kb_entity = def.kb_entity;
    m.antecedent = def.start;
    m.source = "acronym";
    out.push_back(std::move(m));
    drop.push_back(false);
  }
}

// Acronym key -> the organisation mention it follows in brackets.
std::map<std::string, size_t> EntityRecognizer::Recognition::AcronymDefinitions() const {
  std::map<std::string, size_t> defined;
  for (size_t t = 0; t + 1 < toks.size(); ++t) {
    int mi = covered[t];
    if (mi < 0 || toks[t].end != out[mi].end || out[mi].type != MentionType::kOrg) continue;
    const Token& a = toks[t + 1];
    std::string_view gap = text.substr(toks[t].end, a.start - toks[t].end);
    if (!a.all_caps || covered[t + 1] >= 0 || (gap != " (" && gap != "(") ||
        text.substr(a.end, 1) != ")") {
      continue;
    }
    size_t letters = CountCodePoints(text.substr(a.start, a.end - a.start));
    if (letters < 2 || letters > 8) continue;
    defined.emplace(a.key, mi);
  }
  return defined;
}

// Places from context: a shared alias goes to the candidate whose country
// the document supports with towns or regions of it when the default's
// country has none ("Vienne" with "Lyon" is the French town).
void EntityRecognizer::Recognition::DisambiguatePlaces() {
  if (ambiguous.empty()) return;
  std::map<std::string, int> support = PlaceSupport();
  for (auto& [mi, alts] : ambiguous) {
    Mention& m = out[mi];
    const KbEntity& d = ents[m.kb_entity];
    std::string dc(d.kind == EntityKind::kCountry ? d.id : std::string_view(d.country));
    int own =
        support[dc] -
        ((d.kind == EntityKind::kCity && !d.capital) || d.kind == EntityKind::kRegion ? 1 : 0);
    if (own > 0) continue;
    int best = 0;
    for (uint32_t a : alts) {
      std::string ac(ents[a].country);
      if (ac == dc) continue;
      if (support[ac] > best) {
        best = support[ac];
        m.kb_entity = a;
        m.source = "kb_context";
      }
    }
  }
}

// Country -> mentions of its towns and regions (countries named as places
// are present with 0: they support no town over the country).
std::map<std::string, int> EntityRecognizer::Recognition::PlaceSupport() const {
  std::map<std::string, int> support;
  for (const Mention& m : out) {
    if (m.kb_entity < 0 || m.type == MentionType::kPer) continue;
    const KbEntity& e = ents[m.kb_entity];
    if ((e.kind == EntityKind::kCity && !e.capital) || e.kind == EntityKind::kRegion) {
      support[std::string(e.country)] += 1;
    } else if (e.kind == EntityKind::kCountry && m.type == MentionType::kLoc) {
      support[std::string(e.id)] += 0;
    }
  }
  return support;
}

// Removes absorbed mentions, sorts again.
void EntityRecognizer::Recognition::DropAbsorbed() {
  std::vector<Mention> kept;
  for (size_t i = 0; i < out.size(); ++i) {
    if (!drop[i]) kept.push_back(std::move(out[i]));
  }
  out = std::move(kept);
  std::stable_sort(out.begin(), out.end(),
                   [](const Mention& a, const Mention& b) { return a.start < b.start; });
  RebuildCovered();
}

// --- MatchPatterns: names the KB does not know, by their generic words ----

// Runs after DropAbsorbed (out sorted, covered current). Each pattern adds a
// mention over tokens whose mentions it absorbs whole (never one crossing its
// edges); then the absorbed go, and the names found so far are looked for
// again in the rest of the document.
bool EntityRecognizer::Recognition::MatchPatterns() {
  drop.assign(out.size(), false);
  if (!MatchPlaceNames() || !MatchInstitutions()) return false;
  MatchSuffixPlaces();
  MatchTailNames();
  MatchAcronymExpansions();
  MatchDeterminedAcronyms();
  DropAbsorbed();
  drop.assign(out.size(), false);
  SpreadNames();
  DropAbsorbed();
  return true;
}

// True when a name ending at token `last` seems to go on in words no cue
// knows: a short lower-case word, then a capitalised one ("Organisation de
// Dogovor di Kolekitivnoj ..."). A head pattern then takes nothing rather
// than a piece (a tail or suffix word ends its name itself).
bool EntityRecognizer::Recognition::NameGoesOn(size_t last) const {
  const size_t w = last + 1;
  if (w + 1 >= toks.size() || toks[w].upper_initial || covered[w + 1] >= 0 ||
      !toks[w + 1].upper_initial || toks[w + 1].all_caps || cues.calendar.count(toks[w + 1].key) ||
      cues.stop.count(toks[w + 1].key) || CountCodePoints(Surface(w, w)) > 3 ||
      !Joinable(text, toks[last], toks[w]) || !Joinable(text, toks[w], toks[w + 1]) ||
      text.substr(toks[last].end, 1) == ".") {
    return false;
  }
  const std::string& k = toks[w].key;
  return !IsLink(w) && !cues.place_before.count(k) && !cues.conjunctions.count(k) &&
         !cues.determiners.count(k) && !cues.verbs.count(LowerFirst(Surface(w, w))) &&
         !cues.reporting.count(k);
}

// Token i is one of `words`, capitalised when the data writes it so.
bool EntityRecognizer::Recognition::IsPatternWord(
    const std::map<std::string, bool, std::less<>>& words, size_t i) const {
  auto it = words.find(toks[i].key);
  return it != words.end() && (!it->second || toks[i].upper_initial);
}

// Adds a mention over tokens first .. last, absorbing the mentions inside;
// false (nothing added) when a mention crosses an edge or a person is inside.
bool EntityRecognizer::Recognition::AddPatternMention(size_t first, size_t last, MentionType type,
                                                      const char* source) {
  const uint32_t start = toks[first].start, end = toks[last].end;
  for (size_t k = first; k <= last; ++k) {
    const int c = covered[k];
    if (c < 0) continue;
    const Mention& o = out[c];
    if (o.start < start || o.end > end) return false;
    if (o.type == MentionType::kPer && type != MentionType::kLoc) return false;
  }
  for (size_t k = first; k <= last; ++k) {
    if (covered[k] >= 0) drop[covered[k]] = true;
    covered[k] = static_cast<int>(out.size());
  }
  Mention m;
  m.start = start;
  m.end = end;
  m.type = type;
  m.source = source;
  out.push_back(std::move(m));
  drop.push_back(false);
  return true;
}

// The last token of a name starting at token j: capitalised words, or the
// mentions that start there, joined by spaces or hyphens, with a link inside
// when a capitalised word follows it ("Charles-de-Gaulle", "Parc des
// Princes"); npos when no name starts at j.
size_t EntityRecognizer::Recognition::NameEnd(size_t j) const {
  if (j >= toks.size() || !toks[j].upper_initial || cues.calendar.count(toks[j].key))
    return std::string::npos;
  if (covered[j] >= 0 && out[covered[j]].start != toks[j].start) return std::string::npos;
  size_t last = j;
  while (true) {
    if (covered[last] >= 0) {
      while (last + 1 < toks.size() && covered[last + 1] == covered[last]) ++last;
    }
    size_t next = last + 1;
    // A link, or any lower-case word between hyphens ("Ille-et-Vilaine").
    if (next + 1 < toks.size() && !toks[next].upper_initial &&
        (IsLink(next) || (HyphenGlued(last) && HyphenGlued(next))) &&
        Joinable(text, toks[next], toks[next + 1]) && toks[next + 1].upper_initial) {
      ++next;
    }
    if (next >= toks.size() || !Joinable(text, toks[next - 1], toks[next]) ||
        !Joinable(text, toks[last], toks[last + 1]) || text.substr(toks[last].end, 1) == "." ||
        !toks[next].upper_initial || cues.calendar.count(toks[next].key) ||
        (covered[next] >= 0 && out[covered[next]].start != toks[next].start)) {
      return last;
    }
    last = next;
  }
}

// True when token a and the next are joined by a hyphen alone.
bool EntityRecognizer::Recognition::HyphenGlued(size_t a) const {
  return a + 1 < toks.size() && text.substr(toks[a].end, toks[a + 1].start - toks[a].end) == "-";
}

// Streets, squares and landmarks named after a generic word: "rue de
// Charonne", "place de la République", "Parc des Princes", "улица Тверская".
bool EntityRecognizer::Recognition::MatchPlaceNames() {
  if (cues.place_heads.empty()) return true;
  for (size_t i = 0; i + 1 < toks.size(); ++i) {
    if (Expired(deadline, "entities")) return false;
    if (covered[i] >= 0 || !IsPatternWord(cues.place_heads, i)) continue;
    const size_t last = PlaceHeadEnd(i);
    if (last != std::string::npos && !NameGoesOn(last) &&
        AddPatternMention(i, last, MentionType::kLoc, "place_head")) {
      i = last;
    }
  }
  return true;
}

// The last token of the name after the place head at token i (links and
// articles between them), or npos.
size_t EntityRecognizer::Recognition::PlaceHeadEnd(size_t i) const {
  size_t j = i + 1;
  while (j < toks.size() && j <= i + 3 && Joinable(text, toks[j - 1], toks[j]) &&
         (IsLink(j) || cues.determiners.count(toks[j].key))) {
    ++j;
  }
  if (j >= toks.size() || !Joinable(text, toks[j - 1], toks[j]) || toks[j].all_caps ||
      cues.stop.count(toks[j].key)) {
    return std::string::npos;
  }
  return NameEnd(j);
}

// One capitalised word ending with a place suffix: "Alexanderplatz".
void EntityRecognizer::Recognition::MatchSuffixPlaces() {
  for (size_t i = 0; i < toks.size() && !cues.place_suffixes.empty(); ++i) {
    if (covered[i] >= 0 || !toks[i].upper_initial || toks[i].all_caps) continue;
    const std::string& key = toks[i].key;
    for (const std::string& suffix : cues.place_suffixes) {
      if (key.size() > suffix.size() + 2 &&
          key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0) {
        AddPatternMention(i, i, MentionType::kLoc, "place_suffix");
        break;
      }
    }
  }
}

// A name ending with a generic word: "Trafalgar Square", "Красная площадь"
// (LOC); "Labour Party" (ORG).
void EntityRecognizer::Recognition::MatchTailNames() {
  if (cues.place_tails.empty() && cues.org_tails.empty()) return;
  for (size_t i = 1; i < toks.size(); ++i) {
    const bool place = IsPatternWord(cues.place_tails, i);
    if (!place && !IsPatternWord(cues.org_tails, i)) continue;
    // The name goes on after the tail word ("Police Review Director").
    if (i + 1 < toks.size() && toks[i + 1].upper_initial && Joinable(text, toks[i], toks[i + 1]) &&
        text.substr(toks[i].end, 1) != ".") {
      continue;
    }
    const MentionType type = place ? MentionType::kLoc : MentionType::kOrg;
    if (const int c = covered[i]; c >= 0) {
      // A cue read "Victoria Street" as a person: the tail word says what it is.
      Mention& o = out[c];
      if (o.end == toks[i].end && o.start < toks[i].start && o.kb_entity < 0 &&
          o.type == MentionType::kPer) {
        o.type = type;
        o.source = place ? "place_tail" : "org_tail";
      }
      continue;
    }
    const size_t first = TailNameStart(i);
    if (first == std::string::npos) continue;
    // "Real Estate Council of Ontario": a link and a name may follow.
    size_t last = i;
    if (i + 2 < toks.size() && IsLink(i + 1) && Joinable(text, toks[i], toks[i + 1]) &&
        Joinable(text, toks[i + 1], toks[i + 2])) {
      const size_t end = NameEnd(i + 2);
      if (end != std::string::npos) last = end;
    }
    AddPatternMention(first, last, type, place ? "place_tail" : "org_tail");
  }
}

// The first token of the capitalised name right before the tail word at
// token i (at most four words and mentions, a capitalised demonym among
// them: "American Civil Liberties Union"), or npos.
size_t EntityRecognizer::Recognition::TailNameStart(size_t i) const {
  size_t first = i;
  while (first > 0 && i - first < 4 && Joinable(text, toks[first - 1], toks[first]) &&
         text.substr(toks[first - 1].end, 1) != "." && toks[first - 1].upper_initial &&
         !toks[first - 1].all_caps && !cues.calendar.count(toks[first - 1].key)) {
    const int c = covered[first - 1];
    if (c >= 0 && out[c].end != toks[first - 1].end) break;
    if (c >= 0) {
      first = TokAt(out[c].start);
    } else {
      --first;
      if (toks[first].sentence_start && cues.stop.count(toks[first].key)) {
        ++first;
        break;
      }
    }
  }
  while (first < i && toks[first].sentence_start && cues.stop.count(toks[first].key)) ++first;
  // One word that opens the sentence is capitalised for that alone ("Хотя
  // площадь ..."): a name only when a mention or a second word says so.
  if (first + 1 == i && toks[first].sentence_start && covered[first] < 0) return std::string::npos;
  return first < i ? first : std::string::npos;
}

// Institutions named by a generic word (an `institution_head` in any case, a
// capitalised `org_head`) and what it is of:
// "ministère de l'Intérieur", "tribunal correctionnel de Bobigny", "cour
// d'assises d'Ille-et-Vilaine"; a capitalised one by an adjective alone:
// "Assemblée nationale", "Conseil constitutionnel".
bool EntityRecognizer::Recognition::MatchInstitutions() {
  if (cues.institution_heads.empty() && cues.org_adjectives.empty()) return true;
  for (size_t i = 0; i + 1 < toks.size(); ++i) {
    if (Expired(deadline, "entities")) return false;
    const bool head = IsPatternWord(cues.institution_heads, i) ||
                      (toks[i].upper_initial && cues.org_heads.count(toks[i].key));
    // "préfet de police des ...": a head after a title and a link is part
    // of the title.
    const bool in_title = i >= 2 && IsLink(i - 1) && cues.titles.count(toks[i - 2].key);
    if (covered[i] >= 0 || !head || in_title) continue;
    const size_t last = InstitutionEnd(i);
    if (last != std::string::npos && !NameGoesOn(last) &&
        AddPatternMention(InstitutionStart(i), last, MentionType::kOrg, "institution")) {
      i = last;
    }
  }
  return true;
}

// The first token of the institution whose head word is token i:
// capitalised words right before it belong to its name ("Real Estate Council
// of Ontario", "Alliance Police nationale").
size_t EntityRecognizer::Recognition::InstitutionStart(size_t i) const {
  size_t first = i;
  while (first > 0 && i - first < 3 && covered[first - 1] < 0 && toks[first - 1].upper_initial &&
         !toks[first - 1].all_caps && Joinable(text, toks[first - 1], toks[first]) &&
         text.substr(toks[first - 1].end, 1) != "." && !cues.stop.count(toks[first - 1].key) &&
         !cues.titles.count(toks[first - 1].key) && !cues.calendar.count(toks[first - 1].key)) {
    --first;
  }
  return first;
}

// The last token of the institution whose head word is token i, or npos:
// lower-case words and links after it, then a link and a name (a place, an
// organisation or capitalised words); else, for a capitalised head, the last
// `org_adjective` right after it or after another.
size_t EntityRecognizer::Recognition::InstitutionEnd(size_t i) const {
  size_t adjective_end = std::string::npos;
  bool after_link = false, adjectives_only = true;
  for (size_t p = i + 1; p < toks.size() && p <= i + kMaxOrgTail + 1; ++p) {
    if (!Joinable(text, toks[p - 1], toks[p]) || text.substr(toks[p - 1].end, 1) == ".") break;
    const int c = covered[p];
    if (c >= 0 && !after_link && out[c].type == MentionType::kAdj &&
        out[c].start == toks[p].start) {
      // "ministère marocain de ...", "Parlement européen": a demonym.
      while (p + 1 < toks.size() && covered[p + 1] == c) ++p;
      if (adjectives_only) adjective_end = p;
      continue;
    }
    if (c >= 0 || toks[p].upper_initial) {
      if (!after_link) break;
      if (c >= 0 && (out[c].type == MentionType::kPer || out[c].type == MentionType::kAdj)) break;
      size_t end = NameEnd(p);
      if (end == std::string::npos) break;
      // "ministère de l'Éducation nationale": adjectives after the name.
      while (end + 1 < toks.size() && !toks[end + 1].upper_initial &&
             cues.org_adjectives.count(toks[end + 1].key) &&
             Joinable(text, toks[end], toks[end + 1]))
        ++end;
      return end;
    }
    if (IsLink(p) || (after_link && cues.determiners.count(toks[p].key))) {
      after_link = true;
      continue;
    }
    after_link = false;
    if (cues.verbs.count(LowerFirst(Surface(p, p)))) break;
    if (adjectives_only && cues.org_adjectives.count(toks[p].key))
      adjective_end = p;
    else
      adjectives_only = false;
  }
  return toks[i].upper_initial ? adjective_end : std::string::npos;
}

// Acronyms defined in the text by their words: "Compagnies républicaines de
// sécurité (CRS)" is an organisation, CRS the same one there and later. The
// letters are the initials of the words before the bracket, short lower-case
// words between them skipped ("Organisation pour la sécurité et la
// coopération en Europe (OSCE)").
void EntityRecognizer::Recognition::MatchAcronymExpansions() {
  std::map<std::string, std::pair<uint32_t, MentionType>> defined;
  for (size_t t = 1; t + 1 < toks.size(); ++t) {
    const Token& a = toks[t];
    const std::string_view gap = text.substr(toks[t - 1].end, a.start - toks[t - 1].end);
    if (!a.all_caps || (gap != " (" && gap != "(") || text.substr(a.end, 1) != ")") continue;
    const std::string_view acronym = text.substr(a.start, a.end - a.start);
    const size_t letters = CountCodePoints(acronym);
    if (letters < 2 || letters > 8 ||
        (covered[t] >= 0 && out[covered[t]].type == MentionType::kPer))
      continue;
    const int before = covered[t - 1];
    size_t first = std::string::npos;
    MentionType type = MentionType::kOrg;
    if (before >= 0 && out[before].end == toks[t - 1].end &&
        out[before].type != MentionType::kAdj && out[before].type != MentionType::kPer) {
      type = out[before].type;  // a name already found ("Conseil d'État (CE)")
      first = TokAt(out[before].start);
    } else if ((first = ExpansionStart(t - 1, acronym)) != std::string::npos) {
      if (!AddPatternMention(first, t - 1, MentionType::kOrg, "acronym_def")) continue;
    } else {
      continue;
    }
    if (covered[t] < 0) AddPatternMention(t, t, type, "acronym");
    defined.emplace(a.key, std::make_pair(toks[first].start, type));
  }
  for (size_t t = 0; t < toks.size() && !defined.empty(); ++t) {
    auto it = defined.find(toks[t].key);
    if (it == defined.end() || covered[t] >= 0 || !toks[t].all_caps ||
        toks[t].start < it->second.first) {
      continue;
    }
    if (AddPatternMention(t, t, it->second.second, "acronym"))
      out.back().antecedent = it->second.first;
  }
}

// An acronym nobody defined, after an article or a link ("la CGT", "selon
// l'UEFA", "des CRS"): an organisation. Two to eight capitals, with the
// capitalised words glued to it by hyphens ("SNES-FSU", "CFDT-Cheminots");
// never a `stop` word (acronyms that are common nouns: "le PDG", "la TVA").
void EntityRecognizer::Recognition::MatchDeterminedAcronyms() {
  for (size_t t = 1; t < toks.size(); ++t) {
    const std::string& before = toks[t - 1].key;
    if (covered[t] >= 0 || !IsAcronym(t) ||
        !(cues.determiners.count(before) || cues.indefinite.count(before) || IsLink(t - 1)) ||
        !Joinable(text, toks[t - 1], toks[t]) || Shouted(t)) {
      continue;
    }
    size_t last = t;
    // "SNES-FSU", "CFDT-Cheminots": capitalised words glued by hyphens.
    while (last + 1 < toks.size() && covered[last + 1] < 0 && HyphenGlued(last) &&
           toks[last + 1].upper_initial) {
      ++last;
    }
    if (AddPatternMention(t, last, MentionType::kOrg, "acronym")) t = last;
  }
}

// Token t stands in capitals written for emphasis, not an acronym: the word
// before or after it is in capitals too ("THE GREAT", "a GREAT DEAL").
bool EntityRecognizer::Recognition::Shouted(size_t t) const {
  const bool before = t > 0 && toks[t - 1].all_caps && Joinable(text, toks[t - 1], toks[t]);
  const bool after = t + 1 < toks.size() && toks[t + 1].all_caps &&
                     Joinable(text, toks[t], toks[t + 1]) && !HyphenGlued(t);
  return before || after;
}

// Token t is two to eight capital letters (digits allowed after the first
// letter: "G20"), and no `stop` word.
bool EntityRecognizer::Recognition::IsAcronym(size_t t) const {
  if (!toks[t].all_caps || !toks[t].upper_initial || cues.stop.count(toks[t].key)) return false;
  const size_t n = CountCodePoints(Surface(t, t));
  return n >= 2 && n <= 8;
}

// The first token of the words ending at token `last` whose initials spell
// `acronym`, or npos. Only short lower-case words (links, articles,
// prepositions) may be skipped; the first word is capitalised or an
// institution head ("parquet national financier (PNF)").
size_t EntityRecognizer::Recognition::ExpansionStart(size_t last, std::string_view acronym) const {
  std::vector<std::string> letters;
  for (size_t p = 0; p < acronym.size();) {
    const size_t from = p;
    NextCodePoint(acronym, &p);
    letters.push_back(MatchKey(acronym.substr(from, p - from)));
  }
  size_t k = last + 1;
  for (size_t n = letters.size(); n > 0;) {
    if (k == 0 || last + 1 - k > 3 * letters.size() + 2) return std::string::npos;
    --k;
    if (k < last && ClauseBreak(text, toks[k], toks[k + 1])) return std::string::npos;
    const std::string& key = toks[k].key;
    if (key.compare(0, letters[n - 1].size(), letters[n - 1]) == 0) {
      --n;
    } else if (toks[k].upper_initial || CountCodePoints(key) > 4) {
      return std::string::npos;
    }
  }
  const bool opens = (toks[k].upper_initial && !cues.stop.count(toks[k].key)) ||
                     IsPatternWord(cues.institution_heads, k);
  return opens ? k : std::string::npos;
}

// Document-level consistency: a name found once by a cue or a pattern is
// the same name, with the same type, wherever else it is written the same
// way ("Bellecour" after "place Bellecour" is not needed, but "Marchetti"
// found by her title is Marchetti again in a later sentence).
void EntityRecognizer::Recognition::SpreadNames() {
  std::map<std::string, std::vector<std::pair<std::vector<std::string>, MentionType>>> names;
  for (const Mention& m : out) {
    if (m.kb_entity >= 0 || m.nominal || m.type == MentionType::kAdj) continue;
    std::vector<std::string> keys;
    for (size_t k = TokAt(m.start); k < toks.size() && toks[k].end <= m.end; ++k)
      keys.push_back(toks[k].key);
    if (keys.empty()) continue;
    auto& list = names[keys[0]];
    if (std::find(list.begin(), list.end(), std::make_pair(keys, m.type)) == list.end())
      list.emplace_back(std::move(keys), m.type);
  }
  for (size_t i = 0; i < toks.size(); ++i) {
    auto it = names.find(toks[i].key);
    if (it == names.end() || covered[i] >= 0 || !toks[i].upper_initial) continue;
    size_t best = 0;
    MentionType type = MentionType::kLoc;
    for (const auto& [keys, t] : it->second) {
      size_t n = 0;
      while (n < keys.size() && i + n < toks.size() && covered[i + n] < 0 &&
             toks[i + n].key == keys[n] && (n == 0 || Joinable(text, toks[i + n - 1], toks[i + n])))
        ++n;
      if (n == keys.size() && n > best) {
        best = n;
        type = t;
      }
    }
    if (best > 0 && AddPatternMention(i, i + best - 1, type, "document")) i += best - 1;
  }
}

// --- AttachRoles: roles of persons, metonymy of capitals ------------------

bool EntityRecognizer::Recognition::AttachRoles() {
  title_used.assign(toks.size(), false);
  for (size_t t = 0; t < toks.size(); ++t) {
    if (Expired(deadline, "entities")) return false;
    int mi = covered[t];
    if (mi < 0 || toks[t].start != out[mi].start) continue;
    Mention& m = out[mi];
    if (m.type == MentionType::kPer) {
      AttachPersonRoles(t, m);
    } else if (m.type == MentionType::kLoc && m.kb_entity >= 0 && ents[m.kb_entity].capital) {
      MarkMetonymy(t, m);
    }
  }
  return true;
}

// The roles of the person mention `m` starting at token t: a title before
// the name, the clause before a comma, an apposition, a relative clause.
void EntityRecognizer::Recognition::AttachPersonRoles(size_t t, Mention& m) {
  size_t last = t;
  while (last + 1 < toks.size() && toks[last + 1].end <= m.end) ++last;
  ClauseBefore(m, RoleBeforeName(t, m));
  bool apposed = false;
  size_t clause_tok = AppositionRole(m, last, &apposed);
  RelativeClauseRole(m, clause_tok, apposed);
  if (!m.roles.empty()) {
    m.role = m.roles[0].role;
    m.role_text = std::string(text.substr(m.roles[0].start, m.roles[0].end - m.roles[0].start));
  }
}

// A title before the name at token t; returns the token a preceding clause
// ends before (the title's determiner, the title, or t).
size_t EntityRecognizer::Recognition::RoleBeforeName(size_t t, Mention& m) {
  std::string role;
  size_t j = TitleBeforeName(t, &role);
  if (j == std::string::npos) return t;
  // "[Russian President Vladimir] Poutine": the first name is no role.
  size_t last_role_tok = t - 1;
  if (last_role_tok > j && BracketGap(text, toks[last_role_tok], toks[t])) --last_role_tok;
  if (!AddRole(m, role, toks[j].start, toks[last_role_tok].end)) return t;
  for (size_t k = j; k < t && k < toks.size(); ++k) {
    if (covered[k] < 0) title_used[k] = true;
  }
  return j > 0 && cues.determiners.count(toks[j - 1].key) ? j - 1 : j;
}

// "Le secrétaire général de l'OTSC, X": in the clause before the comma that
// precedes token `a`, the first title that opens the clause or follows a
// determiner ("l'ambassadeur russe dans ce pays, X").
void EntityRecognizer::Recognition::ClauseBefore(Mention& m, size_t a) {
  if (a == 0 || !CommaGap(text, toks[a - 1], toks[a])) return;
  size_t cs = a - 1;
  while (cs > 0 && a - cs < 14 && !ClauseBreak(text, toks[cs - 1], toks[cs]) &&
         !(toks[cs].sentence_start && toks[cs].upper_initial)) {
    --cs;
  }
  // "le président actuel et son prédécesseur, X": the role is the last conjunct.
  for (size_t p = a - 1; p > cs; --p) {
    if (cues.conjunctions.count(toks[p - 1].key)) {
      cs = p;
      break;
    }
  }
  for (size_t p = cs; p < a; ++p) {
    if (p > cs && !cues.determiners.count(toks[p - 1].key)) continue;
    std::string role;
    if (size_t n = TitleAt(p, a, &role)) {
      for (size_t k = p; k < p + n; ++k) title_used[k] = true;
      AddRole(m, role, toks[p].start, toks[a - 1].end);
      return;
    }
  }
}

// "X, un ancien diplomate russe": a title in apposition after the name's
// last token. Returns the last token of the clause the role takes (`last`
// when there is no apposition).
size_t EntityRecognizer::Recognition::AppositionRole(Mention& m, size_t last, bool* apposed) {
  std::string role;
  size_t title_end = 0;
  size_t after = AppositionTitle(last, &role, &title_end);
  *apposed = after != std::string::npos;
  if (!*apposed) return last;
  for (size_t k = after; k < title_end; ++k) title_used[k] = true;
  uint32_t end = ClauseEnd(title_end - 1);
  AddRole(m, role, toks[after].start, end);
  size_t clause_tok = TokAt(end);
  if (clause_tok >= toks.size()) clause_tok = toks.size() - 1;
  clause_tok = clause_tok > 0 ? clause_tok - 1 : 0;
  while (clause_tok + 1 < toks.size() && toks[clause_tok + 1].end <= end) ++clause_tok;
  return clause_tok;
}

// ", qui est maintenant un chercheur ...": a relative clause with a title
// after token `clause_tok`. Also right after an apposition cut at its
// relative pronoun ("X, un ancien diplomate russe qui est maintenant analyste").
void EntityRecognizer::Recognition::RelativeClauseRole(Mention& m, size_t clause_tok,
                                                       bool apposed) {
  if (clause_tok + 2 >= toks.size()) return;
  if (!CommaGap(text, toks[clause_tok], toks[clause_tok + 1]) &&
      !(apposed && cues.role_ends.count(toks[clause_tok + 1].key))) {
    return;
  }
  for (size_t n = 4; n >= 1; --n) {
    size_t p = clause_tok + 1;
    if (p + n > toks.size()) continue;
    std::string key = toks[p].key;
    for (size_t k = 1; k < n; ++k) key += " " + toks[p + k].key;
    if (!cues.role_links.count(key)) continue;
    size_t q = p + n;
    if (q < toks.size() && cues.determiners.count(toks[q].key)) ++q;
    std::string role;
    if (q < toks.size()) {
      if (size_t tn = TitleAt(q, toks.size(), &role)) {
        for (size_t k = q; k < q + tn; ++k) title_used[k] = true;
        AddRole(m, role, toks[q].start, ClauseEnd(q + tn - 1));
      }
    }
    return;
  }
}

// A capital standing for its government: after a `metonymy_before` cue of
// one or two words, or before a verb of saying.
void EntityRecognizer::Recognition::MarkMetonymy(size_t t, Mention& m) const {
  for (size_t n = 1; n <= 2 && n <= t; ++n) {
    std::string key = toks[t - n].key;
    for (size_t k = 1; k < n; ++k) key += " " + toks[t - n + k].key;
    if (cues.metonymy_before.count(key)) m.metonymy = true;
  }
  if (t + 1 < toks.size() && cues.reporting.count(toks[t + 1].key)) m.metonymy = true;
}

// Adds a role to `m`; false when the phrase is no role (see below).
bool EntityRecognizer::Recognition::AddRole(Mention& m, const std::string& role, uint32_t start,
                                            uint32_t end) {
  // The role phrase starts at the title or its modifier, not at an article
  // ("a former adviser" -> "former adviser").
  for (size_t k = TokAt(start); k + 1 < toks.size() && toks[k].start == start &&
                                toks[k + 1].end <= end && cues.determiners.count(toks[k].key);) {
    ++k;
    start = toks[k].start;
  }
  // A role phrase holds no finite verb ("dirigeant russe a choisi de
  // renforcer un": a clause) and no other person's name (the title is that
  // person's), and ends on no link or article ("... sous la présidence du").
  size_t first = TokAt(start), stop = TokAt(end);
  for (size_t k = first; k < stop; ++k) {
    if (cues.verbs.count(LowerFirst(Surface(k, k)))) return false;
    // "successeur de Nazarbayev" is a role; "président Kassym-Jomart
    // Tokayev" is that other person's title.
    int c = covered[k];
    if (c >= 0 && out[c].type == MentionType::kPer && out[c].start != m.start &&
        toks[k].start == out[c].start && !(k > first && IsLink(k - 1))) {
      return false;
    }
  }
  while (stop > first + 1 && (IsLink(stop - 1) || cues.determiners.count(toks[stop - 1].key) ||
                              cues.conjunctions.count(toks[stop - 1].key))) {
    --stop;
    end = toks[stop - 1].end;
  }
  MentionRole r;
  r.role = role;
  r.start = start;
  r.end = end;
  r.of = RoleOf(TokAt(start), TokAt(end));
  r.date = doc_date;
  for (const MentionRole& o : m.roles) {
    if (o.start == start) return true;
  }
  m.roles.push_back(std::move(r));
  return true;
}

// A title ending before token t, the words between being lower-case or
// places, organisations and adjectives ("président du sous sol J. Biden",
// "président kazakh X"); returns its first token or npos.
size_t EntityRecognizer::Recognition::TitleBeforeName(size_t t, std::string* role) const {
  size_t best = std::string::npos, best_end = 0;
  for (size_t j = t; j > 0 && t - j < 10;) {
    --j;
    if (ClauseBreak(text, toks[j], toks[j + 1])) break;
    std::string r;
    for (size_t n = std::min(cues.max_title_tokens, t - j); n >= 1; --n) {
      size_t got = TitleAt(j, j + n, &r);
      if (got != n) continue;
      // Between title and name: nothing, places, organisations and
      // adjectives, or a complement that opens with a link ("du sous sol").
      bool between_ok = true;
      for (size_t k = j + n; k < t && between_ok; ++k) {
        bool mention = covered[k] >= 0 && out[covered[k]].type != MentionType::kPer;
        if (k + 1 == t && BracketGap(text, toks[k], toks[t]) && IsFirstName(toks[k].key)) continue;
        between_ok = mention || (!toks[k].upper_initial &&
                                 (k > j + n || cues.name_links.count(toks[k].key) > 0));
      }
      if (!between_ok) continue;
      if (j + n > best_end || (j + n == best_end && j < best)) {
        best = j;
        best_end = j + n;
        *role = r;
      }
      break;
    }
  }
  return best;
}

// The end of the clause that starts at token `from_tok`: the next comma, full
// stop, semicolon, bracket, quote or line break. A relative pronoun or a verb
// of saying (`role_end`, one-word `reporting` cues) also ends it: "the former
// president who kept ...".
uint32_t EntityRecognizer::Recognition::ClauseEnd(size_t from_tok) const {
  size_t k = from_tok;
  while (k + 1 < toks.size() && k - from_tok < kMaxClauseTokens &&
         !ClauseBreak(text, toks[k], toks[k + 1]) && !cues.role_ends.count(toks[k + 1].key) &&
         !cues.reporting.count(toks[k + 1].key)) {
    ++k;
  }
  return toks[k].end;
}

// The KB id of the place or organisation a role phrase names, if any.
std::string EntityRecognizer::Recognition::RoleOf(size_t from, size_t to) const {
  for (size_t k = from; k < to && k < toks.size(); ++k) {
    int c = covered[k];
    if (c < 0 || out[c].kb_entity < 0) continue;
    const Mention& o = out[c];
    if (o.type == MentionType::kAdj || o.type == MentionType::kOrg ||
        (o.type == MentionType::kLoc && ents[o.kb_entity].kind == EntityKind::kCountry)) {
      return std::string(ents[o.kb_entity].id);
    }
  }
  return "";
}

// --- LocalizeOffices ------------------------------------------------------

// An office every government has, named without its country ("le ministère
// de l'Intérieur", "МВД республики"): the office of the country the document
// names most, when the KB has one (data/kb/portfolios.tsv:
// "org:ministry:interior" -> "org:ministry:interior:KZ").
void EntityRecognizer::Recognition::LocalizeOffices() {
  main_country = MainCountry();
  if (main_country.empty()) return;
  for (Mention& m : out) {
    if (m.type != MentionType::kOrg || m.kb_entity < 0) continue;
    const KbEntity& e = ents[m.kb_entity];
    if (e.country[0] != 0 || e.id.rfind("org:", 0) != 0) continue;
    const int64_t office = kb.FindId(std::string(e.id) + ":" + main_country);
    if (office >= 0) m.kb_entity = office;
  }
}

// The country the document names most. A country named as a place is the
// setting; an adjective often qualifies foreign actors ("les troupes
// russes"): it weighs half.
std::string EntityRecognizer::Recognition::MainCountry() const {
  std::map<std::string, int> country_count;
  for (const Mention& m : out) {
    if (m.kb_entity < 0 || (m.type != MentionType::kLoc && m.type != MentionType::kAdj)) continue;
    if (ents[m.kb_entity].kind == EntityKind::kCountry) {
      country_count[std::string(ents[m.kb_entity].id)] += m.type == MentionType::kLoc ? 2 : 1;
    }
  }
  std::string main;
  int main_count = 0;
  for (const auto& [c, n] : country_count) {
    if (n > main_count) {
      main = c;
      main_count = n;
    }
  }
  return main;
}

// --- MatchNominals --------------------------------------------------------

// Nominal mentions: a title after a determiner, qualified by an adjective
// ("le président russe"), by "de" + a place or organisation ("un
// porte-parole du département d'État") or of several words ("l'ancien
// président"), with no name after it. The KB names the holder of that role
// on the document date when it knows it.
bool EntityRecognizer::Recognition::MatchNominals() {
  last_kb_person.assign(out.size(), -1);
  for (size_t i = 0; i < out.size(); ++i) {
    bool kb_person = out[i].type == MentionType::kPer && out[i].kb_entity >= 0;
    last_kb_person[i] = kb_person ? static_cast<int>(i) : i > 0 ? last_kb_person[i - 1] : -1;
  }
  for (size_t d = 0; d + 1 < toks.size(); ++d) {
    if (Expired(deadline, "entities")) return false;
    if (!cues.determiners.count(toks[d].key) || covered[d] >= 0) continue;
    MatchNominalAfter(d);
  }
  return true;
}

// The first title within two lower-case words after the determiner at d.
void EntityRecognizer::Recognition::MatchNominalAfter(size_t d) {
  for (size_t skip = 0; skip <= 2 && d + 1 + skip < toks.size(); ++skip) {
    size_t k = d + 1 + skip;
    if (ClauseBreak(text, toks[k - 1], toks[k]) || covered[k] >= 0 || title_used[k]) return;
    std::string role;
    size_t n = TitleAt(k, toks.size(), &role);
    if (n > 0) return MatchNominal(d, k, n, role);
    if (toks[k].upper_initial) return;
  }
}

// The title of n tokens at k, after the determiner at d: a nominal mention,
// or the role of a name in apposition after it.
void EntityRecognizer::Recognition::MatchNominal(size_t d, size_t k, size_t n,
                                                 const std::string& role) {
  size_t e = k + n;  // first token after the title
  uint32_t end = toks[e - 1].end;
  const bool qualified = Qualify(&e, &end) || n >= 2;
  // A name right after the title belongs to AttachRoles, not here.
  if (e < toks.size() && covered[e] >= 0 && out[covered[e]].type == MentionType::kPer &&
      !ClauseBreak(text, toks[e - 1], toks[e])) {
    return;
  }
  if (!qualified) return;
  const bool counterpart = cues.relational.count(toks[k].key) > 0;
  std::string counter_role;
  if (counterpart) {
    counter_role = CounterpartRole(d, k, n, e);
    if (counter_role.empty()) return;
  }
  if (RoleOfApposedName(k, n, e, role, end)) return;
  Mention m;
  m.start = toks[k].start;
  m.end = toks[k + n - 1].end;
  m.type = MentionType::kPer;
  m.nominal = true;
  m.source = "nominal";
  if (!AddRole(m, role, toks[k].start, end)) return;
  ResolveHolder(m, d, counterpart ? counter_role : role);
  if (counterpart && m.kb_entity < 0) return;
  m.role = role;
  m.role_text = std::string(text.substr(m.roles[0].start, m.roles[0].end - m.roles[0].start));
  nominals.push_back(std::move(m));
  for (size_t q = k; q < k + n; ++q) title_used[q] = true;
}

// True when the title before token *e is qualified by an adjective mention
// or by a link and a place or organisation; *e and *end move past it.
bool EntityRecognizer::Recognition::Qualify(size_t* e, uint32_t* end) const {
  if (*e >= toks.size() || ClauseBreak(text, toks[*e - 1], toks[*e])) return false;
  int c = covered[*e];
  if (c >= 0 && out[c].type == MentionType::kAdj) {
    *end = out[c].end;
    *e = TokAt(*end);
    return true;
  }
  if (!IsLink(*e)) return false;
  for (size_t q = *e + 1; q < toks.size() && q <= *e + 3; ++q) {
    if (ClauseBreak(text, toks[q - 1], toks[q])) break;
    int c2 = covered[q];
    if (c2 >= 0 && out[c2].type != MentionType::kPer) {
      *end = out[c2].end;
      *e = TokAt(*end);
      return true;
    }
  }
  return false;
}

// "son homologue russe": a relational noun names the holder, in the country
// named, of the role the nearest person before holds on the document date
// (Tokayev's Russian counterpart: Russia's head of state); "" when nobody
// resolves (it then names nobody and is dropped).
std::string EntityRecognizer::Recognition::CounterpartRole(size_t d, size_t k, size_t n, size_t e) {
  for (size_t q = k; q < k + n; ++q) title_used[q] = true;
  std::string country = RoleOf(k, e);
  // The nearest KB person before the determiner only.
  size_t before = static_cast<size_t>(
      std::partition_point(out.begin(), out.end(),
                           [&](const Mention& o) { return o.start < toks[d].start; }) -
      out.begin());
  const int nearest = before > 0 ? last_kb_person[before - 1] : -1;
  if (nearest < 0 || country.empty()) return "";
  for (const KbRole* r : kb.RolesOf(static_cast<uint32_t>(out[nearest].kb_entity))) {
    bool held = doc_date.empty() ? r->to.empty()
                                 : r->from <= doc_date && (r->to.empty() || r->to > doc_date);
    if (r->of != country && held) return std::string(r->role);
  }
  return "";
}

// "Le chef du Comité de sécurité nationale (KNB), Karim Massimov": a
// description in apposition to a name is that person's role. True when the
// title of n tokens at k (ending at byte `end`, e the token after it) was so
// taken.
bool EntityRecognizer::Recognition::RoleOfApposedName(size_t k, size_t n, size_t e,
                                                      const std::string& role, uint32_t end) {
  size_t q = e;
  if (q < toks.size() && covered[q] >= 0 && out[covered[q]].type != MentionType::kPer &&
      text.substr(toks[q - 1].end, toks[q].start - toks[q - 1].end).find('(') !=
          std::string_view::npos) {
    q = TokAt(out[covered[q]].end);
  }
  if (q >= toks.size() || covered[q] < 0 || out[covered[q]].type != MentionType::kPer) return false;
  std::string_view gap = text.substr(toks[q - 1].end, toks[q].start - toks[q - 1].end);
  if (gap.find(',') == std::string_view::npos) return false;
  bool comma_only = gap.find_first_not_of(" ),\u00a0") == std::string_view::npos;
  Mention& named = out[covered[q]];
  if (!comma_only || !AddRole(named, role, toks[k].start, end)) return false;
  if (named.role.empty()) {
    named.role = named.roles[0].role;
    named.role_text =
        std::string(text.substr(named.roles[0].start, named.roles[0].end - named.roles[0].start));
  }
  for (size_t t = k; t < k + n; ++t) title_used[t] = true;
  return true;
}

// Sets m.kb_entity to the KB holder of role `want` (in the place its role
// names, or the main country for heads of state and government). An
// indefinite description ("un porte-parole du département d'État") is
// someone the text does not name, never the KB's holder of the role.
void EntityRecognizer::Recognition::ResolveHolder(Mention& m, size_t d,
                                                  const std::string& role) const {
  const bool indefinite = cues.indefinite.count(toks[d].key) > 0;
  std::string of = indefinite ? "" : m.roles[0].of;
  std::string want = role;
  bool former = want.rfind("former_", 0) == 0;
  if (former) want = want.substr(7);
  if (want == "leader") want = "head_of_state";
  if (of.empty() && !indefinite && (want == "head_of_state" || want == "head_of_government"))
    of = main_country;
  if (!of.empty()) m.kb_entity = KbHolder(want, of, former);
}

// The KB person who held `want` in `of` on the document date (`former`: the
// last one whose term ended by then), or -1.
int64_t EntityRecognizer::Recognition::KbHolder(const std::string& want, const std::string& of,
                                                bool former) const {
  int64_t holder = -1;
  std::string best_to;
  for (const KbRole& r : kb.roles()) {
    if (r.role != want || r.of != of) continue;
    bool held =
        former ? (!r.to.empty() && (doc_date.empty() || r.to <= doc_date))
               : ((doc_date.empty() ? r.to.empty()
                                    : (r.from <= doc_date && (r.to.empty() || r.to > doc_date))));
    if (!held) continue;
    if (former && std::string(r.to) < best_to) continue;
    best_to = std::string(r.to);
    holder = r.person;
  }
  return holder;
}

void EntityRecognizer::Recognition::MergeNominals() {
  if (nominals.empty()) return;
  for (Mention& m : nominals) out.push_back(std::move(m));
  std::stable_sort(out.begin(), out.end(),
                   [](const Mention& a, const Mention& b) { return a.start < b.start; });
}

}  // namespace sitrep
