// @brief QuantityTagger: from numbers to claims, one sentence at a time.
//
// For each number of a sentence: drop what is not a quantity (dates, times,
// years, numbers glued to letters, numbers next to a not_before/not_after cue,
// ordinals in names, a lone "un"/"une" that counts nothing); join ranges; read
// the hedge right before it; read what it counts right after it (a unit or a
// measure noun, possibly after a link word "de"); then look in the sentence
// for a measure verb ("ont été tuées"), a place, an attribution and the
// conditional mood.
#include "quantity/quantity_tagger.h"

#include <algorithm>
#include <cmath>

#include "base/data_file.h"
#include "base/deadline.h"
#include "base/json.h"
#include "base/utf8.h"
#include "quantity/quantity_lexicon.h"

namespace sitrep {
namespace {

using Type = QToken::Type;

// Words looked at after a number for what it counts, and around it for cues.
constexpr size_t kNounWindow = 3;
constexpr size_t kVerbWindowAfter = 12;
constexpr size_t kVerbWindowBefore = 6;
constexpr size_t kPlaceWindow = 10;
constexpr size_t kSourceMaxTokens = 10;
constexpr size_t kSubjectMaxTokens = 20;
constexpr size_t kOpeningMaxTokens = 3;  // "Separately,", "El domingo,", "Am Freitag,"

HedgeType HedgeFromName(const std::string& name) {
  if (name == "approximate") return HedgeType::kApproximate;
  if (name == "lower_bound") return HedgeType::kLowerBound;
  if (name == "upper_bound") return HedgeType::kUpperBound;
  if (name == "vague_plural") return HedgeType::kVaguePlural;
  if (name == "vague_few") return HedgeType::kVagueFew;
  return HedgeType::kExact;
}

bool IsStop(const QToken& t) {
  return t.type == Type::kPunct && t.key != "-" && t.key != "'" && t.key != "%";
}

// Punctuation that separates clauses (quotes and dashes do not).
bool IsClauseMark(const QToken& t) {
  return t.type == Type::kPunct &&
         (t.key == "," || t.key == ";" || t.key == ":" || t.key == "(" || t.key == ")");
}

class SentenceReader {
 public:
  SentenceReader(const QuantityLexicon& lex, const std::vector<QToken>& t)
      : lex_(lex), t_(t), n_(t.size()) {}

  bool Has(size_t i, LexKind kind, size_t* len, const LexEntry** e = nullptr) const {
    const LexEntry* tmp = nullptr;
    *len = lex_.Match(t_, i, kind, e ? e : &tmp);
    return *len > 0;
  }

  // First token of a phrase of `kind` anywhere in [from, to).
  size_t Find(size_t from, size_t to, LexKind kind, size_t* len, const LexEntry** e) const {
    for (size_t i = from; i < to && i < n_; ++i) {
      if (Has(i, kind, len, e)) return i;
    }
    return SIZE_MAX;
  }

  // A run of capitalized words (with "de", "l'" inside), from i; returns end
  // (i when t[i] is not capitalized: "informó de 164" names nobody).
  size_t NameRun(size_t i) const {
    size_t j = i, end = i;
    if (i >= n_ || !t_[i].capitalized) return i;
    while (j < n_ && t_[j].type != Type::kPunct) {
      size_t len = 0;
      if (t_[j].capitalized || t_[j].type == Type::kDigits) {
        end = ++j;
      } else if (Has(j, LexKind::kLink, &len) || t_[j].key.back() == '\'') {
        j += std::max<size_t>(len, 1);
      } else {
        break;
      }
    }
    return end;
  }

  // End of a phrase from i: up to the next stop punctuation or clause break.
  size_t PhraseEnd(size_t i, size_t max_tokens) const {
    size_t j = i;
    size_t len = 0;
    while (j < n_ && j - i < max_tokens && !IsStop(t_[j]) &&
           !(j > i && Has(j, LexKind::kClauseBreak, &len))) {
      ++j;
    }
    return j;
  }

  const QuantityLexicon& lex_;
  const std::vector<QToken>& t_;
  size_t n_;
};

}  // namespace

QuantityTagger::~QuantityTagger() = default;

Result<std::unique_ptr<QuantityTagger>> QuantityTagger::Create(const QuantityOptions& options) {
  std::unique_ptr<QuantityTagger> tagger(new QuantityTagger());
  tagger->options_ = options;
  Result<UnitTable> units = UnitTable::LoadDefault(options.base);
  if (units.ok()) {
    tagger->units_ = std::move(units).value();
  } else if (units.status().code() != Code::kNotFound) {
    return units.status();
  }
  std::vector<std::string> langs = options.languages;
  bool explicit_langs = !langs.empty();
  if (!explicit_langs) langs = DataLanguages(options.base);
  for (const std::string& lang : langs) {
    Result<std::unique_ptr<QuantityLexicon>> lex = QuantityLexicon::Load(options.base, lang);
    if (!lex.ok()) {
      if (lex.status().code() == Code::kNotFound && !explicit_langs) continue;
      return lex.status();
    }
    if (Status st = (*lex)->CheckUnits(tagger->units_); !st.ok()) return st;
    tagger->lexicons_[lang] = std::move(lex).value();
  }
  if (tagger->lexicons_.empty()) {
    return Status::NotFound("no quantity data (quantity_numbers.tsv) under " +
                            DataDir(options.base) + "/lang");
  }
  return tagger;
}

const QuantityLexicon* QuantityTagger::Lexicon(std::string_view lang) const {
  auto it = lexicons_.find(lang);
  return it == lexicons_.end() ? nullptr : it->second.get();
}

std::vector<NumberMatch> QuantityTagger::Numbers(std::string_view text,
                                                 std::string_view lang) const {
  const QuantityLexicon* lex = Lexicon(lang);
  if (lex == nullptr) return {};
  std::vector<QToken> tokens;
  lex->Tokenize(text, 0, &tokens);
  return FindNumbers(*lex, text, 0, tokens);
}

std::vector<Claim> QuantityTagger::Claims(const Document& doc, Deadline* deadline,
                                          bool* truncated) const {
  const size_t max_claims = options_.base.max_claims_per_document;
  std::vector<Claim> out;
  // The document's token stream, or the text's when the document has none.
  TokenStream own;
  if (!doc.tokens.MadeFor(doc.text)) own = TokenizeText(doc.text);
  const TokenStream& stream = doc.tokens.MadeFor(doc.text) ? doc.tokens : own;
  if (doc.sentences.empty()) {
    SentenceClaims(doc, stream, doc.lang, 0, static_cast<uint32_t>(doc.text.size()), -1, &out);
  } else {
    size_t p = 0;  // the paragraph of sentence s, or the first one after it
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      if (Expired(deadline, "quantities")) break;
      const uint32_t start = doc.sentences[s].start;
      while (p < doc.paragraphs.size() && doc.paragraphs[p].end <= start) ++p;
      // The paragraph's language when it has a lexicon, else the document's.
      std::string_view lang = doc.lang;
      if (p < doc.paragraphs.size() && doc.paragraphs[p].start <= start &&
          Lexicon(doc.paragraphs[p].lang) != nullptr) {
        lang = doc.paragraphs[p].lang;
      }
      SentenceClaims(doc, stream, lang, start, doc.sentences[s].end, static_cast<int>(s), &out);
      if (out.size() > max_claims) break;
    }
  }
  if (truncated != nullptr) *truncated = out.size() > max_claims;
  if (out.size() > max_claims) out.resize(max_claims);
  // "selon la même source": the source of the previous attributed claim.
  TextSpan previous;
  for (Claim& c : out) {
    if (c.source_anaphor) {
      if (!previous.empty()) c.source = previous;
    } else if (!c.source.empty()) {
      previous = c.source;
    }
  }
  return out;
}

namespace {

// The quantity tokens of doc.text[start, end), from the document's token
// stream; a piece whose ends cut a stream token is tokenized alone.
std::vector<QToken> TokensOf(const QuantityLexicon& lex, const TokenStream& stream,
                             std::string_view doc_text, uint32_t start, uint32_t end) {
  std::vector<QToken> t;
  size_t first = 0, last = 0;
  if (stream.Slice(start, end, &first, &last)) {
    lex.TokensOf(stream, doc_text, first, last, end, &t);
  } else {
    lex.Tokenize(doc_text.substr(start, end - start), start, &t);
  }
  return t;
}

// One number of the sentence on its way to a claim: `a`, `b` are its tokens,
// `first`, `last` the claim's (hedge, unit and counted noun included).
struct Draft {
  explicit Draft(const NumberMatch& number)
      : m(number), a(number.first_token), b(number.end_token), first(a), last(b) {}

  const NumberMatch& m;
  size_t a, b;
  size_t first, last;
  size_t next = SIZE_MAX;            // the first token of the next number of the sentence
  bool group = false;                // the counted noun names who, not what happened
  bool unknown_noun = false;         // the word after the number is taken as its noun, unknown
  bool money_before = false;         // "$5": the unit came before the number
  size_t subunit_number = SIZE_MAX;  // "15 dollars 50 (cents)": the index of the 50
  Claim c;
};

}  // namespace

// The state of one SentenceClaims call: the sentence's tokens and numbers, its
// sentence-wide cues (attribution, conditional mood), and its passes.
struct QuantityTagger::Sentence {
  Sentence(const QuantityTagger& tagger, const QuantityLexicon& lex, const Document& doc,
           const TokenStream& stream, uint32_t start, uint32_t end, int index,
           std::vector<Claim>* out)
      : tagger(tagger),
        lex(lex),
        doc(doc),
        start(start),
        index(index),
        out(out),
        text(std::string_view(doc.text).substr(start, end - start)),
        t(TokensOf(lex, stream, doc.text, start, end)),
        numbers(FindNumbers(lex, text, start, t)),
        r(lex, t),
        n(t.size()) {}

  // Sentence-wide cues.
  void ReadAttribution();
  void AttributionOfVerb(size_t v, size_t len);
  void SourceAfterVerb(size_t v, size_t len);
  void SubjectBeforeVerb(size_t v);
  size_t TrailingSubject(size_t v, size_t len) const;
  bool OpensSentence(size_t s) const;
  void FindReportedCues();
  bool InReportedClause(size_t from, size_t to) const;

  // Per number, in order; ReadClaim runs the rest.
  void ReadClaim(size_t* k);
  bool IsQuantity(const NumberMatch& m) const;
  void JoinRange(size_t* k, Draft& d) const;
  bool CountsSomething(size_t b) const;
  bool IsNameOrYear(const Draft& d) const;
  void ReadHedge(Draft& d) const;
  void ReadUnitBefore(Draft& d) const;
  size_t MoneyBefore(size_t a, const LexEntry** e) const;
  bool NumberEndsAt(size_t tok) const;
  bool HyphenedUnit(size_t tok) const;
  bool NumberStartsAt(size_t tok) const;
  void ReadCounted(Draft& d) const;
  void ReadSubunit(Draft& d, size_t after, const LexEntry& unit) const;
  void TakeUnit(Draft& d, size_t from, size_t to, const LexEntry& e) const;
  void ReadCompound(Draft& d) const;
  void ReadRate(Draft& d) const;
  size_t UnitOrPartAt(size_t j, const LexEntry** e) const;
  size_t BracketedUnit(size_t j, const LexEntry** e) const;
  bool UnitFits(size_t j, size_t len) const;
  const LexEntry* AltUnit(size_t j, size_t len, const LexEntry* e) const;
  bool GluedUnit(const NumberMatch& m) const;
  void ReadMeasureCues(Draft& d) const;
  void ReadVerbAfter(size_t k, Draft& d) const;
  void ReadVerbBefore(Draft& d) const;
  bool KeepsGroup(const Draft& d, const LexEntry& verb) const;
  void ReadNounBefore(Draft& d) const;
  void ReadElided(Draft& d) const;
  void CountedElsewhere(Draft& d, const LexEntry& e) const;
  bool PartOfPrevious(const Draft& d) const;
  bool IsLabel(const Draft& d) const;
  void ReadSubject(Draft& d) const;
  void ReadPlace(Draft& d) const;
  void SetBase(Claim& c) const;
  struct SourceCue;
  const SourceCue* CueOf(const Draft& d) const;
  void Emit(Draft& d);

  static bool NeedsVerb(const Draft& d) {
    return d.c.measure.empty() || d.c.measure == "people" || d.group;
  }

  const QuantityTagger& tagger;
  const QuantityLexicon& lex;
  const Document& doc;
  const uint32_t start;
  const int index;
  std::vector<Claim>* const out;
  const std::string_view text;
  const std::vector<QToken> t;
  const std::vector<NumberMatch> numbers;
  const SentenceReader r;
  const size_t n;

  TextSpan attribution, source;
  size_t attribution_from = 0;       // claims before this token are not attributed
  size_t attribution_to = SIZE_MAX;  // nor claims from this token on
  bool anaphor = false;              // "selon la même source": the previous source
  // Every "selon X" of the sentence, in order; a claim takes its own (Emit).
  struct SourceCue {
    size_t at;
    TextSpan attribution, source;
    bool anaphor;
  };
  std::vector<SourceCue> cues;
  std::vector<size_t> reported_at;  // tokens of conditional-mood cues
};

void QuantityTagger::SentenceClaims(const Document& doc, const TokenStream& stream,
                                    std::string_view lang, uint32_t start, uint32_t end,
                                    int sentence, std::vector<Claim>* out) const {
  const QuantityLexicon* lex = Lexicon(lang);
  if (lex == nullptr || end <= start) return;
  Sentence s(*this, *lex, doc, stream, start, end, sentence, out);
  if (s.numbers.empty()) return;
  s.ReadAttribution();
  s.FindReportedCues();
  for (size_t k = 0; k < s.numbers.size(); ++k) s.ReadClaim(&k);
}

// Attribution: a cue before the source ("selon ..."), else a verb of saying
// with its source after or its subject before.
void QuantityTagger::Sentence::ReadAttribution() {
  size_t len = 0;
  const LexEntry* e = nullptr;
  for (size_t a = 0; (a = r.Find(a, n, LexKind::kAttributionBefore, &len, &e)) != SIZE_MAX;) {
    size_t stop = r.PhraseEnd(a + len, kSourceMaxTokens);
    if (stop > a + len) {
      size_t anaphor_len = 0;
      cues.push_back({a,
                      {t[a].start, t[stop - 1].end},
                      {t[a + len].start, t[stop - 1].end},
                      r.Has(a + len, LexKind::kSourceAnaphor, &anaphor_len)});
    }
    a = std::max(stop, a + len);
  }
  if (!cues.empty()) {
    attribution = cues[0].attribution;
    source = cues[0].source;
    anaphor = cues[0].anaphor;
  } else if (size_t v = r.Find(0, n, LexKind::kAttributionVerb, &len, &e); v != SIZE_MAX) {
    AttributionOfVerb(v, len);
  }
}

// The verb of saying at token v (len tokens).
void QuantityTagger::Sentence::AttributionOfVerb(size_t v, size_t len) {
  size_t name_end = r.NameRun(v + len);
  if (name_end > v + len) {  // "a rapporté AP"
    attribution = {t[v].start, t[name_end - 1].end};
    source = {t[v + len].start, t[name_end - 1].end};
  } else if (v > 1 && t[v - 1].key == "," && !IsStop(t[v - 2]) &&
             std::none_of(numbers.begin(), numbers.end(), [&](const NumberMatch& m) {
               return m.first_token > v && m.first_token < r.PhraseEnd(v, kSourceMaxTokens);
             })) {
    SourceAfterVerb(v, len);
  } else if (size_t s = TrailingSubject(v, len); s != SIZE_MAX) {
    attribution = {t[s].start, t[v + len - 1].end};  // ", the ministry said."
    source = {t[s].start, t[v - 1].end};
    attribution_to = s;
  } else if (v > 0) {
    SubjectBeforeVerb(v);
  }
}

// ", the interior ministry said.": a short subject between a comma and a verb
// of saying that ends the sentence (or its clause); its first token, or
// SIZE_MAX. The claims before it are attributed to it.
size_t QuantityTagger::Sentence::TrailingSubject(size_t v, size_t len) const {
  if (v + len < n && !IsStop(t[v + len])) return SIZE_MAX;
  size_t s = v;
  while (s > 0 && v - s < kSourceMaxTokens && !IsStop(t[s - 1]) && t[s - 1].type != Type::kDigits) {
    --s;
  }
  if (s == v || s < 2 || t[s - 1].key != ",") return SIZE_MAX;
  return s;
}

// "Más de 200 personas fueron detenidas, informó la agencia oficial
// Kazinform": the source follows the verb, for the claims before it. (After a
// closing quote, the verb names a speaker, not a source; with a number after
// it, it reports that number: "informó de 164 muertos".)
void QuantityTagger::Sentence::SourceAfterVerb(size_t v, size_t len) {
  size_t stop = r.PhraseEnd(v + len, kSourceMaxTokens);
  if (stop > v + len) {
    attribution = {t[v].start, t[stop - 1].end};
    source = {t[v + len].start, t[stop - 1].end};
    attribution_to = v;
  }
}

// "Le ministère de l'Intérieur a compté ... 6 000 arrestations": the subject
// before the verb at token v, for what the verb introduces. It opens the
// sentence or follows a short opening adverbial and a comma ("Separately,
// President Tokayev's office said", "El domingo, la televisión ..."); a
// parenthesis or a comma insert right before the verb is skipped ("Khabar 24,
// citando al Ministerio de Sanidad, informó").
void QuantityTagger::Sentence::SubjectBeforeVerb(size_t v) {
  size_t s = v, subject_end = v;
  while (s > 0 && v - s < kSubjectMaxTokens) {
    if (t[s - 1].key == ")") {
      size_t open = s - 1;
      while (open > 0 && t[open].key != "(") --open;
      s = open;
      continue;
    }
    if (t[s - 1].key == "," && s == subject_end && subject_end == v) {
      size_t open = s - 1;
      while (open > 0 && !IsStop(t[open - 1])) --open;
      if (open == 0 || t[open - 1].key != ",") break;
      s = subject_end = open - 1;
      continue;
    }
    if (IsStop(t[s - 1])) break;
    --s;
  }
  if (s < subject_end && OpensSentence(s)) {
    attribution = source = {t[s].start, t[subject_end - 1].end};
    attribution_from = v;
  }
}

// True when token s opens the sentence, or only a few words and a comma come
// before it.
bool QuantityTagger::Sentence::OpensSentence(size_t s) const {
  if (s == 0) return true;
  if (t[s - 1].key != "," || s - 1 > kOpeningMaxTokens) return false;
  for (size_t i = 0; i + 1 < s; ++i) {
    if (IsStop(t[i])) return false;
  }
  return true;
}

// Conditional mood: the cues of the sentence, each for its own clause only.
void QuantityTagger::Sentence::FindReportedCues() {
  size_t len = 0;
  for (size_t i = 0; i < n; ++i) {
    if (lex.MayStart(t[i]) && r.Has(i, LexKind::kReported, &len)) reported_at.push_back(i);
  }
}

// True when the clause of tokens [from, to) (between clause marks or
// clause-break words) holds a conditional-mood cue.
bool QuantityTagger::Sentence::InReportedClause(size_t from, size_t to) const {
  if (reported_at.empty()) return false;
  size_t len = 0;
  size_t lo = from, hi = to;
  while (lo > 0 && !IsClauseMark(t[lo - 1]) && !r.Has(lo, LexKind::kClauseBreak, &len)) --lo;
  while (hi < n && !IsClauseMark(t[hi]) && !r.Has(hi, LexKind::kClauseBreak, &len)) ++hi;
  for (size_t i : reported_at) {
    if (i >= lo && i < hi) return true;
  }
  return false;
}

// The claim of number *k, if it is one; a range moves *k past its second number.
void QuantityTagger::Sentence::ReadClaim(size_t* k) {
  const NumberMatch& m = numbers[*k];
  if (!IsQuantity(m)) return;
  Draft d(m);
  d.c.sentence = index;
  d.c.number_kind = m.kind;
  d.c.value = d.c.min = m.value;
  d.c.max = m.max;
  d.c.interval = m.kind == NumberKind::kVague;
  if (d.c.interval) d.c.min = m.min;
  JoinRange(k, d);
  d.next = *k + 1 < numbers.size() ? numbers[*k + 1].first_token : n;
  if (IsNameOrYear(d)) return;
  ReadHedge(d);
  ReadUnitBefore(d);
  ReadCounted(d);
  ReadRate(d);
  ReadCompound(d);
  if (d.subunit_number != SIZE_MAX) *k = d.subunit_number;
  if (m.kind == NumberKind::kOrdinal) d.c.measure = "ordinal";
  ReadMeasureCues(d);
  if (NeedsVerb(d)) ReadVerbAfter(*k, d);
  if (NeedsVerb(d)) ReadVerbBefore(d);
  if (d.c.measure.empty() && (d.c.unit_span.empty() || d.unknown_noun)) ReadNounBefore(d);
  if (d.c.measure.empty() && (d.c.unit_span.empty() || d.unknown_noun)) ReadElided(d);
  if (NeedsVerb(d) && PartOfPrevious(d)) d.c.measure = out->back().measure;
  if (d.c.measure.empty()) d.c.measure = "other";
  if (IsLabel(d)) return;
  ReadSubject(d);
  ReadPlace(d);
  Emit(d);
}

// False for what is not a quantity: dates, numbers next to a
// not_before/not_after cue, ordinals in names, a lone "un"/"une".
bool QuantityTagger::Sentence::IsQuantity(const NumberMatch& m) const {
  const size_t a = m.first_token, b = m.end_token;
  size_t len = 0;
  const LexEntry* e = nullptr;
  if (m.date_like || (m.glued && !GluedUnit(m))) return false;
  // Dates: a month name after the number ("5 janvier") or right before it.
  // A day or a year has no grouping and no decimals ("$ 37,305.97 february" is money).
  const bool day_or_year = !m.grouped && !m.decimal && !m.scaled;
  if (day_or_year && ((b < n && lex.IsMonth(t[b].key)) || (a > 0 && lex.IsMonth(t[a - 1].key)))) {
    return false;
  }
  if (day_or_year && r.Has(b, LexKind::kLink, &len) && b + len < n && lex.IsMonth(t[b + len].key)) {
    return false;  // "1 de enero"
  }
  if (lex.MatchEndingAt(t, a, LexKind::kNotBefore, &e) != SIZE_MAX) return false;
  // Not before a not_after cue, unless the cue is a link to a counted noun
  // ("salgono a 14 i morti", not "secondo i dati").
  if (r.Has(b, LexKind::kNotAfter, &len)) {
    size_t link = 0, noun = 0;
    if (!r.Has(b, LexKind::kLink, &link) ||
        !(r.Has(b + link, LexKind::kMeasure, &noun) || r.Has(b + link, LexKind::kUnit, &noun))) {
      return false;
    }
  }
  if (m.kind == NumberKind::kOrdinal && b < n && t[b].capitalized)
    return false;  // "Seconde Guerre"
  // "un"/"une" as an article; "one-yen" counts.
  return !(m.lone_one && !r.Has(b, LexKind::kUnit, &len) && !HyphenedUnit(b));
}

// Ranges: "2 000 à 3 000", "entre 2 000 et 3 000", "2000-3000".
void QuantityTagger::Sentence::JoinRange(size_t* k, Draft& d) const {
  size_t len = 0, and_len = 0;
  const LexEntry* e = nullptr;
  const NumberMatch& m = d.m;
  if (*k + 1 < numbers.size() && r.Has(d.b, LexKind::kRangeMid, &len) &&
      numbers[*k + 1].first_token == d.b + len && !numbers[*k + 1].date_like &&
      numbers[*k + 1].value > m.value && m.kind == NumberKind::kCardinal &&
      // "and" joins a range only after "between": "$4.25 and 32 is the quantity".
      (!r.Has(d.b, LexKind::kNumberAnd, &and_len) ||
       lex.MatchEndingAt(t, d.a, LexKind::kRangeStart, &e) != SIZE_MAX ||
       (d.a > 0 && lex.MatchEndingAt(t, d.a - 1, LexKind::kRangeStart, &e) != SIZE_MAX))) {
    d.c.interval = true;
    d.c.min = m.value;
    d.c.max = numbers[*k + 1].max;
    d.last = d.b = numbers[*k + 1].end_token;
    ++*k;
    size_t rs = lex.MatchEndingAt(t, d.a, LexKind::kRangeStart, &e);
    if (rs != SIZE_MAX) d.first = rs;
  }
}

// A unit or a measure noun right after token b, or after a link word there.
bool QuantityTagger::Sentence::CountsSomething(size_t b) const {
  size_t len = 0;
  bool counts = r.Has(b, LexKind::kUnit, &len) || r.Has(b, LexKind::kMeasure, &len);
  if (!counts && r.Has(b, LexKind::kLink, &len)) {
    size_t after = b + len;
    counts = r.Has(after, LexKind::kUnit, &len) || r.Has(after, LexKind::kMeasure, &len);
  }
  return counts;
}

// Digits that count nothing and are part of a name or a year.
bool QuantityTagger::Sentence::IsNameOrYear(const Draft& d) const {
  const NumberMatch& m = d.m;
  const LexEntry* e = nullptr;
  const bool counts = CountsSomething(d.b) || MoneyBefore(d.a, &e) != SIZE_MAX;  // "USD 200"
  // Part of a name: digits right after a capitalized word that does not open
  // the sentence, counting nothing ("Khabar 24", like "G20").
  if (!m.spelled && m.kind == NumberKind::kCardinal && d.a > 1 && t[d.a - 1].type == Type::kWord &&
      t[d.a - 1].capitalized && !counts && !d.c.interval) {
    return true;
  }
  // A year: four plain digits in 1000..2100 that count nothing.
  return !m.spelled && !m.grouped && !m.decimal && !m.scaled && m.digits == 4 && !d.c.interval &&
         m.value >= 1000 && m.value <= 2100 && !counts;
}

// Hedge right before.
void QuantityTagger::Sentence::ReadHedge(Draft& d) const {
  const NumberMatch& m = d.m;
  Claim& c = d.c;
  const LexEntry* e = nullptr;
  if (m.kind == NumberKind::kVague) c.hedge = HedgeFromName(m.vague_hedge);
  size_t h = lex.MatchEndingAt(t, d.first, LexKind::kHedge, &e);
  if (h == SIZE_MAX) return;
  c.hedge = HedgeFromName(e->tag);
  c.hedge_span = {t[h].start, t[d.first - 1].end};
  d.first = h;
  // "plus d'un millier": a bound on the round number, not the interval of
  // "un millier" (800..1200): its centre, min 1000, no max.
  if (m.kind == NumberKind::kVague && m.vague_hedge == "approximate" &&
      (c.hedge == HedgeType::kLowerBound || c.hedge == HedgeType::kUpperBound)) {
    c.interval = false;
    c.value = c.min = c.max = (m.min + m.max) / 2;
  }
}

// A hyphen glued on both sides at tok, then a unit: "12-cent".
bool QuantityTagger::Sentence::HyphenedUnit(size_t tok) const {
  size_t len = 0;
  return tok + 1 < n && t[tok].key == "-" && !t[tok].space_before && !t[tok + 1].space_before &&
         r.Has(tok + 1, LexKind::kUnit, &len);
}

bool QuantityTagger::Sentence::NumberEndsAt(size_t tok) const {
  for (const NumberMatch& m : numbers) {
    if (m.end_token == tok && m.kind != NumberKind::kOrdinal) return true;
  }
  return false;
}

bool QuantityTagger::Sentence::NumberStartsAt(size_t tok) const {
  for (const NumberMatch& m : numbers) {
    if (m.first_token == tok) return true;
  }
  return false;
}

// A currency right before token a ("$5", "USD 200") that is not the unit
// of a number before it ("50 dollars 40 yuan", "three thousand dollars two
// hundred times"): its first token, or SIZE_MAX.
size_t QuantityTagger::Sentence::MoneyBefore(size_t a, const LexEntry** e) const {
  size_t u = lex.MatchEndingAt(t, a, LexKind::kUnit, e);
  if (u == SIZE_MAX || (*e)->tag2 != "money") return SIZE_MAX;
  // Glued to this number and not to the one before, it is this one's: "3 USD50";
  // so it is when the number before has its own currency ("$ 20,000 $ 37,305").
  const LexEntry* other = nullptr;
  bool own = !t[a].space_before && t[u].space_before;
  for (const NumberMatch& m : numbers) {
    if (m.end_token == u &&
        lex.MatchEndingAt(t, m.first_token, LexKind::kUnit, &other) != SIZE_MAX &&
        other->tag2 == "money") {
      own = true;
    }
  }
  if (NumberEndsAt(u) && !own) return SIZE_MAX;
  return u;
}

// Currency or unit before: "$5", "€1000".
void QuantityTagger::Sentence::ReadUnitBefore(Draft& d) const {
  const LexEntry* e = nullptr;
  size_t u = MoneyBefore(d.a, &e);
  d.money_before = u != SIZE_MAX;
  if (!d.money_before) return;
  d.c.unit = e->tag;
  d.c.measure = e->tag2;
  d.c.unit_span = {t[u].start, t[d.a - 1].end};
  d.c.value *= e->value;  // "MAUD 60" = 60 million AUD
  d.c.min *= e->value;
  d.c.max *= e->value;
  if (u < d.first) d.first = u;
  if (e->value == 1 && !d.c.interval) ReadSubunit(d, d.b, *e);  // "c $ 100 and fifty."
}

// What it counts, right after: [link] (unit | measure noun | a word).
void QuantityTagger::Sentence::ReadCounted(Draft& d) const {
  Claim& c = d.c;
  size_t len = 0;
  const LexEntry* e = nullptr;
  size_t j = d.b;
  if (r.Has(j, LexKind::kLink, &len)) j += len;
  if (HyphenedUnit(j)) ++j;  // "a 12-cent dividend", "a one-yen bid"
  const size_t noun_at = j;
  for (size_t w = 0; w < kNounWindow && j < n; ++w) {
    if (t[j].type == Type::kDigits) break;  // another number: "la 8088 puce 16 bits"
    len = lex.Match(t, j, LexKind::kUnit, &e);
    // "$ 20,000.00 $ 37,305.97": the second "$" is the next number's, as is
    // a currency glued to the next number only ("3 USD50").
    if (len > 0 && NumberStartsAt(j + len) &&
        (d.money_before || (t[j].space_before && j + len < n && !t[j + len].space_before))) {
      break;
    }
    while (len > 0 && !UnitFits(j, len)) len = lex.Match(t, j, LexKind::kUnit, &e, len - 1);
    if (len > 0) {  // before the stop test: "$", "%"; "12 m 2 dm" is "m", not "m2"
      if (d.money_before && e->tag2 != "money") break;
      TakeUnit(d, j, j + len, *AltUnit(j, len, e));
      if (e->tag2 == "money" && e->value == 1 && !c.interval) ReadSubunit(d, j + len, *e);
      // "millions de dollars": a unit may follow its own link.
      break;
    }
    // "20 (kg)": a unit alone in brackets right after the number.
    if (size_t close = BracketedUnit(j, &e); w == 0 && close != 0 && !d.money_before) {
      TakeUnit(d, j, close + 1, *e);
      break;
    }
    if (IsStop(t[j]) || d.money_before) break;  // "$75 millions d'obligations": counted is money
    if (r.Has(j, LexKind::kMeasure, &len, &e) && (e->tag2 == "noun" || e->tag2 == "group")) {
      c.measure = e->tag;
      d.group = e->tag2 == "group";
      c.unit.assign(doc.text, t[j].start, t[j + len - 1].end - t[j].start);
      c.unit_span = {t[j].start, t[j + len - 1].end};
      d.last = j + len;
      break;
    }
    if (r.Has(j, LexKind::kClauseBreak, &len) || r.Has(j, LexKind::kPlace, &len) ||
        r.Has(j, LexKind::kMeasure, &len) || r.Has(j, LexKind::kMeasureVerb, &len) ||
        r.Has(j, LexKind::kAttributionBefore, &len) ||  // "31 000 selon la police"
        (t[j].type == Type::kWord && r.Has(j, LexKind::kRangeMid, &len))) {  // "2,000 and will"
      // a predicate is not a counted noun: "nearly 5,800 detained"; it is read below
      break;
    }
    if (w == 0 && t[j].type == Type::kWord && j == noun_at) {
      d.unknown_noun = true;
      d.last = j + 1;  // an unknown counted noun: "deux choses", "six membres"
      c.unit.assign(doc.text, t[j].start, t[j].end - t[j].start);
      c.unit_span = {t[j].start, t[j].end};
    }
    ++j;
  }
}

// Cents after the main unit: "3 dollars 50 cents", "thirteen dollars and
// forty-five cents", "15 dollars 50." (1 to 99 hundredths, then the subunit of
// the same currency or the end of the clause; "15 dollars and 50 people" is two
// claims).
void QuantityTagger::Sentence::ReadSubunit(Draft& d, size_t after, const LexEntry& unit) const {
  size_t len = 0;
  size_t j = after;
  if (r.Has(j, LexKind::kNumberAnd, &len) || r.Has(j, LexKind::kRangeMid, &len)) j += len;
  size_t next = SIZE_MAX;
  for (size_t i = 0; i < numbers.size(); ++i) {
    if (numbers[i].first_token == j) next = i;
  }
  if (next == SIZE_MAX) return;
  const NumberMatch& m = numbers[next];
  if (m.kind != NumberKind::kCardinal || m.decimal || m.scaled || m.value < 1 || m.value > 99 ||
      m.value != std::floor(m.value)) {
    return;
  }
  const LexEntry* e = nullptr;
  size_t end = m.end_token;
  double factor = 0.01;
  (void)unit;  // any subunit: "treize euros et quarante-cinq cents"
  if (r.Has(end, LexKind::kUnit, &len, &e)) {
    if (e->tag2 != "money" || e->value >= 1) return;  // "10 $ 30 $": two amounts
    factor = e->value;
    end += len;
  } else if (end < n && !IsClauseMark(t[end]) && !IsStop(t[end])) {
    return;
  }
  d.c.value += m.value * factor;
  d.c.min = d.c.max = d.c.value;
  d.c.unit_span.end = t[end - 1].end;
  d.last = end;
  d.subunit_number = next;
}

// The unit of entry `e` on tokens [from, to): its code, measure and factor.
void QuantityTagger::Sentence::TakeUnit(Draft& d, size_t from, size_t to, const LexEntry& e) const {
  Claim& c = d.c;
  if (c.unit.empty() || d.money_before) c.unit = e.tag;
  c.unit_span = {t[from].start, t[to - 1].end};
  if (c.measure.empty() || c.measure == "people") c.measure = e.tag2;
  c.value *= e.value;  // "trois décennies" = 30 years
  c.min *= e.value;
  c.max *= e.value;
  d.last = to;
}

// A unit, or a unit read only inside a compound, at token j that stands
// alone (UnitFits): its token count, or 0.
size_t QuantityTagger::Sentence::UnitOrPartAt(size_t j, const LexEntry** e) const {
  size_t len = lex.Match(t, j, LexKind::kUnit, e);
  if (len == 0) len = lex.Match(t, j, LexKind::kUnitPart, e);
  return len > 0 && UnitFits(j, len) ? len : 0;
}

// A rate: after a claim's unit of the unit table, "/" or a `per` word, then a
// unit whose quotient with it the table knows: "50 meters per millisecond",
// "50 centimeters/millisecond", "50 km/ms" (distance per duration: speed).
// The claim's unit becomes "<a>/<b>".
void QuantityTagger::Sentence::ReadRate(Draft& d) const {
  const UnitInfo* num = tagger.units_.Find(d.c.unit);
  if (num == nullptr || num->measure != d.c.measure || d.c.unit_span.empty()) return;
  size_t j = d.last, len = 0;
  if (j < n && t[j].key == "/") {
    ++j;
  } else if (r.Has(j, LexKind::kPer, &len)) {
    j += len;
  } else {
    return;
  }
  const LexEntry* e = nullptr;
  len = UnitOrPartAt(j, &e);
  if (len == 0 || e->value != 1) return;
  std::optional<UnitInfo> rate = tagger.units_.Quotient(d.c.unit, e->tag);
  if (!rate) return;
  d.c.unit += "/" + e->tag;
  d.c.measure = rate->measure;
  d.c.unit_span.end = t[j + len - 1].end;
  d.last = j + len;
}

// A compound measure: "5 feet 2 inches", "5 feet and 2 inches", "12 ft 2 in".
// After a claim's unit of the unit table, a number (after an optional
// number_and word) and a smaller unit of the same measure (a `unit` or a
// `unit_part`) add to the claim, in its unit, when the smaller unit is not a
// decimal part of the bigger one (feet and inches, pounds and ounces, hours
// and minutes; "12 m 2 dm" stays two claims: a metric length is written with
// decimals) and the part is less than one bigger unit.
void QuantityTagger::Sentence::ReadCompound(Draft& d) const {
  const UnitTable& units = tagger.units_;
  const UnitInfo* big = units.Find(d.c.unit);
  if (big == nullptr || big->base.empty() || big->offset != 0 || big->measure != d.c.measure ||
      d.c.interval || d.subunit_number != SIZE_MAX) {
    return;
  }
  size_t j = d.last, len = 0;
  if (r.Has(j, LexKind::kNumberAnd, &len)) j += len;
  size_t next = SIZE_MAX;
  for (size_t i = 0; i < numbers.size(); ++i) {
    if (numbers[i].first_token == j) next = i;
  }
  if (next == SIZE_MAX) return;
  const NumberMatch& m = numbers[next];
  if ((m.kind != NumberKind::kCardinal && m.kind != NumberKind::kFraction) || m.scaled ||
      m.date_like || m.glued || m.value <= 0) {
    return;
  }
  const size_t at = m.end_token;
  const LexEntry* e = nullptr;
  len = UnitOrPartAt(at, &e);
  if (len == 0) return;
  const UnitInfo* small = units.Find(e->tag);
  if (small == nullptr || small->measure != big->measure || small->base != big->base ||
      small->offset != 0 || small->factor <= 0) {
    return;
  }
  const double ratio = big->factor / small->factor;
  const double tens = std::log10(ratio);
  if (ratio <= 1 || std::fabs(tens - std::round(tens)) < 1e-9) return;
  const double part = m.value * e->value / ratio;
  if (part >= 1) return;
  d.c.value += part;
  d.c.min = d.c.max = d.c.value;
  d.c.unit_span.end = t[at + len - 1].end;
  d.last = at + len;
  d.subunit_number = next;
}

// True when the unit phrase on tokens [j, j + len) stands alone: its digits
// glued to its letters ("km2", not "12 m 2 dm"), and no letters or digits
// glued after it ("24703 m212", "24703 L-202").
bool QuantityTagger::Sentence::UnitFits(size_t j, size_t len) const {
  auto glued = [&](size_t i) { return i > 0 && i < n && t[i].start == t[i - 1].end; };
  for (size_t i = j + 1; i < j + len; ++i) {
    if (t[i].type == Type::kDigits && !glued(i)) return false;
  }
  const size_t after = j + len;
  if (!glued(after)) return true;
  if (t[after].type != Type::kPunct) return false;
  return !(t[after].key == "-" && glued(after + 1) && t[after + 1].type == Type::kDigits);
}

// The reading of the unit at tokens [j, j + len), entry `e`: its alternative
// ("degrés": deg, angle) when a cue of the alternative's measure is in the
// sentence ("tourner à 90 degrés"), else `e`.
const LexEntry* QuantityTagger::Sentence::AltUnit(size_t j, size_t len, const LexEntry* e) const {
  size_t alt_len = 0, cue_len = 0;
  const LexEntry* alt = nullptr;
  const LexEntry* cue = nullptr;
  if (!r.Has(j, LexKind::kUnitAlt, &alt_len, &alt) || alt_len != len) return e;
  for (size_t i = 0; i < n; ++i) {
    if (lex.MayStart(t[i]) && r.Has(i, LexKind::kMeasureCue, &cue_len, &cue) &&
        cue->tag == alt->tag2) {
      return alt;
    }
  }
  return e;
}

// The closing bracket of a unit alone in brackets opening at token j
// ("(kg)", "[kg]", "{kg}", "<kg>"), with the unit's entry; 0 when none.
size_t QuantityTagger::Sentence::BracketedUnit(size_t j, const LexEntry** e) const {
  static constexpr std::string_view kPairs[] = {"()", "[]", "{}", "<>"};
  size_t len = 0;
  if (j + 2 >= n || t[j].type != Type::kPunct) return 0;
  for (std::string_view pair : kPairs) {
    if (t[j].key != pair.substr(0, 1)) continue;
    if (r.Has(j + 1, LexKind::kUnit, &len, e) && j + 1 + len < n &&
        t[j + 1 + len].key == pair.substr(1, 1)) {
      return j + 1 + len;
    }
  }
  return 0;
}

// "75ml", "10km/h", "24703m2": digits with a unit glued after them, nothing
// glued before them ("G20", "Covid-19", "scp2-173m": a code) nor after the
// unit ("24703m212").
bool QuantityTagger::Sentence::GluedUnit(const NumberMatch& m) const {
  const size_t a = m.first_token, b = m.end_token;
  auto glued = [&](size_t i) { return i > 0 && i < n && t[i].start == t[i - 1].end; };
  auto code = [&](size_t i) {  // letters, or digits glued to letters
    return t[i].type == Type::kWord ||
           (t[i].type == Type::kDigits && glued(i) && t[i - 1].type == Type::kWord);
  };
  if (glued(a) &&
      (t[a - 1].type == Type::kWord || (t[a - 1].key == "-" && glued(a - 1) && code(a - 2)))) {
    return false;
  }
  size_t len = 0;
  if (!glued(b) || t[b].type != Type::kWord || !r.Has(b, LexKind::kUnit, &len)) return false;
  return UnitFits(b, len);
}

// A measure cue right before ("âgé de 81 ans" is an age), and years right
// after an age cue: "Nazarbaïev, 81 ans", "un taxista de 47 años". A
// punctuation cue is an apposition that closes after the age: "X, 81 ans,"
// (but not "Pourtant, 30 ans après").
void QuantityTagger::Sentence::ReadMeasureCues(Draft& d) const {
  Claim& c = d.c;
  const LexEntry* e = nullptr;
  if (size_t mb = lex.MatchEndingAt(t, d.first, LexKind::kMeasureBefore, &e); mb != SIZE_MAX) {
    c.measure = e->tag;
    d.group = false;
  }
  if (c.measure == "duration" && c.unit == "year" && d.first == d.a) {
    size_t cue = lex.MatchEndingAt(t, d.a, LexKind::kAgeCue, &e);
    if (cue != SIZE_MAX && (t[cue].type != Type::kPunct || d.last >= n || IsStop(t[d.last]))) {
      c.measure = "age";
    }
  }
}

// A measure verb in the clause after the claim: "des dizaines de personnes
// ... ont été tuées"; "huit membres des forces de l'ordre ont été tués":
// killed, not troops. The search stops at the next number (after number k),
// which has its own verb, and at a clause mark, except over an insert that
// opens with a clause-break or part-of word ("Des dizaines de personnes, dont
// des policiers, ont été tuées"; but "six former Soviet states, remain
// deployed" is another clause).
void QuantityTagger::Sentence::ReadVerbAfter(size_t k, Draft& d) const {
  size_t len = 0;
  const LexEntry* e = nullptr;
  size_t stop = std::min(n, d.last + kVerbWindowAfter);
  if (k + 1 < numbers.size()) stop = std::min(stop, numbers[k + 1].first_token);
  for (size_t v = d.last; v < stop; ++v) {
    if (IsClauseMark(t[v])) {
      if (t[v].key != "," || v + 1 >= n ||
          !(r.Has(v + 1, LexKind::kClauseBreak, &len) || r.Has(v + 1, LexKind::kPartOf, &len))) {
        break;
      }
      size_t close = v + 1;
      while (close < stop && !IsClauseMark(t[close])) ++close;
      if (close >= stop || t[close].key != ",") break;
      v = close;
      continue;
    }
    if (r.Has(v, LexKind::kMeasureVerb, &len, &e) && !KeepsGroup(d, *e)) {
      d.c.measure = e->tag;
      d.group = false;
      return;
    }
  }
}

// A group noun that names a kind of people keeps it against a verb that names
// another kind: "500 policiers ont été déployés" stays police (the verb says
// troops), "500 policiers ont été blessés" is injured.
bool QuantityTagger::Sentence::KeepsGroup(const Draft& d, const LexEntry& verb) const {
  return d.group && !d.c.measure.empty() && d.c.measure != "people" && lex.IsGroupMeasure(verb.tag);
}

// A measure verb right before the claim: "погибли 12 сотрудников".
void QuantityTagger::Sentence::ReadVerbBefore(Draft& d) const {
  size_t len = 0;
  const LexEntry* e = nullptr;
  for (size_t v = d.first; v-- > 0 && d.first - v <= kVerbWindowBefore;) {
    if (IsStop(t[v])) break;
    if (r.Has(v, LexKind::kMeasureVerb, &len, &e) && !KeepsGroup(d, *e)) {
      d.c.measure = e->tag;
      d.group = false;
      return;
    }
  }
}

// The counted noun before the number, for a number that counts nothing after
// it: right before a copula ("gli sfollati sono circa 36.000", "les
// manifestants étaient 31 000"), or after a count_of cue earlier in the
// sentence ("le nombre de manifestants ... s'élevait à 31 000"; the nearest).
void QuantityTagger::Sentence::ReadNounBefore(Draft& d) const {
  const LexEntry* e = nullptr;
  if (size_t cop = lex.MatchEndingAt(t, d.first, LexKind::kCopula, &e); cop != SIZE_MAX) {
    if (lex.MatchEndingAt(t, cop, LexKind::kMeasure, &e) != SIZE_MAX) {
      CountedElsewhere(d, *e);
      return;
    }
  }
  size_t len = 0, noun = 0;
  for (size_t i = d.first; i-- > 0;) {
    if (lex.MayStart(t[i]) && r.Has(i, LexKind::kCountOf, &len) &&
        r.Has(i + len, LexKind::kMeasure, &noun, &e)) {
      CountedElsewhere(d, *e);
      return;
    }
  }
}

// The counted noun `e` found away from the number: its measure; the word
// after the number is no longer taken for the noun ("31 000 samedi").
void QuantityTagger::Sentence::CountedElsewhere(Draft& d, const LexEntry& e) const {
  d.c.measure = e.tag;
  d.group = e.tag2 == "group";
  if (d.unknown_noun) {
    d.unknown_noun = false;
    d.c.unit.clear();
    d.c.unit_span = {};
    d.last = d.b;
  }
}

// Ellipsis: a number that counts nothing, followed by its source ("31 000
// selon l'Intérieur", "Quelque 5 500, selon la police") counts what the
// sentence counts: the previous claim of the sentence, else the nearest
// counted noun before it in the sentence, else the claim that ends the
// previous sentence.
void QuantityTagger::Sentence::ReadElided(Draft& d) const {
  size_t len = 0;
  size_t p = d.last;
  if (p < n && t[p].key == ",") ++p;
  if (p >= n || !r.Has(p, LexKind::kAttributionBefore, &len)) return;
  auto counts = [](const std::string& m) { return !m.empty() && m != "other"; };
  LexEntry inherited{LexKind::kMeasure};
  if (!out->empty() && out->back().sentence == index && out->back().start >= start &&
      counts(out->back().measure)) {
    inherited.tag = out->back().measure;
    CountedElsewhere(d, inherited);
    return;
  }
  const LexEntry* e = nullptr;
  for (size_t i = d.first; i-- > 0;) {
    if (lex.MayStart(t[i]) && r.Has(i, LexKind::kMeasure, &len, &e)) {
      CountedElsewhere(d, *e);
      return;
    }
  }
  if (!out->empty() && index > 0 && out->back().sentence == index - 1 &&
      counts(out->back().measure)) {
    inherited.tag = out->back().measure;
    CountedElsewhere(d, inherited);
  }
}

// "225 personnes ont perdu la vie, dont 19 membres des forces": a part of the
// claim before it in the sentence counts the same thing.
bool QuantityTagger::Sentence::PartOfPrevious(const Draft& d) const {
  const LexEntry* e = nullptr;
  return !out->empty() && out->back().sentence == index && out->back().start >= start &&
         lex.MatchEndingAt(t, d.first, LexKind::kPartOf, &e) != SIZE_MAX;
}

// A lone spelled number or bare digits with nothing counted and no hedge is
// most often a label, a list item or a reference: kept only if it counts.
bool QuantityTagger::Sentence::IsLabel(const Draft& d) const {
  const Claim& c = d.c;
  return c.measure == "other" &&
         ((c.unit.empty() && c.hedge == HedgeType::kExact && d.m.kind == NumberKind::kCardinal) ||
          d.m.bare_fraction);
}

// Subject: a name right after the counted noun ("soldats de l'OTSC").
void QuantityTagger::Sentence::ReadSubject(Draft& d) const {
  if (d.last >= n) return;
  size_t len = 0;
  size_t s = d.last;
  if (r.Has(s, LexKind::kLink, &len)) s += len;
  size_t name_end = r.NameRun(s);
  if (name_end > s && t[s].capitalized) d.c.subject = {t[d.last].start, t[name_end - 1].end};
}

// Place: a place cue after the claim, then a name or a short phrase.
void QuantityTagger::Sentence::ReadPlace(Draft& d) const {
  size_t len = 0;
  for (size_t p = d.last; p < n && p < d.last + kPlaceWindow && !IsStop(t[p]); ++p) {
    if (!r.Has(p, LexKind::kPlace, &len)) continue;
    size_t q = p + len;
    while (q < n && t[q].key.back() == '\'') ++q;  // "l'"
    size_t name_end = r.NameRun(q);
    size_t stop = name_end > q ? name_end : (len > 1 ? r.PhraseEnd(q, 4) : q);
    if (stop > q) d.c.place = {t[p].start, t[stop - 1].end};
    return;
  }
}

// The value in the base unit of a physical measure ("5 km" = 5000 m).
void QuantityTagger::Sentence::SetBase(Claim& c) const {
  std::optional<UnitInfo> u = tagger.units_.Resolve(c.unit);  // a code or a rate "km/ms"
  if (!u || u->base.empty() || u->measure != c.measure) return;
  c.base_unit = u->base;
  c.base_value = c.value * u->factor + u->offset;
  c.base_min = c.min * u->factor + u->offset;
  c.base_max = c.max * u->factor + u->offset;
}

// The "selon X" of a claim when the sentence has several: the first one after
// it and before the next number ("31 000 selon l'Intérieur, 5 500 selon les
// organisateurs"), else the nearest one before it ("Selon la police, ..."),
// else the first of the sentence. Null when there is at most one.
const QuantityTagger::Sentence::SourceCue* QuantityTagger::Sentence::CueOf(const Draft& d) const {
  if (cues.size() < 2) return nullptr;
  const SourceCue* before = nullptr;
  for (const SourceCue& cue : cues) {
    // (right after it, the cue word may itself read as a number: "secondo")
    if (cue.at >= d.last && (cue.at < d.next || cue.at <= d.last + 1)) return &cue;
    if (cue.at < d.first) before = &cue;
  }
  return before != nullptr ? before : &cues[0];
}

// Spans, attribution, mood and time; appends the claim to `out`.
void QuantityTagger::Sentence::Emit(Draft& d) {
  Claim& c = d.c;
  c.start = t[d.first].start;
  c.end = t[d.last - 1].end;
  c.number_start = d.m.start;
  c.number_end = t[d.b - 1].end;
  if (const SourceCue* cue = CueOf(d); cue != nullptr) {
    c.attribution = cue->attribution;
    c.source = cue->source;
    c.source_anaphor = cue->anaphor;
  } else if (d.first >= attribution_from && d.first < attribution_to) {
    c.attribution = attribution;
    c.source = source;
    c.source_anaphor = anaphor;
  }
  c.reported = InReportedClause(d.first, d.last);
  SetBase(c);
  if (tagger.options_.time_of) c.time = tagger.options_.time_of(doc, c.start, c.end);
  out->push_back(std::move(c));
}

}  // namespace sitrep
