// @brief libFuzzer target: the knowledge-base loader on damaged images must
// refuse them with a Corruption status or load them and answer every lookup
// without reading outside the image.
//
// Random bytes almost never pass the magic line, so each input is used twice:
// as an image of its own, and as a patch list applied to a small valid image
// (built once with KbDraft): every 5 input bytes are an offset (4, little
// endian, modulo the image size) and a byte to store there; a trailing short
// group cuts the image at that offset instead.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "kb/kb.h"
#include "kb/kb_writer.h"

namespace {

std::string SeedImage() {
  sitrep::KbDraft d;
  sitrep::DraftEntity kz;
  kz.id = "KZ";
  kz.canonical = "Kazakhstan";
  kz.country = "KZ";
  kz.has_coords = true;
  kz.lat = 48;
  kz.lon = 68;
  uint32_t k = d.AddEntity(kz);
  d.AddAlias(k, "Kazakhstan", "fr", sitrep::kAliasPreferred);
  d.AddAlias(k, "kazakhe", "fr", sitrep::kAliasAdjective);
  d.AddAlias(k, "Казахстан", "ru", 0);
  sitrep::DraftEntity p;
  p.id = "per:x";
  p.canonical = "Iks";
  p.type = sitrep::EntityType::kPer;
  p.kind = sitrep::EntityKind::kPerson;
  uint32_t x = d.AddEntity(p);
  d.AddAlias(x, "Iks", "en", sitrep::kAliasPreferred);
  d.AddRole({"per:x", "head_of_state", "KZ", "2019-03-20", ""});
  auto bytes = d.Serialize("kb_fuzz seed");
  if (!bytes.ok()) {  // the fuzzer's own setup, not input
    std::fprintf(stderr, "kb_fuzz: %s\n", bytes.status().ToString().c_str());
    std::abort();
  }
  return std::move(bytes).value();
}

// Every lookup a stage makes, over everything the image claims to hold.
void Exercise(const sitrep::KnowledgeBase& kb) {
  size_t sink = 0;
  for (const sitrep::KbAlias& a : kb.aliases()) {
    for (const sitrep::KbAlias& hit : kb.Find(a.key)) {
      if (hit.entity >= kb.entities().size()) std::abort();
      sink += hit.key.size();
    }
    sink += kb.HasKeyPrefix(a.key.substr(0, a.key.size() / 2));
  }
  for (uint32_t e = 0; e < kb.entities().size(); ++e) {
    sink += kb.DisplayName(e, "fr").size() + kb.DisplayName(e, "xx").size();
    sink += static_cast<size_t>(kb.FindId(kb.entities()[e].id) + 1);
    for (const sitrep::KbRole* r : kb.RolesOf(e)) sink += r->role.size() + r->of.size();
  }
  sink += kb.Find("kazakhstan").size() + kb.MemoryBytes();
  if (sink == 42) std::fputc(' ', stderr);  // keeps the reads
}

void Try(std::string image) {
  auto kb = sitrep::KnowledgeBase::FromBytes(std::move(image));
  if (!kb.ok()) {
    if (kb.status().code() != sitrep::Code::kCorruption) std::abort();
    return;
  }
  Exercise(*kb);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (64u << 10)) return 0;
  static const std::string* seed = new std::string(SeedImage());
  Try(std::string(reinterpret_cast<const char*>(data), size));
  std::string image = *seed;
  size_t i = 0;
  for (; i + 5 <= size && !image.empty(); i += 5) {
    uint32_t at;
    std::memcpy(&at, data + i, 4);
    image[at % image.size()] = static_cast<char>(data[i + 4]);
  }
  if (i < size && i + 2 <= size) {
    uint16_t cut;
    std::memcpy(&cut, data + i, 2);
    image.resize(std::min<size_t>(image.size(), cut));
  }
  Try(std::move(image));
  return 0;
}
