// @brief Cross-document resolution of mentions.
#include "entity/entity_resolver.h"

#include <cctype>
#include <cstdio>

namespace sitrep {

EntityResolver::EntityResolver(const KnowledgeBase* kb, NameTransliterator* translit)
    : kb_(kb), tr_(translit) {}

// Built on first use: transliterating every person's aliases costs more
// than resolving a few documents.
int64_t EntityResolver::KbPersonByKey(const std::string& key) {
  if (!person_keys_built_) BuildPersonKeys();
  auto it = person_keys_.find(key);
  return it == person_keys_.end() ? -1 : it->second;
}

void EntityResolver::BuildPersonKeys() {
  person_keys_built_ = true;
  for (const KbAlias& a : kb_->aliases()) {
    const KbEntity& e = kb_->entities()[a.entity];
    if (e.type != EntityType::kPer || (a.flags & (kAliasPartial | kAliasAdjective)) ||
        (!e.id.empty() && e.id[0] == '@')) {
      continue;
    }
    std::string key = tr_->Key(a.text);
    if (key.find(' ') == std::string::npos) continue;  // full names only
    auto [it, inserted] = person_keys_.emplace(key, a.entity);
    if (!inserted && it->second != a.entity) it->second = -1;
  }
}

size_t EntityResolver::ForKb(int64_t kb_entity, MentionType type) {
  auto it = by_kb_.find(kb_entity);
  if (it != by_kb_.end()) return it->second;
  const KbEntity& e = kb_->entities()[kb_entity];
  CorpusEntity c;
  c.id = std::string(e.id);
  c.name = std::string(e.canonical);
  c.type = e.type == EntityType::kPer ? MentionType::kPer
           : e.type == EntityType::kOrg ? MentionType::kOrg
                                        : MentionType::kLoc;
  c.kb_entity = kb_entity;
  entities_.push_back(c);
  by_kb_[kb_entity] = entities_.size() - 1;
  return entities_.size() - 1;
}

// An id for an entity the KB does not know, stable across runs and stores:
// its type and its spelling-independent key ("new:per:tkv-a1b2c3d4"), the key
// hashed so that ids stay short and ASCII.
std::string EntityResolver::StableId(MentionType type, const std::string& key) const {
  std::string id = std::string("new:") + (type == MentionType::kPer ? "per" : type == MentionType::kOrg ? "org" : "loc") + ":";
  for (char c : key) {
    if (id.size() > 40) break;
    id += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  }
  uint64_t h = 1469598103934665603ull;  // FNV-1a of the full key
  for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
  char buf[16];
  std::snprintf(buf, sizeof buf, "-%08x", static_cast<unsigned>(h & 0xffffffffu));
  return id + buf;
}

std::vector<size_t> EntityResolver::Resolve(std::string_view text, const std::vector<Mention>& mentions) {
  std::vector<size_t> out(mentions.size());
  // Surname key -> entity, for persons named in full earlier in this document.
  std::map<std::string, size_t> surnames;
  std::map<uint32_t, size_t> by_start;  // mention start -> its entity, for antecedents
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    std::string surface(text.substr(m.start, m.end - m.start));
    auto ante = m.antecedent >= 0 ? by_start.find(static_cast<uint32_t>(m.antecedent)) : by_start.end();
    if (m.kb_entity >= 0) {
      out[i] = ForKb(m.kb_entity, m.type);
    } else if (ante != by_start.end()) {
      // An acronym defined in the text: the entity of its long form, and the
      // acronym's key leads there in later documents too.
      out[i] = ante->second;
      by_key_.emplace(std::string(MentionTypeName(m.type)) + ":" + tr_->Key(surface), out[i]);
    } else if (m.nominal) {
      // An unknown person described, not named: one entity per description.
      CorpusEntity c;
      c.name = m.role_text.empty() ? surface : m.role_text;
      c.id = StableId(m.type, "role " + tr_->Key(c.name));
      c.type = m.type;
      entities_.push_back(c);
      out[i] = entities_.size() - 1;
    } else {
      std::string key = tr_->Key(surface);
      std::string typed = std::string(MentionTypeName(m.type)) + ":" + key;
      bool single = key.find(' ') == std::string::npos;
      auto sn = surnames.find(key);
      int64_t kp = -1;
      if (m.type == MentionType::kPer && !single && !by_key_.count(typed)) kp = KbPersonByKey(key);
      if (m.type == MentionType::kPer && single && sn != surnames.end()) {
        out[i] = sn->second;
      } else if (kp >= 0) {
        out[i] = ForKb(kp, m.type);
      } else if (auto it = by_key_.find(typed); it != by_key_.end()) {
        out[i] = it->second;
        if (surface.size() > entities_[it->second].name.size()) entities_[it->second].name = surface;
      } else {
        CorpusEntity c;
        c.id = StableId(m.type, key);
        c.name = surface;
        c.type = m.type;
        entities_.push_back(c);
        by_key_[typed] = entities_.size() - 1;
        out[i] = entities_.size() - 1;
      }
    }
    by_start[m.start] = out[i];
    if (m.type == MentionType::kPer && !m.nominal) {
      std::string key = tr_->Key(surface);
      size_t sp = key.rfind(' ');
      if (sp != std::string::npos) surnames[key.substr(sp + 1)] = out[i];
    }
  }
  return out;
}

}  // namespace sitrep
