// The literal strings a regular expression cannot match without: its atoms, for a literal
// prefilter. "record(?:s|ed|ing)?{end}" needs "record"; "(?:is|are) being{end}" needs "is
// being" or "are being"; "(?:录制|錄製)" needs one of the two; "{letter}{tail}m[ae]z{end}" needs
// "maz" or "mez" (exact parts and small bracket sets join their neighbours, up to 8 joined
// strings). A text holding none of an expression's atoms cannot match it, so the expression
// need not be compiled or run there (word_finder.h).
//
// Reads the subset of RE2 syntax the packs use: literals and escaped punctuation, groups
// (?:...) with alternation, the quantifiers ? * + {m,n}, bracket classes, escapes such as \b,
// \s, \pL, \x{...}, anchors, and the vocabulary shorthands {tail}, {letter}, {nonletter},
// {end} and class references {name}, which need nothing. Anything it does not follow needs
// nothing: the answer is always a necessary condition, never a sufficient one.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace consentlens {

struct Atoms {
  // The expression can match only where one of `any_of` occurs (case-folded with
  // fold_case); empty with `always` true: no literal is required (it must always be run).
  std::vector<std::string> any_of;
  bool always = true;
};

// `min_bytes`: an atom shorter than this is no use as a filter ("a", "e").
Atoms required_atoms(std::string_view expression, std::size_t min_bytes = 2);

}  // namespace consentlens
