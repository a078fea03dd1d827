// The literal prefilter under the matcher and the readers: the atoms read off an expression,
// the automaton that finds them, the word finder's exactness against each class compiled
// whole, and the cache's bound.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "atoms.h"
#include "cheap_regex.h"
#include "engine.h"
#include "literal_index.h"
#include "normalize.h"
#include "regex_cache.h"
#include "test_pack.h"
#include "unicode.h"
#include "word_edges.h"
#include "word_finder.h"

using namespace consentlens;

namespace {

std::vector<std::string> atoms(std::string_view re) {
  const Atoms a = required_atoms(re);
  return a.always ? std::vector<std::string>{"<always>"} : a.any_of;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("atoms: the literals an expression cannot match without", "[atoms]") {
  CHECK(atoms("record(?:s|ed|ing)?") == V{"record"});
  CHECK(atoms("(?:is|are) being(?:$|[ ,])") == V{"are being", "is being"});  // a group of exact words joins the rest
  // A few plain characters in brackets join their neighbours too: Turkish "-maz"/"-mez" needs
  // one of them, not any "m" (which nearly every text has).
  CHECK(atoms("{letter}{tail}m[ae]z{end}") == V{"maz", "mez"});
  CHECK(atoms("(?:a|b|c)(?:e|f|g)(?:h|i|j)xyz") == V{"hxyz", "ixyz", "jxyz"});  // past 8 joined strings: a break, then anew
  CHECK(atoms("(?:录制|錄製)") == V{"录制", "錄製"});
  CHECK(atoms("Aufzeichn(?-i:[^\\x00-\\x40])*") == V{"aufzeichn"});  // folded
  // The most selective of several required parts: the one whose weakest atom is longest.
  CHECK(atoms("ai.{0,40}(?:summary|summaries)") == V{"summaries", "summary"});
  // Optional parts and repeats that may be absent require nothing.
  CHECK(atoms("(?:recorded)?x") == V{"<always>"});
  CHECK(atoms("\\pL{2,}") == V{"<always>"});
  CHECK(atoms("a|record") == V{"<always>"});  // "a" is too short to filter by, so the whole alternation needs nothing
  CHECK(atoms("{rec}.*{consent}") == V{"<always>"});  // classes are the class gate's business
  CHECK(atoms("(?:x+)+transcri") == V{"transcri"});
  CHECK(atoms("stop\\.{2}") == V{"stop."});  // an escaped dot is a literal; {2} needs at least one
}

TEST_CASE("an atom is a necessary condition: a text without it never matches", "[atoms]") {
  // Random-ish expressions over a small alphabet, checked against texts: whenever RE2 matches,
  // one of the atoms occurs in the folded text.
  const std::vector<std::string> exprs = {"rec(?:ord|ording)s?", "(?:stop|pause)ped rec", "tra?nscri(?:be|ption)",
                                          "(?:ab|cd)+ef", "x(?:yz)*w{1,3}q", "(?:Ärger|ÄRGER)lich", "[a-c]dd(?:ee|ff)",
                                          "m[ae]z(?:lar|ler)?", "(?:is|are) (?:now )?being", "k[ıi]y[ae]+t", "(?:a|)bc"};
  const std::vector<std::string> texts = {"Recording", "RECORDS", "stopped recording", "transcription", "tnscribe",
                                          "ababef", "xyzyzwwq", "ärgerlich", "bddff", "nothing here", "yapmazlar",
                                          "KULLANMAZ", "is now being", "ARE BEING", "kıyaaat", "bc"};
  for (const auto& e : exprs) {
    const Atoms a = required_atoms(e);
    RE2::Options o;
    o.set_case_sensitive(false);
    const RE2 re(e, o);
    REQUIRE(re.ok());
    for (const auto& t : texts) {
      if (!RE2::PartialMatch(t, re) || a.always) continue;
      const std::string folded = fold_case(t);
      CAPTURE(e, t);
      CHECK(std::any_of(a.any_of.begin(), a.any_of.end(), [&](const std::string& x) { return folded.find(x) != std::string::npos; }));
    }
  }
}

TEST_CASE("the literal index reports every occurrence of every string, overlaps included", "[atoms]") {
  LiteralIndex index;
  index.add("he", 0);
  index.add("she", 1);
  index.add("his", 2);
  index.add("hers", 3);
  index.add("録画", 4);
  index.build();
  std::vector<std::uint32_t> got;
  index.scan("ushers 録画中", [&](std::uint32_t id) { got.push_back(id); });
  std::sort(got.begin(), got.end());
  CHECK(got == std::vector<std::uint32_t>{0, 1, 3, 4});
  got.clear();
  index.scan("nothing", [&](std::uint32_t id) { got.push_back(id); });
  CHECK(got.empty());
}

TEST_CASE("the word finder finds each class exactly where the whole class matches", "[atoms]") {
  // Against each class compiled whole (the reference): same presence and same first match on
  // real notices in many languages. (The finder also refuses a word start inside a word, which
  // the whole class cannot: see the next test; none of these texts has one.)
  const Engine e;
  const WordFinder& words = e.words();
  // A text whose only candidates need capitals it lacks ("ai" in "said", "rain") needs nothing
  // compiled to say so (asked first, while the engine has compiled nothing).
  CHECK_FALSE(words.occurs("He said it would rain again", words.class_index("ai")));
  CHECK(words.cache().compiles() == 0);
  std::vector<std::string> texts = {"This meeting is being recorded", "Die Aufzeichnung wurde gestoppt",
                                    "Запись остановлена", "録画を停止しました", "La grabación está en curso",
                                    "We do not use your content to train AI models", "nothing to see",
                                    // "AI" in capitals only: the finder looks for the capitals before it
                                    // runs the entry, and must agree with the entry run on its own.
                                    "He said it would rain again", "The AI summary is on", "ai summary", "L'IA prend des notes",
                                    "la IA está activa", "j'ai dit", "Generative AI is on", "KI-Assistent aktiv"};
  std::ifstream in(consentlens::testing::source_path("tests/corpus/notices.jsonl"));
  REQUIRE(in);
  std::string line;
  while (std::getline(in, line) && texts.size() < 400)
    if (!line.empty()) texts.push_back(nlohmann::json::parse(line).at("text").get<std::string>());
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_log_errors(false);
  for (const char* cls : {"rec", "state_on", "state_off", "neg", "consent", "train", "control", "summary", "ai"}) {
    const int k = words.class_index(cls);
    REQUIRE(k >= 0);
    std::string whole, error;
    REQUIRE(e.rules().vocabulary().expand(std::string("{") + cls + "}", whole, error));
    const RE2 re(whole, o);
    REQUIRE(re.ok());
    for (const auto& raw : texts) {
      const std::string t = normalize(raw).text;
      re2::StringPiece m;
      const bool expected = re.Match(t, 0, t.size(), RE2::UNANCHORED, &m, 1);
      CAPTURE(cls, t);
      CHECK(words.occurs(t, k) == expected);
      const auto spans = words.spans(t, k);
      CHECK(spans.empty() == !expected);
      if (expected && !spans.empty()) CHECK(spans.front().end == static_cast<std::size_t>(m.data() - t.data()) + m.size());
    }
  }
  // A text with none of a class's atoms needs nothing compiled to say so.
  const std::size_t before = words.cache().compiles();
  CHECK_FALSE(words.occurs("zzzz qqqq", words.class_index("rec")));
  CHECK(words.cache().compiles() == before);
}

TEST_CASE("a word does not start inside a word of its own script", "[atoms]") {
  // RE2's \\b sees a word start after any non-ASCII letter: the Irish negation "ní" was found at the
  // end of Czech "Nahrávání" and Lower Sorbian "jo" at the end of Lithuanian "pradėjo", which
  // turned "recording started" into "recording stopped" (jitsi-meet and plugNmeet strings).
  const Engine e;
  const WordFinder& words = e.words();
  const int neg = words.class_index("neg");
  for (const char* text : {"Nahrávání spuštěno", "Nahrávání již probíhá.", "Alice pradėjo įrašą"}) {
    CAPTURE(text);
    CHECK(words.spans(normalize(text).text, neg).empty());
    CHECK_FALSE(words.occurs(normalize(text).text, neg));
  }
  // The same words standing alone are still found.
  CHECK_FALSE(words.spans(normalize("Ní thosaíonn an taifeadadh").text, neg).empty());
  // A word may begin right after a letter of another script, as unspaced scripts need ("はAI"),
  // and an entry of an unspaced language may take the letter before it as context ("AI学習").
  const std::string ja = normalize("このミーティングはAI Companionによって要約されています").text;
  CHECK(words.occurs(ja, words.class_index("ai")));
  const std::string train = normalize("文字起こし済みのものがAI学習されることはありません。").text;
  CHECK_FALSE(words.spans(train, words.class_index("train")).empty());
}

TEST_CASE("a plain entry is found exactly where its expression matches", "[atoms]") {
  // The finder confirms plain words (word_edges.h) without compiling them; the expression
  // each stands for, run as the finder runs expressions (case-insensitive, refusing a match that
  // continues a word), must agree on every text, at word edges in many scripts.
  const Engine e;
  const WordFinder& words = e.words();
  std::vector<std::string> texts = {"Recording", "recording.", "xrecording", "recordings", "RECORDING IN PROGRESS",
                                    "Nahrávání spuštěno", "Ní thosaíonn", "のAI要約", "l'enregistrement", "re-recording",
                                    "est. recording_1", "a\u00b5recording", "«recording»", "录制中。", "এটি রেকর্ড হয় না।"};
  std::ifstream in(consentlens::testing::source_path("tests/corpus/notices.jsonl"));
  REQUIRE(in);
  std::string line;
  while (std::getline(in, line) && texts.size() < 160)
    if (!line.empty()) texts.push_back(nlohmann::json::parse(line).at("text").get<std::string>());
  std::vector<std::pair<std::string, std::string>> normalised;  // (text, folded)
  for (const auto& t : texts) {
    const std::string n = normalize(t).text;
    normalised.emplace_back(n, fold_case(n));
  }
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_log_errors(false);
  std::size_t plain = 0;
  for (const std::string& cls : words.class_names())
    for (const auto& fragment : e.rules().vocabulary().fragments(cls)) {
      const auto entry = plain_entry(fragment.text, fragment.word_start);
      if (!entry || !consentlens::testing::sampled(plain++)) continue;
      const RE2 re(cheap_to_compile(Vocabulary::alternation({&fragment})), o);
      REQUIRE(re.ok());
      for (const auto& [text, folded] : normalised) {
        bool expected = false;
        re2::StringPiece m;
        for (std::size_t pos = 0; pos <= text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, &m, 1);) {
          const auto b = static_cast<std::size_t>(m.data() - text.data());
          if (m.size() == 0 || !continues_word(text, b, b + m.size())) {
            expected = true;
            break;
          }
          pos = b + 1;
          while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
        }
        // Catch's bookkeeping for half a million assertions would be most of the test's time:
        // only a disagreement becomes one.
        if (plain_entry_occurs(*entry, folded) != expected) {
          CAPTURE(cls, fragment.text, text, expected);
          FAIL_CHECK("the plain entry and its expression disagree");
        }
      }
    }
  CHECK(plain > 1000);  // most of the vocabulary is plain words
}

TEST_CASE("an entry run without its word-start group is found where its alternation is found", "[atoms]") {
  // The finder confirms an entry that is not a plain word with its expression minus the word
  // start (bare_entry) and checks the start itself (entry_at_word). On every text, every match
  // must be the one the whole alternation, run as the finder ran it before, gives: same begin
  // (the consumed non-letter included), same end.
  const Engine e;
  const WordFinder& words = e.words();
  std::vector<std::string> texts = {"Recording", "xrecording", "«recording»", "“Aufnahme läuft”", "Nahrávání spuštěno",
                                    "のAI要約", "l'enregistrement", "re-recording", "est. recording_1", "录制中。",
                                    "এটি রেকর্ড হয় না।", "Запис.Запис", "ne pas enregistrer", "(grabando) ahora"};
  std::ifstream in(consentlens::testing::source_path("tests/corpus/notices.jsonl"));
  REQUIRE(in);
  std::string line;
  while (std::getline(in, line) && texts.size() < 120)
    if (!line.empty()) texts.push_back(nlohmann::json::parse(line).at("text").get<std::string>());
  for (auto& t : texts) t = normalize(t).text;
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_log_errors(false);
  using Matches = std::vector<std::pair<std::size_t, std::size_t>>;
  const auto advance = [](std::size_t b, std::size_t e) { return e > b ? e : b + 1; };
  std::size_t checked = 0, found = 0;
  for (const std::string& cls : words.class_names())
    for (const auto& fragment : e.rules().vocabulary().fragments(cls)) {
      if (!fragment.word_start || plain_entry(fragment.text, true) || !consentlens::testing::sampled(checked++)) continue;
      const RE2 whole(cheap_to_compile(Vocabulary::alternation({&fragment})), o), bare(bare_entry(fragment), o);
      REQUIRE(whole.ok());
      REQUIRE(bare.ok());
      for (const auto& text : texts) {
        Matches expected, got;
        re2::StringPiece m;
        for (std::size_t pos = 0; pos <= text.size() && whole.Match(text, pos, text.size(), RE2::UNANCHORED, &m, 1);) {
          const auto b = static_cast<std::size_t>(m.data() - text.data());
          if (m.size() == 0 || !continues_word(text, b, b + m.size())) {
            expected.emplace_back(b, b + m.size());
            pos = advance(b, b + m.size());
            continue;
          }
          pos = b + 1;
          while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
        }
        std::size_t b = 0, end = 0;
        for (std::size_t pos = 0; pos <= text.size() && entry_at_word(bare, true, text, pos, b, end);) {
          got.emplace_back(b, end);
          pos = advance(b, end);
        }
        found += got.size();
        if (got != expected) {  // only a disagreement becomes an assertion, as above
          CAPTURE(cls, fragment.text, text);
          CHECK(got == expected);
        }
      }
    }
  CHECK(checked > 1000);  // thousands of entries are not plain words
  CHECK(found * consentlens::testing::kExhaustiveStride > 100);  // and the texts hold some of them
}

TEST_CASE("the regex cache stays within its bound and keeps what is in use", "[atoms]") {
  RegexCache cache(RegexCache::Limits{8, 1 << 20});
  std::shared_ptr<const RE2> first = cache.get("first", 1 << 20);
  for (int i = 0; i < 100; ++i) cache.get("word" + std::to_string(i), 1 << 20);
  CHECK(cache.size() <= 8);
  CHECK(RE2::PartialMatch("the first one", *first));  // evicted, still alive while held
  const std::size_t compiles = cache.compiles();
  cache.get("word99", 1 << 20);  // the newest stays
  CHECK(cache.compiles() == compiles);
}
