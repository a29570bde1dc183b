// @brief TimeTagger: loads the lexicons of the languages and runs one Scan
// (time_scan.h) per text or paragraph against the document date.
#include "time/time_tagger.h"

#include "base/data_file.h"
#include "base/deadline.h"
#include "doc/text_tokens.h"
#include "time/time_scan.h"

namespace sitrep {

using time_scan::Dct;
using time_scan::MakeDct;
using time_scan::Scan;
using time_scan::TextAnchor;

Result<std::unique_ptr<TimeTagger>> TimeTagger::Create(const Options& options) {
  std::unique_ptr<TimeTagger> tagger(new TimeTagger());
  tagger->explain_ = options.explain_time;
  const std::string dir = DataDir(options);
  for (const std::string& lang : DataLanguages(options)) {
    Result<std::unique_ptr<TimeLexicon>> lex = TimeLexicon::Load(dir, lang);
    if (!lex.ok()) {
      if (lex.status().code() == Code::kNotFound) continue;  // no time data for this language
      return lex.status();
    }
    tagger->lexicons_.emplace(lang, std::move(lex).value());
  }
  return tagger;
}

bool TimeTagger::HasLanguage(std::string_view lang) const {
  return lexicons_.find(lang) != lexicons_.end();
}

std::vector<TimeExpr> TimeTagger::Tag(std::string_view text, std::string_view lang,
                                      const std::optional<PublishedDate>& dct) const {
  std::vector<TimeExpr> out;
  auto it = lexicons_.find(lang);
  if (it == lexicons_.end()) return out;
  std::vector<TimeToken> toks = TokenizeForTime(text);
  TextAnchor anchor;
  Scan scan(text, toks, *it->second, MakeDct(dct), 0, &anchor);
  scan.Explain(explain_);
  scan.Run(&out);
  return out;
}

std::vector<TimeExpr> TimeTagger::TagDocument(const Document& doc, Deadline* deadline) const {
  if (doc.paragraphs.empty()) return Tag(doc.text, doc.lang, doc.published);
  std::vector<TimeExpr> out;
  const Dct dct = MakeDct(doc.published);
  // One anchor for the whole document: "la veille" at the start of a
  // paragraph counts from the last date of the paragraphs before it.
  TextAnchor anchor;
  // The document's token stream, or the text's when the document has none.
  TokenStream own;
  if (!doc.tokens.MadeFor(doc.text)) own = TokenizeText(doc.text);
  const TokenStream& stream = doc.tokens.MadeFor(doc.text) ? doc.tokens : own;
  for (const Paragraph& p : doc.paragraphs) {
    if (Expired(deadline, "times")) break;
    std::string_view lang = HasLanguage(p.lang) ? std::string_view(p.lang) : doc.lang;
    auto it = lexicons_.find(lang);
    if (it == lexicons_.end()) continue;
    std::string_view s = std::string_view(doc.text).substr(p.start, p.end - p.start);
    size_t first = 0, last = 0;
    std::vector<TimeToken> toks = stream.Slice(p.start, p.end, &first, &last)
                                      ? TimeTokensOf(stream, doc.text, first, last, p.start)
                                      : TokenizeForTime(s);
    Scan scan(s, toks, *it->second, dct, static_cast<uint32_t>(p.start), &anchor);
    scan.Explain(explain_);
    scan.Run(&out);
  }
  return out;
}

}  // namespace sitrep
