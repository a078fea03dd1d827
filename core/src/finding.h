// The second step of an analysis: one finding per kind that fired in a unit. The rules' slots
// and the cues' slots are read first, then what the words say (the state of the activity,
// the stance of a clause, how consent is asked, a bot's name), then the vendor's facts in
// force on the text's date fill what the text left open, and the explainer puts it in words.
#pragma once
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "knowledge.h"
#include "lexicon.h"
#include "matcher.h"
#include "rule_pack.h"
#include "scan.h"
#include "text_shape.h"

namespace consentlens {

// What holds for every finding of one analysis.
struct FindingContext {
  const RulePack& rules;
  const Matcher& matcher;
  const Knowledge& knowledge;
  const Lexicon& lexicon;
  std::string_view text;    // normalised
  As as;
  std::string page_vendor;  // the caller's, the URL's, or the first one the text names
  std::string date;         // the text's date (YYYY-MM-DD), "" for today
  Scope scope = Scope::any;
};

// Appends the findings of `unit` to `out` (a JSON array). `seen` drops a finding already made
// from the same rule and evidence elsewhere in the text.
void build_findings(const FindingContext& ctx, const Unit& unit, nlohmann::ordered_json& out, std::set<std::string>& seen);

// In a document, a clause often takes two sentences: "You agree that Zoom compiles Service Generated
// Data ... You consent to Zoom's use of it for any purpose, including ... training". Each sentence
// is a unit, so the first says "does not say if the data trains AI" and the second "can train":
// two answers for one clause. Drops a training clause with no stance and no licence terms when
// another training clause of the same paragraph states one.
void drop_unstated_twins(std::string_view text, nlohmann::ordered_json& findings);

}  // namespace consentlens
