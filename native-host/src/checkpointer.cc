#include "checkpointer.h"

#include <sqlite3.h>

namespace consentlens::host {

Checkpointer::Checkpointer(std::string path) : path_(std::move(path)), thread_([this] { loop(); }) {}

Checkpointer::~Checkpointer() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wanted_.notify_one();
  thread_.join();
}

void Checkpointer::request() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    requested_ = true;
  }
  wanted_.notify_one();
}

void Checkpointer::freeze() {
  // A checkpoint in progress holds run_mutex_: taking it waits for that one to end, and the
  // worker reads frozen_ under it before starting another.
  std::lock_guard<std::mutex> run(run_mutex_);
  std::lock_guard<std::mutex> lock(mutex_);
  frozen_ = true;
}

void Checkpointer::loop() {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK ||
      // A connection learns that the database is in WAL mode only when it first reads it; until
      // then a checkpoint is a no-op that reports "not in WAL mode".
      sqlite3_exec(db, "PRAGMA schema_version", nullptr, nullptr, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return;  // without it, the log is copied when the last connection closes
  }
  sqlite3_busy_timeout(db, 5000);
  // This connection only checkpoints: closing it must not copy a log the store has frozen.
  sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  while (true) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wanted_.wait(lock, [this] { return requested_ || stopping_; });
      if (stopping_) break;
      requested_ = false;
    }
    std::lock_guard<std::mutex> run(run_mutex_);
    bool frozen;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      frozen = frozen_;
    }
    // PASSIVE: never waits for readers or writers; what it cannot copy now is copied next time.
    if (!frozen) sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  }
  sqlite3_close(db);
}

}  // namespace consentlens::host
