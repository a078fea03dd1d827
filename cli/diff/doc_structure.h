// A terms, privacy or help document as sections and sentences, for comparing two versions and
// for the one-page report. Reads the shapes Open Terms Archive and vendors' pages produce:
// Markdown headings (# and underlined), whole-line bold titles ("**Marketing Communications**",
// "27. **CUSTOMER CONTENT**"), numbered clause titles that open a paragraph ("**10.2 Service
// Generated Data; Consent to Use**. Customer Content ..."), and list items that open with a
// label ("* **Product Research and Development:** ...", "Intelligent Features: If enabled ...").
//
// Cost: one pass over the text; every sentence is visited once.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace consentlens::docs {

struct Sentence {
  std::string section;  // "10.2 Service Generated Data; Consent to Use", "How Do We Use Personal Data? > Intelligent Features"
  std::string heading;  // the innermost heading over it, whatever label opens its paragraph ("9. L'utilisation d'algorithmes ...")
  std::size_t paragraph = 0;  // index of its paragraph, in document order
  bool list_item = false;     // its line opened with a list marker ("* ", "1. ", "b) ")
  bool row_cell = false;      // a further cell, or "<br>" piece, of a table row (not the row's first cell)
  std::string text;     // as a person reads it: Markdown marks and link targets removed
  std::string key;      // for comparing versions: lower case, list numbers and punctuation runs folded
  std::size_t begin = 0;  // byte offsets of the sentence in the document's plain text (`Document::text`)
  std::size_t end = 0;
};

struct Document {
  std::string text;  // the plain text the offsets refer to: paragraphs separated by blank lines
  std::vector<Sentence> sentences;
};

// `markdown` is the document as read (text, Markdown, or the text of an HTML page).
// A line opened by this byte goes on with the paragraph of the line before it: the next cell, or
// the next "<br>" piece, of one table row (cli/diff/version_input.cc).
inline constexpr char kRowContinues = '\x1e';

Document read_document(std::string_view markdown);

// The plain text of one line of Markdown: **bold**, _emphasis_, [text](link) and \-escapes
// removed, whitespace collapsed.
std::string plain(std::string_view line);

}  // namespace consentlens::docs
