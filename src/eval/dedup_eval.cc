// @brief The near-duplicate scorer: originals, the copies it makes, recall and false pairs.
#include "eval/dedup_eval.h"

#include <chrono>
#include <set>
#include <unordered_map>

#include "base/data_file.h"
#include "dedup/duplicate_index.h"
#include "dedup/minhash.h"

namespace sitrep {
namespace {

struct Original {
  RawDocument raw;
  Document doc;
};

std::string ParagraphText(const Document& d, const Paragraph& p) {
  return d.text.substr(p.start, p.end - p.start);
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

RawDocument Raw(const std::string& source, InputFormat format, std::string text) {
  RawDocument r;
  r.source = source;
  r.format = format;
  r.encoding = "UTF-8";
  r.input_bytes = text.size();
  r.text = std::move(text);
  return r;
}

// The removed boilerplate of the first original after `i` that has some.
std::vector<std::string> OtherBoilerplate(const std::vector<Original>& all, size_t i) {
  for (size_t k = 1; k < all.size(); ++k) {
    const Document& d = all[(i + k) % all.size()].doc;
    if (d.removed.size() < 2) continue;
    std::vector<std::string> out;
    for (const Removal& r : d.removed) {
      if (r.text.find('\n') == std::string::npos && r.text.size() < 200) out.push_back(r.text);
    }
    if (!out.empty()) return out;
  }
  return {};
}

// The paragraphs of `d` as HTML elements (the title as h1).
std::string ArticleHtml(const Document& d) {
  std::string h;
  for (const Paragraph& p : d.paragraphs) {
    const char* tag = p.kind == BlockKind::kTitle     ? "h1"
                      : p.kind == BlockKind::kHeading ? "h2"
                                                      : "p";
    h += std::string("<") + tag + ">" + HtmlEscape(ParagraphText(d, p)) + "</" + tag + ">";
  }
  return h;
}

// Its clean text between another original's removed boilerplate lines (a
// plain-text copy from another site: share, subscribe, related, navigation).
RawDocument WithBoilerplate(const std::vector<Original>& all, size_t i) {
  const Document& d = all[i].doc;
  std::vector<std::string> bp = OtherBoilerplate(all, i);
  std::string text;
  const size_t head = bp.size() / 2;
  for (size_t k = 0; k < head; ++k) text += bp[k] + "\n\n";
  text += d.text;
  for (size_t k = head; k < bp.size(); ++k) text += "\n\n" + bp[k];
  return Raw(d.source + "#boilerplate", InputFormat::kText, text + "\n");
}

RawDocument Half(const Document& d) {
  size_t cut = d.text.size();
  for (const Sentence& s : d.sentences) {
    if (s.end >= d.text.size() / 2) {
      cut = s.end;
      break;
    }
  }
  return Raw(d.source + "#half", InputFormat::kText, d.text.substr(0, cut) + "\n");
}

RawDocument Added(const std::vector<Original>& all, size_t i) {
  const Document& d = all[i].doc;
  const Document& other = all[(i + 1) % all.size()].doc;
  std::string extra;
  for (auto p = other.paragraphs.rbegin(); p != other.paragraphs.rend(); ++p) {
    if (p->kind == BlockKind::kParagraph) {
      extra = ParagraphText(other, *p);
      break;
    }
  }
  return Raw(d.source + "#added", InputFormat::kText, d.text + "\n\n" + extra + "\n");
}

RawDocument OtherMarkup(const std::vector<Original>& all, size_t i) {
  const Document& d = all[i].doc;
  if (all[i].raw.format == InputFormat::kHtml) {
    return Raw(d.source + "#markup", InputFormat::kText, d.text + "\n");
  }
  std::string h = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" +
                  HtmlEscape(d.title) + "</title></head><body><header><nav><ul>";
  for (size_t k = 1; k <= 3 && k < all.size(); ++k) {
    h += "<li><a href=\"/a" + std::to_string(k) + "\">" +
         HtmlEscape(all[(i + k) % all.size()].doc.title) + "</a></li>";
  }
  h += "</ul></nav></header><main><article>" + ArticleHtml(d);
  h += "</article></main><footer><p>&copy; " + HtmlEscape(all[(i + 1) % all.size()].doc.outlet) +
       "</p></footer></body></html>\n";
  return Raw(d.source + "#markup.html", InputFormat::kHtml, h);
}

std::string FileName(const std::string& source) {
  const size_t slash = source.find_last_of('/');
  return slash == std::string::npos ? source : source.substr(slash + 1);
}

}  // namespace

Result<std::vector<TruePair>> ReadTruePairs(const std::string& path) {
  Result<TsvFile> tsv = ReadTsv(path, 2, 3);
  if (!tsv.ok()) return tsv.status();
  std::vector<TruePair> pairs;
  for (const TsvRow& row : tsv->rows) pairs.push_back({row.fields[0], row.fields[1]});
  return pairs;
}

Result<DedupScore> ScoreDuplicates(const std::vector<std::string>& paths, const Options& options,
                                   const std::vector<TruePair>& true_pairs,
                                   const std::function<Document(const RawDocument&)>& clean) {
  DedupScore score;
  std::vector<Original> originals;
  std::unordered_map<std::string, size_t> seen;
  (void)ReadInputs(paths, options, [&](RawDocument&& raw) {
    if (!raw.status.ok()) return;
    Document d = clean(raw);
    if (d.failed()) return;
    d.signature = MakeSignature(d.tokens);
    if (d.signature.minhash.empty()) {
      ++score.unsigned_originals;
      return;
    }
    if (!seen.emplace(d.id, originals.size()).second) {
      ++score.identical;
      return;
    }
    originals.push_back({std::move(raw), std::move(d)});
  });
  if (originals.empty()) return Status::NotFound("no original document could be read and signed");
  score.originals = originals.size();

  struct Copy {
    size_t original;
    std::string kind;
    Document doc;
  };
  std::vector<Copy> copies;
  for (size_t i = 0; i < originals.size(); ++i) {
    const std::pair<const char*, RawDocument> made[] = {
        {"boilerplate", WithBoilerplate(originals, i)},
        {"half", Half(originals[i].doc)},
        {"added", Added(originals, i)},
        {"markup", OtherMarkup(originals, i)},
    };
    for (const auto& [kind, raw] : made) {
      Document d = clean(raw);
      if (d.failed()) {
        score.missed.push_back(std::string(kind) + " " + originals[i].doc.source +
                               ": copy failed to clean");
        ++score.copies;
        continue;
      }
      d.signature = MakeSignature(d.tokens);
      copies.push_back({i, kind, std::move(d)});
    }
  }

  const auto start = std::chrono::steady_clock::now();
  DuplicateIndex index;
  std::unordered_map<std::string, std::string> group;  // id -> first document of its group
  std::unordered_map<std::string, size_t> original_of;
  auto add = [&](Document* d) {
    LinkDocument(&index, d);
    group.emplace(d->id, d->duplicate_of ? d->duplicate_of->document : d->id);
  };
  for (size_t i = 0; i < originals.size(); ++i) {
    add(&originals[i].doc);
    original_of.emplace(originals[i].doc.id, i);
  }
  for (Copy& c : copies) add(&c.doc);
  score.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  auto group_of = [&](const std::string& id) {
    auto it = group.find(id);
    return it == group.end() ? id : it->second;
  };
  std::set<std::pair<std::string, std::string>> known;
  std::set<std::string> found_known;
  std::set<std::string> names;
  for (const Original& o : originals) names.insert(FileName(o.doc.source));
  for (const TruePair& p : true_pairs) {
    if (!names.count(p.first) || !names.count(p.second)) continue;
    known.insert({p.first, p.second});
    known.insert({p.second, p.first});
    ++score.true_pairs;
  }
  for (const Original& o : originals) {
    std::vector<const DocLink*> links;
    if (o.doc.duplicate_of) links.push_back(&*o.doc.duplicate_of);
    for (const DocLink& l : o.doc.shares_with) links.push_back(&l);
    for (const DocLink* l : links) {
      if (!original_of.count(l->document)) continue;
      const std::string a = FileName(o.doc.source);
      const std::string b = FileName(originals[original_of[l->document]].doc.source);
      if (known.count({a, b})) {
        if (found_known.insert(std::min(a, b) + '\n' + std::max(a, b)).second)
          ++score.true_pairs_found;
        continue;
      }
      ++score.false_pairs;
      char sim[32];
      std::snprintf(sim, sizeof sim, " (similarity %.3f)", l->similarity);
      score.false_links.push_back(o.doc.source + " -> " +
                                  originals[original_of[l->document]].doc.source + sim);
    }
  }
  for (const Copy& c : copies) {
    ++score.copies;
    const std::string want = group_of(originals[c.original].doc.id);
    bool found = false, dup = false;
    if (c.doc.duplicate_of && group_of(c.doc.duplicate_of->document) == want) found = dup = true;
    for (const DocLink& l : c.doc.shares_with) found |= group_of(l.document) == want;
    if (found) {
      ++score.found;
      score.as_duplicate += dup;
    } else {
      const DocSignature& o = originals[c.original].doc.signature;
      const double j = EstimateJaccard(c.doc.signature, o);
      char why[160];
      std::snprintf(why, sizeof why,
                    ": not linked (%s; %u shingles, the original %u; similarity %.3f, "
                    "containment %.3f)",
                    c.doc.duplicate_of ? "a copy of another document" : "no copy link",
                    c.doc.signature.shingles, o.shingles, j,
                    EstimateContainment(c.doc.signature.shingles, o.shingles, j));
      score.missed.push_back(c.kind + " " + originals[c.original].doc.source + why);
    }
  }
  return score;
}

}  // namespace sitrep
