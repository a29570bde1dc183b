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

  // A run of capitalized words (with "de", "l'" inside), from i; returns end.
  size_t NameRun(size_t i) const {
    size_t j = i, end = i;
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

std::vector<Claim> QuantityTagger::Claims(const Document& doc) const {
  std::vector<Claim> out;
  std::string_view lang = doc.lang;
  if (doc.sentences.empty()) {
    SentenceClaims(doc, lang, 0, static_cast<uint32_t>(doc.text.size()), -1, &out);
  } else {
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      SentenceClaims(doc, lang, doc.sentences[s].start, doc.sentences[s].end,
                     static_cast<int>(s), &out);
      if (out.size() >= options_.max_claims_per_document) break;
    }
  }
  if (out.size() > options_.max_claims_per_document) out.resize(options_.max_claims_per_document);
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
  size_t attribution_from = 0;  // claims before this token are not attributed
  if (size_t a = r.Find(0, n, LexKind::kAttributionBefore, &len, &e); a != SIZE_MAX) {
    size_t stop = r.PhraseEnd(a + len, kSourceMaxTokens);
    if (stop > a + len) {
      attribution = {t[a].start, t[stop - 1].end};
      source = {t[a + len].start, t[stop - 1].end};
    }
  } else if (size_t v = r.Find(0, n, LexKind::kAttributionVerb, &len, &e); v != SIZE_MAX) {
    size_t name_end = r.NameRun(v + len);
    if (name_end > v + len) {  // "a rapporté AP"
      attribution = {t[v].start, t[name_end - 1].end};
      source = {t[v + len].start, t[name_end - 1].end};
    } else if (v > 0) {
      // "Le ministère de l'Intérieur a compté ... 6 000 arrestations": a subject
      // that opens the sentence (parentheses skipped), for what the verb introduces.
      size_t s = v;
      while (s > 0 && v - s < kSubjectMaxTokens) {
        if (t[s - 1].key == ")") {
          size_t open = s - 1;
          while (open > 0 && t[open].key != "(") --open;
          s = open;
          continue;
        }
        if (IsStop(t[s - 1])) break;
        --s;
      }
      if (s == 0 && s < v) {
        attribution = source = {t[s].start, t[v - 1].end};
        attribution_from = v;
      }
    }
  }
  bool reported = r.Find(0, n, LexKind::kReported, &len, &e) != SIZE_MAX;

  for (size_t k = 0; k < numbers.size(); ++k) {
    const NumberMatch& m = numbers[k];
    size_t a = m.first_token, b = m.end_token;
    if (m.date_like || m.glued) continue;
    // Dates: a month name after the number ("5 janvier") or right before it.
    if ((b < n && lex->IsMonth(t[b].key)) || (a > 0 && lex->IsMonth(t[a - 1].key))) continue;
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
          r.Has(j, LexKind::kMeasure, &len)) {
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
    if (size_t mb = lex->MatchEndingAt(t, first, LexKind::kMeasure, &e);
        mb != SIZE_MAX && e->tag2 == "before") {
      c.measure = e->tag;
    }
    // A measure verb in the clause: "des dizaines de personnes ... ont été tuées".
    // "huit membres des forces de l'ordre ont été tués": killed, not troops.
    // The search stops at the next number, which has its own verb.
    if (c.measure.empty() || c.measure == "people" || group) {
      size_t stop = std::min(n, last + kVerbWindowAfter);
      if (k + 1 < numbers.size()) stop = std::min(stop, numbers[k + 1].first_token);
      for (size_t v = last; v < stop && !(t[v].key == ";" || t[v].key == ":"); ++v) {
        if (r.Has(v, LexKind::kMeasure, &len, &e) && e->tag2 == "verb") {
          c.measure = e->tag;
          group = false;
          break;
        }
      }
    }
    if (c.measure.empty() || c.measure == "people" || group) {
      for (size_t v = first; v-- > 0 && first - v <= kVerbWindowBefore;) {
        if (IsStop(t[v])) break;
        if (r.Has(v, LexKind::kMeasure, &len, &e) && e->tag2 == "verb") {
          c.measure = e->tag;  // "погибли 12 сотрудников"
          group = false;
          break;
        }
      }
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
    if (first >= attribution_from) {
      c.attribution = attribution;
      c.source = source;
    }
    c.reported = reported;
    if (options_.time_of) c.time = options_.time_of(doc, c.start, c.end);
    out->push_back(std::move(c));
  }
}


}  // namespace sitrep
