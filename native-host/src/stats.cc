#include "stats.h"

#include <algorithm>
#include <map>

#include "timeutil.h"

namespace consentlens::host {
namespace {

using Counts = std::map<std::string, std::int64_t, std::less<>>;
using Weekly = std::map<std::pair<std::int64_t, std::string>, std::int64_t>;  // (week number, kind)

constexpr std::int64_t kDayMs = 86'400'000;
// Monday-based week numbers: 1970-01-01 was a Thursday, so Monday weeks start 3 days later.
std::int64_t week_number(std::int64_t at_ms) { return (at_ms / kDayMs + 3) / 7; }

struct Totals {
  std::int64_t total = 0, first = 0, last = 0;
  Counts by_type, by_kind;
  Weekly weekly;
};

// One read of the rows in (type, kind, at_ms) order, which the events_by_type index gives
// without sorting: types, kinds and weeks all change in runs, so each row costs two short
// comparisons instead of a grouped, sorted count per breakdown.
Totals scan_runs(sqlite3* db, const Clause& where) {
  Totals t;
  Stmt st(db, "SELECT type, kind, at_ms FROM events" + where.sql + " ORDER BY type, kind, at_ms");
  bind_all(st, where.args);
  std::string type, kind;
  bool has_kind = false;
  std::int64_t run = 0, week = 0, week_run = 0;
  auto end_week = [&] {
    if (week_run && has_kind && type == "finding_shown") t.weekly[{week, kind}] += week_run;
    week_run = 0;
  };
  auto end_run = [&] {
    end_week();
    if (!run) return;
    t.by_type[type] += run;
    if (has_kind) t.by_kind[kind] += run;
    run = 0;
  };
  while (st.step()) {
    const std::int64_t at = st.int64(2);
    t.first = t.total ? std::min(t.first, at) : at;
    t.last = t.total ? std::max(t.last, at) : at;
    ++t.total;
    const bool row_has_kind = !st.is_null(1);
    if (st.view(0) != type || row_has_kind != has_kind || st.view(1) != kind) {
      end_run();
      type = st.view(0);
      kind = st.view(1);
      has_kind = row_has_kind;
    }
    ++run;
    const std::int64_t w = week_number(at);
    if (w != week) end_week();
    week = w;
    ++week_run;
  }
  end_run();
  return t;
}

Json ranked(const Counts& counts) {
  std::vector<std::pair<std::string, std::int64_t>> rows(counts.begin(), counts.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
  Json j = Json::object();
  for (const auto& [name, n] : rows) j[name] = n;
  return j;
}

// Vendor and choice: each a grouped count read from its own index.
Json grouped(sqlite3* db, const Clause& where, const char* col) {
  Counts counts;
  Stmt st(db, std::string("SELECT ") + col + ", count(*) FROM events" + where.sql + " AND " + col + " IS NOT NULL GROUP BY 1");
  bind_all(st, where.args);
  while (st.step()) counts[st.text(0)] = st.int64(1);
  return ranked(counts);
}

}  // namespace

Json compute_stats(sqlite3* db, const Clause& where) {
  const Totals t = scan_runs(db, where);
  Json out;
  out["total"] = t.total;
  out["first_at"] = t.total ? Json(format_rfc3339(t.first)) : Json(nullptr);
  out["last_at"] = t.total ? Json(format_rfc3339(t.last)) : Json(nullptr);
  out["by_kind"] = ranked(t.by_kind);
  out["by_vendor"] = grouped(db, where, "vendor");
  out["by_type"] = ranked(t.by_type);
  out["by_choice"] = grouped(db, where, "choice");
  Json weeks = Json::array();
  for (const auto& [key, n] : t.weekly)
    weeks.push_back(Json{{"week", week_of((key.first * 7 - 3) * kDayMs)}, {"kind", key.second}, {"count", n}});
  out["by_week"] = weeks;
  return out;
}

}  // namespace consentlens::host
