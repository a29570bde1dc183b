// @brief Seed boilerplate scoring.
#include "eval/seed_eval.h"

#include <unicode/uchar.h>

#include "base/file_io.h"
#include "base/json.h"
#include "base/text_fold.h"
#include "base/utf8.h"
#include "segment/segmenter.h"

namespace sitrep {
namespace {

std::u32string ToU32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t p = 0; p < s.size();) out.push_back(NextCodePoint(s, &p));
  return out;
}

std::string ToUtf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) AppendUtf8(&out, c);
  return out;
}

// Share of non-space code points in [a, b) that are marked in `kept`.
double KeptShare(const std::u32string& text, const std::vector<bool>& kept, size_t a, size_t b) {
  size_t total = 0, hit = 0;
  for (size_t i = a; i < b && i < text.size(); ++i) {
    if (IsSpace(text[i])) continue;
    ++total;
    hit += kept[i];
  }
  return total ? double(hit) / total : 1.0;
}

}  // namespace

Result<SeedScore> ScoreSeedBoilerplate(const std::string& gold_path, const std::string& seeds_dir,
                                       const Options& options,
                                       const std::function<Document(const std::string&)>& process) {
  Result<std::string> gold_text = ReadFileLimited(gold_path, 64u << 20);
  if (!gold_text.ok()) return gold_text.status();
  Result<JsonValue> gold = ParseJson(*gold_text);
  if (!gold.ok()) return gold.status().WithContext(gold_path);
  const JsonValue& articles = (*gold)["articles"];
  if (!articles.is_object()) return Status::InvalidArgument(gold_path + ": no \"articles\" object");
  Result<std::unique_ptr<Segmenter>> seg = Segmenter::Create(options);
  if (!seg.ok()) return seg.status();

  SeedScore score;
  for (const auto& [file, art] : articles.members()) {
    std::string path = seeds_dir + "/" + file;
    Result<std::string> raw = ReadFileLimited(path, 64u << 20);
    if (!raw.ok()) return raw.status();
    std::u32string text = ToU32(*raw);
    Document doc = process(path);
    SeedArticleScore a;
    a.file = file;
    // Which code points of the input survive in the clean text.
    std::vector<bool> kept(text.size(), false);
    for (const SourceRun& r : doc.source_map) {
      size_t n = CountCodePoints(std::string_view(doc.text).substr(r.text_offset, r.length));
      for (size_t i = 0; i < n && r.source_cp + i < kept.size(); ++i) kept[r.source_cp + i] = true;
    }
    std::vector<bool> masked(text.size(), false);
    for (const JsonValue& item : art["boilerplate"].items()) {
      const JsonValue& span = item["span"];
      auto s = static_cast<size_t>(span["start"].num()), e = static_cast<size_t>(span["end"].num());
      for (size_t i = s; i < e && i < masked.size(); ++i) masked[i] = true;
      ++a.items;
      if (KeptShare(text, kept, s, e) <= 0.1) {
        ++a.items_removed;
      } else {
        a.missed_items.push_back(item.GetString("category") + ": " + span.GetString("text"));
      }
    }
    // Body sentences: unmasked runs within lines.
    size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && (masked[i] || text[i] == '\n')) ++i;
      size_t j = i;
      while (j < text.size() && !masked[j] && text[j] != '\n') ++j;
      if (j > i) {
        std::string piece = ToUtf8(std::u32string_view(text).substr(i, j - i));
        CodePointIndex cpi(piece);
        for (const TextRange& r : (*seg)->Sentences(piece, "fr")) {
          std::string_view s = std::string_view(piece).substr(r.start, r.end - r.start);
          if (FoldToWords(s).empty() || std::count(s.begin(), s.end(), ' ') < 2) continue;
          size_t a0 = i + cpi.ToCodePoint(r.start), a1 = i + cpi.ToCodePoint(r.end);
          ++a.sentences;
          if (KeptShare(text, kept, a0, a1) >= 0.9)
            ++a.sentences_kept;
          else
            a.lost_sentences.emplace_back(s);
        }
      }
      i = j;
    }
    const JsonValue& t = art["title"]["span"];
    a.gold_title = t.GetString("text");
    a.title = doc.title;
    score.titles += 1;
    score.titles_right += FoldToWords(a.title) == FoldToWords(a.gold_title);
    const JsonValue& pub = art["publication_date"];
    if (pub["stated"].is_object()) {
      a.gold_date = pub.GetString("stated_value");
      a.date = doc.published ? doc.published->value : "";
      score.dates += 1;
      score.dates_right += !a.gold_date.empty() && a.gold_date == a.date;
    }
    score.items += a.items;
    score.items_removed += a.items_removed;
    score.sentences += a.sentences;
    score.sentences_kept += a.sentences_kept;
    score.articles.push_back(std::move(a));
  }
  return score;
}

}  // namespace sitrep
