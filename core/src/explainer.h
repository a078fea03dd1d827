// Turns what was found about one finding into plain sentences. It says only what the matched
// text (through the slots and readings) or a cited vendor fact supports; a slot nobody filled
// reads as "unknown". Every sentence comes from core/knowledge/phrases.json or a vendor fact,
// so the readability test can check all of them, and every phrase key it may ask for is
// listed by phrases_used(), which `consentlens rules lint` checks against the pack.
//
// A finding in a document (terms, privacy statement, help page) is explained as a document:
// who accepts it, what it allows, the licence in plain words, what you can do about it;
// never with meeting words (host, leave the meeting) its text does not use.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "knowledge.h"
#include "slots.h"
#include "state_reader.h"

namespace consentlens {

// How the notice asks for consent, read from its words (or the vendor's documented notice).
enum class ConsentModel {
  unknown,
  stay,             // staying counts as a yes ("By staying in this meeting, you consent")
  explicit_opt_in,  // each person must say yes; the slot on_decline says what a no does
  none_asked,       // the notice only informs
  account_setting,  // an account rule turned it on for every meeting
};

struct FindingFacts {
  std::string kind;
  std::string vendor;
  State state = State::active;
  bool document = false;
  Slots slots;
  std::string bot_name;                 // notetaker_bot: the name it shows, "" if unknown
  ConsentModel consent_model = ConsentModel::unknown;
  bool third_parties_only = false;      // the clause bars only the vendor's suppliers
  bool others_train = false;            // what the clause allows is other companies training their own models
  std::vector<const Fact*> facts;       // the vendor's facts for this kind, in force, in scope
};

// Whether an account or a meeting's organiser decides for the reader (consent_by holds
// account_admin or organizer): there is someone to ask, and a yes is not the reader's alone.
bool decided_by_account(const Slots& slots);

struct Explanation {
  std::string summary;
  std::string who_consented;
  std::string your_choices;
  std::string data_flow;
  std::string training;
  std::vector<Source> sources;  // every vendor fact used, in order of first use
};

Explanation explain(const Knowledge& knowledge, const FindingFacts& finding);

// Every phrase the explainer may ask for: the pack must have each of them.
std::vector<PhraseKey> phrases_used();

}  // namespace consentlens
