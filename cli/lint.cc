#include <algorithm>
#include <cctype>
#include <ctime>
#include <set>
#include <iostream>
#include <memory>

#include <re2/re2.h>

#include "commands.h"
#include "doc_date.h"
#include "engine.h"
#include "lexicon.h"
#include "stance_reader.h"
#include "state_reader.h"
#include "text_shape.h"
#include "input.h"
#include "normalize.h"
#include "pack_dir.h"
#include "pack_schemas.h"
#include "utf8.h"

namespace consentlens {
namespace {

constexpr const char* kRulesHelp = R"(Usage: consentlens rules lint [--pack DIR] [--today YYYY-MM-DD | --skip-fact-dates]
       consentlens rules patterns [--pack DIR]
       consentlens rules words [--pack DIR] TEXT

Loads the rule and knowledge packs (built in, or from DIR such as core/), checks every file of
DIR against its JSON Schema (core/schema/; the built-in packs passed them when the build made
them; schema problems are printed as "file: JSON pointer: problem"), validates every file,
compiles every pattern, and runs every rule on its own "fire" and "silent" examples.
Problems are printed as "file: rule id: problem". Exit status 0 if all is well, 1 if a rule
disagrees with its examples or a fact is stale, 2 if the pack does not load.
A vendor fact that still holds (no "until") is stale when its source was last confirmed (the
later of the source's own date and its "checked" date) more than 12 months before today
(--today sets the day; the build's own lint skips this check, which depends on the calendar).
"patterns" prints every compiled pattern, one a line (used by bench/ to compare with grep).
"words" shows, for a text, where each vocabulary class occurs and what the readers make of it
(the state of an activity, the stance of a clause, the text's shape): for writing rules.
)";

// Runs of plain words in a pattern as written (no classes, escapes, groups or repeats): a run of
// four or more words found verbatim in the rule's own example is a sentence lifted from one
// notice, which fits that notice and no other wording or language.
std::vector<std::string> literal_runs(const std::string& pattern) {
  std::vector<std::string> runs;
  std::string run;
  int words = 0;
  bool in_word = false;
  auto flush = [&] {
    while (!run.empty() && run.back() == ' ') run.pop_back();
    if (words >= 4) runs.push_back(run);
    run.clear();
    words = 0;
    in_word = false;
  };
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {  // an escape (\b, \s, \pL, \p{Han}) ends the run
      flush();
      ++i;
      if (i < pattern.size() && (pattern[i] == 'p' || pattern[i] == 'P') && i + 1 < pattern.size() && pattern[i + 1] == '{')
        i = pattern.find('}', i);
      if (i == std::string::npos) break;
      continue;
    }
    if (c == '{' || c == '[') {  // a class or a bracket set ends the run
      flush();
      const std::size_t close = pattern.find(c == '{' ? '}' : ']', i);
      if (close == std::string::npos) break;
      i = close;
      continue;
    }
    if (std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80 || c == '\'' || c == '-') {
      if (!in_word) ++words;
      in_word = true;
      run += c;
    } else if (c == ' ') {
      in_word = false;
      if (!run.empty() && run.back() != ' ') run += ' ';
    } else {
      flush();
    }
  }
  flush();
  return runs;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The checks that keep the pack general: a finding rule's examples come from two sources or
// are written variants, and no pattern carries a phrase lifted from one example.
std::size_t check_generality(const Rule& rule, std::ostream& err) {
  std::size_t problems = 0;
  if (!rule.makes_finding()) return 0;
  std::vector<std::string> sources;
  bool variant = false;
  for (const auto& ex : rule.fire) {
    if (ex.note.empty() || ex.note.find("written variant") != std::string::npos) variant = true;
    else if (std::find(sources.begin(), sources.end(), ex.note) == sources.end()) sources.push_back(ex.note);
  }
  if (!variant && sources.size() < 2) {
    ++problems;
    err << rule.file << ": " << rule.id << ": its examples come from one source only; add one from another source or a written variant\n";
  }
  for (const auto& p : rule.patterns)
    for (const auto& run : literal_runs(p.source))
      for (const auto& ex : rule.fire)
        if (lower(ex.text).find(lower(run)) != std::string::npos) {
          ++problems;
          err << rule.file << ": " << rule.id << ": pattern carries \"" << run << "\" lifted from its example; write it with vocabulary classes\n";
          break;
        }
  return problems;
}

// `consentlens rules words TEXT`: the class occurrences the readers see, and their verdicts.
int show_words(const Engine& engine, const std::string& raw, std::ostream& out) {
  const std::string text = normalize(repair_utf8(raw).text).text;
  const Lexicon lexicon(engine.rules().vocabulary());
  out << "text: " << text << "\n";
  for (const auto& cls : engine.rules().vocabulary().classes()) {
    const auto spans = lexicon.find(cls, text);
    if (spans.empty()) continue;
    out << "  {" << cls << "}";
    for (const auto& sp : spans) out << " [" << sp.begin << "," << sp.end << ") \"" << text.substr(sp.begin, sp.end - sp.begin) << "\"";
    out << "\n";
  }
  out << "shape: " << as_name(judge_shape(lexicon, text)) << "\n";
  const State st = read_state(lexicon, text);
  out << "state: " << (st == State::offer ? std::string_view("offer (no finding)") : state_name(st)) << "\n";
  const StanceReading r = read_stance(lexicon, text, {});
  if (!r.found) out << "stance: no training predicate\n";
  else
    out << "stance: " << r.stance << " (predicate \"" << text.substr(r.predicate.begin, r.predicate.end - r.predicate.begin)
        << "\"" << (r.opt_out ? ", opt-out" : "") << (r.deidentified ? ", de-identified" : "")
        << (r.third_parties_only ? ", suppliers only" : "") << (r.users_only ? ", users only" : "") << ")\n";
  return 0;
}

// "YYYY-MM-DD" of the local calendar day.
std::string today_iso() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
  return buf;
}

// The same day a year earlier ("2026-12-04" -> "2025-12-04"); 29 February becomes 28 February.
std::string year_before(const std::string& day) {
  std::string out = std::to_string(std::stoi(day.substr(0, 4)) - 1) + day.substr(4);
  if (out.substr(5) == "02-29") out.replace(8, 2, "28");
  return out;
}

// Facts still in force whose source nobody has confirmed for 12 months: an explanation cites
// them to someone deciding whether to stay in a meeting, so they must be re-read or ended.
std::size_t check_fact_dates(const Knowledge& knowledge, const std::string& today, std::ostream& err) {
  const std::string limit = year_before(today);
  std::size_t problems = 0;
  for (const auto& [id, vendor] : knowledge.vendors()) {
    std::set<std::string> reported;
    for (const auto& [kind, k] : vendor.kinds)
      for (const Fact& fact : k.facts) {
        if (!fact.until.empty()) continue;  // a fact of the past: its dates say when it held
        const auto src = vendor.sources.find(fact.source);
        if (src == vendor.sources.end()) continue;  // load() already refuses this
        const std::string confirmed = std::max(src->second.date, src->second.checked);
        if (confirmed >= limit || !reported.insert(fact.source).second) continue;
        ++problems;
        err << "knowledge/vendors/" << id << ".json: source " << fact.source << ": last confirmed "
            << (confirmed.empty() ? "never" : confirmed) << ", more than 12 months before " << today
            << "; facts still in force cite it (" << kind << ": " << fact.topic
            << "): re-read it and set \"checked\", or end those facts with \"until\"\n";
      }
  }
  return problems;
}

// Every rule against its own "fire" and "silent" examples, and the checks that keep it general.
std::size_t check_examples(const Engine& engine, std::size_t& examples, std::ostream& err) {
  const auto& rules = engine.rules().rules();
  std::size_t problems = 0;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    const Rule& rule = rules[r];
    auto check = [&](const RuleExample& ex, bool should_fire) {
      ++examples;
      const std::string text = normalize(repair_utf8(ex.text).text).text;
      if (engine.matcher().fires_alone(r, text) != should_fire) {
        ++problems;
        err << rule.file << ": " << rule.id << ": " << (should_fire ? "does not fire on its example " : "fires on its silent example ")
            << '"' << ex.text << "\"\n";
      }
    };
    for (const auto& ex : rule.fire) check(ex, true);
    for (const auto& ex : rule.silent) check(ex, false);
    problems += check_generality(rule, err);
  }
  return problems;
}

// Every vocabulary class compiles on its own, including the classes that only the readers of
// state and stance use (no rule names them, so the matcher never compiles them), and every
// pattern within its memory budget (at run time each is compiled only when a page first needs it).
std::size_t check_compiles(const Engine& engine, std::ostream& err) {
  std::size_t problems = 0;
  for (const auto& cls : engine.rules().vocabulary().classes()) {
    std::string re, error;
    if (!engine.rules().vocabulary().expand("{" + cls + "}", re, error)) {
      ++problems;
      err << "vocabulary class " << cls << ": " << error << '\n';
      continue;
    }
    RE2::Options o;
    o.set_case_sensitive(false);
    o.set_log_errors(false);
    o.set_encoding(RE2::Options::EncodingUTF8);
    RE2 compiled(re, o);
    if (!compiled.ok()) {
      ++problems;
      err << "vocabulary class " << cls << ": " << compiled.error() << '\n';
    }
  }
  for (const auto& problem : engine.matcher().compile_all()) {
    ++problems;
    err << problem << '\n';
  }
  return problems;
}

// `consentlens rules patterns [--pack DIR]`: every compiled pattern, one a line (for benchmarks
// against grep).
int run_patterns(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  try {
    const auto engine = args.size() == 3 && args[1] == "--pack" ? std::make_unique<Engine>(read_pack_dir(args[2]))
                                                                : std::make_unique<Engine>();
    for (const auto& rule : engine->rules().rules())
      for (const auto& p : rule.patterns) {
        std::string re = p.re, error;
        if (re.empty()) engine->rules().vocabulary().expand(p.source, re, error);  // with every language
        out << re << '\n';
      }
    return 0;
  } catch (const std::exception& e) {
    err << "consentlens rules patterns: " << e.what() << '\n';
    return 2;
  }
}

// `consentlens rules words [--pack DIR] TEXT`.
int run_words(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string pack_dir, text;
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--pack" && i + 1 < args.size()) pack_dir = args[++i];
    else text += (text.empty() ? "" : " ") + args[i];
  }
  if (text.empty()) {
    err << "consentlens rules words: give a TEXT to read\n";
    return 2;
  }
  try {
    const auto engine = pack_dir.empty() ? std::make_unique<Engine>() : std::make_unique<Engine>(read_pack_dir(pack_dir));
    return show_words(*engine, text, out);
  } catch (const std::exception& e) {
    err << "consentlens rules words: " << e.what() << '\n';
    return 2;
  }
}

// `consentlens rules lint [--pack DIR] [--today YYYY-MM-DD | --skip-fact-dates]`.
int run_lint(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string pack_dir, today = today_iso();
  bool fact_dates = true;
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--pack" && i + 1 < args.size()) pack_dir = args[++i];
    else if (args[i] == "--today" && i + 1 < args.size() && is_iso_date(args[i + 1])) today = args[++i];
    else if (args[i] == "--skip-fact-dates") fact_dates = false;
    else {
      err << "consentlens rules lint: unknown argument \"" << args[i] << "\"\n";
      return 2;
    }
  }
  std::unique_ptr<Engine> engine;
  std::size_t problems = 0, examples = 0;
  try {
    // A pack folder's files are checked against their schemas first (the built-in packs were,
    // by consentlens-pack, when the build made their digest): "file: JSON pointer: problem".
    if (!pack_dir.empty())
      for (const auto& p : check_pack_schemas(read_schema_checked_files(pack_dir))) {
        ++problems;
        err << p << '\n';
      }
    // A pack folder is loaded with every check; the built-in packs were when the build made
    // their digest, and every pattern and entry is compiled below either way.
    engine = pack_dir.empty() ? std::make_unique<Engine>() : std::make_unique<Engine>(read_pack_dir(pack_dir));
  } catch (const UsageError& e) {
    err << "consentlens rules lint: " << e.what() << '\n';
    return 2;
  } catch (const PackError& e) {
    err << e.what() << '\n';
    return 2;
  }
  problems += check_examples(*engine, examples, err);
  problems += check_compiles(*engine, err);
  if (fact_dates) problems += check_fact_dates(engine->knowledge(), today, err);
  out << "consentlens rules lint: " << engine->rules().rules().size() << " rules, " << engine->rules().vocabulary().languages().size()
      << " vocabularies, " << engine->knowledge().vendors().size() << " vendors, " << examples << " examples checked, "
      << problems << (problems == 1 ? " problem" : " problems") << '\n';
  return problems == 0 ? 0 : 1;
}

}  // namespace

int run_rules(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty() || args[0] == "-h" || args[0] == "--help") {
    (args.empty() ? err : out) << kRulesHelp;
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "patterns") return run_patterns(args, out, err);
  if (args[0] == "words") return run_words(args, out, err);
  if (args[0] == "lint") return run_lint(args, out, err);
  err << "consentlens rules: unknown command \"" << args[0] << "\" (try: consentlens rules lint)\n";
  return 2;
}

}  // namespace consentlens
