#include "scan.h"

#include <set>

namespace consentlens {
namespace {

// The units of a text: a notice stays one unit per passage (its sentences belong together:
// "... is being recorded. By staying, you consent ..."); a document is cut into sentences.
std::vector<Passage> units_of(std::string_view text, As as) {
  std::vector<Passage> out;
  for (const Passage& p : split_passages(text)) {
    if (as != As::document) {
      out.push_back(p);
      continue;
    }
    for (const Passage& s : split_sentences(text, p))
      if (!is_heading(text.substr(s.begin, s.end - s.begin))) out.push_back(s);
  }
  return out;
}

}  // namespace

Scan scan(const Matcher& matcher, const RulePack& pack, std::string_view text, As as) {
  const auto& rules = pack.rules();
  Scan out;
  int named_priority = -1;
  bool named_in_earlier_unit = false;
  for (const Passage& u : units_of(text, as)) {
    Unit unit{u, {}, {}};
    // Each line is matched on its own (one Set scan per line, so every byte is scanned once):
    // a button label on its own line ("Start recording") must not count as a notice because a
    // real notice sits elsewhere in the same passage. Cues gather over the whole unit, where
    // "By staying in this meeting, you consent" follows the line it speaks about.
    for (std::size_t lb = u.begin; lb < u.end;) {
      std::size_t le = text.find('\n', lb);
      if (le == std::string_view::npos || le > u.end) le = u.end;
      if (le > lb) {
        const auto fired = matcher.fire(text.substr(lb, le - lb));
        std::set<std::string> suppressed;
        for (std::size_t r : fired)
          for (const auto& k : rules[r].suppresses) suppressed.insert(k);
        for (std::size_t r : fired) {
          const Rule& rule = rules[r];
          if (as == As::control && !rule.on_labels) continue;
          if (rule.documents_only && as != As::document) continue;
          if (rule.kind == "cue") unit.cues.push_back(r);
          else if (rule.kind == "vendor_cue") {
            // The first unit that names a vendor decides; within it, the highest priority.
            if (!named_in_earlier_unit && rule.priority > named_priority) {
              named_priority = rule.priority;
              out.named_vendor = rule.vendor;
            }
          } else if (!suppressed.count(rule.kind)) {
            unit.kind_hits.push_back({r, lb, le});
          }
        }
      }
      lb = le + 1;
    }
    if (!out.named_vendor.empty()) named_in_earlier_unit = true;
    if (!unit.kind_hits.empty()) out.units.push_back(std::move(unit));
  }
  return out;
}

}  // namespace consentlens
