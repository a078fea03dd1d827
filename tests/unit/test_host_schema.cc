// Migrations: every older database is brought to the current schema in place, its events kept,
// searchable and grouped by meeting; a newer one is refused untouched.
#include "schema.h"
#include "test_host_support.h"

using namespace consentlens::host;
using namespace host_test;

namespace {

void run_sql(const std::string& path, const char* sql) {
  fs::create_directories(fs::path(path).parent_path());
  sqlite3* db;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

}  // namespace

TEST_CASE("a version 1 database is migrated in place, its events kept, searchable and grouped", "[host][schema]") {
  TempDb t;
  // Schema 1 as the first release wrote it, with one event (no meeting: grouped by site and day).
  run_sql(t.path(),
          "CREATE TABLE events (seq INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE,"
          " type TEXT NOT NULL CHECK (type IN ('finding_shown', 'choice')), at TEXT NOT NULL,"
          " at_ms INTEGER NOT NULL, site TEXT NOT NULL, kind TEXT, vendor TEXT, choice TEXT,"
          " finding TEXT, stored_ms INTEGER NOT NULL);"
          "CREATE INDEX events_by_time ON events (at_ms, seq);"
          "INSERT INTO events VALUES (1, 'old-1', 'finding_shown', '2026-01-05T10:00:00Z', 1767607200000,"
          " 'meet.google.com', 'ai_assistant', 'google_meet', NULL,"
          " '{\"kind\":\"ai_assistant\",\"evidence\":{\"text\":\"Gemini is taking notes\"}}', 0);"
          "PRAGMA user_version=1;");
  Store s(t.path());
  CHECK(s.schema_version() == kSchemaVersion);
  Dispatcher d(s, true);
  REQUIRE(reply(d, {{"id", 0}, {"op", "set_retention"}, {"days", 0}})["ok"] == true);
  CHECK(ids_of(d, {{"search", "gemini"}}, 10) == std::vector<std::string>{"old-1"});
  const Json m = reply(d, {{"id", 1}, {"op", "meetings"}});
  REQUIRE(m["meetings"].size() == 1);
  CHECK(m["meetings"][0]["key"] == "meet.google.com|2026-01-05");
  CHECK(meeting_key("meet.google.com", "", 1767607200000) == "meet.google.com|2026-01-05");
  CHECK(s.integrity_check() == "ok");
}

TEST_CASE("a version 4 database's events get their meeting as the key", "[host][schema]") {
  TempDb t;
  {
    Store s(t.path());  // the current schema, taken back to 4 below as a release of schema 4 left it
  }
  run_sql(t.path(),
          "DROP INDEX events_by_meeting; DROP INDEX events_by_shown_key;"
          "ALTER TABLE events DROP COLUMN meeting_key; ALTER TABLE events DROP COLUMN shown_key;"
          "ALTER TABLE event_data DROP COLUMN source;"
          "INSERT INTO events (seq, event_id, type, at, at_ms, site, kind, vendor, stored_ms)"
          " VALUES (7, 'v4', 'finding_shown', '2026-11-02T10:00:00Z', 1793613600000, 'app.zoom.us', 'recording', 'zoom', 0);"
          "INSERT INTO event_data (seq, finding, meeting) VALUES (7, '{\"kind\":\"recording\"}', 'hmac-sha256:ab12');"
          "PRAGMA user_version=4;");
  Store s(t.path());
  CHECK(s.schema_version() == kSchemaVersion);
  CHECK(sql_int(t.path(), "SELECT count(*) FROM events WHERE meeting_key = 'hmac-sha256:ab12'") == 1);
}

TEST_CASE("a database from a newer release is refused, not damaged", "[host][schema]") {
  TempDb t;
  { Store s(t.path()); }
  run_sql(t.path(), "PRAGMA user_version=99");
  CHECK_THROWS_WITH(Store(t.path()), Catch::Contains("newer consentlens") && Catch::Contains(t.path()));
  CHECK(sql_int(t.path(), "PRAGMA user_version") == 99);
}
