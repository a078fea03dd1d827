// Copies the write-ahead log into the database on a thread of its own, with its own connection.
// SQLite would do it inside a commit every thousand pages, making that acknowledgement wait for
// the copy and its fsync; the host asks for it after replying instead, so no request waits.
//
// Thread safety: request() and freeze() may be called from the owning thread while the worker
// runs; the destructor joins the worker. After freeze() returns, no checkpoint runs or starts:
// a damaged database's log is never copied into it (store.cc freezes before quarantining).
#pragma once
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace consentlens::host {

class Checkpointer {
 public:
  explicit Checkpointer(std::string path);
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  void request();
  void freeze();

 private:
  std::string path_;
  std::mutex mutex_;      // guards the flags
  std::mutex run_mutex_;  // held for the whole of each checkpoint
  std::condition_variable wanted_;
  bool requested_ = false, stopping_ = false, frozen_ = false;
  std::thread thread_;  // last: started once everything above exists
  void loop();
};

}  // namespace consentlens::host
