// @brief Features of a document for story clustering (story_features.h).
#include "story/story_features.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "base/civil_date.h"
#include "base/utf8.h"
#include "doc/text_tokens.h"

namespace sitrep {

StoryGroup GroupOfFeature(std::string_view key) {
  switch (key.empty() ? 'e' : key[0]) {
    case 'p':
    case 'c':
      return StoryGroup::kWhere;
    case 't':
      return StoryGroup::kWhat;
    case 'm':
      return StoryGroup::kMeasure;
    default:
      return StoryGroup::kWho;
  }
}

int64_t StoryDayOfIso(std::string_view v) {
  auto digits = [&](size_t at, size_t n, int* out) {
    if (v.size() < at + n) return false;
    int x = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (v[i] < '0' || v[i] > '9') return false;
      x = x * 10 + (v[i] - '0');
    }
    *out = x;
    return true;
  };
  int y = 0, m = 0, d = 15;
  if (!digits(0, 4, &y) || v.size() < 7 || v[4] != '-' || !digits(5, 2, &m)) return kNoStoryDay;
  if (m < 1 || m > 12) return kNoStoryDay;
  if (v.size() >= 10 && v[7] == '-' && !digits(8, 2, &d)) return kNoStoryDay;
  if (d < 1 || d > 31) return kNoStoryDay;
  return DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

int64_t DocumentStoryDay(const Document& doc) {
  if (doc.published && doc.published->precision != DatePrecision::kYear) {
    int64_t day = StoryDayOfIso(doc.published->value);
    if (day != kNoStoryDay) return day;
  }
  std::map<int64_t, int> counts;
  for (const TimeExpr& t : doc.times) {
    if (t.type != TimeType::kDate || t.unresolved || t.anchor != AnchorKind::kAbsolute) continue;
    if (t.value.size() != 10) continue;  // a whole day only
    int64_t day = StoryDayOfIso(t.value);
    if (day != kNoStoryDay) ++counts[day];
  }
  int64_t best = kNoStoryDay;
  int best_count = 0;
  for (const auto& [day, n] : counts) {
    if (n >= best_count) best = day, best_count = n;  // ascending days: the latest among equals
  }
  return best;
}

std::vector<std::pair<std::string, std::string>> TitleLeadTerms(const Document& doc) {
  std::vector<std::pair<std::string, std::string>> out;
  size_t words = 0;
  auto read = [&](std::string_view text, const std::string& lang) {
    TokenStream s = TokenizeText(text);
    for (const TextToken& t : s.tokens) {
      if (t.cls != TokenClass::kLetters) continue;
      if (words++ >= kStoryLeadWords) return;
      std::string_view f = s.Folded(t);
      if (CountCodePoints(f) < kStoryMinTermLength) continue;
      out.emplace_back(lang, std::string(f));
    }
  };
  if (doc.paragraphs.empty()) {
    read(doc.title, doc.lang);
    read(std::string_view(doc.text).substr(0, 4096), doc.lang);
    return out;
  }
  for (const Paragraph& p : doc.paragraphs) {
    if (words >= kStoryLeadWords || p.end > doc.text.size() || p.start > p.end) break;
    read(std::string_view(doc.text).substr(p.start, p.end - p.start),
         p.lang.empty() || p.lang == "und" ? doc.lang : p.lang);
  }
  return out;
}

StoryFeatures DocumentStoryFeatures(const Document& doc) {
  StoryFeatures f;
  if (doc.failed()) return f;
  f.day = DocumentStoryDay(doc);
  std::map<std::string, int> counts;
  std::map<std::string, std::string> country;
  for (const EntityInfo& e : doc.entities) {
    if (!e.country.empty()) country[e.id] = e.country;
  }
  for (const Mention& m : doc.mentions) {
    if (m.entity.empty()) continue;
    const bool place = m.type == MentionType::kLoc || m.type == MentionType::kAdj;
    ++counts[(place ? "p:" : "e:") + m.entity];
    if (auto c = country.find(m.entity); c != country.end()) ++counts["c:" + c->second];
  }
  for (const auto& [lang, term] : TitleLeadTerms(doc)) ++counts["t:" + lang + ":" + term];
  for (const Claim& c : doc.claims) {
    if (!c.measure.empty() && c.measure != "other") ++counts["m:" + c.measure];
  }
  double norm[kStoryGroups] = {0, 0, 0, 0};
  f.items.reserve(counts.size());
  for (const auto& [key, n] : counts) {
    double w = 1 + std::log(static_cast<double>(n));
    f.items.emplace_back(key, w);
    norm[static_cast<int>(GroupOfFeature(key))] += w * w;
  }
  for (auto& [key, w] : f.items) w /= std::sqrt(norm[static_cast<int>(GroupOfFeature(key))]);
  return f;  // std::map iteration: sorted by key
}

}  // namespace sitrep
