#include "filters_sql.h"

#include <cstdlib>
#include <stdexcept>

#include "search.h"

namespace consentlens::host {

Clause where_of(const Filters& f, std::optional<std::int64_t> visible_since) {
  Clause c{" WHERE 1=1", {}};
  auto add = [&](const char* sql, Arg value) {
    c.sql += sql;
    c.args.push_back(std::move(value));
  };
  std::optional<std::int64_t> since = f.since_ms;
  if (visible_since && (!since || *since < *visible_since)) since = visible_since;
  if (since) add(" AND at_ms >= ?", *since);
  if (f.until_ms) add(" AND at_ms <= ?", *f.until_ms);
  if (!f.vendor.empty()) add(" AND vendor = ?", f.vendor);
  if (!f.kind.empty()) add(" AND kind = ?", f.kind);
  if (!f.type.empty()) add(" AND type = ?", f.type);
  if (!f.choice.empty()) add(" AND choice = ?", f.choice);
  if (!f.meeting.empty()) add(" AND meeting_key = ?", f.meeting);
  if (!f.site.empty()) {
    std::string like = "%";
    for (char ch : f.site) {
      if (ch == '%' || ch == '_' || ch == '\\') like += '\\';
      like += ch;
    }
    add(" AND site LIKE ? ESCAPE '\\'", like + "%");  // LIKE is case-insensitive for ASCII
  }
  if (!f.search.empty()) {
    const Clause m = matching(f.search);
    c.sql += " AND seq IN (" + m.sql + ")";
    c.args.insert(c.args.end(), m.args.begin(), m.args.end());
  }
  return c;
}

Json row_to_event(const Stmt& st) {
  Json e;
  e["event_id"] = st.text(1);
  e["type"] = st.text(2);
  e["at"] = st.text(3);
  e["site"] = st.text(4);
  if (!st.is_null(5)) e["choice"] = st.text(5);
  if (!st.is_null(6)) e["finding"] = Json::parse(st.view(6), nullptr, false);
  if (!st.is_null(7)) e["page_title"] = st.text(7);
  if (!st.is_null(8)) e["meeting"] = st.text(8);
  if (!st.is_null(11)) e["source"] = st.text(11);
  e["meeting_key"] = st.text(10);
  e["cursor"] = std::to_string(st.int64(9)) + ":" + std::to_string(st.int64(0));
  return e;
}

std::pair<std::int64_t, std::int64_t> parse_cursor(const std::string& cursor) {
  const auto colon = cursor.find(':');
  if (colon == std::string::npos) throw std::invalid_argument("\"cursor\" is not one this host gave out");
  char* end1 = nullptr;
  char* end2 = nullptr;
  const long long a = std::strtoll(cursor.c_str(), &end1, 10);
  const long long b = std::strtoll(cursor.c_str() + colon + 1, &end2, 10);
  if (end1 != cursor.c_str() + colon || colon == 0 || end2 == cursor.c_str() + colon + 1 || *end2 != '\0')
    throw std::invalid_argument("\"cursor\" is not one this host gave out");
  return {a, b};
}

}  // namespace consentlens::host
