#include "diff/excerpt.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <vector>

namespace consentlens::docs {
namespace {

constexpr std::size_t kMaxWords = 40;  // a quote longer than this is cut around what changed
constexpr std::size_t kLeadWords = 6;  // words kept before the change when a quote is cut
// Sentences longer than this are not aligned word by word (the table grows with the product of
// their lengths); the quote is then the clause at the anchor.
constexpr std::size_t kMaxAligned = 600;

struct Word {
  std::size_t begin, end;
  std::string folded;  // lower case letters and digits: "Content," and "content" are one word
};

std::vector<Word> words_of(const std::string& t) {
  std::vector<Word> out;
  for (std::size_t i = 0; i < t.size();) {
    while (i < t.size() && t[i] == ' ') ++i;
    const std::size_t b = i;
    while (i < t.size() && t[i] != ' ') ++i;
    if (i == b) break;
    Word w{b, i, {}};
    for (std::size_t k = b; k < i; ++k)
      if (std::isalnum(static_cast<unsigned char>(t[k])) || static_cast<unsigned char>(t[k]) >= 0x80)
        w.folded += static_cast<char>(std::tolower(static_cast<unsigned char>(t[k])));
    out.push_back(std::move(w));
  }
  return out;
}

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
  if (a.size() > kMaxAligned || o.size() > kMaxAligned) return part_at(changed, anchor);
  // Longest common subsequence of words (sentences are short: at most kMaxAligned words each).
  const std::size_t n = a.size(), m = o.size();
  std::vector<std::uint16_t> lcs((n + 1) * (m + 1), 0);
  for (std::size_t x = n; x-- > 0;)
    for (std::size_t y = m; y-- > 0;)
      lcs[x * (m + 1) + y] = a[x].folded == o[y].folded ? static_cast<std::uint16_t>(lcs[(x + 1) * (m + 1) + y + 1] + 1)
                                                          : std::max(lcs[(x + 1) * (m + 1) + y], lcs[x * (m + 1) + y + 1]);
  if (lcs[0] == 0) return part_at(changed, anchor);
  // Walk the alignment into runs of changed words (in either sentence). The quote is the first
  // run that holds at least a quarter of all the changed words: the first real change, not a
  // stray "the" -> "all" before it.
  struct Run {
    std::size_t first, last, size;
  };
  std::vector<Run> runs;
  std::size_t x = 0, y = 0, total = 0;
  while (x < n || y < m) {
    if (x < n && y < m && a[x].folded == o[y].folded) {
      ++x, ++y;
      continue;
    }
    const std::size_t fx = x, fy = y;
    while ((x < n || y < m) && !(x < n && y < m && a[x].folded == o[y].folded)) {
      if (y >= m || (x < n && lcs[(x + 1) * (m + 1) + y] >= lcs[x * (m + 1) + y + 1])) ++x;
      else ++y;
    }
    const std::size_t size = (x - fx) + (y - fy);
    total += size;
    // Words removed only: quote around the place they were taken from.
    runs.push_back({x > fx ? fx : (fx > 0 ? fx - 1 : 0), x > fx ? x - 1 : std::min(fx, n - 1), size});
  }
  // The run at the anchor (the words the change is about), if one holds it.
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
