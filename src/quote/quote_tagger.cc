// @brief Quotes and speakers (the approach is in quote_tagger.h; tests in
// quote_tagger_test.cc, scores in src/eval/quote_eval.cc).
#include "quote/quote_tagger.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "base/data_file.h"
#include "base/utf8.h"

namespace sitrep {
namespace {

// A quote whose text has at most this many words and that a term cue opens
// ("une « révolution de couleur »") is a term; with at most kShortWords and
// no reporting verb right after it, it is one too («difficiles»).
constexpr int kTermMaxWords = 6;
constexpr int kShortWords = 3;
// How deep the stack of open marks is searched for the mark a closing mark
// pairs with (keeps hostile runs of marks linear).
constexpr size_t kStackSearch = 8;
// A reporting verb at most this many words after a closing mark is its
// attribution ("», a-t-il ajouté").
constexpr int kImmediateWords = 3;
// How many earlier subjects (or mentions, for a role) an anaphor looks back
// over: keeps documents with thousands of pronouns linear.
constexpr size_t kLookBack = 256;
// A clause framed by a source cue ("selon X, …") needs this many words of
// letters to be reported speech rather than a figure or a fragment ("12 were
// hurt, according to X").
constexpr int kMinSourcedWords = 4;

bool IsAlnum(char32_t c) { return u_isalnum(static_cast<UChar32>(c)); }

// Punctuation after which a quote mark reads as closing, or before which it
// reads as opening.
bool IsClosingPunct(char32_t c) {
  return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
         c == ']' || c == 0x2026;
}

// One quote found by its marks (or a dialogue dash).
struct Marked {
  uint32_t open = 0, close = 0;  // with the marks
  uint32_t start = 0, end = 0;   // the words inside
  size_t para = 0;
  bool cut = false;
  bool dialogue = false;
  // The author's words set off by dashes inside the marks («…, — считает X. — …»):
  // the quote is split around them, and both parts are attributed by them.
  bool interrupted = false;
  TextSpan author;  // dialogue, interrupted: the author's words after (or before) the speech
};

struct OpenMark {
  uint32_t pos = 0, len = 0;
  const QuoteMarkPair* pair = nullptr;
};

// State of one Tag call.
class Tagging {
 public:
  Tagging(const Document& doc, const QuoteLexicon& lex, const Options& options, Deadline* deadline,
          std::vector<std::string>* warnings)
      : doc_(doc),
        text_(doc.text),
        lex_(lex),
        options_(options),
        deadline_(deadline),
        warnings_(warnings) {
    if (doc.tokens.MadeFor(doc.text)) {
      ts_ = &doc.tokens;
    } else {
      own_ = TokenizeText(doc.text);
      ts_ = &own_;
    }
  }

  std::vector<Quote> Run();

 private:
  struct Cue {
    const QuoteCue* cue = nullptr;
    size_t first = 0, last = 0;  // tokens [first, last)
    uint32_t start = 0, end = 0;
  };
  struct Speaker {
    const Mention* mention = nullptr;
    TextSpan pronoun;  // the pronoun (or the verb, for a zero subject) when resolved by one
    SpeakerResolution resolution = SpeakerResolution::kUnresolved;
  };
  struct Event {  // a subject the text gives at `pos`
    uint32_t pos = 0;
    const Mention* mention = nullptr;
    Cue cue;  // the cue it is the subject of (cue.cue null: a sentence's first name)
  };

  // Pass 1.
  void FindMarks();
  void ScanParagraph(size_t p, const QuoteLanguage& lang, bool skip_first);
  void Emit(uint32_t open, uint32_t open_len, uint32_t close, uint32_t close_len, size_t para);
  void EndParagraph(size_t p, bool cut);
  void ReadDialogue(size_t p, const QuoteLanguage& lang);
  void SplitInterrupted();
  // The first dialogue dash in [a, b) set off by spaces, or b.
  uint32_t FindDash(const QuoteLanguage& lang, uint32_t a, uint32_t b, uint32_t* len) const;
  // Pass 2.
  void FindSubjects();
  // Pass 3.
  Quote Attribute(size_t i, const Quote* previous);
  void FindIndirect(std::vector<Quote>* out);
  void FindSourced(std::vector<Quote>* out);

  const QuoteLanguage* LangAt(uint32_t pos) const;
  size_t ParaAt(uint32_t pos) const;
  uint32_t SentStart(uint32_t pos) const;
  uint32_t SentEnd(uint32_t pos) const;
  size_t TokAt(uint32_t pos) const;  // first token starting at or after pos
  bool InsideQuote(uint32_t pos) const;
  // The longest cue of one of `kinds` starting at token i, within tokens < limit.
  bool CueAt(const QuoteLanguage& lang, size_t i, size_t limit, uint32_t kinds, Cue* cue) const;
  // Cues of `kinds` among tokens in [a, b) that lie outside quotes.
  std::vector<Cue> CuesIn(const QuoteLanguage& lang, uint32_t a, uint32_t b, uint32_t kinds) const;
  int LettersBetween(uint32_t a, uint32_t b) const;
  const QuoteCue* PronounAt(const QuoteLanguage& lang, size_t tok) const;
  // The speaker of a cue whose clause is [a, b); `after_quote`: the clause
  // follows the quote (inverted order first).
  Speaker SpeakerOf(const QuoteLanguage& lang, const Cue& cue, uint32_t a, uint32_t b,
                    bool after_quote) const;
  const Mention* Antecedent(uint32_t pos, char gender) const;
  // True when a speaker's mention, or a name opening its sentence, ends right
  // before `pos` (spaces between): a quote there is the predicate of its subject
  // ("Les États-Unis « suivent de près »"), not a term.
  bool AfterSubject(uint32_t pos) const;
  // The first byte of [a, b) that is not whitespace (code points, IsSpace).
  uint32_t SkipSpaces(uint32_t a, uint32_t b) const;
  // The end of [a, b) without trailing whitespace and code points of `also`.
  uint32_t TrimEnd(uint32_t a, uint32_t b, std::string_view also) const;
  void Finish(const Speaker& s, const Cue& cue, Quote* q) const;

  const Document& doc_;
  std::string_view text_;
  const QuoteLexicon& lex_;
  const Options& options_;
  Deadline* deadline_;
  std::vector<std::string>* warnings_;
  TokenStream own_;
  const TokenStream* ts_ = nullptr;

  std::vector<Marked> marked_;
  std::vector<OpenMark> stack_;
  size_t marks_seen_ = 0;
  bool marks_cut_ = false;
  size_t quotes_cut_ = 0;
  std::vector<Event> events_;
};

// ---------------------------------------------------------------- helpers

const QuoteLanguage* Tagging::LangAt(uint32_t pos) const {
  size_t p = ParaAt(pos);
  if (p < doc_.paragraphs.size()) {
    if (const QuoteLanguage* l = lex_.Find(doc_.paragraphs[p].lang)) return l;
  }
  return lex_.Find(doc_.lang);
}

size_t Tagging::ParaAt(uint32_t pos) const {
  auto it = std::partition_point(doc_.paragraphs.begin(), doc_.paragraphs.end(),
                                 [&](const Paragraph& p) { return p.start <= pos; });
  if (it == doc_.paragraphs.begin()) return doc_.paragraphs.size();
  return static_cast<size_t>(std::prev(it) - doc_.paragraphs.begin());
}

uint32_t Tagging::SentStart(uint32_t pos) const {
  auto it = std::partition_point(doc_.sentences.begin(), doc_.sentences.end(),
                                 [&](const Sentence& s) { return s.start <= pos; });
  if (it != doc_.sentences.begin() && pos < std::prev(it)->end) return std::prev(it)->start;
  size_t p = ParaAt(pos);
  return p < doc_.paragraphs.size() ? doc_.paragraphs[p].start : 0;
}

uint32_t Tagging::SentEnd(uint32_t pos) const {
  auto it = std::partition_point(doc_.sentences.begin(), doc_.sentences.end(),
                                 [&](const Sentence& s) { return s.start <= pos; });
  if (it != doc_.sentences.begin() && pos < std::prev(it)->end) return std::prev(it)->end;
  size_t p = ParaAt(pos);
  return p < doc_.paragraphs.size() ? doc_.paragraphs[p].end : static_cast<uint32_t>(text_.size());
}

size_t Tagging::TokAt(uint32_t pos) const {
  return static_cast<size_t>(
      std::partition_point(ts_->tokens.begin(), ts_->tokens.end(),
                           [&](const TextToken& t) { return t.start < pos; }) -
      ts_->tokens.begin());
}

bool Tagging::InsideQuote(uint32_t pos) const {
  auto it = std::partition_point(marked_.begin(), marked_.end(),
                                 [&](const Marked& m) { return m.open <= pos; });
  return it != marked_.begin() && pos < std::prev(it)->close;
}

bool Tagging::CueAt(const QuoteLanguage& lang, size_t i, size_t limit, uint32_t kinds,
                    Cue* cue) const {
  const auto& toks = ts_->tokens;
  auto it = lang.cues.find(std::string(ts_->Folded(toks[i])));
  if (it == lang.cues.end()) return false;
  bool found = false;
  for (const QuoteCue& c : it->second) {
    if (!(kinds & (1u << static_cast<int>(c.kind)))) continue;
    if (i + c.words.size() > limit) continue;
    bool ok = true;
    for (size_t k = 1; k < c.words.size() && ok; ++k) {
      ok = ts_->Folded(toks[i + k]) == c.words[k];
    }
    // A cue ends at a word's end: "dit" is not the start of "dites".
    if (ok && i + c.words.size() < toks.size()) {
      const TextToken& next = toks[i + c.words.size()];
      const TextToken& last = toks[i + c.words.size() - 1];
      if (next.GluedTo(last) && next.cls == TokenClass::kLetters &&
          last.cls == TokenClass::kLetters)
        ok = false;
    }
    if (ok && (!found || c.words.size() > cue->last - cue->first)) {
      found = true;
      cue->cue = &c;
      cue->first = i;
      cue->last = i + c.words.size();
      cue->start = toks[i].start;
      cue->end = toks[i + c.words.size() - 1].end;
    }
  }
  return found;
}

std::vector<Tagging::Cue> Tagging::CuesIn(const QuoteLanguage& lang, uint32_t a, uint32_t b,
                                          uint32_t kinds) const {
  std::vector<Cue> out;
  const size_t limit = TokAt(b);
  for (size_t i = TokAt(a); i < limit; ++i) {
    if (Expired(deadline_, "quotes")) break;
    Cue c;
    if (!CueAt(lang, i, limit, kinds, &c) || InsideQuote(c.start)) continue;
    out.push_back(c);
    i = c.last - 1;
  }
  return out;
}

int Tagging::LettersBetween(uint32_t a, uint32_t b) const {
  int n = 0;
  for (size_t i = TokAt(a); i < ts_->tokens.size() && ts_->tokens[i].end <= b; ++i) {
    if (ts_->tokens[i].cls == TokenClass::kLetters) ++n;
  }
  return n;
}

const QuoteCue* Tagging::PronounAt(const QuoteLanguage& lang, size_t tok) const {
  if (tok >= ts_->tokens.size() || ts_->tokens[tok].cls != TokenClass::kLetters) return nullptr;
  Cue c;
  if (!CueAt(lang, tok, tok + 1, 1u << static_cast<int>(QuoteCueKind::kPronoun), &c)) {
    return nullptr;
  }
  return c.cue;
}

bool SpeakerType(const Mention& m, bool organisations) {
  if (m.type == MentionType::kPer) return !organisations;
  return organisations &&
         (m.type == MentionType::kOrg || (m.type == MentionType::kLoc && m.metonymy));
}

// ---------------------------------------------------------------- pass 1: marks

void Tagging::FindMarks() {
  const auto& paras = doc_.paragraphs;
  bool skip_first = false;
  for (size_t p = 0; p < paras.size() && !marks_cut_; ++p) {
    if (Expired(deadline_, "quotes")) return;
    const QuoteLanguage* lang = LangAt(paras[p].start);
    if (!lang) {
      EndParagraph(p, false);
      skip_first = false;
      continue;
    }
    if (stack_.empty() && !lang->dashes.empty()) {
      size_t pos = paras[p].start;
      char32_t c = NextCodePoint(text_, &pos);
      size_t after = pos;
      char32_t next = pos < paras[p].end ? NextCodePoint(text_, &after) : 0;
      if (std::find(lang->dashes.begin(), lang->dashes.end(), c) != lang->dashes.end() &&
          IsSpace(next)) {
        ReadDialogue(p, *lang);
        continue;
      }
    }
    ScanParagraph(p, *lang, skip_first);
    skip_first = false;
    if (stack_.empty()) continue;
    // Still open: does the quote go on into the next paragraph?
    const OpenMark bottom = stack_.front();
    bool carry = false;
    if (p + 1 < paras.size() && LangAt(paras[p + 1].start) == lang) {
      size_t pos = paras[p + 1].start;
      char32_t first = NextCodePoint(text_, &pos);
      if (first == bottom.pair->open) {
        carry = skip_first = true;
      } else if (bottom.pair->open != bottom.pair->close) {
        for (size_t q = paras[p + 1].start; q < paras[p + 1].end;) {
          char32_t c = NextCodePoint(text_, &q);
          if (c == bottom.pair->open) break;
          if (c == bottom.pair->close) {
            carry = true;
            break;
          }
        }
      }
    }
    // Past max_quote_bytes the quote ends with this paragraph, cut.
    const bool too_long = carry && paras[p + 1].end - bottom.pos > options_.max_quote_bytes;
    if (carry && !too_long) {
      stack_.resize(1);
    } else {
      skip_first = false;
      EndParagraph(p, too_long);
    }
  }
  if (!stack_.empty() && !paras.empty()) EndParagraph(paras.size() - 1, false);
}

// An unclosed quote ends with its paragraph; `cut`: it would go on, but past
// max_quote_bytes.
void Tagging::EndParagraph(size_t p, bool cut) {
  if (stack_.empty()) return;
  const OpenMark bottom = stack_.front();
  stack_.clear();
  uint32_t end = doc_.paragraphs[p].end;
  if (end > bottom.pos) Emit(bottom.pos, bottom.len, end, 0, p);
  if (cut && !marked_.empty() && marked_.back().open == bottom.pos && !marked_.back().cut) {
    marked_.back().cut = true;
    ++quotes_cut_;
  }
}

void Tagging::ScanParagraph(size_t p, const QuoteLanguage& lang, bool skip_first) {
  const Paragraph& para = doc_.paragraphs[p];
  char32_t prev = 0;  // 0: the paragraph start
  size_t pos = para.start;
  if (skip_first) NextCodePoint(text_, &pos);
  while (pos < para.end) {
    const uint32_t at = static_cast<uint32_t>(pos);
    const char32_t c = NextCodePoint(text_, &pos);
    if (!lang.IsMark(c)) {
      prev = c;
      continue;
    }
    if (++marks_seen_ > options_.max_quote_marks) {
      marks_cut_ = true;
      stack_.clear();
      return;
    }
    size_t after = pos;
    const char32_t next = pos < para.end ? NextCodePoint(text_, &after) : 0;
    const uint32_t len = static_cast<uint32_t>(pos - at);
    prev = prev ? prev : ' ';
    char32_t mark_prev = prev;
    prev = c;
    if (IsAlnum(mark_prev) && next != 0 && IsAlnum(next)) continue;  // an apostrophe, l’État
    const bool prev_word = !IsSpace(mark_prev) && mark_prev != '(' && mark_prev != '[' &&
                           mark_prev != 0x2014 && mark_prev != 0x2013;
    const bool next_word = next != 0 && !IsSpace(next) && !IsClosingPunct(next);
    const bool opening_ctx = !prev_word && next_word;
    const bool closing_ctx = prev_word && !next_word;
    const QuoteMarkPair* opens = nullptr;
    bool can_close = false, single_close = true;
    for (const QuoteMarkPair& pr : lang.pairs) {
      if (pr.open == c && !opens) opens = &pr;
      if (pr.close == c) {
        can_close = true;
        single_close = single_close && pr.single;
      }
    }
    // 1. The innermost open quote this mark closes.
    if (can_close) {
      size_t k = stack_.size();
      for (size_t d = 0; d < stack_.size() && d < kStackSearch; ++d) {
        if (stack_[stack_.size() - 1 - d].pair->close == c) {
          k = stack_.size() - 1 - d;
          break;
        }
      }
      const bool same_char = k < stack_.size() && stack_[k].pair->open == c;
      if (k < stack_.size() && (same_char || !(opens && opening_ctx))) {
        const OpenMark m = stack_[k];
        stack_.resize(k);
        if (stack_.empty()) Emit(m.pos, m.len, at, len, p);
        continue;
      }
    }
    // 2. An opening mark.
    if (opens && (opens->open != opens->close || !closing_ctx) && (!opens->single || opening_ctx) &&
        next != 0) {
      stack_.push_back({at, len, opens});
      continue;
    }
    // 3. A double closing mark that pairs with nothing open closes the
    // innermost double quote (« … " in machine-translated text).
    if (can_close && !single_close && !stack_.empty() && !stack_.back().pair->single &&
        !opening_ctx) {
      const OpenMark m = stack_.back();
      stack_.pop_back();
      if (stack_.empty()) Emit(m.pos, m.len, at, len, p);
    }
  }
}

void Tagging::Emit(uint32_t open, uint32_t open_len, uint32_t close, uint32_t close_len,
                   size_t para) {
  Marked m;
  m.open = open;
  m.close = close + close_len;
  m.para = para;
  size_t s = open + open_len, e = close;
  while (s < e) {
    size_t n = s;
    if (!IsSpace(NextCodePoint(text_, &n))) break;
    s = n;
  }
  while (e > s) {
    size_t n = e;
    if (!IsSpace(PrevCodePoint(text_, &n))) break;
    e = n;
  }
  if (e <= s) return;
  if (e - s > options_.max_quote_bytes) {
    e = s + options_.max_quote_bytes;
    while (e > s && (static_cast<unsigned char>(text_[e]) & 0xC0) == 0x80) --e;
    m.cut = true;
    ++quotes_cut_;
  }
  m.start = static_cast<uint32_t>(s);
  m.end = static_cast<uint32_t>(e);
  if (!marked_.empty() && m.open < marked_.back().close) return;  // never overlap
  marked_.push_back(m);
}

// "— Speech, — author's words. — More speech." Speech and the author's words
// alternate at the dashes set off by spaces; the author's words start with a
// lower-case letter.
void Tagging::ReadDialogue(size_t p, const QuoteLanguage& lang) {
  const Paragraph& para = doc_.paragraphs[p];
  struct Piece {
    uint32_t start, end;
  };
  std::vector<Piece> pieces;
  size_t pos = para.start;
  NextCodePoint(text_, &pos);  // the opening dash
  uint32_t from = static_cast<uint32_t>(pos);
  char32_t prev = ' ';
  while (pos < para.end) {
    const uint32_t at = static_cast<uint32_t>(pos);
    const char32_t c = NextCodePoint(text_, &pos);
    const bool dash = std::find(lang.dashes.begin(), lang.dashes.end(), c) != lang.dashes.end();
    if (dash && IsSpace(prev)) {
      size_t after = pos;
      if (pos >= para.end || IsSpace(NextCodePoint(text_, &after))) {
        pieces.push_back({from, at});
        from = static_cast<uint32_t>(pos);
      }
    }
    prev = c;
  }
  pieces.push_back({from, para.end});
  bool speech = true;
  std::vector<size_t> speech_index;  // into marked_
  TextSpan last_author;
  for (size_t i = 0; i < pieces.size(); ++i) {
    // Trim spaces and the comma that ends speech before an author's dash.
    uint32_t s = pieces[i].start, e = pieces[i].end;
    s = SkipSpaces(s, e);
    e = TrimEnd(s, e, ",");
    if (e <= s) continue;
    if (i > 0) {
      size_t q = s;
      const char32_t first = NextCodePoint(text_, &q);
      speech = !(u_islower(static_cast<UChar32>(first)) && speech);
    }
    if (speech) {
      Marked m;
      m.open = pieces[i].start;
      m.close = pieces[i].end;
      m.start = s;
      m.end = e;
      m.para = p;
      m.dialogue = true;
      m.author = last_author;
      if (!marked_.empty() && m.open < marked_.back().close) continue;
      marked_.push_back(m);
      speech_index.push_back(marked_.size() - 1);
    } else {
      last_author = {s, e};
      // The author's words after a speech belong to it first.
      if (!speech_index.empty()) marked_[speech_index.back()].author = last_author;
    }
  }
}

uint32_t Tagging::SkipSpaces(uint32_t a, uint32_t b) const {
  while (a < b) {
    size_t n = a;
    if (!IsSpace(NextCodePoint(text_, &n))) break;
    a = static_cast<uint32_t>(n);
  }
  return a;
}

uint32_t Tagging::TrimEnd(uint32_t a, uint32_t b, std::string_view also) const {
  while (b > a) {
    size_t n = b;
    const char32_t c = PrevCodePoint(text_, &n);
    std::string cs;
    AppendUtf8(&cs, c);
    if (!IsSpace(c) && (also.empty() || also.find(cs) == std::string_view::npos)) break;
    b = static_cast<uint32_t>(n);
  }
  return b;
}

bool Tagging::AfterSubject(uint32_t pos) const {
  uint32_t b = pos;
  b = TrimEnd(0, b, "");
  auto it = std::partition_point(doc_.mentions.begin(), doc_.mentions.end(),
                                 [&](const Mention& m) { return m.start < b; });
  for (size_t seen = 0; it != doc_.mentions.begin() && seen < 4; ++seen) {
    --it;
    if (it->end != b || it->type == MentionType::kAdj) continue;
    // A person or organisation, or any name that opens its sentence (the
    // subject): "Les États-Unis « suivent de près »", not "de Genève « difficiles »".
    return SpeakerType(*it, false) || SpeakerType(*it, true) ||
           LettersBetween(SentStart(it->start), it->start) <= 2;
  }
  return false;
}

uint32_t Tagging::FindDash(const QuoteLanguage& lang, uint32_t a, uint32_t b, uint32_t* len) const {
  char32_t prev = 0;
  for (size_t pos = a; pos < b;) {
    const size_t at = pos;
    const char32_t c = NextCodePoint(text_, &pos);
    if (IsSpace(prev) &&
        std::find(lang.dashes.begin(), lang.dashes.end(), c) != lang.dashes.end()) {
      size_t after = pos;
      if (pos < b && IsSpace(NextCodePoint(text_, &after))) {
        *len = static_cast<uint32_t>(pos - at);
        return static_cast<uint32_t>(at);
      }
    }
    prev = c;
  }
  return b;
}

// «Быстрый вывод …, — считает политолог X. — Но …»: the author's words
// between two dashes, starting with a lower-case letter, split the quote.
void Tagging::SplitInterrupted() {
  std::vector<Marked> out;
  out.reserve(marked_.size());
  for (const Marked& m : marked_) {
    const QuoteLanguage* lang = LangAt(m.start);
    uint32_t len1 = 0, len2 = 0;
    const uint32_t d1 = m.dialogue || !lang || lang->dashes.empty()
                            ? m.end
                            : FindDash(*lang, m.start, m.end, &len1);
    const uint32_t a = d1 < m.end ? SkipSpaces(d1 + len1, m.end) : m.end;
    size_t q = a;
    const bool lower = a < m.end && u_islower(static_cast<UChar32>(NextCodePoint(text_, &q)));
    const uint32_t d2 = lower ? FindDash(*lang, a, m.end, &len2) : m.end;
    if (d2 >= m.end) {
      out.push_back(m);
      continue;
    }
    Marked first = m, second = m;
    first.close = d1;
    first.end = TrimEnd(m.start, d1, ",");
    first.interrupted = second.interrupted = true;
    first.author = second.author = {a, TrimEnd(a, d2, ",.")};
    second.open = d2;
    second.start = SkipSpaces(d2 + len2, m.end);
    second.cut = false;
    if (first.end > first.start) out.push_back(first);
    if (second.end > second.start) out.push_back(second);
  }
  marked_ = std::move(out);
}

// ---------------------------------------------------------------- pass 2: subjects

const Mention* Tagging::Antecedent(uint32_t pos, char gender) const {
  auto it = std::partition_point(events_.begin(), events_.end(),
                                 [&](const Event& e) { return e.pos < pos; });
  for (size_t seen = 0; it != events_.begin() && seen < kLookBack; ++seen) {
    --it;
    if (gender != 'p' && it->mention->type != MentionType::kPer) continue;
    return it->mention;
  }
  return nullptr;
}

void Tagging::FindSubjects() {
  const uint32_t kinds = (1u << static_cast<int>(QuoteCueKind::kVerb)) |
                         (1u << static_cast<int>(QuoteCueKind::kSource)) |
                         (1u << static_cast<int>(QuoteCueKind::kSourceAfter));
  std::vector<std::pair<uint32_t, uint32_t>> sentences;
  for (const Sentence& s : doc_.sentences) sentences.emplace_back(s.start, s.end);
  if (sentences.empty()) {
    for (const Paragraph& p : doc_.paragraphs) sentences.emplace_back(p.start, p.end);
  }
  auto first_mention = doc_.mentions.begin();
  for (const auto& [a, b] : sentences) {
    if (Expired(deadline_, "quotes")) return;
    const QuoteLanguage* lang = LangAt(a);
    if (!lang) continue;
    // A person named first in the sentence, outside quotes, is its subject.
    first_mention = std::partition_point(first_mention, doc_.mentions.end(),
                                         [&](const Mention& m) { return m.start < a; });
    for (auto m = first_mention; m != doc_.mentions.end() && m->start < b; ++m) {
      if (InsideQuote(m->start)) continue;
      if (m->type == MentionType::kPer && LettersBetween(a, m->start) <= 4) {
        events_.push_back({m->start, &*m, Cue()});
      }
      break;
    }
    for (const Cue& c : CuesIn(*lang, a, b, kinds)) {
      Speaker s = SpeakerOf(*lang, c, a, b, false);
      if (!s.mention) continue;
      if (!events_.empty() && events_.back().mention == s.mention && !events_.back().cue.cue) {
        events_.back().cue = c;  // the sentence's first name, now with its verb
      } else if (events_.empty() || events_.back().mention != s.mention) {
        events_.push_back({c.start, s.mention, c});
      }
    }
  }
  std::stable_sort(events_.begin(), events_.end(),
                   [](const Event& x, const Event& y) { return x.pos < y.pos; });
}

// ---------------------------------------------------------------- pass 3: speakers

Tagging::Speaker Tagging::SpeakerOf(const QuoteLanguage& lang, const Cue& cue, uint32_t a,
                                    uint32_t b, bool after_quote) const {
  Speaker out;
  const auto& toks = ts_->tokens;
  auto candidates = [&](uint32_t from, uint32_t to, bool orgs) {
    std::vector<const Mention*> v;
    auto it = std::partition_point(doc_.mentions.begin(), doc_.mentions.end(),
                                   [&](const Mention& m) { return m.start < from; });
    for (; it != doc_.mentions.end() && it->start < to; ++it) {
      if (it->end <= to && SpeakerType(*it, orgs) && !InsideQuote(it->start)) v.push_back(&*it);
    }
    return v;
  };
  auto first_after = [&](bool orgs) -> const Mention* {
    auto v = candidates(cue.end, b, orgs);
    return v.empty() ? nullptr : v.front();
  };
  auto last_before = [&](bool orgs) -> const Mention* {
    auto v = candidates(a, cue.start, orgs);
    return v.empty() ? nullptr : v.back();
  };
  auto pronoun_before = [&](int words) -> size_t {
    int n = 0;
    for (size_t i = cue.first; i-- > 0 && toks[i].start >= a;) {
      if (toks[i].cls != TokenClass::kLetters) {
        std::string_view f = ts_->Folded(toks[i]);
        if (f != "-" && f != "'") break;
        continue;
      }
      if (PronounAt(lang, i)) return i;
      if (++n >= words) break;
    }
    return SIZE_MAX;
  };
  auto pronoun_after = [&]() -> size_t {
    size_t i = cue.last;
    while (i < toks.size() && toks[i].end <= b && toks[i].cls != TokenClass::kLetters) {
      std::string_view f = ts_->Folded(toks[i]);
      if (f != "-") return SIZE_MAX;
      ++i;
    }
    return i < toks.size() && toks[i].end <= b && PronounAt(lang, i) ? i : SIZE_MAX;
  };
  auto by_pronoun = [&](size_t tok) {
    const QuoteCue* p = PronounAt(lang, tok);
    out.pronoun = {toks[tok].start, toks[tok].end};
    out.mention = Antecedent(cue.start, p ? p->gender : 'm');
    out.resolution = out.mention ? SpeakerResolution::kPronoun : SpeakerResolution::kUnresolved;
    return out;
  };
  auto by_mention = [&](const Mention* m) {
    out.mention = m;
    out.resolution = SpeakerResolution::kExplicit;
    return out;
  };
  if (cue.cue->kind == QuoteCueKind::kSource) {
    if (const Mention* m = first_after(false)) return by_mention(m);
    if (const Mention* m = first_after(true)) return by_mention(m);
    return out;
  }
  if (cue.cue->kind == QuoteCueKind::kSourceAfter) {
    if (const Mention* m = last_before(false)) return by_mention(m);
    if (const Mention* m = last_before(true)) return by_mention(m);
    return out;
  }
  if (after_quote) {
    if (size_t t = pronoun_before(kImmediateWords); t != SIZE_MAX) return by_pronoun(t);
    if (size_t t = pronoun_after(); t != SIZE_MAX) return by_pronoun(t);
    for (bool orgs : {false, true}) {
      if (const Mention* m = first_after(orgs)) return by_mention(m);
      if (const Mention* m = last_before(orgs)) return by_mention(m);
    }
    // No subject written (a pro-drop language, "», a précisé."): the last
    // subject. Words after the cue that are no mention name someone unknown.
    // The clause must end right after the cue (within its sentence, whatever
    // quote follows).
    const uint32_t clause_end = SentEnd(cue.start);
    bool ends = false;
    for (size_t i = cue.last; i < toks.size() && toks[i].end <= clause_end && !ends; ++i) {
      if (toks[i].cls == TokenClass::kLetters) return out;
      const std::string_view f = ts_->Folded(toks[i]);
      ends = f == "." || f == "," || f == ";" || f == ":" || f == "!" || f == "?";
    }
    if (!ends && clause_end > cue.end && TokAt(clause_end) > cue.last) return out;
    out.pronoun = {cue.start, cue.end};
    out.mention = Antecedent(cue.start, 0);
    out.resolution = out.mention ? SpeakerResolution::kPronoun : SpeakerResolution::kUnresolved;
    return out;
  }
  if (size_t t = pronoun_before(2); t != SIZE_MAX) return by_pronoun(t);
  if (const Mention* m = last_before(false)) return by_mention(m);
  if (size_t t = pronoun_after(); t != SIZE_MAX) return by_pronoun(t);
  if (const Mention* m = first_after(false)) return by_mention(m);
  if (const Mention* m = last_before(true)) return by_mention(m);
  if (const Mention* m = first_after(true)) return by_mention(m);
  return out;
}

// Speaker fields of a quote from a resolved cue.
void Tagging::Finish(const Speaker& s, const Cue& cue, Quote* q) const {
  q->cue = std::string(text_.substr(cue.start, cue.end - cue.start));
  uint32_t a = cue.start, b = cue.end;
  auto widen = [&](TextSpan t) {
    if (t.empty() || t.start + 400 < a || t.end > b + 400) return;
    a = std::min(a, t.start);
    b = std::max(b, t.end);
  };
  widen(s.pronoun);
  if (s.mention && s.pronoun.empty()) widen({s.mention->start, s.mention->end});
  q->attribution = {a, b};
  q->resolution = s.resolution;
  if (!s.mention) return;
  const Mention* m = s.mention;
  if (m->nominal) {
    // A role: the person the KB gives for it, else the last person the text
    // gave that role.
    q->resolution = SpeakerResolution::kRole;
    if (m->kb_entity < 0 && !m->role.empty()) {
      auto it = std::partition_point(doc_.mentions.begin(), doc_.mentions.end(),
                                     [&](const Mention& o) { return o.start < s.mention->start; });
      for (size_t seen = 0; it != doc_.mentions.begin() && seen < kLookBack && m == s.mention;
           ++seen) {
        --it;
        if (it->nominal || it->type != MentionType::kPer) continue;
        for (const MentionRole& r : it->roles) {
          if (r.role == m->role) m = &*it;
        }
      }
    }
  } else if (s.resolution == SpeakerResolution::kExplicit) {
    for (const MentionRole& r : m->roles) {
      if (r.start >= m->end) q->resolution = SpeakerResolution::kApposition;
    }
  }
  q->speaker = {m->start, m->end};
  q->speaker_entity = m->entity;
}

Quote Tagging::Attribute(size_t i, const Quote* previous) {
  const Marked& mk = marked_[i];
  Quote q;
  q.open = mk.open;
  q.close = mk.close;
  q.start = mk.start;
  q.end = mk.end;
  q.cut = mk.cut;
  const QuoteLanguage* lang = LangAt(mk.start);
  if (!lang) return q;
  const uint32_t verbs = (1u << static_cast<int>(QuoteCueKind::kVerb)) |
                         (1u << static_cast<int>(QuoteCueKind::kSource)) |
                         (1u << static_cast<int>(QuoteCueKind::kSourceAfter));
  // The clause after the quote and the one before it, each within its
  // sentence and up to the neighbouring quote.
  uint32_t post_a = mk.close, post_b = mk.close > 0 ? SentEnd(mk.close - 1) : mk.close;
  if (i + 1 < marked_.size()) post_b = std::min(post_b, marked_[i + 1].open);
  post_b = std::max(post_b, post_a);
  uint32_t pre_a = SentStart(mk.open), pre_b = mk.open;
  if (i > 0) pre_a = std::max(pre_a, marked_[i - 1].close);
  pre_a = std::min(pre_a, pre_b);
  if (mk.dialogue || mk.interrupted) {
    post_a = pre_a = mk.author.start;
    post_b = pre_b = mk.author.end;
  }
  // A quote that ends its own sentence with a full stop has no attribution
  // after it; after ! or ? only one right after it ("«Allez !», a-t-il lancé").
  const char last = text_[mk.end - 1];
  const bool full_stop =
      !mk.dialogue && !mk.interrupted &&
      (last == '.' || (mk.end >= mk.start + 3 && text_.substr(mk.end - 3, 3) == "\u2026"));
  const bool exclaimed = !mk.dialogue && !mk.interrupted && (last == '!' || last == '?');
  std::vector<Cue> post = full_stop ? std::vector<Cue>() : CuesIn(*lang, post_a, post_b, verbs);
  std::vector<Cue> pre =
      mk.dialogue || mk.interrupted ? std::vector<Cue>() : CuesIn(*lang, pre_a, pre_b, verbs);
  const bool immediate = !post.empty() && LettersBetween(post_a, post[0].start) <= kImmediateWords;

  // Kind.
  const int words = LettersBetween(mk.start, mk.end);
  bool term_cue = false;
  const size_t open_tok = TokAt(mk.open);
  for (size_t k = 1; k <= lang->longest_cue && k <= open_tok && !term_cue; ++k) {
    Cue c;
    term_cue =
        CueAt(*lang, open_tok - k, open_tok, 1u << static_cast<int>(QuoteCueKind::kTerm), &c) &&
        c.last == open_tok && ts_->tokens[open_tok - k].start >= SentStart(mk.open);
  }
  if (mk.dialogue) {
    q.kind = QuoteKind::kDirect;
  } else if ((term_cue && words <= kTermMaxWords) ||
             (words <= kShortWords && !immediate && !AfterSubject(mk.open))) {
    q.kind = QuoteKind::kTerm;
  } else {
    uint32_t b = mk.open;
    b = TrimEnd(0, b, "");
    const bool starts = b <= SentStart(mk.open) || (b > 0 && text_[b - 1] == ':') ||
                        ParaAt(b) != ParaAt(mk.open) || b == doc_.paragraphs[mk.para].start;
    q.kind = starts ? QuoteKind::kDirect : QuoteKind::kPartial;
  }

  // Speaker.
  const Cue* cue = nullptr;
  bool after = false;
  if (immediate) {
    cue = &post[0];
    after = true;
  } else if (!pre.empty()) {
    cue = &pre.back();
  } else if (!post.empty() && !exclaimed) {
    cue = &post[0];
    after = true;
  }
  if (cue) {
    Speaker s = SpeakerOf(*lang, *cue, after ? post_a : pre_a, after ? post_b : pre_b, after);
    Finish(s, *cue, &q);
    // "», a-t-il déclaré, ajoutant que « … »": a cue with no subject of its
    // own after an earlier quote of the same sentence shares its speaker.
    if (!s.mention && !after && q.kind != QuoteKind::kTerm && previous &&
        !previous->speaker.empty() && previous->close >= SentStart(mk.open)) {
      q.speaker = previous->speaker;
      q.speaker_entity = previous->speaker_entity;
      q.resolution = SpeakerResolution::kContinuation;
    }
    return q;
  }
  // No cue: a quote right after another one (no sentence starting between
  // them) continues its speaker.
  if (q.kind != QuoteKind::kTerm && previous && !previous->speaker.empty()) {
    auto s = std::partition_point(doc_.sentences.begin(), doc_.sentences.end(),
                                  [&](const Sentence& x) { return x.start <= previous->close; });
    const bool next_to = s == doc_.sentences.end() || s->start >= mk.open;
    if (next_to && ParaAt(mk.open) <= ParaAt(previous->close) + 1) {
      q.speaker = previous->speaker;
      q.speaker_entity = previous->speaker_entity;
      q.resolution = SpeakerResolution::kContinuation;
      return q;
    }
  }
  // A quote that opens its sentence right after a sentence whose reporting
  // verb has a subject ("X note encore que … . « … »") is that subject's.
  if (q.kind != QuoteKind::kTerm && mk.open > 0 && mk.open <= SentStart(mk.open) + 1) {
    const uint32_t prev_end = SentStart(mk.open) > 0 ? SentStart(mk.open) - 1 : 0;
    const uint32_t prev_start = SentStart(prev_end);
    if (ParaAt(prev_start) + 1 >= ParaAt(mk.open) &&
        (i == 0 || marked_[i - 1].close <= prev_start)) {
      auto it = std::partition_point(events_.begin(), events_.end(),
                                     [&](const Event& e) { return e.pos < mk.open; });
      if (it != events_.begin() && std::prev(it)->pos >= prev_start && std::prev(it)->cue.cue) {
        Speaker s;
        s.mention = std::prev(it)->mention;
        s.resolution = SpeakerResolution::kExplicit;
        Finish(s, std::prev(it)->cue, &q);
      }
    }
  }
  return q;
}

void Tagging::FindIndirect(std::vector<Quote>* out) {
  const uint32_t verbs = 1u << static_cast<int>(QuoteCueKind::kVerb);
  const uint32_t that = 1u << static_cast<int>(QuoteCueKind::kThat);
  for (const Sentence& s : doc_.sentences) {
    if (Expired(deadline_, "quotes")) return;
    const QuoteLanguage* lang = LangAt(s.start);
    if (!lang) continue;
    for (const Cue& c : CuesIn(*lang, s.start, s.end, verbs)) {
      // The complementizer right after the verb, or after a comma ("заявили,
      // что", "sagte, dass").
      Cue t;
      size_t at = c.last;
      if (at < ts_->tokens.size() && ts_->Folded(ts_->tokens[at]) == ",") ++at;
      if (at >= ts_->tokens.size() || !CueAt(*lang, at, TokAt(s.end), that, &t)) continue;
      // A quote with marks in the clause carries it already.
      auto next = std::partition_point(marked_.begin(), marked_.end(),
                                       [&](const Marked& m) { return m.open < t.end; });
      if (next != marked_.end() && next->open < s.end) continue;
      uint32_t a = t.end, b = s.end;
      a = SkipSpaces(a, b);
      b = TrimEnd(a, b, ",.;:!?\u2026");
      if (LettersBetween(a, b) < 2) continue;
      Quote q;
      q.open = q.start = a;
      q.close = q.end = b;
      q.kind = QuoteKind::kIndirect;
      Finish(SpeakerOf(*lang, c, s.start, a, false), c, &q);
      out->push_back(std::move(q));
    }
  }
  FindSourced(out);
}

// "Selon X, les routes resteront fermées." / "The bridge will reopen in May,
// according to X.": the clause a source cue frames is X's reported speech,
// when the source phrase is the whole lead or the whole tail of its sentence
// and names a speaker the entity stage found. One per sentence; none in a
// sentence that holds a quote with marks or a quote already found.
void Tagging::FindSourced(std::vector<Quote>* out) {
  const uint32_t sources = 1u << static_cast<int>(QuoteCueKind::kSource);
  const auto& toks = ts_->tokens;
  std::vector<uint32_t> taken;  // starts of the quotes found so far
  for (const Quote& q : *out) taken.push_back(q.open);
  std::sort(taken.begin(), taken.end());
  auto is_comma = [&](size_t k) { return k < toks.size() && ts_->Folded(toks[k]) == ","; };
  for (const Sentence& s : doc_.sentences) {
    if (Expired(deadline_, "quotes")) return;
    const QuoteLanguage* lang = LangAt(s.start);
    if (!lang) continue;
    auto held = std::lower_bound(taken.begin(), taken.end(), s.start);
    if (held != taken.end() && *held < s.end) continue;
    auto marked = std::partition_point(marked_.begin(), marked_.end(),
                                       [&](const Marked& m) { return m.open < s.start; });
    if (marked != marked_.end() && marked->open < s.end) continue;
    const size_t last_tok = TokAt(s.end);
    for (const Cue& c : CuesIn(*lang, s.start, s.end, sources)) {
      uint32_t a = 0, b = 0, source_end = 0;
      if (c.start == SkipSpaces(s.start, s.end)) {
        // Lead: the source phrase runs to the first comma.
        size_t k = c.last;
        while (k < last_tok && !is_comma(k)) ++k;
        if (k >= last_tok) continue;
        source_end = toks[k].start;
        a = SkipSpaces(toks[k].end, s.end);
        b = TrimEnd(a, s.end, ",.;:!?\u2026");
      } else if (c.first > 0 && is_comma(c.first - 1)) {
        // Tail: nothing after the source phrase but the sentence's end.
        source_end = TrimEnd(c.end, s.end, ".;:!?\u2026");
        size_t k = c.last;
        while (k < last_tok && toks[k].start < source_end && !is_comma(k)) ++k;
        if (k < last_tok && toks[k].start < source_end) continue;
        a = SkipSpaces(s.start, s.end);
        b = TrimEnd(a, toks[c.first - 1].start, ",");
      } else {
        continue;
      }
      if (LettersBetween(a, b) < kMinSourcedWords) continue;
      Speaker sp = SpeakerOf(*lang, c, c.start, source_end, false);
      if (!sp.mention) continue;
      Quote q;
      q.open = q.start = a;
      q.close = q.end = b;
      q.kind = QuoteKind::kIndirect;
      Finish(sp, c, &q);
      out->push_back(std::move(q));
      break;
    }
  }
}

std::vector<Quote> Tagging::Run() {
  std::vector<Quote> out;
  if (doc_.paragraphs.empty()) return out;
  FindMarks();
  SplitInterrupted();
  FindSubjects();
  const Quote* previous = nullptr;
  out.reserve(marked_.size());
  for (size_t i = 0; i < marked_.size(); ++i) {
    if (Expired(deadline_, "quotes")) break;
    out.push_back(Attribute(i, previous));
    if (out.back().kind != QuoteKind::kTerm) previous = &out.back();
  }
  FindIndirect(&out);
  std::stable_sort(out.begin(), out.end(),
                   [](const Quote& x, const Quote& y) { return x.start < y.start; });
  if (marks_cut_) {
    warnings_->push_back("more quote marks than max_quote_marks (" +
                         std::to_string(options_.max_quote_marks) +
                         "); the rest of the document was not searched for quotes");
  }
  if (quotes_cut_ > 0) {
    warnings_->push_back(std::to_string(quotes_cut_) + " quote(s) longer than max_quote_bytes (" +
                         std::to_string(options_.max_quote_bytes) + ") were cut");
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<QuoteTagger>> QuoteTagger::Create(const Options& options) {
  Result<QuoteLexicon> lex = QuoteLexicon::Load(DataDir(options), DataLanguages(options));
  if (!lex.ok()) return lex.status();
  return std::make_unique<QuoteTagger>(std::move(lex).value(), options);
}

std::vector<Quote> QuoteTagger::Tag(const Document& doc, Deadline* deadline,
                                    std::vector<std::string>* warnings) const {
  return Tagging(doc, lexicon_, options_, deadline, warnings).Run();
}

void LinkQuoteSpeakers(Document* doc) {
  for (Quote& q : doc->quotes) {
    if (q.speaker.empty()) continue;
    auto it = std::partition_point(doc->mentions.begin(), doc->mentions.end(),
                                   [&](const Mention& m) { return m.start < q.speaker.start; });
    for (; it != doc->mentions.end() && it->start == q.speaker.start; ++it) {
      if (it->end == q.speaker.end) {
        q.speaker_entity = it->entity;
        break;
      }
    }
  }
}

}  // namespace sitrep
