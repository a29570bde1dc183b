// @brief Reading two-column CoNLL files into IOB2 over PER, ORG and LOC.
#include "ner/conll_reader.h"

#include "base/file_io.h"
#include "base/utf8.h"

namespace sitrep {

const char* NerTypeName(NerType t) {
  switch (t) {
    case NerType::kPer:
      return "PER";
    case NerType::kOrg:
      return "ORG";
    case NerType::kLoc:
      return "LOC";
  }
  return "?";
}

std::string TagName(uint8_t tag) {
  if (tag == kTagO || tag >= kNerTags) return "O";
  return std::string(IsBegin(tag) ? "B-" : "I-") + NerTypeName(TagType(tag));
}

namespace {

bool EqualsUpper(std::string_view s, std::string_view upper) {
  if (s.size() != upper.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != upper[i]) return false;
  }
  return true;
}

}  // namespace

uint8_t ParseRawTag(std::string_view raw) {
  if (raw.size() < 3) return kTagO;
  char p = raw[0];
  bool begin = p == 'B' || p == 'b';
  bool inside = p == 'I' || p == 'i';
  char sep = raw[1];
  if ((!begin && !inside) || (sep != '-' && sep != '_' && sep != '.')) return kTagO;
  std::string_view type = raw.substr(2);
  for (NerType t : {NerType::kPer, NerType::kOrg, NerType::kLoc}) {
    if (EqualsUpper(type, NerTypeName(t))) return begin ? BeginTag(t) : InsideTag(t);
  }
  return kTagO;
}

void RepairIob2(std::vector<uint8_t>* tags) {
  uint8_t prev = kTagO;
  for (uint8_t& t : *tags) {
    if (t != kTagO && !IsBegin(t) && (prev == kTagO || TagType(prev) != TagType(t))) {
      t = BeginTag(TagType(t));
    }
    prev = t;
  }
}

ConllSplit SplitOfIndex(size_t i) {
  if (i % 10 == 0) return ConllSplit::kTest;
  if (i % 10 == 1) return ConllSplit::kDev;
  return ConllSplit::kTrain;
}

Result<ConllSource> ParseConllSource(std::string_view spec) {
  ConllSource s;
  size_t at = spec.rfind('@');
  s.path = std::string(spec);
  if (at != std::string_view::npos) {
    std::string_view part = spec.substr(at + 1);
    if (part == "train") {
      s.split = ConllSplit::kTrain;
    } else if (part == "dev") {
      s.split = ConllSplit::kDev;
    } else if (part == "test") {
      s.split = ConllSplit::kTest;
    } else {
      return Status::InvalidArgument(std::string(spec) +
                                     ": unknown part after '@' (train, dev or test)");
    }
    s.path = std::string(spec.substr(0, at));
  }
  if (s.path.empty()) return Status::InvalidArgument("empty CoNLL file name");
  return s;
}

Result<std::vector<ConllSentence>> ReadConll(const ConllSource& source, size_t max_bytes) {
  Result<std::string> bytes = ReadFileLimited(source.path, max_bytes);
  if (!bytes.ok()) return bytes.status().WithContext(source.path);
  std::string text = std::move(*bytes);
  if (LooksGzipped(text)) {
    Result<std::string> plain = Gunzip(text, max_bytes);
    if (!plain.ok()) return plain.status().WithContext(source.path);
    text = std::move(*plain);
  }
  if (!IsValidUtf8(text)) {
    return Status(Code::kBadEncoding, source.path + ": not valid UTF-8");
  }
  std::vector<ConllSentence> out;
  ConllSentence cur;
  size_t index = 0;  // sentence number in the file, markers excluded
  bool marker = false;
  auto flush = [&] {
    if (!cur.tokens.empty() && !marker) {
      RepairIob2(&cur.tags);
      if (source.split == ConllSplit::kAll || SplitOfIndex(index) == source.split) {
        out.push_back(std::move(cur));
      }
      ++index;
    }
    cur = ConllSentence();
    marker = false;
  };
  size_t pos = 0;
  int line_no = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + pos, nl - pos);
    ++line_no;
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      flush();
      if (nl == text.size()) break;
      continue;
    }
    size_t tab = line.rfind('\t');
    if (tab == std::string_view::npos) {
      return Status::InvalidArgument(source.path + ":" + std::to_string(line_no) +
                                     ": expected token<TAB>tag");
    }
    std::string_view token = line.substr(0, tab);
    if (token == "-DOCSTART-") marker = true;
    cur.tokens.emplace_back(token);
    cur.tags.push_back(ParseRawTag(line.substr(tab + 1)));
    if (nl == text.size()) {
      flush();
      break;
    }
  }
  return out;
}

}  // namespace sitrep
