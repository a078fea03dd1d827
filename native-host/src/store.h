// The consent history in SQLite. One database per user, shared by every browser (and by
// `consentlens history`): WAL so readers never block the writer, synchronous=FULL so a logged
// event is on disk before log() returns, a busy timeout so two hosts can write at once, and a
// versioned schema migrated in place (PRAGMA user_version).
#pragma once
#include <cstdint>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

struct sqlite3;

namespace consentlens::host {

using Json = nlohmann::ordered_json;

inline constexpr int kSchemaVersion = 4;
// Logged events whose words wait outside the trigram index before after_reply() indexes them.
inline constexpr int kPendingWordsBatch = 256;
inline constexpr int kDefaultRetentionDays = 365;

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One event, validated (see dispatcher.cc) and ready to store.
struct Event {
  std::string event_id, type, at;  // at: RFC 3339 as sent
  std::int64_t at_ms = 0;
  std::string site, choice, page_title, meeting;
  std::optional<Json> finding;
};

struct Filters {
  std::optional<std::int64_t> since_ms, until_ms;
  std::string vendor, kind, site, type, search;
};

struct QueryPage {
  std::vector<Json> events;  // newest first, each with its "cursor"
  std::int64_t total = 0;    // rows matching the filters
  bool more = false;         // rows beyond this page
};

struct LogResult {
  int stored = 0, duplicates = 0;
};

class Store {
 public:
  // $CONSENTLENS_DB, else $XDG_DATA_HOME/consentlens/history.db, else ~/.local/share/consentlens/history.db.
  static std::string default_path();

  // Opens (creating folder 0700 and file 0600) and migrates. Throws StoreError naming the file.
  explicit Store(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const { return path_; }
  int schema_version();

  // All events in one transaction: every one durable, or none stored. Known event ids are skipped.
  LogResult log(const std::vector<Event>& events);
  // Newest first; `cursor` continues after the row that produced it ("" for the first page).
  QueryPage query(const Filters& f, int limit, const std::string& cursor);
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

  Json stats(const Filters& f);
  std::string integrity_check();

  // Copies the write-ahead log into the database once it holds enough pages, on a thread of
  // its own with its own connection. SQLite would do it inside a commit (every thousand pages,
  // about one acknowledgement in a hundred), making that acknowledgement wait for the copy and
  // its fsync; the host asks for it after replying, and the next request does not wait.
  void checkpoint_if_due();

  // Moves the words of recently logged events into the trigram index, in one transaction (and
  // one round of FTS5 segment merging) for all of them. Returns how many it moved.
  std::int64_t index_pending();
  // The upkeep a host does once a reply is written, so no acknowledgement waits for it: the
  // checkpoint when due, and the bulk index once kPendingWordsBatch events wait for it.
  void after_reply();

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
  int wal_pages_ = 0;               // pages in the write-ahead log, as SQLite last reported
  std::int64_t pending_words_ = 0;  // events this process logged since its last index_pending
  static int on_wal_commit(void* self, sqlite3*, const char*, int pages);

  // The background checkpointer (not for ":memory:" databases, which have no log).
  std::thread checkpointer_;
  std::mutex checkpoint_mutex_;
  std::condition_variable checkpoint_wanted_;
  bool checkpoint_requested_ = false, stopping_ = false;
  void checkpoint_loop();
  void exec(const char* sql);
  void migrate();
  std::optional<std::string> setting(const std::string& key);
  void put_setting(const std::string& key, const std::string& value);
};

}  // namespace consentlens::host
