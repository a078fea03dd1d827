// Is the activity a notice speaks of happening, only possible, or over? Read from the words
// of the sentence that reports it, in every language whose vocabulary fills the classes
// `state_on`, `state_off`, `possible`, `offer`, `stop` and `neg` (core/rules/vocab/).
//
//   "This meeting is being recorded"            active
//   "Other participants may be recording"       possible
//   "If the host decides to record ..."         possible
//   "Do you really want to stop the recording?" active (asked before it stops)
//   "Recording stopped" / "Recording failed"    stopped
//   "This meeting is not being recorded"        stopped (a negated "is being")
//   "Live Transcription is available"           offer: no finding at all
#pragma once
#include <string_view>

#include "lexicon.h"

namespace consentlens {

enum class State { active, possible, stopped, offer };

// The contract's name for a state ("active", "possible", "stopped"); offer has none.
std::string_view state_name(State s);

// `sentence` is the normalised sentence (or line) that reports the activity.
State read_state(const Lexicon& lexicon, std::string_view sentence);

// Whether `sentence` is a question before stopping something ("Are you sure you want to stop
// the recording?"): whatever another sentence of the notice says will happen afterwards, the
// activity is still on.
bool asks_before_stopping(const Lexicon& lexicon, std::string_view sentence);

}  // namespace consentlens
