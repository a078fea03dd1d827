// Where the words of a vocabulary class stand in a text: the positions the readers of state,
// stance, context and consent work from ("not" before "train", "stopped" after "recording").
// The rule matcher only says whether a class occurs on a line; the readers need where.
//
// A view of the word finder (word_finder.h) by class name: nothing is compiled up front, and
// what a text needs is compiled on first use and kept in the finder's bounded cache. Safe to
// call from several threads.
#pragma once
#include <algorithm>
#include <memory>
#include <string_view>
#include <vector>

#include "word_finder.h"

namespace consentlens {

class Lexicon {
 public:
  // Shares the engine's finder (and its cache of compiled classes).
  explicit Lexicon(const WordFinder& finder) : finder_(finder) {}
  // A finder of its own, for tools that read words without an engine.
  explicit Lexicon(const Vocabulary& vocabulary) : owned_(std::make_unique<WordFinder>(vocabulary)), finder_(*owned_) {}
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // The occurrences of {cls} in `text`, left to right and not overlapping, each without the
  // non-letter that marks its word start. Empty for a class no language fills. A negation
  // ({neg}, {neg_anywhere}) inside a {not_neg} is not one: the class holds another language's
  // look-alike in the words that show it is that language's (Dutch "wordt nu opgenomen", is now
  // being recorded, against Romanian "nu", not). A {neg_anywhere} that some language writes
  // before its verb is read as that one.
  std::vector<Span> find(std::string_view cls, std::string_view text) const {
    std::vector<Span> spans = finder_.spans(text, finder_.class_index(cls));
    if (!spans.empty() && is_negation(cls)) drop_look_alikes(spans, text);
    if (!spans.empty() && cls == "neg_anywhere") drop_before_negations(spans, text);
    return spans;
  }
  bool any(std::string_view cls, std::string_view text) const {
    return is_negation(cls) ? !find(cls, text).empty() : finder_.occurs(text, finder_.class_index(cls));
  }
  // Whether a vocabulary defines the class at all (a reader may fall back when it does not).
  bool has(std::string_view cls) const { return finder_.class_index(cls) >= 0; }

 private:
  static bool is_negation(std::string_view cls) { return cls == "neg" || cls == "neg_anywhere"; }
  void drop_look_alikes(std::vector<Span>& spans, std::string_view text) const {
    const int k = finder_.class_index("not_neg");
    if (k < 0 || !finder_.occurs(text, k)) return;
    const std::vector<Span> alike = finder_.spans(text, k);
    std::erase_if(spans, [&](const Span& n) {
      return std::any_of(alike.begin(), alike.end(), [&](const Span& a) { return a.begin <= n.begin && n.end <= a.end; });
    });
  }

  // A verb-final language's negation that another language also writes, before its verb
  // (Tajik and Russian "не"), negates only what follows: "..., если вы не откажетесь" is no
  // negation of the training before it.
  void drop_before_negations(std::vector<Span>& spans, std::string_view text) const {
    const int k = finder_.class_index("neg_before");
    if (k < 0 || !finder_.occurs(text, k)) return;
    const std::vector<Span> before = finder_.spans(text, k);
    std::erase_if(spans, [&](const Span& n) {
      return std::any_of(before.begin(), before.end(), [&](const Span& b) { return b.begin == n.begin; });
    });
  }

  std::unique_ptr<WordFinder> owned_;  // declared before finder_, which may refer to it
  const WordFinder& finder_;
};

}  // namespace consentlens
