// Requests through the dispatcher: shapes, origins, paging, reply sizes, get, hello, and what
// an event from people's words keeps.
#include "contract.h"
#include "framing.h"
#include "host_version.h"
#include "test_host_support.h"

using namespace consentlens::host;
using namespace host_test;

TEST_CASE("requests with wrong shapes get named errors", "[host][dispatcher]") {
  Fixture f;
  Dispatcher& d = f.d;
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
  Fixture f;
  Store& s = f.s;
  Dispatcher d(s, false);
  const Json r = reply(d, {{"id", 1}, {"op", "log"}, {"events", {event("f1")}}});
  CHECK(r["ok"] == false);
  CHECK(r["error"]["code"] == "forbidden");
  Dispatcher trusted(s, true);
  CHECK(reply(trusted, {{"id", 2}, {"op", "query"}})["total"] == 0);
}

TEST_CASE("query filters, searches and pages newest first", "[host][dispatcher]") {
  Fixture f;
  Dispatcher& d = f.d;
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
  Fixture f;
  Dispatcher& d = f.d;
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

TEST_CASE("get returns one event in full, or not_found", "[host][dispatcher]") {
  Fixture f;
  Json e = event("g1");
  e["finding"]["explanation"] = {{"summary", "Recorded."}};
  e["page_title"] = "Weekly sync";
  REQUIRE(log(f.d, {e, event("g2")})["stored"] == 2);
  const Json r = reply(f.d, {{"id", 1}, {"op", "get"}, {"event_id", "g1"}});
  REQUIRE(r["ok"] == true);
  CHECK(r["event"]["event_id"] == "g1");
  CHECK(r["event"]["page_title"] == "Weekly sync");
  CHECK(r["event"]["finding"]["explanation"]["summary"] == "Recorded.");
  CHECK_FALSE(r["event"].contains("cursor"));
  const Json missing = reply(f.d, {{"id", 2}, {"op", "get"}, {"event_id", "nope"}});
  CHECK(missing["error"]["code"] == "not_found");
  CHECK_THAT(missing["error"]["message"].get<std::string>(), Catch::Contains("nope"));
  CHECK(reply(f.d, {{"id", 3}, {"op", "get"}})["error"]["code"] == "bad_request");
}

TEST_CASE("hello says the version, the limits and whether the history is writable", "[host][dispatcher]") {
  Fixture f;
  const Json r = reply(f.d, {{"id", 1}, {"op", "hello"}});
  CHECK(r["version"] == kHostVersion);
  CHECK(std::string(kHostVersion).find('.') != std::string::npos);
  CHECK(r["read_only"] == false);
  CHECK(r["problem"].is_null());
  CHECK(r["max_batch_events"] == kMaxBatchEvents);
  CHECK(r["repeat_window_ms"] == 6 * 3600 * 1000);
}

TEST_CASE("an event from chat, captions or the participant list keeps no quote", "[host][dispatcher]") {
  Fixture f;
  Json from_chat = event("chat-1");
  from_chat["source"] = "chat";
  from_chat["finding"]["kind"] = "notetaker_bot";
  from_chat["finding"]["bot_name"] = "Otter.ai";
  from_chat["finding"]["evidence"] = {{"text", "Dana: my diagnosis came back"}, {"start", 0}, {"end", 28}};
  Json from_dialog = event("dialog-1");
  from_dialog["source"] = "dialog";
  REQUIRE(log(f.d, {from_chat, from_dialog})["stored"] == 2);
  const Json chat = reply(f.d, {{"id", 1}, {"op", "get"}, {"event_id", "chat-1"}})["event"];
  CHECK_FALSE(chat["finding"].contains("evidence"));
  CHECK(chat["finding"]["bot_name"] == "Otter.ai");
  CHECK(chat["finding"]["kind"] == "notetaker_bot");
  CHECK(reply(f.d, {{"id", 2}, {"op", "query"}, {"search", "diagnosis"}})["total"] == 0);
  const Json dialog = reply(f.d, {{"id", 3}, {"op", "get"}, {"event_id", "dialog-1"}})["event"];
  CHECK(dialog["finding"]["evidence"]["text"] == "This meeting is being recorded (dialog-1)");
  Json unknown = event("u1");
  unknown["source"] = "telepathy";
  const Json r = log(f.d, {unknown});
  CHECK(r["error"]["code"] == "bad_request");
  CHECK_THAT(r["error"]["message"].get<std::string>(), Catch::Contains("events[0]") && Catch::Contains("source"));
}

TEST_CASE("the sources of people's words are the contract's unquotable ones", "[host][dispatcher]") {
  // One list (core/contract/contract.json, "quotable": false), read by the host and the extension.
  for (const char* s : {"chat", "caption", "participant"}) CHECK_FALSE(consentlens::contract::source_quotable(s));
  for (const char* s : {"dialog", "alert", "status", "tooltip", "control", "attr", "text"}) CHECK(consentlens::contract::source_quotable(s));
  CHECK_FALSE(consentlens::contract::source_quotable("telepathy"));
  Fixture f;
  Json from_caption = event("cap-1");
  from_caption["source"] = "caption";
  REQUIRE(log(f.d, {from_caption})["stored"] == 1);
  CHECK_FALSE(reply(f.d, {{"id", 1}, {"op", "get"}, {"event_id", "cap-1"}})["event"]["finding"].contains("evidence"));
}

TEST_CASE("values are the contract's: kinds, choices and types named in errors", "[host][dispatcher]") {
  Fixture f;
  Json e = event("k1");
  e["finding"]["kind"] = "mind_reading";
  CHECK_THAT(log(f.d, {e})["error"]["message"].get<std::string>(), Catch::Contains("ai_assistant") && Catch::Contains("training_clause"));
  Json c = choice("c1", "2026-11-02T10:00:00Z", "shrugged");
  CHECK_THAT(log(f.d, {c})["error"]["message"].get<std::string>(), Catch::Contains("stayed") && Catch::Contains("declined"));
  Json v = event("v1");
  v["finding"]["vendor"] = "Zoom Video";
  CHECK(log(f.d, {v})["error"]["code"] == "bad_request");
  CHECK(reply(f.d, {{"id", 1}, {"op", "query"}, {"type", "nap"}})["error"]["code"] == "bad_request");
}
