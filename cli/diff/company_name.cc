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
  std::string best;
  int most = kMinMentions - 1;
  for (const auto& [w, n] : count)
    if (n > most) best = w, most = n;
  return best;
}

}  // namespace consentlens::docs
