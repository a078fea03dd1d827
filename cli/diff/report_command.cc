// consentlens report FILE: one page per document, the answers to the questions people ask of a
// terms or privacy text (may they train AI on my content, on my usage data, with whose consent,
// which third-party models, what licence do I grant, can I opt out and who can), each with the
// clauses it comes from and their sections (docs/diff.md).
#include <algorithm>
#include <cctype>
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
constexpr int kWeightGap = 5;           // how far below the best clause a quoted one may be (weight())

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
  // "They do not use the input content or prompts for training their machine learning models":
  // what the other companies whose AI it uses may not do, no answer about the company's own
  // training; it answers who else's AI comes in.
  if (q == "train_content") return m.ai && !m.stance.empty() && !usage_data(m) && !m.third_parties_only;
  if (q == "train_usage") return m.ai && usage_data(m) && !m.third_parties_only;
  if (q == "consent") return !m.consent_holder.empty() && (m.ai || !m.stance.empty() || m.develops || m.about_content) && !m.staff_access;
  if (q == "third_party_models") return m.third_party_models || (m.third_parties_only && m.stance == "prohibits");
  // A licence with its terms ("perpetual, worldwide"), not every mention of one.
  if (q == "licence") return m.grants_licence && !m.licence.empty();
  // A choice about the use of data or AI, not "any third party that you allow" to log in.
  // "By using AIs, you instruct us to share ...": a yes given by using is no way to say no.
  if (q == "opt_out") return (m.opt_out || (m.opt_in && !m.by_use)) && (m.ai || !m.stance.empty() || m.vendor_use || m.develops);
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

struct ReportArgs {
  bool json = false, markdown = false, help = false;
  std::string vendor, date, pack_dir, file;
};

ReportArgs parse_args(const std::vector<std::string>& args) {
  ReportArgs r;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
      return args[++i];
    };
    if (a == "-h" || a == "--help") {
      r.help = true;
      return r;
    }
    if (a == "--json") r.json = true;
    else if (a == "--markdown") r.markdown = true;
    else if (a == "--vendor") r.vendor = value();
    else if (a == "--date") r.date = value();
    else if (a == "--pack") r.pack_dir = value();
    else if ((a == "-" || a.empty() || a[0] != '-') && r.file.empty()) r.file = a;
    else throw UsageError((a[0] == '-' && a != "-" ? "unknown option " : "one file only, not also ") + a + " (see consentlens report --help)");
  }
  if (r.file.empty()) throw UsageError("name a file (see consentlens report --help)");
  if (r.json && r.markdown) throw UsageError("--json and --markdown do not go together");
  if (!r.date.empty() && !is_iso_date(r.date)) throw UsageError("a date must be written YYYY-MM-DD, not \"" + r.date + "\"");
  if (!r.vendor.empty() && contract::index_of(contract::vendors(), r.vendor) < 0)
    throw UsageError("--vendor: unknown vendor \"" + r.vendor + "\"");
  return r;
}

// What one page needs: the knowledge's phrases with the company's name put in.
struct Page {
  const Knowledge& k;
  const docs::Company& company;
  std::string phrase(const char* group, const std::string& key) const {
    return replace_all(k.phrase(group, key), "{vendor}", company.name);
  }
};

using Hit = std::pair<const docs::Sentence*, docs::ClauseMeaning>;

// The answer to one question from the clauses that speak to it, or "not stated".
std::string answer_of(const Page& p, const std::string& q, const std::vector<Hit>& found) {
  if (found.empty()) return p.phrase("report", "not_stated");
  std::set<std::string> stances, holders, terms;
  for (const auto& [s, m] : found) {
    // "the recipients of the information may use it ... to train their artificial intelligence
    // models": what it allows is other companies' training, not the service's.
    if (m.others_own_models) stances.insert(p.phrase("report", "others_train"));
    else if (!m.stance.empty()) stances.insert(p.phrase("diff_stance", m.stance));
    if (!m.consent_holder.empty()) holders.insert(p.k.phrase("diff_holder", m.consent_holder));
    for (const auto& t : m.licence) terms.insert(std::string(contract::label("license_terms", t)));
  }
  if ((q == "train_content" || q == "train_usage") && !stances.empty()) {
    const bool way_out = std::any_of(found.begin(), found.end(), [](const Hit& h) { return h.second.stance == "permits" && h.second.opt_out; });
    std::string answer = replace_all(p.phrase("report", "says"), "{what}", join(stances));
    if (way_out) answer += ' ' + p.phrase("diff", "can_opt_out");
    return answer;
  }
  if (q == "consent") return replace_all(p.phrase("report", "holders"), "{who}", join(holders));
  if (q == "third_party_models") {
    std::string answer = p.phrase("report", "third_party_yes");
    if (std::any_of(found.begin(), found.end(), [](const Hit& h) { return h.second.third_parties_only && h.second.stance == "prohibits"; }))
      answer += ' ' + p.phrase("report", "third_party_barred");
    return answer;
  }
  if (q == "licence")
    return terms.empty() ? p.phrase("report", "licence_plain") : replace_all(p.phrase("report", "licence_terms"), "{terms}", join(terms));
  if (q == "opt_out") return p.phrase("report", "opt_out_yes");
  return p.phrase("report", "not_stated");
}

// How squarely a sentence answers question `q`: a long privacy policy has dozens of sentences
// that touch AI ("Anthropic is an AI safety and research company ..."), and the page shows the
// few that say what is done with the reader's data ("We may use your Inputs and Outputs to train
// our models ..., unless you opt out").
int weight(const std::string& q, const docs::ClauseMeaning& m, std::string_view text) {
  int w = 0;
  if (!m.stance.empty()) w += 3;  // a training predicate with its stance, not only AI words
  if (!m.data.empty()) w += 2;    // names what data
  if (m.vendor_use) w += 1;       // the company does something with it
  // The reader's own data or choice ("your Inputs", "unless you opt out"), not data in general.
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower.find("your ") != std::string::npos || lower.find("you ") != std::string::npos) w += 2;
  if (q == "opt_out") w += (m.ai ? 3 : 0) + (m.opt_out ? 2 : 0);  // saying no to AI, not "if you choose to purchase"
  if (q == "consent") w += m.ai || !m.stance.empty() ? 2 : 0;
  if (q == "licence") w += static_cast<int>(m.licence.size());
  // A heading or a cut-off fragment says less than a sentence.
  if (std::count(text.begin(), text.end(), ' ') < 6) w -= 3;
  return w;
}

// Every question with its answer and the clauses (at most kMaxClauses, the most telling, in
// the document's order) it comes from.
Json answer_all(const Page& p, const Lexicon& lexicon, const docs::Version& v) {
  std::map<std::string, std::vector<Hit>> hits;
  for (const auto& s : v.doc.sentences) {
    const docs::ClauseMeaning m = docs::read_meaning(lexicon, s.text, p.company.names);
    for (const char* q : kQuestions)
      if (answers(q, m)) hits[q].push_back({&s, m});
  }
  for (auto& [q, list] : hits) {
    std::vector<std::size_t> order(list.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::vector<int> w(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) w[i] = weight(q, list[i].second, list[i].first->text);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return w[a] > w[b]; });
    // A sentence far below the best one only touches the question ("if you choose to purchase"
    // beside "unless you opt out" of training).
    const int best = order.empty() ? 0 : w[order.front()];
    std::erase_if(order, [&](std::size_t i) { return w[i] < best - kWeightGap; });
    if (order.size() > kMaxClauses) order.resize(kMaxClauses);
    std::sort(order.begin(), order.end());
    std::vector<Hit> kept;
    for (std::size_t i : order) kept.push_back(std::move(list[i]));
    list = std::move(kept);
  }
  Json out = Json::array();
  for (const char* q : kQuestions) {
    const std::string key = q;
    Json clauses = Json::array();
    for (const auto& [s, m] : hits[key]) {
      const docs::Excerpt e = docs::part_at(*s, key == "licence" ? m.anchor : key == "consent" ? m.holder_at : m.ai_at);
      clauses.push_back({{"section", s->section},
                         {"stance", m.stance.empty() ? Json(nullptr) : Json(m.stance)},
                         {"text", e.text},
                         {"start", e.begin},
                         {"end", e.end}});
    }
    out.push_back({{"question", key}, {"asks", p.phrase("report", key)}, {"answer", answer_of(p, key, hits[key])}, {"clauses", clauses}});
  }
  return out;
}

// The page for people: plain text, or Markdown with --markdown.
void print_page(std::ostream& out, const Page& p, const docs::Version& v, const Json& answers_json, const Json& policy, bool markdown) {
  const std::string h1 = markdown ? "# " : "", h2 = markdown ? "\n## " : "\n", q1 = markdown ? "> " : "    \"", q2 = markdown ? "" : "\"";
  out << h1 << p.company.name << ": " << v.name << (v.date.empty() ? "" : " (" + v.date + ")") << "\n";
  for (const auto& a : answers_json) {
    out << h2 << a["asks"].get<std::string>() << "\n" << (markdown ? "\n" : "  ") << a["answer"].get<std::string>() << "\n";
    for (const auto& c : a["clauses"])
      out << (markdown ? "\n" : "") << (markdown ? "" : "  ") << q1 << c["text"].get<std::string>() << q2 << " ("
          << c["section"].get<std::string>() << ")\n";
  }
  if (policy.empty()) return;
  out << h2 << p.phrase("report", "policy") << (v.date.empty() ? "" : " (" + v.date + ")") << "\n";
  for (const auto& pol : policy)
    out << (markdown ? "\n- " : "  - ") << pol["say"].get<std::string>() << " (" << pol["source"]["title"].get<std::string>() << ", "
        << pol["source"]["date"].get<std::string>() << ")\n";
}

}  // namespace

int run_report(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  try {
    const ReportArgs a = parse_args(args);
    if (a.help) {
      out << kReportHelp;
      return 0;
    }
    const auto engine = a.pack_dir.empty() ? std::make_unique<Engine>() : std::make_unique<Engine>(read_pack_dir(a.pack_dir));
    const Lexicon& lexicon = engine->lexicon();  // the engine's own, read from the pack digest: building a second one costs most of a run
    const docs::Version v = docs::read_version(lexicon, a.file, a.date);
    const docs::Company company = docs::company_of(lexicon, a.vendor, v.doc);
    const Page page{engine->knowledge(), company};
    const Json answers_json = answer_all(page, lexicon, v);
    Json policy = Json::array();
    for (const auto& p : docs::training_policy(engine->knowledge(), company.vendor, v.date))
      policy.push_back({{"say", p.say}, {"source", {{"url", p.source_url}, {"date", p.source_date}, {"title", p.source_title}}}});
    if (a.json) {
      const Json doc{{"input", {{"name", v.name}, {"date", v.date.empty() ? Json(nullptr) : Json(v.date)}, {"vendor", company.vendor}}},
                     {"answers", answers_json},
                     {"policy", policy}};
      out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    } else {
      print_page(out, page, v, answers_json, policy, a.markdown);
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
