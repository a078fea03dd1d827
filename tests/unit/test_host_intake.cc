// What log keeps: repeats of a notice, a site's hourly quota, events past the retention.
#include "intake.h"
#include "test_host_support.h"

using namespace consentlens::host;
using namespace host_test;

namespace {

// The same recording notice of one meeting, as a page that reloads would send it again.
Json same_notice(const std::string& id, const std::string& at, const std::string& meeting = "hmac-sha256:m1") {
  Json e = event(id, at);
  e["finding"]["evidence"]["text"] = "This meeting is being recorded";
  e["meeting"] = meeting;
  return e;
}

}  // namespace

TEST_CASE("a notice shown again in the same meeting within the window is a repeat, not a new event", "[host][intake]") {
  Fixture f;
  // A page reloading every 400 ms sends the same notice with a new event id each time.
  Json flood = Json::array();
  for (int i = 0; i < 50; ++i) flood.push_back(same_notice("r" + std::to_string(i), "2026-11-02T10:00:0" + std::to_string(i % 10) + "Z"));
  const Json r = log(f.d, flood);
  CHECK(r["stored"] == 1);
  CHECK(r["repeats"] == 49);
  // Across requests too (the page reloaded after the batch went out).
  CHECK(log(f.d, {same_notice("r-later", "2026-11-02T15:59:00Z")})["repeats"] == 1);
  // Not a repeat: another meeting, other words, or beyond the window.
  CHECK(log(f.d, {same_notice("other-meeting", "2026-11-02T10:00:00Z", "hmac-sha256:m2")})["stored"] == 1);
  Json other_words = same_notice("other-words", "2026-11-02T10:00:00Z");
  other_words["finding"]["evidence"]["text"] = "Recording stopped";
  CHECK(log(f.d, {other_words})["stored"] == 1);
  CHECK(log(f.d, {same_notice("next-day", "2026-11-03T10:00:00Z")})["stored"] == 1);
  // A choice is never a repeat by content: the person may answer again.
  CHECK(log(f.d, {choice("c1", "2026-11-02T10:01:00Z", "stayed"), choice("c2", "2026-11-02T10:01:00Z", "stayed")})["stored"] == 2);
}

TEST_CASE("a site gets at most the hourly quota of events, other sites and hours are not touched", "[host][intake]") {
  Fixture f;
  Json batch = Json::array();
  for (int i = 0; i <= kSiteHourQuota; ++i) {
    char at[32];
    std::snprintf(at, sizeof at, "2026-11-02T10:%02d:%02dZ", i / 60 % 60, i % 60);
    batch.push_back(event("q" + std::to_string(i), at));
  }
  const Json r = log(f.d, batch);
  CHECK(r["stored"] == kSiteHourQuota);
  CHECK(r["over_quota"] == 1);
  Json other_site = event("other-site", "2026-11-02T10:30:00Z");
  other_site["site"] = "meet.google.com";
  CHECK(log(f.d, {other_site, event("next-hour", "2026-11-02T11:00:00Z")})["stored"] == 2);
  CHECK(log(f.d, {event("still-full", "2026-11-02T10:59:59Z")})["over_quota"] == 1);
}

TEST_CASE("the notice key covers site, meeting, kind, vendor and evidence, each apart", "[host][intake]") {
  auto ev = [](const std::string& site, const std::string& meeting, const std::string& kind, const std::string& evidence) {
    Event e;
    e.type = "finding_shown";
    e.site = site;
    e.meeting = meeting;
    e.finding = Json{{"kind", kind}, {"vendor", "zoom"}, {"evidence", {{"text", evidence}}}};
    return shown_key(e);
  };
  const auto base = ev("a", "m", "recording", "x");
  CHECK(base != 0);
  CHECK(ev("a", "m", "recording", "x") == base);
  CHECK(ev("am", "", "recording", "x") != ev("a", "m", "recording", "x"));  // fields cannot run together
  CHECK(ev("b", "m", "recording", "x") != base);
  CHECK(ev("a", "m", "transcription", "x") != base);
  CHECK(ev("a", "m", "recording", "y") != base);
  Event c;
  c.type = "choice";
  CHECK(shown_key(c) == 0);
}
