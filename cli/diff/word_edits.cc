#include "diff/word_edits.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace consentlens::docs {

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

std::optional<std::vector<WordRun>> differing_runs(const std::vector<Word>& a, const std::vector<Word>& o) {
  const std::size_t n = a.size(), m = o.size();
  if (n == 0 || n > kMaxAlignedWords || m > kMaxAlignedWords) return std::nullopt;
  // Longest common subsequence of words, from the ends.
  std::vector<std::uint16_t> lcs((n + 1) * (m + 1), 0);
  for (std::size_t x = n; x-- > 0;)
    for (std::size_t y = m; y-- > 0;)
      lcs[x * (m + 1) + y] = a[x].folded == o[y].folded ? static_cast<std::uint16_t>(lcs[(x + 1) * (m + 1) + y + 1] + 1)
                                                          : std::max(lcs[(x + 1) * (m + 1) + y], lcs[x * (m + 1) + y + 1]);
  if (lcs[0] == 0) return std::nullopt;
  std::vector<WordRun> runs;
  std::size_t x = 0, y = 0;
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
    runs.push_back({fx, x, fy, y});
  }
  return runs;
}

}  // namespace consentlens::docs
