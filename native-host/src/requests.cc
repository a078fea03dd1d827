#include "requests.h"

#include "contract.h"
#include "timeutil.h"

namespace consentlens::host {
namespace {

std::string dump(const Json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

// "a, b or c" from a contract list, for messages.
std::string one_of(std::span<const std::string_view> values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += i + 1 == values.size() ? " or " : ", ";
    out += values[i];
  }
  return out;
}

bool in(std::span<const std::string_view> values, const std::string& v) { return contract::index_of(values, v) >= 0; }

bool is_identifier(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// The finding, checked: a contract kind, a vendor id, at most 256 KiB. From a source that holds
// people's words it keeps no quote: its evidence goes.
Json parse_finding(const Json& f, const std::string& source, const std::string& where) {
  if (!f.is_object()) bad(where + "\"finding\" must be an object");
  if (!f.contains("kind") || !f["kind"].is_string() || !contract::is_finding_kind(f["kind"].get<std::string>()))
    bad(where + "\"finding.kind\" must be one of " + one_of(contract::kinds()));
  if (f.contains("vendor") && (!f["vendor"].is_string() || !is_identifier(f["vendor"].get<std::string>())))
    bad(where + "\"finding.vendor\" must be a vendor id (a-z, 0-9, _; at most 64)");
  if (dump(f).size() > 256 * 1024) bad(where + "\"finding\" is larger than 256 KiB");
  Json kept = f;
  // "" (no source given) keeps the quote: the extension sends none then; a source is a contract one.
  if (!source.empty() && !contract::source_quotable(source)) kept.erase("evidence");
  return kept;
}

void parse_optional_fields(const Json& j, const std::string& where, Event& e) {
  if (const auto* s = optional_string(j, "page_title", 1000, where)) e.page_title = *s;
  if (const auto* s = optional_string(j, "meeting", 2048, where)) e.meeting = *s;
  if (const auto* s = optional_string(j, "source", 32, where)) {
    if (contract::label("item_sources", *s).empty()) bad(where + "\"source\" is not one of the contract's item sources");
    e.source = *s;
  }
  if (const auto* s = optional_string(j, "choice", 32, where)) {
    if (!in(contract::choices(), *s)) bad(where + "\"choice\" must be one of " + one_of(contract::choices()));
    e.choice = *s;
  }
}

}  // namespace

void bad(const std::string& message) { throw RequestError("bad_request", message); }

const std::string* optional_string(const Json& req, const char* key, std::size_t max_len, const std::string& where) {
  if (!req.contains(key)) return nullptr;
  const Json& v = req[key];
  if (!v.is_string()) bad(where + "\"" + key + "\" must be a string");
  const auto& s = v.get_ref<const std::string&>();
  if (s.size() > max_len) bad(where + "\"" + key + "\" is longer than " + std::to_string(max_len) + " bytes");
  if (s.find('\0') != std::string::npos) bad(where + "\"" + key + "\" holds a NUL character");
  return &s;
}

void only_fields(const Json& obj, const std::vector<std::string>& allowed, const std::string& where) {
  for (const auto& item : obj.items()) {
    bool ok = false;
    for (const auto& a : allowed) ok = ok || item.key() == a;
    if (!ok) bad(where + "unknown field \"" + item.key() + "\"");
  }
}

Event parse_event(const Json& j, std::size_t index) {
  const std::string where = "events[" + std::to_string(index) + "]: ";
  if (!j.is_object()) bad(where + "an event must be an object");
  only_fields(j, {"event_id", "type", "at", "site", "finding", "choice", "page_title", "meeting", "source"}, where);
  Event e;
  auto required = [&](const char* key, std::size_t max_len) {
    const std::string* s = optional_string(j, key, max_len, where);
    if (!s || s->empty()) bad(where + "\"" + key + "\" (string) is missing");
    return *s;
  };
  e.event_id = required("event_id", 200);
  e.type = required("type", 32);
  if (!in(contract::event_types(), e.type)) bad(where + "\"type\" must be " + one_of(contract::event_types()));
  e.at = required("at", 64);
  const auto at = parse_rfc3339(e.at);
  if (!at) bad(where + "\"at\" is not an RFC 3339 time (like 2026-12-02T14:05:00Z)");
  e.at_ms = *at;
  const std::string* site = optional_string(j, "site", 253, where);
  if (!site) bad(where + "\"site\" (string) is missing");
  e.site = *site;
  parse_optional_fields(j, where, e);
  if (e.type == "choice" && e.choice.empty()) bad(where + "a \"choice\" event needs \"choice\"");
  if (e.type == "finding_shown" && !e.choice.empty()) bad(where + "a \"finding_shown\" event has no \"choice\"");
  if (j.contains("finding")) e.finding = parse_finding(j["finding"], e.source, where);
  else if (e.type == "finding_shown") bad(where + "a \"finding_shown\" event needs \"finding\"");
  return e;
}

const std::vector<std::string> kFilterFields = {"since", "until", "vendor", "kind", "site", "type", "choice", "meeting", "search"};

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
  if (const auto* s = optional_string(req, "meeting", 2100)) f.meeting = *s;
  if (const auto* s = optional_string(req, "type", 32)) {
    if (!in(contract::event_types(), *s)) bad("\"type\" must be " + one_of(contract::event_types()));
    f.type = *s;
  }
  if (const auto* s = optional_string(req, "choice", 32)) {
    if (!in(contract::choices(), *s)) bad("\"choice\" must be one of " + one_of(contract::choices()));
    f.choice = *s;
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

}  // namespace consentlens::host
