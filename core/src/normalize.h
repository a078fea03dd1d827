// Text normalisation for matching. Real pages carry compatibility forms (full-width letters,
// ligatures), curly quotes, non-breaking and zero-width spaces, soft hyphens and odd dashes;
// rules are written once against a plain form:
//   NFKC; ' and " for every curly or prime quote; '-' for every dash; no format characters
//   (zero-width space/joiners, soft hyphen, BOM); horizontal white space collapsed to one
//   space; a line break kept as "\n" and a blank line as "\n\n"; trimmed at both ends.
// Case is not folded here: RE2 matches case-insensitively with Unicode case folding.
// Every output byte records the input offset it came from, so evidence maps back.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace consentlens {

struct NormalizedText {
  std::string text;
  // origin[i] is the byte offset in the input of the character that produced text[i];
  // origin[text.size()] is the input's size.
  std::vector<std::uint32_t> origin;

  std::size_t to_original(std::size_t normalized_offset) const {
    return origin[normalized_offset < origin.size() ? normalized_offset : origin.size() - 1];
  }
};

// `input` must be valid UTF-8 (see repair_utf8). Cost: one pass, O(n).
NormalizedText normalize(std::string_view input);

}  // namespace consentlens
