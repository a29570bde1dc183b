// @brief Figures across sources: grouping claims into series, relations,
// status, estimate and summary (rules in docs/FIGURES.md).
#include "figures/figures.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <map>
#include <span>
#include <string_view>

#include "base/civil_date.h"
#include "base/data_file.h"
#include "base/hash.h"
#include "base/json.h"
#include "base/text_fold.h"

namespace sitrep {

const char* MeasureKindName(MeasureKind k) {
  switch (k) {
    case MeasureKind::kCumulative:
      return "cumulative";
    case MeasureKind::kLevel:
      return "level";
    case MeasureKind::kEvent:
      return "event";
  }
  return "cumulative";
}

const char* FigureRelationName(FigureRelation r) {
  switch (r) {
    case FigureRelation::kFirst:
      return "first";
    case FigureRelation::kAgrees:
      return "agrees";
    case FigureRelation::kRevises:
      return "revises";
    case FigureRelation::kContradicts:
      return "contradicts";
    case FigureRelation::kPartOf:
      return "part_of";
    case FigureRelation::kSameReport:
      return "same_report";
  }
  return "first";
}

const char* SeriesStatusName(SeriesStatus s) {
  switch (s) {
    case SeriesStatus::kSingle:
      return "single";
    case SeriesStatus::kAgree:
      return "agree";
    case SeriesStatus::kRevised:
      return "revised";
    case SeriesStatus::kContradicted:
      return "contradicted";
  }
  return "single";
}

Result<FigureRules> FigureRules::Load(const std::string& data_dir) {
  FigureRules rules;
  const std::string dir = data_dir + "/figures/";
  Result<TsvFile> measures = ReadTsv(dir + "measures.tsv", 2, 2);
  if (!measures.ok()) return measures.status();
  for (const TsvRow& row : measures->rows) {
    const std::string& kind = row.fields[1];
    MeasureKind k;
    if (kind == "cumulative") {
      k = MeasureKind::kCumulative;
    } else if (kind == "level") {
      k = MeasureKind::kLevel;
    } else if (kind == "event") {
      k = MeasureKind::kEvent;
    } else {
      return measures->ErrorAt(row,
                               "kind must be cumulative, level or event, got \"" + kind + "\"");
    }
    if (!rules.measures.emplace(row.fields[0], k).second) {
      return measures->ErrorAt(row, "measure \"" + row.fields[0] + "\" listed twice");
    }
  }
  Result<TsvFile> hedges = ReadTsv(dir + "hedges.tsv", 2, 2);
  if (!hedges.ok()) return hedges.status();
  for (const TsvRow& row : hedges->rows) {
    char* end = nullptr;
    double t = std::strtod(row.fields[1].c_str(), &end);
    if (end == row.fields[1].c_str() || *end != '\0' || !(t >= 0 && t < 1)) {
      return hedges->ErrorAt(row,
                             "tolerance must be a number in [0, 1), got \"" + row.fields[1] + "\"");
    }
    rules.tolerance[row.fields[0]] = t;
  }
  // Language knowledge: data/lang/<code>/figure_{subjects,place_nouns}.tsv; a
  // language may lack either file.
  std::vector<std::string> langs;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(data_dir + "/lang", ec)) {
    // A registered language only: its folder has a lang.tsv (docs/formats/lang.md).
    if (entry.is_directory() && std::filesystem::exists(entry.path() / "lang.tsv", ec)) {
      langs.push_back(entry.path().filename().string());
    }
  }
  std::sort(langs.begin(), langs.end());
  for (const std::string& lang : langs) {
    const std::string lang_dir = data_dir + "/lang/" + lang + "/";
    Result<TsvFile> subjects = ReadTsv(lang_dir + "figure_subjects.tsv", 3, 3);
    if (!subjects.ok() && subjects.status().code() != Code::kNotFound) return subjects.status();
    for (const TsvRow& row : subjects.ok() ? subjects->rows : std::vector<TsvRow>{}) {
      SubjectCue cue;
      cue.lang = lang;
      std::string phrase = row.fields[0];
      if (!phrase.empty() && phrase.back() == '*') {
        cue.prefix = true;
        phrase.pop_back();
      }
      cue.phrase = FoldForMatch(phrase);
      cue.subject = row.fields[1];
      for (size_t p = 0; p <= row.fields[2].size();) {
        size_t e = row.fields[2].find(',', p);
        if (e == std::string::npos) e = row.fields[2].size();
        if (e > p) cue.measures.push_back(row.fields[2].substr(p, e - p));
        p = e + 1;
      }
      if (cue.measures.empty()) return subjects->ErrorAt(row, "no measure listed");
      if (cue.phrase.empty() || cue.subject.empty() || cue.subject == "all") {
        return subjects->ErrorAt(row, "needs a phrase and a subject class other than \"all\"");
      }
      rules.subjects.push_back(std::move(cue));
    }
    Result<TsvFile> nouns = ReadTsv(lang_dir + "figure_place_nouns.tsv", 1, 1);
    if (!nouns.ok() && nouns.status().code() != Code::kNotFound) return nouns.status();
    for (const TsvRow& row : nouns.ok() ? nouns->rows : std::vector<TsvRow>{}) {
      PlaceNoun noun;
      noun.lang = lang;
      std::string phrase = row.fields[0];
      if (!phrase.empty() && phrase.back() == '*') {
        noun.prefix = true;
        phrase.pop_back();
      }
      noun.phrase = FoldForMatch(phrase);
      if (noun.phrase.empty()) return nouns->ErrorAt(row, "empty phrase");
      rules.place_nouns.push_back(std::move(noun));
    }
  }
  // Longer phrases first: "membres des forces de sécurité" before "forces".
  std::stable_sort(
      rules.subjects.begin(), rules.subjects.end(),
      [](const SubjectCue& a, const SubjectCue& b) { return a.phrase.size() > b.phrase.size(); });
  return rules;
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// A conflict whose figures are this many times apart says so (docs/FIGURES.md).
constexpr double kApartFactor = 100;

std::string_view SpanOf(const Document& d, uint32_t start, uint32_t end) {
  if (end <= start || end > d.text.size()) return {};
  return std::string_view(d.text).substr(start, end - start);
}

// The mentions of `d` that start in [from, to) (mentions are sorted by start),
// so that reading a claim costs the size of its sentence, not of its document.
std::span<const Mention> MentionsIn(const Document& d, uint32_t from, uint32_t to) {
  auto by_start = [](const Mention& m, uint32_t v) { return m.start < v; };
  auto a = std::lower_bound(d.mentions.begin(), d.mentions.end(), from, by_start);
  auto b = std::lower_bound(a, d.mentions.end(), std::max(from, to), by_start);
  return {a, b};
}

bool IsWordByte(unsigned char ch) { return ch >= 0x80 || std::isalnum(ch); }

// `phrase` (folded) occurs in `hay` (folded) at word boundaries.
bool HasPhrase(std::string_view hay, std::string_view phrase, bool prefix) {
  for (size_t p = hay.find(phrase); p != std::string_view::npos; p = hay.find(phrase, p + 1)) {
    const bool left = p == 0 || !IsWordByte(static_cast<unsigned char>(hay[p - 1]));
    const size_t e = p + phrase.size();
    const bool right = prefix || e == hay.size() || !IsWordByte(static_cast<unsigned char>(hay[e]));
    if (left && right) return true;
  }
  return false;
}

// YYYY-MM-DD at the start of `v`, else "".
std::string DayOf(std::string_view v) {
  if (v.size() < 10) return "";
  for (size_t i = 0; i < 10; ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? v[i] != '-' : !std::isdigit(static_cast<unsigned char>(v[i]))) return "";
  }
  return std::string(v.substr(0, 10));
}

// The last day of an ISO week value ("2022-W01", "2022-W01-WE"), else "".
std::string WeekEnd(std::string_view v) {
  std::optional<IsoWeek> w = ParseIsoWeek(v);
  if (!w) return "";
  return CivilDayString(IsoWeekMonday(w->year, w->week) + 6);
}

// Per-document context: entities by id, the document's main place.
struct DocContext {
  std::map<std::string, const EntityInfo*, std::less<>> entities;
  std::string main_place;  // the place mentioned most (countries first), "" when none
  std::string published;   // day, "" when unknown
};

bool IsPlaceKind(const EntityInfo* e) {
  return e &&
         (e->kind == "country" || e->kind == "region" || e->kind == "city" || e->kind == "site");
}

// A name in the title outweighs any number of names in the body.
constexpr int kTitleWeight = 1 << 20;

DocContext ReadContext(const Document& d) {
  DocContext ctx;
  for (const EntityInfo& e : d.entities) ctx.entities.emplace(e.id, &e);
  if (d.published && d.published->precision != DatePrecision::kYear &&
      d.published->precision != DatePrecision::kMonth) {
    ctx.published = DayOf(d.published->value);
  }
  // The document's place: of the countries its title names, the one it names
  // most; else the country it names most; else the place named most. Demonyms do not count
  // ("Russian-led troops"), nor capitals standing for a government; a city
  // does not count for its country (Moscow is most often the Kremlin).
  std::map<std::string, std::pair<int, size_t>> counts;  // id -> (weight, first position)
  uint32_t title_end = 0;
  for (const Paragraph& p : d.paragraphs) {
    if (p.kind == BlockKind::kTitle) title_end = std::max(title_end, p.end);
  }
  auto add = [&](const std::string& id, int w, size_t pos) {
    auto [c, inserted] = counts.emplace(id, std::make_pair(0, pos));
    c->second.first += w;
  };
  for (size_t i = 0; i < d.mentions.size(); ++i) {
    const Mention& m = d.mentions[i];
    if (m.entity.empty() || m.metonymy || m.type != MentionType::kLoc) continue;
    auto it = ctx.entities.find(m.entity);
    if (it == ctx.entities.end() || !IsPlaceKind(it->second)) continue;
    add(m.entity, m.end <= title_end ? kTitleWeight : 1, i);
  }
  for (bool countries_only : {true, false}) {
    int best = 0;
    size_t best_pos = 0;
    for (const auto& [id, cp] : counts) {
      if (countries_only && ctx.entities.at(id)->kind != "country") continue;
      if (cp.first > best || (cp.first == best && cp.second < best_pos)) {
        best = cp.first;
        best_pos = cp.second;
        ctx.main_place = id;
      }
    }
    if (!ctx.main_place.empty()) break;
  }
  return ctx;
}

// The end of the words that qualify a claim: up to the next number or
// punctuation, at most 80 bytes, not past the sentence.
uint32_t QualifierEnd(const Document& d, const Claim& c) {
  uint32_t limit = static_cast<uint32_t>(d.text.size());
  if (c.sentence >= 0 && static_cast<size_t>(c.sentence) < d.sentences.size()) {
    limit = d.sentences[c.sentence].end;
  }
  limit = std::min<uint32_t>(limit, c.end + 80);
  uint32_t e = c.end;
  while (e < limit) {
    const unsigned char ch = static_cast<unsigned char>(d.text[e]);
    if (std::isdigit(ch) || ch == ',' || ch == ';' || ch == ':' || ch == '.' || ch == '(' ||
        ch == ')' || ch == '\n') {
      break;
    }
    ++e;
  }
  while (e < d.text.size() && (static_cast<unsigned char>(d.text[e]) & 0xC0) == 0x80) ++e;
  return e;
}

// The start of the words before a claim that may name what it counts
// ("members of the security forces, 16 of whom"): back to the previous
// number, the second comma or the end of the clause, at most 100 bytes, not
// before the sentence.
uint32_t QualifierStart(const Document& d, const Claim& c) {
  uint32_t limit = 0;
  if (c.sentence >= 0 && static_cast<size_t>(c.sentence) < d.sentences.size()) {
    limit = d.sentences[c.sentence].start;
  }
  limit = std::max<uint32_t>(limit, c.start > 100 ? c.start - 100 : 0);
  uint32_t b = c.start;
  int commas = 0;
  while (b > limit) {
    const unsigned char ch = static_cast<unsigned char>(d.text[b - 1]);
    if (std::isdigit(ch) || ch == ';' || ch == ':' || ch == '.' || ch == '(' || ch == ')' ||
        ch == '\n' || (ch == ',' && ++commas == 2)) {
      break;
    }
    --b;
  }
  while (b < c.start && (static_cast<unsigned char>(d.text[b]) & 0xC0) == 0x80) ++b;
  return b;
}

struct ClaimRead {
  std::string subject_class;   // "" when none: the whole
  std::string subject_shown;   // the class and/or the entity the claim is about
  std::string subject_entity;  // entity id of the subject mention, or ""
  std::string place;           // entity id, "" when unknown
  std::string place_how;       // "claim", "sentence" or "document"
  std::string place_name;      // for a place known only as written ("text:..." ids)
};

ClaimRead ReadClaim(const Document& d, const Claim& c, MeasureKind kind, const DocContext& ctx,
                    const FigureRules& rules) {
  ClaimRead r;
  const uint32_t qual_end = QualifierEnd(d, c);
  std::string folded = FoldForMatch(SpanOf(d, c.start, qual_end));
  if (!c.subject.empty()) folded += " | " + FoldForMatch(SpanOf(d, c.subject.start, c.subject.end));
  auto find_cue = [&](const std::string& hay) {
    for (const FigureRules::SubjectCue& cue : rules.subjects) {
      if (cue.lang != "*" && cue.lang != d.lang) continue;
      if (std::find(cue.measures.begin(), cue.measures.end(), c.measure) == cue.measures.end()) {
        continue;
      }
      if (HasPhrase(hay, cue.phrase, cue.prefix)) return cue.subject;
    }
    return std::string();
  };
  r.subject_class = find_cue(folded);
  if (r.subject_class.empty()) {
    r.subject_class = find_cue(FoldForMatch(SpanOf(d, QualifierStart(d, c), c.start)));
  }
  // The entity the counted belong to: an organisation or demonym among the
  // claim's words, or a name in its subject phrase ("soldats de l'OTSC", "Russian troops").
  const Mention* subject_mention = nullptr;
  const uint32_t subject_from = c.subject.empty() ? c.start : std::min(c.start, c.subject.start);
  for (const Mention& m : MentionsIn(d, subject_from, qual_end)) {
    if (m.entity.empty()) continue;
    const bool in_words = m.start >= c.start && m.end <= qual_end;
    const bool in_subject =
        !c.subject.empty() && m.start >= c.subject.start && m.end <= c.subject.end;
    const bool in_place = !c.place.empty() && m.start >= c.place.start && m.end <= c.place.end;
    if (in_place) continue;
    if (in_subject || (in_words && (m.type == MentionType::kOrg || m.type == MentionType::kAdj))) {
      subject_mention = &m;
      break;
    }
  }
  const Sentence* sentence = c.sentence >= 0 && static_cast<size_t>(c.sentence) < d.sentences.size()
                                 ? &d.sentences[c.sentence]
                                 : nullptr;
  auto in_attribution = [&](const Mention& m) {
    return !c.attribution.empty() && m.start >= c.attribution.start && m.end <= c.attribution.end;
  };
  // Nothing like a comma between a mention and the claim: the same clause.
  auto same_clause = [&](const Mention& m) {
    const std::string_view between =
        m.start >= c.end ? SpanOf(d, c.end, m.start) : SpanOf(d, m.end, c.start);
    return between.find_first_of(",;:()") == std::string_view::npos;
  };
  if (!subject_mention && kind == MeasureKind::kLevel && sentence) {
    // Who sends or holds a force is named before it in its clause ("la Russie
    // a envoyé quelque 3 000 personnes", "le déploiement de l'OTSC compte 2 500
    // soldats"): the first organisation, country or demonym there.
    for (const Mention& m : MentionsIn(d, sentence->start, c.start)) {
      if (m.end > c.start) continue;
      if (m.entity.empty() || in_attribution(m) || !same_clause(m)) continue;
      auto it = ctx.entities.find(m.entity);
      const bool country = it != ctx.entities.end() && it->second->kind == "country";
      if (m.type == MentionType::kOrg || m.type == MentionType::kAdj ||
          (m.type == MentionType::kLoc && country)) {
        subject_mention = &m;
        break;
      }
    }
  }
  if (subject_mention) {
    r.subject_entity = subject_mention->entity;
    auto it = ctx.entities.find(subject_mention->entity);
    std::string name = it != ctx.entities.end() ? it->second->name : subject_mention->name;
    r.subject_shown = r.subject_class.empty() ? name : r.subject_class + " (" + name + ")";
  } else {
    r.subject_shown = r.subject_class;
  }
  // Place: a place inside the claim's place phrase; else the nearest place
  // named in its clause (not its subject, not its source); else the
  // document's main place.
  auto place_of = [&](const Mention& m) -> bool {
    if (m.entity.empty() || m.metonymy || &m == subject_mention) return false;
    if (m.type != MentionType::kLoc && m.type != MentionType::kAdj) return false;
    auto it = ctx.entities.find(m.entity);
    return it != ctx.entities.end() && IsPlaceKind(it->second);
  };
  if (!c.place.empty()) {
    for (const Mention& m : MentionsIn(d, c.place.start, c.place.end)) {
      if (m.end <= c.place.end && place_of(m)) {
        r.place = m.entity;
        r.place_how = "claim";
        return r;
      }
    }
    // A place phrase naming no known place ("près de la frontière") refers
    // back to the last country named before it, from two sentences before;
    // else the phrase itself keys the series (not the document's place).
    const uint32_t back = sentence && c.sentence >= 2 ? d.sentences[c.sentence - 2].start : 0;
    const Mention* last = nullptr;
    for (const Mention& m : MentionsIn(d, back, c.start)) {
      if (m.type == MentionType::kLoc && place_of(m) && !in_attribution(m) &&
          ctx.entities.at(m.entity)->kind == "country") {
        last = &m;
      }
    }
    if (last) {
      r.place = last->entity;
      r.place_how = "before";
      return r;
    }
    const std::string words = FoldToWords(SpanOf(d, c.place.start, c.place.end));
    if (!words.empty()) {
      r.place = "text:" + words;
      r.place_name = std::string(SpanOf(d, c.place.start, c.place.end));
      r.place_how = "claim";
      return r;
    }
  }
  if (sentence) {
    // The nearest place in the claim's clause ("103 were killed in Almaty",
    // "les troubles au Kazakhstan qui auraient tué 164 personnes"); for a
    // force, only after it: a country before it is who sends it, not where
    // ("la Russie a envoyé ...").
    int64_t best = -1;
    for (const Mention& m : MentionsIn(d, sentence->start, sentence->end)) {
      if (m.end > sentence->end) continue;
      if (m.type != MentionType::kLoc || (kind == MeasureKind::kLevel && m.start < c.end)) continue;
      if (!place_of(m) || in_attribution(m) || !same_clause(m)) continue;
      const int64_t dist = m.start >= c.end ? m.start - c.end : c.start - m.end;
      if (best < 0 || dist < best) {
        best = dist;
        r.place = m.entity;
      }
    }
    if (!r.place.empty()) {
      r.place_how = "sentence";
      return r;
    }
    // A noun of place in the clause ("à la frontière de laquelle ... 100 000
    // soldats") names the country named last before the clause.
    uint32_t clause = c.start;
    while (clause > sentence->start &&
           std::string_view(",;:()").find(d.text[clause - 1]) == std::string_view::npos) {
      --clause;
    }
    const std::string words = FoldForMatch(SpanOf(d, clause, c.start));
    bool noun = false;
    for (const FigureRules::PlaceNoun& n : rules.place_nouns) {
      if ((n.lang == "*" || n.lang == d.lang) && HasPhrase(words, n.phrase, n.prefix)) {
        noun = true;
        break;
      }
    }
    if (noun && clause > sentence->start) {
      for (const Mention& m : MentionsIn(d, sentence->start, clause)) {
        if (m.end > clause) break;
        if (m.type == MentionType::kLoc && place_of(m) && !in_attribution(m) &&
            ctx.entities.at(m.entity)->kind == "country") {
          r.place = m.entity;
        }
      }
      if (!r.place.empty()) {
        r.place_how = "before";
        return r;
      }
    }
  }
  if (!ctx.main_place.empty()) {
    r.place = ctx.main_place;
    r.place_how = "document";
  }
  return r;
}

std::string HostOf(const std::string& url) {
  size_t p = url.find("://");
  if (p == std::string::npos) return "";
  p += 3;
  size_t e = url.find('/', p);
  std::string host = url.substr(p, e == std::string::npos ? std::string::npos : e - p);
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  return host;
}

void ReadSource(const Document& d, const Claim& c, const DocContext& ctx, FigureClaim* fc) {
  if (!c.source_entity.empty()) {
    auto it = ctx.entities.find(c.source_entity);
    fc->source = it != ctx.entities.end() ? it->second->name : c.source_entity;
    fc->source_key = "e:" + c.source_entity;
    fc->source_stated = true;
    return;
  }
  // An organisation or person named in the attribution ("selon RIA").
  const TextSpan words = !c.source.empty() ? c.source : c.attribution;
  if (!words.empty()) {
    for (const Mention& m : MentionsIn(d, words.start, words.end)) {
      if (m.end > words.end || m.entity.empty()) continue;
      if (m.type != MentionType::kOrg && m.type != MentionType::kPer) continue;
      auto it = ctx.entities.find(m.entity);
      fc->source = it != ctx.entities.end() ? it->second->name : m.name;
      fc->source_key = "e:" + m.entity;
      fc->source_stated = true;
      return;
    }
    fc->source = std::string(SpanOf(d, words.start, words.end));
    fc->source_key = "t:" + FoldToWords(fc->source);
    fc->source_stated = true;
    return;
  }
  if (!d.outlet.empty()) {
    fc->source = d.outlet;
  } else if (!HostOf(d.url).empty()) {
    fc->source = HostOf(d.url);
  } else {
    std::string s = d.source.substr(0, d.source.find('#'));
    size_t slash = s.find_last_of('/');
    fc->source = slash == std::string::npos ? s : s.substr(slash + 1);
  }
  fc->source_key = "o:" + FoldToWords(fc->source);
}

void ReadInterval(const Claim& c, const FigureRules& rules, FigureClaim* fc) {
  if (c.interval) {
    fc->min = c.min;
    fc->max = c.max;
    return;
  }
  const double v = c.value;
  fc->min = fc->max = v;
  switch (c.hedge) {
    case HedgeType::kApproximate: {
      auto it = rules.tolerance.find(HedgeTypeName(c.hedge));
      const double t = it == rules.tolerance.end() ? 0 : it->second;
      fc->min = v - std::fabs(v) * t;
      fc->max = v + std::fabs(v) * t;
      break;
    }
    case HedgeType::kLowerBound:
      fc->max = kInf;
      fc->open = true;
      break;
    case HedgeType::kUpperBound:
      fc->min = std::min(0.0, v);
      break;
    default:
      break;
  }
}

bool Overlap(const FigureClaim& a, const FigureClaim& b) {
  const double eps = 1e-9 * std::max({1.0, std::fabs(a.min), std::fabs(b.min)});
  return a.min <= b.max + eps && b.min <= a.max + eps;
}

bool SameInterval(const FigureClaim& a, const FigureClaim& b) {
  return a.open == b.open && std::fabs(a.min - b.min) < 1e-9 * std::max(1.0, std::fabs(a.min)) &&
         (a.open || std::fabs(a.max - b.max) < 1e-9 * std::max(1.0, std::fabs(a.max)));
}

// The relation of claim b (later in the series' order) to claim a.
FigureRelation Relate(const FigureClaim& a, const FigureClaim& b, MeasureKind kind) {
  if ((a.source_key == b.source_key || a.group == b.group) && a.doc != b.doc &&
      SameInterval(a, b)) {
    return FigureRelation::kSameReport;
  }
  if (Overlap(a, b)) return FigureRelation::kAgrees;
  if (a.source_key == b.source_key) return FigureRelation::kRevises;
  if (kind == MeasureKind::kCumulative) {
    // A toll stated on another day, or on a day we do not know, is its
    // history; so are two tolls one article gives (it tells the story).
    if (a.date.empty() || b.date.empty() || a.date != b.date || a.doc == b.doc) {
      return FigureRelation::kRevises;
    }
  }
  return FigureRelation::kContradicts;
}

struct Built {
  FigureSeries s;
  std::string key_measure, key_subject, key_place, key_period;
  std::string place_country;  // country of the place entity when it is inside one
};

}  // namespace

std::vector<PersonAge> PersonAges(const std::vector<Document>& docs) {
  std::vector<PersonAge> out;
  for (size_t di = 0; di < docs.size(); ++di) {
    const Document& d = docs[di];
    for (size_t qi = 0; qi < d.claims.size(); ++qi) {
      const Claim& c = d.claims[qi];
      if (c.measure != "age" || c.interval) continue;
      const std::span<const Mention> earlier = MentionsIn(d, 0, c.start);
      const Mention* before = earlier.empty() ? nullptr : &earlier.back();
      if (before && before->end > c.start) continue;
      if (!before || before->type != MentionType::kPer || before->entity.empty()) continue;
      if (c.start - before->end > 24) continue;
      const std::string_view gap = SpanOf(d, before->end, c.start);
      if (gap.find_first_of(".;!?\n") != std::string_view::npos) continue;
      PersonAge a;
      a.entity = before->entity;
      a.age = c.value;
      a.doc = static_cast<uint32_t>(di);
      a.quantity = static_cast<uint32_t>(qi);
      if (d.published) a.date = DayOf(d.published->value);
      out.push_back(std::move(a));
    }
  }
  return out;
}

std::string FigureValueText(const Document& doc, const Claim& c) {
  auto fmt = [](double v) {
    char buf[64];
    if (v == std::floor(v) && std::fabs(v) < 1e15) {
      std::snprintf(buf, sizeof buf, "%.0f", v);
    } else {
      std::snprintf(buf, sizeof buf, "%.2f", v);
    }
    std::string s = buf;
    size_t dot = s.find('.');
    size_t int_end = dot == std::string::npos ? s.size() : dot;
    size_t first = s[0] == '-' ? 1 : 0;
    for (size_t i = int_end; i > first + 3; i -= 3) s.insert(i - 3, "\xE2\x80\xAF");
    return s;
  };
  if (c.number_kind == NumberKind::kVague && c.interval) {
    return "'" + std::string(SpanOf(doc, c.number_start, c.number_end)) + "'";
  }
  if (c.interval) return fmt(c.min) + "\xE2\x80\x93" + fmt(c.max);
  switch (c.hedge) {
    case HedgeType::kApproximate:
      return "\xE2\x89\x88" + fmt(c.value);
    case HedgeType::kLowerBound:
      return "\xE2\x89\xA5" + fmt(c.value);
    case HedgeType::kUpperBound:
      return "\xE2\x89\xA4" + fmt(c.value);
    default:
      return fmt(c.value);
  }
}

namespace {

void Finish(FigureSeries& s, const std::vector<Document>& docs) {
  auto& cl = s.claims;
  std::stable_sort(cl.begin(), cl.end(), [&](const FigureClaim& a, const FigureClaim& b) {
    if (a.date != b.date) return a.date < b.date;
    if (a.doc != b.doc) return a.doc < b.doc;
    return a.quantity < b.quantity;
  });
  bool revised = false;
  size_t distinct = cl.empty() ? 0 : 1;
  for (size_t j = 1; j < cl.size(); ++j) {
    const size_t from = j > kFigureWindow ? j - kFigureWindow : 0;
    int same = -1, contra = -1;
    for (size_t i = j; i-- > from;) {
      FigureRelation r = Relate(cl[i], cl[j], s.kind);
      if (r == FigureRelation::kSameReport && same < 0) same = static_cast<int>(i);
      if (r == FigureRelation::kContradicts && contra < 0) contra = static_cast<int>(i);
    }
    FigureClaim& c = cl[j];
    if (same >= 0) {
      c.relation = FigureRelation::kSameReport;
      c.relation_to = same;
      continue;
    }
    ++distinct;
    if (contra >= 0) {
      c.relation = FigureRelation::kContradicts;
      c.relation_to = contra;
      const FigureClaim& a = cl[contra];
      const Claim& qa = docs[a.doc].claims[a.quantity];
      const Claim& qb = docs[c.doc].claims[c.quantity];
      std::string why = FigureValueText(docs[a.doc], qa) + " (" + a.source +
                        (a.date.empty() ? "" : ", " + a.date) + ") and " +
                        FigureValueText(docs[c.doc], qb) + " (" + c.source +
                        (c.date.empty() ? "" : ", " + c.date) + ") do not overlap";
      if (s.kind == MeasureKind::kCumulative) why += "; same as-of date " + c.date;
      // Two orders of magnitude apart: likely not the same quantity (a part,
      // a misread noun). Said, never hidden: the conflict stays.
      const FigureClaim& low = a.max <= c.max ? a : c;
      const FigureClaim& high = a.max <= c.max ? c : a;
      if (!low.open && low.max > 0 && high.min >= kApartFactor * low.max) {
        why += "; " + FigureValueText(docs[low.doc], docs[low.doc].claims[low.quantity]) +
               " is 100 times below: it may count something else";
      }
      if (a.subject != c.subject) {
        why += "; subjects differ: " + (a.subject.empty() ? std::string("not stated") : a.subject) +
               " vs " + (c.subject.empty() ? std::string("not stated") : c.subject);
      }
      s.conflicts.push_back({static_cast<uint32_t>(contra), static_cast<uint32_t>(j), why});
      continue;
    }
    c.relation = Relate(cl[j - 1], c, s.kind);
    c.relation_to = static_cast<int>(j - 1);
    if (c.relation == FigureRelation::kSameReport) c.relation = FigureRelation::kAgrees;
    if (c.relation == FigureRelation::kRevises) revised = true;
  }
  s.status = distinct <= 1          ? SeriesStatus::kSingle
             : !s.conflicts.empty() ? SeriesStatus::kContradicted
             : revised              ? SeriesStatus::kRevised
                                    : SeriesStatus::kAgree;
  // Estimate: the credible claims (asserted, not the same report again; for a
  // toll those of its latest known date; for a level, each source's last word).
  std::vector<size_t> credible;
  bool any_asserted = false;
  for (const FigureClaim& c : cl) any_asserted |= !c.reported;
  for (size_t i = 0; i < cl.size(); ++i) {
    if (any_asserted && cl[i].reported) continue;
    credible.push_back(i);
  }
  if (s.kind == MeasureKind::kCumulative && !credible.empty()) {
    const std::string last = cl[credible.back()].date;
    std::erase_if(credible, [&](size_t i) { return cl[i].date != last; });
  } else if (s.kind == MeasureKind::kLevel) {
    std::vector<size_t> kept;
    for (size_t k = 0; k < credible.size(); ++k) {
      bool later_same = false;
      for (size_t m = k + 1; m < credible.size() && m <= k + kFigureWindow && !later_same; ++m) {
        later_same = cl[credible[m]].source_key == cl[credible[k]].source_key;
      }
      if (!later_same) kept.push_back(credible[k]);
    }
    credible = std::move(kept);
  }
  if (!credible.empty()) {
    // The overlap of the intervals; when they do not all overlap, the range
    // from the lowest stated figure to the highest (an upper bound's 0 and a
    // lower bound's infinity are not stated figures unless nothing else is).
    double lo = -kInf, hi = kInf, hull_lo = kInf, hull_hi = -kInf;
    double any_lo = kInf, any_hi = -kInf;
    for (size_t i : credible) {
      const FigureClaim& c = cl[i];
      const Claim& q = docs[c.doc].claims[c.quantity];
      lo = std::max(lo, c.min);
      hi = std::min(hi, c.max);
      any_lo = std::min(any_lo, c.min);
      any_hi = std::max(any_hi, c.max);
      if (q.hedge != HedgeType::kUpperBound) hull_lo = std::min(hull_lo, c.min);
      if (!c.open) hull_hi = std::max(hull_hi, c.max);
    }
    if (lo <= hi) {
      s.est_min = lo;
      s.est_max = hi;
    } else {
      s.est_min = std::isinf(hull_lo) ? any_lo : hull_lo;
      s.est_max = std::isinf(hull_hi) ? any_hi : hull_hi;
    }
    s.est_open = std::isinf(s.est_max);
    if (s.est_open) s.est_max = 0;
    s.latest = static_cast<int>(credible.back());
  }
}

std::string ClaimShort(const FigureSeries& s, size_t i, const std::vector<Document>& docs,
                       bool with_source) {
  const FigureClaim& c = s.claims[i];
  std::string out = FigureValueText(docs[c.doc], docs[c.doc].claims[c.quantity]);
  std::string in;
  if (with_source) in = c.source;
  if (!c.date.empty()) in += (in.empty() ? "" : ", ") + c.date;
  if (!in.empty()) out += " (" + in + ")";
  return out;
}

void Summarise(FigureSeries& s, const std::vector<Document>& docs) {
  std::string head = s.measure;
  if (s.subject != "all") head += " (" + s.subject + ")";
  if (!s.place_name.empty()) head += " in " + s.place_name;
  if (s.kind == MeasureKind::kEvent && !s.period.empty()) head += " on " + s.period;
  head += ": ";
  std::string body;
  switch (s.status) {
    case SeriesStatus::kSingle:
      body = ClaimShort(s, s.latest >= 0 ? s.latest : 0, docs, true);
      if (!s.reason.empty()) body += "; alone: " + s.reason;
      break;
    case SeriesStatus::kAgree: {
      std::map<std::string, int> sources;  // a copy's claim (same report) counts once
      for (const FigureClaim& c : s.claims) {
        if (c.relation != FigureRelation::kSameReport) ++sources[c.source_key];
      }
      body = ClaimShort(s, s.latest, docs, true) + "; " +
             (sources.size() == 1 ? std::to_string(s.claims.size()) + " claims of one source agree"
                                  : std::to_string(sources.size()) + " sources agree");
      break;
    }
    case SeriesStatus::kRevised: {
      // Steps: a claim that does not overlap the step before starts a new one,
      // shown by its first claim.
      // Bounds count by their stated figure here: "more than 200" then "more
      // than 2,000" is a step.
      auto stated = [](FigureClaim c, const Claim& q) {
        if (c.open) c.max = c.min;
        if (q.hedge == HedgeType::kUpperBound) c.min = c.max;
        return c;
      };
      // Undated claims (sorted first) have no place in the history: they are
      // listed after it, unless nothing is dated.
      size_t first_dated = 0;
      while (first_dated < s.claims.size() && s.claims[first_dated].date.empty()) ++first_dated;
      if (first_dated == s.claims.size()) first_dated = 0;
      std::vector<size_t> steps;
      for (size_t i = first_dated; i < s.claims.size(); ++i) {
        const FigureClaim& c = s.claims[i];
        if (c.relation == FigureRelation::kSameReport) continue;
        if (!steps.empty()) {
          const FigureClaim& p = s.claims[steps.back()];
          if (Overlap(stated(p, docs[p.doc].claims[p.quantity]),
                      stated(c, docs[c.doc].claims[c.quantity]))) {
            continue;
          }
        }
        steps.push_back(i);
      }
      // A step is shown by its first claim that names its source, else its first.
      for (size_t k = 0; k < steps.size(); ++k) {
        const size_t end = k + 1 < steps.size() ? steps[k + 1] : s.claims.size();
        for (size_t i = steps[k]; i < end; ++i) {
          if (s.claims[i].source_stated && s.claims[i].relation != FigureRelation::kSameReport) {
            steps[k] = i;
            break;
          }
        }
      }
      const size_t shown = steps.size() > 2 ? steps.size() - 2 : 0;
      for (size_t k = shown; k < steps.size(); ++k) {
        body += (k == shown ? "" : " \xE2\x86\x92 ") + ClaimShort(s, steps[k], docs, true);
      }
      if (shown == 1) body += "; earlier " + ClaimShort(s, steps[0], docs, false);
      if (shown > 1) {
        body += "; earlier " + ClaimShort(s, steps[0], docs, false) + " and " +
                std::to_string(shown - 1) + " more";
      }
      for (size_t i = 0; i < first_dated && i < 2; ++i) {
        body += (i == 0 ? "; undated: " : ", ") + ClaimShort(s, i, docs, true);
      }
      if (first_dated > 2) body += " and " + std::to_string(first_dated - 2) + " more";
      break;
    }
    case SeriesStatus::kContradicted: {
      const FigureConflict& f = s.conflicts.front();
      body = ClaimShort(s, f.a, docs, true) + " vs " + ClaimShort(s, f.b, docs, true);
      std::map<std::string, int> sources;  // a copy's claim (same report) counts once
      for (const FigureClaim& c : s.claims) {
        if (c.relation != FigureRelation::kSameReport) ++sources[c.source_key];
      }
      body += "; " + std::to_string(s.conflicts.size()) +
              (s.conflicts.size() == 1 ? " conflict" : " conflicts") + " among " +
              std::to_string(sources.size()) + " sources";
      std::vector<std::string> subjects;
      for (const FigureClaim& c : s.claims) {
        if (!c.subject.empty() &&
            std::find(subjects.begin(), subjects.end(), c.subject) == subjects.end()) {
          subjects.push_back(c.subject);
        }
      }
      if (subjects.size() > 1) {
        body += "; subjects differ:";
        for (size_t k = 0; k < subjects.size(); ++k) body += (k ? " vs " : " ") + subjects[k];
      }
      break;
    }
  }
  s.summary = head + body;
}

int StatusRank(SeriesStatus s) {
  switch (s) {
    case SeriesStatus::kContradicted:
      return 0;
    case SeriesStatus::kRevised:
      return 1;
    case SeriesStatus::kAgree:
      return 2;
    case SeriesStatus::kSingle:
      return 3;
  }
  return 3;
}

}  // namespace

std::vector<FigureSeries> BuildFigures(const std::vector<Document>& docs,
                                       const FigureRules& rules) {
  std::vector<Built> built;
  std::unordered_map<std::string, size_t> by_key;
  // Copy groups: a copy's claims count once with its group's first document.
  std::unordered_map<std::string, uint32_t> index_of;
  for (size_t di = 0; di < docs.size(); ++di)
    index_of.emplace(docs[di].id, static_cast<uint32_t>(di));
  auto group_of = [&](size_t di) {
    const Document& d = docs[di];
    if (!d.duplicate_of) return static_cast<uint32_t>(di);
    auto it = index_of.find(d.duplicate_of->document);
    return it == index_of.end() ? static_cast<uint32_t>(di) : it->second;
  };
  for (size_t di = 0; di < docs.size(); ++di) {
    const Document& d = docs[di];
    if (d.failed() || d.claims.empty()) continue;
    const DocContext ctx = ReadContext(d);
    for (size_t qi = 0; qi < d.claims.size(); ++qi) {
      const Claim& c = d.claims[qi];
      if (c.number_kind == NumberKind::kOrdinal) continue;
      // "several", "plusieurs" alone: a few of something, not a figure sources state.
      if (c.hedge == HedgeType::kVagueFew && c.interval && c.max < 10) continue;
      auto kind = rules.measures.find(c.measure);
      if (kind == rules.measures.end()) continue;
      FigureClaim fc;
      fc.doc = static_cast<uint32_t>(di);
      fc.quantity = static_cast<uint32_t>(qi);
      fc.group = group_of(di);
      ReadSource(d, c, ctx, &fc);
      ReadInterval(c, rules, &fc);
      fc.reported = c.reported;
      // As-of date: the date the sentence gives the figure, unless it lies
      // after publication; else the publication date.
      std::string stated = DayOf(c.time);
      if (stated.empty()) stated = WeekEnd(c.time);
      fc.date = !stated.empty() && (ctx.published.empty() || stated <= ctx.published)
                    ? stated
                    : ctx.published;
      ClaimRead cr = ReadClaim(d, c, kind->second, ctx, rules);
      fc.subject = cr.subject_shown;
      std::string reason;
      if (cr.place.empty()) {
        reason = "no place: neither the claim, its sentence nor its document names one";
      } else if (kind->second == MeasureKind::kEvent && fc.date.empty()) {
        reason =
            "no date: an event count needs its day, and neither the sentence nor the "
            "document gives one";
      }
      const std::string subject = cr.subject_class.empty() ? "all" : cr.subject_class;
      const std::string period = kind->second == MeasureKind::kEvent ? fc.date : "";
      std::string key = c.measure + '\x1f' + subject + '\x1f' + cr.place + '\x1f' + period;
      if (!reason.empty()) key = "alone\x1f" + d.id + '\x1f' + std::to_string(qi);
      auto [it, inserted] = by_key.emplace(key, built.size());
      if (inserted) {
        Built b;
        b.s.id = "fig:" + HashHex(key).substr(0, 12);
        b.s.measure = c.measure;
        b.s.kind = kind->second;
        b.s.subject = subject;
        b.s.place_entity = cr.place;
        b.s.place_name = cr.place_name;
        auto e = ctx.entities.find(cr.place);
        if (e != ctx.entities.end()) {
          b.s.place_name = e->second->name;
          if (e->second->kind != "country" && !e->second->country.empty() &&
              e->second->country != cr.place) {
            b.place_country = e->second->country;
          }
        }
        b.s.period = period;
        b.s.reason = reason;
        b.key_measure = c.measure;
        b.key_subject = subject;
        b.key_place = cr.place;
        b.key_period = period;
        built.push_back(std::move(b));
      }
      built[it->second].s.claims.push_back(std::move(fc));
    }
  }
  for (Built& b : built) {
    Finish(b.s, docs);
    if (b.s.kind != MeasureKind::kEvent && !b.s.claims.empty()) {
      const std::string& first = b.s.claims.front().date;
      const std::string& last = b.s.claims.back().date;
      if (!last.empty()) b.s.period = first.empty() || first == last ? last : first + "/" + last;
    }
  }
  // Parts: a named subject is part of the whole at the same place; a place
  // inside a country is part of that country's series.
  for (Built& b : built) {
    if (!b.s.reason.empty()) continue;
    auto whole = [&](const std::string& subject, const std::string& place) -> const Built* {
      auto it =
          by_key.find(b.key_measure + '\x1f' + subject + '\x1f' + place + '\x1f' + b.key_period);
      return it == by_key.end() || &built[it->second] == &b ? nullptr : &built[it->second];
    };
    if (b.key_subject != "all") {
      if (const Built* w = whole("all", b.key_place)) {
        b.s.part_of = w->s.id;
        b.s.part_why = "subject";
        continue;
      }
    }
    if (!b.place_country.empty()) {
      if (const Built* w = whole(b.key_subject, b.place_country)) {
        b.s.part_of = w->s.id;
        b.s.part_why = "place";
      }
    }
  }
  std::vector<FigureSeries> out;
  out.reserve(built.size());
  for (Built& b : built) {
    Summarise(b.s, docs);
    out.push_back(std::move(b.s));
  }
  std::stable_sort(out.begin(), out.end(), [](const FigureSeries& a, const FigureSeries& b) {
    if (StatusRank(a.status) != StatusRank(b.status)) {
      return StatusRank(a.status) < StatusRank(b.status);
    }
    if (a.claims.size() != b.claims.size()) return a.claims.size() > b.claims.size();
    return a.id < b.id;
  });
  return out;
}

namespace {

void WriteSeries(const FigureSeries& s, const std::vector<Document>& docs, JsonWriter* w) {
  w->BeginObject()
      .Field("id", s.id)
      .Field("measure", s.measure)
      .Field("kind", MeasureKindName(s.kind));
  w->Field("subject", s.subject);
  w->Key("place").BeginObject();
  if (s.place_entity.empty()) {
    w->Key("entity").Null().Key("name").Null();
  } else if (s.place_entity.rfind("text:", 0) == 0) {
    w->Key("entity").Null().Field("name", s.place_name);  // a place phrase no entity stands for
  } else {
    w->Field("entity", s.place_entity).Field("name", s.place_name);
  }
  w->EndObject();
  w->Key("period");
  if (s.period.empty()) {
    w->Null();
  } else {
    w->String(s.period);
  }
  w->Key("claims").BeginArray();
  for (const FigureClaim& c : s.claims) {
    const Document& d = docs[c.doc];
    const Claim& q = d.claims[c.quantity];
    w->BeginObject()
        .Field("document", d.id)
        .Field("quantity", static_cast<size_t>(c.quantity))
        .Field("source", c.source);
    w->Key("date");
    if (c.date.empty()) {
      w->Null();
    } else {
      w->String(c.date);
    }
    w->Key("interval").BeginArray().Double(c.min);
    if (c.open) {
      w->Null();
    } else {
      w->Double(c.max);
    }
    w->EndArray();
    w->Field("relation", FigureRelationName(c.relation));
    w->Key("relation_to");
    if (c.relation_to < 0) {
      w->Null();
    } else {
      w->Int(c.relation_to);
    }
    w->Field("value_text", FigureValueText(d, q))
        .Field("subject", c.subject)
        .Field("reported", c.reported)
        .EndObject();
  }
  w->EndArray();
  w->Field("status", SeriesStatusName(s.status));
  w->Key("estimate").BeginObject();
  if (s.latest < 0) {
    w->Key("min").Null().Key("max").Null().Key("latest").Null();
  } else {
    w->Field("min", s.est_min).Key("max");
    if (s.est_open) {
      w->Null();
    } else {
      w->Double(s.est_max);
    }
    const FigureClaim& l = s.claims[s.latest];
    const Claim& q = docs[l.doc].claims[l.quantity];
    w->Key("latest")
        .BeginObject()
        .Field("value", q.interval ? q.min : q.value)
        .Field("source", l.source);
    w->Key("date");
    if (l.date.empty()) {
      w->Null();
    } else {
      w->String(l.date);
    }
    w->EndObject();
  }
  w->EndObject();
  w->Key("conflicts").BeginArray();
  for (const FigureConflict& f : s.conflicts) {
    w->BeginObject()
        .Field("a", static_cast<size_t>(f.a))
        .Field("b", static_cast<size_t>(f.b))
        .Field("why", f.why)
        .EndObject();
  }
  w->EndArray();
  w->Key("part_of");
  if (s.part_of.empty()) {
    w->Null();
  } else {
    w->BeginObject().Field("id", s.part_of).Field("by", s.part_why).EndObject();
  }
  w->Key("reason");
  if (s.reason.empty()) {
    w->Null();
  } else {
    w->String(s.reason);
  }
  w->Field("summary", s.summary);
  w->EndObject();
}

}  // namespace

void AppendFiguresJson(const std::vector<FigureSeries>& series, const std::vector<Document>& docs,
                       JsonWriter* w) {
  w->Key("figures").BeginArray();
  for (const FigureSeries& s : series) WriteSeries(s, docs, w);
  w->EndArray();
}

std::string FigureSeriesJson(const FigureSeries& s, const std::vector<Document>& docs) {
  std::string out;
  JsonWriter w(&out);
  WriteSeries(s, docs, &w);
  return out;
}

}  // namespace sitrep
