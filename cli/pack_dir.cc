#include "pack_dir.h"

#include <algorithm>
#include <filesystem>

#include "input.h"

namespace consentlens {

std::vector<PackFile> read_pack_dir(const std::string& dir) {
  namespace fs = std::filesystem;
  const fs::path root(dir);
  std::error_code ec;
  if (!fs::is_directory(root / "rules", ec))
    throw UsageError(dir + ": not a pack folder (it has no rules/ folder; use the core/ folder of the source tree)");
  std::vector<PackFile> files;
  for (const char* sub : {"rules", "knowledge"}) {
    if (!fs::is_directory(root / sub, ec)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root / sub, ec)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
      files.push_back({entry.path().lexically_relative(root).generic_string(), read_input(entry.path().string(), 8u << 20)});
    }
    if (ec) throw UsageError((root / sub).string() + ": " + ec.message());
  }
  std::sort(files.begin(), files.end(), [](const PackFile& a, const PackFile& b) { return a.path < b.path; });
  return files;
}

std::vector<PackFile> read_schema_checked_files(const std::string& dir) {
  std::vector<PackFile> files = read_pack_dir(dir);
  // The contract and the sites file sit beside the packs; a pack folder elsewhere may lack them.
  for (const char* name : {"contract/contract.json", "contract/sites.json"}) {
    const std::filesystem::path p = std::filesystem::path(dir) / name;
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec)) files.push_back({name, read_input(p.string(), 8u << 20)});
  }
  return files;
}

}  // namespace consentlens
