// Short quotes for a change: the clause of a sentence that changed, not the whole sentence.
// Terms sentences run to 150 words; a reader wants the dozen that moved. A quote is an exact
// substring of the sentence, so its offsets in the document stay true.
#pragma once
#include <cstddef>
#include <string>

#include "diff/doc_structure.h"

namespace consentlens::docs {

struct Excerpt {
  std::string text;
  std::size_t begin = 0, end = 0;  // byte offsets in the document's plain text
};

// The clauses of `changed` and `other` that differ (word by word from both ends), widened to
// clause marks (";", ":", sentence ends) and cut to about kMaxWords words. Two sentences that
// share neither their first nor their last word are different sentences: the quote is then
// the clause at `anchor` (bytes into `changed`).
Excerpt changed_part(const Sentence& changed, const Sentence& other, std::size_t anchor);

// The clause of `s` that holds the byte `at` (relative to the sentence), cut the same way.
Excerpt part_at(const Sentence& s, std::size_t at);

}  // namespace consentlens::docs
