// Every sentence the explainer can say must read at Flesch-Kincaid grade 8 or lower.
#include <catch2/catch.hpp>

#include <cctype>
#include <sstream>

#include "contract.h"
#include "engine.h"
#include "explainer.h"

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
  if (words == 0) return 0;
  if (sentences == 0) sentences = 1;
  return 0.39 * words / sentences + 11.8 * syl / words - 15.59;
}

}  // namespace

TEST_CASE("the grade formula behaves like Flesch-Kincaid", "[readability]") {
  CHECK(grade("The cat sat on the mat.") < 2);
  CHECK(grade("Notwithstanding the aforementioned considerations, the organisation's administrative "
              "infrastructure necessitates comprehensive reconsideration.") > 16);
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
  // Each whole explanation: every vendor and kind with its defaults, and with each single value of each slot.
  for (const auto& [id, v] : k.vendors())
    for (const auto kind : contract::kinds()) {
      const KindKnowledge* kk = v.kind(kind);
      Slots base;
      if (kk) base.merge(kk->defaults);
      std::vector<Slots> variants{base};
      for (const char* slot : {"consent_by", "your_choices", "data", "destinations"})
        for (const auto value : contract::values_of(slot)) {
          Slots s;
          s.add(slot, value);
          variants.push_back(s);
        }
      for (const auto value : contract::training()) {
        Slots s;
        s.add("training", value);
        variants.push_back(s);
      }
      for (const auto value : contract::stance()) {
        Slots s;
        s.add("stance", value);
        variants.push_back(s);
      }
      for (const auto& s : variants) {
        const Explanation ex = explain(k, std::string(kind), id, s);
        for (const std::string* field : {&ex.summary, &ex.who_consented, &ex.your_choices, &ex.data_flow, &ex.training}) {
          CAPTURE(id, kind, *field);
          CHECK(grade(*field) <= 8.0);
          ++checked;
        }
      }
    }
  CHECK(checked > 500);
}

TEST_CASE("a vendor's stated training policy is backed by a cited fact", "[knowledge]") {
  const Engine e;
  for (const auto& [id, v] : e.knowledge().vendors())
    for (const auto& [kind, kk] : v.kinds) {
      const std::string training = kk.defaults.scalar("training");
      if (training.empty() || training == "unknown" || kind == "training_clause") continue;
      bool cited = false;
      for (const auto& f : kk.facts) cited = cited || f.topic == "training";
      CAPTURE(id, kind, training);
      CHECK(cited);
    }
}
