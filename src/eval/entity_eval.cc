// @brief Entity scoring on the seed gold (docs/EVAL-entity.md).
#include "eval/entity_eval.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "base/file_io.h"
#include "base/json.h"
#include "base/utf8.h"
#include "entity/entity_recognizer.h"
#include "entity/entity_resolver.h"
#include "kb/transliterate.h"
#include "lang/language.h"

namespace sitrep {
namespace {

// What recognition and resolution need, built from the KB and data dir.
struct EntityStages {
  std::unique_ptr<NameTransliterator> transliterator;
  std::unique_ptr<EntityRecognizer> recognizer;
};

Result<EntityStages> MakeEntityStages(const KnowledgeBase& kb, const std::string& data_dir) {
  auto tr = NameTransliterator::Create(data_dir);
  if (!tr.ok()) return tr.status();
  Options options;
  options.data_dir = data_dir;
  auto rec = EntityRecognizer::Create(&kb, options);
  if (!rec.ok()) return rec.status();
  return EntityStages{std::move(tr).value(), std::move(rec).value()};
}

struct GoldMention {
  std::string file;
  uint32_t start, end;
  std::string type;  // PER ORG LOC ADJ EVENT
  std::string entity;
  std::string text;
};

std::string GoldType(const std::string& t) {
  if (t == "LOC/GPE") return "LOC";
  return t;
}

}  // namespace

Result<EntityScores> ScoreSeedEntities(const KnowledgeBase& kb, const std::string& data_dir,
                                       const std::string& seed_dir, const std::string& gold_dir,
                                       const NerTaggers* taggers) {
  auto gold_bytes = ReadFileLimited(gold_dir + "/entities.json", 64u << 20);
  if (!gold_bytes.ok()) return gold_bytes.status();
  auto gold = ParseJson(gold_bytes.value());
  if (!gold.ok()) return gold.status().WithContext(gold_dir + "/entities.json");
  auto bp_bytes = ReadFileLimited(gold_dir + "/boilerplate.json", 64u << 20);
  if (!bp_bytes.ok()) return bp_bytes.status();
  auto bp = ParseJson(bp_bytes.value());
  if (!bp.ok()) return bp.status().WithContext(gold_dir + "/boilerplate.json");

  // Boilerplate spans per file (code points); system mentions inside are not scored.
  std::map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> boiler;
  for (const auto& [file, art] : bp.value()["articles"].members()) {
    for (const JsonValue& b : art["boilerplate"].items()) {
      // The gold annotates the blogger's intro of 003 as body (zone
      // editorial_commentary, in_boilerplate false): score it on both sides.
      if (b.GetString("category").rfind("editorial_commentary", 0) == 0) continue;
      boiler[file].emplace_back(static_cast<uint32_t>(b["span"]["start"].num()),
                                static_cast<uint32_t>(b["span"]["end"].num()));
    }
  }
  std::vector<GoldMention> gm;
  std::map<std::string, std::string> gold_type, gold_name;
  struct GoldRole {
    std::string file, entity;
    uint32_t start, end;
  };
  std::vector<GoldRole> groles;
  for (const JsonValue& e : gold.value()["entities"].items()) {
    std::string id = e.GetString("id");
    gold_type[id] = GoldType(e.GetString("type"));
    gold_name[id] = e.GetString("canonical_name");
    auto add = [&](const JsonValue& forms, bool adj) {
      for (const JsonValue& f : forms.items()) {
        std::string mt = f.GetString("mention_type");
        if (!adj && mt != "NAM") continue;
        for (const auto& [file, a] : f["articles"].members()) {
          for (const JsonValue& o : a["occurrences"].items()) {
            if (o["in_boilerplate"].boolean()) continue;
            gm.push_back({file, static_cast<uint32_t>(o["start"].num()), static_cast<uint32_t>(o["end"].num()),
                          adj ? "ADJ" : gold_type[id], id, o.GetString("text")});
          }
        }
      }
    };
    add(e["surface_forms"], false);
    add(e["adjectival_or_demonym_forms"], true);
    for (const JsonValue& r : e["roles"].items()) {
      groles.push_back({r.GetString("article"), id, static_cast<uint32_t>(r["span"]["start"].num()),
                        static_cast<uint32_t>(r["span"]["end"].num())});
    }
  }

  Result<EntityStages> stages = MakeEntityStages(kb, data_dir);
  if (!stages.ok()) return stages.status();
  EntityRecognizer* rec = stages->recognizer.get();
  EntityResolver resolver(&kb, stages->transliterator.get());

  struct Sys {
    uint32_t start, end;
    std::string type;
    size_t entity;
    std::string text;
    std::vector<std::pair<uint32_t, uint32_t>> roles;  // code points
  };
  // sys: scored mentions (body, names); with_roles: every person mention
  // that carries a role, boilerplate and nominal ones included, since the
  // gold lists roles wherever they are.
  std::map<std::string, std::vector<Sys>> sys, with_roles;
  std::vector<std::string> files;
  for (const auto& de : std::filesystem::directory_iterator(seed_dir)) {
    if (de.path().extension() == ".txt") files.push_back(de.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) {
    auto text = ReadFileLimited(seed_dir + "/" + file, 16u << 20);
    if (!text.ok()) return text.status();
    const std::string& t = text.value();
    auto mentions = rec->Recognize(t, "fr");
    if (taggers) {
      Document d;
      d.lang = "fr";
      d.text = t;
      for (size_t b = 0; b < t.size();) {
        size_t e = std::min(t.find('\n', b), t.size());
        if (e > b) {
          Paragraph& p = d.paragraphs.emplace_back();
          p.start = static_cast<uint32_t>(b);
          p.end = static_cast<uint32_t>(e);
        }
        b = e + 1;
      }
      AddTaggerMentions(d, *taggers, &mentions);
    }
    auto ids = resolver.Resolve(t, mentions);
    CodePointIndex cp(t);
    for (size_t i = 0; i < mentions.size(); ++i) {
      const Mention& m = mentions[i];
      Sys s{cp.ToCodePoint(m.start), cp.ToCodePoint(m.end), MentionTypeName(m.type), ids[i],
            t.substr(m.start, m.end - m.start), {}};
      for (const MentionRole& r : m.roles) s.roles.emplace_back(cp.ToCodePoint(r.start), cp.ToCodePoint(r.end));
      if (!s.roles.empty()) with_roles[file].push_back(s);
      bool in_bp = false;
      for (auto [b, e] : boiler[file]) in_bp |= s.start >= b && s.end <= e;
      if (in_bp || m.nominal) continue;
      sys[file].push_back(std::move(s));
    }
  }

  EntityScores sc;
  sc.gold_mentions = static_cast<int>(gm.size());
  for (const auto& [f, v] : sys) sc.system_mentions += static_cast<int>(v.size());
  // gold entity -> system entities of its matched mentions; system entity -> gold entities.
  std::map<std::string, std::set<size_t>> g2s;
  std::map<size_t, std::set<std::string>> s2g;
  std::set<std::pair<std::string, uint32_t>> used;
  std::set<std::string> with_mentions;
  for (const GoldMention& g : gm) {
    if (g.type != "EVENT") with_mentions.insert(g.entity);
    const Sys* hit = nullptr;
    for (const Sys& s : sys[g.file]) {
      if (s.start == g.start && s.end == g.end && s.type == g.type) hit = &s;
    }
    if (!hit) {
      sc.misses.push_back("FN " + g.file.substr(0, 3) + " " + std::to_string(g.start) + " " + g.type + " " + g.text);
      continue;
    }
    ++sc.matched;
    used.insert({g.file, hit->start});
    g2s[g.entity].insert(hit->entity);
    s2g[hit->entity].insert(g.entity);
  }
  for (const auto& [f, v] : sys) {
    for (const Sys& s : v) {
      if (!used.count({f, s.start})) sc.misses.push_back("FP " + f.substr(0, 3) + " " + std::to_string(s.start) + " " + s.type + " " + s.text);
    }
  }
  sc.precision = sc.system_mentions ? double(sc.matched) / sc.system_mentions : 0;
  sc.recall = sc.gold_mentions ? double(sc.matched) / sc.gold_mentions : 0;
  sc.f1 = sc.precision + sc.recall > 0 ? 2 * sc.precision * sc.recall / (sc.precision + sc.recall) : 0;

  for (const std::string& g : with_mentions) {
    ++sc.gold_entities;
    auto it = g2s.find(g);
    if (it != g2s.end() && it->second.size() == 1 && s2g[*it->second.begin()].size() == 1) {
      ++sc.resolved_exactly;
    } else {
      std::string got;
      if (it != g2s.end()) {
        for (size_t e : it->second) {
          got += " " + resolver.entities()[e].id;
          for (const std::string& o : s2g[e]) {
            if (o != g) got += "(+" + o + ")";
          }
        }
      }
      sc.misses.push_back("RES " + g + " ->" + (got.empty() ? " none" : got));
    }
  }
  for (const GoldRole& r : groles) {
    if (gold_type[r.entity] != "PER") continue;
    ++sc.gold_roles;
    bool found = false, attributed = false;
    auto g = g2s.find(r.entity);
    for (const Sys& s : with_roles[r.file]) {
      for (auto [b, e] : s.roles) {
        if (b < r.end && r.start < e) {
          found = true;
          if (g != g2s.end() && g->second.size() == 1 && *g->second.begin() == s.entity) attributed = true;
        }
      }
    }
    if (found) ++sc.roles_found;
    if (attributed) ++sc.roles_attributed;
    if (!found) sc.misses.push_back("ROLE " + r.file.substr(0, 3) + " " + std::to_string(r.start) + " " + r.entity);
    else if (!attributed) sc.misses.push_back("ROLE-ATTR " + r.file.substr(0, 3) + " " + std::to_string(r.start) + " " + r.entity);
  }
  // Places: a gold LOC entity is geocoded right when its matched mentions
  // resolve to one KB place with coordinates whose English name matches the
  // gold canonical name (docs/EVAL-entity.md).
  for (const std::string& g : with_mentions) {
    if (gold_type[g] != "LOC") continue;
    ++sc.gold_places;
    auto it = g2s.find(g);
    bool right = false;
    if (it != g2s.end() && it->second.size() == 1) {
      const CorpusEntity& c = resolver.entities()[*it->second.begin()];
      if (c.kb_entity >= 0) {
        const KbEntity& e = kb.entities()[c.kb_entity];
        std::string want = MatchKey(gold_name[g]);
        std::string en =
            MatchKey(kb.DisplayName(static_cast<uint32_t>(c.kb_entity), kDisplayLanguage));
        std::string canon = MatchKey(e.canonical);
        // A former state (a country with no ISO code: the Soviet Union) has
        // no coordinates by design: no capital stands for it.
        bool former_state = e.kind == EntityKind::kCountry && e.country[0] == 0;
        right = (e.has_coords || e.kind == EntityKind::kMacroRegion || former_state) &&
                (en == want || canon == want || want.find(canon) != std::string::npos ||
                 canon.find(want) != std::string::npos || want.find(en) != std::string::npos);
      }
    }
    if (right) ++sc.places_right;
    else sc.misses.push_back("GEO " + g);
  }
  return sc;
}

Status DumpEntities(const KnowledgeBase& kb, const std::string& data_dir, const std::string& path,
                    const std::string& lang) {
  auto text = ReadFileLimited(path, 16u << 20);
  if (!text.ok()) return text.status();
  Result<EntityStages> stages = MakeEntityStages(kb, data_dir);
  if (!stages.ok()) return stages.status();
  EntityRecognizer* rec = stages->recognizer.get();
  EntityResolver resolver(&kb, stages->transliterator.get());
  const std::string& t = text.value();
  auto mentions = rec->Recognize(t, lang);
  auto ids = resolver.Resolve(t, mentions);
  CodePointIndex cp(t);
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    const CorpusEntity& e = resolver.entities()[ids[i]];
    std::printf("%u\t%s\t%s\t%s\t%s\t%s%s", cp.ToCodePoint(m.start), MentionTypeName(m.type),
                t.substr(m.start, m.end - m.start).c_str(), e.id.c_str(), e.name.c_str(),
                m.source.c_str(), m.nominal ? " nominal" : "");
    for (const MentionRole& r : m.roles) {
      std::printf("\t[%s of=%s: %s]", r.role.c_str(), r.of.c_str(), t.substr(r.start, r.end - r.start).c_str());
    }
    std::printf("\n");
  }
  return Status::Ok();
}

}  // namespace sitrep
