// @brief Options: every limit that protects sitrep from hostile or broken input.
//
// One struct, one place. Each default is its initializer and is documented in
// docs/FORMAT.md ("Limits"). Past a limit, the document is skipped with a
// too_large error (or, for depth, degraded and reported) and the batch goes on.
#pragma once

#include <cstddef>
#include <string>

namespace sitrep {

struct Options {
  // Largest document accepted, in bytes after decompression and decoding.
  // A bigger file is refused without being read whole.
  size_t max_document_bytes = 32u << 20;  // 32 MiB

  // Largest line in a JSONL input, in bytes. A longer line is one failed
  // document; reading goes on at the next line.
  size_t max_jsonl_line_bytes = 64u << 20;  // 64 MiB

  // Largest decompressed size of one .gz input, in bytes (zip-bomb guard).
  size_t max_gzip_bytes = 256u << 20;  // 256 MiB

  // Deepest HTML element nesting that is walked. Deeper content is still
  // extracted as text but no longer classified by its ancestors.
  int max_html_depth = 256;

  // Largest number of HTML elements in one page; past it the page is refused.
  size_t max_html_nodes = 2'000'000;

  // Largest number of attributes on any one HTML element; past it the page is
  // refused before parsing (the HTML parser's duplicate check is quadratic).
  size_t max_html_attributes = 2'000;

  // CPU budget of one document through every per-document stage, in seconds.
  // Checked between stages and inside long loops; past it the document fails
  // with a timeout error and the batch goes on. 0 disables the budget.
  double max_document_seconds = 30.0;

  // Most quantity claims kept for one document. Past it the rest of the
  // document's claims are dropped and a warning says so; the document goes on.
  size_t max_claims_per_document = 10'000;

  // Quotes (src/quote): most quote marks read in one document. Past it the
  // rest of the document is not searched for quotes and a warning says so.
  size_t max_quote_marks = 5'000;

  // Quotes: longest quote kept, in bytes of text between its marks. A longer
  // quote (an unclosed mark, a hostile page) ends there, is marked `cut` and a
  // warning says so.
  size_t max_quote_bytes = 20'000;

  // Follow symbolic links that lead outside a directory given as input.
  // Off: such links are reported as skipped, with the reason.
  bool follow_symlinks = false;

  // Skip files whose names start with "." when walking directories.
  bool skip_hidden = true;

  // Directory with language data (data/lang/<code>/*.tsv). Empty: the
  // SITREP_DATA_DIR environment variable, then the installed default.
  std::string data_dir;

  // The knowledge base file (`sitrep kb build` writes it). Empty: the
  // SITREP_KB environment variable, then the build directory's kb.bin.
  std::string kb_path;

  // ISO date (YYYY, YYYY-MM or YYYY-MM-DD) that overrides any publication
  // date found in the documents (the --date flag).
  std::string date_override;

  // Each time expression names the scan rules that produced it (the `rule`
  // field of `times`; `sitrep extract --explain-time`). Off: no such field.
  bool explain_time = false;

  // Add the trained NER tagger's names (data/ner/<lang>.model, docs/NER.md) to
  // the mentions the knowledge base and the patterns found, where they found
  // nothing (source "tagger"; `sitrep extract --ner-tagger`). Off: the seed
  // entity scores are measured without it (bench/RESULTS.md says what it costs).
  bool ner_tagger_mentions = false;
};

}  // namespace sitrep
