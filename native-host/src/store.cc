#include "store.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <algorithm>
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

Clause where_of(const Filters& f) {
  Clause c{" WHERE 1=1", {}};
  if (f.since_ms) { c.sql += " AND at_ms >= ?"; c.args.emplace_back(*f.since_ms); }
  if (f.until_ms) { c.sql += " AND at_ms <= ?"; c.args.emplace_back(*f.until_ms); }
  if (!f.vendor.empty()) { c.sql += " AND vendor = ?"; c.args.emplace_back(f.vendor); }
  if (!f.kind.empty()) { c.sql += " AND kind = ?"; c.args.emplace_back(f.kind); }
  if (!f.site.empty()) { c.sql += " AND site = ?"; c.args.emplace_back(f.site); }
  if (!f.type.empty()) { c.sql += " AND type = ?"; c.args.emplace_back(f.type); }
  if (!f.search.empty()) {
    // The trigram index finds substrings of three characters or more; shorter words are looked
    // for by a scan of the (small) search rows.
    std::size_t chars = 0;
    for (unsigned char ch : f.search) chars += (ch & 0xC0) != 0x80;
    if (chars >= 3) {
      std::string phrase = "\"";
      for (char ch : lower_ascii(f.search)) phrase += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      c.sql += " AND seq IN (SELECT rowid FROM event_search WHERE event_search MATCH ?)";
      c.args.emplace_back(phrase + "\"");
    } else {
      c.sql += " AND seq IN (SELECT rowid FROM event_search WHERE words LIKE ? ESCAPE '\\')";
      c.args.emplace_back("%" + like_escape(lower_ascii(f.search)) + "%");
    }
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
  const int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
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
    // Checkpoints happen after replies (checkpoint_if_due), not inside commits.
    exec("PRAGMA wal_autocheckpoint=0");
    sqlite3_wal_hook(db_, &Store::on_wal_commit, this);
    exec("PRAGMA foreign_keys=ON");
    migrate();
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
  Stmt words(db_, "INSERT INTO event_search (rowid, words) VALUES (?,?)");
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
  return r;
}

QueryPage Store::query(const Filters& f, int limit, const std::string& cursor) {
  QueryPage page;
  const Clause c = where_of(f);
  {
    Stmt count(db_, "SELECT count(*) FROM events" + c.sql);
    bind_all(count, c.args);
    count.step();
    page.total = count.int64(0);
  }
  std::string sql = std::string(kSelect) + c.sql;
  auto args = c.args;
  if (!cursor.empty()) {
    const auto colon = cursor.find(':');
    char* end1 = nullptr;
    char* end2 = nullptr;
    const long long at = std::strtoll(cursor.c_str(), &end1, 10);
    const long long seq = colon == std::string::npos ? 0 : std::strtoll(cursor.c_str() + colon + 1, &end2, 10);
    if (colon == std::string::npos || end1 != cursor.c_str() + colon || !end2 || *end2 != '\0')
      throw std::invalid_argument("\"cursor\" is not one this host gave out");
    sql += " AND (at_ms < ? OR (at_ms = ? AND seq < ?))";
    args.emplace_back(static_cast<std::int64_t>(at));
    args.emplace_back(static_cast<std::int64_t>(at));
    args.emplace_back(static_cast<std::int64_t>(seq));
  }
  sql += " ORDER BY at_ms DESC, seq DESC LIMIT ?";
  Stmt st(db_, sql);
  bind_all(st, args);
  st.bind(static_cast<int>(args.size()) + 1, static_cast<std::int64_t>(limit) + 1);
  while (st.step()) {
    if (static_cast<int>(page.events.size()) == limit) {
      page.more = true;
      break;
    }
    page.events.push_back(row_to_event(st));
  }
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
  Json out;
  {
    Stmt st(db_, "SELECT count(*), min(at_ms), max(at_ms) FROM events" + c.sql);
    bind_all(st, c.args);
    st.step();
    out["total"] = st.int64(0);
    out["first_at"] = st.is_null(1) ? Json(nullptr) : Json(format_rfc3339(st.int64(1)));
    out["last_at"] = st.is_null(2) ? Json(nullptr) : Json(format_rfc3339(st.int64(2)));
  }
  // Each breakdown reads one index (events_by_kind, _by_vendor, _by_type, _by_choice).
  for (const char* col : {"kind", "vendor", "type", "choice"}) {
    Json by = Json::object();
    Stmt st(db_, std::string("SELECT ") + col + ", count(*) FROM events" + c.sql + " AND " + col +
                     " IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1");
    bind_all(st, c.args);
    while (st.step()) by[st.text(0)] = st.int64(1);
    out[std::string("by_") + col] = by;
  }
  // Findings per week (Monday, UTC) and kind: the history page's timeline. Weeks are counted in
  // whole days (1970-01-01 was a Thursday, so Monday-based weeks start 3 days later) instead of
  // formatting a date for every row.
  Json weeks = Json::array();
  Stmt st(db_,
          "SELECT (at_ms / 86400000 + 3) / 7 AS week, kind, count(*) FROM events" + c.sql +
              " AND type = 'finding_shown' AND kind IS NOT NULL GROUP BY 2, 1 ORDER BY 1, 2");
  bind_all(st, c.args);
  while (st.step())
    weeks.push_back(Json{{"week", week_of((st.int64(0) * 7 - 3) * 86400000)}, {"kind", st.text(1)}, {"count", st.int64(2)}});
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
