// @brief Title, language and date candidates from the markup the walk collected.
#include "html/html_metadata.h"

#include <algorithm>
#include <unordered_set>

#include "base/json.h"
#include "base/text_fold.h"

namespace sitrep {
namespace {

// Splits a <title> on the first separator that occurs in it.
std::vector<std::string> SplitTitle(const std::string& title, const HtmlRules& rules) {
  for (const std::string& sep : rules.title_separators) {
    if (title.find(sep) == std::string::npos) continue;
    std::vector<std::string> parts;
    size_t pos = 0;
    while (true) {
      size_t next = title.find(sep, pos);
      std::string part = title.substr(pos, next == std::string::npos ? next : next - pos);
      if (!part.empty()) parts.push_back(part);
      if (next == std::string::npos) break;
      pos = next + sep.size();
    }
    return parts;
  }
  return {title};
}

std::string StripSiteName(const std::string& title, const std::string& site_name,
                          const HtmlRules& rules) {
  std::vector<std::string> parts = SplitTitle(title, rules);
  if (parts.size() < 2) return title;
  std::string folded_site = FoldForMatch(site_name);
  std::vector<std::string> kept;
  for (const std::string& part : parts) {
    if (folded_site.empty() || FoldForMatch(part) != folded_site) kept.push_back(part);
  }
  if (kept.size() == 1) return kept[0];
  // No site name to recognise: the longest part is the article's.
  const std::string* best = &parts[0];
  for (const std::string& part : parts) {
    if (part.size() > best->size()) best = &part;
  }
  return *best;
}

std::string PrimarySubtag(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_' || c == ' ' || c == ',' || c == ';') break;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c < 'a' || c > 'z') return "";
    out.push_back(c);
  }
  return out.size() >= 2 && out.size() <= 3 ? out : "";
}

}  // namespace

std::string ChooseTitle(const PageMeta& meta, const HtmlRules& rules) {
  std::string folded_title = FoldForMatch(meta.title_tag);
  std::string folded_og = FoldForMatch(meta.og_title);
  for (const std::string& h1 : meta.h1s) {
    std::string folded = FoldForMatch(h1);
    if (folded.size() < 4) continue;
    if (folded_title.find(folded) != std::string::npos ||
        folded_og.find(folded) != std::string::npos) {
      return h1;
    }
  }
  const std::string& site = !meta.site_name.empty() ? meta.site_name : meta.app_name;
  if (!meta.og_title.empty()) return StripSiteName(meta.og_title, site, rules);
  if (!meta.title_tag.empty()) return StripSiteName(meta.title_tag, site, rules);
  return meta.h1s.empty() ? "" : meta.h1s.front();
}

std::string ChooseSiteName(const PageMeta& meta, const HtmlRules& rules) {
  for (const std::string* name : {&meta.site_name, &meta.publisher, &meta.app_name}) {
    if (!name->empty()) return *name;
  }
  std::vector<std::string> parts = SplitTitle(meta.title_tag, rules);
  if (parts.size() < 2) return "";
  // The article's title as another tag confirms it: og:title or an <h1>.
  auto is_title = [&](const std::string& part) {
    std::string folded = FoldForMatch(part);
    if (folded.empty()) return false;
    if (folded == FoldForMatch(meta.og_title)) return true;
    for (const std::string& h1 : meta.h1s) {
      if (folded == FoldForMatch(h1)) return true;
    }
    return false;
  };
  const std::string* name = is_title(parts.front())  ? &parts.back()
                            : is_title(parts.back()) ? &parts.front()
                                                     : nullptr;
  if (name == nullptr) return "";
  size_t words = 0;
  bool in_word = false;
  for (char c : *name) {
    bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words >= 1 && words <= 6 ? *name : "";
}

std::string ChooseLang(const PageMeta& meta) {
  for (const std::string* tag : {&meta.html_lang, &meta.content_lang, &meta.og_locale}) {
    std::string lang = PrimarySubtag(*tag);
    if (!lang.empty()) return lang;
  }
  return "";
}

namespace {

// The name of a JSON-LD "publisher" value (an object's "name", or a string), or "".
std::string PublisherName(const JsonValue& member) {
  const JsonValue* p = &member;
  if (p->is_array() && !p->items().empty()) p = &p->items().front();
  if (p->is_string()) return p->str();
  if (p->is_object()) {
    for (const auto& [k, v] : p->members()) {
      if (k == "name" && v.is_string()) return v.str();
    }
  }
  return "";
}

}  // namespace

void ReadJsonLd(std::string_view json, const HtmlRules& rules,
                std::vector<HtmlDateCandidate>* dates, std::string* publisher) {
  auto parsed = ParseJson(json, 64);
  if (!parsed.ok()) return;
  std::vector<const JsonValue*> stack = {&parsed.value()};
  while (!stack.empty()) {
    const JsonValue* value = stack.back();
    stack.pop_back();
    if (value->is_array()) {
      for (auto it = value->items().rbegin(); it != value->items().rend(); ++it)
        stack.push_back(&*it);
      continue;
    }
    if (!value->is_object()) continue;
    // Members are pushed in reverse so that they are visited in order.
    for (auto it = value->members().rbegin(); it != value->members().rend(); ++it) {
      const auto& [key, member] = *it;
      if (key == "publisher" && publisher->empty()) *publisher = PublisherName(member);
      if (member.is_string()) {
        auto source = rules.date_sources.find("jsonld:" + key);
        if (source != rules.date_sources.end() && !member.str().empty()) {
          dates->push_back({member.str(), "json-ld " + key, source->second});
        }
      } else {
        stack.push_back(&member);
      }
    }
  }
}

std::vector<HtmlDateCandidate> RankDates(std::vector<HtmlDateCandidate> dates) {
  std::stable_sort(dates.begin(), dates.end(),
                   [](const HtmlDateCandidate& a, const HtmlDateCandidate& b) {
                     return a.priority > b.priority;
                   });
  std::vector<HtmlDateCandidate> out;
  std::unordered_set<std::string> seen;
  for (HtmlDateCandidate& date : dates) {
    if (seen.insert(date.value).second) out.push_back(std::move(date));
  }
  return out;
}

}  // namespace sitrep
