#include "diff/excerpt.h"

#include "diff/word_edits.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <vector>

namespace consentlens::docs {
namespace {

constexpr std::size_t kMaxWords = 40;  // a quote longer than this is cut around what changed
constexpr std::size_t kLeadWords = 6;  // words kept before the change when a quote is cut

// A word that closes a clause: "...Services;", "reasons:".
bool closes_clause(const std::string& t, const Word& w) {
  const char c = t[w.end - 1];
  return c == ';' || c == ':';
}

Excerpt cut(const Sentence& s, const std::vector<Word>& w, std::size_t first, std::size_t last) {
  if (w.empty()) return {s.text, s.begin, s.end};
  first = std::min(first, w.size() - 1);
  last = std::clamp(last, first, w.size() - 1);
  std::size_t b = first, e = last;
  while (b > 0 && !closes_clause(s.text, w[b - 1])) --b;
  while (e + 1 < w.size() && !closes_clause(s.text, w[e])) ++e;
  if (e - b + 1 > kMaxWords) {
    b = std::max(b, first >= kLeadWords ? first - kLeadWords : 0);
    e = std::min(e, b + kMaxWords - 1);
  }
  const std::size_t from = w[b].begin, to = w[e].end;
  return {s.text.substr(from, to - from), s.begin + from, s.begin + to};
}

}  // namespace

Excerpt changed_part(const Sentence& changed, const Sentence& other, std::size_t anchor) {
  const auto a = words_of(changed.text), o = words_of(other.text);
  if (a.empty()) return {changed.text, changed.begin, changed.end};
  // Sentences too long to align, or with no word in common: the clause at the anchor.
  const auto places = differing_runs(a, o);
  if (!places) return part_at(changed, anchor);
  // The runs of changed words (in either sentence), placed in `changed`: words taken out are
  // quoted around the place they were taken from. The quote is the run at the anchor, else the
  // first run that holds at least a quarter of all the changed words: the first real change, not
  // a stray "the" -> "all" before it.
  struct Run {
    std::size_t first, last, size;
  };
  std::vector<Run> runs;
  std::size_t total = 0;
  const std::size_t n = a.size();
  for (const WordRun& r : *places) {
    total += r.size();
    runs.push_back({r.end > r.first ? r.first : (r.first > 0 ? r.first - 1 : 0), r.end > r.first ? r.end - 1 : std::min(r.first, n - 1), r.size()});
  }
  for (const Run& r : runs)
    if (r.size > 0 && a[r.first].begin <= anchor + 1 && anchor < a[r.last].end + 1 && r.last >= r.first)
      return cut(changed, a, r.first, r.last);
  for (const Run& r : runs)
    if (4 * r.size >= total) return cut(changed, a, r.first, r.last);
  return cut(changed, a, 0, n - 1);
}

Excerpt part_at(const Sentence& s, std::size_t at) {
  const auto w = words_of(s.text);
  std::size_t k = 0;
  while (k + 1 < w.size() && w[k].end <= at) ++k;
  return cut(s, w, k, k);
}

}  // namespace consentlens::docs
