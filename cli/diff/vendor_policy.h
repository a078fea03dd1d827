// What the knowledge pack says a vendor's policy on training AI was at a date: the facts in
// force that day (core/knowledge/vendors/*.json, each with its source and date), so a version
// of March 2023 is read beside the policy of March 2023, not today's.
#pragma once
#include <string>
#include <vector>

#include "knowledge.h"

namespace consentlens::docs {

struct PolicyLine {
  std::string say;           // the fact, in plain words
  std::string source_title;  // where it comes from
  std::string source_url;
  std::string source_date;   // the date of the fact itself
};

// The vendor's training facts that held on `date` (YYYY-MM-DD; "" today). Empty for "other"
// or a vendor the pack knows nothing about on that topic.
std::vector<PolicyLine> training_policy(const Knowledge& knowledge, const std::string& vendor, const std::string& date);

}  // namespace consentlens::docs
