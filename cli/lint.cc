#include <iostream>
#include <memory>

#include "commands.h"
#include "engine.h"
#include "input.h"
#include "normalize.h"
#include "pack_dir.h"
#include "utf8.h"

#include <re2/re2.h>

namespace consentlens {
namespace {

constexpr const char* kRulesHelp = R"(Usage: consentlens rules lint [--pack DIR]
       consentlens rules patterns [--pack DIR]

Loads the rule and knowledge packs (built in, or from DIR such as core/), validates every
file, compiles every pattern, and runs every rule on its own "fire" and "silent" examples.
Problems are printed as "file: rule id: problem". Exit status 0 if all is well, 1 if a rule
disagrees with its examples, 2 if the pack does not load.
"patterns" prints every compiled pattern, one a line (used by bench/ to compare with grep).
)";

}  // namespace

int run_rules(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty() || args[0] == "-h" || args[0] == "--help") {
    (args.empty() ? err : out) << kRulesHelp;
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "patterns") {  // every compiled pattern, one a line (for benchmarks against grep)
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
  if (args[0] != "lint") {
    err << "consentlens rules: unknown command \"" << args[0] << "\" (try: consentlens rules lint)\n";
    return 2;
  }
  std::string pack_dir;
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--pack" && i + 1 < args.size()) pack_dir = args[++i];
    else {
      err << "consentlens rules lint: unknown argument \"" << args[i] << "\"\n";
      return 2;
    }
  }
  std::unique_ptr<Engine> engine;
  try {
    // The built-in packs too are loaded with every pattern and vocabulary entry parsed (the
    // engine's own start-up skips that for them, trusting this check).
    engine = std::make_unique<Engine>(pack_dir.empty() ? embedded_pack() : read_pack_dir(pack_dir));
  } catch (const UsageError& e) {
    err << "consentlens rules lint: " << e.what() << '\n';
    return 2;
  } catch (const PackError& e) {
    err << e.what() << '\n';
    return 2;
  }
  const auto& rules = engine->rules().rules();
  std::size_t problems = 0, examples = 0;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    const Rule& rule = rules[r];
    auto check = [&](const RuleExample& ex, bool should_fire) {
      ++examples;
      const std::string text = normalize(repair_utf8(ex.text).text).text;
      if (engine->matcher().fires_alone(r, text) != should_fire) {
        ++problems;
        err << rule.file << ": " << rule.id << ": " << (should_fire ? "does not fire on its example " : "fires on its silent example ")
            << '"' << ex.text << "\"\n";
      }
    };
    for (const auto& ex : rule.fire) check(ex, true);
    for (const auto& ex : rule.silent) check(ex, false);
  }
  // Every vocabulary class must compile on its own too, including the classes that only the
  // readers of state and stance use (no rule names them, so the matcher never compiles them).
  for (const auto& cls : engine->rules().vocabulary().classes()) {
    std::string re, error;
    if (!engine->rules().vocabulary().expand("{" + cls + "}", re, error)) {
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
  // Every pattern must also compile within its memory budget (at run time each is compiled
  // only when a page first needs it).
  for (const auto& problem : engine->matcher().compile_all()) {
    ++problems;
    err << problem << '\n';
  }
  out << "consentlens rules lint: " << rules.size() << " rules, " << engine->rules().vocabulary().languages().size()
      << " vocabularies, " << engine->knowledge().vendors().size() << " vendors, " << examples << " examples checked, "
      << problems << (problems == 1 ? " problem" : " problems") << '\n';
  return problems == 0 ? 0 : 1;
}

}  // namespace consentlens
