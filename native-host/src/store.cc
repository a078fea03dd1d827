// The store's life: opening with its checks, writing, deleting, retention and upkeep. Reads are
// in store_read.cc.
#include "store.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

#include "checkpointer.h"
#include "db_files.h"
#include "filters_sql.h"
#include "intake.h"
#include "schema.h"
#include "search.h"
#include "timeutil.h"

namespace consentlens::host {
namespace {

constexpr std::int64_t kDayMs = 86'400'000;
// Deletions run in transactions of this many events, with a checkpoint between them, so that
// the log they write stays small enough for the reserve on a full disk.
constexpr int kDeleteChunk = 200;

}  // namespace

Store::Location Store::default_location() {
  if (const char* p = std::getenv("CONSENTLENS_DB"); p && *p) return {p, false};
  std::string base;
  if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x == '/') base = x;
  else if (const char* h = std::getenv("HOME"); h && *h) base = std::string(h) + "/.local/share";
  else throw StoreError("cannot tell where the history goes: neither XDG_DATA_HOME nor HOME is set (or set CONSENTLENS_DB)");
  return {base + "/consentlens/history.db", true};
}

Store::Store(const std::string& path, bool private_folder) : path_(path) {
  const bool on_disk = path != ":memory:";
  try {
    if (on_disk) {
      const std::filesystem::path p(path);
      if (p.has_parent_path()) prepare_folder(p.parent_path().string(), private_folder);
      prepare_database_file(path);
    }
    open_connection(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    // SQLite answers "database is locked" at once, without waiting, where two connections would
    // otherwise deadlock, which two hosts opening a new database together can meet (one reading
    // it for quick_check while the other turns on WAL): the checks are run again, for up to 5 s.
    for (int attempt = 0;; ++attempt) {
      try {
        if (!check_and_prepare()) return;  // damaged: read-only, no upkeep
        break;
      } catch (const StoreError& e) {
        if (!e.busy() || attempt >= 100) throw;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
  } catch (const StoreError& e) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(path + ": " + e.what(), e.sqlite_code());
  }
  // Upkeep that may fail (a full disk) without keeping the history from being read or emptied.
  try {
    if (has_pending(db_)) index_pending();
  } catch (const StoreError& e) {
    std::cerr << "consentlens-host: " << path << ": the search index is not up to date (" << e.what() << ")\n";
  }
  if (on_disk) {
    ensure_reserve(path);
    checkpointer_ = std::make_unique<Checkpointer>(path);  // last: a throwing constructor leaves no thread
  }
}

// quick_check, then the settings and the schema; false when the file is damaged (quarantined).
bool Store::check_and_prepare() {
  // Until the file is known to be sound, closing must not copy the log into it.
  sqlite3_db_config(db_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  exec(db_, "PRAGMA wal_autocheckpoint=0");  // checkpoints happen after replies (checkpointer.h)
  std::string check;
  try {
    check = quick_check();
  } catch (const StoreError& e) {
    if (!e.corrupt()) throw;
    check = e.what();
  }
  if (check != "ok") {
    quarantine(check);
    return false;
  }
  sqlite3_db_config(db_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, nullptr);
  configure();
  migrate(db_);
  return true;
}

Store::~Store() {
  checkpointer_.reset();
  sqlite3_close(db_);
}

void Store::open_connection(int flags) {
  // Files SQLite makes beside the database (-wal, -shm) get the database's own private mode;
  // the umask covers the moment before it copies that mode. (Not SQLITE_OPEN_NOFOLLOW: it refuses
  // a link anywhere in the path, such as a home folder that is one; prepare_database_file has
  // refused a link in place of the files themselves.)
  const mode_t old_mask = ::umask(077);
  const int rc = sqlite3_open_v2(path_.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  ::umask(old_mask);
  if (rc != SQLITE_OK) {
    const std::string m = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError("cannot open the history database: " + m, rc & 0xff);
  }
  sqlite3_busy_timeout(db_, 5000);  // two browsers may write at once
}

void Store::configure() {
  exec(db_, "PRAGMA journal_mode=WAL");
  exec(db_, "PRAGMA synchronous=FULL");        // durable before the acknowledgement
  exec(db_, "PRAGMA secure_delete=ON");        // deleted events are overwritten, whatever SQLite's build default
  exec(db_, "PRAGMA temp_store=MEMORY");       // no temporary files in the system's temporary folder
  exec(db_, "PRAGMA journal_size_limit=8388608");  // a log grown by a large write shrinks back
  exec(db_, "PRAGMA cache_size=-32768");
  exec(db_, "PRAGMA foreign_keys=ON");
  sqlite3_wal_hook(db_, &Store::on_wal_commit, this);
}

void Store::quarantine(const std::string& what_failed) {
  if (checkpointer_) checkpointer_->freeze();
  sqlite3_db_config(db_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  std::string copy;
  try {
    copy = "a copy of it, with its -wal and -shm, is at " + quarantine_copy(path_, now_ms());
  } catch (const StoreError& e) {
    copy = "no copy could be made (" + std::string(e.what()) + "), so copy the file and its -wal and -shm yourself";
  }
  sqlite3_close(db_);
  db_ = nullptr;
  open_connection(SQLITE_OPEN_READONLY);
  sqlite3_db_config(db_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  read_only_reason_ = "the history database " + path_ + " is damaged (" + what_failed + "); " + copy +
                      ". The history is read-only until the damaged file is moved away (docs/native-host.md, \"A damaged history\")";
  std::cerr << "consentlens-host: " << read_only_reason_ << "\n";
}

void Store::require_writable() {
  if (!read_only_reason_.empty()) throw StoreError(read_only_reason_);
}

template <typename F>
auto Store::writing(F&& job) -> decltype(job()) {
  require_writable();
  try {
    return job();
  } catch (const StoreError& e) {
    if (!e.corrupt()) throw;
    quarantine(e.what());
    throw StoreError(read_only_reason_, e.sqlite_code());
  }
}

template <typename F>
auto Store::deleting(F&& job) -> decltype(job()) {
  return writing([&] {
    try {
      return job();
    } catch (const StoreError& e) {
      if (!e.disk_full()) throw;
      // Room to delete, given only to deleting, so the person can always empty the history: the
      // reserve, then the log's own space once its pages are in the file (a TRUNCATE checkpoint,
      // which the reserve's space lets the file grow for).
      const bool released = release_reserve(path_);
      const bool truncated =
          sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr) == SQLITE_OK;
      if (!released && !truncated) throw;
      return job();
    }
  });
}

int Store::schema_version() { return consentlens::host::schema_version(db_); }

std::optional<std::int64_t> Store::visible_since() {
  const int days = retention_days();
  if (days <= 0) return std::nullopt;
  return now_ms() - static_cast<std::int64_t>(days) * kDayMs;
}

void Store::store_one(const Event& e, std::int64_t key, Stmt& insert, Stmt& data, Stmt& words) {
  insert.bind(1, e.event_id);
  insert.bind(2, e.type);
  insert.bind(3, e.at);
  insert.bind(4, e.at_ms);
  insert.bind(5, e.site);
  const Json& f = e.finding ? *e.finding : Json::object();
  insert.bind_text_or_null(6, f.contains("kind") && f["kind"].is_string() ? f["kind"].get<std::string>() : "");
  insert.bind_text_or_null(7, f.contains("vendor") && f["vendor"].is_string() ? f["vendor"].get<std::string>() : "");
  insert.bind_text_or_null(8, e.choice);
  insert.bind(9, now_ms());
  insert.bind(10, meeting_key(e.site, e.meeting, e.at_ms));
  key ? insert.bind(11, key) : insert.bind_null(11);
  insert.step();
  insert.reset();
  const std::int64_t seq = sqlite3_last_insert_rowid(db_);
  data.bind(1, seq);
  e.finding ? data.bind(2, e.finding->dump()) : data.bind_null(2);
  data.bind_text_or_null(3, e.page_title);
  data.bind_text_or_null(4, e.meeting);
  data.bind_text_or_null(5, e.source);
  data.step();
  data.reset();
  words.bind(1, seq);
  words.bind(2, search_text(e));
  words.step();
  words.reset();
}

LogResult Store::log(const std::vector<Event>& events) {
  return writing([&] {
    LogResult r;
    Transaction t(db_);
    Stmt known(db_, "SELECT EXISTS (SELECT 1 FROM events WHERE event_id = ?)");
    Stmt insert(db_,
                "INSERT INTO events (event_id, type, at, at_ms, site, kind, vendor, choice, stored_ms, meeting_key, shown_key)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    Stmt data(db_, "INSERT INTO event_data (seq, finding, page_title, meeting, source) VALUES (?,?,?,?,?)");
    Stmt words(db_, "INSERT INTO search_pending (seq, words) VALUES (?,?)");
    Intake intake(db_, visible_since());
    for (const Event& e : events) {
      known.bind(1, e.event_id);
      known.step();
      const bool seen = known.int64(0) != 0;
      known.reset();
      if (seen) {
        ++r.duplicates;
        continue;
      }
      const std::int64_t key = shown_key(e);
      switch (intake.judge(e, key)) {
        case Verdict::expired: ++r.expired; continue;
        case Verdict::repeat: ++r.repeats; continue;
        case Verdict::over_quota: ++r.over_quota; continue;
        case Verdict::store: break;
      }
      store_one(e, key, insert, data, words);
      ++r.stored;
    }
    t.commit();  // synchronous=FULL: on disk when this returns
    pending_words_ += r.stored;
    return r;
  });
}

std::int64_t Store::delete_where(const Clause& c) {
  std::int64_t total = 0;
  Stmt st(db_, "DELETE FROM events WHERE seq IN (SELECT seq FROM events" + c.sql + " LIMIT " + std::to_string(kDeleteChunk) + ")");
  while (true) {
    std::int64_t n = 0;
    {
      Transaction t(db_);
      bind_all(st, c.args);
      st.step();
      n = sqlite3_changes(db_);
      st.reset();
      t.commit();
    }
    total += n;
    if (n < kDeleteChunk) return total;
    // The next chunk reuses the log from its start instead of growing it.
    sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  }
}

std::int64_t Store::remove(const std::vector<std::string>& ids) {
  return deleting([&] {
    std::int64_t n = 0;
    for (std::size_t from = 0; from < ids.size(); from += kDeleteChunk) {
      Clause c{" WHERE event_id IN (", {}};
      for (std::size_t i = from; i < ids.size() && i < from + kDeleteChunk; ++i) {
        c.sql += i == from ? "?" : ",?";
        c.args.emplace_back(ids[i]);
      }
      c.sql += ")";
      n += delete_where(c);
    }
    return n;
  });
}

std::int64_t Store::remove_range(std::optional<std::int64_t> since, std::optional<std::int64_t> until) {
  Filters f;
  f.since_ms = since;
  f.until_ms = until;
  return deleting([&] { return delete_where(where_of(f, std::nullopt)); });
}

std::int64_t Store::purge() { return remove_range(std::nullopt, std::nullopt); }

std::optional<std::string> Store::setting(const std::string& key) {
  Stmt st(db_, "SELECT value FROM settings WHERE key = ?");
  st.bind(1, key);
  if (st.step()) return st.text(0);
  return std::nullopt;
}

void Store::put_setting(const std::string& key, const std::string& value) {
  Transaction t(db_);
  Stmt st(db_, "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  st.bind(1, key);
  st.bind(2, value);
  st.step();
  t.commit();
}

int Store::retention_days() {
  try {
    const auto v = setting("retention_days");
    return v ? std::atoi(v->c_str()) : kDefaultRetentionDays;
  } catch (const StoreError&) {
    if (read_only_reason_.empty()) throw;
    return kDefaultRetentionDays;  // a damaged settings table: read with the default
  }
}

std::int64_t Store::set_retention(int days, std::int64_t now) {
  writing([&] {
    put_setting("retention_days", std::to_string(days));
    return 0;
  });
  return apply_retention(now);
}

std::int64_t Store::apply_retention(std::int64_t now) {
  return deleting([&] {
    const int days = retention_days();
    std::int64_t n = 0;
    if (days > 0) n = delete_where({" WHERE at_ms < ?", {now - static_cast<std::int64_t>(days) * kDayMs}});
    put_setting("retention_last_run_ms", std::to_string(now));
    return n;
  });
}

bool Store::retention_due(std::int64_t now) {
  if (!read_only_reason_.empty()) return false;
  const auto last = setting("retention_last_run_ms");
  return !last || now - std::atoll(last->c_str()) >= kDayMs;
}

std::int64_t Store::index_pending() {
  return writing([&] {
    const std::int64_t n = consentlens::host::index_pending(db_);
    pending_words_ = 0;
    return n;
  });
}

void Store::after_reply() noexcept {
  try {
    if (!read_only_reason_.empty()) return;
    if (wal_pages_ >= 1000 && checkpointer_) {  // SQLite's own default threshold
      wal_pages_ = 0;
      checkpointer_->request();
    }
    // Counted in this process only: what another host leaves pending is indexed when this one
    // starts, or by that host itself.
    if (pending_words_ >= kPendingWordsBatch) index_pending();
  } catch (const std::exception& e) {
    // The words stay in search_pending, where searches still find them; the next batch retries.
    std::cerr << "consentlens-host: " << path_ << ": upkeep after a reply failed: " << e.what() << "\n";
  }
}

int Store::on_wal_commit(void* self, sqlite3*, const char*, int pages) {
  static_cast<Store*>(self)->wal_pages_ = pages;
  return SQLITE_OK;
}

}  // namespace consentlens::host
