// Where the words of a vocabulary class stand in a text: the positions the readers of state,
// stance, context and consent work from ("not" before "train", "stopped" after "recording").
// The rule matcher only says whether a class occurs on a line; the readers need where.
//
// Each class is compiled the first time it is asked for and kept (a class no text needs costs
// nothing). Matching is RE2: linear in the text. Safe to call from several threads: the
// cache is filled under a lock and never changed after.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "vocab.h"

namespace consentlens {

struct Span {
  std::size_t begin;  // byte offsets into the text searched
  std::size_t end;
};

class Lexicon {
 public:
  explicit Lexicon(const Vocabulary& vocabulary) : vocabulary_(vocabulary) {}
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // The occurrences of {cls} in `text`, left to right and not overlapping, each without the
  // non-letter that marks its word start. Empty for a class no language fills.
  std::vector<Span> find(std::string_view cls, std::string_view text) const;
  bool any(std::string_view cls, std::string_view text) const;
  // Whether a vocabulary defines the class at all (a reader may fall back when it does not).
  bool has(std::string_view cls) const;

 private:
  const RE2* compiled(std::string_view cls) const;  // nullptr for an unknown or empty class

  const Vocabulary& vocabulary_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::unique_ptr<RE2>, std::less<>> cache_;
};

}  // namespace consentlens
