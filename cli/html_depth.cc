#include "html_depth.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace consentlens {
namespace {

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_void(std::string_view n) {
  return one_of(n, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"});
}
// Elements whose contents are not markup: copied whole, wherever they are.
bool is_raw_text(std::string_view n) {
  return one_of(n, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"});
}
// Elements whose text a person never reads (html_text.cc drops them); past the limit their tags
// cannot be dropped without showing their contents, so the whole element goes.
bool is_hidden_subtree(std::string_view n) { return one_of(n, {"svg", "math", "template", "noscript"}); }
bool is_block(std::string_view n) {
  return one_of(n, {"address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl", "dt",
                    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
                    "header", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
                    "td", "tfoot", "th", "thead", "tr", "ul", "button", "label", "option"});
}
// A start tag of these closes an open one of the same name (HTML's implied end tags), so a list
// of unclosed <li> does not count as nesting.
bool closes_its_twin(std::string_view n) {
  return one_of(n, {"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "rb", "rt", "rp"});
}

// How far an end tag looks down the stack for its start tag: a stray end tag must not cost a
// walk down 200,000 open elements.
constexpr std::size_t kEndTagReach = 16;

struct Tag {
  std::size_t end = std::string_view::npos;  // just past '>'; npos: not a tag, '<' is text
  std::string name;                          // lower case
  bool closing = false;
  bool self_closing = false;
};

Tag read_tag(std::string_view html, std::size_t at) {
  Tag t;
  std::size_t i = at + 1;
  if (i < html.size() && html[i] == '/') {
    t.closing = true;
    ++i;
  }
  if (i >= html.size() || !std::isalpha(static_cast<unsigned char>(html[i]))) return t;
  while (i < html.size() && !std::isspace(static_cast<unsigned char>(html[i])) && html[i] != '/' && html[i] != '>')
    t.name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[i++])));
  // Attributes: a quoted value may hold '>'.
  bool after_equals = false;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '>') {
      t.self_closing = i > at + 1 && html[i - 1] == '/';
      t.end = i + 1;
      return t;
    }
    if (after_equals && (c == '"' || c == '\'')) {
      const std::size_t close = html.find(c, i + 1);
      if (close == std::string_view::npos) return Tag{};
      i = close + 1;
      after_equals = false;
      continue;
    }
    if (c == '=') after_equals = true;
    else if (!std::isspace(static_cast<unsigned char>(c))) after_equals = false;
    ++i;
  }
  return Tag{};  // no '>' before the end: the parser reads it as text too
}

// Where the element that starts just before `from` ends: past its "</name ...>", or the end.
std::size_t past_end_tag(std::string_view html, std::size_t from, std::string_view name) {
  for (std::size_t i = html.find("</", from); i != std::string_view::npos; i = html.find("</", i + 2)) {
    if (i + 2 + name.size() > html.size()) break;
    bool same = true;
    for (std::size_t k = 0; k < name.size() && same; ++k)
      same = std::tolower(static_cast<unsigned char>(html[i + 2 + k])) == name[k];
    if (!same) continue;
    const std::size_t close = html.find('>', i);
    return close == std::string_view::npos ? html.size() : close + 1;
  }
  return html.size();
}

}  // namespace

// Over 60 lines on purpose: one scanner loop whose cases all share the open-element stack and
// the copy position; split, each part would take and return all of that state.
ShallowHtml limit_nesting(std::string_view html, std::size_t max_depth) {
  ShallowHtml out;
  std::vector<std::string> open;
  std::size_t copied = 0;  // html[0, copied) is already in out.html
  auto drop = [&](std::size_t from, std::size_t to, std::string_view name) {
    out.html.append(html.substr(copied, from - copied));
    if (is_block(name)) out.html += "<br>";
    copied = to;
    ++out.dropped_tags;
  };

  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      const std::size_t close = html.find("-->", i + 4);
      i = close == std::string_view::npos ? html.size() : close + 3;
      continue;
    }
    if (i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) {
      const std::size_t close = html.find('>', i);
      i = close == std::string_view::npos ? html.size() : close + 1;
      continue;
    }
    const Tag tag = read_tag(html, i);
    if (tag.end == std::string_view::npos) {
      ++i;
      continue;
    }
    if (!tag.closing) {
      if (is_raw_text(tag.name) && !tag.self_closing) {
        i = past_end_tag(html, tag.end, tag.name);
        continue;
      }
      if (tag.self_closing || is_void(tag.name)) {
        i = tag.end;
        continue;
      }
      if (closes_its_twin(tag.name) && !open.empty() && open.back() == tag.name) open.pop_back();
      if (open.size() >= max_depth && is_hidden_subtree(tag.name)) {
        const std::size_t end = past_end_tag(html, tag.end, tag.name);
        drop(i, end, tag.name);
        i = end;
        continue;
      }
      open.push_back(tag.name);
      out.deepest = std::max(out.deepest, open.size());
      if (open.size() > max_depth) drop(i, tag.end, tag.name);
      i = tag.end;
      continue;
    }
    // An end tag closes its element and whatever was left open inside it; one that matches
    // nothing near the top of the stack is left to the parser.
    const std::size_t reach = std::min(open.size(), kEndTagReach);
    std::size_t match = 0;
    for (std::size_t k = 1; k <= reach && match == 0; ++k)
      if (open[open.size() - k] == tag.name) match = k;
    const std::size_t depth_of_element = open.size() - (match == 0 ? 0 : match - 1);
    if (depth_of_element > max_depth) drop(i, tag.end, tag.name);
    if (match != 0) open.resize(open.size() - match);
    i = tag.end;
  }
  if (out.dropped_tags == 0) {
    out.html.assign(html);
    return out;
  }
  out.html.append(html.substr(copied));
  return out;
}

}  // namespace consentlens
