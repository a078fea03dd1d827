// The history grouped by meeting: one row per meeting key (schema.h meeting_key), newest first,
// with what was shown there and what the person chose.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "event.h"
#include "sqlite_util.h"

namespace consentlens::host {

struct MeetingsPage {
  // Each: {"key", "site", "sites", "vendors", "kinds" (shown), "choices", "first_at",
  // "last_at", "events", "page_title" (the latest, or null), "cursor"}.
  std::vector<Json> meetings;
  std::int64_t total = 0;  // meetings matching the filters
  bool more = false;
};

// `f.choice` keeps the meetings where the person made that choice (with all their events);
// the other filters select the events that make up each meeting. `cursor` is "last_ms:key".
MeetingsPage list_meetings(sqlite3* db, const Filters& f, std::optional<std::int64_t> visible_since, int limit,
                           const std::string& cursor);

}  // namespace consentlens::host
