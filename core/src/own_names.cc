#include "own_names.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace consentlens {
namespace {

struct Mentions {
  std::size_t count = 0;
  std::size_t first = 0;
};

// A vocabulary entry takes the mark that ends its word ("anthropic ", "anthropic'" of
// "Anthropic's"): the name is the word. Provider names are written in ASCII letters and digits.
Span trimmed(std::string_view text, Span s) {
  while (s.end > s.begin && !std::isalnum(static_cast<unsigned char>(text[s.end - 1]))) --s.end;
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::vector<std::string> own_provider_names(const Lexicon& lexicon, std::string_view text) {
  // An own name is in the opening: most documents name no provider there, and are not read
  // whole for one.
  if (!lexicon.any("ai_provider", text.substr(0, std::min(text.size(), kOwnNameOpening + 64)))) return {};
  std::map<std::string, Mentions> seen;
  for (const Span& raw : lexicon.find("ai_provider", text)) {
    const Span s = trimmed(text, raw);
    if (s.end <= s.begin) continue;
    Mentions& m = seen[lower(text.substr(s.begin, s.end - s.begin))];
    if (m.count++ == 0) m.first = s.begin;
  }
  std::vector<std::string> own;
  for (const auto& [name, m] : seen)
    if (m.count >= kOwnNameMinMentions && m.first < kOwnNameOpening) own.push_back(name);
  return own;
}

bool mask_own_names(const Lexicon& lexicon, std::string& text) {
  const std::vector<std::string> own = own_provider_names(lexicon, text);
  if (own.empty()) return false;
  for (const Span& raw : lexicon.find("ai_provider", text)) {
    const Span s = trimmed(text, raw);
    const std::size_t n = s.end - s.begin;
    if (n < 2 || !std::binary_search(own.begin(), own.end(), lower(text.substr(s.begin, n)))) continue;
    text.replace(s.begin, n, "we" + std::string(n - 2, ' '));
  }
  return true;
}

}  // namespace consentlens
