#include "sqlite_util.h"

#include <sqlite3.h>

namespace consentlens::host {

bool StoreError::disk_full() const { return code_ == SQLITE_FULL; }
bool StoreError::busy() const { return code_ == SQLITE_BUSY || code_ == SQLITE_LOCKED; }
bool StoreError::corrupt() const { return code_ == SQLITE_CORRUPT || code_ == SQLITE_NOTADB; }

void fail_with(sqlite3* db, const std::string& what) {
  const int code = sqlite3_errcode(db) & 0xff;
  std::string message = "database: " + what + (what.empty() ? "" : ": ") + sqlite3_errmsg(db);
  if (code == SQLITE_FULL) message += " (the disk is full: free some space, or delete events from the history)";
  throw StoreError(message, code);
}

Stmt::Stmt(sqlite3* db, const std::string& sql) : db_(db) {
  if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &s_, nullptr) != SQLITE_OK)
    fail_with(db, "cannot prepare a statement");
}

Stmt::~Stmt() { sqlite3_finalize(s_); }

void Stmt::bind(int i, const std::string& v) {
  check(sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
}
void Stmt::bind(int i, std::int64_t v) { check(sqlite3_bind_int64(s_, i, v)); }
void Stmt::bind_null(int i) { check(sqlite3_bind_null(s_, i)); }
void Stmt::bind_text_or_null(int i, const std::string& v) { v.empty() ? bind_null(i) : bind(i, v); }

bool Stmt::step() {
  const int rc = sqlite3_step(s_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail_with(db_, "");
}

void Stmt::reset() {
  sqlite3_reset(s_);
  sqlite3_clear_bindings(s_);
}

std::int64_t Stmt::int64(int col) const { return sqlite3_column_int64(s_, col); }

std::string Stmt::text(int col) const { return std::string(view(col)); }

std::string_view Stmt::view(int col) const {
  const auto* p = sqlite3_column_text(s_, col);
  return p ? std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(s_, col))) : "";
}

bool Stmt::is_null(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }

void Stmt::check(int rc) {
  if (rc != SQLITE_OK) fail_with(db_, "cannot bind a value");
}

Transaction::Transaction(sqlite3* db) : db_(db) { exec(db, "BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  exec(db_, "COMMIT");
  done_ = true;
}

void exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    sqlite3_free(err);  // the same text as sqlite3_errmsg, which fail_with reads
    fail_with(db, "");
  }
}

std::int64_t scalar(sqlite3* db, const std::string& sql) {
  Stmt st(db, sql);
  return st.step() ? st.int64(0) : 0;
}

void bind_all(Stmt& st, const std::vector<Arg>& args, int from) {
  int i = from;
  for (const auto& a : args) {
    if (std::holds_alternative<std::string>(a)) st.bind(i++, std::get<std::string>(a));
    else st.bind(i++, std::get<std::int64_t>(a));
  }
}

}  // namespace consentlens::host
