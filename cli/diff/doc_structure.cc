#include "diff/doc_structure.h"

#include <algorithm>
#include <cctype>

#include "passages.h"

namespace consentlens::docs {
namespace {

constexpr int kMaxTitleWords = 14;  // a title is short; a bold sentence of a clause is not a title
constexpr std::size_t kMaxTitleBytes = 200;  // where words are not spaced, the bytes tell a title from a paragraph
constexpr std::size_t kMinRule = 10;  // dashes that underline a title across a blank line (a short "---" is a rule)
constexpr int kMaxLabelWords = 8;   // "Product Research and Development:"

std::string_view trim(std::string_view s) { return trim_line(s); }

int words(std::string_view s) { return spaced_words(s); }

bool all_of_char(std::string_view s, char c) {
  s = trim(s);
  if (s.size() < 3) return false;
  for (char x : s)
    if (x != c) return false;
  return true;
}

// Drops a list marker ("* ", "- ", "27. ", "(a) ") and returns the indent it stood at.
std::size_t strip_list_marker(std::string_view& s) {
  std::size_t indent = 0;
  while (indent < s.size() && s[indent] == ' ') ++indent;
  std::string_view t = s.substr(indent);
  std::size_t i = 0;
  if (!t.empty() && (t[0] == '*' || t[0] == '-' || t[0] == '+') && t.size() > 1 && t[1] == ' ') i = 2;
  else {
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
    if (i > 0 && i + 1 < t.size() && (t[i] == '.' || t[i] == ')') && t[i + 1] == ' ') i += 2;
    else i = 0;
  }
  s = trim(t.substr(i));
  // "*   •**No AI Training on Your Data:** We do not ..." (Fireworks AI's privacy notice): a
  // typed bullet after the marker, or instead of one, is a marker too.
  for (std::string_view bullet : {"\u2022", "\u25E6", "\u25AA", "\u00B7", "\u2023", "\u25CF"})
    if (s.starts_with(bullet)) {
      s = trim(s.substr(bullet.size()));
      break;
    }
  return indent;
}

// "**Marketing Communications**", "**CUSTOMER CONTENT**", "**10\. NO WARRANTIES**": a line that is
// bold from end to end, short and no sentence.
bool bold_title(std::string_view s, std::string& title) {
  s = trim(s);
  if (s.size() < 5 || s.substr(0, 2) != "**") return false;
  std::string_view inner = s.substr(2);
  const std::size_t close = inner.find("**");
  if (close == std::string_view::npos || trim(inner.substr(close + 2)).find_first_not_of(":") != std::string_view::npos) return false;
  const std::string text = plain(inner.substr(0, close));
  // "**1\. KEY PRIVACY COMMITMENTS**" (Fireworks AI's privacy notice): the full stop of the
  // clause's number ends no sentence.
  std::string_view body = text;
  std::size_t number = 0;
  while (number < body.size() && (std::isdigit(static_cast<unsigned char>(body[number])) || (number > 0 && body[number] == '.'))) ++number;
  if (number > 0 && number < body.size() && body[number] == ' ') body.remove_prefix(number + 1);
  // "**C. Personal Information Collected from Other Sources**" (Bardeen's privacy policy), "**IV.
  // Your Rights**": a letter or a Roman number before its full stop is the title's number too.
  std::size_t letters = 0;
  while (letters < body.size() && letters < 4 && std::isalpha(static_cast<unsigned char>(body[letters])) &&
         (letters == 0 || std::string_view("IVXivx").find(body[letters]) != std::string_view::npos))
    ++letters;
  const bool roman = std::all_of(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(letters),
                                 [](char c) { return std::string_view("IVXivx").find(c) != std::string_view::npos; });
  if (number == 0 && letters > 0 && (letters == 1 || roman) && body.substr(letters, 2) == ". ") body.remove_prefix(letters + 2);
  // A whole paragraph in bold is no title ("**8.2 你理解并同意，...你授予公司...使用权，...。**", where
  // words are not spaced): a full stop of CJK scripts, or more bytes than a title takes.
  if (body.empty() || words(text) > kMaxTitleWords || body.back() == '.' || body.find(". ") != std::string::npos ||
      text.find("\xE3\x80\x82") != std::string::npos || text.size() > kMaxTitleBytes)
    return false;
  title = text;
  while (!title.empty() && title.back() == ':') title.pop_back();
  return true;
}

// "_Retention_", "*Sales, Sharing, and Targeted Advertising Activities*": a line in italics from
// end to end, short and no sentence (Grammarly's state-law notice titles its parts so).
bool italic_title(std::string_view s, std::string& title) {
  s = trim(s);
  if (s.size() < 3 || (s.front() != '_' && s.front() != '*') || s.back() != s.front() || s.substr(0, 2) == "**") return false;
  const std::string_view inner = s.substr(1, s.size() - 2);
  if (inner.find(s.front()) != std::string_view::npos) return false;
  const std::string text = plain(inner);
  if (text.empty() || words(text) > kMaxTitleWords || text.back() == '.' || text.find(". ") != std::string::npos) return false;
  title = text;
  return true;
}

// A label opening a paragraph: "**10.2 Service Generated Data; Consent to Use**. Customer ...",
// "**Product Research and Development:** If ...", "Intelligent Features: If enabled ...".
bool opening_label(std::string_view s, std::string& label) {
  // "9.2 **No training on Customer Data.** For the avoidance of doubt, ...": the clause's number
  // before its bold label belongs to the label.
  std::size_t digits = 0;
  while (digits < s.size() && (std::isdigit(static_cast<unsigned char>(s[digits])) || (digits > 0 && s[digits] == '.'))) ++digits;
  if (digits > 0 && digits + 3 < s.size() && s[digits] == ' ' && s.substr(digits + 1, 2) == "**") {
    std::string inner;
    if (!opening_label(s.substr(digits + 1), inner)) return false;
    std::string number(s.substr(0, digits));
    while (!number.empty() && number.back() == '.') number.pop_back();
    label = number + " " + inner;
    return true;
  }
  if (s.substr(0, 2) == "**") {
    const std::size_t close = s.find("**", 2);
    if (close == std::string_view::npos) return false;
    std::string text = plain(s.substr(2, close - 2));
    while (!text.empty() && (text.back() == ':' || text.back() == '.' || text.back() == ' ')) text.pop_back();
    const std::string_view after = s.substr(close + 2);
    const bool closed = !after.empty() && (after[0] == '.' || after[0] == ':' || after[0] == ' ');
    const bool ends_label = s.substr(2, close - 2).find_last_of(":.") != std::string_view::npos || (!after.empty() && (after[0] == '.' || after[0] == ':'));
    if (text.empty() || words(text) > kMaxTitleWords || !closed || !ends_label) return false;
    label = text;
    return true;
  }
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 >= s.size() || s[colon + 1] != ' ') return false;
  const std::string_view head = s.substr(0, colon);
  if (words(head) > kMaxLabelWords || !std::isupper(static_cast<unsigned char>(head[0])) ||
      head.find_first_of(".,;") != std::string_view::npos)
    return false;
  label = plain(head);
  return true;
}

// The paragraph after its opening label: "**10.2 Title**. Customer ..." -> "Customer ...".
std::string_view after_label(std::string_view s) {
  std::size_t end = 0;
  const std::size_t bold = s.find("**");
  // "**Label.**" at the start, or after the clause's number ("9.2 **Label.**").
  if (bold != std::string_view::npos && s.find_first_not_of("0123456789. ") >= bold) end = s.find("**", bold + 2) + 2;
  else end = s.find(':') + 1;
  while (end < s.size() && (s[end] == '.' || s[end] == ':' || s[end] == ' ')) ++end;
  return s.substr(end);
}

bool numbered(const std::string& label) { return !label.empty() && std::isdigit(static_cast<unsigned char>(label[0])); }

bool ends_sentence(std::string_view t, std::size_t i) {
  // The ideographic full stop takes no space after it ("...发生任何改变。同时,..."); nor do the
  // full-width marks NFKC made ASCII when the next word is Chinese or Japanese.
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(t[k]); };
  if (i >= 2 && byte(i) == 0x82 && byte(i - 1) == 0x80 && byte(i - 2) == 0xE3) return true;
  if ((t[i] == '!' || t[i] == '?') && i + 1 < t.size() && byte(i + 1) >= 0xE3) return true;
  if (t[i] != '.' && t[i] != '!' && t[i] != '?') return false;
  if (i + 1 < t.size() && t[i + 1] != ' ') return false;
  if (t[i] != '.') return true;
  // Not after an abbreviation, an initial or a number ("Inc.", "e.g.", "U.S.", "10.").
  std::size_t w = i;
  while (w > 0 && t[w - 1] != ' ' && t[w - 1] != '(') --w;
  std::string word(t.substr(w, i - w));
  for (auto& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // "... in accordance with Section 10.3. If you ...": a number ends a sentence when a capital
  // follows and it does not open the paragraph (where it is the clause's own number, "10.").
  if (!word.empty() && std::isdigit(static_cast<unsigned char>(word[0])))
    return w > 0 && i + 2 < t.size() && std::isupper(static_cast<unsigned char>(t[i + 2]));
  if (word.size() <= 1) return letter_ends_sentence(t, i);
  // German, French and Spanish legal writing: "Art. 6 Abs. 1 lit. f DSGVO", "z. B.", "cf.", "p. ej.".
  for (const char* a : {"inc", "ltd", "llc", "corp", "co", "etc", "e.g", "i.e", "no", "vs", "u.s", "u.k", "incl", "sec", "para", "art", "abs", "nr",
                        "lit", "bzw", "z.b", "ggf", "vgl", "ca", "bspw", "inkl", "d.h", "u.a", "usw", "gem", "cf", "p.ex", "env", "núm", "p.ej", "ej"})
    if (word == a) return false;
  return true;
}

std::string key_of(std::string_view text) {
  std::string k;
  bool gap = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    // "(i)", "(ii)", "(a)": enumeration marks that renumbering moves around.
    if (c == '(' && i + 3 < text.size()) {
      std::size_t j = i + 1;
      while (j < text.size() && j - i <= 5 && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
      if (j < text.size() && text[j] == ')' && j - i <= 5) {
        i = j;
        gap = true;
        continue;
      }
    }
    if (std::isalnum(c) || c >= 0x80) {
      if (gap && !k.empty()) k += ' ';
      gap = false;
      k += static_cast<char>(std::tolower(c));
    } else {
      gap = true;
    }
  }
  return k;
}

// "[![ChatGPT](https://cdn.../logo.svg "ChatGPT")ChatGPT](https://chatgpt.com/?q=...)": an image
// says nothing a version states, and inside a link it hides where the link's text ends (a page's
// "ask an AI about this page" buttons, Fireworks AI, 2025).
// Where the Markdown link or image that opens at `i` ("[text](target)") has its text end ("](")
// and its closing bracket, on the same line; npos for both when it is none.
struct LinkEnds {
  std::size_t text_end = std::string_view::npos, close = std::string_view::npos;
};
LinkEnds link_at(std::string_view line, std::size_t i) {
  const std::size_t text_end = line.find("](", i);
  const std::size_t close = text_end == std::string_view::npos ? std::string_view::npos : line.find(')', text_end);
  if (close == std::string_view::npos || line.find('\n', i) < close) return {};
  return {text_end, close};
}

std::string without_images(std::string_view line) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '!' && i + 1 < line.size() && line[i + 1] == '[' && (i == 0 || line[i - 1] != '\\')) {
      const std::size_t end = link_at(line, i).close;
      if (end != std::string_view::npos) {
        i = end;
        continue;
      }
    }
    out += line[i];
  }
  return out;
}

// "[Privacy Policy](...)[Personal Information We Collect](...)[How We Share ...](...)": a line
// of two or more links and nothing else is a page's navigation or table of contents (Grindr's
// privacy pages, 2024). Run together, its link texts read as one long sentence full of data
// words; it states nothing a version says.
bool only_links(std::string_view raw) {
  const std::string kept = without_images(raw);
  const std::string_view line = kept;
  std::size_t links = 0;
  for (std::size_t i = 0; i < line.size();) {
    const char c = line[i];
    if (c == ' ' || c == '\t' || c == '|' || c == ',' || c == '/' || c == '-') {
      ++i;
      continue;
    }
    if (c != '[') return false;
    const std::size_t end = link_at(line, i).close;
    if (end == std::string_view::npos) return false;
    ++links;
    i = end + 1;
  }
  return links >= 2;
}

class Reader {
 public:
  Document run(std::string_view md) {
    std::vector<std::string_view> lines;
    for (std::size_t b = 0; b <= md.size();) {
      std::size_t e = md.find('\n', b);
      if (e == std::string_view::npos) e = md.size();
      lines.push_back(md.substr(b, e - b));
      b = e + 1;
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
      std::string_view line = trim(lines[i]);
      if (line.empty()) continue;
      if (i + 1 < lines.size() && (all_of_char(lines[i + 1], '=') || all_of_char(lines[i + 1], '-')) && words(line) <= kMaxTitleWords) {
        heading(all_of_char(lines[i + 1], '=') ? 1 : 2, plain(line));
        ++i;
        continue;
      }
      // "California Notice at Collection ...", a blank line, then a long rule of dashes: an
      // underlined heading a page capture pulled apart (a title: short, no full stop).
      // Plain text only (no list item, table row, heading mark or bold), with a blank line before.
      const bool plain_line = line.find_first_of("*#|_") == std::string_view::npos && !std::isdigit(static_cast<unsigned char>(line[0])) &&
                              line[0] != '-' && line[0] != '+' && line[0] != kRowContinues;
      if (plain_line && (i == 0 || trim(lines[i - 1]).empty()) && i + 2 < lines.size() && trim(lines[i + 1]).empty() &&
          trim(lines[i + 2]).size() >= kMinRule && (all_of_char(lines[i + 2], '=') || all_of_char(lines[i + 2], '-')) &&
          words(line) <= kMaxTitleWords && line.back() != '.') {
        heading(all_of_char(lines[i + 2], '=') ? 1 : 2, plain(line));
        i += 2;
        continue;
      }
      if (line[0] == '#') {
        std::size_t level = 0;
        while (level < line.size() && line[level] == '#') ++level;
        heading(static_cast<int>(level), plain(line.substr(level)));
        continue;
      }
      if (only_links(line)) continue;
      std::string_view body = lines[i];
      // The next cell of a table row: the row's paragraph goes on.
      continues_row_ = line[0] == kRowContinues;
      if (continues_row_) {
        body = trim(body).substr(1);
        if (trim(body).empty()) continue;
      }
      const std::size_t length = trim(body).size();
      const std::size_t indent = strip_list_marker(body);
      // "b) las valoraciones ...": a letter item keeps its mark in the text, a number or bullet does not.
      list_item_ = body.size() < length || (body.size() > 3 && std::isalpha(static_cast<unsigned char>(body[0])) && body[1] == ')' && body[2] == ' ');
      std::string title;
      if (bold_title(body, title)) {
        heading(3, title);
        continue;
      }
      if (!list_item_ && italic_title(body, title)) {
        heading(4, title);
        continue;
      }
      std::string joined;
      if (!continues_row_) i = join_wrapped(lines, i, body, joined);
      paragraph(joined.empty() ? body : std::string_view(joined), indent);
    }
    return std::move(doc_);
  }

 private:
  // A paragraph whose lines were wrapped apart (a text file wrapped at a width, a PDF's table
  // cells one line each with a blank line between) is read whole, as the checker reads it
  // (line_goes_on, passages.h), across one blank line at most (the normaliser keeps no more).
  // Returns the index of the last line read into `joined` (left empty when the paragraph is the
  // one line).
  static std::size_t join_wrapped(const std::vector<std::string_view>& lines, std::size_t i, std::string_view body, std::string& joined) {
    std::string_view tail = body;
    std::size_t last = i;
    while (true) {
      std::size_t j = last + 1;
      const bool blank_between = j < lines.size() && trim(lines[j]).empty();
      if (blank_between) ++j;
      if (j >= lines.size()) break;
      const std::string_view next = trim(lines[j]);
      if (!line_goes_on(tail, next, blank_between) || only_links(next)) break;
      // "Title" over a line of "=" or "-" is a heading.
      if (j + 1 < lines.size() && (all_of_char(lines[j + 1], '=') || all_of_char(lines[j + 1], '-'))) break;
      if (joined.empty()) joined = std::string(body);
      joined += ' ';
      joined += next;
      tail = next;
      last = j;
    }
    return last;
  }

  struct Heading {
    int level;
    std::string title;
  };

  void heading(int level, const std::string& title) {
    while (!path_.empty() && path_.back().level >= level) path_.pop_back();
    path_.push_back({level, title});
    label_.clear();
  }

  std::string section_for(const std::string& label) const {
    if (numbered(label)) return label;
    // "6. Privacy": a numbered heading names its section on its own, as the document cites it.
    if (label.empty() && !path_.empty() && numbered(path_.back().title)) return path_.back().title;
    std::string s;
    for (const auto& h : path_) {
      if (h.level > 2 && !label.empty()) continue;  // "Heading > Label", not every level between
      if (!s.empty()) s += " > ";
      s += h.title;
    }
    if (!label.empty()) s += (s.empty() ? "" : " > ") + label;
    return s;
  }

  void paragraph(std::string_view body, std::size_t indent) {
    std::string label;
    if (opening_label(body, label)) {
      label_ = label;
      label_indent_ = indent;
      body = after_label(body);  // the title names the section; it is not a sentence of it
      label_from_item_ = list_item_;
    } else if (!label_.empty() && (indent < label_indent_ || (label_from_item_ && !list_item_ && indent <= label_indent_))) {
      // A list item less deep than the label's, or a plain paragraph after a list whose item the
      // label opened ("* **Move your data out of Grammarly.** ..." then "To exercise any other
      // rights ..."): the label no longer applies.
      label_.clear();
    }
    const std::string section = section_for(label_);
    const std::string text = plain(body);
    if (text.empty()) return;
    if (continues_row_ && paragraph_ > 0 && !doc_.sentences.empty() && doc_.sentences.back().paragraph + 1 == paragraph_) --paragraph_;
    if (!doc_.text.empty()) doc_.text += "\n\n";
    const std::size_t base = doc_.text.size();
    doc_.text += text;
    std::size_t b = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (!ends_sentence(text, i)) continue;
      add(section, base, text, b, i + 1);
      b = i + 1;
    }
    add(section, base, text, b, text.size());
    ++paragraph_;
  }

  void add(const std::string& section, std::size_t base, const std::string& text, std::size_t b, std::size_t e) {
    while (b < e && text[b] == ' ') ++b;
    while (e > b && text[e - 1] == ' ') --e;
    if (e <= b) return;
    Sentence s;
    s.section = section;
    if (!path_.empty()) s.heading = path_.back().title;
    s.paragraph = paragraph_;
    s.list_item = list_item_;
    s.row_cell = continues_row_;
    s.text = text.substr(b, e - b);
    s.key = key_of(s.text);
    s.begin = base + b;
    s.end = base + e;
    if (!s.key.empty()) doc_.sentences.push_back(std::move(s));
  }

  Document doc_;
  std::vector<Heading> path_;
  std::string label_;
  std::size_t label_indent_ = 0;
  std::size_t paragraph_ = 0;
  bool list_item_ = false;  // the line being read opened with a list marker
  bool label_from_item_ = false;  // the label in force opened a list item
  bool continues_row_ = false;  // the line being read is a further cell of the table row before it
};

}  // namespace

std::string plain(std::string_view raw) {
  const std::string kept = without_images(raw);
  const std::string_view line = kept;
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\\' && i + 1 < line.size() && std::ispunct(static_cast<unsigned char>(line[i + 1]))) {
      out += line[++i];
      continue;
    }
    if (c == '*' || (c == '_' && (i == 0 || line[i - 1] == ' ' || i + 1 == line.size() || line[i + 1] == ' '))) continue;
    if (c == '[') {  // [text](target): keep the text
      if (const LinkEnds link = link_at(line, i); link.close != std::string_view::npos) {
        out += plain(line.substr(i + 1, link.text_end - i - 1));
        i = link.close;
        continue;
      }
    }
    out += c;
  }
  std::string collapsed;
  for (char c : out) {
    if (c == ' ' || c == '\t' || c == '\r') {
      if (!collapsed.empty() && collapsed.back() != ' ') collapsed += ' ';
    } else {
      collapsed += c;
    }
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

Document read_document(std::string_view markdown) { return Reader().run(markdown); }

}  // namespace consentlens::docs
