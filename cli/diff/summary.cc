#include "diff/summary.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

#include "contract.h"

namespace consentlens::docs {
namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
  return s;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
    out += words[i];
  }
  return out;
}

std::string capitalised(std::string out) {
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// One more sentence after those already said.
void add_sentence(std::string& out, const std::string& sentence) {
  out += ' ';
  out += sentence;
}

std::vector<std::string> difference(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::vector<std::string> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

std::vector<std::string> licence_words(const std::vector<std::string>& terms) {
  std::vector<std::string> out;
  for (const auto& t : terms) out.emplace_back(contract::label("license_terms", t));
  return out;
}

}  // namespace

std::string summarize(const Knowledge& k, const Change& c, const std::string& vendor) {
  auto phrase = [&](const char* group, const std::string& key) { return replace_all(k.phrase(group, key), "{vendor}", vendor); };
  auto stance = [&](const std::string& s) { return phrase("diff_stance", s.empty() ? "unspecified" : s); };
  std::string out = phrase("diff", c.change);
  const ClauseMeaning& o = c.old_meaning;
  const ClauseMeaning& n = c.new_meaning;
  if (c.change == "consent_holder_changed") {
    out = replace_all(out, "{new}", k.phrase("diff_holder", n.consent_holder.empty() ? "none" : n.consent_holder));
    // A yes asked with no one else named as giving it ("only if the visitor has given consent")
    // was the reader's own.
    const bool own_yes = o.consent_holder.empty() && c.old_stance == "permits_with_consent";
    out = replace_all(out, "{old}", k.phrase("diff_holder", own_yes ? "you" : o.consent_holder.empty() ? "none" : o.consent_holder));
  }
  // "A Workspace Owner can opt the entire workspace out": a way out that someone else holds.
  if (c.change == "opt_out_added" && !n.consent_holder.empty() && n.consent_holder != "you" && n.consent_holder != "end_users" &&
      n.consent_holder != "users")
    out = replace_all(phrase("diff", "opt_out_added_by"), "{who}", k.phrase("diff_holder", n.consent_holder));
  // "You can withdraw your consent or unsubscribe from promotional SMS at any time": the way out
  // of marketing messages (class marketing_msg, no AI or use of content in the sentence).
  if (c.change == "opt_out_added" && (n.consent_holder.empty() || n.consent_holder == "you" || n.consent_holder == "users") && n.stance.empty() && !n.ai && c.new_sentence &&
      n.names_marketing)
    out = phrase("diff", "opt_out_added_marketing");
  // "Consentement de l'utilisateur pour les données de santé": the yes is asked for that data.
  if (c.change == "opt_in_added" && !n.data.empty() && !n.ai) out = replace_all(phrase("diff", "opt_in_added_data"), "{data}", join({n.data.begin(), n.data.end()}));
  out = replace_all(out, "{old}", stance(c.old_stance));
  out = replace_all(out, "{new}", stance(c.new_stance));
  if (c.change == "stance_changed" && !c.new_stance.empty() && !c.old_stance.empty()) {
    // One sentence: what it says now, about which data, and what it said before.
    std::vector<std::string> data(n.data.begin(), n.data.end());
    const std::string what = data.empty() ? phrase("diff", "this_data") : join(data);
    const std::string now = replace_all(phrase("diff_now", c.new_stance), "{data}", what);
    const bool whose = c.new_stance == "permits_with_consent" && (n.consent_holder.empty() || n.consent_holder == "you");
    out = replace_all(replace_all(phrase("diff", whose ? "whose_yes_short" : "stance_now"), "{now}", now), "{before}",
                      phrase("diff_before", c.old_stance));
  }
  if (c.change == "new_ai_clause" && c.new_stance == "permits_with_consent") add_sentence(out, phrase("diff", "whose_yes"));
  // "to use the AI Inputs for analytics, product development, and product improvement": a use
  // of what you give its AI, with nothing said of training.
  if (c.change == "new_ai_clause" && c.ai_use) out = phrase("diff", "new_ai_use");
  if (c.change == "third_party_models_added" && c.new_stance == "prohibits" && n.third_parties_only) out = phrase("diff", "third_party_models_barred");
  if (c.change == "new_ai_clause" && c.new_stance == "prohibits" && n.others_barred) out = phrase("diff", "new_ai_others_barred");
  // "Once you opt out, new conversations will not be used to train": on by default, with a way out.
  if (c.change == "new_ai_clause" && c.new_stance == "permits" && n.opt_out) add_sentence(out, phrase("diff", "can_opt_out"));
  // A change of data names the data; one of uses or purposes says so.
  const auto added = difference(n.data, o.data), removed = difference(o.data, n.data);
  if (c.change == "scope_widened") {
    if (c.aside_left_out) out = replace_all(phrase("diff", "scope_widened_exception"), "{aside}", c.aside);
    else if (!c.old_sentence && n.defines && !n.defined.empty()) {
      // A term defined for the first time: what it takes in.
      std::string term = *n.defined.begin();
      term[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(term[0])));
      std::set<std::string> items(n.data.begin(), n.data.end());
      items.insert(n.general_data.begin(), n.general_data.end());
      items.erase(*n.defined.begin());
      out = replace_all(replace_all(phrase("diff", "scope_widened_definition"), "{term}", term), "{items}", join({items.begin(), items.end()}));
    }
    // "your audio" -> "your video": one kind in place of another.
    else if (!added.empty() && !removed.empty() && c.old_sentence && c.new_sentence)
      out = replace_all(replace_all(phrase("diff", "scope_swapped"), "{added}", join(added)), "{removed}", join(removed));
    else if (!added.empty()) out = replace_all(out, "{added}", join(added));
    else if (c.catch_all)
      out = replace_all(replace_all(phrase("diff", "scope_widened_general"), "{general}", join(difference(n.general_data, o.general_data))), "{named}", join({o.data.begin(), o.data.end()}));
    else if (!c.aside.empty()) out = replace_all(phrase("diff", "scope_widened_aside"), "{aside}", c.aside);
    else out = phrase("diff", !o.develops && n.develops ? "scope_widened_purpose" : "scope_widened_uses");
  }
  if (c.change == "scope_narrowed") {
    if (c.aside_left_out) out = replace_all(phrase("diff", "scope_narrowed_exception"), "{aside}", c.aside);
    else if (c.catch_all)
      out = replace_all(replace_all(phrase("diff", "scope_narrowed_general"), "{general}", join(difference(o.general_data, n.general_data))), "{named}", join({n.data.begin(), n.data.end()}));
    else if (!removed.empty()) out = replace_all(out, "{removed}", join(removed));
    else if (!c.aside.empty()) out = replace_all(phrase("diff", "scope_narrowed_aside"), "{aside}", c.aside);
    else if (n.solely_provides && o.develops) out = phrase("diff", "scope_narrowed_solely");
    else out = phrase("diff", o.develops && !n.develops ? "scope_narrowed_purpose" : "scope_narrowed_uses");
  }
  // "Text that you type ... is used" -> "No text that you type ... is used".
  if (c.change == "other_data_use" && c.negation != 0) out = phrase("diff", c.negation > 0 ? "negation_added" : "negation_dropped");
  if (c.change == "license_changed") {
    if (!c.old_sentence || (!o.grants_licence && n.grants_licence)) out = phrase("diff", "license_added");
    else if (!c.new_sentence || (o.grants_licence && !n.grants_licence)) out = phrase("diff", "license_removed");
    if (!o.ai_purposes.empty() && n.ai_purposes.empty() && c.new_sentence) add_sentence(out, phrase("diff", "license_no_ai"));
    const auto added = difference(n.licence, o.licence), removed = difference(o.licence, n.licence);
    if (!added.empty() && c.old_sentence) add_sentence(out, replace_all(phrase("diff", "license_terms_added"), "{terms}", join(licence_words(added))));
    // A licence new to the text says what kind it is ("worldwide, royalty-free, with the right to
    // sublicense"): those words are what a reader weighs.
    if (!n.licence.empty() && !c.old_sentence) add_sentence(out, replace_all(phrase("diff", "license_terms_new"), "{terms}", join(licence_words({n.licence.begin(), n.licence.end()}))));
    if (!removed.empty() && c.new_sentence) add_sentence(out, replace_all(phrase("diff", "license_terms_removed"), "{terms}", join(licence_words(removed))));
    const auto to_more = difference(n.licensees, o.licensees), to_fewer = difference(o.licensees, n.licensees);
    if (!to_more.empty() && c.old_sentence && c.new_sentence) add_sentence(out, replace_all(phrase("diff", "licensees_added"), "{who}", join(to_more)));
    if (!to_fewer.empty() && c.old_sentence && c.new_sentence) add_sentence(out, replace_all(phrase("diff", "licensees_removed"), "{who}", join(to_fewer)));
  }
  if (c.change == "other_data_use" && c.old_sentence && c.new_sentence && c.negation == 0 && c.aside.empty()) {
    // One of the uses for the company's own ends came or went.
    const std::string which = o.discloses_outside != n.discloses_outside ? "disclose" : c.advertising != 0 ? "ads" : o.infers != n.infers ? "infer" : "";
    const bool now = which == "disclose" ? n.discloses_outside : which == "infer" ? n.infers : c.advertising > 0;
    if (!which.empty()) {
      out = phrase("diff", "other_data_use_" + which + (now ? "_added" : "_removed"));
      out = replace_all(out, "{recipient}", now ? n.recipient : o.recipient);
    }
  }
  if (c.change == "other_data_use" && !c.kinds.empty()) {
    out = replace_all(phrase("diff", c.new_sentence ? "other_data_use_kinds_added" : "other_data_use_kinds_removed"), "{kinds}", join(c.kinds));
    return capitalised(out);
  }
  if (c.change == "other_data_use" && c.way_out_dropped) return capitalised(phrase("diff", "way_out_removed"));
  if (c.change == "other_data_use" && (!c.old_sentence || !c.new_sentence)) {
    // A use added or dropped whole: say which.
    const ClauseMeaning& m = c.new_sentence ? n : o;
    const std::string which = m.discloses_outside ? "disclose"
                              : m.processing_role ? "role"
                              : m.markets_to_you  ? "marketing"
                              : m.advertises      ? "ads"
                              : m.infers          ? "infer"
                              : m.develops_products ? "develop"
                                                    : "";
    if (!which.empty()) {
      out = phrase("diff", "other_data_use_" + which + (c.new_sentence ? "_added" : "_removed"));
      out = replace_all(out, "{recipient}", m.recipient);
    }
  }
  return capitalised(out);
}

}  // namespace consentlens::docs
