// @brief Token features of the named-entity tagger and the knowledge-base
// gazetteer they read.
#include "ner/ner_features.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <atomic>
#include <string>

#include "base/text_fold.h"
#include "base/utf8.h"
#include "kb/kb.h"
#include "ner/ner_model.h"

namespace sitrep {

namespace {

// splitmix64's finaliser: every input bit moves every output bit.
inline uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

// Feature templates. The numbers are part of the model: renumbering one
// changes every row it hashes to (bump the model version then).
enum Template : uint64_t {
  kBias = 1,
  kWord,
  kLower,
  kPrefix1,  // kPrefix1 + k - 1 for k = 1..4
  kSuffix1 = kPrefix1 + 4,
  kShape = kSuffix1 + 4,
  kShapeLong,
  kCap,
  kFirstCap,  // sentence position with capitalisation
  kLen,
  kWordM2,
  kWordM1,
  kWordP1,
  kWordP2,
  kBigramM1,  // word -1 with word 0
  kBigramP1,  // word 0 with word +1
  kCapWindow,
  kShapeM1,
  kShapeP1,
  kCapWordM1,  // capitalisation of 0 with word -1
  kGaz,        // in the longest KB name here: begin/inside, type
  kGazCap,     // the same with capitalisation
  kGazSingle,  // the token alone is a KB name of the type
  kGazLen,     // the length of the longest KB name, with its type
  kLastCap,    // the last token
  kSuffixCap,  // suffix of 3 with capitalisation
};

inline uint32_t Row(uint64_t templ, uint64_t value, uint32_t mask) {
  return static_cast<uint32_t>(Mix(value * 0x9e3779b97f4a7c15ull + templ)) & mask;
}

// Capitalisation classes.
enum Cap : uint8_t {
  kCapLower = 1,
  kCapInitial,  // first upper, some lower
  kCapAll,      // upper, no lower, more than one letter
  kCapSingle,   // one upper letter alone
  kCapMixed,    // upper not first, or other mixes of letters
  kCapDigits,   // digits only
  kCapAlnum,    // letters and digits
  kCapOther,    // no letter or digit
};

uint8_t CapClass(uint8_t bits, size_t folded_size) {
  bool up = bits & NerFolder::kUpper, low = bits & NerFolder::kLower,
       dig = bits & NerFolder::kDigit;
  if (!up && !low) return dig ? kCapDigits : kCapOther;
  if (dig) return kCapAlnum;
  if (!up) return kCapLower;
  if (bits & NerFolder::kFirstUpper) {
    if (low) return kCapInitial;
    return folded_size <= 1 ? kCapSingle : kCapAll;
  }
  return kCapMixed;
}

}  // namespace

namespace {

inline uint64_t HashBytes(std::string_view s, uint64_t seed) {
  uint64_t h = 0xcbf29ce484222325ull ^ seed;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t v;
    __builtin_memcpy(&v, s.data() + i, 8);
    h = Mix(h ^ v);
  }
  uint64_t tail = 0;
  for (size_t k = 0; i < s.size(); ++i, ++k)
    tail |= uint64_t{static_cast<unsigned char>(s[i])} << (8 * k);
  return Mix(h ^ tail ^ (uint64_t{s.size()} << 56));
}

}  // namespace

uint64_t NerHash(std::string_view s, uint64_t seed) { return HashBytes(s, seed); }

// ---- NerGazetteer ----

uint64_t NerGazetteer::Extend(uint64_t key, uint64_t word_hash) {
  return Mix(key ^ (word_hash + 0x632be59bd9b4e019ull));
}

void NerGazetteer::Grow() {
  std::vector<uint64_t> old = std::move(table_);
  table_.assign(old.empty() ? 1024 : old.size() * 2, 0);
  entries_ = 0;
  for (uint64_t e : old) {
    if (e) Add(e & ~uint64_t{0xffff}, static_cast<uint16_t>(e & 0xffff));
  }
}

void NerGazetteer::Add(uint64_t key, uint16_t bits) {
  if ((entries_ + 1) * 2 > table_.size()) Grow();
  uint64_t k = (key & ~uint64_t{0xffff}) | 0x10000;  // never 0 with the low bits clear
  size_t m = table_.size() - 1;
  for (size_t i = static_cast<size_t>(k >> 20) & m;; i = (i + 1) & m) {
    uint64_t& e = table_[i];
    if (e == 0) {
      e = k | bits;
      ++entries_;
      return;
    }
    if ((e & ~uint64_t{0xffff}) == k) {
      e |= bits;
      return;
    }
  }
}

namespace {

// The Bloom filter word and its two bits for a masked key.
inline size_t BloomWord(uint64_t k, size_t words) {
  return static_cast<size_t>(Mix(k)) & (words - 1);
}
inline uint64_t BloomBits(uint64_t k) {
  uint64_t h = Mix(k ^ 0x5bd1e9955bd1e995ull);
  return (uint64_t{1} << (h & 63)) | (uint64_t{1} << ((h >> 6) & 63));
}

}  // namespace

void NerGazetteer::BuildFilter() {
  size_t words = 64;
  while (words * 8 < entries_) words *= 2;  // 8 bits per key
  bloom_.assign(words, 0);
  for (uint64_t e : table_) {
    if (!e) continue;
    uint64_t k = e & ~uint64_t{0xffff};
    bloom_[BloomWord(k, words)] |= BloomBits(k);
  }
}

uint16_t NerGazetteer::Lookup(uint64_t key) const {
  if (table_.empty()) return 0;
  uint64_t k = (key & ~uint64_t{0xffff}) | 0x10000;
  if (!bloom_.empty()) {
    uint64_t bits = BloomBits(k);
    if ((bloom_[BloomWord(k, bloom_.size())] & bits) != bits) return 0;
  }
  size_t m = table_.size() - 1;
  for (size_t i = static_cast<size_t>(k >> 20) & m;; i = (i + 1) & m) {
    uint64_t e = table_[i];
    if (e == 0) return 0;
    if ((e & ~uint64_t{0xffff}) == k) return static_cast<uint16_t>(e & 0xffff);
  }
}

std::unique_ptr<NerGazetteer> NerGazetteer::FromKb(const KnowledgeBase& kb, std::string_view lang) {
  auto g = std::unique_ptr<NerGazetteer>(new NerGazetteer());
  int li = kb.LangIndex(lang);
  // Per key: the types of its aliases that are not common words, and of those
  // that are. A key gets the common-word bit of a type only when no alias of
  // that type is a plain name.
  for (const KbAlias& a : kb.aliases()) {
    if (a.lang != 0 && static_cast<int>(a.lang) != li) continue;
    const KbEntity& e = kb.entities()[a.entity];
    int type = static_cast<int>(e.type);  // PER 0, ORG 1, LOC 2: NerType's order
    uint64_t key = kStart;
    std::string_view rest = a.key;
    int words = 0;
    while (!rest.empty() && words < 8) {
      size_t sp = rest.find(' ');
      std::string_view w = rest.substr(0, sp);
      rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
      key = Extend(key, NerHash(w));
      ++words;
      if (!rest.empty()) g->Add(key, kPrefixBit);
    }
    if (!rest.empty()) continue;  // longer than 8 words
    int shift = (a.flags & kAliasCommonWord) ? kCommonShift : 0;
    g->Add(key, static_cast<uint16_t>(1u << (type + shift)));
  }
  // A type both plain and common counts as plain.
  for (uint64_t& e : g->table_) {
    if (!e) continue;
    uint64_t plain = e & 7, common = (e >> kCommonShift) & 7;
    e &= ~(uint64_t{7} << kCommonShift);
    e |= (common & ~plain) << kCommonShift;
  }
  g->BuildFilter();
  return g;
}

// ---- NerFolder ----

const NerFolder& NerFolder::Get() {
  static const NerFolder* folder = new NerFolder();
  return *folder;
}

NerFolder::NerFolder() : fold_(kTableSize), cls_(kTableSize), mark_(kTableSize) {
  for (char32_t c = 0; c < kTableSize; ++c) {
    UChar32 u = static_cast<UChar32>(c);
    int8_t type = u_charType(u);
    if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
        type == U_ENCLOSING_MARK) {
      mark_[c] = 1;
      continue;
    }
    if (u_isalnum(u)) {
      std::string one;
      AppendUtf8(&one, c);
      std::string folded = FoldToWords(one);
      fold_[c] = folded.empty() ? one : folded;
      cls_[c] = u_isdigit(u)                   ? kDigit
                : u_isupper(u) || u_istitle(u) ? kUpper
                : u_islower(u)                 ? kLower
                                               : 0;
    } else {
      cls_[c] = kOther;
    }
  }
}

uint8_t NerFolder::Fold(std::string_view token, std::string* out, std::string* shape) const {
  uint8_t bits = 0;
  size_t pos = 0;
  bool first = true;
  char last_shape = 0;
  int run = 0;
  auto add_shape = [&](char s) {
    if (s == last_shape) {
      if (++run > 2) return;
    } else {
      run = 1;
      last_shape = s;
    }
    if (shape->size() < 12) shape->push_back(s);
  };
  auto separate = [&] {
    if (!out->empty() && out->back() != ' ') out->push_back(' ');
  };
  while (pos < token.size()) {
    unsigned char b = static_cast<unsigned char>(token[pos]);
    uint8_t cls;
    if (b < 0x80) {
      ++pos;
      if (b >= 'A' && b <= 'Z') {
        out->push_back(static_cast<char>(b - 'A' + 'a'));
        cls = kUpper;
        add_shape('X');
      } else if (b >= 'a' && b <= 'z') {
        out->push_back(static_cast<char>(b));
        cls = kLower;
        add_shape('x');
      } else if (b >= '0' && b <= '9') {
        out->push_back(static_cast<char>(b));
        cls = kDigit;
        add_shape('d');
      } else {
        separate();
        cls = kOther;
        add_shape(static_cast<char>(b));
      }
    } else {
      char32_t c = NextCodePoint(token, &pos);
      if (c < kTableSize) {
        if (mark_[c]) continue;
        cls = cls_[c];
        if (cls == kOther) {
          separate();
        } else {
          out->append(fold_[c]);
        }
      } else {
        UChar32 u = static_cast<UChar32>(c);
        if (u_isalnum(u)) {
          AppendUtf8(out, static_cast<char32_t>(u_tolower(u)));
          cls = u_isdigit(u)                   ? kDigit
                : u_isupper(u) || u_istitle(u) ? kUpper
                : u_islower(u)                 ? kLower
                                               : 0;
        } else {
          int8_t type = u_charType(u);
          if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK) continue;
          separate();
          cls = kOther;
        }
      }
      add_shape(cls == kUpper   ? 'X'
                : cls == kLower ? 'x'
                : cls == kDigit ? 'd'
                : cls == kOther ? 'o'
                                : 'l');
    }
    if (first && cls == kUpper) bits |= kFirstUpper;
    first = false;
    bits |= cls;
  }
  if (!out->empty() && out->back() == ' ') out->pop_back();
  return bits;
}

// ---- NerFeatures ----

namespace {

struct TokenInfo {
  std::string folded, shape;
  uint64_t raw = 0, low = 0, shape_h = 0;
  uint64_t key1 = 0;                  // the token alone as a KB name key
  uint32_t words = 0, words_end = 0;  // its folded words' hashes in `word_hashes`
  uint32_t folded_size = 0;
  uint16_t bits1 = 0;   // NerGazetteer::Lookup(key1)
  bool alive1 = false;  // every inner word sequence of key1 starts a name
  uint8_t cap = 0;
  uint16_t gaz_bits = 0, gaz_single = 0;  // NerGazetteer type bits
  uint8_t gaz_pos = 0, gaz_len = 0;       // 1 begins, 2 continues the longest name
};

// At most 28 rows per token plus three per KB type bit and one per single-name bit.
constexpr size_t kMaxRowsPerToken = 28 + 3 * 7 + 7;

// Folds `token` and fills what depends on it alone (hashes, capitalisation,
// its KB key: its folded words' hashes go to `word_hashes`).
template <typename Lookup>
void FillToken(std::string_view token, const NerGazetteer* gaz, const Lookup& lookup, TokenInfo* t,
               std::vector<uint64_t>* word_hashes) {
  t->folded.clear();
  t->shape.clear();
  uint8_t bits = NerFolder::Get().Fold(token, &t->folded, &t->shape);
  t->folded_size = static_cast<uint32_t>(t->folded.size());
  t->cap = CapClass(bits, t->folded.size());
  t->raw = HashBytes(token, 1);
  t->low = HashBytes(t->folded, 2);
  t->shape_h = HashBytes(t->shape, 3);
  t->gaz_bits = t->gaz_single = t->gaz_pos = t->gaz_len = 0;
  t->bits1 = 0;
  t->alive1 = false;
  t->key1 = 0;
  t->words = t->words_end = static_cast<uint32_t>(word_hashes->size());
  if (!gaz || t->folded.empty()) return;
  // The folded words (a token such as "U.S" folds to two), their key alone,
  // and whether each inner part of that key starts a KB name.
  std::string_view f = t->folded;
  uint64_t key = NerGazetteer::kStart;
  t->alive1 = true;
  while (true) {
    size_t sp = f.find(' ');
    uint64_t h = HashBytes(f.substr(0, sp), 0);
    word_hashes->push_back(h);
    key = NerGazetteer::Extend(key, h);
    if (sp == std::string_view::npos) break;
    f = f.substr(sp + 1);
    if (t->alive1 && !(lookup(key) & NerGazetteer::kPrefixBit)) t->alive1 = false;
  }
  t->words_end = static_cast<uint32_t>(word_hashes->size());
  t->key1 = key;
  t->bits1 = lookup(key);
}

// The longest KB name from each token on, leftmost first; a token without a
// letter or digit ends a name. Sets the gaz_* fields.
template <typename Lookup>
void MatchGazetteer(const Lookup& lookup, TokenInfo* info, size_t n,
                    const std::vector<uint64_t>& word_hashes) {
  size_t i = 0;
  while (i < n) {
    size_t best_end = i;
    uint16_t best_bits = 0;
    if (info[i].alive1) {
      info[i].gaz_single = static_cast<uint16_t>(info[i].bits1 & NerGazetteer::kNameBits);
      uint16_t bits = info[i].bits1;
      if (bits & NerGazetteer::kNameBits) {
        best_end = i + 1;
        best_bits = bits;
      }
      uint64_t key = info[i].key1;
      for (size_t j = i + 1; (bits & NerGazetteer::kPrefixBit) && j < n && j < i + 8; ++j) {
        const TokenInfo& tj = info[j];
        if (tj.words == tj.words_end) break;
        bool alive = true;
        for (uint32_t w = tj.words; w < tj.words_end; ++w) {
          key = NerGazetteer::Extend(key, word_hashes[w]);
          if (w + 1 < tj.words_end && !(lookup(key) & NerGazetteer::kPrefixBit)) {
            alive = false;
            break;
          }
        }
        if (!alive) break;
        bits = lookup(key);
        if (bits & NerGazetteer::kNameBits) {
          best_end = j + 1;
          best_bits = bits;
        }
      }
    }
    if (best_bits) {
      for (size_t k = i; k < best_end; ++k) {
        info[k].gaz_bits = static_cast<uint16_t>(best_bits & NerGazetteer::kNameBits);
        info[k].gaz_pos = k == i ? 1 : 2;
        info[k].gaz_len = static_cast<uint8_t>(std::min<size_t>(best_end - i, 4));
      }
      // Tokens inside the name still get their single-name bits.
      for (size_t k = i + 1; k < best_end; ++k) {
        info[k].gaz_single = static_cast<uint16_t>(info[k].bits1 & NerGazetteer::kNameBits);
      }
      i = best_end;
    } else {
      ++i;
    }
  }
}

// The rows of the token alone (word, affixes, shape, capitalisation), up to
// kCap, in the order of the model's training. kLen comes apart (see Extract).
uint32_t* LocalRows(const TokenInfo& t, uint32_t m, uint32_t* r) {
  std::string_view f = t.folded;
  *r++ = Row(kBias, 0, m);
  *r++ = Row(kWord, t.raw, m);
  *r++ = Row(kLower, t.low, m);
  if (!f.empty()) {
    size_t cps = 0;
    for (int k = 1; k <= 4; ++k) {
      if (cps >= f.size()) break;
      size_t p = cps;
      if (static_cast<unsigned char>(f[p]) < 0x80) {
        ++p;
      } else {
        NextCodePoint(f, &p);
      }
      cps = p;
      *r++ = Row(kPrefix1 + k - 1, HashBytes(f.substr(0, p), 0), m);
    }
    size_t prev_s = f.size();
    for (int k = 1; k <= 4; ++k) {
      if (prev_s == 0) break;
      size_t s = prev_s;
      if (static_cast<unsigned char>(f[s - 1]) < 0x80) {
        --s;
      } else {
        PrevCodePoint(f, &s);
      }
      prev_s = s;
      *r++ = Row(kSuffix1 + k - 1, HashBytes(f.substr(s), 0), m);
      if (k == 3) *r++ = Row(kSuffixCap, HashBytes(f.substr(s), t.cap), m);
    }
  }
  *r++ = Row(kShape, t.shape_h, m);
  *r++ = Row(kShapeLong, HashBytes(std::string_view(t.shape).substr(0, 4), t.cap), m);
  *r++ = Row(kCap, t.cap, m);
  return r;
}

inline uint32_t LenRow(const TokenInfo& t, uint32_t m) {
  return Row(kLen, std::min<uint32_t>(t.folded_size, 12), m);
}

// The rows of token i that depend on its neighbours and place: sentence
// position, words and shapes around it, KB names.
struct Context {
  const TokenInfo* info;
  size_t n;
  uint32_t m;
  uint64_t none, before, after;
  uint64_t LowAt(ptrdiff_t k) const {
    if (k < 0) return before + static_cast<uint64_t>(-k);
    if (static_cast<size_t>(k) >= n) return after + static_cast<uint64_t>(k - n);
    return info[k].low;
  }
};

const Context& Constants() {
  static const Context c = {nullptr,           0, 0, NerHash("<none>", 9), NerHash("<s>", 9),
                            NerHash("</s>", 9)};
  return c;
}

// kFirstCap and kLastCap.
uint32_t* PositionRows(const Context& c, size_t i, uint32_t* r) {
  const TokenInfo& t = c.info[i];
  *r++ = Row(kFirstCap, (i == 0 ? 16 : 0) + t.cap, c.m);
  if (i + 1 == c.n) *r++ = Row(kLastCap, t.cap, c.m);
  return r;
}

// kWordM2 to the KB rows. `mix_prev` and `mix_cur` are Mix(LowAt(i - 1)) and
// Mix(LowAt(i)).
uint32_t* NeighbourRows(const Context& c, size_t i, uint64_t mix_prev, uint64_t mix_cur,
                        uint32_t* r) {
  const TokenInfo* info = c.info;
  const TokenInfo& t = info[i];
  const size_t n = c.n;
  const uint32_t m = c.m;
  const ptrdiff_t at = static_cast<ptrdiff_t>(i);
  const uint64_t low_p1 = c.LowAt(at + 1);
  uint64_t cap_prev = i > 0 ? info[i - 1].cap : 0, cap_next = i + 1 < n ? info[i + 1].cap : 0;
  *r++ = Row(kWordM2, c.LowAt(at - 2), m);
  *r++ = Row(kWordM1, c.LowAt(at - 1), m);
  *r++ = Row(kWordP1, low_p1, m);
  *r++ = Row(kWordP2, c.LowAt(at + 2), m);
  *r++ = Row(kBigramM1, mix_prev ^ t.low, m);
  *r++ = Row(kBigramP1, mix_cur ^ low_p1, m);
  *r++ = Row(kCapWindow, cap_prev * 256 + t.cap * 16 + cap_next, m);
  *r++ = Row(kShapeM1, i > 0 ? info[i - 1].shape_h : c.none, m);
  *r++ = Row(kShapeP1, i + 1 < n ? info[i + 1].shape_h : c.none, m);
  *r++ = Row(kCapWordM1, mix_prev + t.cap, m);
  if (t.gaz_bits) {
    for (int b = 0; b < 7; ++b) {
      if (!(t.gaz_bits & (1u << b))) continue;
      *r++ = Row(kGaz, t.gaz_pos * 16 + b, m);
      *r++ = Row(kGazCap, t.gaz_pos * 1024 + t.cap * 16 + b, m);
      *r++ = Row(kGazLen, t.gaz_len * 16 + b, m);
    }
  }
  if (t.gaz_single) {
    for (int b = 0; b < 7; ++b) {
      if (t.gaz_single & (1u << b)) *r++ = Row(kGazSingle, t.cap * 16 + b, m);
    }
  }
  return r;
}

std::atomic<uint64_t> next_features_id{1};

}  // namespace

NerFeatures::NerFeatures(uint32_t rows, const NerGazetteer* gazetteer)
    : mask_(rows - 1), gaz_(gazetteer), id_(next_features_id.fetch_add(1)) {}

void NerFeatures::Extract(const std::vector<std::string_view>& tokens,
                          NerSentenceFeatures* out) const {
  thread_local std::vector<TokenInfo> info;
  thread_local std::vector<uint64_t> word_hashes;
  thread_local std::vector<uint32_t> rows;
  const size_t n = tokens.size();
  if (info.size() < n) info.resize(n);
  word_hashes.clear();
  auto lookup = [this](uint64_t key) { return gaz_->Lookup(key); };
  for (size_t i = 0; i < n; ++i) FillToken(tokens[i], gaz_, lookup, &info[i], &word_hashes);
  if (gaz_) MatchGazetteer(lookup, info.data(), n, word_hashes);
  if (rows.size() < n * kMaxRowsPerToken) rows.resize(n * kMaxRowsPerToken);
  out->start.resize(n + 1);
  out->start[0] = 0;
  Context c = Constants();
  c.info = info.data();
  c.n = n;
  c.m = mask_;
  uint32_t* const r0 = rows.data();
  uint32_t* r = r0;
  uint64_t mix_prev = Mix(c.LowAt(-1)), mix_cur = n > 0 ? Mix(info[0].low) : 0;
  // The order of the rows is the order the models were trained with (the
  // trainer sums float weights in it).
  for (size_t i = 0; i < n; ++i) {
    r = LocalRows(info[i], mask_, r);
    r = PositionRows(c, i, r);
    *r++ = LenRow(info[i], mask_);
    r = NeighbourRows(c, i, mix_prev, mix_cur, r);
    out->start[i + 1] = static_cast<uint32_t>(r - r0);
    mix_prev = mix_cur;
    mix_cur = Mix(c.LowAt(static_cast<ptrdiff_t>(i) + 1));
  }
  out->rows.assign(r0, r);
}

namespace {

// A token seen recently by this thread, with its local rows' weights summed.
// Frequent words (function words, punctuation, common names) are most of a
// text; they skip folding, hashing and some 16 weight-row loads. Direct
// mapped on the token's hash; an entry holds the token's bytes, so a hit is
// the same token, never a hash twin.
struct CachedToken {
  static constexpr size_t kMaxBytes = 23;
  uint64_t owner = 0;  // the NerFeatures id, 0 when empty
  uint64_t low = 0, shape_h = 0, key1 = 0, word = 0;
  int32_t local[kNerLanes];
  uint32_t folded_size = 0;
  uint16_t bits1 = 0;
  uint8_t cap = 0;
  bool alive1 = false, has_word = false;
  uint8_t size = 0;
  char text[kMaxBytes];
};
constexpr size_t kTokenCacheSize = 2048;  // entries, a power of two

// Recent KB name look-ups of this thread (a word sequence's key and its
// bits): the words that start KB names ("the", "new") come back often, and
// the name table is large. Direct mapped, exact (the whole key is kept).
struct CachedLookup {
  uint64_t owner = 0;  // the NerFeatures id, 0 when empty
  uint64_t key = 0;
  uint16_t bits = 0;
};
constexpr size_t kLookupCacheSize = 4096;  // entries, a power of two

}  // namespace

void NerFeatures::Score(const std::vector<std::string_view>& tokens, const NerModel& model,
                        std::vector<int32_t>* emit) const {
  thread_local std::vector<TokenInfo> info;
  thread_local std::vector<uint64_t> word_hashes;
  thread_local std::vector<uint32_t> rows;
  thread_local std::vector<uint32_t> start;
  thread_local std::vector<const int16_t*> weights;  // the non-zero context rows
  thread_local std::vector<CachedToken> cache;
  thread_local std::vector<CachedLookup> lookups;
  if (cache.empty()) cache.resize(kTokenCacheSize);
  if (lookups.empty()) lookups.resize(kLookupCacheSize);
  auto lookup = [this](uint64_t key) {
    CachedLookup& l = lookups[key & (kLookupCacheSize - 1)];
    if (l.owner == id_ && l.key == key) return l.bits;
    l.owner = id_;
    l.key = key;
    l.bits = gaz_->Lookup(key);
    return l.bits;
  };
  const size_t n = tokens.size();
  if (info.size() < n) info.resize(n);
  if (emit->size() < n * kNerLanes) emit->resize(n * kNerLanes);  // grown only: no refill
  word_hashes.clear();
  uint32_t local_rows[kMaxRowsPerToken];

  for (size_t i = 0; i < n; ++i) {
    TokenInfo& t = info[i];
    std::string_view tok = tokens[i];
    const uint64_t raw = HashBytes(tok, 1);
    CachedToken& e = cache[raw & (kTokenCacheSize - 1)];
    int32_t* acc = emit->data() + i * kNerLanes;
    if (e.owner == id_ && e.size == tok.size() && tok.size() <= CachedToken::kMaxBytes &&
        std::equal(tok.begin(), tok.end(), e.text)) {
      t.raw = raw;
      t.low = e.low;
      t.shape_h = e.shape_h;
      t.cap = e.cap;
      t.folded_size = e.folded_size;
      t.key1 = e.key1;
      t.bits1 = e.bits1;
      t.alive1 = e.alive1;
      t.gaz_bits = t.gaz_single = t.gaz_pos = t.gaz_len = 0;
      t.words = static_cast<uint32_t>(word_hashes.size());
      if (e.has_word) word_hashes.push_back(e.word);
      t.words_end = static_cast<uint32_t>(word_hashes.size());
      std::copy(e.local, e.local + kNerLanes, acc);
      continue;
    }
    FillToken(tok, gaz_, lookup, &t, &word_hashes);
    uint32_t* end = LocalRows(t, mask_, local_rows);
    *end++ = LenRow(t, mask_);
    int32_t sum[kNerLanes] = {0, 0, 0, 0, 0, 0, 0, 0};
    for (const uint32_t* r = local_rows; r < end; ++r) {
      const int16_t* w = model.Row(*r);
      if (!w) continue;
      for (int k = 0; k < kNerLanes; ++k) sum[k] += w[k];
    }
    std::copy(sum, sum + kNerLanes, acc);
    // Tokens of more than one folded word ("U.S") are rare: not kept.
    if (tok.size() <= CachedToken::kMaxBytes && t.words_end - t.words <= 1) {
      e.owner = id_;
      e.low = t.low;
      e.shape_h = t.shape_h;
      e.key1 = t.key1;
      e.has_word = t.words_end > t.words;
      e.word = e.has_word ? word_hashes[t.words] : 0;
      std::copy(sum, sum + kNerLanes, e.local);
      e.folded_size = t.folded_size;
      e.bits1 = t.bits1;
      e.cap = t.cap;
      e.alive1 = t.alive1;
      e.size = static_cast<uint8_t>(tok.size());
      std::copy(tok.begin(), tok.end(), e.text);
    }
  }
  if (gaz_) MatchGazetteer(lookup, info.data(), n, word_hashes);
  // The rows that depend on the neighbours, then their weights, asking for
  // the next token's rows while summing this one's so the misses overlap.
  if (rows.size() < kMaxRowsPerToken) rows.resize(kMaxRowsPerToken);
  start.resize(n + 1);
  Context c = Constants();
  c.info = info.data();
  c.n = n;
  c.m = mask_;
  if (weights.size() < n * kMaxRowsPerToken) weights.resize(n * kMaxRowsPerToken);
  const int16_t** const w0 = weights.data();
  size_t kept = 0;
  uint64_t mix_prev = Mix(c.LowAt(-1)), mix_cur = n > 0 ? Mix(info[0].low) : 0;
  for (size_t i = 0; i < n; ++i) {
    start[i] = static_cast<uint32_t>(kept);
    uint32_t* r = PositionRows(c, i, rows.data());
    r = NeighbourRows(c, i, mix_prev, mix_cur, r);
    for (const uint32_t* k = rows.data(); k < r; ++k) {
      const int16_t* w = model.Row(*k);
      w0[kept] = w;
      kept += w != nullptr;
    }
    mix_prev = mix_cur;
    mix_cur = Mix(c.LowAt(static_cast<ptrdiff_t>(i) + 1));
  }
  start[n] = static_cast<uint32_t>(kept);
  auto prefetch = [&](size_t i) {
    for (uint32_t k = start[i]; k < start[i + 1]; ++k) __builtin_prefetch(w0[k]);
  };
  if (n > 0) prefetch(0);
  for (size_t i = 0; i < n; ++i) {
    if (i + 1 < n) prefetch(i + 1);
    int32_t* acc = emit->data() + i * kNerLanes;
    int32_t sum[kNerLanes];
    std::copy(acc, acc + kNerLanes, sum);
    for (uint32_t k = start[i]; k < start[i + 1]; ++k) {
      const int16_t* w = w0[k];
      for (int t = 0; t < kNerLanes; ++t) sum[t] += w[t];
    }
    std::copy(sum, sum + kNerLanes, acc);
  }
}

}  // namespace sitrep
