// Scores the engine on labelled corpora, each source on its own and leave-one-source-out.
//
// A source is a corpus file, and within files of UI strings (which carry "project") each
// project. For each source it prints, per kind, precision and recall (an example counts as found
// when its labelled kind is among the reported kinds; a reported kind is a false alarm unless the
// label, the notes or another label of the very same text supports it), the share of the
// examples that must stay silent (none, control labels, look-alikes) that raised a finding, in
// total and in the worst language, and where the labels carry them: agreement on the state, the
// consent model, training and the stance of clauses, and the number of reversed training answers
// (permits read as prohibits or the other way round).
//
// Leave-one-source-out: a rule whose "fire" examples all come from one source was written from
// that source; scoring the source again without such rules shows what the rest of the pack makes
// of it, as it would of a client or vendor the project has never seen.
//
// Usage: consentlens_corpus_score [--strict] [--no-loso] [--pack DIR] FILE.jsonl...
//   --strict: exit 1 below the bar (precision and recall 0.9 per kind with 3+ examples, every
//   silent example silent) or on any reversed training answer.
//   --reversed-only: exit 1 only on a reversed training answer (the bar for corpora not written
//   to the project's own bar).
#include <algorithm>
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
#include "normalize.h"
#include "pack_dir.h"
#include "utf8.h"

using namespace consentlens;
using Json = nlohmann::json;

namespace {

struct Example {
  Json row;
  std::string source, lang;
  bool silent = false;  // none, control label, look-alike
};

struct Tally {
  int tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / (tp + fn); }
};

struct Agreement {
  int agree = 0, total = 0;
  void add(bool ok) { agree += ok; ++total; }
};

struct Score {
  std::map<std::string, Tally> kinds;
  std::map<std::string, Agreement> fields;  // state, consent_model, training, stance
  std::map<std::string, std::pair<int, int>> silent_by_lang;  // lang -> (alarms, total)
  int silent = 0, alarms = 0, reversed = 0;
  std::vector<std::string> notes;
};

// Kinds a label's notes name, e.g. "also transcription (cc)".
std::set<std::string> kinds_in_notes(std::string notes) {
  for (auto& c : notes) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::map<std::string, std::vector<std::string>> words{
      {"ai_assistant", {"ai_assistant", "ai assistant", "ai companion", "summary", "analyzed by ai", "ai analysis", "ai notes"}},
      {"notetaker_bot", {"notetaker_bot", "notetaker", "bot"}},
      {"live_stream", {"live_stream", "live stream", "livestream", "streaming"}},
      {"recording", {"recording", "recorded"}},
      {"transcription", {"transcription", "transcri"}},
      {"terms_prompt", {"terms_prompt", "terms prompt", "consent prompt", "consent gate"}},
      {"training_clause", {"training_clause", "training clause", "ai training"}}};
  std::set<std::string> out;
  for (const auto& [kind, ws] : words)
    for (const auto& w : ws)
      if (notes.find(w) != std::string::npos) out.insert(kind);
  return out;
}

std::vector<Example> load(const std::string& path) {
  std::vector<Example> out;
  std::ifstream in(path);
  std::string line;
  const std::string file = path.substr(path.find_last_of('/') + 1);
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty()) continue;
    const Json j = Json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("text") || !j.contains("kind")) {
      std::cerr << path << ":" << n << ": not a corpus line\n";
      continue;
    }
    Example e;
    e.row = j;
    e.source = j.contains("project") ? file + ":" + j["project"].get<std::string>() : file;
    e.lang = j.value("lang", "?");
    e.silent = j["kind"] == "none" || j.value("is_button_label", false) || j.value("hard_negative", false);
    out.push_back(std::move(e));
  }
  return out;
}

std::string consent_model(const Json& choices) {
  auto has = [&](const char* v) { return std::find(choices.begin(), choices.end(), v) != choices.end(); };
  if (has("accept") || has("decline")) return "explicit";
  if (has("stay_means_consent")) return "stay";
  if (has("none")) return "none";
  return "other";
}

bool is_activity(const std::string& k) {
  return k == "recording" || k == "transcription" || k == "live_stream" || k == "ai_assistant" || k == "notetaker_bot";
}

// The fields a matching finding is compared on, where the label carries them.
void compare_fields(const Json& row, const Json& f, Score& s, const std::string& id) {
  const std::string kind = row["kind"];
  if (row.contains("training") && row["training"].is_string()) s.fields["training"].add(f["training"] == row["training"]);
  if (kind == "training_clause" && row.contains("stance") && row["stance"].is_string()) {
    const std::string want = row["stance"], got = f.value("stance", "");
    s.fields["stance"].add(want == got);
    if ((want == "permits" && got == "prohibits") || (want == "prohibits" && got == "permits")) {
      ++s.reversed;
      s.notes.push_back("REVERSED stance " + want + " read as " + got + ": " + id);
    }
  }
  if (row.contains("your_choices") && is_activity(kind))
    s.fields["consent_model"].add(consent_model(f["your_choices"]) == consent_model(row["your_choices"]));
  if (row.contains("state") && row["state"].is_string()) s.fields["state"].add(f["state"] == row["state"]);
  else if (row.value("active_notice", false)) s.fields["state"].add(f["state"] != "stopped");
}

Score score(const Engine& engine, const std::vector<const Example*>& examples) {
  Score s;
  std::map<std::string, std::set<std::string>> labels_of_text;
  for (const Example* e : examples) labels_of_text[e->row["text"]].insert(e->row["kind"].get<std::string>());
  for (const Example* e : examples) {
    const Json& row = e->row;
    AnalyzeOptions options;
    // Training answers are scored "given the page's URL": the labelled vendor stands for it.
    if (row.contains("vendor") && row["vendor"].is_string() &&
        contract::index_of(contract::vendors(), row["vendor"].get<std::string>()) >= 0 && row["vendor"] != "other")
      options.vendor = row["vendor"];
    if (row.contains("as") && row["as"].is_string()) options.as = row["as"];
    const auto findings = engine.analyze(row["text"].get<std::string>(), options).result["findings"];
    std::set<std::string> reported;
    for (const auto& f : findings) reported.insert(f["kind"].get<std::string>());
    const std::string id = row.value("id", "?"), label = row["kind"];
    if (e->silent) {
      ++s.silent;
      auto& lang = s.silent_by_lang[e->lang];
      ++lang.second;
      if (!reported.empty()) {
        ++s.alarms;
        ++lang.first;
        s.notes.push_back("should be silent: " + id + " -> " + *reported.begin());
      }
      for (const auto& k : reported) ++s.kinds[k].fp;
      continue;
    }
    std::set<std::string> supported = labels_of_text[row["text"]];
    for (const auto& k : kinds_in_notes(row.value("notes", ""))) supported.insert(k);
    if (reported.count(label)) {
      ++s.kinds[label].tp;
      for (const auto& f : findings)
        if (f["kind"] == label) {
          compare_fields(row, f, s, id);
          break;
        }
    } else {
      ++s.kinds[label].fn;
      s.notes.push_back("missed " + label + ": " + id);
    }
    for (const auto& k : reported)
      if (k != label && !supported.count(k)) ++s.kinds[k].fp;
  }
  return s;
}

double macro_recall(const Score& s) {
  double sum = 0;
  int n = 0;
  for (const auto& [k, t] : s.kinds)
    if (t.tp + t.fn > 0) sum += t.recall(), ++n;
  return n ? sum / n : 1.0;
}

// Prints one source's score; returns false below the project's own bar.
bool report(const std::string& title, const Score& s, bool detail) {
  bool ok = true;
  std::cout << "\n" << title << "\n";
  if (detail) {
    std::cout << "  kind              precision  recall   (tp/fp/fn)\n";
    for (const auto kind : contract::kinds()) {
      auto it = s.kinds.find(std::string(kind));
      if (it == s.kinds.end()) continue;
      const Tally& t = it->second;
      std::cout << "  " << std::left << std::setw(18) << kind << std::right << std::fixed << std::setprecision(3) << std::setw(8)
                << t.precision() << std::setw(9) << t.recall() << "   (" << t.tp << "/" << t.fp << "/" << t.fn << ")\n";
      if (t.tp + t.fn >= 3 && (t.precision() < 0.9 || t.recall() < 0.9)) ok = false;
    }
  }
  std::string worst_lang;
  double worst = 0;
  for (const auto& [lang, c] : s.silent_by_lang)
    if (c.second >= 20 && double(c.first) / c.second > worst) worst = double(c.first) / c.second, worst_lang = lang;
  std::cout << std::fixed << std::setprecision(3) << "  macro recall " << macro_recall(s) << "; silent examples that raised a finding "
            << s.alarms << "/" << s.silent;
  if (!worst_lang.empty()) std::cout << " (worst language " << worst_lang << ": " << worst << ")";
  std::cout << "\n";
  if (!s.fields.empty()) {
    std::cout << "  agreement:";
    for (const auto& [name, a] : s.fields) std::cout << " " << name << " " << a.agree << "/" << a.total;
    std::cout << "; reversed training answers " << s.reversed << "\n";
  }
  if (s.alarms > 0) ok = false;
  return ok;
}

// The pack with the rules of `drop` removed (their ids), for leave-one-source-out.
std::vector<PackFile> without_rules(const std::vector<PackFile>& files, const std::set<std::string>& drop) {
  std::vector<PackFile> out;
  for (const auto& f : files) {
    if (f.path.rfind("rules/", 0) != 0 || f.path.rfind("rules/vocab/", 0) == 0) {
      out.push_back(f);
      continue;
    }
    Json j = Json::parse(f.content);
    Json kept = Json::array();
    for (const auto& r : j["rules"])
      if (!drop.count(r.value("id", ""))) kept.push_back(r);
    j["rules"] = kept;
    out.push_back({f.path, j.dump()});
  }
  return out;
}

std::string key_of(const std::string& text) {
  std::string n = normalize(repair_utf8(text).text).text;
  for (auto& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return n;
}

// For each source, the finding rules whose "fire" examples all appear in that source's texts.
std::map<std::string, std::set<std::string>> written_from(const Engine& engine, const std::vector<Example>& all) {
  std::map<std::string, std::set<std::string>> sources_of_text;
  for (const auto& e : all) sources_of_text[key_of(e.row["text"])].insert(e.source);
  std::map<std::string, std::set<std::string>> out;
  for (const auto& rule : engine.rules().rules()) {
    if (!rule.makes_finding() || rule.fire.empty()) continue;
    std::set<std::string> from;
    bool elsewhere = false;
    for (const auto& ex : rule.fire) {
      auto it = sources_of_text.find(key_of(ex.text));
      if (it == sources_of_text.end() || it->second.size() != 1) elsewhere = true;
      else from.insert(*it->second.begin());
    }
    if (!elsewhere && from.size() == 1) out[*from.begin()].insert(rule.id);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  bool strict = false, reversed_only = false, loso = true;
  std::string pack;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--strict") strict = true;
    else if (a == "--reversed-only") reversed_only = true;
    else if (a == "--no-loso") loso = false;
    else if (a == "--pack" && i + 1 < argc) pack = argv[++i];
    else files.push_back(a);
  }
  // The source tree's core/ by default: the same packs the build digested, as JSON, so that
  // leave-one-source-out can drop rules from them.
  const std::vector<PackFile> pack_files = read_pack_dir(pack.empty() ? std::string(CONSENTLENS_SOURCE_DIR) + "/core" : pack);
  const Engine engine(pack_files);
  std::vector<Example> all;
  for (const auto& f : files) {
    auto ex = load(f);
    all.insert(all.end(), std::make_move_iterator(ex.begin()), std::make_move_iterator(ex.end()));
  }
  std::map<std::string, std::vector<const Example*>> by_source;
  for (const auto& e : all) by_source[e.source].push_back(&e);

  bool ok = true;
  int reversed = 0;
  const auto written = loso ? written_from(engine, all) : std::map<std::string, std::set<std::string>>{};
  for (const auto& [source, examples] : by_source) {
    const Score s = score(engine, examples);
    reversed += s.reversed;
    if (!report(source + ": " + std::to_string(examples.size()) + " examples", s, true)) ok = false;
    const char* verbose = std::getenv("CORPUS_VERBOSE");
    const std::size_t show = verbose ? s.notes.size() : std::min<std::size_t>(s.notes.size(), 10);
    for (std::size_t i = 0; i < show; ++i) std::cout << "    " << s.notes[i] << "\n";
    if (show < s.notes.size()) std::cout << "    ... " << s.notes.size() - show << " more (CORPUS_VERBOSE=1 lists all)\n";
    auto it = written.find(source);
    if (it != written.end()) {
      const Engine rest(without_rules(pack_files, it->second));
      report("  left out: the " + std::to_string(it->second.size()) + " rule(s) written only from this source", score(rest, examples), false);
    } else if (loso) {
      std::cout << "  left out: no rule was written only from this source\n";
    }
  }
  if (reversed > 0) std::cout << "\nreversed training answers: " << reversed << " (the bar is zero)\n";
  if ((strict && !ok) || ((strict || reversed_only) && reversed > 0)) {
    std::cout << "\nbelow the bar\n";
    return 1;
  }
  return 0;
}
