// Matching. Every pattern and every "unless" pattern of the pack goes into one RE2::Set, so a
// passage is scanned once, in time linear in its length whatever the page contains; only the
// rules that fired are then looked at again (for their evidence span).
//
// Start-up: the Set is compiled at once; each rule's own patterns are compiled the first time
// that rule is looked at, because most rules never fire on a given page and compiling all of
// them up front would double the time an engine takes to become ready.
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

#include "rule_pack.h"


namespace consentlens {

class Matcher {
 public:
  static constexpr std::int64_t kDefaultMaxMem = 96 << 20;

  // Throws PackError ("file: rule id: pattern: RE2 error") if a pattern does not compile.
  explicit Matcher(const RulePack& pack, std::int64_t max_mem = kDefaultMaxMem);
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

 private:
  struct Entry {
    std::size_t rule;
    bool is_unless;
  };
  std::size_t rule_count_;
  std::unique_ptr<RE2::Set> set_;
  std::vector<Entry> entries_;                          // Set index -> rule
  // A rule's own patterns: sources kept from the pack, compiled on first use.
  struct Single {
    std::vector<std::string> patterns, unless;
    mutable std::once_flag compiled;
    mutable std::vector<std::unique_ptr<RE2>> patterns_re, unless_re;
  };
  std::unique_ptr<Single[]> singles_;
  std::int64_t single_max_mem_;
  mutable std::atomic<std::uint64_t> fallbacks_{0};
  std::vector<std::size_t> fire_by_rules(std::string_view passage) const;
  const Single& single(std::size_t r) const;
};

}  // namespace consentlens
