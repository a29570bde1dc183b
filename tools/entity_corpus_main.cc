// @brief sitrep_entity_corpus: recognition and resolution over a corpus
// (ingest + clean through the pipeline), with the entities found in more than
// one language.
//
//   sitrep_entity_corpus --kb FILE [--data DIR] [--mentions] PATH...
// Prints, per KB or corpus entity seen in two or more languages, the
// languages and spellings; --mentions first prints every mention of every
// document with its source and roles. The speed of recognition + resolution
// is measured by bench/entity_bench.cc.
// Exit codes: 0 done; 1 the KB or data could not be read; 2 bad usage.
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/data_file.h"
#include "entity/entity_recognizer.h"
#include "entity/entity_resolver.h"
#include "ingest/reader.h"
#include "kb/kb.h"
#include "kb/transliterate.h"
#include "pipeline/pipeline.h"
#include "tool_args.h"

namespace {

constexpr const char* kTool = "sitrep_entity_corpus";

struct Doc {
  std::string source, lang, date, text;
};

void PrintMentions(const Doc& d, const std::vector<sitrep::Mention>& ms,
                   const std::vector<size_t>& ids, const sitrep::EntityResolver& resolver) {
  std::printf("== %s (%s %s)\n", d.source.c_str(), d.lang.c_str(), d.date.c_str());
  for (size_t i = 0; i < ms.size(); ++i) {
    const sitrep::Mention& m = ms[i];
    std::printf("  %s\t%s\t%s\t%s%s", sitrep::MentionTypeName(m.type),
                d.text.substr(m.start, m.end - m.start).c_str(),
                resolver.entities()[ids[i]].id.c_str(), m.source.c_str(),
                m.nominal ? " nominal" : "");
    for (const sitrep::MentionRole& r : m.roles) {
      std::printf("\t[%s of=%s: %s]", r.role.c_str(), r.of.c_str(),
                  d.text.substr(r.start, r.end - r.start).c_str());
    }
    std::printf("\n");
  }
}

}  // namespace

int main(int argc, char** argv) {
  using namespace sitrep::tools;
  int code = kExitOk;
  auto args = ParseToolArgs(
      kTool, "--kb FILE [flags] PATH...", argc, argv,
      {{"--kb", true, "the knowledge base (sitrep kb build)", "FILE"},
       {"--data", true, "language data directory (default: $SITREP_DATA_DIR)", "DIR"},
       {"--mentions", false, "print every mention of every document, with its source and roles"}},
      &code);
  if (!args.ok()) return code;
  sitrep::Options options;
  options.data_dir = args->Get("--data");
  const std::string kb_path = args->Get("--kb");
  const bool mentions_out = args->Has("--mentions");
  if (kb_path.empty() || args->positional.empty()) {
    std::fprintf(stderr, "%s: --kb FILE and at least one PATH are required\n", kTool);
    return kExitUsage;
  }
  auto kb = sitrep::KnowledgeBase::Load(kb_path);
  if (!kb.ok()) return Failed(kTool, kb.status());
  auto pipeline = sitrep::Pipeline::Create(options);
  auto tr = sitrep::NameTransliterator::Create(sitrep::DataDir(options));
  auto rec = sitrep::EntityRecognizer::Create(&kb.value(), options);
  for (const sitrep::Status& st : {pipeline.status(), tr.status(), rec.status()}) {
    if (!st.ok()) return Failed(kTool, st);
  }
  std::vector<Doc> docs;
  sitrep::ReadInputs(args->positional, options, [&](sitrep::RawDocument&& raw) {
    sitrep::Document d = pipeline.value()->Process(raw);
    if (d.failed()) return;
    docs.push_back({d.source, d.lang, d.published ? d.published->value.substr(0, 10) : "", d.text});
  });

  // Entity -> language -> spellings, over one pass in corpus order.
  sitrep::EntityResolver resolver(&kb.value(), tr->get());
  std::map<size_t, std::map<std::string, std::set<std::string>>> seen;
  size_t mentions = 0;
  for (const Doc& d : docs) {
    auto ms = rec.value()->Recognize(d.text, d.lang, d.date);
    auto ids = resolver.Resolve(d.text, ms);
    mentions += ms.size();
    if (mentions_out) PrintMentions(d, ms, ids, resolver);
    for (size_t i = 0; i < ms.size(); ++i) {
      if (ms[i].nominal || ms[i].type == sitrep::MentionType::kAdj) continue;
      seen[ids[i]][d.lang].insert(d.text.substr(ms[i].start, ms[i].end - ms[i].start));
    }
  }
  for (const auto& [e, by_lang] : seen) {
    if (by_lang.size() < 2) continue;
    const sitrep::CorpusEntity& ce = resolver.entities()[e];
    std::printf("%s\t%s\t", ce.id.c_str(), ce.name.c_str());
    for (const auto& [lang, forms] : by_lang) {
      std::printf(" %s:", lang.c_str());
      for (const auto& f : forms) std::printf(" %s;", f.c_str());
    }
    std::printf("\n");
  }
  std::fprintf(stderr, "%zu documents, %zu mentions; KB %.1f MB held\n", docs.size(), mentions,
               kb->MemoryBytes() / 1e6);
  return kExitOk;
}
