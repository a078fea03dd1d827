// Keeps an HTML page's nesting within what the HTML parser handles in linear time.
//
// gumbo's tree builder looks through the stack of open elements for most start and end tags, so
// a page nested N elements deep costs on the order of N² steps: 200,000 levels took minutes, and
// the walk that followed gave up on the deepest part (a notice inside it was lost without a word).
// Real meeting pages stay below a hundred levels. Past max_depth this pass drops the element
// tags themselves and keeps everything between them: text, void tags (their aria-label, alt and
// title still count), comments, and raw-text elements (script, style) whole, so their contents
// stay hidden. A dropped block tag becomes a line break so words of two blocks do not run together.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace consentlens {

struct ShallowHtml {
  std::string html;             // the page, or a copy with the tags past max_depth dropped
  std::size_t deepest = 0;      // the deepest nesting the page asked for
  std::size_t dropped_tags = 0; // start and end tags dropped; 0 when the page was left alone
};

// Linear in the size of html. A page within max_depth comes back byte for byte.
ShallowHtml limit_nesting(std::string_view html, std::size_t max_depth);

}  // namespace consentlens
