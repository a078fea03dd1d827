#include "cheap_regex.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <map>
#include <mutex>
#include <utility>
#include <vector>

#include "utf8.h"

namespace consentlens {
namespace {

using Ranges = std::vector<std::pair<char32_t, char32_t>>;  // sorted, disjoint, inclusive
constexpr char32_t kMaxCode = 0x10FFFF;

// The non-letters a notice meets (see the header).
const Ranges kNonLetters = {
    {0x00, 0x40},       {0x5b, 0x60},       {0x7b, 0xa9},       {0xab, 0xb4},       {0xb6, 0xb9},
    {0xbb, 0xbf},       {0xd7, 0xd7},       {0xf7, 0xf7},       {0x2000, 0x2070},   {0x2074, 0x207e},
    {0x2080, 0x208e},   {0x20a0, 0x20cf},   {0x2150, 0x2182},   {0x2185, 0x218f},   {0x2190, 0x2bff},
    {0x3000, 0x3004},   {0x3008, 0x3020},   {0xfe30, 0xfe4f},   {0xff01, 0xff0f},   {0xff1a, 0xff20},
    {0xff3b, 0xff40},   {0xff5b, 0xff65},   {0x1f000, 0x1faff},
};
const Ranges kDigits = {{'0', '9'}, {0xb2, 0xb3}, {0xb9, 0xb9}, {0xbc, 0xbe}, {0x2070, 0x2070}, {0x2074, 0x2079},
                        {0x2080, 0x2089}, {0xff10, 0xff19}};
const Ranges kSpaces = {{0x09, 0x0d}, {0x20, 0x20}};  // \s in RE2: ASCII white space

Ranges normalized(Ranges r) {
  std::sort(r.begin(), r.end());
  Ranges out;
  for (const auto& x : r) {
    if (!out.empty() && x.first <= out.back().second + 1) out.back().second = std::max(out.back().second, x.second);
    else out.push_back(x);
  }
  return out;
}

Ranges complement(const Ranges& r) {
  Ranges out;
  char32_t next = 0;
  for (const auto& [a, b] : r) {
    if (a > next) out.push_back({next, a - 1});
    next = b + 1;
  }
  if (next <= kMaxCode) out.push_back({next, kMaxCode});
  return out;
}

Ranges united(Ranges a, const Ranges& b) {
  a.insert(a.end(), b.begin(), b.end());
  return normalized(std::move(a));
}

std::size_t weight(const Ranges& r) {
  std::size_t n = 0;
  for (const auto& [a, b] : r) n += b - a + 1;
  return n;
}

std::string hex(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x{%X}", static_cast<unsigned>(c));
  return buf;
}

// A bracket class over the set: written as its complement when that is shorter to say.
std::string bracket(const Ranges& set) {
  const bool negate = weight(set) > kMaxCode / 2;
  const Ranges& body = negate ? complement(set) : set;
  std::string out = negate ? "[^" : "[";
  for (const auto& [a, b] : body) {
    out += hex(a);
    if (b != a) out += "-" + hex(b);
  }
  if (body.empty()) out += negate ? hex(0) + "-" + hex(kMaxCode) : "";  // never happens for real classes
  return out + "]";
}

// The set a bracket class body (between [ and ]) stands for, if it is made only of the
// categories \pL \pN \pM, \s, \d and ASCII non-letters; false otherwise. \pM only beside \pL
// (where the approximate letters hold the marks already).
bool category_class(std::string_view body, Ranges& set) {
  bool negated = false;
  std::size_t i = 0;
  if (!body.empty() && body[0] == '^') negated = true, i = 1;
  bool letters = false, marks = false, category = false;
  Ranges items;
  for (; i < body.size(); ++i) {
    const char c = body[i];
    if (c == '\\') {
      if (i + 1 >= body.size()) return false;
      const char e = body[++i];
      if (e == 'p' && i + 1 < body.size() && (body[i + 1] == 'L' || body[i + 1] == 'N' || body[i + 1] == 'M')) {
        const char k = body[++i];
        category = true;
        if (k == 'L') letters = true;
        else if (k == 'M') marks = true;
        else items = united(items, kDigits);
      } else if (e == 's') {
        items = united(items, kSpaces);
      } else if (e == 'd') {
        items = united(items, {{'0', '9'}});
      } else if (e >= '!' && e <= '/' ? true : (e == '[' || e == ']' || e == '^' || e == '\\' || e == '-' || e == '.')) {
        items = united(items, {{static_cast<char32_t>(e), static_cast<char32_t>(e)}});
      } else {
        return false;
      }
      continue;
    }
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '[') return false;
    if (c == '-' && i + 1 < body.size() && i > (negated ? 1u : 0u)) return false;  // a range: not followed
    items = united(items, {{u, u}});
  }
  if (!category || (marks && !letters)) return false;
  if (letters) items = united(items, complement(kNonLetters));
  set = negated ? complement(items) : items;
  return true;
}

// Whether a character outside ASCII has no other case in Unicode, by blocks that hold none:
// punctuation and symbols (less the micro sign, which folds to mu, and the letterlike symbols,
// number forms and circled letters, which have cases: the Kelvin sign folds to k), and scripts without case (Hebrew, Arabic, Indic, Thai,
// Ethiopic, kana, CJK, Hangul). Conservative: a character not listed here counts as cased.
bool caseless(char32_t c) {
  static const Ranges kCaseless = {
      {0xa0, 0xb4},     {0xb6, 0xbf},     {0xd7, 0xd7},     {0xf7, 0xf7},     {0x590, 0x6ff},
      {0x900, 0xe7f},   {0x1200, 0x139f}, {0x2000, 0x20ff}, {0x2190, 0x24b5}, {0x2500, 0x2bff},
      {0x3000, 0x30ff}, {0x4e00, 0x9fff}, {0xac00, 0xd7a3}, {0xff01, 0xff20}, {0xff5b, 0xff65},
  };
  const auto it = std::upper_bound(kCaseless.begin(), kCaseless.end(), c, [](char32_t x, const auto& r) { return x < r.first; });
  return it != kCaseless.begin() && c <= std::prev(it)->second;
}

bool fold_closed_class(std::string_view body) {
  // Does a bracket class body hold only Unicode categories or scripts, spaces, digits, ASCII
  // punctuation and characters without case (sentence marks of other scripts: "。", "؟", "।")?
  // Such a class already contains both cases of every letter it contains.
  const std::size_t first = body.size() > 0 && body[0] == '^' ? 1 : 0;
  if (first >= body.size()) return false;
  for (std::size_t i = first; i < body.size(); ++i) {
    const char c = body[i];
    if (c == '-' && i != first && i + 1 != body.size()) return false;  // a range may span letters
    if (static_cast<unsigned char>(c) >= 0x80) {  // rule text is valid UTF-8 (the packs' JSON)
      std::size_t next = i;
      if (!caseless(next_code_point(body, next))) return false;
      i = next - 1;
      continue;
    }
    if (c == '\\') {
      if (i + 1 >= body.size()) return false;
      const char e = body[++i];
      if (e == 'p' || e == 'P') {
        if (i + 1 < body.size() && body[i + 1] == '{') {
          const std::size_t close = body.find('}', i);
          if (close == std::string_view::npos) return false;
          i = close;
        } else {
          ++i;
        }
      } else if (e != 's' && e != 'd' && e != 'S' && e != 'D' && e != 'n' && e != 't' && e != 'r' && e != 'f' &&
                 e != 'v' && !(e >= '!' && e <= '/') && e != '[' && e != ']' && e != '^' && e != '\\') {
        return false;  // \x.., \w and friends: not checked, not rewritten
      }
      continue;
    }
    if (static_cast<unsigned char>(c) >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '[') return false;
  }
  return true;
}

// A bracket class as cheap_to_compile writes it. Patterns use a handful of distinct classes
// many thousand times over (every word start), so each is worked out once and remembered.
std::string cheap_bracket(std::string_view cls) {
  static std::mutex mutex;
  static std::map<std::string, std::string, std::less<>> done;
  std::lock_guard<std::mutex> lock(mutex);
  if (const auto it = done.find(cls); it != done.end()) return it->second;
  const std::string_view body = cls.substr(1, cls.size() - 2);
  Ranges set;
  std::string out;
  if (category_class(body, set)) out = "(?-i:" + bracket(set) + ")";
  else if (fold_closed_class(body)) out = "(?-i:" + std::string(cls) + ")";
  else out = std::string(cls);
  if (done.size() < 4096) done.emplace(std::string(cls), out);  // bounded: a pack has a few dozen
  return out;
}

}  // namespace

const std::string kLetterApprox = bracket(complement(kNonLetters));

bool is_word_char(char32_t c) {
  static const Ranges word = [] {
    Ranges set;
    category_class("\\pL\\pM\\pN_", set);
    return set;
  }();
  const auto it = std::upper_bound(word.begin(), word.end(), c, [](char32_t x, const auto& r) { return x < r.first; });
  return it != word.begin() && c <= std::prev(it)->second;
}

std::size_t bracket_class_end(std::string_view re, std::size_t open) {
  std::size_t j = open + 1;
  if (j < re.size() && re[j] == '^') ++j;
  if (j < re.size() && re[j] == ']') ++j;
  while (j < re.size() && re[j] != ']') {
    if (re[j] == '\\') j += 2;
    else if (re[j] == '[' && j + 1 < re.size() && re[j + 1] == ':') {
      const std::size_t close = re.find(":]", j);
      j = close == std::string_view::npos ? re.size() : close + 2;
    } else ++j;
  }
  return j < re.size() ? j : std::string_view::npos;
}

std::string cheap_to_compile(std::string_view re) {
  std::string out;
  out.reserve(re.size() + re.size() / 8);
  for (std::size_t i = 0; i < re.size(); ++i) {
    const char c = re[i];
    if (c == '\\' && i + 1 < re.size()) {
      const char e = re[i + 1];
      if (e == 'p' && i + 2 < re.size() && re[i + 2] == 'L' && !(i + 3 < re.size() && re[i + 3] == '{')) {
        out += "(?-i:" + kLetterApprox + ")";
        i += 2;
        continue;
      }
      if (e == 'p' || e == 'P') {  // \pN, \p{Han}: a category holds its letters in both cases
        std::size_t end = i + 2;
        if (end < re.size() && re[end] == '{') {
          const std::size_t close = re.find('}', end);
          end = close == std::string_view::npos ? re.size() : close + 1;
        } else {
          end = std::min(re.size(), end + 1);
        }
        out += "(?-i:";
        out += re.substr(i, end - i);
        out += ')';
        i = end - 1;
        continue;
      }
      out += re.substr(i, 2);
      ++i;
      continue;
    }
    if (c == '[') {
      const std::size_t j = bracket_class_end(re, i);
      if (j == std::string_view::npos) {  // unbalanced: leave it for RE2 to report
        out += re.substr(i);
        break;
      }
      out += cheap_bracket(re.substr(i, j - i + 1));
      i = j;
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace consentlens
