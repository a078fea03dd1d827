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

Matcher::Matcher(const RulePack& pack, std::int64_t max_mem) : rule_count_(pack.rules().size()) {
  set_ = std::make_unique<RE2::Set>(options(max_mem), RE2::UNANCHORED);
  std::vector<std::string> errors;
  const auto& rules = pack.rules();
  patterns_.resize(rules.size());
  unless_.resize(rules.size());
  // Single patterns get a smaller budget: they only run on passages where their rule fired.
  const RE2::Options single = options(std::max<std::int64_t>(max_mem / 16, 8 << 20));
  for (std::size_t r = 0; r < rules.size(); ++r) {
    auto add = [&](const Pattern& p, bool is_unless, std::vector<std::unique_ptr<RE2>>& into) {
      std::string error;
      if (set_->Add(p.re, &error) < 0) {
        errors.push_back(rules[r].file + ": " + rules[r].id + ": pattern \"" + clip(p.source) + "\": " + error);
        return;
      }
      entries_.push_back({r, is_unless});
      into.push_back(std::make_unique<RE2>(p.re, single));
    };
    for (const auto& p : rules[r].patterns) add(p, false, patterns_[r]);
    for (const auto& p : rules[r].unless) add(p, true, unless_[r]);
  }
  if (errors.empty() && !set_->Compile())
    errors.push_back("rules/: the pattern set does not compile within " + std::to_string(max_mem >> 20) + " MiB");
  if (!errors.empty()) throw PackError(std::move(errors));
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
  for (std::size_t r = 0; r < patterns_.size(); ++r)
    if (fires_alone(r, passage)) out.push_back(r);
  return out;
}

bool Matcher::fires_alone(std::size_t r, std::string_view text) const {
  auto any = [&](const std::vector<std::unique_ptr<RE2>>& res) {
    return std::any_of(res.begin(), res.end(), [&](const auto& re) { return RE2::PartialMatch(text, *re); });
  };
  return any(patterns_[r]) && !any(unless_[r]);
}

bool Matcher::span(std::size_t r, std::string_view passage, std::size_t& begin, std::size_t& end) const {
  bool found = false;
  for (const auto& re : patterns_[r]) {
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
