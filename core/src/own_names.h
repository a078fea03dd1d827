// The AI company a document is written by. In Anthropic's privacy policy "Anthropic" and
// "Claude" are the writer and its product, not "AI from other companies"; in OpenAI's,
// "OpenAI" and "ChatGPT" are. The vocabulary's {ai_provider} names stand for third parties in
// every other text (Zoom's terms naming OpenAI), so a document's own names are told apart by
// how the document uses them: the writer's name is on its first page and all through it.
// The limit of that reading: a help page about another company's model, named in its title
// and all through it ("Using Claude with ..."), is read as if that company wrote it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "lexicon.h"

namespace consentlens {

// A name counts as the document's own from this many mentions...
inline constexpr std::size_t kOwnNameMinMentions = 5;
// ...the first of them this near the top (the title, the opening paragraph).
inline constexpr std::size_t kOwnNameOpening = 3000;

// The {ai_provider} names (lower case) that are the document's own. `text` is normalised.
std::vector<std::string> own_provider_names(const Lexicon& lexicon, std::string_view text);

// Replaces every mention of an own name in `text` by "we" and spaces, byte for byte as long (so
// offsets stay offsets into the text as written): the readers then take the writer for the
// writer. Returns whether the document has an own name.
bool mask_own_names(const Lexicon& lexicon, std::string& text);

}  // namespace consentlens
