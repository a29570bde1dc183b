// @brief BuildKnowledgeBase: the setup step that reads ICU, the Debian
// packages, the pinned npm packages and data/kb/*.tsv (../shared/DATA.md,
// docs/formats/kb.md) into one knowledge base file.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "kb/kb_writer.h"

namespace sitrep {

// Where the sources are. Defaults are the Debian paths; npm_dir is the
// directory the setup unpacked the pinned npm tarballs into (one folder
// per package: world-countries, i18n-nationality, i18n-iso-countries).
struct KbSources {
  std::string data_dir;  // the project's data/ (kb/*.tsv, kb/*.rules, lang/*/entity_inflect.tsv)
  std::string npm_dir;   // empty: skip the npm sources (tests)
  std::string geonames_dir = "/usr/share/libtimezonemap/ui";  // cities15000, admin1Codes
  std::string locale_dir = "/usr/share/locale";   // <lang>/LC_MESSAGES/geonames.mo
  std::string hunspell_dir = "/usr/share/hunspell";
  bool with_cities = true;  // false: only countries, hand-written files (fast tests)
};

struct KbBuildReport {
  std::vector<std::string> sources_used;  // one line per source, with counts
  std::vector<std::string> warnings;      // a missing optional source, a skipped row
};

// Builds the draft. Errors: a bad hand-written line (file:line), a bad rule file.
// A missing optional package is a warning, not an error.
Result<KbDraft> BuildKnowledgeBase(const KbSources& sources, KbBuildReport* report);

// Only the hand-written files (data/kb/*.tsv) into `draft`, with the name
// variants they generate. Exposed for tests of file:line errors.
Status AddHandWrittenFiles(const std::string& data_dir, KbDraft* draft, KbBuildReport* report);

}  // namespace sitrep
