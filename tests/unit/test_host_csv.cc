// CSV export: quoted where needed.
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
