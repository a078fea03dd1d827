#include "pack_schemas.h"

#include <map>

#include <nlohmann/json.hpp>

#include "json_schema.h"

namespace consentlens {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }

// Parsed and checked once per process: the schemas are the program's own.
const std::map<std::string, JsonSchema, std::less<>>& schemas() {
  static const auto loaded = [] {
    std::map<std::string, JsonSchema, std::less<>> m;
    for (const auto& s : embedded_pack_schemas()) m.emplace(std::string(s.name), JsonSchema(nlohmann::json::parse(s.text)));
    return m;
  }();
  return loaded;
}

}  // namespace

std::string schema_for(std::string_view path) {
  // A file directly inside `dir`, not in a folder below it.
  auto directly_in = [&](std::string_view dir) {
    return starts_with(path, dir) && ends_with(path, ".json") && path.find('/', dir.size()) == std::string_view::npos;
  };
  if (directly_in("rules/vocab/")) return "vocab";
  if (directly_in("rules/")) return "rule_pack";
  if (directly_in("knowledge/vendors/")) return "vendor";
  if (path == "knowledge/phrases.json") return "phrases";
  if (path == "contract/contract.json") return "contract";
  if (path == "contract/sites.json") return "sites";
  return "";
}

std::vector<std::string> check_pack_schemas(const std::vector<PackFile>& files) {
  std::vector<std::string> problems;
  for (const auto& f : files) {
    const std::string name = schema_for(f.path);
    const auto schema = schemas().find(name);
    if (schema == schemas().end()) {
      problems.push_back(f.path + ": : no schema covers this file (cli/pack_schemas.h lists where pack files go)");
      continue;
    }
    nlohmann::json doc;
    try {
      doc = nlohmann::json::parse(f.content);
    } catch (const nlohmann::json::parse_error& e) {
      problems.push_back(f.path + ": : invalid JSON: " + e.what());
      continue;
    }
    for (const auto& p : schema->second.validate(doc)) problems.push_back(f.path + ": " + p);
  }
  return problems;
}

}  // namespace consentlens
