// The history's files: modes, symbolic links, the settings SQLite runs with, the copy of a
// damaged database, and the reserve that lets deletions run on a full disk.
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

#include "db_files.h"
#include "test_host_support.h"

using namespace consentlens::host;
using namespace host_test;

namespace {

unsigned mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::lstat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

std::string bytes_of(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

// Sets the umask for one scope.
struct Umask {
  mode_t old;
  explicit Umask(mode_t m) : old(::umask(m)) {}
  ~Umask() { ::umask(old); }
};

// Overwrites pages [first, last] (1-based, 4 KiB) of a closed database with a pattern.
void damage_pages(const std::string& path, int first, int last) {
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  REQUIRE(f);
  const std::string junk(4096, '\x5a');
  for (int page = first; page <= last; ++page) {
    f.seekp(static_cast<std::streamoff>(page - 1) * 4096);
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
}

}  // namespace

TEST_CASE("a new history is private: folders 0700, files 0600, whatever the umask", "[host][files]") {
  TempDb t;
  Umask open_umask(0);  // the widest: nothing may depend on the caller's umask
  const fs::path db = t.dir / "a" / "b" / "history.db";
  Store s(db.string());
  CHECK(mode_of(t.dir / "a") == 0700);
  CHECK(mode_of(t.dir / "a" / "b") == 0700);
  CHECK(mode_of(db) == 0600);
  Dispatcher d(s, true);
  REQUIRE(log(d, {event("m1")})["stored"] == 1);
  CHECK(mode_of(db.string() + "-wal") == 0600);
  CHECK(mode_of(db.string() + "-shm") == 0600);
  CHECK(mode_of(db.string() + "-reserve") == 0600);
  CHECK(fs::file_size(db.string() + "-reserve") == static_cast<std::uintmax_t>(kReserveBytes));
}

TEST_CASE("the store runs with secure_delete, memory temporary data and a write-ahead log", "[host][files]") {
  TempDb t;
  Store s(t.path());
  CHECK(s.pragma_value("secure_delete") == 1);
  CHECK(s.pragma_value("temp_store") == 2);  // MEMORY
  CHECK(sql_int(t.path(), "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'") == 1);
  CHECK_THROWS_AS(s.pragma_value("x; DROP TABLE events"), StoreError);
}

TEST_CASE("the default folder is tightened to 0700, a chosen folder keeps its mode", "[host][files]") {
  TempDb t;
  const fs::path folder = t.dir / "consentlens";
  fs::create_directories(folder);
  ::chmod(folder.c_str(), 0755);
  ::chmod(t.dir.c_str(), 0755);
  { Store s((folder / "history.db").string(), true); }
  CHECK(mode_of(folder) == 0700);
  CHECK(mode_of(t.dir) == 0755);  // only the history's own folder, never its parents
  ::chmod(folder.c_str(), 0755);
  { Store s((folder / "history.db").string(), false); }
  CHECK(mode_of(folder) == 0755);
}

TEST_CASE("an existing database file is tightened to 0600 through its descriptor", "[host][files]") {
  TempDb t;
  { Store s(t.path()); }
  ::chmod(t.path().c_str(), 0644);
  { Store s(t.path()); }
  CHECK(mode_of(t.path()) == 0600);
}

TEST_CASE("a symbolic link in place of the database, its log or its folder is never followed by chmod", "[host][files]") {
  TempDb t;
  fs::create_directories(t.dir / "sub");
  const fs::path target = t.dir / "elsewhere.txt";
  std::ofstream(target) << "someone else's file";
  ::chmod(target.c_str(), 0644);
  for (const char* suffix : {"", "-wal"}) {
    CAPTURE(suffix);
    fs::remove_all(t.dir / "sub");
    fs::create_directories(t.dir / "sub");
    if (std::string(suffix) == "-wal") {
      Store s(t.path());  // a real database, then a link where its log goes
    }
    fs::create_symlink(target, t.path() + suffix);
    CHECK_THROWS_WITH(Store(t.path()), Catch::Contains(t.path() + suffix) && Catch::Contains("symbolic link"));
    CHECK(mode_of(target) == 0644);
    CHECK(bytes_of(target) == "someone else's file");
  }
  // A linked folder is used as it is, and its target's mode is left alone.
  const fs::path real = t.dir / "real-folder";
  fs::create_directories(real);
  ::chmod(real.c_str(), 0755);
  fs::create_symlink(real, t.dir / "linked");
  { Store s((t.dir / "linked" / "history.db").string(), true); }
  CHECK(mode_of(real) == 0755);
}

TEST_CASE("a damaged database is copied with its log before anything writes, and stays read-only", "[host][files]") {
  TempDb t;
  {
    Store s(t.path());
    Dispatcher d(s, true);
    Json events = Json::array();
    for (int i = 0; i < 200; ++i) {
      Json e = event("d" + std::to_string(i), november(1 + i % 28));
      e["finding"]["explanation"] = {{"summary", std::string(2000, 'a' + i % 26)}};
      events.push_back(e);
    }
    REQUIRE(reply(d, {{"id", 0}, {"op", "set_retention"}, {"days", 0}})["ok"] == true);
    REQUIRE(log(d, events)["stored"] == 200);
  }  // closed: the log is copied into the file and removed
  // A log that holds acknowledged events the damaged file does not have yet.
  {
    sqlite3* db;
    REQUIRE(sqlite3_open(t.path().c_str(), &db) == SQLITE_OK);
    sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    REQUIRE(sqlite3_exec(db, "PRAGMA wal_autocheckpoint=0; INSERT INTO settings VALUES ('in-the-log', 'yes');", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  damage_pages(t.path(), 4, 7);
  const std::string db_before = bytes_of(t.path()), wal_before = bytes_of(t.path() + "-wal");
  REQUIRE(!wal_before.empty());
  std::string copy;
  {
    Store s(t.path());
    REQUIRE_FALSE(s.read_only_reason().empty());
    CHECK_THAT(s.read_only_reason(), Catch::Contains(t.path()) && Catch::Contains("damaged") && Catch::Contains(".corrupt-"));
    for (const auto& e : fs::directory_iterator(t.dir / "sub")) {
      const std::string name = e.path().string();
      if (name.find(".corrupt-") != std::string::npos && name.back() == 'Z') copy = name;
    }
    CHECK_THAT(s.read_only_reason(), Catch::Contains(copy));
    Dispatcher d(s, true);
    const Json r = reply(d, {{"id", 1}, {"op", "log"}, {"events", {event("after")}}});
    CHECK(r["error"]["code"] == "storage");
    CHECK_THAT(r["error"]["message"].get<std::string>(), Catch::Contains(t.path()));
    CHECK(reply(d, {{"id", 2}, {"op", "purge"}})["error"]["code"] == "storage");
    CHECK(reply(d, {{"id", 3}, {"op", "hello"}})["read_only"] == true);
  }
  // Nothing was written: the file and its log are as they were, and the copy holds them.
  CHECK(bytes_of(t.path()) == db_before);
  CHECK(bytes_of(t.path() + "-wal") == wal_before);
  CHECK(bytes_of(copy) == db_before);
  CHECK(bytes_of(copy + "-wal") == wal_before);
  // Opening again finds the same damage and makes no second copy.
  { Store again(t.path()); }
  int copies = 0;
  for (const auto& e : fs::directory_iterator(t.dir / "sub")) copies += e.path().filename().string().find(".corrupt-") != std::string::npos;
  CHECK(copies == 3);  // the database, its -wal and its -shm, once
}

TEST_CASE("quarantine_copy names the copy by the time and keeps the files' bytes", "[host][files]") {
  TempDb t;
  fs::create_directories(t.dir / "sub");
  std::ofstream(t.path()) << "database";
  std::ofstream(t.path() + "-wal") << "log";
  const std::string copy = quarantine_copy(t.path(), 1796220300123);
  CHECK(copy == t.path() + ".corrupt-20261202T140500.123Z");
  CHECK(bytes_of(copy) == "database");
  CHECK(bytes_of(copy + "-wal") == "log");
  CHECK_FALSE(fs::exists(copy + "-shm"));
  CHECK(mode_of(copy) == 0600);
  CHECK(quarantine_copy(t.path(), 1796220400000) == copy);  // unchanged since: the same copy
}
