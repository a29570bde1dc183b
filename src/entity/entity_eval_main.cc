// @brief sitrep_entity_eval: scores recognition and resolution on the seed gold.
//
//   sitrep_entity_eval --kb FILE [--data DIR] [--seeds DIR] [--gold DIR] [--verbose] [--dump FILE [--lang L]]
// Exit codes: 0 scored; 1 a file could not be read; 2 bad usage.
#include <chrono>
#include <cstdio>
#include <string>

#include "base/data_file.h"
#include "entity/entity_eval.h"
#include "kb/kb.h"

int main(int argc, char** argv) {
  sitrep::Options options;
  std::string kb_path, data = sitrep::DataDir(options);
  std::string shared = std::string(SITREP_SOURCE_DIR) + "/../shared";
  std::string seeds = shared + "/corpus/seeds", gold = shared + "/eval/seed-gold";
  bool verbose = false;
  std::string dump, lang = "fr";  // --dump FILE: print the mentions of one text file
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--kb") kb_path = next();
    else if (a == "--data") data = next();
    else if (a == "--seeds") seeds = next();
    else if (a == "--gold") gold = next();
    else if (a == "--verbose") verbose = true;
    else if (a == "--dump") dump = next();
    else if (a == "--lang") lang = next();
    else {
      std::fprintf(stderr, "usage: sitrep_entity_eval --kb FILE [--data DIR] [--seeds DIR] [--gold DIR] [--verbose] [--dump FILE [--lang L]]\n");
      return 2;
    }
  }
  if (kb_path.empty()) {
    std::fprintf(stderr, "sitrep_entity_eval: --kb FILE is required\n");
    return 2;
  }
  auto t0 = std::chrono::steady_clock::now();
  auto kb = sitrep::KnowledgeBase::Load(kb_path);
  double load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (!kb.ok()) {
    std::fprintf(stderr, "sitrep_entity_eval: %s\n", kb.status().ToString().c_str());
    return 1;
  }
  if (!dump.empty()) {
    auto st = sitrep::DumpEntities(kb.value(), data, dump, lang);
    if (!st.ok()) {
      std::fprintf(stderr, "sitrep_entity_eval: %s\n", st.ToString().c_str());
      return 1;
    }
    return 0;
  }
  auto sc = sitrep::ScoreSeedEntities(kb.value(), data, seeds, gold);
  if (!sc.ok()) {
    std::fprintf(stderr, "sitrep_entity_eval: %s\n", sc.status().ToString().c_str());
    return 1;
  }
  if (verbose) for (const auto& m : sc->misses) std::printf("%s\n", m.c_str());
  std::printf("kb: %zu entities, %zu aliases, loaded in %.1f ms, %.1f MB\n", kb->entities().size(),
              kb->aliases().size(), load_ms, kb->MemoryBytes() / 1e6);
  std::printf("mentions (NAM+ADJ, body, exact span + type): gold %d system %d matched %d  P %.3f R %.3f F1 %.3f\n",
              sc->gold_mentions, sc->system_mentions, sc->matched, sc->precision, sc->recall, sc->f1);
  std::printf("resolution: %d / %d gold entities resolved exactly (%.3f)\n", sc->resolved_exactly,
              sc->gold_entities, sc->gold_entities ? double(sc->resolved_exactly) / sc->gold_entities : 0);
  std::printf("roles: %d / %d found (%.3f); %d attributed to the right entity (%.3f)\n",
              sc->roles_found, sc->gold_roles, sc->gold_roles ? double(sc->roles_found) / sc->gold_roles : 0,
              sc->roles_attributed, sc->gold_roles ? double(sc->roles_attributed) / sc->gold_roles : 0);
  std::printf("places: %d / %d geocoded right (%.3f)\n", sc->places_right, sc->gold_places,
              sc->gold_places ? double(sc->places_right) / sc->gold_places : 0);
  return 0;
}
