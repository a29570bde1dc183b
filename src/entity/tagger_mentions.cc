// @brief Merging the NER tagger's spans into the mention list.
#include "entity/tagger_mentions.h"

#include <algorithm>
#include <filesystem>

namespace sitrep {

Result<NerTaggers> LoadNerTaggers(const std::string& data_dir,
                                  const std::vector<std::string>& langs, const KnowledgeBase* kb) {
  NerTaggers out;
  for (const std::string& lang : langs) {
    std::string path = data_dir + "/ner/" + lang + ".model";
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) continue;
    Result<std::unique_ptr<NerTagger>> t = NerTagger::Load(path, kb);
    if (!t.ok()) return t.status();
    out.emplace(lang, std::move(*t));
  }
  return out;
}

namespace {

MentionType ToMentionType(NerType t) {
  switch (t) {
    case NerType::kPer:
      return MentionType::kPer;
    case NerType::kOrg:
      return MentionType::kOrg;
    case NerType::kLoc:
      return MentionType::kLoc;
  }
  return MentionType::kLoc;
}

// The language of the paragraph holding byte `at`, else the document's.
const std::string& LangAt(const Document& doc, uint32_t at) {
  auto it = std::upper_bound(doc.paragraphs.begin(), doc.paragraphs.end(), at,
                             [](uint32_t a, const Paragraph& p) { return a < p.start; });
  if (it != doc.paragraphs.begin()) {
    const Paragraph& p = *(it - 1);
    if (at < p.end && !p.lang.empty() && p.lang != "und") return p.lang;
  }
  return doc.lang;
}

}  // namespace

size_t AddTaggerMentions(const Document& doc, const NerTaggers& taggers,
                         std::vector<Mention>* mentions, std::vector<std::string>* warnings) {
  std::vector<Sentence> sentences = doc.sentences;
  if (sentences.empty()) {
    for (const Paragraph& p : doc.paragraphs) sentences.push_back({p.start, p.end});
  }
  // A document has some hundred mentions: a linear test is cheap enough.
  auto overlaps = [&](uint32_t b, uint32_t e) {
    for (const Mention& m : *mentions) {
      if (m.start < e && b < m.end) return true;
    }
    return false;
  };
  std::vector<Mention> added;
  std::vector<std::string_view> untagged;  // languages met without a tagger
  for (const Sentence& s : sentences) {
    if (s.end <= s.start || s.end > doc.text.size()) continue;
    const std::string& lang = LangAt(doc, s.start);
    auto t = taggers.find(lang);
    if (t == taggers.end()) {
      if (std::find(untagged.begin(), untagged.end(), lang) == untagged.end()) {
        untagged.push_back(lang);
      }
      continue;
    }
    std::string_view text(doc.text.data() + s.start, s.end - s.start);
    for (const NerSpan& span : t->second->TagText(text)) {
      uint32_t b = s.start + span.begin, e = s.start + span.end;
      if (overlaps(b, e)) continue;
      Mention m;
      m.start = b;
      m.end = e;
      m.type = ToMentionType(span.type);
      m.source = "tagger";
      added.push_back(std::move(m));
    }
  }
  if (warnings) {
    for (std::string_view lang : untagged) {
      warnings->push_back("no NER model for language \"" +
                          std::string(lang.empty() ? "und" : lang) +
                          "\": its names come from the knowledge base and patterns only");
    }
  }
  if (added.empty()) return 0;
  size_t n = added.size();
  for (Mention& m : added) mentions->push_back(std::move(m));
  std::stable_sort(mentions->begin(), mentions->end(),
                   [](const Mention& a, const Mention& b) { return a.start < b.start; });
  return n;
}

}  // namespace sitrep
