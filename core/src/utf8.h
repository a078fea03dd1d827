// UTF-8 validation and repair. Invalid sequences become U+FFFD so that nothing after them
// is lost and offsets stay meaningful; the caller reports how many were repaired.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace consentlens {

struct Utf8Repair {
  std::string text;                // valid UTF-8
  std::size_t invalid = 0;         // how many invalid sequences were replaced
  std::size_t first_invalid = 0;   // byte offset of the first one in the input
};

Utf8Repair repair_utf8(std::string_view input);

// True for input that is not text: NUL bytes, or mostly control bytes in the first 8 KiB.
bool looks_binary(std::string_view input);

// How many characters (UTF-8 sequences) `text` holds: what a regular expression counts.
std::size_t code_points(std::string_view text);

// Decodes one code point at `pos` of valid UTF-8 and advances `pos`.
char32_t next_code_point(std::string_view valid, std::size_t& pos);
void append_utf8(std::string& out, char32_t cp);

}  // namespace consentlens
