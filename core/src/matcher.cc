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

Matcher::Matcher(const RulePack& pack, std::int64_t max_mem)
    : rule_count_(pack.rules().size()),
      // Single patterns get a smaller budget: they only run on passages where their rule fired.
      single_max_mem_(std::max<std::int64_t>(max_mem / 16, 8 << 20)) {
  set_ = std::make_unique<RE2::Set>(options(max_mem), RE2::UNANCHORED);
  std::vector<std::string> errors;
  const auto& rules = pack.rules();
  std::size_t total = 0;
  for (const auto& r : rules) total += r.patterns.size() + r.unless.size();
  singles_ = std::make_unique<Single[]>(total);
  rule_patterns_.resize(rules.size());

  std::size_t next = 0;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    auto add = [&](const Pattern& p, bool is_unless) {
      const std::string relaxed = relax_gaps(p.re);
      std::string error;
      if (set_->Add(relaxed, &error) < 0) {
        errors.push_back(rules[r].file + ": " + rules[r].id + ": pattern \"" + clip(p.source) + "\": " + error);
        return;
      }
      Single& s = singles_[next];
      s.source = p.re;
      s.relaxed_in_set = relaxed != p.re;
      entries_.push_back({r, next, is_unless});
      (is_unless ? rule_patterns_[r].unless : rule_patterns_[r].patterns).push_back(next);
      ++next;
    };
    for (const auto& p : rules[r].patterns) add(p, false);
    for (const auto& p : rules[r].unless) add(p, true);
  }
  if (errors.empty() && !set_->Compile())
    errors.push_back("rules/: the pattern set does not compile within " + std::to_string(max_mem >> 20) + " MiB");
  if (!errors.empty()) throw PackError(std::move(errors));
}

Matcher::~Matcher() = default;

const RE2& Matcher::compiled(std::size_t i) const {
  const Single& s = singles_[i];
  std::call_once(s.compiled, [&] { s.re = std::make_unique<RE2>(s.source, options(single_max_mem_)); });
  return *s.re;
}

bool Matcher::matches(std::size_t i, std::string_view text) const { return RE2::PartialMatch(text, compiled(i)); }

std::vector<std::size_t> Matcher::fire(std::string_view passage) const {
  std::vector<int> hits;
  RE2::Set::ErrorInfo info{};
  if (!set_->Match(passage, &hits, &info) && info.kind != RE2::Set::kNoError) {
    ++fallbacks_;
    return fire_by_rules(passage);
  }
  std::vector<char> matched(rule_count_, 0), vetoed(rule_count_, 0);
  // Exact hits first; a relaxed hit is confirmed only if its rule still needs it.
  std::sort(hits.begin(), hits.end(), [&](int a, int b) {
    return singles_[entries_[a].single].relaxed_in_set < singles_[entries_[b].single].relaxed_in_set;
  });
  for (int h : hits) {
    const Entry& e = entries_[static_cast<std::size_t>(h)];
    char& flag = e.is_unless ? vetoed[e.rule] : matched[e.rule];
    if (flag) continue;
    if (singles_[e.single].relaxed_in_set && !matches(e.single, passage)) continue;
    flag = 1;
  }
  std::vector<std::size_t> out;
  for (std::size_t r = 0; r < matched.size(); ++r)
    if (matched[r] && !vetoed[r]) out.push_back(r);
  return out;
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
  return any(rule_patterns_[r].patterns) && !any(rule_patterns_[r].unless);
}

bool Matcher::span(std::size_t r, std::string_view passage, std::size_t& begin, std::size_t& end) const {
  bool found = false;
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
