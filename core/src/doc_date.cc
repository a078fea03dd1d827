#include "doc_date.h"

#include <array>
#include <cctype>
#include <initializer_list>
#include <string>
#include <vector>

namespace consentlens {
namespace {

constexpr std::size_t kSearchBytes = 8192;  // a version's date usually sits at the top
constexpr std::size_t kMenuBytes = 32768;   // a site's menus above the text (Slack's: 15 KB)
constexpr std::size_t kTailBytes = 4096;    // a date at the end (Twitter's terms)
constexpr std::size_t kAfterLabel = 48;     // how far after its label a date may start
constexpr std::size_t kWindowBytes = 96;    // the label's date and what follows it
constexpr int kDatelineLines = 12;          // a date alone on a line counts among the first lines
constexpr std::size_t kDatelineBytes = 24;  // "September 30, 2023" and its kin

// The vocabularies' month classes (core/rules/vocab/*.json: month_jan ... month_dec), in order.
constexpr std::array<const char*, 12> kMonthClasses{"month_jan", "month_feb", "month_mar", "month_apr", "month_may", "month_jun",
                                                    "month_jul", "month_aug", "month_sep", "month_oct", "month_nov", "month_dec"};

// A short stretch of text and where its month names stand: dates are read only next to a label
// or on a short line, so the month classes are searched in these stretches alone.
struct Window {
  std::string_view s;
  std::vector<std::pair<Span, int>> months;
  Window(const Lexicon& lexicon, std::string_view text) : s(text) {
    for (std::size_t k = 0; k < kMonthClasses.size(); ++k)
      for (const Span& m : lexicon.find(kMonthClasses[k], s)) months.push_back({m, static_cast<int>(k) + 1});
  }
  // The month whose name starts at `p`; its number, and `p` moved past it; or 0.
  int month(std::size_t& p) const {
    for (const auto& [span, number] : months)
      if (span.begin == p) {
        p = span.end;
        return number;
      }
    return 0;
  }
};

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::string iso(int y, int m, int d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return "";
  if (d > kDays[m - 1] + (m == 2 && leap(y) ? 1 : 0)) return "";
  std::string out = std::to_string(y) + "-";
  if (m < 10) out += '0';
  out += std::to_string(m) + "-";
  if (d < 10) out += '0';
  return out + std::to_string(d);
}

// Reads an unsigned number at `p` of at most `max_digits`; -1 if none.
int number(std::string_view s, std::size_t& p, std::size_t max_digits) {
  std::size_t start = p;
  int n = 0;
  while (p < s.size() && p - start < max_digits && std::isdigit(static_cast<unsigned char>(s[p]))) n = n * 10 + (s[p++] - '0');
  return p == start ? -1 : n;
}

void skip(std::string_view s, std::size_t& p, std::string_view chars) {
  while (p < s.size() && chars.find(s[p]) != std::string_view::npos) ++p;
}

// An ordinal's ending after a day: "25th April 2023", "June 1st, 2024", "1er mars 2025".
void skip_ordinal(std::string_view s, std::size_t& p) {
  for (std::string_view end : {"st", "nd", "rd", "th", "er", "ST", "ND", "RD", "TH"})
    if (s.substr(p, end.size()) == end && (p + end.size() == s.size() || !std::isalpha(static_cast<unsigned char>(s[p + end.size()])))) {
      p += end.size();
      return;
    }
}

// "2023年6月30日", "2023년 6월 30일": year, month and day each followed by its sign.
std::string east_asian_date(std::string_view s, std::size_t q, int year) {
  const auto sign = [&](std::initializer_list<std::string_view> signs) {
    skip(s, q, " ");
    for (std::string_view g : signs)
      if (s.substr(q, g.size()) == g) {
        q += g.size();
        skip(s, q, " ");
        return true;
      }
    return false;
  };
  if (!sign({"年", "년"})) return "";
  const int m = number(s, q, 2);
  if (m < 0 || !sign({"月", "월"})) return "";
  const int d = number(s, q, 2);
  if (d < 0 || !sign({"日", "일"})) return "";
  return iso(year, m, d);
}

// A date starting at `p`: 2023-06-30, June 30, 2023, 30 June 2023, 30. Juni 2023, 30.06.2023,
// 06/30/2023 (US order, as US companies write it), 30 июня 2023, 2023年6月30日.
std::string date_at(const Window& w, std::size_t p) {
  const std::string_view s = w.s;
  std::size_t q = p;
  if (int m = w.month(q)) {  // June 30, 2023
    skip(s, q, " .");
    const int d = number(s, q, 2);
    skip_ordinal(s, q);
    skip(s, q, " ,");
    const int y = number(s, q, 4);
    return d > 0 && y > 0 ? iso(y, m, d) : "";
  }
  q = p;
  const int first = number(s, q, 4);
  if (first < 0) return "";
  if (first >= 1990) {  // 2023年6月30日
    const std::string east = east_asian_date(s, q, first);
    if (!east.empty()) return east;
  }
  if (first >= 1990 && q < s.size() && s[q] == '-') {  // 2023-06-30
    ++q;
    const int m = number(s, q, 2);
    if (q >= s.size() || s[q] != '-') return "";
    ++q;
    return iso(first, m, number(s, q, 2));
  }
  if (q < s.size() && (s[q] == '.' || s[q] == '/')) {  // 30.06.2023, 06/30/2023
    const char sep = s[q++];
    std::size_t r = q;
    const int second = number(s, r, 2);
    if (second > 0 && r < s.size() && s[r] == sep) {
      ++r;
      const int y = number(s, r, 4);
      return sep == '/' ? iso(y, first, second) : iso(y, second, first);
    }
  }
  skip_ordinal(s, q);
  skip(s, q, " .");
  if (int m = w.month(q)) {  // 30 June 2023, 30. Juni 2023, 30 de junio de 2023, 25th April 2023
    skip(s, q, " ,.");
    if (s.substr(q, 3) == "de ") q += 3;
    return iso(number(s, q, 4), m, first);
  }
  return "";
}

// Whether only markup stands between the line's start and `at` ("**Effective:**", "# Updated").
bool opens_line(std::string_view text, std::size_t at) {
  for (std::size_t i = at; i > 0; --i) {
    const char c = text[i - 1];
    if (c == '\n') return true;
    if (c != ' ' && c != '*' && c != '_' && c != '#' && c != '>' && c != '\t') return false;
  }
  return true;
}

// The first labelled date in `text` (class date_label); with `line_start`, only labels that
// open their line (further down a text, "effective October 1, 2020" inside a sentence dates
// something else: LinkedIn's Service Terms).
std::string labelled_date(const Lexicon& lexicon, std::string_view text, bool line_start) {
  for (const Span& label : lexicon.find("date_label", text)) {
    if (line_start && !opens_line(text, label.begin)) continue;
    const Window w(lexicon, text.substr(label.end, kWindowBytes));
    // The date may stand on the label's line or, after a label alone on its line, on the next
    // ones ("**Effective Date**\n\n    January 5, 2026": Meta AI's terms).
    bool words_after_label = false;
    for (std::size_t p = 0; p < w.s.size() && p < kAfterLabel; ++p) {
      if (w.s[p] == '\n' && words_after_label) break;
      const std::string d = date_at(w, p);
      if (!d.empty()) return d;
      words_after_label = words_after_label || std::isalnum(static_cast<unsigned char>(w.s[p]));
    }
  }
  return "";
}

// A line near the top that is only a date ("August 7, 2023" under LinkedIn's Service Terms'
// title).
std::string dateline(const Lexicon& lexicon, std::string_view head) {
  std::size_t line = 0;
  for (int n = 0; n < kDatelineLines && line < head.size(); ++n) {
    const std::size_t end = std::min(head.find('\n', line), head.size());
    std::size_t p = line;
    skip(head, p, " *_#");
    std::size_t q = end;
    while (q > p && std::string_view(" *_.\r").find(head[q - 1]) != std::string_view::npos) --q;
    if (q > p && q - p <= kDatelineBytes && q - p >= 8) {
      const std::string d = date_at(Window(lexicon, head.substr(p, q - p)), 0);
      if (!d.empty()) return d;
    }
    line = end + 1;
  }
  return "";
}

}  // namespace

bool is_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  std::size_t p = 0;
  const int y = number(s, p, 4);
  p = 5;
  const int m = number(s, p, 2);
  p = 8;
  const int d = number(s, p, 2);
  return !iso(y, m, d).empty();
}

std::string document_date(const Lexicon& lexicon, std::string_view text) {
  // A version's date sits at its top; a page whose top is its site's menus (Slack's terms) or
  // that dates itself at the end (Twitter's "Effective: June 18, 2020") gives it further down.
  // Only so far down, and in the last lines: a long text without a date is searched in a few
  // dozen KB, not whole (the checker reads megabytes).
  const std::string_view head = text.substr(0, kSearchBytes);
  std::string d = labelled_date(lexicon, head, false);
  if (d.empty() && text.size() > kSearchBytes) d = labelled_date(lexicon, text.substr(0, kMenuBytes), true);
  if (d.empty() && text.size() > kMenuBytes) d = labelled_date(lexicon, text.substr(text.size() - kTailBytes), true);
  if (d.empty()) d = dateline(lexicon, head);
  return d;
}

std::string date_in_name(std::string_view name) {
  for (std::size_t i = 0; i + 10 <= name.size(); ++i) {
    const std::string_view candidate = name.substr(i, 10);
    if (is_iso_date(candidate) && (i == 0 || !std::isdigit(static_cast<unsigned char>(name[i - 1]))) &&
        (i + 10 == name.size() || !std::isdigit(static_cast<unsigned char>(name[i + 10]))))
      return std::string(candidate);
  }
  return "";
}

}  // namespace consentlens
