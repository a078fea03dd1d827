#include "meetings.h"

#include <algorithm>
#include <set>
#include <cstdlib>
#include <stdexcept>

#include "contract.h"
#include "filters_sql.h"
#include "timeutil.h"

namespace consentlens::host {
namespace {

// group_concat's list as the contract orders it (unknown values last, by name).
Json ordered_list(std::string_view joined, std::span<const std::string_view> order) {
  std::vector<std::string> items;
  for (std::size_t at = 0; at < joined.size();) {
    const std::size_t comma = joined.find(',', at);
    const std::size_t end = comma == std::string_view::npos ? joined.size() : comma;
    if (end > at) items.emplace_back(joined.substr(at, end - at));
    at = end + 1;
  }
  auto rank = [&](const std::string& v) {
    const int i = contract::index_of(order, v);
    return i < 0 ? static_cast<int>(order.size()) : i;
  };
  std::sort(items.begin(), items.end(), [&](const auto& a, const auto& b) { return std::pair(rank(a), a) < std::pair(rank(b), b); });
  return Json(items);
}

std::optional<std::string> latest_title(sqlite3* db, const std::string& key, const Clause& where) {
  Stmt st(db, "SELECT d.page_title FROM events JOIN event_data d USING (seq)" + where.sql +
                  " AND meeting_key = ? AND d.page_title IS NOT NULL ORDER BY at_ms DESC LIMIT 1");
  bind_all(st, where.args);
  st.bind(static_cast<int>(where.args.size()) + 1, key);
  if (st.step()) return st.text(0);
  return std::nullopt;
}

constexpr const char* kGroup = " GROUP BY meeting_key HAVING 1=1";

std::int64_t count_meetings(sqlite3* db, const Clause& where, const Clause& having) {
  Stmt count(db, "SELECT count(*) FROM (SELECT 1 FROM events" + where.sql + kGroup + having.sql + ")");
  bind_all(count, where.args);
  bind_all(count, having.args, static_cast<int>(where.args.size()) + 1);
  count.step();
  return count.int64(0);
}

// One meeting's summary from its events that pass the filters (columns as meeting_row reads
// them), read from the covering index events_by_meeting.
std::string summary_sql(const Clause& where, const Clause& having) {
  return "SELECT meeting_key, max(at_ms), min(at_ms), count(*), group_concat(DISTINCT site), group_concat(DISTINCT vendor),"
         " group_concat(DISTINCT CASE WHEN type = 'finding_shown' THEN kind END), group_concat(DISTINCT choice)"
         " FROM events" + where.sql + " AND meeting_key = ? GROUP BY meeting_key HAVING 1=1" + having.sql;
}

Json meeting_row(const Stmt& st) {
  Json m;
  m["key"] = st.text(0);
  const Json sites = ordered_list(st.view(4), {});
  m["site"] = sites.empty() ? Json("") : sites[0];
  m["sites"] = sites;
  m["vendors"] = ordered_list(st.view(5), contract::vendors());
  m["kinds"] = ordered_list(st.view(6), contract::kinds());
  m["choices"] = ordered_list(st.view(7), contract::choices());
  m["first_at"] = format_rfc3339(st.int64(2));
  m["last_at"] = format_rfc3339(st.int64(1));
  m["events"] = st.int64(3);
  m["last_ms"] = st.int64(1);
  return m;
}

// (last_ms, key) of a cursor "last_ms:key".
std::pair<std::int64_t, std::string> read_cursor(const std::string& cursor) {
  const auto colon = cursor.find(':');
  char* end = nullptr;
  const long long last = std::strtoll(cursor.c_str(), &end, 10);
  if (colon == std::string::npos || colon == 0 || end != cursor.c_str() + colon)
    throw std::invalid_argument("\"cursor\" is not one this host gave out");
  return {last, cursor.substr(colon + 1)};
}

bool newer(const Json& a, const Json& b) {
  const auto x = a["last_ms"].get<std::int64_t>(), y = b["last_ms"].get<std::int64_t>();
  return x != y ? x > y : a["key"].get<std::string>() > b["key"].get<std::string>();
}

}  // namespace

// Meetings are ordered by their newest event, so walking the events newest first meets each
// meeting first at its place in that order: the page needs only the events down to its last
// meeting, each meeting then summed up from the covering index, instead of every meeting of the
// history grouped and sorted. Meetings that end at the same millisecond are ordered by key.
MeetingsPage list_meetings(sqlite3* db, const Filters& f, std::optional<std::int64_t> visible_since, int limit,
                           const std::string& cursor) {
  Filters events_filter = f;
  events_filter.choice.clear();
  const Clause where = where_of(events_filter, visible_since);
  Clause having;
  if (!f.choice.empty()) having = {" AND sum(choice = ?) > 0", {f.choice}};
  std::optional<std::pair<std::int64_t, std::string>> after;
  if (!cursor.empty()) after = read_cursor(cursor);
  MeetingsPage page;
  page.total = count_meetings(db, where, having);
  Stmt walk(db, "SELECT meeting_key, at_ms FROM events" + where.sql + (after ? " AND at_ms <= ?" : "") + " ORDER BY at_ms DESC, seq DESC");
  bind_all(walk, where.args);
  if (after) walk.bind(static_cast<int>(where.args.size()) + 1, after->first);
  Stmt summary(db, summary_sql(where, having));
  std::set<std::string, std::less<>> seen;
  std::vector<Json> found;
  while (walk.step()) {
    // Past the page, and past every meeting that could tie with its last one: done.
    if (static_cast<int>(found.size()) > limit && walk.int64(1) < found[static_cast<std::size_t>(limit)]["last_ms"].get<std::int64_t>()) break;
    if (!seen.insert(std::string(walk.view(0))).second) continue;
    std::vector<Arg> args = where.args;
    args.emplace_back(walk.text(0));
    args.insert(args.end(), having.args.begin(), having.args.end());
    bind_all(summary, args);
    if (summary.step()) {
      Json m = meeting_row(summary);
      const bool listed_before = after && (m["last_ms"].get<std::int64_t>() > after->first ||
                                           (m["last_ms"].get<std::int64_t>() == after->first && m["key"].get<std::string>() >= after->second));
      if (!listed_before) found.push_back(std::move(m));
    }
    summary.reset();
  }
  std::sort(found.begin(), found.end(), newer);
  page.more = static_cast<int>(found.size()) > limit;
  if (page.more) found.resize(static_cast<std::size_t>(limit));
  for (Json& m : found) {
    const auto title = latest_title(db, m["key"].get<std::string>(), where);
    m["page_title"] = title ? Json(*title) : Json(nullptr);
    m["cursor"] = std::to_string(m["last_ms"].get<std::int64_t>()) + ":" + m["key"].get<std::string>();
    m.erase("last_ms");
  }
  page.meetings = std::move(found);
  return page;
}

}  // namespace consentlens::host
