// Helpers for tests: the source tree's packs, small in-memory packs, and running the CLI.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "pack_files.h"

namespace consentlens::testing {

// A minimal valid pack: one vocabulary, phrases, other.json, plus `rules_json` as rules/test.json.
std::vector<PackFile> tiny_pack(const std::string& rules_json);

// The agreement tests that walk everything (every code point, every text with every rule, every
// vocabulary entry, every explanation) check logic that is the same in every build, and the
// release build runs them in full. Under the sanitizers, where they run four to eight times
// slower, they take every Nth item (tests/CMakeLists.txt sets N): the same code paths run, so a
// memory error or undefined behaviour still shows, in a CI run that stays within its time.
constexpr std::size_t kExhaustiveStride = CONSENTLENS_EXHAUSTIVE_STRIDE;
inline bool sampled(std::size_t item) { return item % kExhaustiveStride == 0; }

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};
// Runs build/bin/consentlens with `args` (shell-quoted here), feeding `stdin_text`.
RunResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text = "");

std::string source_path(const std::string& relative);  // path inside the source tree

// Writes a pack folder at `dir` (removed first): core/'s knowledge as it is, the vocabularies
// named in `vocab_langs` copied from core/, and one rule whose examples pass. Tests of what the
// lint says about knowledge or vocabulary files use it: linting core/'s hundreds of rules
// would only make them slow.
void write_small_pack_dir(const std::string& dir, const std::vector<std::string>& vocab_langs = {});
bool file_exists(const std::string& path);
std::string read_file(const std::string& path);

}  // namespace consentlens::testing
