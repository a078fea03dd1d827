// The first step of an analysis: which rules fire where. The text is cut into units (a notice
// is one unit; a document one unit per sentence, so that each clause gets its own finding),
// each line of a unit is matched once, and the hits are sorted into the kinds they speak for,
// the cues that add slots, and the names of vendors.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "matcher.h"
#include "passages.h"
#include "rule_pack.h"
#include "text_shape.h"

namespace consentlens {

struct Hit {
  std::size_t rule;
  std::size_t line_begin;  // the line it fired on, as offsets in the normalised text
  std::size_t line_end;
};

struct Unit {
  Passage span;               // the unit in the normalised text
  std::vector<Hit> kind_hits; // rules of finding kinds, not silenced on their line
  std::vector<std::size_t> cues;
  // A document's section title about training with the text under it ("## AI Training" then "We
  // never sell your data. It is not used for training."): a clause only where a sentence under
  // it says something of the title's topic, and none says it in words of its own.
  bool titled = false;
};

struct Scan {
  std::vector<Unit> units;    // only units with at least one kind hit
  std::string named_vendor;   // the vendor the text names first ("" if none)
};

// `as` decides the cut and which rules may speak: a control label only through rules marked
// `on_labels` (a bot's display name, a consent button such as "I agree to be recorded").
Scan scan(const Matcher& matcher, const RulePack& pack, std::string_view text, As as);

}  // namespace consentlens
