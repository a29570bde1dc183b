// @brief File walking, format detection and JSONL streaming.
#include "ingest/reader.h"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "base/file_io.h"
#include "base/json.h"
#include "base/utf8.h"
#include "ingest/encoding.h"

namespace fs = std::filesystem;

namespace sitrep {
namespace {

enum class Kind { kText, kHtml, kJsonl, kUnknown };

std::string LowerExt(std::string_view name, std::string_view* stem) {
  size_t dot = name.rfind('.');
  size_t slash = name.find_last_of('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    *stem = name;
    return "";
  }
  *stem = name.substr(0, dot);
  std::string ext(name.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// Kind from the file name; `gz` is set when the name ends in .gz.
Kind KindFromName(std::string_view name, bool* gz) {
  std::string_view stem;
  std::string ext = LowerExt(name, &stem);
  *gz = false;
  if (ext == "gz") {
    *gz = true;
    ext = LowerExt(stem, &stem);
  }
  if (ext == "txt" || ext == "text") return Kind::kText;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Kind::kHtml;
  if (ext == "jsonl" || ext == "ndjson") return Kind::kJsonl;
  return Kind::kUnknown;
}

Kind SniffKind(std::string_view data) {
  size_t i = 0;
  while (i < data.size() && i < 512 && std::isspace(static_cast<unsigned char>(data[i]))) ++i;
  std::string head(data.substr(i, 256));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0 ||
      head.rfind("<?xml", 0) == 0 || head.find("<body") != std::string::npos ||
      head.find("<head") != std::string::npos) {
    return Kind::kHtml;
  }
  if (!head.empty() && head[0] == '{') return Kind::kJsonl;
  return Kind::kText;
}

RawDocument Failed(const std::string& source, const Status& st) {
  RawDocument d;
  d.source = source;
  d.status = st;
  return d;
}

void ReadOneFile(const std::string& path, bool explicit_path, const Options& options,
                 const RawSink& sink, ReadStats* stats) {
  bool gz = false;
  Kind kind = KindFromName(path, &gz);
  if (kind == Kind::kUnknown && !explicit_path && !gz) {
    ++stats->skipped;
    return;
  }
  ++stats->files;
  if (kind == Kind::kJsonl) {
    ReadJsonl(path, options, sink);
    return;
  }
  size_t limit = gz ? options.max_gzip_bytes : options.max_document_bytes;
  Result<std::string> bytes = ReadFileLimited(path, limit);
  if (!bytes.ok()) {
    sink(Failed(path, bytes.status()));
    return;
  }
  if (kind == Kind::kUnknown && !LooksGzipped(*bytes) && SniffKind(*bytes) == Kind::kJsonl) {
    ReadJsonl(path, options, sink);
    return;
  }
  sink(ReadBytes(path, path, std::move(bytes).value(), options));
}

void Walk(const std::string& dir, const Options& options, const RawSink& sink, ReadStats* stats) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    sink(Failed(dir, Status::IoError(dir + ": " + ec.message())));
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    std::string name = it->path().filename().string();
    if (options.skip_hidden && !name.empty() && name[0] == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) ReadOneFile(f, false, options, sink, stats);
}

}  // namespace

RawDocument ReadBytes(const std::string& source, std::string_view name, std::string bytes,
                      const Options& options) {
  RawDocument doc;
  doc.source = source;
  doc.input_bytes = bytes.size();
  bool gz = false;
  Kind kind = KindFromName(name, &gz);
  if (LooksGzipped(bytes)) {
    Result<std::string> inflated = Gunzip(bytes, options.max_gzip_bytes);
    if (!inflated.ok()) return Failed(source, inflated.status().WithContext(source));
    bytes = std::move(inflated).value();
    doc.input_bytes = bytes.size();  // throughput counts the document, not its compressed form
  }
  if (bytes.size() > options.max_document_bytes) {
    return Failed(source, Status(Code::kTooLarge, source + ": document is " +
                                                      std::to_string(bytes.size()) +
                                                      " bytes, larger than the limit of " +
                                                      std::to_string(options.max_document_bytes) +
                                                      " bytes (max_document_bytes)"));
  }
  if (kind == Kind::kUnknown || kind == Kind::kJsonl) kind = SniffKind(bytes);
  doc.format = kind == Kind::kHtml ? InputFormat::kHtml : InputFormat::kText;
  std::string declared = doc.format == InputFormat::kHtml ? SniffHtmlCharset(bytes) : "";
  Result<DecodedText> decoded = DecodeToUtf8(bytes, declared);
  if (!decoded.ok()) return Failed(source, decoded.status().WithContext(source));
  doc.text = std::move(decoded->text);
  doc.encoding = std::move(decoded->encoding);
  return doc;
}

void ReadJsonl(const std::string& path, const Options& options, const RawSink& sink) {
  gzFile in = path == "-" ? gzdopen(fileno(stdin), "rb") : gzopen(path.c_str(), "rb");
  if (!in) {
    sink(Failed(path, Status::IoError(path + ": cannot open")));
    return;
  }
  gzbuffer(in, 1 << 17);
  std::string display = path == "-" ? "<stdin>" : path;
  std::string line;
  std::vector<char> buf(1 << 16);
  size_t line_no = 0;
  bool too_long = false;
  auto flush = [&](bool at_eof) {
    ++line_no;
    std::string where = display + "#" + std::to_string(line_no);
    if (too_long) {
      sink(Failed(where, Status(Code::kTooLarge,
                                where + ": line longer than " +
                                    std::to_string(options.max_jsonl_line_bytes) +
                                    " bytes (max_jsonl_line_bytes)")));
      return;
    }
    size_t a = line.find_first_not_of(" \t\r\n");
    if (a == std::string::npos) return;  // blank line
    Result<JsonValue> v = ParseJson(line);
    if (!v.ok()) {
      sink(Failed(where, v.status().WithContext(where)));
      return;
    }
    if (!v->is_object()) {
      sink(Failed(where, Status(Code::kParseError, where + ": a JSONL line must be an object")));
      return;
    }
    const JsonValue& obj = *v;
    bool has_html = obj["html"].is_string(), has_text = obj["text"].is_string();
    if (!has_html && !has_text) {
      sink(Failed(where, Status::InvalidArgument(where + ": needs a \"text\" or \"html\" string")));
      return;
    }
    const std::string& body = has_html ? obj["html"].str() : obj["text"].str();
    RawDocument doc;
    doc.container = "jsonl";
    doc.url = obj.GetString("url");
    doc.source = doc.url.empty() ? where : doc.url;
    doc.format = has_html ? InputFormat::kHtml : InputFormat::kText;
    doc.input_bytes = body.size();
    doc.encoding = "UTF-8";
    doc.title = obj.GetString("title");
    doc.published = obj.GetString("published");
    doc.lang = obj.GetString("lang");
    doc.outlet = obj.GetString("source");
    if (body.size() > options.max_document_bytes) {
      doc.status = Status(Code::kTooLarge, where + ": document is " + std::to_string(body.size()) +
                                               " bytes, larger than max_document_bytes");
    } else if (size_t bad; !IsValidUtf8(body, &bad)) {  // \u escapes can't break it; be safe
      doc.status = Status(Code::kBadEncoding, where + ": invalid UTF-8 at byte " + std::to_string(bad));
    } else {
      doc.text = body;
    }
    sink(std::move(doc));
  };
  while (true) {
    char* got = gzgets(in, buf.data(), static_cast<int>(buf.size()));
    if (!got) {
      if (!line.empty() || too_long) flush(true);
      break;
    }
    size_t n = std::strlen(got);
    bool eol = n > 0 && got[n - 1] == '\n';
    if (!too_long) {
      if (line.size() + n > options.max_jsonl_line_bytes) {
        too_long = true;
        line.clear();
      } else {
        line.append(got, n);
      }
    }
    if (eol) {
      flush(false);
      line.clear();
      too_long = false;
    }
  }
  int errnum = 0;
  const char* msg = gzerror(in, &errnum);
  if (errnum != Z_OK && errnum != Z_STREAM_END) {
    sink(Failed(display, Status(Code::kParseError, display + ": " + msg)));
  }
  gzclose(in);
}

ReadStats ReadInputs(const std::vector<std::string>& paths, const Options& options,
                     const RawSink& sink) {
  ReadStats stats;
  for (const std::string& p : paths) {
    if (p == "-") {
      ++stats.files;
      ReadJsonl(p, options, sink);
      continue;
    }
    std::error_code ec;
    auto st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      sink(Failed(p, Status::NotFound(p + ": no such file or directory")));
    } else if (fs::is_directory(st)) {
      Walk(p, options, sink, &stats);
    } else {
      ReadOneFile(p, true, options, sink, &stats);
    }
  }
  return stats;
}

}  // namespace sitrep
