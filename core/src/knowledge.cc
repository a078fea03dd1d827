#include "knowledge.h"

#include "doc_date.h"

#include <algorithm>
#include <array>

#include "contract.h"
#include "rule_pack.h"

namespace consentlens {

namespace {

bool is_date(const std::string& s) { return is_iso_date(s); }

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
  // A vendor's display name is the contract's (core/contract/contract.json), the same on every surface.
  v.name = std::string(contract::label("vendors", v.id));
  if (contract::index_of(contract::vendors(), v.id) < 0) fail("\"vendor\" must be a contract vendor, not \"" + v.id + "\"");
  if (j.contains("hosts")) {
    if (!j["hosts"].is_array()) fail("\"hosts\" must be an array of host names");
    else for (const auto& h : j["hosts"]) if (h.is_string()) v.hosts.push_back(h); else fail("\"hosts\" must hold strings");
  }
  if (j.contains("sources") && j["sources"].is_object()) {
    for (const auto& [key, s] : j["sources"].items()) {
      Source src{str(s, "url"), "", str(s, "title"), ""};
      if (src.url.rfind("https://", 0) != 0 && src.url.rfind("http://", 0) != 0) fail("source " + key + ": \"url\" must be an http(s) URL");
      if (src.title.empty()) fail("source " + key + ": \"title\" is missing");
      src.date = str(s, "date");
      src.checked = str(s, "checked");
      if (!src.date.empty() && !is_date(src.date)) fail("source " + key + ": \"date\" must be YYYY-MM-DD or null");
      if (!src.checked.empty() && !is_date(src.checked)) fail("source " + key + ": \"checked\" must be YYYY-MM-DD");
      if (src.date.empty() && src.checked.empty()) fail("source " + key + ": needs \"date\" (the fact's own) or \"checked\" (when it was read)");
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
      // A claim about training must come with its source and date: it lives in a fact.
      if (slots.contains("training") || slots.contains("stance")) fail(kind + ": \"training\" belongs in a fact's \"sets\", with its source");
      if (auto e = k.defaults.parse(slots); !e.empty()) fail(kind + ": " + e);
      if (kj.contains("facts")) {
        for (const auto& fj : kj["facts"]) {
          Fact fact;
          fact.topic = str(fj, "topic");
          fact.say = str(fj, "say");
          fact.source = str(fj, "source");
          if (contract::index_of(contract::explanation_topics(), fact.topic) < 0) fail(kind + ": fact topic \"" + fact.topic + "\" is not an explanation field");
          if (fact.say.empty()) fail(kind + ": a fact has no \"say\"");
          if (!v.sources.count(fact.source)) fail(kind + ": fact cites unknown source \"" + fact.source + "\"");
          const std::string scope = str(fj, "scope");
          if (scope == "workplace") fact.scope = Scope::workplace;
          else if (scope == "consumer") fact.scope = Scope::consumer;
          else if (!scope.empty() && scope != "any") fail(kind + ": fact scope must be workplace, consumer or any");
          fact.from = str(fj, "from");
          fact.until = str(fj, "until");
          if ((!fact.from.empty() && !is_date(fact.from)) || (!fact.until.empty() && !is_date(fact.until)))
            fail(kind + ": fact \"from\" and \"until\" must be YYYY-MM-DD");
          if (!fact.from.empty() && !fact.until.empty() && fact.until <= fact.from) fail(kind + ": fact ends before it starts");
          if (fj.contains("sets"))
            if (auto e = fact.sets.parse(fj["sets"]); !e.empty()) fail(kind + ": fact sets: " + e);
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

// Every phrase the explainer says it uses, so that a missing one fails at load, not in a notice.
template <typename Phrases>
void check_phrases(const Phrases& p, const std::string& path, const std::vector<PhraseKey>& needed, std::vector<std::string>& errors) {
  for (const auto& [group, key] : needed) {
    const auto g = p.find(group);
    if (g == p.end()) errors.push_back(path + ": phrase group \"" + group + "\" is missing");
    else if (const auto k = g->second.find(key); k == g->second.end() || k->second.empty())
      errors.push_back(path + ": phrase " + group + "." + key + " is missing");
  }
}

}  // namespace

Knowledge Knowledge::load(const std::vector<PackFile>& files, const std::vector<PhraseKey>& phrases) {
  Knowledge k;
  std::vector<std::string> errors;
  bool have_phrases = false;
  for (const auto& f : files) {
    if (f.path.rfind("knowledge/vendors/", 0) == 0) {
      load_vendor(f, k.vendors_, errors);
    } else if (f.path == "knowledge/phrases.json") {
      try {
        const nlohmann::json j = nlohmann::json::parse(f.content);
        if (!j.is_object()) errors.push_back(f.path + ": must be an object of phrase groups");
        else for (const auto& [group, entries] : j.items()) {
          if (!entries.is_object()) continue;  // "comment"
          for (const auto& [key, words] : entries.items())
            if (words.is_string()) k.phrases_[group][key] = words.get<std::string>();
            else errors.push_back(f.path + ": phrase " + group + "." + key + " must be a string");
        }
        check_phrases(k.phrases_, f.path, phrases, errors);
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

std::vector<const Fact*> Knowledge::facts(std::string_view vendor, std::string_view kind, const std::string& date, Scope scope) const {
  std::vector<const Fact*> out;
  const VendorKnowledge* v = this->vendor(vendor);
  const KindKnowledge* k = v ? v->kind(kind) : nullptr;
  if (!k) return out;
  for (const auto& f : k->facts)
    if (f.in_force(date) && f.covers(scope)) out.push_back(&f);
  return out;
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
  const auto g = phrases_.find(group);
  if (g == phrases_.end()) return empty;
  const auto p = g->second.find(key);
  return p == g->second.end() ? empty : p->second;
}

}  // namespace consentlens
