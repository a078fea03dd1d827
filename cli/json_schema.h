// A JSON Schema validator for exactly the subset the pack schemas use (core/schema/), written
// in the style of draft 2020-12: there is no JSON Schema library among the build's Debian
// packages, and the subset is small.
//
// Keywords: type (a name or a list of names), required, properties, additionalProperties
// (true, false or a schema), items (one schema for every element), enum, pattern (RE2 syntax,
// found anywhere in the string as JSON Schema says), minItems, minLength (in code points), and
// $ref to "#/$defs/NAME". Annotations ($schema, $id, $comment, title, description, $defs) are
// allowed and ignored. Any other keyword is refused when the schema is loaded: a schema can
// never say more than this validator checks.
//
// Guarantees: validate() reports every violation it finds, each as "JSON pointer: problem"
// (RFC 6901; "" is the whole document), arrays by index and objects by key; an empty list
// means the document conforms. Each value of the document is visited once per schema that applies to it; a chain
// of $refs that leads back to itself without a keyword between is refused at load.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace re2 {
class RE2;
}

namespace consentlens {

class JsonSchema {
 public:
  // Throws std::invalid_argument naming the schema path of an unknown keyword, a malformed
  // keyword value, a $ref that does not resolve or a pattern RE2 cannot compile.
  explicit JsonSchema(nlohmann::json schema);
  ~JsonSchema();
  JsonSchema(JsonSchema&&) noexcept;
  JsonSchema& operator=(JsonSchema&&) noexcept;

  std::vector<std::string> validate(const nlohmann::json& document) const;

 private:
  void check_schema(const nlohmann::json& s, const std::string& where);
  const nlohmann::json& resolve(const std::string& ref, const std::string& where) const;
  void visit(const nlohmann::json& s, const nlohmann::json& doc, const std::string& pointer,
             std::vector<std::string>& out) const;
  void visit_object(const nlohmann::json& s, const nlohmann::json& doc, const std::string& pointer,
                    std::vector<std::string>& out) const;

  nlohmann::json root_;
  std::map<std::string, std::unique_ptr<re2::RE2>> patterns_;  // compiled once, at load
};

// RFC 6901: "~" as "~0", "/" as "~1".
std::string json_pointer_token(const std::string& key);

}  // namespace consentlens
