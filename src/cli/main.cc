// @brief The sitrep command line: dispatch to the subcommands (cli/command.h).
//
// Exit codes (README "Exit codes"):
//   0  done, every document processed
//   1  done, but some documents failed (each is reported; the rest went on)
//   2  usage error: unknown command or flag, missing or malformed argument
//   3  could not run: data files, store, output directory or stdout unusable
#include <cstdio>
#include <string>

#include "cli/command.h"

namespace sitrep {
namespace {

void PrintMainHelp() {
  std::printf(
      "sitrep %s: news articles in, a sourced situation report out.\n\n"
      "usage: sitrep COMMAND [flags] [args]\n\n"
      "commands:\n"
      "  extract PATH...               clean articles, print JSONL (no store)\n"
      "  ingest --db FILE PATH...      clean articles into a SQLite store\n"
      "  report --db FILE --out DIR    write report.html and report.json\n"
      "  search --db FILE QUERY        full-text search with snippets\n"
      "  query claims --db FILE        the figures: value, hedge, measure, source, sentence\n"
      "  query timeline --db FILE      every dated expression in date order\n"
      "  query entities --db FILE      the actors: names, spellings, roles, mentions\n"
      "  query figures --db FILE       figure series across sources, with their conflicts\n"
      "  query stories --db FILE       the stories: documents that tell the same story\n"
      "  stories rebuild --db FILE     cluster the stored documents into stories again\n"
      "  check --db FILE               check a store for damage\n"
      "  kb build                      build the knowledge base (setup runs it)\n"
      "  ner train --lang L --out FILE  train a named-entity model on CoNLL files\n"
      "  eval TASK                     score against gold annotations\n"
      "  version                       print the version\n\n"
      "'sitrep COMMAND --help' explains each command. Exit codes: 0 ok, 1 some documents\n"
      "failed, 2 usage error, 3 could not run.\n",
      SITREP_VERSION);
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

int Dispatch(const std::string& cmd, int argc, char** argv) {
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    PrintMainHelp();
    return kExitOk;
  }
  if (cmd == "version" || cmd == "--version") {
    std::printf("sitrep %s\n", SITREP_VERSION);
    return kExitOk;
  }
  if (cmd == "extract") return CmdExtract(argc, argv);
  if (cmd == "ingest") return CmdIngest(argc, argv);
  if (cmd == "report") return CmdReport(argc, argv);
  if (cmd == "search") return CmdSearch(argc, argv);
  if (cmd == "eval") return CmdEval(argc, argv);
  if (cmd == "query") return CmdQuery(argc, argv);
  if (cmd == "kb") return CmdKb(argc, argv);
  if (cmd == "check") return CmdCheck(argc, argv);
  if (cmd == "ner") return CmdNer(argc, argv);
  if (cmd == "stories") return CmdStories(argc, argv);
  std::fprintf(stderr, "sitrep: unknown command \"%s\"\nTry 'sitrep --help'.\n", cmd.c_str());
  return kExitUsage;
}

}  // namespace
}  // namespace sitrep

int main(int argc, char** argv) {
  using namespace sitrep;
  if (argc < 2) {
    PrintMainHelp();
    return FinishOutput("", kExitUsage);
  }
  std::string cmd = argv[1];
  // Every command's stdout is flushed and closed here: output that could
  // not be written is exit 3, never a silent 0.
  return FinishOutput(cmd, Dispatch(cmd, argc, argv));
}
