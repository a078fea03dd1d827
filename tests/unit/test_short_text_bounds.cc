// Bounded runs of one character written unbounded for texts too short to reach the bound
// (short_text_bounds.h): which repetitions qualify, how they are rewritten, and that every rule
// pattern so rewritten matches exactly as written on texts shorter than its bounds.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include "engine.h"
#include "normalize.h"
#include "short_text_bounds.h"
#include "utf8.h"
#include "test_pack.h"

using namespace consentlens;
using Bounds = std::vector<std::size_t>;

TEST_CASE("the runs of one character with an upper bound are found", "[bounds]") {
  CHECK(single_char_bounds("[^.!?。\\n]{0,120}x.{0,60}", 30) == Bounds{60, 120});
  CHECK(single_char_bounds(".{0,40}a.{0,40}", 30) == Bounds{40});           // each bound once
  CHECK(single_char_bounds(".{0,20}", 30).empty());                          // below the floor
  CHECK(single_char_bounds("(?:ab){0,50}", 0).empty());                      // a group is not one character
  CHECK(single_char_bounds("(?:{consent}){0,50}", 0).empty());               // nor a class placeholder
  CHECK(single_char_bounds("{consent}{0,50}", 0).empty());
  CHECK(single_char_bounds("\\s{1,40}é{0,35}\\pL{0,31}\\x{2019}{0,33}", 30) == Bounds{31, 33, 35, 40});
  CHECK(single_char_bounds("a{3}b{3,}c{2,50}", 0) == Bounds{50});            // only {m,N}
  CHECK(single_char_bounds("\\b{0,40}", 0).empty());                         // zero-width
  CHECK(single_char_bounds("\\{0,40}", 0).empty());                          // an escaped brace
}

TEST_CASE("bounded runs at or above a bound are written without it", "[bounds]") {
  CHECK(unbounded_from("[^.!?。\\n]{0,120}x.{0,60}", 100) == "[^.!?。\\n]*x.{0,60}");
  CHECK(unbounded_from("[^.!?。\\n]{0,120}x.{0,60}", 60) == "[^.!?。\\n]*x.*");
  CHECK(unbounded_from("\\s{1,40}y{2,50}?", 40) == "\\s+y{2,}?");
  CHECK(unbounded_from("(?:ab){0,50}", 0) == "(?:ab){0,50}");
  CHECK(code_points("Запись идёт") == 11);
}

TEST_CASE("a rule pattern written unbounded matches as written on a text shorter than its bounds", "[bounds]") {
  const Engine engine;
  std::vector<std::string> texts = {"By continuing, you consent to the recording. Do you agree?", "录制中。您同意吗？",
                                    "Al unirse, da su consentimiento para que se transcriba esta reunión."};
  std::ifstream in(consentlens::testing::source_path("tests/corpus/notices.jsonl"));
  REQUIRE(in);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) texts.push_back(normalize(nlohmann::json::parse(line).at("text").get<std::string>()).text);
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_log_errors(false);
  o.set_max_mem(64 << 20);
  std::size_t rewritten = 0, compared = 0, matched = 0, considered = 0;
  for (const auto& rule : engine.rules().rules())
    for (const auto* list : {&rule.patterns, &rule.unless})
      for (const auto& p : *list) {
        const Bounds bounds = single_char_bounds(p.source, 30);
        if (bounds.empty()) continue;
        std::string as_written, unbounded, error;
        REQUIRE(engine.rules().vocabulary().expand(p.source, as_written, error));
        REQUIRE(engine.rules().vocabulary().expand(unbounded_from(p.source, bounds.front()), unbounded, error));
        const RE2 a(as_written, o), b(unbounded, o);
        REQUIRE(a.ok());
        REQUIRE(b.ok());
        CHECK(b.ProgramSize() < a.ProgramSize());
        ++rewritten;
        for (const auto& text : texts) {
          if (code_points(text) > bounds.front() || !consentlens::testing::sampled(considered++)) continue;
          re2::StringPiece ma, mb;
          const bool fa = a.Match(text, 0, text.size(), RE2::UNANCHORED, &ma, 1);
          const bool fb = b.Match(text, 0, text.size(), RE2::UNANCHORED, &mb, 1);
          if (fa == fb && (!fa || (ma.data() == mb.data() && ma.size() == mb.size()))) {
            ++compared;  // agreed; only a disagreement becomes an assertion below
            matched += fa;
            continue;
          }
          CAPTURE(rule.id, p.source, text);
          REQUIRE(fa == fb);
          if (fa) CHECK((ma.data() == mb.data() && ma.size() == mb.size()));
          ++compared;
          matched += fa;
        }
      }
  CHECK(rewritten > 20);
  CHECK(compared * consentlens::testing::kExhaustiveStride > 1000);
  CHECK(matched * consentlens::testing::kExhaustiveStride > 20);
}
