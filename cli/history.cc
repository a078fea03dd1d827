// consentlens history: reads the consent history the native host keeps (docs/native-host.md),
// through the same request dispatcher the browser uses, so the terminal and the extension see
// the same data the same way.
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"
#include "dispatcher.h"
#include "store.h"

namespace consentlens {
namespace {

using host::Json;

constexpr const char* kHistoryHelp = R"(Usage: consentlens history [COMMAND] [options]

Commands:
  list              the events, newest first (the default)
  search WORDS      events whose evidence, summary, site or title hold WORDS
  show EVENT_ID     one event in full, with its explanation
  export            all matching events as CSV (or JSON with --format json)
  stats             counts by kind, vendor, choice and week
  purge --yes       delete every event

Options:
  --json             print JSON (list, search: an array of events, newest first)
  --since SPAN|TIME  only events since 30d, 12h, 2w or an RFC 3339 time
  --until SPAN|TIME  only events until then
  --vendor V, --kind K, --site HOST, --type finding_shown|choice
  --limit N          at most N events (list, search; default: all)
  --format csv|json  export format (default csv)
The history: $CONSENTLENS_DB, else $XDG_DATA_HOME/consentlens/history.db.
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

void print_table(std::ostream& out, const std::vector<Json>& events) {
  if (events.empty()) {
    out << "No events.\n";
    return;
  }
  out << fit("when (UTC)", 17) << "  " << fit("what", 14) << "  " << fit("kind", 14) << "  " << fit("vendor", 11) << "  "
      << fit("site", 22) << "  evidence\n";
  for (const Json& e : events) {
    const std::string at = str(e, "at");
    const std::string when = at.size() >= 16 ? at.substr(0, 10) + " " + at.substr(11, 5) : at;
    const std::string what = str(e, "type") == "choice" ? str(e, "choice") : "shown";
    const Json f = e.contains("finding") ? e["finding"] : Json::object();
    out << fit(when, 17) << "  " << fit(what, 14) << "  " << fit(str(f, "kind"), 14) << "  " << fit(str(f, "vendor"), 11)
        << "  " << fit(str(e, "site"), 22) << "  ";
    std::string evidence = fit(str(f, "evidence", "text"), 60);
    evidence.erase(evidence.find_last_not_of(' ') + 1);  // the last column is not padded
    out << evidence << "\n";
  }
}

void print_event(std::ostream& out, const Json& e) {
  out << "event " << str(e, "event_id") << "\n  at:    " << str(e, "at") << "\n  type:  " << str(e, "type") << "\n  site:  "
      << str(e, "site") << "\n";
  if (!str(e, "choice").empty()) out << "  choice: " << str(e, "choice") << "\n";
  if (!str(e, "page_title").empty()) out << "  page:  " << str(e, "page_title") << "\n";
  if (!e.contains("finding")) return;
  const Json& f = e["finding"];
  out << "  kind:  " << str(f, "kind") << " (" << str(f, "vendor") << ")\n";
  if (!str(f, "evidence", "text").empty()) out << "  evidence: \"" << str(f, "evidence", "text") << "\"\n";
  if (f.contains("explanation") && f["explanation"].is_object())
    for (const auto& [label, key] : std::vector<std::pair<const char*, const char*>>{{"What is happening", "summary"},
                                                                                  {"Who agreed", "who_consented"},
                                                                                  {"What you can do", "your_choices"},
                                                                                  {"Where data goes", "data_flow"},
                                                                                  {"Trains AI?", "training"}})
      if (!str(f["explanation"], key).empty()) out << "  " << label << ": " << str(f["explanation"], key) << "\n";
  if (f.contains("sources") && f["sources"].is_array())
    for (const auto& s : f["sources"]) out << "  Source: " << str(s, "title") << " (" << str(s, "date") << ") " << str(s, "url") << "\n";
}

// Every page of a query (or up to `limit` events).
std::vector<Json> all_events(host::Dispatcher& d, Json req, long limit) {
  std::vector<Json> out;
  req["op"] = "query";
  while (true) {
    req["limit"] = limit > 0 ? std::min<long>(500, limit - static_cast<long>(out.size())) : 500;
    const Json reply = ask(d, req);
    for (const auto& e : reply["events"]) out.push_back(e);
    if (reply["next_cursor"].is_null() || (limit > 0 && static_cast<long>(out.size()) >= limit)) break;
    req["cursor"] = reply["next_cursor"];
  }
  return out;
}

}  // namespace

int run_history(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string command = "list", word, format = "csv";
  bool json = false, yes = false;
  long limit = 0;
  Json filters = Json::object();
  try {
    std::size_t i = 0;
    if (!args.empty() && args[0].rfind("-", 0) != 0) command = args[i++];
    if ((command == "search" || command == "show") && i < args.size() && args[i].rfind("--", 0) != 0) word = args[i++];
    for (; i < args.size(); ++i) {
      const std::string& a = args[i];
      auto value = [&]() -> std::string {
        if (i + 1 >= args.size()) throw HistoryError(a + " needs a value");
        return args[++i];
      };
      if (a == "-h" || a == "--help") {
        out << kHistoryHelp;
        return 0;
      }
      if (a == "--json") json = true;
      else if (a == "--yes") yes = true;
      else if (a == "--since" || a == "--until" || a == "--vendor" || a == "--kind" || a == "--site" || a == "--type")
        filters[a.substr(2)] = value();
      else if (a == "--limit") {
        const std::string v = value();
        limit = std::strtol(v.c_str(), nullptr, 10);
        if (limit <= 0) throw HistoryError("--limit needs a positive whole number");
      } else if (a == "--format") {
        format = value();
        if (format != "csv" && format != "json") throw HistoryError("--format is csv or json");
      } else throw HistoryError("unknown option \"" + a + "\" (see consentlens history --help)");
    }
    if ((command == "search" || command == "show") && word.empty()) throw HistoryError(command + " needs " + (command == "show" ? "an EVENT_ID" : "WORDS"));

    host::Store store(host::Store::default_path());
    host::Dispatcher d(store, true);
    if (command == "list" || command == "search") {
      Json req = filters;
      if (command == "search") req["search"] = word;
      const auto events = all_events(d, req, limit);
      if (json) out << Json(events).dump(2) << "\n";
      else print_table(out, events);
    } else if (command == "show") {
      for (const auto& e : all_events(d, filters, 0))
        if (str(e, "event_id") == word) {
          json ? out << e.dump(2) << "\n" : (print_event(out, e), out);
          return 0;
        }
      err << "consentlens history show: no event \"" << word << "\"\n";
      return 1;
    } else if (command == "export") {
      Json req = filters;
      req["op"] = "export";
      req["format"] = format;
      Json all = Json::array();
      while (true) {
        const Json reply = ask(d, req);
        if (format == "csv") out << reply["data"].get<std::string>();
        else for (auto& e : Json::parse(reply["data"].get<std::string>())) all.push_back(e);
        if (reply["next_cursor"].is_null()) break;
        req["cursor"] = reply["next_cursor"];
      }
      if (format == "json") out << all.dump(2) << "\n";
    } else if (command == "stats") {
      Json req = filters;
      req["op"] = "stats";
      Json s = ask(d, req);
      s.erase("id");
      s.erase("ok");
      if (json) {
        out << s.dump(2) << "\n";
      } else {
        out << s["total"].get<long>() << " events";
        if (!s["first_at"].is_null()) out << ", " << s["first_at"].get<std::string>() << " to " << s["last_at"].get<std::string>();
        out << "\n";
        for (const char* by : {"by_kind", "by_vendor", "by_choice"}) {
          if (s[by].empty()) continue;
          out << "\n" << (by + 3) << ":\n";
          for (const auto& item : s[by].items()) out << "  " << fit(item.key(), 18) << item.value().get<long>() << "\n";
        }
        if (!s["by_week"].empty()) {
          out << "\nfindings per week:\n";
          for (const auto& w : s["by_week"])
            out << "  " << w["week"].get<std::string>() << "  " << fit(w["kind"].get<std::string>(), 16)
                << std::string(static_cast<std::size_t>(std::min<long>(w["count"].get<long>(), 60)), '#') << " "
                << w["count"].get<long>() << "\n";
        }
      }
    } else if (command == "purge") {
      if (!yes) throw HistoryError("purge deletes every event: run it again with --yes");
      const Json reply = ask(d, Json{{"op", "purge"}});
      out << "deleted " << reply["deleted"].get<long>() << " events\n";
    } else {
      throw HistoryError("unknown command \"" + command + "\" (see consentlens history --help)");
    }
    return 0;
  } catch (const HistoryError& e) {
    err << "consentlens history: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    err << "consentlens history: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace consentlens
