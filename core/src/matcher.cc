#include "matcher.h"

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include <re2/set.h>

#include "atoms.h"
#include "digest.h"
#include "short_text_bounds.h"
#include "utf8.h"

namespace consentlens {
namespace {

RE2::Options options() {
  RE2::Options o;
  o.set_case_sensitive(false);  // Unicode simple case folding, every script
  o.set_log_errors(false);
  o.set_max_mem(Matcher::kPatternMaxMem);
  o.set_encoding(RE2::Options::EncodingUTF8);
  return o;
}

std::string clip(const std::string& s) { return s.size() > 120 ? s.substr(0, 117) + "..." : s; }

// `pattern` with each class name written as a plain group, to check its own syntax: the
// classes' entries are checked on their own.
template <typename IndexOf>
std::string with_classes_as_groups(const std::string& pattern, IndexOf class_index) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      out += pattern.substr(i, 2);
      ++i;
      continue;
    }
    const std::size_t close = pattern[i] == '{' ? pattern.find('}', i) : std::string::npos;
    if (close != std::string::npos && class_index(std::string_view(pattern).substr(i + 1, close - i - 1)) >= 0) {
      out += "(?:x)";
      i = close;
      continue;
    }
    out += pattern[i];
  }
  return out;
}

}  // namespace

// What one line holds, worked out as far as the line's questions need: the classes that may
// occur and the patterns whose atoms occur (one automaton pass, word_finder.h), the classes
// confirmed (each on first need).
class Matcher::Line {
 public:
  // `stage`: the patterns without atoms that are listed among the hits are those of the rules
  // the caller asks about.
  Line(const Matcher& m, std::string_view text, Stage stage) : m_(m), text_(text), b_(take_buffers()) {
    m.finder_.candidates_and_patterns(text, b_->candidate, b_->hits);
    b_->confirmed.assign(b_->candidate.size(), -1);
    b_->single_hit.assign(m.single_count_, 0);
    auto& hits = b_->hits;
    std::erase_if(hits, [&](std::uint32_t id) { return id >= m.single_count_; });  // only a damaged digest
    for (std::uint32_t id : hits) b_->single_hit[id] = 1;
    for (std::size_t i : m.without_atoms_by_stage_[static_cast<std::size_t>(stage)])
      if (!b_->single_hit[i]) {
        b_->single_hit[i] = 1;
        hits.push_back(static_cast<std::uint32_t>(i));
      }
  }
  ~Line() { buffers().push_back(std::move(b_)); }
  Line(const Line&) = delete;
  Line& operator=(const Line&) = delete;

  std::string_view text() const { return text_; }
  bool atoms_of(std::size_t single) const { return b_->single_hit[single] != 0; }
  // The patterns whose atoms occur (and those of the stage without atoms), each once, in no set order.
  const std::vector<std::uint32_t>& hits() const { return b_->hits; }

  // Whether the classes the gate needs occur on the line.
  // A class is confirmed (its candidate entries run) only when the answer depends on it.
  bool allows(const ClassGate& gate) {
    return gate.allows([&](int k) { return b_->candidate[static_cast<std::size_t>(k)] != 0; },
                       [&](int k) {
                         auto& c = b_->confirmed[static_cast<std::size_t>(k)];
                         if (c < 0) c = m_.finder_.occurs(text_, k) ? 1 : 0;
                         return c == 1;
                       });
  }

  // Whether pattern `single` matches the line.
  bool matches(std::size_t single) {
    const Single& s = m_.singles_[single];
    if (!atoms_of(single) || !allows(s.gate)) return false;
    const auto re = m_.reduced(s, text_);
    return re->ok() && RE2::PartialMatch(text_, *re);
  }

 private:
  // A line's working vectors, kept per thread and reused: a document has tens of thousands of
  // lines, and allocating these for each cost more than reading it.
  struct Buffers {
    std::vector<char> candidate;
    std::vector<signed char> confirmed;
    std::vector<char> single_hit;
    std::vector<std::uint32_t> hits;
  };
  static std::vector<std::unique_ptr<Buffers>>& buffers() {
    thread_local std::vector<std::unique_ptr<Buffers>> free;
    return free;
  }
  static std::unique_ptr<Buffers> take_buffers() {
    auto& free = buffers();
    if (free.empty()) return std::make_unique<Buffers>();
    auto b = std::move(free.back());
    free.pop_back();
    return b;
  }

  const Matcher& m_;
  std::string_view text_;
  std::unique_ptr<Buffers> b_;
};

std::vector<Atoms> Matcher::pattern_atoms(const RulePack& pack) {
  std::vector<Atoms> out;
  for (const auto& r : pack.rules()) {  // the order of take_patterns()
    for (const auto& p : r.patterns) out.push_back(required_atoms(p.source));
    for (const auto& p : r.unless) out.push_back(required_atoms(p.source));
  }
  return out;
}

void Matcher::take_patterns() {
  const auto& rules = pack_.rules();
  for (const auto& r : rules) single_count_ += r.patterns.size() + r.unless.size();
  singles_ = std::make_unique<Single[]>(single_count_);
  rule_patterns_.resize(rules.size());
  rule_unless_.resize(rules.size());
  rule_presences_.resize(rules.size());
  std::size_t next = 0;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    auto add = [&](const Pattern& p, bool is_unless) {
      Single& s = singles_[next];
      s.pattern = p.source;
      s.rule = r;
      s.is_unless = is_unless;
      s.label = rules[r].file + ": " + rules[r].id + ": pattern \"" + clip(p.source) + "\"";
      s.names_class = p.re.empty();
      s.plain = p.re;
      for (std::size_t at = p.source.find('{'); at != std::string::npos; at = p.source.find('{', at + 1)) {
        const std::size_t close = p.source.find('}', at);
        if (close == std::string::npos) break;
        if (at > 0 && p.source[at - 1] == '\\') continue;  // an escaped brace
        const int k = finder_.class_index(std::string_view(p.source).substr(at + 1, close - at - 1));
        if (k >= 0) s.named.push_back(k);
      }
      (is_unless ? rule_unless_[r] : rule_patterns_[r]).push_back(next);
      ++next;
    };
    for (const auto& p : rules[r].patterns) add(p, false);
    for (const auto& p : rules[r].unless) add(p, true);
  }
  std::unordered_map<std::string_view, std::size_t> first_written;
  for (std::size_t i = 0; i < single_count_; ++i)
    singles_[i].same_as = first_written.try_emplace(singles_[i].pattern, i).first->second;
  for (std::size_t i = 0; i < single_count_; ++i)
    singles_[i].droppable_bounds = single_char_bounds(singles_[i].pattern, kDroppableBound);
  rule_is_cue_.resize(rules.size());
  for (std::size_t r = 0; r < rules.size(); ++r) rule_is_cue_[r] = rules[r].kind == "cue";
  const std::size_t classes = finder_.class_names().size();
  class_once_ = std::make_unique<std::once_flag[]>(classes);
  class_whole_ = std::make_unique<std::unique_ptr<RE2>[]>(classes);
}

Matcher::Matcher(const RulePack& pack, const WordFinder& finder)
    : finder_(finder), pack_(pack), vocab_(pack.vocabulary()), rule_count_(pack.rules().size()) {
  take_patterns();
  if (finder_.pattern_count() != single_count_) throw std::logic_error("the word finder was not built with this pack's pattern atoms");
  std::vector<std::string> errors;
  const auto& rules = pack.rules();
  auto class_index = [&](std::string_view name) { return finder_.class_index(name); };
  for (std::size_t i = 0; i < single_count_; ++i) {
    Single& s = singles_[i];
    s.gate = ClassGate::of(s.pattern, class_index);
    if (required_atoms(s.pattern).always) without_atoms_.push_back(i);
  }
  split_by_stage();

  // Presence conditions: a gate over the classes, in disjunctive normal form (every group must
  // be there, any class of a group will do).
  for (std::size_t r = 0; r < rules.size(); ++r) {
    for (const auto& groups : rules[r].present) {
      std::vector<ClassGate::Term> terms{ClassGate::Term{}};
      Presence pr{r, {}, {}};
      for (std::size_t g = 0; g < groups.size(); ++g) {
        std::vector<ClassGate::Term> next_terms;
        for (const auto& name : groups[g]) {
          const int k = class_index(name);
          if (g == 0) pr.first_group.push_back(k);
          for (const auto& t : terms) {
            ClassGate::Term u = t;
            u.push_back(k);
            std::sort(u.begin(), u.end());
            u.erase(std::unique(u.begin(), u.end()), u.end());
            next_terms.push_back(std::move(u));
          }
        }
        terms = std::move(next_terms);
      }
      pr.gate = ClassGate::from_terms(std::move(terms));
      if (pr.gate.open())  // past ClassGate's size limit a formula needs nothing: it would fire everywhere
        errors.push_back(rules[r].file + ": " + rules[r].id + ": a \"present\" condition with too many combinations");
      rule_presences_[r].push_back(presences_.size());
      presences_.push_back(std::move(pr));
    }
  }
  if (!errors.empty()) throw PackError(std::move(errors));
}

namespace {

void write_terms(DigestWriter& out, const std::vector<ClassGate::Term>& terms) {
  out.u32(static_cast<std::uint32_t>(terms.size()));
  for (const auto& t : terms) out.u32s(std::vector<std::uint32_t>(t.begin(), t.end()));
}

ClassGate read_gate(DigestReader& in, std::size_t classes) {
  std::vector<ClassGate::Term> terms(in.count(4));
  for (auto& t : terms) {
    const auto v = in.u32s();
    t.assign(v.begin(), v.end());
  }
  ClassGate g;
  if (!ClassGate::from_simplified(std::move(terms), classes, g)) in.fail("a class formula names a class that is not there");
  return g;
}

}  // namespace

void Matcher::write(DigestWriter& out) const {
  out.u32(static_cast<std::uint32_t>(single_count_));
  for (std::size_t i = 0; i < single_count_; ++i) write_terms(out, singles_[i].gate.terms());
  out.u32s(std::vector<std::uint32_t>(without_atoms_.begin(), without_atoms_.end()));
  out.u32(static_cast<std::uint32_t>(presences_.size()));
  for (const Presence& p : presences_) {
    out.u32(static_cast<std::uint32_t>(p.rule));
    write_terms(out, p.gate.terms());
    out.u32s(std::vector<std::uint32_t>(p.first_group.begin(), p.first_group.end()));
  }
}

Matcher::Matcher(const RulePack& pack, const WordFinder& finder, DigestReader& in)
    : finder_(finder), pack_(pack), vocab_(pack.vocabulary()), rule_count_(pack.rules().size()) {
  take_patterns();
  const std::size_t classes = finder_.class_names().size();
  if (in.u32() != single_count_ || finder_.pattern_count() != single_count_) in.fail("the pattern tables were made for other rules");
  for (std::size_t i = 0; i < single_count_; ++i) singles_[i].gate = read_gate(in, classes);
  for (std::uint32_t i : in.u32s()) {
    if (i >= single_count_) in.fail("a pattern number is out of range");
    without_atoms_.push_back(i);
  }
  split_by_stage();
  for (std::uint32_t n = in.count(12); n > 0; --n) {
    Presence p;
    p.rule = in.u32();
    if (p.rule >= rule_count_) in.fail("a presence condition's rule is out of range");
    p.gate = read_gate(in, classes);
    for (std::uint32_t k : in.u32s()) {
      if (k >= classes) in.fail("a presence condition names a class that is not there");
      p.first_group.push_back(static_cast<int>(k));
    }
    rule_presences_[p.rule].push_back(presences_.size());
    presences_.push_back(std::move(p));
  }
}

Matcher::~Matcher() = default;

void Matcher::split_by_stage() {
  for (auto& list : without_atoms_by_stage_) list.clear();
  for (std::size_t i : without_atoms_) {
    without_atoms_by_stage_[static_cast<std::size_t>(Stage::all)].push_back(i);
    const bool cue = rule_is_cue_[singles_[i].rule] != 0;
    without_atoms_by_stage_[static_cast<std::size_t>(cue ? Stage::cues : Stage::kinds)].push_back(i);
  }
}

std::string Matcher::expand_for(const std::string& pattern, std::string_view line) const {
  std::string expanded, error;
  // The class names were checked when the pack was loaded from JSON; should one still be
  // unknown, the pattern matches nothing rather than everything.
  if (!vocab_.expand_with(
          pattern, [&](std::string_view name) { return finder_.alternation_in(line, finder_.class_index(name)); }, expanded, error))
    return Vocabulary::alternation({});
  return expanded;
}

std::shared_ptr<const RE2> Matcher::reduced(const Single& s, std::string_view line) const {
  std::string key = "p" + std::to_string(s.same_as);
  if (s.names_class)
    for (int k : s.named) finder_.append_key(key, line, k);
  // On a line shorter than some of the pattern's bounded runs, those runs are written unbounded:
  // the same matches, a fraction of the compile (short_text_bounds.h).
  std::size_t drop_from = 0;  // runs bounded at or above this are written unbounded
  const auto& bounds = s.droppable_bounds;
  if (!bounds.empty() && line.size() <= 4 * bounds.back()) {  // a character is at most 4 bytes
    const auto it = std::lower_bound(bounds.begin(), bounds.end(), code_points(line));
    if (it != bounds.end()) drop_from = *it;
  }
  if (drop_from > 0) key += "u" + std::to_string(drop_from);
  return finder_.cache().get(key, kPatternMaxMem, [&] {
    if (drop_from == 0) return s.names_class ? expand_for(s.pattern, line) : s.plain;
    const std::string written = unbounded_from(s.pattern, drop_from);
    if (s.names_class) return expand_for(written, line);
    std::string expanded, error;
    return vocab_.expand(written, expanded, error) ? expanded : s.plain;
  });
}

constexpr long kBotNameMaxWords = 5;  // more words than this are a clause, not a bot's name

// What a pattern may take for a name that is none: a clause that still holds what the bot does
// or where ("บอทกำลังบันทึกการประชุมนี้อยู่", "ボットが会議に"), a first person ("I have" before
// "joined"), or a bot word alone with its article ("The bot", "Der Bot").
bool Matcher::not_a_name(const std::string& name) const {
  static const std::string kClause = "(?:{joined}|{i_joined}|{state_on}|\\p{Hiragana}[がをに]|会議に|회의에)";
  static const std::string kPlain = "^(?i:the |der |die |das |le |la |el |il |o |a |de |het |een |an? )(?:{bot_word})$";
  static const std::string kFirstPerson = "^(?i:i|i'm|i've|i'll|i'd|ich|je|j'|yo|eu|io|ik|я|we|wir|nous|我)(?:\\s|$)";
  for (const std::string* pattern : {&kClause, &kPlain, &kFirstPerson}) {
    const auto re = finder_.cache().get(expand_for(*pattern, name), kPatternMaxMem);
    if (re->ok() && RE2::PartialMatch(name, *re)) return true;
  }
  return false;
}

std::string Matcher::bot_name(std::size_t r, std::string_view line) const {
  for (const auto& pattern : pack_.rules()[r].bot_name) {
    // Rarely run (a bot's notice): keyed by its text.
    const auto re = finder_.cache().get(expand_for(pattern, line), kPatternMaxMem);
    std::string name;
    if (re->ok() && re->NumberOfCapturingGroups() == 1 && RE2::PartialMatch(line, *re, &name)) {
      // "🤖 **AI Meeting Assistant** が会議に参加しました": a name set in bold is the bold part.
      // (The pattern may have taken the opening marks already: what follows the closing ones goes.)
      if (name.rfind("**", 0) == 0) name = name.substr(2);
      if (const std::size_t close = name.find("**"); close != std::string::npos && close > 0) name.erase(close);
      // A class's word edges may take the space or stop around the name with it.
      while (!name.empty() && std::string_view(" -:.,!").find(name.back()) != std::string_view::npos) name.pop_back();
      name.erase(0, std::min(name.find_first_not_of(' '), name.size()));
      // "MeetMinder (notulist)", "Секретарь AI (бот)": a role in brackets after the name. A
      // product named there stays ("Sam's Notetaker (Otter.ai)" tells whose bot it is).
      if (const std::size_t open = name.rfind(" ("); open != std::string::npos && open > 0 && name.back() == ')') {
        const std::string_view inside = std::string_view(name).substr(open + 2);
        const bool product = std::any_of(inside.begin(), inside.end(), [](char c) { return c == '.' || (c >= 'A' && c <= 'Z'); });
        if (!product) name.resize(open);
      }
      // "Most platforms notify participants that a recording bot" (before "has joined"), a whole
      // sentence taken by the last pattern: a clause, not a name. Names run to a few words
      // ("Sam's Fathom AI Notetaker").
      if (!name.empty() && std::count(name.begin(), name.end(), ' ') < kBotNameMaxWords && !not_a_name(name)) return name;
    }
  }
  return "";
}

const RE2& Matcher::whole(const Single& s) const {
  std::call_once(s.whole_once, [&] {
    std::string expanded, error;
    vocab_.expand(s.pattern, expanded, error);  // checked when the pack loaded
    s.whole = std::make_unique<RE2>(expanded, options());
  });
  return *s.whole;
}

std::vector<std::size_t> Matcher::fire(std::string_view text, Stage stage) const {
  Line line(*this, text, stage);
  const auto asked = [&](std::size_t rule) {
    return stage == Stage::all || (rule_is_cue_[rule] != 0) == (stage == Stage::cues);
  };
  std::vector<std::size_t> matched;
  // Only the patterns whose atoms occur can match: on prose that is a handful of the pack's.
  for (std::uint32_t i : line.hits()) {
    const Single& s = singles_[i];
    if (!s.is_unless && asked(s.rule) && std::find(matched.begin(), matched.end(), s.rule) == matched.end() && line.matches(i))
      matched.push_back(s.rule);
  }
  for (const Presence& p : presences_)
    if (asked(p.rule) && std::find(matched.begin(), matched.end(), p.rule) == matched.end() && line.allows(p.gate))
      matched.push_back(p.rule);
  std::sort(matched.begin(), matched.end());
  std::vector<std::size_t> out;
  for (std::size_t r : matched) {
    const auto& unless = rule_unless_[r];
    if (std::none_of(unless.begin(), unless.end(), [&](std::size_t i) { return line.matches(i); })) out.push_back(r);
  }
  return out;
}

bool Matcher::span(std::size_t r, std::string_view text, std::size_t& begin, std::size_t& end) const {
  Line line(*this, text, Stage::all);
  bool found = false;
  auto take = [&](std::size_t b, std::size_t e) {
    if (!found || b < begin) {
      begin = b;
      end = e;
      found = true;
    }
  };
  // A presence condition that holds: its first group's earliest word.
  for (std::size_t pi : rule_presences_[r]) {
    const Presence& p = presences_[pi];
    if (!line.allows(p.gate)) continue;
    for (int k : p.first_group) {
      const auto spans = finder_.spans(text, k);
      if (!spans.empty()) take(spans.front().begin, spans.front().end);
    }
  }
  for (std::size_t i : rule_patterns_[r]) {
    if (!line.atoms_of(i) || !line.allows(singles_[i].gate)) continue;
    const auto re = reduced(singles_[i], text);
    re2::StringPiece m;
    if (re->ok() && re->Match(text, 0, text.size(), RE2::UNANCHORED, &m, 1))
      take(static_cast<std::size_t>(m.data() - text.data()), static_cast<std::size_t>(m.data() - text.data()) + m.size());
  }
  return found;
}

bool Matcher::presence_holds_alone(const Presence& p, std::string_view text) const {
  std::vector<char> present(finder_.class_names().size(), 0);
  for (int k : p.gate.classes()) {
    const auto u = static_cast<std::size_t>(k);
    std::call_once(class_once_[u], [&] {
      std::string expanded, error;
      vocab_.expand("{" + finder_.class_names()[u] + "}", expanded, error);
      class_whole_[u] = std::make_unique<RE2>(expanded, options());
    });
    present[u] = RE2::PartialMatch(text, *class_whole_[u]);
  }
  return p.gate.allows(present);
}

bool Matcher::fires_alone(std::size_t r, std::string_view text) const {
  auto any = [&](const std::vector<std::size_t>& list) {
    return std::any_of(list.begin(), list.end(), [&](std::size_t i) { return RE2::PartialMatch(text, whole(singles_[i])); });
  };
  const bool present = std::any_of(rule_presences_[r].begin(), rule_presences_[r].end(),
                                   [&](std::size_t p) { return presence_holds_alone(presences_[p], text); });
  return (present || any(rule_patterns_[r])) && !any(rule_unless_[r]);
}

std::vector<std::string> Matcher::check_syntax() const {
  // RE2::Set::Add parses without compiling. Each class stands in as a plain group: the
  // classes' entries are checked on their own.
  RE2::Set parsed(options(), RE2::UNANCHORED);
  std::vector<std::string> problems = finder_.check_entries(/*compile=*/false);
  auto class_index = [&](std::string_view name) { return finder_.class_index(name); };
  for (std::size_t i = 0; i < single_count_; ++i) {
    std::string expanded, error;
    if (!vocab_.expand(with_classes_as_groups(singles_[i].pattern, class_index), expanded, error) || parsed.Add(expanded, &error) < 0)
      problems.push_back(singles_[i].label + ": " + error);
  }
  return problems;
}

std::vector<std::string> Matcher::compile_all() const {
  std::vector<std::string> problems = finder_.check_entries(/*compile=*/true);
  for (std::size_t i = 0; i < single_count_; ++i)
    if (!whole(singles_[i]).ok()) problems.push_back(singles_[i].label + ": " + whole(singles_[i]).error());
  return problems;
}

}  // namespace consentlens
