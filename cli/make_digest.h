// Writing the pack digest (core/src/digest.h): the build's consentlens-pack and the tests.
#pragma once
#include <string>
#include <vector>

#include "pack_files.h"

namespace consentlens {

// The digest of the packs in `files` (core/'s rules and knowledge as read from disk). Loads
// them with every check first: throws PackError listing every problem.
std::string make_digest(const std::vector<PackFile>& files);

}  // namespace consentlens
