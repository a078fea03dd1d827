// Times in the history: RFC 3339 on the wire, spans for filters, Monday weeks for stats.
#include <catch2/catch.hpp>

#include "timeutil.h"

using namespace consentlens::host;

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
