#include "explainer.h"

#include <algorithm>

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

class Writer {
 public:
  Writer(const Knowledge& k, const VendorKnowledge* v, const std::string& vendor_name)
      : k_(k), v_(v), name_(vendor_name) {}

  std::string phrase(std::string_view group, std::string_view key) const {
    return capitalise(replace_all(k_.phrase(group, key), "{vendor}", name_));
  }

  // "a, b and c" from phrase keys.
  std::string list(std::string_view group, const std::vector<std::string>& keys) const {
    std::vector<std::string> words;
    for (const auto& key : keys) words.push_back(replace_all(k_.phrase(group, key), "{vendor}", name_));
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (i > 0) out += i + 1 == words.size() ? " " + k_.phrase("glue", "and") + " " : ", ";
      out += words[i];
    }
    return out;
  }

  // Appends the vendor's facts on `topic` for `kind`, recording their sources.
  void facts(const std::string& kind, std::string_view topic, std::string& text, std::vector<Source>& sources) const {
    if (!v_) return;
    const KindKnowledge* kk = v_->kind(kind);
    if (!kk) return;
    for (const auto& f : kk->facts) {
      if (f.topic != topic) continue;
      append(text, f.say);
      const Source& s = v_->sources.at(f.source);
      if (std::none_of(sources.begin(), sources.end(), [&](const Source& x) { return x.url == s.url && x.title == s.title; }))
        sources.push_back(s);
    }
  }

 private:
  const Knowledge& k_;
  const VendorKnowledge* v_;
  std::string name_;
};

bool has(const std::vector<std::string>& v, std::string_view x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

Explanation explain(const Knowledge& knowledge, const std::string& kind, const std::string& vendor, const Slots& slots) {
  const VendorKnowledge* v = vendor == "other" ? nullptr : knowledge.vendor(vendor);
  const std::string name = v ? v->name : knowledge.phrase("glue", "unknown_vendor");
  const Writer w(knowledge, v, name);
  Explanation e;
  const bool clause = kind == "training_clause";

  e.summary = w.phrase("summary", kind);
  if (clause) append(e.summary, w.phrase("stance", slots.scalar("stance").empty() ? "unspecified" : slots.scalar("stance")));
  w.facts(kind, "summary", e.summary, e.sources);

  const auto consent = slots.list("consent_by");
  // The heart of the product: someone else said yes for the whole meeting. When each person is
  // asked as well, they are asked after the fact (stay or leave), and that is said instead.
  const bool decided_for_others = !clause && (has(consent, "host") || has(consent, "account_admin") || has(consent, "organizer"));
  const bool host_or_admin = has(consent, "host") && has(consent, "account_admin");
  if (host_or_admin) append(e.who_consented, w.phrase("glue", "host_or_admin"));
  for (const auto& c : consent) {
    if (host_or_admin && (c == "host" || c == "account_admin")) continue;
    if (decided_for_others && c == "each_participant") continue;
    append(e.who_consented, w.phrase("who_consented", c));
  }
  if (decided_for_others)
    append(e.who_consented, w.phrase("glue", has(consent, "each_participant") ? "for_everyone_then_asked" : "for_everyone"));
  w.facts(kind, "who_consented", e.who_consented, e.sources);

  const auto choices = slots.list("your_choices");
  // Stay-or-leave is the whole choice more often than not; say so instead of listing two options.
  const bool stay_or_leave = choices.size() == 2 && has(choices, "stay_means_consent") && has(choices, "leave");
  for (const auto& c : choices)
    if (!(stay_or_leave && c == "leave")) append(e.your_choices, w.phrase("your_choices", c));
  if (stay_or_leave) append(e.your_choices, w.phrase("glue", "stay_is_yes"));
  w.facts(kind, "your_choices", e.your_choices, e.sources);

  const auto data = slots.list("data");
  const auto dest = slots.list("destinations");
  std::string flow = w.phrase("glue", "data_flow");
  flow = replace_all(flow, "{data}", w.list("data", data.empty() ? std::vector<std::string>{"unknown"} : data));
  flow = replace_all(flow, "{destinations}", w.list("destinations", dest.empty() ? std::vector<std::string>{"unknown"} : dest));
  e.data_flow = capitalise(flow);
  w.facts(kind, "data_flow", e.data_flow, e.sources);

  const std::string training = slots.scalar("training").empty() ? "unknown" : slots.scalar("training");
  e.training = w.phrase("training", training);
  // A clause speaks for itself; the vendor's current policy would blur what this text says.
  if (!clause) w.facts(kind, "training", e.training, e.sources);
  return e;
}

}  // namespace consentlens
