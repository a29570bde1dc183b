// @brief Document names and the sitrep/1 JSON serialisation.
#include "doc/document.h"

#include "base/json.h"
#include "base/utf8.h"

namespace sitrep {

const char* PrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kYear: return "year";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kDay: return "day";
    case DatePrecision::kMinute: return "minute";
  }
  return "day";
}

const char* BlockKindName(BlockKind k) {
  switch (k) {
    case BlockKind::kTitle: return "title";
    case BlockKind::kHeading: return "heading";
    case BlockKind::kParagraph: return "paragraph";
    case BlockKind::kListItem: return "list_item";
    case BlockKind::kQuote: return "quote";
    case BlockKind::kPreformatted: return "preformatted";
  }
  return "paragraph";
}

std::string DocumentToJson(const Document& doc) {
  std::string out;
  out.reserve(doc.text.size() * 2 + 512);
  JsonWriter w(&out);
  CodePointIndex cp(doc.text);
  w.BeginObject();
  w.Field("format", "sitrep/1");
  w.Field("id", doc.id);
  w.Field("source", doc.source);
  if (!doc.source_bytes.empty()) w.Field("source_bytes", doc.source_bytes);
  if (!doc.url.empty()) w.Field("url", doc.url);
  if (!doc.outlet.empty()) w.Field("outlet", doc.outlet);
  w.Field("input_format", doc.format);
  if (!doc.encoding.empty()) w.Field("encoding", doc.encoding);
  w.Field("title", doc.title);
  w.Field("lang", doc.lang);
  w.Key("published");
  if (doc.published) {
    w.BeginObject()
        .Field("value", doc.published->value)
        .Field("precision", PrecisionName(doc.published->precision))
        .Field("text", doc.published->text)
        .Field("origin", doc.published->origin)
        .EndObject();
  } else {
    w.Null();
  }
  w.Field("text", doc.text);
  w.Key("paragraphs").BeginArray();
  for (const Paragraph& p : doc.paragraphs) {
    w.BeginObject()
        .Field("start", cp.ToCodePoint(p.start))
        .Field("end", cp.ToCodePoint(p.end))
        .Field("kind", BlockKindName(p.kind))
        .Field("lang", p.lang);
    if (p.foreign) w.Field("foreign", true);
    w.EndObject();
  }
  w.EndArray();
  w.Key("sentences").BeginArray();
  for (const Sentence& s : doc.sentences) {
    w.BeginObject().Field("start", cp.ToCodePoint(s.start)).Field("end", cp.ToCodePoint(s.end));
    w.EndObject();
  }
  w.EndArray();
  w.Key("removed").BeginArray();
  for (const Removal& r : doc.removed) {
    w.BeginObject().Field("text", r.text).Field("reason", r.reason);
    if (!r.lang.empty()) w.Field("lang", r.lang);
    w.EndObject();
  }
  w.EndArray();
  if (!doc.source_map.empty()) {
    // [text_start, source_start, length] in code points of text / decoded input.
    w.Key("source_map").BeginArray();
    for (const SourceRun& r : doc.source_map) {
      uint32_t a = cp.ToCodePoint(r.text_offset);
      uint32_t b = cp.ToCodePoint(r.text_offset + r.length);
      w.BeginArray().Int(a).Int(static_cast<int64_t>(r.source_cp)).Int(b - a).EndArray();
    }
    w.EndArray();
  }
  if (!doc.story.empty()) w.Field("story", doc.story);  // src/story, docs/STORIES.md
  if (!doc.failed()) {
    AppendEntitiesJson(doc, &w);
    AppendTimesJson(&w, doc.text, doc.times);
    AppendQuantitiesJson(doc, doc.claims, &w);
    AppendQuotesJson(doc, &w);
    // Near-duplicates (src/dedup): links to earlier documents.
    auto link = [&w](const DocLink& l) {
      w.BeginObject()
          .Field("document", l.document)
          .Field("similarity", l.similarity)
          .Field("containment", l.containment)
          .EndObject();
    };
    w.Key("duplicate_of");
    if (doc.duplicate_of) {
      link(*doc.duplicate_of);
    } else {
      w.Null();
    }
    w.Key("shares_with").BeginArray();
    for (const DocLink& l : doc.shares_with) link(l);
    w.EndArray();
  }
  w.Key("errors").BeginArray();
  for (const DocError& e : doc.errors) {
    w.BeginObject().Field("code", e.code).Field("message", e.message).EndObject();
  }
  w.EndArray();
  if (!doc.warnings.empty()) {
    w.Key("warnings").BeginArray();
    for (const auto& m : doc.warnings) w.String(m);
    w.EndArray();
  }
  w.EndObject();
  return out;
}

}  // namespace sitrep
