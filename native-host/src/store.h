// The consent history in SQLite. One database per user, shared by every browser (and by
// `consentlens history`). What holds, whatever happens:
// - log() returns only once every stored event is on disk (WAL, synchronous=FULL); a batch is
//   stored whole or not at all;
// - nothing is overwritten that was acknowledged: a database that fails quick_check at open, or
//   reports damage later, is copied with its -wal and -shm (db_files.h) before anything writes,
//   and the store stays read-only, saying which file and which copy (read_only_reason());
// - reading, deleting and purging work on a full disk: no upkeep at open is required to succeed,
//   and deletions run in small transactions that may use the reserve file;
// - an event older than the retention is never stored nor returned;
// - deleted content is overwritten (secure_delete) and SQLite's temporary data stays in memory.
// A Store is used by one thread; its checkpointer (checkpointer.h) is internal.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "event.h"
#include "meetings.h"
#include "sqlite_util.h"

struct sqlite3;

namespace consentlens::host {

class Checkpointer;

// Logged events whose words wait outside the trigram index before after_reply() indexes them.
inline constexpr int kPendingWordsBatch = 256;
inline constexpr int kDefaultRetentionDays = 365;

class Store {
 public:
  struct Location {
    std::string path;
    bool private_folder;  // the default folder: made and kept 0700
  };
  // $CONSENTLENS_DB, else $XDG_DATA_HOME/consentlens/history.db, else ~/.local/share/consentlens/history.db.
  static Location default_location();
  static std::string default_path() { return default_location().path; }

  // Opens, checks and migrates. Throws StoreError naming the file when it cannot be opened at
  // all; a damaged file opens read-only instead (read_only_reason()).
  explicit Store(const std::string& path, bool private_folder = false);
  explicit Store(const Location& where) : Store(where.path, where.private_folder) {}
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const { return path_; }
  int schema_version();
  // Empty while the history is writable.
  const std::string& read_only_reason() const { return read_only_reason_; }

  // All events in one transaction: every stored one durable, or none stored.
  LogResult log(const std::vector<Event>& events);
  // Newest first; `cursor` continues after the row that produced it ("" for the first page).
  QueryPage query(const Filters& f, int limit, const std::string& cursor);
  std::optional<Json> get(const std::string& event_id);
  MeetingsPage meetings(const Filters& f, int limit, const std::string& cursor);
  Json stats(const Filters& f);

  std::int64_t remove(const std::vector<std::string>& event_ids);
  std::int64_t remove_range(std::optional<std::int64_t> since_ms, std::optional<std::int64_t> until_ms);
  std::int64_t purge();

  int retention_days();
  // Stores the setting and applies it; returns the events it deleted.
  std::int64_t set_retention(int days, std::int64_t now_ms);
  // Deletes what is older than the retention; records when it ran. Returns the events deleted.
  std::int64_t apply_retention(std::int64_t now_ms);
  // True when retention last ran a day or more ago (or never).
  bool retention_due(std::int64_t now_ms);

  std::string integrity_check();
  std::string quick_check();
  // An integer PRAGMA of the store's own connection (secure_delete, temp_store, ...): settings
  // are per connection, so only the store can say what it runs with (doctor and tests ask).
  std::int64_t pragma_value(const std::string& name);
  // Moves the words of recently logged events into the trigram index. Returns how many.
  std::int64_t index_pending();
  // The upkeep after a reply is written, so no acknowledgement waits for it: the checkpoint when
  // due, and the bulk index once kPendingWordsBatch events wait. Never throws: a failure is
  // written to standard error (and damage makes the store read-only).
  void after_reply() noexcept;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
  std::string read_only_reason_;
  int wal_pages_ = 0;               // pages in the write-ahead log, as SQLite last reported
  std::int64_t pending_words_ = 0;  // events this process logged since its last index_pending
  std::unique_ptr<Checkpointer> checkpointer_;

  void open_connection(int flags);
  bool check_and_prepare();
  void configure();
  void quarantine(const std::string& what_failed);
  std::optional<std::int64_t> visible_since();
  std::optional<std::string> setting(const std::string& key);
  void put_setting(const std::string& key, const std::string& value);
  void require_writable();
  template <typename F>
  auto writing(F&& job) -> decltype(job());
  template <typename F>
  auto deleting(F&& job) -> decltype(job());
  template <typename F>
  auto reading(F&& job) -> decltype(job());
  std::int64_t delete_where(const Clause& c);
  void store_one(const Event& e, std::int64_t key, Stmt& insert, Stmt& data, Stmt& words);
  static int on_wal_commit(void* self, sqlite3*, const char*, int pages);
};

}  // namespace consentlens::host
