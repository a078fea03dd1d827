// The store through the dispatcher: each event once, whole batches, deleting, retention.
#include "test_host_support.h"
#include "timeutil.h"

using namespace consentlens::host;
using namespace host_test;

TEST_CASE("log stores each event once and answers only after storing", "[host][dispatcher]") {
  Fixture f;
  Dispatcher& d = f.d;
  Json r = reply(d, {{"id", 7}, {"op", "log"}, {"events", {event("e1"), event("e2")}}});
  CHECK(r["id"] == 7);
  CHECK(r["ok"] == true);
  CHECK(r["stored"] == 2);
  r = reply(d, {{"id", "x"}, {"op", "log"}, {"events", {event("e2"), event("e3")}}});
  CHECK(r["stored"] == 1);
  CHECK(r["duplicates"] == 1);
  r = reply(d, {{"id", 1}, {"op", "query"}});
  CHECK(r["total"] == 3);
}

TEST_CASE("a batch with one bad event stores nothing", "[host][dispatcher]") {
  Fixture f;
  Dispatcher& d = f.d;
  Json bad = event("b2");
  bad["at"] = "yesterday";
  const Json r = reply(d, {{"id", 1}, {"op", "log"}, {"events", {event("b1"), bad}}});
  CHECK(r["ok"] == false);
  CHECK(r["error"]["code"] == "bad_request");
  CHECK_THAT(r["error"]["message"].get<std::string>(), Catch::Contains("events[1]") && Catch::Contains("RFC 3339"));
  CHECK(reply(d, {{"id", 2}, {"op", "query"}})["total"] == 0);
}

TEST_CASE("delete, purge, retention and stats", "[host][dispatcher]") {
  TempDb t;
  Store s(t.path());
  Dispatcher d(s, true);
  REQUIRE(reply(d, {{"id", 0}, {"op", "set_retention"}, {"days", 0}})["ok"] == true);  // keep everything, for now
  const std::string old_at = format_rfc3339(now_ms() - 400LL * 86400000);
  const std::string new_at = format_rfc3339(now_ms() - 86400000);
  REQUIRE(reply(d, {{"id", 1}, {"op", "log"}, {"events", {event("d1", old_at), event("d2", new_at), event("d3", new_at)}}})["stored"] == 3);
  const Json st = reply(d, {{"id", 2}, {"op", "stats"}});
  CHECK(st["total"] == 3);
  CHECK(st["by_kind"]["recording"] == 3);
  CHECK(st["by_week"].size() == 2);
  CHECK(reply(d, {{"id", 3}, {"op", "delete"}, {"event_ids", {"d2", "nope"}}})["deleted"] == 1);
  const Json r = reply(d, {{"id", 4}, {"op", "set_retention"}, {"days", 30}});
  CHECK(r["deleted"] == 1);  // the 400-day-old event
  CHECK(reply(d, {{"id", 5}, {"op", "hello"}})["retention_days"] == 30);
  CHECK(reply(d, {{"id", 6}, {"op", "purge"}})["deleted"] == 1);
  CHECK(reply(d, {{"id", 7}, {"op", "query"}})["total"] == 0);
}

TEST_CASE("retention holds for log and for reads, before any deletion runs", "[host][store]") {
  TempDb t;
  Store s(t.path());
  Dispatcher d(s, true);
  REQUIRE(reply(d, {{"id", 1}, {"op", "set_retention"}, {"days", 30}})["ok"] == true);
  const std::string forty_days_ago = format_rfc3339(now_ms() - 40LL * 86400000);
  const Json r = log(d, {event("old", forty_days_ago), event("new", format_rfc3339(now_ms() - 3600000))});
  CHECK(r["stored"] == 1);
  CHECK(r["expired"] == 1);  // it would be deleted at once: it is never stored
  CHECK(ids_of(d, Json::object(), 10) == std::vector<std::string>{"new"});
  // An event older than the retention that is still in the file (written before the retention
  // changed, and not yet deleted) is not listed, counted, exported nor shown.
  REQUIRE(reply(d, {{"id", 2}, {"op", "set_retention"}, {"days", 0}})["ok"] == true);
  REQUIRE(log(d, {event("kept-then", forty_days_ago)})["stored"] == 1);
  sqlite3* db;
  REQUIRE(sqlite3_open(t.path().c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "UPDATE settings SET value = '30' WHERE key = 'retention_days'", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  CHECK(ids_of(d, Json::object(), 10) == std::vector<std::string>{"new"});
  CHECK(reply(d, {{"id", 3}, {"op", "stats"}})["total"] == 1);
  const Json found = reply(d, {{"id", 7}, {"op", "query"}, {"search", "being recorded"}});  // both match the words
  CHECK(found["total"] == 1);
  CHECK(found["events"].size() == 1);
  CHECK(reply(d, {{"id", 8}, {"op", "query"}, {"search", "being recorded"}, {"kind", "recording"}})["total"] == 1);
  CHECK(reply(d, {{"id", 4}, {"op", "export"}, {"format", "csv"}})["count"] == 1);
  CHECK(reply(d, {{"id", 5}, {"op", "get"}, {"event_id", "kept-then"}})["error"]["code"] == "not_found");
  CHECK(reply(d, {{"id", 6}, {"op", "meetings"}})["total"] == 1);
  CHECK(sql_int(t.path(), "SELECT count(*) FROM events") == 2);  // still there until retention runs
  CHECK(s.apply_retention(now_ms()) == 1);
}

TEST_CASE("deleting many events runs in small transactions and leaves a sound file", "[host][store]") {
  Fixture f;
  Json events = Json::array();
  for (int i = 0; i < 999; ++i) events.push_back(event("x" + std::to_string(i), november(1 + i % 28, i % 24)));
  for (auto& e : events) e["site"] = "s" + std::to_string(e["event_id"].get<std::string>().size()) + ".example";
  REQUIRE(log(f.d, events)["stored"] == 999);
  std::vector<std::string> some;
  for (int i = 0; i < 450; ++i) some.push_back("x" + std::to_string(i));
  CHECK(reply(f.d, {{"id", 1}, {"op", "delete"}, {"event_ids", some}})["deleted"] == 450);
  CHECK(reply(f.d, {{"id", 2}, {"op", "purge"}})["deleted"] == 549);
  CHECK(sql_int(f.t.path(), "SELECT count(*) FROM event_data") == 0);
  CHECK(sql_int(f.t.path(), "SELECT count(*) FROM search_pending") == 0);
  CHECK(f.s.integrity_check() == "ok");
}
