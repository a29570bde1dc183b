// @brief FindCrowdedTag: one pass over the tags of a page, counting attributes.
#include "html/attribute_guard.h"

namespace sitrep {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsTagSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsRawText(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" ||
         name == "xmp" || name == "iframe" || name == "noembed" || name == "noframes";
}

// Where a comment opened at `lt` ("<!--") ends: right after "-->", "--!>",
// or the abrupt "<!-->" / "<!--->". The earliest end is taken, so that no tag
// the parser sees is skipped.
size_t CommentEnd(std::string_view html, size_t lt) {
  size_t p = lt + 4;
  if (html.compare(p, 1, ">") == 0) return p + 1;
  if (html.compare(p, 2, "->") == 0) return p + 2;
  size_t a = html.find("-->", p);
  size_t b = html.find("--!>", p);
  if (a == std::string_view::npos && b == std::string_view::npos) return html.size();
  return a < b ? a + 3 : b + 4;
}

// The start of the first "</name" (any case) followed by a space, '/' or '>'
// from `from`, or npos.
size_t FindEndTag(std::string_view html, size_t from, std::string_view name) {
  for (size_t lt = html.find("</", from); lt != std::string_view::npos;
       lt = html.find("</", lt + 2)) {
    size_t i = lt + 2, k = 0;
    while (k < name.size() && i + k < html.size() && LowerAscii(html[i + k]) == name[k]) ++k;
    if (k < name.size()) continue;
    if (i + k == html.size() || IsTagSpace(html[i + k]) || html[i + k] == '/' || html[i + k] == '>')
      return lt;
  }
  return std::string_view::npos;
}

struct Tag {
  std::string name;       // lower-case, truncated
  size_t attributes = 0;  // counted up to the limit + 1
  size_t end = 0;         // just past the '>' (or the end of the input)
};

// Reads the tag whose name starts at `p` the way the HTML5 tokenizer does:
// name, then attributes (a name, optionally '=' and a quoted or unquoted
// value) separated by spaces and '/', up to a '>' outside quotes. Stops
// counting past `stop` attributes but still finds the end.
Tag ReadTag(std::string_view html, size_t p, size_t stop) {
  Tag t;
  const size_t n = html.size();
  while (p < n && !IsTagSpace(html[p]) && html[p] != '/' && html[p] != '>') {
    if (t.name.size() < 32) t.name += LowerAscii(html[p]);
    ++p;
  }
  while (p < n) {
    while (p < n && (IsTagSpace(html[p]) || html[p] == '/')) ++p;
    if (p >= n) break;
    if (html[p] == '>') {
      t.end = p + 1;
      return t;
    }
    // An attribute name; its first character may be '=' (a parse error that
    // still starts an attribute).
    ++p;
    while (p < n && !IsTagSpace(html[p]) && html[p] != '/' && html[p] != '>' && html[p] != '=') ++p;
    if (t.attributes <= stop) ++t.attributes;
    while (p < n && IsTagSpace(html[p])) ++p;
    if (p >= n || html[p] != '=') continue;
    ++p;
    while (p < n && IsTagSpace(html[p])) ++p;
    if (p >= n) break;
    if (html[p] == '"' || html[p] == '\'') {
      size_t close = html.find(html[p], p + 1);
      p = close == std::string_view::npos ? n : close + 1;
    } else {
      while (p < n && !IsTagSpace(html[p]) && html[p] != '>') ++p;
    }
  }
  t.end = n;
  return t;
}

}  // namespace

std::optional<CrowdedTag> FindCrowdedTag(std::string_view html, size_t max_attributes) {
  int svg = 0, math = 0;  // open foreign-content elements
  bool frameset = false, select = false;
  size_t pos = 0;
  while (true) {
    size_t lt = html.find('<', pos);
    if (lt == std::string_view::npos || lt + 1 >= html.size()) return std::nullopt;
    char c = html[lt + 1];
    if (c == '!' && html.compare(lt, 4, "<!--") == 0) {
      pos = CommentEnd(html, lt);
      continue;
    }
    if (c == '!' || c == '?') {  // doctype, CDATA, bogus comment: up to the first '>'
      size_t gt = html.find('>', lt + 2);
      pos = gt == std::string_view::npos ? html.size() : gt + 1;
      continue;
    }
    bool closing = c == '/';
    size_t name_start = lt + (closing ? 2 : 1);
    if (name_start >= html.size() || !IsAlpha(html[name_start])) {
      pos = lt + 1;
      continue;
    }
    Tag tag = ReadTag(html, name_start, max_attributes);
    pos = tag.end;
    if (tag.attributes > max_attributes) return CrowdedTag{lt, tag.name};
    if (closing) {
      if (tag.name == "svg" && svg > 0) --svg;
      if (tag.name == "math" && math > 0) --math;
      if (tag.name == "select") select = false;
      continue;
    }
    bool self_closing = tag.end >= 2 && html[tag.end - 1] == '>' && html[tag.end - 2] == '/';
    if (tag.name == "svg" && !self_closing) ++svg;
    if (tag.name == "math" && !self_closing) ++math;
    if (tag.name == "frameset") frameset = true;
    if (tag.name == "select") select = true;
    const bool html_content =
        svg == 0 && math == 0 && !frameset && (!select || tag.name == "script");
    if (!html_content) continue;
    if (tag.name == "plaintext") return std::nullopt;  // the rest is text
    if (IsRawText(tag.name)) {
      size_t end = FindEndTag(html, pos, tag.name);
      if (end == std::string_view::npos) return std::nullopt;
      pos = end;
    }
  }
}

}  // namespace sitrep
