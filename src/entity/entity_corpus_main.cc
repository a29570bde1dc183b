// @brief sitrep_entity_corpus: recognition and resolution over a corpus
// (ingest + clean through the pipeline), with the entities found in more than
// one language and the speed of recognition + resolution.
//
//   sitrep_entity_corpus --kb FILE [--data DIR] [--repeat N] [--mentions] PATH...
// Prints, per KB or corpus entity seen in two or more languages, the
// languages and spellings; then documents/s and MB/s of recognition +
// resolution alone (cleaning excluded), KB load time and memory.
// Exit codes: 0 done; 1 the KB or data could not be read; 2 bad usage.
#include <chrono>
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

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  sitrep::Options options;
  std::string kb_path;
  std::vector<std::string> paths;
  int repeat = 20;
  bool mentions_out = false;  // --mentions: every mention of every document, with its source and roles
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--kb") kb_path = next();
    else if (a == "--data") options.data_dir = next();
    else if (a == "--mentions") mentions_out = true;
    else if (a == "--repeat") repeat = std::max(1, std::atoi(next().c_str()));
    else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "usage: sitrep_entity_corpus --kb FILE [--data DIR] [--repeat N] [--mentions] PATH...\n");
      return 2;
    } else {
      paths.push_back(a);
    }
  }
  if (kb_path.empty() || paths.empty()) {
    std::fprintf(stderr, "sitrep_entity_corpus: --kb FILE and at least one PATH are required\n");
    return 2;
  }
  auto t0 = Clock::now();
  auto kb = sitrep::KnowledgeBase::Load(kb_path);
  double load_s = Seconds(t0);
  if (!kb.ok()) {
    std::fprintf(stderr, "sitrep_entity_corpus: %s\n", kb.status().ToString().c_str());
    return 1;
  }
  auto pipeline = sitrep::Pipeline::Create(options);
  auto tr = sitrep::NameTransliterator::Create(sitrep::DataDir(options));
  auto rec = sitrep::EntityRecognizer::Create(&kb.value(), options);
  for (const sitrep::Status& st : {pipeline.status(), tr.status(), rec.status()}) {
    if (!st.ok()) {
      std::fprintf(stderr, "sitrep_entity_corpus: %s\n", st.ToString().c_str());
      return 1;
    }
  }
  struct Doc {
    std::string source, lang, date, text;
  };
  std::vector<Doc> docs;
  sitrep::ReadInputs(paths, options, [&](sitrep::RawDocument&& raw) {
    sitrep::Document d = pipeline.value()->Process(raw);
    if (d.failed()) return;
    docs.push_back({d.source, d.lang, d.published ? d.published->value.substr(0, 10) : "", d.text});
  });

  // Entity -> language -> spellings, over one pass in corpus order.
  sitrep::EntityResolver resolver(&kb.value(), tr->get());
  std::map<size_t, std::map<std::string, std::set<std::string>>> seen;
  size_t mentions = 0, bytes = 0;
  for (const Doc& d : docs) {
    auto ms = rec.value()->Recognize(d.text, d.lang, d.date);
    auto ids = resolver.Resolve(d.text, ms);
    mentions += ms.size();
    if (mentions_out) std::printf("== %s (%s %s)\n", d.source.c_str(), d.lang.c_str(), d.date.c_str());
    for (size_t i = 0; mentions_out && i < ms.size(); ++i) {
      const sitrep::Mention& m = ms[i];
      std::printf("  %s\t%s\t%s\t%s%s", sitrep::MentionTypeName(m.type), d.text.substr(m.start, m.end - m.start).c_str(),
                  resolver.entities()[ids[i]].id.c_str(), m.source.c_str(), m.nominal ? " nominal" : "");
      for (const sitrep::MentionRole& r : m.roles) {
        std::printf("\t[%s of=%s: %s]", r.role.c_str(), r.of.c_str(), d.text.substr(r.start, r.end - r.start).c_str());
      }
      std::printf("\n");
    }
    bytes += d.text.size();
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

  // Speed: recognition + resolution only, the corpus `repeat` times.
  auto t1 = Clock::now();
  for (int r = 0; r < repeat; ++r) {
    sitrep::EntityResolver timed(&kb.value(), tr->get());
    for (const Doc& d : docs) timed.Resolve(d.text, rec.value()->Recognize(d.text, d.lang, d.date));
  }
  double secs = Seconds(t1);
  double n = static_cast<double>(docs.size()) * repeat;
  std::fprintf(stderr,
               "%zu documents, %zu mentions; recognition+resolution: %.0f documents/s, %.2f MB/s "
               "(%d passes, %.2f s); KB load %.1f ms, %.1f MB held\n",
               docs.size(), mentions, n / secs, bytes * static_cast<double>(repeat) / secs / 1e6, repeat,
               secs, load_s * 1e3, kb->MemoryBytes() / 1e6);
  return 0;
}
