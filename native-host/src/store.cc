#include "store.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <algorithm>
#include <string_view>
#include <variant>

#include "timeutil.h"

namespace consentlens::host {
namespace {

// A prepared statement that finalizes itself; bind() takes positions from 1.
class Stmt {
 public:
  Stmt(sqlite3* db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &s_, nullptr) != SQLITE_OK)
      throw StoreError(std::string("database: cannot prepare a statement: ") + sqlite3_errmsg(db));
  }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  void bind(int i, const std::string& v) { check(sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT)); }
  void bind(int i, std::int64_t v) { check(sqlite3_bind_int64(s_, i, v)); }
  void bind_null(int i) { check(sqlite3_bind_null(s_, i)); }
  // True while there is a row.
  bool step() {
    const int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw StoreError(std::string("database: ") + sqlite3_errmsg(db_));
  }
  void reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  std::int64_t int64(int col) const { return sqlite3_column_int64(s_, col); }
  std::string text(int col) const {
    const auto* p = sqlite3_column_text(s_, col);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(s_, col))) : "";
  }
  // Valid until the next step: for reading many rows without a copy of each value.
  std::string_view view(int col) const {
    const auto* p = sqlite3_column_text(s_, col);
    return p ? std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(s_, col))) : "";
  }
  bool is_null(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
  void check(int rc) {
    if (rc != SQLITE_OK) throw StoreError(std::string("database: ") + sqlite3_errmsg(db_));
  }
};

// Rolls back unless committed: nothing partial is ever left behind by an exception.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) { run("BEGIN IMMEDIATE"); }
  ~Transaction() {
    if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  void commit() {
    run("COMMIT");
    done_ = true;
  }

 private:
  sqlite3* db_;
  bool done_ = false;
  void run(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string m = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      throw StoreError(std::string("database: ") + sql + ": " + m);
    }
  }
};

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// The words a search looks through: evidence, summary, site and page title.
std::string search_text(const Event& e) {
  std::string s = e.site + "\n" + e.page_title + "\n" + e.choice;
  if (e.finding && e.finding->is_object()) {
    const Json& f = *e.finding;
    auto add = [&](const Json& v) {
      if (v.is_string()) s += "\n" + v.get<std::string>();
    };
    if (f.contains("evidence") && f["evidence"].is_object() && f["evidence"].contains("text")) add(f["evidence"]["text"]);
    if (f.contains("explanation") && f["explanation"].is_object() && f["explanation"].contains("summary"))
      add(f["explanation"]["summary"]);
    for (const char* k : {"kind", "vendor"})
      if (f.contains(k)) add(f[k]);
  }
  return lower_ascii(s);
}

std::string finding_field(const Event& e, const char* key) {
  if (e.finding && e.finding->is_object() && e.finding->contains(key) && (*e.finding)[key].is_string())
    return (*e.finding)[key].get<std::string>();
  return "";
}

std::string like_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// A WHERE clause and its bindings, in order.
struct Clause {
  std::string sql;
  std::vector<std::variant<std::string, std::int64_t>> args;
};

// The events whose words contain `words`, as a query of their seq: from the trigram index and
// from the words still waiting for it (at most a few hundred, scanned).
Clause matching(const std::string& words) {
  // The trigram index finds substrings of three characters or more; shorter ones are looked for
  // by a scan of the (small) search rows.
  std::size_t chars = 0;
  for (unsigned char ch : words) chars += (ch & 0xC0) != 0x80;
  const std::string like = "%" + like_escape(lower_ascii(words)) + "%";
  Clause c;
  if (chars >= 3) {
    std::string phrase = "\"";
    for (char ch : lower_ascii(words)) phrase += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    c.sql = "SELECT rowid AS seq FROM event_search WHERE event_search MATCH ?";
    c.args.emplace_back(phrase + "\"");
  } else {
    c.sql = "SELECT rowid AS seq FROM event_search WHERE words LIKE ? ESCAPE '\\'";
    c.args.emplace_back(like);
  }
  c.sql += " UNION ALL SELECT seq FROM search_pending WHERE words LIKE ? ESCAPE '\\'";
  c.args.emplace_back(like);
  return c;
}

Clause where_of(const Filters& f) {
  Clause c{" WHERE 1=1", {}};
  if (f.since_ms) { c.sql += " AND at_ms >= ?"; c.args.emplace_back(*f.since_ms); }
  if (f.until_ms) { c.sql += " AND at_ms <= ?"; c.args.emplace_back(*f.until_ms); }
  if (!f.vendor.empty()) { c.sql += " AND vendor = ?"; c.args.emplace_back(f.vendor); }
  if (!f.kind.empty()) { c.sql += " AND kind = ?"; c.args.emplace_back(f.kind); }
  if (!f.site.empty()) { c.sql += " AND site = ?"; c.args.emplace_back(f.site); }
  if (!f.type.empty()) { c.sql += " AND type = ?"; c.args.emplace_back(f.type); }
  if (!f.search.empty()) {
    const Clause m = matching(f.search);
    c.sql += " AND seq IN (" + m.sql + ")";
    c.args.insert(c.args.end(), m.args.begin(), m.args.end());
  }
  return c;
}

void bind_all(Stmt& st, const std::vector<std::variant<std::string, std::int64_t>>& args, int from = 1) {
  int i = from;
  for (const auto& a : args) {
    if (std::holds_alternative<std::string>(a)) st.bind(i++, std::get<std::string>(a));
    else st.bind(i++, std::get<std::int64_t>(a));
  }
}

Json row_to_event(const Stmt& st) {
  // Columns: seq, event_id, type, at, site, choice, finding, page_title, meeting, at_ms
  Json e;
  e["event_id"] = st.text(1);
  e["type"] = st.text(2);
  e["at"] = st.text(3);
  e["site"] = st.text(4);
  if (!st.is_null(5)) e["choice"] = st.text(5);
  if (!st.is_null(6)) e["finding"] = Json::parse(st.text(6), nullptr, false);
  if (!st.is_null(7)) e["page_title"] = st.text(7);
  if (!st.is_null(8)) e["meeting"] = st.text(8);
  e["cursor"] = std::to_string(st.int64(9)) + ":" + std::to_string(st.int64(0));
  return e;
}

constexpr const char* kSelect =
    "SELECT seq, event_id, type, at, site, choice, d.finding, d.page_title, d.meeting, at_ms FROM events JOIN event_data d USING (seq)";

}  // namespace

std::string Store::default_path() {
  if (const char* p = std::getenv("CONSENTLENS_DB"); p && *p) return p;
  std::string base;
  if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x == '/') base = x;
  else if (const char* h = std::getenv("HOME"); h && *h) base = std::string(h) + "/.local/share";
  else throw StoreError("cannot tell where the history goes: neither XDG_DATA_HOME nor HOME is set (or set CONSENTLENS_DB)");
  return base + "/consentlens/history.db";
}

Store::Store(const std::string& path) : path_(path) {
  namespace fs = std::filesystem;
  const fs::path p(path);
  if (p.has_parent_path() && !fs::exists(p.parent_path())) {
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    if (ec) throw StoreError(path + ": cannot create its folder: " + ec.message());
    ::chmod(p.parent_path().c_str(), 0700);  // the history is private: only its owner may list it
  }
  // Files SQLite makes beside it (-wal, -shm) get the same private mode.
  const mode_t old_mask = ::umask(077);
  const int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  ::umask(old_mask);
  if (rc != SQLITE_OK) {
    std::string m = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(path + ": cannot open the history database: " + m);
  }
  if (path != ":memory:") ::chmod(path.c_str(), 0600);
  sqlite3_busy_timeout(db_, 5000);
  try {
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
    exec("PRAGMA cache_size=-32768");
    // Checkpoints happen after replies (checkpoint_if_due), not inside commits.
    exec("PRAGMA wal_autocheckpoint=0");
    sqlite3_wal_hook(db_, &Store::on_wal_commit, this);
    exec("PRAGMA foreign_keys=ON");
    migrate();
    // Words a host left waiting when it exited (before its batch filled) join the index now.
    // The check's statement is finished first: a read left open would turn the write below into
    // an immediate "database is locked" (no busy wait) whenever another host wrote meanwhile.
    bool leftovers = false;
    {
      Stmt pending(db_, "SELECT EXISTS (SELECT 1 FROM search_pending)");
      pending.step();
      leftovers = pending.int64(0) != 0;
    }
    if (leftovers) index_pending();
  } catch (const StoreError& e) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(path + ": " + e.what());
  }
  // Started last: a constructor that throws must not leave a thread behind.
  if (path != ":memory:") checkpointer_ = std::thread([this] { checkpoint_loop(); });
}

Store::~Store() {
  if (checkpointer_.joinable()) {
    {
      std::lock_guard<std::mutex> lock(checkpoint_mutex_);
      stopping_ = true;
    }
    checkpoint_wanted_.notify_one();
    checkpointer_.join();
  }
  sqlite3_close(db_);
}

void Store::exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string m = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    throw StoreError(std::string("database: ") + m);
  }
}

int Store::schema_version() {
  Stmt st(db_, "PRAGMA user_version");
  st.step();
  return static_cast<int>(st.int64(0));
}

void Store::migrate() {
  // Each step takes the schema from version i to i+1; they run in one transaction each, so a
  // crash mid-migration leaves the previous version intact.
  static const char* const steps[] = {
      // 1: the events table.
      "CREATE TABLE events ("
      " seq INTEGER PRIMARY KEY,"
      " event_id TEXT NOT NULL UNIQUE,"
      " type TEXT NOT NULL CHECK (type IN ('finding_shown', 'choice')),"
      " at TEXT NOT NULL,"
      " at_ms INTEGER NOT NULL,"
      " site TEXT NOT NULL,"
      " kind TEXT, vendor TEXT, choice TEXT,"
      " finding TEXT,"
      " stored_ms INTEGER NOT NULL);"
      "CREATE INDEX events_by_time ON events (at_ms, seq);",
      // 2: page title, meeting, searchable words, settings; indexes for the history page's filters.
      "ALTER TABLE events ADD COLUMN page_title TEXT;"
      "ALTER TABLE events ADD COLUMN meeting TEXT;"
      "ALTER TABLE events ADD COLUMN search TEXT NOT NULL DEFAULT '';"
      "UPDATE events SET search = lower(site || char(10) || coalesce(choice, '') || char(10) ||"
      "  coalesce(json_extract(finding, '$.evidence.text'), '') || char(10) ||"
      "  coalesce(json_extract(finding, '$.explanation.summary'), '') || char(10) || coalesce(kind, '') ||"
      "  char(10) || coalesce(vendor, ''));"
      "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
      "CREATE INDEX events_by_kind ON events (kind, at_ms);"
      "CREATE INDEX events_by_vendor ON events (vendor, at_ms);"
      "CREATE INDEX events_by_site ON events (site, at_ms);",
      // 3: the large parts of an event (its finding, title, meeting) move to their own table and
      // the searchable words to a trigram index, so that counting, stats and search read small
      // rows (100,000 events: from hundreds of milliseconds to a few).
      "CREATE TABLE event_data (seq INTEGER PRIMARY KEY, finding TEXT, page_title TEXT, meeting TEXT);"
      "INSERT INTO event_data SELECT seq, finding, page_title, meeting FROM events;"
      "CREATE VIRTUAL TABLE event_search USING fts5(words, tokenize = 'trigram');"
      "INSERT INTO event_search (rowid, words) SELECT seq, search FROM events;"
      "ALTER TABLE events DROP COLUMN finding;"
      "ALTER TABLE events DROP COLUMN page_title;"
      "ALTER TABLE events DROP COLUMN meeting;"
      "ALTER TABLE events DROP COLUMN search;"
      "CREATE INDEX events_by_type ON events (type, kind, at_ms);"
      "CREATE INDEX events_by_choice ON events (choice);"
      "CREATE TRIGGER events_deleted AFTER DELETE ON events BEGIN"
      "  DELETE FROM event_data WHERE seq = old.seq;"
      "  DELETE FROM event_search WHERE rowid = old.seq;"
      "END;",
      // 4: a logged event's words wait in search_pending and join the trigram index in bulk,
      // after the reply (after_reply). Inserting them into FTS5 one event at a time made
      // one acknowledgement in about twenty wait 15-30 ms for the index's segment merges.
      "CREATE TABLE search_pending (seq INTEGER PRIMARY KEY, words TEXT NOT NULL);"
      "DROP TRIGGER events_deleted;"
      "CREATE TRIGGER events_deleted AFTER DELETE ON events BEGIN"
      "  DELETE FROM event_data WHERE seq = old.seq;"
      "  DELETE FROM event_search WHERE rowid = old.seq;"
      "  DELETE FROM search_pending WHERE seq = old.seq;"
      "END;",
  };
  static_assert(sizeof steps / sizeof steps[0] == kSchemaVersion);
  for (int v = schema_version(); v < kSchemaVersion; v = schema_version()) {
    Transaction t(db_);
    // Another host may have migrated while we waited for the write lock.
    if (schema_version() != v) continue;
    exec(steps[v]);
    exec(("PRAGMA user_version=" + std::to_string(v + 1)).c_str());
    t.commit();
  }
  if (schema_version() > kSchemaVersion)
    throw StoreError("the history was written by a newer consentlens (schema " + std::to_string(schema_version()) +
                     ", this one knows " + std::to_string(kSchemaVersion) + ")");
}

LogResult Store::log(const std::vector<Event>& events) {
  LogResult r;
  Transaction t(db_);
  Stmt st(db_,
          "INSERT OR IGNORE INTO events (event_id, type, at, at_ms, site, kind, vendor, choice, stored_ms)"
          " VALUES (?,?,?,?,?,?,?,?,?)");
  Stmt data(db_, "INSERT INTO event_data (seq, finding, page_title, meeting) VALUES (?,?,?,?)");
  Stmt words(db_, "INSERT INTO search_pending (seq, words) VALUES (?,?)");
  const std::int64_t now = now_ms();
  for (const Event& e : events) {
    st.bind(1, e.event_id);
    st.bind(2, e.type);
    st.bind(3, e.at);
    st.bind(4, e.at_ms);
    st.bind(5, e.site);
    const std::string kind = finding_field(e, "kind"), vendor = finding_field(e, "vendor");
    kind.empty() ? st.bind_null(6) : st.bind(6, kind);
    vendor.empty() ? st.bind_null(7) : st.bind(7, vendor);
    e.choice.empty() ? st.bind_null(8) : st.bind(8, e.choice);
    st.bind(9, now);
    st.step();
    st.reset();
    if (sqlite3_changes(db_) == 0) {  // an event_id seen before: stored once
      ++r.duplicates;
      continue;
    }
    ++r.stored;
    const std::int64_t seq = sqlite3_last_insert_rowid(db_);
    data.bind(1, seq);
    e.finding ? data.bind(2, e.finding->dump()) : data.bind_null(2);
    e.page_title.empty() ? data.bind_null(3) : data.bind(3, e.page_title);
    e.meeting.empty() ? data.bind_null(4) : data.bind(4, e.meeting);
    data.step();
    data.reset();
    words.bind(1, seq);
    words.bind(2, search_text(e));
    words.step();
    words.reset();
  }
  t.commit();  // synchronous=FULL: on disk when this returns
  pending_words_ += r.stored;
  return r;
}

std::int64_t Store::index_pending() {
  Transaction t(db_);
  exec("INSERT INTO event_search (rowid, words) SELECT seq, words FROM search_pending ORDER BY seq");
  const std::int64_t n = sqlite3_changes(db_);
  exec("DELETE FROM search_pending");
  t.commit();
  pending_words_ = 0;
  return n;
}

void Store::after_reply() {
  checkpoint_if_due();
  // Counted in this process only: what another host leaves pending is indexed when this one
  // starts, or by that host itself.
  if (pending_words_ >= kPendingWordsBatch) index_pending();
}

QueryPage Store::query(const Filters& f, int limit, const std::string& cursor) {
  QueryPage page;
  const Clause c = where_of(f);
  // The cursor is "at_ms:seq" of the last row of the previous page.
  std::string after;
  std::vector<std::variant<std::string, std::int64_t>> after_args;
  if (!cursor.empty()) {
    const auto colon = cursor.find(':');
    char* end1 = nullptr;
    char* end2 = nullptr;
    const long long at = std::strtoll(cursor.c_str(), &end1, 10);
    const long long seq = colon == std::string::npos ? 0 : std::strtoll(cursor.c_str() + colon + 1, &end2, 10);
    if (colon == std::string::npos || end1 != cursor.c_str() + colon || !end2 || *end2 != '\0')
      throw std::invalid_argument("\"cursor\" is not one this host gave out");
    after = " AND (at_ms < ? OR (at_ms = ? AND seq < ?))";
    after_args = {static_cast<std::int64_t>(at), static_cast<std::int64_t>(at), static_cast<std::int64_t>(seq)};
  }
  auto count_alone = [&] {
    Stmt count(db_, "SELECT count(*) FROM events" + c.sql);
    bind_all(count, c.args);
    count.step();
    return count.int64(0);
  };
  const bool searching = !f.search.empty();
  std::string sql;
  std::vector<std::variant<std::string, std::int64_t>> args;
  if (searching) {
    // A search's matches come from the trigram index as one list, made once (m). The page walks
    // the events newest first through the time index and keeps those in m ("+seq" keeps SQLite
    // from instead looking up every match's row and sorting them all: 40,000 matches cost 40 ms
    // that way), stopping after a page; the count is m's size, or with other filters, the rows
    // that pass them too. Column 10 carries the count.
    Filters rest = f;
    rest.search.clear();
    const Clause others = where_of(rest);
    const Clause m = matching(f.search);
    const bool filtered = others.sql != " WHERE 1=1";
    sql = "WITH m AS MATERIALIZED (" + m.sql + ") SELECT seq, event_id, type, at, site, choice, d.finding, d.page_title,"
          " d.meeting, at_ms, (SELECT count(*) FROM " + (filtered ? "events" + others.sql + " AND +seq IN m" : std::string("m")) +
          ") FROM events JOIN event_data d USING (seq)" + others.sql + " AND +seq IN m" + after +
          " ORDER BY at_ms DESC, seq DESC LIMIT ?";
    args = m.args;
    if (filtered) args.insert(args.end(), others.args.begin(), others.args.end());
    args.insert(args.end(), others.args.begin(), others.args.end());
  } else {
    page.total = count_alone();
    sql = std::string(kSelect) + c.sql + after + " ORDER BY at_ms DESC, seq DESC LIMIT ?";
    args = c.args;
  }
  args.insert(args.end(), after_args.begin(), after_args.end());
  Stmt st(db_, sql);
  bind_all(st, args);
  st.bind(static_cast<int>(args.size()) + 1, static_cast<std::int64_t>(limit) + 1);
  bool counted = !searching;
  while (st.step()) {
    if (!counted) {
      page.total = st.int64(10);
      counted = true;
    }
    if (static_cast<int>(page.events.size()) == limit) {
      page.more = true;
      break;
    }
    page.events.push_back(row_to_event(st));
  }
  if (!counted) page.total = count_alone();  // a search page past its last match
  return page;
}

std::int64_t Store::remove(const std::vector<std::string>& ids) {
  Transaction t(db_);
  Stmt st(db_, "DELETE FROM events WHERE event_id = ?");
  std::int64_t n = 0;
  for (const auto& id : ids) {
    st.bind(1, id);
    st.step();
    n += sqlite3_changes(db_);
    st.reset();
  }
  t.commit();
  return n;
}

std::int64_t Store::remove_range(std::optional<std::int64_t> since, std::optional<std::int64_t> until) {
  Filters f;
  f.since_ms = since;
  f.until_ms = until;
  const Clause c = where_of(f);
  Transaction t(db_);
  Stmt st(db_, "DELETE FROM events" + c.sql);
  bind_all(st, c.args);
  st.step();
  const std::int64_t n = sqlite3_changes(db_);
  t.commit();
  return n;
}

std::int64_t Store::purge() { return remove_range(std::nullopt, std::nullopt); }

std::optional<std::string> Store::setting(const std::string& key) {
  Stmt st(db_, "SELECT value FROM settings WHERE key = ?");
  st.bind(1, key);
  if (st.step()) return st.text(0);
  return std::nullopt;
}

void Store::put_setting(const std::string& key, const std::string& value) {
  Stmt st(db_, "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  st.bind(1, key);
  st.bind(2, value);
  st.step();
}

int Store::retention_days() {
  const auto v = setting("retention_days");
  return v ? std::atoi(v->c_str()) : kDefaultRetentionDays;
}

std::int64_t Store::set_retention(int days, std::int64_t now) {
  {
    Transaction t(db_);
    put_setting("retention_days", std::to_string(days));
    t.commit();
  }
  return apply_retention(now);
}

std::int64_t Store::apply_retention(std::int64_t now) {
  const int days = retention_days();
  Transaction t(db_);
  std::int64_t n = 0;
  if (days > 0) {
    Stmt st(db_, "DELETE FROM events WHERE at_ms < ?");
    st.bind(1, now - static_cast<std::int64_t>(days) * 86'400'000);
    st.step();
    n = sqlite3_changes(db_);
  }
  put_setting("retention_last_run_ms", std::to_string(now));
  t.commit();
  return n;
}

bool Store::retention_due(std::int64_t now) {
  const auto last = setting("retention_last_run_ms");
  return !last || now - std::atoll(last->c_str()) >= 86'400'000;
}

Json Store::stats(const Filters& f) {
  const Clause c = where_of(f);
  using Counts = std::map<std::string, std::int64_t, std::less<>>;
  std::int64_t total = 0, first = 0, last = 0;
  Counts by_type, by_kind;
  std::map<std::pair<std::int64_t, std::string>, std::int64_t> weekly;  // (week number, kind)
  {
    // One read of the rows in (type, kind, at_ms) order, which the events_by_type index gives
    // without sorting: the types, the kinds and the weeks all change in runs, so each row costs
    // two short comparisons instead of a grouped, sorted count per breakdown (the weekly count
    // alone sorted every row: 34 of 55 ms over 100,000 events).
    Stmt st(db_, "SELECT type, kind, at_ms FROM events" + c.sql + " ORDER BY type, kind, at_ms");
    bind_all(st, c.args);
    std::string type, kind;
    bool has_kind = false;
    std::int64_t run = 0, week = 0, week_run = 0;
    auto end_week = [&] {
      if (week_run && has_kind && type == "finding_shown") weekly[{week, kind}] += week_run;
      week_run = 0;
    };
    auto end_run = [&] {
      end_week();
      if (!run) return;
      by_type[type] += run;
      if (has_kind) by_kind[kind] += run;
      run = 0;
    };
    while (st.step()) {
      const std::int64_t at = st.int64(2);
      first = total ? std::min(first, at) : at;
      last = total ? std::max(last, at) : at;
      ++total;
      const bool row_has_kind = !st.is_null(1);
      if (st.view(0) != type || row_has_kind != has_kind || st.view(1) != kind) {
        end_run();
        type = st.view(0);
        kind = st.view(1);
        has_kind = row_has_kind;
      }
      ++run;
      // Findings per week (Monday, UTC): 1970-01-01 was a Thursday, so Monday-based weeks
      // start 3 days later.
      const std::int64_t w = (at / 86'400'000 + 3) / 7;
      if (w != week) end_week();
      week = w;
      ++week_run;
    }
    end_run();
  }
  Json out;
  out["total"] = total;
  out["first_at"] = total ? Json(format_rfc3339(first)) : Json(nullptr);
  out["last_at"] = total ? Json(format_rfc3339(last)) : Json(nullptr);
  // Most frequent first, ties by name.
  auto ranked = [](const Counts& counts) {
    std::vector<std::pair<std::string, std::int64_t>> rows(counts.begin(), counts.end());
    std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    Json j = Json::object();
    for (const auto& [name, n] : rows) j[name] = n;
    return j;
  };
  // Vendor and choice: each a grouped count read from its own index.
  auto grouped = [&](const char* col) {
    Counts counts;
    Stmt st(db_, std::string("SELECT ") + col + ", count(*) FROM events" + c.sql + " AND " + col + " IS NOT NULL GROUP BY 1");
    bind_all(st, c.args);
    while (st.step()) counts[st.text(0)] = st.int64(1);
    return ranked(counts);
  };
  out["by_kind"] = ranked(by_kind);
  out["by_vendor"] = grouped("vendor");
  out["by_type"] = ranked(by_type);
  out["by_choice"] = grouped("choice");
  Json weeks = Json::array();
  for (const auto& [key, n] : weekly)
    weeks.push_back(Json{{"week", week_of((key.first * 7 - 3) * 86'400'000)}, {"kind", key.second}, {"count", n}});
  out["by_week"] = weeks;
  return out;
}

int Store::on_wal_commit(void* self, sqlite3*, const char*, int pages) {
  static_cast<Store*>(self)->wal_pages_ = pages;
  return SQLITE_OK;
}

void Store::checkpoint_if_due() {
  if (wal_pages_ < 1000 || !checkpointer_.joinable()) return;  // SQLite's own default threshold
  wal_pages_ = 0;
  {
    std::lock_guard<std::mutex> lock(checkpoint_mutex_);
    checkpoint_requested_ = true;
  }
  checkpoint_wanted_.notify_one();
}

void Store::checkpoint_loop() {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return;  // without it, the log is copied when the last connection closes
  }
  sqlite3_busy_timeout(db, 5000);
  while (true) {
    std::unique_lock<std::mutex> lock(checkpoint_mutex_);
    checkpoint_wanted_.wait(lock, [this] { return checkpoint_requested_ || stopping_; });
    if (stopping_) break;
    checkpoint_requested_ = false;
    lock.unlock();
    // PASSIVE: never waits for readers or writers; what it cannot copy now is copied next time.
    sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  }
  sqlite3_close(db);
}

std::string Store::integrity_check() {
  Stmt st(db_, "PRAGMA integrity_check");
  std::string out;
  while (st.step()) {
    if (!out.empty()) out += "; ";
    out += st.text(0);
  }
  return out;
}

}  // namespace consentlens::host
