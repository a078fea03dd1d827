// Turns a finding's slots into plain sentences. It says only what the matched text (through
// the slots) or a cited vendor fact supports; a slot nobody filled reads as "unknown".
// Every sentence comes from core/knowledge/phrases.json or a vendor fact, so the readability
// test can check all of them.
#pragma once
#include <string>
#include <vector>

#include "knowledge.h"
#include "slots.h"

namespace consentlens {

struct Explanation {
  std::string summary;
  std::string who_consented;
  std::string your_choices;
  std::string data_flow;
  std::string training;
  std::vector<Source> sources;  // every vendor fact used, in order of first use
};

Explanation explain(const Knowledge& knowledge, const std::string& kind, const std::string& vendor,
                    const Slots& slots);

}  // namespace consentlens
