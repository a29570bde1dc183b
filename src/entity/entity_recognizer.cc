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
#include "base/utf8.h"

namespace sitrep {

const char* MentionTypeName(MentionType t) {
  switch (t) {
    case MentionType::kPer: return "PER";
    case MentionType::kOrg: return "ORG";
    case MentionType::kLoc: return "LOC";
    case MentionType::kAdj: return "ADJ";
  }
  return "LOC";
}

namespace {

constexpr size_t kMaxNameTokens = 10;

struct Token {
  uint32_t start, end;
  std::string key;
  bool upper_initial = false;  // first letter is a capital
  bool all_caps = false;       // no lower-case letter, at least one letter
  bool sentence_start = false;
};

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  size_t pos = 0;
  bool boundary = true;  // a sentence may start at the next token
  while (pos < text.size()) {
    size_t at = pos;
    char32_t c = NextCodePoint(text, &pos);
    if (!u_isalnum(static_cast<UChar32>(c))) {
      if (c == '.' || c == '!' || c == '?' || c == '\n' || c == 0xAB || c == '"' || c == ':' ||
          c == 0x201C || c == '(') {
        boundary = true;
      }
      continue;
    }
    Token t;
    t.start = static_cast<uint32_t>(at);
    t.upper_initial = u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
    bool lower = u_islower(static_cast<UChar32>(c));
    bool letter = u_isalpha(static_cast<UChar32>(c));
    size_t end = pos;
    while (end < text.size()) {
      size_t next = end;
      char32_t d = NextCodePoint(text, &next);
      if (!u_isalnum(static_cast<UChar32>(d)) && !(u_getCombiningClass(static_cast<UChar32>(d)) > 0)) break;
      lower |= u_islower(static_cast<UChar32>(d));
      letter |= u_isalpha(static_cast<UChar32>(d));
      end = next;
    }
    t.end = static_cast<uint32_t>(end);
    t.all_caps = letter && !lower;
    t.key = MatchKey(text.substr(t.start, t.end - t.start));
    t.sentence_start = boundary;
    boundary = false;
    pos = end;
    out.push_back(std::move(t));
  }
  return out;
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

bool HasLowerFirst(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = NextCodePoint(s, &pos);
    if (u_isalpha(static_cast<UChar32>(c))) return u_islower(static_cast<UChar32>(c));
  }
  return false;
}

}  // namespace

Result<std::unique_ptr<EntityRecognizer>> EntityRecognizer::Create(const KnowledgeBase* kb,
                                                                   const Options& options) {
  std::unique_ptr<EntityRecognizer> r(new EntityRecognizer());
  r->kb_ = kb;
  for (const std::string& lang : DataLanguages(options)) {
    LangCues& cues = r->cues_[lang];
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
        if (kind == "reporting") cues.reporting.insert(key);
        else if (kind == "org_head") cues.org_heads.insert(key);
        else if (kind == "name_link") cues.name_links.insert(key);
        else if (kind == "metonymy_before") cues.metonymy_before.insert(key);
        else if (kind == "stop") cues.stop.insert(key);
        else return tsv->ErrorAt(row, "unknown cue kind \"" + kind +
                                          "\" (reporting, org_head, name_link, metonymy_before, stop)");
      }
    }
  }
  return r;
}

const EntityRecognizer::LangCues& EntityRecognizer::Cues(std::string_view lang) const {
  auto it = cues_.find(lang);
  return it == cues_.end() ? empty_ : it->second;
}

std::vector<Mention> EntityRecognizer::Recognize(std::string_view text, std::string_view lang) const {
  const std::vector<Token> toks = Tokenize(text);
  const LangCues& cues = Cues(lang);
  const int doc_lang = KbLangIndex(lang);
  std::vector<Mention> out;
  std::vector<int> covered(toks.size(), -1);  // mention index per token

  auto is_first_name = [this](const std::string& key) {
    for (const KbAlias& a : kb_->Find(key)) {
      if (kb_->entities()[a.entity].id == "@first_names") return true;
    }
    return false;
  };

  // Pass 1: gazetteer, longest match first.
  for (size_t i = 0; i < toks.size();) {
    bool matched = false;
    size_t max_n = 1;
    while (max_n < kMaxNameTokens && i + max_n < toks.size() &&
           Joinable(text, toks[i + max_n - 1], toks[i + max_n])) {
      ++max_n;
    }
    for (size_t n = max_n; n >= 1 && !matched; --n) {
      std::string key = toks[i].key;
      for (size_t k = 1; k < n; ++k) key += " " + toks[i + k].key;
      const std::string_view surface = text.substr(toks[i].start, toks[i + n - 1].end - toks[i].start);
      bool surface_caps = true;
      for (size_t k = 0; k < n; ++k) surface_caps &= toks[i + k].all_caps || !toks[i + k].upper_initial;
      bool all_caps = true;
      for (size_t k = 0; k < n; ++k) all_caps &= toks[i + k].all_caps;
      const KbAlias* best = nullptr;
      long best_score = -1;
      for (const KbAlias& a : kb_->Find(key)) {
        const KbEntity& e = kb_->entities()[a.entity];
        if (!e.id.empty() && e.id[0] == '@') continue;
        if ((a.flags & kAliasAcronym) && !all_caps) continue;
        bool adjective = a.flags & kAliasAdjective;
        if (adjective) {
          if (a.lang != doc_lang && a.lang != 0) continue;
        } else {
          if (!toks[i].upper_initial && !HasLowerFirst(a.text) && !std::isdigit(static_cast<unsigned char>(surface[0]))) continue;
          if (!toks[i].upper_initial && a.lang != doc_lang) continue;
          if (n == 1 && (a.flags & kAliasCommonWord) && toks[i].sentence_start) continue;
          if (n == 1 && CountCodePoints(surface) < 3 && !(a.flags & kAliasAcronym)) continue;
          if (n == 1 && toks[i].sentence_start && cues.stop.count(key)) continue;
          if (all_caps && n == 1 && !(a.flags & kAliasAcronym) && CountCodePoints(surface) <= 4) continue;
        }
        long score = (a.lang == doc_lang ? 3L : a.lang == 0 ? 2L : 1L) << 40;
        score += e.prior;
        if (score > best_score) {
          best_score = score;
          best = &a;
        }
      }
      (void)surface_caps;
      if (!best) continue;
      Mention m;
      m.start = toks[i].start;
      m.end = toks[i + n - 1].end;
      const KbEntity& e = kb_->entities()[best->entity];
      m.kb_entity = best->entity;
      m.type = (best->flags & kAliasAdjective) ? MentionType::kAdj
               : e.type == EntityType::kPer   ? MentionType::kPer
               : e.type == EntityType::kOrg   ? MentionType::kOrg
                                              : MentionType::kLoc;
      m.partial = best->flags & kAliasPartial;
      m.metonymy = e.kind == EntityKind::kGovernment;
      m.source = "kb";
      // "V. Poutine": a capital initial before a known surname joins the mention.
      if (m.partial && i >= 1 && CountCodePoints(text.substr(toks[i - 1].start, toks[i - 1].end - toks[i - 1].start)) == 1 &&
          toks[i - 1].upper_initial && text.substr(toks[i - 1].end, 1) == "." && covered[i - 1] < 0) {
        m.start = toks[i - 1].start;
        covered[i - 1] = static_cast<int>(out.size());
      }
      for (size_t k = 0; k < n; ++k) covered[i + k] = static_cast<int>(out.size());
      out.push_back(std::move(m));
      i += n;
      matched = true;
    }
    if (!matched) ++i;
  }

  // Pass 2: unknown names from cues.
  auto title_before = [&](size_t i, std::string* role, uint32_t* start) -> bool {
    // The title may be followed by an adjective mention ("président kazakh").
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
  };
  for (size_t i = 0; i < toks.size(); ++i) {
    if (covered[i] >= 0 || !toks[i].upper_initial || toks[i].all_caps) continue;
    if (cues.stop.count(toks[i].key) || cues.titles.count(toks[i].key)) continue;
    size_t n = 1;
    while (i + n < toks.size() && n < 4 && covered[i + n] < 0 && toks[i + n].upper_initial &&
           !toks[i + n].all_caps && Joinable(text, toks[i + n - 1], toks[i + n]) &&
           text.substr(toks[i + n - 1].end, 1) != ".") {
      ++n;
    }
    std::string role;
    uint32_t title_start = 0;
    bool titled = title_before(i, &role, &title_start);
    bool first_name = n >= 2 && is_first_name(toks[i].key);
    bool reported = n >= 2 && ((i > 0 && cues.reporting.count(toks[i - 1].key)) ||
                               (i + n < toks.size() && cues.reporting.count(toks[i + n].key)));
    bool org = n >= 2 && cues.org_heads.count(toks[i].key);
    if (!(titled && (n >= 2 || !toks[i].sentence_start)) && !first_name && !reported && !org) {
      i += n - 1;
      continue;
    }
    Mention m;
    m.start = toks[i].start;
    m.end = toks[i + n - 1].end;
    m.type = org ? MentionType::kOrg : MentionType::kPer;
    m.source = org ? "org_head" : titled ? "title" : first_name ? "first_name" : "reporting";
    for (size_t k = 0; k < n; ++k) covered[i + k] = static_cast<int>(out.size());
    out.push_back(std::move(m));
    i += n - 1;
  }
  std::sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) { return a.start < b.start; });
  // Rebuild the token -> mention map after sorting.
  std::fill(covered.begin(), covered.end(), -1);
  for (size_t m = 0, t = 0; m < out.size(); ++m) {
    while (t < toks.size() && toks[t].start < out[m].start) ++t;
    for (size_t k = t; k < toks.size() && toks[k].end <= out[m].end; ++k) covered[k] = static_cast<int>(m);
  }

  // Pass 3: roles from titles before a person, metonymy of capitals.
  for (size_t t = 0; t < toks.size(); ++t) {
    int mi = covered[t];
    if (mi < 0 || toks[t].start != out[mi].start) continue;
    Mention& m = out[mi];
    if (m.type == MentionType::kPer) {
      std::string role;
      uint32_t start = 0;
      if (title_before(t, &role, &start)) {
        m.role = role;
        m.role_text = std::string(text.substr(start, m.start - start));
        while (!m.role_text.empty() && (m.role_text.back() == ' ' || static_cast<unsigned char>(m.role_text.back()) == 0xA0 || m.role_text.back() == '\xC2')) m.role_text.pop_back();
      }
    } else if (m.type == MentionType::kLoc && m.kb_entity >= 0 && kb_->entities()[m.kb_entity].capital) {
      for (size_t n = 1; n <= 2 && n <= t; ++n) {
        std::string key = toks[t - n].key;
        for (size_t k = 1; k < n; ++k) key += " " + toks[t - n + k].key;
        if (cues.metonymy_before.count(key)) m.metonymy = true;
      }
      if (t + 1 < toks.size() && cues.reporting.count(toks[t + 1].key)) m.metonymy = true;
    }
  }
  return out;
}

}  // namespace sitrep
