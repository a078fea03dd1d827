#include "diff/sentence_pairing.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace consentlens::docs {
namespace {

constexpr double kAlike = 0.5;          // Dice of word trigrams: the same sentence, reworded
constexpr double kContained = 0.75;     // share of a sentence's trigrams found in a longer one (split, merge)
constexpr std::size_t kCommonShingle = 64;  // trigrams in more sentences than this are boilerplate, not evidence

using Shingles = std::vector<std::uint64_t>;

Shingles shingles_of(const std::string& key) {
  std::vector<std::string_view> words;
  std::string_view k(key);
  for (std::size_t b = 0; b < k.size();) {
    std::size_t e = k.find(' ', b);
    if (e == std::string_view::npos) e = k.size();
    if (e > b) words.push_back(k.substr(b, e - b));
    b = e + 1;
  }
  Shingles out;
  const std::size_t n = words.size() < 3 ? 1 : words.size() - 2;
  for (std::size_t i = 0; i < n; ++i) {
    std::string g(words[i]);
    for (std::size_t j = 1; j < 3 && i + j < words.size(); ++j) g += ' ', g += words[i + j];
    out.push_back(std::hash<std::string>{}(g));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

// Exact sentences first (in order, so repeated boilerplate pairs with its own copy), then alike.
Pairing align(const Document& o, const Document& n) {
  Pairing p{std::vector<int>(o.sentences.size(), -1), std::vector<int>(n.sentences.size(), -1)};
  std::unordered_map<std::string, std::vector<int>> by_key;
  for (int j = static_cast<int>(n.sentences.size()) - 1; j >= 0; --j) by_key[n.sentences[j].key].push_back(j);
  for (std::size_t i = 0; i < o.sentences.size(); ++i) {
    auto it = by_key.find(o.sentences[i].key);
    if (it == by_key.end() || it->second.empty()) continue;
    const int j = it->second.back();
    it->second.pop_back();
    p.new_of_old[i] = j;
    p.old_of_new[j] = static_cast<int>(i);
  }
  // Word trigrams of the unpaired sentences, and an index over the new version's.
  std::vector<Shingles> so(o.sentences.size()), sn(n.sentences.size());
  std::unordered_map<std::uint64_t, std::vector<int>> index;
  for (std::size_t j = 0; j < n.sentences.size(); ++j)
    if (p.old_of_new[j] < 0) {
      sn[j] = shingles_of(n.sentences[j].key);
      for (auto h : sn[j]) index[h].push_back(static_cast<int>(j));
    }
  struct Candidate {
    double score;
    int i, j;
  };
  std::vector<Candidate> candidates;
  for (std::size_t i = 0; i < o.sentences.size(); ++i) {
    if (p.new_of_old[i] >= 0) continue;
    so[i] = shingles_of(o.sentences[i].key);
    std::unordered_map<int, int> hits;
    for (auto h : so[i]) {
      auto it = index.find(h);
      if (it == index.end() || it->second.size() > kCommonShingle) continue;
      for (int j : it->second) ++hits[j];
    }
    for (const auto& [j, common] : hits) {
      const double dice = 2.0 * common / (so[i].size() + sn[static_cast<std::size_t>(j)].size());
      const double contained = double(common) / std::min(so[i].size(), sn[static_cast<std::size_t>(j)].size());
      if (dice >= kAlike || contained >= kContained) candidates.push_back({dice + (contained >= kContained ? 0.5 : 0), static_cast<int>(i), j});
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score > b.score : a.i != b.i ? a.i < b.i : a.j < b.j;
  });
  // One to one first; then a sentence still unpaired may join a pair as a split or merge part.
  for (const auto& c : candidates) {
    if (p.new_of_old[c.i] >= 0 || p.old_of_new[c.j] >= 0) continue;
    p.new_of_old[c.i] = c.j;
    p.old_of_new[c.j] = c.i;
  }
  for (const auto& c : candidates) {
    if (c.score < 1.0) continue;  // containment only
    if (p.new_of_old[c.i] < 0) p.new_of_old[c.i] = c.j;
    if (p.old_of_new[c.j] < 0) p.old_of_new[c.j] = c.i;
  }
  return p;
}

}  // namespace consentlens::docs
