#include "regex_cache.h"

#include <algorithm>
#include <chrono>
#include <vector>

namespace consentlens {

std::shared_ptr<const RE2> RegexCache::find(std::string_view key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto it = map_.find(key); it != map_.end()) {
    it->second.used = ++clock_;
    return it->second.re;
  }
  return nullptr;
}

std::shared_ptr<const RE2> RegexCache::insert(std::string_view key, const std::string& pattern, std::int64_t max_mem) const {
  RE2::Options o;
  o.set_case_sensitive(false);  // Unicode simple case folding, every script
  o.set_log_errors(false);
  o.set_max_mem(max_mem);
  o.set_encoding(RE2::Options::EncodingUTF8);
  const auto started = std::chrono::steady_clock::now();
  auto re = std::make_shared<const RE2>(pattern, o);
  const auto took = std::chrono::steady_clock::now() - started;
  const std::size_t size = re->ok() ? static_cast<std::size_t>(re->ProgramSize()) : 0;
  std::lock_guard<std::mutex> lock(mutex_);
  ++compiles_;
  compile_ns_ += static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(took).count());
  auto [it, inserted] = map_.try_emplace(std::string(key));
  if (inserted) {  // another thread may have compiled it meanwhile: keep theirs
    it->second = Cached{std::move(re), 0, size};
    program_size_ += size;
  }
  it->second.used = ++clock_;
  std::shared_ptr<const RE2> out = it->second.re;
  evict_locked();
  return out;
}

void RegexCache::evict_locked() const {
  if (map_.size() <= limits_.entries && program_size_ <= limits_.program_size) return;
  // Drop the older half at once: eviction sorts, so it should be rare, not once per insert.
  std::vector<std::pair<std::uint64_t, std::string_view>> by_age;
  by_age.reserve(map_.size());
  for (const auto& [key, c] : map_) by_age.emplace_back(c.used, key);
  std::sort(by_age.begin(), by_age.end());
  std::vector<std::string> gone;
  const std::size_t keep = map_.size() / 2;
  std::size_t size_after = program_size_;
  for (std::size_t i = 0; i + keep < by_age.size() || size_after > limits_.program_size / 2; ++i) {
    if (i + 1 >= by_age.size()) break;  // the newest stays: it is being handed out
    gone.emplace_back(by_age[i].second);
    size_after -= map_.find(gone.back())->second.program_size;
  }
  for (const auto& key : gone) map_.erase(key);
  program_size_ = size_after;
}

std::size_t RegexCache::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return map_.size();
}

std::size_t RegexCache::compiles() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return compiles_;
}

}  // namespace consentlens

namespace consentlens {
double RegexCache::compile_ms() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<double>(compile_ns_) / 1e6;
}
}  // namespace consentlens
