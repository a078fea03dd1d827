#include "engine.h"

#include <algorithm>
#include <map>
#include <set>

#include "contract.h"
#include "explainer.h"
#include "passages.h"
#include "utf8.h"

namespace consentlens {
namespace {

using Json = nlohmann::ordered_json;

// Slots every finding carries, with the value that means "nobody said".
void fill_unknowns(Slots& s, bool clause) {
  for (const char* list : {"consent_by", "data", "destinations"})
    if (!s.has(list)) s.add(list, "unknown");
  if (!s.has("your_choices")) s.add("your_choices", "unknown");
  if (!s.has("training")) s.add("training", "unknown", -1000);
  if (clause) {
    if (!s.has("stance")) s.add("stance", "unspecified", -1000);
    if (!s.has("data_scope")) s.add("data_scope", "unknown");
    if (!s.has("third_party_models")) s.add("third_party_models", "unspecified", -1000);
  }
}

// The contract ties training to stance for clauses (shared/reference/clause-facts.md).
void align_training_with_stance(Slots& s) {
  const std::string stance = s.scalar("stance");
  const std::string training = stance == "permits" ? "yes" : stance == "permits_with_consent" ? "with_consent"
                               : stance == "prohibits" ? "no" : "unknown";
  s.add("training", training, 1000);
}

Json to_json(const std::vector<std::string>& v) {
  Json a = Json::array();
  for (const auto& x : v) a.push_back(x);
  return a;
}

}  // namespace

Engine::Engine(const std::vector<PackFile>& files) : Engine(files, true) {}

Engine::Engine(const std::vector<PackFile>& files, bool check_syntax) {
  // Gather every problem of every pack before giving up, so one lint run shows them all.
  std::vector<std::string> errors;
  rules_ = RulePack::load(files, errors);
  try {
    knowledge_ = Knowledge::load(files);
  } catch (const PackError& e) {
    errors.insert(errors.end(), e.problems().begin(), e.problems().end());
  }
  try {
    matcher_ = std::make_unique<Matcher>(rules_, Matcher::kDefaultMaxMem, check_syntax);
  } catch (const PackError& e) {
    errors.insert(errors.end(), e.problems().begin(), e.problems().end());
  }
  if (!errors.empty()) throw PackError(std::move(errors));
}

Engine::Engine(const std::vector<PackFile>& files, BuiltTogether) : Engine(files, false) {}

Analysis Engine::analyze(std::string_view input, const AnalyzeOptions& options) const {
  if (input.size() > kMaxInputBytes)
    throw InputError("input is " + std::to_string(input.size()) + " bytes; the limit is " +
                     std::to_string(kMaxInputBytes) + " bytes (16 MiB)");
  if (!options.vendor.empty() && contract::index_of(contract::vendors(), options.vendor) < 0)
    throw InputError("unknown vendor \"" + options.vendor + "\"");

  Analysis out;
  Utf8Repair repaired = repair_utf8(input);
  if (repaired.invalid > 0)
    out.warnings.push_back("invalid UTF-8: " + std::to_string(repaired.invalid) +
                           " byte sequence(s) replaced with U+FFFD, the first at byte " +
                           std::to_string(repaired.first_invalid));
  const NormalizedText norm = normalize(repaired.text);
  const std::string_view text = norm.text;
  const auto& rules = rules_.rules();

  // Each line is matched on its own (one Set scan per line, so every byte is scanned once):
  // a button label on its own line ("Start recording") must not count as a notice because a
  // real notice sits elsewhere in the same passage. Cues gather over the whole passage, where
  // "By staying in this meeting, you consent" follows the line it speaks about.
  struct Hit {
    std::size_t rule;
    std::size_t line_begin;  // offset of the line in the normalised text
    std::size_t line_end;
  };
  struct PassageHits {
    Passage passage;
    std::vector<Hit> kind_hits;
    std::vector<std::size_t> cues;
  };
  std::vector<PassageHits> hits;
  std::string page_vendor = options.vendor;
  if (page_vendor.empty()) page_vendor = knowledge_.vendor_for_url(options.url);
  std::string named_vendor;
  int named_priority = -1;
  bool named_in_earlier_passage = false;
  for (const Passage& p : split_passages(text)) {
    PassageHits ph{p, {}, {}};
    for (std::size_t lb = p.begin; lb < p.end;) {
      std::size_t le = text.find('\n', lb);
      if (le == std::string_view::npos || le > p.end) le = p.end;
      if (le > lb) {
        const auto fired = matcher_->fire(text.substr(lb, le - lb));
        std::set<std::string> suppressed;
        for (std::size_t r : fired)
          for (const auto& k : rules[r].suppresses) suppressed.insert(k);
        for (std::size_t r : fired) {
          const Rule& rule = rules[r];
          if (rule.kind == "cue") ph.cues.push_back(r);
          else if (rule.kind == "vendor_cue") {
            // The first passage that names a vendor decides; within it, the highest priority.
            if (!named_in_earlier_passage && rule.priority > named_priority) {
              named_priority = rule.priority;
              named_vendor = rule.vendor;
            }
          } else if (!suppressed.count(rule.kind)) {
            ph.kind_hits.push_back({r, lb, le});
          }
        }
      }
      lb = le + 1;
    }
    if (!named_vendor.empty()) named_in_earlier_passage = true;
    if (!ph.kind_hits.empty()) hits.push_back(std::move(ph));
  }
  // The vendor of the page: the caller's word, then the URL, then the first name in the text.
  if (page_vendor.empty()) page_vendor = named_vendor.empty() ? "other" : named_vendor;

  Json findings = Json::array();
  std::set<std::string> seen;
  for (const auto& h : hits) {
    for (const auto kind_view : contract::kinds()) {
      const std::string kind(kind_view);
      // The rule that speaks for this kind: highest priority, then first in the text.
      const Hit* primary = nullptr;
      Slots slots;
      std::string vendor;
      for (const Hit& hit : h.kind_hits) {
        const Rule& rule = rules[hit.rule];
        if (rule.kind != kind) continue;
        if (!primary || rule.priority > rules[primary->rule].priority) primary = &hit;
        slots.merge(rule.slots, rule.priority);
        if (vendor.empty() && rule.vendor != "any") vendor = rule.vendor;
      }
      if (!primary) continue;
      const Rule& primary_rule = rules[primary->rule];
      if (primary_rule.vendor != "any") vendor = primary_rule.vendor;
      for (std::size_t r : h.cues) {
        const Rule& cue = rules[r];
        if (!cue.applies_to.empty() && std::find(cue.applies_to.begin(), cue.applies_to.end(), kind) == cue.applies_to.end())
          continue;
        slots.merge(cue.slots, cue.priority);
      }
      if (vendor.empty()) vendor = page_vendor;
      const VendorKnowledge* vk = knowledge_.vendor(vendor);
      const KindKnowledge* defaults = vk ? vk->kind(kind) : nullptr;
      if (!defaults) defaults = knowledge_.vendor("other")->kind(kind);
      if (defaults) slots.add_defaults(defaults->defaults);
      const bool clause = kind == "training_clause";
      fill_unknowns(slots, clause);
      if (clause) align_training_with_stance(slots);

      const std::string_view line = text.substr(primary->line_begin, primary->line_end - primary->line_begin);
      std::size_t b = 0, e = 0;
      matcher_->span(primary->rule, line, b, e);
      const Passage quote = sentence_around(text, {primary->line_begin, primary->line_end},
                                            primary->line_begin + b, primary->line_begin + e);
      const std::string evidence(text.substr(quote.begin, quote.end - quote.begin));
      if (!seen.insert(kind + "\x1f" + primary_rule.id + "\x1f" + evidence).second) continue;

      Json f;
      f["kind"] = kind;
      f["vendor"] = vendor;
      for (const char* s : {"consent_by", "your_choices", "data", "destinations"}) f[s] = to_json(slots.list(s));
      f["training"] = slots.scalar("training");
      if (clause) {
        f["stance"] = slots.scalar("stance");
        f["data_scope"] = to_json(slots.list("data_scope"));
        f["license_terms"] = to_json(slots.list("license_terms"));
        f["third_party_models"] = slots.scalar("third_party_models");
      }
      f["evidence"] = {{"text", evidence}, {"start", quote.begin}, {"end", quote.end}};
      const Explanation ex = explain(knowledge_, kind, vendor, slots);
      f["explanation"] = {{"summary", ex.summary},
                          {"who_consented", ex.who_consented},
                          {"your_choices", ex.your_choices},
                          {"data_flow", ex.data_flow},
                          {"training", ex.training}};
      Json sources = Json::array();
      for (const auto& s : ex.sources) sources.push_back({{"url", s.url}, {"date", s.date}, {"title", s.title}});
      f["sources"] = sources;
      f["rule"] = primary_rule.id;
      findings.push_back(std::move(f));
    }
  }
  out.result = Json{{"findings", std::move(findings)}};
  return out;
}

}  // namespace consentlens
