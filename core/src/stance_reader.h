// What a sentence of a terms or privacy text says about training AI on data: permits,
// permits with consent, or prohibits, and whose training it speaks of. Read from the
// positions of vocabulary words (core/rules/vocab/: `train`, `model`, `improve`, `neg`,
// `prohibit`, `without`, `unless`, `only_if`, `opt_in`, `opt_out`, `deidentify`, `we`,
// `third_parties`, `you_subject`, `clause_break`), never from a window of words alone:
//
// - a training predicate is a `train` word with a `model` word in its clause ("train our
//   models", "used for AI training"), or an `improve` word shortly followed by a `model` word
//   that is not a tool (`instrument` right before it: "Enhance your meetings with AI"), or in
//   a verb-final language an `improve_after` right after the model word ("Modelle zu verbessern");
// - its clause runs between `clause_break` words ("but", "however", ";") of the sentence,
//   however far the negation stands from the verb ("Zoom does not use any of your audio,
//   video, chat ... or other ... Content to train ...");
// - a negation (`neg`, or `prohibit`: "prohibits them from ... using ... to train") before the
//   predicate in its clause negates it; in verb-final languages (`neg_anywhere`) also after, and
//   after a fronted purpose ("To train our models, we do not use ...": `purpose_opener`);
// - whose training is negated: the subject before the negation (`we`, the vendor's name,
//   `third_parties`, `you_subject`: pronouns and nouns, never possessives, since "Ihre Daten
//   werden nicht ... verwendet" is the vendor's promise) or, after `prohibit`, its object;
// - conditions anywhere in the sentence: "without your consent", "only with", "unless you opt
//   in" make it permits_with_consent, unless the condition is a state (`state_condition`:
//   "provided that you are a business customer", "only where permitted by law"); "unless you opt out" or an opt-out is permits with an
//   opt-out; de-identified or aggregated data is still training (permits).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "lexicon.h"

namespace consentlens {

struct StanceReading {
  bool found = false;        // the sentence has a training predicate
  std::string stance;        // permits, permits_with_consent, prohibits ("" when !found)
  bool opt_out = false;      // training by default, with a way out
  bool deidentified = false; // the data is de-identified or aggregated first
  // Whose training the sentence forbids, when it forbids: only the vendor's suppliers (the
  // vendor's own training is then not stated), or only users (a ban on users training AI on
  // the vendor's output, which says nothing about what happens to your data).
  bool third_parties_only = false;
  bool users_only = false;
  // What it allows, the models trained are other companies' own ("the recipients of the
  // information may use it ... to train their artificial intelligence models").
  bool others_train = false;
  Span predicate{0, 0};      // the training words the reading is about
};

// `names`: the vendor's names as they appear in text ("Zoom"), read as the vendor speaking.
StanceReading read_stance(const Lexicon& lexicon, std::string_view sentence, const std::vector<std::string>& names);

}  // namespace consentlens
