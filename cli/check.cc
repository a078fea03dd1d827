#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "contract.h"
#include "doc_date.h"
#include "engine.h"
#include "html_text.h"
#include "human_output.h"
#include "input.h"
#include "pack_dir.h"
#include "utf8.h"

namespace consentlens {
namespace {

constexpr const char* kCheckHelp = R"(Usage: consentlens check [options] FILE|-
       consentlens check --jsonl [options] < lines.jsonl

Finds notices about AI assistants, recording, transcription, live streams, AI note-taker
bots, terms prompts and AI-training clauses in a saved page, a text or a terms document,
and explains who agreed, what you can do, where the data goes and whether it trains AI.

FILE may be plain text, Markdown or HTML (parsed as HTML); - reads standard input.

Options:
  --json              print {"input": ..., "findings": [...]} instead of text for people
  --jsonl             batch mode: read {"id", "text", "url"?, "vendor"?, "as"?, "date"?} lines from standard
                      input, write one {"id", "findings"} (or {"id", "error"}) line for each
  --vendor V          the meeting vendor, if known (zoom, google_meet, teams, webex, ...)
  --url URL           the page's address; its host name tells the vendor
  --as WHAT           what the text is: notice (shown in a meeting), control (a button or menu
                      label: never a finding on its own) or document (terms, privacy or help
                      page); without it the checker judges from the page's elements and the
                      text's shape, and says in the JSON "input" what it chose
  --date YYYY-MM-DD   the document's date, which picks the vendor facts in force then; without
                      it, the date the document gives itself, else one in the file name
  --fail-on K[,K]     exit 1 if a finding of one of these kinds is found
  --print-text        print the text the checker reads from FILE (an HTML page's words as a
                      person reads them, attributes such as aria-label on their own lines)
                      and look for nothing
  --pack DIR          use the rule and knowledge packs in DIR (e.g. core/) instead of the built-in ones
  -h, --help          show this help

Exit status: 0 done, 1 a --fail-on kind was found, 2 unusable input or arguments.
Limits: a file may be 64 MiB; the text in it (after HTML parsing) 16 MiB.
)";

struct CheckOptions {
  bool json = false;
  bool jsonl = false;
  bool print_text = false;  // print what was read, find nothing
  AnalyzeOptions analyze;
  std::set<std::string> fail_on;
  std::string pack_dir;
  std::string file;
};

CheckOptions parse(const std::vector<std::string>& args) {
  CheckOptions o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
      return args[++i];
    };
    if (a == "--json") o.json = true;
    else if (a == "--print-text") o.print_text = true;
    else if (a == "--jsonl") o.jsonl = true;
    else if (a == "--vendor") o.analyze.vendor = value();
    else if (a == "--url") o.analyze.url = value();
    else if (a == "--as") {
      o.analyze.as = value();
      if (contract::index_of(contract::as_values(), o.analyze.as) < 0)
        throw UsageError("--as: must be notice, control or document, not \"" + o.analyze.as + "\"");
    } else if (a == "--date") {
      o.analyze.date = value();
      if (!is_iso_date(o.analyze.date)) throw UsageError("--date: must be a calendar date written YYYY-MM-DD, not \"" + o.analyze.date + "\"");
    }
    else if (a == "--pack") o.pack_dir = value();
    else if (a == "--fail-on") {
      std::stringstream ss(value());
      for (std::string k; std::getline(ss, k, ',');) {
        if (!contract::is_finding_kind(k)) throw UsageError("--fail-on: unknown kind \"" + k + "\"");
        o.fail_on.insert(k);
      }
    } else if (a == "-" || a.empty() || a[0] != '-') {
      if (!o.file.empty()) throw UsageError("only one FILE at a time (got \"" + o.file + "\" and \"" + a + "\")");
      o.file = a;
    } else throw UsageError("unknown option " + a + " (see consentlens check --help)");
  }
  if (!o.analyze.vendor.empty() && contract::index_of(contract::vendors(), o.analyze.vendor) < 0)
    throw UsageError("--vendor: unknown vendor \"" + o.analyze.vendor + "\"");
  if (o.jsonl && !o.file.empty() && o.file != "-") throw UsageError("--jsonl reads standard input; do not name a FILE");
  if (o.jsonl && o.json) throw UsageError("--json and --jsonl do not go together");
  if (o.print_text && (o.jsonl || o.json)) throw UsageError("--print-text prints text, not JSON");
  if (!o.jsonl && o.file.empty()) throw UsageError("name a FILE, or - for standard input (see consentlens check --help)");
  return o;
}

bool has_fail_kind(const nlohmann::ordered_json& findings, const std::set<std::string>& kinds) {
  for (const auto& f : findings)
    if (kinds.count(f["kind"].get<std::string>())) return true;
  return false;
}

// One JSONL request; returns the reply line.
nlohmann::ordered_json check_line(const Engine& engine, const std::string& line, std::size_t number,
                                  const AnalyzeOptions& defaults, bool& fail, const std::set<std::string>& fail_on) {
  using Json = nlohmann::ordered_json;
  Json reply;
  auto error = [&](const Json& id, const std::string& message) {
    return Json{{"id", id}, {"error", "line " + std::to_string(number) + ": " + message}};
  };
  Json req;
  try {
    req = Json::parse(line);
  } catch (const Json::exception& e) {  // parse errors, and numbers out of range (1e999)
    return error(nullptr, std::string("not valid JSON: ") + e.what());
  }
  if (!req.is_object()) return error(nullptr, "expected a JSON object");
  const Json id = req.contains("id") ? req["id"] : Json(nullptr);
  if (!id.is_string() && !id.is_number()) return error(id, "\"id\" must be a string or number");
  if (!req.contains("text") || !req["text"].is_string()) return error(id, "\"text\" (string) is missing");
  AnalyzeOptions opts = defaults;
  for (auto [k, field] : {std::pair{"url", &opts.url}, std::pair{"vendor", &opts.vendor}, std::pair{"as", &opts.as},
                          std::pair{"date", &opts.date}}) {
    if (!req.contains(k)) continue;
    if (!req[k].is_string()) return error(id, std::string("\"") + k + "\" must be a string");
    *field = req[k].get<std::string>();
  }
  try {
    Analysis a = engine.analyze(req["text"].get<std::string>(), opts);
    if (has_fail_kind(a.result["findings"], fail_on)) fail = true;
    reply["id"] = id;
    reply["as"] = a.as;
    if (!a.date.empty()) reply["date"] = a.date;
    reply["findings"] = std::move(a.result["findings"]);
    if (!a.warnings.empty()) reply["warnings"] = a.warnings;
  } catch (const InputError& e) {
    return error(id, e.what());
  }
  return reply;
}

int run_batch(const Engine& engine, const CheckOptions& o, std::istream& in, std::ostream& out) {
  bool fail = false;
  std::string line;
  std::size_t number = 0;
  const std::size_t limit = kMaxInputBytes + (1u << 20);  // the text plus room for JSON escapes
  while (true) {
    line.clear();
    bool too_long = false;
    char c;
    bool any = false;
    while (in.get(c)) {
      any = true;
      if (c == '\n') break;
      if (line.size() < limit) line.push_back(c);
      else too_long = true;  // keep reading to the line's end, so the next line stays in step
    }
    if (!any) break;
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    nlohmann::ordered_json reply;
    if (too_long)
      reply = {{"id", nullptr}, {"error", "line " + std::to_string(number) + ": longer than " + std::to_string(limit >> 20) + " MiB"}};
    else if (line.find_first_not_of(" \t") == std::string::npos)
      reply = {{"id", nullptr}, {"error", "line " + std::to_string(number) + ": empty line"}};
    else
      reply = check_line(engine, line, number, o.analyze, fail, o.fail_on);
    out << reply.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    out.flush();
  }
  return fail ? 1 : 0;
}

// `check --json`: the findings with what was read ("input") and any warnings.
void print_json(std::ostream& out, const std::string& name, Format format, std::size_t bytes, const Analysis& a) {
  nlohmann::ordered_json doc;
  doc["input"] = {{"name", name}, {"format", format_name(format)}, {"bytes", bytes}, {"as", a.as}};
  if (!a.date.empty()) doc["input"]["date"] = a.date;
  doc["findings"] = a.result["findings"];
  if (!a.warnings.empty()) doc["warnings"] = a.warnings;
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace

int run_check(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  for (const auto& a : args)
    if (a == "-h" || a == "--help") {
      out << kCheckHelp;
      return 0;
    }
  try {
    const CheckOptions o = parse(args);
    std::unique_ptr<Engine> engine = o.pack_dir.empty() ? std::make_unique<Engine>()
                                                        : std::make_unique<Engine>(read_pack_dir(o.pack_dir));
    if (o.jsonl) return run_batch(*engine, o, in, out);

    const std::string name = o.file == "-" ? "standard input" : o.file;
    std::string raw = o.file == "-" ? read_input("-") : read_input(o.file);
    if (looks_binary(raw)) throw UsageError(name + ": looks like a binary file, not text or HTML");
    const Format format = detect_format(o.file, raw);
    AnalyzeOptions options = o.analyze;
    std::string text;
    std::vector<std::string> page_warnings;
    if (format == Format::html) {
      HtmlText page = read_html(repair_utf8(raw).text);
      text = std::move(page.text);
      page_warnings = std::move(page.warnings);
      if (options.as.empty()) options.as = page.as_hint;  // a page's dialogs or prose say what it is
    } else {
      text = std::move(raw);
    }
    if (text.size() > kMaxInputBytes)
      throw UsageError(name + ": its text is " + std::to_string(text.size() >> 20) + " MiB; the limit is 16 MiB");
    if (o.print_text) {
      for (const auto& w : page_warnings) err << "consentlens: warning: " << name << ": " << w << '\n';
      out << text << (text.empty() || text.back() == '\n' ? "" : "\n");
      return 0;
    }
    // A document's own date, else the file name's ("zoom-tos-2023-08-07.md"), picks the vendor
    // facts in force then.
    Analysis a = engine->analyze(text, options);
    if (options.date.empty() && a.date.empty() && a.as == "document" && !date_in_name(o.file).empty()) {
      options.date = date_in_name(o.file);
      options.as = a.as;
      a = engine->analyze(text, options);
    }
    a.warnings.insert(a.warnings.begin(), page_warnings.begin(), page_warnings.end());
    for (const auto& w : a.warnings) err << "consentlens: warning: " << name << ": " << w << '\n';
    const auto& findings = a.result["findings"];
    if (o.json) {
      print_json(out, name, format, text.size(), a);
    } else {
      HumanStyle style;
      style.color = &out == &std::cout && isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
      print_human(out, name, findings, {}, style);
    }
    return has_fail_kind(findings, o.fail_on) ? 1 : 0;
  } catch (const UsageError& e) {
    err << "consentlens check: " << e.what() << '\n';
  } catch (const InputError& e) {
    err << "consentlens check: " << e.what() << '\n';
  } catch (const PackError& e) {
    err << "consentlens check: the rule pack is broken:\n" << e.what() << '\n';
  }
  return 2;
}

}  // namespace consentlens
