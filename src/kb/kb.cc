// @brief KnowledgeBase loading (docs/formats/kb.md) and lookups.
#include "kb/kb.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstring>

#include "base/file_io.h"
#include "base/text_fold.h"
#include "base/utf8.h"
#include "kb/kb_layout.h"
#include "lang/language.h"

namespace sitrep {

const char* EntityTypeName(EntityType t) {
  switch (t) {
    case EntityType::kPer: return "PER";
    case EntityType::kOrg: return "ORG";
    case EntityType::kLoc: return "LOC";
  }
  return "LOC";
}

const char* EntityKindName(EntityKind k) {
  switch (k) {
    case EntityKind::kPerson: return "person";
    case EntityKind::kOrganisation: return "organisation";
    case EntityKind::kGovernment: return "government";
    case EntityKind::kCountry: return "country";
    case EntityKind::kMacroRegion: return "macro_region";
    case EntityKind::kRegion: return "region";
    case EntityKind::kCity: return "city";
    case EntityKind::kSite: return "site";
  }
  return "site";
}

int KnowledgeBase::LangIndex(std::string_view code) const {
  for (size_t i = 0; i < languages_.size(); ++i) {
    if (code == languages_[i]) return static_cast<int>(i);
  }
  return -1;
}

std::string MatchKey(std::string_view text) { return MatchKeyOfFolded(FoldForMatch(text)); }

std::string MatchKeyOfFolded(std::string_view folded) {
  bool plain = !folded.empty();  // ASCII letters and digits only: the key is the text
  for (char ch : folded) {
    plain &= (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
  }
  if (plain) return std::string(folded);
  std::string out;
  out.reserve(folded.size());
  size_t pos = 0;
  bool pending_space = false;
  while (pos < folded.size()) {
    char32_t c = NextCodePoint(folded, &pos);
    if (u_isalnum(static_cast<UChar32>(c))) {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      AppendUtf8(&out, c);
    } else {
      pending_space = true;
    }
  }
  return out;
}

namespace {

Status Corrupt(const std::string& what, size_t offset) {
  return Status(Code::kCorruption,
                "knowledge base: " + what + " at byte " + std::to_string(offset));
}

template <typename T>
bool ReadPod(std::string_view buf, size_t* pos, T* out) {
  if (*pos > buf.size() || buf.size() - *pos < sizeof(T)) return false;
  std::memcpy(out, buf.data() + *pos, sizeof(T));
  *pos += sizeof(T);
  return true;
}

}  // namespace

Result<KnowledgeBase> KnowledgeBase::Load(const std::string& path) {
  auto bytes = ReadFileLimited(path, size_t{1} << 30);
  if (!bytes.ok()) return bytes.status();
  auto kb = FromBytes(std::move(bytes.value()));
  if (!kb.ok()) return kb.status().WithContext(path);
  return kb;
}

Result<KnowledgeBase> KnowledgeBase::FromBytes(std::string bytes) {
  KnowledgeBase kb;
  kb.buffer_ = std::move(bytes);
  std::string_view buf = kb.buffer_;
  // Text header: magic line, version line, generator line, blank line.
  if (buf.substr(0, kKbMagic.size()) != kKbMagic) return Corrupt("not a sitrep knowledge base", 0);
  size_t pos = kKbMagic.size();
  size_t eol = buf.find('\n', pos);
  if (eol == std::string_view::npos) return Corrupt("truncated header", pos);
  std::string_view version = buf.substr(pos, eol - pos);
  if (version != "version " + std::to_string(kKbFormatVersion)) {
    return Corrupt("unsupported " + std::string(version) + " (this build reads version " +
                       std::to_string(kKbFormatVersion) + "; rebuild with sitrep kb build)",
                   pos);
  }
  pos = eol + 1;
  eol = buf.find('\n', pos);
  if (eol == std::string_view::npos) return Corrupt("truncated header", pos);
  kb.generator_ = std::string(buf.substr(pos, eol - pos));
  pos = eol + 1;
  // "languages * de en ...": the codes alias records point to, "*" first.
  eol = buf.find('\n', pos);
  if (eol == std::string_view::npos) return Corrupt("truncated header", pos);
  constexpr std::string_view kLanguages = "languages ";
  std::string_view langs = buf.substr(pos, eol - pos);
  if (langs.substr(0, kLanguages.size()) != kLanguages)
    return Corrupt("missing languages line", pos);
  langs.remove_prefix(kLanguages.size());
  while (!langs.empty()) {
    size_t sp = langs.find(' ');
    std::string_view code = langs.substr(0, sp);
    bool ok = !code.empty() && code.size() <= 16;
    for (char c : code) ok &= (c >= 'a' && c <= 'z') || c == '_' || c == '*';
    if (!ok || kb.languages_.size() >= 255) return Corrupt("bad languages line", pos);
    kb.languages_.emplace_back(code);
    langs = sp == std::string_view::npos ? std::string_view() : langs.substr(sp + 1);
  }
  if (kb.languages_.empty() || kb.languages_[0] != kKbAnyLanguage) {
    return Corrupt("languages line must start with *", pos);
  }
  kb.display_lang_ = kb.LangIndex(kDisplayLanguage);
  pos = eol + 1;
  if (pos >= buf.size() || buf[pos] != '\n') return Corrupt("missing header end", pos);
  ++pos;
  while (pos % 4) ++pos;  // tables start 4-aligned in the file

  FileCounts counts;
  if (!ReadPod(buf, &pos, &counts)) return Corrupt("truncated counts", pos);
  if (pos > buf.size() || buf.size() - pos < counts.pool_bytes) return Corrupt("truncated string pool", pos);
  const size_t pool_at = pos;
  const uint32_t pool_size = counts.pool_bytes;
  std::string_view pool = buf.substr(pool_at, pool_size);
  pos += pool_size;
  while (pos % 4) ++pos;
  auto str = [&](uint32_t off, uint32_t len, std::string_view* out) {
    if (off > pool_size || len > pool_size - off) return false;
    *out = pool.substr(off, len);
    return true;
  };

  // The tables must fit in what is left before anything is allocated for
  // them: a damaged count must not ask for gigabytes.
  const uint64_t table_bytes = uint64_t{counts.entities} * sizeof(FileEntity) +
                               uint64_t{counts.aliases} * sizeof(FileAlias) +
                               uint64_t{counts.roles} * sizeof(FileRole);
  if (pos > buf.size() || table_bytes != buf.size() - pos) {
    return Corrupt("table sizes do not match the file size", pool_at - sizeof(FileCounts));
  }
  kb.entities_.resize(counts.entities);
  for (uint32_t i = 0; i < counts.entities; ++i) {
    FileEntity fe;
    size_t at = pos;
    if (!ReadPod(buf, &pos, &fe)) return Corrupt("truncated entity table", at);
    KbEntity& e = kb.entities_[i];
    if (!str(fe.id_off, fe.id_len, &e.id) || !str(fe.canon_off, fe.canon_len, &e.canonical) ||
        fe.type > 2 || fe.kind > static_cast<uint8_t>(EntityKind::kSite)) {
      return Corrupt("bad entity record " + std::to_string(i), at);
    }
    e.type = static_cast<EntityType>(fe.type);
    e.kind = static_cast<EntityKind>(fe.kind);
    e.has_coords = fe.bits & 1;
    e.capital = fe.bits & 2;
    e.country[0] = fe.country[0];
    e.country[1] = fe.country[1];
    e.lat = fe.lat;
    e.lon = fe.lon;
    e.population = fe.population;
    e.prior = fe.prior;
  }
  kb.aliases_.resize(counts.aliases);
  for (uint32_t i = 0; i < counts.aliases; ++i) {
    FileAlias fa;
    size_t at = pos;
    if (!ReadPod(buf, &pos, &fa)) return Corrupt("truncated alias table", at);
    KbAlias& a = kb.aliases_[i];
    if (!str(fa.key_off, fa.key_len, &a.key) || !str(fa.text_off, fa.text_len, &a.text) ||
        fa.entity >= counts.entities || fa.lang >= kb.languages_.size()) {
      return Corrupt("bad alias record " + std::to_string(i), at);
    }
    if (i > 0 && a.key < kb.aliases_[i - 1].key) return Corrupt("alias table not sorted", at);
    a.entity = fa.entity;
    a.lang = fa.lang;
    a.flags = fa.flags;
    if (a.flags & kAliasPreferred) kb.preferred_.push_back(i);
  }
  kb.roles_.resize(counts.roles);
  for (uint32_t i = 0; i < counts.roles; ++i) {
    FileRole fr;
    size_t at = pos;
    if (!ReadPod(buf, &pos, &fr)) return Corrupt("truncated role table", at);
    KbRole& r = kb.roles_[i];
    if (fr.person >= counts.entities || !str(fr.s[0].off, fr.s[0].len, &r.role) ||
        !str(fr.s[1].off, fr.s[1].len, &r.of) || !str(fr.s[2].off, fr.s[2].len, &r.from) ||
        !str(fr.s[3].off, fr.s[3].len, &r.to)) {
      return Corrupt("bad role record " + std::to_string(i), at);
    }
    r.person = fr.person;
  }
  if (pos != buf.size()) return Corrupt("trailing bytes", pos);

  kb.by_id_.resize(kb.entities_.size());
  for (uint32_t i = 0; i < kb.by_id_.size(); ++i) kb.by_id_[i] = i;
  std::sort(kb.by_id_.begin(), kb.by_id_.end(), [&kb](uint32_t a, uint32_t b) {
    return kb.entities_[a].id < kb.entities_[b].id;
  });
  std::stable_sort(kb.preferred_.begin(), kb.preferred_.end(), [&kb](uint32_t a, uint32_t b) {
    return kb.aliases_[a].entity < kb.aliases_[b].entity;
  });
  std::stable_sort(kb.roles_.begin(), kb.roles_.end(),
                   [](const KbRole& a, const KbRole& b) { return a.person < b.person; });
  kb.bucket_start_.resize(kBuckets + 1);
  for (size_t b = 0, i = 0; b < kBuckets; ++b) {
    while (i < kb.aliases_.size() && Bucket(kb.aliases_[i].key) < b) ++i;
    kb.bucket_start_[b] = static_cast<uint32_t>(i);
  }
  kb.bucket_start_[kBuckets] = static_cast<uint32_t>(kb.aliases_.size());
  return kb;
}

std::span<const KbAlias> KnowledgeBase::BucketRange(std::string_view key) const {
  size_t b = Bucket(key);
  return {aliases_.data() + bucket_start_[b], aliases_.data() + bucket_start_[b + 1]};
}

std::span<const KbAlias> KnowledgeBase::Find(std::string_view key) const {
  std::span<const KbAlias> range = BucketRange(key);
  auto lo = std::lower_bound(range.begin(), range.end(), key,
                             [](const KbAlias& a, std::string_view k) { return a.key < k; });
  auto hi = lo;
  while (hi != range.end() && hi->key == key) ++hi;
  return {lo, hi};
}

bool KnowledgeBase::HasKeyPrefix(std::string_view prefix) const {
  std::span<const KbAlias> range = BucketRange(prefix);
  auto lo = std::lower_bound(range.begin(), range.end(), prefix,
                             [](const KbAlias& a, std::string_view k) { return a.key < k; });
  return lo != range.end() && lo->key.substr(0, prefix.size()) == prefix;
}

int64_t KnowledgeBase::FindId(std::string_view id) const {
  auto it = std::lower_bound(by_id_.begin(), by_id_.end(), id,
                             [this](uint32_t e, std::string_view k) { return entities_[e].id < k; });
  if (it == by_id_.end() || entities_[*it].id != id) return -1;
  return *it;
}

std::string_view KnowledgeBase::DisplayName(uint32_t e, std::string_view lang) const {
  auto lo = std::lower_bound(preferred_.begin(), preferred_.end(), e,
                             [this](uint32_t a, uint32_t ent) { return aliases_[a].entity < ent; });
  std::string_view english;
  int want = LangIndex(lang);
  for (auto it = lo; it != preferred_.end() && aliases_[*it].entity == e; ++it) {
    const KbAlias& a = aliases_[*it];
    // A demonym names its place first ("American") but never displays it.
    if (a.flags & kAliasAdjective) continue;
    if (a.lang == want) return a.text;
    if (a.lang == display_lang_ && english.empty()) english = a.text;
  }
  return english.empty() ? entities_[e].canonical : english;
}

std::vector<const KbRole*> KnowledgeBase::RolesOf(uint32_t e) const {
  std::vector<const KbRole*> out;
  auto lo = std::lower_bound(roles_.begin(), roles_.end(), e,
                             [](const KbRole& r, uint32_t p) { return r.person < p; });
  for (auto it = lo; it != roles_.end() && it->person == e; ++it) out.push_back(&*it);
  return out;
}

size_t KnowledgeBase::MemoryBytes() const {
  return buffer_.capacity() + entities_.capacity() * sizeof(KbEntity) +
         aliases_.capacity() * sizeof(KbAlias) + roles_.capacity() * sizeof(KbRole) +
         (by_id_.capacity() + preferred_.capacity() + bucket_start_.capacity()) * sizeof(uint32_t);
}

}  // namespace sitrep
