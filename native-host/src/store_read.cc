// The store's reads: query, get, meetings, stats and the checks.
#include <sqlite3.h>

#include "filters_sql.h"
#include "search.h"
#include "stats.h"
#include "store.h"

namespace consentlens::host {
namespace {

// Pages through `st` (which selects kEventColumns, plus a count as column 11 when
// `count_in_row`) into `page`, stopping after `limit` events.
void read_page(Stmt& st, int limit, bool count_in_row, QueryPage& page) {
  bool counted = !count_in_row;
  while (st.step()) {
    if (!counted) {
      page.total = st.int64(12);
      counted = true;
    }
    if (static_cast<int>(page.events.size()) == limit) {
      page.more = true;
      return;
    }
    page.events.push_back(row_to_event(st));
  }
}

std::int64_t count_rows(sqlite3* db, const Clause& c) {
  Stmt count(db, "SELECT count(*) FROM events" + c.sql);
  bind_all(count, c.args);
  count.step();
  return count.int64(0);
}

// A search's matches come from the trigram index as one list, made once (m). The page walks the
// events newest first through the time index and keeps those in m ("+seq" keeps SQLite from
// instead looking up every match's row and sorting them all), stopping after a page. Column 12
// carries the count.
QueryPage search_page(sqlite3* db, const Filters& f, std::optional<std::int64_t> visible_since, int limit, const Clause& after) {
  Filters rest = f;
  rest.search.clear();
  const Clause others = where_of(rest, visible_since);
  const Clause m = matching(f.search);
  // The count: with the person's own filters, the rows that pass them; with none, m's size less
  // the matches past the retention, which are few (retention deletes them daily) and found
  // through the time index, instead of every match's row looked up.
  const bool filtered = where_of(rest, std::nullopt).sql != " WHERE 1=1";
  std::string count = "(SELECT count(*) FROM m)";
  std::vector<Arg> count_args;
  if (filtered) {
    count = "(SELECT count(*) FROM events" + others.sql + " AND +seq IN m)";
    count_args = others.args;
  } else if (visible_since) {
    count = "((SELECT count(*) FROM m) - (SELECT count(*) FROM events WHERE at_ms < ? AND seq IN m))";
    count_args = {*visible_since};
  }
  const std::string sql = "WITH m AS MATERIALIZED (" + m.sql + ") SELECT " + kEventColumns + ", " + count + kEventFrom +
                          others.sql + " AND +seq IN m" + after.sql + " ORDER BY at_ms DESC, seq DESC LIMIT ?";
  std::vector<Arg> args = m.args;
  args.insert(args.end(), count_args.begin(), count_args.end());
  args.insert(args.end(), others.args.begin(), others.args.end());
  args.insert(args.end(), after.args.begin(), after.args.end());
  args.emplace_back(static_cast<std::int64_t>(limit) + 1);
  Stmt st(db, sql);
  bind_all(st, args);
  QueryPage page;
  read_page(st, limit, true, page);
  if (page.events.empty() && !page.more) page.total = count_rows(db, where_of(f, visible_since));  // past the last match
  return page;
}

}  // namespace

template <typename F>
auto Store::reading(F&& job) -> decltype(job()) {
  try {
    return job();
  } catch (const StoreError& e) {
    if (read_only_reason_.empty()) throw;
    throw StoreError(read_only_reason_ + "; reading it failed too: " + e.what(), e.sqlite_code());
  }
}

QueryPage Store::query(const Filters& f, int limit, const std::string& cursor) {
  return reading([&] {
    Clause after;
    if (!cursor.empty()) {
      const auto [at, seq] = parse_cursor(cursor);  // "at_ms:seq" of the previous page's last row
      after = {" AND (at_ms < ? OR (at_ms = ? AND seq < ?))", {at, at, seq}};
    }
    const auto since = visible_since();
    if (!f.search.empty()) return search_page(db_, f, since, limit, after);
    const Clause c = where_of(f, since);
    QueryPage page;
    page.total = count_rows(db_, c);
    Stmt st(db_, select_events() + c.sql + after.sql + " ORDER BY at_ms DESC, seq DESC LIMIT ?");
    std::vector<Arg> args = c.args;
    args.insert(args.end(), after.args.begin(), after.args.end());
    args.emplace_back(static_cast<std::int64_t>(limit) + 1);
    bind_all(st, args);
    read_page(st, limit, false, page);
    return page;
  });
}

std::optional<Json> Store::get(const std::string& event_id) {
  return reading([&]() -> std::optional<Json> {
    const Clause c = where_of(Filters{}, visible_since());
    Stmt st(db_, select_events() + c.sql + " AND event_id = ?");
    bind_all(st, c.args);
    st.bind(static_cast<int>(c.args.size()) + 1, event_id);
    if (!st.step()) return std::nullopt;
    return row_to_event(st);
  });
}

MeetingsPage Store::meetings(const Filters& f, int limit, const std::string& cursor) {
  return reading([&] { return list_meetings(db_, f, visible_since(), limit, cursor); });
}

Json Store::stats(const Filters& f) {
  return reading([&] { return compute_stats(db_, where_of(f, visible_since())); });
}

std::string Store::quick_check() {
  Stmt st(db_, "PRAGMA quick_check");
  std::string out;
  while (st.step()) out += (out.empty() ? "" : "; ") + st.text(0);
  return out;
}

std::int64_t Store::pragma_value(const std::string& name) {
  for (char c : name)
    if (!(c >= 'a' && c <= 'z') && c != '_') throw StoreError("not a pragma name: " + name);
  return scalar(db_, "PRAGMA " + name);
}

std::string Store::integrity_check() {
  return reading([&] {
    Stmt st(db_, "PRAGMA integrity_check");
    std::string out;
    while (st.step()) out += (out.empty() ? "" : "; ") + st.text(0);
    return out;
  });
}

}  // namespace consentlens::host
