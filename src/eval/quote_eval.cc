// @brief Quote scoring on the seed gold (rules in docs/EVAL.md, "quotes").
#include "eval/quote_eval.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/file_io.h"
#include "base/json.h"
#include "base/utf8.h"

namespace sitrep {
namespace {

Result<JsonValue> ReadGold(const std::string& path) {
  Result<std::string> raw = ReadFileLimited(path, 64u << 20);
  if (!raw.ok()) return raw.status();
  Result<JsonValue> v = ParseJson(*raw);
  if (!v.ok()) return v.status().WithContext(path);
  return v;
}

bool IsSpeech(const std::string& type) {
  return type == "direct_speech" || type == "partial_quote";
}

// Scare quotes, epithets, quoted names and headlines: every kind of the gold
// that is no speech.
bool IsTerm(const std::string& type) {
  return type.rfind("term", 0) == 0 || type.rfind("epithet", 0) == 0 ||
         type.rfind("name", 0) == 0 || type.rfind("headline", 0) == 0;
}

struct Span {
  int64_t start = -1, end = -1;  // code points of doc.text
  bool ok() const { return start >= 0 && end > start; }
  bool Overlaps(int64_t a, int64_t b) const { return start < b && a < end; }
};

}  // namespace

Result<QuoteScores> ScoreSeedQuotes(const std::string& gold_dir, const std::string& seeds_dir,
                                    const ProcessSeedArticle& process) {
  Result<JsonValue> gold = ReadGold(gold_dir + "/quotes.json");
  if (!gold.ok()) return gold.status();
  Result<JsonValue> entities = ReadGold(gold_dir + "/entities.json");
  if (!entities.ok()) return entities.status();

  std::vector<std::string> articles;
  for (const JsonValue& q : (*gold)["quotes"].items()) {
    const std::string a = q.GetString("article");
    if (std::find(articles.begin(), articles.end(), a) == articles.end()) articles.push_back(a);
  }
  std::map<std::string, Document> docs;
  for (const std::string& a : articles) {
    Result<Document> d = process(seeds_dir + "/" + a, "");
    if (!d.ok()) return d.status().WithContext(a);
    docs.emplace(a, std::move(d).value());
  }
  // Gold entity -> the system entities its mentions resolve to, per article.
  std::map<std::string, std::map<std::string, std::set<std::string>>> resolved;
  for (const JsonValue& e : (*entities)["entities"].items()) {
    const std::string id = e.GetString("id");
    for (const JsonValue& f : e["surface_forms"].items()) {
      for (const auto& [file, art] : f["articles"].members()) {
        auto d = docs.find(file);
        if (d == docs.end()) continue;
        const Document& doc = d->second;
        CodePointIndex index(doc.text);
        for (const JsonValue& o : art["occurrences"].items()) {
          const int64_t a =
              SourceToTextCodePoint(doc, static_cast<int64_t>(o["start"].num()), false);
          const int64_t b = SourceToTextCodePoint(doc, static_cast<int64_t>(o["end"].num()), true);
          if (a < 0 || b <= a) continue;
          for (const Mention& m : doc.mentions) {
            const int64_t ms = index.ToCodePoint(m.start), me = index.ToCodePoint(m.end);
            if (ms < b && a < me && !m.entity.empty()) resolved[id][file].insert(m.entity);
          }
        }
      }
    }
  }

  QuoteScores s;
  std::map<std::string, std::vector<bool>> used;  // system speech quotes matched, per article
  for (const auto& [file, doc] : docs) {
    used[file].assign(doc.quotes.size(), false);
    for (const Quote& q : doc.quotes) {
      if (q.kind == QuoteKind::kDirect || q.kind == QuoteKind::kPartial) ++s.system_speech;
    }
  }
  for (const JsonValue& g : (*gold)["quotes"].items()) {
    const std::string file = g.GetString("article"), type = g.GetString("quote_type");
    const std::string id = g.GetString("id");
    const Document& doc = docs.at(file);
    CodePointIndex index(doc.text);
    Span span{
        SourceToTextCodePoint(doc, static_cast<int64_t>(g["quote_text"]["start"].num()), false),
        SourceToTextCodePoint(doc, static_cast<int64_t>(g["quote_text"]["end"].num()), true)};
    if (!span.ok()) {
      ++s.not_in_text;
      continue;
    }
    // The first system quote overlapping the gold one.
    int found = -1;
    for (size_t i = 0; i < doc.quotes.size() && found < 0; ++i) {
      const Quote& q = doc.quotes[i];
      if (q.kind == QuoteKind::kIndirect) continue;
      if (span.Overlaps(index.ToCodePoint(q.start), index.ToCodePoint(q.end))) {
        found = static_cast<int>(i);
      }
    }
    const std::string text = g["quote_text"].GetString("text").substr(0, 60);
    if (IsTerm(type)) {
      ++s.gold_terms;
      const bool partial_ok = type.find("partial") != std::string::npos;
      const bool ok = found >= 0 && (doc.quotes[found].kind == QuoteKind::kTerm ||
                                     (partial_ok && doc.quotes[found].kind == QuoteKind::kPartial));
      if (ok) {
        ++s.terms_found;
        used[file][found] = true;
      } else {
        s.details.push_back(
            "term  " + id + " " +
            (found < 0 ? std::string("not found")
                       : std::string("found as ") + QuoteKindName(doc.quotes[found].kind)) +
            ": " + text);
      }
      continue;
    }
    if (!IsSpeech(type)) continue;
    ++s.gold_speech;
    if (found < 0 || doc.quotes[found].kind == QuoteKind::kTerm || used[file][found]) {
      s.details.push_back("FN    " + id + ": " + text);
      continue;
    }
    used[file][found] = true;
    ++s.matched_speech;
    const Quote& q = doc.quotes[found];
    ++s.speakers_scored;
    std::set<std::string> want;
    const JsonValue& sp = g["speaker"];
    std::vector<std::string> ids;
    if (sp.is_string()) ids.push_back(sp.str());
    for (const JsonValue& x : sp.items()) ids.push_back(x.str());
    for (const std::string& gid : ids) {
      auto r = resolved.find(gid);
      if (r == resolved.end()) continue;
      auto here = r->second.find(file);
      for (const auto& [f, set] : r->second) {
        if (here != r->second.end() && f != file) continue;
        want.insert(set.begin(), set.end());
      }
    }
    const bool right =
        ids.empty() ? q.speaker.empty() : !q.speaker_entity.empty() && want.count(q.speaker_entity);
    if (right) {
      ++s.speakers_right;
    } else {
      std::string w;
      for (const std::string& x : want) w += (w.empty() ? "" : ",") + x;
      s.details.push_back(
          "spk   " + id + ": gold " + (ids.empty() ? "none" : ids[0]) + " (" + w + "), got " +
          (q.speaker.empty() ? std::string("none")
                             : doc.text.substr(q.speaker.start, q.speaker.end - q.speaker.start) +
                                   " (" + q.speaker_entity + ")") +
          " [" + SpeakerResolutionName(q.resolution) + "]: " + text);
    }
  }
  for (const auto& [file, doc] : docs) {
    for (size_t i = 0; i < doc.quotes.size(); ++i) {
      const Quote& q = doc.quotes[i];
      if ((q.kind == QuoteKind::kDirect || q.kind == QuoteKind::kPartial) && !used[file][i]) {
        s.details.push_back("FP    " + file.substr(0, 3) + ": " +
                            doc.text.substr(q.start, std::min<size_t>(q.end - q.start, 60)));
      }
    }
  }
  auto ratio = [](int a, int b) { return b ? static_cast<double>(a) / b : 0.0; };
  s.precision = ratio(s.matched_speech, s.system_speech);
  s.recall = ratio(s.matched_speech, s.gold_speech);
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  s.speaker_accuracy = ratio(s.speakers_right, s.speakers_scored);
  s.term_recall = ratio(s.terms_found, s.gold_terms);
  return s;
}

}  // namespace sitrep
