#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "test_pack.h"

using consentlens::testing::run_cli;
using Json = nlohmann::json;

TEST_CASE("check --json prints the contract's shape", "[cli]") {
  const auto r = run_cli({"check", "--json", "-"}, "This meeting is being recorded.");
  REQUIRE(r.status == 0);
  const Json j = Json::parse(r.out);
  CHECK(j.contains("input"));
  REQUIRE(j["findings"].size() == 1);
  CHECK(j["findings"][0]["kind"] == "recording");
}

TEST_CASE("check reads HTML with a parser, attributes included", "[cli]") {
  const std::string html = R"(<!doctype html><html><head><title>Meeting</title><script>var s = "This meeting is being recorded";</script></head>
<body><div role="status"><span class="icon" aria-label="This meeting is being livestreamed"></span></div>
<button>Start recording</button></body></html>)";
  const auto r = run_cli({"check", "--json", "-"}, html);
  REQUIRE(r.status == 0);
  const Json j = Json::parse(r.out);
  CHECK(j["input"]["format"] == "html");
  REQUIRE(j["findings"].size() == 1);  // not the script, not the button
  CHECK(j["findings"][0]["kind"] == "live_stream");
}

TEST_CASE("check --jsonl answers each line in order and survives bad lines", "[cli]") {
  const std::string in = "{\"id\": \"a\", \"text\": \"Recording started\"}\n"
                         "not json\n"
                         "{\"id\": 7, \"text\": \"You are muted\"}\n"
                         "{\"id\": \"c\"}\n"
                         "{\"id\": \"d\", \"text\": \"Recording started\", \"vendor\": \"nope\"}\n"
                         "{\"id\": \"e\", \"text\": \"x\", \"n\": 1e999}\n"  // a number JSON allows but a double cannot hold
                         "{\"id\": \"f\", \"text\": \"Recording started\"}\n";
  const auto r = run_cli({"check", "--jsonl"}, in);
  REQUIRE(r.status == 0);
  std::vector<Json> lines;
  std::istringstream ss(r.out);
  for (std::string l; std::getline(ss, l);) lines.push_back(Json::parse(l));
  REQUIRE(lines.size() == 7);
  CHECK(lines[0]["id"] == "a");
  CHECK(lines[0]["findings"].size() == 1);
  CHECK_THAT(lines[1]["error"].get<std::string>(), Catch::Contains("line 2: not valid JSON"));
  CHECK(lines[2]["id"] == 7);
  CHECK(lines[2]["findings"].empty());
  CHECK_THAT(lines[3]["error"].get<std::string>(), Catch::Contains("\"text\" (string) is missing"));
  CHECK_THAT(lines[4]["error"].get<std::string>(), Catch::Contains("unknown vendor"));
  CHECK_THAT(lines[5]["error"].get<std::string>(), Catch::Contains("line 6: not valid JSON") && Catch::Contains("1e999"));
  CHECK(lines[6]["id"] == "f");  // and the batch goes on
}

TEST_CASE("check with the fail-on option exits 1 when such a finding exists", "[cli]") {
  CHECK(run_cli({"check", "--fail-on", "recording,live_stream", "-"}, "Recording started").status == 1);
  CHECK(run_cli({"check", "--fail-on", "live_stream", "-"}, "Recording started").status == 0);
  const auto bad = run_cli({"check", "--fail-on", "gossip", "-"}, "x");
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err, Catch::Contains("unknown kind \"gossip\""));
}

TEST_CASE("unusable input exits 2 with a message naming the problem", "[cli]") {
  auto r = run_cli({"check", "/nonexistent/notice.html"});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("/nonexistent/notice.html") && Catch::Contains("No such file"));
  r = run_cli({"check", "-"}, std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10));
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("binary"));
  r = run_cli({"check", "--bogus", "-"}, "x");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("unknown option --bogus"));
  r = run_cli({"check", "/tmp"});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("is a directory"));
}

TEST_CASE("an empty input is a valid input with no findings", "[cli]") {
  auto r = run_cli({"check", "--json", "-"}, "");
  REQUIRE(r.status == 0);
  const Json j = Json::parse(r.out);
  CHECK(j["input"]["bytes"] == 0);
  CHECK(j["findings"].empty());
  CHECK(r.err.empty());
  r = run_cli({"check", "--jsonl"}, "{\"id\": \"e\", \"text\": \"\"}\n");
  REQUIRE(r.status == 0);
  const Json line = Json::parse(r.out);
  CHECK(line["id"] == "e");
  CHECK(line["findings"].empty());
  CHECK_FALSE(line.contains("error"));
}

TEST_CASE("a page nested 200,000 elements deep is read in full, with a warning", "[cli]") {
  const std::size_t n = 200000;
  std::string html = "<html><body>";
  for (std::size_t i = 0; i < n; ++i) html += "<div>";
  html += "<p>This meeting is being recorded.</p>";
  for (std::size_t i = 0; i < n; ++i) html += "</div>";
  html += "</body></html>";
  const auto r = run_cli({"check", "--json", "-"}, html);
  REQUIRE(r.status == 0);
  const Json j = Json::parse(r.out);
  REQUIRE(j["findings"].size() == 1);
  CHECK(j["findings"][0]["kind"] == "recording");
  CHECK_THAT(r.err, Catch::Contains("200003 levels deep") && Catch::Contains("read as plain text"));
  REQUIRE(j.contains("warnings"));
}

TEST_CASE("a page within the nesting limit is read as before, without a warning", "[cli]") {
  std::string html = "<html><body>";
  for (int i = 0; i < 200; ++i) html += "<div>";
  html += "<div role=\"alert\">This meeting is being recorded.</div><script>var x = '<div>';</script>";
  for (int i = 0; i < 200; ++i) html += "</div>";
  // 2,000 unclosed list items are siblings, not nesting.
  html += "<ul>";
  for (int i = 0; i < 2000; ++i) html += "<li>item";
  html += "</ul></body></html>";
  const auto r = run_cli({"check", "--json", "-"}, html);
  REQUIRE(r.status == 0);
  CHECK(Json::parse(r.out)["findings"].size() == 1);
  CHECK(r.err.empty());
}

TEST_CASE("invalid UTF-8 is repaired with a warning on stderr", "[cli]") {
  const auto r = run_cli({"check", "--json", "-"}, "Recording \xC3\x28 started");
  CHECK(r.status == 0);
  CHECK_THAT(r.err, Catch::Contains("warning") && Catch::Contains("invalid UTF-8"));
  CHECK(Json::parse(r.out).contains("findings"));
}

TEST_CASE("human output quotes the evidence and answers the five questions", "[cli]") {
  const auto r = run_cli({"check", "--vendor", "zoom", "-"},
                         "This meeting is being recorded\nBy staying in this meeting, you consent to being recorded.");
  REQUIRE(r.status == 0);
  for (const char* s : {"== Recording ==", "\"This meeting is being recorded", "Who agreed:", "What you can do:",
                        "Where data goes:", "Trains AI?:"})
    CHECK_THAT(r.out, Catch::Contains(s));
}

TEST_CASE("help, version and rules lint", "[cli]") {
  CHECK(run_cli({"--version"}).out.rfind("consentlens ", 0) == 0);
  CHECK_THAT(run_cli({"check", "--help"}).out, Catch::Contains("--jsonl"));
  // A sound pack passes. core/'s own packs are linted as a build step (cli/CMakeLists.txt), so a
  // small one serves here. Without the calendar: the packs' own checks must not start failing
  // because a day passed (the stale-fact check has its own test below).
  const std::string dir = "/tmp/consentlens-sound-pack";
  consentlens::testing::write_small_pack_dir(dir, {"en"});
  const auto lint = run_cli({"rules", "lint", "--skip-fact-dates", "--pack", dir});
  CHECK(lint.status == 0);
  CHECK_THAT(lint.out, Catch::Contains("0 problems"));
}

namespace {
void sh(const std::string& cmd) { REQUIRE(std::system(cmd.c_str()) == 0); }
}  // namespace

TEST_CASE("rules lint on a broken pack folder names file and rule", "[cli]") {
  const std::string dir = "/tmp/consentlens-broken-pack";
  sh("rm -rf " + dir + " && mkdir -p " + dir + "/rules/vocab " + dir + "/knowledge/vendors");
  sh("cp " + consentlens::testing::source_path("core/knowledge/phrases.json") + " " + dir + "/knowledge/");
  sh("echo '{\"vendor\":\"other\",\"name\":\"x\",\"kinds\":{}}' > " + dir + "/knowledge/vendors/other.json");
  sh("echo '{\"rules\":[{\"id\":\"b.one\",\"kind\":\"recording\",\"patterns\":[\"(\"],\"examples\":{\"fire\":[\"x\"],\"silent\":[\"y\"]}}]}' > " + dir + "/rules/b.json");
  const auto r = run_cli({"rules", "lint", "--pack", dir});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("rules/b.json: b.one: pattern \"(\""));
}

TEST_CASE("rules lint fails on a fact still in force whose source is more than a year old", "[cli]") {
  const std::string dir = "/tmp/consentlens-stale-pack";
  consentlens::testing::write_small_pack_dir(dir);
  // One of Zoom's sources, last confirmed on 1 March 2025; every other source made fresh.
  sh("python3 - " + dir + R"PY( <<'EOF'
import glob, json, sys
for path in glob.glob(sys.argv[1] + '/knowledge/vendors/*.json'):
    doc = json.load(open(path))
    for key, src in doc.get('sources', {}).items():
        src['checked'] = '2026-11-01'
        if path.endswith('/zoom.json') and key == 'zoom-sdk-strings':
            src['checked'], src['date'] = '2025-03-01', '2025-02-01'
    json.dump(doc, open(path, 'w'))
EOF)PY");
  auto r = run_cli({"rules", "lint", "--pack", dir, "--today", "2026-03-02"});
  CHECK(r.status == 1);
  CHECK_THAT(r.err, Catch::Contains("knowledge/vendors/zoom.json: source zoom-sdk-strings: last confirmed 2025-03-01"));
  CHECK_THAT(r.out, Catch::Contains("1 problem"));
  // Within the year: no problem; and the build's lint leaves the calendar out.
  CHECK(run_cli({"rules", "lint", "--pack", dir, "--today", "2026-03-01"}).status == 0);
  CHECK(run_cli({"rules", "lint", "--pack", dir, "--today", "2027-06-01", "--skip-fact-dates"}).status == 0);
  // A fact that has ended (it has "until") is history, not a claim about today.
  sh("python3 - " + dir + R"PY( <<'EOF'
import json, sys
path = sys.argv[1] + '/knowledge/vendors/zoom.json'
doc = json.load(open(path))
for kind in doc['kinds'].values():
    for fact in kind.get('facts', []):
        if fact.get('source') == 'zoom-sdk-strings':
            fact['until'] = '2025-06-01'
json.dump(doc, open(path, 'w'))
EOF)PY");
  r = run_cli({"rules", "lint", "--pack", dir, "--today", "2026-03-02"});
  CHECK_THAT(r.err, !Catch::Contains("zoom-sdk-strings"));
}
