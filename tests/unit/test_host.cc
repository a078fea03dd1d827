// The native host's pieces: framing, times, request validation, storage and migrations.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "dispatcher.h"
#include "framing.h"
#include "store.h"
#include "timeutil.h"

using namespace consentlens::host;
namespace fs = std::filesystem;

namespace {

// A FILE* holding `bytes`, to read frames from.
struct MemFile {
  std::FILE* f;
  explicit MemFile(const std::string& bytes) : f(std::tmpfile()) {
    std::fwrite(bytes.data(), 1, bytes.size(), f);
    std::rewind(f);
  }
  ~MemFile() { std::fclose(f); }
};

std::string frame(const std::string& body, std::uint32_t length) {
  std::string out(4, '\0');
  std::memcpy(out.data(), &length, 4);
  return out + body;
}
std::string frame(const std::string& body) { return frame(body, static_cast<std::uint32_t>(body.size())); }

// A fresh database in its own temporary folder.
struct TempDb {
  fs::path dir;
  TempDb() {
    char tmpl[] = "/tmp/consentlens-test-XXXXXX";
    dir = ::mkdtemp(tmpl);
  }
  ~TempDb() { fs::remove_all(dir); }
  std::string path() const { return (dir / "sub" / "history.db").string(); }
};

Json reply(Dispatcher& d, const Json& req) { return Json::parse(d.handle(req.dump())); }

Json event(const std::string& id, const std::string& at = "2026-12-02T14:05:00Z", const std::string& kind = "recording") {
  return Json{{"event_id", id},
              {"type", "finding_shown"},
              {"at", at},
              {"site", "app.zoom.us"},
              {"finding", {{"kind", kind}, {"vendor", "zoom"}, {"evidence", {{"text", "This meeting is being recorded"}}}}}};
}

}  // namespace

TEST_CASE("frames are read whole, and bad prefixes never allocate what they announce", "[host][framing]") {
  std::string out;
  {
    MemFile m(frame("{\"id\":1}") + frame("[]"));
    CHECK(read_frame(m.f, out) == ReadStatus::message);
    CHECK(out == "{\"id\":1}");
    CHECK(read_frame(m.f, out) == ReadStatus::message);
    CHECK(out == "[]");
    CHECK(read_frame(m.f, out) == ReadStatus::end);
  }
  {
    MemFile m(frame("", 0) + frame("x"));  // an empty message, then the stream goes on
    CHECK(read_frame(m.f, out) == ReadStatus::empty);
    CHECK(read_frame(m.f, out) == ReadStatus::message);
  }
  {
    MemFile m(frame("abc", 10));  // the input ends inside the frame
    CHECK(read_frame(m.f, out) == ReadStatus::truncated);
  }
  {
    MemFile m(std::string("\x01\x00", 2));  // the input ends inside the length
    CHECK(read_frame(m.f, out) == ReadStatus::truncated);
  }
  {
    MemFile m(frame(std::string(100, 'x')) + frame("ok"));  // over a 50-byte limit: skipped, in step
    CHECK(read_frame(m.f, out, 50) == ReadStatus::too_large);
    CHECK(out.capacity() < 100);
    CHECK(read_frame(m.f, out, 50) == ReadStatus::message);
    CHECK(out == "ok");
  }
  {
    MemFile m(frame("", 0xFFFFFFFFu));  // 4 GiB announced, nothing sent
    CHECK(read_frame(m.f, out) == ReadStatus::truncated);
    CHECK(out.capacity() < (1u << 20));
  }
}

TEST_CASE("write_frame writes the length in native order", "[host][framing]") {
  std::FILE* f = std::tmpfile();
  REQUIRE(write_frame(f, "{\"ok\":true}"));
  std::rewind(f);
  std::string out;
  CHECK(read_frame(f, out) == ReadStatus::message);
  CHECK(out == "{\"ok\":true}");
  std::fclose(f);
}

TEST_CASE("RFC 3339 times and spans", "[host][time]") {
  CHECK(parse_rfc3339("1970-01-01T00:00:00Z") == 0);
  CHECK(parse_rfc3339("2026-12-02T14:05:00Z") == 1796220300000);
  CHECK(parse_rfc3339("2026-12-02T15:05:00.250+01:00") == 1796220300250);
  CHECK(parse_rfc3339("2024-02-29T00:00:00Z").has_value());
  CHECK_FALSE(parse_rfc3339("2026-02-30T00:00:00Z").has_value());
  CHECK_FALSE(parse_rfc3339("2026-12-02 14:05").has_value());
  CHECK_FALSE(parse_rfc3339("2026-12-02T14:05:00").has_value());  // no zone
  CHECK_FALSE(parse_rfc3339("2026-12-02T14:05:00Zjunk").has_value());
  CHECK(format_rfc3339(1796220300000) == "2026-12-02T14:05:00Z");
  CHECK(format_rfc3339(1796220300250) == "2026-12-02T14:05:00.250Z");
  const std::int64_t now = 1796220300000;
  CHECK(parse_time_filter("30d", now) == now - 30LL * 86400000);
  CHECK(parse_time_filter("12h", now) == now - 12LL * 3600000);
  CHECK(parse_time_filter("2w", now) == now - 14LL * 86400000);
  CHECK_FALSE(parse_time_filter("soon", now).has_value());
  CHECK(week_of(1796220300000) == "2026-11-30");  // a Wednesday -> that week's Monday
  CHECK(week_of(*parse_rfc3339("2026-11-30T00:00:00Z")) == "2026-11-30");
  CHECK(week_of(*parse_rfc3339("2026-12-06T23:59:59Z")) == "2026-11-30");
}

TEST_CASE("the database is private, in WAL mode, and at the current schema", "[host][store]") {
  TempDb t;
  Store s(t.path());
  CHECK(s.schema_version() == kSchemaVersion);
  CHECK((fs::status(fs::path(t.path()).parent_path()).permissions() & fs::perms::all) == fs::perms::owner_all);
  CHECK((fs::status(t.path()).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
  sqlite3* db;
  REQUIRE(sqlite3_open(t.path().c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* st;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "wal");
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST_CASE("a version 1 database is migrated in place, its events kept and made searchable", "[host][store]") {
  TempDb t;
  fs::create_directories(fs::path(t.path()).parent_path());
  sqlite3* db;
  REQUIRE(sqlite3_open(t.path().c_str(), &db) == SQLITE_OK);
  // Schema 1 as the first release wrote it, with one event.
  REQUIRE(sqlite3_exec(db,
                       "CREATE TABLE events (seq INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE,"
                       " type TEXT NOT NULL CHECK (type IN ('finding_shown', 'choice')), at TEXT NOT NULL,"
                       " at_ms INTEGER NOT NULL, site TEXT NOT NULL, kind TEXT, vendor TEXT, choice TEXT,"
                       " finding TEXT, stored_ms INTEGER NOT NULL);"
                       "CREATE INDEX events_by_time ON events (at_ms, seq);"
                       "INSERT INTO events VALUES (1, 'old-1', 'finding_shown', '2026-01-05T10:00:00Z', 1767607200000,"
                       " 'meet.google.com', 'ai_assistant', 'google_meet', NULL,"
                       " '{\"kind\":\"ai_assistant\",\"evidence\":{\"text\":\"Gemini is taking notes\"}}', 0);"
                       "PRAGMA user_version=1;",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);

  Store s(t.path());
  CHECK(s.schema_version() == kSchemaVersion);
  Filters f;
  f.search = "gemini";
  const auto page = s.query(f, 10, "");
  REQUIRE(page.events.size() == 1);
  CHECK(page.events[0]["event_id"] == "old-1");
  CHECK(s.integrity_check() == "ok");
}

TEST_CASE("a database from a newer release is refused, not damaged", "[host][store]") {
  TempDb t;
  { Store s(t.path()); }
  sqlite3* db;
  REQUIRE(sqlite3_open(t.path().c_str(), &db) == SQLITE_OK);
  sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  CHECK_THROWS_WITH(Store(t.path()), Catch::Contains("newer consentlens"));
}

TEST_CASE("log stores each event once and answers only after storing", "[host][dispatcher]") {
  TempDb t;
  Store s(t.path());
  Dispatcher d(s, true);
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
  TempDb t;
  Store s(t.path());
  Dispatcher d(s, true);
  Json bad = event("b2");
  bad["at"] = "yesterday";
  const Json r = reply(d, {{"id", 1}, {"op", "log"}, {"events", {event("b1"), bad}}});
  CHECK(r["ok"] == false);
  CHECK(r["error"]["code"] == "bad_request");
  CHECK_THAT(r["error"]["message"].get<std::string>(), Catch::Contains("events[1]") && Catch::Contains("RFC 3339"));
  CHECK(reply(d, {{"id", 2}, {"op", "query"}})["total"] == 0);
}

TEST_CASE("requests with wrong shapes get named errors", "[host][dispatcher]") {
  TempDb t;
  Store s(t.path());
  Dispatcher d(s, true);
  auto code = [&](const std::string& text) { return Json::parse(d.handle(text))["error"]["code"].get<std::string>(); };
  CHECK(code("not json") == "bad_json");
  CHECK(code("{\"id\":1,\"op\":\"hello\"") == "bad_json");
  CHECK(code(std::string("{\"id\":1,\"op\":\"\xff\"}")) == "bad_json");  // invalid UTF-8
  CHECK(code(std::string(100000, '[') + std::string(100000, ']')) == "bad_json");  // nesting
  CHECK(code("{\"id\":1,\"op\":\"hello\",\"n\":1e999}") == "bad_json");  // found by fuzz_host: a number out of range
  CHECK(code("[1,2]") == "bad_request");
  CHECK(code("{\"op\":\"hello\"}") == "bad_request");  // no id
  CHECK(code("{\"id\":{},\"op\":\"hello\"}") == "bad_request");
  CHECK(code("{\"id\":1}") == "bad_request");
  CHECK(code("{\"id\":1,\"op\":\"fly\"}") == "unknown_op");
  CHECK(code("{\"id\":1,\"op\":\"query\",\"limit\":\"ten\"}") == "bad_request");
  CHECK(code("{\"id\":1,\"op\":\"query\",\"limit\":100000}") == "bad_request");
  CHECK(code("{\"id\":1,\"op\":\"query\",\"cursor\":\"abc\"}") == "bad_request");
  CHECK(code("{\"id\":1,\"op\":\"log\",\"events\":{}}") == "bad_request");
  CHECK(code("{\"id\":1,\"op\":\"log\",\"events\":[{\"event_id\":1}]}") == "bad_request");
  CHECK(code("{\"id\":1,\"op\":\"set_retention\",\"days\":-1}") == "bad_request");
  CHECK(code("{\"id\":1,\"op\":\"hello\",\"extra\":true}") == "bad_request");
  Json big = {{"id", 1}, {"op", "log"}, {"events", Json::array()}};
  for (int i = 0; i <= kMaxBatchEvents; ++i) big["events"].push_back(event("big" + std::to_string(i)));
  CHECK(code(big.dump()) == "too_large");
  CHECK(reply(d, {{"id", 2}, {"op", "query"}})["total"] == 0);
}

TEST_CASE("an origin that is not the extension is refused everything", "[host][dispatcher]") {
  TempDb t;
  Store s(t.path());
  Dispatcher d(s, false);
  const Json r = reply(d, {{"id", 1}, {"op", "log"}, {"events", {event("f1")}}});
  CHECK(r["ok"] == false);
  CHECK(r["error"]["code"] == "forbidden");
  Dispatcher trusted(s, true);
  CHECK(reply(trusted, {{"id", 2}, {"op", "query"}})["total"] == 0);
}

TEST_CASE("query filters, searches and pages newest first", "[host][dispatcher]") {
  TempDb t;
  Store s(t.path());
  Dispatcher d(s, true);
  Json events = Json::array();
  for (int i = 0; i < 25; ++i) {
    char at[32];
    std::snprintf(at, sizeof at, "2026-11-%02dT10:00:00Z", i + 1);
    events.push_back(event("q" + std::to_string(i), at, i % 2 ? "transcription" : "recording"));
  }
  REQUIRE(reply(d, {{"id", 1}, {"op", "log"}, {"events", events}})["stored"] == 25);
  Json r = reply(d, {{"id", 2}, {"op", "query"}, {"limit", 10}});
  REQUIRE(r["events"].size() == 10);
  CHECK(r["events"][0]["event_id"] == "q24");
  CHECK(r["total"] == 25);
  std::vector<std::string> seen;
  Json req = {{"id", 3}, {"op", "query"}, {"limit", 10}};
  while (true) {
    r = reply(d, req);
    for (const auto& e : r["events"]) seen.push_back(e["event_id"]);
    if (r["next_cursor"].is_null()) break;
    req["cursor"] = r["next_cursor"];
  }
  CHECK(seen.size() == 25);
  CHECK(seen.back() == "q0");
  CHECK(reply(d, {{"id", 4}, {"op", "query"}, {"kind", "transcription"}})["total"] == 12);
  CHECK(reply(d, {{"id", 5}, {"op", "query"}, {"since", "2026-11-20T00:00:00Z"}})["total"] == 6);
  CHECK(reply(d, {{"id", 6}, {"op", "query"}, {"search", "BEING RECORDED"}})["total"] == 25);
  CHECK(reply(d, {{"id", 7}, {"op", "query"}, {"search", "100%_"}})["total"] == 0);  // LIKE wildcards are literal
}

TEST_CASE("replies stay under 1 MiB: big pages are cut and continue", "[host][dispatcher]") {
  TempDb t;
  Store s(t.path());
  Dispatcher d(s, true);
  Json events = Json::array();
  for (int i = 0; i < 40; ++i) {
    Json e = event("big" + std::to_string(i));
    e["finding"]["explanation"] = {{"summary", std::string(60000, 'a')}};
    events.push_back(e);
  }
  REQUIRE(reply(d, {{"id", 1}, {"op", "log"}, {"events", events}})["stored"] == 40);
  for (const char* op : {"query", "export"}) {
    Json req = {{"id", 2}, {"op", op}, {"limit", 500}};
    std::size_t total = 0;
    int pages = 0;
    while (true) {
      const std::string text = d.handle(req.dump());
      CHECK(text.size() <= kMaxReplyBytes);
      const Json r = Json::parse(text);
      REQUIRE(r["ok"] == true);
      total += std::string(op) == "query" ? r["events"].size() : r["count"].get<std::size_t>();
      ++pages;
      if (r["next_cursor"].is_null()) break;
      req["cursor"] = r["next_cursor"];
    }
    CAPTURE(op);
    CHECK(total == 40);
    CHECK(pages > 1);
  }
}

TEST_CASE("delete, purge, retention and stats", "[host][dispatcher]") {
  TempDb t;
  Store s(t.path());
  Dispatcher d(s, true);
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

TEST_CASE("CSV export quotes what needs quoting", "[host][dispatcher]") {
  TempDb t;
  Store s(t.path());
  Dispatcher d(s, true);
  Json e = event("c1");
  e["finding"]["evidence"]["text"] = "Say \"yes\", or leave";
  REQUIRE(reply(d, {{"id", 1}, {"op", "log"}, {"event", e}})["stored"] == 1);
  const Json r = reply(d, {{"id", 2}, {"op", "export"}, {"format", "csv"}});
  const std::string csv = r["data"];
  CHECK(csv.rfind("at,type,site,kind", 0) == 0);
  CHECK_THAT(csv, Catch::Contains("\"Say \"\"yes\"\", or leave\""));
}

TEST_CASE("json_depth counts nesting outside strings only", "[host][dispatcher]") {
  CHECK(json_depth("{\"a\":[1,{\"b\":2}]}", 64) == 3);
  CHECK(json_depth("{\"a\":\"[[[[[[\"}", 64) == 1);
  CHECK(json_depth("{\"a\":\"\\\"[[[\"}", 64) == 1);
  CHECK(json_depth(std::string(200, '['), 64) == 65);  // stops once past the limit
}

namespace {

std::int64_t pending_rows(const std::string& path) {
  sqlite3* db;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* st;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT count(*) FROM search_pending", -1, &st, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  const std::int64_t n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}

std::vector<std::string> search_all(Dispatcher& d, const std::string& words, int limit) {
  std::vector<std::string> ids;
  Json req = {{"id", 1}, {"op", "query"}, {"search", words}, {"limit", limit}};
  while (true) {
    const Json r = reply(d, req);
    REQUIRE(r["ok"] == true);
    for (const auto& e : r["events"]) ids.push_back(e["event_id"]);
    if (r["next_cursor"].is_null()) break;
    req["cursor"] = r["next_cursor"];
  }
  return ids;
}

}  // namespace

TEST_CASE("search finds events whose words wait for the index and those already in it", "[host][store]") {
  TempDb t;
  Store s(t.path());
  Dispatcher d(s, true);
  Json events = Json::array();
  for (int i = 0; i < 7; ++i) {
    char at[32];
    std::snprintf(at, sizeof at, "2026-11-%02dT10:00:00Z", i + 1);
    Json e = event("p" + std::to_string(i), at);
    if (i % 2) e["finding"]["evidence"]["text"] = "Gemini is taking notes";
    events.push_back(e);
  }
  REQUIRE(reply(d, {{"id", 1}, {"op", "log"}, {"events", events}})["stored"] == 7);
  REQUIRE(pending_rows(t.path()) == 7);

  const std::vector<std::string> gemini = {"p5", "p3", "p1"};  // newest first
  CHECK(search_all(d, "taking notes", 2) == gemini);
  CHECK(search_all(d, "ge", 2) == gemini);  // under three characters: no trigram
  CHECK(reply(d, {{"id", 2}, {"op", "query"}, {"search", "recorded"}})["total"] == 4);

  CHECK(s.index_pending() == 7);
  CHECK(pending_rows(t.path()) == 0);
  CHECK(search_all(d, "taking notes", 2) == gemini);
  CHECK(search_all(d, "ge", 2) == gemini);

  // One more, waiting; deleting it and an indexed one removes both from search.
  REQUIRE(reply(d, {{"id", 3}, {"op", "log"}, {"event", event("p7", "2026-11-30T10:00:00Z")}})["stored"] == 1);
  CHECK(search_all(d, "recorded", 3) == std::vector<std::string>{"p7", "p6", "p4", "p2", "p0"});
  CHECK(reply(d, {{"id", 4}, {"op", "delete"}, {"event_ids", {"p7", "p4"}}})["deleted"] == 2);
  CHECK(search_all(d, "recorded", 3) == std::vector<std::string>{"p6", "p2", "p0"});
  // With other filters, count and pages keep to both.
  const Json since = reply(d, {{"id", 6}, {"op", "query"}, {"search", "recorded"}, {"since", "2026-11-02T00:00:00Z"}, {"limit", 1}});
  CHECK(since["total"] == 2);
  REQUIRE(since["events"].size() == 1);
  CHECK(since["events"][0]["event_id"] == "p6");
  const Json next = reply(d, {{"id", 7}, {"op", "query"}, {"search", "recorded"}, {"since", "2026-11-02T00:00:00Z"},
                              {"limit", 1}, {"cursor", since["next_cursor"]}});
  REQUIRE(next["events"].size() == 1);
  CHECK(next["events"][0]["event_id"] == "p2");
  CHECK(next["next_cursor"].is_null());
  CHECK(reply(d, {{"id", 8}, {"op", "query"}, {"search", "taking"}, {"kind", "transcription"}})["total"] == 0);
  CHECK(pending_rows(t.path()) == 0);
  // A cursor past the last match: an empty page that still counts the matches.
  const Json past = reply(d, {{"id", 5}, {"op", "query"}, {"search", "recorded"}, {"cursor", "0:0"}});
  CHECK(past["events"].empty());
  CHECK(past["total"] == 3);
  CHECK(s.integrity_check() == "ok");
}

TEST_CASE("after_reply indexes waiting words once a batch has gathered, and opening indexes leftovers", "[host][store]") {
  TempDb t;
  {
    Store s(t.path());
    Dispatcher d(s, true);
    for (int i = 0; i < kPendingWordsBatch - 1; ++i) {
      REQUIRE(reply(d, {{"id", i}, {"op", "log"}, {"event", event("b" + std::to_string(i))}})["stored"] == 1);
      s.after_reply();
    }
    CHECK(pending_rows(t.path()) == kPendingWordsBatch - 1);
    REQUIRE(reply(d, {{"id", 0}, {"op", "log"}, {"event", event("last")}})["stored"] == 1);
    s.after_reply();
    CHECK(pending_rows(t.path()) == 0);
    REQUIRE(reply(d, {{"id", 0}, {"op", "log"}, {"event", event("left-over")}})["stored"] == 1);
    CHECK(pending_rows(t.path()) == 1);
  }
  Store reopened(t.path());
  CHECK(pending_rows(t.path()) == 0);
  Filters f;
  f.search = "being recorded";
  CHECK(reopened.query(f, 1, "").total == kPendingWordsBatch + 1);
}

TEST_CASE("stats count every breakdown and the findings per week", "[host][dispatcher]") {
  TempDb t;
  Store s(t.path());
  Dispatcher d(s, true);
  auto with = [](Json e, const std::string& vendor) {
    e["finding"]["vendor"] = vendor;
    return e;
  };
  auto choice = [](const std::string& id, const std::string& at, const std::string& what) {
    Json e = event(id, at);
    e["type"] = "choice";
    e["choice"] = what;
    return e;
  };
  // 2026-11-23 and 2026-11-29 are the Monday and Sunday of one week; 2026-11-30 starts the next.
  Json events = {
      event("s1", "2026-11-23T00:00:00Z"),
      event("s2", "2026-11-29T23:59:59Z"),
      with(event("s3", "2026-11-30T00:00:00Z", "transcription"), "teams"),
      event("s4", "2026-11-30T09:00:00Z"),
      with(event("s5", "2026-11-24T09:00:00Z", "ai_assistant"), "google_meet"),
      choice("c1", "2026-11-24T09:01:00Z", "stayed"),
      choice("c2", "2026-12-01T09:01:00Z", "left"),
      choice("c3", "2026-12-01T09:02:00Z", "left"),
  };
  REQUIRE(reply(d, {{"id", 1}, {"op", "log"}, {"events", events}})["stored"] == 8);
  const Json st = reply(d, {{"id", 2}, {"op", "stats"}});
  CHECK(st["total"] == 8);
  CHECK(st["first_at"] == "2026-11-23T00:00:00Z");
  CHECK(st["last_at"] == "2026-12-01T09:02:00Z");
  // Choices carry the finding they answer, so they count under its kind and vendor too.
  CHECK(st["by_kind"].dump() == R"({"recording":6,"ai_assistant":1,"transcription":1})");
  CHECK(st["by_vendor"].dump() == R"({"zoom":6,"google_meet":1,"teams":1})");
  CHECK(st["by_type"].dump() == R"({"finding_shown":5,"choice":3})");
  CHECK(st["by_choice"].dump() == R"({"left":2,"stayed":1})");
  CHECK(st["by_week"] == Json::parse(R"([
    {"week":"2026-11-23","kind":"ai_assistant","count":1},
    {"week":"2026-11-23","kind":"recording","count":2},
    {"week":"2026-11-30","kind":"recording","count":1},
    {"week":"2026-11-30","kind":"transcription","count":1}])"));
  // Filters apply to every part.
  const Json teams = reply(d, {{"id", 3}, {"op", "stats"}, {"vendor", "teams"}});
  CHECK(teams["total"] == 1);
  CHECK(teams["by_week"].size() == 1);
  CHECK(teams["by_choice"].empty());
}
