#include "short_text_bounds.h"

#include <algorithm>
#include <cctype>

#include "cheap_regex.h"

namespace consentlens {
namespace {

struct Bound {
  std::size_t open, close;  // the quantifier's '{' and '}'
  std::size_t min, max;
};

// "{m,N}" at `i` (digits only): its bounds; false for "{m}", "{m,}" and class placeholders.
bool counted(std::string_view re, std::size_t i, Bound& b) {
  std::size_t j = i + 1, m = 0, n = 0;
  const std::size_t digits_from = j;
  while (j < re.size() && std::isdigit(static_cast<unsigned char>(re[j]))) m = m * 10 + static_cast<std::size_t>(re[j++] - '0');
  if (j == digits_from || j >= re.size() || re[j] != ',') return false;
  const std::size_t max_from = ++j;
  while (j < re.size() && std::isdigit(static_cast<unsigned char>(re[j]))) n = n * 10 + static_cast<std::size_t>(re[j++] - '0');
  if (j == max_from || j >= re.size() || re[j] != '}' || j - max_from > 6) return false;
  b = {i, j, m, n};
  return true;
}

// The counted repetitions of one character, in order.
std::vector<Bound> single_char_repetitions(std::string_view re) {
  std::vector<Bound> out;
  bool single = false;  // whether the last thing read is one character
  for (std::size_t i = 0; i < re.size(); ++i) {
    const char c = re[i];
    if (c == '\\') {
      if (i + 1 >= re.size()) break;
      const char e = re[++i];
      single = std::string_view("bBAzQE").find(e) == std::string_view::npos && !std::isdigit(static_cast<unsigned char>(e));
      if ((e == 'p' || e == 'P' || e == 'x') && i + 1 < re.size() && re[i + 1] == '{') {
        const std::size_t close = re.find('}', i);
        if (close == std::string_view::npos) break;
        i = close;
      } else if (e == 'p' || e == 'P') {
        ++i;
      } else if (e == 'x') {
        i += 2;
      }
      continue;
    }
    if (c == '[') {
      const std::size_t end = bracket_class_end(re, i);
      if (end == std::string_view::npos) break;
      i = end;
      single = true;
      continue;
    }
    if (c == '{') {
      Bound b;
      if (counted(re, i, b)) {
        if (single) out.push_back(b);
        i = b.close;
        if (i + 1 < re.size() && re[i + 1] == '?') ++i;  // lazy: the same set of matches
      } else if (const std::size_t close = re.find('}', i); close != std::string_view::npos && close > i + 1 &&
                 std::isalpha(static_cast<unsigned char>(re[i + 1]))) {
        i = close;  // a {class} placeholder: many characters
      }
      single = false;
      continue;
    }
    if (static_cast<unsigned char>(c) >= 0xC0) {  // a UTF-8 lead byte: one character
      while (i + 1 < re.size() && (static_cast<unsigned char>(re[i + 1]) & 0xC0) == 0x80) ++i;
      single = true;
      continue;
    }
    single = std::string_view("()|*+?^$").find(c) == std::string_view::npos;
  }
  return out;
}

}  // namespace

std::vector<std::size_t> single_char_bounds(std::string_view pattern, std::size_t min_bound) {
  std::vector<std::size_t> out;
  for (const Bound& b : single_char_repetitions(pattern))
    if (b.max >= min_bound && b.max >= b.min) out.push_back(b.max);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string unbounded_from(std::string_view pattern, std::size_t from) {
  std::string out;
  std::size_t done = 0;
  for (const Bound& b : single_char_repetitions(pattern)) {
    if (b.max < from || b.max < b.min) continue;
    out.append(pattern.substr(done, b.open - done));
    out += b.min == 0 ? "*" : b.min == 1 ? "+" : "{" + std::to_string(b.min) + ",}";
    done = b.close + 1;
  }
  out.append(pattern.substr(done));
  return out;
}

}  // namespace consentlens
