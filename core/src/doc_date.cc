#include "doc_date.h"

#include <array>
#include <cctype>
#include <string>

namespace consentlens {
namespace {

constexpr std::size_t kSearchBytes = 8192;  // a version's date sits at the top
constexpr std::size_t kAfterLabel = 48;     // how far after its label a date may start

// Labels that introduce a version's date, lower case.
constexpr std::array kLabels{
    "last updated", "last modified", "last revised", "effective date", "effective as of", "effective:",
    "effective from", "updated:", "updated on", "version date", "date of last revision", "in effect from",
    "zuletzt aktualisiert", "zuletzt geändert", "stand:", "gültig ab", "dernière mise à jour", "mis à jour le",
    "en vigueur", "última actualización", "última modificación", "fecha de entrada en vigor", "ultimo aggiornamento",
    "in vigore dal", "laatst bijgewerkt", "van kracht", "última atualização", "em vigor"};

struct Month {
  const char* name;
  int number;
};
// Full names and common abbreviations, lower case (accents as NFKC leaves them).
constexpr std::array kMonths{
    Month{"january", 1}, Month{"february", 2}, Month{"march", 3}, Month{"april", 4}, Month{"may", 5}, Month{"june", 6},
    Month{"july", 7}, Month{"august", 8}, Month{"september", 9}, Month{"october", 10}, Month{"november", 11},
    Month{"december", 12}, Month{"jan", 1}, Month{"feb", 2}, Month{"mar", 3}, Month{"apr", 4}, Month{"jun", 6},
    Month{"jul", 7}, Month{"aug", 8}, Month{"sep", 9}, Month{"sept", 9}, Month{"oct", 10}, Month{"nov", 11},
    Month{"dec", 12}, Month{"januar", 1}, Month{"februar", 2}, Month{"märz", 3}, Month{"mai", 5}, Month{"juni", 6},
    Month{"juli", 7}, Month{"oktober", 10}, Month{"dezember", 12}, Month{"janvier", 1}, Month{"février", 2},
    Month{"mars", 3}, Month{"avril", 4}, Month{"juin", 6}, Month{"juillet", 7}, Month{"août", 8},
    Month{"septembre", 9}, Month{"octobre", 10}, Month{"novembre", 11}, Month{"décembre", 12}, Month{"enero", 1},
    Month{"febrero", 2}, Month{"marzo", 3}, Month{"abril", 4}, Month{"mayo", 5}, Month{"junio", 6},
    Month{"julio", 7}, Month{"agosto", 8}, Month{"septiembre", 9}, Month{"octubre", 10}, Month{"noviembre", 11},
    Month{"diciembre", 12}, Month{"gennaio", 1}, Month{"febbraio", 2}, Month{"aprile", 4}, Month{"maggio", 5},
    Month{"giugno", 6}, Month{"luglio", 7}, Month{"settembre", 9}, Month{"ottobre", 10}, Month{"dicembre", 12},
    Month{"januari", 1}, Month{"februari", 2}, Month{"maart", 3}, Month{"mei", 5}, Month{"augustus", 8},
    Month{"janeiro", 1}, Month{"fevereiro", 2}, Month{"março", 3}, Month{"maio", 5}, Month{"junho", 6},
    Month{"julho", 7}, Month{"setembro", 9}, Month{"outubro", 10}, Month{"dezembro", 12}};

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

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

// A month name at `p` (lower-case text); its number, and `p` moved past it, or 0.
int month(std::string_view s, std::size_t& p) {
  int best = 0;
  std::size_t best_len = 0;
  for (const auto& m : kMonths) {
    const std::string_view name(m.name);
    if (s.substr(p, name.size()) == name && name.size() > best_len) {
      const std::size_t after = p + name.size();
      if (after < s.size() && std::isalpha(static_cast<unsigned char>(s[after]))) continue;  // "mayor"
      best = m.number;
      best_len = name.size();
    }
  }
  if (best) {
    p += best_len;
    if (p < s.size() && s[p] == '.') ++p;
  }
  return best;
}

void skip(std::string_view s, std::size_t& p, std::string_view chars) {
  while (p < s.size() && chars.find(s[p]) != std::string_view::npos) ++p;
}

// A date starting at `p`: 2023-06-30, June 30, 2023, 30 June 2023, 30. Juni 2023, 30.06.2023,
// 06/30/2023 (US order, as US companies write it).
std::string date_at(std::string_view s, std::size_t p) {
  std::size_t q = p;
  if (int m = month(s, q)) {  // June 30, 2023
    skip(s, q, " ");
    const int d = number(s, q, 2);
    skip(s, q, " ,");
    const int y = number(s, q, 4);
    return d > 0 && y > 0 ? iso(y, m, d) : "";
  }
  q = p;
  const int first = number(s, q, 4);
  if (first < 0) return "";
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
  skip(s, q, " .");
  if (int m = month(s, q)) {  // 30 June 2023, 30. Juni 2023, 30 de junio de 2023
    skip(s, q, " ,");
    if (s.substr(q, 3) == "de ") q += 3;
    return iso(number(s, q, 4), m, first);
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

std::string document_date(std::string_view text) {
  const std::string head = lower(text.substr(0, kSearchBytes));
  for (const char* label : kLabels) {
    for (std::size_t at = head.find(label); at != std::string::npos; at = head.find(label, at + 1)) {
      const std::size_t from = at + std::string_view(label).size();
      for (std::size_t p = from; p < head.size() && p < from + kAfterLabel; ++p) {
        if (head[p] == '\n' && p > from + 2) break;
        const std::string d = date_at(head, p);
        if (!d.empty()) return d;
      }
    }
  }
  return "";
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
