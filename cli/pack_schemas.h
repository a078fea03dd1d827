// The pack files checked against their JSON Schemas (core/schema/, embedded at build time by
// cmake/PackSchemas.cmake): the shape of each file, including keys the loaders would ignore
// in silence (a misspelt key is a problem here). What needs more than one file (contract
// values, class names, fact sources) stays with the loaders.
//
// Which schema: rules/vocab/*.json vocab; rules/*.json rule_pack; knowledge/vendors/*.json
// vendor; knowledge/phrases.json phrases; contract/contract.json contract; contract/sites.json
// sites (the meeting sites and what counts as page text). A pack file that
// no schema covers is a problem too, so a new kind of file cannot pass unchecked.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "pack_files.h"

namespace consentlens {

struct EmbeddedSchema {
  std::string_view name;  // the file name without .schema.json: "rule_pack"
  std::string_view text;
};
const std::vector<EmbeddedSchema>& embedded_pack_schemas();  // generated (embed_schemas.cmake)

// The schema's name for a path relative to the pack folder, "" for none.
std::string schema_for(std::string_view path);

// Every problem, as "path: JSON pointer: problem" (the pointer is "" for the whole file), in
// the files' order. Throws std::invalid_argument if an embedded schema is itself broken.
std::vector<std::string> check_pack_schemas(const std::vector<PackFile>& files);

}  // namespace consentlens
