// The analyser: text in, findings out. One Engine holds the compiled rule pack and the
// knowledge pack; analyze() is const and keeps no state between calls other than caches of
// compiled patterns (thread safety: see analyze()). Its steps: judge what the text is (text_shape.h), find which rules fire
// where (scan.h), then build one finding per kind and unit (finding.h).
//
// Guarantees: matching is linear in the input (RE2); input over kMaxInputBytes is refused
// with InputError rather than processed partly; invalid UTF-8 is repaired (U+FFFD) and
// reported in `warnings`, never a crash; the same input gives the same bytes of JSON.
#pragma once
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "knowledge.h"
#include "lexicon.h"
#include "matcher.h"
#include "normalize.h"
#include "rule_pack.h"

namespace consentlens {

inline constexpr std::size_t kMaxInputBytes = 16u << 20;  // 16 MiB per text

class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct AnalyzeOptions {
  std::string url;     // the page's URL, if known: names the vendor by host
  std::string vendor;  // a contract vendor, if the caller knows it better than the URL
  std::string as;      // "notice", "control" or "document"; "" lets the engine judge the text's shape
  std::string date;    // the text's date (YYYY-MM-DD) if known; else the date it gives itself, else today
};

struct Analysis {
  nlohmann::ordered_json result;      // {"findings": [...]}
  std::vector<std::string> warnings;  // e.g. repaired UTF-8
  std::string as;                     // what the text was read as: notice, control or document
  std::string date;                   // the date that picked the vendor facts ("" today)
};

class Engine {
 public:
  // Throws PackError listing every problem in the packs. Every pattern and vocabulary entry is
  // parsed, so a broken one is named at once.
  explicit Engine(const std::vector<PackFile>& files);
  // The packs as pre-digested by the build (digest.h): the native build's embedded digest
  // (embedded_engine.cc), or the file the wasm engine is handed. They passed every check and
  // `consentlens rules lint` when the build made them, so nothing is checked again at start
  // (a browser starts the engine often): only the digest's own shape. Throws PackError.
  Engine();
  struct FromDigest {};
  Engine(std::string_view digest, FromDigest);
  // The compiled matcher belongs to this object's packs: an engine is built in place, never copied.
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Throws InputError for input over kMaxInputBytes, an unknown vendor or `as`, or a bad date.
  // Safe to call from several threads at once, on one engine: what it caches on first use is
  // either shared under a lock and never changed after (compiled patterns: regex_cache.h;
  // whole patterns and classes: std::call_once in matcher.h; class expansions: vocab.h;
  // rewritten classes: cheap_regex.cc) or kept per thread (what a text holds: word_finder.cc's
  // thread_local state). tests/unit/test_engine_threads.cc checks threads against one thread.
  // Not async-signal-safe, and an engine must outlive every call in flight.
  Analysis analyze(std::string_view text, const AnalyzeOptions& options = {}) const;

  const RulePack& rules() const { return rules_; }
  const Knowledge& knowledge() const { return knowledge_; }
  const Matcher& matcher() const { return *matcher_; }
  const Lexicon& lexicon() const { return *lexicon_; }
  const WordFinder& words() const { return *finder_; }

 private:
  void make_matcher();  // the matcher and lexicon, once rules_ and finder_ are there
  RulePack rules_;
  Knowledge knowledge_;
  std::unique_ptr<WordFinder> finder_;  // made from rules_.vocabulary(): declared after it
  std::unique_ptr<Matcher> matcher_;    // reads rules_ and finder_
  std::unique_ptr<Lexicon> lexicon_;    // a view of finder_
};

}  // namespace consentlens
