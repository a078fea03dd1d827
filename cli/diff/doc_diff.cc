#include "diff/doc_diff.h"

#include "diff/sentence_pairing.h"
#include "diff/cjk_lists.h"
#include "diff/word_edits.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

namespace consentlens::docs {
namespace {

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

// The last step of a section path: "How Do We Use Personal Data? > Intelligent Features" ->
// "Intelligent Features"; two list items under one heading are different places.
std::string leaf(const std::string& section) {
  const std::size_t at = section.rfind(" > ");
  return at == std::string::npos ? section : section.substr(at + 3);
}

// Sections are the same place when most of the shorter title's words are in the longer one.
bool same_place(const std::string& a, const std::string& b) {
  const auto x = title_words(leaf(a)), y = title_words(leaf(b));
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

// "(ix) use the Services in violation of ...", "c) las correcciones ...", "2. gesprekken ...": an
// item of a list whose mark the sentence keeps (a list opened by "You agree that you will not:",
// or by a training sentence). The sentence splitter cuts such lists at the items' full stops.
bool opens_with_item_mark(const std::string& text) {
  if (text.size() >= 3 && text[0] == '(') {
    const std::size_t close = text.find(')');
    if (close == std::string::npos || close > 6) return false;
    for (std::size_t k = 1; k < close; ++k)
      if (!std::isalnum(static_cast<unsigned char>(text[k]))) return false;
    return true;
  }
  std::size_t k = 0;
  while (k < text.size() && k < 3 && std::isalnum(static_cast<unsigned char>(text[k]))) ++k;
  return k > 0 && k + 1 < text.size() && (text[k] == ')' || text[k] == '.') && text[k + 1] == ' ';
}

// An aside or list item one version of a sentence adds to the other: "apps and integrations,
// including Zoom-developed apps, approved by ..."; "to use, license or generate Customer
// Content". The added words as written, when they open with an example word ("including",
// "such as") or extend a list (they follow "use," and hold "or", or open with "and"/"or"), and
// name something the other
// version does not; "" otherwise.
// "(e.g., TwitterLive or Spaces)" -> "(e.g., Spaces)": words [from, to) inside a bracket that
// gives examples (class for_example) name what the clause already covered; its examples change
// no scope.
bool in_example_bracket(const Lexicon& lx, const std::string& text, std::size_t from, std::size_t to) {
  constexpr std::size_t kOpenerReach = 24;  // bytes from the bracket to its "e.g."
  const std::size_t open = text.rfind('(', from);
  if (open == std::string::npos || text.find(')', open) < to) return false;
  return lx.any("for_example", std::string_view(text).substr(open, std::min(from - open, kOpenerReach)));
}

std::string added_to_scope(const Lexicon& lx, const std::string& mine, const std::string& theirs) {
  const auto a = words_of(mine), b = words_of(theirs);
  auto places = differing_runs(a, b);
  if (!places) return "";
  // "applicant tracking system providers to send | and | receive applicant ... employers; and":
  // an insertion whose own "and" the alignment matched to one of the other version is one run.
  std::vector<WordRun> runs;
  for (const WordRun& r : *places) {
    if (!runs.empty() && runs.back().other_first == runs.back().other_end && r.other_first == r.other_end && r.first == runs.back().end + 1 &&
        lx.any("conjunction", std::string_view(mine).substr(a[r.first - 1].begin, a[r.first - 1].end - a[r.first - 1].begin)))
      runs.back().end = r.end;
    else runs.push_back(r);
  }
  places = std::move(runs);
  std::set<std::string> other_words;
  for (const Word& w : b) other_words.insert(w.folded);
  // Vocabulary classes: "and", "or" join list items; "limited", "example" widen nothing
  // ("including but not limited to" for "including").
  const auto is = [&](const char* cls, const Word& w) { return lx.any(cls, std::string_view(mine).substr(w.begin, w.end - w.begin)); };
  constexpr std::size_t kListItemWords = 6;  // an item added to a list is a few words long
  constexpr std::size_t kSemicolonItemWords = 24;  // ... unless the list's items are clauses of their own, closed by semicolons
  for (const WordRun& r : *places) {
    if (r.end == r.first) continue;
    const std::size_t from = a[r.first].begin, to = a[r.end - 1].end;
    std::string_view run(mine);
    run = run.substr(from, to - from);
    if (in_example_bracket(lx, mine, from, to)) continue;
    // The example words themselves name nothing: "... mechanisms to comply with applicable data
    // protection law, such as:" (the list follows) adds no scope.
    const auto intro = lx.find("example_intro", run);
    const auto in_intro = [&](const Word& w) {
      return std::any_of(intro.begin(), intro.end(), [&](const Span& x) { return w.begin - from >= x.begin && w.begin - from < x.end; });
    };
    bool names_new = false;
    for (std::size_t k = r.first; k < r.end; ++k)
      names_new = names_new || (a[k].folded.size() > 3 && !other_words.count(a[k].folded) && !is("scope_filler", a[k]) && !in_intro(a[k]));
    if (!names_new) continue;
    const std::size_t lead = run.find_first_not_of(" ,(");
    const auto trimmed = [&] {
      std::string_view t = run.substr(std::min(lead, run.size()));
      while (!t.empty() && (t.back() == ',' || t.back() == ' ' || t.back() == '.' || t.back() == ';')) t.remove_suffix(1);
      return std::string(t);
    };
    if (!intro.empty() && intro.front().begin == lead) return trimmed();
    bool connective = false;
    for (std::size_t k = r.first; k < r.end; ++k) connective = connective || is("conjunction", a[k]);
    const bool after_comma = r.first > 0 && mine[a[r.first - 1].end - 1] == ',';
    // "to law enforcement and to a tax authority.": an item that closes the list, at a clause
    // mark ("reasonable and appropriate safeguards" adds a word inside a phrase).
    const char closing = mine[a[r.end - 1].end - 1];
    const bool opens_with_connective = is("conjunction", a[r.first]) &&
                                       (closing == '.' || closing == ',' || closing == ';' || closing == ':');
    if ((after_comma || opens_with_connective) && connective && r.end - r.first <= kListItemWords && r.other_end == r.other_first)
      return trimmed();
    // "...; service providers that help us understand the use of our services; applicant tracking
    // system providers to send and receive applicant and job data to potential employers; and
    // those that ...": a whole item of a list whose items end with semicolons, however long.
    // The alignment may take the list's closing "and" into the run ("...employers; and"): the
    // item ends at its semicolon.
    std::size_t last = r.end - 1;
    if (last > r.first && is("conjunction", a[last]) && mine[a[last - 1].end - 1] == ';') --last;
    const bool after_semicolon = r.first > 0 && mine[a[r.first - 1].end - 1] == ';';
    if (after_semicolon && mine[a[last].end - 1] == ';' && last + 1 - r.first <= kSemicolonItemWords && r.other_end == r.other_first) {
      std::string item(std::string_view(mine).substr(from, a[last].end - 1 - from));
      return item;
    }
  }
  return "";
}

// A sentence repeated word for word is news no more only when it is a sentence, not a cell or label.
constexpr std::size_t kRepeatMinWords = 8, kRepeatMinBytes = 40;
// "you can no longer opt out": a negation this close before the way out undoes it.
constexpr std::size_t kNegatedWayOutGap = 12;

class Comparer {
 public:
  Comparer(const Lexicon& lx, const Document& o, const Document& n, const std::vector<std::string>& names)
      : lx_(lx), o_(o), n_(n) {
    mo_.resize(o.sentences.size());
    mn_.resize(n.sentences.size());
    for (std::size_t i = 0; i < o.sentences.size(); ++i) mo_[i] = read_meaning(lx, o.sentences[i].text, names);
    for (std::size_t j = 0; j < n.sentences.size(); ++j) mn_[j] = read_meaning(lx, n.sentences[j].text, names);
    extend_user_duties(o_, mo_);
    extend_user_duties(n_, mn_);
    for (const auto& m : mo_) old_kinds_.insert(m.data.begin(), m.data.end());
    for (const auto& m : mn_) new_kinds_.insert(m.data.begin(), m.data.end());
  }

  Comparison run() {
    p_ = align(o_, n_);
    for (std::size_t k = o_.sentences.size(); k-- > 0;) first_old_[o_.sentences[k].key] = k;
    for (std::size_t k = n_.sentences.size(); k-- > 0;) first_new_[n_.sentences[k].key] = k;
    pair_by_topic();
    attach_parts();
    std::set<std::pair<std::size_t, std::size_t>> compared;
    auto compare_once = [&](std::size_t i, std::size_t j) {
      if (o_.sentences[i].key == n_.sentences[j].key || !compared.insert({i, j}).second) return;
      changed(i, j);
    };
    for (std::size_t i = 0; i < o_.sentences.size(); ++i) {
      if (p_.new_of_old[i] < 0) removed(i);
      else compare_once(i, static_cast<std::size_t>(p_.new_of_old[i]));
    }
    // New sentences: added, or a part of an old one that was split.
    for (std::size_t j = 0; j < n_.sentences.size(); ++j) {
      if (p_.old_of_new[j] < 0) added(j);
      else compare_once(static_cast<std::size_t>(p_.old_of_new[j]), j);
    }
    merge_within_paragraphs();
    return std::move(out_);
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  static constexpr double kTopicAloneShare = 0.15;
  static constexpr std::size_t kTopicAloneWords = 2;  // shared words other than data words  // shared content words that pair a training sentence with one about no AI
  static constexpr std::size_t kTopicCandidates = 400;  // relevant unpaired sentences compared by topic, at most
  static constexpr std::size_t kListLeadInReach = 24;  // a list item is at most this many sentences after its lead-in (nested lists too)
  static constexpr std::size_t kExampleLeadWords = 4;  // "Par exemple :", "For example, you may not:"

  // The items of a list of the user's own duties are duties too.
  static void extend_user_duties(const Document& d, std::vector<ClauseMeaning>& m) {
    for (std::size_t k = 1; k < d.sentences.size(); ++k)
      if (m[k - 1].binds_users && d.sentences[k].paragraph == d.sentences[k - 1].paragraph && opens_with_item_mark(d.sentences[k].text) &&
          m[k].stance.empty() && !m[k].grants_licence) {
        m[k] = ClauseMeaning{};
        m[k].binds_users = true;
      }
  }

  // What a sentence is about, for pairing a rewrite that shares no words.
  static int topic_overlap(const ClauseMeaning& a, const ClauseMeaning& b) {
    int n = 0;
    n += (a.grants_licence || a.owns_content) && (b.grants_licence || b.owns_content);
    n += a.ai && b.ai;
    n += !a.consent_holder.empty() && !b.consent_holder.empty();
    n += a.retention && b.retention;
    n += a.staff_access && b.staff_access;
    n += a.defines && b.defines;
    n += a.vendor_use && b.vendor_use;
    n += a.develops && b.develops;
    // "Assist processes Customer Content solely to ..." renamed and reworded: both about content.
    n += a.about_content && b.about_content && (a.solely_provides || b.solely_provides);
    // Other companies' models named on both sides, to use them or to say they are not used.
    n += (a.third_party_models || a.third_party_models_denied) && (b.third_party_models || b.third_party_models_denied);
    // The same particular data ("Service Generated Data") in both.
    for (const auto& d : a.data)
      if (b.data.count(d)) {
        ++n;
        break;
      }
    return n;
  }

  // "| To improve the Services ... (including model training) | ... | Consent (when users submit
  // Feedback) |" and "| To verify your identity | ... | Consent (for example where you choose to
  // verify your identity ...) |": further cells of a table row are versions of each other only in
  // rows that lead with (mostly) the same first cell. Not cells: no say.
  static constexpr double kSameRowShare = 0.5;  // share of the two first cells' content words in common
  bool same_row(std::size_t i, std::size_t j) const {
    if (!o_.sentences[i].row_cell || !n_.sentences[j].row_cell) return true;
    const auto lead = [](const Document& d, std::size_t k) {
      while (k > 0 && d.sentences[k - 1].paragraph == d.sentences[k].paragraph) --k;
      return content_words(d.sentences[k].key);
    };
    const auto a = lead(o_, i), b = lead(n_, j);
    std::size_t common = 0;
    for (const auto& w : a) common += b.count(w);
    const std::size_t all = a.size() + b.size() - common;
    return all == 0 || double(common) / double(all) >= kSameRowShare;
  }

  // Content words (longer than 3 letters) of a sentence's key.
  static std::set<std::string> content_words(const std::string& key) {
    std::set<std::string> out;
    std::size_t b = 0;
    for (std::size_t e = 0; e <= key.size(); ++e)
      if (e == key.size() || key[e] == ' ') {
        if (e - b > 3) out.insert(key.substr(b, e - b));
        b = e + 1;
      }
    return out;
  }

  // A rewrite shares few word runs: relevant sentences left unpaired in the same place, about
  // the same thing (a licence, a consent, AI), are the old and new way of saying it. Best pairs
  // first: more topics in common, then more words in common. Only the relevant unpaired
  // sentences take part (a few dozen), so this stays small however long the documents are.
  void pair_by_topic() {
    std::vector<std::size_t> olds, news;
    for (std::size_t i = 0; i < o_.sentences.size(); ++i)
      if (p_.new_of_old[i] < 0 && mo_[i].relevant) olds.push_back(i);
    for (std::size_t j = 0; j < n_.sentences.size(); ++j)
      if (p_.old_of_new[j] < 0 && mn_[j].relevant) news.push_back(j);
    if (olds.size() > kTopicCandidates || news.size() > kTopicCandidates) return;
    std::vector<std::set<std::string>> wn(news.size());
    for (std::size_t b = 0; b < news.size(); ++b) wn[b] = content_words(n_.sentences[news[b]].key);
    struct Candidate {
      double score;
      std::size_t i, j;
    };
    std::vector<Candidate> candidates;
    for (std::size_t i : olds) {
      const auto wo = content_words(o_.sentences[i].key);
      for (std::size_t b = 0; b < news.size(); ++b) {
        const std::size_t j = news[b];
        if (!same_place(o_.sentences[i].section, n_.sentences[j].section)) continue;
        // Definitions of different terms ("Your Data", "Service Generated Data") are no versions of one.
        if (!mo_[i].defined.empty() && !mn_[j].defined.empty() &&
            std::none_of(mo_[i].defined.begin(), mo_[i].defined.end(), [&](const std::string& t) { return mn_[j].defined.count(t) > 0; }))
          continue;
        if (!same_row(i, j)) continue;
        int topics = topic_overlap(mo_[i], mn_[j]);
        if (topics == 0) continue;
        topics += !mo_[i].stance.empty() && !mn_[j].stance.empty();
        std::size_t common = 0;
        for (const auto& w : wo) common += wn[b].count(w);
        const std::size_t all = wo.size() + wn[b].size() - common;
        const double alike = all ? double(common) / all : 0.0;
        // A training sentence and one with nothing of AI are no versions of one sentence unless
        // they share words beyond the data they speak of ("analyse trends, fix bugs and improve
        // the Services"): "We do not actively set out to collect personal data to train our
        // models" is no earlier "We may share personal data with government authorities".
        if (mo_[i].ai != mn_[j].ai) {
          if (alike < kTopicAloneShare) continue;
          std::size_t telling = 0;
          for (const auto& w : wo)
            // Not the data, not the reader's or the company's words, not filler ("your", "with").
            telling += wn[b].count(w) && !lx_.any("data_noun", w) && !lx_.any("data_general", w) && !lx_.any("consent_holder", w) &&
                       !lx_.any("we", w) && !lx_.any("scope_filler", w) && !lx_.any("preposition", w) && !lx_.any("instrument", w);
          if (telling < kTopicAloneWords) continue;
        }
        candidates.push_back({topics + alike, i, j});
      }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      return a.score != b.score ? a.score > b.score : a.i != b.i ? a.i < b.i : a.j < b.j;
    });
    for (const auto& c : candidates) {
      if (p_.new_of_old[c.i] >= 0 || p_.old_of_new[c.j] >= 0) continue;
      p_.new_of_old[c.i] = static_cast<int>(c.j);
      p_.old_of_new[c.j] = static_cast<int>(c.i);
    }
  }

  // A paragraph split or merged: an unpaired sentence beside a changed pair, sharing enough of
  // its words with the other side of that pair, is another part of it ("Zoom provides features.
  // These tools use AI solely to provide them." for one old sentence).
  static constexpr double kPartShare = 0.3;  // share of the part's content words found in the other side
  bool shares_enough(const std::string& part, const std::string& whole) const {
    const auto a = content_words(part), b = content_words(whole);
    std::size_t common = 0;
    for (const auto& w : a) common += b.count(w);
    return !a.empty() && common >= kPartShare * a.size();
  }

  // "Advertising partners. ... we may work with advertising partners to ... ID or device
  // identifier ... value) that such partners can then use to show ads": an added (or dropped)
  // paragraph that tells of one new use in several sentences is one change, quoted where it is
  // first told; the same use told again in its next sentences says nothing more.
  void merge_within_paragraphs() {
    std::set<std::tuple<std::string, bool, std::size_t, std::string>> told;
    // "AI Features utilize third-party provided services. ... We advise you to consult the terms
    // ... of all third-party AI services ..." and, in the list below, "Our current list of trusted
    // third-party services ...": a section added (or dropped) that speaks of other companies' AI
    // in several sentences is one such change, and each thing it says of them once.
    std::set<std::tuple<std::string, bool, bool, std::string>> third;
    std::erase_if(out_.changes, [&](const Change& c) {
      if (c.change.rfind("third_party_models_", 0) != 0 || (c.old_sentence && c.new_sentence)) return false;
      const Sentence& s = c.new_sentence ? *c.new_sentence : *c.old_sentence;
      const ClauseMeaning& m = c.new_sentence ? c.new_meaning : c.old_meaning;
      return !third.insert({s.section, c.new_sentence != nullptr, m.third_parties_only, c.new_sentence ? c.new_stance : c.old_stance}).second;
    });
    std::erase_if(out_.changes, [&](const Change& c) {
      if (c.change != "other_data_use" || (c.old_sentence && c.new_sentence)) return false;
      const Sentence& s = c.new_sentence ? *c.new_sentence : *c.old_sentence;
      const ClauseMeaning& m = c.new_sentence ? c.new_meaning : c.old_meaning;
      std::string what = m.discloses_outside ? "disclose " + m.recipient : m.advertises ? "ads" : m.infers ? "infer" : "";
      if (what.empty() || !c.kinds.empty() || c.negation != 0 || c.way_out_dropped) return false;
      return !told.insert({s.section, c.new_sentence != nullptr, s.paragraph, what}).second;
    });
    merge_lone_lists();
  }

  // "A. Information You Provide" rewritten as a list ("account registration details (e.g.,
  // name, email address),", "billing and payment information,", "prompts, code, configuration
  // files, ...": Bolt's privacy policy, 2026), or a retention section added in five sentences:
  // one section added (or dropped) tells one change of that kind, with every kind of data it
  // names; a reader wants "it now collects: ..." once, not once per bullet.
  void merge_lone_lists() {
    std::map<std::tuple<std::string, bool, std::string>, std::size_t> first;
    std::vector<Change> kept;
    kept.reserve(out_.changes.size());
    for (Change& c : out_.changes) {
      const bool lone_side = (c.old_sentence == nullptr) != (c.new_sentence == nullptr);
      const bool collected_kinds = c.change == "other_data_use" && !c.kinds.empty();
      if (lone_side && c.change == "license_changed" && merge_licence(kept, c)) continue;
      if (!lone_side || !(collected_kinds || c.change == "retention_changed")) {
        kept.push_back(std::move(c));
        continue;
      }
      const Sentence& s = c.new_sentence ? *c.new_sentence : *c.old_sentence;
      const auto [at, fresh] = first.try_emplace({s.section, c.new_sentence != nullptr, c.change}, kept.size());
      if (fresh) {
        kept.push_back(std::move(c));
        continue;
      }
      // Quoted where the section says how long ("... not to exceed thirty days"), not where it
      // says "for as long as necessary".
      if (c.change == "retention_changed" && says_how_long(c)) {
        if (!says_how_long(kept[at->second])) kept[at->second] = std::move(c);
        else kept.push_back(std::move(c));  // "recordings for 30 days", "transcripts for 10 years": each span is news
        continue;
      }
      std::vector<std::string>& kinds = kept[at->second].kinds;
      for (auto& k : c.kinds)
        if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(std::move(k));
    }
    out_.changes = std::move(kept);
  }

  // "As a Seller, you grant DeviantArt a worldwide, nonexclusive, right and license, with a right
  // to sublicense, ..." then "these license rights are granted on a royalty-free basis": a licence
  // added (or dropped) over sentences of one paragraph, or of the next, is one licence; its terms
  // join the first sentence's change.
  bool merge_licence(std::vector<Change>& kept, const Change& c) const {
    const Sentence& s = c.new_sentence ? *c.new_sentence : *c.old_sentence;
    for (auto k = kept.rbegin(); k != kept.rend(); ++k) {
      if (k->change != "license_changed" || (k->old_sentence == nullptr) == (k->new_sentence == nullptr) ||
          (k->new_sentence != nullptr) != (c.new_sentence != nullptr))
        continue;
      const Sentence& first = k->new_sentence ? *k->new_sentence : *k->old_sentence;
      if (first.section != s.section || s.paragraph < first.paragraph || s.paragraph > first.paragraph + 1) continue;
      // "You also grant Acme a perpetual ... license to use any feedback": a grant of its own
      // (class you_grant) is another licence, not the first one's terms.
      if (lx_.any("you_grant", s.text)) return false;
      ClauseMeaning& into = k->new_sentence ? k->new_meaning : k->old_meaning;
      const ClauseMeaning& from = c.new_sentence ? c.new_meaning : c.old_meaning;
      into.licence.insert(from.licence.begin(), from.licence.end());
      return true;
    }
    return false;
  }

  // Whether a change's sentence gives a span of time in units ("30 days", "trente jours").
  bool says_how_long(const Change& c) const {
    const std::string& text = (c.new_sentence ? c.new_sentence : c.old_sentence)->text;
    for (const auto& d : lx_.find("duration", text)) {
      const std::string span = text.substr(d.begin, d.end - d.begin);
      if (!digits_of(span).empty() || lx_.any("time_unit", span)) return true;
    }
    return false;
  }

  void attach_parts() {
    const auto attach = [this](const Document& d, const Document& other, std::vector<int>& mine, const std::vector<int>& theirs) {
      for (std::size_t k = 0; k < d.sentences.size(); ++k) {
        if (mine[k] >= 0) continue;
        for (std::size_t nb : {k - 1, k + 1}) {
          if (nb >= d.sentences.size() || d.sentences[nb].paragraph != d.sentences[k].paragraph || mine[nb] < 0) continue;
          const auto partner = static_cast<std::size_t>(mine[nb]);
          if (other.sentences[partner].key == d.sentences[nb].key || theirs[partner] < 0) continue;
          if (!shares_enough(d.sentences[k].key, other.sentences[partner].key)) continue;
          mine[k] = static_cast<int>(partner);
          break;
        }
      }
    };
    attach(n_, o_, p_.old_of_new, p_.new_of_old);
    attach(o_, n_, p_.new_of_old, p_.old_of_new);
  }

  // Whether another part of the same split or merge speaks of AI (so this part dropping or
  // adding it is no change of the whole).
  // Whether sentence `k` is an item of a list whose lead-in bars the reader ("You must not use the
  // Service to:" then "- use ... any output generated by it, to train ..."): the nearest earlier
  // sentence of its section that ends with a colon names the reader and a ban.
  bool under_users_ban(const Document& d, std::size_t k) const {
    const auto bans_reader = [&](const std::string& t) {
      return lx_.any("you_subject", t) && (lx_.any("prohibit", t) || lx_.any("neg", t) || lx_.any("you_ban", t));
    };
    for (std::size_t x = k; x-- > 0 && d.sentences[x].section == d.sentences[k].section && k - x <= kListLeadInReach;) {
      const std::string& t = d.sentences[x].text;
      const std::size_t last = t.find_last_not_of(" \t");
      if (last == std::string::npos || t[last] != ':') continue;
      // A nested list's own lead-in ("* En accédant à nos services ..., par exemple :") is an
      // item of the list above it: its lead-in is further up.
      if (d.sentences[x].list_item && !bans_reader(t)) continue;
      if (bans_reader(t)) return true;
      // "Vous ne devez pas utiliser nos services ... de manière abusive ... Par exemple :": the
      // ban is the sentence before a lead-in that only opens the examples.
      return x > 0 && d.sentences[x - 1].paragraph == d.sentences[x].paragraph && lx_.any("example_intro", t) &&
             words_of(t).size() <= kExampleLeadWords && bans_reader(d.sentences[x - 1].text);
    }
    return false;
  }

  // Whether a sentence of the new version's paragraph around `j` speaks of AI.
  // Its own paragraph, or the one right before it ("9.4 De-identified Data. Provider may ...
  // use it to train"; "9.5 Opt-out. Customer may opt out of the use described in Clause 9.4").
  bool paragraph_speaks_of_ai(std::size_t j) const {
    const auto p = n_.sentences[j].paragraph;
    for (std::size_t k = 0; k < n_.sentences.size(); ++k)
      if (k != j && (n_.sentences[k].paragraph == p || n_.sentences[k].paragraph + 1 == p) && mn_[k].ai) return true;
    // "3.3 Verbetering van onze AI-modellen" (improving our AI models): the heading of the
    // sentence's own section names the AI use it is about.
    const std::string& section = n_.sentences[j].section;
    const std::size_t last = section.rfind(" > ");
    const std::string_view heading = std::string_view(section).substr(last == std::string::npos ? 0 : last + 3);
    return lx_.any("model", heading) && (lx_.any("improve", heading) || lx_.any("train", heading));
  }

  bool sibling_speaks_of_ai(std::size_t i, std::size_t j) const {
    return sibling_has(i, j, [](const ClauseMeaning& m) { return m.ai; });
  }

  // Whether another part of the same split or merge has `what` (a licence granted: "8.2 ... 全部
  // 内容归属于你 ...。同时, ... 你授予公司 ... 使用权" split one licence sentence into an ownership
  // sentence and the licence; the first part is not the licence gone).
  // `new_parts`: both versions' parts (unset), or only the new (true) or only the old (false) version's.
  template <class What>
  bool sibling_has(std::size_t i, std::size_t j, What what, std::optional<bool> new_parts = std::nullopt) const {
    if (new_parts.value_or(true))
      for (std::size_t k = 0; k < n_.sentences.size(); ++k)
        if (k != j && (p_.old_of_new[k] == static_cast<int>(i) || p_.new_of_old[i] == static_cast<int>(k)) && what(mn_[k])) return true;
    if (!new_parts.value_or(false))
      for (std::size_t k = 0; k < o_.sentences.size(); ++k)
        if (k != i && (p_.new_of_old[k] == static_cast<int>(j) || p_.old_of_new[j] == static_cast<int>(k)) && what(mo_[k])) return true;
    return false;
  }

  // The stance a side of a change reports (the labels' convention, docs/diff.md): the
  // sentence's own; for a change of who consents, that of the passage the consent governs (its
  // paragraph); "unspecified" for a clause a training stance could attach to (a licence,
  // customer content, service data, a consent) that says nothing of AI; none for a change that
  // is not about training at all (a tax disclosure, a retention period, staff access).
  static bool paragraph_kind(const std::string& kind) {
    return kind.rfind("third_party_models", 0) == 0 || kind == "opt_out_added" || kind == "opt_in_added";
  }

  // The first training stance a sentence of `k`'s paragraph states, else "unspecified".
  std::string paragraph_stance(bool old_side, std::size_t k) const {
    const auto& meanings = old_side ? mo_ : mn_;
    const auto& sentences = old_side ? o_.sentences : n_.sentences;
    for (std::size_t x = 0; x < sentences.size(); ++x)
      if (sentences[x].paragraph == sentences[k].paragraph && !meanings[x].stance.empty()) return meanings[x].stance;
    return "unspecified";
  }

  // For a sentence only one side has: the other side's paragraph that holds the counterparts of
  // its paragraph's other sentences, or kNone.
  std::size_t counterpart_in_paragraph(bool other_is_old, std::size_t k) const {
    const auto& mine = other_is_old ? n_.sentences : o_.sentences;
    for (std::size_t x = 0; x < mine.size(); ++x) {
      if (x == k || mine[x].paragraph != mine[k].paragraph) continue;
      const int c = other_is_old ? p_.old_of_new[x] : p_.new_of_old[x];
      if (c >= 0) return static_cast<std::size_t>(c);
    }
    return kNone;
  }

  std::string side_stance(const std::string& kind, bool old_side, std::size_t k) const {
    if (kind == "retention_changed") return "";
    if (k == kNone) return "";
    // Who at the company may look at content: a clause about content that states no training
    // stance, even where the data looked at is "used to train".
    if (kind == "other_data_use" && (old_side ? mo_ : mn_)[k].staff_access) return "unspecified";
    const auto& meanings = old_side ? mo_ : mn_;
    const auto& sentences = old_side ? o_.sentences : n_.sentences;
    const ClauseMeaning& m = meanings[k];
    if (!m.stance.empty()) return m.stance;
    // A sentence that spoke of AI and said nothing of training, before it did.
    if (kind == "stance_changed") return "unspecified";
    // "solely to provide the features": used for nothing else, so not to train.
    if (m.solely_provides && (kind == "scope_narrowed" || kind == "scope_widened" || kind == "license_changed")) return "prohibits";
    // Third-party models named, an opt-out or opt-in added: the stance their paragraph states
    // ("These providers ... are not permitted to use them to train"), else none stated.
    // A yes asked first for a use that has nothing of AI around it (precise location): no stance.
    if (kind == "opt_in_added" && !m.ai && !m.develops && paragraph_stance(old_side, k) == "unspecified") return "";
    if (paragraph_kind(kind)) return paragraph_stance(old_side, k);
    // A sentence that gained or lost its training words still stood there: it stated none.
    if (kind == "new_ai_clause" || kind == "ai_clause_removed") return "unspecified";
    // A licence granted for purposes that include AI or machine learning permits training.
    if (m.grants_licence && m.ai) return "permits";
    if (kind == "consent_holder_changed") {
      if (m.staff_access) return "";
      // The consent governs the purpose this sentence names ("If authorized by ... customer
      // settings, to develop, test, and improve Zoom products"), which says nothing of AI.
      if (m.develops && !m.ai) return "unspecified";
      // "solely to provide" says no training only of content ("Such data does not leave your
      // device ... and is only used to generate the selected effects" is no such limit).
      const auto own = [&](std::size_t x) {
        return !meanings[x].stance.empty() ? meanings[x].stance : meanings[x].solely_provides && meanings[x].about_content ? "prohibits" : "";
      };
      for (std::size_t x = k; x-- > 0 && sentences[x].paragraph == sentences[k].paragraph;)
        if (const std::string st = own(x); !st.empty()) return st;
      for (std::size_t x = k + 1; x < sentences.size() && sentences[x].paragraph == sentences[k].paragraph; ++x)
        if (const std::string st = own(x); !st.empty()) return st;
    }
    // A disclosure to an authority, or who decides the purposes of processing: nothing a training
    // stance could attach to.
    if (kind == "other_data_use" && !m.ai && (m.advertises || m.promises_not || m.infers || ((m.discloses_outside || m.processing_role) && !m.develops))) return "";
    // A change in what is done with data or content: the clause says nothing of training.
    const bool scope = kind.rfind("scope_", 0) == 0 || kind == "other_data_use" || kind == "license_changed";
    if (scope && (m.vendor_use || !m.data.empty() || m.develops || m.staff_access)) return "unspecified";
    // A consent about a feature ("enabled by the account owner hosting ..."), not about content
    // or AI, has no training stance.
    return m.ai || m.about_content ? "unspecified" : "";
  }

  void add(const std::string& kind, std::size_t i, std::size_t j, std::string aside = {}, bool aside_left_out = false) {
    Change c;
    c.change = kind;
    c.aside = std::move(aside);
    c.aside_left_out = aside_left_out;
    // "and direct messages" is, as an item left out, "direct messages".
    if (aside_left_out)
      if (const auto w = words_of(c.aside); w.size() > 1 && lx_.any("conjunction", std::string_view(c.aside).substr(0, w[0].end)))
        c.aside.erase(0, w[1].begin);
    c.section = j != kNone ? n_.sentences[j].section : o_.sentences[i].section;
    c.old_stance = side_stance(kind, true, i);
    c.new_stance = side_stance(kind, false, j);
    // A licence "solely to provide the Services" on both sides whose terms changed: the limit
    // says no training on either side, but the change is in the licence, which states no stance.
    if (kind == "license_changed" && i != kNone && j != kNone && mo_[i].solely_provides && mn_[j].solely_provides && mo_[i].stance.empty() &&
        mn_[j].stance.empty())
      c.old_stance = c.new_stance = "unspecified";
    // The side without the sentence: its paragraph there ("You can turn this off ..." added to a
    // paragraph that permits training: permits before and after).
    // ... unless the sentence has nothing of AI about it (a yes asked first for precise location).
    if (paragraph_kind(kind) && i == kNone && j != kNone && !(kind == "opt_in_added" && c.new_stance.empty()))
      if (const std::size_t o = counterpart_in_paragraph(true, j); o != kNone) c.old_stance = paragraph_stance(true, o);
    if (paragraph_kind(kind) && j == kNone && i != kNone)
      if (const std::size_t n = counterpart_in_paragraph(false, i); n != kNone) c.new_stance = paragraph_stance(false, n);
    // "9.5 Opt-out. Customer may opt out of the use described in Clause 9.4": a way out added in
    // a paragraph of its own takes the stance of the use it refers to, in the paragraph before,
    // on both sides where that use was there before.
    if (kind == "opt_out_added" && i == kNone && j != kNone && (c.old_stance.empty() || c.new_stance == "unspecified"))
      for (std::size_t x = j; x-- > 0 && n_.sentences[x].paragraph + 1 >= n_.sentences[j].paragraph;)
        if (!mn_[x].stance.empty()) {
          c.new_stance = mn_[x].stance;
          if (const int o = p_.old_of_new[x]; o >= 0 && !mo_[static_cast<std::size_t>(o)].stance.empty()) c.old_stance = mo_[static_cast<std::size_t>(o)].stance;
          break;
        }
    if (i != kNone) c.old_sentence = &o_.sentences[i], c.old_meaning = mo_[i];
    if (j != kNone) c.new_sentence = &n_.sentences[j], c.new_meaning = mn_[j];
    // Where to quote a sentence from when it shares nothing with the other side.
    const bool about_ai = kind == "stance_changed" || kind == "new_ai_clause" || kind == "ai_clause_removed" ||
                          kind.rfind("third_party_models", 0) == 0;
    const bool about_purpose = kind.rfind("scope_", 0) == 0 || kind == "other_data_use";
    // "You grant to Midjourney, its affiliates, successors, and assigns": the licence changed in who receives it.
    const bool licensees = kind == "license_changed" && i != kNone && j != kNone && mo_[i].licensees != mn_[j].licensees &&
                           mo_[i].licence == mn_[j].licence;
    const auto at = [&](const ClauseMeaning& m) {
      return licensees                           ? m.licensees_at
             : about_ai                          ? m.ai_at
             : kind == "other_data_use" && m.discloses_outside ? m.recipient_at
             : kind == "other_data_use" && m.infers ? m.infer_at
             : about_purpose                     ? m.develop_at
             : kind == "consent_holder_changed" ? m.holder_at
             : kind == "retention_changed"      ? m.kept_for_at
                                                 : m.anchor;
    };
    if (c.old_sentence && c.new_sentence) {
      c.old_quote = changed_part(*c.old_sentence, *c.new_sentence, at(mo_[i]));
      c.new_quote = changed_part(*c.new_sentence, *c.old_sentence, at(mn_[j]));
    } else if (c.old_sentence) {
      c.old_quote = part_at(*c.old_sentence, at(mo_[i]));
    } else {
      c.new_quote = part_at(*c.new_sentence, at(mn_[j]));
    }
    // "stance_changed" with the same stance on both sides says nothing: the stance reader saw
    // one in the passage, not in this sentence.
    if (kind == "stance_changed" && c.old_stance == c.new_stance) return;
    for (const auto& x : out_.changes)
      // Two enumerations of one sentence that each lost items are two changes ("输入、生成、传播" gone
      // from what is licensed, "相关研究、市场营销" from its purposes).
      if (x.change == c.change && x.old_sentence == c.old_sentence && x.new_sentence == c.new_sentence && (x.aside == c.aside || !enumeration_))
        return;
    out_.changes.push_back(std::move(c));
  }

  static bool differs(const std::set<std::string>& a, const std::set<std::string>& b) { return a != b; }

  // Whether `aside` is an item of what `sentence` leaves out: "trains ... on Customer Data,
  // except the content of files and direct messages". An item more there narrows what the
  // clause covers, a use or a promise alike (the labels' convention: "does not use Customer
  // Content to train ..., except (a) Feedback ... and (b) Customer Content from meetings hosted
  // on a Free Plan" narrows the promise).
  bool excepted(const std::string& sentence, const std::string& aside) const {
    const std::size_t at = aside.empty() ? std::string::npos : sentence.find(aside);
    if (at == std::string::npos) return false;
    const std::string_view before = std::string_view(sentence).substr(0, at);
    for (const char* cls : {"except_word", "excluding"})
      for (const Span& x : lx_.find(cls, before)) {
        const std::string_view between = before.substr(x.end);
        if (between.find_first_of(";:") == std::string_view::npos) return true;
      }
    return false;
  }

  void changed(std::size_t i, std::size_t j) {
    const ClauseMeaning& mo = mo_[i];
    const ClauseMeaning& mn = mn_[j];
    const std::size_t before = out_.changes.size();
    first_change_ = before;
    // One side a list of the user's own duties: what the user may do, not what is done with data.
    if ((mo.relevant || mn.relevant) && !mo.binds_users && !mn.binds_users) compare_meanings(i, j, mo, mn);
    // "Chatgesprekken: 12 maanden ..." -> "24 maanden": a list item under a heading about keeping
    // data says nothing else.
    else if (kept_here(i, j) && digits_of(o_.sentences[i].text) != digits_of(n_.sentences[j].text)) add("retention_changed", i, j);
    // "DONNÉES TRAITÉES : Âge, taille, poids" -> "..., données de santé" under "Recommandations par
    // intelligence artificielle": the data an AI use takes grew (or shrank).
    else if (!mo.relevant && !mn.relevant && !mo.binds_users && !mn.binds_users && heading_speaks_of_ai(i, true) && heading_speaks_of_ai(j) &&
             mo.data != mn.data && (std::includes(mn.data.begin(), mn.data.end(), mo.data.begin(), mo.data.end()) ||
                                    std::includes(mo.data.begin(), mo.data.end(), mn.data.begin(), mn.data.end())))
    {
      const std::size_t told = out_.changes.size();
      add(mn.data.size() > mo.data.size() ? "scope_widened" : "scope_narrowed", i, j);
      // A list of data says nothing of training on either side.
      if (out_.changes.size() > told) out_.changes.back().old_stance = out_.changes.back().new_stance = "";
    }
    else if (!mo.relevant && !mn.relevant && !mo.binds_users && !mn.binds_users) item_changed(i, j);
    // The company's own advertising or a disclosure to an outsider, on one side only: "send you
    // other service-related messages" -> "... or commercial messages" under "We use your
    // Personal Data ... for the following purposes" (a list item that alone says nothing of data).
    // Ads on one side only are news when the other version speaks of no ads anywhere: a rewrite
    // that pairs "Employment Application Information ..." with "We use this information ... to
    // communicate with you (including ... marketing)" changed no use (Fireworks AI's notice, 2023
    // -> 2025, which used data for marketing in both).
    const bool ads_news = advertises(true, i) != advertises(false, j) && !version_advertises(/*old_side=*/!advertises(true, i));
    if (out_.changes.size() == before && !mo.binds_users && !mn.binds_users &&
        (ads_news || mo.discloses_outside != mn.discloses_outside || mo.infers != mn.infers)) {
      add("other_data_use", i, j);
      if (advertises(true, i) != advertises(false, j)) out_.changes.back().advertising = advertises(false, j) ? 1 : -1;
    }
    // "Text that you type ... is used by Quillpost to improve the suggestions" -> "No text ...":
    // a use of what you write denied, or no longer denied, whatever it is for.
    if (out_.changes.size() == before && !mo.binds_users && (mo.relevant || mo.develops || !mo.uses.empty()) &&
        only_negation_differs(o_.sentences[i].text, n_.sentences[j].text)) {
      add("other_data_use", i, j);
      if (out_.changes.size() > before)
        out_.changes.back().negation = words_of(n_.sentences[j].text).size() > words_of(o_.sentences[i].text).size() ? 1 : -1;
    }
    if (out_.changes.size() == before) out_.noise.push_back({&o_.sentences[i], &n_.sentences[j]});
  }

  // A span of time on both sides, in a section about keeping data ("Hoe lang bewaren wij uw
  // gegevens?", "Plazos de conservación").
  bool kept_here(std::size_t i, std::size_t j) const {
    return lx_.any("duration", o_.sentences[i].text) && lx_.any("duration", n_.sentences[j].text) && lx_.any("retain", n_.sentences[j].section);
  }

  // Whether a sentence limits a use with a word of its own ("ausschließlich", "solely"); "but not
  // limited to" limits nothing.
  bool limits(const std::string& sentence) const {
    constexpr std::size_t kNotBefore = 6;  // "not ", "nicht "
    for (const Span& x : lx_.find("restrict", sentence)) {
      const std::size_t from = x.begin > kNotBefore ? x.begin - kNotBefore : 0;
      if (!lx_.any("neg", std::string_view(sentence).substr(from, x.begin - from))) return true;
    }
    return false;
  }

  // Whether the two versions differ by a negation only ("Text that you type ... is used" ->
  // "No text that you type ... is used").
  bool only_negation_differs(const std::string& was, const std::string& now) const {
    const auto a = words_of(was), b = words_of(now);
    const auto places = differing_runs(a, b);
    if (!places || places->empty()) return false;
    // Only added or only dropped: "pas" for "jamais" is wording.
    const bool added = std::all_of(places->begin(), places->end(), [](const WordRun& r) { return r.end == r.first; });
    const bool dropped = std::all_of(places->begin(), places->end(), [](const WordRun& r) { return r.other_end == r.other_first; });
    if (!added && !dropped) return false;
    const auto negation = [&](const std::string& text, const Word& w) { return lx_.any("neg", std::string_view(text).substr(w.begin, w.end - w.begin + 1)); };
    for (const WordRun& r : *places) {
      for (std::size_t k = r.first; k < r.end; ++k)
        if (!negation(was, a[k])) return false;
      for (std::size_t k = r.other_first; k < r.other_end; ++k)
        if (!negation(now, b[k])) return false;
    }
    return true;
  }

  // Whether a sentence names customer content other than to say it is not included ("Usage Data
  // does not include Customer Content" names it to leave it out).
  bool names_content(const std::string& sentence) const {
    const auto content = lx_.find("customer_content", sentence);
    if (content.empty()) return false;
    return !lx_.any("neg", std::string_view(sentence).substr(0, content.front().begin));
  }

  // The words one version adds to what the other leaves out: a run only `mine` has, after an
  // exception word of the same clause, that names something new; "" otherwise.
  std::string added_exception(const std::string& mine, const std::string& theirs) const {
    const auto a = words_of(mine), b = words_of(theirs);
    const auto places = differing_runs(a, b);
    if (!places) return "";
    std::set<std::string> other_words;
    for (const Word& w : b) other_words.insert(w.folded);
    for (const WordRun& r : *places) {
      if (r.end == r.first || r.other_end != r.other_first) continue;  // an insertion only
      std::size_t fresh = 0;
      for (std::size_t k = r.first; k < r.end; ++k) fresh += a[k].folded.size() > 3 && !other_words.count(a[k].folded);
      const std::size_t from = a[r.first].begin, to = a[r.end - 1].end;
      std::string run = mine.substr(from, to - from);
      // Two new words name something; one will do where the run opens with the exception itself
      // (", except as set out in Clause 9.4").
      const auto excepts = lx_.find("except_word", run);
      const bool opens_with_exception = !excepts.empty() && excepts.front().begin <= 2;
      if (fresh < 2 && !(fresh == 1 && opens_with_exception)) continue;
      while (!run.empty() && std::string_view(" ,.;").find(run.back()) != std::string_view::npos) run.pop_back();
      if (excepted(mine, run) || opens_with_exception) return run;
    }
    return "";
  }

  // Who may look at content, or for what, changed: "may view samples" -> "will not view
  // samples"; "... except at your request" -> "... except at your request, to investigate
  // content flagged by our automated tools".
  // "to share your location in your profile and Tweets" -> "... in your profile and posts": the
  // sentences differ only where one word stands for another, and no word given up names data
  // (a product's word renamed, "Twitter" -> "X"), so no data came in or went out; "audio" ->
  // "video" names data on both sides and is compared.
  bool renamed_only(std::size_t i, std::size_t j) const {
    const std::vector<Word> was = words_of(o_.sentences[i].text), now = words_of(n_.sentences[j].text);
    const auto runs = differing_runs(now, was);
    if (!runs || runs->empty()) return false;
    for (const WordRun& r : *runs) {
      if (r.end - r.first != 1 || r.other_end - r.other_first != 1) return false;
      const Word& gone = was[r.other_first];
      const std::string_view word = std::string_view(o_.sentences[i].text).substr(gone.begin, gone.end - gone.begin);
      if (lx_.any("data_item", word) || lx_.any("customer_content", word) || lx_.any("data_general", word)) return false;
    }
    return true;
  }

  // The sentences differ only where one word of data stands for another ("your audio" -> "your
  // video"): the same clause now covers other data.
  bool renamed_data_swap(std::size_t i, std::size_t j) const {
    const std::vector<Word> was = words_of(o_.sentences[i].text), now = words_of(n_.sentences[j].text);
    const auto runs = differing_runs(now, was);
    if (!runs || runs->empty()) return false;
    for (const WordRun& r : *runs)
      if (r.end - r.first > 3 || r.other_end - r.other_first > 3) return false;
    return true;
  }

  bool staff_changed(std::size_t i, std::size_t j) const {
    if (!mo_[i].staff_access || !mn_[j].staff_access) return false;
    const std::string &was = o_.sentences[i].text, &now = n_.sentences[j].text;
    if (lx_.any("neg", was) != lx_.any("neg", now) || mo_[i].develops != mn_[j].develops) return true;
    const auto tail = [&](const std::string& s) {
      const auto x = lx_.find("exception", s);
      return x.empty() ? std::string() : s.substr(x.front().end);
    };
    const std::string old_tail = tail(was), new_tail = tail(now);
    if (old_tail.empty() || new_tail.empty()) return false;
    std::set<std::string> before;
    for (const auto& w : words_of(old_tail)) before.insert(w.folded);
    std::size_t fresh = 0;
    for (const auto& w : words_of(new_tail)) fresh += w.folded.size() > 3 && !before.count(w.folded);
    constexpr std::size_t kNewPurposeWords = 2;  // one changed word is wording; a purpose takes more
    return fresh > kNewPurposeWords;
  }

  // "Training our models involves a number of separate stages", "We then refine the trained
  // model so that it follows instructions": how training works, with no data, no use of it and
  // no choice named, says nothing of whose data trains; a rewrite that adds such descriptions
  // adds no clause. A promise, a yes or a way out is still a clause.
  static bool tells_only_how_models_learn(const ClauseMeaning& m) {
    return m.stance == "permits" && m.data.empty() && m.general_data.empty() && !m.catch_all && m.uses.empty() && !m.vendor_use &&
           !m.about_content && !m.opt_out && !m.opt_in && m.consent_holder.empty() && !m.grants_licence && !m.third_party_models;
  }

  // ... unless the sentence is a cell of a table row, or an item of a paragraph, that names the
  // data elsewhere: "| Données Utilisateur | Pour le support client ; l'entraînement de
  // l'algorithme de matching ; ... |" (Malt's privacy policy, 2025) trains on the row's data.
  bool only_how_models_learn(bool old_side, std::size_t k) const {
    constexpr std::size_t kCellWords = 10;  // a table cell or a label ("Données Utilisateur"), not a sentence of prose
    const auto& meanings = old_side ? mo_ : mn_;
    const auto& sentences = old_side ? o_.sentences : n_.sentences;
    if (!tells_only_how_models_learn(meanings[k])) return false;
    for (std::size_t x = 0; x < sentences.size(); ++x)
      if (x != k && sentences[x].paragraph == sentences[k].paragraph && words_of(sentences[x].text).size() <= kCellWords &&
          (!meanings[x].data.empty() || !meanings[x].general_data.empty() || lx_.any("data_noun", sentences[x].text)))
        return false;
    return true;
  }

  void compare_meanings(std::size_t i, std::size_t j, const ClauseMeaning& mo, const ClauseMeaning& mn) {
    // Licences: granted or no longer granted; their terms; AI dropped from their purposes.
    const bool licence_ai_dropped = mo.grants_licence && mn.grants_licence && !mo.ai_purposes.empty() && mn.ai_purposes.empty();
    // The part of the side that lacks the licence: a licence lost from a merge is still lost.
    const bool licence_in_other_part =
        mo.grants_licence != mn.grants_licence &&
        sibling_has(i, j, [](const ClauseMeaning& m) { return m.grants_licence; }, /*new_parts=*/mo.grants_licence);
    if ((mo.grants_licence != mn.grants_licence && !licence_in_other_part) || licence_ai_dropped ||
        (mo.grants_licence && mn.grants_licence && (differs(mo.licence, mn.licence) || differs(mo.licensees, mn.licensees))))
      add("license_changed", i, j);
    // The training stance.
    // "Our staff will not view samples of Customer Data used to train": the staff's access
    // changed (below), not the training.
    const bool staff_negation = staff_changed(i, j) && mo.staff_access && lx_.any("neg", o_.sentences[i].text) != lx_.any("neg", n_.sentences[j].text);
    if (mo.stance != mn.stance && !licence_ai_dropped && !staff_negation) {
      if (mo.develops && !mn.develops && (mn.restricts || mn.solely_provides)) add("scope_narrowed", i, j);  // "solely to provide"
      // "solely to generate the results you request" -> "to generate the Outputs ... and to
      // improve AI Companion": the limit gone, a purpose added.
      else if (mo.solely_provides && !mn.solely_provides && mn.stance == "permits") add("scope_widened", i, j);
      // "(including machine learning and automated decision making)" -> "(including machine
      // learning/AI training and ...)" (Grindr, 2024): the sentence spoke of AI before, and
      // said nothing of training; now it does. Its stance changed, it is no new clause.
      else if (mo.stance.empty() && !mo.ai && !mn.stance.empty() && lx_.any("model", o_.sentences[i].text) &&
               lx_.any("model", n_.sentences[j].text))
        add("stance_changed", i, j);
      else if (mo.stance.empty() && !mo.ai) { if (!sibling_speaks_of_ai(i, j) && !only_how_models_learn(false, j)) add("new_ai_clause", i, j); }
      else if (mn.stance.empty() && !mn.ai) { if (!sibling_speaks_of_ai(i, j) && !only_how_models_learn(true, i)) add("ai_clause_removed", i, j); }
      else if (!mo.stance.empty() && !mn.stance.empty()) add("stance_changed", i, j);
    }
    // The data covered, where the sentence uses, licenses or defines data.
    const auto kinds_of_data = [](const ClauseMeaning& m) { return m.ai || m.grants_licence || !m.uses.empty() || m.defines; };
    // A negated use; a licence's "non-exclusive" is one of its terms.
    const auto promise = [&](const ClauseMeaning& m, const std::string& text) { return !m.grants_licence && lx_.any("neg", text); };
    const bool renamed = renamed_only(i, j);
    if (!renamed && kinds_of_data(mo) && kinds_of_data(mn) && mo.data != mn.data && !mo.data.empty() && !mn.data.empty()) {
      // Data named in what the use leaves out ("except the content of files and direct
      // messages") is data taken out of it.
      std::string more = added_to_scope(lx_, n_.sentences[j].text, o_.sentences[i].text);
      std::string fewer = added_to_scope(lx_, o_.sentences[i].text, n_.sentences[j].text);
      if (subset(mo.data, mn.data) && excepted(n_.sentences[j].text, more)) add("scope_narrowed", i, j, std::move(more), true);
      else if (subset(mo.data, mn.data)) add("scope_widened", i, j);
      else if (subset(mn.data, mo.data) && excepted(o_.sentences[i].text, fewer)) add("scope_widened", i, j, std::move(fewer), true);
      else if (subset(mn.data, mo.data)) add("scope_narrowed", i, j);
      else if (mo.defines && mn.defines) add("other_data_use", i, j);
      // "your audio" -> "your video": other data in place of the old; what now comes in is the news.
      else if (renamed_data_swap(i, j)) add("scope_widened", i, j);
    } else if (!renamed && mo.ai && mn.ai && !mo.stance.empty() && mo.stance == mn.stance && mo.stance != "prohibits" && mo.data.empty() &&
               !mn.data.empty() && !mo.catch_all && mo.general_data.empty() && !promise(mn, n_.sentences[j].text)) {
      // "... pour entraîner ses modèles d'IA : données de connexion ..." -> "..., enregistrements
      // vocaux et transcriptions des appels" (Doctolib, 2026): a training clause that named no
      // kind of data, or only words the vocabularies do not list, now names some: they are news.
      add("scope_widened", i, j);
    } else if (kinds_of_data(mo) && kinds_of_data(mn) && !promise(mo, o_.sentences[i].text) && !promise(mn, n_.sentences[j].text) &&
               !mo.retention && !mn.retention) {
      // "distribute text and image prompts You input" -> "distribute the Content You input": the
      // kinds it named gave way to a catch-all word, so the clause now covers all of it (and the
      // other way round). Where the old side already said "or other Customer Content", the
      // catch-all was covered before. Not in a promise ("employees do not access this content"),
      // where fewer kinds named is more allowed and "this content" points back; nor in how long
      // data is kept ("Meeting Content" -> "audio and video recordings for 12 months; ...").
      if (!mo.data.empty() && mn.data.empty() && mn.catch_all && !mo.catch_all) {
        add("scope_widened", i, j);
        out_.changes.back().catch_all = true;
      } else if (mo.data.empty() && mo.catch_all && !mn.data.empty() && !mn.catch_all) {
        add("scope_narrowed", i, j);
        out_.changes.back().catch_all = true;
      }
    }
    // What the vendor may do with the data: its verbs and its purposes.
    if (mo.vendor_use && mn.vendor_use && !mo.ai && !mn.ai) {
      // A promise not to put the data to developing or improving, dropped, widens what may be
      // done ("... and is not used for improving the Service" gone: Replit, 2025).
      if (mo.develops && !mn.develops) add(mo.promises_not ? "scope_widened" : "scope_narrowed", i, j);
      else if (!mo.develops && mn.develops) add(mn.promises_not ? "scope_narrowed" : "scope_widened", i, j);
      else if (mn.restricts && !mo.restricts && !subset(mo.uses, mn.uses)) add("scope_narrowed", i, j);
      // "ausschließlich zur Erstellung Ihrer Transkripte" -> "insbesondere zur Erstellung ...":
      // the limit is gone, the purposes are open.
      else if (limits(o_.sentences[i].text) && !mn.restricts && !mn.solely_provides && subset(mo.uses, mn.uses)) add("scope_widened", i, j);
      else if (!subset(mn.uses, mo.uses) && mn.uses.size() > mo.uses.size() + 2) add("scope_widened", i, j);
      else if (!subset(mo.uses, mn.uses) && mo.uses.size() > mn.uses.size() + 2) add("scope_narrowed", i, j);
    } else if (!mo.ai && !mn.ai && mo.promises_not != mn.promises_not && (mo.promises_not ? mo.develops && !mn.develops : mn.develops && !mo.develops)) {
      // "... is not made available to the public and is not used for improving the Service" ->
      // "... is not made available to the public." (Replit, 2025): the promise went with its use.
      const std::size_t told = out_.changes.size();
      add("other_data_use", i, j);
      if (out_.changes.size() > told) out_.changes.back().negation = mo.promises_not ? -1 : 1;
    }
    // An aside or a list item added or dropped in a clause about data ("including Zoom-developed
    // apps"; "use, license or generate"); only where the fields above saw no change of scope.
    // A training clause is about data too: "... pour entraîner ses modèles d'IA : données de
    // connexion ..., enregistrements vocaux" names what trains them (Doctolib, 2026).
    const auto about_data = [](const ClauseMeaning& m) { return m.vendor_use || m.about_content || m.develops || (m.ai && !m.stance.empty()); };
    // A change of stance already tells the sentence's news: "(including model training)" ->
    // "(excluding model training)" is not also "no longer says: including".
    const bool scope_seen = std::any_of(out_.changes.begin() + static_cast<std::ptrdiff_t>(first_change_), out_.changes.end(),
                                        [](const Change& c) { return c.change.rfind("scope_", 0) == 0 || c.change == "stance_changed"; });
    // An item added to or dropped from what the clause leaves out, however long ("except (a)
    // Feedback ... and (b) Customer Content from meetings hosted on a Free Plan").
    if (!scope_seen && !staff_changed(i, j) && about_data(mo) && about_data(mn)) {
      if (std::string item = added_exception(n_.sentences[j].text, o_.sentences[i].text); !item.empty()) {
        add("scope_narrowed", i, j, std::move(item), true);
        return;
      }
      if (std::string item = added_exception(o_.sentences[i].text, n_.sentences[j].text); !item.empty()) {
        add("scope_widened", i, j, std::move(item), true);
        return;
      }
    }
    // A definition that now takes in what is derived from content ("Usage Data means ...,
    // together with information that the Services derive from Customer Content").
    if (!scope_seen && mo.defines && mn.defines && !mo.defined.empty() && mo.defined == mn.defined) {
      const bool was = names_content(o_.sentences[i].text), now = names_content(n_.sentences[j].text);
      if (!was && now) add("scope_widened", i, j);
      else if (was && !now) add("scope_narrowed", i, j);
    }
    // "... may access and control your OpenAI account" -> "..., including being able to access
    // your Content" (OpenAI's EU privacy policy, 2024): an aside that brings the reader's data
    // into a sentence that named none is news about that data.
    const auto aside_brings_data = [&] {
      if (!about_data(mn) || about_data(mo)) return false;
      const std::string aside = added_to_scope(lx_, n_.sentences[j].text, o_.sentences[i].text);
      return !aside.empty() && (lx_.any("customer_content", aside) || lx_.any("data_item", aside)) && lx_.any("access", aside);
    };
    if (!scope_seen && !renamed && ((about_data(mo) && about_data(mn)) || aside_brings_data())) {
      if (std::string aside = added_to_scope(lx_, n_.sentences[j].text, o_.sentences[i].text); !aside.empty()) {
        const bool left_out = excepted(n_.sentences[j].text, aside);
        add(left_out ? "scope_narrowed" : "scope_widened", i, j, std::move(aside), left_out);
      } else if (aside = added_to_scope(lx_, o_.sentences[i].text, n_.sentences[j].text); !aside.empty()) {
        const bool left_out = excepted(o_.sentences[i].text, aside);
        add(left_out ? "scope_widened" : "scope_narrowed", i, j, std::move(aside), left_out);
      } else {
        // "包括但不限于 ...、相关研究、...、市场营销、用户调研" -> "例如用于模型服务优化、品牌推广与宣传": items of
        // an enumeration gone (or come), one change per enumeration; the licence's own terms
        // ("永久的") are the licence's change, told above.
        for (const ListEdit& e : cjk_list_edits(o_.sentences[i].text, n_.sentences[j].text)) {
          const bool narrower = !e.dropped.empty();
          std::string items;
          for (const auto& x : narrower ? e.dropped : e.added)
            if (!lx_.any("license_term", x)) items += (items.empty() ? "" : "\xE3\x80\x81") + x;
          if (items.empty()) continue;
          enumeration_ = true;
          add(narrower ? "scope_narrowed" : "scope_widened", i, j, std::move(items), false);
          enumeration_ = false;
        }
      }
    }
    if (mo.third_party_models != mn.third_party_models)
      add(mn.third_party_models ? "third_party_models_added" : "third_party_models_removed", i, j);
    // "you are giving Zoom consent" -> "you authorize Zoom": "you" and no one named are how terms
    // speak to the reader, not a change of whose yes counts.
    // ("users" are not the reader: in terms that name a customer they are the customer's users,
    // someone else; Doctolib's "l'Utilisateur" beside "vous" is left to the labels' judgement.)
    const auto reader = [](const std::string& h) { return h.empty() || h == "you"; };
    if (mo.consent_holder != mn.consent_holder && !(reader(mo.consent_holder) && reader(mn.consent_holder))) {
      if (!mn.consent_holder.empty() || mo.stance.empty() == mn.stance.empty()) add("consent_holder_changed", i, j);
    }
    if (mn.opt_out && !mo.opt_out) add("opt_out_added", i, j);
    // Staff access: who may look at content, or for what, changed ("do not access ... except
    // when you ask" -> "... and to review samples ... for quality assurance").
    if (staff_changed(i, j)) add("other_data_use", i, j);
    if (mn.opt_in && !mo.opt_in) add("opt_in_added", i, j);
    // "Chatgesprekken: namens de Klant 12 maanden ..." under "Hoe lang bewaren wij uw gegevens?":
    // a span of time in a section about keeping data is how long it is kept.
    if ((mo.retention || mn.retention || kept_here(i, j)) &&
        (mo.retention != mn.retention || digits_of(o_.sentences[i].text) != digits_of(n_.sentences[j].text)))
      add("retention_changed", i, j);
  }

  // The one kind an added or removed sentence reports first, with what else it carries.
  void lone(std::size_t i, std::size_t j) {
    const bool is_old = i != kNone;
    const ClauseMeaning& m = is_old ? mo_[i] : mn_[j];
    const std::size_t before = out_.changes.size();
    // A list item under "You must not:" is the user's conduct, not what is done with their data
    // (the caller counts it as noise).
    if (m.binds_users || m.bans_users || under_users_ban(is_old ? o_ : n_, is_old ? i : j)) return;
    if (list_item_changed(is_old, is_old ? i : j)) return;
    // What a licence or an AI clause stands against on the other side: a statement of who owns
    // the content, itself added or dropped ("You retain copyright ... in Content" before the new
    // licence; "Zoom owns all rights ... in Service Generated Data" after the dropped AI use).
    const std::size_t against = (m.grants_licence || (m.ai && !m.stance.empty())) ? ownership_against(is_old, is_old ? i : j) : kNone;
    if (against != kNone) ownership_used_.insert({!is_old, against});
    const std::size_t oi = is_old ? i : against, nj = is_old ? against : j;
    bool way_out_told = false;  // an opt-out's summary names who holds it
    if (m.grants_licence && !m.licence.empty()) add("license_changed", oi, nj);
    // "These providers ... are not permitted to use them to train their models", added or dropped
    // beside the sentence that names the providers: the stance of that change, not a new clause.
    if (m.third_parties_only && beside_third_party_models(is_old, is_old ? i : j)) return;
    if (m.ai && !m.stance.empty() && only_how_models_learn(is_old, is_old ? i : j)) return;
    if (m.ai && !m.stance.empty()) {
      if (!is_old && qualifies_kept_stance(j)) {
        add("stance_changed", kept_stance_, j);
      } else if (!is_old && m.opt_out_at < m.ai_at) {
        // "A Workspace Owner can opt the workspace out of global model training": a sentence
        // that opens with the way out tells of the choice, not of a new use (that one is
        // "We train ... unless you opt out").
        add("opt_out_added", i, j);
        way_out_told = true;
      } else if (m.third_parties_only) {
        // "They do not use the input content or prompts for training their machine learning
        // models." (Stack Overflow's AI addendum, 2025, of the third-party AI services it uses):
        // what other companies' models may not do, not the company's own training.
        add(is_old ? "third_party_models_removed" : "third_party_models_added", i, j);
      } else if (m.others_own_models && m.stance == "permits") {
        // "If you do not opt out, ... the recipients ... may use it ... to train their artificial
        // intelligence models": other companies' own models, and the way out of it.
        add(is_old ? "third_party_models_removed" : "third_party_models_added", i, j);
        if (!is_old && m.opt_out) {
          add("opt_out_added", i, j);
          way_out_told = true;
        }
      } else {
        add(is_old ? "ai_clause_removed" : "new_ai_clause", oi, nj);
      }
    } else if (m.third_party_models) {
      add(is_old ? "third_party_models_removed" : "third_party_models_added", i, j);
    } else if (m.ai && m.vendor_use && m.develops && !lx_.any("neg", is_old ? o_.sentences[i].text : n_.sentences[j].text) &&
               (m.about_content || m.general_data.count("input") || m.general_data.count("output") || m.data.count("prompt"))) {
      // "this includes the right for Stack Overflow to use the AI Inputs for analytics, product
      // development, and product improvement" (2025): the company's use of your content or of what
      // you give its AI, to develop or improve, with no word on training: an AI clause whose
      // stance is not stated.
      const std::size_t told = out_.changes.size();
      add(is_old ? "ai_clause_removed" : "new_ai_clause", oi, nj);
      if (out_.changes.size() > told) out_.changes.back().ai_use = true;
    }
    // A consent given or taken away for others (the account owner, the customer for its end
    // users); "you authorize" alone is how terms speak to the reader, and staff access is
    // governed elsewhere.
    // Each user's own opt-in ("without explicit user opt-in", Fireworks AI 2025) is the reader's.
    if (!m.consent_holder.empty() && m.consent_holder != "you" && m.consent_holder != "users" && !m.staff_access && !way_out_told &&
        (m.vendor_use || m.about_content || !m.stance.empty() || m.develops))
      add("consent_holder_changed", i, j);
    if (m.retention) add("retention_changed", i, j);
    // "You can turn this off at any time under Settings": a way out added with its own sentence.
    // Not a yes that can be taken back ("Ohne Ihre Zustimmung ... nicht ...; Sie können Ihre
    // Zustimmung jederzeit widerrufen"): that is an opt-in's.
    // (Marketing is the exception: "You can withdraw your consent or unsubscribe from promotional
    // SMS at any time" is the way out of messages you get by default.)
    if (!is_old && m.opt_out && m.stance.empty() && (!lx_.any("consent", n_.sentences[j].text) || lx_.any("ads_purpose", n_.sentences[j].text)) &&
        !way_out_said_in(n_.sentences[j].section) &&
        (m.ai || m.develops || m.develops_products || m.vendor_use || m.about_content || paragraph_speaks_of_ai(j) || section_grants_licence(j) ||
         lx_.any("ads_purpose", n_.sentences[j].text))) {
      // "Beheerders kunnen dit gebruik voor hun hele organisatie uitschakelen" where the section
      // asked each reader's own yes before: the choice moved to someone who decides for others,
      // so who says yes changed (against the old sentence that asked the yes).
      const std::size_t asked = own_yes_dropped_in(n_.sentences[j].section);
      // Only a way out of that use ("dit gebruik"), not any switch of the host's ("The host can
      // turn off the chat for everyone").
      const bool of_the_use = m.ai || m.develops || lx_.any("use_verb", n_.sentences[j].text) || lx_.any("data_use", n_.sentences[j].text);
      if (asked != kNone && of_the_use && decides_for_others(m.consent_holder)) {
        const std::size_t told = out_.changes.size();
        add("consent_holder_changed", asked, j);
        // The use it governs now needs no one's yes: the section's new stance.
        if (out_.changes.size() > told && out_.changes.back().new_stance.empty()) out_.changes.back().new_stance = "permits";
      }
      else add("opt_out_added", i, j);
    }
    // A definition written anew elsewhere: "the content ("Content") sent or transmitted by You"
    // in one section, "... transcripts, analytics, outputs ... ("Customer Content")" in another.
    // The data it now covers against the old definition of the same term.
    if (!is_old && m.defines && !m.data.empty())
      if (const std::size_t k = old_definition_of(m.defined); k != kNone && mo_[k].data != m.data) {
        const auto& was = mo_[k].data;
        add(std::includes(m.data.begin(), m.data.end(), was.begin(), was.end()) ? "scope_widened"
            : std::includes(was.begin(), was.end(), m.data.begin(), m.data.end()) ? "scope_narrowed"
                                                                                     : "other_data_use",
            k, j);
      }
    // A term defined for the first time, over several kinds of data, that a licence or a use
    // of data now speaks of: "Inputs, Assets, and other content such as messages, photos,
    // videos, and documents ... are collectively, “Content”" under a licence over "the Content
    // You input" (before: "text and image prompts"). What the licence covers grew with it.
    if (!is_old && m.defines && !m.data.empty() && m.data.size() + m.general_data.size() >= 3 && !m.defined.empty() && old_definition_of(m.defined) == kNone && granted_over(m.defined, j))
      add("scope_widened", kNone, j);
    // A new or dropped use of the customer's data by the company for its own ends (developing,
    // improving its products, its advertising), a disclosure to an outsider (a tax authority), or a statement of
    // who decides the purposes of processing.
    const bool customers_data = !m.data.empty() || m.about_content || lx_.any("deidentify", is_old ? o_.sentences[i].text : n_.sentences[j].text);
    // ... unless the other version states that use in a sentence of its own: "and (g) otherwise
    // to plan for and enhance our services", dropped from a rewritten notice that still develops
    // its services with your data (Fireworks AI, 2023 -> 2025), or ads said in both.
    const bool said_elsewhere = !m.discloses_outside && (m.develops_products || m.advertises) &&
                                (!m.develops_products || version_develops_products(!is_old)) && (!m.advertises || version_advertises(!is_old));
    // (A negated use is a promise, told below: "is not used for improving the Service".)
    if (out_.changes.size() == before && m.vendor_use && !m.uses.empty() && customers_data && !said_elsewhere && !m.promises_not &&
        (m.develops_products || m.discloses_outside || m.advertises))
      add("other_data_use", i, j);
    else if (out_.changes.size() == before && m.markets_to_you && !version_markets(!is_old)) add("other_data_use", i, j);
    else if (out_.changes.size() == before && m.processing_role) add("other_data_use", i, j);
    else if (out_.changes.size() == before && m.infers) add("other_data_use", i, j);
    // Kinds of data collected that the other version never names ("we collect an image of your
    // government-issued identity document", class collect): data collected that was not before.
    // A promise about a use of data added or dropped ("we will not extract or mine voiceprint ...").
    else if (out_.changes.size() == before && m.promises_not && !(m.opt_in && asks_a_yes(is_old ? o_.sentences[i].text : n_.sentences[j].text))) {
      add("other_data_use", i, j);
      out_.changes.back().negation = is_old ? -1 : 1;
    }
    else if (out_.changes.size() == before) kinds_collected(i, j);
    // "We will not obtain your precise geolocation ... without your explicit consent", "We do not
    // log or store prompt or generation data for any open models without explicit user opt-in"
    // (Fireworks AI, 2025): a yes now asked first for a use of data (one about training has its
    // stance).
    if (!is_old && m.opt_in && m.stance.empty() && asks_a_yes(n_.sentences[j].text) && (m.vendor_use || m.promises_not || !m.data.empty() || m.about_content) &&
        std::none_of(out_.changes.begin() + static_cast<std::ptrdiff_t>(before), out_.changes.end(), [](const Change& c) { return c.change == "opt_in_added"; }))
      add("opt_in_added", i, j);
    // "Consentement de l'utilisateur pour les données de santé", a legal basis added under "9.
    // L'utilisation d'algorithmes d'intelligence artificielle pour vous permettre une expérience
    // personnalisée" (Withings, 2026): a yes now asked for a kind of data that an AI use takes.
    else if (!is_old && !m.opt_in && m.stance.empty() && !m.data.empty() && lx_.any("consent", n_.sentences[j].text) &&
             !lx_.any("neg", n_.sentences[j].text) && heading_speaks_of_ai(j) &&
             std::none_of(out_.changes.begin() + static_cast<std::ptrdiff_t>(before), out_.changes.end(), [](const Change& c) { return c.change == "opt_in_added"; }))
      add("opt_in_added", i, j);
  }

  // Whether the heading over a sentence (of the new version, or of the old with `old_side`)
  // names AI or a model: the innermost heading, which a label opening the paragraph leaves out
  // of the section's name.
  bool heading_speaks_of_ai(std::size_t k, bool old_side = false) const {
    const std::string& heading = (old_side ? o_ : n_).sentences[k].heading;
    return lx_.any("ai", heading) || lx_.any("model", heading);
  }

  // A yes asked in so many words: a consent word, or an opt-in ("without explicit user opt-in");
  // not "you choose to", which may be any choice.
  bool asks_a_yes(const std::string& text) const {
    if (lx_.any("consent", text)) return true;
    const auto ins = lx_.find("opt_in", text);
    return std::any_of(ins.begin(), ins.end(), [&](const Span& x) {
      std::string w = text.substr(x.begin, x.end - x.begin);
      std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      return w.find("opt") != std::string::npos;
    });
  }

  // Whether some sentence of one version says the company uses data for its own ads or marketing,
  // or to develop its products. Asked for each changed sentence: worked out once per version.
  bool version_advertises(bool old_side) const {
    std::optional<bool>& known = version_advertises_[old_side ? 0 : 1];
    if (!known) {
      const std::size_t n = (old_side ? o_ : n_).sentences.size();
      known = false;
      for (std::size_t k = 0; k < n && !*known; ++k) known = advertises(old_side, k);
    }
    return *known;
  }
  // Whether a version says anywhere that the company sends the reader promotional messages.
  bool version_markets(bool old_side) const {
    const auto& meanings = old_side ? mo_ : mn_;
    return std::any_of(meanings.begin(), meanings.end(), [](const ClauseMeaning& x) { return x.markets_to_you; });
  }
  bool version_develops_products(bool old_side) const {
    const auto& meanings = old_side ? mo_ : mn_;
    return std::any_of(meanings.begin(), meanings.end(), [](const ClauseMeaning& x) { return x.develops_products && x.vendor_use; });
  }

  // Whether sentence `k` says the company uses data for its own advertising or marketing: itself
  // ("we use the ads you view ... to improve our advertising"), or as an item of a list whose
  // lead-in is a use of data ("We use your Personal Data ... for the following purposes.").
  bool advertises(bool old_side, std::size_t k) const {
    const auto& meanings = old_side ? mo_ : mn_;
    const auto& sentences = old_side ? o_.sentences : n_.sentences;
    if (meanings[k].advertises) return true;
    const std::string& text = sentences[k].text;
    if (!sentences[k].list_item || !lx_.any("ads_purpose", text) || lx_.any("neg", text)) return false;
    const std::size_t lead = lead_in(old_side, k, false);
    return lead != kNone && meanings[lead].vendor_use;
  }

  // Kinds of data collected, added or dropped, that the other version never names: a change of
  // its own.
  void kinds_collected(std::size_t i, std::size_t j) {
    const bool is_old = i != kNone;
    const std::size_t k = is_old ? i : j;
    const ClauseMeaning& m = is_old ? mo_[k] : mn_[k];
    if (m.promises_not || m.owns_content || m.binds_users || !collected(is_old, k)) return;
    const auto& elsewhere = is_old ? new_kinds_ : old_kinds_;
    std::vector<std::string> fresh;
    std::set_difference(m.data.begin(), m.data.end(), elsewhere.begin(), elsewhere.end(), std::back_inserter(fresh));
    if (fresh.empty()) return;
    add("other_data_use", i, j);
    Change& c = out_.changes.back();
    c.old_stance = c.new_stance = "";  // what is collected, not what it trains
    // Quoted where the first of those kinds is named ("... depending on the method: an image of
    // your government-issued identity document").
    const Sentence& sentence = (is_old ? o_ : n_).sentences[k];
    std::size_t at = sentence.text.size();
    for (const auto& f : fresh)
      if (const auto x = m.data_at.find(f); x != m.data_at.end()) at = std::min(at, x->second);
    if (at < sentence.text.size()) (is_old ? c.old_quote : c.new_quote) = part_at(sentence, at);
    c.kinds = std::move(fresh);
  }

  // Whether sentence `k` says the company collects what it names: itself ("we collect the
  // responses you provide"), or as an item of a list whose lead-in does ("data we will collect
  // includes, depending on the method:" then "An image of your government-issued identity
  // document"). Not in a negated sentence.
  bool collected(bool old_side, std::size_t k) const {
    const auto& sentences = old_side ? o_.sentences : n_.sentences;
    const std::string& text = sentences[k].text;
    if (lx_.any("neg", text)) return false;
    const auto collects = [&](const std::string& t) { return lx_.any("collect", t) && lx_.any("we", t); };
    if ((old_side ? mo_ : mn_)[k].vendor_use && collects(text)) return true;
    const std::size_t lead = lead_in(old_side, k);
    return lead != kNone && collects(sentences[lead].text) && !lx_.any("neg", sentences[lead].text) && !opens_with_purpose(text);
  }

  // "We may use personal data we collect to:" then "* To respond to your emails, comments,
  // questions ...": an item that opens with its purpose ("to", "pour", "um") names what the data
  // is used for, not what is collected (Fireworks' privacy notice, 2023).
  bool opens_with_purpose(const std::string& text) const {
    std::size_t start = 0;
    if (opens_with_item_mark(text)) start = text.find(' ') + 1;
    const auto openers = lx_.find("purpose_opener", text);
    return !openers.empty() && openers.front().begin == start;
  }

  // "prompt and chat logging was enabled by default and may be turned off in your dashboard
  // settings" (OpenRouter's terms, 2026) under "Opt-In License for Prompt and Chat Logging": a way
  // out of what the section's licence covers.
  // Only a sentence that names data ("Dark mode is enabled by default and can be disabled" names none).
  bool section_grants_licence(std::size_t j) const {
    if (!lx_.any("data_noun", n_.sentences[j].text)) return false;
    for (std::size_t x = 0; x < n_.sentences.size(); ++x)
      if (x != j && n_.sentences[x].section == n_.sentences[j].section && mn_[x].grants_licence) return true;
    return false;
  }

  // The old sentence of a change in `section` from the reader's own yes to no yes at all
  // (permits_with_consent, no one else named as holding it, to permits), or kNone.
  std::size_t own_yes_dropped_in(const std::string& section) const {
    for (const Change& c : out_.changes)
      if (c.section == section && c.change == "stance_changed" && c.old_stance == "permits_with_consent" && c.new_stance == "permits" &&
          c.old_sentence && (c.old_meaning.consent_holder.empty() || c.old_meaning.consent_holder == "you"))
        return static_cast<std::size_t>(c.old_sentence - o_.sentences.data());
    return kNone;
  }

  static bool decides_for_others(const std::string& holder) {
    return holder == "admin" || holder == "account_owner" || holder == "host_account_owner" || holder == "customer" ||
           holder == "customer_for_end_users" || holder == "host";
  }

  // Whether a way out already reported in `section` is what this added sentence only goes on
  // about ("Vous pouvez vous opposer ..." then "Votre opposition s'applique aux entraînements
  // réalisés après sa prise en compte").
  bool way_out_said_in(const std::string& section) const {
    return std::any_of(out_.changes.begin(), out_.changes.end(), [&](const Change& c) {
      return c.section == section && !c.old_sentence && c.change == "opt_out_added";
    });
  }

  // Whether a sentence of `k`'s paragraph, itself added or dropped too, names other companies' models.
  bool beside_third_party_models(bool old_side, std::size_t k) const {
    const auto& sentences = old_side ? o_.sentences : n_.sentences;
    const auto& meanings = old_side ? mo_ : mn_;
    const auto& pairs = old_side ? p_.new_of_old : p_.old_of_new;
    for (std::size_t x = 0; x < sentences.size(); ++x)
      if (x != k && sentences[x].paragraph == sentences[k].paragraph && (meanings[x].third_party_models || meanings[x].third_party_models_denied) &&
          !meanings[x].third_parties_only)
        return pairs[x] < 0 || sentences[x].key != (old_side ? n_ : o_).sentences[static_cast<std::size_t>(pairs[x])].key;
    return false;
  }

  // "a) ...; b) ...; c) las correcciones que usted introduzca ..." under "Para mejorar nuestros
  // modelos utilizamos:": an item added to or dropped from the list a training sentence opens
  // changes what it covers (and the other way round under "Uitgezonderd zijn:", what is left
  // out). The change takes the lead-in's stance on both sides.
  bool list_item_changed(bool old_side, std::size_t k) {
    const auto& sentences = old_side ? o_.sentences : n_.sentences;
    const auto& meanings = old_side ? mo_ : mn_;
    const auto item = [&](std::size_t x) { return sentences[x].list_item || opens_with_item_mark(sentences[x].text); };
    if (!item(k)) return false;
    std::size_t lead = k;
    while (lead > 0 && item(lead - 1) && sentences[lead - 1].section == sentences[k].section) --lead;
    if (lead == 0) return false;
    --lead;
    // In a table, the row's first cell leads its items ("| To improve the Services and conduct
    // research (including model training). | * Feedback<br>* Study Participation Data ...").
    const bool row_lead = sentences[k].row_cell && sentences[lead].paragraph == sentences[k].paragraph && !item(lead);
    const std::string& lead_text = sentences[lead].text;
    if (!row_lead && (sentences[lead].section != sentences[k].section || lead_text.empty() || lead_text.back() != ':')) return false;
    // The lead-in, or a sentence of its paragraph, speaks of training ("Klantwijs gebruikt ... om
    // de taalmodellen ... te trainen ... Uitgezonderd zijn in alle gevallen:").
    std::size_t speaks = kNone;
    for (std::size_t x = 0; x <= lead; ++x)
      if (sentences[x].paragraph == sentences[lead].paragraph && (!meanings[x].stance.empty() || meanings[x].ai)) speaks = x;
    if (speaks == kNone) return false;
    // A row's other cells are not what its purpose leaves out ("(excluding model training)").
    const bool left_out = !row_lead && (lx_.any("except_word", lead_text) || lx_.any("excluding", lead_text));
    const bool widened = old_side == left_out;  // an item dropped from what is left out, or added to what is used
    add(widened ? "scope_widened" : "scope_narrowed", old_side ? k : kNone, old_side ? kNone : k, sentences[k].text);
    Change& c = out_.changes.back();
    const int other = old_side ? p_.new_of_old[speaks] : p_.old_of_new[speaks];
    const std::string here = meanings[speaks].stance.empty() ? "unspecified" : meanings[speaks].stance;
    const std::string there = other < 0 ? here : ((old_side ? mn_ : mo_)[static_cast<std::size_t>(other)].stance.empty() ? "unspecified" : (old_side ? mn_ : mo_)[static_cast<std::size_t>(other)].stance);
    c.old_stance = old_side ? here : there;
    c.new_stance = old_side ? there : here;
    c.aside_left_out = left_out;
    return true;
  }

  // The lead-in of the list sentence `k` is an item of ("Anthropic may obtain personal data from
  // the following third party sources in order to train our models:"), or kNone.
  // `colon`: the lead-in must end with ':' (else "... for the following purposes." will do).
  // An item's own further sentences ("* To provide ... . Such as creating the accounts ...") are
  // the item's, not a lead-in.
  std::size_t lead_in(bool old_side, std::size_t k, bool colon = true) const {
    const auto& sentences = old_side ? o_.sentences : n_.sentences;
    const auto item = [&](std::size_t x) { return sentences[x].list_item || opens_with_item_mark(sentences[x].text); };
    const auto in_item = [&](std::size_t x) {
      for (std::size_t y = x + 1; y-- > 0 && sentences[y].paragraph == sentences[x].paragraph;)
        if (item(y)) return true;
      return false;
    };
    if (!item(k)) return kNone;
    for (std::size_t x = k; x-- > 0 && sentences[x].section == sentences[k].section && k - x <= kListLeadInReach;) {
      if (in_item(x)) continue;
      const std::string& t = sentences[x].text;
      const std::size_t last = t.find_last_not_of(" \t");
      return !colon || (last != std::string::npos && t[last] == ':') ? x : kNone;
    }
    return kNone;
  }

  // The longest run of words of `mine` that the other sentence lacks, where `mine` has at least
  // two such words naming something (longer than three letters, no filler) and the other at
  // most one; "" otherwise.
  std::string fresh_run(const std::string& mine, const std::string& theirs) const {
    const auto a = words_of(mine), b = words_of(theirs);
    const auto places = differing_runs(a, b);
    if (!places) return "";
    std::set<std::string> in_a, in_b;
    for (const Word& w : a) in_a.insert(w.folded);
    for (const Word& w : b) in_b.insert(w.folded);
    const auto naming = [&](const std::string& t, const Word& w, const std::set<std::string>& other) {
      return w.folded.size() > 3 && !other.count(w.folded) && !lx_.any("scope_filler", std::string_view(t).substr(w.begin, w.end - w.begin)) &&
             !in_example_bracket(lx_, t, w.begin, w.end);
    };
    std::size_t mine_fresh = 0, their_fresh = 0;
    for (const Word& w : a) mine_fresh += naming(mine, w, in_b);
    for (const Word& w : b) their_fresh += naming(theirs, w, in_a);
    if (mine_fresh < 2 || their_fresh > 1) return "";
    const WordRun* best = nullptr;
    for (const WordRun& r : *places)
      if (r.end > r.first && !in_example_bracket(lx_, mine, a[r.first].begin, a[r.end - 1].end) &&
          (!best || r.end - r.first > best->end - best->first))
        best = &r;
    if (!best) return "";
    std::string run = mine.substr(a[best->first].begin, a[best->end - 1].end - a[best->first].begin);
    // Another item or alternative ("we purchase, are made openly available, or that we obtain"),
    // or data named; not a qualifier ("in accordance with the due process prescribed by law").
    if (!lx_.any("conjunction", run) && !lx_.any("data_item", run)) return "";
    while (!run.empty() && std::string_view(" ,.;").find(run.back()) != std::string_view::npos) run.pop_back();
    return run;
  }

  // A list item changed under a lead-in about AI or a use of data, where the item alone says
  // nothing ("Datasets that we obtain through agreements with third party businesses" ->
  // "Third Party Datasets that we purchase, are made openly available, or that we obtain ..."):
  // what it added or dropped widens or narrows the lead-in's use, with the lead-in's stance.
  void item_changed(std::size_t i, std::size_t j) {
    const std::size_t li = lead_in(true, i), lj = lead_in(false, j);
    if (li == kNone || lj == kNone) return;
    const auto about = [](const ClauseMeaning& m) { return m.ai || m.vendor_use || m.develops || m.develops_products; };
    if (!about(mo_[li]) || !about(mn_[lj])) return;
    const std::string &was = o_.sentences[i].text, &now = n_.sentences[j].text;
    // Words that name something new on one side only: a few on one side and at most one on the
    // other (a word swapped, "businesses" -> "organizations", is wording).
    const std::string more = fresh_run(now, was), fewer = fresh_run(was, now);
    const bool wider = !more.empty() && fewer.empty();
    if (more.empty() == fewer.empty()) return;
    std::string aside = wider ? more : fewer;
    const bool left_out = excepted(wider ? now : was, aside);
    add(wider != left_out ? "scope_widened" : "scope_narrowed", i, j, std::move(aside), left_out);
    Change& c = out_.changes.back();
    c.old_stance = mo_[li].stance.empty() ? (mo_[li].ai ? "unspecified" : "") : mo_[li].stance;
    c.new_stance = mn_[lj].stance.empty() ? (mn_[lj].ai ? "unspecified" : "") : mn_[lj].stance;
  }

  // A sentence said word for word in the other version too (Grammarly's November 2024 policy says
  // "We retain personal data for as long as necessary ..." twice, once in a new state-law notice;
  // the August one said it once): another copy of it added or dropped changes nothing.
  // So is a second copy within the version itself (X's July 2025 policy says "We do not knowingly
  // collect personal information from children under 13." twice, both new): told once.
  // Only whole sentences: a short table cell ("Study Participation Data") added to another row
  // of a table is news for that row's purpose.
  // Looked up by key (first_old_, first_new_), not by scanning: a rewrite adds thousands of
  // sentences, and each would scan both versions.
  bool said_the_same_in(bool mine_is_new, std::size_t k) const {
    const Sentence& mine_s = (mine_is_new ? n_ : o_).sentences[k];
    // Chinese and Japanese do not space their words: their length in bytes stands in.
    if (mine_s.row_cell || (words_of(mine_s.text).size() < kRepeatMinWords && mine_s.text.size() < kRepeatMinBytes)) return false;
    const auto& other = mine_is_new ? first_old_ : first_new_;
    const auto& mine = mine_is_new ? first_new_ : first_old_;
    const auto earlier = mine.find(mine_s.key);
    return other.count(mine_s.key) > 0 || (earlier != mine.end() && earlier->second < k);
  }

  void added(std::size_t j) {
    const std::size_t before = out_.changes.size();
    if (said_the_same_in(true, j)) {
      out_.noise.push_back({nullptr, &n_.sentences[j]});
      return;
    }
    // "Sie können dieser Verwendung jederzeit ... widersprechen": a way out is relevant where its
    // paragraph speaks of AI, whatever words it has itself.
    if (mn_[j].relevant || (mn_[j].opt_out && (paragraph_speaks_of_ai(j) || section_grants_licence(j)))) lone(kNone, j);
    else if (!mn_[j].binds_users && !list_item_changed(false, j)) kinds_collected(kNone, j);
    if (out_.changes.size() == before) out_.noise.push_back({nullptr, &n_.sentences[j]});
  }

  // "... respects the DAA's consumer choice tool for you to opt out of interest-based
  // advertising", dropped (X, September 2023 -> July 2025): a way out of ads or of a use of data
  // that the new version offers nowhere.
  // A training sentence that also names its way out ("We train ... unless you opt out") is an
  // AI clause dropped, told as such (lone()); only a sentence that is about the way out counts.
  // The new version still offers it where a sentence offers a way out of the same thing (ads;
  // training; developing products), not negated ("you can no longer opt out").
  bool way_out_dropped(std::size_t i) const {
    const ClauseMeaning& m = mo_[i];
    if (!m.opt_out || m.bans_users || m.binds_users || (m.ai && m.opt_out_at > m.ai_at)) return false;
    const std::string& text = o_.sentences[i].text;
    const bool ads = lx_.any("ads_purpose", text);
    if (!ads && !m.ai && !m.develops && !m.vendor_use && !m.about_content) return false;
    const auto same_topic = [&](std::size_t k) {
      const std::string& t = n_.sentences[k].text;
      if (ads) return lx_.any("ads_purpose", t);
      if (m.ai) return mn_[k].ai;
      if (m.develops) return mn_[k].develops;
      return true;
    };
    for (std::size_t k = 0; k < n_.sentences.size(); ++k) {
      const auto outs = lx_.find("opt_out", n_.sentences[k].text);
      const auto negs = lx_.find("neg", n_.sentences[k].text);
      const bool offered = std::any_of(outs.begin(), outs.end(), [&](const Span& o) {
        return std::none_of(negs.begin(), negs.end(), [&](const Span& x) { return x.end <= o.begin && o.begin - x.end <= kNegatedWayOutGap; });
      });
      if (offered && same_topic(k)) return false;
    }
    return true;
  }

  void removed(std::size_t i) {
    const std::size_t before = out_.changes.size();
    if (said_the_same_in(false, i)) {
      out_.noise.push_back({&o_.sentences[i], nullptr});
      return;
    }
    if (way_out_dropped(i)) {
      add("other_data_use", i, kNone);
      out_.changes.back().way_out_dropped = true;
      return;
    }
    if (mo_[i].relevant) lone(i, kNone);
    else if (!mo_[i].binds_users && !list_item_changed(true, i)) kinds_collected(i, kNone);
    if (out_.changes.size() == before) out_.noise.push_back({&o_.sentences[i], nullptr});
  }

  // A sentence on the other side that says who owns the content (and grants no licence
  // itself): for a removed clause, one in the same place of the new version (what the section
  // says now); for an added licence, one dropped anywhere (terms move ownership into the
  // licence's section when they add one).
  std::size_t ownership_against(bool k_is_old, std::size_t k) const {
    const auto& other = k_is_old ? mn_ : mo_;
    const auto& other_sentences = k_is_old ? n_.sentences : o_.sentences;
    const auto& other_pairs = k_is_old ? p_.old_of_new : p_.new_of_old;
    const std::string& place = (k_is_old ? o_.sentences : n_.sentences)[k].section;
    const bool anywhere = !k_is_old && mn_[k].grants_licence;
    for (std::size_t x = 0; x < other.size(); ++x)
      if ((k_is_old || other_pairs[x] < 0) && other[x].owns_content && !other[x].grants_licence && !ownership_used_.count({!k_is_old, x}) &&
          (anywhere || same_place(place, other_sentences[x].section)))
        return x;
    return kNone;
  }

  // Whether a new sentence other than `j` grants a licence over, or uses, a term of `terms`,
  // written as a defined term is (capitalised: "the Content You input"), where the sentence it
  // replaced did not.
  bool granted_over(const std::set<std::string>& terms, std::size_t j) const {
    for (std::size_t k = 0; k < n_.sentences.size(); ++k) {
      if (k == j || !(mn_[k].grants_licence || mn_[k].vendor_use)) continue;
      for (std::string t : terms) {
        if (t.empty() || !std::islower(static_cast<unsigned char>(t[0]))) continue;
        t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
        // ... and did not before: the sentence it replaced named something else.
        const int was = p_.old_of_new[k];
        if (n_.sentences[k].text.find(t) != std::string::npos && was >= 0 && o_.sentences[static_cast<std::size_t>(was)].text.find(t) == std::string::npos)
          return true;
      }
    }
    return false;
  }

  // The old sentence that defined one of `terms` (by the term's last word), if one did.
  std::size_t old_definition_of(const std::set<std::string>& terms) const {
    for (std::size_t i = 0; i < o_.sentences.size(); ++i)
      if (mo_[i].defines)
        for (const auto& t : mo_[i].defined)
          if (terms.count(t)) return i;
    return kNone;
  }

  // A training sentence added in a section whose old training sentence is still there
  // unchanged: "Notwithstanding the above, Zoom will not use ... without your consent" under a
  // licence that lists AI among its purposes. What the section says about training changed.
  bool qualifies_kept_stance(std::size_t j) {
    const std::string& stance = mn_[j].stance;
    for (std::size_t i = 0; i < o_.sentences.size(); ++i) {
      const int k = p_.new_of_old[i];
      if (mo_[i].stance.empty() || mo_[i].stance == stance || k < 0) continue;
      const Sentence& kept = n_.sentences[static_cast<std::size_t>(k)];
      if (kept.key != o_.sentences[i].key || kept.section != n_.sentences[j].section) continue;
      kept_stance_ = i;
      return true;
    }
    return false;
  }

  const Lexicon& lx_;
  const Document& o_;
  const Document& n_;
  std::vector<ClauseMeaning> mo_, mn_;
  Pairing p_;
  std::size_t kept_stance_ = kNone;
  mutable std::optional<bool> version_advertises_[2];  // old, new: version_advertises()
  std::size_t first_change_ = 0;  // the first change of the pair being compared
  bool enumeration_ = false;  // the change being added is one of several enumerations of one pair (cjk_lists.h)
  std::set<std::string> old_kinds_, new_kinds_;  // every kind of data each version names anywhere
  std::set<std::pair<bool, std::size_t>> ownership_used_;  // (old side?, sentence) already set against an added or removed clause
  Comparison out_;
  std::unordered_map<std::string, std::size_t> first_old_, first_new_;  // each sentence key's first sentence in each version
};

}  // namespace

Comparison compare(const Lexicon& lexicon, const Document& old_doc, const Document& new_doc, const std::vector<std::string>& names) {
  return Comparer(lexicon, old_doc, new_doc, names).run();
}

}  // namespace consentlens::docs
