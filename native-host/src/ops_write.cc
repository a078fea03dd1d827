// The operations that change the history: log, delete, purge, set_retention.
#include "dispatcher.h"
#include "ops.h"
#include "requests.h"
#include "timeutil.h"

namespace consentlens::host {

void op_log(Store& store, const Json& req, Json& reply) {
  std::vector<Event> events;
  if (req.contains("events") == req.contains("event")) bad("\"log\" takes \"events\" (an array) or \"event\" (one object)");
  if (req.contains("event")) {
    events.push_back(parse_event(req["event"], 0));
  } else {
    const Json& list = req["events"];
    if (!list.is_array() || list.empty()) bad("\"events\" must be a non-empty array");
    if (list.size() > kMaxBatchEvents)
      throw RequestError("too_large", "a batch holds at most " + std::to_string(kMaxBatchEvents) + " events; this one has " +
                                          std::to_string(list.size()));
    // Every event is checked before any is stored: a bad one refuses the whole batch.
    for (std::size_t i = 0; i < list.size(); ++i) events.push_back(parse_event(list[i], i));
  }
  const LogResult r = store.log(events);
  reply["stored"] = r.stored;
  reply["duplicates"] = r.duplicates;
  reply["repeats"] = r.repeats;
  reply["expired"] = r.expired;
  reply["over_quota"] = r.over_quota;
}

void op_delete(Store& store, const Json& req, Json& reply) {
  if (req.contains("event_ids")) {
    if (req.contains("since") || req.contains("until")) bad("\"delete\" takes \"event_ids\" or a time range, not both");
    const Json& ids = req["event_ids"];
    if (!ids.is_array() || ids.size() > 10000) bad("\"event_ids\" must be an array of at most 10000 ids");
    std::vector<std::string> list;
    for (const auto& id : ids) {
      if (!id.is_string()) bad("\"event_ids\" must hold strings");
      list.push_back(id.get<std::string>());
    }
    reply["deleted"] = store.remove(list);
    return;
  }
  if (!req.contains("since") && !req.contains("until")) bad("\"delete\" needs \"event_ids\" or \"since\"/\"until\" (use \"purge\" for everything)");
  const Filters f = parse_filters(req);
  reply["deleted"] = store.remove_range(f.since_ms, f.until_ms);
}

void op_purge(Store& store, const Json&, Json& reply) { reply["deleted"] = store.purge(); }

void op_set_retention(Store& store, const Json& req, Json& reply) {
  if (!req.contains("days") || !req["days"].is_number_integer() || req["days"].get<std::int64_t>() < 0 ||
      req["days"].get<std::int64_t>() > 36500)
    bad("\"days\" must be a whole number from 0 (keep everything) to 36500");
  const int days = req["days"].get<int>();
  const std::int64_t deleted = store.set_retention(days, now_ms());
  reply["retention_days"] = days;
  reply["deleted"] = deleted;
}

}  // namespace consentlens::host
