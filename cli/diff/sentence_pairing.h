// Pairs the sentences of two versions of a document: sentences equal after normalising (case,
// Markdown, list numbers, punctuation) are the same sentence wherever they moved; the others
// are paired by shared word trigrams, through an index over the new version, so each sentence
// is compared only with the few that share its words (linear in the documents, not quadratic):
// one to one where they are alike, many to one where a paragraph was split or merged.
#pragma once
#include <vector>

#include "diff/doc_structure.h"

namespace consentlens::docs {

struct Pairing {
  std::vector<int> new_of_old;  // -1: none
  std::vector<int> old_of_new;
};

Pairing align(const Document& o, const Document& n);

}  // namespace consentlens::docs
