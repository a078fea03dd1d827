#include "matcher.h"

#include <algorithm>

namespace consentlens {
namespace {

RE2::Options options(std::int64_t max_mem) {
  RE2::Options o;
  o.set_case_sensitive(false);  // Unicode simple case folding, every script
  o.set_log_errors(false);
  o.set_max_mem(max_mem);
  o.set_encoding(RE2::Options::EncodingUTF8);
  return o;
}

std::string clip(const std::string& s) { return s.size() > 120 ? s.substr(0, 117) + "..." : s; }

// Length of the single-character atom ending just before `end` in `p` (`.`, `\S`, `\s`, or a
// bracket class), or 0 if what precedes is something else (a group, a literal, a quantifier).
std::size_t atom_before(const std::string& p, std::size_t end) {
  if (end == 0) return 0;
  // An escape such as \S or \s: the backslash must itself be unescaped.
  auto escaped_at = [&](std::size_t i) {  // is p[i] preceded by an odd run of backslashes?
    std::size_t n = 0;
    while (i > n && p[i - n - 1] == '\\') ++n;
    return n % 2 == 1;
  };
  const char last = p[end - 1];
  if (last == '.' && !escaped_at(end - 1)) return 1;
  if ((last == 'S' || last == 's') && end >= 2 && escaped_at(end - 1)) return 2;
  if (last == ']' && !escaped_at(end - 1)) {
    // Walk back to the opening bracket; RE2 classes do not nest except [:posix:] forms.
    for (std::size_t i = end - 1; i-- > 0;) {
      if (p[i] == '[' && !escaped_at(i)) {
        if (i + 1 < p.size() && p[i + 1] == ':') continue;  // [:alpha:] inside a class
        return end - i;
      }
    }
  }
  return 0;
}

}  // namespace

std::string relax_gaps(const std::string& p, int min_bound) {
  std::string out;
  out.reserve(p.size());
  std::size_t i = 0;
  while (i < p.size()) {
    const char c = p[i];
    if (c == '{' && !(i > 0 && p[i - 1] == '\\')) {
      // {m,n} with digits: a bounded repeat.
      std::size_t j = i + 1;
      while (j < p.size() && std::isdigit(static_cast<unsigned char>(p[j]))) ++j;
      if (j < p.size() && p[j] == ',') {
        const std::size_t upper_at = ++j;
        while (j < p.size() && std::isdigit(static_cast<unsigned char>(p[j]))) ++j;
        if (j < p.size() && p[j] == '}' && j > upper_at &&
            std::stoi(p.substr(upper_at, j - upper_at)) >= min_bound && atom_before(out, out.size()) > 0) {
          out += '*';
          i = j + 1;
          continue;
        }
      }
    }
    out += c;
    ++i;
  }
  return out;
}

Matcher::Matcher(const RulePack& pack, std::int64_t max_mem, bool check_syntax)
    : rule_count_(pack.rules().size()),
      // Single patterns get a smaller budget: they only run on lines where their rule may fire.
      single_max_mem_(std::max<std::int64_t>(max_mem / 16, 8 << 20)) {
  set_ = std::make_unique<RE2::Set>(options(max_mem), RE2::UNANCHORED);
  std::vector<std::string> errors;
  const auto& rules = pack.rules();
  const Vocabulary& vocab = pack.vocabulary();
  const std::vector<std::string> class_names = vocab.classes();
  class_count_ = class_names.size();
  auto class_index = [&](std::string_view name) -> int {
    const auto it = std::find(class_names.begin(), class_names.end(), name);
    return it == class_names.end() ? -1 : static_cast<int>(it - class_names.begin());
  };
  std::vector<char> class_used(class_count_, 0);
  // Parses (never compiles) the patterns kept out of the Set, to report syntax errors at load.
  RE2::Set syntax(options(8 << 20), RE2::UNANCHORED);

  std::size_t total = 0;
  for (const auto& r : rules) total += r.patterns.size() + r.unless.size();
  singles_ = std::make_unique<Single[]>(total);
  rule_patterns_.resize(rules.size());

  std::size_t next = 0;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    auto add = [&](const Pattern& p, bool is_unless) {
      Single& s = singles_[next];
      s.source = p.re;  // empty for a pattern with classes: expanded when first compiled
      s.pattern = p.source;
      s.rule = r;
      s.label = rules[r].file + ": " + rules[r].id + ": pattern \"" + clip(p.source) + "\"";
      s.gate = ClassGate::of(p.source, class_index);
      std::string error;
      if (!s.gate.open()) {
        // Kept out of the Set. Its own syntax is checked with each class standing in as a
        // plain group; the classes themselves are checked as Set entries below.
        std::string stand_in;
        for (std::size_t i = 0; i < p.source.size(); ++i) {
          if (p.source[i] == '\\' && i + 1 < p.source.size()) {
            stand_in += p.source.substr(i, 2);
            ++i;
          } else if (p.source[i] == '{' && p.source.find('}', i) != std::string::npos &&
                     class_index(std::string_view(p.source).substr(i + 1, p.source.find('}', i) - i - 1)) >= 0) {
            stand_in += "(?:x)";
            i = p.source.find('}', i);
          } else {
            stand_in += p.source[i];
          }
        }
        std::string expanded;
        if (check_syntax && (!vocab.expand(stand_in, expanded, error) || syntax.Add(expanded, &error) < 0))
          errors.push_back(s.label + ": " + error);
        s.gated = true;
        for (int k : s.gate.classes()) class_used[static_cast<std::size_t>(k)] = 1;
        (is_unless ? gated_unless_ : gated_patterns_).push_back(next);
      } else {
        if (s.source.empty()) vocab.expand(p.source, s.source, error);  // classes in optional parts only
        const std::string relaxed = relax_gaps(s.source);
        if (set_->Add(relaxed, &error) < 0) {
          errors.push_back(s.label + ": " + error);
        } else {
          s.relaxed_in_set = relaxed != s.source;
          entries_.push_back({r, next, is_unless});
        }
      }
      (is_unless ? rule_patterns_[r].unless : rule_patterns_[r].patterns).push_back(next);
      ++next;
    };
    for (const auto& p : rules[r].patterns) add(p, false);
    for (const auto& p : rules[r].unless) add(p, true);
  }
  // Presence conditions: a gate over the classes, in disjunctive normal form (every group must
  // be there, any class of a group will do).
  rule_presences_.resize(rules.size());
  for (std::size_t r = 0; r < rules.size(); ++r) {
    for (const auto& groups : rules[r].present) {
      std::vector<ClassGate::Term> terms{ClassGate::Term{}};
      Presence pr{r, {}, {}};
      for (std::size_t g = 0; g < groups.size(); ++g) {
        std::vector<ClassGate::Term> next_terms;
        for (const auto& name : groups[g]) {
          const int k = class_index(name);
          class_used[static_cast<std::size_t>(k)] = 1;
          if (g == 0) pr.first_group.push_back(k);
          for (const auto& t : terms) {
            ClassGate::Term u = t;
            u.push_back(k);
            next_terms.push_back(std::move(u));
          }
        }
        terms = std::move(next_terms);
      }
      pr.gate = ClassGate::from_terms(std::move(terms));
      if (pr.gate.open())  // past ClassGate's size limit a formula needs nothing: it would fire everywhere
        errors.push_back(rules[r].file + ": " + rules[r].id + ": a \"present\" condition with too many combinations");
      rule_presences_[r].push_back(presences_.size());
      presences_.push_back(std::move(pr));
    }
  }
  class_names_ = class_names;
  class_compiled_ = std::make_unique<std::once_flag[]>(class_count_);
  class_re_ = std::make_unique<std::unique_ptr<RE2>[]>(class_count_);
  vocab_ = vocab;
  // Each class a gated pattern needs, once.
  for (std::size_t k = 0; k < class_count_; ++k) {
    if (!class_used[k]) continue;
    std::string expanded, error;
    if (!vocab.expand("{" + class_names[k] + "}", expanded, error) || set_->Add(expanded, &error) < 0) {
      errors.push_back("rules/vocab: class {" + class_names[k] + "}: " + error);
      continue;
    }
    entries_.push_back({0, k, false, true});
  }
  if (errors.empty() && !set_->Compile())
    errors.push_back("rules/: the pattern set does not compile within " + std::to_string(max_mem >> 20) + " MiB");
  if (!errors.empty()) throw PackError(std::move(errors));
}

Matcher::~Matcher() = default;

const RE2& Matcher::compiled(std::size_t i) const {
  const Single& s = singles_[i];
  std::call_once(s.compiled, [&] {
    std::string error;
    if (s.source.empty()) vocab_.expand(s.pattern, s.source, error);  // checked when the pack loaded
    s.re = std::make_unique<RE2>(s.source, options(single_max_mem_));
  });
  return *s.re;
}

bool Matcher::matches(std::size_t i, std::string_view text) const { return RE2::PartialMatch(text, compiled(i)); }

const RE2& Matcher::class_regex(std::size_t k) const {
  std::call_once(class_compiled_[k], [&] {
    std::string expanded, error;
    vocab_.expand("{" + class_names_[k] + "}", expanded, error);  // checked when the pack loaded
    class_re_[k] = std::make_unique<RE2>(expanded, options(single_max_mem_));
  });
  return *class_re_[k];
}

bool Matcher::presence_holds(const Presence& p, std::string_view text) const {
  std::vector<char> present(class_count_, 0);
  for (const auto& term : p.gate.terms())
    for (int k : term) present[static_cast<std::size_t>(k)] = RE2::PartialMatch(text, class_regex(static_cast<std::size_t>(k)));
  return p.gate.allows(present);
}

std::vector<std::size_t> Matcher::fire(std::string_view passage) const {
  std::vector<int> hits;
  RE2::Set::ErrorInfo info{};
  if (!set_->Match(passage, &hits, &info) && info.kind != RE2::Set::kNoError) {
    ++fallbacks_;
    return fire_by_rules(passage);
  }
  std::vector<char> matched(rule_count_, 0), vetoed(rule_count_, 0), present(class_count_, 0);
  for (int h : hits) {
    const Entry& e = entries_[static_cast<std::size_t>(h)];
    if (e.is_class) present[e.single] = 1;
  }
  // Patterns: exact Set hits first, then relaxed hits and gated patterns, each run on its own
  // only if its rule has not matched yet.
  std::sort(hits.begin(), hits.end(), [&](int a, int b) {
    const Entry &x = entries_[static_cast<std::size_t>(a)], &y = entries_[static_cast<std::size_t>(b)];
    return !x.is_class && !y.is_class ? singles_[x.single].relaxed_in_set < singles_[y.single].relaxed_in_set : x.is_class < y.is_class;
  });
  std::vector<std::size_t> unless_hits;
  for (int h : hits) {
    const Entry& e = entries_[static_cast<std::size_t>(h)];
    if (e.is_class) continue;
    if (e.is_unless) {
      unless_hits.push_back(static_cast<std::size_t>(h));
      continue;
    }
    if (matched[e.rule]) continue;
    if (singles_[e.single].relaxed_in_set && !matches(e.single, passage)) continue;
    matched[e.rule] = 1;
  }
  for (std::size_t i : gated_patterns_) {
    const std::size_t r = singles_[i].rule;
    if (!matched[r] && singles_[i].gate.allows(present) && matches(i, passage)) matched[r] = 1;
  }
  for (const Presence& p : presences_)
    if (!matched[p.rule] && p.gate.allows(present)) matched[p.rule] = 1;
  // Vetoes matter only for rules that matched.
  for (std::size_t h : unless_hits) {
    const Entry& e = entries_[h];
    if (!matched[e.rule] || vetoed[e.rule]) continue;
    if (singles_[e.single].relaxed_in_set && !matches(e.single, passage)) continue;
    vetoed[e.rule] = 1;
  }
  for (std::size_t i : gated_unless_) {
    const std::size_t r = singles_[i].rule;
    if (matched[r] && !vetoed[r] && singles_[i].gate.allows(present) && matches(i, passage)) vetoed[r] = 1;
  }
  std::vector<std::size_t> out;
  for (std::size_t r = 0; r < matched.size(); ++r)
    if (matched[r] && !vetoed[r]) out.push_back(r);
  return out;
}

std::vector<std::string> Matcher::compile_all() const {
  std::vector<std::string> problems;
  std::size_t total = 0;
  for (const auto& rp : rule_patterns_) total += rp.patterns.size() + rp.unless.size();
  for (std::size_t i = 0; i < total; ++i)
    if (!compiled(i).ok()) problems.push_back(singles_[i].label + ": " + compiled(i).error());
  return problems;
}

std::vector<std::size_t> Matcher::fire_by_rules(std::string_view passage) const {
  std::vector<std::size_t> out;
  for (std::size_t r = 0; r < rule_count_; ++r)
    if (fires_alone(r, passage)) out.push_back(r);
  return out;
}

bool Matcher::fires_alone(std::size_t r, std::string_view text) const {
  auto any = [&](const std::vector<std::size_t>& list) {
    return std::any_of(list.begin(), list.end(), [&](std::size_t i) { return matches(i, text); });
  };
  const bool present = std::any_of(rule_presences_[r].begin(), rule_presences_[r].end(),
                                   [&](std::size_t p) { return presence_holds(presences_[p], text); });
  return (present || any(rule_patterns_[r].patterns)) && !any(rule_patterns_[r].unless);
}

bool Matcher::span(std::size_t r, std::string_view passage, std::size_t& begin, std::size_t& end) const {
  bool found = false;
  // A presence condition that holds: its first group's earliest word.
  for (std::size_t pi : rule_presences_[r]) {
    const Presence& p = presences_[pi];
    if (!presence_holds(p, passage)) continue;
    for (int k : p.first_group) {
      re2::StringPiece m;
      if (class_regex(static_cast<std::size_t>(k)).Match(passage, 0, passage.size(), RE2::UNANCHORED, &m, 1)) {
        const auto b = static_cast<std::size_t>(m.data() - passage.data());
        if (!found || b < begin) {
          begin = b;
          end = b + m.size();
          found = true;
        }
      }
    }
  }
  for (std::size_t i : rule_patterns_[r].patterns) {
    re2::StringPiece m;
    if (compiled(i).Match(passage, 0, passage.size(), RE2::UNANCHORED, &m, 1)) {
      const auto b = static_cast<std::size_t>(m.data() - passage.data());
      if (!found || b < begin) {
        begin = b;
        end = b + m.size();
        found = true;
      }
    }
  }
  return found;
}

}  // namespace consentlens
