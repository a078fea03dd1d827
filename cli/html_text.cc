#include "html_text.h"

#include <gumbo.h>

#include "html_depth.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <cctype>
#include <string>

namespace consentlens {
namespace {

bool is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_NAV:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_DL: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_LABEL: case GUMBO_TAG_BODY: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_OPTION:
      return true;
    default:
      return false;
  }
}

#include "page_text.inc"

// Elements whose contents a person does not read as text: sites.json's skip list (the content
// script skips the same), and SVG and MathML drawings.
bool is_hidden_content(GumboTag t) {
  if (t == GUMBO_TAG_SVG || t == GUMBO_TAG_MATH) return true;
  const char* name = gumbo_normalized_tagname(t);
  return std::any_of(kSkipTags.begin(), kSkipTags.end(), [&](std::string_view skip) { return skip == name; });
}

class TextWriter {
 public:
  void paragraph() {
    flush_attributes();
    pending_ = std::max(pending_, 2);
  }
  // Words of an attribute (an icon's aria-label, a tooltip) are a paragraph of their own, after
  // the paragraph their element sits in, as the content script reads them: "Attendee 3 (Guest)"
  // stays one line even when "(Guest)" carries a tooltip.
  void attribute(std::string_view v) { attributes_.emplace_back(v); }
  void line() { pending_ = std::max(pending_, 1); }
  void text(std::string_view s) {
    if (s.find_first_not_of(" \t\r\n\f") == std::string_view::npos) {
      if (!out_.empty() && pending_ == 0) space_ = true;
      return;
    }
    if (!out_.empty()) {
      if (pending_ == 2) out_ += "\n\n";
      else if (pending_ == 1) out_ += "\n";
      else if (space_ || std::isspace(static_cast<unsigned char>(s.front()))) out_ += ' ';
    }
    pending_ = 0;
    space_ = std::isspace(static_cast<unsigned char>(s.back())) != 0;
    out_ += s;
  }
  std::string take() {
    flush_attributes();
    return std::move(out_);
  }
  // Elements the walk did not enter because they lie deeper than it goes (see walk()).
  std::size_t skipped = 0;

 private:
  void flush_attributes() {
    std::vector<std::string> attributes;
    attributes.swap(attributes_);
    for (const auto& v : attributes) {
      pending_ = 2;
      text(v);
    }
    if (!attributes.empty()) pending_ = 2;
  }

  std::string out_;
  std::vector<std::string> attributes_;
  int pending_ = 0;
  bool space_ = false;
};

const char* attribute(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? a->value : nullptr;
}

// What the walk saw of the page's kind (read_html's hint).
struct PageSigns {
  int notices = 0;  // dialogs, alerts, status and live regions
  int prose = 0;    // paragraphs of 200 bytes or more, articles
};

bool is_notice_element(const GumboElement& e) {
  if (e.tag == GUMBO_TAG_UNKNOWN) {  // <dialog> is newer than the gumbo that Debian ships
    GumboStringPiece name = e.original_tag;
    gumbo_tag_from_original_text(&name);
    std::string tag(name.data, name.length);
    for (auto& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (tag == "dialog") return true;
  }
  const GumboAttribute* role = gumbo_get_attribute(&e.attributes, "role");
  if (role) {
    const std::string r = role->value;
    if (r == "dialog" || r == "alertdialog" || r == "alert" || r == "status" || r == "log" || r == "marquee") return true;
  }
  const GumboAttribute* live = gumbo_get_attribute(&e.attributes, "aria-live");
  return live && (std::string(live->value) == "polite" || std::string(live->value) == "assertive");
}

std::size_t text_bytes(const GumboNode* node, std::size_t limit) {
  if (node->type == GUMBO_NODE_TEXT) return std::string_view(node->v.text.text).size();
  if (node->type != GUMBO_NODE_ELEMENT) return 0;
  std::size_t n = 0;
  const GumboVector& c = node->v.element.children;
  for (unsigned i = 0; i < c.length && n < limit; ++i) n += text_bytes(static_cast<const GumboNode*>(c.data[i]), limit - n);
  return n;
}

// How deep the page's elements may nest before their tags are dropped (text kept): far past real
// meeting pages, and shallow enough that gumbo stays linear (html_depth.h says why).
constexpr std::size_t kMaxTagDepth = 256;
constexpr int kMaxWalkDepth = 1000;

void walk(const GumboNode* node, TextWriter& w, int depth, PageSigns* signs = nullptr) {
  // limit_nesting() keeps the tree far shallower than this; should a page still get here, what is
  // left out is counted and reported, never dropped in silence.
  if (depth > kMaxWalkDepth) {
    ++w.skipped;
    return;
  }
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
    w.text(node->v.text.text);
    return;
  }
  // Gumbo gives <template> its own node type, with an element's fields.
  const bool element = node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
  if (!element && node->type != GUMBO_NODE_DOCUMENT) return;
  const GumboVector* children = node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : &node->v.element.children;
  if (element) {
    const GumboElement& e = node->v.element;
    // A shadow root saved as declarative shadow DOM (<template shadowrootmode="open">) is the
    // page's content, not an inert template.
    const bool shadow_root = e.tag == GUMBO_TAG_TEMPLATE && (attribute(e, "shadowrootmode") || attribute(e, "shadowroot"));
    if (is_hidden_content(e.tag) && !shadow_root) return;
    // What the page hides from everyone: the content script skips the same (extension/content/text.js).
    if (attribute(e, "hidden")) return;
    if (const char* h = attribute(e, "aria-hidden"); h && std::string_view(h) == "true" && !attribute(e, "aria-label")) return;
    if (e.tag == GUMBO_TAG_HEAD) {  // of the head, only the title is text a person sees
      for (unsigned i = 0; i < children->length; ++i) {
        const auto* c = static_cast<const GumboNode*>(children->data[i]);
        if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_TITLE) walk(c, w, depth + 1);
      }
      return;
    }
    if (e.tag == GUMBO_TAG_BR) { w.line(); return; }
    if (signs) {
      if (is_notice_element(e)) ++signs->notices;
      if (e.tag == GUMBO_TAG_ARTICLE || (e.tag == GUMBO_TAG_P && text_bytes(node, 200) >= 200)) ++signs->prose;
    }
    const bool block = is_block(e.tag);
    if (block) w.paragraph();
    // Words that only live in attributes: an icon's aria-label or tooltip, an image's alt.
    for (std::string_view name : kTextAttributes) {
      if (const char* v = attribute(e, std::string(name).c_str())) w.attribute(v);
    }
    for (unsigned i = 0; i < children->length; ++i) walk(static_cast<const GumboNode*>(children->data[i]), w, depth + 1, signs);
    if (block) w.paragraph();
    return;
  }
  for (unsigned i = 0; i < children->length; ++i) walk(static_cast<const GumboNode*>(children->data[i]), w, depth + 1, signs);
}

}  // namespace

HtmlText read_html(std::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 1000;
  const ShallowHtml shallow = limit_nesting(html, kMaxTagDepth);
  GumboOutput* output = gumbo_parse_with_options(&options, shallow.html.data(), shallow.html.size());
  TextWriter w;
  PageSigns signs;
  walk(output->document, w, 0, &signs);
  gumbo_destroy_output(&options, output);
  HtmlText out{w.take(), "", {}};
  if (shallow.dropped_tags > 0)
    out.warnings.push_back("elements nest up to " + std::to_string(shallow.deepest) + " levels deep; past " +
                           std::to_string(kMaxTagDepth) + " their tags were left out and their text read as plain text (" +
                           std::to_string(shallow.dropped_tags) + " tags)");
  if (w.skipped > 0)
    out.warnings.push_back(std::to_string(w.skipped) + " elements nested deeper than " + std::to_string(kMaxWalkDepth) +
                           " levels were not read");
  if (signs.notices > 0) out.as_hint = "notice";
  else if (signs.prose >= 3) out.as_hint = "document";
  return out;
}

std::string html_to_text(std::string_view html) { return read_html(html).text; }

bool looks_like_html(std::string_view text) {
  std::string head(text.substr(0, 1024));
  std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const std::size_t first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first == std::string::npos || head[first] != '<') return false;
  for (const char* tag : {"<!doctype html", "<html", "<head", "<body", "<div", "<p>", "<p ", "<span", "<section", "<dialog", "<meta", "<!--"})
    if (head.find(tag) != std::string::npos) return true;
  return false;
}

}  // namespace consentlens
