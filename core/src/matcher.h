// Matching: which rules fire on a line, and where.
//
// Nothing is compiled at start. A pattern of the pack has atoms (literal strings it cannot
// match without, atoms.h) and a class formula (the vocabulary classes it cannot match without,
// class_gate.h). On a line, one pass of the word finder's automaton (word_finder.h,
// literal_index.h) over the case-folded text finds both the patterns whose atoms occur and the
// classes that may occur; only the patterns whose atoms and classes are there are compiled (on first need, kept in the
// finder's bounded cache) and run. A pattern naming a class is compiled with the class reduced
// to its entries that may occur on the line, which matches there exactly as the whole class
// would and compiles in a fraction of the time.
//
// A rule's "present" condition needs no pattern of its own: it holds when its classes occur.
//
// Memory: each compiled pattern has a DFA budget (kPatternMaxMem); the cache that holds them is
// bounded (regex_cache.h). RE2 falls back from its DFA to its NFA when a budget runs out, so a
// hostile line costs time linear in its length, never a wrong answer.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "class_gate.h"
#include "rule_pack.h"
#include "word_finder.h"

namespace consentlens {

class Matcher {
 public:
  static constexpr std::int64_t kPatternMaxMem = 4 << 20;
  // Runs of one character bounded below this cost little to compile as written: only longer
  // bounds are dropped on short texts (short_text_bounds.h), which keeps the variants few.
  static constexpr std::size_t kDroppableBound = 30;

  // The atoms of the pack's patterns, in the matcher's order: the word finder indexes them
  // beside the vocabulary's (WordFinder's constructor), so one pass finds both.
  static std::vector<Atoms> pattern_atoms(const RulePack& pack);

  // Reads the pack's patterns (compiling none). The pack and the finder must outlive it; the
  // finder must have been built with pattern_atoms(pack) (else std::logic_error).
  // Throws PackError for a "present" condition too large to evaluate.
  Matcher(const RulePack& pack, const WordFinder& finder);
  // The same from the pack digest (digest.h): the atoms and class formulas were worked out when
  // the digest was made (write()), from the same pack.
  Matcher(const RulePack& pack, const WordFinder& finder, DigestReader& in);
  void write(DigestWriter& out) const;
  ~Matcher();
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  // Which rules fire() asks about: the rules of finding kinds and vendor names, the cues and
  // guards (kind "cue"), or all. A cue only matters beside a kind's hit (scan.h), so a line of
  // prose is asked about kinds first, and about cues only when its unit holds a kind.
  enum class Stage { all, kinds, cues };

  // Indices (into pack.rules()) of the rules that fire on `line`: a pattern matched or a
  // presence condition held, and no "unless" pattern matched. Ascending order.
  std::vector<std::size_t> fire(std::string_view line, Stage stage = Stage::all) const;

  // The first match of rule `r`'s patterns in `line` (or the first word of its presence
  // condition's first group), as byte offsets. False if none.
  bool span(std::size_t r, std::string_view line, std::size_t& begin, std::size_t& end) const;

  // The name a bot shows on `line`, read by rule `r`'s bot_name patterns (their one capturing
  // group), trailing spaces, dashes and colons cut; "" when none reads one.
  std::string bot_name(std::size_t r, std::string_view line) const;

  // Whether rule `r` fires on `text`, found with each pattern compiled whole (every class in
  // full) and run without any prefilter: the reference fire() must agree with (tests, lint).
  bool fires_alone(std::size_t r, std::string_view text) const;

  // Parses (without compiling) every pattern, classes standing in as plain groups, and every
  // vocabulary entry: "file: rule id: pattern \"...\": RE2 error" for each that does not parse.
  // For a pack from outside the build, when it loads (the digest's packs passed it when built).
  std::vector<std::string> check_syntax() const;

  // Compiles every pattern whole and every vocabulary entry, and lists the ones that do not
  // compile as "file: rule id: pattern: problem". For lint.
  std::vector<std::string> compile_all() const;

 private:
  struct Single {  // one pattern or "unless" pattern
    std::string pattern;  // as written, with {class} names
    std::size_t rule = 0;
    bool is_unless = false;
    std::string label;  // "file: rule id: pattern \"...\"" for error messages
    ClassGate gate;     // the classes it needs
    bool names_class = false;
    std::vector<int> named;  // the classes it names, in order (a class named twice, twice)
    std::string plain;       // expanded, when it names no class
    // The first single written the same way: rules that share a pattern share its compiled
    // expressions (a consent question is both a terms prompt and a cue).
    std::size_t same_as = 0;
    // The bounds of its runs of one character that a short text lets it drop (ascending):
    // short_text_bounds.h.
    std::vector<std::size_t> droppable_bounds;
    // The whole expansion, for fires_alone and compile_all: made on first use.
    mutable std::once_flag whole_once;
    mutable std::unique_ptr<RE2> whole;
  };
  struct Presence {
    std::size_t rule;
    ClassGate gate;
    std::vector<int> first_group;  // classes whose first word is the evidence span
  };
  class Line;  // what one line holds (matcher.cc)

  std::shared_ptr<const RE2> reduced(const Single& s, std::string_view line) const;
  const RE2& whole(const Single& s) const;
  bool presence_holds_alone(const Presence& p, std::string_view text) const;

  std::string expand_for(const std::string& pattern, std::string_view line) const;
  bool not_a_name(const std::string& name) const;
  void take_patterns();  // singles_ and the rules' lists of them, from pack_

  const WordFinder& finder_;
  const RulePack& pack_;
  const Vocabulary& vocab_;
  std::size_t rule_count_;
  std::unique_ptr<Single[]> singles_;
  std::size_t single_count_ = 0;
  std::vector<std::vector<std::size_t>> rule_patterns_, rule_unless_;  // rule -> singles
  std::vector<std::size_t> without_atoms_;  // singles with no atom: checked on every line
                                            // (the others' atoms are in the finder's automaton)
  std::vector<char> rule_is_cue_;            // per rule: of kind "cue" (Stage::cues)
  std::vector<std::size_t> without_atoms_by_stage_[3];  // without_atoms_ of the rules each Stage asks about
  void split_by_stage();
  std::vector<Presence> presences_;
  std::vector<std::vector<std::size_t>> rule_presences_;  // rule -> indices into presences_
  // Each class compiled whole, on first use, for fires_alone.
  mutable std::unique_ptr<std::once_flag[]> class_once_;
  mutable std::unique_ptr<std::unique_ptr<RE2>[]> class_whole_;
};

}  // namespace consentlens
