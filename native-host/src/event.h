// What the history stores and how it is asked for: one event (validated by requests.cc before
// it gets here), the filters every read takes, and what log and query return.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace consentlens::host {

using Json = nlohmann::ordered_json;

struct Event {
  std::string event_id, type, at;  // at: RFC 3339 as sent
  std::int64_t at_ms = 0;
  std::string site, choice, page_title, meeting;
  std::string source;  // where the extension found the notice (contract item_sources), or ""
  std::optional<Json> finding;
};

struct Filters {
  std::optional<std::int64_t> since_ms, until_ms;
  std::string vendor, kind, type, choice, search;
  std::string site;     // a part of the site's host name ("zoom" finds app.zoom.us)
  std::string meeting;  // one meeting's key, as `meetings` gives it
};

struct QueryPage {
  std::vector<Json> events;  // newest first, each with its "cursor"
  std::int64_t total = 0;    // rows matching the filters
  bool more = false;         // rows beyond this page
};

// What became of each event of a log request. Every event is settled by exactly one count.
struct LogResult {
  int stored = 0;      // new, and durable when log() returns
  int duplicates = 0;  // its event_id was stored before
  int repeats = 0;     // the same notice of the same meeting was stored within kRepeatWindowMs
  int expired = 0;     // older than the retention: it would be deleted at once
  int over_quota = 0;  // its site already has kSiteHourQuota events in that hour
};

}  // namespace consentlens::host
