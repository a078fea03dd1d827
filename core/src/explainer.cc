#include "explainer.h"

#include <algorithm>

#include "contract.h"

namespace consentlens {
namespace {

std::string replace_all(std::string s, std::string_view from, const std::string& to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
  return s;
}

std::string capitalise(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

void append(std::string& text, const std::string& sentence) {
  if (sentence.empty()) return;
  if (!text.empty()) text += ' ';
  text += sentence;
}

bool has(const std::vector<std::string>& v, std::string_view x) { return std::find(v.begin(), v.end(), x) != v.end(); }

class Writer {
 public:
  Writer(const Knowledge& k, const FindingFacts& f, const std::string& vendor_name)
      : k_(k), f_(f), name_(vendor_name) {}

  std::string fill(std::string s) const { return replace_all(replace_all(s, "{vendor}", name_), "{bot}", f_.bot_name); }

  std::string phrase(std::string_view group, std::string_view key) const { return capitalise(fill(k_.phrase(group, key))); }

  // "a, b and c" from phrase keys.
  std::string list(std::string_view group, const std::vector<std::string>& keys) const {
    std::vector<std::string> words;
    for (const auto& key : keys) words.push_back(fill(k_.phrase(group, key)));
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (i > 0) out += i + 1 == words.size() ? " " + k_.phrase("glue", "and") + " " : ", ";
      out += words[i];
    }
    return out;
  }

  // Appends the facts on `topic` that the finding carries, recording their sources.
  void facts(std::string_view topic, std::string& text, std::vector<Source>& sources) const {
    const VendorKnowledge* v = k_.vendor(f_.vendor);
    if (!v) return;
    for (const Fact* fact : f_.facts) {
      if (fact->topic != topic) continue;
      append(text, fact->say);
      const Source& s = v->sources.at(fact->source);
      if (std::none_of(sources.begin(), sources.end(), [&](const Source& x) { return x.url == s.url && x.title == s.title; }))
        sources.push_back(s);
    }
  }

 private:
  const Knowledge& k_;
  const FindingFacts& f_;
  std::string name_;
};

std::string_view summary_group(const FindingFacts& f) {
  if (f.document) return "summary_document";
  switch (f.state) {
    case State::possible: return "summary_possible";
    case State::stopped: return "summary_stopped";
    default: return "summary";
  }
}

std::string summary(const Writer& w, const FindingFacts& f, std::vector<Source>& sources) {
  std::string s = w.phrase(summary_group(f), f.kind);
  if (f.kind == "notetaker_bot" && !f.bot_name.empty()) append(s, w.phrase("bot", "named"));
  if (f.kind == "training_clause") {
    const std::string stance = f.slots.scalar("stance").empty() ? "unspecified" : f.slots.scalar("stance");
    append(s, f.third_parties_only ? w.phrase("stance_scope", "third_parties_only")
              : f.others_train     ? w.phrase("stance_scope", "others_train")
                                   : w.phrase("stance", stance));
    const auto scope = f.slots.list("data_scope");
    if (has(scope, "deidentified") && stance != "prohibits") append(s, w.phrase("stance_scope", "deidentified"));
    if (has(scope, "service_generated")) append(s, w.phrase("stance_scope", "service_generated"));
    const auto terms = f.slots.list("license_terms");
    if (!terms.empty()) {
      // One short sentence per licence term: "It never ends. You cannot take it back."
      append(s, w.phrase("glue", "license"));
      for (const auto& t : terms) append(s, w.phrase("license", t));
    }
    if (f.slots.scalar("third_party_models") == "yes" && !f.others_train) append(s, w.phrase("third_party_models", "yes"));
  }
  // A vendor's facts about a live notice; a document speaks for itself.
  if (!f.document && f.state != State::stopped) w.facts("summary", s, sources);
  return s;
}

std::string who_consented(const Writer& w, const FindingFacts& f, std::vector<Source>& sources) {
  const auto consent = f.slots.list("consent_by");
  std::string s;
  if (f.document) {
    for (const auto& c : consent) append(s, w.phrase("who_consented_document", c));
    return s;
  }
  // A terms prompt asks the reader: whoever else agreed, this yes is theirs to give.
  if (f.kind == "terms_prompt" && (has(consent, "participant") || has(consent, "each_participant"))) {
    for (const auto& c : consent)
      if (c != "participant" && c != "each_participant") append(s, w.phrase("who_consented", c));
    append(s, w.phrase("glue", "terms_you_accept"));
    w.facts("who_consented", s, sources);
    return s;
  }
  // A message to the host who runs it ("You are recording this meeting. Consider letting
  // everyone know ..."; "Are you sure you want to stop the recording?"): the reader is the one who
  // said yes, so "you were not asked" would be false.
  const auto choices = f.slots.list("your_choices");
  if (f.state == State::active && has(consent, "host") && choices.size() == 1 && choices.front() == "none") {
    append(s, w.phrase("glue", "host_facing"));
    w.facts("who_consented", s, sources);
    return s;
  }
  // The heart of the product: someone else said yes for the whole meeting. When each person is
  // asked as well, they are asked after the fact (stay or leave), and that is said instead.
  // What only may happen ("The host would like to record this meeting", "Streaming does not start
  // until everyone here consents") is not yet switched on: the host decides whether it runs.
  const bool may_happen = f.state == State::possible;
  const char* group = may_happen ? "who_consented_possible" : "who_consented";
  const bool decided_for_others = has(consent, "host") || has(consent, "account_admin") || has(consent, "organizer");
  const bool host_or_admin = has(consent, "host") && has(consent, "account_admin");
  if (host_or_admin) append(s, w.phrase("glue", may_happen ? "host_or_admin_possible" : "host_or_admin"));
  for (const auto& c : consent) {
    if (host_or_admin && (c == "host" || c == "account_admin")) continue;
    if (decided_for_others && c == "each_participant") continue;
    append(s, w.phrase(group, c));
  }
  const bool asked = f.consent_model == ConsentModel::explicit_opt_in || has(consent, "each_participant");
  if (decided_for_others && f.state != State::stopped)
    append(s, w.phrase("glue", may_happen ? (asked ? "asked_before_it_runs" : "for_everyone_possible")
                                          : (asked ? "for_everyone_then_asked" : "for_everyone")));
  w.facts("who_consented", s, sources);
  return s;
}

std::string your_choices(const Writer& w, const FindingFacts& f, std::vector<Source>& sources) {
  const auto choices = f.slots.list("your_choices");
  std::string s;
  if (f.document) {
    // "Ask your admin" only where an admin or an account decides for the reader: a consumer's
    // terms have no one to ask.
    const bool admin = decided_by_account(f.slots);
    for (const auto& c : choices) append(s, w.phrase("your_choices_document", c == "unknown" && !admin ? "unknown_own" : c));
    if (s.empty()) s = w.phrase("your_choices_document", admin ? "unknown" : "unknown_own");
    return s;
  }
  if (f.state == State::stopped) return w.phrase("consent_model", "stopped");
  switch (f.consent_model) {
    case ConsentModel::explicit_opt_in: {
      append(s, w.phrase("consent_model", "explicit"));
      const auto outcome = f.slots.list("on_decline");
      append(s, w.phrase("on_decline", outcome.empty() ? "unknown" : outcome.front()));
      break;
    }
    case ConsentModel::none_asked: append(s, w.phrase("consent_model", "none_asked")); break;
    case ConsentModel::account_setting: append(s, w.phrase("consent_model", "account_setting")); break;
    default: break;
  }
  // Stay-or-leave is the whole choice more often than not; say so instead of listing two options.
  const bool stay_or_leave = choices.size() == 2 && has(choices, "stay_means_consent") && has(choices, "leave");
  for (const auto& c : choices) {
    if (stay_or_leave && c == "leave") continue;
    if (f.consent_model == ConsentModel::explicit_opt_in && (c == "accept" || c == "decline")) continue;  // said above
    if (f.consent_model == ConsentModel::none_asked && (c == "leave" || c == "ask_host" || c == "unknown")) continue;
    append(s, w.phrase("your_choices", c));
  }
  if (stay_or_leave) append(s, w.phrase("glue", "stay_is_yes"));
  if (f.kind == "notetaker_bot") append(s, w.phrase("glue", "bot_no"));
  w.facts("your_choices", s, sources);
  return s;
}

std::string data_flow(const Writer& w, const FindingFacts& f, std::vector<Source>& sources) {
  const auto data = f.slots.list("data");
  const auto dest = f.slots.list("destinations");
  std::string flow = w.fill(w.phrase("glue", "data_flow"));
  flow = replace_all(flow, "{data}", w.list("data", data.empty() ? std::vector<std::string>{"unknown"} : data));
  flow = replace_all(flow, "{destinations}", w.list("destinations", dest.empty() ? std::vector<std::string>{"unknown"} : dest));
  std::string s = capitalise(flow);
  if (!f.document) w.facts("data_flow", s, sources);
  return s;
}

std::string training(const Writer& w, const FindingFacts& f, std::vector<Source>& sources) {
  const std::string value = f.slots.scalar("training").empty() ? "unknown" : f.slots.scalar("training");
  // A clause speaks for itself; the vendor's policy of another day would blur what this text says.
  if (f.kind == "training_clause") {
    if (f.third_parties_only) return w.phrase("training_document", "third_parties_only");
    if (f.others_train && value == "yes") return w.phrase("training_document", "others_train");
    if (value == "with_consent")
      return w.phrase("training_document", has(f.slots.list("consent_by"), "account_admin") ? "with_consent_admin" : "with_consent_you");
    return w.phrase("training_document", value);
  }
  std::string s = w.phrase("training", value);
  w.facts("training", s, sources);
  return s;
}

}  // namespace

Explanation explain(const Knowledge& knowledge, const FindingFacts& f) {
  const std::string name(contract::label("vendors", f.vendor));  // "the service" for a vendor not named
  const Writer w(knowledge, f, name);
  Explanation e;
  e.summary = summary(w, f, e.sources);
  e.who_consented = who_consented(w, f, e.sources);
  if (e.who_consented.empty()) e.who_consented = w.phrase(f.document ? "who_consented_document" : "who_consented", "unknown");
  e.your_choices = your_choices(w, f, e.sources);
  if (e.your_choices.empty()) e.your_choices = w.phrase(f.document ? "your_choices_document" : "your_choices", "unknown");
  e.data_flow = data_flow(w, f, e.sources);
  e.training = training(w, f, e.sources);
  return e;
}

bool decided_by_account(const Slots& slots) {
  const auto consent = slots.list("consent_by");
  return has(consent, "account_admin") || has(consent, "organizer");
}

std::vector<PhraseKey> phrases_used() {
  std::vector<PhraseKey> out;
  auto add = [&](const char* group, auto keys) {
    for (const auto& k : keys) out.push_back({group, std::string(k)});
  };
  for (const char* g : {"summary", "summary_possible", "summary_stopped", "summary_document"}) add(g, contract::kinds());
  for (const char* g : {"who_consented", "who_consented_document"}) add(g, contract::consent_by());
  for (const char* g : {"your_choices", "your_choices_document"}) add(g, contract::your_choices());
  out.push_back({"your_choices_document", "unknown_own"});
  add("who_consented_possible", contract::consent_by());
  for (const char* g : {"host_or_admin_possible", "asked_before_it_runs", "for_everyone_possible"}) out.push_back({"glue", g});
  add("stance", contract::stance());
  add("license", contract::license_terms());
  add("data", contract::data());
  add("destinations", contract::destinations());
  add("training", contract::training());
  add("on_decline", contract::on_decline());
  using L = std::initializer_list<const char*>;
  add("on_decline", L{"unknown"});
  add("bot", L{"named"});
  add("stance_scope", L{"third_parties_only", "others_train", "deidentified", "service_generated"});
  add("third_party_models", L{"yes"});
  add("consent_model", L{"explicit", "none_asked", "account_setting", "stopped"});
  add("training_document", L{"no", "yes", "with_consent_admin", "with_consent_you", "unknown", "third_parties_only", "others_train"});
  add("glue", L{"for_everyone", "for_everyone_then_asked", "host_or_admin", "terms_you_accept", "host_facing", "stay_is_yes", "bot_no", "license", "data_flow",
                "and"});
  // `consentlens diff` speaks with the same plain words (cli/diff/summary.cc).
  add("diff_stance", contract::stance());
  add("diff_holder", L{"you", "account_owner", "host_account_owner", "customer", "customer_for_end_users", "end_users", "admin", "host", "users", "none"});
  add("diff_now", contract::stance());
  add("diff_before", contract::stance());
  add("diff", L{"stance_now", "whose_yes_short", "this_data", "scope_widened_uses", "scope_narrowed_uses",
                "scope_widened_purpose", "scope_narrowed_purpose", "scope_narrowed_solely", "stance_changed", "whose_yes", "new_ai_clause", "ai_clause_removed", "scope_widened", "scope_narrowed", "scope_widened_general", "scope_narrowed_general", "scope_widened_definition",
                "license_changed", "license_added", "license_removed", "license_no_ai", "license_terms_added",
                "license_terms_removed", "licensees_added", "licensees_removed", "consent_holder_changed", "third_party_models_added", "third_party_models_removed",
                "opt_out_added", "opt_in_added", "retention_changed", "other_data_use", "third_party_models_barred", "new_ai_use"});
  // `consentlens report`: one page per document (cli/diff/report_command.cc).
  add("report", L{"train_content", "train_usage", "consent", "third_party_models", "licence", "opt_out", "not_stated",
                  "says", "others_train", "licence_terms", "licence_plain", "holders", "third_party_yes", "third_party_barred", "third_party_no", "opt_out_yes",
                  "policy"});
  return out;
}

}  // namespace consentlens
