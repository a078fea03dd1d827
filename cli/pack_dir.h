// Loads a pack folder (one holding rules/ and knowledge/, like core/) for `--pack DIR`, so
// rule authors can try changes without rebuilding.
#pragma once
#include <string>
#include <vector>

#include "pack_files.h"

namespace consentlens {

// Throws UsageError if DIR has no rules/ or a file cannot be read.
std::vector<PackFile> read_pack_dir(const std::string& dir);

}  // namespace consentlens
