#include "word_edges.h"

#include "cheap_regex.h"
#include "unicode.h"
#include "utf8.h"
#include "vocab.h"

namespace consentlens {
namespace {

// The script a letter belongs to, roughly: Latin, Greek and Cyrillic by their blocks, any
// other character by its 256-code-point block (Arabic, Hebrew, each Indic script, kana, Han).
int script_of(char32_t c) {
  if (c < 0x250 || (c >= 0x1E00 && c < 0x1F00) || (c >= 0x2C60 && c < 0x2C80) || (c >= 0xA720 && c < 0xA800)) return 1;
  // Combining marks are part of whatever word they sit in; so is the micro sign's case fold,
  // Greek mu, which must count as the sign (Latin-1) does in a folded text.
  if ((c >= 0x300 && c < 0x370) || c == 0x3BC) return 0;
  if ((c >= 0x370 && c < 0x400) || (c >= 0x1F00 && c < 0x2000)) return 2;
  if ((c >= 0x400 && c < 0x530) || (c >= 0x2DE0 && c < 0x2E00) || (c >= 0xA640 && c < 0xA6A0)) return 3;
  return 100 + static_cast<int>(c >> 8);
}

// Thai, Lao, Myanmar, Khmer, kana and Han: scripts written without spaces between words.
bool unspaced(char32_t c) {
  return (c >= 0x0E00 && c < 0x0F00) || (c >= 0x1000 && c < 0x10A0) || (c >= 0x1780 && c < 0x1800) ||
         (c >= 0x3040 && c < 0x3100) || (c >= 0x31F0 && c < 0x3200) || (c >= 0x3400 && c < 0xA000) ||
         (c >= 0xF900 && c < 0xFB00) || (c >= 0xFF65 && c < 0xFFA0) || (c >= 0x20000 && c < 0x32000);
}

std::size_t previous_start(std::string_view text, std::size_t b) {
  std::size_t p = b - 1;
  while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
  return p;
}

char32_t code_point_at(std::string_view text, std::size_t at) { return next_code_point(text, at); }

bool ascii_word(std::string_view text, std::size_t at) {
  if (at >= text.size()) return false;
  const unsigned char c = static_cast<unsigned char>(text[at]);
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// What {end} (vocab.h, kEnd) takes after a word: a non-letter of ASCII or Latin-1, or the
// sentence marks of scripts that do not use ASCII's. Its ASCII part is matched without case
// folding, where no letter is in it anyway.
bool ends_word(char32_t c) {
  if (c <= 0xBF) return c <= 0x2F || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x5E) || c == 0x60 || c >= 0x7B;
  switch (c) {
    case 0x0964: case 0x0965: case 0x3002: case 0x3001: case 0x060C: case 0x061B: case 0x061F: case 0x1362: return true;
    default: return false;
  }
}

bool plain_byte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ' || c == '\'' ||
         c == '-';
}

}  // namespace

bool continues_word(std::string_view text, std::size_t b, std::size_t e) {
  if (b == 0 || b >= text.size()) return false;
  // Those vocabularies have no word starts (word_boundaries false), and an entry of theirs may
  // take the character before its word as context ("(?:^|[^械層])学習" in "AI学習").
  for (std::size_t i = b; i < e && i < text.size();)
    if (unspaced(next_code_point(text, i))) return false;
  const char32_t before = code_point_at(text, previous_start(text, b));
  const char32_t first = code_point_at(text, b);
  if (!is_word_char(before) || !is_word_char(first)) return false;
  const int a = script_of(before), c = script_of(first);
  return a == 0 || c == 0 || a == c;
}

std::optional<PlainEntry> plain_entry(std::string_view entry, bool word_start) {
  PlainEntry out;
  out.word_start = word_start;
  std::string_view word = entry;
  if (entry.ends_with(kEnd)) {
    out.after = PlainEntry::After::word_end;
    word.remove_suffix(kEnd.size());
  } else if (entry.ends_with(kTail)) {
    word.remove_suffix(kTail.size());
  } else if (entry.ends_with("\\b")) {
    out.after = PlainEntry::After::ascii_boundary;
    word.remove_suffix(2);
  }
  if (word.empty() || word[0] == ' ' || word[0] == '\'' || word[0] == '-') return std::nullopt;
  for (char c : word)
    if (!plain_byte(static_cast<unsigned char>(c))) return std::nullopt;
  out.folded = fold_case(word);
  return out;
}

bool plain_entry_occurs(const PlainEntry& entry, std::string_view folded) {
  const std::string_view word = entry.folded;
  for (std::size_t p = folded.find(word); p != std::string_view::npos; p = folded.find(word, p + 1)) {
    const std::size_t q = p + word.size();
    // Where the expression's match would end: {end} takes the character after the word.
    std::size_t e = q;
    if (entry.after == PlainEntry::After::word_end && q < folded.size()) {
      if (!ends_word(code_point_at(folded, q))) continue;
      next_code_point(folded, e);
    } else if (entry.after == PlainEntry::After::ascii_boundary && ascii_word(folded, q - 1) == ascii_word(folded, q)) {
      continue;
    }
    if (!entry.word_start) {
      if (!continues_word(folded, p, e)) return true;
      continue;
    }
    if (starts_word(folded, p, e)) return true;
  }
  return false;
}

bool starts_word(std::string_view text, std::size_t b, std::size_t e, std::size_t from) {
  // The text's start, a non-letter before the word (the group's match starts on it, and a match
  // starting on a non-letter never continues a word), or RE2's \b at the word.
  if (b == 0) return true;
  if (b > from && !is_word_char(code_point_at(text, previous_start(text, b)))) return true;
  return ascii_word(text, b - 1) != ascii_word(text, b) && (e == b || !continues_word(text, b, e));
}

std::size_t word_start_begin(std::string_view text, std::size_t b, std::size_t from) {
  if (b > from && !is_word_char(code_point_at(text, previous_start(text, b)))) return previous_start(text, b);
  return b;
}

}  // namespace consentlens
