#include "matcher.h"

#include <algorithm>

#include <re2/re2.h>
#include <re2/set.h>

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

}  // namespace

Matcher::Matcher(const RulePack& pack, std::int64_t max_mem)
    : rule_count_(pack.rules().size()),
      singles_(std::make_unique<Single[]>(pack.rules().size())),
      // Single patterns get a smaller budget: they only run on passages where their rule fired.
      single_max_mem_(std::max<std::int64_t>(max_mem / 16, 8 << 20)) {
  set_ = std::make_unique<RE2::Set>(options(max_mem), RE2::UNANCHORED);
  std::vector<std::string> errors;
  const auto& rules = pack.rules();
  for (std::size_t r = 0; r < rules.size(); ++r) {
    auto add = [&](const Pattern& p, bool is_unless, std::vector<std::string>& into) {
      std::string error;
      if (set_->Add(p.re, &error) < 0) {
        errors.push_back(rules[r].file + ": " + rules[r].id + ": pattern \"" + clip(p.source) + "\": " + error);
        return;
      }
      entries_.push_back({r, is_unless});
      into.push_back(p.re);
    };
    for (const auto& p : rules[r].patterns) add(p, false, singles_[r].patterns);
    for (const auto& p : rules[r].unless) add(p, true, singles_[r].unless);
  }
  if (errors.empty() && !set_->Compile())
    errors.push_back("rules/: the pattern set does not compile within " + std::to_string(max_mem >> 20) + " MiB");
  if (!errors.empty()) throw PackError(std::move(errors));
}

const Matcher::Single& Matcher::single(std::size_t r) const {
  const Single& s = singles_[r];
  std::call_once(s.compiled, [&] {
    const RE2::Options o = options(single_max_mem_);
    for (const auto& p : s.patterns) s.patterns_re.push_back(std::make_unique<RE2>(p, o));
    for (const auto& p : s.unless) s.unless_re.push_back(std::make_unique<RE2>(p, o));
  });
  return s;
}

Matcher::~Matcher() = default;

std::vector<std::size_t> Matcher::fire(std::string_view passage) const {
  std::vector<int> hits;
  RE2::Set::ErrorInfo info{};
  if (!set_->Match(passage, &hits, &info) && info.kind != RE2::Set::kNoError) {
    ++fallbacks_;
    return fire_by_rules(passage);
  }
  std::vector<char> matched(rule_count_, 0), vetoed(rule_count_, 0);
  for (int h : hits) {
    const Entry& e = entries_[static_cast<std::size_t>(h)];
    (e.is_unless ? vetoed : matched)[e.rule] = 1;
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
  auto any = [&](const std::vector<std::unique_ptr<RE2>>& res) {
    return std::any_of(res.begin(), res.end(), [&](const auto& re) { return RE2::PartialMatch(text, *re); });
  };
  const Single& s = single(r);
  return any(s.patterns_re) && !any(s.unless_re);
}

bool Matcher::span(std::size_t r, std::string_view passage, std::size_t& begin, std::size_t& end) const {
  bool found = false;
  for (const auto& re : single(r).patterns_re) {
    re2::StringPiece m;
    if (re->Match(passage, 0, passage.size(), RE2::UNANCHORED, &m, 1)) {
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
