#include "markup_mask.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

#include "passages.h"

namespace consentlens {
namespace {

// Where an address ends: white space, a closing bracket or a quote ("(see https://x.com)").
bool ends_address(char c) {
  return std::isspace(static_cast<unsigned char>(c)) || c == ')' || c == ']' || c == '>' || c == '"' || c == '\'' || c == '<';
}

bool starts_with_ci(std::string_view s, std::size_t at, std::string_view prefix) {
  if (s.size() - at < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(s[at + k])) != prefix[k]) return false;
  return true;
}

void blank(std::string& text, std::size_t from, std::size_t end) {
  for (std::size_t k = from; k < end; ++k) text[k] = ' ';
}

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-'; }

// A bare address: its scheme and its path go, its host stays. The host is what a reader sees as
// a name ("app.read.ai" names Read AI's bot); its path is not words ("/analytics/opt-out/01").
// Punctuation that ends the sentence after the address stays.
std::size_t blank_address(std::string& text, std::size_t at, std::size_t scheme) {
  std::size_t end = at;
  while (end < text.size() && !ends_address(text[end])) ++end;
  while (end > at && (text[end - 1] == '.' || text[end - 1] == ',' || text[end - 1] == ';' || text[end - 1] == ':')) --end;
  blank(text, at, at + scheme);
  std::size_t path = at + scheme;
  while (path < end && text[path] != '/' && text[path] != '?' && text[path] != '#') ++path;
  blank(text, path, end);
  return end;
}

}  // namespace

bool mask_links(std::string& text) {
  bool changed = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ']' && i + 1 < text.size() && text[i + 1] == '(') {
      // A Markdown link's target is never shown: all of it goes, up to its closing bracket.
      const std::size_t close = text.find(')', i + 2);
      const std::size_t line_end = text.find('\n', i + 2);
      if (close != std::string::npos && (line_end == std::string::npos || close < line_end) && close > i + 2) {
        blank(text, i + 2, close);
        changed = true;
        i = close;
      }
      continue;
    }
    // Most bytes start nothing: only an 'h' can open "http".
    if ((text[i] | 0x20) != 'h' || (i > 0 && word_char(text[i - 1]))) continue;
    std::size_t scheme = 0;
    if (starts_with_ci(text, i, "https://")) scheme = 8;
    else if (starts_with_ci(text, i, "http://")) scheme = 7;
    if (scheme == 0) continue;
    i = blank_address(text, i, scheme);
    changed = true;
  }
  return changed;
}

namespace {

// An HTML or JSX tag at `at` ("<li>", "</td>", "<br />", '<td className="border px-4">',
// "<section className={styles.box}>", a tag whose attributes go over lines): its length, else 0,
// with its name in lower case in `name`. After the name come only attributes: a name, then
// "=" and a quoted value, a value in braces (which may hold '>': "onClick={() => open()}") or a
// bare value, or a spread in braces. So no address in brackets ("<privacy@example.com>"), no
// comparison ("a < b", "files <a few MB are kept for 30 days"), no generic type ("Map<String,
// Object>") and no placeholder with a number or a quote in it ("<Section 5>", "<Your company's
// name>") is a tag; "<Company Name>" is one, and is blanked.
constexpr std::size_t kMaxTagBytes = 2048;
constexpr std::size_t kMaxBracesBytes = 512;  // a value in braces: a JSX expression

bool attribute_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' || c == '.' || c == '@';
}

// The end of the braces opened at `k` (past the '}'), or npos.
std::size_t skip_braces(std::string_view s, std::size_t k) {
  int depth = 0;
  char quote = 0;
  for (std::size_t i = k; i < s.size() && i - k < kMaxBracesBytes; ++i) {
    const char c = s[i];
    if (quote) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'' || c == '`') {
      quote = c;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}' && --depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

std::size_t tag_at(std::string_view s, std::size_t at, std::string& name) {
  std::size_t k = at + 1;
  if (k < s.size() && s[k] == '/') ++k;
  const std::size_t name_begin = k;
  if (k >= s.size() || !std::isalpha(static_cast<unsigned char>(s[k]))) return 0;
  while (k < s.size() && (std::isalnum(static_cast<unsigned char>(s[k])) || s[k] == '-' || s[k] == '.')) ++k;
  name.clear();
  for (std::size_t c = name_begin; c < k; ++c) name += static_cast<char>(std::tolower(static_cast<unsigned char>(s[c])));
  while (k < s.size() && k - at < kMaxTagBytes) {
    const std::size_t before = k;
    while (k < s.size() && std::isspace(static_cast<unsigned char>(s[k]))) ++k;
    if (k >= s.size()) return 0;
    if (s[k] == '>') return k + 1 - at;
    if (s[k] == '/') return k + 1 < s.size() && s[k + 1] == '>' ? k + 2 - at : 0;
    if (k == before) return 0;  // an attribute must follow a space
    if (s[k] == '{') {           // a spread: {...props}
      k = skip_braces(s, k);
      if (k == std::string_view::npos) return 0;
      continue;
    }
    if (!std::isalpha(static_cast<unsigned char>(s[k])) && s[k] != '_' && s[k] != '@' && s[k] != ':') return 0;
    while (k < s.size() && attribute_name_char(s[k])) ++k;
    if (k >= s.size() || s[k] != '=') continue;  // an attribute without a value
    ++k;
    if (k >= s.size()) return 0;
    if (s[k] == '"' || s[k] == '\'') {
      const std::size_t close = s.find(s[k], k + 1);
      if (close == std::string_view::npos || close - at >= kMaxTagBytes) return 0;
      k = close + 1;
    } else if (s[k] == '{') {
      k = skip_braces(s, k);
      if (k == std::string_view::npos) return 0;
    } else {
      const std::size_t value = k;
      while (k < s.size() && !std::isspace(static_cast<unsigned char>(s[k])) && s[k] != '>' && s[k] != '"' && s[k] != '\'' && s[k] != '<') ++k;
      if (k == value) return 0;
    }
  }
  return 0;
}

// The tags that open or close a block a reader sees apart (a paragraph, a list item, a table
// cell, a heading); others ("<strong>", "<a href=...>", a JSX component) sit inside a sentence.
bool block_tag(std::string_view name) {
  static constexpr std::string_view kBlocks[] = {
      "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "div", "dl", "dt",
      "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
      "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
      "thead", "title", "tr", "ul"};
  for (std::string_view b : kBlocks)
    if (name == b) return true;
  return false;
}

// A character reference ("&quot;", "&amp;", "&#39;", "&#x2019;") at `at`: its length, else 0.
// Named ones only from those pages use for text ("AT&T;" and "R&D;" are words and a sentence end).
std::size_t entity_at(std::string_view s, std::size_t at) {
  static constexpr std::string_view kNamed[] = {"quot", "amp", "lt", "gt", "nbsp", "apos", "mdash", "ndash", "rsquo", "lsquo",
                                                "rdquo", "ldquo", "hellip", "copy", "reg", "trade", "bull", "middot", "euro",
                                                "laquo", "raquo", "shy", "zwnj", "zwj", "thinsp", "ensp", "emsp"};
  std::size_t k = at + 1;
  if (k < s.size() && s[k] == '#') {
    ++k;
    const bool hex = k < s.size() && (s[k] == 'x' || s[k] == 'X');
    if (hex) ++k;
    const std::size_t first = k;
    while (k < s.size() && k - first < 8 && (hex ? std::isxdigit(static_cast<unsigned char>(s[k])) : std::isdigit(static_cast<unsigned char>(s[k])))) ++k;
    return k > first && k < s.size() && s[k] == ';' ? k + 1 - at : 0;
  }
  const std::size_t first = k;
  while (k < s.size() && k - first < 8 && std::isalpha(static_cast<unsigned char>(s[k]))) ++k;
  if (k >= s.size() || s[k] != ';') return 0;
  const std::string_view word = s.substr(first, k - first);
  return std::find(std::begin(kNamed), std::end(kNamed), word) != std::end(kNamed) ? k + 1 - at : 0;
}

}  // namespace

bool break_markup_lines(std::string& text) {
  bool changed = false;
  bool in_table_row = false;
  std::string name;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      in_table_row = i + 1 < text.size() && text[i + 1] == '|';
      continue;
    }
    if (i == 0 && text[0] == '|') in_table_row = true;
    if (text[i] == '&') {
      // Markup's spelling of a character ("&quot;AI Pet Talk&quot;") is no word: it goes, but for
      // the ampersand "&amp;" stands for.
      if (const std::size_t n = entity_at(text, i)) {
        const std::string_view ref = std::string_view(text).substr(i, n);
        const bool ampersand = ref == "&amp;";
        const bool apostrophe = ref == "&apos;" || ref == "&#39;" || ref == "&#039;" || ref == "&rsquo;" || ref == "&#8217;" || ref == "&#x27;" ||
                                ref == "&#x2019;";
        if (apostrophe && i > 0 && std::isalpha(static_cast<unsigned char>(text[i - 1]))) {
          // "don&apos;t" reads "don't": the rest of the word moves up to the apostrophe and the
          // spaces go after it, so the word stays whole and what follows keeps its offset.
          std::size_t rest = i + n;
          while (rest < text.size() && std::isalpha(static_cast<unsigned char>(text[rest]))) ++rest;
          text[i] = '\'';
          const std::size_t moved = rest - (i + n);
          for (std::size_t k = 0; k < moved; ++k) text[i + 1 + k] = text[i + n + k];
          blank(text, i + 1 + moved, rest);
          i = rest - 1;
        } else {
          blank(text, i + (ampersand ? 1 : 0), i + n);
          i += n - 1;
        }
        changed = true;
      }
      continue;
    }
    if (text[i] != '<' && text[i] != '|') continue;
    if (text[i] == '<') {
      const std::size_t n = tag_at(text, i, name);
      if (n == 0) continue;
      const bool closing = i + 1 < text.size() && text[i + 1] == '/';
      if (block_tag(name)) {
        // Two new lines (a tag is at least 3 bytes): a block, or a break between two thoughts, ends
        // as a paragraph does; the tag's own words ("className=...") are not the text's. An opening
        // list item or heading (4 bytes or more) keeps what it is, as Markdown writes it ("- ",
        // "# "), for the readers of items and titles (passages.h).
        for (std::size_t k = i; k < i + n; ++k) text[k] = k < i + 2 ? '\n' : ' ';
        const bool opening = !closing && n >= 4;
        if (opening && name == "li") text[i + 2] = '-';
        if (opening && name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') text[i + 2] = '#';
      } else {
        blank(text, i, i + n);
      }
      i += n - 1;
      changed = true;
    } else if (in_table_row && (i == 0 || text[i - 1] != '\\')) {
      text[i] = '\n';
      changed = true;
    }
  }
  return changed;
}

bool join_wrapped_lines(std::string& text, const Lexicon* notice) {
  bool changed = false;
  std::size_t line_begin = 0;
  while (line_begin < text.size()) {
    const std::size_t brk = text.find('\n', line_begin);
    if (brk == std::string::npos) break;
    const bool blank_between = brk + 1 < text.size() && text[brk + 1] == '\n';
    const std::size_t next_begin = brk + (blank_between ? 2 : 1);
    std::size_t next_end = text.find('\n', next_begin);
    if (next_end == std::string::npos) next_end = text.size();
    const std::string_view view(text);
    const std::string_view line = view.substr(line_begin, brk - line_begin), next = view.substr(next_begin, next_end - next_begin);
    // A notice's next line that names an activity is a status of its own ("... for this meeting" over
    // "live transcription is on").
    const bool joins = notice ? !blank_between && notice_line_goes_on(line, next) && !notice->any("rec", next) &&
                                    !notice->any("transcribe", next) && !notice->any("stream", next)
                              : line_goes_on(line, next, blank_between);
    if (joins) {
      for (std::size_t k = brk; k < next_begin; ++k) text[k] = ' ';
      changed = true;
    }
    line_begin = next_begin;
  }
  return changed;
}

bool has_status_separator(std::string_view text) {
  for (std::string_view sep : {" \u00B7 ", " \u2022 ", " | "})
    if (text.find(sep) != std::string_view::npos) return true;
  return false;
}

bool break_status_separators(const Lexicon& lexicon, std::string& text) {
  bool changed = false;
  std::vector<std::size_t> seps;  // where each separator's space before it stands
  std::vector<std::size_t> widths;
  for (std::size_t line = 0; line < text.size();) {
    std::size_t end = text.find('\n', line);
    if (end == std::string::npos) end = text.size();
    seps.clear();
    widths.clear();
    for (std::size_t at = line + 1; at + 1 < end; ++at) {
      if (text[at - 1] != ' ') continue;
      if (!seps.empty() && at - 1 < seps.back() + widths.back()) continue;  // "a · · b": inside the one before
      for (std::string_view sep : {"\u00B7", "\u2022", "|"})
        if (std::string_view(text).substr(at, sep.size()) == sep && at + sep.size() < end && text[at + sep.size()] == ' ') {
          seps.push_back(at - 1);
          widths.push_back(sep.size() + 2);
        }
    }
    // Only a bar of activities ("Recording · Transcription paused"): two parts or more name one.
    // Buttons after a question ("... recorded? Yes, I consent | No, I do not consent") stay
    // together, as the consent they give needs the question.
    std::size_t naming = 0;
    for (std::size_t k = 0; k <= seps.size(); ++k) {
      const std::size_t b = k == 0 ? line : seps[k - 1] + widths[k - 1];
      const std::size_t e = k == seps.size() ? end : seps[k];
      const std::string_view part = std::string_view(text).substr(b, e - b);
      if (lexicon.any("rec", part) || lexicon.any("transcribe", part) || lexicon.any("stream", part)) ++naming;
    }
    if (!seps.empty() && naming >= 2)
      for (std::size_t k = 0; k < seps.size(); ++k) {
        // " · " becomes "\n", kStatusPart and spaces: a line, and a part of its own (scan.cc).
        text[seps[k]] = '\n';
        text[seps[k] + 1] = kStatusPart;
        for (std::size_t x = seps[k] + 2; x < seps[k] + widths[k]; ++x) text[x] = ' ';
        changed = true;
      }
    line = end + 1;
  }
  return changed;
}

}  // namespace consentlens
