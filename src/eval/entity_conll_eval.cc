// @brief Entity scoring on CoNLL NER files (docs/EVAL-entity.md, "CoNLL files").
#include "eval/entity_conll_eval.h"

#include <algorithm>
#include <set>

#include "base/file_io.h"
#include "entity/entity_recognizer.h"

namespace sitrep {
namespace {

constexpr size_t kMaxConllFile = 64u << 20;

bool IsScoredType(std::string_view t) { return t == "PER" || t == "LOC" || t == "ORG"; }

bool EndsWithElision(std::string_view t) {
  return t.size() >= 2 && (t.back() == '\'' || (t.size() >= 4 && t.substr(t.size() - 3) == "’"));
}

bool NoSpaceBefore(std::string_view t) {
  static const std::set<std::string_view> kClosing = {",", ".", ";", ":", "!",   "?",
                                                      ")", "]", "”", "%", "...", "…"};
  return kClosing.count(t) > 0 || t.rfind("'", 0) == 0 || t == "n't";
}

bool NoSpaceAfter(std::string_view t) {
  return t == "(" || t == "[" || t == "“" || EndsWithElision(t);
}

// Reads one sentence line into `s`; false on a line without a TAB.
bool AddTokenLine(std::string_view line, ConllDocSentence* s) {
  const size_t tab = line.find('\t');
  if (tab == std::string_view::npos) return false;
  s->tokens.emplace_back(line.substr(0, tab));
  s->tags.emplace_back(line.substr(line.rfind('\t') + 1));
  return true;
}

std::string Sentence(const std::string& text, const std::vector<std::pair<size_t, size_t>>& offs) {
  if (offs.empty()) return "";
  return text.substr(offs.front().first, offs.back().second - offs.front().first);
}

std::string Describe(const char* kind, const std::string& text,
                     const std::vector<std::pair<size_t, size_t>>& offs, size_t b, size_t e,
                     const std::string& type) {
  return std::string(kind) + " " + type + " " +
         text.substr(offs[b].first, offs[e - 1].second - offs[b].first) + " | " +
         Sentence(text, offs);
}

// The sentence and token span of a mention [start, end) of the text, when it
// starts and ends on token boundaries of one sentence.
bool TokenSpan(const std::vector<std::vector<std::pair<size_t, size_t>>>& offsets, size_t start,
               size_t end, size_t* sentence, size_t* b, size_t* e) {
  for (size_t s = 0; s < offsets.size(); ++s) {
    const auto& o = offsets[s];
    if (o.empty() || o.back().second < start) continue;
    auto first = std::find_if(o.begin(), o.end(), [&](const auto& t) { return t.first == start; });
    auto last = std::find_if(o.begin(), o.end(), [&](const auto& t) { return t.second == end; });
    if (first == o.end() || last == o.end() || last < first) return false;
    *sentence = s;
    *b = first - o.begin();
    *e = last - o.begin() + 1;
    return true;
  }
  return false;
}

void Count(ConllScores* sc, const std::string& type, int gold, int predicted, int matched) {
  for (ConllCounts* c : {&sc->all, &sc->by_type[type]}) {
    c->gold += gold;
    c->predicted += predicted;
    c->matched += matched;
  }
}

// Scores one document's mentions against its gold.
void ScoreDocument(const ConllDocument& doc, const std::string& text,
                   const std::vector<std::vector<std::pair<size_t, size_t>>>& offsets,
                   const std::vector<Mention>& mentions, ConllScores* sc) {
  std::vector<std::set<ConllSpan>> gold(doc.size()), system(doc.size());
  for (size_t s = 0; s < doc.size(); ++s) {
    for (const ConllSpan& g : ConllEntities(doc[s].tags)) gold[s].insert(g);
  }
  for (const Mention& m : mentions) {
    if (m.nominal) continue;
    const std::string type = m.type == MentionType::kPer   ? "PER"
                             : m.type == MentionType::kLoc ? "LOC"
                             : m.type == MentionType::kOrg ? "ORG"
                                                           : "";
    if (type.empty()) continue;
    size_t s = 0, b = 0, e = 0;
    if (TokenSpan(offsets, m.start, m.end, &s, &b, &e)) {
      system[s].insert({b, e, type});
    } else {
      Count(sc, type, 0, 1, 0);
      sc->errors.push_back("FP " + type + " " + text.substr(m.start, m.end - m.start) +
                           " (not on token boundaries)");
    }
  }
  for (size_t s = 0; s < doc.size(); ++s) {
    for (const ConllSpan& g : gold[s]) {
      const bool hit = system[s].count(g) > 0;
      Count(sc, g.type, 1, 0, hit ? 1 : 0);
      if (!hit) sc->errors.push_back(Describe("FN", text, offsets[s], g.begin, g.end, g.type));
    }
    for (const ConllSpan& p : system[s]) {
      Count(sc, p.type, 0, 1, 0);
      if (!gold[s].count(p))
        sc->errors.push_back(Describe("FP", text, offsets[s], p.begin, p.end, p.type));
    }
  }
}

}  // namespace

Result<std::vector<ConllDocument>> ReadConllDocuments(const std::string& path) {
  Result<std::string> bytes = ReadFileLimited(path, kMaxConllFile);
  if (!bytes.ok()) return bytes.status();
  std::string data = std::move(bytes).value();
  if (LooksGzipped(data)) {
    Result<std::string> raw = Gunzip(data, kMaxConllFile);
    if (!raw.ok()) return raw.status().WithContext(path);
    data = std::move(raw).value();
  }
  std::vector<ConllDocument> docs;
  bool marked = data.rfind("-DOCSTART-", 0) == 0 || data.find("\n-DOCSTART-") != std::string::npos;
  ConllDocSentence cur;
  auto flush = [&] {
    if (cur.tokens.empty()) return;
    if (!marked || docs.empty()) docs.emplace_back();
    docs.back().push_back(std::move(cur));
    cur = ConllDocSentence();
  };
  size_t pos = 0;
  for (int line_no = 1; pos < data.size(); ++line_no) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string::npos) nl = data.size();
    std::string_view line(data.data() + pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.rfind("-DOCSTART-", 0) == 0) {
      flush();
      docs.emplace_back();
    } else if (line.empty()) {
      flush();
    } else if (!AddTokenLine(line, &cur)) {
      return Status::InvalidArgument(path + ":" + std::to_string(line_no) +
                                     ": no TAB between token and tag");
    }
  }
  flush();
  std::erase_if(docs, [](const ConllDocument& d) { return d.empty(); });
  return docs;
}

std::vector<ConllSpan> ConllEntities(const std::vector<std::string>& tags) {
  std::vector<ConllSpan> out;
  std::string open;  // type of the entity being read, "" when none
  for (size_t k = 0; k < tags.size(); ++k) {
    const std::string& t = tags[k];
    const bool b = t.rfind("B-", 0) == 0, i = t.rfind("I-", 0) == 0;
    const std::string type = b || i ? t.substr(2) : "";
    if (i && type == open && !open.empty()) {
      out.back().end = k + 1;
      continue;
    }
    open.clear();
    if ((b || i) && IsScoredType(type)) {
      out.push_back({k, k + 1, type});
      open = type;
    }
  }
  return out;
}

std::string ConllText(const ConllDocument& doc,
                      std::vector<std::vector<std::pair<size_t, size_t>>>* offsets) {
  std::string text;
  offsets->assign(doc.size(), {});
  for (size_t s = 0; s < doc.size(); ++s) {
    if (s > 0) text += '\n';
    const std::vector<std::string>& toks = doc[s].tokens;
    for (size_t k = 0; k < toks.size(); ++k) {
      if (k > 0 && !NoSpaceAfter(toks[k - 1]) && !NoSpaceBefore(toks[k])) text += ' ';
      (*offsets)[s].emplace_back(text.size(), text.size() + toks[k].size());
      text += toks[k];
    }
  }
  return text;
}

Result<ConllScores> ScoreConllEntities(const KnowledgeBase& kb, const std::string& data_dir,
                                       const std::string& path, std::string_view lang) {
  Options options;
  options.data_dir = data_dir;
  auto rec = EntityRecognizer::Create(&kb, options);
  if (!rec.ok()) return rec.status();
  auto docs = ReadConllDocuments(path);
  if (!docs.ok()) return docs.status();
  ConllScores sc;
  for (const ConllDocument& doc : *docs) {
    std::vector<std::vector<std::pair<size_t, size_t>>> offsets;
    const std::string text = ConllText(doc, &offsets);
    ScoreDocument(doc, text, offsets, (*rec)->Recognize(text, lang), &sc);
    sc.documents += 1;
    sc.sentences += doc.size();
  }
  return sc;
}

}  // namespace sitrep
