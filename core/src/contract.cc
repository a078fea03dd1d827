#include "contract.h"

#include <array>

namespace consentlens::contract {
namespace {

using namespace std::string_view_literals;
// Order of kinds: the contract's "most specific wins" order, then training_clause.
constexpr std::array kKinds{"ai_assistant"sv, "notetaker_bot"sv, "live_stream"sv, "recording"sv,
                            "transcription"sv, "terms_prompt"sv, "training_clause"sv};
constexpr std::array kVendors{"zoom"sv, "google_meet"sv, "teams"sv, "webex"sv, "jitsi"sv, "whereby"sv,
                              "goto"sv, "ringcentral"sv, "bigbluebutton"sv, "otter"sv, "fireflies"sv,
                              "read_ai"sv, "fathom"sv, "tldv"sv, "avoma"sv, "fellow"sv, "sembly"sv, "other"sv};
constexpr std::array kConsentBy{"host"sv, "account_admin"sv, "organizer"sv, "participant"sv,
                                "each_participant"sv, "unknown"sv};
constexpr std::array kChoices{"stay_means_consent"sv, "leave"sv, "ask_host"sv, "opt_out"sv, "accept"sv,
                              "decline"sv, "none"sv, "unknown"sv};
constexpr std::array kData{"audio"sv, "video"sv, "chat"sv, "transcript"sv, "screen_share"sv,
                           "service_generated"sv, "customer_content"sv, "unknown"sv};
constexpr std::array kDestinations{"vendor_cloud"sv, "third_party_ai"sv, "notetaker_vendor"sv,
                                   "stream_platform"sv, "host"sv, "all_participants"sv, "unknown"sv};
constexpr std::array kTraining{"no"sv, "yes"sv, "with_consent"sv, "unknown"sv};
constexpr std::array kStance{"permits"sv, "permits_with_consent"sv, "prohibits"sv, "unspecified"sv};
constexpr std::array kDataScope{"customer_content"sv, "service_generated"sv, "deidentified"sv, "unknown"sv};
constexpr std::array kLicense{"perpetual"sv, "irrevocable"sv, "sublicensable"sv, "royalty_free"sv,
                              "worldwide"sv, "transferable"sv};
constexpr std::array kThirdParty{"yes"sv, "no"sv, "unspecified"sv};
constexpr std::array kTopics{"summary"sv, "who_consented"sv, "your_choices"sv, "data_flow"sv, "training"sv};
constexpr std::array kStates{"active"sv, "possible"sv, "stopped"sv};
constexpr std::array kContexts{"meeting"sv, "document"sv};
constexpr std::array kAs{"notice"sv, "control"sv, "document"sv};
constexpr std::array kOnDecline{"muted"sv, "view_only"sv, "removed"sv, "stops_for_all"sv};

}  // namespace

std::span<const std::string_view> kinds() { return kKinds; }
std::span<const std::string_view> vendors() { return kVendors; }
std::span<const std::string_view> consent_by() { return kConsentBy; }
std::span<const std::string_view> your_choices() { return kChoices; }
std::span<const std::string_view> data() { return kData; }
std::span<const std::string_view> destinations() { return kDestinations; }
std::span<const std::string_view> training() { return kTraining; }
std::span<const std::string_view> stance() { return kStance; }
std::span<const std::string_view> data_scope() { return kDataScope; }
std::span<const std::string_view> license_terms() { return kLicense; }
std::span<const std::string_view> third_party_models() { return kThirdParty; }
std::span<const std::string_view> explanation_topics() { return kTopics; }
std::span<const std::string_view> states() { return kStates; }
std::span<const std::string_view> contexts() { return kContexts; }
std::span<const std::string_view> as_values() { return kAs; }
std::span<const std::string_view> on_decline() { return kOnDecline; }

std::span<const std::string_view> values_of(std::string_view slot) {
  if (slot == "consent_by") return kConsentBy;
  if (slot == "your_choices") return kChoices;
  if (slot == "data") return kData;
  if (slot == "destinations") return kDestinations;
  if (slot == "training") return kTraining;
  if (slot == "stance") return kStance;
  if (slot == "data_scope") return kDataScope;
  if (slot == "license_terms") return kLicense;
  if (slot == "third_party_models") return kThirdParty;
  if (slot == "on_decline") return kOnDecline;
  return {};
}

int index_of(std::span<const std::string_view> set, std::string_view value) {
  for (std::size_t i = 0; i < set.size(); ++i)
    if (set[i] == value) return static_cast<int>(i);
  return -1;
}

}  // namespace consentlens::contract
