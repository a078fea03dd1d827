// The rule pack: every rule of core/rules/*.json, validated, with its vocabulary classes
// expanded. Loading reports every problem at once as "file: rule id: problem" and throws
// PackError, so a broken pack never half-loads.
#pragma once
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "pack_files.h"
#include "slots.h"
#include "vocab.h"

namespace re2 {
class RE2;
}

namespace consentlens {

class PackError : public std::runtime_error {
 public:
  explicit PackError(std::vector<std::string> problems);
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  std::vector<std::string> problems_;
};

struct RuleExample {
  std::string text;
  std::string note;  // source URL for "fire" examples, the reason for "silent" ones
};

// A pattern as written in the pack and as compiled (vocabulary classes expanded). A pattern
// that names a class is checked at load but not expanded (`re` stays empty): the matcher
// expands it when it first compiles it (Vocabulary::expand).
struct Pattern {
  std::string source;
  std::string re;
};

struct Rule {
  std::string id;
  std::string file;
  std::string kind;    // a finding kind, "cue" or "vendor_cue"
  std::string vendor;  // "any" or a contract vendor
  std::vector<std::string> langs;
  std::vector<Pattern> patterns;  // any one matching fires the rule
  // Conditions on which vocabulary classes occur on the line, wherever they stand: each is a
  // list of groups that must all be present, each group a list of classes of which one must
  // be ("{rec} & {state_on}|{state_off}"). Any one condition holding fires the rule, like a
  // pattern. Presence does not depend on how words touch, so it holds in every script.
  std::vector<std::vector<std::vector<std::string>>> present;
  std::vector<Pattern> unless;    // any one matching keeps it silent
  std::vector<std::string> applies_to;  // cue rules: kinds they add slots to (empty: all)
  std::vector<std::string> suppresses;  // kinds silenced in the same passage
  Slots slots;
  int priority = 0;
  std::vector<RuleExample> fire;
  std::vector<RuleExample> silent;
  // Speaks even on a control label or a display name ("Fireflies.ai Notetaker Parth", a
  // button "I agree to be recorded"): other rules stay silent on text judged a label.
  bool on_labels = false;
  // A training_clause rule marked "confirm": "stance" counts only where the stance reader finds
  // a training predicate in one clause of the sentence (its words may stand far apart).
  bool confirm_stance = false;
  // "when": "document": the rule speaks only in a document (a privacy text describing who may
  // keep recordings), never in a meeting, where the same words are a control or a setting.
  bool documents_only = false;
  // "when": "meeting": the rule speaks only outside documents: a bare line that is a participant's
  // name in a meeting ("Scribe Bot") is a menu link in a terms page ("Screen recorder").
  bool meetings_only = false;
  // notetaker_bot rules: patterns (as written, with {class} names) whose one group is the name
  // the bot shows; compiled when first needed (Matcher::bot_name).
  std::vector<std::string> bot_name;

  bool makes_finding() const { return kind != "cue" && kind != "vendor_cue"; }
};

class RulePack {
 public:
  // Loads rules/*.json and rules/vocab/*.json from `files` (other paths are ignored).
  static RulePack load(const std::vector<PackFile>& files);
  // The same, appending problems to `errors` instead of throwing; the rules without problems load.
  static RulePack load(const std::vector<PackFile>& files, std::vector<std::string>& errors);
  // The rules of `files` with a vocabulary read already (from the pack digest): vocab files in
  // `files` are ignored.
  static RulePack load(const std::vector<PackFile>& files, Vocabulary vocabulary, std::vector<std::string>& errors);

  const std::vector<Rule>& rules() const { return rules_; }
  const Vocabulary& vocabulary() const { return vocab_; }

  // The rules as the pack digest holds them (digest.h), checked when the digest was made.
  void write(DigestWriter& out) const;
  static RulePack read(DigestReader& in, Vocabulary vocabulary);

 private:
  std::vector<Rule> rules_;
  Vocabulary vocab_;
};

}  // namespace consentlens
