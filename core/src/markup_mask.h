// Markup in a document is not its words, and its line breaks are breaks. Web addresses first: Terms and privacy pages saved as Markdown
// carry every link's target ("[Privacy Settings](https://claude.ai/redirect/...settings/...)"),
// which a reader never sees, and print bare addresses ("https://app.read.ai/analytics/opt-out/01");
// read as words, "claude.ai/" is an AI model, ".../settings/" a setting and a dot in an address
// ends a sentence.
#pragma once
#include <string>
#include <string_view>

#include "lexicon.h"

namespace consentlens {

// Blanks (with spaces, byte for byte, so offsets stay offsets into the text as written) the
// target of each Markdown link "[words](target)", and the scheme and path of each bare address
// ("https://", "http://"): its host stays, as a name the reader sees ("app.read.ai"). The words
// of a link stay. Returns whether anything was blanked.
bool mask_links(std::string& text);

// Turns the breaks a reader sees but the text does not spell as new lines into new lines, byte
// for byte: HTML or JSX inside Markdown or a page's source ("Inputs and Outputs<br> Technical
// Information", "<li>...</li>", '<td className="border">...</td>': a block tag ends a paragraph),
// and the cell borders of a Markdown table row ("| To improve the Services ... | Feedback |
// Consent |"). Each cell, list item and broken line is then read on its own, not one sentence run
// across a table or a list. Other tags ("<strong>", "<a href=...>") and character references
// ("&quot;") are blanked: markup is not the text's words. Returns whether anything changed.
bool break_markup_lines(std::string& text);

// Turns the separators of a status bar ("Grabando audio · transcripción en vivo pausada",
// "Recording | Transcription paused": a middle dot, a bullet or a bar with a space on each side)
// into new lines, byte for byte, each opening a part of its own (kStatusPart): each part says the
// state of its own activity, and a pause in one part does not stop the other; the scan reads each
// part as a unit. Only where two parts or more name an activity (buttons after a question stay
// with it). For notices. Returns whether anything changed.
bool break_status_separators(const Lexicon& lexicon, std::string& text);

// Whether `text` has a separator break_status_separators would look at (a cheap test first).
bool has_status_separator(std::string_view text);

// Opens each part of a status bar after the new line that ends the part before it. The
// normaliser removes control characters, so no page can write it.
inline constexpr char kStatusPart = '\x1f';

// Turns the line breaks of a paragraph wrapped apart (a terms document saved as text wrapped at
// 80 columns, a PDF's extraction: "Zoom does not use any of your audio, video, chat, screen
// sharing,\nattachments or other ... Customer Content ... to train ...") into spaces, byte for
// byte, so that its sentence is read whole (line_goes_on, passages.h). Run before
// break_markup_lines: a table's cells are never joined. With `notice` (its lexicon), a notice's or
// a pasted clause's lines (each usually a part of its own: a title, a status, a button) are joined
// only where a sentence plainly runs on into a line in small letters that names no activity
// (passages.h, notice_line_goes_on).
// Returns whether anything
// changed.
bool join_wrapped_lines(std::string& text, const Lexicon* notice = nullptr);

}  // namespace consentlens
