#include "diff/version_input.h"

#include <cctype>

#include "contract.h"
#include "diff/company_name.h"
#include "doc_date.h"
#include "html_text.h"
#include "input.h"
#include "normalize.h"
#include "markup_mask.h"
#include "own_names.h"
#include "utf8.h"

namespace consentlens::docs {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Each line of `text` (without its newline) given to `rewrite`, which appends what stands for it.
template <typename Rewrite>
void rewrite_lines(std::string& text, Rewrite rewrite) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t b = 0; b < text.size();) {
    std::size_t e = text.find('\n', b);
    if (e == std::string::npos) e = text.size();
    rewrite(std::string_view(text.data() + b, e - b), out);
    if (e < text.size()) out += '\n';
    b = e + 1;
  }
  text = std::move(out);
}

// "|---|:---:|": a Markdown table's rule row, which would otherwise read as a heading's underline
// once the cells are lines of their own.
void drop_table_rules(std::string& text) {
  rewrite_lines(text, [](std::string_view line, std::string& out) {
    const bool rule = line.find('|') != std::string_view::npos && line.find('-') != std::string_view::npos &&
                      line.find_first_not_of("|-: ") == std::string_view::npos;
    if (!rule) out.append(line);
  });
}

// A Markdown table row's cells and the "<br>" breaks inside them become lines of their own, each
// opened by kRowContinues (doc_structure.h), so a row stays one paragraph: its first cell ("To
// improve the Services and conduct research (including model training)") leads the items of
// the others ("* Feedback<br>* Study Participation Data").
void break_table_rows(std::string& text) {
  rewrite_lines(text, [](std::string_view line, std::string& out) {
    const std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] != '|') {
      out.append(line);
      return;
    }
    for (std::size_t i = first + 1; i < line.size(); ++i) {
      const bool bar = line[i] == '|' && line[i - 1] != '\\';
      std::size_t br = 0;
      if (line.compare(i, 3, "<br") == 0 || line.compare(i, 3, "<BR") == 0) {
        br = line.find('>', i);
        br = br == std::string_view::npos || br - i > 6 ? 0 : br + 1 - i;
      }
      if (bar || br) {
        out += '\n';
        out += kRowContinues;
        if (br) i += br - 1;
      } else {
        out += line[i];
      }
    }
  });
}

}  // namespace

Version read_version(const Lexicon& lexicon, const std::string& file, const std::string& date) {
  Version v;
  v.name = file == "-" ? "standard input" : file;
  std::string raw = read_input(file);
  if (looks_binary(raw)) throw UsageError(v.name + ": looks like a binary file, not text or HTML");
  const Utf8Repair repaired = repair_utf8(raw);
  std::string text = detect_format(file, repaired.text) == Format::html ? read_html(repaired.text).text : repaired.text;
  text = normalize(text).text;
  drop_table_rules(text);
  break_table_rows(text);
  break_markup_lines(text);  // "<br>" breaks outside tables are lines of their own
  v.date = !date.empty() ? date : document_date(lexicon, text);
  if (v.date.empty()) v.date = date_in_name(file);
  v.doc = read_document(text);
  return v;
}

Company company_of(const Lexicon& lexicon, const std::string& vendor, const Document& doc) {
  // The title ("Twitter Terms of Service") is a heading: the first sentence's section names it.
  const std::string text = (doc.sentences.empty() ? std::string() : doc.sentences.front().section + "\n\n") + doc.text;
  Company c;
  c.vendor = vendor.empty() ? "other" : vendor;
  c.name = std::string(contract::label("vendors", c.vendor));
  if (c.vendor == "other") {
    const std::string named = company_name(text);
    if (!named.empty()) {
      c.name = named;
      // A name that is one of the contract's vendors ("Zoom") brings that vendor's facts.
      for (std::string_view id : contract::vendors())
        if (id != "other" && lower(std::string(contract::label("vendors", id))) == lower(named)) c.vendor = std::string(id);
    }
  }
  if (c.vendor != "other" || c.name != contract::label("vendors", "other")) c.names.push_back(c.name);
  std::string words = text;  // "privacy.anthropic.com" in a link is no mention
  mask_links(words);
  for (auto& own : own_provider_names(lexicon, words))
    if (lower(own) != lower(c.name)) c.names.push_back(std::move(own));
  return c;
}

}  // namespace consentlens::docs
