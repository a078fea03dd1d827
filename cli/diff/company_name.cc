#include "diff/company_name.h"

#include <cctype>
#include <map>
#include <vector>

namespace consentlens::docs {
namespace {

constexpr int kMinMentions = 2;

// Words that start sentences or name the reader, never the company.
bool common_word(const std::string& w) {
  for (const char* x : {"You", "We", "Our", "The", "This", "If", "Your", "It", "They", "Each", "Any", "Such", "That",
                        "These", "Customer", "Customers", "User", "Users", "Host", "Services", "Service", "Agreement",
                        "Section", "Account", "Participants", "Notwithstanding", "Nothing", "No", "All", "Either",
                        "Neither", "Company"})
    if (w == x) return true;
  return false;
}

// The name a definition gives the company it then calls "we": ("WeTransfer", "we", "us"),
// (“Zoom”, “we”). The quoted word right before a quoted "we".
constexpr std::size_t kDefinitionReach = 24;  // bytes between the name's closing quote and "we"
std::string defined_as_we(std::string_view text) {
  // The plain text (Markdown marks gone); the list may leave the quote open: "we, "us".
  for (std::string_view we : {"\xe2\x80\x9cwe\xe2\x80\x9d", "\xe2\x80\x9cwe,", "\"we\"", "\"we,"}) {
    for (std::size_t at = text.find(we); at != std::string_view::npos; at = text.find(we, at + 1)) {
      const std::size_t from = at > kDefinitionReach + 40 ? at - kDefinitionReach - 40 : 0;
      const std::string_view before = text.substr(from, at - from);
      // The last quoted capitalised word before "we", closed within reach.
      for (std::size_t q = before.size(); q-- > 0;) {
        if (!std::isupper(static_cast<unsigned char>(before[q])) || q == 0) continue;
        const char prev = before[q - 1];
        if (prev != '"' && !(q >= 3 && before.substr(q - 3, 3) == "\xe2\x80\x9c")) continue;
        std::size_t e = q;
        while (e < before.size() && (std::isalnum(static_cast<unsigned char>(before[e])) || before[e] == '.' || before[e] == '-')) ++e;
        if (before.size() - e > kDefinitionReach) break;
        std::string name(before.substr(q, e - q));
        while (!name.empty() && name.back() == '.') name.pop_back();
        if (name.size() > 1) return name;
        break;
      }
    }
  }
  return "";
}

// How often each word stands in lower case as a word of its own ("data may be shared"), not as a
// part of an address ("zoom.us"): a capitalised word the text also writes in lower case is a
// common noun at the start of a sentence ("Data may ..."), not a name.
std::map<std::string, int> lower_case_words(std::string_view text) {
  std::map<std::string, int> out;
  for (std::size_t i = 0; i < text.size();) {
    if (!std::islower(static_cast<unsigned char>(text[i])) || (i > 0 && text[i - 1] != ' ')) {
      ++i;
      continue;
    }
    std::size_t e = i;
    while (e < text.size() && std::islower(static_cast<unsigned char>(text[e]))) ++e;
    const bool alone = e == text.size() || text[e] == ' ' || text[e] == ',' || text[e] == ';' || text[e] == ':' ||
                       (text[e] == '.' && (e + 1 == text.size() || text[e + 1] == ' ' || text[e + 1] == '\n'));
    if (alone) ++out[std::string(text.substr(i, e - i))];
    i = e;
  }
  return out;
}

constexpr int kCommonNounUses = 2;  // lower-case uses that make a capitalised word a common noun
constexpr std::size_t kOpening = 1500;  // bytes of the title and first paragraph

// The capitalised words that end right before `at`, first to last ("Acme", "Meetings" of "Acme
// Meetings Terms"; at most three).
std::vector<std::string> words_before(std::string_view text, std::size_t at) {
  std::vector<std::string> out;
  while (out.size() < 3) {
    std::size_t b = at;
    while (b > 0 && (std::isalnum(static_cast<unsigned char>(text[b - 1])) || text[b - 1] == '-')) --b;
    if (b == at || !std::isupper(static_cast<unsigned char>(text[b]))) break;
    out.insert(out.begin(), std::string(text.substr(b, at - b)));
    if (b == 0 || text[b - 1] != ' ') break;
    at = b - 1;
  }
  return out;
}

// How often `word` stands capitalised in the text as a word of its own.
int capitalised_uses(std::string_view text, const std::string& word) {
  int n = 0;
  for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
    const std::size_t e = at + word.size();
    if (starts && (e == text.size() || !std::isalnum(static_cast<unsigned char>(text[e])))) ++n;
  }
  return n;
}

constexpr int kOwnerUses = 3;  // a name in the title is the owner's only if the text keeps using it

// The name the title or the first paragraph gives the document's owner, the first to appear:
// "Twitter Terms of Service", "LinkedIn's global Privacy Policy", "LinkedIn’s mission".
std::string named_in_opening(std::string_view text, const std::map<std::string, int>& lower) {
  const std::string_view opening = text.substr(0, kOpening);
  std::size_t first = std::string_view::npos;
  std::string best;
  for (std::string_view after : {" Terms", " Privacy", " User Agreement", "'s ", "\xe2\x80\x99s "}) {
    for (std::size_t at = opening.find(after); at != std::string_view::npos && at < first; at = opening.find(after, at + 1)) {
      for (const std::string& w : words_before(opening, at)) {
        if (w.size() < 2 || common_word(w) || w == "Terms" || w == "Privacy") continue;
        std::string folded(w);
        for (auto& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const auto l = lower.find(folded);
        if ((l != lower.end() && l->second >= kCommonNounUses) || capitalised_uses(text, w) < kOwnerUses) continue;
        first = at;
        best = w;
        break;
      }
      if (!best.empty()) break;
    }
  }
  return best;
}

}  // namespace

std::string company_name(std::string_view text) {
  const std::map<std::string, int> lower = lower_case_words(text);
  const auto common_noun = [&](const std::string& w) {
    std::string folded(w);
    for (auto& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto l = lower.find(folded);
    return l != lower.end() && l->second >= kCommonNounUses;
  };
  std::map<std::string, int> count;
  for (std::size_t i = 0; i < text.size();) {
    if (!std::isupper(static_cast<unsigned char>(text[i])) || (i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1])))) {
      ++i;
      continue;
    }
    std::size_t e = i;
    while (e < text.size() && (std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '-')) ++e;
    const std::string word(text.substr(i, e - i));
    const std::string_view rest = text.substr(e, 10);
    for (std::string_view verb : {" may ", " will ", " does ", " uses ", " shall ", " can ", " grants ", " collects "})
      if (rest.substr(0, verb.size()) == verb && word.size() > 1 && !common_word(word)) {
        // "Stack Overflow may": a name of several capitalised words is counted whole, without a
        // sentence's first word before it ("The Company", "However Zoom").
        std::vector<std::string> name = words_before(text, e);
        while (name.size() > 1 && (common_word(name.front()) || common_noun(name.front()) || name.front().size() < 2)) name.erase(name.begin());
        // ... and not one whose last word is a common noun ("Network Terms shall", "Commercial Code").
        if (common_noun(word) || word == "Terms" || word == "Policy" || word == "Code") break;
        std::string whole;
        for (const auto& w : name) whole += (whole.empty() ? "" : " ") + w;
        ++count[name.size() > 1 ? whole : word];
      }
    i = e;
  }
  std::string best = defined_as_we(text);
  int most = kMinMentions - 1;
  for (const auto& [w, n] : count) {
    std::string folded(w);
    for (auto& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto l = lower.find(folded);
    if (l != lower.end() && l->second >= kCommonNounUses) continue;
    if (n > most) best = w, most = n;
  }
  return best.empty() ? named_in_opening(text, lower) : best;
}

}  // namespace consentlens::docs
