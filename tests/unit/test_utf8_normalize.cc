#include <catch2/catch.hpp>

#include "normalize.h"
#include "utf8.h"

using namespace consentlens;

TEST_CASE("repair_utf8 keeps valid text and replaces each invalid sequence", "[utf8]") {
  CHECK(repair_utf8("plain ascii").invalid == 0);
  CHECK(repair_utf8("réunion — 会议").text == "réunion — 会议");

  const auto r = repair_utf8(std::string("ab\xFF" "cd\xC3", 6));
  CHECK(r.invalid == 2);
  CHECK(r.first_invalid == 2);
  CHECK(r.text == "ab\xEF\xBF\xBD" "cd\xEF\xBF\xBD");
}

TEST_CASE("repair_utf8 rejects overlong forms, surrogates and truncated sequences", "[utf8]") {
  CHECK(repair_utf8("\xC0\xAF").invalid == 2);            // overlong '/'
  CHECK(repair_utf8("\xED\xA0\x80").invalid == 3);        // UTF-16 surrogate
  CHECK(repair_utf8("\xF4\x90\x80\x80").invalid == 4);    // above U+10FFFF
  CHECK(repair_utf8("\xE2\x82").invalid == 2);            // cut short
  CHECK(repair_utf8("ok \xE2\x82\xAC").invalid == 0);     // the euro sign is fine
}

TEST_CASE("looks_binary spots NUL bytes and control-heavy data", "[utf8]") {
  CHECK(looks_binary(std::string("PK\x03\x04\0\0", 6)));
  CHECK_FALSE(looks_binary("This meeting is being recorded.\n"));
  CHECK(looks_binary(std::string(100, '\x01')));
}

TEST_CASE("normalize folds compatibility forms, quotes, dashes and spaces", "[normalize]") {
  CHECK(normalize("Ｒｅｃｏｒｄｉｎｇ").text == "Recording");           // full-width letters
  CHECK(normalize("ﬁle").text == "file");                              // ligature
  CHECK(normalize("you\u2019re \u201Cin\u201D").text == "you're \"in\"");
  CHECK(normalize("Zoom \u2014 AI").text == "Zoom - AI");
  CHECK(normalize("being\u00A0\u00A0recorded").text == "being recorded");  // NBSP
  CHECK(normalize("re\u200Bcor\u00ADded").text == "recorded");            // zero-width space, soft hyphen
  CHECK(normalize("  a \t b  ").text == "a b");
  CHECK(normalize("e\u0301").text == "\u00E9");                          // composed
}

TEST_CASE("normalize drops optional Arabic and Hebrew vocalisation marks", "[normalize]") {
  // Jitsi Meet's Arabic strings write "stop the recording" with and without a kasra.
  CHECK(normalize("أوقِف التسجيل").text ==
        normalize("أوقف التسجيل").text);
  CHECK(normalize("هــذا").text == "هذا");  // tatweel
  CHECK(normalize("הַקְלָטָה").text == "הקלטה");  // niqqud
  // Marks that spell vowels in other scripts stay: Devanagari's vowel signs are letters' parts.
  CHECK(normalize("रिकॉर्ड").text == "रिकॉर्ड");
}

TEST_CASE("normalize keeps line and paragraph breaks, collapsed", "[normalize]") {
  CHECK(normalize("one\r\ntwo").text == "one\ntwo");
  CHECK(normalize("one\n \n\n\ntwo").text == "one\n\ntwo");
  CHECK(normalize("one\u2028two").text == "one\ntwo");
}

TEST_CASE("normalized offsets map back to the input", "[normalize]") {
  const std::string input = "A\u00A0\u00A0ﬁ \u201Cx\u201D";
  const auto n = normalize(input);
  REQUIRE(n.text == "A fi \"x\"");
  REQUIRE(n.origin.size() == n.text.size() + 1);
  CHECK(n.to_original(0) == 0);
  CHECK(n.to_original(2) == input.find("ﬁ"));                 // 'f' comes from the ligature
  CHECK(n.to_original(3) == input.find("ﬁ"));                 // so does 'i'
  CHECK(n.to_original(6) == input.find("x"));
  CHECK(n.to_original(n.text.size()) == input.size());
}

TEST_CASE("plain ASCII runs come out as the character-by-character rules make them", "[normalize]") {
  // Runs of printable ASCII (and single spaces inside them) are copied whole; these are the
  // edges of such a run: doubled spaces, tabs, a backquote, a combining mark on the run's last
  // letter, a line break, leading and trailing blanks.
  const std::string input = "  ab  cd\te `q` xc\u0301y\nz ";
  const auto n = normalize(input);
  CHECK(n.text == "ab cd e 'q' x\u0107y\nz");
  REQUIRE(n.origin.size() == n.text.size() + 1);
  const std::vector<std::uint32_t> expected = {2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 16, 19, 20, 21};
  CHECK(std::vector<std::uint32_t>(n.origin.begin(), n.origin.end() - 1) == expected);
  CHECK(n.origin.back() == input.size());
}

TEST_CASE("normalize on an empty or all-space input is empty", "[normalize]") {
  CHECK(normalize("").text.empty());
  CHECK(normalize(" \n\t\u200B ").text.empty());
}
