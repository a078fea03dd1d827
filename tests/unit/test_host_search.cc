// Search: words waiting for the trigram index and words in it are found alike.
#include "test_host_support.h"

using namespace consentlens::host;
using namespace host_test;

TEST_CASE("search finds events whose words wait for the index and those already in it", "[host][store]") {
  Fixture f;
  Store& s = f.s;
  Dispatcher& d = f.d;
  TempDb& t = f.t;
  Json events = Json::array();
  for (int i = 0; i < 7; ++i) {
    char at[32];
    std::snprintf(at, sizeof at, "2026-11-%02dT10:00:00Z", i + 1);
    Json e = event("p" + std::to_string(i), at);
    if (i % 2) e["finding"]["evidence"]["text"] = "Gemini is taking notes";
    events.push_back(e);
  }
  REQUIRE(reply(d, {{"id", 1}, {"op", "log"}, {"events", events}})["stored"] == 7);
  REQUIRE(sql_int(t.path(), "SELECT count(*) FROM search_pending") == 7);

  const std::vector<std::string> gemini = {"p5", "p3", "p1"};  // newest first
  CHECK(ids_of(d, {{"search", "taking notes"}}, 2) == gemini);
  CHECK(ids_of(d, {{"search", "ge"}}, 2) == gemini);  // under three characters: no trigram
  CHECK(reply(d, {{"id", 2}, {"op", "query"}, {"search", "recorded"}})["total"] == 4);

  CHECK(s.index_pending() == 7);
  CHECK(sql_int(t.path(), "SELECT count(*) FROM search_pending") == 0);
  CHECK(ids_of(d, {{"search", "taking notes"}}, 2) == gemini);
  CHECK(ids_of(d, {{"search", "ge"}}, 2) == gemini);

  // One more, waiting; deleting it and an indexed one removes both from search.
  REQUIRE(reply(d, {{"id", 3}, {"op", "log"}, {"event", event("p7", "2026-11-30T10:00:00Z")}})["stored"] == 1);
  CHECK(ids_of(d, {{"search", "recorded"}}, 3) == std::vector<std::string>{"p7", "p6", "p4", "p2", "p0"});
  CHECK(reply(d, {{"id", 4}, {"op", "delete"}, {"event_ids", {"p7", "p4"}}})["deleted"] == 2);
  CHECK(ids_of(d, {{"search", "recorded"}}, 3) == std::vector<std::string>{"p6", "p2", "p0"});
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
  CHECK(sql_int(t.path(), "SELECT count(*) FROM search_pending") == 0);
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
    CHECK(sql_int(t.path(), "SELECT count(*) FROM search_pending") == kPendingWordsBatch - 1);
    REQUIRE(reply(d, {{"id", 0}, {"op", "log"}, {"event", event("last")}})["stored"] == 1);
    s.after_reply();
    CHECK(sql_int(t.path(), "SELECT count(*) FROM search_pending") == 0);
    REQUIRE(reply(d, {{"id", 0}, {"op", "log"}, {"event", event("left-over")}})["stored"] == 1);
    CHECK(sql_int(t.path(), "SELECT count(*) FROM search_pending") == 1);
  }
  Store reopened(t.path());
  CHECK(sql_int(t.path(), "SELECT count(*) FROM search_pending") == 0);
  Filters f;
  f.search = "being recorded";
  CHECK(reopened.query(f, 1, "").total == kPendingWordsBatch + 1);
}

TEST_CASE("a search with a NUL, or with quotes and wildcards, is an answer, not a storage error", "[host][search]") {
  Fixture f;
  REQUIRE(log(f.d, {event("n1")})["stored"] == 1);
  const Json r = reply(f.d, {{"id", 1}, {"op", "query"}, {"search", std::string("rec\0orded", 9)}});
  CHECK(r["error"]["code"] == "bad_request");
  CHECK_THAT(r["error"]["message"].get<std::string>(), Catch::Contains("\"search\"") && Catch::Contains("NUL"));
  for (const char* words : {"\"", "\"\"\"", "100%_", "*", "NEAR(a b)", "a OR b"})
    CHECK(reply(f.d, {{"id", 2}, {"op", "query"}, {"search", words}})["total"] == 0);
}
