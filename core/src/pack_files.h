// The rule and knowledge packs as plain {path, contents} pairs. The core never touches a
// file system: the CLI reads a folder (--rules), the build embeds core/ (embedded_pack).
#pragma once
#include <string>
#include <vector>

namespace consentlens {

struct PackFile {
  std::string path;     // relative to core/, e.g. "rules/recording.json"
  std::string content;  // the file's bytes (JSON)
};

// The packs as they were in core/ when the binary was built.
const std::vector<PackFile>& embedded_pack();

}  // namespace consentlens
