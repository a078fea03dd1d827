// Where a vocabulary word may begin and end, beyond what RE2's ASCII-only \b can say; and the
// plain entries (a word with at most a word start before it and {end}, {tail} or \b after it)
// that the word finder confirms without compiling an expression.
//
// The word start (vocab.h, kWordStart) is "(?:^|[^\pL\pM\pN_]|\b)": its \b branch lets an
// entry follow one that consumed the space, but it also matches right after a non-ASCII
// letter, so the finder refuses a match that continues a word of the same script (Irish "ní"
// at the end of Czech "Nahrávání"), and keeps one after a letter of another script ("はAI").
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace consentlens {

// Whether a match of text[b, e) continues the word before it: the character before b and the
// one at b are both letters (cheap_regex.h's approximation) of the same script, and nothing in
// the match is of a script written without spaces (whose entries have no word start).
bool continues_word(std::string_view text, std::size_t b, std::size_t e);

// Whether a match of text[b, e) of an entry written with the word start, found without that
// group, stands where the group would have let it: at the text's start, after a non-letter
// (which the group consumes, so only from `from`, where the search began), or at RE2's \b where
// it does not continue a word.
bool starts_word(std::string_view text, std::size_t b, std::size_t e, std::size_t from = 0);

// Where the word-start group's match of that entry would begin: on the non-letter it consumes,
// if there is one at or after `from`; else at b.
std::size_t word_start_begin(std::string_view text, std::size_t b, std::size_t from);

// An entry that is a plain word: letters, digits, spaces, apostrophes and hyphens.
struct PlainEntry {
  enum class After { anything, word_end, ascii_boundary };  // nothing or {tail}; {end}; \b
  std::string folded;  // the word, case-folded (unicode.h)
  bool word_start = false;
  After after = After::anything;
};

// The entry as a plain word, or nothing when it needs an expression.
std::optional<PlainEntry> plain_entry(std::string_view entry, bool word_start);

// Whether the entry occurs in `folded` (a case-folded text) exactly where its expression,
// run case-insensitively on the text and checked with continues_word, would match.
bool plain_entry_occurs(const PlainEntry& entry, std::string_view folded);

}  // namespace consentlens
