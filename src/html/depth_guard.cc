// @brief FlattenDeepNesting: tag-level depth estimate and rewrite, one linear pass each.
#include "html/depth_guard.h"

#include <cstring>

namespace sitrep {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Elements that never hold children, or that the parser closes implicitly often
// enough that counting them would overestimate depth.
bool IsFlatTag(std::string_view name) {
  static const char* const kFlat[] = {
      "area", "base",  "br",     "col",    "embed",  "hr",       "img",     "input", "link",
      "meta", "param", "source", "track",  "wbr",    "p",        "li",      "dt",    "dd",
      "td",   "th",    "tr",     "option", "keygen", "basefont", "bgsound", "frame"};
  for (const char* flat : kFlat) {
    if (name == flat) return true;
  }
  return false;
}

bool IsRawTextTag(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" ||
         name == "xmp" || name == "iframe" || name == "noembed" || name == "noframes" ||
         name == "plaintext";
}

// Case-insensitive search for "</name" from `from`; npos when absent.
size_t FindEndTag(std::string_view html, size_t from, std::string_view name) {
  while (true) {
    size_t lt = html.find("</", from);
    if (lt == std::string_view::npos) return lt;
    size_t i = lt + 2;
    size_t k = 0;
    while (k < name.size() && i + k < html.size() && LowerAscii(html[i + k]) == name[k]) ++k;
    if (k == name.size()) return lt;
    from = lt + 2;
  }
}

// Walks the tags of `html` and returns the deepest nesting seen; calls
// emit(begin, end) for the ranges to keep: everything but the tags deeper than
// `max_depth`.
template <typename Emit>
int Scan(std::string_view html, int max_depth, Emit&& emit) {
  int depth = 0, deepest = 0;
  size_t pos = 0, copied = 0;
  char name_buf[16];
  while (true) {
    size_t lt = html.find('<', pos);
    if (lt == std::string_view::npos || lt + 1 >= html.size()) break;
    if (html.compare(lt, 4, "<!--") == 0) {
      size_t end = html.find("-->", lt + 4);
      pos = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    bool closing = html[lt + 1] == '/';
    size_t name_start = lt + (closing ? 2 : 1);
    if (name_start >= html.size() || !IsAlpha(html[name_start])) {
      pos = lt + 1;
      continue;
    }
    size_t name_end = name_start;
    size_t n = 0;
    while (name_end < html.size() && html[name_end] != '>' && html[name_end] != '/' &&
           !std::strchr(" \t\n\r\f", html[name_end])) {
      if (n < sizeof(name_buf)) name_buf[n++] = LowerAscii(html[name_end]);
      ++name_end;
    }
    std::string_view name(name_buf, n);
    size_t gt = html.find('>', name_end);
    size_t tag_end = gt == std::string_view::npos ? html.size() : gt + 1;
    bool self_closing = gt != std::string_view::npos && gt > lt && html[gt - 1] == '/';
    bool keep = true;
    if (!IsFlatTag(name) && !(self_closing && !closing)) {
      if (closing) {
        keep = depth <= max_depth;
        if (depth > 0) --depth;
      } else {
        ++depth;
        if (depth > deepest) deepest = depth;
        keep = depth <= max_depth;
      }
    }
    if (!keep) {
      emit(copied, lt);
      copied = tag_end;
    }
    pos = tag_end;
    if (!closing && IsRawTextTag(name) && !self_closing) {
      size_t end = FindEndTag(html, pos, name);
      if (end == std::string_view::npos) break;
      pos = end;  // the end tag itself is scanned next
    }
  }
  emit(copied, html.size());
  return deepest;
}

}  // namespace

std::optional<std::string> FlattenDeepNesting(std::string_view html, int max_depth) {
  if (max_depth < 1) max_depth = 1;
  int deepest = Scan(html, max_depth, [](size_t, size_t) {});
  if (deepest <= max_depth) return std::nullopt;
  std::string out;
  out.reserve(html.size());
  Scan(html, max_depth, [&](size_t begin, size_t end) {
    if (end > begin) out.append(html.substr(begin, end - begin));
  });
  return out;
}

}  // namespace sitrep
