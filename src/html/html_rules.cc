// @brief Loading and matching the data/html/*.tsv rules of the HTML extractor.
#include "html/html_rules.h"

#include <algorithm>
#include <cstdlib>
#include <mutex>

#include "base/data_file.h"
#include "base/text_fold.h"

namespace sitrep {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

int InternReason(HtmlRules* rules, const std::string& reason) {
  for (size_t i = 0; i < rules->reasons.size(); ++i) {
    if (rules->reasons[i] == reason) return static_cast<int>(i);
  }
  rules->reasons.push_back(reason);
  return static_cast<int>(rules->reasons.size() - 1);
}

bool IsSnakeCase(std::string_view s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

Status LoadTags(const std::string& dir, HtmlRules* rules) {
  auto file = ReadTsv(dir + "/tags.tsv", 2, 3);
  if (!file.ok()) return file.status();
  static const std::map<std::string, TagRole, std::less<>> kRoles = {
      {"inline", TagRole::kInline},       {"heading", TagRole::kHeading},
      {"paragraph", TagRole::kParagraph}, {"list_item", TagRole::kListItem},
      {"quote", TagRole::kQuote},         {"pre", TagRole::kPre},
      {"block", TagRole::kBlock},         {"break", TagRole::kBreak},
      {"drop", TagRole::kDrop},           {"ignore", TagRole::kIgnore}};
  for (const TsvRow& row : file->rows) {
    GumboTag tag = gumbo_tag_enum(Lower(row.fields[0]).c_str());
    if (tag == GUMBO_TAG_UNKNOWN)
      return file->ErrorAt(row, "unknown tag \"" + row.fields[0] + "\"");
    auto role = kRoles.find(row.fields[1]);
    if (role == kRoles.end()) return file->ErrorAt(row, "unknown role \"" + row.fields[1] + "\"");
    HtmlRules::TagRule& rule = rules->tags[tag];
    rule.role = role->second;
    bool needs_reason = rule.role == TagRole::kDrop;
    if (needs_reason != (row.fields.size() == 3)) {
      return file->ErrorAt(
          row, needs_reason ? "role drop needs a reason" : "only role drop takes a reason");
    }
    if (needs_reason) {
      if (!IsSnakeCase(row.fields[2])) return file->ErrorAt(row, "reason must be snake_case");
      rule.reason = InternReason(rules, row.fields[2]);
    }
  }
  return Status::Ok();
}

Status LoadMarkers(const std::string& dir, HtmlRules* rules) {
  auto file = ReadTsv(dir + "/markers.tsv", 4, 5);
  if (!file.ok()) return file.status();
  static const std::map<std::string, MarkerMatch, std::less<>> kMatches = {
      {"exact", MarkerMatch::kExact},
      {"word", MarkerMatch::kWord},
      {"contains", MarkerMatch::kContains},
      {"prefix", MarkerMatch::kPrefix},
      {"any", MarkerMatch::kAny}};
  static const std::map<std::string, MarkerEffect, std::less<>> kEffects = {
      {"drop", MarkerEffect::kDrop},
      {"unlikely", MarkerEffect::kUnlikely},
      {"boost", MarkerEffect::kBoost},
      {"penalty", MarkerEffect::kPenalty}};
  for (const TsvRow& row : file->rows) {
    Marker marker;
    auto match = kMatches.find(row.fields[1]);
    if (match == kMatches.end())
      return file->ErrorAt(row, "unknown match \"" + row.fields[1] + "\"");
    auto effect = kEffects.find(row.fields[3]);
    if (effect == kEffects.end())
      return file->ErrorAt(row, "unknown effect \"" + row.fields[3] + "\"");
    marker.match = match->second;
    marker.effect = effect->second;
    marker.pattern = Lower(row.fields[2]);
    if (marker.pattern.empty() && marker.match != MarkerMatch::kAny) {
      return file->ErrorAt(row, "empty pattern");
    }
    bool needs_reason =
        marker.effect == MarkerEffect::kDrop || marker.effect == MarkerEffect::kUnlikely;
    if (needs_reason != (row.fields.size() == 5)) {
      return file->ErrorAt(row, needs_reason ? "drop and unlikely need a reason"
                                             : "boost and penalty take no reason");
    }
    if (needs_reason) {
      if (!IsSnakeCase(row.fields[4])) return file->ErrorAt(row, "reason must be snake_case");
      marker.reason = InternReason(rules, row.fields[4]);
    }
    std::string attribute = Lower(row.fields[0]);
    if (attribute == "class_id") {
      rules->class_id_markers.push_back(std::move(marker));
    } else {
      rules->attribute_markers[attribute].push_back(std::move(marker));
    }
  }
  return Status::Ok();
}

Status LoadCues(const std::string& dir, HtmlRules* rules) {
  auto file = ReadTsv(dir + "/cues.tsv", 3, 3);
  if (!file.ok()) return file.status();
  for (const TsvRow& row : file->rows) {
    std::string cue = FoldForMatch(row.fields[1]);
    if (cue.empty()) return file->ErrorAt(row, "empty cue");
    if (!IsSnakeCase(row.fields[2])) return file->ErrorAt(row, "reason must be snake_case");
    int reason = InternReason(rules, row.fields[2]);
    if (row.fields[0] == "exact") {
      rules->exact_cues[cue] = reason;
    } else if (row.fields[0] == "prefix") {
      rules->prefix_cues.emplace_back(cue, reason);
    } else {
      return file->ErrorAt(row, "unknown match \"" + row.fields[0] + "\" (exact or prefix)");
    }
    rules->longest_cue = std::max(rules->longest_cue, cue.size());
  }
  return Status::Ok();
}

Status LoadTitleSeparators(const std::string& dir, HtmlRules* rules) {
  auto file = ReadTsv(dir + "/title_separators.tsv", 1, 1);
  if (!file.ok()) return file.status();
  for (const TsvRow& row : file->rows) {
    std::string sep;
    const std::string& raw = row.fields[0];
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '\\' && i + 1 < raw.size() && raw[i + 1] == 's') {
        sep.push_back(' ');
        ++i;
      } else {
        sep.push_back(raw[i]);
      }
    }
    if (sep.empty() || sep.find_first_not_of(' ') == std::string::npos) {
      return file->ErrorAt(row, "separator must contain a non-space character");
    }
    rules->title_separators.push_back(sep);
  }
  return Status::Ok();
}

Status LoadDateSources(const std::string& dir, HtmlRules* rules) {
  auto file = ReadTsv(dir + "/date_sources.tsv", 3, 3);
  if (!file.ok()) return file.status();
  for (const TsvRow& row : file->rows) {
    const std::string& kind = row.fields[0];
    if (kind != "meta" && kind != "itemprop" && kind != "jsonld" && kind != "time") {
      return file->ErrorAt(row, "unknown kind \"" + kind + "\"");
    }
    char* end = nullptr;
    long priority = std::strtol(row.fields[2].c_str(), &end, 10);
    if (row.fields[2].empty() || *end != '\0' || priority < 0 || priority > 1000) {
      return file->ErrorAt(row, "priority must be an integer in 0..1000");
    }
    // JSON keys are case-sensitive; markup names are not.
    std::string key = kind == "jsonld" ? row.fields[1] : Lower(row.fields[1]);
    rules->date_sources[kind + ":" + key] = static_cast<int>(priority);
  }
  return Status::Ok();
}

Result<std::shared_ptr<const HtmlRules>> LoadFrom(const std::string& dir) {
  auto rules = std::make_shared<HtmlRules>();
  SITREP_RETURN_IF_ERROR(LoadTags(dir, rules.get()));
  SITREP_RETURN_IF_ERROR(LoadMarkers(dir, rules.get()));
  SITREP_RETURN_IF_ERROR(LoadCues(dir, rules.get()));
  SITREP_RETURN_IF_ERROR(LoadTitleSeparators(dir, rules.get()));
  SITREP_RETURN_IF_ERROR(LoadDateSources(dir, rules.get()));
  return std::shared_ptr<const HtmlRules>(std::move(rules));
}

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

// One token (a class name or the id), already lower-cased.
void MatchToken(const std::vector<Marker>& markers, std::string_view token, MarkerVerdict* v) {
  for (const Marker& m : markers) {
    bool hit = false;
    switch (m.match) {
      case MarkerMatch::kAny:
        hit = true;
        break;
      case MarkerMatch::kExact:
        hit = token == m.pattern;
        break;
      case MarkerMatch::kContains:
        hit = token.find(m.pattern) != std::string_view::npos;
        break;
      case MarkerMatch::kPrefix:
        hit = token.substr(0, m.pattern.size()) == m.pattern;
        break;
      case MarkerMatch::kWord: {
        size_t pos = 0;
        while (!hit && (pos = token.find(m.pattern, pos)) != std::string_view::npos) {
          size_t end = pos + m.pattern.size();
          hit = (pos == 0 || !IsWordChar(token[pos - 1])) &&
                (end == token.size() || !IsWordChar(token[end]));
          ++pos;
        }
        break;
      }
    }
    if (!hit) continue;
    switch (m.effect) {
      case MarkerEffect::kDrop:
        if (v->drop_reason < 0) v->drop_reason = m.reason;
        break;
      case MarkerEffect::kUnlikely:
        if (v->unlikely_reason < 0) v->unlikely_reason = m.reason;
        break;
      case MarkerEffect::kBoost:
        v->boost = true;
        break;
      case MarkerEffect::kPenalty:
        v->penalty = true;
        break;
    }
  }
}

}  // namespace

MarkerVerdict HtmlRules::MatchClassId(std::string_view class_attr, std::string_view id) const {
  MarkerVerdict verdict;
  std::string lower = Lower(class_attr);
  size_t pos = 0;
  while (pos < lower.size()) {
    size_t end = lower.find_first_of(" \t\n\r\f", pos);
    if (end == std::string::npos) end = lower.size();
    if (end > pos)
      MatchToken(class_id_markers, std::string_view(lower).substr(pos, end - pos), &verdict);
    pos = end + 1;
  }
  if (!id.empty()) MatchToken(class_id_markers, Lower(id), &verdict);
  return verdict;
}

void HtmlRules::MatchAttribute(std::string_view name, std::string_view value,
                               MarkerVerdict* verdict) const {
  auto it = attribute_markers.find(std::string(name));
  if (it == attribute_markers.end()) return;
  std::string lower = Lower(value);
  // Attribute values are matched whole, except that whitespace is squeezed out
  // of style declarations by the data (both spellings are listed).
  MatchToken(it->second, lower, verdict);
}

int HtmlRules::MatchCue(std::string_view folded) const {
  if (folded.size() > 2000) return -1;  // cues only judge short blocks
  auto exact = exact_cues.find(std::string(folded));
  if (exact != exact_cues.end()) return exact->second;
  for (const auto& [cue, reason] : prefix_cues) {
    if (folded.substr(0, cue.size()) == cue) return reason;
  }
  return -1;
}

Result<std::shared_ptr<const HtmlRules>> LoadHtmlRules(const Options& options) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const HtmlRules>> cache;
  std::string dir = DataDir(options) + "/html";
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(dir);
  if (it != cache.end()) return it->second;
  auto rules = LoadFrom(dir);
  if (!rules.ok()) return rules.status();
  cache[dir] = rules.value();
  return rules.value();
}

}  // namespace sitrep
