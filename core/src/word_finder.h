// Where the vocabulary's words occur in a text, found without compiling the vocabulary.
//
// Each entry of each class ("aufzeichn{tail}", "(?:is|are) being{end}") has atoms: literal
// strings it cannot match without (atoms.h). One Aho-Corasick pass over the case-folded text
// finds the atoms present (literal_index.h); only the entries whose atoms occur are candidates,
// and only what the candidates make is compiled (on first need, then kept in a bounded cache,
// regex_cache.h) and run. A line of prose holding none of the pack's atoms costs one pass of
// the automaton.
//
// This replaces one RE2::Set of every class compiled at start (half a second, and tens of MB
// of automaton in the browser): start-up builds the automaton from the atoms, nothing else.
//
// Exactness: an entry that does not match anywhere in the text cannot take part in any match
// there, so a class written with only the entries that match (alternation_in) matches in that
// text exactly where the whole class does, with the same leftmost-first choice among entries
// (their order is kept). Candidates are confirmed entry by entry: an entry's expression is the
// same for every text, so the cache keeps it across a meeting's notices.
//
// Thread safety: the automaton is read-only after construction; what one text needs is worked
// out per thread (the last text asked about is remembered per thread, since the readers ask
// about one sentence class after class); the cache takes a lock.
#pragma once
#include <cstdint>
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "atoms.h"
#include "literal_index.h"
#include "regex_cache.h"
#include "vocab.h"
#include "word_edges.h"

namespace consentlens {

struct Span {
  std::size_t begin;  // byte offsets into the text searched
  std::size_t end;
};

class WordFinder {
 public:
  // DFA budget of one compiled class or entry: they run on one line or passage at a time.
  static constexpr std::int64_t kClassMaxMem = 2 << 20;

  // Works out every entry's atoms and builds the automaton (tens of milliseconds: the build does
  // it once and ships the result in the pack digest).
  // The vocabulary must outlive the finder: its entries are read in place.
  // `pattern_atoms`: the atoms of the rules' patterns (Matcher::pattern_atoms), indexed in the
  // same automaton, so that one pass over a line finds both the words and the patterns that may
  // match there (pattern_hits).
  explicit WordFinder(const Vocabulary& vocabulary, const std::vector<Atoms>& pattern_atoms = {});
  // The tables from the pack digest (digest.h), made by write() from the same vocabulary.
  WordFinder(const Vocabulary& vocabulary, DigestReader& in);
  void write(DigestWriter& out) const;
  WordFinder(const WordFinder&) = delete;
  WordFinder& operator=(const WordFinder&) = delete;

  int class_index(std::string_view name) const;  // -1 for a class no vocabulary fills
  const std::vector<std::string>& class_names() const { return class_names_; }

  // The classes that may occur in `text` (an atom of one of their entries does: a superset of
  // the ones that do; indexed by class number), and the patterns (numbered as in the
  // `pattern_atoms` given when built) an atom of which occurs in `text`, each once, ascending
  // (patterns without atoms are not listed): both from one automaton pass.
  void candidates_and_patterns(std::string_view text, std::vector<char>& candidate, std::vector<std::uint32_t>& patterns) const;
  std::size_t pattern_count() const { return pattern_count_; }
  // Whether class `cls` occurs in `text`.
  bool occurs(std::string_view text, int cls) const;
  // Where class `cls` occurs: left to right, not overlapping, each without the non-letter that
  // marks its word start.
  std::vector<Span> spans(std::string_view text, int cls) const;
  // The class written as an alternation of only its entries that occur in `text`: a pattern
  // naming the class matches `text` exactly where the same pattern with this in place of the
  // class does, and it compiles in a fraction of the time.
  std::string alternation_in(std::string_view text, int cls) const;
  // Appends to `key` a short name for alternation_in(text, cls): the class and the numbers of
  // its entries that occur. Equal names, equal alternations: a cache key (regex_cache.h).
  void append_key(std::string& key, std::string_view text, int cls) const;

  // Compiled expressions, shared with the matcher.
  const RegexCache& cache() const { return cache_; }
  // Every entry parsed (or with `compile`, compiled) on its own: "rules/vocab: class {name}:
  // entry \"...\": problem" for each that fails. Lint compiles; a pack from outside the build
  // is parsed when it loads.
  std::vector<std::string> check_entries(bool compile) const;
  // The atoms of every entry, for tests: how many entries must run on every text.
  std::size_t entries_without_atoms() const;

 private:
  struct Entry {
    int cls;
    std::uint32_t fragment;  // index into fragments_[cls]
  };
  struct Seen;  // what one text holds; per thread (word_finder.cc)

  Seen& seen(std::string_view text) const;
  void confirm(Seen& seen, int cls) const;  // keeps only the class's candidate entries that match

  std::vector<std::string> class_names_;
  std::vector<const std::vector<Vocabulary::Fragment>*> fragments_;  // per class (the vocabulary's), in alternation order
  std::vector<Entry> entries_;
  std::uint32_t pattern_count_ = 0;  // pattern atoms have ids entries_.size() + pattern number
  std::vector<std::vector<std::uint32_t>> always_;  // per class: fragments with no atom, run on every text
  std::vector<std::size_t> classes_with_always_;     // the classes with such fragments
  std::vector<std::vector<std::string>> cased_;      // per class and fragment: a literal it needs in its case, or ""
  // Per class and fragment: the entry as a plain word, if it is one. Worked out when a text first
  // needs the fragment (most never are), not when the engine starts: `plain_known_` says whether
  // it is (0 not yet, 1 known), set after `plain_` under `plain_mutex_`.
  mutable std::vector<std::vector<std::optional<PlainEntry>>> plain_;
  mutable std::vector<std::unique_ptr<std::atomic<std::uint8_t>[]>> plain_known_;
  mutable std::mutex plain_mutex_;
  const std::optional<PlainEntry>& plain(std::size_t cls, std::uint32_t fragment) const;
  LiteralIndex index_;
  std::uint64_t id_;  // tells this finder's per-thread state from another's at the same address
  void take_classes(const Vocabulary& vocabulary);
  RegexCache cache_;
};

// One entry's expression as the finder runs it: an entry written with the word start goes
// without that group (every script's punctuation as UTF-8 ranges: most of each entry's compile),
// and entry_at_word checks where it stands instead.
std::string bare_entry(const Vocabulary::Fragment& f);

// The first match of an entry's bare expression from `pos` that the entry's alternation, with
// its word start, would have found, and refused as the finder refuses a match that continues a
// word: [b, e), b where that alternation's match would begin (on the non-letter its word start
// consumes).
bool entry_at_word(const RE2& bare, bool word_start, std::string_view text, std::size_t pos, std::size_t& b, std::size_t& e);

}  // namespace consentlens
