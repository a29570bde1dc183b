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
#include <utility>
#include <vector>

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
      if (!found && t_[i].type == Type::kPunct) found = LeadingDecimal(i, &m) || Vulgar(i, &m);
      if (!found) {
        ++i;
        continue;
      }
      m.start = t_[m.first_token].start;
      m.end = t_[m.end_token - 1].end;
      if (m.kind != NumberKind::kVague) m.min = m.max = m.value;
      // "5 janvier", "mai 2021": a date.
      // A day or a year has no grouping and no decimals ("$ 37,305.97 february").
      if (DayOrYear(m) && ((m.end_token < n_ && lex_.IsMonth(t_[m.end_token].key)) ||
                           (m.first_token > 0 && lex_.IsMonth(t_[m.first_token - 1].key)))) {
        m.date_like = true;
      }
      i = m.end_token;
      out.push_back(std::move(m));
    }
    return out;
  }

 private:
  bool Glued(size_t j) const { return j < n_ && !t_[j].space_before; }
  static bool DayOrYear(const NumberMatch& m) { return !m.grouped && !m.decimal && !m.scaled; }
  // A unit of measure money starts at j / ends right before j.
  bool CurrencyAt(size_t j) const {
    const LexEntry* e = nullptr;
    return lex_.Match(t_, j, LexKind::kUnit, &e) && e->tag2 == "money";
  }
  bool SmallScaleAt(size_t j) const {
    const LexEntry* e = nullptr;
    return lex_.Match(t_, j, LexKind::kScale, &e) && e->value < 1000;
  }
  bool CurrencyEndsAt(size_t j) const {
    const LexEntry* e = nullptr;
    return lex_.MatchEndingAt(t_, j, LexKind::kUnit, &e) != SIZE_MAX && e->tag2 == "money";
  }
  // The suffix scale at token s of the number opening at token a is read as a
  // scale unless its letters are also a unit as written ("m": million or
  // metre); then it is the scale only with money or a counted noun:
  // "$1.8m", "1.8m dollars", "5m people"; "1.8m tall", "48m" are metres.
  bool ScaleNotUnit(size_t a, size_t s) const {
    if (!lex_.IsUnitAsWritten(Raw(s))) return true;
    const LexEntry* e = nullptr;
    return CurrencyEndsAt(a) || CurrencyAt(s + 1) || lex_.Match(t_, s + 1, LexKind::kMeasure, &e);
  }
  bool IsKey(size_t j, std::string_view key) const { return j < n_ && t_[j].key == key; }
  bool IsDigits(size_t j) const { return j < n_ && t_[j].type == Type::kDigits; }
  bool IsWord(size_t j) const { return j < n_ && t_[j].type == Type::kWord; }
  // After the glued marker at j ("^" or "e"): an optionally signed, glued
  // digit run ("^-1", "e+14"). Its value in *exp and its token, or 0.
  size_t GluedExponent(size_t j, double* exp) const {
    if (!Glued(j)) return 0;
    size_t k = j + 1;
    double sign = 1;
    if ((IsKey(k, "+") || IsKey(k, "-")) && Glued(k)) {
      sign = IsKey(k, "-") ? -1 : 1;
      ++k;
    }
    if (!IsDigits(k) || !Glued(k)) return 0;
    *exp = sign * std::strtod(t_[k].key.c_str(), nullptr);
    return k;
  }
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

  char Grouping() const { return lex_.group_separator(); }

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
    // With points, the day or month in the middle has one or two digits
    // ("1.234.567" is a number); "1-222-2222" is no quantity either.
    for (const char* sep : {".", "/", "-"}) {
      if (IsKey(i + 1, sep) && Glued(i + 1) && IsDigits(i + 2) && Glued(i + 2) &&
          (sep[0] != '.' || t_[i + 2].key.size() <= 2) && IsKey(i + 3, sep) && Glued(i + 3) &&
          IsDigits(i + 4) && Glued(i + 4)) {
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
    // Sign: a glued '-' that is not itself glued to a word ("Covid-19"), nor
    // right after another number, where it is a range's dash ("75 -300mm").
    bool negative = false;
    if (i > 0 && IsKey(i - 1, "-") && Glued(i) &&
        (i == 1 || t_[i - 1].space_before || t_[i - 2].type == Type::kPunct) &&
        !(i >= 2 && IsDigits(i - 2))) {
      negative = true;
      m->first_token = i - 1;
    }
    if (i > 0 && Glued(i) &&
        (IsWord(i - 1) ||
         (IsKey(i - 1, "-") && !t_[i - 1].space_before && i > 1 && IsWord(i - 2))) &&
        !CurrencyEndsAt(i)) {  // "USD115" is money, "G20" a name
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
        } else if ((IsKey(j + 1, group) || IsKey(j + 1, "'")) && Glued(j + 1) && IsDigits(j + 2) &&
                   Glued(j + 2) && t_[j + 2].key.size() == 3) {
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
    // Digits after a glued point that follows digits continue a dotted chain
    // ("192.168.1.2"): they take no decimal part.
    const bool chained = m->first_token == i && i >= 2 && !t_[i].space_before &&
                         (IsKey(i - 1, ".") || IsKey(i - 1, ",")) && IsDigits(i - 2) &&
                         !t_[i - 1].space_before;
    // The grouping sign followed by other than three digits is a decimal sign
    // too ("5.00" in French, "5,00" in English), unless a chain goes on ("22,24,26").
    const std::string& sep = IsKey(j + 1, dec) ? dec : other;
    const bool list = IsKey(j + 3, sep) && Glued(j + 3) && IsDigits(j + 4) && Glued(j + 4);
    if (!chained && !list &&
        (IsKey(j + 1, dec) ||
         (IsKey(j + 1, other) && !m->grouped && IsDigits(j + 2) && t_[j + 2].key.size() != 3)) &&
        Glued(j + 1) && IsDigits(j + 2) && Glued(j + 2)) {
      number += "." + t_[j + 2].key;
      m->decimal = true;
      j += 2;
    }
    double value = std::strtod(number.c_str(), nullptr);
    const bool plain = !m->grouped && !m->decimal && j == i;
    // Power: 1,1^23, 2,5^-1.
    double exp = 0;
    if (size_t k = IsKey(j + 1, "^") ? GluedExponent(j + 1, &exp) : 0) {
      value = std::pow(value, exp);
      m->decimal = true;
      j = k;
    }
    // Mixed number: "2 1/4" (a proper fraction after a space).
    if (plain && IsDigits(j + 1) && !Glued(j + 1) && IsKey(j + 2, "/") && Glued(j + 2) &&
        IsDigits(j + 3) && Glued(j + 3) && !(IsKey(j + 4, "/") && Glued(j + 4))) {
      double num = std::strtod(t_[j + 1].key.c_str(), nullptr);
      double den = std::strtod(t_[j + 3].key.c_str(), nullptr);
      if (num > 0 && num < den) {
        value += num / den;
        m->kind = NumberKind::kFraction;
        j += 3;
      }
    }
    // Exponent: 1e10, 12,32e+14.
    if (size_t k = IsKey(j + 1, "e") ? GluedExponent(j + 1, &exp) : 0) {
      value *= std::pow(10.0, exp);
      m->decimal = true;
      j = k;
    }
    // Scientific notation: 1.3x10^6, 6.23×10^-4.
    if ((IsKey(j + 1, "x") || IsKey(j + 1, "\u00d7")) && Glued(j + 1) && IsKey(j + 2, "10") &&
        Glued(j + 2) && IsKey(j + 3, "^")) {
      if (size_t k = GluedExponent(j + 3, &exp)) {
        value *= std::pow(10.0, exp);
        m->decimal = true;
        j = k;
      }
    }
    // Fraction: 3/4 (not 17/05/2018, caught above; not 2222/2222 in a phone number).
    if (m->kind == NumberKind::kCardinal && !m->grouped && !m->decimal && IsKey(j + 1, "/") &&
        Glued(j + 1) && IsDigits(j + 2) && Glued(j + 2) && t_[j + 2].key.size() <= 3) {
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
      if ((e = lex_.FindSuffix(Raw(j + 1), LexKind::kSuffixScale)) != nullptr &&
          ScaleNotUnit(m->first_token, j + 1)) {
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
      } else if (!CurrencyAt(j + 1)) {  // "115USD", "100元": money
        m->glued = true;
      }
    } else if (IsWord(j + 1) &&
               !(CurrencyAt(j + 1) && SmallScaleAt(j + 1) && !(plain && value < 10))) {
      // A small scale that is also a currency multiplies only a digit: "3 cents"
      // = 300 in French, but "50 cents", "1,20 cents" are money.
      const LexEntry* e = nullptr;
      double whole = 0, last_scale = 1;
      size_t end = 0;
      if (plain && (end = Cardinal(i, &whole, &last_scale, true)) > j + 1) {
        // "4 mille 3 cents et 21", "3 millions et demi"
        NumberMatch tail;
        tail.value = whole;
        tail.end_token = end;
        if (AndFraction(&tail, last_scale, 1)) m->kind = NumberKind::kFraction;
        value = tail.value;
        m->scaled = true;
        j = tail.end_token - 1;
      } else if (size_t len = lex_.Match(t_, j + 1, LexKind::kScale, &e)) {
        value *= e->value;
        m->scaled = true;
        j += len;
        NumberMatch tail;
        tail.value = value;
        tail.end_token = j + 1;
        if (AndFraction(&tail, e->value, 1)) {  // "2,5 millions et demi"
          m->kind = NumberKind::kFraction;
          value = tail.value;
          j = tail.end_token - 1;
        }
      } else if ((e = lex_.FindSuffix(Raw(j + 1), LexKind::kSuffixScale)) != nullptr &&
                 (j + 2 >= n_ || t_[j + 2].type == Type::kPunct) &&
                 ScaleNotUnit(m->first_token, j + 1)) {
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

  // "½", "⅙": a vulgar fraction character.
  bool Vulgar(size_t i, NumberMatch* m) {
    double v = 0;
    if (!lex_.VulgarFraction(Raw(i), &v)) return false;
    m->first_token = i;
    m->value = v;
    m->kind = NumberKind::kFraction;
    m->end_token = i + 1;
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
    m->glued = IsWord(i + 2) && Glued(i + 2);  // ",25ml"
    return true;
  }

  // "a" read as 1: only right before a scale, a fraction word or a denominator.
  size_t OneBeforeScale(size_t j) const {
    const LexEntry* e = nullptr;
    size_t len = lex_.Match(t_, j, LexKind::kOneBeforeScale, &e);
    if (!len) return 0;
    double den = 0;
    size_t k = j + len;
    if (lex_.Match(t_, k, LexKind::kScale, &e) || Denominator(k, &den)) return len;
    return 0;
  }

  // A cardinal read as groups from token j: each group a spelled 0..999 (or,
  // with `digits`, plain digits), times a small scale ("cent", "dozen") and
  // then a big scale (>= 1000, strictly decreasing: "trois millions deux cent
  // mille"); a number_and word may join a smaller part ("one hundred and six",
  // "4 mille 3 cents et 21"). Returns the token after, or j; *last_scale is
  // the last scale applied (for "et demi").
  size_t Cardinal(size_t j, double* value, double* last_scale, bool digits = false) const {
    double current = 0, last_big = INFINITY;
    // Groups times their big scale, scales decreasing: (1e12, 3e12), (1e3, 455e3).
    std::vector<std::pair<double, double>> groups;
    bool has_current = false, any = false, current_digits = false;
    size_t end = j, k = j;
    *last_scale = 1;
    const LexEntry* e = nullptr;
    while (k < n_) {
      size_t group = k;
      size_t and_len = any ? lex_.Match(t_, k, LexKind::kNumberAnd, &e) : 0;
      k += and_len;
      double small = 0;
      size_t len = 0;
      // "and" joins no words to bare digits: "$ 100 and fifty" is 100 and 50 (cents).
      if (and_len && current_digits && IsWord(k)) {
        k = group;
        break;
      }
      if (IsWord(k)) {
        if ((len = lex_.Match(t_, k, LexKind::kCardinal, &e)) != 0) {
          small = e->value;
          // A shorter phrase when the rest opens a plural ordinal: "one hundred
          // | thirty-fifths", not "one hundred thirty | fifths" (with "and",
          // "cent et trente cinquièmes" = 130/5, see `numerator` below).
          for (size_t l = len - 1; l > 0; --l) {
            const LexEntry* shorter = nullptr;
            double d = 0;
            if (lex_.Match(t_, k, LexKind::kCardinal, &shorter, l) == l &&
                Denominator(k + l, &d) > len - l) {
              len = l;
              small = shorter->value;
              break;
            }
          }
        } else if (!any && (len = OneBeforeScale(k)) != 0) {
          small = 1;
        }
      } else if (digits && IsDigits(k) && (!any || (t_[k].key.size() <= 3 && t_[k].space_before)) &&
                 !((IsKey(k + 1, ",") || IsKey(k + 1, ".")) && Glued(k + 1))) {
        small = std::strtod(t_[k].key.c_str(), nullptr);
        len = 1;
        current_digits = true;
      }
      if (len) {
        // Two groups without a scale between join only as "hundred" + "six".
        // Two groups without a scale between join as "hundred" + "six", or as
        // tens + units written apart ("quatre-vingt-dix-cinq").
        bool joins = !has_current || (current > 0 && std::fmod(current, 100) == 0 && small < 100) ||
                     (std::fmod(current, 10) == 0 && std::fmod(current, 100) != 0 && small > 0 &&
                      small < 10);
        // "and" + a numerator is a fraction added to what comes before ("cinq
        // milliards et trois quarts", "twenty and three fifths"), except after
        // hundreds with an ordinal ("cent et trente cinquièmes" = 130/5).
        double den = 0;
        const LexEntry* fraction = nullptr;
        bool numerator = and_len && Denominator(k + len, &den) &&
                         (!has_current || std::fmod(current, 100) != 0 ||
                          lex_.Match(t_, k + len, LexKind::kFraction, &fraction));
        // A group that opens a plural ordinal is its denominator: "one hundred
        // thirty-fifths" = 100/35.
        double group_den = 0;
        const bool denominator =
            has_current && !and_len && IsWord(k) && Denominator(k, &group_den) > len;
        if (!joins || (and_len && small == 0) || numerator || denominator) {
          k = group;
          break;
        }
        // "and" + a group that is itself scaled too big ("3 cents et 2 cents"): not ours.
        const LexEntry* next = nullptr;
        if (and_len && IsWord(k + len) && lex_.Match(t_, k + len, LexKind::kScale, &next) &&
            (next->value >= last_big ||
             (next->value < 1000 && current > 0 && small * next->value >= 100))) {
          k = group;
          break;
        }
        current += small;
        if (has_current) *last_scale = 1;  // "cent et trente et deux cinquièmes"
        has_current = true;
        any = true;
        k += len;
        end = k;
        if (IsKey(k, "-") && IsWord(k + 1)) ++k;
      } else if (and_len) {
        k = group;
        break;
      }
      const LexEntry* s = nullptr;
      size_t slen = IsWord(k) ? lex_.Match(t_, k, LexKind::kScale, &s) : 0;
      if (!slen) {
        if (len) continue;  // "one hundred" + "and six"
        break;
      }
      // A small scale that is also a currency and ends the number multiplies a
      // digit only: "trois cents" = 300, "quarante-cinq cents" is money
      // ("quatre-vingt-quinze cent cinquièmes" goes on).
      double den = 0;
      const LexEntry* more = nullptr;
      if (s->value < 1000 && has_current && current >= 10 && CurrencyAt(k) &&
          !Denominator(k + slen, &den) && !lex_.Match(t_, k + slen, LexKind::kCardinal, &more)) {
        break;
      }
      if (s->value < 1000) {  // multiplies the group: "trois cents", "nineteen hundred"
        double units = std::fmod(current, 100);
        if (has_current && current >= 100 && s->value < 100 && units > 0) {
          current += units * (s->value - 1);  // "three hundred and two dozens" = 324
        } else if (has_current && current >= 100) {
          break;
        } else {
          current = (has_current ? current : 1) * s->value;
        }
        has_current = true;
      } else if (s->value < last_big) {
        groups.emplace_back(s->value, (has_current ? current : 1) * s->value);
        current = 0;
        has_current = false;
        last_big = s->value;
      } else {
        // A bigger scale multiplies what came since the last bigger one:
        // "cuatrocientos cincuenta y cinco mil doscientos millones" = 455 200e6,
        // "one thousand million" = 1e9.
        double low = has_current ? current : 0;
        size_t keep = groups.size();
        while (keep > 0 && groups[keep - 1].first < s->value) low += groups[--keep].second;
        if (keep == groups.size() || (keep > 0 && low * s->value >= groups[keep - 1].first)) break;
        groups.resize(keep);
        groups.emplace_back(s->value, low * s->value);
        current = 0;
        has_current = false;
        last_big = s->value;
      }
      *last_scale = s->value;
      current_digits = false;
      any = true;
      k += slen;
      end = k;
    }
    double total = current;
    for (const auto& g : groups) total += g.second;
    *value = total;
    return any ? end : j;
  }

  // A denominator at j: an ordinal of 3 or more ("cinquièmes") or a fraction
  // word ("tiers"); returns its token count.
  size_t Denominator(size_t j, double* den) const {
    const LexEntry* e = nullptr;
    // A written word of a cardinal and a denominator: "dosmilésimos" (2000),
    // "veinteavos" (20, `avos` being a fraction of 1).
    if (IsWord(j) && t_[j].compound_part &&
        (j == 0 || !t_[j - 1].compound_part || t_[j].space_before)) {
      size_t w = j + 1;
      while (w < n_ && t_[w].compound_part && !t_[w].space_before) ++w;
      double num = 0, scale = 1, last = 0;
      const LexEntry* c = nullptr;
      if (lex_.Match(t_, w - 1, LexKind::kFraction, &e, 1)) {
        last = e->value;
      } else if (lex_.Match(t_, w - 1, LexKind::kOrdinal, &e, 1) &&
                 !lex_.Match(t_, w - 1, LexKind::kCardinal, &c, 1)) {
        last = e->value;
      }
      if (last > 0 && w - j >= 2 && Cardinal(j, &num, &scale) == w - 1 && num > 0) {
        *den = num * last;
        return w - j;
      }
    }
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
    if (!IsWord(i) || !lex_.MayStart(t_[i])) return false;
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
    if (negative && IsDigits(j)) {  // "minus 5"
      NumberMatch d;
      if (!Digits(j, &d) || d.glued || d.date_like || d.first_token != j) return false;
      d.first_token = i;
      d.spelled = true;
      d.value = -d.value;
      *m = std::move(d);
      return true;
    }
    double value = 0, last_scale = 1;
    size_t end = Cardinal(j, &value, &last_scale);
    // A plural scale alone is vague ("dozens"), with a number it multiplies ("three dozens").
    const LexEntry* bare = nullptr;
    if ((vague_len > end - j ||
         (vague_len > 0 && vague_len == end - j && lex_.Match(t_, j, LexKind::kScale, &bare))) &&
        vague_len >= ord_len) {
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
    // "vingt cinquièmes": a plural ordinal phrase is a cardinal over a denominator.
    double den = 0;
    std::string_view last = ord_len ? Raw(j + ord_len - 1) : std::string_view();
    bool plural = !last.empty() && last.back() == 's' && end > j && Denominator(end, &den);
    if (ord_len > end - j && !plural) {
      m->kind = NumberKind::kOrdinal;
      m->value = ord->value;
      m->end_token = j + ord_len;
      return true;
    }
    if (end == j) {
      // A fraction word opening the number: "demi-million", "quart de million",
      // "demi", "half a dozen".
      size_t len = lex_.Match(t_, j, LexKind::kFraction, &e);
      if (!len) return false;
      m->kind = NumberKind::kFraction;
      m->value = (negative ? -1 : 1) / e->value;
      m->end_token = j + len;
      if (!ScaleFraction(m) && e->value != 2) return false;  // "tiers" alone: "pays tiers"
      m->bare_fraction = true;
      return true;
    }
    m->value = negative ? -value : value;
    m->end_token = end;
    m->lone_one = !negative && end == j + 1 && value == 1 && j == i;
    ExtendWords(m, last_scale, negative);
    if (m->kind != NumberKind::kCardinal || m->end_token != end) m->lone_one = false;
    return true;
  }

  // A fraction followed by [link] [one] scale: "deux tiers de million",
  // "demi-douzaine", "half a dozen". Multiplies m->value; true when read.
  bool ScaleFraction(NumberMatch* m) const {
    const LexEntry* e = nullptr;
    size_t k = m->end_token;
    if (IsKey(k, "-")) ++k;
    if (size_t link = lex_.Match(t_, k, LexKind::kLink, &e)) k += link;
    if (size_t one = lex_.Match(t_, k, LexKind::kOneBeforeScale, &e)) k += one;
    size_t slen = IsWord(k) ? lex_.Match(t_, k, LexKind::kScale, &e) : 0;
    if (!slen) return false;
    m->value *= e->value;
    m->end_token = k + slen;
    return true;
  }

  // After a number: "et demi", "et trois quarts", "con un cuarto", or within
  // one written word "zweieinhalb". After a scale it is that fraction of the
  // scale ("3 millions et demi" = 3 500 000); a scale after it multiplies the
  // whole ("five and a half million"), or, smaller than the last, is what the
  // fraction is of ("un milliard et demi million" = 1 000 500 000).
  bool AndFraction(NumberMatch* m, double last_scale, double sign) {
    const LexEntry* e = nullptr;
    size_t k = m->end_token;
    size_t and_len = lex_.Match(t_, k, LexKind::kRangeMid, &e);
    if (!and_len) and_len = lex_.Match(t_, k, LexKind::kNumberAnd, &e);
    if (!and_len) and_len = lex_.Match(t_, k, LexKind::kFractionAnd, &e);
    if (!and_len && !(IsWord(k) && t_[k].compound_part && !t_[k].space_before)) return false;
    const size_t f = k + and_len;
    double frac = 0;
    size_t end = 0;
    if (size_t one = lex_.Match(t_, f, LexKind::kOneBeforeScale, &e)) {
      if (size_t len = lex_.Match(t_, f + one, LexKind::kFraction, &e)) {  // "and a half"
        frac = 1 / e->value;
        end = f + one + len;
      }
    }
    if (!end) {
      if (size_t len = lex_.Match(t_, f, LexKind::kFraction, &e)) {  // "et demi"
        frac = 1 / e->value;
        end = f + len;
      }
    }
    if (!end) {
      double num = 0, scale = 1, den = 0;
      size_t after = Cardinal(f, &num, &scale);
      size_t len = after > f ? Denominator(after, &den) : 0;
      if (!len) return false;
      frac = num / den;  // "cinq et un quart"
      end = after + len;
    }
    const LexEntry* s = nullptr;
    size_t slen = IsWord(end) ? lex_.Match(t_, end, LexKind::kScale, &s) : 0;
    if (slen && s->value < last_scale) {  // "un milliard et trois quarts millions"
      m->value += sign * s->value * frac;
      m->end_token = end + slen;
      return true;
    }
    m->kind = NumberKind::kFraction;
    if (slen && last_scale == 1 && s->value >= 1000) {  // "fünf und drei Viertel Milliarde"
      m->value = (m->value + sign * frac) * s->value;
      m->end_token = end + slen;
      return true;
    }
    m->value += sign * last_scale * frac;
    m->end_token = end;
    return true;
  }

  // After spelled words: fraction, "et demi", "virgule", "sur".
  void ExtendWords(NumberMatch* m, double last_scale, bool negative) {
    size_t k = m->end_token;
    double sign = negative ? -1 : 1;
    double den = 0;
    const LexEntry* e = nullptr;
    size_t hyphen = IsKey(k, "-") && IsWord(k + 1) ? 1 : 0;  // "cinq-huitièmes"
    if (size_t len = Denominator(k + hyphen, &den)) {
      k += hyphen;
      m->value /= den;
      m->kind = NumberKind::kFraction;
      m->end_token = k + len;
      ScaleFraction(m);
      return;
    }
    if (AndFraction(m, last_scale, sign)) return;
    if (size_t len = lex_.Match(t_, k, LexKind::kDecimalWord, &e)) {
      // Each cardinal after it gives its digits: "nine point nought four" = 9.04,
      // "coma mil quinientos setenta y ocho" = ,1578.
      std::string decimals;
      size_t j = k + len;
      while (IsWord(j)) {
        double v = 0, scale = 1;
        size_t after = Cardinal(j, &v, &scale);
        if (after == j || v < 0 || v != std::floor(v) || v >= 1e15) break;
        decimals += std::to_string(static_cast<long long>(v));
        j = after;
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
