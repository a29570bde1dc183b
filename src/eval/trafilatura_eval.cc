// @brief Loading the trafilatura evaluation set and counting snippet hits.
#include "eval/trafilatura_eval.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <chrono>

#include "base/file_io.h"
#include "base/json.h"
#include "base/utf8.h"
#include "ingest/encoding.h"

namespace sitrep {
namespace {

std::string ToNfc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (nfc->isNormalized(source, status) && U_SUCCESS(status)) return std::string(text);
  status = U_ZERO_ERROR;
  icu::UnicodeString normalized = nfc->normalize(source, status);
  if (U_FAILURE(status)) return std::string(text);
  std::string out;
  normalized.toUTF8String(out);
  return out;
}

Result<std::vector<std::string>> Snippets(const JsonValue& page, std::string_view key,
                                          const std::string& url) {
  const JsonValue& list = page[key];
  std::vector<std::string> out;
  if (list.is_null()) return out;
  if (!list.is_array())
    return Status::InvalidArgument(url + ": \"" + std::string(key) + "\" is not an array");
  for (const JsonValue& item : list.items()) {
    if (!item.is_string()) {
      return Status::InvalidArgument(url + ": \"" + std::string(key) + "\" holds a non-string");
    }
    std::string snippet = NormalizeForEval(item.str());
    if (!snippet.empty()) out.push_back(std::move(snippet));
  }
  return out;
}

// The page as UTF-8: declared or detected charset; undecodable pages are given
// as they are (the HTML parser replaces bad bytes).
std::string DecodePage(std::string bytes) {
  auto decoded = DecodeToUtf8(bytes, SniffHtmlCharset(bytes));
  if (decoded.ok()) return std::move(decoded->text);
  return bytes;
}

Status ScorePage(const EvalOptions& options, const std::string& url, const JsonValue& spec,
                 const ExtractTextFn& extract, EvalPage* page) {
  page->url = url;
  page->file = spec.GetString("file");
  if (page->file.empty()) return Status::InvalidArgument(url + ": no \"file\"");
  auto with = Snippets(spec, "with", url);
  if (!with.ok()) return with.status();
  auto without = Snippets(spec, "without", url);
  if (!without.ok()) return without.status();

  std::string path = options.dir + "/html/" + page->file + ".gz";
  auto gz = ReadFileLimited(path, options.max_page_bytes);
  if (!gz.ok()) return gz.status();
  auto raw = Gunzip(*gz, options.max_page_bytes);
  if (!raw.ok()) return raw.status().WithContext(path);
  std::string html = DecodePage(std::move(raw.value()));
  page->html_bytes = html.size();

  auto start = std::chrono::steady_clock::now();
  Result<std::string> text = extract(html);
  page->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::string normalized;
  if (text.ok()) {
    normalized = NormalizeForEval(*text);
  } else {
    page->error = text.status().ToString();
  }
  for (const std::string& s : *with) {
    if (normalized.find(s) != std::string::npos) {
      ++page->counts.tp;
    } else {
      ++page->counts.fn;
      page->missed.push_back(s);
    }
  }
  for (const std::string& s : *without) {
    if (normalized.find(s) != std::string::npos) {
      ++page->counts.fp;
      page->leaked.push_back(s);
    } else {
      ++page->counts.tn;
    }
  }
  return Status::Ok();
}

}  // namespace

std::string NormalizeForEval(std::string_view text) {
  if (!IsValidUtf8(text)) return std::string();  // callers give UTF-8; never match garbage
  std::string nfc = ToNfc(text);
  std::string out;
  out.reserve(nfc.size());
  bool pending = false;
  size_t pos = 0;
  while (pos < nfc.size()) {
    size_t start = pos;
    char32_t c = NextCodePoint(nfc, &pos);
    if (IsSpace(c)) {
      pending = true;
      continue;
    }
    if (pending && !out.empty()) out.push_back(' ');
    pending = false;
    out.append(nfc, start, pos - start);
  }
  return out;
}

Result<EvalReport> ScoreTrafilaturaEval(const EvalOptions& options, const ExtractTextFn& extract) {
  std::string json_path = options.dir + "/" + options.json_name;
  auto json_text = ReadFileLimited(json_path, 256u << 20);
  if (!json_text.ok()) return json_text.status();
  auto json = ParseJson(*json_text);
  if (!json.ok()) return json.status().WithContext(json_path);
  if (!json->is_object()) return Status::InvalidArgument(json_path + ": not a JSON object");
  EvalReport report;
  for (const auto& [url, spec] : json->members()) {
    if (!options.only_file.empty() && spec.GetString("file") != options.only_file) continue;
    EvalPage page;
    SITREP_RETURN_IF_ERROR(ScorePage(options, url, spec, extract, &page).WithContext(json_path));
    report.counts.Add(page.counts);
    report.failed_pages += !page.error.empty();
    report.html_bytes += page.html_bytes;
    report.extract_seconds += page.seconds;
    report.pages.push_back(std::move(page));
  }
  return report;
}

}  // namespace sitrep
