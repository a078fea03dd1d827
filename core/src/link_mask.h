// Web addresses in a document are not its words. Terms and privacy pages saved as Markdown
// carry every link's target ("[Privacy Settings](https://claude.ai/redirect/...settings/...)"),
// which a reader never sees, and print bare addresses ("https://app.read.ai/analytics/opt-out/01");
// read as words, "claude.ai/" is an AI model, ".../settings/" a setting and a dot in an address
// ends a sentence.
#pragma once
#include <string>

namespace consentlens {

// Blanks (with spaces, byte for byte, so offsets stay offsets into the text as written) the
// target of each Markdown link "[words](target)", and the scheme and path of each bare address
// ("https://", "http://"): its host stays, as a name the reader sees ("app.read.ai"). The words
// of a link stay. Returns whether anything was blanked.
bool mask_links(std::string& text);

}  // namespace consentlens
