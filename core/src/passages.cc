#include "passages.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <iterator>
#include <string>

#include "unicode.h"
#include "utf8.h"

namespace consentlens {
namespace {

// A sentence ends after '.', '!', '?' followed by a space or line break, after a line
// break, or after CJK full stops (which take no space).
// The only bytes at which ends_sentence_at can say yes (the last byte of U+3002 among them):
// a scan asks it about those alone.
bool may_end_sentence(char c) {
  return c == '\n' || c == '.' || c == '!' || c == '?' || c == ';' || static_cast<unsigned char>(c) == 0x82;
}

bool ends_sentence_at(std::string_view t, std::size_t i) {
  if (t[i] == '\n') return true;
  if ((t[i] == '.' || t[i] == '!' || t[i] == '?' || t[i] == ';') && i + 1 < t.size() &&
      (t[i + 1] == ' ' || t[i + 1] == '\n'))
    return true;
  // U+3002 IDEOGRAPHIC FULL STOP, U+FF01/U+FF1F are normalised by NFKC to ! and ?
  return i >= 2 && static_cast<unsigned char>(t[i - 2]) == 0xE3 &&
         static_cast<unsigned char>(t[i - 1]) == 0x80 && static_cast<unsigned char>(t[i]) == 0x82;
}

void cut_long(std::string_view t, std::size_t begin, std::size_t end, std::vector<Passage>& out) {
  while (end - begin > kMaxPassage) {
    std::size_t cut = 0;
    for (std::size_t i = begin + kMaxPassage / 2; i < begin + kMaxPassage; ++i)
      if (may_end_sentence(t[i]) && ends_sentence_at(t, i)) cut = i + 1;
    if (cut == 0) {  // no sentence end: cut at a space, else anywhere on a character boundary
      for (std::size_t i = begin + kMaxPassage; i > begin + kMaxPassage / 2 && cut == 0; --i)
        if (t[i] == ' ') cut = i + 1;
      if (cut == 0) {
        cut = begin + kMaxPassage;
        while (cut < end && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) ++cut;
      }
    }
    out.push_back({begin, cut});
    begin = cut;
    while (begin < end && t[begin] == ' ') ++begin;
  }
  if (begin < end) out.push_back({begin, end});
}

}  // namespace

std::vector<Passage> split_passages(std::string_view t) {
  std::vector<Passage> out;
  if (t.empty()) return out;
  if (t.size() <= kWholeTextPassage) {
    out.push_back({0, t.size()});
    return out;
  }
  std::size_t begin = 0;
  while (begin < t.size()) {
    std::size_t brk = t.find("\n\n", begin);
    const std::size_t end = brk == std::string_view::npos ? t.size() : brk;
    cut_long(t, begin, end, out);
    begin = brk == std::string_view::npos ? t.size() : brk + 2;
  }
  return out;
}

bool letter_ends_sentence(std::string_view t, std::size_t dot) {
  const auto upper = [&](std::size_t k) { return k < t.size() && std::isupper(static_cast<unsigned char>(t[k])); };
  if (dot < 3 || !upper(dot - 1) || t[dot - 2] != ' ' || dot + 2 >= t.size() || t[dot + 1] != ' ' || !upper(dot + 2)) return false;
  std::size_t w = dot - 2;
  while (w > 0 && t[w - 1] != ' ' && t[w - 1] != '\n') --w;
  return w < dot - 2 && std::islower(static_cast<unsigned char>(t[w]));
}

// "Inc.", "e.g.", "U.S." end no sentence: a document's clause must not be cut in two there.
static bool after_abbreviation(std::string_view t, std::size_t dot) {
  if (t[dot] != '.') return false;
  std::size_t w = dot;
  while (w > 0 && t[w - 1] != ' ' && t[w - 1] != '\n' && t[w - 1] != '(') --w;
  std::string word(t.substr(w, dot - w));
  for (auto& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (word.size() == 1) return !letter_ends_sentence(t, dot);  // an initial, "a." of a list
  static const char* const kAbbreviations[] = {"inc", "ltd", "llc", "corp", "co", "etc", "e.g", "i.e", "no", "vs",
                                               "u.s", "u.k", "approx", "incl", "dept", "art", "sec", "para"};
  for (const char* a : kAbbreviations)
    if (word == a) return true;
  return false;
}

namespace {

bool ends_open(std::string_view line) {
  while (!line.empty() && (line.back() == '*' || line.back() == '_')) line.remove_suffix(1);
  if (line.empty()) return false;
  const char last = line.back();
  if (last == '.' || last == '!' || last == '?' || last == ';' || last == '|') return false;
  // The ideographic full stop and the full-width marks (NFKC makes most of them ASCII).
  for (std::string_view stop : {"\u3002", "\uFF01", "\uFF1F", "\uFF1B"})
    if (line.ends_with(stop)) return false;
  return true;
}

// The first letter is a small one (Latin, Greek, Cyrillic, Armenian).
bool opens_small(std::string_view s) {
  if (s.empty()) return false;
  const unsigned char b = static_cast<unsigned char>(s[0]);
  if (b < 0x80) return std::islower(b) != 0;
  std::size_t pos = 0;
  const char32_t c = next_code_point(s, pos);
  const bool cased_script = (c >= 0xDF && c <= 0x24F && c != 0xF7) || (c >= 0x370 && c <= 0x58F);
  return cased_script && fold_case(c) == c;
}

// "... dans le cadre de" / "leur utilisation": a comma, or a last word of up to three small
// ASCII letters (an article or preposition in the languages that space their words).
bool ends_mid_phrase(std::string_view line) {
  if (line.back() == ',') return true;
  const std::size_t space = line.rfind(' ');
  const std::string_view last = space == std::string_view::npos ? line : line.substr(space + 1);
  // Only words that cannot end a title ("Who we are", "Contact us" can).
  static constexpr std::string_view kOpenWords[] = {"a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "by", "with",
                                                    "de", "la", "le", "les", "des", "du", "et", "ou", "en", "el", "los", "las",
                                                    "y", "di", "il", "e", "da", "do", "das", "dos", "der", "die", "und", "von",
                                                    "zu", "van", "het", "een"};
  return std::find(std::begin(kOpenWords), std::end(kOpenWords), last) != std::end(kOpenWords);
}

// A list item, heading, quote, table row or a line in bold or italics opens a block of its own.
bool opens_block(std::string_view s) {
  const char c = s[0];
  if (c == '#' || c == '|' || c == '>' || c == '*' || c == '_' || c == '+' || c == '\x1e') return true;
  if (c == '-' && (s.size() == 1 || s[1] == ' ' || s[1] == '-')) return true;
  for (std::string_view bullet : {"\u2022", "\u25E6", "\u25AA", "\u00B7", "\u2023", "\u25CF"})
    if (s.starts_with(bullet)) return true;
  std::size_t i = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i > 0 && i + 1 < s.size() && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ') return true;
  // "b) ...", "a. ...", "iv. ...", "(a) ...", "(iv) ..."
  std::size_t k = 0;
  while (k < s.size() && k < 5 && std::strchr("ivxlc", std::tolower(static_cast<unsigned char>(s[k])))) ++k;
  if (k == 0 && !s.empty() && std::isalpha(static_cast<unsigned char>(s[0]))) k = 1;
  if (k > 0 && k + 1 < s.size() && (s[k] == '.' || s[k] == ')') && s[k + 1] == ' ') return true;
  if (c == '(') {
    const std::size_t close = s.find(')');
    if (close != std::string_view::npos && close <= 5 && close + 1 < s.size() && s[close + 1] == ' ') return true;
  }
  return false;
}

}  // namespace

namespace {

// A line that can be an item of a list: one with a bullet or number, or a short one that does not
// end a sentence ("Publicidad personalizada", a list item whose HTML tags were blanked).
bool item_line(std::string_view line) {
  // Without a bullet an item is a few words ("Publicidad personalizada", "Entrenar modelos de
  // inteligencia artificial"), not a sentence with its subject ("Acme uses your content to train AI
  // models"); where words have no spaces between them, a few characters.
  constexpr int kUnmarkedItemWords = 6;
  constexpr std::size_t kUnmarkedItemChars = 16;
  if (line.empty() || line[0] == '#' || line[0] == '|' || line[0] == '>') return false;
  // A lead-in of its own, or a table's rule ("---" once its bars are new lines), ends the list.
  if (line.back() == ':' || std::none_of(line.begin(), line.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); }))
    return false;
  if (opens_block(line)) return true;
  const char last = line.back();
  if (last == '.' || last == '!' || last == '?' || last == ';' || line.ends_with("\u3002")) return false;
  return line.find(' ') != std::string_view::npos ? spaced_words(line) <= kUnmarkedItemWords : code_points(line) <= kUnmarkedItemChars;
}

}  // namespace

std::string_view list_lead_in(std::string_view text, std::size_t item_begin) {
  constexpr std::size_t kLeadInReach = 2000;  // bytes from the lead-in's end to the item: a list of a dozen items
  constexpr std::size_t kLeadInBytes = 400;   // a lead-in is one sentence, not a paragraph
  if (item_begin > text.size()) return {};
  // The item opens its line (only spaces before it: no walk back over a long line).
  std::size_t line_begin = item_begin;
  while (line_begin > 0 && (text[line_begin - 1] == ' ' || text[line_begin - 1] == '\t')) --line_begin;
  if (line_begin > 0 && text[line_begin - 1] != '\n') return {};
  std::size_t item_end = text.find('\n', item_begin);
  if (item_end == std::string_view::npos) item_end = text.size();
  if (!item_line(trim_line(text.substr(item_begin, item_end - item_begin)))) return {};
  std::size_t above_end = line_begin;  // the line above ends at the new line before this
  while (above_end > 0) {
    const std::size_t nl = above_end - 1;
    if (item_begin - nl > kLeadInReach) return {};
    std::size_t b = nl;
    while (b > 0 && text[b - 1] != '\n') {
      if (item_begin - b > kLeadInReach) return {};
      --b;
    }
    above_end = b;
    const std::string_view line = trim_line(text.substr(b, nl - b));
    if (line.empty()) continue;
    if (line.back() == ':') return line.size() <= kLeadInBytes ? line : std::string_view{};
    if (!item_line(line)) return {};  // prose, a heading or a table: no list goes on above
  }
  return {};
}

std::string_view trim_line(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

int spaced_words(std::string_view s) {
  int n = 0;
  bool in = false;
  for (char c : s) {
    if (c == ' ') in = false;
    else if (!in) in = true, ++n;
  }
  return n;
}

bool line_goes_on(std::string_view line, std::string_view next, bool blank_between) {
  line = trim_line(line);
  next = trim_line(next);
  if (line.empty() || next.empty() || line[0] == '#' || line[0] == '|' || opens_block(next) || !ends_open(line)) return false;
  constexpr int kWrappedLineWords = 7;  // a wrapped line of prose; a title has fewer
  return opens_small(next) || ends_mid_phrase(line) || (!blank_between && spaced_words(line) >= kWrappedLineWords);
}

bool notice_line_goes_on(std::string_view line, std::string_view next) {
  line = trim_line(line);
  next = trim_line(next);
  constexpr int kNoticeSentenceWords = 4;  // "Grabando", "Recording started" are parts, not a sentence cut short
  return !line.empty() && !next.empty() && line[0] != '#' && line[0] != '|' && !opens_block(next) && ends_open(line) &&
         spaced_words(line) >= kNoticeSentenceWords && opens_small(next);
}

bool is_heading(std::string_view s) {
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    if (c == ' ' || c == '\n') in_word = false;
    else if (!in_word) {
      in_word = true;
      if (++words > 10) return false;  // most sentences: no need to count them all
    }
  }
  if (words == 0) return false;
  const std::size_t first = s.find_first_not_of(" *_");
  if (first == std::string_view::npos) return false;
  if (s[first] == '#') return true;  // a Markdown heading
  // A numbered section title: "10.2 Service Generated Data; Consent to Use."
  std::size_t i = first;
  while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
  if (i > first && i < s.size() && s[i] == ' ') return true;
  // A title without a full stop and without a lower-case first word: "CUSTOMER CONTENT". Words
  // are counted at spaces, so a sentence of a script without them ("Zoom が、オーディオ、...を...使用する
  // ことはありません。") is told by its marks: an ideographic comma or full stop is no title's.
  const char last = s.back();
  // (The normaliser folds a full-width comma to ",", with no space after it.)
  if (s.find("\u3001") != std::string_view::npos || s.find("\u3002") != std::string_view::npos) return false;
  for (std::size_t c = s.find(','); c != std::string_view::npos && c + 1 < s.size(); c = s.find(',', c + 1))
    if (static_cast<unsigned char>(s[c + 1]) >= 0x80) return false;
  return last != '.' && last != '!' && last != '?' && last != ':' && std::isupper(static_cast<unsigned char>(s[first])) &&
         words <= 6 && s.find(", ") == std::string_view::npos;
}

std::vector<Passage> split_sentences(std::string_view t, Passage within) {
  std::vector<Passage> out;
  std::size_t begin = within.begin;
  for (std::size_t i = within.begin; i < within.end; ++i) {
    // A semicolon ends a clause, not a sentence: "Service Generated Data; Consent to Use".
    if (!may_end_sentence(t[i]) || !ends_sentence_at(t, i) || t[i] == ';' || after_abbreviation(t, i)) continue;
    const std::size_t end = t[i] == '\n' ? i : i + 1;
    while (begin < end && (t[begin] == ' ' || t[begin] == '\n')) ++begin;
    if (end > begin) out.push_back({begin, end});
    begin = i + 1;
  }
  while (begin < within.end && (t[begin] == ' ' || t[begin] == '\n')) ++begin;
  if (begin < within.end) out.push_back({begin, within.end});
  return out;
}

constexpr std::size_t kQuoteReach = 200;  // bytes of a long sentence quoted on each side of a match

Passage sentence_around(std::string_view t, Passage within, std::size_t begin, std::size_t end) {
  std::size_t s = begin;
  while (s > within.begin && !ends_sentence_at(t, s - 1)) --s;
  while (s < begin && (t[s] == ' ' || t[s] == '\n')) ++s;
  std::size_t e = end;
  while (e < within.end && !ends_sentence_at(t, e)) ++e;
  if (e < within.end && t[e] != '\n') ++e;  // keep the full stop
  // Keep quotes short enough to read: at most about 200 bytes on each side of the match, cut at a
  // space so that no word is halved ("... and use training information to develop our language
  // models that power ChatGPT ..." rather than "... and use training").
  if (begin - s > kQuoteReach) {
    std::size_t cut = begin - kQuoteReach;
    while (cut < begin && t[cut] != ' ') ++cut;
    s = cut;
  }
  if (e - end > kQuoteReach) {
    std::size_t cut = end + kQuoteReach;
    while (cut > end && t[cut] != ' ') --cut;
    e = cut;
  }
  while (s < begin && (static_cast<unsigned char>(t[s]) & 0xC0) == 0x80) ++s;
  while (e > end && e < t.size() && (static_cast<unsigned char>(t[e]) & 0xC0) == 0x80) --e;
  // A match may begin with the non-letter that marks a word start, or a status bar's part with
  // the mark that opens it (markup_mask.h): the quote does not.
  while (s < e && (t[s] == ' ' || t[s] == '\n' || t[s] == '\x1f')) ++s;
  while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\n')) --e;
  return {s, e};
}

}  // namespace consentlens
