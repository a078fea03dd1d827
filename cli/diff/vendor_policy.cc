#include "diff/vendor_policy.h"

#include <set>

namespace consentlens::docs {

std::vector<PolicyLine> training_policy(const Knowledge& k, const std::string& vendor, const std::string& date) {
  std::vector<PolicyLine> out;
  const VendorKnowledge* v = k.vendor(vendor);
  if (vendor == "other" || !v) return out;
  std::set<std::string> said;
  // Terms clauses first; a vendor whose pack states training per product falls back to those.
  for (const char* kind : {"training_clause", "ai_assistant", "recording"}) {
    for (const Fact* f : k.facts(vendor, kind, date, Scope::any)) {
      if (f->topic != "training" || !said.insert(f->say).second) continue;
      PolicyLine line{f->say, "", "", ""};
      if (auto it = v->sources.find(f->source); it != v->sources.end())
        line.source_title = it->second.title, line.source_url = it->second.url, line.source_date = it->second.date;
      out.push_back(std::move(line));
    }
    if (!out.empty()) break;
  }
  return out;
}

}  // namespace consentlens::docs
