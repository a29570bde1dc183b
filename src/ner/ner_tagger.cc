// @brief Tagging sentences with a loaded NER model.
#include "ner/ner_tagger.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "base/utf8.h"
#include "kb/kb.h"

namespace sitrep {

Result<std::unique_ptr<NerTagger>> NerTagger::Load(const std::string& model_path,
                                                   const KnowledgeBase* kb) {
  Result<NerModel> model = NerModel::Load(model_path);
  if (!model.ok()) return model.status();
  auto tagger = std::make_unique<NerTagger>(std::move(*model), kb);
  if (!tagger->warning_.empty()) tagger->warning_ = model_path + ": " + tagger->warning_;
  return tagger;
}

NerTagger::NerTagger(NerModel model, const KnowledgeBase* kb)
    : model_(std::move(model)),
      gazetteer_((kb && (model_.flags() & NerModel::kUsesKb))
                     ? NerGazetteer::FromKb(*kb, model_.lang())
                     : nullptr),
      features_(model_.rows(), gazetteer_.get()) {
  if ((model_.flags() & NerModel::kUsesKb) && !kb) {
    warning_ =
        "trained with knowledge-base name features, run without a knowledge base: "
        "names are found less often";
  }
}

size_t NerTagger::MemoryBytes() const {
  return model_.MemoryBytes() + (gazetteer_ ? gazetteer_->MemoryBytes() : 0);
}

void NerTagger::Decode(const std::vector<std::string_view>& tokens, std::vector<uint8_t>* tags,
                       std::vector<float>* margins) const {
  const size_t n = tokens.size();
  tags->assign(n, kTagO);
  if (n == 0) return;
  thread_local std::vector<int32_t> emit;
  features_.Score(tokens, model_, &emit);
  NerViterbi<int32_t>(n, emit.data(), model_.transitions(), tags->data());
  if (!margins) return;
  margins->assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    const int32_t* e = emit.data() + i * kNerLanes;
    int32_t best_other = INT32_MIN;
    for (int t = 0; t < kNerTags; ++t) {
      if (t != (*tags)[i]) best_other = std::max(best_other, e[t]);
    }
    (*margins)[i] = static_cast<float>(e[(*tags)[i]] - best_other) / model_.scale();
  }
}

void NerTagger::Tag(const std::vector<std::string_view>& tokens, std::vector<uint8_t>* tags) const {
  Decode(tokens, tags, nullptr);
}

std::vector<NerSpan> SpansOfTags(const std::vector<uint8_t>& tags) {
  std::vector<NerSpan> out;
  for (size_t i = 0; i < tags.size();) {
    if (tags[i] == kTagO) {
      ++i;
      continue;
    }
    NerSpan s;
    s.begin = static_cast<uint32_t>(i);
    s.type = TagType(tags[i]);
    ++i;
    while (i < tags.size() && tags[i] == InsideTag(s.type)) ++i;
    s.end = static_cast<uint32_t>(i);
    out.push_back(s);
  }
  return out;
}

std::vector<NerSpan> NerTagger::TagTokens(const std::vector<std::string_view>& tokens) const {
  thread_local std::vector<uint8_t> tags;
  thread_local std::vector<float> margins;
  Decode(tokens, &tags, &margins);
  std::vector<NerSpan> spans = SpansOfTags(tags);
  for (NerSpan& s : spans) {
    s.score = *std::min_element(margins.begin() + s.begin, margins.begin() + s.end);
  }
  return spans;
}

namespace {

bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  UChar32 u = static_cast<UChar32>(c);
  int8_t t = u_charType(u);
  return u_isalnum(u) || t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK;
}

}  // namespace

void SplitNerTokens(std::string_view text, std::vector<std::pair<uint32_t, uint32_t>>* out) {
  // Whether a space starts at `p`; moves `p` past the code point.
  auto space_at = [&](size_t* p) {
    unsigned char b = static_cast<unsigned char>(text[*p]);
    if (b < 0x80) {
      ++*p;
      return b == ' ' || (b >= '\t' && b <= '\r');
    }
    return IsSpace(NextCodePoint(text, p));
  };
  std::vector<std::pair<uint32_t, uint32_t>> tail;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t before = pos;
    if (space_at(&pos)) continue;
    size_t begin = before, end = pos;
    while (end < text.size()) {
      size_t p = end;
      if (space_at(&p)) break;
      end = p;
    }
    pos = end;
    // Leading punctuation, one code point each.
    while (begin < end) {
      size_t p = begin;
      if (IsWordChar(NextCodePoint(text, &p))) break;
      out->emplace_back(begin, p);
      begin = p;
    }
    // Trailing punctuation, collected from the end.
    tail.clear();
    while (end > begin) {
      size_t p = end;
      char32_t last = PrevCodePoint(text, &p);
      if (IsWordChar(last)) break;
      if (last == '.') {
        // An abbreviation keeps its period: a short word or one with inner periods.
        std::string_view word = text.substr(begin, p - begin);
        if (CountCodePoints(word) <= 3 || word.find('.') != std::string_view::npos) break;
      }
      tail.emplace_back(p, end);
      end = p;
    }
    if (end > begin) out->emplace_back(begin, end);
    for (size_t k = tail.size(); k-- > 0;) out->push_back(tail[k]);
  }
}

std::vector<NerSpan> NerTagger::TagText(std::string_view sentence) const {
  thread_local std::vector<std::pair<uint32_t, uint32_t>> ranges;
  thread_local std::vector<std::string_view> tokens;
  ranges.clear();
  tokens.clear();
  SplitNerTokens(sentence, &ranges);
  for (const auto& [b, e] : ranges) tokens.push_back(sentence.substr(b, e - b));
  std::vector<NerSpan> spans = TagTokens(tokens);
  for (NerSpan& s : spans) {
    s.begin = ranges[s.begin].first;
    s.end = ranges[s.end - 1].second;
  }
  return spans;
}

}  // namespace sitrep
