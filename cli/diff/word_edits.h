// Two versions of one sentence, word by word: the words each version has that the other lacks,
// run by run. `consentlens diff` quotes the run that changed (excerpt.h) and reads what an added
// aside or list item does to a clause's scope ("apps and integrations, including Zoom-developed
// apps, approved by ..."; "to use, license or generate Customer Content").
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace consentlens::docs {

struct Word {
  std::size_t begin, end;  // byte offsets in the sentence
  std::string folded;      // lower-case letters and digits: "Content," and "content" are one word
};

// The words of a sentence, split at spaces.
std::vector<Word> words_of(const std::string& text);

// Sentences longer than this (in words) are not aligned word by word: the table grows with the
// product of their lengths.
constexpr std::size_t kMaxAlignedWords = 600;

// One place where the sentences differ: words [first, end) of `mine` stand where words
// [other_first, other_end) of `theirs` stood. Either side may be empty (words only added, or
// only taken out).
struct WordRun {
  std::size_t first, end;
  std::size_t other_first, other_end;
  std::size_t size() const { return (end - first) + (other_end - other_first); }
};

// The places where `mine` differs from `theirs`, in order, along a longest common subsequence
// of their words (none for equal words); no answer for sentences longer than kMaxAlignedWords
// or with no word in common.
std::optional<std::vector<WordRun>> differing_runs(const std::vector<Word>& mine, const std::vector<Word>& theirs);

}  // namespace consentlens::docs
