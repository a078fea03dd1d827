// The history grouped by meeting: what each meeting showed and what the person chose.
#include "test_host_support.h"

using namespace consentlens::host;
using namespace host_test;

namespace {

Json in_meeting(Json e, const std::string& meeting, const std::string& site = "app.zoom.us") {
  if (!meeting.empty()) e["meeting"] = meeting;
  e["site"] = site;
  return e;
}

}  // namespace

TEST_CASE("meetings: one row each, newest first, with what was shown and what was chosen", "[host][meetings]") {
  Fixture f;
  REQUIRE(log(f.d, {in_meeting(event("a1", "2026-11-02T10:00:00Z", "recording"), "hmac-sha256:aa"),
                    in_meeting(event("a2", "2026-11-02T10:01:00Z", "ai_assistant"), "hmac-sha256:aa"),
                    in_meeting(choice("a3", "2026-11-02T10:02:00Z", "stayed"), "hmac-sha256:aa"),
                    in_meeting(choice("a4", "2026-11-02T10:02:30Z", "dismissed"), "hmac-sha256:aa"),
                    in_meeting(event("b1", "2026-11-03T09:00:00Z", "transcription"), "hmac-sha256:bb", "meet.google.com"),
                    in_meeting(choice("b2", "2026-11-03T09:05:00Z", "left"), "hmac-sha256:bb", "meet.google.com"),
                    // No meeting kept (the person chose "none"): grouped by site and day.
                    in_meeting(event("c1", "2026-11-04T08:00:00Z"), "", "acme.webex.com"),
                    in_meeting(event("c2", "2026-11-04T20:00:00Z", "live_stream"), "", "acme.webex.com")})["stored"] == 8);
  const Json r = reply(f.d, {{"id", 1}, {"op", "meetings"}});
  REQUIRE(r["ok"] == true);
  CHECK(r["total"] == 3);
  REQUIRE(r["meetings"].size() == 3);
  const Json& webex = r["meetings"][0];
  CHECK(webex["key"] == "acme.webex.com|2026-11-04");
  CHECK(webex["events"] == 2);
  CHECK(webex["kinds"] == Json::parse(R"(["live_stream","recording"])"));
  const Json& zoom = r["meetings"][2];
  CHECK(zoom["key"] == "hmac-sha256:aa");
  CHECK(zoom["site"] == "app.zoom.us");
  CHECK(zoom["first_at"] == "2026-11-02T10:00:00Z");
  CHECK(zoom["last_at"] == "2026-11-02T10:02:30Z");
  CHECK(zoom["kinds"] == Json::parse(R"(["ai_assistant","recording"])"));  // the contract's order
  CHECK(zoom["choices"] == Json::parse(R"(["stayed","dismissed"])"));
  CHECK(zoom["vendors"] == Json::parse(R"(["zoom"])"));
  // One meeting's events, through the query's meeting filter.
  CHECK(ids_of(f.d, {{"meeting", "hmac-sha256:aa"}}, 10) == std::vector<std::string>{"a4", "a3", "a2", "a1"});
  // Only meetings where the person gave a real answer: "left" keeps the Meet one, whole.
  const Json left = reply(f.d, {{"id", 2}, {"op", "meetings"}, {"choice", "left"}});
  REQUIRE(left["meetings"].size() == 1);
  CHECK(left["meetings"][0]["key"] == "hmac-sha256:bb");
  CHECK(left["meetings"][0]["events"] == 2);
  // Site by a part of its name.
  CHECK(reply(f.d, {{"id", 3}, {"op", "meetings"}, {"site", "ZOOM"}})["total"] == 1);
  CHECK(reply(f.d, {{"id", 4}, {"op", "query"}, {"site", "webex"}})["total"] == 2);
  CHECK(reply(f.d, {{"id", 5}, {"op", "query"}, {"site", "%"}})["total"] == 0);  // literal, not a wildcard
  // until: a calendar range.
  CHECK(reply(f.d, {{"id", 6}, {"op", "meetings"}, {"since", "2026-11-03T00:00:00Z"}, {"until", "2026-11-03T23:59:59Z"}})["total"] == 1);
}

TEST_CASE("meetings page with a cursor, each meeting once", "[host][meetings]") {
  Fixture f;
  Json events = Json::array();
  for (int i = 0; i < 25; ++i) events.push_back(in_meeting(event("m" + std::to_string(i), november(1 + i)), "hmac-sha256:" + std::to_string(i % 10)));
  REQUIRE(log(f.d, events)["stored"] == 25);
  std::vector<std::string> keys;
  Json req = {{"id", 1}, {"op", "meetings"}, {"limit", 3}};
  while (true) {
    const Json r = reply(f.d, req);
    REQUIRE(r["ok"] == true);
    CHECK(r["total"] == 10);
    for (const auto& m : r["meetings"]) keys.push_back(m["key"]);
    if (r["next_cursor"].is_null()) break;
    req["cursor"] = r["next_cursor"];
  }
  CHECK(keys.size() == 10);
  CHECK(keys.front() == "hmac-sha256:4");  // m24, the newest, is in meeting 4
  CHECK(reply(f.d, {{"id", 2}, {"op", "meetings"}, {"cursor", "nonsense"}})["error"]["code"] == "bad_request");
  CHECK(reply(f.d, {{"id", 3}, {"op", "meetings"}, {"choice", "shrugged"}})["error"]["code"] == "bad_request");
}

TEST_CASE("meetings that end at the same moment page by key, each once", "[host][meetings]") {
  Fixture f;
  std::vector<Json> events;
  for (const char* m : {"hmac-sha256:a", "hmac-sha256:b", "hmac-sha256:c"}) {
    events.push_back(in_meeting(event(std::string(m) + "-1", "2026-11-02T10:00:00Z"), m));
    events.push_back(in_meeting(event(std::string(m) + "-0", "2026-11-02T09:00:00Z"), m));
  }
  events.push_back(in_meeting(event("older", "2026-11-01T09:00:00Z"), "hmac-sha256:z"));
  REQUIRE(log(f.d, events)["stored"] == 7);
  std::vector<std::string> keys;
  Json req = {{"id", 1}, {"op", "meetings"}, {"limit", 1}};
  while (true) {
    const Json r = reply(f.d, req);
    REQUIRE(r["ok"] == true);
    REQUIRE(r["meetings"].size() == 1);
    keys.push_back(r["meetings"][0]["key"]);
    CHECK(r["meetings"][0]["events"] == (keys.back() == "hmac-sha256:z" ? 1 : 2));
    if (r["next_cursor"].is_null()) break;
    req["cursor"] = r["next_cursor"];
  }
  CHECK(keys == std::vector<std::string>{"hmac-sha256:c", "hmac-sha256:b", "hmac-sha256:a", "hmac-sha256:z"});
}
