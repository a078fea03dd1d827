// What a text is, when the caller does not say (`as`): a notice shown in a meeting client, the
// label of a control (button, menu item, switch, tab), or a document (terms, privacy
// statement, help or blog page). The content script knows which element words came from and
// says so; the checker's HTML reader knows too; plain text is judged here by its shape, in
// every language:
//
// - document: long (several paragraphs), or written in the legal register (`doc_words`:
//   "hereby", "personal data", "these Services", "we collect ...");
// - control: one short line without a sentence in it (no full stop inside, a few words or a
//   few CJK characters) that reports no state and asks no consent: "Start recording",
//   "Aufnahme beenden", "录制设置", "Call recordings";
// - notice: everything else ("Recording started", "This meeting is being recorded.").
#pragma once
#include <string_view>

#include "lexicon.h"

namespace consentlens {

enum class As { notice, control, document };

std::string_view as_name(As a);
// Parses "notice", "control" or "document"; false for anything else.
bool parse_as(std::string_view name, As& out);

// `text` is normalised (normalize.h).
As judge_shape(const Lexicon& lexicon, std::string_view text);

}  // namespace consentlens
