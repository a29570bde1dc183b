// @brief html_eval: scores ExtractHtml on the trafilatura evaluation set (dev driver).
//
//   html_eval [--dir DIR] [--json NAME] [--worst N] [--page FILE] [--title]
//
// Prints P/R/F1 and the N worst pages (speed: BM_ExtractHtmlOnly in bench/); --page FILE prints
// that page's extraction, its misses, leaks and removals instead.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "eval/trafilatura_eval.h"
#include "html/html_extractor.h"
#include "tool_args.h"

namespace {

std::string JoinBlocks(const sitrep::HtmlExtraction& ex, bool with_title) {
  std::string text = with_title ? ex.title + "\n" : "";
  for (const sitrep::HtmlBlock& b : ex.blocks) {
    text += b.text;
    text += '\n';
  }
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace sitrep::tools;
  int code = kExitOk;
  auto args = ParseToolArgs(
      "html_eval", "[flags]", argc, argv,
      {{"--dir", true, "the trafilatura set (default ../shared/eval/trafilatura-eval)", "DIR"},
       {"--json", true, "the set's gold file name inside DIR", "NAME"},
       {"--worst", true, "list the N pages with most errors (default 15)", "N"},
       {"--page", true, "print one page's extraction, misses, leaks and removals", "FILE"},
       {"--title", false, "score the title with the text"}},
      &code);
  if (!args.ok()) return code;
  sitrep::EvalOptions eval;
  eval.dir = args->Get("--dir", SITREP_SHARED_DIR "/eval/trafilatura-eval");
  if (args->Has("--json")) eval.json_name = args->Get("--json");
  eval.only_file = args->Get("--page");
  const bool with_title = args->Has("--title");
  sitrep::Result<int> worst = IntFlag(*args, "--worst", 15);
  if (!worst.ok()) {
    std::fprintf(stderr, "html_eval: %s\n", worst.status().message().c_str());
    return kExitUsage;
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
    return kExitFailed;
  }
  const sitrep::EvalCounts& c = report->counts;
  if (!eval.only_file.empty()) {
    if (report->pages.empty()) {
      std::fprintf(stderr, "html_eval: no page with file %s\n", eval.only_file.c_str());
      return kExitFailed;
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
  std::printf("pages %zu (failed %d)  TP %d FP %d TN %d FN %d\n", report->pages.size(),
              report->failed_pages, c.tp, c.fp, c.tn, c.fn);
  std::printf("precision %.4f  recall %.4f  F1 %.4f\n", c.Precision(), c.Recall(), c.F1());
  if (!eval.only_file.empty()) return kExitOk;
  std::vector<const sitrep::EvalPage*> pages;
  for (const auto& p : report->pages) pages.push_back(&p);
  std::stable_sort(pages.begin(), pages.end(), [](const auto* a, const auto* b) {
    return a->counts.fn + a->counts.fp > b->counts.fn + b->counts.fp;
  });
  for (int i = 0; i < *worst && i < static_cast<int>(pages.size()); ++i) {
    const sitrep::EvalPage& p = *pages[i];
    if (p.counts.fn + p.counts.fp == 0) break;
    std::printf("%-60.60s FN %d FP %d %s\n", p.file.c_str(), p.counts.fn, p.counts.fp,
                p.error.c_str());
    for (const auto& s : p.missed) std::printf("    missed: %.100s\n", s.c_str());
    for (const auto& s : p.leaked) std::printf("    leaked: %.100s\n", s.c_str());
  }
  return kExitOk;
}
