// What one sentence of a terms or privacy text says about AI and data use, as the comparable
// facts `consentlens diff` compares between versions and `consentlens report` answers from:
// whether it speaks of AI training and with which stance (the engine's stance reader), which
// data it covers, which licence terms it grants, who consents, whether it names third-party AI
// models, opt-in or opt-out, retention, and staff access. Every item comes from vocabulary
// classes of the rule pack (core/rules/vocab/), so it reads the languages those cover.
#pragma once
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon.h"

namespace consentlens::docs {

struct ClauseMeaning {
  bool relevant = false;        // about AI, data use, licences, consent or retention at all
  bool ai = false;              // speaks of AI, machine learning or training models
  std::string stance;           // permits, permits_with_consent, prohibits; "" when it says nothing of training
  bool third_parties_only = false;  // a ban that binds only suppliers
  bool others_barred = false;       // a ban that binds outsiders at large ("other users ... and third parties accessing the Site")
  std::set<std::string> data;       // the kinds of data it covers ("audio", "chat", "service generated data")
  std::map<std::string, std::size_t> data_at;  // where each kind of `data` is first named (bytes)
  std::set<std::string> general_data;  // the general words it covers instead ("content", "personal data", "file")
  bool catch_all = false;              // one of them takes in every kind ("the Content", "personal data")
  std::set<std::string> licence;    // perpetual, irrevocable, sublicensable, royalty_free, worldwide, transferable
  std::set<std::string> licensees;  // who else receives it: "its affiliates", "ses sociétés affiliées"
  bool grants_licence = false;
  std::set<std::string> ai_purposes;  // "machine learning", "artificial intelligence", "training" listed as purposes
  std::string consent_holder;   // you, account_owner, customer, end_users, admin; "" when not said
  bool third_party_models = false;
  bool third_party_models_denied = false;  // names them to say data does not go to them
  bool others_own_models = false;  // the models are other companies' own ("... to train their artificial intelligence models")
  bool opt_out = false;
  bool opt_in = false;
  bool by_use = false;          // a yes given by doing something ("By using AIs, you instruct us ..."): no choice to say no
  bool retention = false;       // how long data is kept
  bool staff_access = false;    // the vendor's staff may access content
  std::set<std::string> uses;   // data-use verbs it allows ("disclose", "share", "redistribute")
  bool vendor_use = false;      // the vendor (or "we") uses, shares or discloses data
  bool about_content = false;   // a licence, or a clause on customer content or service data
  bool develops = false;        // names developing or improving products as a purpose
  bool develops_products = false;  // developing or improving its products, services or features ("To develop, test, and improve Zoom products")
  bool restricts = false;       // limits a use: "solely to provide", "will only access"
  bool defines = false;         // defines a term: ... ("Customer Content")
  std::set<std::string> defined;  // the last word of each term it defines in brackets ("content" for "Customer Content")
  bool owns_content = false;    // says who owns the content ("You retain copyright ...")
  bool solely_provides = false; // the data is used only to provide the service: "solely to provide"
  bool bans_users = false;      // forbids users to train AI ("You may not use the output to train"): not about your data
  bool binds_users = false;     // the user's own duties ("You agree that you will not ..."): not what is done with their data
  bool discloses_outside = false;  // the company discloses data to an authority, an advertiser or another outsider
  std::string recipient;           // that outsider as the text names it ("a tax authority" -> "tax authority")
  bool infers = false;             // the company guesses things about you from your data ("we may infer the industry you work in based on your writing")
  bool names_marketing = false;    // promotional or marketing messages are named (class marketing_msg), not ads on a page
  bool markets_to_you = false;     // the company sends the reader promotional messages ("BeReal may occasionally send you promotional SMS messages")
  bool advertises = false;         // the company uses data for its own advertising or marketing ("we use the ads you view ... to improve our advertising")
  bool pointer = false;         // only points to another place ("See our Non-User Privacy Policy for more details ..."): no clause of its own
  bool promises_not = false;    // the company says what it will not do with the data ("we will not extract ... voiceprint")
  bool processing_role = false; // who decides the purposes of processing ("Zoom is acting on your behalf")
  std::size_t anchor = 0;       // where in the sentence the part that matters starts (bytes)
  std::size_t develop_at = 0;   // where it first names developing or improving (bytes; anchor if it does not)
  std::size_t holder_at = 0;    // where it first speaks of consent or authorising (bytes; anchor if it does not)
  std::size_t ai_at = 0;        // where it first speaks of AI or training (bytes; anchor if it does not)
  std::size_t recipient_at = 0; // where it first names the outsider it discloses to (bytes; anchor if it does not)
  std::size_t infer_at = 0;     // where it first speaks of guessing things about you (bytes; anchor if it does not)
  std::size_t kept_for_at = 0;  // where it first names a span of time (bytes; anchor if it does not)
  std::size_t licensees_at = 0; // where it first names who else receives the licence (bytes; anchor if it does not)
  std::size_t opt_out_at = std::string_view::npos;  // where it first speaks of opting out (bytes; npos if it does not)
};

// `names`: the vendor's names as they appear in the text ("Zoom").
ClauseMeaning read_meaning(const Lexicon& lexicon, std::string_view sentence, const std::vector<std::string>& names);

}  // namespace consentlens::docs
