// consentlens report FILE: one page per document, the answers to the questions people ask of a
// terms or privacy text (may they train AI on my content, on my usage data, with whose consent,
// which third-party models, what licence do I grant, can I opt out and who can), each with the
// clauses it comes from and their sections (docs/diff.md).
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "contract.h"
#include "diff/clause_meaning.h"
#include "diff/excerpt.h"
#include "diff/vendor_policy.h"
#include "diff/version_input.h"
#include "doc_date.h"
#include "engine.h"
#include "input.h"
#include "pack_dir.h"

namespace consentlens {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kMaxClauses = 4;  // quotes per answer: the page stays one page

constexpr const char* kReportHelp = R"(Usage: consentlens report [options] FILE

One page for a terms of service or privacy statement: may they train AI on your content, on
your usage data, whose yes counts, which AI from other companies, what licence you give, and
whether you can opt out, each with the clauses and sections it comes from.

FILE may be plain text, Markdown or HTML, or - for standard input.

Options:
  --json          print {"input": {"name", "date", "vendor"}, "answers": [...], "policy": [...]}
  --markdown      print the page as Markdown
  --vendor V      the vendor whose document it is (else read from the text)
  --date D        the version's date (YYYY-MM-DD); else the date the document gives itself,
                  else one in its file name. It picks the vendor facts in force that day.
  --pack DIR      use the rule and knowledge packs in DIR instead of the built-in ones
  -h, --help      show this help

Exit status: 0 done, 2 unusable input or arguments.
)";

constexpr const char* kQuestions[] = {"train_content", "train_usage", "consent", "third_party_models", "licence", "opt_out"};

bool usage_data(const docs::ClauseMeaning& m) {
  for (const auto& d : m.data)
    if (d.find("service generated") != std::string::npos || d.find("usage") != std::string::npos ||
        d.find("telemetry") != std::string::npos || d.find("diagnostic") != std::string::npos)
      return true;
  return false;
}

// Whether a sentence answers a question, and where its quote starts.
bool answers(const std::string& q, const docs::ClauseMeaning& m) {
  if (q == "train_content") return m.ai && !m.stance.empty() && !usage_data(m);
  if (q == "train_usage") return m.ai && usage_data(m);
  if (q == "consent") return !m.consent_holder.empty() && (m.ai || !m.stance.empty() || m.develops || m.about_content) && !m.staff_access;
  if (q == "third_party_models") return m.third_party_models;
  // A licence with its terms ("perpetual, worldwide"), not every mention of one.
  if (q == "licence") return m.grants_licence && !m.licence.empty();
  // A choice about the use of data or AI, not "any third party that you allow" to log in.
  if (q == "opt_out") return (m.opt_out || m.opt_in) && (m.ai || !m.stance.empty() || m.vendor_use || m.develops);
  return false;
}

std::string join(const std::set<std::string>& words) {
  std::string out;
  std::size_t i = 0;
  for (const auto& w : words) {
    if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
    out += w;
    ++i;
  }
  return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
  return s;
}

}  // namespace

int run_report(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  bool json = false, markdown = false;
  std::string vendor, date, pack_dir, file;
  try {
    for (std::size_t i = 0; i < args.size(); ++i) {
      const std::string& a = args[i];
      auto value = [&]() -> std::string {
        if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
        return args[++i];
      };
      if (a == "-h" || a == "--help") {
        out << kReportHelp;
        return 0;
      }
      if (a == "--json") json = true;
      else if (a == "--markdown") markdown = true;
      else if (a == "--vendor") vendor = value();
      else if (a == "--date") date = value();
      else if (a == "--pack") pack_dir = value();
      else if ((a == "-" || a.empty() || a[0] != '-') && file.empty()) file = a;
      else throw UsageError((a[0] == '-' && a != "-" ? "unknown option " : "one file only, not also ") + a + " (see consentlens report --help)");
    }
    if (file.empty()) throw UsageError("name a file (see consentlens report --help)");
    if (json && markdown) throw UsageError("--json and --markdown do not go together");
    if (!date.empty() && !is_iso_date(date)) throw UsageError("a date must be written YYYY-MM-DD, not \"" + date + "\"");
    if (!vendor.empty() && contract::index_of(contract::vendors(), vendor) < 0) throw UsageError("--vendor: unknown vendor \"" + vendor + "\"");
    const auto engine = pack_dir.empty() ? std::make_unique<Engine>() : std::make_unique<Engine>(read_pack_dir(pack_dir));
    const docs::Version v = docs::read_version(file, date);
    const docs::Company company = docs::company_of(vendor, v.doc.text);
    const Lexicon lexicon(engine->rules().vocabulary());
    const Knowledge& k = engine->knowledge();
    auto phrase = [&](const char* key) { return replace_all(k.phrase("report", key), "{vendor}", company.name); };

    Json answers_json = Json::array();
    std::map<std::string, std::vector<std::pair<const docs::Sentence*, docs::ClauseMeaning>>> hits;
    for (const auto& s : v.doc.sentences) {
      const docs::ClauseMeaning m = docs::read_meaning(lexicon, s.text, company.names);
      for (const char* q : kQuestions)
        if (answers(q, m) && hits[q].size() < kMaxClauses) hits[q].push_back({&s, m});
    }
    for (const char* q : kQuestions) {
      const auto& found = hits[q];
      std::set<std::string> stances, holders, terms;
      for (const auto& [s, m] : found) {
        if (!m.stance.empty()) stances.insert(replace_all(k.phrase("diff_stance", m.stance), "{vendor}", company.name));
        if (!m.consent_holder.empty()) holders.insert(k.phrase("diff_holder", m.consent_holder));
        for (const auto& t : m.licence) terms.insert(std::string(contract::label("license_terms", t)));
      }
      std::string answer = phrase("not_stated");
      const std::string key = q;
      if (!found.empty()) {
        if ((key == "train_content" || key == "train_usage") && !stances.empty()) answer = replace_all(phrase("says"), "{what}", join(stances));
        else if (key == "train_usage") answer = phrase("not_stated");
        else if (key == "consent") answer = replace_all(phrase("holders"), "{who}", join(holders));
        else if (key == "third_party_models") answer = phrase("third_party_yes");
        else if (key == "licence") answer = terms.empty() ? phrase("licence_plain") : replace_all(phrase("licence_terms"), "{terms}", join(terms));
        else if (key == "opt_out") answer = phrase("opt_out_yes");
      }
      Json clauses = Json::array();
      for (const auto& [s, m] : found) {
        const docs::Excerpt e = docs::part_at(*s, key == "licence" ? m.anchor : key == "consent" ? m.holder_at : m.ai_at);
        clauses.push_back({{"section", s->section},
                           {"stance", m.stance.empty() ? Json(nullptr) : Json(m.stance)},
                           {"text", e.text},
                           {"start", e.begin},
                           {"end", e.end}});
      }
      answers_json.push_back({{"question", key}, {"asks", phrase(q)}, {"answer", answer}, {"clauses", clauses}});
    }
    Json policy = Json::array();
    for (const auto& p : docs::training_policy(k, company.vendor, v.date))
      policy.push_back({{"say", p.say}, {"source", {{"url", p.source_url}, {"date", p.source_date}, {"title", p.source_title}}}});

    if (json) {
      Json doc{{"input", {{"name", v.name}, {"date", v.date.empty() ? Json(nullptr) : Json(v.date)}, {"vendor", company.vendor}}},
               {"answers", answers_json},
               {"policy", policy}};
      out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      return 0;
    }
    const std::string h1 = markdown ? "# " : "", h2 = markdown ? "\n## " : "\n", q1 = markdown ? "> " : "    \"", q2 = markdown ? "" : "\"";
    out << h1 << company.name << ": " << v.name << (v.date.empty() ? "" : " (" + v.date + ")") << "\n";
    for (const auto& a : answers_json) {
      out << h2 << a["asks"].get<std::string>() << "\n" << (markdown ? "\n" : "  ") << a["answer"].get<std::string>() << "\n";
      for (const auto& c : a["clauses"])
        out << (markdown ? "\n" : "") << (markdown ? "" : "  ") << q1 << c["text"].get<std::string>() << q2 << " ("
            << c["section"].get<std::string>() << ")\n";
    }
    if (!policy.empty()) {
      out << h2 << phrase("policy") << (v.date.empty() ? "" : " (" + v.date + ")") << "\n";
      for (const auto& p : policy)
        out << (markdown ? "\n- " : "  - ") << p["say"].get<std::string>() << " (" << p["source"]["title"].get<std::string>() << ", "
            << p["source"]["date"].get<std::string>() << ")\n";
    }
    return 0;
  } catch (const UsageError& e) {
    err << "consentlens report: " << e.what() << '\n';
  } catch (const PackError& e) {
    err << "consentlens report: the rule pack is broken:\n" << e.what() << '\n';
  }
  return 2;
}

}  // namespace consentlens
