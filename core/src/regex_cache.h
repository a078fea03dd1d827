// Compiled regular expressions kept for reuse, bounded: the engine compiles what a text needs
// when it first needs it (word_finder.h, matcher.h) and keeps it here, so a meeting's notices
// are compiled once, while a page of text that needs thousands of expressions cannot grow the
// heap without end.
//
// Bounded by count and by the compiled programs' size; past either, the least recently used
// entries go. A DFA grows inside each RE2 as it is used, up to the budget given at compile
// time (`max_mem`), so the count bound is also a bound on DFA memory: count × budget.
//
// Thread safety: lookups and inserts take a lock; compiling happens outside it. An expression
// handed out stays alive while in use even if evicted meanwhile (shared_ptr).
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include <re2/re2.h>

namespace consentlens {

class RegexCache {
 public:
  struct Limits {
    // In the browser, sized for a worker that stays up for a meeting (bench/wasm_bench.mjs
    // reports the heap; figures in docs/benchmarks.md): a compiled instruction costs about 100
    // bytes of heap with its DFA and the allocator's slack, so 512K instructions took the heap
    // to 60 MiB over 14,000 distinct notices, 256K to 35 MiB; since plain vocabulary words are
    // confirmed without an expression (word_edges.h), 160K hold it at 29 MiB with no notice
    // slower (192K reached 35 MiB, 128K is slower), room for the few hundred expressions a
    // meeting's notices need. The checker reads whole corpora of distinct texts, where more
    // reuse is worth the memory.
#ifdef __EMSCRIPTEN__
    std::size_t entries = 1024;
    std::size_t program_size = 160 << 10;  // sum of RE2::ProgramSize() (instructions)
#else
    std::size_t entries = 4096;
    std::size_t program_size = 4 << 20;
#endif
  };
  RegexCache() = default;
  explicit RegexCache(Limits limits) : limits_(limits) {}
  RegexCache(const RegexCache&) = delete;
  RegexCache& operator=(const RegexCache&) = delete;

  // `pattern` compiled case-insensitively as UTF-8 with a DFA budget of `max_mem` bytes. The
  // result may be not ok() (a syntax error): callers check ok() where a pattern can be bad.
  std::shared_ptr<const RE2> get(const std::string& pattern, std::int64_t max_mem) const {
    return get(pattern, max_mem, [&] { return pattern; });
  }
  // The same under a short `key` that names the pattern (its parts' numbers, not its text):
  // `make` writes the pattern only when the key is not in the cache, so a hit costs neither
  // writing nor hashing kilobytes of expression.
  template <typename Make>
  std::shared_ptr<const RE2> get(std::string_view key, std::int64_t max_mem, Make&& make) const {
    if (auto hit = find(key)) return hit;
    return insert(key, make(), max_mem);
  }

  std::size_t size() const;
  std::size_t compiles() const;  // how many times get() compiled (for tests and benchmarks)
  double compile_ms() const;     // time spent compiling, all told

 private:
  struct Cached {
    std::shared_ptr<const RE2> re;
    std::uint64_t used = 0;
    std::size_t program_size = 0;
  };
  void evict_locked() const;
  std::shared_ptr<const RE2> find(std::string_view key) const;
  std::shared_ptr<const RE2> insert(std::string_view key, const std::string& pattern, std::int64_t max_mem) const;
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };

  Limits limits_;
  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, Cached, Hash, std::equal_to<>> map_;
  mutable std::uint64_t clock_ = 0;
  mutable std::size_t program_size_ = 0;
  mutable std::size_t compiles_ = 0;
  mutable std::uint64_t compile_ns_ = 0;
};

}  // namespace consentlens
