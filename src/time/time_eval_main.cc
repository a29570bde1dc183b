// @brief time_eval: prints the time tagger's scores (seed gold, Recognizers-Text
// French and English) with the worst errors, and its speed. A dev tool.
//
//   time_eval [--shared DIR] [--errors N] [--only seed|fr|en|speed|extract] [--speed-mb N]
//   time_eval --tag LANG DCT TEXT   (prints what the tagger finds in TEXT; DCT "" for none)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "base/file_io.h"
#include "time/time_eval.h"

namespace {

void PrintErrors(const std::vector<sitrep::TimeEvalError>& errors, int n) {
  std::map<std::string, int> count;
  for (const auto& e : errors) ++count[e.category];
  for (const auto& [k, v] : count) std::printf("  %s: %d\n", k.c_str(), v);
  int shown = 0;
  for (const auto& e : errors) {
    if (shown++ >= n) break;
    std::printf("  [%s] %.60s | gold: %s | got: %s\n", e.category.c_str(), e.where.c_str(),
                e.gold.c_str(), e.got.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared = SITREP_SHARED_DIR;
  std::string only;
  int nerr = 30;
  double speed_mb = 20;
  std::string tag_lang, tag_dct, tag_text;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--shared") {
      shared = next();
    } else if (a == "--errors") {
      nerr = std::atoi(next().c_str());
    } else if (a == "--only") {
      only = next();
    } else if (a == "--tag") {
      tag_lang = next();
      tag_dct = next();
      tag_text = next();
    } else if (a == "--speed-mb") {
      speed_mb = std::atof(next().c_str());
    } else {
      std::fprintf(stderr,
                   "usage: time_eval [--shared DIR] [--errors N] [--only seed|fr|en|speed|extract] "
                   "[--speed-mb N]\n");
      return 2;
    }
  }
  sitrep::Options options;
  auto tagger = sitrep::TimeTagger::Create(options);
  if (!tagger.ok()) {
    std::fprintf(stderr, "time_eval: %s\n", tagger.status().ToString().c_str());
    return 1;
  }
  const sitrep::TimeTagger& t = **tagger;
  if (!tag_lang.empty()) {
    std::optional<sitrep::PublishedDate> dct;
    if (!tag_dct.empty())
      dct = sitrep::PublishedDate{tag_dct, sitrep::DatePrecision::kDay, "", "input"};
    for (const sitrep::TimeExpr& x : t.Tag(tag_text, tag_lang, dct)) {
      std::printf("[%s] %s %s%s%s\n", x.text.c_str(), sitrep::TimeTypeName(x.type), x.value.c_str(),
                  x.mod.empty() ? "" : " mod=", x.mod.c_str());
    }
    return 0;
  }
  if (only.empty() || only == "seed") {
    auto s = sitrep::ScoreSeedTemporal(t, shared + "/eval/seed-gold/temporal.json",
                                       shared + "/corpus/seeds");
    if (!s.ok()) {
      std::fprintf(stderr, "seed: %s\n", s.status().ToString().c_str());
      return 1;
    }
    std::printf(
        "seed temporal: gold %d predicted %d matched %d | span P %.3f R %.3f F1 %.3f | value acc "
        "%.3f (%d/%d)\n",
        s->gold, s->predicted, s->gold_matched, s->span_precision, s->span_recall, s->span_f1,
        s->value_accuracy, s->value_correct, s->gold_matched);
    PrintErrors(s->errors, nerr);
  }
  for (const char* lang : {"fr", "en"}) {
    if (!only.empty() && only != lang) continue;
    std::string path = shared + "/eval/recognizers-text/Specs/DateTime/" +
                       (std::string(lang) == "fr" ? "French" : "English") + "/DateTimeModel.json";
    auto s = sitrep::ScoreRecognizersSpec(t, path, lang);
    if (!s.ok()) {
      std::fprintf(stderr, "%s: %s\n", lang, s.status().ToString().c_str());
      return 1;
    }
    std::printf(
        "recognizers %s: cases %d gold %d predicted %d correct %d | P %.3f R %.3f F1 %.3f\n", lang,
        s->cases, s->gold, s->predicted, s->correct, s->precision, s->recall, s->f1);
    PrintErrors(s->errors, nerr);
  }
  if (only == "extract") {
    // Span recall on the French and English extractor specs (not tuned on).
    const std::pair<const char*, const char*> specs[] = {{"French", "fr"}, {"English", "en"}};
    for (const auto& [dir, lang] : specs) {
      for (const char* f : {"DateExtractor", "DatePeriodExtractor", "TimeExtractor",
                            "DurationExtractor", "SetExtractor", "MergedExtractor"}) {
        const std::string path = shared + "/eval/recognizers-text/Specs/DateTime/" + dir + "/" +
                                 f + ".json";
        auto s = sitrep::ScoreExtractorSpec(t, path, lang);
        if (!s.ok()) {
          std::fprintf(stderr, "time_eval: %s\n", s.status().ToString().c_str());
          return 1;
        }
        auto r = [&](int n) { return s->gold ? static_cast<double>(n) / s->gold : 0.0; };
        std::printf("extract %s %-20s gold %4d  exact %4d (%.3f)  overlap %4d (%.3f)\n", lang, f,
                    s->gold, s->exact, r(s->exact), s->overlap, r(s->overlap));
      }
    }
    return 0;
  }
  if (only.empty() || only == "speed") {
    std::string base;
    for (const char* f :
         {"000_54f566406ad0284f.txt", "001_9e25138326c87416.txt", "002_f454a1a4fa1a1bb4.txt",
          "003_ec7d7738b349d4ee.txt", "004_ea7b2b0f46e8dc2b.txt"}) {
      auto text = sitrep::ReadFileLimited(shared + "/corpus/seeds/" + f, 1 << 24);
      if (text.ok()) base += *text + "\n\n";
    }
    std::string big;
    while (big.size() < speed_mb * (1 << 20) && !base.empty()) big += base;
    sitrep::PublishedDate dct{"2022-01-08", sitrep::DatePrecision::kDay, "", "input"};
    auto t0 = std::chrono::steady_clock::now();
    size_t n = t.Tag(big, "fr", dct).size();
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("speed: %.1f MB French in %.2f s = %.1f MB/s single thread (%zu expressions)\n",
                big.size() / 1048576.0, secs, big.size() / 1048576.0 / secs, n);
  }
  return 0;
}
