// @brief KbDraft: accumulation and serialisation of the knowledge base file.
#include "kb/kb_writer.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "kb/kb_layout.h"

namespace sitrep {

uint32_t KbDraft::AddEntity(DraftEntity e) {
  auto it = by_id_.find(e.id);
  if (it != by_id_.end()) return it->second;
  uint32_t index = static_cast<uint32_t>(entities_.size());
  by_id_.emplace(e.id, index);
  entities_.push_back(std::move(e));
  return index;
}

int64_t KbDraft::Find(std::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? -1 : static_cast<int64_t>(it->second);
}

int KbDraft::LangIndex(std::string_view code) {
  for (size_t i = 0; i < languages_.size(); ++i) {
    if (languages_[i] == code) return static_cast<int>(i);
  }
  bool ok = !code.empty() && code.size() <= 16 && languages_.size() < 255;
  for (char c : code) ok &= (c >= 'a' && c <= 'z') || c == '_';
  if (!ok) return -1;
  languages_.emplace_back(code);
  return static_cast<int>(languages_.size() - 1);
}

bool KbDraft::AddAlias(uint32_t e, std::string_view text, std::string_view lang, uint8_t flags) {
  if (e >= entities_.size() || text.empty() || text.size() > 300) return false;
  int li = LangIndex(lang);
  if (li < 0 || e >= entities_.size() || text.empty() || text.size() > 300) return false;
  std::string key = MatchKey(text);
  if (key.empty()) return false;
  // A name and an adjective with the same key ("Suisse", "suisse") are two
  // aliases: the recogniser tells them apart by case and context.
  const uint8_t slot = static_cast<uint8_t>(li | ((flags & kAliasAdjective) ? 0x80 : 0));
  auto [it, inserted] = alias_index_.try_emplace({key, e, slot}, aliases_.size());
  if (!inserted) {
    aliases_[it->second].flags |= flags;
    return false;
  }
  aliases_.push_back({std::move(key), std::string(text), e, static_cast<uint8_t>(li), flags});
  return true;
}

std::vector<std::tuple<std::string, std::string, uint8_t>> KbDraft::AliasesOf(uint32_t e) const {
  std::vector<std::tuple<std::string, std::string, uint8_t>> out;
  for (const Alias& a : aliases_) {
    if (a.entity == e) out.emplace_back(a.text, languages_[a.lang], a.flags);
  }
  return out;
}

std::map<uint32_t, std::vector<std::tuple<std::string, std::string, uint8_t>>> KbDraft::AliasesOf(
    const std::set<uint32_t>& es) const {
  std::map<uint32_t, std::vector<std::tuple<std::string, std::string, uint8_t>>> out;
  for (const Alias& a : aliases_) {
    if (es.count(a.entity)) out[a.entity].emplace_back(a.text, languages_[a.lang], a.flags);
  }
  return out;
}

namespace {

class Pool {
 public:
  FileString Add(std::string_view s) {
    auto it = seen_.find(std::string(s));
    if (it != seen_.end()) return {it->second, static_cast<uint32_t>(s.size())};
    uint32_t off = static_cast<uint32_t>(bytes_.size());
    bytes_.append(s);
    seen_.emplace(std::string(s), off);
    return {off, static_cast<uint32_t>(s.size())};
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
  std::unordered_map<std::string, uint32_t> seen_;
};

template <typename T>
void AppendPod(std::string* out, const T& v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof(T));
}

void Align4(std::string* out) {
  while (out->size() % 4) out->push_back('\0');
}

}  // namespace

Result<std::string> KbDraft::Serialize(const std::string& generator) const {
  Pool pool;
  std::vector<FileEntity> ents;
  for (const DraftEntity& e : entities_) {
    FileEntity fe{};
    FileString id = pool.Add(e.id), canon = pool.Add(e.canonical);
    fe.id_off = id.off, fe.id_len = id.len, fe.canon_off = canon.off, fe.canon_len = canon.len;
    fe.type = static_cast<uint8_t>(e.type);
    fe.kind = static_cast<uint8_t>(e.kind);
    fe.bits = (e.has_coords ? 1 : 0) | (e.capital ? 2 : 0);
    if (e.country.size() == 2) std::memcpy(fe.country, e.country.data(), 2);
    fe.lat = static_cast<float>(e.lat);
    fe.lon = static_cast<float>(e.lon);
    fe.population = e.population;
    fe.prior = e.prior;
    ents.push_back(fe);
  }
  std::vector<size_t> order(aliases_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  // Stable: aliases of equal key and prior keep the order they were added
  // in (countries alphabetically, "français" France before French Southern
  // Territories), so every build of the same sources is the same file.
  std::stable_sort(order.begin(), order.end(), [this](size_t a, size_t b) {
    const Alias &x = aliases_[a], &y = aliases_[b];
    if (x.key != y.key) return x.key < y.key;
    return entities_[x.entity].prior > entities_[y.entity].prior;
  });
  std::vector<FileAlias> als;
  for (size_t i : order) {
    const Alias& a = aliases_[i];
    if (a.key.size() > 0xFFFF || a.text.size() > 0xFFFF) continue;
    FileString k = pool.Add(a.key), t = pool.Add(a.text);
    als.push_back({k.off, t.off, static_cast<uint16_t>(k.len), static_cast<uint16_t>(t.len),
                   a.entity, a.lang, a.flags, 0});
  }
  std::vector<FileRole> roles;
  for (const DraftRole& r : roles_) {
    int64_t p = Find(r.person_id);
    if (p < 0) return Status::InvalidArgument("role for unknown person \"" + r.person_id + "\"");
    roles.push_back({static_cast<uint32_t>(p),
                     {pool.Add(r.role), pool.Add(r.of), pool.Add(r.from), pool.Add(r.to)}});
  }
  std::string out(kKbMagic);
  out += "version " + std::to_string(kKbFormatVersion) + "\n";
  std::string gen = generator;
  std::replace(gen.begin(), gen.end(), '\n', ' ');
  out += gen + "\n";
  out += "languages";
  for (const std::string& code : languages_) out += " " + code;
  out += "\n\n";
  Align4(&out);
  FileCounts counts{static_cast<uint32_t>(ents.size()), static_cast<uint32_t>(als.size()),
                    static_cast<uint32_t>(roles.size()),
                    static_cast<uint32_t>(pool.bytes().size())};
  AppendPod(&out, counts);
  out += pool.bytes();
  Align4(&out);
  for (const auto& e : ents) AppendPod(&out, e);
  for (const auto& a : als) AppendPod(&out, a);
  for (const auto& r : roles) AppendPod(&out, r);
  return out;
}

}  // namespace sitrep
