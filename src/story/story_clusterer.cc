// @brief Streaming story clustering (story_clusterer.h).
#include "story/story_clusterer.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

namespace sitrep {

StoryClusterer::StoryClusterer(StoryOptions options, StoryState state)
    : options_(options), state_(std::move(state)) {
  for (size_t i = 0; i < state_.stories.size(); ++i) {
    ids_.insert(state_.stories[i].id);
    for (const auto& [key, w] : state_.stories[i].weights) index_[key].push_back(i);
  }
}

double StoryClusterer::Idf(const std::string& key) const {
  auto it = state_.df.find(key);
  const double df = it == state_.df.end() ? 0 : static_cast<double>(it->second);
  return std::log((static_cast<double>(state_.documents) + 1) / (df + 1)) + 1;
}

double StoryClusterer::Decay(int64_t day, const StoryCentroid& s) const {
  if (day == kNoStoryDay || s.first_day == kNoStoryDay) return options_.undated_decay;
  int64_t gap = day < s.first_day ? s.first_day - day : day > s.last_day ? day - s.last_day : 0;
  return std::pow(0.5, static_cast<double>(gap) / options_.half_life_days);
}

double StoryClusterer::Similarity(const StoryFeatures& f, size_t index) const {
  const StoryCentroid& s = state_.stories[index];
  double dot[kStoryGroups] = {}, dn[kStoryGroups] = {}, sn[kStoryGroups] = {};
  bool has[kStoryGroups] = {};
  std::set<std::string_view> doc_langs, story_langs;  // of the terms ("t:<lang>:...")
  auto lang_of = [](std::string_view key) {
    return key.substr(2, key.find(':', 2) == std::string_view::npos ? 0 : key.find(':', 2) - 2);
  };
  for (const auto& [key, w] : f.items) {
    const StoryGroup g = GroupOfFeature(key);
    const double idf = Idf(key);
    has[static_cast<int>(g)] = true;
    dn[static_cast<int>(g)] += w * idf * w * idf;
    if (g == StoryGroup::kWhat) doc_langs.insert(lang_of(key));
    if (auto it = s.weights.find(key); it != s.weights.end())
      dot[static_cast<int>(g)] += w * it->second * idf * idf;
  }
  for (const auto& [key, w] : s.weights) {
    const StoryGroup g = GroupOfFeature(key);
    const double idf = Idf(key);
    sn[static_cast<int>(g)] += w * idf * w * idf;
    if (g == StoryGroup::kWhat) story_langs.insert(lang_of(key));
  }
  // Terms can only be shared in a language the story has: a document in a
  // language new to the story is compared on the other groups alone.
  bool shared_lang = false;
  for (std::string_view l : doc_langs) shared_lang = shared_lang || story_langs.count(l) > 0;
  if (!shared_lang) has[static_cast<int>(StoryGroup::kWhat)] = false;
  double sum = 0, weights = 0;
  for (int g = 0; g < kStoryGroups; ++g) {
    if (!has[g]) continue;
    weights += options_.weights[g];
    if (dot[g] > 0) sum += options_.weights[g] * dot[g] / std::sqrt(dn[g] * sn[g]);
  }
  if (weights <= 0) return 0;
  return Decay(f.day, s) * sum / weights;
}

StoryAssignment StoryClusterer::Add(const std::string& doc_id, const StoryFeatures& f) {
  ++state_.documents;
  for (const auto& [key, w] : f.items) {
    ++state_.df[key];
    changed_df_.insert(key);
  }
  // Candidates: the stories sharing a feature with the document, through
  // the keys not too common to tell stories apart.
  std::vector<size_t> candidates;
  for (const auto& [key, w] : f.items) {
    if (state_.df[key] > options_.candidate_max_df) continue;
    if (auto it = index_.find(key); it != index_.end())
      candidates.insert(candidates.end(), it->second.begin(), it->second.end());
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  StoryAssignment out;
  size_t best = SIZE_MAX;
  for (size_t i : candidates) {
    // The similarity is at most the decay: a story too far in time is skipped.
    if (Decay(f.day, state_.stories[i]) < options_.threshold) continue;
    const double sim = Similarity(f, i);
    if (sim >= options_.threshold && (best == SIZE_MAX || sim > out.similarity)) {
      best = i;
      out.similarity = sim;
    }
  }
  if (best == SIZE_MAX) {
    StoryCentroid s;
    s.id = "s" + doc_id;
    for (int n = 2; ids_.count(s.id); ++n) s.id = "s" + doc_id + "-" + std::to_string(n);
    s.seq = static_cast<int64_t>(state_.stories.size()) + 1;
    ids_.insert(s.id);
    state_.stories.push_back(std::move(s));
    best = state_.stories.size() - 1;
    out.started = true;
    out.similarity = 0;
  }
  StoryCentroid& s = state_.stories[best];
  for (const auto& [key, w] : f.items) {
    auto [it, inserted] = s.weights.emplace(key, 0.0);
    it->second += w;
    if (inserted) index_[key].push_back(best);
  }
  if (f.day != kNoStoryDay) {
    if (s.first_day == kNoStoryDay || f.day < s.first_day) s.first_day = f.day;
    if (s.last_day == kNoStoryDay || f.day > s.last_day) s.last_day = f.day;
  }
  ++s.documents;
  changed_stories_.insert(best);
  out.story = s.id;
  return out;
}

std::vector<size_t> StoryOrder(const std::vector<int64_t>& days,
                               const std::vector<std::string>& ids) {
  std::vector<size_t> order(days.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const bool ua = days[a] == kNoStoryDay, ub = days[b] == kNoStoryDay;
    if (ua != ub) return ub;
    if (days[a] != days[b]) return days[a] < days[b];
    if (ids[a] != ids[b]) return ids[a] < ids[b];
    return a < b;
  });
  return order;
}

}  // namespace sitrep
