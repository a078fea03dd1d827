#include <catch2/catch.hpp>
#include <fstream>

#include <nlohmann/json.hpp>

#include "digest.h"
#include "engine.h"
#include "make_digest.h"
#include "pack_dir.h"
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
  SECTION("a vocabulary letter that normalised text never holds") {
    // Thai "ำ" (U+0E33) reads "ํา" after NFKC: an entry written with it never matched.
    auto files = tiny_pack(kGoodRule);
    files.push_back({"rules/vocab/th.json", R"j({"lang": "th", "word_boundaries": false, "classes": {"removed": ["นำออก"]}})j"});
    const auto msg = problems_of(files);
    CHECK_THAT(msg, Catch::Contains("rules/vocab/th.json: class \"removed\": entry \"นำออก\"") && Catch::Contains("\"ํา\""));
    // Punctuation that a text never holds is only an unused alternative: "(?:…|\.\.\.)".
    auto fine = tiny_pack(kGoodRule);
    fine.push_back({"rules/vocab/de.json", R"j({"lang": "de", "classes": {"state_on": ["läuft(?:…|\\.\\.\\.)"]}})j"});
    CHECK(problems_of(fine).empty());
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
  const WordFinder words(pack.vocabulary(), Matcher::pattern_atoms(pack));
  const Matcher matcher(pack, words);
  CHECK(matcher.check_syntax().empty());
  CHECK(matcher.fire("Recording started").size() == 1);
  CHECK(matcher.fire("prerecorded").empty());
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

TEST_CASE("the prefilter and the rules' whole patterns agree", "[pack][rules]") {
  // Every example of every rule, every text of the project's own corpus (notices and clauses in
  // many languages), plus look-alikes: fire() (atoms and classes first, then patterns compiled
  // with each class cut down to the entries that may occur on the line) must name exactly the
  // rules that their whole patterns, every class in full and no prefilter, name.
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
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (!consentlens::testing::sampled(i)) continue;
    const std::string& text = texts[i];
    const std::string t = normalize(text).text;
    std::vector<std::size_t> alone;
    for (std::size_t r = 0; r < rules.size(); ++r)
      if (e.matcher().fires_alone(r, t)) alone.push_back(r);
    CAPTURE(text);
    CHECK(e.matcher().fire(t) == alone);
  }
}

TEST_CASE("patterns are rewritten to compile cheaply: categories as explicit ranges, no needless folding", "[pack]") {
  // \pL outside a bracket class becomes the cheaper letter class (see kLetterApprox).
  CHECK(cheap_to_compile("re\\pL*") == "re(?-i:" + kLetterApprox + ")*");
  CHECK(cheap_to_compile("\\p{Han}+") == "(?-i:\\p{Han})+");
  CHECK(cheap_to_compile("[a-z]x") == "[a-z]x");                    // letters: folding matters
  CHECK(cheap_to_compile("[^\\x00-\\x40]") == "[^\\x00-\\x40]");  // not checked: left alone
  CHECK(cheap_to_compile("\\[\\pN\\]") == "\\[(?-i:\\pN)\\]");  // escaped brackets are literals
  CHECK(cheap_to_compile("[]a]") == "[]a]");                          // a leading ] is a literal, and a is a letter
  CHECK(cheap_to_compile("[\\p{Han}\\p{Hangul}]") == "(?-i:[\\p{Han}\\p{Hangul}])");  // scripts: only unfolded
  // Sentence marks of several scripts have no case: the class that keeps a match inside one
  // sentence, repeated {0,120} times, compiled three times faster unfolded.
  CHECK(cheap_to_compile("[^.!?。\\n]{0,9}") == "(?-i:[^.!?。\\n]){0,9}");
  CHECK(cheap_to_compile("[?؟।]") == "(?-i:[?؟।])");
  CHECK(cheap_to_compile("[µ.]") == "[µ.]");    // the micro sign folds to mu
  CHECK(cheap_to_compile("[K.]") == "[K.]");  // the Kelvin sign folds to k
  CHECK(cheap_to_compile("[!-~]") == "[!-~]");  // a range may span letters
  CHECK(cheap_to_compile("[.-]") == "(?-i:[.-])");  // a trailing hyphen is itself
  // A bracket class of categories becomes a few explicit ranges, with no \p left in it.
  const std::string word_start = cheap_to_compile("[^\\pL\\pM\\pN_]");
  CHECK(word_start.find("\\p") == std::string::npos);
  CHECK(word_start.size() < 400);
  // Same matches as the exact classes on the characters notices hold, with and without case.
  const std::vector<std::string> chars = {"a", "Z", "é", "É", "ß", "ł", "ş", "ж", "Ж", "Ω", "ω", "א", "ع", "क", "ก", "録", "カ",
                                          "한", "ª", "µ", "0", "9", "²", "½", "_", " ", "\t", "\u00a0", ".", "-", "'", "«", "»",
                                          "¿", "×", "÷", "—", "…", "“", "„", "€", "→", "■", "★", "。", "、", "「", "！", "？",
                                          "\U0001F534", "\U0001F600"};
  RE2::Options folded;
  folded.set_case_sensitive(false);
  for (const char* p : {"[^\\pL\\pN_]", "[^\\pL\\pM\\pN_]", "[\\pL\\pN.'-]", "[^\\pL]", "[^\\pL-]", "[\\pL]", "[^\\pL\\pN]",
                        "\\pL\\s?", "^\\pL+$"}) {
    const RE2 exact(std::string("^") + p + "$", folded), cheap("^" + cheap_to_compile(p) + "$", folded);
    REQUIRE(cheap.ok());
    for (const auto& c : chars) {
      CAPTURE(p, c);
      CHECK(RE2::FullMatch(c, exact) == RE2::FullMatch(c, cheap));
    }
  }
  // Classes left unfolded match exactly what the folded class matches (no approximation here),
  // also on characters whose case lies outside their block.
  std::vector<std::string> more = chars;
  more.insert(more.end(), {"μ", "k", "K", "K", "Ⅰ", "ⅰ", "\n", "؟", "।"});
  for (const char* p : {"[^.!?。\\n]", "[.!?。]", "[?؟।]", "[µ.]", "[K.]", "[!-~]", "[.-]"}) {
    const RE2 exact(std::string("^") + p + "$", folded), cheap("^" + cheap_to_compile(p) + "$", folded);
    REQUIRE(cheap.ok());
    for (const auto& c : more) {
      CAPTURE(p, c);
      CHECK(RE2::FullMatch(c, exact) == RE2::FullMatch(c, cheap));
    }
  }
}

TEST_CASE("the letter class that stands for the Unicode letter category agrees with it on what notices contain", "[pack]") {
  const RE2 approx("^" + kLetterApprox + "$"), exact("^\\pL$");
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

std::string digest_problem(std::string_view digest) {
  try {
    const Engine e(digest, Engine::FromDigest{});
  } catch (const PackError& e) {
    return e.what();
  }
  return "";
}

void put_u32(std::string& s, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

}  // namespace

TEST_CASE("the pack digest is the packs of core/, and reads back to the same engine", "[pack][digest]") {
  const auto files = read_pack_dir(consentlens::testing::source_path("core"));
  const std::string digest = make_digest(files);
  CHECK(digest == embedded_digest());  // the build made it from these very files
  const Engine from_folder(files);
  const Engine from_digest(digest, Engine::FromDigest{});
  CHECK(from_digest.rules().rules().size() == from_folder.rules().rules().size());
  CHECK(from_digest.rules().vocabulary().classes() == from_folder.rules().vocabulary().classes());
  std::vector<std::string> texts = {"This meeting is being recorded. By staying in the meeting, you consent to being recorded.",
                                    "Die Aufzeichnung wurde gestartet.", "Fireflies.ai Notetaker joined",
                                    "We do not use audio, video or chat content to train our models without your consent."};
  std::ifstream in(consentlens::testing::source_path("tests/corpus/notices.jsonl"));
  std::string line;
  while (std::getline(in, line) && texts.size() < 300)
    if (!line.empty()) texts.push_back(nlohmann::json::parse(line).at("text").get<std::string>());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (!consentlens::testing::sampled(i)) continue;
    CAPTURE(texts[i]);
    CHECK(from_digest.analyze(texts[i]).result.dump() == from_folder.analyze(texts[i]).result.dump());
  }
}

TEST_CASE("a damaged pack digest is refused with what and where, never read past its end", "[pack][digest]") {
  const std::string good(embedded_digest());
  // The body and its seal: a test that changes the body seals it again, to reach the checks
  // behind the checksum.
  const auto resealed = [](std::string body) {
    const std::uint64_t sum = digest_checksum(body);
    for (int i = 0; i < 8; ++i) body += static_cast<char>((sum >> (8 * i)) & 0xff);
    return body;
  };
  const std::string body = good.substr(0, good.size() - 8);
  CHECK(resealed(body) == good);
  CHECK_THAT(digest_problem(""), Catch::Contains("pack digest: at byte 0") && Catch::Contains("cut short"));
  CHECK_THAT(digest_problem("{\"rules\": []}"), Catch::Contains("not a consentlens pack digest"));
  // Cut or changed anywhere: the checksum says so before anything is read.
  for (std::size_t cut : {std::size_t{30}, good.size() / 9, good.size() / 2, good.size() - 1}) {
    CAPTURE(cut);
    CHECK_THAT(digest_problem(good.substr(0, cut)), Catch::Contains("pack digest: at byte") && (Catch::Contains("damaged") || Catch::Contains("cut short")));
  }
  std::string flipped = good;
  flipped[good.size() / 3] = static_cast<char>(flipped[good.size() / 3] ^ 1);
  CHECK_THAT(digest_problem(flipped), Catch::Contains("damaged: its checksum does not match"));
  // Behind a good seal: the version, counts that cannot fit, data after the end.
  std::string other_version = body;
  put_u32(other_version, 4 + kDigestMagic.size(), kDigestVersion + 1);
  CHECK_THAT(digest_problem(resealed(other_version)), Catch::Contains("made by another version of consentlens"));
  std::string huge_count = body;
  const std::size_t languages_count_at = 4 + kDigestMagic.size() + 4 + 4 + std::string_view("vocabulary").size();
  put_u32(huge_count, languages_count_at, 0xfffffff0u);
  CHECK_THAT(digest_problem(resealed(huge_count)), Catch::Contains("a count of 4294967280 that the rest cannot hold"));
  CHECK_THAT(digest_problem(resealed(body + "x")), Catch::Contains("data after the end"));
  // Bytes changed inside the automata, sealed again (as a maker with a bug would): refused or
  // read, never a read out of bounds or an endless walk (the sanitizer build runs this too).
  const std::size_t words_at = body.rfind("words");
  REQUIRE(words_at != std::string::npos);
  for (std::size_t at = words_at + 20; at < body.size(); at += (body.size() - words_at) / 23) {
    std::string bad = body;
    bad[at] = static_cast<char>(bad[at] ^ 0x5a);
    CAPTURE(at);
    const std::string problem = digest_problem(resealed(bad));
    if (!problem.empty()) CHECK_THAT(problem, Catch::Contains("pack digest: at byte"));
  }
  CHECK(digest_problem(good).empty());
}
