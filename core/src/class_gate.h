// Which vocabulary classes a pattern needs before it can match: a formula read off the pattern
// as written ("{rec}.*{consent}|{stream}" needs rec and consent, or stream). The matcher scans
// each class once and runs a pattern only on lines where its formula holds, instead of putting
// every pattern, with every class expanded into it, into one huge automaton.
//
// The formula is a necessary condition, never a sufficient one: an optional part (`?`, `*`,
// `{0,n}`) needs nothing, and anything the reader does not follow needs nothing.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace consentlens {

class ClassGate {
 public:
  // `class_index(name)` gives a class's number, or -1 for names that are not classes ({b}, {e}).
  template <typename IndexOf>
  static ClassGate of(std::string_view pattern, IndexOf class_index);

  // True when the pattern needs no class at all (it may match anywhere).
  bool open() const { return terms_.empty() || terms_.front().empty(); }
  // Whether the classes marked in `present` (by class number) allow a match.
  bool allows(const std::vector<char>& present) const;
  // The same answer, asking about each class only while a term still depends on it: a term is
  // passed over as soon as `may_have(k)` (cheap) says no for one of its classes, and only then
  // is `has(k)` (costly: it may run the class's expressions) asked, class by class.
  template <typename MayHave, typename Has>
  bool allows(MayHave&& may_have, Has&& has) const {
    if (open()) return true;
    for (const Term& t : terms_) {
      bool possible = true;
      for (int k : t)
        if (!may_have(k)) {
          possible = false;
          break;
        }
      if (!possible) continue;
      bool all = true;
      for (int k : t)
        if (!has(k)) {
          all = false;
          break;
        }
      if (all) return true;
    }
    return false;
  }
  // The classes this formula mentions.
  std::vector<int> classes() const;

  // Disjunctive normal form: any one term, all classes in it.
  using Term = std::vector<int>;  // sorted, unique
  const std::vector<Term>& terms() const { return terms_; }
  static ClassGate from_terms(std::vector<Term> terms);
  // Terms as terms() gave them (simplified already): the pack digest's form. Each class
  // number must be below `classes`; false if one is not.
  static bool from_simplified(std::vector<Term> terms, std::size_t classes, ClassGate& out);

 private:
  std::vector<Term> terms_;  // empty list: never evaluated as "nothing allows"; see open()
};

namespace class_gate_detail {
// The parse, with class names resolved by a callback (std::function keeps the header light).
ClassGate parse(std::string_view pattern, int (*index_of)(void*, std::string_view), void* ctx);
}  // namespace class_gate_detail

template <typename IndexOf>
ClassGate ClassGate::of(std::string_view pattern, IndexOf class_index) {
  return class_gate_detail::parse(
      pattern, [](void* ctx, std::string_view name) { return (*static_cast<IndexOf*>(ctx))(name); }, &class_index);
}

}  // namespace consentlens
