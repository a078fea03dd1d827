#include "json_schema.h"

#include <cmath>
#include <set>
#include <stdexcept>

#include <re2/re2.h>

namespace consentlens {
namespace {

using Json = nlohmann::json;

const std::set<std::string>& known_keywords() {
  static const std::set<std::string> k{"type", "required", "properties", "additionalProperties", "items", "enum",
                                       "pattern", "minItems", "minLength", "$ref", "$defs", "$schema", "$id",
                                       "$comment", "title", "description"};
  return k;
}

const std::set<std::string>& type_names() {
  static const std::set<std::string> t{"object", "array", "string", "integer", "number", "boolean", "null"};
  return t;
}

bool has_type(const Json& v, const std::string& type) {
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  if (type == "string") return v.is_string();
  if (type == "integer") return v.is_number_integer() || (v.is_number_float() && std::isfinite(v.get<double>()) && std::trunc(v.get<double>()) == v.get<double>());
  if (type == "number") return v.is_number();
  if (type == "boolean") return v.is_boolean();
  return v.is_null();
}

std::string type_of(const Json& v) {
  if (v.is_number_integer()) return "integer";
  if (v.is_number()) return "number";
  return v.type_name();  // object, array, string, boolean, null
}

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool is_count(const Json& v) { return v.is_number_unsigned() || (v.is_number_integer() && v.get<long long>() >= 0); }

[[noreturn]] void bad(const std::string& where, const std::string& what) {
  throw std::invalid_argument("schema " + (where.empty() ? std::string("(root)") : where) + ": " + what);
}

}  // namespace

std::string json_pointer_token(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

JsonSchema::JsonSchema(Json schema) : root_(std::move(schema)) { check_schema(root_, ""); }
JsonSchema::~JsonSchema() = default;
JsonSchema::JsonSchema(JsonSchema&&) noexcept = default;
JsonSchema& JsonSchema::operator=(JsonSchema&&) noexcept = default;

const Json& JsonSchema::resolve(const std::string& ref, const std::string& where) const {
  static const std::string prefix = "#/$defs/";
  if (ref.rfind(prefix, 0) != 0) bad(where, "$ref \"" + ref + "\" must be \"#/$defs/NAME\"");
  const std::string name = ref.substr(prefix.size());
  if (!root_.contains("$defs") || !root_["$defs"].contains(name)) bad(where, "$ref \"" + ref + "\" does not resolve");
  return root_["$defs"][name];
}

// Every keyword of every subschema is known and well formed, so validate() can trust them.
void JsonSchema::check_schema(const Json& s, const std::string& where) {
  if (s.is_boolean()) return;  // true accepts anything, false nothing
  if (!s.is_object()) bad(where, "a schema is an object or true/false");
  for (const auto& [key, value] : s.items())
    if (!known_keywords().count(key)) bad(where, "keyword \"" + key + "\" is outside the validator's subset (cli/json_schema.h)");
  if (s.contains("type")) {
    const Json& t = s["type"];
    const Json list = t.is_array() ? t : Json::array({t});
    if (list.empty()) bad(where, "\"type\" lists no type");
    for (const auto& name : list)
      if (!name.is_string() || !type_names().count(name.get<std::string>())) bad(where, "\"type\" names an unknown type");
  }
  if (s.contains("required")) {
    if (!s["required"].is_array()) bad(where, "\"required\" must be an array of names");
    for (const auto& n : s["required"])
      if (!n.is_string()) bad(where, "\"required\" must be an array of names");
  }
  for (const char* key : {"properties", "$defs"}) {
    if (!s.contains(key)) continue;
    if (!s[key].is_object()) bad(where, std::string("\"") + key + "\" must be an object of schemas");
    for (const auto& [name, sub] : s[key].items()) check_schema(sub, where + "/" + key + "/" + json_pointer_token(name));
  }
  for (const char* key : {"additionalProperties", "items"})
    if (s.contains(key)) check_schema(s[key], where + "/" + key);
  if (s.contains("enum") && (!s["enum"].is_array() || s["enum"].empty())) bad(where, "\"enum\" must be a non-empty array");
  for (const char* key : {"minItems", "minLength"})
    if (s.contains(key) && !is_count(s[key])) bad(where, std::string("\"") + key + "\" must be a non-negative integer");
  if (s.contains("pattern")) {
    if (!s["pattern"].is_string()) bad(where, "\"pattern\" must be a string");
    const std::string p = s["pattern"];
    if (!patterns_.count(p)) {
      RE2::Options o;
      o.set_log_errors(false);
      auto re = std::make_unique<RE2>(p, o);
      if (!re->ok()) bad(where, "pattern \"" + p + "\": " + re->error());
      patterns_.emplace(p, std::move(re));
    }
  }
  if (s.contains("$ref")) {
    if (!s["$ref"].is_string()) bad(where, "\"$ref\" must be a string");
    // Follow a chain of bare $refs: one that comes back to where it started loops forever.
    const Json* at = &s;
    for (int hops = 0; at->is_object() && at->contains("$ref"); ++hops) {
      if (hops > 64) bad(where, "$ref \"" + s["$ref"].get<std::string>() + "\" loops");
      at = &resolve((*at)["$ref"].get<std::string>(), where);
    }
  }
}

std::vector<std::string> JsonSchema::validate(const Json& document) const {
  std::vector<std::string> out;
  visit(root_, document, "", out);
  return out;
}

void JsonSchema::visit(const Json& s, const Json& doc, const std::string& pointer, std::vector<std::string>& out) const {
  if (s.is_boolean()) {
    if (!s.get<bool>()) out.push_back(pointer + ": not allowed here");
    return;
  }
  if (s.contains("$ref")) visit(resolve(s["$ref"].get<std::string>(), ""), doc, pointer, out);
  if (s.contains("type")) {
    const Json& t = s["type"];
    const Json list = t.is_array() ? t : Json::array({t});
    bool ok = false;
    for (const auto& name : list) ok = ok || has_type(doc, name.get<std::string>());
    if (!ok) {
      out.push_back(pointer + ": must be " + (t.is_array() ? "one of " + t.dump() : t.get<std::string>()) + ", not " + type_of(doc));
      return;  // the other keywords would only repeat the type error
    }
  }
  if (s.contains("enum")) {
    bool found = false;
    for (const auto& v : s["enum"]) found = found || v == doc;
    if (!found) out.push_back(pointer + ": " + doc.dump() + " is not one of " + s["enum"].dump());
  }
  if (doc.is_string()) {
    const std::string& text = doc.get_ref<const std::string&>();
    if (s.contains("minLength") && code_points(text) < s["minLength"].get<std::size_t>())
      out.push_back(pointer + ": shorter than " + s["minLength"].dump() + " characters");
    if (s.contains("pattern") && !RE2::PartialMatch(text, *patterns_.at(s["pattern"].get<std::string>())))
      out.push_back(pointer + ": " + doc.dump() + " does not match " + s["pattern"].dump());
  }
  if (doc.is_array()) {
    if (s.contains("minItems") && doc.size() < s["minItems"].get<std::size_t>())
      out.push_back(pointer + ": fewer than " + s["minItems"].dump() + " items");
    if (s.contains("items"))
      for (std::size_t i = 0; i < doc.size(); ++i) visit(s["items"], doc[i], pointer + "/" + std::to_string(i), out);
  }
  if (doc.is_object()) visit_object(s, doc, pointer, out);
}

void JsonSchema::visit_object(const Json& s, const Json& doc, const std::string& pointer, std::vector<std::string>& out) const {
  if (s.contains("required"))
    for (const auto& name : s["required"])
      if (!doc.contains(name.get<std::string>())) out.push_back(pointer + ": missing required property \"" + name.get<std::string>() + "\"");
  const Json* props = s.contains("properties") ? &s["properties"] : nullptr;
  const Json* extra = s.contains("additionalProperties") ? &s["additionalProperties"] : nullptr;
  for (const auto& [key, value] : doc.items()) {
    const std::string at = pointer + "/" + json_pointer_token(key);
    if (props && props->contains(key)) visit((*props)[key], value, at, out);
    else if (extra && extra->is_boolean() && !extra->get<bool>()) out.push_back(at + ": unknown property \"" + key + "\"");
    else if (extra) visit(*extra, value, at, out);
  }
}

}  // namespace consentlens
