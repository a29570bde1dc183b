// @brief QuoteTagger: quotations and reported speech of a Document, with
// their speakers (docs/formats/quote.md describes the tables, docs/FORMAT.md
// the output). Reads the text, paragraphs, sentences, token stream and
// mentions the earlier stages made; everything language-specific comes from
// data/lang/<code>/quote_*.tsv.
//
// How it works, in three linear passes over the document:
//  1. Marks. Each paragraph is scanned for the quote marks of its language
//     with a stack: a mark closes the innermost open quote it pairs with,
//     else opens one when the text around it reads as an opening; a closing
//     double mark that pairs with nothing open closes the innermost double
//     quote (« … " in machine-translated text). A quote still open at the end
//     of a paragraph goes on into the next one when that paragraph opens with
//     the same mark again, or closes it before opening another; otherwise it
//     ends with its paragraph. Only outermost quotes are kept. A paragraph
//     that opens with a dialogue dash is read as dialogue: speech and the
//     author's words ("— …, — заявил он. — …") alternate between the dashes.
//  2. Subjects. Every reporting verb or source cue outside the quotes gives
//     its subject (the nearest person before it in its sentence, else after
//     it), and a pronoun next to a verb resolves to the last such subject:
//     the record that pronouns resolve against.
//  3. Speakers. A quote takes the cue right after it ("», a déclaré X"), else
//     the last cue before it in its sentence ("selon X, « … »", "X said:
//     “…”"), else any cue after it in its sentence; with none, a quote right
//     after another (no sentence between them) continues its speaker.
// Then reported speech without marks: a verb followed by a complementizer
// ("a déclaré que …") gives an indirect quote up to the end of its sentence.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/deadline.h"
#include "base/options.h"
#include "base/status.h"
#include "doc/document.h"
#include "quote/quote_lexicon.h"

namespace sitrep {

class QuoteTagger {
 public:
  // Loads the quote tables of every language of DataDir(options).
  static Result<std::unique_ptr<QuoteTagger>> Create(const Options& options);
  // From a lexicon already loaded (tests).
  QuoteTagger(QuoteLexicon lexicon, const Options& options)
      : lexicon_(std::move(lexicon)), options_(options) {}

  // The quotes of `doc`, sorted by start. A limit reached (Options::
  // max_quote_marks, max_quote_bytes) adds a line to `warnings`. Stops early
  // when the deadline expires.
  std::vector<Quote> Tag(const Document& doc, Deadline* deadline,
                         std::vector<std::string>* warnings) const;

 private:
  QuoteLexicon lexicon_;
  Options options_;
};

// After corpus resolution: gives each quote the entity id of its speaker's
// mention (Quote::speaker_entity).
void LinkQuoteSpeakers(Document* doc);

}  // namespace sitrep
