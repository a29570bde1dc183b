// @brief ICU segmentation; the only place this stage touches ICU.
#include "segment/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>

#include "base/data_file.h"
#include "base/text_fold.h"
#include "base/utf8.h"
#include "lang/language.h"

namespace sitrep {
namespace {

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};

bool IsSpaceByte(std::string_view s, size_t pos, size_t* len) {
  size_t p = pos;
  char32_t c = NextCodePoint(s, &p);
  *len = p - pos;
  return IsSpace(c);
}

void Trim(std::string_view text, uint32_t* a, uint32_t* b) {
  size_t len;
  while (*a < *b && IsSpaceByte(text, *a, &len)) *a += static_cast<uint32_t>(len);
  while (*b > *a) {
    size_t p = *b;
    char32_t c = PrevCodePoint(text, &p);
    if (!IsSpace(c)) break;
    *b = static_cast<uint32_t>(p);
  }
}

}  // namespace

Segmenter::~Segmenter() = default;

Result<std::unique_ptr<Segmenter>> Segmenter::Create(const Options& options) {
  std::unique_ptr<Segmenter> s(new Segmenter());
  for (const std::string& lang : DataLanguages(options)) {
    std::string path = DataDir(options) + "/lang/" + lang + "/abbreviations.tsv";
    Result<TsvFile> file = ReadTsv(path, 1, 2);
    if (!file.ok()) {
      if (file.status().code() == Code::kNotFound) continue;
      return file.status();
    }
    auto& set = s->abbreviations_[lang];
    for (const TsvRow& row : file->rows) set.insert(FoldForMatch(row.fields[0]));
  }
  Result<std::shared_ptr<const Languages>> langs = Languages::Load(options);
  if (!langs.ok()) return langs.status();
  for (const std::string& lang : (*langs)->codes()) {
    for (const CalendarName& n : (*langs)->Find(lang)->calendar_names()) {
      if (n.field == CalendarField::kMonth && n.width == NameWidth::kWide) {
        s->months_.insert(FoldForMatch(n.text));
      }
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  s->word_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) return Status::Internal(std::string("ICU word iterator: ") + u_errorName(status));
  return s;
}

icu::BreakIterator* Segmenter::SentenceIterator(std::string_view lang) {
  auto it = sentence_.find(lang);
  if (it != sentence_.end()) return it->second.get();
  UErrorCode status = U_ZERO_ERROR;
  std::string loc = std::string(lang == "und" ? "" : lang) + "@ss=standard";
  std::unique_ptr<icu::BreakIterator> bi(
      icu::BreakIterator::createSentenceInstance(icu::Locale(loc.c_str()), status));
  if (U_FAILURE(status)) {
    status = U_ZERO_ERROR;
    bi.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  }
  icu::BreakIterator* raw = bi.get();
  sentence_.emplace(std::string(lang), std::move(bi));
  return raw;
}

bool Segmenter::EndsWithAbbreviation(std::string_view before, std::string_view lang) const {
  // The last whitespace-separated token before the break.
  size_t end = before.size();
  while (end > 0 && std::isspace(static_cast<unsigned char>(before[end - 1]))) --end;
  size_t start = end;
  while (start > 0 && !std::isspace(static_cast<unsigned char>(before[start - 1])) &&
         static_cast<unsigned char>(before[start - 1]) != 0xA0) {
    --start;
  }
  std::string_view token = before.substr(start, end - start);
  // Strip opening punctuation such as "(" or "«".
  while (!token.empty() && (token[0] == '(' || token[0] == '[' || token[0] == '"')) token.remove_prefix(1);
  if (token.empty() || token.back() != '.') return false;
  std::string_view word = token.substr(0, token.size() - 1);
  // A single capital letter is an initial: "V. Poutine", "J. Biden".
  size_t p = 0;
  if (!word.empty()) {
    char32_t c = NextCodePoint(word, &p);
    if (p == word.size() && u_isupper(static_cast<UChar32>(c))) return true;
  }
  auto it = abbreviations_.find(lang);
  if (it == abbreviations_.end()) return false;
  return it->second.count(FoldForMatch(token)) > 0 || it->second.count(FoldForMatch(word)) > 0;
}

bool Segmenter::OrdinalDayBeforeMonth(std::string_view text, size_t at) const {
  size_t end = at;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  if (end < 2 || text[end - 1] != '.') return false;
  size_t d = end - 1, digits = 0;
  while (d > 0 && std::isdigit(static_cast<unsigned char>(text[d - 1])) && digits < 3) --d, ++digits;
  if (digits == 0 || digits > 2 || (d > 0 && std::isalnum(static_cast<unsigned char>(text[d - 1])))) return false;
  size_t w = at;
  while (w < text.size() && text[w] == ' ') ++w;
  size_t e = w;
  while (e < text.size() && text[e] != ' ' && text[e] != ',' && text[e] != '.') ++e;
  return e > w && months_.count(FoldForMatch(text.substr(w, e - w))) > 0;
}

std::vector<TextRange> Segmenter::Sentences(std::string_view text, std::string_view lang,
                                            uint32_t base) {
  std::vector<TextRange> out;
  if (text.empty()) return out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UText, UTextCloser> ut(
      utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
  icu::BreakIterator* bi = SentenceIterator(lang);
  bi->setText(ut.get(), status);
  if (U_FAILURE(status)) {
    out.push_back({base, base + static_cast<uint32_t>(text.size())});
    return out;
  }
  uint32_t start = 0;
  for (int32_t b = bi->next(); b != icu::BreakIterator::DONE; b = bi->next()) {
    auto end = static_cast<uint32_t>(b);
    if (end < text.size() &&
        (EndsWithAbbreviation(text.substr(0, end), lang) || OrdinalDayBeforeMonth(text, end))) {
      continue;
    }
    uint32_t a = start, z = end;
    Trim(text, &a, &z);
    // UAX #29 breaks ". »" (space before the closing guillemet) before the
    // guillemet; a closing mark belongs to the sentence it closes.
    if (!out.empty() && z > a) {
      size_t p = a;
      char32_t c = NextCodePoint(text, &p);
      bool closing = c == 0xBB || c == 0x201D || c == 0x203A || c == ')' || c == ']';
      if (c == '"') {
        std::string_view prev = text.substr(out.back().start - base, out.back().end - out.back().start);
        closing = std::count(prev.begin(), prev.end(), '"') % 2 == 1;
      }
      if (closing) {
        out.back().end = base + static_cast<uint32_t>(p);
        a = static_cast<uint32_t>(p);
        Trim(text, &a, &z);
      }
    }
    if (z > a) out.push_back({base + a, base + z});
    start = end;
  }
  return out;
}

std::vector<TextRange> Segmenter::Words(std::string_view text, uint32_t base) {
  std::vector<TextRange> out;
  if (text.empty()) return out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UText, UTextCloser> ut(
      utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
  word_->setText(ut.get(), status);
  if (U_FAILURE(status)) return out;
  int32_t start = word_->first();
  for (int32_t end = word_->next(); end != icu::BreakIterator::DONE; start = end, end = word_->next()) {
    if (word_->getRuleStatus() != UBRK_WORD_NONE) {
      out.push_back({base + static_cast<uint32_t>(start), base + static_cast<uint32_t>(end)});
    }
  }
  return out;
}

}  // namespace sitrep
