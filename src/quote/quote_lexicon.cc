// @brief Loading the quote tables (docs/formats/quote.md).
#include "quote/quote_lexicon.h"

#include <algorithm>
#include <filesystem>

#include "base/data_file.h"
#include "base/utf8.h"
#include "doc/text_tokens.h"

namespace sitrep {
namespace {

// The one code point of `s`, or 0 when `s` is not exactly one.
char32_t OneCodePoint(const std::string& s) {
  if (s.empty() || !IsValidUtf8(s)) return 0;
  size_t pos = 0;
  char32_t c = NextCodePoint(s, &pos);
  return pos == s.size() ? c : 0;
}

Status ReadMarks(const std::string& path, QuoteLanguage* lang) {
  Result<TsvFile> f = ReadTsv(path, 2, 3);
  if (!f.ok()) return f.status();
  for (const TsvRow& row : f->rows) {
    const std::string& kind = row.fields[0];
    const char32_t open = OneCodePoint(row.fields[1]);
    if (open == 0) return f->ErrorAt(row, "a mark is one character: \"" + row.fields[1] + "\"");
    if (kind == "dash") {
      if (row.fields.size() != 2) return f->ErrorAt(row, "a dash has no closing mark");
      lang->dashes.push_back(open);
      continue;
    }
    if (kind != "double" && kind != "single") {
      return f->ErrorAt(row, "unknown kind \"" + kind + "\" (double, single, dash)");
    }
    if (row.fields.size() != 3) return f->ErrorAt(row, "a pair needs its closing mark");
    const char32_t close = OneCodePoint(row.fields[2]);
    if (close == 0) return f->ErrorAt(row, "a mark is one character: \"" + row.fields[2] + "\"");
    lang->pairs.push_back({open, close, kind == "single"});
  }
  return Status::Ok();
}

Status ReadCues(const std::string& path, QuoteLanguage* lang) {
  Result<TsvFile> f = ReadTsv(path, 2, 3);
  if (!f.ok()) return f.status();
  static const std::map<std::string, QuoteCueKind, std::less<>> kKinds = {
      {"verb", QuoteCueKind::kVerb},
      {"source", QuoteCueKind::kSource},
      {"source_after", QuoteCueKind::kSourceAfter},
      {"term", QuoteCueKind::kTerm},
      {"pronoun", QuoteCueKind::kPronoun},
      {"that", QuoteCueKind::kThat}};
  for (const TsvRow& row : f->rows) {
    auto kind = kKinds.find(row.fields[0]);
    if (kind == kKinds.end()) {
      return f->ErrorAt(row, "unknown kind \"" + row.fields[0] +
                                 "\" (verb, source, source_after, term, pronoun, that)");
    }
    QuoteCue cue;
    cue.kind = kind->second;
    if (cue.kind == QuoteCueKind::kPronoun) {
      const std::string g = row.fields.size() == 3 ? row.fields[2] : "";
      if (g != "m" && g != "f" && g != "p") {
        return f->ErrorAt(row, "a pronoun needs its gender: m, f or p");
      }
      cue.gender = g[0];
    } else if (row.fields.size() == 3) {
      return f->ErrorAt(row, "only a pronoun has a third field");
    }
    if (!IsValidUtf8(row.fields[1])) return f->ErrorAt(row, "invalid UTF-8");
    TokenStream ts = TokenizeText(row.fields[1]);
    for (const TextToken& t : ts.tokens) cue.words.emplace_back(ts.Folded(t));
    if (cue.words.empty()) return f->ErrorAt(row, "empty phrase");
    lang->longest_cue = std::max(lang->longest_cue, cue.words.size());
    lang->cues[cue.words[0]].push_back(std::move(cue));
  }
  return Status::Ok();
}

}  // namespace

bool QuoteLanguage::IsMark(char32_t c) const {
  for (const QuoteMarkPair& p : pairs) {
    if (p.open == c || p.close == c) return true;
  }
  return false;
}

Result<QuoteLexicon> QuoteLexicon::Load(const std::string& data_dir,
                                        const std::vector<std::string>& codes) {
  QuoteLexicon lex;
  for (const std::string& code : codes) {
    const std::string dir = data_dir + "/lang/" + code + "/";
    std::error_code ec;
    if (!std::filesystem::exists(dir + "quote_marks.tsv", ec)) continue;
    QuoteLanguage lang;
    if (Status s = ReadMarks(dir + "quote_marks.tsv", &lang); !s.ok()) return s;
    if (std::filesystem::exists(dir + "quote_cues.tsv", ec)) {
      if (Status s = ReadCues(dir + "quote_cues.tsv", &lang); !s.ok()) return s;
    }
    lex.langs_.emplace(code, std::move(lang));
  }
  return lex;
}

const QuoteLanguage* QuoteLexicon::Find(std::string_view lang) const {
  auto it = langs_.find(lang);
  return it == langs_.end() ? nullptr : &it->second;
}

}  // namespace sitrep
