// The rule and knowledge packs as plain {path, contents} pairs. The core never touches a
// file system: the CLI reads a folder (--pack), and the build pre-digests core/ into one file
// (digest.h) that the native build embeds and the wasm engine is handed.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace consentlens {

struct PackFile {
  std::string path;     // relative to core/, e.g. "rules/recording.json"
  std::string content;  // the file's bytes (JSON)
};

// The pack digest (digest.h) made from core/ when the binary was built: native build only.
std::string_view embedded_digest();

}  // namespace consentlens
