#include "state_reader.h"

#include <algorithm>
#include <vector>

namespace consentlens {
namespace {

// A negation this close before a state word belongs to it ("is not being", "No recording is in").
constexpr std::size_t kNegationReach = 24;

std::size_t last_begin(const std::vector<Span>& spans) { return spans.empty() ? 0 : spans.back().begin; }

// "Are you sure you want to stop the recording?", "録音を停止しますか?": a client asks before it
// stops something, so the thing is still going on. NFKC has folded the full-width question mark;
// the Arabic one (U+061F) is kept as it is.
bool asks_to_stop(const Lexicon& lexicon, std::string_view sentence) {
  const std::size_t end = sentence.find_last_not_of(" \t\n\"')»”");
  if (end == std::string_view::npos) return false;
  const bool question = sentence[end] == '?' || sentence.substr(0, end + 1).ends_with("\xD8\x9F");
  return question && lexicon.any("stop", sentence);
}

// "is not being recorded", "No recording is in progress"; in a verb-final language the
// negation follows ("録画していません").
bool negated(const std::vector<Span>& before, const std::vector<Span>& after, const Span& word) {
  return std::any_of(before.begin(), before.end(), [&](const Span& n) {
           return (n.end <= word.begin && word.begin - n.end <= kNegationReach) ||
                  (n.begin >= word.begin && n.end <= word.end);  // inside it: "is not being"
         }) ||
         std::any_of(after.begin(), after.end(), [&](const Span& n) {
           return n.begin >= word.end && n.begin - word.end <= kNegationReach;
         });
}

}  // namespace

std::string_view state_name(State s) {
  switch (s) {
    case State::active: return "active";
    case State::possible: return "possible";
    case State::stopped: return "stopped";
    case State::offer: break;
  }
  return "";
}

State read_state(const Lexicon& lexicon, std::string_view sentence) {
  if (asks_to_stop(lexicon, sentence)) return State::active;
  const auto on = lexicon.find("state_on", sentence);
  const auto off = lexicon.find("state_off", sentence);
  const auto possible = lexicon.find("possible", sentence);
  // What is said last wins: "Recording stopped. Recording started again" is on.
  if (!off.empty() && (on.empty() || last_begin(off) >= last_begin(on))) {
    // "If the recording stops ...": a condition before the stop word makes it only possible.
    if (!possible.empty() && possible.front().begin < last_begin(off)) return State::possible;
    return State::stopped;
  }
  if (!on.empty()) {
    if (negated(lexicon.find("neg", sentence), lexicon.find("neg_anywhere", sentence), on.back())) return State::stopped;
    // "If the host starts the recording, ..." but not "Recording is on. If you stay, ...".
    if (!possible.empty() && possible.front().begin < on.back().begin) return State::possible;
    return State::active;
  }
  if (!possible.empty()) return State::possible;
  if (lexicon.any("offer", sentence)) return State::offer;
  return State::active;
}

}  // namespace consentlens
