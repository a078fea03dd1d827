#include <catch2/catch.hpp>
#include <fstream>

#include <nlohmann/json.hpp>

#include "engine.h"
#include "matcher.h"
#include "rule_pack.h"
#include "test_pack.h"

using namespace consentlens;
using consentlens::testing::tiny_pack;

namespace {

std::string problems_of(const std::vector<PackFile>& files) {
  try {
    Engine e(files);
  } catch (const PackError& e) {
    return e.what();
  }
  return "";
}

const char* kGoodRule = R"j({"rules": [{"id": "t.rec", "kind": "recording", "patterns": ["{rec}"],
  "unless": ["^\\W*{control}\\W+\\pL+\\W*$"],
  "examples": {"fire": ["Recording started"], "silent": ["Start recording"]}}]})j";

}  // namespace

TEST_CASE("a valid tiny pack loads and matches", "[pack]") {
  Engine e(tiny_pack(kGoodRule));
  CHECK(e.analyze("Recording started").result["findings"].size() == 1);
  CHECK(e.analyze("Start recording").result["findings"].empty());
}

TEST_CASE("pack errors name the file, the rule and the problem", "[pack]") {
  SECTION("bad JSON") {
    const auto msg = problems_of(tiny_pack("{\"rules\": [ }"));
    CHECK_THAT(msg, Catch::Contains("rules/test.json: invalid JSON"));
  }
  SECTION("unknown kind") {
    const auto msg = problems_of(tiny_pack(R"j({"rules": [{"id": "t.x", "kind": "gossip", "patterns": ["x"],
      "examples": {"fire": ["x"], "silent": ["y"]}}]})j"));
    CHECK_THAT(msg, Catch::Contains("rules/test.json: t.x: unknown kind \"gossip\""));
  }
  SECTION("RE2 compile error quotes the pattern") {
    const auto msg = problems_of(tiny_pack(R"j({"rules": [{"id": "t.bad", "kind": "recording", "patterns": ["record(ing"],
      "examples": {"fire": ["x"], "silent": ["y"]}}]})j"));
    CHECK_THAT(msg, Catch::Contains("rules/test.json: t.bad: pattern \"record(ing\": missing )"));
  }
  SECTION("look-around is refused by RE2") {
    const auto msg = problems_of(tiny_pack(R"j({"rules": [{"id": "t.la", "kind": "recording", "patterns": ["record(?!ing)"],
      "examples": {"fire": ["x"], "silent": ["y"]}}]})j"));
    CHECK_THAT(msg, Catch::Contains("t.la: pattern \"record(?!ing)\""));
  }
  SECTION("unknown vocabulary class") {
    const auto msg = problems_of(tiny_pack(R"j({"rules": [{"id": "t.v", "kind": "recording", "patterns": ["{nosuch}"],
      "examples": {"fire": ["x"], "silent": ["y"]}}]})j"));
    CHECK_THAT(msg, Catch::Contains("t.v: patterns \"{nosuch}\": unknown or empty vocabulary class {nosuch}"));
  }
  SECTION("slot values outside the contract") {
    const auto msg = problems_of(tiny_pack(R"j({"rules": [{"id": "t.s", "kind": "recording", "patterns": ["x"],
      "slots": {"data": ["thoughts"]}, "examples": {"fire": ["x"], "silent": ["y"]}}]})j"));
    CHECK_THAT(msg, Catch::Contains("t.s: slot \"data\" has no value \"thoughts\""));
  }
  SECTION("missing examples and duplicate ids") {
    const auto msg = problems_of(tiny_pack(R"j({"rules": [
      {"id": "t.d", "kind": "recording", "patterns": ["x"], "examples": {"fire": ["x"], "silent": ["y"]}},
      {"id": "t.d", "kind": "recording", "patterns": ["x"], "examples": {"fire": ["x"], "silent": ["y"]}},
      {"id": "t.e", "kind": "recording", "patterns": ["x"]}]})j"));
    CHECK_THAT(msg, Catch::Contains("t.d: duplicate rule id"));
    CHECK_THAT(msg, Catch::Contains("t.e: a rule needs \"examples\""));
  }
  SECTION("a broken pattern with a class is named at load, though it is compiled only when needed") {
    const auto msg = problems_of(tiny_pack(R"j({"rules": [{"id": "t.g", "kind": "recording", "patterns": ["{rec}(ing"],
      "examples": {"fire": ["x"], "silent": ["y"]}}]})j"));
    CHECK_THAT(msg, Catch::Contains("t.g: pattern \"{rec}(ing\": missing )"));
  }
  SECTION("every problem is reported, not just the first") {
    const auto msg = problems_of(tiny_pack(R"j({"rules": [
      {"id": "t.a", "kind": "nope", "patterns": ["x"], "examples": {"fire": ["x"], "silent": ["y"]}},
      {"id": "t.b", "kind": "recording", "patterns": ["("], "examples": {"fire": ["x"], "silent": ["y"]}}]})j"));
    CHECK_THAT(msg, Catch::Contains("t.a:") && Catch::Contains("t.b:"));
  }
}

TEST_CASE("a pattern with classes is expanded only when first compiled, and matches the same", "[pack]") {
  const auto pack = RulePack::load(tiny_pack(kGoodRule));
  const Pattern& p = pack.rules().at(0).patterns.at(0);
  CHECK(p.source == "{rec}");
  CHECK(p.re.empty());  // left for the matcher
  std::string full, error;
  REQUIRE(pack.vocabulary().expand(p.source, full, error));
  CHECK_THAT(full, Catch::Contains("record"));
  // Without the load-time syntax check (the built-in pack's start-up) nothing changes in what matches.
  const Matcher checked(pack), unchecked(pack, Matcher::kDefaultMaxMem, false);
  for (const char* text : {"Recording started", "prerecorded", "Start recording"}) {
    CAPTURE(text);
    CHECK(checked.fire(text) == unchecked.fire(text));
  }
  CHECK(checked.fire("Recording started").size() == 1);
}

TEST_CASE("vocabulary classes expand with Unicode word starts", "[pack]") {
  Engine e(tiny_pack(kGoodRule));
  // 'record' inside another word does not count: a letter stands before it.
  CHECK(e.analyze("prerecorded").result["findings"].empty());
  CHECK(e.analyze("«recording»").result["findings"].size() == 1);
}

TEST_CASE("the built-in pack loads and every rule agrees with its own examples", "[pack][rules]") {
  const Engine e;
  const auto& rules = e.rules().rules();
  REQUIRE(rules.size() > 20);
  for (std::size_t r = 0; r < rules.size(); ++r) {
    const Rule& rule = rules[r];
    CAPTURE(rule.file, rule.id);
    CHECK_FALSE(rule.fire.empty());
    CHECK_FALSE(rule.silent.empty());
    for (const auto& ex : rule.fire) {
      CAPTURE(ex.text);
      CHECK(e.matcher().fires_alone(r, normalize(ex.text).text));
    }
    for (const auto& ex : rule.silent) {
      CAPTURE(ex.text);
      CHECK_FALSE(e.matcher().fires_alone(r, normalize(ex.text).text));
    }
  }
}

TEST_CASE("the Set and the rules' own patterns agree", "[pack][rules]") {
  // Every example of every rule, every text of the project's own corpus (notices and clauses in
  // many languages), plus look-alikes: fire() (the Set with its relaxed gaps, and the gated
  // patterns compiled when first needed) must name exactly the rules that their own full
  // patterns name.
  const Engine e;
  const auto& rules = e.rules().rules();
  std::vector<std::string> texts = {"This meeting is being recorded", "Start recording", "AI Companion has been turned on",
                                    "By clicking \"Join\", you agree to our Terms of Service", "You are muted",
                                    "Die Aufzeichnung läuft. Gemini macht Notizen.", "Запись началась", "録画中です"};
  for (const auto& rule : rules) {
    for (const auto& ex : rule.fire) texts.push_back(ex.text);
    for (const auto& ex : rule.silent) texts.push_back(ex.text);
  }
  for (const char* file : {"tests/corpus/notices.jsonl", "tests/corpus/clauses.jsonl"}) {
    std::ifstream in(consentlens::testing::source_path(file));
    REQUIRE(in);
    std::string line;
    while (std::getline(in, line))
      if (!line.empty()) texts.push_back(nlohmann::json::parse(line).at("text").get<std::string>());
  }
  REQUIRE(texts.size() > 500);
  for (const auto& text : texts) {
    const std::string t = normalize(text).text;
    std::vector<std::size_t> alone;
    for (std::size_t r = 0; r < rules.size(); ++r)
      if (e.matcher().fires_alone(r, t)) alone.push_back(r);
    CAPTURE(text);
    CHECK(e.matcher().fire(t) == alone);
  }
}

TEST_CASE("relax_gaps widens long bounded gaps of single-character atoms only", "[pack]") {
  CHECK(relax_gaps("a.{0,120}b") == "a.*b");
  CHECK(relax_gaps("a.{0,120}?b") == "a.*?b");
  CHECK(relax_gaps("a[^.!?]{0,60}b") == "a[^.!?]*b");
  CHECK(relax_gaps("a\\S{5,40}b") == "a\\S*b");
  CHECK(relax_gaps("a.{0,10}b") == "a.{0,10}b");          // short gaps cost little: kept
  CHECK(relax_gaps("(?:\\S+\\s+){0,30}x") == "(?:\\S+\\s+){0,30}x");  // a group: kept
  CHECK(relax_gaps("a\\.{0,30}") == "a\\.{0,30}");       // an escaped dot is a literal
  CHECK(relax_gaps("x{2,}") == "x{2,}");
  // Relaxed patterns match wherever the originals do.
  const std::string text = "By clicking Join you agree to the Terms";
  for (const char* p : {"clicking.{0,20}agree", "(?i)join[^.]{0,30}terms"})
    CHECK(RE2::PartialMatch(text, RE2(relax_gaps(p))) == true);
}

TEST_CASE("case folding is switched off only where it changes nothing", "[pack]") {
  // \pL outside a bracket class becomes the cheaper letter class (see kLetterApprox).
  CHECK(without_needless_case_folding("re\\pL*") == "re(?-i:" + std::string(kLetterApprox) + ")*");
  CHECK(without_needless_case_folding("a[^\\pL\\pN_]b") == "a(?-i:[^\\pL\\pN_])b");
  CHECK(without_needless_case_folding("\\p{Han}+") == "(?-i:\\p{Han})+");
  CHECK(without_needless_case_folding("[a-z]x") == "[a-z]x");          // letters: folding matters
  CHECK(without_needless_case_folding("[^\\x00-\\x40]") == "[^\\x00-\\x40]");  // not checked: left alone
  CHECK(without_needless_case_folding("\\[\\pN\\]") == "\\[(?-i:\\pN)\\]");  // escaped brackets are literals
  CHECK(without_needless_case_folding("[]a]") == "[]a]");                // a leading ] is a literal, and a is a letter
  // Same matches with and without folding, in scripts with and without case.
  for (const char* text : {"RECORDING", "Запись", "ΕΓΓΡΑΦΗ", "録画", "Aufnahme läuft"}) {
    RE2::Options folded;
    folded.set_case_sensitive(false);
    for (const char* p : {"^\\pL+", "[^\\pL\\pN_]", "\\pL\\s\\pL"}) {
      CAPTURE(text, p);
      CHECK(RE2::PartialMatch(text, RE2(p, folded)) == RE2::PartialMatch(text, RE2(without_needless_case_folding(p), folded)));
    }
  }
}

TEST_CASE("the letter class that stands for \\pL agrees with it on what notices contain", "[pack]") {
  const RE2 approx(std::string("^") + std::string(kLetterApprox) + "$"), exact("^\\pL$");
  // Letters of many scripts, then digits, spaces, punctuation, symbols and emoji.
  for (const char* c : {"a", "Z", "é", "ß", "ł", "ş", "ж", "Ω", "א", "ع", "क", "ก", "録", "カ", "한", "ª", "µ",
                        "0", "9", "²", "½", "_", " ", "\u00a0", ".", "-", "'", "«", "»", "¿", "×", "÷", "—", "…", "“", "€",
                        "→", "■", "★", "。", "、", "「", "！", "？", "\U0001F534", "\U0001F600"}) {
    CAPTURE(c);
    CHECK(RE2::FullMatch(c, approx) == RE2::FullMatch(c, exact));
  }
}

TEST_CASE("a class gate names the classes a pattern cannot match without", "[pack]") {
  const std::vector<std::string> names = {"rec", "consent", "stream", "control"};
  auto index = [&](std::string_view n) -> int {
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == n) return static_cast<int>(i);
    return -1;
  };
  auto present = [](std::initializer_list<int> ks) {
    std::vector<char> v(4, 0);
    for (int k : ks) v[static_cast<std::size_t>(k)] = 1;
    return v;
  };
  const auto both = ClassGate::of("{rec}.{0,40}{consent}", index);
  CHECK_FALSE(both.open());
  CHECK(both.allows(present({0, 1})));
  CHECK_FALSE(both.allows(present({0})));
  const auto either = ClassGate::of("(?:{rec}|{stream}) now", index);
  CHECK(either.allows(present({2})));
  CHECK_FALSE(either.allows(present({1})));
  CHECK(ClassGate::of("(?:{rec})?done", index).open());      // optional: needs nothing
  CHECK(ClassGate::of("{b}live{e}", index).open());           // {b} and {e} are not classes
  CHECK(ClassGate::of("x{2,5}", index).open());               // a quantifier, not a class
  CHECK(ClassGate::of("[{rec}]", index).open());              // inside a bracket: literal text
  CHECK(ClassGate::of("\\{rec}", index).open());              // escaped: literal text
  const auto nested = ClassGate::of("^[^\\pL]*(?:(?:{control})+ (?:{rec}){1,2}|{stream})$", index);
  CHECK(nested.allows(present({3, 0})));
  CHECK(nested.allows(present({2})));
  CHECK_FALSE(nested.allows(present({3})));
}

namespace {

std::string bundle_of(const std::vector<PackFile>& files) {
  std::string out = "consentlens-pack 1\n";
  for (const auto& f : files) out += "FILE " + f.path + " " + std::to_string(f.content.size()) + "\n" + f.content + "\n";
  return out + "END\n";
}

std::string bundle_problem(const std::string& bundle) {
  try {
    parse_pack_bundle(bundle);
  } catch (const PackError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a pack bundle carries the packs unchanged", "[pack][bundle]") {
  const auto files = parse_pack_bundle(bundle_of(embedded_pack()));
  REQUIRE(files.size() == embedded_pack().size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    CHECK(files[i].path == embedded_pack()[i].path);
    CHECK(files[i].content == embedded_pack()[i].content);
  }
  // Contents may hold anything, line breaks and "END" lines included: only the count matters.
  const std::vector<PackFile> odd = {{"rules/a.json", "{\n\"x\": \"END\"\n}"}, {"rules/with space.json", ""}};
  const auto back = parse_pack_bundle(bundle_of(odd));
  REQUIRE(back.size() == 2);
  CHECK(back[0].content == odd[0].content);
  CHECK(back[1].path == "rules/with space.json");
  CHECK(back[1].content.empty());

  const Engine from_bundle(files, Engine::BuiltTogether{});
  const Engine embedded;
  const std::string notice = "This meeting is being recorded. By staying in the meeting, you consent to being recorded.";
  CHECK(from_bundle.analyze(notice).result.dump() == embedded.analyze(notice).result.dump());
}

TEST_CASE("a damaged pack bundle is refused with what and where", "[pack][bundle]") {
  const std::string good = bundle_of({{"rules/a.json", "{}"}});
  CHECK_THAT(bundle_problem(""), Catch::Contains("at byte 0") && Catch::Contains("not a consentlens pack bundle"));
  CHECK_THAT(bundle_problem("{\"rules\": []}"), Catch::Contains("not a consentlens pack bundle"));
  CHECK_THAT(bundle_problem(good.substr(0, good.size() - 4)), Catch::Contains("cut short: no END line"));
  CHECK_THAT(bundle_problem("consentlens-pack 1\nFILE rules/a.json 9\n{}\nEND\n"), Catch::Contains("rules/a.json is cut short (9 bytes announced)"));
  CHECK_THAT(bundle_problem("consentlens-pack 1\nFILE rules/a.json 1\n{}\nEND\n"), Catch::Contains("rules/a.json is cut short"));
  CHECK_THAT(bundle_problem("consentlens-pack 1\nFILE rules/a.json two\n{}\nEND\n"), Catch::Contains("byte count of rules/a.json is not a number"));
  CHECK_THAT(bundle_problem("consentlens-pack 1\nrules/a.json 2\n{}\nEND\n"), Catch::Contains("at byte 19") && Catch::Contains("expected \"FILE <path> <byte count>\""));
  CHECK_THAT(bundle_problem(good + "more"), Catch::Contains("data after the END line"));
  CHECK_THAT(bundle_problem("consentlens-pack 1\nEND\n"), Catch::Contains("holds no files"));
  CHECK(bundle_problem(good).empty());
}
