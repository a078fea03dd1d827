// The rule and knowledge packs as plain {path, contents} pairs. The core never touches a
// file system: the CLI reads a folder (--rules), the native build embeds core/
// (embedded_pack), and the wasm engine is handed a bundle file that ships beside it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace consentlens {

struct PackFile {
  std::string path;     // relative to core/, e.g. "rules/recording.json"
  std::string content;  // the file's bytes (JSON)
};

// The packs as they were in core/ when the binary was built.
const std::vector<PackFile>& embedded_pack();

// The packs as one text file (scripts/pack-bundle.py writes it for the wasm engine, which
// would otherwise carry the packs inside the .wasm):
//   consentlens-pack 1\n
//   FILE <path> <byte count>\n<that many bytes>\n     (once per file)
//   END\n
// Throws PackError naming the first problem and where it is (truncated, bad header, ...).
std::vector<PackFile> parse_pack_bundle(std::string_view bundle);

}  // namespace consentlens
