#include "normalize.h"

#include "unicode.h"
#include "utf8.h"

namespace consentlens {
namespace {

enum class Space { none, blank, line, paragraph };

// Optional vocalisation marks of Arabic-script and Hebrew text (harakat, Quranic marks,
// tatweel, niqqud, cantillation). Interfaces write them or leave them out at will
// ("أوقِف التسجيل" beside "أوقف التسجيل"), so they are dropped rather than spelled out in
// every vocabulary entry.
bool is_optional_vocalisation(char32_t c) {
  return (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 ||
         (c >= 0x06D6 && c <= 0x06ED) || (c >= 0x0591 && c <= 0x05BD) || c == 0x05BF || c == 0x05C1 ||
         c == 0x05C2 || c == 0x05C4 || c == 0x05C5 || c == 0x05C7;
}

bool is_line_break(char32_t c) {
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029;
}

// What a single NFKC-normalised code point becomes for matching.
// Returns 0 to drop it, or a space marker via `space`.
char32_t plain(char32_t c, Space& space) {
  space = Space::none;
  if (is_line_break(c)) { space = c == 0x2029 ? Space::paragraph : Space::line; return 0; }
  if (c == '\t' || c == ' ') { space = Space::blank; return 0; }
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2035:
    case 0x02BC: case 0x02B9: case 0x0060: case 0x00B4:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x2036:
    case 0x301D: case 0x301E:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      return '-';
    default: break;
  }
  if (is_space_separator(c)) { space = Space::blank; return 0; }
  // Format characters (zero-width space and joiners, soft hyphen, BOM, bidi marks) and
  // other control characters carry no letters; dropping them lets "re\u200Bcorded" match.
  if (is_format_or_control(c)) return 0;
  if (is_optional_vocalisation(c)) return 0;
  return c;
}

class Builder {
 public:
  explicit Builder(NormalizedText& out) : out_(out) {}

  void space(Space s, std::uint32_t at) {
    if (s > pending_) pending_ = s;
    if (pending_at_ == kNone) pending_at_ = at;
  }

  // Printable ASCII other than the backquote (its own plain form), and single spaces between
  // such characters, copied as they are.
  void put_ascii_run(std::string_view run, std::uint32_t at) {
    put(static_cast<unsigned char>(run[0]), at);  // the pending space, if any, goes first
    out_.text.append(run.substr(1));
    const std::size_t old = out_.origin.size();
    out_.origin.resize(old + run.size() - 1);
    for (std::uint32_t k = 1; k < run.size(); ++k) out_.origin[old + k - 1] = at + k;
  }

  void put(char32_t c, std::uint32_t at) {
    if (pending_ != Space::none && !out_.text.empty()) {
      const char* sep = pending_ == Space::blank ? " " : pending_ == Space::line ? "\n" : "\n\n";
      for (const char* p = sep; *p; ++p) {
        out_.text.push_back(*p);
        out_.origin.push_back(pending_at_);
      }
    }
    pending_ = Space::none;
    pending_at_ = kNone;
    if (c < 0x80) {  // most text: one byte, no encoding
      out_.text.push_back(static_cast<char>(c));
      out_.origin.push_back(at);
      return;
    }
    const std::size_t before = out_.text.size();
    append_utf8(out_.text, c);
    out_.origin.insert(out_.origin.end(), out_.text.size() - before, at);
  }

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;
  NormalizedText& out_;
  Space pending_ = Space::none;
  std::uint32_t pending_at_ = kNone;
};

// Two line breaks (possibly with blanks between) make a paragraph break.
struct LineCounter {
  int lines = 0;
  Space fold(Space s) {
    if (s == Space::line && ++lines >= 2) return Space::paragraph;
    return s;
  }
};

}  // namespace

NormalizedText normalize(std::string_view input) {
  NormalizedText out;
  out.text.reserve(input.size());
  out.origin.reserve(input.size() + 1);
  Builder b(out);
  LineCounter lines;
  std::u32string run, normalized;

  auto emit = [&](char32_t c, std::uint32_t at) {
    // Printable ASCII other than the backquote is its own plain form: no table to consult.
    if (c > ' ' && c < 0x7F && c != '`') {
      lines.lines = 0;
      b.put(c, at);
      return;
    }
    Space s;
    const char32_t p = plain(c, s);
    if (s != Space::none) {
      if (s == Space::blank) b.space(s, at);
      else b.space(lines.fold(s), at);
      return;
    }
    if (p == 0) return;
    lines.lines = 0;
    b.put(p, at);
  };

  std::size_t i = 0;
  while (i < input.size()) {
    const auto at = static_cast<std::uint32_t>(i);
    const unsigned char c0 = static_cast<unsigned char>(input[i]);
    // Most text: a run of printable ASCII, each byte not followed by a combining mark.
    const auto printable = [](unsigned char c) { return c > ' ' && c < 0x7F && c != '`'; };
    if (printable(c0)) {
      const auto at_byte = [&](std::size_t k) { return k < input.size() ? static_cast<unsigned char>(input[k]) : 0; };
      const auto plain_at = [&](std::size_t k) { return printable(at_byte(k)) && at_byte(k + 1) < 0x80; };
      std::size_t j = i;
      // A single space between two such characters is already what the builder would make of it.
      while (plain_at(j) || (j > i && at_byte(j) == ' ' && plain_at(j + 1))) ++j;
      if (j > i) {
        lines.lines = 0;
        b.put_ascii_run(input.substr(i, j - i), at);
        i = j;
        continue;
      }
    }
    // ASCII not followed by a combining mark (which is never ASCII) is already NFKC.
    if (c0 < 0x80 && (i + 1 >= input.size() || static_cast<unsigned char>(input[i + 1]) < 0x80)) {
      if (c0 == '\r' && i + 1 < input.size() && input[i + 1] == '\n') ++i;  // CRLF is one break
      emit(c0, at);
      ++i;
      continue;
    }
    // A run is one starter and the combining marks after it: NFKC composes within runs.
    run.clear();
    std::size_t end = i;
    run.push_back(next_code_point(input, end));
    while (end < input.size()) {
      std::size_t probe = end;
      const char32_t next = next_code_point(input, probe);
      if (combining_class(next) == 0) break;
      run.push_back(next);
      end = probe;
    }
    normalized.clear();
    append_nfkc(run, normalized);
    for (const char32_t c : normalized) emit(c, at);
    i = end;
  }
  out.origin.push_back(static_cast<std::uint32_t>(input.size()));
  return out;
}

}  // namespace consentlens
