// The JSON Schema subset (cli/json_schema.h) and the pack schemas (core/schema/) it checks.
#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>

#include "json_schema.h"
#include "pack_dir.h"
#include "pack_schemas.h"
#include "test_pack.h"

using consentlens::JsonSchema;
using Json = nlohmann::json;
using Problems = std::vector<std::string>;

namespace {

Problems check(const char* schema, const char* doc) { return JsonSchema(Json::parse(schema)).validate(Json::parse(doc)); }

const char* kRecord = R"({
  "type": "object", "required": ["id", "tags"], "additionalProperties": false,
  "properties": {
    "id": {"type": "string", "pattern": "^[a-z]+$", "minLength": 2},
    "tags": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/tag"}},
    "size": {"type": ["integer", "null"]},
    "extra": {"type": "object", "additionalProperties": {"type": "boolean"}}
  },
  "$defs": {"tag": {"enum": ["a", "b"]}}
})";

}  // namespace

TEST_CASE("a conforming document has no problems", "[schema]") {
  CHECK(check(kRecord, R"({"id": "ab", "tags": ["a", "b"], "size": null, "extra": {"x": true}})").empty());
  CHECK(check(kRecord, R"({"id": "ab", "tags": ["a"], "size": 3.0})").empty());  // 3.0 is an integer in JSON Schema
}

TEST_CASE("each violation is reported at its JSON pointer", "[schema]") {
  CHECK(check(kRecord, R"({"tags": []})") == Problems{": missing required property \"id\"", "/tags: fewer than 1 items"});
  CHECK(check(kRecord, R"({"id": "ab", "tags": ["a", "c"]})") == Problems{"/tags/1: \"c\" is not one of [\"a\",\"b\"]"});
  CHECK(check(kRecord, R"({"id": 7, "tags": ["a"]})") == Problems{"/id: must be string, not integer"});
  CHECK(check(kRecord, R"({"id": "ab", "tags": ["a"], "size": 1.5})") == Problems{"/size: must be one of [\"integer\",\"null\"], not number"});
  CHECK(check(kRecord, R"({"id": "ab", "tags": ["a"], "extra": {"x": 1}})") == Problems{"/extra/x: must be boolean, not integer"});
  CHECK(check(kRecord, R"("ab")") == Problems{": must be object, not string"});
}

TEST_CASE("a misspelt key is an unknown property where additionalProperties is false", "[schema]") {
  CHECK(check(kRecord, R"({"id": "ab", "tags": ["a"], "tag": ["a"]})") == Problems{"/tag: unknown property \"tag\""});
  // Pointer tokens are escaped as RFC 6901 says.
  CHECK(check(kRecord, R"({"id": "ab", "tags": ["a"], "a/b~c": 1})") == Problems{"/a~1b~0c: unknown property \"a/b~c\""});
}

TEST_CASE("pattern is searched, not anchored, minLength counts code points", "[schema]") {
  CHECK(check(R"({"pattern": "b"})", R"("abc")").empty());
  CHECK(check(R"({"pattern": "^b"})", R"("abc")") == Problems{": \"abc\" does not match \"^b\""});
  CHECK(check(R"({"minLength": 2})", R"("é")") == Problems{": shorter than 2 characters"});  // two bytes, one character
  CHECK(check(R"({"minLength": 2})", R"("éé")").empty());
  // String keywords leave other types alone.
  CHECK(check(R"({"pattern": "^b", "minLength": 9})", "12").empty());
}

TEST_CASE("a schema outside the subset is refused when loaded", "[schema]") {
  CHECK_THROWS_WITH(JsonSchema(Json::parse(R"({"oneOf": []})")), Catch::Contains("keyword \"oneOf\" is outside"));
  CHECK_THROWS_WITH(JsonSchema(Json::parse(R"({"properties": {"a": {"maxLength": 3}}})")),
                    Catch::Contains("/properties/a: keyword \"maxLength\""));
  CHECK_THROWS_WITH(JsonSchema(Json::parse(R"({"$ref": "#/$defs/none"})")), Catch::Contains("does not resolve"));
  CHECK_THROWS_WITH(JsonSchema(Json::parse(R"({"$ref": "other.json"})")), Catch::Contains("must be \"#/$defs/NAME\""));
  CHECK_THROWS_WITH(JsonSchema(Json::parse(R"({"$ref": "#/$defs/a", "$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}})")),
                    Catch::Contains("loops"));
  CHECK_THROWS_WITH(JsonSchema(Json::parse(R"({"pattern": "("})")), Catch::Contains("pattern \"(\""));
  CHECK_THROWS_WITH(JsonSchema(Json::parse(R"({"type": "text"})")), Catch::Contains("unknown type"));
  // A recursive schema that descends into the document is fine.
  CHECK(check(R"({"$ref": "#/$defs/n", "$defs": {"n": {"type": "array", "items": {"$ref": "#/$defs/n"}}}})", "[[[]], []]").empty());
  CHECK(check(R"({"$ref": "#/$defs/n", "$defs": {"n": {"type": "array", "items": {"$ref": "#/$defs/n"}}}})", "[[1]]") ==
        Problems{"/0/0: must be array, not integer"});
}

TEST_CASE("every file of core/ passes its schema", "[schema][packs]") {
  const auto files = consentlens::read_schema_checked_files(consentlens::testing::source_path("core"));
  // Every kind of file is there, so the check below covered each schema.
  for (const char* schema : {"rule_pack", "vocab", "vendor", "phrases", "contract", "sites"})
    CHECK(std::any_of(files.begin(), files.end(), [&](const auto& f) { return consentlens::schema_for(f.path) == schema; }));
  CHECK(consentlens::check_pack_schemas(files) == Problems{});
}

TEST_CASE("a typo'd key in any pack file is caught, where the loader would ignore it", "[schema][packs]") {
  using consentlens::PackFile;
  auto problems = [](const std::string& path, const std::string& content) {
    return consentlens::check_pack_schemas({PackFile{path, content}});
  };
  CHECK(problems("rules/x.json", R"({"rules": [{"id": "x.a", "kind": "recording", "patterns": ["a"],
        "examples": {"fire": [{"text": "a", "sorce": "s"}], "silent": ["b"]}}]})") ==
        Problems{"rules/x.json: /rules/0/examples/fire/0/sorce: unknown property \"sorce\""});
  CHECK(problems("rules/x.json", R"({"rules": [{"id": "x.a", "kind": "recording", "patterns": ["a"],
        "examples": {"fire": ["a"], "silent": ["b"], "silnet": ["c"]}}]})") ==
        Problems{"rules/x.json: /rules/0/examples/silnet: unknown property \"silnet\""});
  CHECK(problems("rules/x.json", R"({"rule": []})") ==
        Problems{"rules/x.json: : missing required property \"rules\"", "rules/x.json: /rule: unknown property \"rule\""});
  CHECK(problems("rules/vocab/xx.json", R"({"lang": "xx", "name": "X", "classes": {}, "word_boundary": false})") ==
        Problems{"rules/vocab/xx.json: /word_boundary: unknown property \"word_boundary\""});
  CHECK(problems("knowledge/vendors/zoom.json", R"({"vendor": "zoom", "kinds": {"recording": {"facts": [
        {"topic": "training", "say": "s", "source": "a", "untill": "2026-01-01"}]}}})") ==
        Problems{"knowledge/vendors/zoom.json: /kinds/recording/facts/0/untill: unknown property \"untill\""});
  CHECK(problems("knowledge/phrases.json", R"({"sumary": {"recording": "x"}})") ==
        Problems{"knowledge/phrases.json: /sumary: unknown property \"sumary\""});
  CHECK(problems("contract/contract.json", R"({"kinds": []})").size() > 1);  // every list is required
  CHECK(problems("contract/sites.json", R"({"sites": [{"id": "zoom", "label": "Zoom", "vendor": "zoom",
        "matchs": ["https://app.zoom.us/*"]}], "self_hosted": [], "text": {"attributes": ["aria-label"], "skip_tags": ["SCRIPT"],
        "inline_tags": ["B"], "regions": [{"source": "alert", "any": [{"role": ["alert"]}]}], "whole_regions": ["alert"],
        "controls": {"tags": ["BUTTON"], "roles": ["button"]}}})") ==
        Problems{"contract/sites.json: /sites/0: missing required property \"matches\"",
                 "contract/sites.json: /sites/0/matchs: unknown property \"matchs\""});
  CHECK(problems("knowledge/notes.json", "{}") ==
        Problems{"knowledge/notes.json: : no schema covers this file (cli/pack_schemas.h lists where pack files go)"});
  CHECK(problems("rules/x.json", "{") .front().rfind("rules/x.json: : invalid JSON:", 0) == 0);
}

TEST_CASE("rules lint --pack reports schema problems as file: pointer: problem", "[schema][cli]") {
  const std::string dir = "/tmp/consentlens-schema-pack";
  consentlens::testing::write_small_pack_dir(dir, {"en"});
  REQUIRE(std::system(("sed -i 's/\"negation_position\"/\"negation_positon\"/' " + dir + "/rules/vocab/en.json").c_str()) == 0);
  const auto r = consentlens::testing::run_cli({"rules", "lint", "--skip-fact-dates", "--pack", dir});
  CHECK(r.status == 1);  // the loader ignores the key; the schema does not
  CHECK_THAT(r.err, Catch::Contains("rules/vocab/en.json: /negation_positon: unknown property \"negation_positon\""));
  CHECK_THAT(r.out, Catch::Contains("1 problem"));
}
