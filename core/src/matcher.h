// Matching. Every pattern and every "unless" pattern of the pack goes into one RE2::Set, so a
// passage is scanned once, in time linear in its length whatever the page contains; only the
// rules that fired are then looked at again (to confirm them and find their evidence span).
//
// Vocabulary classes go into the Set once each, not once per pattern that uses them: a pattern
// that needs classes ("{rec}.*{consent}") stays out of the Set and is run on its own only on a
// line where the Set found the classes it needs (ClassGate). Without this, a class as large as
// {control} (every language's button verbs) is copied into every pattern that names it, and
// the automaton grows to megabytes that take seconds to build.
//
// The Set holds a relaxed form of each remaining pattern: a long bounded gap such as `.{0,120}` becomes
// `.*` (see relax_gaps). A DFA must count every position inside such a gap separately, and a
// few of them together multiply its states until it spends its time building states instead
// of matching. The relaxed pattern matches whenever the exact one does, so the Set is an exact
// prefilter; a hit from a relaxed pattern is then confirmed with the pattern itself.
//
// Start-up: the Set is compiled at once; each pattern on its own is compiled the first time it
// is needed, because most rules never fire on a given page.
//
// Memory: the Set's DFA gets `max_mem` bytes. If a hostile or huge passage exhausts it, RE2
// reports kOutOfMemory instead of a silent "no match"; the matcher then falls back to the
// rules' own compiled patterns (still linear time, slower) and counts the fallback.
#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "class_gate.h"
#include "rule_pack.h"

namespace consentlens {

// `pattern` with every bounded repeat of a single-character atom (`.`, `\S`, `\s`, a bracket
// class) whose upper bound is `min_bound` or more rewritten as `*`: a pattern that matches
// wherever the original does.
std::string relax_gaps(const std::string& pattern, int min_bound = 20);

class Matcher {
 public:
  // The Set's DFA budget. Notices in many languages need many DFA states; with less than this
  // the cache fills and is rebuilt over and over (benchmarks in docs/benchmarks.md).
  static constexpr std::int64_t kDefaultMaxMem = 256 << 20;

  // Throws PackError ("file: rule id: pattern: RE2 error") if a pattern does not compile. With
  // `check_syntax`, also if a pattern kept out of the Set does not parse (otherwise it is parsed
  // when first needed; `consentlens rules lint` checks the built-in pack with it).
  explicit Matcher(const RulePack& pack, std::int64_t max_mem = kDefaultMaxMem, bool check_syntax = true);
  ~Matcher();
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  // Indices (into pack.rules()) of the rules that fire on `passage`: a pattern matched and no
  // "unless" pattern did. Ascending order.
  std::vector<std::size_t> fire(std::string_view passage) const;

  // The first match of rule `r`'s patterns in `passage`, as byte offsets. False if none.
  bool span(std::size_t r, std::string_view passage, std::size_t& begin, std::size_t& end) const;

  // Same as fire() but with each rule's own patterns, no Set: the reference the Set must agree with.
  bool fires_alone(std::size_t r, std::string_view text) const;

  std::uint64_t dfa_fallbacks() const { return fallbacks_.load(); }

  // Compiles every pattern on its own (normally done on first use) and lists the ones that do
  // not compile within their memory budget, as "file: rule id: pattern: problem". For lint.
  std::vector<std::string> compile_all() const;

 private:
  // One pattern on its own: its source, compiled on first use.
  struct Single {
    mutable std::string source;  // as compiled; for a pattern with classes, made on first use
    std::string pattern;         // as written
    std::size_t rule = 0;
    std::string label;            // "file: rule id: pattern \"...\"" for error messages
    bool relaxed_in_set = false;  // the Set holds a relaxed form: a Set hit must be confirmed
    bool gated = false;           // not in the Set: run when `gate` allows
    ClassGate gate;
    mutable std::once_flag compiled;
    mutable std::unique_ptr<RE2> re;
  };
  struct RulePatterns {
    std::vector<std::size_t> patterns, unless;  // indices into singles_
  };
  struct Entry {
    std::size_t rule;
    std::size_t single;  // index into singles_; for a class entry, the class number
    bool is_unless;
    bool is_class = false;
  };

  // A rule's "present" condition: the classes it needs on the line, as a gate and nothing else.
  struct Presence {
    std::size_t rule;
    ClassGate gate;
    std::vector<int> first_group;  // classes whose first occurrence is the evidence span
  };

  std::size_t rule_count_;
  std::unique_ptr<RE2::Set> set_;
  std::vector<Presence> presences_;
  std::vector<std::vector<std::size_t>> rule_presences_;  // rule -> indices into presences_
  std::vector<std::string> class_names_;
  // Each class compiled on its own, on first use: for rules checked without the Set (lint, the
  // fallback) and for the evidence span of a presence condition.
  mutable std::unique_ptr<std::once_flag[]> class_compiled_;
  mutable std::unique_ptr<std::unique_ptr<RE2>[]> class_re_;
  std::vector<Entry> entries_;  // Set index -> rule and pattern
  std::vector<RulePatterns> rule_patterns_;
  std::vector<std::size_t> gated_patterns_, gated_unless_;  // indices into singles_
  std::size_t class_count_ = 0;
  std::unique_ptr<Single[]> singles_;
  std::int64_t single_max_mem_;
  Vocabulary vocab_;  // a copy (the pack may move): expands patterns with classes on first use
  mutable std::atomic<std::uint64_t> fallbacks_{0};

  const RE2& compiled(std::size_t single) const;
  const RE2& class_regex(std::size_t cls) const;
  bool presence_holds(const Presence& p, std::string_view text) const;
  bool matches(std::size_t single, std::string_view text) const;
  std::vector<std::size_t> fire_by_rules(std::string_view passage) const;
};

}  // namespace consentlens
