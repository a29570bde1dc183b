// @brief The cleaning pipeline: blocks -> rules -> title/date -> text, sentences, languages.
//
// Rules run in a fixed order, each marking whole blocks or cutting spans out
// of a block; every cut is recorded as a Removal with its reason. Rules only
// use structure (position, length, punctuation, repetition) and the language
// data files; nothing here knows about particular sites or articles.
#include "clean/cleaner.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "base/data_file.h"
#include "base/deadline.h"
#include "base/hash.h"
#include "base/text_fold.h"
#include "base/utf8.h"
#include "clean/block.h"
#include "clean/langid.h"
#include "html/html_extractor.h"

namespace sitrep {
namespace {

constexpr size_t kMaxRemovalText = 500;  // bytes of removed text kept per removal

bool IsTerminal(char32_t c) {
  switch (c) {
    case '.':
    case '!':
    case '?':
    case 0x2026:
    case 0x3002:
      return true;
    default:
      return false;
  }
}

char32_t LastNonSpace(std::string_view s) {
  size_t p = s.size();
  while (p > 0) {
    char32_t c = PrevCodePoint(s, &p);
    if (!IsSpace(c)) return c;
  }
  return 0;
}

char32_t PrevCodePointAt(std::string_view s, size_t pos) {
  size_t p = pos;
  return PrevCodePoint(s, &p);
}

char32_t FirstNonSpace(std::string_view s) {
  for (size_t p = 0; p < s.size();) {
    char32_t c = NextCodePoint(s, &p);
    if (!IsSpace(c)) return c;
  }
  return 0;
}

bool IsQuoteChar(char32_t c) {
  return c == '"' || c == 0xAB || c == 0xBB || c == 0x201C || c == 0x201D || c == 0x201E ||
         c == 0x2039 || c == 0x203A;
}

// Ends with a sentence-final mark, possibly followed by closing quotes/brackets.
bool EndsWithTerminal(std::string_view s) {
  size_t p = s.size();
  while (p > 0) {
    char32_t c = PrevCodePoint(s, &p);
    if (IsSpace(c) || IsQuoteChar(c) || c == ')' || c == ']') continue;
    return IsTerminal(c);
  }
  return false;
}

std::string Truncate(std::string_view s) {
  if (s.size() <= kMaxRemovalText) return std::string(s);
  size_t cut = kMaxRemovalText;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "\xE2\x80\xA6";
}

std::vector<std::string> SplitWords(std::string_view folded_words) {
  std::vector<std::string> out;
  size_t a = 0;
  while (a < folded_words.size()) {
    size_t b = folded_words.find(' ', a);
    if (b == std::string_view::npos) b = folded_words.size();
    if (b > a) out.emplace_back(folded_words.substr(a, b - a));
    a = b + 1;
  }
  return out;
}

// Content words: folded words of at least 4 bytes.
std::vector<std::string> ContentWords(std::string_view text) {
  std::vector<std::string> out;
  for (auto& w : SplitWords(FoldToWords(text))) {
    if (w.size() >= 4) out.push_back(std::move(w));
  }
  return out;
}

// A bag of words: how often each word occurs, for containment tests in time
// linear in the words looked up (never |a| x |b|).
class WordBag {
 public:
  explicit WordBag(const std::vector<std::string>& words) : size_(words.size()) {
    for (const auto& w : words) ++counts_[w];
  }
  size_t size() const { return size_; }
  bool Has(const std::string& w) const { return counts_.count(w) > 0; }
  // Occurrences in this bag of the distinct words of `other`.
  size_t CountOf(const std::vector<std::string>& other) const {
    std::unordered_set<std::string_view> seen;
    size_t n = 0;
    for (const auto& w : other) {
      if (!seen.insert(w).second) continue;
      auto it = counts_.find(w);
      if (it != counts_.end()) n += it->second;
    }
    return n;
  }

 private:
  size_t size_;
  std::unordered_map<std::string, size_t> counts_;
};

// Share of `a`'s words (with repeats) that occur in `b`.
double Containment(const std::vector<std::string>& a, const WordBag& b) {
  if (a.empty()) return 0;
  size_t hit = 0;
  for (const auto& w : a) hit += b.Has(w) ? 1 : 0;
  return static_cast<double>(hit) / a.size();
}
// Share of `a`'s words (with repeats) that occur in `b`.
double Containment(const WordBag& a, const std::vector<std::string>& b) {
  return a.size() == 0 ? 0 : static_cast<double>(a.CountOf(b)) / a.size();
}
double Containment(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return Containment(a, WordBag(b));
}

// Most sentences a pull-quote candidate is compared with. Candidates come from
// the sentences sharing the candidate's rarest words, so the search is exact
// whenever the document has at most this many sentences in multi-sentence
// paragraphs, and costs at most this much per candidate beyond.
constexpr size_t kMaxPullQuoteCandidates = 1024;

// The sentences of multi-sentence blocks, as content-word ids, indexed by
// word: finds every sentence a lone sentence may have been quoted from
// without comparing it with all of them.
class SentenceIndex {
 public:
  void Add(size_t block, const std::vector<std::string>& words) {
    const auto k = static_cast<uint32_t>(sentences_.size());
    std::vector<std::pair<uint32_t, uint32_t>> counts;  // (word id, occurrences)
    for (const auto& w : words) {
      uint32_t id = word_id_.emplace(w, static_cast<uint32_t>(word_id_.size())).first->second;
      counts.emplace_back(id, 1);
    }
    Merge(&counts);
    for (const auto& [id, n] : counts) {
      if (id >= postings_.size()) postings_.resize(id + 1);
      postings_[id].push_back(k);
    }
    sentences_.push_back({block, words.size(), std::move(counts)});
  }

  // True when some sentence outside `block` holds >= 60% of `cw`'s words and
  // has >= 50% of its own words in `cw` (the pull-quote test).
  bool HasSource(const std::vector<std::string>& cw, size_t block) {
    std::vector<std::pair<uint32_t, uint32_t>> bag;  // cw as (word id, occurrences)
    size_t unknown = 0;                              // occurrences of words no sentence has
    for (const auto& w : cw) {
      auto it = word_id_.find(w);
      if (it == word_id_.end())
        ++unknown;
      else
        bag.emplace_back(it->second, 1);
    }
    Merge(&bag);
    // A source must share at least one of the rarest words that make up more
    // than 40% of cw (otherwise it holds less than 60% of cw).
    std::vector<std::pair<uint32_t, uint32_t>> by_rarity = bag;
    std::sort(by_rarity.begin(), by_rarity.end(), [&](const auto& a, const auto& b) {
      return postings_[a.first].size() != postings_[b.first].size()
                 ? postings_[a.first].size() < postings_[b.first].size()
                 : a.first < b.first;
    });
    const double total = static_cast<double>(cw.size());
    size_t left = cw.size() - unknown;  // occurrences not yet ruled out
    ++stamp_;
    if (seen_.size() < sentences_.size()) seen_.resize(sentences_.size(), 0);
    std::vector<uint32_t> candidates;
    for (const auto& [id, n] : by_rarity) {
      if (static_cast<double>(left) / total < 0.6 || candidates.size() >= kMaxPullQuoteCandidates)
        break;
      left -= n;
      for (uint32_t k : postings_[id]) {
        if (seen_[k] == stamp_) continue;
        seen_[k] = stamp_;
        candidates.push_back(k);
        if (candidates.size() >= kMaxPullQuoteCandidates) break;
      }
    }
    for (uint32_t k : candidates) {
      const Sentence& s = sentences_[k];
      if (s.block == block || s.words == 0) continue;
      size_t hit_cw = 0, hit_s = 0;  // cw's occurrences in s; s's occurrences in cw
      for (const auto& [id, n] : bag) {
        auto it =
            std::lower_bound(s.counts.begin(), s.counts.end(), std::make_pair(id, uint32_t{0}));
        if (it == s.counts.end() || it->first != id) continue;
        hit_cw += n;
        hit_s += it->second;
      }
      if (static_cast<double>(hit_cw) / total >= 0.6 && static_cast<double>(hit_s) / s.words >= 0.5)
        return true;
    }
    return false;
  }

 private:
  struct Sentence {
    size_t block;
    size_t words;
    std::vector<std::pair<uint32_t, uint32_t>> counts;  // sorted by word id
  };
  // Sorts (id, 1) pairs and sums the counts of equal ids.
  static void Merge(std::vector<std::pair<uint32_t, uint32_t>>* v) {
    std::sort(v->begin(), v->end());
    size_t out = 0;
    for (size_t i = 0; i < v->size(); ++i) {
      if (out > 0 && (*v)[out - 1].first == (*v)[i].first)
        (*v)[out - 1].second += (*v)[i].second;
      else
        (*v)[out++] = (*v)[i];
    }
    v->resize(out);
  }
  std::unordered_map<std::string, uint32_t> word_id_;
  std::vector<std::vector<uint32_t>> postings_;  // word id -> sentences (ascending)
  std::vector<Sentence> sentences_;
  std::vector<uint32_t> seen_;
  uint32_t stamp_ = 0;
};

// Letters of a token are all upper case (and there are at least `min`).
bool AllCapsToken(std::string_view tok, size_t min) {
  size_t letters = 0;
  for (size_t p = 0; p < tok.size();) {
    char32_t c = NextCodePoint(tok, &p);
    if (u_islower(static_cast<UChar32>(c))) return false;
    letters += u_isupper(static_cast<UChar32>(c)) ? 1 : 0;
  }
  return letters >= min;
}

// True for a photo credit opening a caption line: "REUTERS/SERGEI KARPUKHIN - ...",
// "AFP/GETTY IMAGES". A news dateline ("ALMATY/MOSCOW — Troops ...") has one
// capitalised token before the dash and reads as a sentence, so it is kept.
bool StartsWithCredit(std::string_view text, bool ends_sentence) {
  size_t end = text.find(' ');
  std::string_view tok = text.substr(0, end);
  if (tok.find('/') == std::string_view::npos || tok.size() < 4 || !AllCapsToken(tok, 3))
    return false;
  if (!ends_sentence) return true;
  if (end == std::string_view::npos) return true;
  size_t next_end = text.find(' ', end + 1);
  std::string_view next =
      text.substr(end + 1, next_end == std::string_view::npos ? next_end : next_end - end - 1);
  return AllCapsToken(next, 2);
}

// A breadcrumb trail: "Accueil > Monde > Asie", "World | Asia".
bool IsBreadcrumb(std::string_view text, size_t words) {
  if (words > 10 || words < 2) return false;
  size_t seps = 0;
  for (std::string_view sep : {" > ", " | ", " \xE2\x80\xBA ", " \xC2\xBB ", " / "}) {
    for (size_t pos = text.find(sep); pos != std::string_view::npos; pos = text.find(sep, pos + 1))
      ++seps;
  }
  return seps >= 1 && words <= (seps + 1) * 3;
}

// Upper-case share among letters.
double UpperShare(std::string_view s) {
  size_t upper = 0, letters = 0;
  for (size_t p = 0; p < s.size();) {
    char32_t c = NextCodePoint(s, &p);
    if (u_isalpha(static_cast<UChar32>(c))) {
      ++letters;
      upper += u_isupper(static_cast<UChar32>(c)) ? 1 : 0;
    }
  }
  return letters ? static_cast<double>(upper) / letters : 0;
}

}  // namespace

Result<std::unique_ptr<Cleaner>> Cleaner::Create(const Options& options) {
  std::unique_ptr<Cleaner> c(new Cleaner());
  c->options_ = options;
  Result<BoilerplateRules> rules = BoilerplateRules::Load(options);
  if (!rules.ok()) return rules.status();
  c->rules_ = std::move(rules).value();
  if (c->rules_.size() == 0) {
    return Status::NotFound("no boilerplate rules found under " + DataDir(options) +
                            "/lang (set --data-dir or SITREP_DATA_DIR)");
  }
  Result<std::unique_ptr<DateFinder>> dates = DateFinder::Create(options);
  if (!dates.ok()) return dates.status();
  c->dates_ = std::move(dates).value();
  Result<std::unique_ptr<Segmenter>> seg = Segmenter::Create(options);
  if (!seg.ok()) return seg.status();
  c->segmenter_ = std::move(seg).value();
  c->alphabets_ = std::make_unique<Alphabets>(DataLanguages(options));
  return c;
}

namespace {

const std::string& FoldedOf(Block& b) {
  if (!b.has_folded) {
    b.folded = FoldForMatch(b.text);
    b.has_folded = true;
  }
  return b.folded;
}

// Folded words, split out of the folded text: runs of ASCII letters and
// digits or of non-ASCII bytes (folded text has ASCII punctuation only, but
// non-ASCII letters: the split is the same as FoldToWords for news text).
const std::vector<std::string>& WordsOf(Block& b) {
  if (!b.has_words) {
    b.folded_words.clear();
    const std::string& f = FoldedOf(b);
    size_t i = 0;
    while (i < f.size()) {
      auto word_byte = [&](size_t k) {
        auto c = static_cast<unsigned char>(f[k]);
        return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      };
      while (i < f.size() && !word_byte(i)) ++i;
      size_t j = i;
      while (j < f.size() && word_byte(j)) ++j;
      if (j > i) b.folded_words.emplace_back(f, i, j - i);
      i = j;
    }
    b.has_words = true;
  }
  return b.folded_words;
}

const std::vector<std::pair<uint32_t, uint32_t>>& SentencesOf(Block& b, Segmenter& seg,
                                                              const std::string& lang) {
  if (!b.has_sentences) {
    b.sentences.clear();
    for (const TextRange& r : seg.Sentences(b.text, lang)) b.sentences.emplace_back(r.start, r.end);
    b.has_sentences = true;
  }
  return b.sentences;
}

std::vector<std::string> ContentOf(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const auto& w : words) {
    if (w.size() >= 4) out.push_back(w);
  }
  return out;
}

}  // namespace

// The state of one Clean call, shared by its steps. The steps are numbered
// as in docs/ARCHITECTURE.md ("The clean stage, step by step"); those that
// loop over blocks return false once the deadline expired, and Clean then
// returns the document as it stands (Pipeline fails it).
struct Cleaner::Cleaning {
  Cleaning(Cleaner& cleaner, const RawDocument& raw, Deadline* deadline, Document& doc)
      : cleaner(cleaner),
        raw(raw),
        deadline(deadline),
        doc(doc),
        is_text(raw.format == InputFormat::kText),
        warnings(raw.warnings) {}

  bool ReadBlocks();                                                           // 1
  bool DetectLanguages();                                                      // 2
  void MarkForeignShortBlocks();                                               // 2
  bool RemoveCueBlocks();                                                      // 3
  bool CutInlineCues();                                                        // 3
  void CutDatelines();                                                         // 4
  void CutDatelinesOf(Block& b);                                               // 4
  bool RemoveCaptions();                                                       // 5
  bool IsDatedCaption(Block& b);                                               // 5
  void RemoveForeign();                                                        // 5
  void FindTitle();                                                            // 6
  int BestHeadline();                                                          // 6
  void RemoveMasthead();                                                       // 6
  bool RemoveRepeats();                                                        // 7
  void RemoveRepeatedTitles();                                                 // 7
  bool RemovePullQuotes();                                                     // 7
  bool CutSentences();                                                         // 8
  void CutSentencesOf(Block& b);                                               // 8
  void RemoveTrailingWidgets();                                                // 9
  void MarkHeadings();                                                         // 9
  void AssembleText();                                                         // 10
  void AppendBlock(Block& b, const std::optional<CodePointIndex>& source_cp);  // 10
  void VoteLanguage();                                                         // 10
  void PickPublished();                                                        // 10
  bool SplitSentences();                                                       // 10

  bool OutOfTime() const { return Expired(deadline, "clean"); }
  const std::vector<std::pair<uint32_t, uint32_t>>& Sentences(Block& b) {
    return SentencesOf(b, *cleaner.segmenter_, doc_lang);
  }
  bool Foreign(const Block& b) const {
    return b.reliable_lang && b.lang != doc_lang && b.lang != "und";
  }
  void Remove(Block& b, const std::string& reason);
  void Cut(Block& b, size_t a, size_t e, const std::string& reason);
  std::vector<size_t> Kept() const;

  Cleaner& cleaner;
  const RawDocument& raw;
  Deadline* const deadline;
  Document& doc;
  const bool is_text;

  std::vector<Block> blocks;
  std::vector<Removal> removed;
  std::vector<std::string> warnings;
  std::string html_lang;                      // the page's declared language
  std::vector<HtmlDateCandidate> html_dates;  // dates from the page's markup
  std::string doc_lang = "und";
  std::string title;
  int title_block = -1;                    // index into blocks, or -1 when the title is not a block
  std::optional<PublishedDate> published;  // from a dateline
  std::vector<size_t> order;               // blocks of the text: title first, then kept blocks
};

void Cleaner::Cleaning::Remove(Block& b, const std::string& reason) {
  if (b.removed) return;
  b.removed = true;
  b.reason = reason;
  Removal r;
  r.text = Truncate(b.text);
  r.reason = reason;
  r.lang = b.reliable_lang ? b.lang : "";
  uint64_t src = b.SourceAt(0);
  r.source_offset = src == kUnmapped ? -1 : static_cast<int64_t>(src);
  removed.push_back(std::move(r));
}

// Cuts text[a,e) out of a block, recording it.
void Cleaner::Cleaning::Cut(Block& b, size_t a, size_t e, const std::string& reason) {
  Removal r;
  r.text = Truncate(b.text.substr(a, e - a));
  r.reason = reason;
  uint64_t src = b.SourceAt(a);
  r.source_offset = src == kUnmapped ? -1 : static_cast<int64_t>(src);
  removed.push_back(std::move(r));
  b.Erase(a, e);
  // Join the seam: "word  word" -> "word word".
  if (a > 0 && a < b.text.size() && b.text[a - 1] == ' ' && b.text[a] == ' ') b.Erase(a, a + 1);
  b.Trim();
  if (b.text.empty()) b.removed = true, b.reason = reason;
}

std::vector<size_t> Cleaner::Cleaning::Kept() const {
  std::vector<size_t> out;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (!blocks[i].removed) out.push_back(i);
  }
  return out;
}

Document Cleaner::Clean(const RawDocument& raw, Deadline* deadline) {
  Document doc;
  doc.source = raw.source;
  doc.source_bytes = raw.source_bytes;
  doc.url = raw.url;
  doc.outlet = raw.outlet;
  doc.format = raw.container == "jsonl"           ? "jsonl"
               : raw.format == InputFormat::kHtml ? "html"
                                                  : "txt";
  doc.encoding = raw.encoding;
  doc.input_bytes = raw.input_bytes;
  if (!raw.status.ok()) {
    doc.Fail(raw.status);
    return doc;
  }
  Cleaning c(*this, raw, deadline, doc);
  // Past the deadline the steps stop where they are; Pipeline fails the document.
  if (!c.ReadBlocks() || CheckNow(deadline, "clean") || !c.DetectLanguages()) return doc;
  if (!c.RemoveCueBlocks() || !c.CutInlineCues()) return doc;
  c.CutDatelines();
  if (!c.RemoveCaptions()) return doc;
  c.RemoveForeign();
  c.FindTitle();
  c.RemoveMasthead();
  if (!c.RemoveRepeats() || !c.CutSentences()) return doc;
  c.RemoveTrailingWidgets();
  c.MarkHeadings();
  c.AssembleText();
  if (doc.text.empty()) {
    doc.Fail(Status(Code::kEmpty, raw.source + ": no article text left after cleaning"));
    return doc;
  }
  c.VoteLanguage();
  c.PickPublished();
  if (!c.SplitSentences()) return doc;
  doc.id = HashHex(doc.text);
  doc.tokens = TokenizeText(doc.text);  // the stages after clean read words from it
  return doc;
}

// 1. Blocks: the HTML extractor's, or the lines of a text. False when the
// HTML cannot be read (the document has failed).
bool Cleaner::Cleaning::ReadBlocks() {
  if (raw.format == InputFormat::kHtml) {
    Result<HtmlExtraction> ex = ExtractHtml(raw.text, cleaner.options_);
    if (!ex.ok()) {
      doc.Fail(ex.status().WithContext(raw.source));
      return false;
    }
    for (auto& hb : ex->blocks) {
      Block b;
      b.kind = hb.kind;
      b.text = std::move(hb.text);
      b.source_index = blocks.size();
      blocks.push_back(std::move(b));
    }
    removed = std::move(ex->removed);
    title = ex->title;
    html_lang = ex->lang;
    if (doc.outlet.empty()) doc.outlet = ex->site_name;  // the input's own name (JSONL) wins
    html_dates = std::move(ex->dates);
    for (auto& m : ex->warnings) warnings.push_back(m);
  } else {
    blocks = SplitTextBlocks(raw.text);
  }
  return true;
}

namespace {

// The language with the most bytes, or "und".
std::string VoteWinner(const std::map<std::string, size_t>& votes) {
  std::string best = "und";
  size_t most = 0;
  for (const auto& [lang, n] : votes) {
    if (n > most) most = n, best = lang;
  }
  return best;
}

}  // namespace

// 2. Language per block (CLD2 once over each block), then the document's
// language as the byte-weighted vote of the reliable blocks: rules need to
// know what is foreign before they run.
bool Cleaner::Cleaning::DetectLanguages() {
  for (Block& b : blocks) b.words = CountWords(b.text);
  const std::string hint = !raw.lang.empty() ? raw.lang : html_lang;
  std::map<std::string, size_t> votes;
  for (Block& b : blocks) {
    if (OutOfTime()) return false;
    if (b.text.size() >= 12) {
      LangGuess g = DetectLanguage(b.text, hint);
      b.lang = g.code;
      b.reliable_lang = g.reliable && b.words >= 2;
      if (b.reliable_lang) votes[b.lang] += b.text.size();
    }
  }
  doc_lang = VoteWinner(votes);
  if (doc_lang == "und") {
    std::string all;
    for (const Block& b : blocks) {
      if (all.size() > (1 << 16)) break;
      all += b.text;
      all += '\n';
    }
    LangGuess g = DetectLanguage(all, hint);
    doc_lang = g.code != "und" ? g.code : (!hint.empty() ? hint : "und");
  }
  MarkForeignShortBlocks();
  return true;
}

// Blocks too short for CLD2: letters the document's language does not use.
void Cleaner::Cleaning::MarkForeignShortBlocks() {
  for (Block& b : blocks) {
    if (b.words <= 8 && (!b.reliable_lang || b.lang == doc_lang)) {
      std::string other = cleaner.alphabets_->ForeignLanguage(b.text, doc_lang);
      if (!other.empty()) {
        b.lang = other;
        b.reliable_lang = true;
      }
    }
  }
}

// 3. Cue phrases that mark a whole block, and bylines.
bool Cleaner::Cleaning::RemoveCueBlocks() {
  const BoilerplateRules& rules = cleaner.rules_;
  for (Block& b : blocks) {
    if (OutOfTime()) return false;
    if (const Cue* cue = rules.MatchBlock(FoldedOf(b), b.words)) {
      Remove(b, cue->reason);
    } else if (!EndsWithTerminal(b.text)) {
      if (const Cue* by = rules.MatchByline(b.text, FoldedOf(b), b.words)) Remove(b, by->reason);
    }
  }
  return true;
}

// 3. Inline cues glued inside text ("l'UkraineLien externe").
bool Cleaner::Cleaning::CutInlineCues() {
  for (Block& b : blocks) {
    if (OutOfTime()) return false;
    if (b.removed) continue;
    for (const Cue& cue : cleaner.rules_.inline_cues()) {
      for (size_t pos = b.text.find(cue.pattern); pos != std::string::npos;
           pos = b.text.find(cue.pattern, pos)) {
        Cut(b, pos, pos + cue.pattern.size(), cue.reason);
        if (b.removed) break;
      }
      if (b.removed) break;
    }
  }
  return true;
}

// 4. Datelines: "Publié le 7.1.2022", "date 2022-01 ..." and date-only lines,
// in the first blocks of a text. The date is kept; the line is cut.
void Cleaner::Cleaning::CutDatelines() {
  size_t seen = 0;
  for (Block& b : blocks) {
    if (b.removed) continue;
    if (++seen > 12) break;
    CutDatelinesOf(b);
  }
}

void Cleaner::Cleaning::CutDatelinesOf(Block& b) {
  const DateFinder& dates = *cleaner.dates_;
  std::optional<DateMatch> m = dates.MatchDateline(b.text, doc_lang);
  if (!m && b.words <= 20 && !EndsWithTerminal(b.text)) {
    // A short line that is not a sentence and carries a full date:
    // "Wed 19 Jan 2022 16.10 GMT Last modified on Thu 20 Jan 2022".
    std::optional<DateMatch> d = dates.FindDate(b.text, doc_lang);
    if (d) {
      m = d;
      m->start = 0;
      m->end = b.text.size();
      m->date.text = b.text;
      m->date.origin = "text";
    }
  }
  if (!m) return;
  if (!published) published = m->date;
  Cut(b, m->start, m->end, "dateline");
  // "Publié le 7.1.2022 à 16h05 - Mis à jour le 7.1.2022 à 18h40": a second
  // dateline after a separator goes too.
  while (!b.removed) {
    size_t q = 0;
    while (q < b.text.size() && (b.text[q] == '-' || b.text[q] == '|' || b.text[q] == ',' ||
                                 b.text[q] == ';' || b.text[q] == ' ' || b.text[q] == '/')) {
      ++q;
    }
    if (q == 0 && b.text.rfind("\xC2\xB7", 0) != 0 && b.text.rfind("\xE2\x80\x93", 0) != 0) break;
    std::optional<DateMatch> next =
        dates.MatchDateline(std::string_view(b.text).substr(q), doc_lang);
    if (!next) break;
    Cut(b, 0, q + next->end, "dateline");
  }
  if (!b.removed) b.words = CountWords(b.text);
}

// 5. Photo credits, breadcrumbs and captions.
bool Cleaner::Cleaning::RemoveCaptions() {
  for (Block& b : blocks) {
    if (OutOfTime()) return false;
    if (b.removed) continue;
    if (StartsWithCredit(b.text, EndsWithTerminal(b.text))) {
      Remove(b, "caption");
    } else if (IsBreadcrumb(b.text, b.words) && !EndsWithTerminal(b.text)) {
      Remove(b, "navigation");
    } else if (IsDatedCaption(b)) {
      Remove(b, "caption");
    }
  }
  return true;
}

// A one-sentence block that ends in a date and narrates nothing: a caption.
bool Cleaner::Cleaning::IsDatedCaption(Block& b) {
  if (b.words < 5 || b.words > 40) return false;
  if (IsQuoteChar(FirstNonSpace(b.text))) return false;
  if (Sentences(b).size() != 1) return false;
  for (size_t p = 0; p < b.text.size();) {
    if (IsQuoteChar(NextCodePoint(b.text, &p))) return false;
  }
  // The last date in the block must end the block.
  std::optional<DateMatch> last;
  for (size_t from = 0;;) {
    std::optional<DateMatch> d = cleaner.dates_->FindDate(b.text, doc_lang, from, false);
    if (!d) break;
    last = d;
    from = d->end;
  }
  if (!last || CountWords(std::string_view(b.text).substr(last->end)) > 0) return false;
  for (const auto& word : WordsOf(b)) {
    if (cleaner.rules_.IsNarrationWord(word)) return false;
  }
  return true;
}

// 5. Short foreign-language lines (captions and labels left by the scraper)
// and a trailing run of foreign blocks (a footer in another language).
void Cleaner::Cleaning::RemoveForeign() {
  for (Block& b : blocks) {
    if (b.removed || b.words > 6 || EndsWithTerminal(b.text)) continue;
    if (Foreign(b)) Remove(b, "foreign_fragment");
  }
  auto kept = Kept();
  for (auto it = kept.rbegin(); it != kept.rend(); ++it) {
    Block& b = blocks[*it];
    if (!Foreign(b)) break;
    Remove(b, "foreign_footer");
  }
}

// 6. Title: given by the input, else the best headline among the first blocks.
void Cleaner::Cleaning::FindTitle() {
  if (!raw.title.empty()) title = raw.title;
  if (title.empty()) {
    int best = BestHeadline();
    if (best >= 0) {
      title_block = best;
      title = blocks[best].text;
    }
    return;
  }
  std::string ft = FoldToWords(title);
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (!blocks[i].removed && FoldToWords(blocks[i].text) == ft) {
      title_block = static_cast<int>(i);
      break;
    }
  }
}

// The block index of the best headline among the first kept blocks, or -1.
int Cleaner::Cleaning::BestHeadline() {
  auto kept = Kept();
  // A headline ends without a period, unless the page repeats it below (then
  // the first line is the headline whatever its punctuation).
  auto repeated_later = [&](size_t k) {
    const std::vector<std::string>& tw = WordsOf(blocks[kept[k]]);
    for (size_t j = k + 1; j < kept.size() && j < k + 8; ++j) {
      const std::vector<std::string>& bw = WordsOf(blocks[kept[j]]);
      if (bw.size() >= 4 && Containment(bw, tw) >= 0.9 && Containment(tw, bw) >= 0.6) return true;
    }
    return false;
  };
  int best = -1;
  for (size_t k = 0; k < kept.size() && k < 6; ++k) {
    const Block& b = blocks[kept[k]];
    if (b.words >= 40 && EndsWithTerminal(b.text)) break;  // the body has started
    if (b.words < 3 || b.words > 30) continue;
    if (LastNonSpace(b.text) == '.' && !(k == 0 && repeated_later(k))) continue;
    if (best < 0) {
      best = static_cast<int>(kept[k]);
    } else if (blocks[best].words > 18 && b.words < blocks[best].words) {
      return static_cast<int>(kept[k]);  // a long standfirst came before the headline
    } else {
      break;
    }
  }
  return best;
}

// 6. Masthead: in plain text, a short Title-Case line right under the title,
// before the body starts, is the site's or section's name ("Northline News").
void Cleaner::Cleaning::RemoveMasthead() {
  if (!is_text || title_block < 0) return;
  for (size_t i : Kept()) {
    if (static_cast<int>(i) <= title_block) continue;
    Block& b = blocks[i];
    if (b.words >= 15) return;  // the body has started
    if (b.words < 1 || b.words > 4 || EndsWithTerminal(b.text) || LastNonSpace(b.text) == ':')
      continue;
    bool title_case = true;
    for (size_t p = 0; p < b.text.size();) {
      size_t q = p;
      char32_t c = NextCodePoint(b.text, &q);
      bool word_start = p == 0 || IsSpace(PrevCodePointAt(b.text, p));
      if (word_start && u_isalpha(static_cast<UChar32>(c)) && !u_isupper(static_cast<UChar32>(c)))
        title_case = false;
      p = q;
    }
    if (title_case) Remove(b, "masthead");
    return;  // only the line right under the title
  }
}

// 7. Repeats: the title again, a paragraph again, a pull-quote of a body sentence.
bool Cleaner::Cleaning::RemoveRepeats() {
  std::vector<std::string> title_words = SplitWords(FoldToWords(title));
  const WordBag title_bag(title_words);
  std::unordered_set<std::string> seen;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (OutOfTime()) return false;
    Block& b = blocks[i];
    if (b.removed) continue;
    const std::vector<std::string>& bw = WordsOf(b);
    std::string fw;
    for (const auto& x : bw) fw += x + " ";
    if (static_cast<int>(i) != title_block && !title_words.empty() && b.words >= 4 &&
        Containment(bw, title_bag) >= 0.9 && Containment(title_bag, bw) >= 0.6) {
      Remove(b, "repeated_title");
    } else if (b.words >= 3 && !seen.insert(fw).second) {
      Remove(b, "duplicate");
    }
  }
  return RemovePullQuotes();
}

// 7. Pull-quotes: a lone sentence whose content words mostly recur in one
// sentence of a longer paragraph elsewhere.
bool Cleaner::Cleaning::RemovePullQuotes() {
  SentenceIndex sentences;
  for (size_t i : Kept()) {
    if (OutOfTime()) return false;
    const Block& b = blocks[i];
    const auto& sents = Sentences(blocks[i]);
    if (sents.size() < 2) continue;
    for (const auto& s : sents) {
      sentences.Add(i, ContentWords(std::string_view(b.text).substr(s.first, s.second - s.first)));
    }
  }
  for (size_t i : Kept()) {
    if (OutOfTime()) return false;
    Block& b = blocks[i];
    if (static_cast<int>(i) == title_block || IsQuoteChar(FirstNonSpace(b.text))) continue;
    std::vector<std::string> cw = ContentOf(WordsOf(b));
    if (cw.size() < 8) continue;
    if (Sentences(b).size() != 1) continue;
    if (sentences.HasSource(cw, i)) Remove(b, "pull_quote");
  }
  return true;
}

// 8. Sentence-level cuts inside kept blocks: subscription appeals, all-caps
// widget labels, and a quoted headline pasted after the last sentence.
bool Cleaner::Cleaning::CutSentences() {
  for (size_t i : Kept()) {
    if (OutOfTime()) return false;
    if (static_cast<int>(i) == title_block) continue;
    CutSentencesOf(blocks[i]);
  }
  return true;
}

void Cleaner::Cleaning::CutSentencesOf(Block& b) {
  const BoilerplateRules& rules = cleaner.rules_;
  // Sentence cues are looked for in the whole block first: most blocks have none.
  bool may_have_cue = rules.MatchSentence(FoldedOf(b)) != nullptr || UpperShare(b.text) > 0.05 ||
                      IsQuoteChar(LastNonSpace(b.text));
  if (!may_have_cue) return;
  std::vector<TextRange> sents;
  for (const auto& s : Sentences(b)) sents.push_back({s.first, s.second});
  // Walk backwards so earlier offsets stay valid while cutting.
  for (size_t k = sents.size(); k-- > 0;) {
    if (b.removed) break;
    std::string_view s =
        std::string_view(b.text).substr(sents[k].start, sents[k].end - sents[k].start);
    std::string reason;
    if (const Cue* cue = rules.MatchSentence(FoldForMatch(s))) {
      reason = cue->reason;
    } else if (sents.size() > 1 && CountWords(s) >= 2 && UpperShare(s) > 0.9) {
      reason = "widget";
    } else if (sents.size() > 1 && k + 1 == sents.size() && IsQuoteChar(FirstNonSpace(s)) &&
               IsQuoteChar(LastNonSpace(s)) && CountWords(s) >= 5 && CountWords(s) <= 25) {
      // « Headline of a linked article » with no final punctuation inside.
      std::string_view inner = s;
      size_t p = inner.size();
      PrevCodePoint(inner, &p);  // closing quote
      inner = inner.substr(0, p);
      if (!EndsWithTerminal(inner) &&
          EndsWithTerminal(std::string_view(b.text).substr(0, sents[k].start))) {
        reason = "related";
      }
    }
    if (reason.empty()) continue;
    size_t a = sents[k].start, e = sents[k].end;
    // Swallow a dangling " ." left after the cut sentence.
    size_t z = e;
    while (z < b.text.size() && (b.text[z] == ' ' || b.text[z] == '.')) ++z;
    if (z == b.text.size()) e = z;
    Cut(b, a, e, reason);
  }
  if (!b.removed) b.words = CountWords(b.text);
}

// 9. Trailing widgets: short unpunctuated lines after the last real paragraph
// cannot be headings (nothing follows them).
void Cleaner::Cleaning::RemoveTrailingWidgets() {
  auto kept = Kept();
  int last_body = -1;
  for (size_t k = 0; k < kept.size(); ++k) {
    const Block& b = blocks[kept[k]];
    if (b.words >= 15 && EndsWithTerminal(b.text)) last_body = static_cast<int>(k);
  }
  if (last_body < 0) return;
  for (size_t k = last_body + 1; k < kept.size(); ++k) {
    Block& b = blocks[kept[k]];
    if (static_cast<int>(kept[k]) == title_block) continue;
    if (b.words <= 12 && !EndsWithTerminal(b.text) && b.kind != BlockKind::kListItem) {
      Remove(b, "trailing_widget");
    }
  }
}

// 9. Headings in plain text: a short unpunctuated line followed by a paragraph.
void Cleaner::Cleaning::MarkHeadings() {
  if (!is_text) return;
  auto kept = Kept();
  for (size_t k = 0; k + 1 < kept.size(); ++k) {
    Block& b = blocks[kept[k]];
    if (static_cast<int>(kept[k]) == title_block) continue;
    if (b.words >= 1 && b.words <= 15 && !EndsWithTerminal(b.text) && LastNonSpace(b.text) != ':' &&
        LastNonSpace(b.text) != ',' && blocks[kept[k + 1]].words > b.words) {
      b.kind = BlockKind::kHeading;
    }
  }
}

// 10. The text: title first, then the kept blocks in order, with paragraphs,
// the source map, removals (in input order where known) and warnings.
void Cleaner::Cleaning::AssembleText() {
  if (title_block >= 0 && !blocks[title_block].removed) {
    order.push_back(static_cast<size_t>(title_block));
    blocks[title_block].kind = BlockKind::kTitle;
  }
  for (size_t i : Kept()) {
    if (static_cast<int>(i) != title_block) order.push_back(i);
  }
  std::optional<CodePointIndex> source_cp;
  if (is_text) source_cp.emplace(raw.text);
  if (title_block < 0 && !title.empty()) {
    // Title from metadata that is not in the body: it still opens the text.
    Paragraph p;
    p.start = 0;
    doc.text = title;
    p.end = static_cast<uint32_t>(doc.text.size());
    p.kind = BlockKind::kTitle;
    p.lang = doc_lang;
    doc.paragraphs.push_back(p);
  }
  for (size_t i : order) AppendBlock(blocks[i], source_cp);
  doc.title = title;
  // The HTML extractor's removals come first, in page order.
  std::stable_sort(removed.begin(), removed.end(), [](const Removal& x, const Removal& y) {
    return x.source_offset < y.source_offset;
  });
  doc.removed = std::move(removed);
  doc.warnings = std::move(warnings);
}

// Appends block `b` as a paragraph; `source_cp` (plain text only) maps its
// anchors to code points of the input.
void Cleaner::Cleaning::AppendBlock(Block& b, const std::optional<CodePointIndex>& source_cp) {
  if (b.text.empty()) return;
  if (!doc.text.empty()) doc.text += "\n\n";
  Paragraph p;
  p.start = static_cast<uint32_t>(doc.text.size());
  if (source_cp) {
    for (size_t a = 0; a < b.anchors.size(); ++a) {
      size_t from = b.anchors[a].first;
      size_t to = a + 1 < b.anchors.size() ? b.anchors[a + 1].first : b.text.size();
      if (b.anchors[a].second == kUnmapped || to <= from) continue;
      SourceRun run;
      run.text_offset = p.start + static_cast<uint32_t>(from);
      run.length = static_cast<uint32_t>(to - from);
      run.source_cp = source_cp->ToCodePoint(b.anchors[a].second);
      doc.source_map.push_back(run);
    }
  }
  doc.text += b.text;
  p.end = static_cast<uint32_t>(doc.text.size());
  p.kind = b.kind;
  p.lang = b.lang == "und" || !b.reliable_lang ? doc_lang : b.lang;
  p.foreign = Foreign(b);
  doc.paragraphs.push_back(p);
}

// 10. Document language: the vote of the kept blocks (boilerplate no longer
// counts); paragraphs not foreign take it.
void Cleaner::Cleaning::VoteLanguage() {
  std::map<std::string, size_t> kept_votes;
  for (size_t i : order) {
    if (blocks[i].reliable_lang) kept_votes[blocks[i].lang] += blocks[i].text.size();
  }
  std::string voted = VoteWinner(kept_votes);
  doc.lang = !raw.lang.empty() ? raw.lang : voted != "und" ? voted : doc_lang;
  for (Paragraph& p : doc.paragraphs) {
    if (!p.foreign)
      p.lang = doc.lang;
    else
      p.foreign = p.lang != doc.lang;
  }
}

// 10. Publication date: --date flag > input field > markup > text.
void Cleaner::Cleaning::PickPublished() {
  const Options& options = cleaner.options_;
  const DateFinder& dates = *cleaner.dates_;
  if (!options.date_override.empty()) {
    if (Result<PublishedDate> d = ParseIsoDateFlag(options.date_override); d.ok()) {
      d->origin = "flag";
      d->text = options.date_override;
      doc.published = *d;
    }
  } else if (!raw.published.empty()) {
    if (Result<PublishedDate> d = dates.ParseMachine(raw.published); d.ok()) {
      d->origin = "input";
      doc.published = *d;
    } else {
      doc.warnings.push_back("published date \"" + raw.published +
                             "\" not used: " + d.status().message());
    }
  }
  if (!doc.published) {
    for (const HtmlDateCandidate& c : html_dates) {
      if (Result<PublishedDate> d = dates.ParseMachine(c.value); d.ok()) {
        d->origin = "html";
        d->text = c.origin + ": " + c.value;
        doc.published = *d;
        break;
      }
    }
  }
  if (!doc.published && published) doc.published = published;
}

// 10. Sentences, per paragraph (blocks already segmented reuse their ranges).
bool Cleaner::Cleaning::SplitSentences() {
  Segmenter& seg = *cleaner.segmenter_;
  size_t k = 0;
  for (const Paragraph& p : doc.paragraphs) {
    if (OutOfTime()) return false;
    while (k < order.size() && blocks[order[k]].text.empty()) ++k;
    Block* b = k < order.size() && blocks[order[k]].text.size() == p.end - p.start &&
                       doc.text.compare(p.start, p.end - p.start, blocks[order[k]].text) == 0
                   ? &blocks[order[k]]
                   : nullptr;
    if (b) {
      ++k;
      for (const auto& s : SentencesOf(*b, seg, p.lang))
        doc.sentences.push_back({p.start + s.first, p.start + s.second});
    } else {
      std::string_view ptext = std::string_view(doc.text).substr(p.start, p.end - p.start);
      for (const TextRange& r : seg.Sentences(ptext, p.lang, p.start))
        doc.sentences.push_back({r.start, r.end});
    }
  }
  return true;
}

}  // namespace sitrep
