// @brief FindNumbers: a left-to-right scan; at each token the longest number wins.
//
// Digits are read from the token stream: a run of digits, then groups of
// exactly three digits joined by one thousands separator (a single space-like
// character, or the language's grouping point/comma, or an apostrophe), then
// the decimal separator and digits. Words are read as groups: the longest
// ICU spell-out phrase of 0..999, optionally times a scale word ("mille",
// "millions"), repeated with decreasing scales ("trois millions deux cent
// mille"). What follows a number may make it a fraction, a decimal or a
// negative; see ExtendNumber.
#include "quantity/number_finder.h"

#include <cmath>
#include <cstdlib>

#include "base/utf8.h"

namespace sitrep {
namespace {

using Type = QToken::Type;

class Finder {
 public:
  Finder(const QuantityLexicon& lex, std::string_view text, uint32_t base,
         const std::vector<QToken>& t)
      : lex_(lex), text_(text), base_(base), t_(t), n_(t.size()) {}

  std::vector<NumberMatch> Run() {
    std::vector<NumberMatch> out;
    size_t i = 0;
    while (i < n_) {
      NumberMatch m;
      bool found = t_[i].type == Type::kDigits ? Digits(i, &m) : Words(i, &m);
      if (!found && t_[i].type == Type::kPunct) found = LeadingDecimal(i, &m);
      if (!found) {
        ++i;
        continue;
      }
      m.start = t_[m.first_token].start;
      m.end = t_[m.end_token - 1].end;
      if (m.kind != NumberKind::kVague) m.min = m.max = m.value;
      i = m.end_token;
      out.push_back(std::move(m));
    }
    return out;
  }

 private:
  bool Glued(size_t j) const { return j < n_ && !t_[j].space_before; }
  bool IsKey(size_t j, std::string_view key) const { return j < n_ && t_[j].key == key; }
  bool IsDigits(size_t j) const { return j < n_ && t_[j].type == Type::kDigits; }
  bool IsWord(size_t j) const { return j < n_ && t_[j].type == Type::kWord; }
  std::string_view Raw(size_t j) const {
    return text_.substr(t_[j].start - base_, t_[j].end - t_[j].start);
  }

  // The gap before token j is exactly one space-like code point.
  bool SingleSpaceBefore(size_t j) const {
    if (j == 0) return false;
    std::string_view gap = text_.substr(t_[j - 1].end - base_, t_[j].start - t_[j - 1].end);
    size_t pos = 0;
    if (gap.empty()) return false;
    char32_t c = NextCodePoint(gap, &pos);
    return pos == gap.size() && (c == U' ' || c == 0x00A0 || c == 0x202F || c == 0x2009);
  }

  char Grouping() const { return lex_.decimal_separator() == ',' ? '.' : ','; }

  // d SEP d SEP d (dates) or d:dd (times), all glued.
  size_t DateLike(size_t i) const {
    if (t_[i].key.size() == 4 && IsKey(i + 1, "-") && Glued(i + 1) && IsDigits(i + 2) &&
        Glued(i + 2) && t_[i + 2].key.size() == 2) {
      return 3;  // 2022-01
    }
    if (IsKey(i + 1, ":") && Glued(i + 1) && IsDigits(i + 2) && Glued(i + 2) &&
        t_[i + 2].key.size() == 2) {
      return 3;
    }
    for (const char* sep : {".", "/", "-"}) {
      if (IsKey(i + 1, sep) && Glued(i + 1) && IsDigits(i + 2) && Glued(i + 2) &&
          IsKey(i + 3, sep) && Glued(i + 3) && IsDigits(i + 4) && Glued(i + 4)) {
        return 5;
      }
    }
    return 0;
  }

  bool Digits(size_t i, NumberMatch* m) {
    m->first_token = i;
    if (size_t len = DateLike(i)) {
      m->date_like = true;
      m->value = std::strtod(t_[i].key.c_str(), nullptr);
      m->end_token = i + len;
      return true;
    }
    // Sign: a glued '-' that is not itself glued to a word ("Covid-19").
    bool negative = false;
    if (i > 0 && IsKey(i - 1, "-") && Glued(i) && (i == 1 || t_[i - 1].space_before ||
                                                   t_[i - 2].type == Type::kPunct)) {
      negative = true;
      m->first_token = i - 1;
    }
    if (i > 0 && Glued(i) && (IsWord(i - 1) || (IsKey(i - 1, "-") && !t_[i - 1].space_before &&
                                                  i > 1 && IsWord(i - 2)))) {
      m->glued = true;
      negative = false;
      m->first_token = i;
    }
    std::string number = t_[i].key;
    m->digits = static_cast<int>(number.size());
    size_t j = i;
    if (number.size() <= 3) {
      const std::string group(1, Grouping());
      while (true) {
        if (IsDigits(j + 1) && t_[j + 1].key.size() == 3 && SingleSpaceBefore(j + 1) &&
            !(IsDigits(j + 2) && SingleSpaceBefore(j + 2) && t_[j + 2].key.size() != 3)) {
          j += 1;
        } else if ((IsKey(j + 1, group) || IsKey(j + 1, "'")) && Glued(j + 1) &&
                   IsDigits(j + 2) && Glued(j + 2) && t_[j + 2].key.size() == 3) {
          j += 2;
        } else {
          break;
        }
        number += t_[j].key;
        m->digits += 3;
        m->grouped = true;
      }
    }
    const std::string dec(1, lex_.decimal_separator());
    const std::string other(1, Grouping());
    // The grouping sign followed by other than three digits is a decimal
    // point too ("5.00" in French).
    if ((IsKey(j + 1, dec) || (IsKey(j + 1, other) && !m->grouped && IsDigits(j + 2) &&
                               t_[j + 2].key.size() != 3)) &&
        Glued(j + 1) && IsDigits(j + 2) && Glued(j + 2)) {
      number += "." + t_[j + 2].key;
      m->decimal = true;
      j += 2;
    }
    double value = std::strtod(number.c_str(), nullptr);
    // Exponent: 1e10, 12,32e+14.
    if (IsKey(j + 1, "e") && Glued(j + 1)) {
      size_t k = j + 2;
      double sign = 1;
      if ((IsKey(k, "+") || IsKey(k, "-")) && Glued(k)) {
        sign = IsKey(k, "-") ? -1 : 1;
        ++k;
      }
      if (IsDigits(k) && Glued(k)) {
        value *= std::pow(10.0, sign * std::strtod(t_[k].key.c_str(), nullptr));
        m->decimal = true;
        j = k;
      }
    }
    // Fraction: 3/4 (not 17/05/2018, caught above).
    if (!m->grouped && !m->decimal && IsKey(j + 1, "/") && Glued(j + 1) && IsDigits(j + 2) &&
        Glued(j + 2)) {
      double den = std::strtod(t_[j + 2].key.c_str(), nullptr);
      if (den > 0) {
        value /= den;
        m->kind = NumberKind::kFraction;
        j += 2;
      }
    }
    // Glued letters: a scale suffix (10k), an ordinal suffix (1er), a scale word
    // (2millions) or something else (180ml, 14h30).
    if (IsWord(j + 1) && Glued(j + 1)) {
      const LexEntry* e = nullptr;
      if ((e = lex_.FindSuffix(Raw(j + 1), LexKind::kSuffixScale)) != nullptr) {
        value *= e->value;
        m->scaled = true;
        ++j;
      } else if (lex_.FindSuffix(Raw(j + 1), LexKind::kOrdinalSuffix) != nullptr) {
        m->kind = NumberKind::kOrdinal;
        ++j;
      } else if (size_t len = lex_.Match(t_, j + 1, LexKind::kScale, &e)) {
        value *= e->value;
        m->scaled = true;
        j += len;
      } else {
        m->glued = true;
      }
    } else if (IsWord(j + 1)) {
      const LexEntry* e = nullptr;
      if (size_t len = lex_.Match(t_, j + 1, LexKind::kScale, &e)) {
        value *= e->value;
        m->scaled = true;
        j += len;
      } else if ((e = lex_.FindSuffix(Raw(j + 1), LexKind::kSuffixScale)) != nullptr &&
                 (j + 2 >= n_ || t_[j + 2].type == Type::kPunct)) {
        value *= e->value;  // "2,33 k" at the end of a phrase
        m->scaled = true;
        ++j;
      }
    }
    m->value = negative ? -value : value;
    m->end_token = j + 1;
    if (m->kind == NumberKind::kCardinal) Over(m);
    return true;
  }

  // ",08": a decimal separator after a space, then digits.
  bool LeadingDecimal(size_t i, NumberMatch* m) {
    if (t_[i].key.size() != 1 || t_[i].key[0] != lex_.decimal_separator() ||
        !(i == 0 || t_[i].space_before) || !IsDigits(i + 1) || !Glued(i + 1)) {
      return false;
    }
    m->first_token = i;
    m->value = std::strtod(("0." + t_[i + 1].key).c_str(), nullptr);
    m->decimal = true;
    m->end_token = i + 2;
    return true;
  }

  // Spelled cardinal groups from token j; returns the token after, or j.
  size_t Cardinal(size_t j, double* value, double* last_scale) const {
    double total = 0, prev_scale = INFINITY;
    bool any = false;
    size_t end = j;
    *last_scale = 1;
    while (IsWord(j)) {
      const LexEntry* e = nullptr;
      size_t len = lex_.Match(t_, j, LexKind::kCardinal, &e);
      double small = len ? e->value : 0;
      size_t k = j + len;
      if (len && IsKey(k, "-") && IsWord(k + 1)) ++k;
      const LexEntry* s = nullptr;
      size_t slen = IsWord(k) ? lex_.Match(t_, k, LexKind::kScale, &s) : 0;
      if (slen && s->value < prev_scale && (len || !any) && (len == 0 || small > 0)) {
        total += (len ? small : 1) * s->value;
        prev_scale = s->value;
        *last_scale = s->value;
        j = k + slen;
        end = j;
        any = true;
        continue;
      }
      if (len && small < prev_scale) {
        total += small;
        end = j + len;
        any = true;
      }
      break;
    }
    *value = total;
    return any ? end : j;
  }

  // A denominator at j: an ordinal of 3 or more ("cinquièmes") or a fraction
  // word ("tiers"); returns its token count.
  size_t Denominator(size_t j, double* den) const {
    const LexEntry* e = nullptr;
    if (size_t len = lex_.Match(t_, j, LexKind::kFraction, &e)) {
      *den = e->value;
      return len;
    }
    const LexEntry* c = nullptr;
    size_t len = lex_.Match(t_, j, LexKind::kOrdinal, &e);
    if (len && e->value >= 3 && len >= lex_.Match(t_, j, LexKind::kCardinal, &c)) {
      *den = e->value;
      return len;
    }
    return 0;
  }

  bool Words(size_t i, NumberMatch* m) {
    if (!IsWord(i) || !lex_.MayStart(t_[i].key)) return false;
    m->first_token = i;
    m->spelled = true;
    const LexEntry* e = nullptr;
    bool negative = false;
    size_t j = i;
    if (size_t len = lex_.Match(t_, i, LexKind::kNegative, &e)) {
      negative = true;
      j = i + len;
    }
    const LexEntry* ord = nullptr;
    const LexEntry* vague = nullptr;
    size_t ord_len = lex_.Match(t_, j, LexKind::kOrdinal, &ord);
    size_t vague_len = negative ? 0 : lex_.Match(t_, j, LexKind::kVague, &vague);
    double value = 0, last_scale = 1;
    size_t end = Cardinal(j, &value, &last_scale);
    if (vague_len > end - j && vague_len >= ord_len) {
      m->kind = NumberKind::kVague;
      m->vague_hedge = vague->tag;
      double lo = vague->value, hi = vague->value2;
      size_t k = j + vague_len;
      const LexEntry* s = nullptr;
      if (size_t link = lex_.Match(t_, k, LexKind::kLink, &e)) {
        if (size_t slen = lex_.Match(t_, k + link, LexKind::kScale, &s)) {
          lo *= s->value;  // "des dizaines de milliers"
          hi *= s->value;
          k += link + slen;
        }
      }
      m->value = m->min = lo;
      m->max = hi;
      m->end_token = k;
      return true;
    }
    if (ord_len > end - j) {
      m->kind = NumberKind::kOrdinal;
      m->value = ord->value;
      m->end_token = j + ord_len;
      return true;
    }
    if (end == j) return false;
    m->value = negative ? -value : value;
    m->end_token = end;
    ExtendWords(m, last_scale, negative);
    return true;
  }

  // After spelled words: fraction, "et demi", "virgule", "sur".
  void ExtendWords(NumberMatch* m, double last_scale, bool negative) {
    size_t k = m->end_token;
    double sign = negative ? -1 : 1;
    double den = 0;
    const LexEntry* e = nullptr;
    if (size_t len = Denominator(k, &den)) {
      m->value /= den;
      m->kind = NumberKind::kFraction;
      m->end_token = k + len;
      return;
    }
    if (size_t and_len = lex_.Match(t_, k, LexKind::kRangeMid, &e)) {
      size_t f = k + and_len;
      if (size_t len = lex_.Match(t_, f, LexKind::kFraction, &e)) {  // "et demi"
        m->value += sign * last_scale / e->value;
        m->kind = NumberKind::kFraction;
        m->end_token = f + len;
        return;
      }
      double num = 0, scale = 1;
      size_t after = Cardinal(f, &num, &scale);
      if (after > f) {
        if (size_t len = Denominator(after, &den)) {  // "cinq et un quart"
          m->value += sign * num / den;
          m->kind = NumberKind::kFraction;
          m->end_token = after + len;
          return;
        }
      }
    }
    if (size_t len = lex_.Match(t_, k, LexKind::kDecimalWord, &e)) {
      std::string decimals;
      size_t j = k + len;
      while (IsWord(j)) {
        size_t l = lex_.Match(t_, j, LexKind::kCardinal, &e);
        if (!l) break;
        decimals += std::to_string(static_cast<int>(e->value));
        j += l;
      }
      if (!decimals.empty()) {
        m->value += sign * std::strtod(("0." + decimals).c_str(), nullptr);
        m->decimal = true;
        m->end_token = j;
        return;
      }
    }
    Over(m);
  }

  // "un sur trois": a proportion when the first number is the smaller.
  void Over(NumberMatch* m) {
    const LexEntry* e = nullptr;
    size_t k = m->end_token;
    size_t len = lex_.Match(t_, k, LexKind::kOver, &e);
    if (!len) return;
    double den = 0, scale = 1;
    size_t end = k + len;
    if (IsDigits(end) && !IsKey(end + 1, ",") && !IsKey(end + 1, ".")) {
      den = std::strtod(t_[end].key.c_str(), nullptr);
      ++end;
    } else {
      size_t after = Cardinal(end, &den, &scale);
      if (after == end) return;
      end = after;
    }
    if (den <= 0 || std::fabs(m->value) >= den) return;
    m->value /= den;
    m->kind = NumberKind::kFraction;
    m->end_token = end;
  }

  const QuantityLexicon& lex_;
  std::string_view text_;
  uint32_t base_;
  const std::vector<QToken>& t_;
  size_t n_;
};

}  // namespace


std::vector<NumberMatch> FindNumbers(const QuantityLexicon& lexicon, std::string_view text,
                                     uint32_t base, const std::vector<QToken>& tokens) {
  return Finder(lexicon, text, base, tokens).Run();
}

}  // namespace sitrep
