// Thin RAII wrappers over SQLite's C API for the history store. Every failure becomes a
// StoreError carrying SQLite's result code, so callers can tell a full disk or a damaged file
// from any other failure; nothing here ever leaves a statement unfinalised or a transaction open.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace consentlens::host {

class StoreError : public std::runtime_error {
 public:
  explicit StoreError(const std::string& message, int sqlite_code = 0) : std::runtime_error(message), code_(sqlite_code) {}
  int sqlite_code() const { return code_; }  // primary result code (SQLITE_FULL, ...) or 0
  bool disk_full() const;
  bool corrupt() const;  // SQLITE_CORRUPT or SQLITE_NOTADB
  bool busy() const;     // SQLITE_BUSY or SQLITE_LOCKED

 private:
  int code_;
};

// Throws StoreError("database: <what>: <sqlite's message>") with the connection's last code.
[[noreturn]] void fail_with(sqlite3* db, const std::string& what);

// A prepared statement that finalizes itself; bind() takes positions from 1.
class Stmt {
 public:
  Stmt(sqlite3* db, const std::string& sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  void bind(int i, const std::string& v);
  void bind(int i, std::int64_t v);
  void bind_null(int i);
  void bind_text_or_null(int i, const std::string& v);  // "" binds NULL
  bool step();  // true while there is a row
  void reset();
  std::int64_t int64(int col) const;
  std::string text(int col) const;
  // Valid until the next step: for reading many rows without copying each value.
  std::string_view view(int col) const;
  bool is_null(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
  void check(int rc);
};

// BEGIN IMMEDIATE; rolls back unless committed, so an exception never leaves a partial write.
class Transaction {
 public:
  explicit Transaction(sqlite3* db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  sqlite3* db_;
  bool done_ = false;
};

void exec(sqlite3* db, const std::string& sql);
// The first column of the first row of `sql` as an integer (0 when there is no row).
std::int64_t scalar(sqlite3* db, const std::string& sql);

// A WHERE clause and its bindings, in order.
using Arg = std::variant<std::string, std::int64_t>;
struct Clause {
  std::string sql;
  std::vector<Arg> args;
};
void bind_all(Stmt& st, const std::vector<Arg>& args, int from = 1);

}  // namespace consentlens::host
