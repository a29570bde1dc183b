// @brief Quote: a quotation or a reported statement found in a Document
// ("« Si cela a fait une impression… », a déclaré X"), with its speaker, as the
// quote stage (src/quote) builds it and later stages read it.
#pragma once

#include <cstdint>
#include <string>

#include "doc/claim.h"

namespace sitrep {

class JsonWriter;
struct Document;

enum class QuoteKind : uint8_t {
  kDirect,    // a whole statement between marks, or a dialogue dash line
  kPartial,   // words between marks inside the author's sentence
  kIndirect,  // reported speech without marks: "X a déclaré que …"
  kTerm,      // a scare-quoted term, epithet, quoted name or headline: no speech
};
const char* QuoteKindName(QuoteKind k);

// How the speaker was found (docs/FORMAT.md, "quotes").
enum class SpeakerResolution : uint8_t {
  kExplicit,      // a name in the attribution
  kApposition,    // a name followed by its role: "a déclaré X, vice-président de …"
  kPronoun,       // il/she/er/он → the last person in subject position
  kContinuation,  // no attribution: the speaker of the quote right before
  kRole,          // a role noun ("le porte-parole du Kremlin") → the person the KB or text gives
  kUnresolved,
};
const char* SpeakerResolutionName(SpeakerResolution r);

struct Quote {
  uint32_t start = 0, end = 0;   // the quoted words without their marks (byte offsets)
  uint32_t open = 0, close = 0;  // with the marks (== start, end for indirect speech)
  QuoteKind kind = QuoteKind::kDirect;
  // The speaker's mention (or, for pronoun and continuation, the mention it
  // resolves to, earlier in the text); empty when there is none.
  TextSpan speaker;
  std::string speaker_entity;  // the mention's entity id once resolved (src/pipeline), or ""
  TextSpan attribution;        // the author's words that say who speaks, or empty
  std::string cue;             // the reporting verb or source cue as written, or ""
  SpeakerResolution resolution = SpeakerResolution::kUnresolved;
  bool cut = false;  // ended by Options::max_quote_bytes, not by its mark
};

// Writes `"quotes": [...]` (a key and its array) into an open object; offsets
// in code points (docs/FORMAT.md, "quotes").
void AppendQuotesJson(const Document& doc, JsonWriter* w);

}  // namespace sitrep
