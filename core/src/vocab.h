// Per-language vocabularies (core/rules/vocab/<lang>.json): word families that rules name as
// {class}. A class expands to one alternation over every language, so a rule is written once
// and works in each language that fills the class (see docs/rules.md).
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pack_files.h"

namespace consentlens {

// Unicode-aware word edges; RE2's \b only knows ASCII letters. A word start is the line's
// start or a non-letter before the word, which the match consumes; when the word before has
// consumed that non-letter already (an entry ending in {end}: "is being{end}" then
// "recorded"), RE2's \b still sees the start of a word that begins with an ASCII letter.
// Combining marks count as part of a word: in Indic scripts a vowel sign (\pM) sits inside it.
inline constexpr std::string_view kWordStart = R"((?:^|[^\pL\pM\pN_]|\b))";
inline constexpr std::string_view kWordEnd = R"((?:[^\pL\pN_]|$))";
// What a rule's \pL (outside a bracket class) becomes: a letter is anything but the non-letters a
// notice meets (ASCII and Latin-1 punctuation, digits and symbols, general punctuation,
// super- and subscript digits, currency signs, number forms, arrows,
// mathematical and other symbols, CJK and fullwidth punctuation, emoji); other scripts' rare
// punctuation and combining marks count as letters. \pL says it exactly, but each \pL compiles
// to hundreds of UTF-8 byte ranges: the rules' 60-odd \pL were a third of the rule compile
// time (365 -> 259 ms natively), for no change in what the corpora find.
inline constexpr std::string_view kLetterApprox =
    R"([^\x00-\x40\x5b-\x60\x7b-\xa9\xab-\xb4\xb6-\xb9\xbb-\xbf\xd7\xf7\x{2000}-\x{2070}\x{2074}-\x{207e})"
    R"(\x{2080}-\x{208e}\x{20a0}-\x{20cf}\x{2150}-\x{2182}\x{2185}-\x{218f}\x{2190}-\x{2bff})"
    R"(\x{3000}-\x{3004}\x{3008}-\x{3020}\x{fe30}-\x{fe4f}\x{ff01}-\x{ff0f}\x{ff1a}-\x{ff20}\x{ff3b}-\x{ff40})"
    R"(\x{ff5b}-\x{ff65}\x{1f000}-\x{1faff}])";
// `{tail}` in a vocabulary entry: the rest of a word (any run of letters, in any script). Written
// as "everything but ASCII and Latin-1 punctuation, digits and spaces" and matched without case
// folding: the class holds both cases already, and folding a class this wide costs RE2 more
// than half of its compile time for the whole pack.
// `re` with case folding switched off around Unicode categories (\pL) and bracket classes made
// only of categories, spaces, digits and punctuation ([^\pL\pN_]): they hold both cases of
// every letter already, so folding changes nothing they match (bar a combining iota, U+0345,
// which folds to a letter), and folding such wide classes is most of RE2's compile time.
std::string without_needless_case_folding(std::string_view re);

inline constexpr std::string_view kTail = R"((?-i:[^\x00-\x40\x5b-\x60\x7b-\xbf])*)";
// The same idea for one letter, for one character that is not a letter or digit, and for the
// end of a word (a non-letter or the end of the line). \pL would say it more exactly, but each
// \pL compiles to hundreds of UTF-8 ranges, and a vocabulary uses hundreds of them.
inline constexpr std::string_view kLetter = R"((?-i:[^\x00-\x40\x5b-\x60\x7b-\xbf]))";
inline constexpr std::string_view kNonLetter = R"((?-i:[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf]))";
inline constexpr std::string_view kEnd = R"((?:$|(?-i:[\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\xbf])))";

class Vocabulary {
 public:
  // Adds one vocab file; appends "path: problem" lines to `errors`. A file whose
  // "negation_position" is "anywhere" (verb-final languages) also fills the class
  // `neg_anywhere` with its `neg` entries.
  void add_file(const PackFile& file, std::vector<std::string>& errors);

  // Replaces {class}, {b} (word start) and {e} (word end) in `pattern`.
  // Returns false and sets `error` for an unknown or empty class.
  bool expand(std::string_view pattern, std::string& out, std::string& error) const;

  // The same, except that a pattern naming a vocabulary class is only checked (its class names
  // must exist): `out` is left empty and `names_class` set, and the pattern is expanded when it
  // is first compiled (Matcher). Expanding every class-heavy pattern at load costs start-up time.
  bool expand_unless_classes(std::string_view pattern, std::string& out, bool& names_class, std::string& error) const;

  std::vector<std::string> languages() const { return languages_; }
  std::vector<std::string> classes() const;
  // The entries of one class in one language (for reports and tests).
  std::vector<std::string> entries(std::string_view cls, std::string_view lang) const;

 private:
  struct Entry {
    std::string lang;
    std::string fragment;
    bool word_start;
  };
  std::map<std::string, std::vector<Entry>, std::less<>> classes_;
  mutable std::map<std::string, std::string, std::less<>> expanded_;  // cache, filled on demand
  std::vector<std::string> languages_;
  std::string build(std::string_view cls) const;
  // With `names_class`, a class is noted there instead of being expanded.
  bool expand_raw(std::string_view pattern, std::string& out, std::string& error, bool* names_class) const;
};

}  // namespace consentlens
