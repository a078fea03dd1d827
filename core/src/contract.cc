#include "contract.h"

#include <array>

namespace consentlens::contract {
namespace {

using namespace std::string_view_literals;
#include "contract_data.inc"

struct List {
  std::string_view name;
  std::span<const std::string_view> ids;
  std::span<const std::string_view> labels;
};

constexpr std::array kLists{
    List{"kinds", kKinds, kKindsLabels}, List{"states", kStates, kStatesLabels}, List{"contexts", kContexts, kContextsLabels},
    List{"as", kAs, kAsLabels}, List{"vendors", kVendors, kVendorsLabels}, List{"consent_by", kConsentBy, kConsentByLabels},
    List{"your_choices", kYourChoices, kYourChoicesLabels}, List{"data", kData, kDataLabels},
    List{"destinations", kDestinations, kDestinationsLabels}, List{"training", kTraining, kTrainingLabels},
    List{"stance", kStance, kStanceLabels}, List{"data_scope", kDataScope, kDataScopeLabels},
    List{"license_terms", kLicenseTerms, kLicenseTermsLabels},
    List{"third_party_models", kThirdPartyModels, kThirdPartyModelsLabels},
    List{"on_decline", kOnDecline, kOnDeclineLabels}, List{"explanation_topics", kExplanationTopics, kExplanationTopicsLabels},
    List{"choices", kChoices, kChoicesLabels}, List{"event_types", kEventTypes, kEventTypesLabels},
    List{"item_sources", kItemSources, kItemSourcesLabels}};

const List* list_named(std::string_view name) {
  for (const auto& l : kLists)
    if (l.name == name) return &l;
  return nullptr;
}

}  // namespace

std::span<const std::string_view> kinds() { return kKinds; }
std::span<const std::string_view> vendors() { return kVendors; }
std::span<const std::string_view> consent_by() { return kConsentBy; }
std::span<const std::string_view> your_choices() { return kYourChoices; }
std::span<const std::string_view> data() { return kData; }
std::span<const std::string_view> destinations() { return kDestinations; }
std::span<const std::string_view> training() { return kTraining; }
std::span<const std::string_view> stance() { return kStance; }
std::span<const std::string_view> data_scope() { return kDataScope; }
std::span<const std::string_view> license_terms() { return kLicenseTerms; }
std::span<const std::string_view> third_party_models() { return kThirdPartyModels; }
std::span<const std::string_view> explanation_topics() { return kExplanationTopics; }
std::span<const std::string_view> states() { return kStates; }
std::span<const std::string_view> contexts() { return kContexts; }
std::span<const std::string_view> as_values() { return kAs; }
std::span<const std::string_view> on_decline() { return kOnDecline; }
std::span<const std::string_view> choices() { return kChoices; }
std::span<const std::string_view> event_types() { return kEventTypes; }

std::span<const std::string_view> values_of(std::string_view slot) {
  // Slot names are the contract's list names; only these lists are slots.
  for (std::string_view s : {"consent_by"sv, "your_choices"sv, "data"sv, "destinations"sv, "training"sv, "stance"sv,
                             "data_scope"sv, "license_terms"sv, "third_party_models"sv, "on_decline"sv})
    if (s == slot) return list_named(slot)->ids;
  return {};
}

std::string_view label(std::string_view list, std::string_view value) {
  const List* l = list_named(list);
  if (!l) return {};
  const int i = index_of(l->ids, value);
  return i < 0 ? std::string_view() : l->labels[static_cast<std::size_t>(i)];
}

int index_of(std::span<const std::string_view> set, std::string_view value) {
  for (std::size_t i = 0; i < set.size(); ++i)
    if (set[i] == value) return static_cast<int>(i);
  return -1;
}

bool source_quotable(std::string_view source) {
  const int i = index_of(kItemSources, source);
  return i >= 0 && kItemSourcesQuotable[static_cast<std::size_t>(i)];
}

}  // namespace consentlens::contract
