// consentlens history: reads the consent history the native host keeps (docs/native-host.md),
// through the same request dispatcher the browser uses, so the terminal and the extension see
// the same data the same way.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"
#include "contract.h"
#include "dispatcher.h"
#include "store.h"
#include "timeutil.h"

namespace consentlens {
namespace {

using host::Json;

constexpr const char* kHistoryHelp = R"(Usage: consentlens history [COMMAND] [options]

Commands:
  list              the events, newest first (the default)
  meetings          one line per meeting: what was shown and what you chose
  search WORDS      events whose evidence, summary, site or title hold WORDS
  show EVENT_ID     one event in full, with its explanation
  export            all matching events as CSV (or JSON with --format json)
  stats             counts by kind, vendor, choice and week
  purge --yes       delete every event

Options:
  --json             print JSON (list, search: an array of events, newest first)
  --since SPAN|TIME  only events since 30d, 12h, 2w or an RFC 3339 time
  --until SPAN|TIME  only events until then
  --vendor V, --kind K, --type finding_shown|choice
  --site PART        only sites whose name holds PART ("zoom" finds app.zoom.us)
  --choice C         only your choice C (stayed, left, accepted, declined, ...)
  --limit N          at most N events (list, search; default: all)
  --format csv|json  export format (default csv; fields that a spreadsheet would
                     read as a formula start with an apostrophe)
The history: $CONSENTLENS_DB, else $XDG_DATA_HOME/consentlens/history.db.
Events older than the retention (hello: retention_days) are never listed.
)";

struct HistoryError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// One request through the dispatcher; throws with the host's own message on an error reply.
Json ask(host::Dispatcher& d, Json req) {
  req["id"] = "cli";
  const Json reply = Json::parse(d.handle(req.dump()));
  if (!reply.value("ok", false)) throw HistoryError(reply["error"]["message"].get<std::string>());
  return reply;
}

std::string str(const Json& j, const char* a, const char* b = nullptr) {
  if (!j.is_object() || !j.contains(a)) return "";
  const Json& v = b ? (j[a].is_object() && j[a].contains(b) ? j[a][b] : Json()) : j[a];
  return v.is_string() ? v.get<std::string>() : "";
}

std::size_t width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string fit(const std::string& s, std::size_t w) {
  if (width(s) <= w) return s + std::string(w - width(s), ' ');
  std::string out;
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size() && n + 1 < w; ++i) {
    out += s[i];
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
    while (i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) out += s[++i];
  }
  return out + "…" + std::string(w > n + 1 ? w - n - 1 : 0, ' ');
}

// The contract's words for a value, or the value itself when the contract has none.
std::string label(std::string_view list, const std::string& value) {
  const std::string_view l = contract::label(list, value);
  return l.empty() ? value : std::string(l);
}

std::string when(const std::string& at) { return at.size() >= 16 ? at.substr(0, 10) + " " + at.substr(11, 5) : at; }

void print_table(std::ostream& out, const std::vector<Json>& events) {
  if (events.empty()) {
    out << "No events.\n";
    return;
  }
  out << fit("when (UTC)", 17) << "  " << fit("what", 22) << "  " << fit("kind", 18) << "  " << fit("vendor", 14) << "  "
      << fit("site", 22) << "  evidence\n";
  for (const Json& e : events) {
    const std::string what = str(e, "type") == "choice" ? label("choices", str(e, "choice")) : label("event_types", "finding_shown");
    const Json f = e.contains("finding") ? e["finding"] : Json::object();
    out << fit(when(str(e, "at")), 17) << "  " << fit(what, 22) << "  " << fit(label("kinds", str(f, "kind")), 18) << "  "
        << fit(label("vendors", str(f, "vendor")), 14) << "  " << fit(str(e, "site"), 22) << "  ";
    std::string evidence = fit(str(f, "evidence", "text"), 60);
    evidence.erase(evidence.find_last_not_of(' ') + 1);  // the last column is not padded
    out << evidence << "\n";
  }
}

void print_meetings(std::ostream& out, const std::vector<Json>& meetings) {
  if (meetings.empty()) {
    out << "No meetings.\n";
    return;
  }
  auto labels = [](const Json& list, std::string_view of) {
    std::string s;
    for (const auto& v : list) s += (s.empty() ? "" : ", ") + label(of, v.get<std::string>());
    return s.empty() ? std::string("-") : s;
  };
  out << fit("last (UTC)", 17) << "  " << fit("site", 22) << "  " << fit("shown", 34) << "  your choices\n";
  for (const Json& m : meetings)
    out << fit(when(str(m, "last_at")), 17) << "  " << fit(str(m, "site"), 22) << "  " << fit(labels(m["kinds"], "kinds"), 34) << "  "
        << labels(m["choices"], "choices") << "\n";
}

void print_event(std::ostream& out, const Json& e) {
  out << "event " << str(e, "event_id") << "\n  at:    " << str(e, "at") << "\n  type:  " << str(e, "type") << "\n  site:  "
      << str(e, "site") << "\n";
  if (!str(e, "choice").empty()) out << "  choice: " << label("choices", str(e, "choice")) << "\n";
  if (!str(e, "page_title").empty()) out << "  page:  " << str(e, "page_title") << "\n";
  if (!e.contains("finding")) return;
  const Json& f = e["finding"];
  out << "  kind:  " << label("kinds", str(f, "kind")) << " (" << label("vendors", str(f, "vendor")) << ")\n";
  if (!str(f, "evidence", "text").empty()) out << "  evidence: \"" << str(f, "evidence", "text") << "\"\n";
  if (f.contains("explanation") && f["explanation"].is_object())
    for (const auto key : contract::explanation_topics())
      if (const std::string text = str(f["explanation"], std::string(key).c_str()); !text.empty())
        out << "  " << contract::label("explanation_topics", key) << ": " << text << "\n";
  if (f.contains("sources") && f["sources"].is_array())
    for (const auto& s : f["sources"]) out << "  Source: " << str(s, "title") << " (" << str(s, "date") << ") " << str(s, "url") << "\n";
}

// Every page of a paged request (query or meetings), or up to `limit` items.
std::vector<Json> all_pages(host::Dispatcher& d, Json req, const char* items, int page_max, long limit) {
  std::vector<Json> out;
  while (true) {
    req["limit"] = limit > 0 ? std::min<long>(page_max, limit - static_cast<long>(out.size())) : page_max;
    const Json reply = ask(d, req);
    for (const auto& e : reply[items]) out.push_back(e);
    if (reply["next_cursor"].is_null() || (limit > 0 && static_cast<long>(out.size()) >= limit)) break;
    req["cursor"] = reply["next_cursor"];
  }
  return out;
}

struct Args {
  std::string command = "list", word, format = "csv";
  bool json = false, yes = false, help = false;
  long limit = 0;
  Json filters = Json::object();
};

Args parse_args(const std::vector<std::string>& args) {
  Args a;
  std::size_t i = 0;
  if (!args.empty() && args[0].rfind("-", 0) != 0) a.command = args[i++];
  if ((a.command == "search" || a.command == "show") && i < args.size() && args[i].rfind("--", 0) != 0) a.word = args[i++];
  for (; i < args.size(); ++i) {
    const std::string& o = args[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= args.size()) throw HistoryError(o + " needs a value");
      return args[++i];
    };
    if (o == "-h" || o == "--help") a.help = true;
    else if (o == "--json") a.json = true;
    else if (o == "--yes") a.yes = true;
    else if (o == "--since" || o == "--until" || o == "--vendor" || o == "--kind" || o == "--site" || o == "--type" || o == "--choice")
      a.filters[o.substr(2)] = value();
    else if (o == "--limit") {
      const std::string v = value();
      a.limit = std::strtol(v.c_str(), nullptr, 10);
      if (a.limit <= 0) throw HistoryError("--limit needs a positive whole number");
    } else if (o == "--format") {
      a.format = value();
      if (a.format != "csv" && a.format != "json") throw HistoryError("--format is csv or json");
    } else throw HistoryError("unknown option \"" + o + "\" (see consentlens history --help)");
  }
  if ((a.command == "search" || a.command == "show") && a.word.empty())
    throw HistoryError(a.command + " needs " + (a.command == "show" ? "an EVENT_ID" : "WORDS"));
  return a;
}

void run_export(host::Dispatcher& d, const Args& a, std::ostream& out) {
  Json req = a.filters;
  req["op"] = "export";
  req["format"] = a.format;
  Json all = Json::array();
  while (true) {
    const Json reply = ask(d, req);
    if (a.format == "csv") out << reply["data"].get<std::string>();
    else
      for (auto& e : Json::parse(reply["data"].get<std::string>())) all.push_back(e);
    if (reply["next_cursor"].is_null()) break;
    req["cursor"] = reply["next_cursor"];
  }
  if (a.format == "json") out << all.dump(2) << "\n";
}

void run_stats(host::Dispatcher& d, const Args& a, std::ostream& out) {
  Json req = a.filters;
  req["op"] = "stats";
  Json s = ask(d, req);
  s.erase("id");
  s.erase("ok");
  if (a.json) {
    out << s.dump(2) << "\n";
    return;
  }
  out << s["total"].get<long>() << " events";
  if (!s["first_at"].is_null()) out << ", " << s["first_at"].get<std::string>() << " to " << s["last_at"].get<std::string>();
  out << "\n";
  for (const char* by : {"by_kind", "by_vendor", "by_choice"}) {
    if (s[by].empty()) continue;
    out << "\n" << (by + 3) << ":\n";
    for (const auto& item : s[by].items()) out << "  " << fit(item.key(), 18) << item.value().get<long>() << "\n";
  }
  if (s["by_week"].empty()) return;
  out << "\nfindings per week:\n";
  for (const auto& w : s["by_week"])
    out << "  " << w["week"].get<std::string>() << "  " << fit(w["kind"].get<std::string>(), 16)
        << std::string(static_cast<std::size_t>(std::min<long>(w["count"].get<long>(), 60)), '#') << " " << w["count"].get<long>()
        << "\n";
}

int run_command(host::Dispatcher& d, const Args& a, std::ostream& out, std::ostream& err) {
  if (a.command == "list" || a.command == "search") {
    Json req = a.filters;
    req["op"] = "query";
    if (a.command == "search") req["search"] = a.word;
    const auto events = all_pages(d, req, "events", 500, a.limit);
    a.json ? out << Json(events).dump(2) << "\n" : (print_table(out, events), out);
  } else if (a.command == "meetings") {
    Json req = a.filters;
    req["op"] = "meetings";
    const auto meetings = all_pages(d, req, "meetings", 200, a.limit);
    a.json ? out << Json(meetings).dump(2) << "\n" : (print_meetings(out, meetings), out);
  } else if (a.command == "show") {
    const Json reply = Json::parse(d.handle(Json{{"id", "cli"}, {"op", "get"}, {"event_id", a.word}}.dump()));
    if (!reply.value("ok", false)) {
      err << "consentlens history show: " << reply["error"]["message"].get<std::string>() << "\n";
      return reply["error"]["code"] == "not_found" ? 1 : 2;
    }
    a.json ? out << reply["event"].dump(2) << "\n" : (print_event(out, reply["event"]), out);
  } else if (a.command == "export") {
    run_export(d, a, out);
  } else if (a.command == "stats") {
    run_stats(d, a, out);
  } else if (a.command == "purge") {
    if (!a.yes) throw HistoryError("purge deletes every event: run it again with --yes");
    out << "deleted " << ask(d, Json{{"op", "purge"}})["deleted"].get<long>() << " events\n";
  } else {
    throw HistoryError("unknown command \"" + a.command + "\" (see consentlens history --help)");
  }
  return 0;
}

}  // namespace

int run_history(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  try {
    const Args a = parse_args(args);
    if (a.help) {
      out << kHistoryHelp;
      return 0;
    }
    host::Store store(host::Store::default_location());
    if (!store.read_only_reason().empty()) err << "consentlens history: warning: " << store.read_only_reason() << "\n";
    try {
      // Retention is applied here too, so a history read from the terminal holds to it.
      if (store.retention_due(host::now_ms())) store.apply_retention(host::now_ms());
    } catch (const std::exception& e) {
      err << "consentlens history: warning: retention not applied now: " << e.what() << "\n";
    }
    host::Dispatcher d(store, true);
    return run_command(d, a, out, err);
  } catch (const std::exception& e) {
    err << "consentlens history: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace consentlens
