// Helpers shared by the native host's unit tests (test_host_*.cc).
#pragma once
#include <sqlite3.h>
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "dispatcher.h"
#include "store.h"

namespace host_test {

using consentlens::host::Dispatcher;
using consentlens::host::Json;
namespace fs = std::filesystem;

// A fresh folder for one test's database, removed afterwards.
struct TempDb {
  fs::path dir;
  TempDb() {
    char tmpl[] = "/tmp/consentlens-test-XXXXXX";
    dir = ::mkdtemp(tmpl);
  }
  ~TempDb() { fs::remove_all(dir); }
  TempDb(const TempDb&) = delete;
  TempDb& operator=(const TempDb&) = delete;
  std::string path() const { return (dir / "sub" / "history.db").string(); }
};

inline Json reply(Dispatcher& d, const Json& req) { return Json::parse(d.handle(req.dump())); }

// A finding_shown whose evidence names its id, so that no two are "the same notice again"
// (intake.h) unless a test makes them so.
inline Json event(const std::string& id, const std::string& at = "2026-12-02T14:05:00Z", const std::string& kind = "recording") {
  return Json{{"event_id", id},
              {"type", "finding_shown"},
              {"at", at},
              {"site", "app.zoom.us"},
              {"finding", {{"kind", kind}, {"vendor", "zoom"}, {"evidence", {{"text", "This meeting is being recorded (" + id + ")"}}}}}};
}

// A choice event answering a recording notice.
inline Json choice(const std::string& id, const std::string& at, const std::string& what) {
  Json e = event(id, at);
  e["type"] = "choice";
  e["choice"] = what;
  return e;
}

// "2026-11-DDT10:00:00Z" for day d.
inline std::string november(int day, int hour = 10) {
  char at[32];
  std::snprintf(at, sizeof at, "2026-11-%02dT%02d:00:00Z", day, hour);
  return at;
}

// One integer from the database file, read with a connection of the test's own.
inline std::int64_t sql_int(const std::string& path, const std::string& sql) {
  sqlite3* db;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* st;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  const std::int64_t n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}

// Every event id a query with `extra` filters returns, over all its pages of `limit`.
inline std::vector<std::string> ids_of(Dispatcher& d, Json req, int limit) {
  std::vector<std::string> ids;
  req["id"] = 1;
  req["op"] = "query";
  req["limit"] = limit;
  while (true) {
    const Json r = reply(d, req);
    REQUIRE(r["ok"] == true);
    for (const auto& e : r["events"]) ids.push_back(e["event_id"]);
    if (r["next_cursor"].is_null()) break;
    req["cursor"] = r["next_cursor"];
  }
  return ids;
}

// Logs `events` in one request and returns the reply.
inline Json log(Dispatcher& d, const std::vector<Json>& events) {
  return reply(d, {{"id", "log"}, {"op", "log"}, {"events", Json(events)}});
}

}  // namespace host_test

namespace host_test {

// A store and a dispatcher over a fresh database that keeps everything: the tests log events at
// fixed dates, which the default retention would refuse once they are a year old.
struct Fixture {
  TempDb t;
  consentlens::host::Store s{t.path()};
  Dispatcher d{s, true};
  Fixture() { REQUIRE(reply(d, {{"id", 0}, {"op", "set_retention"}, {"days", 0}})["ok"] == true); }
};

}  // namespace host_test
