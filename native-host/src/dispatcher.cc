#include "dispatcher.h"

#include <set>
#include <stdexcept>

#include "framing.h"
#include "timeutil.h"

namespace consentlens::host {
namespace {

// A request the dispatcher refuses: becomes {"ok": false, "error": {code, message}}.
struct RequestError : std::runtime_error {
  std::string code;
  RequestError(std::string c, const std::string& m) : std::runtime_error(m), code(std::move(c)) {}
};

[[noreturn]] void bad(const std::string& message) { throw RequestError("bad_request", message); }

std::string dump(const Json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

const std::set<std::string, std::less<>> kKinds = {"ai_assistant", "recording", "transcription", "live_stream",
                                                   "notetaker_bot", "terms_prompt", "training_clause"};
const std::set<std::string, std::less<>> kChoices = {"stayed", "left", "dismissed", "opened_details", "accepted", "declined"};
const std::set<std::string, std::less<>> kTypes = {"finding_shown", "choice"};

const std::string* optional_string(const Json& req, const char* key, std::size_t max_len, const char* where = "") {
  if (!req.contains(key)) return nullptr;
  const Json& v = req[key];
  if (!v.is_string()) bad(std::string(where) + "\"" + key + "\" must be a string");
  const auto& s = v.get_ref<const std::string&>();
  if (s.size() > max_len) bad(std::string(where) + "\"" + key + "\" is longer than " + std::to_string(max_len) + " bytes");
  return &s;
}

void only_fields(const Json& obj, std::initializer_list<const char*> allowed, const std::string& where) {
  for (const auto& item : obj.items()) {
    bool ok = false;
    for (const char* a : allowed) ok = ok || item.key() == a;
    if (!ok) bad(where + "unknown field \"" + item.key() + "\"");
  }
}

Event parse_event(const Json& j, std::size_t index) {
  const std::string where = "events[" + std::to_string(index) + "]: ";
  if (!j.is_object()) bad(where + "an event must be an object");
  only_fields(j, {"event_id", "type", "at", "site", "finding", "choice", "page_title", "meeting"}, where);
  Event e;
  auto required = [&](const char* key, std::size_t max_len) {
    const std::string* s = optional_string(j, key, max_len, where.c_str());
    if (!s || s->empty()) bad(where + "\"" + key + "\" (string) is missing");
    return *s;
  };
  e.event_id = required("event_id", 200);
  e.type = required("type", 32);
  if (!kTypes.count(e.type)) bad(where + "\"type\" must be \"finding_shown\" or \"choice\"");
  e.at = required("at", 64);
  const auto at = parse_rfc3339(e.at);
  if (!at) bad(where + "\"at\" is not an RFC 3339 time (like 2026-12-02T14:05:00Z)");
  e.at_ms = *at;
  const std::string* site = optional_string(j, "site", 253, where.c_str());
  if (!site) bad(where + "\"site\" (string) is missing");
  e.site = *site;
  if (const auto* s = optional_string(j, "page_title", 1000, where.c_str())) e.page_title = *s;
  if (const auto* s = optional_string(j, "meeting", 2048, where.c_str())) e.meeting = *s;
  if (const auto* s = optional_string(j, "choice", 32, where.c_str())) {
    if (!kChoices.count(*s)) bad(where + "\"choice\" must be one of stayed, left, dismissed, opened_details, accepted, declined");
    e.choice = *s;
  }
  if (e.type == "choice" && e.choice.empty()) bad(where + "a \"choice\" event needs \"choice\"");
  if (e.type == "finding_shown" && !e.choice.empty()) bad(where + "a \"finding_shown\" event has no \"choice\"");
  if (j.contains("finding")) {
    const Json& f = j["finding"];
    if (!f.is_object()) bad(where + "\"finding\" must be an object");
    if (!f.contains("kind") || !f["kind"].is_string() || !kKinds.count(f["kind"].get<std::string>()))
      bad(where + "\"finding.kind\" must be a finding kind of the contract");
    if (f.contains("vendor") && (!f["vendor"].is_string() || f["vendor"].get_ref<const std::string&>().size() > 64))
      bad(where + "\"finding.vendor\" must be a short string");
    if (dump(f).size() > 256 * 1024) bad(where + "\"finding\" is larger than 256 KiB");
    e.finding = f;
  } else if (e.type == "finding_shown") {
    bad(where + "a \"finding_shown\" event needs \"finding\"");
  }
  return e;
}

Filters parse_filters(const Json& req) {
  Filters f;
  const std::int64_t now = now_ms();
  for (const char* key : {"since", "until"}) {
    if (const auto* s = optional_string(req, key, 64)) {
      const auto t = parse_time_filter(*s, now);
      if (!t) bad(std::string("\"") + key + "\" must be an RFC 3339 time or a span like 30d, 12h, 2w");
      (std::string(key) == "since" ? f.since_ms : f.until_ms) = *t;
    }
  }
  if (const auto* s = optional_string(req, "vendor", 64)) f.vendor = *s;
  if (const auto* s = optional_string(req, "kind", 64)) f.kind = *s;
  if (const auto* s = optional_string(req, "site", 253)) f.site = *s;
  if (const auto* s = optional_string(req, "type", 32)) {
    if (!kTypes.count(*s)) bad("\"type\" must be \"finding_shown\" or \"choice\"");
    f.type = *s;
  }
  if (const auto* s = optional_string(req, "search", 200)) f.search = *s;
  return f;
}

int parse_limit(const Json& req, int fallback, int max) {
  if (!req.contains("limit")) return fallback;
  const Json& v = req["limit"];
  if (!v.is_number_integer() || v.get<std::int64_t>() < 1 || v.get<std::int64_t>() > max)
    bad("\"limit\" must be a whole number from 1 to " + std::to_string(max));
  return v.get<int>();
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out(1, '"');
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string str_at(const Json& j, const char* a, const char* b = nullptr) {
  if (!j.contains(a)) return "";
  const Json& v = b ? (j[a].is_object() && j[a].contains(b) ? j[a][b] : Json()) : j[a];
  return v.is_string() ? v.get<std::string>() : "";
}

std::string csv_row(const Json& e) {
  const Json f = e.contains("finding") && e["finding"].is_object() ? e["finding"] : Json::object();
  const std::string fields[] = {str_at(e, "at"), str_at(e, "type"), str_at(e, "site"), str_at(f, "kind"), str_at(f, "vendor"),
                                str_at(e, "choice"), str_at(f, "training"), str_at(f, "evidence", "text"),
                                str_at(f, "explanation", "summary"), str_at(e, "page_title"), str_at(e, "meeting"),
                                str_at(e, "event_id")};
  std::string row;
  for (std::size_t i = 0; i < std::size(fields); ++i) {
    if (i > 0) row.push_back(',');
    row.append(csv_field(fields[i]));
  }
  row.append("\r\n");
  return row;
}
constexpr const char* kCsvHeader = "at,type,site,kind,vendor,choice,training,evidence,summary,page_title,meeting,event_id\r\n";

class Handler {
 public:
  Handler(Store& store, Json& reply) : store_(store), reply_(reply) {}

  void run(const std::string& op, const Json& req) {
    if (op == "hello") hello(req);
    else if (op == "log") log(req);
    else if (op == "query") query(req);
    else if (op == "export") export_(req);
    else if (op == "delete") remove(req);
    else if (op == "purge") purge(req);
    else if (op == "set_retention") set_retention(req);
    else if (op == "stats") stats(req);
    else throw RequestError("unknown_op", "unknown operation \"" + op + "\"");
  }

 private:
  Store& store_;
  Json& reply_;

  void hello(const Json& req) {
    only_fields(req, {"id", "op", "client"}, "");
    reply_["version"] = kHostVersion;
    reply_["protocol"] = kProtocolVersion;
    reply_["schema"] = store_.schema_version();
    reply_["database"] = store_.path();
    reply_["retention_days"] = store_.retention_days();
    reply_["max_message_bytes"] = kMaxInboundBytes;
    reply_["max_reply_bytes"] = kMaxReplyBytes;
    reply_["max_batch_events"] = kMaxBatchEvents;
  }

  void log(const Json& req) {
    only_fields(req, {"id", "op", "events", "event"}, "");
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
    const LogResult r = store_.log(events);
    reply_["stored"] = r.stored;
    reply_["duplicates"] = r.duplicates;
  }

  // Fills events up to the reply budget; sets next_cursor when more remain.
  template <typename Add>
  void page(const Json& req, int fallback_limit, Add add) {
    const Filters f = parse_filters(req);
    const int limit = parse_limit(req, fallback_limit, 500);
    std::string cursor;
    if (const auto* c = optional_string(req, "cursor", 64)) cursor = *c;
    QueryPage p;
    try {
      p = store_.query(f, limit, cursor);
    } catch (const std::invalid_argument& e) {
      bad(e.what());
    }
    std::size_t budget = kMaxReplyBytes - 64 * 1024;  // room for the envelope
    std::string next;
    std::size_t taken = 0;
    for (auto& e : p.events) {
      const std::string c = e["cursor"];
      e.erase("cursor");
      const std::size_t size = add(e, budget);
      if (size == 0) break;  // no room: this event starts the next page
      budget -= size;
      next = c;
      ++taken;
    }
    if (taken == 0 && !p.events.empty())
      throw RequestError("too_large", "one event alone is larger than a reply may be");
    reply_["total"] = p.total;
    reply_["next_cursor"] = (taken < p.events.size() || p.more) ? Json(next) : Json(nullptr);
  }

  void query(const Json& req) {
    only_fields(req, {"id", "op", "since", "until", "vendor", "kind", "site", "type", "search", "limit", "cursor"}, "");
    Json events = Json::array();
    page(req, 100, [&](Json& e, std::size_t budget) -> std::size_t {
      const std::size_t size = dump(e).size() + 1;
      if (size > budget) return 0;
      events.push_back(std::move(e));
      return size;
    });
    reply_["events"] = std::move(events);
    // Keep the documented field order: events, total, next_cursor.
    Json ordered;
    for (const char* k : {"id", "ok", "events", "total", "next_cursor"}) ordered[k] = reply_[k];
    reply_ = std::move(ordered);
  }

  void export_(const Json& req) {
    only_fields(req, {"id", "op", "format", "since", "until", "vendor", "kind", "site", "type", "search", "limit", "cursor"}, "");
    const std::string* format = optional_string(req, "format", 8);
    const bool csv = format && *format == "csv";
    if (format && !csv && *format != "json") bad("\"format\" must be \"json\" or \"csv\"");
    const bool first_page = !req.contains("cursor");
    std::vector<std::string> rows;  // joined at the end (GCC 12 misreads repeated += as overlapping)
    if (csv && first_page) rows.emplace_back(kCsvHeader);
    Json items = Json::array();
    int count = 0;
    page(req, 500, [&](Json& e, std::size_t budget) -> std::size_t {
      // JSON text inside a JSON string grows when escaped: count it at twice its size.
      const std::string piece = csv ? csv_row(e) : dump(e);
      const std::size_t size = piece.size() * 2 + 2;
      if (size > budget) return 0;
      if (csv) rows.push_back(piece);
      else items.push_back(std::move(e));
      ++count;
      return size;
    });
    reply_["format"] = csv ? "csv" : "json";
    std::string data;
    for (const auto& r : rows) data.append(r);
    reply_["data"] = csv ? data : dump(items);
    reply_["count"] = count;
  }

  void remove(const Json& req) {
    only_fields(req, {"id", "op", "event_ids", "since", "until"}, "");
    if (req.contains("event_ids")) {
      if (req.contains("since") || req.contains("until")) bad("\"delete\" takes \"event_ids\" or a time range, not both");
      const Json& ids = req["event_ids"];
      if (!ids.is_array() || ids.size() > 10000) bad("\"event_ids\" must be an array of at most 10000 ids");
      std::vector<std::string> list;
      for (const auto& id : ids) {
        if (!id.is_string()) bad("\"event_ids\" must hold strings");
        list.push_back(id.get<std::string>());
      }
      reply_["deleted"] = store_.remove(list);
      return;
    }
    if (!req.contains("since") && !req.contains("until")) bad("\"delete\" needs \"event_ids\" or \"since\"/\"until\" (use \"purge\" for everything)");
    const Filters f = parse_filters(req);
    reply_["deleted"] = store_.remove_range(f.since_ms, f.until_ms);
  }

  void purge(const Json& req) {
    only_fields(req, {"id", "op"}, "");
    reply_["deleted"] = store_.purge();
  }

  void set_retention(const Json& req) {
    only_fields(req, {"id", "op", "days"}, "");
    if (!req.contains("days") || !req["days"].is_number_integer() || req["days"].get<std::int64_t>() < 0 ||
        req["days"].get<std::int64_t>() > 36500)
      bad("\"days\" must be a whole number from 0 (keep everything) to 36500");
    const int days = req["days"].get<int>();
    const std::int64_t deleted = store_.set_retention(days, now_ms());
    reply_["retention_days"] = days;
    reply_["deleted"] = deleted;
  }

  void stats(const Json& req) {
    only_fields(req, {"id", "op", "since", "until", "vendor", "kind", "site", "type", "search"}, "");
    const Json stats = store_.stats(parse_filters(req));
    for (const auto& item : stats.items()) reply_[item.key()] = item.value();
  }
};

}  // namespace

int json_depth(std::string_view t, int limit) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') {
      if (++depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

std::string Dispatcher::error_reply(const char* code, const std::string& message) {
  return dump(Json{{"id", nullptr}, {"ok", false}, {"error", {{"code", code}, {"message", message}}}});
}

std::string Dispatcher::handle(std::string_view message) {
  Json reply;
  reply["id"] = nullptr;
  reply["ok"] = true;
  auto fail = [&](const std::string& code, const std::string& msg) {
    Json r;
    r["id"] = reply["id"];
    r["ok"] = false;
    r["error"] = {{"code", code}, {"message", msg}};
    return dump(r);
  };
  if (json_depth(message, kMaxJsonDepth) > kMaxJsonDepth)
    return fail("bad_json", "the message nests deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  Json req;
  try {
    req = Json::parse(message);
  } catch (const Json::exception& e) {  // parse errors, and numbers out of range (1e999)
    return fail("bad_json", std::string("the message is not valid JSON (or not UTF-8): ") + e.what());
  }
  if (!req.is_object()) return fail("bad_request", "a request is a JSON object");
  if (req.contains("id")) {
    const Json& id = req["id"];
    if (!id.is_string() && !id.is_number()) return fail("bad_request", "\"id\" must be a string or a number");
    if (id.is_string() && id.get_ref<const std::string&>().size() > 200) return fail("bad_request", "\"id\" is longer than 200 bytes");
    reply["id"] = id;
  } else {
    return fail("bad_request", "\"id\" (string or number) is missing");
  }
  if (!allowed_) return fail("forbidden", "this host serves only the consentlens extension");
  if (!req.contains("op") || !req["op"].is_string()) return fail("bad_request", "\"op\" (string) is missing");
  try {
    Handler(store_, reply).run(req["op"].get<std::string>(), req);
  } catch (const RequestError& e) {
    return fail(e.code, e.what());
  } catch (const StoreError& e) {
    return fail("storage", e.what());
  } catch (const Json::exception& e) {
    return fail("bad_request", e.what());
  }
  std::string out = dump(reply);
  if (out.size() > kMaxReplyBytes) return fail("too_large", "the reply would exceed 1 MiB; ask for fewer events");
  return out;
}

}  // namespace consentlens::host
