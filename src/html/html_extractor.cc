// @brief ExtractHtml: one explicit-stack walk over the gumbo tree, then main-content selection.
//
// The approach, in three passes, each linear in the number of elements:
//
// 1. Walk. The tree is walked with an explicit stack (no recursion, so depth is
//    bounded only by memory; the depth guard keeps gumbo itself linear). Each
//    element gets a role from data/html/tags.tsv and a verdict from the class,
//    id and attribute markers of data/html/markers.tsv. Text is cut into
//    blocks at block-level elements and at double <br>; each block remembers
//    its innermost block element (its "container"), its kind, its link text,
//    and the dropped subtree it lies in, if any. Metadata (title, language,
//    dates) is collected on the way.
// 2. Select. Paragraph-like blocks vote for the ancestors of their container,
//    weighted by length and commas and damped with distance (the Readability
//    scheme). Scores are scaled by the node's link density and shifted by its
//    markers. The best node, promoted to a shared ancestor when the runners-up
//    agree, plus its siblings that look like content, is the article.
// 3. Filter. Inside the article, blocks that are mostly links, that match a
//    boilerplate cue (data/html/cues.tsv), or that are short and unpunctuated
//    before the first or after the last real paragraph are dropped too.
//
// Everything dropped that carries text is reported as a Removal with a reason.
// Tested by html_extractor_test.cc; scored by src/eval/trafilatura_eval.
#include "html/html_extractor.h"

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <optional>

#include "base/text_fold.h"
#include "base/utf8.h"
#include "html/attribute_guard.h"
#include "html/depth_guard.h"
#include "html/html_metadata.h"
#include "html/html_rules.h"

namespace sitrep {
namespace {

constexpr size_t kMaxRemovalBytes = 200;  // removal texts are samples, not copies
constexpr uint32_t kMinScoredChars = 25;  // shorter blocks do not vote for a container
constexpr uint32_t kMaxCueChars = 300;    // longer blocks are prose, whatever they start with
constexpr uint32_t kGoodBlockChars = 60;  // a "real paragraph" for edge trimming

// An element that matters for selection: block-level elements and dropped roots.
struct Node {
  int parent = -1;
  int end = 0;  // one past the last node of the subtree (nodes are in pre-order)
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  TagRole role = TagRole::kBlock;
  int drop_candidate = -1;  // reason a tag or marker gives to drop the subtree
  int drop_reason = -1;     // >= 0: the drop was confirmed (see ResolveDrops)
  int drop_root = -1;       // outermost confirmed-dropped node holding this one
  uint32_t good = 0;        // code points of paragraph-like text in the subtree, dropped or not
  bool boost = false;
  bool penalty = false;
  uint32_t text = 0;   // code points of kept text in the subtree
  uint32_t links = 0;  // of which inside <a>
  uint32_t prose = 0;  // of which in prose blocks (see IsProse)
  double score = 0;
  bool candidate = false;
};

struct Block {
  std::string text;
  BlockKind kind = BlockKind::kParagraph;
  int container = -1;  // innermost block-level node
  int owner = -1;      // innermost node of any kind (block-level or marked inline)
  int drop_root = -1;  // root node of the dropped subtree holding this block
  uint32_t chars = 0;
  uint32_t links = 0;
  int heading_level = 0;
  int cue = -1;  // boilerplate cue matched by the whole block (data/html/cues.tsv)
};

// What the walk knows about the element it is inside.
struct Context {
  int container = -1;
  int owner = -1;
  int drop_root = -1;  // provisional (before ResolveDrops); only damps date priorities
  BlockKind kind = BlockKind::kParagraph;
  int heading_level = 0;
  bool in_quote = false;
  int link_depth = 0;
};

struct Frame {
  const GumboNode* node = nullptr;
  unsigned next_child = 0;
  int node_index = -1;   // node created for this element, -1 if none
  bool flushes = false;  // block-level: flush on exit
  Context saved;         // context to restore on exit
};

std::string_view AttrValue(const GumboElement& element, const char* name) {
  const GumboAttribute* attr = gumbo_get_attribute(&element.attributes, name);
  return attr ? std::string_view(attr->value) : std::string_view();
}

uint32_t CountChars(std::string_view s) {
  uint32_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool IsBlockRole(TagRole role) {
  return role != TagRole::kInline && role != TagRole::kBreak && role != TagRole::kIgnore;
}

// Appends `text` with runs of whitespace (Unicode spaces included) as one space.
void AppendCollapsed(std::string_view text, std::string* out, bool* pending_space) {
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool space;
    size_t len = 1;
    if (c < 0x80) {
      space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    } else {
      size_t pos = i;
      char32_t cp = NextCodePoint(text, &pos);
      len = pos - i;
      space = IsSpace(cp) && cp != 0x200B;  // a zero-width space joins, never separates
      if (cp == 0x200B || cp == 0xFEFF || cp == 0xAD) {  // invisible: drop
        i += len;
        continue;
      }
    }
    if (space) {
      *pending_space = true;
    } else {
      if (*pending_space && !out->empty()) out->push_back(' ');
      *pending_space = false;
      out->append(text.substr(i, len));
    }
    i += len;
  }
}

std::string Truncate(std::string text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  text += "…";
  return text;
}

bool EndsSentence(std::string_view text) {
  static const char* const kEnds[] = {".",  "!",  "?", "…", "。", "！",
                                      "？", "\"", "”", "»", ")",  ":"};
  for (const char* end : kEnds) {
    size_t n = std::strlen(end);
    if (text.size() >= n && text.substr(text.size() - n) == end) return true;
  }
  return false;
}

int CountCommas(std::string_view text) {
  int n = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ',') ++n;
    // U+060C Arabic comma, U+3001 ideographic comma, U+FF0C fullwidth comma.
    else if (text.compare(i, 2, "\xD8\x8C") == 0 || text.compare(i, 3, "\xE3\x80\x81") == 0 ||
             text.compare(i, 3, "\xEF\xBC\x8C") == 0) {
      ++n;
    }
  }
  return n;
}

class Extractor {
 public:
  Extractor(const HtmlRules& rules, const Options& options) : rules_(rules), options_(options) {}

  Result<HtmlExtraction> Run(std::string_view html);

 private:
  Status Walk(const GumboNode* root);
  void Enter(const GumboNode* node, std::vector<Frame>* stack);
  void Exit(const Frame& frame);
  void CollectMeta(const GumboElement& element, const GumboNode* node);
  void AddText(std::string_view text);
  void Break();
  void Flush();
  std::string ShallowText(const GumboNode* node, size_t limit) const;

  void ResolveDrops();
  void Propagate();
  std::vector<int> SelectMain();
  void Emit(const std::vector<int>& main);
  void Remove(const std::string& text, int reason_index, const std::string& reason);

  const HtmlRules& rules_;
  const Options& options_;
  HtmlExtraction out_;
  PageMeta meta_;
  std::vector<Node> nodes_;
  std::vector<Block> blocks_;
  Context ctx_;
  Block cur_;
  bool pending_space_ = false;
  bool last_was_break_ = false;
  size_t elements_ = 0;
  bool depth_warned_ = false;
  int body_ = -1;
};

void Extractor::AddText(std::string_view text) {
  if (cur_.text.empty()) {
    size_t before = cur_.text.size();
    bool pending = false;
    AppendCollapsed(text, &cur_.text, &pending);
    pending_space_ = pending;
    if (cur_.text.size() == before) return;
    cur_.container = ctx_.container;
    cur_.owner = ctx_.owner;
    cur_.kind = ctx_.kind;
    if (ctx_.in_quote && cur_.kind == BlockKind::kParagraph) cur_.kind = BlockKind::kQuote;
    cur_.heading_level = ctx_.heading_level;
    uint32_t chars = CountChars(cur_.text);
    cur_.chars += chars;
    if (ctx_.link_depth > 0) cur_.links += chars;
  } else {
    size_t before = cur_.text.size();
    AppendCollapsed(text, &cur_.text, &pending_space_);
    uint32_t chars = CountChars(std::string_view(cur_.text).substr(before));
    cur_.chars += chars;
    if (ctx_.link_depth > 0) cur_.links += chars;
  }
  if (cur_.text.size() > 0) last_was_break_ = false;
}

void Extractor::Break() {
  if (last_was_break_) {
    Flush();
    return;
  }
  if (!cur_.text.empty()) {
    pending_space_ = true;
    last_was_break_ = true;
  }
}

void Extractor::Flush() {
  pending_space_ = false;
  last_was_break_ = false;
  if (cur_.text.empty()) return;
  blocks_.push_back(std::move(cur_));
  cur_ = Block();
}

std::string Extractor::ShallowText(const GumboNode* node, size_t limit) const {
  std::string text;
  bool pending = false;
  std::vector<const GumboNode*> stack = {node};
  while (!stack.empty() && text.size() < limit) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
      AppendCollapsed(n->v.text.text, &text, &pending);
    } else if (n->type == GUMBO_NODE_WHITESPACE) {
      pending = true;
    } else if (n->type == GUMBO_NODE_ELEMENT && stack.size() < 64) {
      const GumboVector& children = n->v.element.children;
      for (unsigned i = children.length; i > 0; --i) {
        stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
      }
    }
  }
  return text;
}

void Extractor::CollectMeta(const GumboElement& element, const GumboNode* node) {
  switch (element.tag) {
    case GUMBO_TAG_HTML:
      if (meta_.html_lang.empty()) meta_.html_lang = std::string(AttrValue(element, "lang"));
      if (meta_.html_lang.empty()) meta_.html_lang = std::string(AttrValue(element, "xml:lang"));
      return;
    case GUMBO_TAG_TITLE:
      if (meta_.title_tag.empty()) meta_.title_tag = ShallowText(node, 1000);
      return;
    case GUMBO_TAG_META: {
      std::string key(AttrValue(element, "property"));
      if (key.empty()) key = std::string(AttrValue(element, "name"));
      if (key.empty()) key = std::string(AttrValue(element, "itemprop"));
      if (key.empty()) key = std::string(AttrValue(element, "http-equiv"));
      std::string_view content = AttrValue(element, "content");
      if (key.empty() || content.empty()) return;
      for (char& c : key) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      std::string value;
      bool pending = false;
      AppendCollapsed(content, &value, &pending);
      if (key == "og:title" || (key == "twitter:title" && meta_.og_title.empty())) {
        meta_.og_title = value;
      } else if (key == "og:site_name") {
        if (meta_.site_name.empty()) meta_.site_name = value;
      } else if (key == "application-name") {
        if (meta_.app_name.empty()) meta_.app_name = value;
      } else if (key == "og:locale") {
        meta_.og_locale = value;
      } else if (key == "content-language" || key == "language" || key == "dc.language") {
        meta_.content_lang = value;
      }
      auto date = rules_.date_sources.find("meta:" + key);
      if (date != rules_.date_sources.end()) {
        meta_.dates.push_back({value, "meta " + key, date->second});
      }
      return;
    }
    case GUMBO_TAG_SCRIPT: {
      std::string_view type = AttrValue(element, "type");
      if (type.find("ld+json") == std::string_view::npos || element.children.length == 0) return;
      const GumboNode* text = static_cast<const GumboNode*>(element.children.data[0]);
      if (text->type == GUMBO_NODE_TEXT || text->type == GUMBO_NODE_WHITESPACE) {
        ReadJsonLd(text->v.text.text, rules_, &meta_.dates, &meta_.publisher);
      }
      return;
    }
    case GUMBO_TAG_TIME: {
      int damp = ctx_.drop_root >= 0 ? 2 : 1;  // dates in comments and sidebars count less
      std::string_view datetime = AttrValue(element, "datetime");
      if (datetime.empty()) return;
      bool pubdate = gumbo_get_attribute(&element.attributes, "pubdate") != nullptr;
      auto date = rules_.date_sources.find(pubdate ? "time:pubdate" : "time:datetime");
      if (date != rules_.date_sources.end()) {
        meta_.dates.push_back({std::string(datetime), pubdate ? "time[pubdate]" : "time[datetime]",
                               date->second / damp});
      }
      break;  // a <time> may also carry itemprop
    }
    default:
      break;
  }
  std::string_view itemprop = AttrValue(element, "itemprop");
  if (itemprop.empty()) return;
  std::string key = "itemprop:";
  for (char c : itemprop)
    key.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  auto date = rules_.date_sources.find(key);
  if (date == rules_.date_sources.end()) return;
  std::string value(AttrValue(element, "datetime"));
  if (value.empty()) value = std::string(AttrValue(element, "content"));
  if (value.empty()) value = ShallowText(node, 100);
  if (value.empty()) return;
  int damp = ctx_.drop_root >= 0 ? 2 : 1;
  meta_.dates.push_back({value, "itemprop " + std::string(itemprop), date->second / damp});
}

void Extractor::Enter(const GumboNode* node, std::vector<Frame>* stack) {
  const GumboElement& element = node->v.element;
  ++elements_;
  CollectMeta(element, node);
  const HtmlRules::TagRule& tag_rule = rules_.tags[element.tag];
  if (tag_rule.role == TagRole::kIgnore) return;  // not descended
  if (tag_rule.role == TagRole::kBreak) {
    Break();
    return;
  }
  Frame frame;
  frame.node = node;
  frame.saved = ctx_;
  int depth = static_cast<int>(stack->size());
  if (depth > options_.max_html_depth) {
    // Too deep to classify: the text still counts, as part of the enclosing block.
    if (!depth_warned_) {
      out_.warnings.push_back("nesting deeper than max_html_depth (" +
                              std::to_string(options_.max_html_depth) +
                              "): deeper elements are not classified");
      depth_warned_ = true;
    }
    if (IsBlockRole(tag_rule.role)) pending_space_ = true;
    stack->push_back(frame);
    return;
  }

  // Markers.
  MarkerVerdict verdict;
  bool protected_tag = element.tag == GUMBO_TAG_HTML || element.tag == GUMBO_TAG_BODY;
  if (!protected_tag) {
    std::string_view cls = AttrValue(element, "class");
    std::string_view id = AttrValue(element, "id");
    if (!cls.empty() || !id.empty()) verdict = rules_.MatchClassId(cls, id);
    for (unsigned i = 0; i < element.attributes.length; ++i) {
      const GumboAttribute* attr = static_cast<const GumboAttribute*>(element.attributes.data[i]);
      if (std::strcmp(attr->name, "class") == 0 || std::strcmp(attr->name, "id") == 0) continue;
      rules_.MatchAttribute(attr->name, attr->value, &verdict);
    }
  }
  int drop_reason = -1;
  {
    if (tag_rule.role == TagRole::kDrop) {
      drop_reason = tag_rule.reason;
    } else if (verdict.drop_reason >= 0) {
      drop_reason = verdict.drop_reason;
    } else if (verdict.unlikely_reason >= 0 && !verdict.boost && element.tag != GUMBO_TAG_ARTICLE &&
               element.tag != GUMBO_TAG_MAIN) {
      drop_reason = verdict.unlikely_reason;
    }
  }
  bool block = IsBlockRole(tag_rule.role);
  if (block || drop_reason >= 0) {
    Flush();
    Node n;
    for (auto it = stack->rbegin(); it != stack->rend(); ++it) {
      if (it->node_index >= 0) {
        n.parent = it->node_index;
        break;
      }
    }
    n.tag = element.tag;
    n.role = tag_rule.role;
    n.drop_candidate = drop_reason;
    n.boost = verdict.boost;
    n.penalty = verdict.penalty || (verdict.unlikely_reason >= 0 && drop_reason < 0);
    frame.node_index = static_cast<int>(nodes_.size());
    nodes_.push_back(n);
    if (element.tag == GUMBO_TAG_BODY && body_ < 0) body_ = frame.node_index;
    frame.flushes = true;
    ctx_.owner = frame.node_index;
    if (block) ctx_.container = frame.node_index;
    if (drop_reason >= 0 && ctx_.drop_root < 0) ctx_.drop_root = frame.node_index;
  }
  switch (tag_rule.role) {
    case TagRole::kHeading:
      ctx_.kind = BlockKind::kHeading;
      ctx_.heading_level = element.tag - GUMBO_TAG_H1 + 1;
      break;
    case TagRole::kParagraph:
      if (ctx_.kind != BlockKind::kHeading) ctx_.kind = BlockKind::kParagraph;
      break;
    case TagRole::kListItem:
      if (ctx_.kind != BlockKind::kHeading) ctx_.kind = BlockKind::kListItem;
      break;
    case TagRole::kQuote:
      ctx_.in_quote = true;
      if (ctx_.kind != BlockKind::kHeading) ctx_.kind = BlockKind::kParagraph;
      break;
    case TagRole::kPre:
      if (ctx_.kind != BlockKind::kHeading) ctx_.kind = BlockKind::kPreformatted;
      break;
    default:
      break;
  }
  if (element.tag == GUMBO_TAG_A) ++ctx_.link_depth;
  stack->push_back(frame);
}

void Extractor::Exit(const Frame& frame) {
  if (frame.flushes) Flush();
  if (frame.node_index >= 0) nodes_[frame.node_index].end = static_cast<int>(nodes_.size());
  ctx_ = frame.saved;
}

Status Extractor::Walk(const GumboNode* root) {
  std::vector<Frame> stack;
  Frame top;
  top.node = root;
  stack.push_back(top);
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboVector& children = frame.node->type == GUMBO_NODE_DOCUMENT
                                      ? frame.node->v.document.children
                                      : frame.node->v.element.children;
    if (frame.next_child >= children.length) {
      Frame done = frame;
      stack.pop_back();
      Exit(done);
      continue;
    }
    const GumboNode* child = static_cast<const GumboNode*>(children.data[frame.next_child++]);
    switch (child->type) {
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        if (elements_ >= options_.max_html_nodes) {
          return Status(Code::kTooLarge, "more than " + std::to_string(options_.max_html_nodes) +
                                             " HTML elements (max_html_nodes)");
        }
        Enter(child, &stack);
        break;
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
        AddText(child->v.text.text);
        break;
      case GUMBO_NODE_WHITESPACE:
        if (!cur_.text.empty()) pending_space_ = true;
        break;
      default:
        break;
    }
  }
  Flush();
  return Status::Ok();
}

// A sentence-like block: long enough, few links, no boilerplate cue.
bool IsProse(const Block& b) {
  return b.kind != BlockKind::kHeading && b.chars >= kMinScoredChars && b.links * 3 < b.chars &&
         b.cue < 0;
}

// The share of the page's paragraph text above which a drop candidate is kept
// after all. Widgets (share bars, ads, captions, bylines) never hold much prose;
// related lists and sidebars may hold some; comments may outweigh the article.
double ProtectShare(const std::string& reason) {
  if (reason == "comments") return 0.8;
  if (reason == "related" || reason == "sidebar" || reason == "footer" || reason == "navigation") {
    return 0.5;
  }
  return 0.25;
}

// Confirms drops: a tag or marker that would drop most of the page's
// paragraph text is overruled (whole pages wrapped in class="share-wrapper" or
// <div id="comments-ready-layout">). Comment sections need a clearer majority.
void Extractor::ResolveDrops() {
  uint32_t total_good = 0;
  for (const Block& b : blocks_) {
    if (b.owner < 0 || b.chars < kMinScoredChars || b.links * 3 > b.chars) continue;
    nodes_[b.owner].good += b.chars;
    total_good += b.chars;
  }
  for (int i = static_cast<int>(nodes_.size()) - 1; i > 0; --i) {
    if (nodes_[i].parent >= 0) nodes_[nodes_[i].parent].good += nodes_[i].good;
  }
  for (size_t i = 0; i < nodes_.size(); ++i) {
    Node& n = nodes_[i];
    int parent_root = n.parent >= 0 ? nodes_[n.parent].drop_root : -1;
    if (n.drop_candidate >= 0) {
      double share = ProtectShare(rules_.Reason(n.drop_candidate));
      if (total_good == 0 || n.good < share * total_good) n.drop_reason = n.drop_candidate;
    }
    n.drop_root = parent_root >= 0 ? parent_root : n.drop_reason >= 0 ? static_cast<int>(i) : -1;
  }
  for (Block& b : blocks_) b.drop_root = b.owner >= 0 ? nodes_[b.owner].drop_root : -1;
}

// Sums kept text and link counts up the tree.
void Extractor::Propagate() {
  for (const Block& b : blocks_) {
    if (b.drop_root >= 0 || b.container < 0) continue;
    nodes_[b.container].text += b.chars;
    nodes_[b.container].links += b.links;
    if (IsProse(b)) nodes_[b.container].prose += b.chars;
  }
  for (int i = static_cast<int>(nodes_.size()) - 1; i > 0; --i) {
    const Node& n = nodes_[i];
    if (n.parent < 0) continue;
    nodes_[n.parent].text += n.text;
    nodes_[n.parent].links += n.links;
    nodes_[n.parent].prose += n.prose;
  }
}

double LinkDensity(const Node& n) {
  return n.text == 0 ? 0 : static_cast<double>(n.links) / n.text;
}

double TagBase(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV:
      return 5;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      return 3;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
      return -3;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
      return -5;
    default:
      return 0;
  }
}

std::vector<int> Extractor::SelectMain() {
  // Votes.
  for (const Block& b : blocks_) {
    if (b.drop_root >= 0 || b.container < 0 || b.kind == BlockKind::kHeading || b.cue >= 0)
      continue;
    if (b.chars < kMinScoredChars) continue;
    double vote = 1 + CountCommas(b.text) + std::min(b.chars / 100.0, 3.0);
    int a = nodes_[b.container].parent;
    for (int level = 0; a >= 0 && level < 5; ++level, a = nodes_[a].parent) {
      double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      if (!nodes_[a].candidate) {
        nodes_[a].candidate = true;
        nodes_[a].score =
            TagBase(nodes_[a].tag) + (nodes_[a].boost ? 25 : 0) - (nodes_[a].penalty ? 25 : 0);
      }
      nodes_[a].score += vote / divider;
    }
  }
  int best = -1;
  for (size_t i = 0; i < nodes_.size(); ++i) {
    Node& n = nodes_[i];
    if (!n.candidate) continue;
    n.score *= 1 - LinkDensity(n);
    if (best < 0 || n.score > nodes_[best].score) best = static_cast<int>(i);
  }
  if (best < 0) return {};
  auto contains = [&](int ancestor, int node) {
    return node >= ancestor && node < nodes_[ancestor].end;
  };
  // Runners-up that agree on an ancestor promote it.
  std::vector<int> top;
  for (size_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].candidate && static_cast<int>(i) != best &&
        nodes_[i].score >= 0.75 * nodes_[best].score) {
      top.push_back(static_cast<int>(i));
    }
  }
  auto by_score = [&](int a, int b) { return nodes_[a].score > nodes_[b].score; };
  if (top.size() > 4) {
    std::partial_sort(top.begin(), top.begin() + 4, top.end(), by_score);
    top.resize(4);  // the runners-up among the five best
  }
  if (top.size() >= 3) {
    for (int a = nodes_[best].parent; a >= 0 && a != body_; a = nodes_[a].parent) {
      int agree = 0;
      for (int t : top) agree += contains(a, t);
      if (agree >= 3) {
        best = a;
        break;
      }
    }
  }
  // Climb while the parent scores better.
  double last = nodes_[best].score;
  for (int a = nodes_[best].parent; a >= 0 && a != body_; a = nodes_[a].parent) {
    if (!nodes_[a].candidate) continue;
    if (nodes_[a].score < last / 3) break;
    if (nodes_[a].score > last) {
      best = a;
      break;
    }
    last = nodes_[a].score;
  }
  // Siblings that look like content join the article: those that score well
  // and those made of prose, at the article's level and one level up (leads,
  // standfirsts and notes often sit beside the body's container).
  std::vector<int> main = {best};
  double threshold = std::max(10.0, nodes_[best].score * 0.2);
  int inner = best;
  for (int level = 0; level < 3; ++level) {
    int parent = nodes_[inner].parent;
    if (parent < 0 || parent == body_ || nodes_[parent].tag == GUMBO_TAG_BODY) break;
    for (int i = parent + 1; i < nodes_[parent].end; i = nodes_[i].end) {
      const Node& s = nodes_[i];
      if (i == inner || s.drop_root >= 0 || s.text == 0) continue;
      double ld = LinkDensity(s);
      bool append = level == 0 && s.candidate && s.score >= threshold;
      append = append || (s.prose * 2 >= s.text && ld < 0.25);
      append = append || (s.role == TagRole::kHeading && ld < 0.5);
      if (append) main.push_back(i);
    }
    inner = parent;
  }
  return main;
}

void Extractor::Remove(const std::string& text, int reason_index, const std::string& reason) {
  const std::string& r = reason_index >= 0 ? rules_.Reason(reason_index) : reason;
  if (!out_.removed.empty() && out_.removed.back().reason == r &&
      out_.removed.back().text.size() < kMaxRemovalBytes) {
    out_.removed.back().text = Truncate(out_.removed.back().text + " " + text, kMaxRemovalBytes);
    return;
  }
  Removal removal;
  removal.text = Truncate(text, kMaxRemovalBytes);
  removal.reason = r;
  out_.removed.push_back(std::move(removal));
}

void Extractor::Emit(const std::vector<int>& main) {
  // Nodes are in pre-order, so one forward pass marks every selected subtree.
  std::vector<char> selected(nodes_.size(), 0);
  for (int m : main) selected[m] = 1;
  for (size_t i = 0; i < nodes_.size(); ++i) {
    if (!selected[i] && nodes_[i].parent >= 0) selected[i] = selected[nodes_[i].parent];
  }
  auto in_main = [&](int container) { return container >= 0 && selected[container]; };
  // Decide per block: -2 kept, >= 0 a rules reason, -1 with `why` set.
  std::vector<int> reason(blocks_.size(), -2);
  std::vector<std::string> why(blocks_.size());
  int first_good = -1, last_good = -1;
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const Block& b = blocks_[i];
    if (b.drop_root >= 0) {
      reason[i] = nodes_[b.drop_root].drop_reason;
      continue;
    }
    if (!in_main(b.container)) {
      reason[i] = -1;
      why[i] = "outside_content";
      continue;
    }
    double ld = b.chars ? static_cast<double>(b.links) / b.chars : 0;
    if (ld > 0.5) {
      reason[i] = -1;
      why[i] = b.kind == BlockKind::kParagraph ? "navigation" : "related";
      continue;
    }
    if (b.cue >= 0) {
      reason[i] = b.cue;
      continue;
    }
    if (b.kind != BlockKind::kHeading && b.chars >= kGoodBlockChars) {
      if (first_good < 0) first_good = static_cast<int>(i);
      last_good = static_cast<int>(i);
    }
  }
  for (size_t i = 0; i < blocks_.size(); ++i) {
    if (reason[i] != -2) continue;
    const Block& b = blocks_[i];
    bool edge = static_cast<int>(i) < first_good || static_cast<int>(i) > last_good;
    if (edge && b.kind != BlockKind::kHeading && b.chars < kGoodBlockChars &&
        !EndsSentence(b.text)) {
      reason[i] = -1;
      why[i] = static_cast<int>(i) < first_good ? "byline" : "metadata";
    }
  }
  // A heading whose section lost all its text introduced boilerplate
  // ("Related posts", "Comments"): it goes with its section.
  // Walked backwards: body_after[l] tells whether kept text follows before
  // the next heading of level <= l.
  bool body_after[7] = {false, false, false, false, false, false, false};
  for (size_t k = blocks_.size(); k > 0; --k) {
    size_t i = k - 1;
    if (reason[i] != -2) continue;
    if (blocks_[i].kind != BlockKind::kHeading) {
      std::fill(std::begin(body_after), std::end(body_after), true);
      continue;
    }
    int level = std::clamp(blocks_[i].heading_level, 1, 6);
    if (!body_after[level]) {
      reason[i] = -1;
      why[i] = "empty_section";
    }
    for (int l = level; l <= 6; ++l) body_after[l] = false;
  }
  std::string folded_title = FoldForMatch(out_.title);
  bool title_seen = false;
  for (size_t i = 0; i < blocks_.size(); ++i) {
    Block& b = blocks_[i];
    if (reason[i] == -2) {
      if (!title_seen && b.kind == BlockKind::kHeading && FoldForMatch(b.text) == folded_title) {
        title_seen = true;  // the title is reported apart, not as a block
        continue;
      }
      out_.blocks.push_back({b.kind, std::move(b.text)});
    } else {
      Remove(b.text, reason[i], why[i]);
    }
  }
}

Result<HtmlExtraction> Extractor::Run(std::string_view html) {
  if (std::optional<CrowdedTag> crowded = FindCrowdedTag(html, options_.max_html_attributes)) {
    return Status(Code::kTooLarge, "the <" + crowded->name + "> tag at byte " +
                                       std::to_string(crowded->offset) + " has more than " +
                                       std::to_string(options_.max_html_attributes) +
                                       " attributes (max_html_attributes)");
  }
  std::optional<std::string> flattened = FlattenDeepNesting(html, options_.max_html_depth * 4);
  if (flattened) {
    out_.warnings.push_back("tag nesting deeper than " +
                            std::to_string(options_.max_html_depth * 4) +
                            ": deeper tags were ignored");
    html = *flattened;
  }
  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.max_errors = 0;  // errors are not reported; collecting them costs time
  GumboOutput* output = gumbo_parse_with_options(&gumbo_options, html.data(), html.size());
  if (output == nullptr || output->document == nullptr) {
    if (output) gumbo_destroy_output(&gumbo_options, output);
    return Status(Code::kParseError, "gumbo could not parse the HTML");
  }
  Status walked = Walk(output->document);
  gumbo_destroy_output(&gumbo_options, output);
  SITREP_RETURN_IF_ERROR(walked);

  for (Block& b : blocks_) {
    if (b.chars < kMaxCueChars) b.cue = rules_.MatchCue(FoldForMatch(b.text));
  }
  ResolveDrops();
  for (const Block& b : blocks_) {
    if (b.heading_level == 1 && b.drop_root < 0) meta_.h1s.push_back(b.text);
  }
  out_.title = ChooseTitle(meta_, rules_);
  out_.lang = ChooseLang(meta_);
  out_.site_name = ChooseSiteName(meta_, rules_);
  out_.dates = RankDates(std::move(meta_.dates));
  Propagate();
  Emit(SelectMain());
  if (blocks_.empty()) return Status(Code::kEmpty, "no text in the HTML");
  if (out_.blocks.empty()) {
    return Status(Code::kEmpty, "no main text: all " + std::to_string(blocks_.size()) +
                                    " text blocks were dropped as boilerplate");
  }
  return std::move(out_);
}

}  // namespace

Result<HtmlExtraction> ExtractHtml(std::string_view html, const Options& options) {
  auto rules = LoadHtmlRules(options);
  if (!rules.ok()) return rules.status();
  Extractor extractor(**rules, options);
  return extractor.Run(html);
}

}  // namespace sitrep
