#include "atoms.h"

#include <algorithm>
#include <cctype>

#include "unicode.h"

namespace consentlens {
namespace {

struct Req {
  bool always = true;
  std::vector<std::string> atoms;
  // The expression matches exactly one of `atoms` and nothing else ("m[ae]z", "(?:is|are)"):
  // a sequence can then join it to its neighbours ("maz", "mez"). An exact set may hold "".
  bool exact = false;
};

// Joined sets stay small: past this many strings a sequence breaks instead.
constexpr std::size_t kMaxProduct = 8;

std::size_t weakest(const Req& r) {
  std::size_t m = SIZE_MAX;
  for (const auto& a : r.atoms) m = std::min(m, a.size());
  return m;
}

class Parser {
 public:
  Parser(std::string_view s, std::size_t min_bytes) : s_(s), min_(min_bytes) {}

  Req run() {
    Req r = alternation();
    if (i_ != s_.size()) return Req{};  // an unbalanced ')': require nothing
    if (r.exact && weakest(r) < min_) return Req{};  // "a|record": "a" is too short to filter by
    return r;
  }

 private:
  Req alternation() {
    std::vector<Req> branches{sequence()};
    while (i_ < s_.size() && s_[i_] == '|') {
      ++i_;
      branches.push_back(sequence());
    }
    Req out;
    out.always = false;
    out.exact = true;
    for (const auto& b : branches) {
      if (b.always) return Req{};
      out.exact = out.exact && b.exact;
      out.atoms.insert(out.atoms.end(), b.atoms.begin(), b.atoms.end());
    }
    // A set that is not exact is a requirement: every atom must be long enough to filter by.
    if (!out.exact && weakest(out) < min_) return Req{};
    std::sort(out.atoms.begin(), out.atoms.end());
    out.atoms.erase(std::unique(out.atoms.begin(), out.atoms.end()), out.atoms.end());
    return out;
  }

  // What follows an item: how often it must occur. Consumes the quantifier.
  enum class Times { once, optional, at_least_once };
  Times quantifier() {
    if (i_ >= s_.size()) return Times::once;
    Times t = Times::once;
    const char c = s_[i_];
    if (c == '?' || c == '*') {
      t = Times::optional;
      ++i_;
    } else if (c == '+') {
      t = Times::at_least_once;
      ++i_;
    } else if (c == '{') {
      std::size_t j = i_ + 1;
      std::size_t low = 0;
      bool digits = false;
      while (j < s_.size() && std::isdigit(static_cast<unsigned char>(s_[j]))) low = low * 10 + static_cast<std::size_t>(s_[j++] - '0'), digits = true;
      if (!digits || j >= s_.size() || (s_[j] != ',' && s_[j] != '}')) return Times::once;  // a {class}, not a repeat
      const std::size_t close = s_.find('}', j);
      if (close == std::string_view::npos) return Times::once;
      i_ = close + 1;
      t = low == 0 ? Times::optional : Times::at_least_once;
    } else {
      return Times::once;
    }
    if (i_ < s_.size() && s_[i_] == '?') ++i_;  // lazy
    return t;
  }

  // A bracket set of a few plain characters ("[ae]", "[ıi]", "[kğ]"): its characters, and past
  // it; false, moving nothing, for any other set (negated, ranges, escapes, many members).
  bool small_set(std::vector<std::string>& chars) {
    std::size_t j = i_ + 1;
    std::vector<std::string> out;
    while (j < s_.size() && s_[j] != ']') {
      const unsigned char b = static_cast<unsigned char>(s_[j]);
      if (b == '^' || b == '-' || b == '\\' || b == '[' || (b < 0x80 && !std::isalpha(b))) return false;
      const std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
      out.emplace_back(s_.substr(j, len));
      j += len;
    }
    if (j >= s_.size() || out.empty() || out.size() > 6) return false;
    i_ = j + 1;
    chars = std::move(out);
    return true;
  }

  // Past a bracket set ("[^a-z\]]"), which needs no literal of its own.
  void skip_bracket() {
    std::size_t j = i_ + 1;
    if (j < s_.size() && s_[j] == '^') ++j;
    if (j < s_.size() && s_[j] == ']') ++j;
    while (j < s_.size() && s_[j] != ']') j += s_[j] == '\\' ? 2 : 1;
    i_ = std::min(s_.size(), j + 1);
  }

  // Past an escape that stands for a class or an edge, not a literal character (\b \s \pL
  // \p{Han} \x{2000} \d); false, moving nothing, for an escaped character (\. \- \').
  bool skip_class_escape() {
    const char e = s_[i_ + 1];
    if (!std::isalnum(static_cast<unsigned char>(e))) return false;
    i_ += 2;
    if ((e == 'p' || e == 'P' || e == 'x') && i_ < s_.size() && s_[i_] == '{') {
      const std::size_t close = s_.find('}', i_);
      i_ = close == std::string_view::npos ? s_.size() : close + 1;
    } else if (e == 'p' || e == 'P') {
      ++i_;
    } else if (e == 'x') {
      i_ = std::min(s_.size(), i_ + 2);
    }
    return true;
  }

  // Past one element that needs no literal of its own: a bracket set, {tail}, {end} or
  // {class}, ".", "^", "$", or a class escape. False, moving nothing, at a literal character.
  bool skip_non_literal() {
    const char c = s_[i_];
    if (c == '[') {
      skip_bracket();
    } else if (c == '{') {
      const std::size_t close = s_.find('}', i_);
      i_ = close == std::string_view::npos ? s_.size() : close + 1;
    } else if (c == '.' || c == '^' || c == '$') {
      ++i_;
    } else {
      return c == '\\' && i_ + 1 < s_.size() && skip_class_escape();
    }
    return true;
  }

  // The literal character at i_ (an escaped one, \. \- \' \(, as itself; UTF-8 whole), and past it.
  std::string literal_char() {
    if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
      i_ += 2;
      return std::string(1, s_[i_ - 1]);
    }
    const unsigned char b = static_cast<unsigned char>(s_[i_]);
    const std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    const std::string ch(s_.substr(i_, len));
    i_ += len;
    return ch;
  }

  // The most selective requirement: the one whose weakest atom is longest.
  Req most_selective(const std::vector<Req>& candidates) const {
    const Req* best = nullptr;
    for (const auto& r : candidates)
      if (weakest(r) >= min_ && (!best || weakest(r) > weakest(*best) ||
                                 (weakest(r) == weakest(*best) && r.atoms.size() < best->atoms.size())))
        best = &r;
    return best ? *best : Req{};
  }

  Req sequence() {
    std::vector<Req> candidates;
    std::vector<std::string> cur{""};  // what the sequence read since its last break is exactly one of
    bool exact = true;                 // and nothing came before that break
    auto flush = [&] {
      Req r{false, cur, false};
      if (weakest(r) >= min_) candidates.push_back(std::move(r));
      cur = {""};
    };
    auto brk = [&] {
      flush();
      exact = false;
    };
    // Joins `options` (exact) to what was read, `times` as its quantifier says.
    auto join = [&](const std::vector<std::string>& options, Times times) {
      if (times == Times::optional) return brk();
      if (cur.size() * options.size() > kMaxProduct) brk();
      std::vector<std::string> next;
      for (const auto& a : cur)
        for (const auto& b : options) next.push_back(a + fold_case(b));  // folded as the text will be
      cur = std::move(next);
      if (times == Times::at_least_once) brk();  // it may repeat: what follows is not adjacent
    };
    while (i_ < s_.size() && s_[i_] != '|' && s_[i_] != ')') {
      const char c = s_[i_];
      if (c == '(') {
        ++i_;
        if (i_ < s_.size() && s_[i_] == '?') {  // (?:, (?i:, (?-i:
          while (i_ < s_.size() && s_[i_] != ':' && s_[i_] != ')') ++i_;
          if (i_ < s_.size() && s_[i_] == ':') ++i_;
        }
        Req inner = alternation();
        if (i_ < s_.size() && s_[i_] == ')') ++i_;
        const Times times = quantifier();
        if (inner.exact) {
          join(inner.atoms, times);
        } else {
          brk();
          if (times != Times::optional && !inner.always) candidates.push_back(std::move(inner));
        }
        continue;
      }
      std::vector<std::string> set;
      if (c == '[' && small_set(set)) {
        join(set, quantifier());
        continue;
      }
      if (skip_non_literal()) {
        brk();
        quantifier();
        continue;
      }
      const std::string ch = literal_char();
      join({ch}, quantifier());
    }
    if (exact) return Req{false, cur, true};
    flush();
    return most_selective(candidates);
  }

  std::string_view s_;
  std::size_t min_;
  std::size_t i_ = 0;
};

}  // namespace

Atoms required_atoms(std::string_view expression, std::size_t min_bytes) {
  const Req r = Parser(expression, min_bytes).run();
  Atoms a;
  a.always = r.always || r.atoms.empty();
  if (!a.always) a.any_of = r.atoms;
  return a;
}

}  // namespace consentlens
