// @brief Quote names and the "quotes" JSON array.
#include "doc/quote.h"

#include "base/json.h"
#include "base/utf8.h"
#include "doc/document.h"

namespace sitrep {

const char* QuoteKindName(QuoteKind k) {
  switch (k) {
    case QuoteKind::kDirect:
      return "direct";
    case QuoteKind::kPartial:
      return "partial";
    case QuoteKind::kIndirect:
      return "indirect";
    case QuoteKind::kTerm:
      return "term";
  }
  return "direct";
}

const char* SpeakerResolutionName(SpeakerResolution r) {
  switch (r) {
    case SpeakerResolution::kExplicit:
      return "explicit";
    case SpeakerResolution::kApposition:
      return "apposition";
    case SpeakerResolution::kPronoun:
      return "pronoun";
    case SpeakerResolution::kContinuation:
      return "continuation";
    case SpeakerResolution::kRole:
      return "role";
    case SpeakerResolution::kUnresolved:
      return "unresolved";
  }
  return "unresolved";
}

void AppendQuotesJson(const Document& doc, JsonWriter* w) {
  CodePointIndex index(doc.text);
  auto text_of = [&doc](TextSpan s) {
    return std::string_view(doc.text).substr(s.start, s.end - s.start);
  };
  w->Key("quotes").BeginArray();
  for (const Quote& q : doc.quotes) {
    w->BeginObject();
    w->Field("start", index.ToCodePoint(q.start));
    w->Field("end", index.ToCodePoint(q.end));
    w->Field("text", text_of({q.start, q.end}));
    w->Field("kind", QuoteKindName(q.kind));
    w->Key("speaker");
    if (q.speaker.empty()) {
      w->Null();
    } else {
      w->BeginObject()
          .Field("text", text_of(q.speaker))
          .Field("entity", q.speaker_entity)
          .Field("start", index.ToCodePoint(q.speaker.start))
          .Field("end", index.ToCodePoint(q.speaker.end))
          .EndObject();
    }
    w->Key("attribution");
    if (q.attribution.empty()) {
      w->Null();
    } else {
      w->BeginObject()
          .Field("text", text_of(q.attribution))
          .Field("start", index.ToCodePoint(q.attribution.start))
          .Field("end", index.ToCodePoint(q.attribution.end))
          .EndObject();
    }
    w->Field("cue", q.cue);
    w->Field("resolution", SpeakerResolutionName(q.resolution));
    if (q.cut) w->Field("cut", true);
    w->EndObject();
  }
  w->EndArray();
}

}  // namespace sitrep
