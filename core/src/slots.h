// The slots of a finding (who consented, choices, data, destinations, training, and the
// training-clause details). List slots gather values from every rule that fired; a scalar
// slot (training, stance, third_party_models) keeps the value of the highest priority.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace consentlens {

bool is_list_slot(std::string_view name);
bool is_scalar_slot(std::string_view name);

class DigestWriter;
class DigestReader;

class Slots {
 public:
  void write(DigestWriter& out) const;  // the pack digest's form (digest.h)
  static Slots read(DigestReader& in);

  // Reads {"consent_by": [...], "training": "no", ...}; returns "" or a problem description.
  std::string parse(const nlohmann::json& j);

  void add(std::string_view slot, std::string_view value, int priority = 0);
  void merge(const Slots& other, int priority = 0);
  // Vendor defaults under what the text said: list slots gain the defaults' values, except
  // your_choices, where the notice's own words (e.g. "Recording stopped": none) win; scalar
  // slots are filled only when no rule set them.
  void add_defaults(const Slots& defaults);
  // Forgets everything said about `slot`.
  void erase(std::string_view slot);

  bool has(std::string_view slot) const;
  // Values in contract order. An "unknown" (or "none" choice) is dropped when a real value exists.
  std::vector<std::string> list(std::string_view slot) const;
  std::string scalar(std::string_view slot) const;  // "" when unset

 private:
  std::map<std::string, std::vector<std::string>, std::less<>> lists_;
  std::map<std::string, std::pair<std::string, int>, std::less<>> scalars_;
};

}  // namespace consentlens
