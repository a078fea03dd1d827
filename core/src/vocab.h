// Per-language vocabularies (core/rules/vocab/<lang>.json): word families that rules name as
// {class}. A class expands to one alternation over every language, so a rule is written once
// and works in each language that fills the class (see docs/rules.md).
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pack_files.h"

namespace consentlens {

// Unicode-aware word edges; RE2's \b only knows ASCII letters.
inline constexpr std::string_view kWordStart = R"((?:^|[^\pL\pN_]))";
inline constexpr std::string_view kWordEnd = R"((?:[^\pL\pN_]|$))";

class Vocabulary {
 public:
  // Adds one vocab file; appends "path: problem" lines to `errors`.
  void add_file(const PackFile& file, std::vector<std::string>& errors);

  // Replaces {class}, {b} (word start) and {e} (word end) in `pattern`.
  // Returns false and sets `error` for an unknown or empty class.
  bool expand(std::string_view pattern, std::string& out, std::string& error) const;

  std::vector<std::string> languages() const { return languages_; }
  std::vector<std::string> classes() const;
  // The entries of one class in one language (for reports and tests).
  std::vector<std::string> entries(std::string_view cls, std::string_view lang) const;

 private:
  struct Entry {
    std::string lang;
    std::string fragment;
    bool word_start;
  };
  std::map<std::string, std::vector<Entry>, std::less<>> classes_;
  mutable std::map<std::string, std::string, std::less<>> expanded_;  // cache, filled on demand
  std::vector<std::string> languages_;
  std::string build(std::string_view cls) const;
};

}  // namespace consentlens
