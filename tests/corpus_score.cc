// Scores the engine on labelled corpora: the project's own (tests/corpus/), which must reach
// precision and recall of 0.9 for every kind with every "none" example silent, and, when the
// shared development set is present (../shared/corpus/), that one too, printed for reference.
//
// Scoring follows the findings contract: an example counts as found when its labelled kind is
// among the reported kinds; a reported kind is a false alarm unless the label, the notes, or
// another label of the very same text supports it.
//
// Usage: consentlens_corpus_score [--strict] [--pack DIR] FILE.jsonl...   (--strict: exit 1 below the bar)
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "contract.h"
#include "engine.h"
#include "pack_dir.h"

using namespace consentlens;
using Json = nlohmann::json;

namespace {

struct Example {
  std::string id, text, label, notes, file;
  bool must_be_silent = false;  // none, button label, hard negative
};

struct Tally {
  int tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / (tp + fn); }
};

// Kinds a label's notes name, e.g. "also transcription (cc)".
std::set<std::string> kinds_in_notes(std::string notes) {
  for (auto& c : notes) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::set<std::string> out;
  const std::map<std::string, std::vector<std::string>> words{
      {"ai_assistant", {"ai_assistant", "ai assistant", "ai companion", "summary", "analyzed by ai", "ai analysis", "ai notes"}},
      {"notetaker_bot", {"notetaker_bot", "notetaker", "bot"}},
      {"live_stream", {"live_stream", "live stream", "livestream", "streaming"}},
      {"recording", {"recording", "recorded"}},
      {"transcription", {"transcription", "transcri"}},
      {"terms_prompt", {"terms_prompt", "terms prompt", "consent prompt", "consent gate"}},
      {"training_clause", {"training_clause", "training clause", "ai training"}}};
  for (const auto& [kind, ws] : words)
    for (const auto& w : ws)
      if (notes.find(w) != std::string::npos) out.insert(kind);
  return out;
}

std::vector<Example> load(const std::string& path) {
  std::vector<Example> out;
  std::ifstream in(path);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) continue;
    const Json j = Json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("text") || !j.contains("kind")) {
      std::cerr << path << ":" << n << ": not a corpus line\n";
      continue;
    }
    Example e;
    e.id = j.value("id", "");
    e.text = j["text"];
    e.label = j["kind"];
    e.notes = j.contains("notes") && j["notes"].is_string() ? j["notes"].get<std::string>() : "";
    e.file = path;
    e.must_be_silent = e.label == "none" || j.value("is_button_label", false) || j.value("hard_negative", false);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  bool strict = false;
  std::string pack;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--strict") strict = true;
    else if (a == "--pack" && i + 1 < argc) pack = argv[++i];
    else files.push_back(a);
  }
  const auto engine_ptr = pack.empty() ? std::make_unique<Engine>() : std::make_unique<Engine>(read_pack_dir(pack));
  const Engine& engine = *engine_ptr;
  bool ok = true;
  for (const auto& file : files) {
    const auto examples = load(file);
    if (examples.empty()) continue;
    std::map<std::string, std::set<std::string>> labels_of_text;
    for (const auto& e : examples) labels_of_text[e.text].insert(e.label);
    std::map<std::string, Tally> tally;
    int silent_total = 0, silent_ok = 0;
    std::vector<std::string> misses;
    for (const auto& e : examples) {
      std::set<std::string> reported;
      const Analysis analysis = engine.analyze(e.text);
      for (const auto& f : analysis.result["findings"]) reported.insert(f["kind"].get<std::string>());
      std::set<std::string> supported = labels_of_text[e.text];
      for (const auto& k : kinds_in_notes(e.notes)) supported.insert(k);
      if (e.must_be_silent) {
        ++silent_total;
        if (reported.empty()) ++silent_ok;
        else misses.push_back("should be silent: " + e.id + " -> " + *reported.begin() + ": " + e.text.substr(0, 100));
        for (const auto& k : reported) ++tally[k].fp;
        continue;
      }
      if (reported.count(e.label)) ++tally[e.label].tp;
      else {
        ++tally[e.label].fn;
        misses.push_back("missed " + e.label + ": " + e.id + ": " + e.text.substr(0, 100));
      }
      for (const auto& k : reported)
        if (k != e.label && !supported.count(k)) {
          ++tally[k].fp;
          misses.push_back("extra " + k + ": " + e.id + ": " + e.text.substr(0, 100));
        }
    }
    std::cout << "\n" << file << ": " << examples.size() << " examples\n";
    std::cout << "  kind              precision  recall   (tp/fp/fn)\n";
    for (const auto kind : contract::kinds()) {
      auto it = tally.find(std::string(kind));
      if (it == tally.end()) continue;
      const Tally& t = it->second;
      std::cout << "  " << std::left << std::setw(18) << kind << std::right << std::fixed << std::setprecision(3)
                << std::setw(8) << t.precision() << std::setw(9) << t.recall() << "   (" << t.tp << "/" << t.fp << "/"
                << t.fn << ")\n";
      if (t.tp + t.fn >= 3 && (t.precision() < 0.9 || t.recall() < 0.9)) ok = false;
    }
    std::cout << "  silent where they should be: " << silent_ok << "/" << silent_total << "\n";
    if (silent_ok != silent_total) ok = false;
    const char* verbose = std::getenv("CORPUS_VERBOSE");
    const std::size_t show = verbose ? misses.size() : std::min<std::size_t>(misses.size(), 15);
    for (std::size_t i = 0; i < show; ++i) std::cout << "    " << misses[i] << "\n";
    if (show < misses.size()) std::cout << "    ... " << misses.size() - show << " more (CORPUS_VERBOSE=1 lists all)\n";
  }
  if (strict && !ok) {
    std::cout << "\nbelow the bar: precision and recall 0.9 per kind, every none silent\n";
    return 1;
  }
  return 0;
}
