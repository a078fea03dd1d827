#include "word_finder.h"

#include <algorithm>
#include <atomic>
#include <cctype>

#include <re2/set.h>

#include "atoms.h"
#include "cheap_regex.h"
#include "digest.h"
#include "unicode.h"
#include "word_edges.h"

namespace consentlens {
namespace {

// A class entry of a spaced language starts with the word-start group, which consumes the
// space or punctuation before the word; a reader wants the word itself.
std::size_t skip_word_start(std::string_view text, std::size_t b, std::size_t e) {
  while (b < e) {
    const unsigned char c = static_cast<unsigned char>(text[b]);
    if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) break;
    ++b;
  }
  return b;
}

// The first match of `re` in `text` from `pos` that does not continue a word (word_edges.h);
// false when there is none.
bool match_at_word(const RE2& re, std::string_view text, std::size_t pos, re2::StringPiece& m) {
  while (pos <= text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    const std::size_t b = static_cast<std::size_t>(m.data() - text.data());
    if (m.size() == 0 || !continues_word(text, b, b + m.size())) return true;
    pos = b + 1;
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;  // the next character
  }
  return false;
}

}  // namespace

std::string bare_entry(const Vocabulary::Fragment& f) {
  return cheap_to_compile(f.word_start ? "(?:" + std::string(f.text) + ")" : Vocabulary::alternation({&f}));
}

bool entry_at_word(const RE2& bare, bool word_start, std::string_view text, std::size_t pos, std::size_t& b, std::size_t& e) {
  re2::StringPiece m;
  while (pos <= text.size() && bare.Match(text, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    const auto q = static_cast<std::size_t>(m.data() - text.data());
    e = q + m.size();
    if (word_start ? starts_word(text, q, e, pos) : m.size() == 0 || !continues_word(text, q, e)) {
      b = word_start ? word_start_begin(text, q, pos) : q;
      return true;
    }
    pos = q + 1;
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;  // the next character
  }
  return false;
}

namespace {

// A literal the entry cannot match without, in the case written: "(?-i:AI)\b" needs "AI" in
// capitals. The automaton runs on case-folded text, where it finds "ai" in "said" and "rain";
// this is looked for in the text as it is before the entry's expression is run. Only a
// "(?-i:letters)" outside every group, alternation and quantifier counts; else "".
std::string cased_literal(std::string_view entry) {
  int depth = 0;
  std::string found;
  for (std::size_t i = 0; i < entry.size(); ++i) {
    const char c = entry[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (c == '[') {  // a bracket class: skip to its end
      ++i;
      if (i < entry.size() && entry[i] == '^') ++i;
      if (i < entry.size() && entry[i] == ']') ++i;
      while (i < entry.size() && entry[i] != ']') i += entry[i] == '\\' ? 2 : 1;
      continue;
    }
    if (c == '|' && depth == 0) return "";  // one branch of several: not required
    if (c == ')') --depth;
    if (c != '(') continue;
    if (depth == 0 && found.empty() && entry.compare(i, 5, "(?-i:") == 0) {
      std::size_t j = i + 5;
      while (j < entry.size() && std::isalnum(static_cast<unsigned char>(entry[j]))) ++j;
      const bool quantified = j + 1 < entry.size() && (entry[j + 1] == '?' || entry[j + 1] == '*' || entry[j + 1] == '{');
      if (j < entry.size() && entry[j] == ')' && j > i + 5 && !quantified) {
        found = std::string(entry.substr(i + 5, j - i - 5));
        i = j;
        continue;
      }
    }
    ++depth;
  }
  return found;
}

// The cache key of one entry's own expression (confirm() and spans() share it).
std::string entry_key(std::size_t cls, std::uint32_t fragment) { return "e" + std::to_string(cls) + "." + std::to_string(fragment); }

std::atomic<std::uint64_t> next_finder_id{1};

// Texts up to this size are remembered per thread, so the readers' class-by-class questions
// about one sentence cost one automaton pass; a longer text is scanned again when asked again.
constexpr std::size_t kRememberedTextBytes = 64 << 10;
constexpr std::size_t kRememberedTexts = 4;

// How much of an atom the automaton holds (see the constructor).
constexpr std::size_t kAtomBytes = 8;

}  // namespace

// What one text holds, worked out once per text and thread.
struct WordFinder::Seen {
  std::uint64_t owner = 0;
  std::string text;
  std::vector<char> candidate;                         // per class
  std::vector<std::vector<std::uint32_t>> fragments;  // per class: candidate fragments, ascending
  std::vector<signed char> occurs;                     // per class: -1 not yet known; then `fragments` holds only
                                                       // the fragments that match
  std::vector<std::string> alternation;                // per class: "" not yet made
  std::vector<std::uint32_t> patterns;                 // the patterns whose atoms occur, ascending
  std::vector<int> dirty;                              // classes whose fragments or alternation may be non-empty
  std::string_view text_view;                          // the text asked about (valid during the call)
  std::string folded;                                  // the text case-folded, as the automaton read it
};

void WordFinder::take_classes(const Vocabulary& vocabulary) {
  class_names_ = vocabulary.classes();
  fragments_.resize(class_names_.size());
  always_.resize(class_names_.size());
  cased_.resize(class_names_.size());
  plain_.resize(class_names_.size());
  plain_known_.resize(class_names_.size());
  for (std::size_t k = 0; k < class_names_.size(); ++k) {
    fragments_[k] = &vocabulary.fragments(class_names_[k]);
    cased_[k].resize(fragments_[k]->size());
    plain_[k].resize(fragments_[k]->size());
    plain_known_[k] = std::make_unique<std::atomic<std::uint8_t>[]>(fragments_[k]->size());  // all 0
    for (std::size_t f = 0; f < fragments_[k]->size(); ++f) {
      const Vocabulary::Fragment& fragment = (*fragments_[k])[f];
      if (fragment.text.find("(?-i:") != std::string_view::npos) cased_[k][f] = cased_literal(fragment.text);
    }
  }
}

WordFinder::WordFinder(const Vocabulary& vocabulary, const std::vector<Atoms>& pattern_atoms) : id_(next_finder_id++) {
  take_classes(vocabulary);
  for (std::size_t k = 0; k < class_names_.size(); ++k) {
    for (std::uint32_t f = 0; f < fragments_[k]->size(); ++f) {
      const Atoms atoms = required_atoms((*fragments_[k])[f].text);
      if (atoms.always) {
        always_[k].push_back(f);
        continue;
      }
      const auto id = static_cast<std::uint32_t>(entries_.size());
      entries_.push_back({static_cast<int>(k), f});
      // An atom's first bytes are as necessary as the whole of it: a short prefix makes a much
      // smaller automaton (the entries share prefixes) for a few more candidates to confirm.
      for (const auto& a : atoms.any_of) index_.add(std::string_view(a).substr(0, kAtomBytes), id);
    }
  }
  pattern_count_ = static_cast<std::uint32_t>(pattern_atoms.size());
  const auto first_pattern = static_cast<std::uint32_t>(entries_.size());
  for (std::uint32_t p = 0; p < pattern_count_; ++p)
    for (const auto& a : pattern_atoms[p].any_of) index_.add(std::string_view(a).substr(0, kAtomBytes), first_pattern + p);
  index_.build();
  for (std::size_t k = 0; k < always_.size(); ++k)
    if (!always_[k].empty()) classes_with_always_.push_back(k);
}

WordFinder::WordFinder(const Vocabulary& vocabulary, DigestReader& in) : id_(next_finder_id++) {
  take_classes(vocabulary);
  const auto classes = static_cast<std::uint32_t>(class_names_.size());
  if (in.u32() != classes) in.fail("the word tables were made for another vocabulary");
  const auto entries = in.u32s();
  if (entries.size() % 2) in.fail("the word entries do not come in pairs");
  for (std::size_t i = 0; i < entries.size(); i += 2) {
    if (entries[i] >= classes || entries[i + 1] >= fragments_[entries[i]]->size()) in.fail("a word entry points outside the vocabulary");
    entries_.push_back({static_cast<int>(entries[i]), entries[i + 1]});
  }
  pattern_count_ = in.u32();
  for (std::uint32_t k = 0; k < classes; ++k) {
    always_[k] = in.u32s();
    for (std::uint32_t f : always_[k])
      if (f >= fragments_[k]->size()) in.fail("a word entry points outside the vocabulary");
  }
  index_ = LiteralIndex::read(in);
  for (std::size_t k = 0; k < always_.size(); ++k)
    if (!always_[k].empty()) classes_with_always_.push_back(k);
}

void WordFinder::write(DigestWriter& out) const {
  out.u32(static_cast<std::uint32_t>(class_names_.size()));
  std::vector<std::uint32_t> entries;
  for (const Entry& e : entries_) entries.insert(entries.end(), {static_cast<std::uint32_t>(e.cls), e.fragment});
  out.u32s(entries);
  out.u32(pattern_count_);
  for (const auto& a : always_) out.u32s(a);
  index_.write(out);
}

int WordFinder::class_index(std::string_view name) const {
  const auto it = std::lower_bound(class_names_.begin(), class_names_.end(), name);  // classes() is sorted
  return it != class_names_.end() && *it == name ? static_cast<int>(it - class_names_.begin()) : -1;
}

WordFinder::Seen& WordFinder::seen(std::string_view text) const {
  thread_local Seen remembered[kRememberedTexts];
  thread_local std::size_t next_slot = 0;
  thread_local Seen scratch;
  for (Seen& s : remembered)
    if (s.owner == id_ && s.text == text) {
      s.text_view = text;
      return s;
    }
  Seen& s = text.size() <= kRememberedTextBytes ? remembered[next_slot++ % kRememberedTexts] : scratch;
  const std::size_t classes = class_names_.size();
  if (s.owner != id_ || s.candidate.size() != classes) {
    s.candidate.assign(classes, 0);
    s.fragments.assign(classes, {});
    s.occurs.assign(classes, 0);
    s.alternation.assign(classes, {});
    s.dirty.clear();
  }
  s.owner = id_;
  s.text_view = text;
  s.text.assign(text.size() <= kRememberedTextBytes ? text : std::string_view());
  // The slot is reused, and only what the last text in it set is undone: a document asks about
  // thousands of sentences, and touching every class for each costs more than the automaton pass.
  for (int k : s.dirty) {
    const auto u = static_cast<std::size_t>(k);
    s.fragments[u].clear();
    s.alternation[u].clear();
    s.candidate[u] = 0;
    s.occurs[u] = 0;  // a class without candidates does not occur
  }
  s.dirty.clear();
  // An entry's atom may occur many times in a text; a per-thread stamp per entry keeps the first.
  thread_local std::vector<std::uint32_t> stamp;
  thread_local std::uint32_t generation = 0;
  thread_local std::vector<std::uint32_t> hits;
  const std::size_t ids = entries_.size() + pattern_count_;
  if (stamp.size() < ids) stamp.resize(ids, 0);
  if (++generation == 0) {  // wrapped: old stamps could pass for new ones
    std::fill(stamp.begin(), stamp.end(), 0);
    generation = 1;
  }
  hits.clear();
  std::string& folded = s.folded;
  fold_case_into(text, folded);
  index_.scan(folded, [&](std::uint32_t id) {
    if (id < ids && stamp[id] != generation) {  // always in range, unless the digest was damaged
      stamp[id] = generation;
      hits.push_back(id);
    }
  });
  s.patterns.clear();
  const auto take = [&](std::size_t k, std::uint32_t fragment) {
    auto& f = s.fragments[k];
    if (f.empty()) s.dirty.push_back(static_cast<int>(k));
    f.push_back(fragment);
  };
  for (std::uint32_t id : hits) {
    if (id >= entries_.size()) s.patterns.push_back(id - static_cast<std::uint32_t>(entries_.size()));
    else take(static_cast<std::size_t>(entries_[id].cls), entries_[id].fragment);
  }
  for (std::size_t k : classes_with_always_)
    for (std::uint32_t f : always_[k]) take(k, f);
  std::sort(s.patterns.begin(), s.patterns.end());
  for (int k : s.dirty) {
    const auto u = static_cast<std::size_t>(k);
    std::sort(s.fragments[u].begin(), s.fragments[u].end());  // alternation order: the vocabulary's
    s.candidate[u] = 1;
    s.occurs[u] = -1;
  }
  return s;
}

void WordFinder::candidates_and_patterns(std::string_view text, std::vector<char>& candidate, std::vector<std::uint32_t>& patterns) const {
  const Seen& s = seen(text);
  candidate = s.candidate;
  patterns = s.patterns;
}

const std::optional<PlainEntry>& WordFinder::plain(std::size_t cls, std::uint32_t fragment) const {
  std::atomic<std::uint8_t>& known = plain_known_[cls][fragment];
  if (known.load(std::memory_order_acquire) == 0) {
    std::lock_guard<std::mutex> lock(plain_mutex_);
    if (known.load(std::memory_order_relaxed) == 0) {
      const Vocabulary::Fragment& f = (*fragments_[cls])[fragment];
      plain_[cls][fragment] = plain_entry(f.text, f.word_start);
      known.store(1, std::memory_order_release);
    }
  }
  return plain_[cls][fragment];
}

void WordFinder::confirm(Seen& s, int cls) const {
  const auto k = static_cast<std::size_t>(cls);
  if (s.occurs[k] >= 0) return;
  // Each candidate entry on its own: an entry's expression is the same for every text, so it is
  // compiled once for a meeting's worth of notices, where a class cut down to a text's
  // candidates would be compiled again for each new combination.
  auto& kept = s.fragments[k];
  std::erase_if(kept, [&](std::uint32_t f) {
    if (const auto& word = plain(k, f)) return !plain_entry_occurs(*word, s.folded);  // no expression needed
    if (const std::string& lit = cased_[k][f]; !lit.empty() && s.text_view.find(lit) == std::string_view::npos) return true;
    const Vocabulary::Fragment& fragment = (*fragments_[k])[f];
    const auto re = cache_.get(entry_key(k, f), kClassMaxMem, [&] { return bare_entry(fragment); });
    std::size_t b = 0, e = 0;
    return !(re->ok() && entry_at_word(*re, fragment.word_start, s.text_view, 0, b, e));
  });
  s.occurs[k] = kept.empty() ? 0 : 1;
}

std::string WordFinder::alternation_in(std::string_view text, int cls) const {
  if (cls < 0) return Vocabulary::alternation({});
  Seen& s = seen(text);
  confirm(s, cls);
  std::string& alt = s.alternation[static_cast<std::size_t>(cls)];
  if (alt.empty()) {
    if (!s.candidate[static_cast<std::size_t>(cls)]) s.dirty.push_back(cls);  // to be cleared with the slot
    std::vector<const Vocabulary::Fragment*> keep;
    for (std::uint32_t f : s.fragments[static_cast<std::size_t>(cls)]) keep.push_back(&(*fragments_[static_cast<std::size_t>(cls)])[f]);
    alt = Vocabulary::alternation(keep);
  }
  return alt;
}

void WordFinder::append_key(std::string& key, std::string_view text, int cls) const {
  key += std::to_string(cls);
  key += ':';
  if (cls < 0) return;
  Seen& s = seen(text);
  confirm(s, cls);
  for (std::uint32_t f : s.fragments[static_cast<std::size_t>(cls)]) {
    key += std::to_string(f);
    key += ',';
  }
  key += ';';
}

bool WordFinder::occurs(std::string_view text, int cls) const {
  if (cls < 0) return false;
  Seen& s = seen(text);
  confirm(s, cls);
  return s.occurs[static_cast<std::size_t>(cls)] == 1;
}

std::vector<Span> WordFinder::spans(std::string_view text, int cls) const {
  std::vector<Span> out;
  if (cls < 0 || !occurs(text, cls)) return out;
  // One entry that occurs: its alternation is the entry's own expression, which confirm() may
  // have compiled already under the entry's key.
  const auto& kept = seen(text).fragments[static_cast<std::size_t>(cls)];
  const Vocabulary::Fragment* single = kept.size() == 1 ? &(*fragments_[static_cast<std::size_t>(cls)])[kept[0]] : nullptr;
  std::string key;
  if (single) {
    key = entry_key(static_cast<std::size_t>(cls), kept[0]);
  } else {
    key = "c";
    append_key(key, text, cls);
  }
  const auto re = single ? cache_.get(key, kClassMaxMem, [&] { return bare_entry(*single); })
                         : cache_.get(key, kClassMaxMem, [&] { return cheap_to_compile(alternation_in(text, cls)); });
  const auto next = [&](std::size_t from, std::size_t& b, std::size_t& e) {
    if (single) return entry_at_word(*re, single->word_start, text, from, b, e);
    re2::StringPiece m;
    if (!match_at_word(*re, text, from, m)) return false;
    b = static_cast<std::size_t>(m.data() - text.data());
    e = b + m.size();
    return true;
  };
  std::size_t pos = 0, b = 0, e = 0;
  while (pos < text.size() && next(pos, b, e)) {
    const std::size_t word = skip_word_start(text, b, e);
    if (word < e) out.push_back({word, e});
    // An entry ending in {end} consumes the space after its word; the next word needs that
    // space as its own word start, so the search resumes on it.
    pos = e;
    if (e > word && static_cast<unsigned char>(text[e - 1]) < 0x80 && !std::isalnum(static_cast<unsigned char>(text[e - 1])))
      pos = e - 1;
    if (pos <= b) pos = b + 1;  // always move on, also after an empty match
  }
  return out;
}

std::vector<std::string> WordFinder::check_entries(bool compile) const {
  std::vector<std::string> problems;
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_log_errors(false);
  o.set_encoding(RE2::Options::EncodingUTF8);
  RE2::Set parsed(o, RE2::UNANCHORED);  // Add() parses without compiling
  for (std::size_t k = 0; k < fragments_.size(); ++k)
    for (const auto& f : *fragments_[k]) {
      const std::string pattern = cheap_to_compile(Vocabulary::alternation({&f}));
      std::string error;
      if (compile) {
        const RE2 re(pattern, o);
        if (!re.ok()) error = re.error();
      } else if (parsed.Add(pattern, &error) >= 0) {
        error.clear();
      }
      if (!error.empty()) problems.push_back("rules/vocab: class {" + class_names_[k] + "}: entry \"" + std::string(f.text) + "\": " + error);
    }
  return problems;
}

std::size_t WordFinder::entries_without_atoms() const {
  std::size_t n = 0;
  for (const auto& a : always_) n += a.size();
  return n;
}

}  // namespace consentlens
