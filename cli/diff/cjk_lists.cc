#include "diff/cjk_lists.h"

#include <algorithm>
#include <string_view>

namespace consentlens::docs {
namespace {

constexpr std::string_view kEnumComma = "\xE3\x80\x81";  // 、
constexpr std::size_t kMinItems = 3;
constexpr std::size_t kEdgeChars = 4;     // an enumeration's first and last items: the characters next to its commas
constexpr std::size_t kMaxItemChars = 12;  // longer is a clause, not an item

// UTF-8 characters of `s`, each as its bytes.
std::vector<std::string_view> chars_of(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

bool cjk(std::string_view ch) { return ch.size() >= 3; }

// Spaces between words: not a sentence this reader is for.
bool spaced(std::string_view s) {
  std::size_t spaces = 0;
  for (char c : s) spaces += c == ' ';
  return spaces * 20 > s.size();
}

// The clauses of a sentence: split at the full-width comma, semicolon and colon (NFKC has made
// them ASCII) and at the ideographic full stop.
std::vector<std::string_view> clauses_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t from = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    const bool end = i == s.size() || s[i] == ',' || s[i] == ';' || s[i] == ':' || s.substr(i, 3) == "\xE3\x80\x82";
    if (!end) continue;
    if (i > from) out.push_back(s.substr(from, i - from));
    from = i + (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x80 ? 3 : 1);
    if (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x80) i += 2;
  }
  return out;
}

// The run of CJK characters at one end of `part`, at most `most` long.
std::string edge(std::string_view part, bool at_end, std::size_t most) {
  auto chars = chars_of(part);
  std::string out;
  std::size_t taken = 0;
  if (at_end) {
    std::size_t k = chars.size();
    while (k > 0 && cjk(chars[k - 1]) && taken < most) --k, ++taken;
    for (std::size_t x = k; x < chars.size(); ++x) out += chars[x];
  } else {
    for (std::size_t x = 0; x < chars.size() && cjk(chars[x]) && taken < most; ++x, ++taken) out += chars[x];
  }
  return out;
}

// The enumerations of a sentence, each as its items.
std::vector<std::vector<std::string>> enumerations_of(std::string_view s) {
  std::vector<std::vector<std::string>> out;
  for (std::string_view clause : clauses_of(s)) {
    std::vector<std::string_view> parts;
    std::size_t from = 0;
    for (std::size_t at = clause.find(kEnumComma); at != std::string_view::npos; at = clause.find(kEnumComma, from)) {
      parts.push_back(clause.substr(from, at - from));
      from = at + kEnumComma.size();
    }
    parts.push_back(clause.substr(from));
    if (parts.size() < kMinItems) continue;
    // The first item runs into the clause's opening, the last into its close: only as many
    // characters next to the commas as the middle items hold (the shortest of them) are the item's.
    std::size_t middle = kEdgeChars;
    for (std::size_t k = 1; k + 1 < parts.size(); ++k) middle = std::min(middle, chars_of(parts[k]).size());
    std::vector<std::string> items;
    for (std::size_t k = 0; k < parts.size(); ++k) {
      std::string item = k == 0 ? edge(parts[k], true, middle) : k + 1 == parts.size() ? edge(parts[k], false, middle) : std::string(parts[k]);
      if (!item.empty() && chars_of(item).size() <= kMaxItemChars) items.push_back(std::move(item));
    }
    out.push_back(std::move(items));
  }
  return out;
}

}  // namespace

std::vector<ListEdit> cjk_list_edits(const std::string& was, const std::string& now) {
  std::vector<ListEdit> out;
  if (spaced(was) || spaced(now)) return out;
  for (const auto& items : enumerations_of(was)) {
    ListEdit e;
    for (const std::string& item : items)
      if (now.find(item) == std::string::npos) e.dropped.push_back(item);
    if (!e.dropped.empty()) out.push_back(std::move(e));
  }
  for (const auto& items : enumerations_of(now)) {
    ListEdit e;
    for (const std::string& item : items)
      if (was.find(item) == std::string::npos) e.added.push_back(item);
    if (!e.added.empty()) out.push_back(std::move(e));
  }
  return out;
}

}  // namespace consentlens::docs
