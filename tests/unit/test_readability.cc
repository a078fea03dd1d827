// Every sentence the explainer can say must read at Flesch-Kincaid grade 8 or lower.
#include <catch2/catch.hpp>

#include <cctype>
#include <sstream>

#include "contract.h"
#include "engine.h"
#include "explainer.h"
#include "test_pack.h"

using namespace consentlens;

namespace {

int syllables(const std::string& word) {
  std::string w;
  for (char c : word)
    if (std::isalpha(static_cast<unsigned char>(c))) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (w.empty()) return 0;
  if (w.size() <= 3) return 1;
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; };
  int n = 0;
  bool prev = false;
  for (char c : w) {
    const bool v = vowel(c);
    if (v && !prev) ++n;
    prev = v;
  }
  if (w.back() == 'e' && !(w.size() > 2 && w[w.size() - 2] == 'l')) --n;  // silent e, but "-le" is a syllable
  return n < 1 ? 1 : n;
}

// Flesch-Kincaid grade level of a text.
double grade(const std::string& text) {
  int words = 0, sentences = 0, syl = 0;
  std::istringstream in(text);
  for (std::string w; in >> w;) {
    ++words;
    syl += syllables(w);
    if (w.back() == '.' || w.back() == '?' || w.back() == '!') ++sentences;
  }
  if (words == 0) return 99;  // nothing said is not plain language: it fails the check
  if (sentences == 0) sentences = 1;
  return 0.39 * words / sentences + 11.8 * syl / words - 15.59;
}

}  // namespace

TEST_CASE("the grade formula behaves like Flesch-Kincaid", "[readability]") {
  CHECK(grade("The cat sat on the mat.") < 2);
  CHECK(grade("Notwithstanding the aforementioned considerations, the organisation's administrative "
              "infrastructure necessitates comprehensive reconsideration.") > 16);
}

TEST_CASE("an empty text has no grade: it fails the check", "[readability]") {
  // A phrase deleted from the pack must not pass as "grade 0".
  CHECK(grade("") > 8.0);
  CHECK(grade("   ") > 8.0);
}

TEST_CASE("every phrase the explainer uses exists and reads at grade 8 or lower", "[readability]") {
  const Engine e;
  const Knowledge& k = e.knowledge();
  for (const auto& [group, key] : phrases_used()) {
    const std::string& p = k.phrase(group, key);
    CAPTURE(group, key, p);
    REQUIRE_FALSE(p.empty());
    // List words ("your voice", "never ends") are parts of sentences, graded in the explanations below.
    if (group == "data" || group == "destinations" || (group == "glue" && key == "and")) continue;
    CHECK(grade(p) <= 8.0);
  }
}

TEST_CASE("every explanation the packs can produce reads at grade 8 or lower", "[readability]") {
  const Engine e;
  const Knowledge& k = e.knowledge();
  std::size_t checked = 0;
  // Each vendor fact on its own.
  for (const auto& [id, v] : k.vendors())
    for (const auto& [kind, kk] : v.kinds)
      for (const auto& f : kk.facts) {
        CAPTURE(id, kind, f.say);
        CHECK(grade(f.say) <= 8.0);
        ++checked;
      }
  // Each whole explanation: every vendor and kind, in a meeting and in a document, in each state
  // and consent model, with the vendor's defaults and with each single value of each slot.
  std::size_t combinations = 0;
  std::vector<Slots> slot_variants{Slots{}};
  for (const char* slot : {"consent_by", "your_choices", "data", "destinations", "license_terms", "data_scope", "on_decline"})
    for (const auto value : contract::values_of(slot)) {
      Slots s;
      s.add(slot, value);
      slot_variants.push_back(s);
    }
  for (const char* slot : {"training", "stance", "third_party_models"})
    for (const auto value : contract::values_of(slot)) {
      Slots s;
      s.add(slot, value);
      slot_variants.push_back(s);
    }
  Slots every_licence;
  for (const auto value : contract::license_terms()) every_licence.add("license_terms", value);
  slot_variants.push_back(every_licence);
  for (const auto& [id, v] : k.vendors())
    for (const auto kind : contract::kinds()) {
      const KindKnowledge* kk = v.kind(kind);
      for (bool document : {false, true})
        for (State state : {State::active, State::possible, State::stopped})
          for (ConsentModel model : {ConsentModel::unknown, ConsentModel::stay, ConsentModel::explicit_opt_in,
                                     ConsentModel::none_asked, ConsentModel::account_setting})
            for (const Slots& variant : slot_variants) {
              if (!consentlens::testing::sampled(combinations++)) continue;
              FindingFacts f;
              f.kind = std::string(kind);
              f.vendor = id;
              f.state = state;
              f.document = document;
              f.consent_model = model;
              f.bot_name = "Quill";
              f.slots = variant;
              if (kk) f.slots.add_defaults(kk->defaults);
              f.facts = k.facts(id, kind, "", Scope::any);
              const Explanation ex = explain(k, f);
              for (const std::string* field : {&ex.summary, &ex.who_consented, &ex.your_choices, &ex.data_flow, &ex.training}) {
                if (grade(*field) > 8.0) {  // only a failure becomes an assertion: there are thousands
                  CAPTURE(id, kind, document, *field);
                  CHECK(grade(*field) <= 8.0);
                }
                ++checked;
              }
            }
    }
  CHECK(combinations > 5000);
  CHECK(checked * consentlens::testing::kExhaustiveStride > 5000);
}

TEST_CASE("a vendor's stated training policy is backed by a cited, dated fact", "[knowledge]") {
  const Engine e;
  for (const auto& [id, v] : e.knowledge().vendors())
    for (const auto& [kind, kk] : v.kinds) {
      CAPTURE(id, kind);
      CHECK(kk.defaults.scalar("training").empty());  // no training claim without its fact
      for (const auto& f : kk.facts) {
        if (f.sets.scalar("training").empty()) continue;
        CHECK(f.topic == "training");
        const Source& src = v.sources.at(f.source);
        CHECK_FALSE((src.date.empty() && src.checked.empty()));
      }
    }
}
