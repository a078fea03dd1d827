#include "diff/company_name.h"

#include <cctype>
#include <map>

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

}  // namespace

std::string company_name(std::string_view text) {
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
      if (rest.substr(0, verb.size()) == verb && word.size() > 1 && !common_word(word)) ++count[word];
    i = e;
  }
  std::string best = defined_as_we(text);
  int most = kMinMentions - 1;
  for (const auto& [w, n] : count)
    if (n > most) best = w, most = n;
  return best;
}

}  // namespace consentlens::docs
