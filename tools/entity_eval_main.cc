// @brief sitrep_entity_eval: scores recognition and resolution on the seed gold.
//
//   sitrep_entity_eval --kb FILE [--data DIR] [--seeds DIR] [--gold DIR] [--verbose] [--dump FILE
//   [--lang L]]
// Exit codes: 0 scored; 1 a file could not be read; 2 bad usage.
#include <cstdio>
#include <string>

#include "base/data_file.h"
#include "eval/entity_eval.h"
#include "kb/kb.h"
#include "tool_args.h"

int main(int argc, char** argv) {
  using namespace sitrep::tools;
  sitrep::Options options;
  const std::string shared = std::string(SITREP_SOURCE_DIR) + "/../shared";
  int code = kExitOk;
  auto args = ParseToolArgs(
      "sitrep_entity_eval", "--kb FILE [flags]", argc, argv,
      {{"--kb", true, "the knowledge base (sitrep kb build)", "FILE"},
       {"--data", true, "language data directory (default: $SITREP_DATA_DIR or the built-in one)",
        "DIR"},
       {"--seeds", true, "the seed articles (default ../shared/corpus/seeds)", "DIR"},
       {"--gold", true, "the seed gold folder (default ../shared/eval/seed-gold)", "DIR"},
       {"--verbose", false, "list every missed and spurious mention"},
       {"--dump", true, "print the mentions of one UTF-8 text file instead of scoring", "FILE"},
       {"--lang", true, "--dump: the file's language (default fr)", "LANG"}},
      &code);
  if (!args.ok()) return code;
  const std::string kb_path = args->Get("--kb");
  const std::string data = args->Get("--data", sitrep::DataDir(options));
  const std::string seeds = args->Get("--seeds", shared + "/corpus/seeds");
  const std::string gold = args->Get("--gold", shared + "/eval/seed-gold");
  const bool verbose = args->Has("--verbose");
  const std::string dump = args->Get("--dump"), lang = args->Get("--lang", "fr");
  if (kb_path.empty()) {
    std::fprintf(stderr, "sitrep_entity_eval: --kb FILE is required\n");
    return kExitUsage;
  }
  auto kb = sitrep::KnowledgeBase::Load(kb_path);
  if (!kb.ok()) return Failed("sitrep_entity_eval", kb.status());
  if (!dump.empty()) {
    sitrep::Status st = sitrep::DumpEntities(kb.value(), data, dump, lang);
    return st.ok() ? kExitOk : Failed("sitrep_entity_eval", st);
  }
  auto sc = sitrep::ScoreSeedEntities(kb.value(), data, seeds, gold);
  if (!sc.ok()) return Failed("sitrep_entity_eval", sc.status());
  if (verbose)
    for (const auto& m : sc->misses) std::printf("%s\n", m.c_str());
  std::printf("kb: %zu entities, %zu aliases, %.1f MB held\n", kb->entities().size(),
              kb->aliases().size(), kb->MemoryBytes() / 1e6);
  std::printf(
      "mentions (NAM+ADJ, body, exact span + type): gold %d system %d matched %d  P %.3f R %.3f F1 "
      "%.3f\n",
      sc->gold_mentions, sc->system_mentions, sc->matched, sc->precision, sc->recall, sc->f1);
  std::printf("resolution: %d / %d gold entities resolved exactly (%.3f)\n", sc->resolved_exactly,
              sc->gold_entities,
              sc->gold_entities ? double(sc->resolved_exactly) / sc->gold_entities : 0);
  std::printf("roles: %d / %d found (%.3f); %d attributed to the right entity (%.3f)\n",
              sc->roles_found, sc->gold_roles,
              sc->gold_roles ? double(sc->roles_found) / sc->gold_roles : 0, sc->roles_attributed,
              sc->gold_roles ? double(sc->roles_attributed) / sc->gold_roles : 0);
  std::printf("places: %d / %d geocoded right (%.3f)\n", sc->places_right, sc->gold_places,
              sc->gold_places ? double(sc->places_right) / sc->gold_places : 0);
  return kExitOk;
}
