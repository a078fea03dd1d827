// Splits normalised text into passages: the unit inside which one finding per kind is made
// and inside which cue rules ("By staying in this meeting, you consent") attach to a finding.
// A notice is short and stays whole; a terms document is split into paragraphs, and a long
// paragraph into runs of whole sentences, so that each clause gets its own finding.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace consentlens {

struct Passage {
  std::size_t begin;  // byte offsets into the normalised text
  std::size_t end;
};

inline constexpr std::size_t kWholeTextPassage = 2048;  // texts up to this size are one passage
inline constexpr std::size_t kMaxPassage = 1024;        // longer paragraphs are cut near this size

std::vector<Passage> split_passages(std::string_view text);

// The sentences of `within`, in order: each clause of a document gets its own finding.
std::vector<Passage> split_sentences(std::string_view text, Passage within);

// Whether the one letter before the full stop at `dot` is a name that ends a sentence rather
// than an initial: a capital after a word in lower case, with a capital after the stop ("...
// remove it from X. For example, ...", X's privacy policy). "John F. Kennedy", "Appendix B. The"
// and a list's "a." stay initials.
bool letter_ends_sentence(std::string_view text, std::size_t dot);

// True for a section title of a document ("10.2 Service Generated Data; Consent to Use.",
// "## Data use", "CUSTOMER CONTENT"): it names a topic, it says nothing about it.
bool is_heading(std::string_view sentence);

// `s` without the spaces, tabs and carriage returns at its ends.
std::string_view trim_line(std::string_view s);

// How many words `s` has, counted at spaces.
int spaced_words(std::string_view s);

// Whether the line `next` goes on with the sentence of `line`: the two were one paragraph,
// wrapped apart by a text file's line width or by a PDF's text extraction (with a blank line
// between, `blank_between`). `line` ends open (no full stop, "!", "?" or ";"; a colon may go on),
// is no heading or table row, and `next` is no heading, table row, list item or bold line; then
// `next` opens in small letters, or `line` ends at a comma or an article or preposition ("de", "the"),
// or, with no blank line between, `line` is as long as a wrapped line (seven words or more: a
// title is shorter). Scripts without spaces or case (Chinese, Japanese) are joined only at a comma.
bool line_goes_on(std::string_view line, std::string_view next, bool blank_between);

// The lead-in of the list whose item opens its line at `item_begin` ("We do NOT transfer, sell or
// use Google Drive or Dropbox data for:" above "- Advertising", "Training AI models"): the line
// ending in a colon above it, past the items before it and blank lines. Items, this one included,
// have a bullet or number (an HTML list item's is written in by markup_mask.h), or are at most six
// words (sixteen characters unspaced) that end no sentence; "" where the sentence is no such item
// or a line of prose, a heading, another lead-in or a table's rule stands above it.
std::string_view list_lead_in(std::string_view text, std::size_t item_begin);

// The same for a text judged a notice, whose lines are usually parts of their own ("Grabando" over
// "transcripción en vivo pausada", a title over its message, "... for Sam Lee," over "Recording
// stopped"): `line` is a sentence of four words or more that ends open, and `next` opens in small
// letters ("OpenAI no utiliza los datos" over "enviados a través de su API para entrenar ...").
bool notice_line_goes_on(std::string_view line, std::string_view next);

// The sentence around [begin, end) within `within`: what a person should see quoted.
Passage sentence_around(std::string_view text, Passage within, std::size_t begin, std::size_t end);

}  // namespace consentlens
