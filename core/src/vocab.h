// Per-language vocabularies (core/rules/vocab/<lang>.json): word families that rules name as
// {class}. A class expands to one alternation over every language, so a rule is written once
// and works in each language that fills the class (see docs/rules.md).
#pragma once
#include <deque>
#include <functional>
#include <memory>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "cheap_regex.h"
#include "pack_files.h"

namespace consentlens {

// Unicode-aware word edges; RE2's \b only knows ASCII letters. A word start is the line's
// start or a non-letter before the word, which the match consumes; when the word before has
// consumed that non-letter already (an entry ending in {end}: "is being{end}" then
// "recorded"), RE2's \b still sees the start of a word that begins with an ASCII letter.
// Combining marks count as part of a word: in Indic scripts a vowel sign (\pM) sits inside it.
// Compiled as a few explicit ranges (cheap_regex.h), like every class of categories.
inline constexpr std::string_view kWordStart = R"((?:^|[^\pL\pM\pN_]|\b))";
inline constexpr std::string_view kWordEnd = R"((?:[^\pL\pN_]|$))";
// `{tail}` in a vocabulary entry: the rest of a word (any run of letters, in any script). Written
// as "everything but ASCII and Latin-1 punctuation, digits and spaces" and matched without case
// folding: the class holds both cases already, and folding a class this wide costs RE2 more
// than half of its compile time for the whole pack.
inline constexpr std::string_view kTail = R"((?-i:[^\x00-\x40\x5b-\x60\x7b-\xbf])*)";
// The same idea for one letter, for one character that is not a letter or digit, and for the
// end of a word (a non-letter or the end of the line). \pL would say it more exactly, but each
// \pL compiles to hundreds of UTF-8 ranges, and a vocabulary uses hundreds of them.
inline constexpr std::string_view kLetter = R"((?-i:[^\x00-\x40\x5b-\x60\x7b-\xbf]))";
inline constexpr std::string_view kNonLetter = R"((?-i:[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf]))";
// The end also takes the punctuation of scripts that do not use ASCII's (the danda of Bengali
// and Hindi, the ideographic full stop and comma, Arabic's comma, semicolon and question mark,
// Ethiopic's full stop): "হচ্ছে না।" ends a word as "not." does.
inline constexpr std::string_view kEnd = R"((?:$|(?-i:[\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\xbf])|[।॥。、،؛؟።]))";

class DigestWriter;
class DigestReader;

class Vocabulary {
 public:
  // The vocabulary as the pack digest holds it (digest.h): what add_file made, no JSON.
  void write(DigestWriter& out) const;
  static Vocabulary read(DigestReader& in);

  // Adds one vocab file; appends "path: problem" lines to `errors`. A file whose
  // "negation_position" is "anywhere" (verb-final languages) also fills the class
  // `neg_anywhere` with its `neg` entries.
  void add_file(const PackFile& file, std::vector<std::string>& errors);
  // After the last add_file: puts each class's entries in the order fragments() lists them.
  void finish();

  // Replaces {class}, {b} (word start) and {e} (word end) in `pattern`.
  // Returns false and sets `error` for an unknown or empty class.
  bool expand(std::string_view pattern, std::string& out, std::string& error) const;

  // The same, except that a pattern naming a vocabulary class is only checked (its class names
  // must exist): `out` is left empty and `names_class` set, and the pattern is expanded when it
  // is first compiled (Matcher). Expanding every class-heavy pattern at load costs start-up time.
  bool expand_unless_classes(std::string_view pattern, std::string& out, bool& names_class, std::string& error) const;

  // The same with each class written by `class_text(name)` instead of the whole class: the
  // word finder puts in only the entries that can occur in the text at hand (word_finder.h).
  template <typename ClassText>
  bool expand_with(std::string_view pattern, ClassText class_text, std::string& out, std::string& error) const {
    std::string raw;
    if (!expand_raw(pattern, raw, error, nullptr, [&](std::string_view name) { return class_text(name); })) return false;
    out = cheap_to_compile(raw);
    return true;
  }

  // One entry of a class: its regular expression (macros replaced) and whether it starts at a
  // word start (every language with spaces between words). `text` points into this vocabulary's
  // storage, which its copies share: valid while one of them lives.
  struct Fragment {
    std::string_view text;
    bool word_start;
  };
  // A class's entries in the order its alternation lists them (alternation()): those with a word
  // start first, each part sorted and without repeats (finish() made it so). Empty for an
  // unknown class.
  const std::vector<Fragment>& fragments(std::string_view cls) const;
  // The alternation of `fragments` (in fragments() order), as a class expands to: a regular
  // expression matching none of them has no text ("(?:[^\x00-\x{10FFFF}])", which matches nothing).
  static std::string alternation(const std::vector<const Fragment*>& fragments);

  std::vector<std::string> languages() const { return languages_; }
  std::vector<std::string> classes() const;

 private:
  // The entries' texts: one string per entry read from JSON, one blob for a digest.
  std::shared_ptr<std::deque<std::string>> texts_ = std::make_shared<std::deque<std::string>>();
  std::map<std::string, std::vector<Fragment>, std::less<>> classes_;
  // Each class's expansion, filled on demand under expanded_mutex_: expand() is const and may be
  // called from several threads at once (Engine::analyze's guarantee). Held by pointer so that
  // a Vocabulary stays copyable and movable; a copy shares the lock, which only serialises.
  mutable std::map<std::string, std::string, std::less<>> expanded_;
  std::shared_ptr<std::mutex> expanded_mutex_ = std::make_shared<std::mutex>();
  std::vector<std::string> languages_;
  std::string build(std::string_view cls) const;
  // With `names_class`, a class is noted there instead of being expanded; with `class_text`,
  // a class is written as it says.
  bool expand_raw(std::string_view pattern, std::string& out, std::string& error, bool* names_class,
                  const std::function<std::string(std::string_view)>& class_text = {}) const;
};

}  // namespace consentlens
