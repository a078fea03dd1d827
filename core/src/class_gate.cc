#include "class_gate.h"

#include <algorithm>

namespace consentlens {
namespace {

using Term = ClassGate::Term;
using Dnf = std::vector<Term>;

// Past this many terms a formula is not worth its cost: it becomes "needs nothing".
constexpr std::size_t kMaxTerms = 64;

const Dnf kTrue = {Term{}};

Dnf simplify(Dnf d) {
  for (auto& t : d) {
    std::sort(t.begin(), t.end());
    t.erase(std::unique(t.begin(), t.end()), t.end());
  }
  std::sort(d.begin(), d.end(), [](const Term& a, const Term& b) { return a.size() != b.size() ? a.size() < b.size() : a < b; });
  d.erase(std::unique(d.begin(), d.end()), d.end());
  // Absorption: a term that holds all of a smaller term's classes adds nothing.
  Dnf out;
  for (const auto& t : d) {
    const bool absorbed = std::any_of(out.begin(), out.end(), [&](const Term& s) {
      return std::includes(t.begin(), t.end(), s.begin(), s.end());
    });
    if (!absorbed) out.push_back(t);
  }
  if (out.size() > kMaxTerms) return kTrue;
  return out;
}

Dnf both(const Dnf& a, const Dnf& b) {
  if (a.size() * b.size() > kMaxTerms * kMaxTerms) return kTrue;
  Dnf out;
  for (const auto& x : a)
    for (const auto& y : b) {
      Term t = x;
      t.insert(t.end(), y.begin(), y.end());
      out.push_back(std::move(t));
    }
  return simplify(std::move(out));
}

Dnf either(Dnf a, const Dnf& b) {
  a.insert(a.end(), b.begin(), b.end());
  return simplify(std::move(a));
}

class Parser {
 public:
  Parser(std::string_view p, int (*index_of)(void*, std::string_view), void* ctx) : p_(p), index_of_(index_of), ctx_(ctx) {}

  Dnf run() {
    Dnf d = alternation();
    return i_ == p_.size() ? d : kTrue;  // an unbalanced ')': follow nothing
  }

 private:
  std::string_view p_;
  std::size_t i_ = 0;
  int (*index_of_)(void*, std::string_view);
  void* ctx_;

  bool at(char c) const { return i_ < p_.size() && p_[i_] == c; }

  Dnf alternation() {
    Dnf d = sequence();
    while (at('|')) {
      ++i_;
      d = either(std::move(d), sequence());
    }
    return d;
  }

  Dnf sequence() {
    Dnf d = kTrue;
    while (i_ < p_.size() && !at('|') && !at(')')) {
      Dnf a = atom();
      if (quantifier_allows_zero()) a = kTrue;
      d = both(d, a);
    }
    return d;
  }

  // Consumes a quantifier after an atom, if any; true if it allows zero repetitions.
  bool quantifier_allows_zero() {
    bool zero = false;
    if (at('*') || at('?')) {
      zero = true;
      ++i_;
    } else if (at('+')) {
      ++i_;
    } else if (at('{') && i_ + 1 < p_.size() && p_[i_ + 1] >= '0' && p_[i_ + 1] <= '9') {
      const std::size_t close = p_.find('}', i_);
      if (close == std::string_view::npos) return false;
      std::size_t j = i_ + 1;
      int low = 0;
      while (j < close && p_[j] >= '0' && p_[j] <= '9') low = low * 10 + (p_[j++] - '0');
      zero = low == 0;
      i_ = close + 1;
    } else {
      return false;
    }
    if (at('?')) ++i_;  // lazy
    return zero;
  }

  Dnf atom() {
    const char c = p_[i_];
    if (c == '(') {
      ++i_;
      if (at('?')) {
        // (?:...), (?i:...), (?P<name>...), or a flag group (?i) that holds nothing.
        while (i_ < p_.size() && p_[i_] != ':' && p_[i_] != ')' && p_[i_] != '>') ++i_;
        if (at(')')) {
          ++i_;
          return kTrue;
        }
        ++i_;
      }
      Dnf inner = alternation();
      if (at(')')) ++i_;
      return inner;
    }
    if (c == '[') {
      skip_class();
      return kTrue;
    }
    if (c == '\\') {
      skip_escape();
      return kTrue;
    }
    if (c == '{') {
      const std::size_t close = p_.find('}', i_);
      if (close != std::string_view::npos) {
        const std::string_view name = p_.substr(i_ + 1, close - i_ - 1);
        if (!name.empty() && name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string_view::npos) {
          i_ = close + 1;
          const int k = index_of_(ctx_, name);
          return k < 0 ? kTrue : Dnf{Term{k}};
        }
      }
    }
    ++i_;  // a literal byte (or any other single-byte atom)
    return kTrue;
  }

  void skip_escape() {
    i_ += 1;  // the backslash
    if (i_ >= p_.size()) return;
    const char e = p_[i_];
    if ((e == 'x' || e == 'p' || e == 'P') && i_ + 1 < p_.size() && p_[i_ + 1] == '{') {
      const std::size_t close = p_.find('}', i_);
      i_ = close == std::string_view::npos ? p_.size() : close + 1;
    } else if (e == 'x') {
      i_ = std::min(p_.size(), i_ + 3);
    } else if ((e == 'p' || e == 'P') && i_ + 1 < p_.size()) {
      i_ += 2;
    } else {
      i_ += 1;
    }
  }

  void skip_class() {
    ++i_;  // [
    if (at('^')) ++i_;
    if (at(']')) ++i_;  // a leading ] is a literal
    while (i_ < p_.size() && !at(']')) {
      if (at('\\')) skip_escape();
      else if (at('[') && i_ + 1 < p_.size() && p_[i_ + 1] == ':') {
        const std::size_t close = p_.find(":]", i_);
        i_ = close == std::string_view::npos ? p_.size() : close + 2;
      } else ++i_;
    }
    if (at(']')) ++i_;
  }
};

}  // namespace

ClassGate ClassGate::from_terms(std::vector<Term> terms) {
  ClassGate g;
  g.terms_ = simplify(std::move(terms));
  return g;
}

bool ClassGate::from_simplified(std::vector<Term> terms, std::size_t classes, ClassGate& out) {
  for (const auto& t : terms)
    for (int k : t)
      if (k < 0 || static_cast<std::size_t>(k) >= classes) return false;
  out.terms_ = std::move(terms);
  return true;
}

bool ClassGate::allows(const std::vector<char>& present) const {
  if (open()) return true;
  return std::any_of(terms_.begin(), terms_.end(), [&](const Term& t) {
    return std::all_of(t.begin(), t.end(), [&](int k) { return present[static_cast<std::size_t>(k)] != 0; });
  });
}

std::vector<int> ClassGate::classes() const {
  std::vector<int> out;
  for (const auto& t : terms_) out.insert(out.end(), t.begin(), t.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace class_gate_detail {
ClassGate parse(std::string_view pattern, int (*index_of)(void*, std::string_view), void* ctx) {
  return ClassGate::from_terms(Parser(pattern, index_of, ctx).run());
}
}  // namespace class_gate_detail

}  // namespace consentlens
