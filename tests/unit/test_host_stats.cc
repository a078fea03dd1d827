// Stats: every breakdown, and notices per Monday week.
#include "test_host_support.h"

using namespace consentlens::host;
using namespace host_test;

TEST_CASE("stats count every breakdown and the findings per week", "[host][dispatcher]") {
  Fixture f;
  Dispatcher& d = f.d;
  auto with = [](Json e, const std::string& vendor) {
    e["finding"]["vendor"] = vendor;
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
