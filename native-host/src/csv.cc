#include "csv.h"

namespace consentlens::host {
namespace {

std::string str_at(const Json& j, const char* a, const char* b = nullptr) {
  if (!j.is_object() || !j.contains(a)) return "";
  const Json& v = b ? (j[a].is_object() && j[a].contains(b) ? j[a][b] : Json()) : j[a];
  return v.is_string() ? v.get<std::string>() : "";
}

bool formula_start(const std::string& s) {
  return !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
}

}  // namespace

std::string csv_field(const std::string& s) {
  const bool formula = formula_start(s);
  if (!formula && s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = formula ? "\"'" : "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string csv_row(const Json& e) {
  const Json f = e.contains("finding") && e["finding"].is_object() ? e["finding"] : Json::object();
  const std::string fields[] = {str_at(e, "at"),        str_at(e, "type"),     str_at(e, "site"),
                                str_at(f, "kind"),      str_at(f, "vendor"),   str_at(e, "choice"),
                                str_at(f, "training"),  str_at(f, "evidence", "text"), str_at(f, "explanation", "summary"),
                                str_at(e, "page_title"), str_at(e, "meeting"), str_at(e, "event_id")};
  std::string row;
  for (std::size_t i = 0; i < std::size(fields); ++i) {
    if (i > 0) row.push_back(',');
    row.append(csv_field(fields[i]));
  }
  row.append("\r\n");
  return row;
}

}  // namespace consentlens::host
