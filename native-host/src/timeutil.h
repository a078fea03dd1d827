// Times in the history: RFC 3339 on the wire and in exports, Unix milliseconds in the database
// (so ranges and weeks are plain integer comparisons).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace consentlens::host {

// "2026-12-02T14:05:00Z", "2026-12-02T14:05:00.250+01:00" -> Unix ms. nullopt if not RFC 3339.
std::optional<std::int64_t> parse_rfc3339(std::string_view s);
// Unix ms -> "2026-12-02T14:05:00.250Z" (milliseconds only when not zero).
std::string format_rfc3339(std::int64_t unix_ms);
// A time filter: RFC 3339, or a span back from `now_ms` such as "30d", "12h", "2w", "45m".
std::optional<std::int64_t> parse_time_filter(std::string_view s, std::int64_t now_ms);
// The Monday (UTC) of the week holding `unix_ms`, as "YYYY-MM-DD".
std::string week_of(std::int64_t unix_ms);
std::int64_t now_ms();

}  // namespace consentlens::host
