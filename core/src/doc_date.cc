#include "doc_date.h"

#include <array>
#include <cctype>
#include <initializer_list>
#include <string>

namespace consentlens {
namespace {

constexpr std::size_t kSearchBytes = 8192;  // a version's date usually sits at the top
constexpr std::size_t kAfterLabel = 48;     // how far after its label a date may start
constexpr int kDatelineLines = 12;          // a date alone on a line counts among the first lines
constexpr std::size_t kDatelineBytes = 24;  // "September 30, 2023" and its kin

// Labels that introduce a version's date, lower case.
constexpr std::array kLabels{
    "last updated", "last modified", "last revised", "effective date", "effective as of", "effective:",
    "effective from", "updated:", "updated on", "version date", "date of last revision", "in effect from",
    "zuletzt aktualisiert", "zuletzt geändert", "stand:", "gültig ab", "dernière mise à jour", "mis à jour le",
    "en vigueur", "última actualización", "última modificación", "fecha de entrada en vigor", "ultimo aggiornamento",
    "in vigore dal", "laatst bijgewerkt", "van kracht", "última atualização", "em vigor", "gültig seit", "wirksam ab",
    "vigente desde", "aggiornato il", "atualizado em", "laatst gewijzigd", "ingangsdatum", "senast uppdaterad", "gäller från",
    "sidst opdateret", "sist oppdatert", "ostatnia aktualizacja", "obowiązuje od", "naposledy aktualizováno", "účinnost od",
    "последнее обновление", "действует с", "редакция от", "дата вступления в силу", "останнє оновлення", "son güncelleme",
    "yürürlük tarihi", "最終更新", "施行日", "改定日", "更新日", "生效日期", "更新日期", "最后更新", "最後更新", "시행일",
    "최종 업데이트", "최종 수정", "effective", "posted", "updated"};

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
    Month{"julho", 7}, Month{"setembro", 9}, Month{"outubro", 10}, Month{"dezembro", 12}, Month{"maj", 5},
    Month{"augusti", 8}, Month{"desember", 12}, Month{"января", 1}, Month{"февраля", 2}, Month{"марта", 3},
    Month{"апреля", 4}, Month{"мая", 5}, Month{"июня", 6}, Month{"июля", 7}, Month{"августа", 8}, Month{"сентября", 9},
    Month{"октября", 10}, Month{"ноября", 11}, Month{"декабря", 12}, Month{"січня", 1}, Month{"лютого", 2},
    Month{"березня", 3}, Month{"квітня", 4}, Month{"травня", 5}, Month{"червня", 6}, Month{"липня", 7},
    Month{"серпня", 8}, Month{"вересня", 9}, Month{"жовтня", 10}, Month{"листопада", 11}, Month{"грудня", 12},
    Month{"stycznia", 1}, Month{"lutego", 2}, Month{"marca", 3}, Month{"kwietnia", 4}, Month{"maja", 5},
    Month{"czerwca", 6}, Month{"lipca", 7}, Month{"sierpnia", 8}, Month{"września", 9}, Month{"października", 10},
    Month{"listopada", 11}, Month{"grudnia", 12}, Month{"ledna", 1}, Month{"února", 2}, Month{"března", 3},
    Month{"dubna", 4}, Month{"května", 5}, Month{"června", 6}, Month{"července", 7}, Month{"srpna", 8},
    Month{"září", 9}, Month{"října", 10}, Month{"listopadu", 11}, Month{"prosince", 12}, Month{"ocak", 1},
    Month{"şubat", 2}, Month{"mart", 3}, Month{"nisan", 4}, Month{"mayıs", 5}, Month{"haziran", 6},
    Month{"temmuz", 7}, Month{"ağustos", 8}, Month{"eylül", 9}, Month{"ekim", 10}, Month{"kasım", 11},
    Month{"aralık", 12}};

// ASCII and the Cyrillic capitals А-Я, Ё, Є, І, Ї (labels and months are written in lower case:
// "Последнее обновление").
std::string lower(std::string_view s) {
  std::string out(s);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c < 0x80) {
      out[i] = static_cast<char>(std::tolower(c));
      continue;
    }
    if (i + 1 >= out.size()) break;
    const auto n = static_cast<unsigned char>(out[i + 1]);
    if (c == 0xD0 && n >= 0x90 && n <= 0x9F) out[i + 1] = static_cast<char>(n + 0x20);  // А-П
    else if (c == 0xD0 && n >= 0xA0 && n <= 0xAF) {  // Р-Я
      out[i] = static_cast<char>(0xD1);
      out[i + 1] = static_cast<char>(n - 0x20);
    } else if (c == 0xD0 && n >= 0x80 && n <= 0x8F) {  // Ё, Є, І, Ї ...
      out[i] = static_cast<char>(0xD1);
      out[i + 1] = static_cast<char>(n + 0x10);
    }
  }
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

// An ordinal's ending after a day: "25th April 2023", "June 1st, 2024", "1er mars 2025".
void skip_ordinal(std::string_view s, std::size_t& p) {
  for (std::string_view end : {"st", "nd", "rd", "th", "er"})
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
std::string date_at(std::string_view s, std::size_t p) {
  std::size_t q = p;
  if (int m = month(s, q)) {  // June 30, 2023
    skip(s, q, " ");
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
  if (int m = month(s, q)) {  // 30 June 2023, 30. Juni 2023, 30 de junio de 2023, 25th April 2023
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

namespace {

// Whether only markup stands between the line's start and `at` ("**Effective:**", "# Updated").
bool opens_line(const std::string& text, std::size_t at) {
  for (std::size_t i = at; i > 0; --i) {
    const char c = text[i - 1];
    if (c == '\n') return true;
    if (c != ' ' && c != '*' && c != '_' && c != '#' && c != '>' && c != '\t') return false;
  }
  return true;
}

// The first labelled date in `text`, labels in the order of kLabels; with `line_start`, only
// labels that open their line (further down a text, "effective October 1, 2020" inside a
// sentence dates something else: LinkedIn's Service Terms).
std::string labelled_date(const std::string& text, bool line_start) {
  for (const char* label : kLabels) {
    for (std::size_t at = text.find(label); at != std::string::npos; at = text.find(label, at + 1)) {
      if (line_start && !opens_line(text, at)) continue;
      const std::size_t from = at + std::string_view(label).size();
      // The date may stand on the label's line or, after a label alone on its line, on the next
      // ones ("**Effective Date**\n\n    January 5, 2026": Meta AI's terms).
      bool words_after_label = false;
      for (std::size_t p = from; p < text.size() && p < from + kAfterLabel; ++p) {
        if (text[p] == '\n' && words_after_label) break;
        const std::string d = date_at(text, p);
        if (!d.empty()) return d;
        words_after_label = words_after_label || std::isalnum(static_cast<unsigned char>(text[p]));
      }
    }
  }
  return "";
}

// A line near the top that is only a date ("August 7, 2023" under LinkedIn's Service Terms'
// title).
std::string dateline(const std::string& head) {
  std::size_t line = 0;
  for (int n = 0; n < kDatelineLines && line < head.size(); ++n) {
    const std::size_t end = std::min(head.find('\n', line), head.size());
    std::size_t p = line;
    skip(head, p, " *_#");
    std::size_t q = end;
    while (q > p && std::string_view(" *_.\r").find(head[q - 1]) != std::string_view::npos) --q;
    if (q > p && q - p <= kDatelineBytes) {
      const std::string d = date_at(head.substr(0, q), p);
      // The whole line is the date: a date_at that reads to the line's end.
      if (!d.empty() && q - p >= 8) return d;
    }
    line = end + 1;
  }
  return "";
}

}  // namespace

std::string document_date(std::string_view text) {
  // A version's date sits at its top; a page whose top is its site's menus (Slack's terms) or
  // that dates itself at the end (Twitter's "Effective: June 18, 2020") gives it further down.
  const std::string head = lower(text.substr(0, kSearchBytes));
  std::string d = labelled_date(head, false);
  if (d.empty() && text.size() > kSearchBytes) d = labelled_date(lower(text), true);
  if (d.empty()) d = dateline(head);
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
