#include "knowledge.h"

#include <algorithm>
#include <array>

#include "contract.h"
#include "rule_pack.h"

namespace consentlens {
namespace {

bool is_date(const std::string& s) {
  return s.size() == 10 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; }) &&
         s[4] == '-' && s[7] == '-';
}

std::string str(const nlohmann::json& j, const char* k) {
  return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : "";
}

void load_vendor(const PackFile& f, std::map<std::string, VendorKnowledge, std::less<>>& out,
                 std::vector<std::string>& errors) {
  auto fail = [&](const std::string& m) { errors.push_back(f.path + ": " + m); };
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(f.content);
  } catch (const nlohmann::json::exception& e) {  // parse errors, and numbers out of range
    fail(std::string("invalid JSON: ") + e.what());
    return;
  }
  VendorKnowledge v;
  v.id = str(j, "vendor");
  v.name = str(j, "name");
  if (contract::index_of(contract::vendors(), v.id) < 0) fail("\"vendor\" must be a contract vendor, not \"" + v.id + "\"");
  if (v.name.empty()) fail("\"name\" is missing");
  if (j.contains("hosts")) {
    if (!j["hosts"].is_array()) fail("\"hosts\" must be an array of host names");
    else for (const auto& h : j["hosts"]) if (h.is_string()) v.hosts.push_back(h); else fail("\"hosts\" must hold strings");
  }
  if (j.contains("sources") && j["sources"].is_object()) {
    for (const auto& [key, s] : j["sources"].items()) {
      Source src{str(s, "url"), "", str(s, "title")};
      if (src.url.rfind("https://", 0) != 0 && src.url.rfind("http://", 0) != 0) fail("source " + key + ": \"url\" must be an http(s) URL");
      if (src.title.empty()) fail("source " + key + ": \"title\" is missing");
      const std::string date = str(s, "date"), checked = str(s, "checked");
      if (!date.empty() && !is_date(date)) fail("source " + key + ": \"date\" must be YYYY-MM-DD or null");
      if (!checked.empty() && !is_date(checked)) fail("source " + key + ": \"checked\" must be YYYY-MM-DD");
      src.date = !date.empty() ? date : checked;
      v.sources.emplace(key, std::move(src));
    }
  }
  if (j.contains("kinds") && j["kinds"].is_object()) {
    for (const auto& [kind, kj] : j["kinds"].items()) {
      if (!contract::is_finding_kind(kind)) { fail("unknown kind \"" + kind + "\""); continue; }
      KindKnowledge k;
      nlohmann::json slots = nlohmann::json::object();
      for (const auto& [name, value] : kj.items())
        if (name != "facts" && name != "comment") slots[name] = value;
      if (auto e = k.defaults.parse(slots); !e.empty()) fail(kind + ": " + e);
      if (kj.contains("facts")) {
        for (const auto& fj : kj["facts"]) {
          Fact fact{str(fj, "topic"), str(fj, "say"), str(fj, "source")};
          if (contract::index_of(contract::explanation_topics(), fact.topic) < 0) fail(kind + ": fact topic \"" + fact.topic + "\" is not an explanation field");
          if (fact.say.empty()) fail(kind + ": a fact has no \"say\"");
          if (!v.sources.count(fact.source)) fail(kind + ": fact cites unknown source \"" + fact.source + "\"");
          k.facts.push_back(std::move(fact));
        }
      }
      v.kinds.emplace(kind, std::move(k));
    }
  } else {
    fail("\"kinds\" (object) is missing");
  }
  if (out.count(v.id)) fail("vendor \"" + v.id + "\" is described twice");
  out.emplace(v.id, std::move(v));
}

// Every phrase the explainer asks for, so that a missing one fails at load, not in a notice.
void check_phrases(const nlohmann::json& p, const std::string& path, std::vector<std::string>& errors) {
  auto need = [&](const char* group, std::span<const std::string_view> keys) {
    if (!p.contains(group) || !p[group].is_object()) {
      errors.push_back(path + ": phrase group \"" + group + "\" is missing");
      return;
    }
    for (auto k : keys)
      if (!p[group].contains(std::string(k)) || !p[group][std::string(k)].is_string())
        errors.push_back(path + ": phrase " + group + "." + std::string(k) + " is missing");
  };
  using namespace std::string_view_literals;
  need("summary", contract::kinds());
  need("who_consented", contract::consent_by());
  need("your_choices", contract::your_choices());
  need("data", contract::data());
  need("destinations", contract::destinations());
  need("training", contract::training());
  need("stance", contract::stance());
  static constexpr std::array kGlue{"for_everyone"sv, "stay_is_yes"sv, "data_flow"sv, "and"sv, "unknown_vendor"sv};
  need("glue", kGlue);
}

}  // namespace

Knowledge Knowledge::load(const std::vector<PackFile>& files) {
  Knowledge k;
  std::vector<std::string> errors;
  bool have_phrases = false;
  for (const auto& f : files) {
    if (f.path.rfind("knowledge/vendors/", 0) == 0) {
      load_vendor(f, k.vendors_, errors);
    } else if (f.path == "knowledge/phrases.json") {
      try {
        k.phrases_ = nlohmann::json::parse(f.content);
        check_phrases(k.phrases_, f.path, errors);
        have_phrases = true;
      } catch (const nlohmann::json::exception& e) {  // parse errors, and numbers out of range
        errors.push_back(f.path + ": invalid JSON: " + e.what());
      }
    }
  }
  if (!have_phrases && errors.empty()) errors.push_back("knowledge/phrases.json: missing");
  if (!k.vendors_.count("other")) errors.push_back("knowledge/vendors/other.json: missing (defaults for unnamed vendors)");
  if (!errors.empty()) throw PackError(std::move(errors));
  return k;
}

const VendorKnowledge* Knowledge::vendor(std::string_view id) const {
  auto it = vendors_.find(id);
  return it == vendors_.end() ? nullptr : &it->second;
}

std::string host_of(std::string_view url) {
  std::size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : start + 3;
  std::size_t end = url.find_first_of("/?#", start);
  std::string_view auth = url.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  if (auto at = auth.rfind('@'); at != std::string_view::npos) auth.remove_prefix(at + 1);
  if (auto colon = auth.find(':'); colon != std::string_view::npos) auth = auth.substr(0, colon);
  std::string host(auth);
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  while (!host.empty() && host.back() == '.') host.pop_back();
  return host;
}

std::string Knowledge::vendor_for_url(std::string_view url) const {
  const std::string host = host_of(url);
  if (host.empty()) return "";
  for (const auto& [id, v] : vendors_)
    for (const auto& h : v.hosts)
      if (host == h || (host.size() > h.size() && host.compare(host.size() - h.size(), h.size(), h) == 0 &&
                        host[host.size() - h.size() - 1] == '.'))
        return id;
  return "";
}

const std::string& Knowledge::phrase(std::string_view group, std::string_view key) const {
  static const std::string empty;
  auto g = phrases_.find(std::string(group));
  if (g == phrases_.end()) return empty;
  auto p = g->find(std::string(key));
  return p == g->end() || !p->is_string() ? empty : p->get_ref<const std::string&>();
}

}  // namespace consentlens
