// The value sets of the findings contract (docs/findings.md says what each means), generated from
// core/contract/contract.json, the one file that lists them with the words people read for
// them (scripts/gen-contract.py writes these tables and the extension's contract.js). Rules and
// vendor facts are validated against them, and arrays are written in the order listed here so
// that output is stable.
#pragma once
#include <span>
#include <string>
#include <string_view>

namespace consentlens::contract {

std::span<const std::string_view> kinds();            // finding kinds
std::span<const std::string_view> vendors();
std::span<const std::string_view> consent_by();
std::span<const std::string_view> your_choices();
std::span<const std::string_view> data();
std::span<const std::string_view> destinations();
std::span<const std::string_view> training();
std::span<const std::string_view> stance();
std::span<const std::string_view> data_scope();
std::span<const std::string_view> license_terms();
std::span<const std::string_view> third_party_models();
std::span<const std::string_view> explanation_topics();  // summary, who_consented, ...
std::span<const std::string_view> states();    // active, possible, stopped
std::span<const std::string_view> contexts();  // meeting, document
std::span<const std::string_view> as_values(); // notice, control, document (what a text is)
// Not a field of a finding: what saying no to an explicit consent prompt does (the explainer
// says it in your_choices).
std::span<const std::string_view> on_decline();
std::span<const std::string_view> choices();      // a person's choices in the history
std::span<const std::string_view> event_types();  // finding_shown, choice

// The set a slot name draws from, or an empty span for an unknown slot name.
std::span<const std::string_view> values_of(std::string_view slot);

// The words people read for a value of a list ("kinds", "vendors", "explanation_topics", ...,
// the names of contract.json); "" for an unknown list or value.
std::string_view label(std::string_view list, std::string_view value);

// Position of `value` in `set`, or -1.
int index_of(std::span<const std::string_view> set, std::string_view value);

inline bool is_finding_kind(std::string_view k) { return index_of(kinds(), k) >= 0; }

// Whether the history may keep a quote of a text from this item source: false for the sources
// whose text is people's own words (contract.json marks them "quotable": false: chat, captions,
// the participant list) and for a source the contract does not list.
bool source_quotable(std::string_view source);

}  // namespace consentlens::contract
