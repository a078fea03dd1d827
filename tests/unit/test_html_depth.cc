#include <catch2/catch.hpp>

#include "html_depth.h"
#include "html_text.h"

using consentlens::limit_nesting;
using consentlens::read_html;

TEST_CASE("limit_nesting leaves a page within the limit byte for byte", "[html]") {
  const std::string page = "<!doctype html><html><body><div><p>Recording <b>started</b></p><br><img alt=\"REC\"></div>"
                           "<!-- <div><div><div> --><script>if (a<b) x = '</div>';</script></body></html>";
  const auto s = limit_nesting(page, 5);  // html body div p b
  CHECK(s.dropped_tags == 0);
  CHECK(s.html == page);
  CHECK(s.deepest == 5);
  CHECK(limit_nesting(page, 4).dropped_tags == 2);  // <b> and </b>
}

TEST_CASE("limit_nesting drops only the tags past the limit and keeps every word", "[html]") {
  std::string page;
  for (int i = 0; i < 10; ++i) page += "<div>";
  page += "<span aria-label=\"Recording\">deep words</span><script>hidden()</script><svg><text>icon</text></svg>";
  for (int i = 0; i < 10; ++i) page += "</div>";
  const auto s = limit_nesting(page, 3);
  CHECK(s.deepest == 11);
  CHECK(s.dropped_tags > 0);
  CHECK(s.html.find("deep words") != std::string::npos);
  CHECK(s.html.find("hidden()") != std::string::npos);  // still inside its script element
  CHECK(s.html.find("<script>") != std::string::npos);
  CHECK(s.html.find("icon") == std::string::npos);  // an svg past the limit goes whole, never shown as text
  const auto text = read_html(page);
  CHECK(text.text.find("deep words") != std::string::npos);
  CHECK(text.text.find("Recording") != std::string::npos);
  CHECK(text.text.find("hidden") == std::string::npos);
}

TEST_CASE("limit_nesting keeps two dropped blocks apart and survives broken markup", "[html]") {
  std::string page = "<div><div><div><p>first</p><p>second</p></div></div></div>";
  const auto s = limit_nesting(page, 2);
  CHECK(s.html.find("firstsecond") == std::string::npos);
  const std::string text = read_html(s.html).text;
  CHECK(text.find("first") != std::string::npos);
  CHECK(text.find("first second") == std::string::npos);
  CHECK(text.find("second") != std::string::npos);
  for (const std::string broken : {"<div", "<div title=\"a>b", "</", "<<>>", "<p>a</q></r></s>", "<!--", "<script>x"}) {
    const auto b = limit_nesting(broken, 1);
    CHECK(b.html.size() <= broken.size() + 8);
  }
}

TEST_CASE("the checker reads the attributes and skips the elements sites.json lists", "[html]") {
  const auto page = read_html(
      "<div><span aria-description=\"This meeting is being recorded\"></span>"
      "<i data-tooltip-content=\"Live transcription is on\"></i>"
      "<textarea>Recording draft text</textarea><video>Your browser cannot play this</video></div>");
  CHECK(page.text.find("This meeting is being recorded") != std::string::npos);
  CHECK(page.text.find("Live transcription is on") != std::string::npos);
  CHECK(page.text.find("Recording draft text") == std::string::npos);
  CHECK(page.text.find("cannot play") == std::string::npos);
}

TEST_CASE("the checker reads a page as the content script does: hidden, attributes, shadow roots", "[html]") {
  // Hidden from everyone: not read (an icon that says nothing, a closed dialog).
  const auto hidden = read_html("<p>Shown</p><div hidden>This meeting is being recorded</div>"
                                "<span aria-hidden=\"true\">decorative</span><i aria-hidden=\"true\" aria-label=\"Recording\"></i>");
  CHECK(hidden.text.find("Shown") != std::string::npos);
  CHECK(hidden.text.find("being recorded") == std::string::npos);
  CHECK(hidden.text.find("decorative") == std::string::npos);
  CHECK(hidden.text.find("Recording") != std::string::npos);  // aria-hidden with a label still speaks
  // An attribute's words come after the line they sit in, which stays whole.
  const auto row = read_html("<div role=\"listitem\"><span>Attendee 3</span><span title=\"Attendee 3, guest\"> (Guest)</span></div>");
  CHECK(row.text.rfind("Attendee 3 ", 0) == 0);
  CHECK(row.text.find("(Guest)") < row.text.find("Attendee 3, guest"));
  // A shadow root saved as declarative shadow DOM is content; a plain template is not.
  const auto shadow = read_html("<div><template shadowrootmode=\"open\"><p>Sam's Fathom Notetaker</p></template></div>"
                                "<template><p>inert copy</p></template>");
  CHECK(shadow.text.find("Fathom Notetaker") != std::string::npos);
  CHECK(shadow.text.find("inert copy") == std::string::npos);
}
