// consentlens diff OLD NEW: what changed in meaning about AI and data use between two versions
// of a terms, privacy or help document (docs/diff.md).
#include <iostream>
#include <memory>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "contract.h"
#include "diff/doc_diff.h"
#include "diff/summary.h"
#include "diff/vendor_policy.h"
#include "diff/version_input.h"
#include "doc_date.h"
#include "engine.h"
#include "html_text.h"
#include "input.h"
#include "normalize.h"
#include "pack_dir.h"
#include "utf8.h"

namespace consentlens {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kDiffHelp = R"(Usage: consentlens diff [options] OLD NEW

Compares two versions of a terms of service, privacy statement or help page and reports what
changed in meaning about AI training, data use, licences, consent, third-party AI models,
opt-in and opt-out, and retention. Edits that change nothing in meaning (layout, renumbering,
links, typos, rewording) are counted, not listed.

OLD and NEW may be plain text, Markdown or HTML.

Options:
  --json               print {"old", "new", "changes", "noise"} (the findings contract)
  --markdown           print a report to paste into an issue or a newsletter
  --fail-on C[,C]      exit 1 if a change of one of these kinds is found (stance_changed,
                       scope_widened, scope_narrowed, license_changed, consent_holder_changed,
                       third_party_models_added, third_party_models_removed, opt_out_added,
                       opt_in_added, retention_changed, new_ai_clause, ai_clause_removed,
                       other_data_use)
  --show-noise         also list the wording-only edits
  --vendor V           the vendor whose document it is (its name is used in the sentences)
  --date OLD,NEW, --old-date D, --new-date D
                       the versions' dates (YYYY-MM-DD); without them, the date a document
                       gives itself, else one in its file name. A date picks the vendor's
                       facts in force that day, shown under the changes.
  --pack DIR           use the rule and knowledge packs in DIR instead of the built-in ones
  -h, --help           show this help

Exit status: 0 done, 1 a --fail-on change was found, 2 unusable input or arguments.
)";

constexpr std::string_view kChangeKinds[] = {"stance_changed", "scope_widened", "scope_narrowed", "license_changed",
                                             "consent_holder_changed", "third_party_models_added",
                                             "third_party_models_removed", "opt_out_added", "opt_in_added",
                                             "retention_changed", "new_ai_clause", "ai_clause_removed", "other_data_use"};

struct DiffOptions {
  bool json = false, markdown = false, show_noise = false;
  std::set<std::string> fail_on;
  std::string vendor, pack_dir, old_file, new_file, old_date, new_date;
};

DiffOptions parse(const std::vector<std::string>& args) {
  DiffOptions o;
  std::vector<std::string> files;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
      return args[++i];
    };
    if (a == "--json") o.json = true;
    else if (a == "--markdown") o.markdown = true;
    else if (a == "--show-noise") o.show_noise = true;
    else if (a == "--vendor") o.vendor = value();
    else if (a == "--pack") o.pack_dir = value();
    else if (a == "--old-date") o.old_date = value();
    else if (a == "--new-date") o.new_date = value();
    else if (a == "--date") {  // --date OLD,NEW
      const std::string both = value();
      const std::size_t comma = both.find(',');
      if (comma == std::string::npos) throw UsageError("--date takes two dates: OLD,NEW (YYYY-MM-DD,YYYY-MM-DD)");
      o.old_date = both.substr(0, comma);
      o.new_date = both.substr(comma + 1);
    }
    else if (a == "--fail-on") {
      std::stringstream ss(value());
      for (std::string k; std::getline(ss, k, ',');) {
        if (std::find(std::begin(kChangeKinds), std::end(kChangeKinds), k) == std::end(kChangeKinds))
          throw UsageError("--fail-on: unknown change \"" + k + "\" (see consentlens diff --help)");
        o.fail_on.insert(k);
      }
    } else if (a == "-" || a.empty() || a[0] != '-') files.push_back(a);
    else throw UsageError("unknown option " + a + " (see consentlens diff --help)");
  }
  if (files.size() != 2) throw UsageError("name two files: OLD NEW (see consentlens diff --help)");
  if (files[0] == "-" && files[1] == "-") throw UsageError("only one of OLD and NEW can be standard input");
  if (o.json && o.markdown) throw UsageError("--json and --markdown do not go together");
  for (const auto* d : {&o.old_date, &o.new_date})
    if (!d->empty() && !is_iso_date(*d)) throw UsageError("a date must be written YYYY-MM-DD, not \"" + *d + "\"");
  if (!o.vendor.empty() && contract::index_of(contract::vendors(), o.vendor) < 0)
    throw UsageError("--vendor: unknown vendor \"" + o.vendor + "\"");
  o.old_file = files[0];
  o.new_file = files[1];
  return o;
}

using docs::Version;

Json quote(const docs::Sentence* s) {
  if (!s) return nullptr;
  return Json{{"text", s->text}, {"start", s->begin}, {"end", s->end}};
}

Json quote(const docs::Sentence* s, const docs::Excerpt& e) {
  if (!s) return nullptr;
  return Json{{"text", e.text}, {"start", e.begin}, {"end", e.end}};
}

Json stance_json(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json version_json(const Version& v) { return Json{{"name", v.name}, {"date", v.date.empty() ? Json(nullptr) : Json(v.date)}}; }

// What the vendor said about training on each version's date (the facts in force then).
struct Policies {
  std::string title_old, title_new;
  std::vector<docs::PolicyLine> old_lines, new_lines;
};

void print_policy(std::ostream& out, const std::string& title, const std::vector<docs::PolicyLine>& lines, bool markdown) {
  if (lines.empty()) return;
  out << (markdown ? "\n**" : "\n") << title << (markdown ? "**\n\n" : ":\n");
  for (const auto& l : lines) out << (markdown ? "- " : "  - ") << l.say << " (" << l.source_title << ", " << l.source_date << ")\n";
}

void print_human(std::ostream& out, const Version& o, const Version& n, const Json& changes, const docs::Comparison& c,
                 bool show_noise, const Policies& policies) {
  auto dated = [](const Version& v) { return v.name + (v.date.empty() ? "" : " (" + v.date + ")"); };
  out << dated(o) << " -> " << dated(n) << ": " << changes.size() << (changes.size() == 1 ? " change" : " changes")
      << " in meaning; " << c.noise.size() << " wording edits not listed" << (show_noise ? "" : " (--show-noise lists them)")
      << "\n";
  for (const auto& ch : changes) {
    out << "\n== " << ch["change"].get<std::string>() << (ch["section"].get<std::string>().empty() ? "" : " - " + ch["section"].get<std::string>())
        << " ==\n  " << ch["summary"].get<std::string>() << "\n";
    if (!ch["old"].is_null()) out << "  Before: \"" << ch["old"]["text"].get<std::string>() << "\"\n";
    if (!ch["new"].is_null()) out << "  Now:    \"" << ch["new"]["text"].get<std::string>() << "\"\n";
  }
  print_policy(out, policies.title_old, policies.old_lines, false);
  if (policies.new_lines.size() != policies.old_lines.size() || policies.title_new != policies.title_old)
    print_policy(out, policies.title_new, policies.new_lines, false);
  if (show_noise)
    for (const auto& e : c.noise)
      out << "\n-- wording --\n" << (e.old_sentence ? "  Before: \"" + e.old_sentence->text + "\"\n" : "")
          << (e.new_sentence ? "  Now:    \"" + e.new_sentence->text + "\"\n" : "");
}

void print_markdown(std::ostream& out, const Version& o, const Version& n, const Json& changes, const docs::Comparison& c,
                    const Policies& policies) {
  auto dated = [](const Version& v) { return "`" + v.name + "`" + (v.date.empty() ? "" : " (" + v.date + ")"); };
  out << "# What changed about AI and your data\n\n" << dated(o) << " → " << dated(n) << "\n\n"
      << changes.size() << (changes.size() == 1 ? " change" : " changes") << " in meaning; " << c.noise.size()
      << " wording edits not listed.\n";
  for (const auto& ch : changes) {
    out << "\n## " << ch["change"].get<std::string>();
    if (!ch["section"].get<std::string>().empty()) out << " — " << ch["section"].get<std::string>();
    out << "\n\n" << ch["summary"].get<std::string>() << "\n";
    if (!ch["old"].is_null()) out << "\n> Before: " << ch["old"]["text"].get<std::string>() << "\n";
    if (!ch["new"].is_null()) out << "\n> Now: " << ch["new"]["text"].get<std::string>() << "\n";
  }
  print_policy(out, policies.title_old, policies.old_lines, true);
  if (policies.new_lines.size() != policies.old_lines.size() || policies.title_new != policies.title_old)
    print_policy(out, policies.title_new, policies.new_lines, true);
  out << "\n---\nMade with `consentlens diff`. Quotes are from the two versions as given.\n";
}

}  // namespace

int run_diff(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  for (const auto& a : args)
    if (a == "-h" || a == "--help") {
      out << kDiffHelp;
      return 0;
    }
  try {
    const DiffOptions o = parse(args);
    const auto engine = o.pack_dir.empty() ? std::make_unique<Engine>() : std::make_unique<Engine>(read_pack_dir(o.pack_dir));
    const Lexicon& lexicon = engine->lexicon();  // the engine's own, read from the pack digest: building a second one costs most of a run
    const Version older = docs::read_version(lexicon, o.old_file, o.old_date);
    const Version newer = docs::read_version(lexicon, o.new_file, o.new_date);
    const docs::Company company = docs::company_of(lexicon, o.vendor, newer.doc);
    const std::string& vendor_name = company.name;
    const docs::Comparison c = docs::compare(lexicon, older.doc, newer.doc, company.names);
    Json changes = Json::array();
    bool fail = false;
    for (const auto& ch : c.changes) {
      changes.push_back({{"change", ch.change},
                         {"section", ch.section},
                         {"old_stance", stance_json(ch.old_stance)},
                         {"new_stance", stance_json(ch.new_stance)},
                         {"old", quote(ch.old_sentence, ch.old_quote)},
                         {"new", quote(ch.new_sentence, ch.new_quote)},
                         {"summary", docs::summarize(engine->knowledge(), ch, vendor_name)}});
      if (o.fail_on.count(ch.change)) fail = true;
    }
    if (o.json) {
      Json doc{{"old", version_json(older)}, {"new", version_json(newer)}, {"changes", changes}, {"noise", c.noise.size()}};
      if (o.show_noise) {
        Json noise = Json::array();
        for (const auto& e : c.noise) noise.push_back({{"old", quote(e.old_sentence)}, {"new", quote(e.new_sentence)}});
        doc["noise_edits"] = noise;
      }
      out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    } else {
      Policies p;
      const std::string heading = engine->knowledge().phrase("report", "policy");
      const auto title = [&](const Version& v) {
        std::string t = heading;
        if (const auto at = t.find("{vendor}"); at != std::string::npos) t.replace(at, 8, vendor_name);
        return t + (v.date.empty() ? "" : " (" + v.date + ")");
      };
      p.title_old = title(older), p.title_new = title(newer);
      p.old_lines = docs::training_policy(engine->knowledge(), company.vendor, older.date);
      p.new_lines = docs::training_policy(engine->knowledge(), company.vendor, newer.date);
      if (o.markdown) print_markdown(out, older, newer, changes, c, p);
      else print_human(out, older, newer, changes, c, o.show_noise, p);
    }
    return fail ? 1 : 0;
  } catch (const UsageError& e) {
    err << "consentlens diff: " << e.what() << '\n';
  } catch (const PackError& e) {
    err << "consentlens diff: the rule pack is broken:\n" << e.what() << '\n';
  }
  return 2;
}

}  // namespace consentlens
