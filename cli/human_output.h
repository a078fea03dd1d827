// The checker's output for people: findings grouped by kind, each with the quoted evidence
// and the five answers, wrapped to the terminal.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace consentlens {

struct HumanStyle {
  bool color = false;
  std::size_t width = 80;
};

void print_human(std::ostream& out, const std::string& input_name, const nlohmann::ordered_json& findings,
                 const std::vector<std::string>& warnings, const HumanStyle& style);

}  // namespace consentlens
