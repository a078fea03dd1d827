// Helpers for tests: the source tree's packs, small in-memory packs, and running the CLI.
#pragma once
#include <string>
#include <vector>

#include "pack_files.h"

namespace consentlens::testing {

// A minimal valid pack: one vocabulary, phrases, other.json, plus `rules_json` as rules/test.json.
std::vector<PackFile> tiny_pack(const std::string& rules_json);

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};
// Runs build/bin/consentlens with `args` (shell-quoted here), feeding `stdin_text`.
RunResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text = "");

std::string source_path(const std::string& relative);  // path inside the source tree
bool file_exists(const std::string& path);
std::string read_file(const std::string& path);

}  // namespace consentlens::testing
