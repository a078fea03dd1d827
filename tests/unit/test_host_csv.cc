// CSV export: quoted where needed, and safe to open in a spreadsheet.
#include "csv.h"
#include "test_host_support.h"

using namespace consentlens::host;
using namespace host_test;

TEST_CASE("CSV export quotes what needs quoting", "[host][csv]") {
  Fixture f;
  Json e = event("c1");
  e["finding"]["evidence"]["text"] = "Say \"yes\", or leave";
  REQUIRE(reply(f.d, {{"id", 1}, {"op", "log"}, {"event", e}})["stored"] == 1);
  const Json r = reply(f.d, {{"id", 2}, {"op", "export"}, {"format", "csv"}});
  const std::string csv = r["data"];
  CHECK(csv.rfind(kCsvHeader, 0) == 0);
  CHECK_THAT(csv, Catch::Contains("\"Say \"\"yes\"\", or leave\""));
}

TEST_CASE("a field a spreadsheet would run as a formula is neutralised", "[host][csv]") {
  for (const char* s : {"=HYPERLINK(\"https://x.example\",\"click\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"}) {
    CAPTURE(s);
    const std::string out = csv_field(s);
    CHECK(out.rfind("\"'", 0) == 0);
    CHECK(out.back() == '"');
  }
  CHECK(csv_field("=1") == "\"'=1\"");
  CHECK(csv_field("a=1") == "a=1");  // only at the start
  CHECK(csv_field("") == "");
  Fixture f;
  Json e = event("f1");
  e["finding"]["evidence"]["text"] = "=HYPERLINK(\"https://evil.example\",\"Recording consent\")";
  e["page_title"] = "@cmd";
  REQUIRE(reply(f.d, {{"id", 1}, {"op", "log"}, {"event", e}})["stored"] == 1);
  const std::string csv = reply(f.d, {{"id", 2}, {"op", "export"}, {"format", "csv"}})["data"];
  CHECK_THAT(csv, Catch::Contains(",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Recording consent\"\")\","));
  CHECK_THAT(csv, Catch::Contains(",\"'@cmd\","));
  CHECK(csv.find(",=") == std::string::npos);
  CHECK(csv.find(",@") == std::string::npos);
}
