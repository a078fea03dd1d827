// What changed in meaning between two versions of a terms or privacy document.
//
// Alignment (sentence_pairing.h): sentences equal after normalising (case, Markdown, list numbers, punctuation)
// are the same sentence wherever they moved; the others are paired by shared word trigrams
// (an index over the new version, so each sentence is compared only with the few that share its
// words: linear in the documents, not quadratic), one to one where they are alike, many to one
// where a paragraph was split or merged; what remains is paired by section and topic, for
// rewrites that share no words.
//
// Comparison: each pair's meaning (clause_meaning.h) is compared field by field; one sentence
// may change several things (stance, scope, third-party models). A pair whose meaning is the
// same is a wording edit: counted as noise, not listed (unless asked for).
#pragma once
#include <string>
#include <vector>

#include "diff/clause_meaning.h"
#include "diff/doc_structure.h"
#include "diff/excerpt.h"
#include "lexicon.h"

namespace consentlens::docs {

struct Change {
  std::string change;      // stance_changed, scope_widened, ..., other_data_use
  std::string section;
  std::string old_stance;  // "" when there is no passage, or the change is not about training
  std::string new_stance;
  const Sentence* old_sentence = nullptr;
  const Sentence* new_sentence = nullptr;
  ClauseMeaning old_meaning, new_meaning;
  Excerpt old_quote, new_quote;  // the part of each sentence that changed (empty without a sentence)
  std::string aside;  // the aside or list item added or dropped ("including our advertising partners"), when that is the change
  bool aside_left_out = false;  // the aside is an item of what the use leaves out ("except ... and direct messages")
  bool catch_all = false;  // named kinds of data gave way to a catch-all word, or the other way round
  std::vector<std::string> kinds;  // kinds of data the other version never names, where that is the change
  bool way_out_dropped = false;  // a way out (an opt-out) the old version offered is gone
  bool ai_use = false;  // a use of your content or AI inputs to develop products, nothing said of training (new_ai_use)
  int advertising = 0;  // +1: the company's own advertising or marketing is now among the uses; -1: no longer
  int negation = 0;  // +1: a negation added and nothing else ("No text ... is used"); -1: one dropped
};

struct Edit {  // a change of wording only
  const Sentence* old_sentence = nullptr;
  const Sentence* new_sentence = nullptr;
};

struct Comparison {
  std::vector<Change> changes;
  std::vector<Edit> noise;
};

// `names`: the vendor's names as the documents write them ("Zoom"), for who is using the data.
Comparison compare(const Lexicon& lexicon, const Document& old_doc, const Document& new_doc, const std::vector<std::string>& names);

}  // namespace consentlens::docs
