#include "rule_pack.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include "contract.h"

namespace consentlens {
namespace {

std::string join_lines(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : "\n") + x;
  return s;
}

bool starts_with(const std::string& s, std::string_view p) { return s.rfind(p, 0) == 0; }

class RuleReader {
 public:
  RuleReader(const std::string& file, const Vocabulary& vocab, std::vector<std::string>& errors)
      : file_(file), vocab_(vocab), errors_(errors) {}

  bool read(const nlohmann::json& j, Rule& r) {
    id_ = j.contains("id") && j["id"].is_string() ? j["id"].get<std::string>() : "(no id)";
    ok_ = true;
    r.id = id_;
    r.file = file_;
    if (id_ == "(no id)") fail("a rule needs \"id\" (string)");
    for (const auto& [key, v] : j.items()) {
      static const std::set<std::string> known{"id", "kind", "vendor", "langs", "patterns", "unless",
                                               "applies_to", "suppresses", "slots", "priority",
                                               "examples", "comment", "on_labels", "bot_name", "present", "confirm", "when"};
      if (!known.count(key)) fail("unknown field \"" + key + "\"");
    }
    r.kind = string_field(j, "kind", "");
    if (r.kind != "cue" && r.kind != "vendor_cue" && !contract::is_finding_kind(r.kind))
      fail("unknown kind \"" + r.kind + "\"");
    r.vendor = string_field(j, "vendor", "any");
    if (r.vendor != "any" && contract::index_of(contract::vendors(), r.vendor) < 0)
      fail("unknown vendor \"" + r.vendor + "\"");
    if (r.kind == "vendor_cue" && r.vendor == "any") fail("a vendor_cue must name its vendor");
    r.langs = strings(j, "langs");
    r.patterns = patterns(j, "patterns");
    presence(j, r);
    if (r.patterns.empty() && r.present.empty()) fail("a rule needs at least one pattern or \"present\" condition");
    r.unless = patterns(j, "unless");
    r.applies_to = kinds(j, "applies_to");
    r.suppresses = kinds(j, "suppresses");
    if (j.contains("slots"))
      if (auto e = r.slots.parse(j["slots"]); !e.empty()) fail(e);
    if (j.contains("priority")) {
      if (!j["priority"].is_number_integer()) fail("\"priority\" must be an integer");
      else r.priority = j["priority"];
    }
    if (j.contains("on_labels")) {
      if (!j["on_labels"].is_boolean()) fail("\"on_labels\" must be true or false");
      else r.on_labels = j["on_labels"];
    }
    bot_names(j, r);
    if (j.contains("when")) {
      if (j["when"] == "document") r.documents_only = true;
      else if (j["when"] == "meeting") r.meetings_only = true;
      else fail("\"when\" takes \"document\" or \"meeting\"");
    }
    if (j.contains("confirm")) {
      if (j["confirm"] != "stance" || r.kind != "training_clause") fail("\"confirm\" takes \"stance\", on training_clause rules");
      else r.confirm_stance = true;
    }
    examples(j, r);
    return ok_;
  }

 private:
  void fail(const std::string& m) {
    errors_.push_back(file_ + ": " + id_ + ": " + m);
    ok_ = false;
  }

  std::string string_field(const nlohmann::json& j, const char* name, const char* fallback) {
    if (!j.contains(name)) {
      if (*fallback == 0) fail(std::string("missing \"") + name + "\"");
      return fallback;
    }
    if (!j[name].is_string()) {
      fail(std::string("\"") + name + "\" must be a string");
      return fallback;
    }
    return j[name];
  }

  std::vector<std::string> strings(const nlohmann::json& j, const char* name) {
    std::vector<std::string> out;
    if (!j.contains(name)) return out;
    if (!j[name].is_array()) {
      fail(std::string("\"") + name + "\" must be an array of strings");
      return out;
    }
    for (const auto& v : j[name]) {
      if (!v.is_string()) fail(std::string("\"") + name + "\" must hold strings only");
      else out.push_back(v);
    }
    return out;
  }

  std::vector<Pattern> patterns(const nlohmann::json& j, const char* name) {
    std::vector<Pattern> out;
    for (const auto& p : strings(j, name)) {
      std::string expanded, error;
      bool names_class = false;
      if (!vocab_.expand_unless_classes(p, expanded, names_class, error)) fail(std::string(name) + " \"" + p + "\": " + error);
      else out.push_back({p, std::move(expanded)});
    }
    return out;
  }

  std::vector<std::string> kinds(const nlohmann::json& j, const char* name) {
    auto out = strings(j, name);
    for (const auto& k : out)
      if (!contract::is_finding_kind(k)) fail(std::string(name) + ": unknown kind \"" + k + "\"");
    return out;
  }

  // "{rec} & {state_on}|{state_off}": groups joined by &, classes in a group joined by |.
  void presence(const nlohmann::json& j, Rule& r) {
    const auto known = vocab_.classes();
    for (const auto& condition : strings(j, "present")) {
      std::vector<std::vector<std::string>> groups(1);
      bool ok = true;
      std::string name;
      bool in_name = false;
      for (char c : condition) {
        if (in_name) {
          if (c == '}') {
            in_name = false;
            if (std::find(known.begin(), known.end(), name) == known.end()) {
              fail("present \"" + condition + "\": unknown vocabulary class {" + name + "}");
              ok = false;
            }
            groups.back().push_back(name);
          } else name += c;
        } else if (c == '{') {
          in_name = true;
          name.clear();
        } else if (c == '&') {
          groups.emplace_back();
        } else if (c != '|' && c != ' ') {
          fail("present \"" + condition + "\": only {class}, | and & belong here");
          ok = false;
          break;
        }
      }
      if (in_name || std::any_of(groups.begin(), groups.end(), [](const auto& g) { return g.empty(); })) {
        fail("present \"" + condition + "\": every group between & needs a {class}");
        ok = false;
      }
      if (ok) r.present.push_back(std::move(groups));
    }
  }

  // Patterns that read a bot's name off a notice: RE2 with exactly one capturing group.
  void bot_names(const nlohmann::json& j, Rule& r) {
    for (const auto& p : strings(j, "bot_name")) {
      if (r.kind != "notetaker_bot") {
        fail("\"bot_name\" belongs to notetaker_bot rules");
        return;
      }
      std::string expanded, error;
      if (!vocab_.expand(p, expanded, error)) {
        fail("bot_name \"" + p + "\": " + error);
        continue;
      }
      RE2::Options o;
      o.set_case_sensitive(false);
      o.set_log_errors(false);
      o.set_encoding(RE2::Options::EncodingUTF8);
      const RE2 re(expanded, o);
      if (!re.ok()) fail("bot_name \"" + p + "\": " + re.error());
      else if (re.NumberOfCapturingGroups() != 1) fail("bot_name \"" + p + "\": needs exactly one capturing group (the name)");
      else r.bot_name.push_back(p);
    }
  }

  void examples(const nlohmann::json& j, Rule& r) {
    if (!j.contains("examples") || !j["examples"].is_object()) {
      fail("a rule needs \"examples\" with \"fire\" and \"silent\" lists");
      return;
    }
    auto read = [&](const char* which, const char* note_key, std::vector<RuleExample>& out) {
      const auto& e = j["examples"];
      if (!e.contains(which) || !e[which].is_array() || e[which].empty()) {
        fail(std::string("examples need at least one \"") + which + "\" case");
        return;
      }
      for (const auto& x : e[which]) {
        if (x.is_string()) out.push_back({x.get<std::string>(), ""});
        else if (x.is_object() && x.contains("text") && x["text"].is_string())
          out.push_back({x["text"], x.contains(note_key) && x[note_key].is_string() ? x[note_key].get<std::string>() : ""});
        else fail(std::string("an example in \"") + which + "\" must be a string or {\"text\": ...}");
      }
    };
    read("fire", "source", r.fire);
    read("silent", "why", r.silent);
  }

  const std::string& file_;
  const Vocabulary& vocab_;
  std::vector<std::string>& errors_;
  std::string id_;
  bool ok_ = true;
};

}  // namespace

PackError::PackError(std::vector<std::string> problems)
    : std::runtime_error(join_lines(problems)), problems_(std::move(problems)) {}

RulePack RulePack::load(const std::vector<PackFile>& files) {
  std::vector<std::string> errors;
  RulePack pack = load(files, errors);
  if (!errors.empty()) throw PackError(std::move(errors));
  return pack;
}

RulePack RulePack::load(const std::vector<PackFile>& files, std::vector<std::string>& errors) {
  Vocabulary vocab;
  for (const auto& f : files)
    if (starts_with(f.path, "rules/vocab/")) vocab.add_file(f, errors);
  vocab.finish();
  return load(files, std::move(vocab), errors);
}

RulePack RulePack::load(const std::vector<PackFile>& files, Vocabulary vocabulary, std::vector<std::string>& errors) {
  RulePack pack;
  pack.vocab_ = std::move(vocabulary);

  std::set<std::string> ids;
  for (const auto& f : files) {
    if (!starts_with(f.path, "rules/") || starts_with(f.path, "rules/vocab/")) continue;
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(f.content);
    } catch (const nlohmann::json::exception& e) {  // parse errors, and numbers out of range
      errors.push_back(f.path + ": invalid JSON: " + e.what());
      continue;
    }
    if (!j.is_object() || !j.contains("rules") || !j["rules"].is_array()) {
      errors.push_back(f.path + ": expected {\"rules\": [...]}");
      continue;
    }
    RuleReader reader(f.path, pack.vocab_, errors);
    for (const auto& rj : j["rules"]) {
      if (!rj.is_object()) {
        errors.push_back(f.path + ": a rule must be an object");
        continue;
      }
      Rule r;
      if (!reader.read(rj, r)) continue;
      if (!ids.insert(r.id).second) {
        errors.push_back(f.path + ": " + r.id + ": duplicate rule id");
        continue;
      }
      pack.rules_.push_back(std::move(r));
    }
  }
  if (pack.rules_.empty() && errors.empty()) errors.push_back("rules/: the pack holds no rules");
  return pack;
}

}  // namespace consentlens
