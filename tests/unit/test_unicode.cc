// The core's own NFKC tables (core/src/unicode.h) against two independent references:
// Debian's utf8proc (the library the core used before; linked by the tests only) for every
// code point, and the Unicode Character Database's conformance file NormalizationTest.txt.
#include <catch2/catch.hpp>
#include <utf8proc.h>

#include <cstdio>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "test_pack.h"
#include "unicode.h"

using namespace consentlens;

namespace {

std::u32string nfkc(std::u32string_view s) {
  std::u32string out;
  append_nfkc(s, out);
  return out;
}

// As the core called it before: utf8proc_decompose (which also puts marks in canonical order),
// then utf8proc_normalize_utf32 (composition).
std::u32string utf8proc_nfkc(const std::u32string& s) {
  std::string utf8;
  for (const char32_t c : s) {
    utf8proc_uint8_t bytes[4];
    utf8.append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), bytes)));
  }
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE);
  std::vector<utf8proc_int32_t> buf(s.size() * 18 + 4);  // no code point's NFKD is longer than 18
  utf8proc_ssize_t n = utf8proc_decompose(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()), static_cast<utf8proc_ssize_t>(utf8.size()),
                                          buf.data(), static_cast<utf8proc_ssize_t>(buf.size()), options);
  REQUIRE(n >= 0);
  REQUIRE(n <= static_cast<utf8proc_ssize_t>(buf.size()));
  n = utf8proc_normalize_utf32(buf.data(), n, options);
  REQUIRE(n >= 0);
  return std::u32string(buf.begin(), buf.begin() + n);
}

bool is_surrogate(char32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

std::u32string hex_sequence(const std::string& field) {
  std::u32string out;
  std::istringstream in(field);
  std::string hex;
  while (in >> hex) out.push_back(static_cast<char32_t>(std::stoul(hex, nullptr, 16)));
  return out;
}

std::string show(const std::u32string& s) {
  std::string out;
  char part[16];
  for (const char32_t c : s) {
    std::snprintf(part, sizeof part, "%s%04X", out.empty() ? "" : " ", static_cast<unsigned>(c));
    out += part;
  }
  return out;
}

}  // namespace

TEST_CASE("NFKC: known cases", "[unicode]") {
  CHECK(nfkc(U"\uFB01") == U"fi");                       // ligature
  CHECK(nfkc(U"\uFF32\uFF45\uFF43") == U"Rec");          // full-width letters
  CHECK(nfkc(U"e\u0301") == U"\u00E9");                  // composes
  CHECK(nfkc(U"\u00E9") == U"\u00E9");                   // stays composed
  CHECK(nfkc(U"a\u0301\u0323") == U"\u1EA1\u0301");      // marks reordered, then composed
  CHECK(nfkc(U"\u1100\u1161\u11A8") == U"\uAC01");       // Hangul jamo compose
  CHECK(nfkc(U"\uAC01") == U"\uAC01");                   // and a syllable stays one
  CHECK(nfkc(U"\u0958") == U"\u0915\u093C");             // composition exclusion stays apart
  CHECK(nfkc(U"\u2126") == U"\u03A9");                   // singleton
  CHECK(nfkc(U"\u3300") == U"\u30A2\u30D1\u30FC\u30C8");  // square katakana, composes to パ
  CHECK(nfkc(U"\u0301") == U"\u0301");                   // a mark with no starter is kept
  CHECK(combining_class(U'\u0301') == 230);
  CHECK(combining_class(U'a') == 0);
  CHECK(is_space_separator(U'\u00A0'));
  CHECK(is_space_separator(U'\u3000'));
  CHECK_FALSE(is_space_separator(U'\u200B'));
  CHECK(is_format_or_control(U'\u200B'));
  CHECK(is_format_or_control(U'\u00AD'));
  CHECK(is_format_or_control(U'\u0007'));
  CHECK_FALSE(is_format_or_control(U'x'));
}

TEST_CASE("NFKC, classes and categories agree with utf8proc on every code point", "[unicode]") {
  std::size_t differences = 0;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (is_surrogate(c)) continue;
    const auto* property = utf8proc_get_property(static_cast<utf8proc_int32_t>(c));
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    const bool same = nfkc(std::u32string(1, c)) == utf8proc_nfkc(std::u32string(1, c)) &&
                      combining_class(c) == property->combining_class &&
                      is_space_separator(c) == (category == UTF8PROC_CATEGORY_ZS) &&
                      is_format_or_control(c) == (category == UTF8PROC_CATEGORY_CF || category == UTF8PROC_CATEGORY_CC);
    if (!same && ++differences <= 10) FAIL_CHECK("differs from utf8proc at U+" << show(std::u32string(1, c)));
  }
  CHECK(differences == 0);
}

TEST_CASE("NFKC of a character followed by combining marks agrees with utf8proc", "[unicode]") {
  // Every code point as a base, with marks in and out of canonical order: exercises
  // decomposition, reordering, composition and blocking together.
  const std::u32string tails[] = {U"\u0301", U"\u0323\u0301", U"\u0301\u0323", U"\u0308\u0304", U"\u0327\u0306", U"\u3099", U"\u11A8"};
  std::size_t differences = 0;
  for (char32_t c = 0x20; c <= 0x10FFFF; ++c) {
    if (is_surrogate(c) || (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000) continue;  // private use
    if (!consentlens::testing::sampled(c)) continue;
    for (const auto& tail : tails) {
      const std::u32string s = std::u32string(1, c) + tail;
      if (nfkc(s) != utf8proc_nfkc(s) && ++differences <= 10) FAIL_CHECK("differs from utf8proc on " << show(s));
    }
  }
  CHECK(differences == 0);
}

TEST_CASE("NFKC passes the UCD's NormalizationTest.txt", "[unicode]") {
  // Debian's unicode-data ships it compressed; the test skips where it or bzcat is missing.
  const char* path = "/usr/share/unicode/NormalizationTest.txt.bz2";
  if (std::FILE* probe = std::fopen(path, "rb")) {
    std::fclose(probe);
  } else {
    WARN("skipped: " << path << " is not installed (Debian package unicode-data)");
    return;
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(::popen((std::string("bzcat ") + path + " 2>/dev/null").c_str(), "r"), ::pclose);
  REQUIRE(in);
  std::string line;
  std::size_t lines = 0, failures = 0;
  char chunk[4096];
  std::string pending;
  while (std::fgets(chunk, sizeof chunk, in.get())) {
    pending += chunk;
    if (pending.back() != '\n') continue;
    line.swap(pending);
    pending.clear();
    if (line.empty() || line[0] == '#' || line[0] == '@') continue;
    // c1;c2;c3;c4;c5; — NFKC(c1..c5) == c4 for all five columns.
    std::vector<std::u32string> columns;
    std::size_t from = 0;
    for (int k = 0; k < 5; ++k) {
      const std::size_t semi = line.find(';', from);
      if (semi == std::string::npos) break;
      columns.push_back(hex_sequence(line.substr(from, semi - from)));
      from = semi + 1;
    }
    if (columns.size() != 5) continue;
    ++lines;
    for (const auto& column : columns) {
      if (nfkc(column) != columns[3] && ++failures <= 10)
        FAIL_CHECK("NFKC(" << show(column) << ") = " << show(nfkc(column)) << ", expected " << show(columns[3]));
    }
  }
  if (lines == 0) {
    WARN("skipped: bzcat could not read " << path);
    return;
  }
  CHECK(lines > 18000);
  CHECK(failures == 0);
}
