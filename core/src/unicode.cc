// NFKC as Unicode Standard Annex #15 defines it: full compatibility decomposition, canonical
// ordering of combining marks, then canonical composition of marks not blocked from their
// starter. Lookups are binary searches in the generated tables (unicode.h).
#include "unicode.h"

#include "utf8.h"

#include <algorithm>

namespace consentlens {
namespace {

namespace t = unicode_tables;

// Hangul syllables and jamo, composed and decomposed arithmetically (UAX #15, section 3.12).
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = 19, kVCount = 21, kTCount = 28;
constexpr char32_t kNCount = kVCount * kTCount, kSCount = kLCount * kNCount;

bool in_ranges(const t::CodePointRange* ranges, std::size_t count, char32_t c) {
  const auto* end = ranges + count;
  const auto* it = std::upper_bound(ranges, end, c, [](char32_t v, const t::CodePointRange& r) { return v < r.first; });
  return it != ranges && c <= (it - 1)->last;
}

void append_decomposition(char32_t c, std::u32string& out) {
  if (c < 0xA0) {  // nothing below U+00A0 decomposes
    out.push_back(c);
    return;
  }
  if (c >= kSBase && c < kSBase + kSCount) {
    const char32_t s = c - kSBase;
    out.push_back(kLBase + s / kNCount);
    out.push_back(kVBase + (s % kNCount) / kTCount);
    if (s % kTCount != 0) out.push_back(kTBase + s % kTCount);
    return;
  }
  const auto* end = t::kDecomposed + t::kDecomposedCount;
  const auto* it = std::lower_bound(t::kDecomposed, end, c);
  if (it == end || *it != c) {
    out.push_back(c);
    return;
  }
  const auto i = static_cast<std::size_t>(it - t::kDecomposed);
  const char16_t* unit = t::kDecompositionPool + t::kDecompositionStart[i];
  const char16_t* const end_unit = t::kDecompositionPool + t::kDecompositionStart[i + 1];
  while (unit != end_unit) {
    const char32_t u = *unit++;
    if (u >= 0xD800 && u <= 0xDBFF && unit != end_unit)  // a surrogate pair: a code point beyond the BMP
      out.push_back(0x10000 + ((u - 0xD800) << 10) + (*unit++ - 0xDC00));
    else
      out.push_back(u);
  }
}

// The primary composite of a starter and the next character, or 0 when they do not compose.
char32_t compose(char32_t first, char32_t second) {
  if (first >= kLBase && first < kLBase + kLCount && second >= kVBase && second < kVBase + kVCount)
    return kSBase + ((first - kLBase) * kVCount + (second - kVBase)) * kTCount;
  if (first >= kSBase && first < kSBase + kSCount && (first - kSBase) % kTCount == 0 && second > kTBase &&
      second < kTBase + kTCount)
    return first + (second - kTBase);
  const auto* end = t::kCompositions + t::kCompositionCount;
  const auto* it = std::lower_bound(t::kCompositions, end, std::pair{first, second}, [](const t::Composition& p, const std::pair<char32_t, char32_t>& key) {
    return p.first != key.first ? p.first < key.first : p.second < key.second;
  });
  return it != end && it->first == first && it->second == second ? it->composed : 0;
}

// Sorts each run of non-starters by combining class, keeping equal classes in order.
void reorder_marks(char32_t* begin, char32_t* end) {
  while (begin != end) {
    while (begin != end && combining_class(*begin) == 0) ++begin;
    char32_t* marks_end = begin;
    while (marks_end != end && combining_class(*marks_end) != 0) ++marks_end;
    if (marks_end - begin > 1)
      std::stable_sort(begin, marks_end, [](char32_t a, char32_t b) { return combining_class(a) < combining_class(b); });
    begin = marks_end;
  }
}

}  // namespace

int combining_class(char32_t c) {
  if (c < 0x300) return 0;  // the first combining mark is U+0300
  const auto* end = t::kCombiningRuns + t::kCombiningRunCount;
  const auto* it = std::upper_bound(t::kCombiningRuns, end, c, [](char32_t v, const t::CombiningRun& r) { return v < r.first; });
  return it != t::kCombiningRuns && c <= (it - 1)->last ? (it - 1)->combining_class : 0;
}

bool is_space_separator(char32_t c) { return in_ranges(t::kSpaceSeparators, t::kSpaceSeparatorCount, c); }

char32_t fold_case(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
  const auto* end = t::kCaseFoldRuns + t::kCaseFoldRunCount;
  const auto* run = std::upper_bound(t::kCaseFoldRuns, end, c, [](char32_t x, const t::CaseFoldRun& r) { return x < r.first; });
  if (run == t::kCaseFoldRuns) return c;
  --run;
  if (c > run->last || (c - run->first) % run->stride != 0) return c;
  return static_cast<char32_t>(static_cast<std::int32_t>(c) + run->delta);
}

std::string fold_case(std::string_view text) {
  std::string out;
  fold_case_into(text, out);
  return out;
}

void fold_case_into(std::string_view text, std::string& out) {
  out.clear();
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      out += static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      ++i;
      continue;
    }
    append_utf8(out, fold_case(next_code_point(text, i)));
  }
}

bool is_format_or_control(char32_t c) { return in_ranges(t::kFormatOrControl, t::kFormatOrControlCount, c); }

void append_nfkc(std::u32string_view run, std::u32string& out) {
  const std::size_t start = out.size();
  for (const char32_t c : run) append_decomposition(c, out);
  if (out.size() == start) return;
  reorder_marks(out.data() + start, out.data() + out.size());

  // Canonical composition: a character joins the last starter unless a character between
  // them has class 0 or a class not lower than its own ("blocked").
  std::size_t starter = start;
  std::size_t kept = start + 1;
  int last_class = combining_class(out[start]) == 0 ? 0 : 256;  // 256: no starter yet
  for (std::size_t i = start + 1; i < out.size(); ++i) {
    const char32_t c = out[i];
    const int cls = combining_class(c);
    if (last_class < cls || last_class == 0) {
      if (const char32_t composed = compose(out[starter], c)) {
        out[starter] = composed;
        continue;
      }
    }
    if (cls == 0) starter = kept;
    last_class = cls;
    out[kept++] = c;
  }
  out.resize(kept);
}

}  // namespace consentlens
