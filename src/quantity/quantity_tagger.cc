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
  std::vector<std::string> langs = options.languages;
  bool explicit_langs = !langs.empty();
  if (!explicit_langs) langs = DataLanguages(options.base);
  for (const std::string& lang : langs) {
    Result<std::unique_ptr<QuantityLexicon>> lex = QuantityLexicon::Load(options.base, lang);
    if (!lex.ok()) {
      if (lex.status().code() == Code::kNotFound && !explicit_langs) continue;
      return lex.status();
    }
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

std::vector<Claim> QuantityTagger::Claims(const Document& doc, Deadline* deadline, bool* truncated) const {
  const size_t max_claims = options_.base.max_claims_per_document;
  std::vector<Claim> out;
  std::string_view lang = doc.lang;
  if (doc.sentences.empty()) {
    SentenceClaims(doc, lang, 0, static_cast<uint32_t>(doc.text.size()), -1, &out);
  } else {
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      if (Expired(deadline, "quantities")) break;
      SentenceClaims(doc, lang, doc.sentences[s].start, doc.sentences[s].end,
                     static_cast<int>(s), &out);
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

void QuantityTagger::SentenceClaims(const Document& doc, std::string_view lang, uint32_t start,
                                    uint32_t end, int sentence, std::vector<Claim>* out) const {
  const QuantityLexicon* lex = Lexicon(lang);
  if (lex == nullptr || end <= start) return;
  std::string_view text = std::string_view(doc.text).substr(start, end - start);
  std::vector<QToken> t;
  lex->Tokenize(text, start, &t);
  std::vector<NumberMatch> numbers = FindNumbers(*lex, text, start, t);
  if (numbers.empty()) return;
  SentenceReader r(*lex, t);
  const size_t n = t.size();
  size_t len = 0;
  const LexEntry* e = nullptr;

  // Sentence-wide cues: attribution and conditional mood.
  TextSpan attribution, source;
  size_t attribution_from = 0;        // claims before this token are not attributed
  size_t attribution_to = SIZE_MAX;   // nor claims from this token on
  bool anaphor = false;               // "selon la même source": the previous source
  if (size_t a = r.Find(0, n, LexKind::kAttributionBefore, &len, &e); a != SIZE_MAX) {
    size_t stop = r.PhraseEnd(a + len, kSourceMaxTokens);
    if (stop > a + len) {
      attribution = {t[a].start, t[stop - 1].end};
      source = {t[a + len].start, t[stop - 1].end};
      anaphor = r.Has(a + len, LexKind::kSourceAnaphor, &len);
    }
  } else if (size_t v = r.Find(0, n, LexKind::kAttributionVerb, &len, &e); v != SIZE_MAX) {
    size_t name_end = r.NameRun(v + len);
    if (name_end > v + len) {  // "a rapporté AP"
      attribution = {t[v].start, t[name_end - 1].end};
      source = {t[v + len].start, t[name_end - 1].end};
    } else if (v > 1 && t[v - 1].key == "," && !IsStop(t[v - 2]) &&
               std::none_of(numbers.begin(), numbers.end(), [&](const NumberMatch& m) {
                 return m.first_token > v && m.first_token < r.PhraseEnd(v, kSourceMaxTokens);
               })) {
      // "Más de 200 personas fueron detenidas, informó la agencia oficial
      // Kazinform": the source follows the verb, for the claims before it.
      // (After a closing quote, the verb names a speaker, not a source; with a
      // number after it, it reports that number: "informó de 164 muertos".)
      size_t stop = r.PhraseEnd(v + len, kSourceMaxTokens);
      if (stop > v + len) {
        attribution = {t[v].start, t[stop - 1].end};
        source = {t[v + len].start, t[stop - 1].end};
        attribution_to = v;
      }
    } else if (v > 0) {
      // "Le ministère de l'Intérieur a compté ... 6 000 arrestations": the subject
      // before the verb, for what the verb introduces. It opens the sentence or
      // follows a short opening adverbial and a comma ("Separately, President
      // Tokayev's office said", "El domingo, la televisión ..."); a
      // parenthesis or a comma insert right before the verb is skipped ("Khabar
      // 24, citando al Ministerio de Sanidad, informó").
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
      bool opens = s == 0;
      if (!opens && t[s - 1].key == "," && s - 1 <= kOpeningMaxTokens) {
        opens = true;  // nothing but words between the sentence start and the comma
        for (size_t i = 0; i + 1 < s; ++i) opens &= !IsStop(t[i]);
      }
      if (s < subject_end && opens) {
        attribution = source = {t[s].start, t[subject_end - 1].end};
        attribution_from = v;
      }
    }
  }
  // Conditional mood: the cues of the sentence, each for its own clause only.
  std::vector<size_t> reported_at;
  for (size_t i = 0; i < n; ++i) {
    if (lex->MayStart(t[i]) && r.Has(i, LexKind::kReported, &len)) reported_at.push_back(i);
  }
  // The clause of tokens [from, to): between clause marks or clause-break words.
  auto in_reported_clause = [&](size_t from, size_t to) {
    if (reported_at.empty()) return false;
    size_t lo = from, hi = to;
    while (lo > 0 && !IsClauseMark(t[lo - 1]) && !r.Has(lo, LexKind::kClauseBreak, &len)) --lo;
    while (hi < n && !IsClauseMark(t[hi]) && !r.Has(hi, LexKind::kClauseBreak, &len)) ++hi;
    for (size_t i : reported_at) {
      if (i >= lo && i < hi) return true;
    }
    return false;
  };

  for (size_t k = 0; k < numbers.size(); ++k) {
    const NumberMatch& m = numbers[k];
    size_t a = m.first_token, b = m.end_token;
    if (m.date_like || m.glued) continue;
    // Dates: a month name after the number ("5 janvier") or right before it.
    if ((b < n && lex->IsMonth(t[b].key)) || (a > 0 && lex->IsMonth(t[a - 1].key))) continue;
    if (r.Has(b, LexKind::kLink, &len) && b + len < n && lex->IsMonth(t[b + len].key)) {
      continue;  // "1 de enero"
    }
    if (lex->MatchEndingAt(t, a, LexKind::kNotBefore, &e) != SIZE_MAX) continue;
    if (r.Has(b, LexKind::kNotAfter, &len)) continue;
    if (m.kind == NumberKind::kOrdinal && b < n && t[b].capitalized) continue;  // "Seconde Guerre"
    if (m.lone_one && !r.Has(b, LexKind::kUnit, &len)) {
      continue;  // "un"/"une" as an article
    }
    Claim c;
    c.sentence = sentence;
    c.number_kind = m.kind;
    c.value = c.min = m.value;
    c.max = m.max;
    c.interval = m.kind == NumberKind::kVague;
    if (c.interval) c.min = m.min;
    size_t first = a, last = b;  // token range of the claim
    // Ranges: "2 000 à 3 000", "entre 2 000 et 3 000", "2000-3000".
    if (k + 1 < numbers.size() && r.Has(b, LexKind::kRangeMid, &len) &&
        numbers[k + 1].first_token == b + len && !numbers[k + 1].date_like &&
        numbers[k + 1].value > m.value && m.kind == NumberKind::kCardinal) {
      c.interval = true;
      c.min = m.value;
      c.max = numbers[k + 1].max;
      last = b = numbers[k + 1].end_token;
      ++k;
      size_t rs = lex->MatchEndingAt(t, a, LexKind::kRangeStart, &e);
      if (rs != SIZE_MAX) first = rs;
    }
    // A year: four plain digits in 1000..2100 that count nothing.
    bool counts = r.Has(b, LexKind::kUnit, &len) || r.Has(b, LexKind::kMeasure, &len);
    if (!counts && r.Has(b, LexKind::kLink, &len)) {
      size_t after = b + len;
      counts = r.Has(after, LexKind::kUnit, &len) || r.Has(after, LexKind::kMeasure, &len);
    }
    // Part of a name: digits right after a capitalized word that does not open
    // the sentence, counting nothing ("Khabar 24", like "G20").
    if (!m.spelled && m.kind == NumberKind::kCardinal && a > 1 && t[a - 1].type == Type::kWord &&
        t[a - 1].capitalized && !counts && !c.interval) {
      continue;
    }
    if (!m.spelled && !m.grouped && !m.decimal && !m.scaled && m.digits == 4 && !c.interval &&
        m.value >= 1000 && m.value <= 2100 && !counts) {
      continue;
    }
    // Hedge right before.
    if (m.kind == NumberKind::kVague) c.hedge = HedgeFromName(m.vague_hedge);
    size_t h = lex->MatchEndingAt(t, first, LexKind::kHedge, &e);
    if (h != SIZE_MAX) {
      c.hedge = HedgeFromName(e->tag);
      c.hedge_span = {t[h].start, t[first - 1].end};
      first = h;
      // "plus d'un millier": a bound on the round number, not the interval of
      // "un millier" (800..1200): its centre, min 1000, no max.
      if (m.kind == NumberKind::kVague && m.vague_hedge == "approximate" &&
          (c.hedge == HedgeType::kLowerBound || c.hedge == HedgeType::kUpperBound)) {
        c.interval = false;
        c.value = c.min = c.max = (m.min + m.max) / 2;
      }
    }
    // Currency or unit before: "$5", "€1000".
    size_t u = lex->MatchEndingAt(t, a, LexKind::kUnit, &e);
    const bool money_before = u != SIZE_MAX && e->tag2 == "money";
    if (money_before) {
      c.unit = e->tag;
      c.measure = e->tag2;
      c.unit_span = {t[u].start, t[a - 1].end};
      if (u < first) first = u;
    }
    // What it counts, right after: [link] (unit | measure noun | a word).
    size_t j = b;
    bool group = false;  // counted noun names who, not what happened: a verb refines it
    if (r.Has(j, LexKind::kLink, &len)) j += len;
    for (size_t w = 0; w < kNounWindow && j < n; ++w) {
      if (r.Has(j, LexKind::kUnit, &len, &e)) {  // before the stop test: "$", "%"
        if (money_before && e->tag2 != "money") break;
        if (c.unit.empty() || money_before) c.unit = e->tag;
        c.unit_span = {t[j].start, t[j + len - 1].end};
        if (c.measure.empty() || c.measure == "people") c.measure = e->tag2;
        c.value *= e->value;  // "trois décennies" = 30 years
        c.min *= e->value;
        c.max *= e->value;
        last = j + len;
        // "millions de dollars": a unit may follow its own link.
        break;
      }
      if (IsStop(t[j]) || money_before) break;  // "$75 millions d'obligations": counted is money
      if (r.Has(j, LexKind::kMeasure, &len, &e) && (e->tag2 == "noun" || e->tag2 == "group")) {
        c.measure = e->tag;
        group = e->tag2 == "group";
        c.unit.assign(doc.text, t[j].start, t[j + len - 1].end - t[j].start);
        c.unit_span = {t[j].start, t[j + len - 1].end};
        last = j + len;
        break;
      }
      if (r.Has(j, LexKind::kClauseBreak, &len) || r.Has(j, LexKind::kPlace, &len) ||
          r.Has(j, LexKind::kMeasure, &len) || r.Has(j, LexKind::kMeasureVerb, &len) ||
          (t[j].type == Type::kWord && r.Has(j, LexKind::kRangeMid, &len))) {  // "2,000 and will"
        // a predicate is not a counted noun: "nearly 5,800 detained"; it is read below
        break;
      }
      if (w == 0 && t[j].type == Type::kWord && j == (r.Has(b, LexKind::kLink, &len) ? b + len : b)) {
        last = j + 1;  // an unknown counted noun: "deux choses", "six membres"
        c.unit.assign(doc.text, t[j].start, t[j].end - t[j].start);
        c.unit_span = {t[j].start, t[j].end};
      }
      ++j;
    }
    if (m.kind == NumberKind::kOrdinal) c.measure = "ordinal";
    // A measure cue right before: "âgé de 81 ans" is an age.
    if (size_t mb = lex->MatchEndingAt(t, first, LexKind::kMeasureBefore, &e); mb != SIZE_MAX) {
      c.measure = e->tag;
      group = false;
    }
    // Years right after an age cue: "Nazarbaïev, 81 ans", "un taxista de 47 años".
    // A punctuation cue is an apposition that closes after the age: "X, 81 ans,"
    // (but not "Pourtant, 30 ans après").
    if (c.measure == "duration" && c.unit == "year" && first == a) {
      size_t cue = lex->MatchEndingAt(t, a, LexKind::kAgeCue, &e);
      if (cue != SIZE_MAX && (t[cue].type != Type::kPunct || last >= n || IsStop(t[last]))) {
        c.measure = "age";
      }
    }
    // A measure verb in the clause: "des dizaines de personnes ... ont été tuées".
    // "huit membres des forces de l'ordre ont été tués": killed, not troops.
    // The search stops at the next number, which has its own verb.
    if (c.measure.empty() || c.measure == "people" || group) {
      size_t stop = std::min(n, last + kVerbWindowAfter);
      if (k + 1 < numbers.size()) stop = std::min(stop, numbers[k + 1].first_token);
      // The verb is in the same clause: the search stops at a clause mark, except
      // over an insert that opens with a clause-break or part-of word ("Des
      // dizaines de personnes, dont des policiers, ont été tuées"; but "six former
      // Soviet states, remain deployed" is another clause).
      for (size_t v = last; v < stop; ++v) {
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
        if (r.Has(v, LexKind::kMeasureVerb, &len, &e)) {
          c.measure = e->tag;
          group = false;
          break;
        }
      }
    }
    if (c.measure.empty() || c.measure == "people" || group) {
      for (size_t v = first; v-- > 0 && first - v <= kVerbWindowBefore;) {
        if (IsStop(t[v])) break;
        if (r.Has(v, LexKind::kMeasureVerb, &len, &e)) {
          c.measure = e->tag;  // "погибли 12 сотрудников"
          group = false;
          break;
        }
      }
    }
    // "225 personnes ont perdu la vie, dont 19 membres des forces": a part of the
    // claim before it in the sentence counts the same thing.
    if ((c.measure.empty() || c.measure == "people" || group) && !out->empty() &&
        out->back().sentence == sentence && out->back().start >= start &&
        lex->MatchEndingAt(t, first, LexKind::kPartOf, &e) != SIZE_MAX) {
      c.measure = out->back().measure;
    }
    if (c.measure.empty()) c.measure = "other";
    // A lone spelled number or bare digits with nothing counted and no hedge is
    // most often a label, a list item or a reference: keep only if it counts.
    if (c.measure == "other" && ((c.unit.empty() && c.hedge == HedgeType::kExact &&
                                  m.kind == NumberKind::kCardinal) ||
                                 m.bare_fraction)) {
      continue;
    }
    // Subject: a name right after the counted noun ("soldats de l'OTSC").
    if (last < n) {
      size_t s = last;
      if (r.Has(s, LexKind::kLink, &len)) s += len;
      size_t name_end = r.NameRun(s);
      if (name_end > s && t[s].capitalized) c.subject = {t[last].start, t[name_end - 1].end};
    }
    // Place: a place cue after the claim, then a name or a short phrase.
    for (size_t p = last; p < n && p < last + kPlaceWindow && !IsStop(t[p]); ++p) {
      if (!r.Has(p, LexKind::kPlace, &len)) continue;
      size_t q = p + len;
      while (q < n && t[q].key.back() == '\'') ++q;  // "l'"
      size_t name_end = r.NameRun(q);
      size_t stop = name_end > q ? name_end : (len > 1 ? r.PhraseEnd(q, 4) : q);
      if (stop > q) c.place = {t[p].start, t[stop - 1].end};
      break;
    }
    c.start = t[first].start;
    c.end = t[last - 1].end;
    c.number_start = m.start;
    c.number_end = t[b - 1].end;
    if (first >= attribution_from && first < attribution_to) {
      c.attribution = attribution;
      c.source = source;
      c.source_anaphor = anaphor;
    }
    c.reported = in_reported_clause(first, last);
    if (options_.time_of) c.time = options_.time_of(doc, c.start, c.end);
    out->push_back(std::move(c));
  }
}


}  // namespace sitrep
