// The Unicode facts normalisation needs, and nothing more: NFKC, canonical combining
// classes, and whether a code point is a space separator (Zs) or a format/control
// character (Cf, Cc). The tables are generated at build time from Debian's unicode-data
// (scripts/unicode-tables.py); keeping them this small is what lets the wasm engine meet
// its size budget (docs/benchmarks.md). tests/unit/test_unicode.cc checks them against
// utf8proc for every code point and against the UCD's NormalizationTest.txt.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace consentlens {

// Canonical combining class (0 for starters and unassigned code points).
int combining_class(char32_t c);

bool is_space_separator(char32_t c);    // general category Zs
bool is_format_or_control(char32_t c);  // general category Cf or Cc

// Simple case folding (CaseFolding.txt C and S): the one member of the code point's case
// orbit that RE2's case-insensitive matching treats as the same letter ('K' and 'k' and the
// Kelvin sign fold to 'k'; 'Σ' and 'ς' to 'σ').
char32_t fold_case(char32_t c);
// `text` (valid UTF-8) with every code point folded.
std::string fold_case(std::string_view text);
// The same into `out` (cleared first), whose storage a caller folding many texts can keep.
void fold_case_into(std::string_view text, std::string& out);

// Appends the NFKC form of `run` to `out`. Callers pass a starter and the combining marks
// that follow it (normalize.cc); any sequence is accepted.
void append_nfkc(std::u32string_view run, std::u32string& out);

namespace unicode_tables {  // generated: build/generated/unicode_tables.cc

struct CodePointRange {
  char32_t first, last;
};
struct CombiningRun {
  char32_t first, last;
  std::uint8_t combining_class;
};
struct Composition {
  char32_t first, second, composed;
};
struct CaseFoldRun {
  char32_t first, last;
  std::int32_t delta;   // folded = code point + delta
  std::uint8_t stride;  // 1: every code point of the run; 2: every other one, from `first`
};

extern const CodePointRange kSpaceSeparators[];
extern const std::size_t kSpaceSeparatorCount;
extern const CodePointRange kFormatOrControl[];
extern const std::size_t kFormatOrControlCount;
extern const CombiningRun kCombiningRuns[];
extern const std::size_t kCombiningRunCount;
extern const char32_t kDecomposed[];  // sorted; Hangul syllables are not listed (algorithmic)
extern const std::size_t kDecomposedCount;
extern const std::uint16_t kDecompositionStart[];  // kDecomposedCount + 1 offsets
extern const char16_t kDecompositionPool[];  // UTF-16
extern const CaseFoldRun kCaseFoldRuns[];  // sorted by first
extern const std::size_t kCaseFoldRunCount;
extern const Composition kCompositions[];  // sorted by (first, second)
extern const std::size_t kCompositionCount;

}  // namespace unicode_tables
}  // namespace consentlens
