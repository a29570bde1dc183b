// @brief html_eval: scores ExtractHtml on the trafilatura evaluation set (dev driver).
//
//   html_eval [--dir DIR] [--json NAME] [--worst N] [--page FILE] [--title]
//
// Prints P/R/F1, speed in MB/s of decoded HTML (single thread, extraction only)
// and the N worst pages; --page FILE prints that page's extraction, its misses,
// leaks and removals instead.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "eval/trafilatura_eval.h"
#include "html/html_extractor.h"

namespace {

std::string JoinBlocks(const sitrep::HtmlExtraction& ex, bool with_title) {
  std::string text = with_title ? ex.title + "\n" : "";
  for (const sitrep::HtmlBlock& b : ex.blocks) {
    text += b.text;
    text += '\n';
  }
  return text;
}

int Usage() {
  std::fprintf(stderr,
               "usage: html_eval [--dir DIR] [--json NAME] [--worst N] [--page FILE] [--title]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  sitrep::EvalOptions eval;
  eval.dir = SITREP_SHARED_DIR "/eval/trafilatura-eval";
  int worst = 15;
  bool with_title = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    bool has_value = i + 1 < argc;
    if (arg == "--dir" && has_value) {
      eval.dir = argv[++i];
    } else if (arg == "--json" && has_value) {
      eval.json_name = argv[++i];
    } else if (arg == "--worst" && has_value) {
      worst = std::atoi(argv[++i]);
    } else if (arg == "--page" && has_value) {
      eval.only_file = argv[++i];
    } else if (arg == "--title") {
      with_title = true;
    } else {
      return Usage();
    }
  }
  sitrep::Options options;
  sitrep::HtmlExtraction last;
  auto extract = [&](std::string_view html) -> sitrep::Result<std::string> {
    auto ex = sitrep::ExtractHtml(html, options);
    if (!ex.ok()) return ex.status();
    last = *ex;
    return JoinBlocks(*ex, with_title);
  };
  auto report = sitrep::ScoreTrafilaturaEval(eval, extract);
  if (!report.ok()) {
    std::fprintf(stderr, "html_eval: %s\n", report.status().ToString().c_str());
    return 1;
  }
  const sitrep::EvalCounts& c = report->counts;
  if (!eval.only_file.empty()) {
    if (report->pages.empty()) {
      std::fprintf(stderr, "html_eval: no page with file %s\n", eval.only_file.c_str());
      return 1;
    }
    const sitrep::EvalPage& page = report->pages[0];
    std::printf("title: %s\nlang: %s\n", last.title.c_str(), last.lang.c_str());
    for (const auto& d : last.dates)
      std::printf("date: %s (%s, %d)\n", d.value.c_str(), d.origin.c_str(), d.priority);
    std::printf("---- text\n");
    for (const auto& b : last.blocks)
      std::printf("[%s] %s\n", sitrep::BlockKindName(b.kind), b.text.c_str());
    std::printf("---- removed\n");
    for (const auto& r : last.removed) std::printf("<%s> %s\n", r.reason.c_str(), r.text.c_str());
    std::printf("---- error: %s\n", page.error.c_str());
    for (const auto& s : page.missed) {
      std::string where = "not found";
      for (const auto& r : last.removed) {
        if (sitrep::NormalizeForEval(r.text).find(s) != std::string::npos) where = r.reason;
      }
      std::printf("MISSED: %s  [%s]\n", s.c_str(), where.c_str());
    }
    for (const auto& s : page.leaked) std::printf("LEAKED: %s\n", s.c_str());
  }
  double mb = report->html_bytes / 1e6;
  std::printf("pages %zu (failed %d)  TP %d FP %d TN %d FN %d\n", report->pages.size(),
              report->failed_pages, c.tp, c.fp, c.tn, c.fn);
  std::printf("precision %.4f  recall %.4f  F1 %.4f\n", c.Precision(), c.Recall(), c.F1());
  std::printf("speed %.1f MB/s (%.1f MB in %.2f s, single thread)\n",
              report->extract_seconds > 0 ? mb / report->extract_seconds : 0, mb,
              report->extract_seconds);
  if (!eval.only_file.empty()) return 0;
  std::vector<const sitrep::EvalPage*> pages;
  for (const auto& p : report->pages) pages.push_back(&p);
  std::stable_sort(pages.begin(), pages.end(), [](const auto* a, const auto* b) {
    return a->counts.fn + a->counts.fp > b->counts.fn + b->counts.fp;
  });
  for (int i = 0; i < worst && i < static_cast<int>(pages.size()); ++i) {
    const sitrep::EvalPage& p = *pages[i];
    if (p.counts.fn + p.counts.fp == 0) break;
    std::printf("%-60.60s FN %d FP %d %s\n", p.file.c_str(), p.counts.fn, p.counts.fp,
                p.error.c_str());
    for (const auto& s : p.missed) std::printf("    missed: %.100s\n", s.c_str());
    for (const auto& s : p.leaked) std::printf("    leaked: %.100s\n", s.c_str());
  }
  return 0;
}
