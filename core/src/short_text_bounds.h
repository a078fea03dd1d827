// Bounded repetitions that a short text cannot reach, written unbounded.
//
// A rule keeps a match inside a sentence or a clause with a bounded run of one character
// ("[^.!?。\n]{0,120}", ".{0,60}"). RE2 compiles such a run as N copies of the character's
// instructions, so one bound of 120 costs thousands of instructions and most of a first notice's
// compile time. A text of L characters cannot hold a run longer than L: on it, "x{m,N}" with
// N >= L matches exactly what "x{m,}" matches, with the same spans, and the unbounded form
// compiles to a loop of one copy. The matcher compiles that form for texts short enough
// (matcher.cc, Matcher::reduced), keyed apart from the form as written.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace consentlens {

// The upper bounds N of the repetitions {m,N} of a single character (a bracket class, ".", an
// escape such as \s or \pL, or one literal character) in `pattern`, a rule pattern with or
// without {class} placeholders, each once, ascending; only those of at least `min_bound`.
std::vector<std::size_t> single_char_bounds(std::string_view pattern, std::size_t min_bound);

// `pattern` with each of those repetitions whose N is at least `from` written without its
// upper bound ("*", "+" or "{m,}").
std::string unbounded_from(std::string_view pattern, std::size_t from);

}  // namespace consentlens
