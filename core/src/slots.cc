#include "slots.h"

#include <algorithm>

#include "contract.h"

namespace consentlens {

bool is_list_slot(std::string_view n) {
  return n == "consent_by" || n == "your_choices" || n == "data" || n == "destinations" ||
         n == "data_scope" || n == "license_terms" || n == "on_decline";
}
bool is_scalar_slot(std::string_view n) {
  return n == "training" || n == "stance" || n == "third_party_models";
}

std::string Slots::parse(const nlohmann::json& j) {
  if (!j.is_object()) return "slots must be an object";
  for (const auto& item : j.items()) {
    const std::string name = item.key();  // a named copy: lambdas may not capture structured bindings in C++20
    const nlohmann::json& value = item.value();
    const auto allowed = contract::values_of(name);
    if (allowed.empty()) return "unknown slot \"" + name + "\"";
    auto check = [&](const nlohmann::json& v) -> std::string {
      if (!v.is_string()) return "slot \"" + name + "\" takes strings";
      if (contract::index_of(allowed, v.get<std::string>()) < 0)
        return "slot \"" + name + "\" has no value \"" + v.get<std::string>() + "\"";
      return "";
    };
    if (is_list_slot(name)) {
      if (!value.is_array()) return "slot \"" + name + "\" must be an array";
      for (const auto& v : value) {
        if (auto e = check(v); !e.empty()) return e;
        add(name, v.get<std::string>());
      }
    } else {
      if (auto e = check(value); !e.empty()) return e;
      add(name, value.get<std::string>());
    }
  }
  return "";
}

void Slots::add(std::string_view slot, std::string_view value, int priority) {
  if (is_list_slot(slot)) {
    auto& v = lists_[std::string(slot)];
    if (std::find(v.begin(), v.end(), value) == v.end()) v.emplace_back(value);
  } else {
    auto it = scalars_.find(slot);
    if (it == scalars_.end())
      scalars_.emplace(std::string(slot), std::pair{std::string(value), priority});
    else if (priority > it->second.second)
      it->second = {std::string(value), priority};
  }
}

void Slots::merge(const Slots& other, int priority) {
  for (const auto& [k, vs] : other.lists_)
    for (const auto& v : vs) add(k, v);
  for (const auto& [k, v] : other.scalars_) add(k, v.first, priority);
}

void Slots::add_defaults(const Slots& defaults) {
  for (const auto& [k, vs] : defaults.lists_)
    if (k != "your_choices" || !has(k))
      for (const auto& v : vs) add(k, v);
  for (const auto& [k, v] : defaults.scalars_)
    if (!has(k)) add(k, v.first, v.second);
}

void Slots::erase(std::string_view slot) {
  if (auto it = lists_.find(slot); it != lists_.end()) lists_.erase(it);
  if (auto it = scalars_.find(slot); it != scalars_.end()) scalars_.erase(it);
}

bool Slots::has(std::string_view slot) const {
  if (auto it = lists_.find(slot); it != lists_.end()) return !it->second.empty();
  return scalars_.find(slot) != scalars_.end();
}

std::vector<std::string> Slots::list(std::string_view slot) const {
  std::vector<std::string> out;
  auto it = lists_.find(slot);
  if (it == lists_.end()) return out;
  const auto order = contract::values_of(slot);
  out = it->second;
  std::sort(out.begin(), out.end(), [&](const std::string& a, const std::string& b) {
    return contract::index_of(order, a) < contract::index_of(order, b);
  });
  // A placeholder says nothing once a real value is known.
  auto placeholder = [](const std::string& v) { return v == "unknown" || v == "none"; };
  if (std::any_of(out.begin(), out.end(), [&](const std::string& v) { return !placeholder(v); }))
    out.erase(std::remove_if(out.begin(), out.end(), placeholder), out.end());
  return out;
}

std::string Slots::scalar(std::string_view slot) const {
  auto it = scalars_.find(slot);
  return it == scalars_.end() ? "" : it->second.first;
}

}  // namespace consentlens
