// Filters as SQL, and events read back from rows. Every read of the history (query, get,
// export, stats, meetings) goes through where_of, so retention holds for reads too: an event
// older than the retention is never returned, even before it is deleted (a read-only or full
// database cannot delete it).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "event.h"
#include "sqlite_util.h"

namespace consentlens::host {

// " WHERE ..." over the events table (no alias); `visible_since`: the retention's cut-off.
Clause where_of(const Filters& f, std::optional<std::int64_t> visible_since);

// The columns row_to_event reads (0-11), and where they come from.
inline constexpr const char* kEventColumns =
    "seq, event_id, type, at, site, choice, d.finding, d.page_title, d.meeting, at_ms, meeting_key, d.source";
inline constexpr const char* kEventFrom = " FROM events JOIN event_data d USING (seq)";
inline std::string select_events() { return std::string("SELECT ") + kEventColumns + kEventFrom; }
// An event as the protocol shows it, with "cursor" ("at_ms:seq") and "meeting_key" for paging
// and grouping; callers remove what they do not send.
Json row_to_event(const Stmt& st);

// Reads a cursor "A:B" of two integers; throws std::invalid_argument naming the field otherwise.
std::pair<std::int64_t, std::int64_t> parse_cursor(const std::string& cursor);

}  // namespace consentlens::host
