// Loads a pack folder (one holding rules/ and knowledge/, like core/) for `--pack DIR`, so
// rule authors can try changes without rebuilding.
#pragma once
#include <string>
#include <vector>

#include "pack_files.h"

namespace consentlens {

// Throws UsageError if DIR has no rules/ or a file cannot be read.
std::vector<PackFile> read_pack_dir(const std::string& dir);

// What the schemas check in DIR (pack_schemas.h): the pack files, plus contract/contract.json and
// contract/sites.json when DIR has them (core/ does; the engine reads the contract as generated
// tables and the extension's build the sites file, not as pack files). Throws as read_pack_dir does.
std::vector<PackFile> read_schema_checked_files(const std::string& dir);

}  // namespace consentlens
