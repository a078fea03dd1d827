// Engine::analyze is const and documented as safe from several threads at once (engine.h):
// its caches are filled on first use, so threads that start together on a fresh engine race to
// fill them. Each thread must get, byte for byte, what one thread gets alone.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "engine.h"

using namespace consentlens;

namespace {

std::vector<std::string> corpus_texts() {
  std::ifstream in(CONSENTLENS_SOURCE_DIR "/tests/corpus/notices.jsonl");
  std::vector<std::string> texts;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) texts.push_back(nlohmann::json::parse(line).at("text").get<std::string>());
  return texts;
}

}  // namespace

TEST_CASE("threads analysing at once on a fresh engine get the serial results", "[engine][threads]") {
  const auto texts = corpus_texts();
  REQUIRE(texts.size() > 100);
  std::vector<std::string> expected;
  {
    const Engine serial;
    for (const auto& t : texts) expected.push_back(serial.analyze(t).result.dump());
  }
  const Engine shared;  // cold caches: the threads fill them together
  constexpr std::size_t kThreads = 4;
  std::vector<std::vector<std::string>> got(kThreads, std::vector<std::string>(texts.size()));
  std::vector<std::thread> threads;
  for (std::size_t k = 0; k < kThreads; ++k)
    threads.emplace_back([&, k] {
      // Each thread walks the corpus from a different place, so different caches fill first.
      for (std::size_t n = 0; n < texts.size(); ++n) {
        const std::size_t i = (n + k * texts.size() / kThreads) % texts.size();
        got[k][i] = shared.analyze(texts[i]).result.dump();
      }
    });
  for (auto& t : threads) t.join();
  std::size_t with_findings = 0;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    with_findings += expected[i] != R"({"findings":[]})";
    for (std::size_t k = 0; k < kThreads; ++k) CHECK(got[k][i] == expected[i]);
  }
  CHECK(with_findings > texts.size() / 2);  // the corpus exercises the matcher, not only the empty path
}
