#include "diff/doc_diff.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <unordered_map>

namespace consentlens::docs {
namespace {

constexpr double kAlike = 0.5;          // Dice of word trigrams: the same sentence, reworded
constexpr double kContained = 0.8;      // share of a sentence's trigrams found in a longer one (split, merge)
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

struct Pairing {
  std::vector<int> new_of_old;  // -1: none
  std::vector<int> old_of_new;
};

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

// The words of a section title, without its number: "10.4 Customer License Grant" and
// "10.2 Permitted Uses and Customer License Grant" share "customer license grant".
std::set<std::string> title_words(const std::string& section) {
  std::set<std::string> out;
  std::string w;
  for (char c : section + " ") {
    if (std::isalpha(static_cast<unsigned char>(c))) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else {
      if (w.size() > 3) out.insert(w);  // "and", "the", "our" say nothing of the topic
      w.clear();
    }
  }
  return out;
}

// Sections are the same place when most of the shorter title's words are in the longer one.
bool same_place(const std::string& a, const std::string& b) {
  const auto x = title_words(a), y = title_words(b);
  if (x.empty() || y.empty()) return x.empty() && y.empty();
  std::size_t common = 0;
  for (const auto& w : x) common += y.count(w);
  return common * 3 >= std::min(x.size(), y.size()) * 2;
}

bool subset(const std::set<std::string>& a, const std::set<std::string>& b) {
  return std::includes(b.begin(), b.end(), a.begin(), a.end());
}

std::string digits_of(const std::string& s) {
  std::string d;
  for (char c : s)
    if (std::isdigit(static_cast<unsigned char>(c))) d += c;
  return d;
}

class Comparer {
 public:
  Comparer(const Lexicon& lx, const Document& o, const Document& n, const std::vector<std::string>& names)
      : lx_(lx), o_(o), n_(n) {
    mo_.resize(o.sentences.size());
    mn_.resize(n.sentences.size());
    for (std::size_t i = 0; i < o.sentences.size(); ++i) mo_[i] = read_meaning(lx, o.sentences[i].text, names);
    for (std::size_t j = 0; j < n.sentences.size(); ++j) mn_[j] = read_meaning(lx, n.sentences[j].text, names);
  }

  Comparison run() {
    Pairing p = align(o_, n_);
    pair_by_topic(p);
    std::vector<char> done_new(n_.sentences.size(), 0);
    for (std::size_t i = 0; i < o_.sentences.size(); ++i) {
      const int j = p.new_of_old[i];
      if (j < 0) {
        removed(i);
        continue;
      }
      if (o_.sentences[i].key == n_.sentences[static_cast<std::size_t>(j)].key) {
        done_new[static_cast<std::size_t>(j)] = 1;
        continue;
      }
      if (done_new[static_cast<std::size_t>(j)] && p.old_of_new[static_cast<std::size_t>(j)] != static_cast<int>(i)) continue;
      done_new[static_cast<std::size_t>(j)] = 1;
      changed(i, static_cast<std::size_t>(j));
    }
    for (std::size_t j = 0; j < n_.sentences.size(); ++j)
      if (p.old_of_new[j] < 0) added(j);
    return std::move(out_);
  }

 private:
  // A rewrite shares no words: relevant sentences left unpaired in the same section, about the
  // same thing (a licence, a consent, AI), are the old and new way of saying it.
  void pair_by_topic(Pairing& p) {
    for (std::size_t i = 0; i < o_.sentences.size(); ++i) {
      if (p.new_of_old[i] >= 0 || !mo_[i].relevant) continue;
      for (std::size_t j = 0; j < n_.sentences.size(); ++j) {
        if (p.old_of_new[j] >= 0 || !mn_[j].relevant) continue;
        if (!same_place(o_.sentences[i].section, n_.sentences[j].section)) continue;
        const bool same_topic = (mo_[i].grants_licence && mn_[j].grants_licence) || (mo_[i].ai && mn_[j].ai) ||
                                (!mo_[i].consent_holder.empty() && !mn_[j].consent_holder.empty());
        if (!same_topic) continue;
        p.new_of_old[i] = static_cast<int>(j);
        p.old_of_new[j] = static_cast<int>(i);
        break;
      }
    }
  }

  void add(const std::string& kind, const std::string& section, const std::string& old_stance, const std::string& new_stance,
           const Sentence* os, const Sentence* ns, const ClauseMeaning& mo, const ClauseMeaning& mn) {
    out_.changes.push_back({kind, section, old_stance, new_stance, os, ns, mo, mn});
  }

  static std::string stance_or_unspecified(const ClauseMeaning& m) { return m.stance.empty() ? "unspecified" : m.stance; }
  // The stance a side of a change reports: its own, "unspecified" for a clause a training stance
  // attaches to (a licence, customer content, service data) that says nothing of AI, and none for
  // a change that is not about training at all (a tax disclosure, a retention period).
  static std::string side_stance(const ClauseMeaning& m) {
    if (!m.stance.empty()) return m.stance;
    return m.ai || m.about_content || !m.consent_holder.empty() ? "unspecified" : "";
  }

  void changed(std::size_t i, std::size_t j) {
    const ClauseMeaning& mo = mo_[i];
    const ClauseMeaning& mn = mn_[j];
    const Sentence* os = &o_.sentences[i];
    const Sentence* ns = &n_.sentences[j];
    const std::size_t before = out_.changes.size();
    const std::string& section = ns->section;
    const std::string so = side_stance(mo), sn = side_stance(mn);
    const bool licences = mo.grants_licence && mn.grants_licence;
    if (mo.relevant || mn.relevant) {
      if (licences && !mo.ai_purposes.empty() && mn.ai_purposes.empty()) {
        // A licence that no longer lists AI among its purposes: the licence changed.
        add("license_changed", section, so, sn, os, ns, mo, mn);
      } else if (mo.stance != mn.stance) {
        if (mo.stance.empty() && !mo.ai) add("new_ai_clause", section, so, stance_or_unspecified(mn), os, ns, mo, mn);
        else if (mn.stance.empty() && !mn.ai) add("ai_clause_removed", section, stance_or_unspecified(mo), sn, os, ns, mo, mn);
        else add("stance_changed", section, stance_or_unspecified(mo), stance_or_unspecified(mn), os, ns, mo, mn);
      }
      if ((mo.grants_licence || mn.grants_licence) && out_.changes.size() == before &&
          (mo.licence != mn.licence || mo.grants_licence != mn.grants_licence))
        add("license_changed", section, so, sn, os, ns, mo, mn);
      const bool uses_data = (mo.ai || mo.grants_licence || !mo.uses.empty()) && (mn.ai || mn.grants_licence || !mn.uses.empty());
      if (uses_data && mo.data != mn.data && !mo.data.empty() && !mn.data.empty()) {
        if (subset(mo.data, mn.data)) add("scope_widened", section, so, sn, os, ns, mo, mn);
        else if (subset(mn.data, mo.data)) add("scope_narrowed", section, so, sn, os, ns, mo, mn);
      }
      if (mo.third_party_models != mn.third_party_models)
        add(mn.third_party_models ? "third_party_models_added" : "third_party_models_removed", section, so, sn, os, ns, mo, mn);
      if (mo.consent_holder != mn.consent_holder && !(mo.consent_holder.empty() && mn.consent_holder.empty()))
        add("consent_holder_changed", section, so, sn, os, ns, mo, mn);
      if (mn.opt_out && !mo.opt_out) add("opt_out_added", section, so, sn, os, ns, mo, mn);
      if (mn.opt_in && !mo.opt_in) add("opt_in_added", section, so, sn, os, ns, mo, mn);
      if ((mo.retention || mn.retention) && (mo.retention != mn.retention || digits_of(os->text) != digits_of(ns->text)))
        add("retention_changed", section, "", "", os, ns, mo, mn);
      if (out_.changes.size() == before && (mo.vendor_use || mn.vendor_use) && (mo.uses != mn.uses || mo.data != mn.data))
        add("other_data_use", section, so, sn, os, ns, mo, mn);
    }
    if (out_.changes.size() == before) out_.noise.push_back({os, ns});
  }

  void added(std::size_t j) {
    const ClauseMeaning& m = mn_[j];
    const Sentence* ns = &n_.sentences[j];
    const ClauseMeaning none;
    if (!m.relevant) {
      out_.noise.push_back({nullptr, ns});
      return;
    }
    if (m.ai) {
      // A training sentence added beside one that stays changes what the section says: "Zoom
      // will not use ... without your consent" under a licence listing AI among its purposes.
      if (const std::size_t i = section_stance(ns->section, m.stance); i != kNone) {
        add("stance_changed", ns->section, mo_[i].stance, stance_or_unspecified(m), &o_.sentences[i], ns, mo_[i], m);
        return;
      }
      add("new_ai_clause", ns->section, "", stance_or_unspecified(m), nullptr, ns, none, m);
    }
    else if (m.grants_licence) add("license_changed", ns->section, "", "unspecified", nullptr, ns, none, m);
    else if (m.third_party_models) add("third_party_models_added", ns->section, "", side_stance(m), nullptr, ns, none, m);
    else if (!m.consent_holder.empty()) add("consent_holder_changed", ns->section, "", side_stance(m), nullptr, ns, none, m);
    else if (m.retention) add("retention_changed", ns->section, "", "", nullptr, ns, none, m);
    else if (m.vendor_use) add("other_data_use", ns->section, "", side_stance(m), nullptr, ns, none, m);
    else out_.noise.push_back({nullptr, ns});
  }

  void removed(std::size_t i) {
    const ClauseMeaning& m = mo_[i];
    const Sentence* os = &o_.sentences[i];
    const ClauseMeaning none;
    if (!m.relevant) {
      out_.noise.push_back({os, nullptr});
      return;
    }
    if (m.ai) add("ai_clause_removed", os->section, stance_or_unspecified(m), "", os, nullptr, m, none);
    else if (m.grants_licence) add("license_changed", os->section, "unspecified", "", os, nullptr, m, none);
    else if (m.third_party_models) add("third_party_models_removed", os->section, side_stance(m), "", os, nullptr, m, none);
    else if (!m.consent_holder.empty()) add("consent_holder_changed", os->section, side_stance(m), "", os, nullptr, m, none);
    else if (m.retention) add("retention_changed", os->section, "", "", os, nullptr, m, none);
    else if (m.vendor_use) add("other_data_use", os->section, side_stance(m), "", os, nullptr, m, none);
    else out_.noise.push_back({os, nullptr});
  }

  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  // An old sentence in the same place whose training stance differs from `stance`: the section's
  // stance is what changed.
  std::size_t section_stance(const std::string& section, const std::string& stance) const {
    for (std::size_t i = 0; i < o_.sentences.size(); ++i)
      if (!mo_[i].stance.empty() && mo_[i].stance != stance && same_place(o_.sentences[i].section, section)) return i;
    return kNone;
  }

  const Lexicon& lx_;
  const Document& o_;
  const Document& n_;
  std::vector<ClauseMeaning> mo_, mn_;
  Comparison out_;
};

}  // namespace

Comparison compare(const Lexicon& lexicon, const Document& old_doc, const Document& new_doc, const std::vector<std::string>& names) {
  return Comparer(lexicon, old_doc, new_doc, names).run();
}

}  // namespace consentlens::docs
