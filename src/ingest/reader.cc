// @brief File walking, format detection and JSONL streaming.
#include "ingest/reader.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <set>

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

RawDocument Failed(const std::string& source, const Status& st, const char* container = "") {
  RawDocument d;
  d.source = source;
  d.status = st;
  d.container = container;
  return d;
}

const char* JsonTypeName(const JsonValue& v) {
  switch (v.type()) {
    case JsonValue::Type::kNull:
      return "null";
    case JsonValue::Type::kBool:
      return "a boolean";
    case JsonValue::Type::kNumber:
      return "a number";
    case JsonValue::Type::kString:
      return "a string";
    case JsonValue::Type::kArray:
      return "an array";
    case JsonValue::Type::kObject:
      return "an object";
  }
  return "a value";
}

std::string NulWarning(size_t count, size_t first) {
  return std::to_string(count) + (count == 1 ? " NUL byte" : " NUL bytes") +
         " replaced with U+FFFD (the first at byte " + std::to_string(first) +
         " of the decoded text)";
}

// Keeps names valid UTF-8 (JSON output, the store, the report): a source
// that is not gets U+FFFD for each bad byte, and its raw bytes in hex.
void MakeNamesValid(RawDocument* d) {
  static const char kHex[] = "0123456789abcdef";
  if (!IsValidUtf8(d->source)) {
    d->source_bytes.clear();
    for (unsigned char c : d->source) {
      d->source_bytes += kHex[c >> 4];
      d->source_bytes += kHex[c & 15];
    }
    d->source = ToValidUtf8(d->source);
  }
  if (!IsValidUtf8(d->status.message()))
    d->status = Status(d->status.code(), ToValidUtf8(d->status.message()));
  for (std::string& w : d->warnings) {
    if (!IsValidUtf8(w)) w = ToValidUtf8(w);
  }
}

// The error of a file-system call on `path`, worded for the user.
Status FsError(const std::string& path, std::error_code ec) {
  if (ec == std::errc::too_many_symbolic_link_levels) {
    return Status::IoError(path + ": symlink loop (too many levels of symbolic links)");
  }
  if (ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory) {
    return Status::NotFound(path + ": no such file or directory");
  }
  return Status::IoError(path + ": " + ec.message());
}

void ReadOneFile(const std::string& path, bool explicit_path, const Options& options,
                 const RawSink& sink, ReadStats* stats) {
  bool gz = false;
  Kind kind = KindFromName(path, &gz);
  if (kind == Kind::kUnknown && !explicit_path && !gz) {
    ++stats->skipped;
    return;
  }
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    if (ec) {
      sink(Failed(path, FsError(path, ec)));
    } else if (!explicit_path) {
      ++stats->skipped;  // replaced by something else since the walk saw it
    } else {
      sink(Failed(path, Status::InvalidArgument(path + ": not a regular file")));
    }
    return;
  }
  ++stats->files;
  if (kind == Kind::kJsonl) {
    ReadJsonl(path, options, sink);
    return;
  }
  // A gzip file of a page or text inflates to one document: past its limit it
  // is refused (ReadBytes); only the compressed size is bounded here.
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

// One walk of a directory given as input. Every file-system call takes an
// error_code: nothing in the walk throws, and every error is a failure at its
// path or a skipped entry with its reason.
class Walker {
 public:
  Walker(const std::string& dir, fs::path root, const Options& options, ReadStats* stats)
      : dir_(dir), root_(std::move(root)), options_(options), stats_(stats) {}

  // Walks `path` (as the user will see it), whose canonical form is `canonical`.
  void Dir(const fs::path& path, const fs::path& canonical) {
    if (!walked_.insert(canonical).second) return;  // met again through a link
    // Listing needs read, opening the entries search permission: check both
    // so that a directory of mode 0444 is an error too, not an empty listing.
    if (::faccessat(AT_FDCWD, path.c_str(), R_OK | X_OK, AT_EACCESS) != 0) {
      Fail(path, std::error_code(errno, std::generic_category()));
      return;
    }
    std::error_code ec;
    fs::directory_iterator it(path, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) Entry(*it, canonical);
    if (ec) Fail(path, ec);
  }

  // Files to read (OK status) and failures to report, by path.
  std::vector<std::pair<std::string, Status>> found;

 private:
  void Entry(const fs::directory_entry& e, const fs::path& canonical_dir) {
    std::string name = e.path().filename().string();
    if (options_.skip_hidden && !name.empty() && name[0] == '.') return;
    std::error_code ec;
    fs::file_status own = e.symlink_status(ec);
    if (ec) return Fail(e.path(), ec);
    if (fs::is_symlink(own)) return Link(e.path());
    if (fs::is_directory(own)) return Dir(e.path(), canonical_dir / e.path().filename());
    if (fs::is_regular_file(own)) {
      found.emplace_back(e.path().string(), Status::Ok());
    } else {
      ++stats_->skipped;  // FIFOs, sockets, devices
    }
  }

  void Link(const fs::path& path) {
    std::error_code ec;
    fs::path target = fs::canonical(path, ec);
    if (ec == std::errc::no_such_file_or_directory) return Skip(path, "dangling symbolic link");
    if (ec) return Fail(path, ec);  // a loop, or a directory on the way that cannot be searched
    bool inside = IsUnder(target, root_);
    if (!inside && !options_.follow_symlinks) {
      return Skip(path, "symbolic link to " + target.string() + " leads outside " + dir_ +
                            "; not followed (--follow-symlinks follows it)");
    }
    fs::file_status st = fs::status(target, ec);
    if (ec) return Fail(path, ec);
    if (fs::is_directory(st)) {
      if (!inside) Dir(path, target);  // inside: walked as itself
    } else if (fs::is_regular_file(st)) {
      found.emplace_back(path.string(), Status::Ok());
    } else {
      ++stats_->skipped;
    }
  }

  void Fail(const fs::path& path, std::error_code ec) {
    found.emplace_back(path.string(), FsError(path.string(), ec));
  }
  void Skip(const fs::path& path, const std::string& reason) {
    ++stats_->skipped;
    stats_->skipped_reasons.push_back(path.string() + ": " + reason);
  }

  // True when `path` is `root` or lies under it; both canonical.
  static bool IsUnder(const fs::path& path, const fs::path& root) {
    return std::mismatch(root.begin(), root.end(), path.begin(), path.end()).first == root.end();
  }

  const std::string& dir_;
  fs::path root_;
  const Options& options_;
  ReadStats* stats_;
  std::set<fs::path> walked_;  // canonical directories, so link cycles end
};

void Walk(const std::string& dir, const Options& options, const RawSink& sink, ReadStats* stats) {
  std::error_code ec;
  fs::path root = fs::canonical(dir, ec);
  if (ec) {
    sink(Failed(dir, FsError(dir, ec)));
    return;
  }
  Walker walker(dir, root, options, stats);
  size_t reasons_before = stats->skipped_reasons.size();
  walker.Dir(dir, root);
  std::sort(stats->skipped_reasons.begin() + static_cast<std::ptrdiff_t>(reasons_before),
            stats->skipped_reasons.end());
  std::sort(walker.found.begin(), walker.found.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [path, status] : walker.found) {
    if (status.ok()) {
      ReadOneFile(path, false, options, sink, stats);
    } else {
      sink(Failed(path, status));
    }
  }
}

}  // namespace

RawDocument ReadBytes(const std::string& source, std::string_view name, std::string bytes,
                      const Options& options) {
  RawDocument doc;
  doc.source = source;
  doc.input_bytes = bytes.size();
  bool gz = false;
  Kind kind = KindFromName(name, &gz);
  if (gz && !LooksGzipped(bytes)) {
    return Failed(source, Status(Code::kParseError, source + ": not gzip data, although the name ends in .gz"));
  }
  if (LooksGzipped(bytes)) {
    // The inflated data is one document: inflating stops just past its limit.
    bool doc_limit = options.max_document_bytes < options.max_gzip_bytes;
    Result<std::string> inflated =
        Gunzip(bytes, doc_limit ? options.max_document_bytes : options.max_gzip_bytes,
               doc_limit ? "max_document_bytes" : "max_gzip_bytes");
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
  if (kind == Kind::kText && SniffKind(bytes) == Kind::kHtml) {
    kind = Kind::kHtml;
    doc.warnings.push_back("named as text but holds an HTML page; read as HTML");
  }
  doc.format = kind == Kind::kHtml ? InputFormat::kHtml : InputFormat::kText;
  std::string declared = doc.format == InputFormat::kHtml ? SniffHtmlCharset(bytes) : "";
  Result<DecodedText> decoded = DecodeToUtf8(bytes, declared);
  if (!decoded.ok()) return Failed(source, decoded.status().WithContext(source));
  if (decoded->nuls > 0) doc.warnings.push_back(NulWarning(decoded->nuls, decoded->first_nul));
  doc.text = std::move(decoded->text);
  doc.encoding = std::move(decoded->encoding);
  return doc;
}

void ReadJsonl(const std::string& path, const Options& options, const RawSink& sink) {
  gzFile in = path == "-" ? gzdopen(fileno(stdin), "rb") : gzopen(path.c_str(), "rb");
  if (!in) {
    sink(Failed(path, Status::IoError(path + ": cannot open"), "jsonl"));
    return;
  }
  gzbuffer(in, 1 << 17);
  const std::string display = path == "-" ? "<stdin>" : path;
  size_t line_no = 0;
  size_t bad_run = 0;                  // consecutive failed lines
  constexpr size_t kMaxBadRun = 1000;  // past it the stream is not JSONL at all
  auto emit = [&](RawDocument&& d) {
    bad_run = d.status.ok() ? 0 : bad_run + 1;
    sink(std::move(d));
  };
  auto fail = [&](const std::string& where, const Status& st) { emit(Failed(where, st, "jsonl")); };

  // One complete line (or a line that was too long to keep).
  auto flush = [&](const std::string& line, bool too_long) {
    ++line_no;
    const std::string where = display + "#" + std::to_string(line_no);
    if (too_long) {
      fail(where, Status(Code::kTooLarge, where + ": line longer than " + std::to_string(options.max_jsonl_line_bytes) +
                                              " bytes (max_jsonl_line_bytes)"));
      return;
    }
    if (line.find_first_not_of(" \t\r\n") == std::string::npos) return;  // blank line
    Result<JsonValue> v = ParseJson(line);
    if (!v.ok()) return fail(where, v.status().WithContext(where));
    if (!v->is_object()) return fail(where, Status(Code::kParseError, where + ": a JSONL line must be an object"));
    const JsonValue& obj = *v;
    bool has_html = obj["html"].is_string(), has_text = obj["text"].is_string();
    if (!has_html && !has_text) {
      return fail(where, Status::InvalidArgument(where + ": needs a \"text\" or \"html\" string"));
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
    if (const JsonValue& published = obj["published"]; published.is_string()) {
      doc.published = published.str();
    } else if (!published.is_null()) {
      doc.warnings.push_back(std::string("published is ") + JsonTypeName(published) +
                             ", not a date string; not used");
    }
    doc.lang = obj.GetString("lang");
    doc.outlet = obj.GetString("source");
    if (body.size() > options.max_document_bytes) {
      doc.status = Status(Code::kTooLarge, where + ": document is " + std::to_string(body.size()) +
                                               " bytes, larger than max_document_bytes");
    } else if (size_t bad; !IsValidUtf8(body, &bad)) {  // \u escapes cannot break it; be safe
      doc.status = Status(Code::kBadEncoding, where + ": invalid UTF-8 at byte " + std::to_string(bad));
    } else {
      doc.text = body;
      size_t first_nul = 0;
      if (size_t nuls = ReplaceNuls(&doc.text, &first_nul))
        doc.warnings.push_back(NulWarning(nuls, first_nul));
    }
    emit(std::move(doc));
  };

  // Lines are cut out of raw gzread chunks (gzip is undone transparently), so
  // NUL bytes and very long lines are seen for what they are.
  std::vector<char> buf(1 << 16);
  std::string line;
  bool too_long = false, first_chunk = true;
  while (true) {
    int got = gzread(in, buf.data(), static_cast<unsigned>(buf.size()));
    if (got <= 0) {
      if (!line.empty() || too_long) flush(line, too_long);
      break;
    }
    std::string_view chunk(buf.data(), static_cast<size_t>(got));
    if (first_chunk) {
      first_chunk = false;
      if (Status st = CheckNotBinary(chunk); !st.ok()) {
        fail(display, Status(Code::kBinary, display + ": " + st.message() + "; expected JSON lines"));
        break;
      }
      size_t a = chunk.find_first_not_of(" \t\r\n");
      if (chunk.substr(a == std::string_view::npos ? 0 : a, 3) == "\xEF\xBB\xBF") a += 3;
      if (path == "-" && a < chunk.size() && chunk[a] != '{') {
        fail(display, Status::InvalidArgument(display + ": standard input must be JSON lines, one {\"text\": ...} "
                                              "or {\"html\": ...} object per line; give other files by name"));
        break;
      }
    }
    while (!chunk.empty() && bad_run < kMaxBadRun) {
      size_t nl = chunk.find('\n');
      std::string_view piece = chunk.substr(0, nl == std::string_view::npos ? chunk.size() : nl + 1);
      chunk.remove_prefix(piece.size());
      if (!too_long && line.size() + piece.size() > options.max_jsonl_line_bytes) {
        too_long = true;
        line.clear();
      }
      if (!too_long) line.append(piece);
      if (nl != std::string_view::npos) {
        flush(line, too_long);
        line.clear();
        too_long = false;
      }
    }
    if (bad_run >= kMaxBadRun) {
      fail(display, Status(Code::kParseError, display + ": " + std::to_string(bad_run) +
                                                  " bad lines in a row: not JSON lines; stopped reading"));
      break;
    }
  }
  int errnum = 0;
  const char* msg = gzerror(in, &errnum);
  if (errnum != Z_OK && errnum != Z_STREAM_END) fail(display, Status(Code::kParseError, display + ": " + msg));
  gzclose(in);
}

ReadStats ReadInputs(const std::vector<std::string>& paths, const Options& options,
                     const RawSink& raw_sink) {
  ReadStats stats;
  RawSink sink = [&raw_sink](RawDocument&& d) {
    MakeNamesValid(&d);
    raw_sink(std::move(d));
  };
  for (const std::string& p : paths) {
    if (p == "-") {
      ++stats.files;
      ReadJsonl(p, options, sink);
      continue;
    }
    std::error_code ec;
    auto st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      sink(Failed(p, ec ? FsError(p, ec) : Status::NotFound(p + ": no such file or directory")));
    } else if (fs::is_directory(st)) {
      Walk(p, options, sink, &stats);
    } else {
      ReadOneFile(p, true, options, sink, &stats);
    }
  }
  for (std::string& r : stats.skipped_reasons) r = ToValidUtf8(r);
  return stats;
}

}  // namespace sitrep
