// The operations that read the history: hello, query, get, meetings, export, stats. Replies stay
// under kMaxReplyBytes: a page that would not fit is cut short and continues at next_cursor.
#include "csv.h"
#include "dispatcher.h"
#include "framing.h"
#include "host_version.h"
#include "intake.h"
#include "ops.h"
#include "requests.h"

namespace consentlens::host {
namespace {

std::string dump(const Json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

// Room for a page's items: the reply limit less room for the envelope.
constexpr std::size_t kPageBudget = kMaxReplyBytes - 64 * 1024;

// Feeds a query's events to `add` (which returns the bytes it used, or 0 when the event does not
// fit) and sets total and next_cursor.
template <typename Add>
void page_events(Store& store, const Json& req, int fallback_limit, Json& reply, Add add) {
  const Filters f = parse_filters(req);
  const int limit = parse_limit(req, fallback_limit, 500);
  std::string cursor;
  if (const auto* c = optional_string(req, "cursor", 2200)) cursor = *c;
  QueryPage p;
  try {
    p = store.query(f, limit, cursor);
  } catch (const std::invalid_argument& e) {
    bad(e.what());
  }
  std::size_t budget = kPageBudget;
  std::string next;
  std::size_t taken = 0;
  for (auto& e : p.events) {
    const std::string c = e["cursor"];
    e.erase("cursor");
    e.erase("meeting_key");
    const std::size_t size = add(e, budget);
    if (size == 0) break;  // no room: this event starts the next page
    budget -= size;
    next = c;
    ++taken;
  }
  if (taken == 0 && !p.events.empty()) throw RequestError("too_large", "one event alone is larger than a reply may be");
  reply["total"] = p.total;
  reply["next_cursor"] = (taken < p.events.size() || p.more) ? Json(next) : Json(nullptr);
}

}  // namespace

void op_hello(Store& store, const Json&, Json& reply) {
  reply["version"] = kHostVersion;
  reply["protocol"] = kProtocolVersion;
  reply["schema"] = store.schema_version();
  reply["database"] = store.path();
  reply["read_only"] = !store.read_only_reason().empty();
  reply["problem"] = store.read_only_reason().empty() ? Json(nullptr) : Json(store.read_only_reason());
  reply["retention_days"] = store.retention_days();
  reply["max_message_bytes"] = kMaxInboundBytes;
  reply["max_reply_bytes"] = kMaxReplyBytes;
  reply["max_batch_events"] = kMaxBatchEvents;
  reply["repeat_window_ms"] = kRepeatWindowMs;
  reply["site_hour_quota"] = kSiteHourQuota;
}

void op_query(Store& store, const Json& req, Json& reply) {
  Json events = Json::array();
  page_events(store, req, 100, reply, [&](Json& e, std::size_t budget) -> std::size_t {
    const std::size_t size = dump(e).size() + 1;
    if (size > budget) return 0;
    events.push_back(std::move(e));
    return size;
  });
  // The documented field order: events, total, next_cursor.
  Json ordered;
  for (const char* k : {"id", "ok"}) ordered[k] = reply[k];
  ordered["events"] = std::move(events);
  ordered["total"] = reply["total"];
  ordered["next_cursor"] = reply["next_cursor"];
  reply = std::move(ordered);
}

void op_get(Store& store, const Json& req, Json& reply) {
  const std::string* id = optional_string(req, "event_id", 200);
  if (!id || id->empty()) bad("\"get\" needs \"event_id\" (string)");
  auto e = store.get(*id);
  if (!e) throw RequestError("not_found", "no event \"" + *id + "\" in the history");
  e->erase("cursor");
  e->erase("meeting_key");
  reply["event"] = std::move(*e);
}

void op_meetings(Store& store, const Json& req, Json& reply) {
  const Filters f = parse_filters(req);
  const int limit = parse_limit(req, 50, 200);
  std::string cursor;
  if (const auto* c = optional_string(req, "cursor", 2200)) cursor = *c;
  MeetingsPage p;
  try {
    p = store.meetings(f, limit, cursor);
  } catch (const std::invalid_argument& e) {
    bad(e.what());
  }
  Json list = Json::array();
  std::size_t budget = kPageBudget;
  std::string next;
  for (auto& m : p.meetings) {
    const std::string c = m["cursor"];
    m.erase("cursor");
    const std::size_t size = dump(m).size() + 1;
    if (size > budget) break;
    budget -= size;
    next = c;
    list.push_back(std::move(m));
  }
  reply["meetings"] = std::move(list);
  reply["total"] = p.total;
  reply["next_cursor"] = (reply["meetings"].size() < p.meetings.size() || p.more) ? Json(next) : Json(nullptr);
}

void op_export(Store& store, const Json& req, Json& reply) {
  const std::string* format = optional_string(req, "format", 8);
  const bool csv = format && *format == "csv";
  if (format && !csv && *format != "json") bad("\"format\" must be \"json\" or \"csv\"");
  std::vector<std::string> rows;  // joined at the end (GCC 12 misreads repeated += as overlapping)
  if (csv && !req.contains("cursor")) rows.emplace_back(kCsvHeader);
  Json items = Json::array();
  int count = 0;
  page_events(store, req, 500, reply, [&](Json& e, std::size_t budget) -> std::size_t {
    // JSON text inside a JSON string grows when escaped: count it at twice its size.
    const std::string piece = csv ? csv_row(e) : dump(e);
    const std::size_t size = piece.size() * 2 + 2;
    if (size > budget) return 0;
    if (csv) rows.push_back(piece);
    else items.push_back(std::move(e));
    ++count;
    return size;
  });
  reply["format"] = csv ? "csv" : "json";
  std::string data;
  for (const auto& r : rows) data.append(r);
  reply["data"] = csv ? data : dump(items);
  reply["count"] = count;
}

void op_stats(Store& store, const Json& req, Json& reply) {
  const Json stats = store.stats(parse_filters(req));
  for (const auto& item : stats.items()) reply[item.key()] = item.value();
}

}  // namespace consentlens::host
