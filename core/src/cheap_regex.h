// Rewrites that make a pattern cheap for RE2 to compile without changing what it matches in
// the text a notice holds.
//
// Compile time, not matching, is what the engine waits for: every Unicode category (\pL, \pN,
// [^\pL\pN]) compiles to hundreds of UTF-8 byte ranges, and a pattern made for one line holds
// several (word starts in every entry of a class). Written as the few ranges below, the same
// class compiles far faster (docs/benchmarks.md, "Comments' numbers").
//
// The approximation: a "letter" is any character but the non-letters a notice meets (ASCII
// and Latin-1 punctuation, digits and symbols, general punctuation, super- and subscript digits,
// currency signs, number forms, arrows, mathematical and other symbols, CJK and fullwidth
// punctuation, emoji); other scripts' rare punctuation, digits and combining marks count as
// letters (a combining mark is part of a word, as \pM is in the word start). A "digit" is an
// ASCII, Latin-1 superscript or fullwidth digit. Case folding is switched off where it changes
// nothing: such classes hold both cases of every letter already.
#pragma once
#include <string>
#include <string_view>

namespace consentlens {

// Where the bracket class that opens at re[open] ('[') ends (its ']'), as RE2 reads it: a ']'
// right after the '[' or "[^" is literal, escapes and [:name:] are skipped; npos if it never ends.
std::size_t bracket_class_end(std::string_view re, std::size_t open);

// What \pL (outside a bracket class) becomes.
extern const std::string kLetterApprox;

// Whether `c` is in [\pL\pM\pN_] as cheap_to_compile writes that class: a letter, mark or
// digit by the approximation above, or '_'. The word start ([^\pL\pM\pN_]) is its complement.
bool is_word_char(char32_t c);

// `re` with \pL written as kLetterApprox, bracket classes made of \pL, \pN, \pM, spaces, digits
// and punctuation written as explicit ranges, and case folding switched off around them and
// around script classes (\p{Han}): see above. Anything else is left as it is.
std::string cheap_to_compile(std::string_view re);

}  // namespace consentlens
