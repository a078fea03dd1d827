// Text of an HTML page as a person would read it, parsed with gumbo (an HTML5 parser), not
// stripped with patterns. Block elements become paragraph breaks; the elements that
// core/contract/sites.json's "text.skip_tags" lists (script, style, inputs, media...) are
// dropped, and the words of the attributes its "text.attributes" lists (aria-label, title, alt,
// tooltips: meeting clients often show recording state as an icon) are kept as their own lines:
// the same lists the extension's content script reads.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace consentlens {

std::string html_to_text(std::string_view html);

// The text, and what the page looks like: "notice" when it holds a meeting client's dialogs,
// alerts, status or live regions, "document" when it is prose (several long paragraphs, an
// article) without them, "" when neither shows (the engine then judges by the text's shape).
// warnings: parts of the page read differently or not at all, each saying which and why.
struct HtmlText {
  std::string text;
  std::string as_hint;
  std::vector<std::string> warnings;
};
HtmlText read_html(std::string_view html);

// True if the bytes look like an HTML document (doctype, <html>, or common tags up front).
bool looks_like_html(std::string_view text);

}  // namespace consentlens
