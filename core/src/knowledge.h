// The knowledge pack: per-vendor facts with sources and dates, per-kind slot defaults, and the
// plain-language phrases the explainer is made of (core/knowledge/, see docs/knowledge.md).
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "pack_files.h"
#include "slots.h"

namespace consentlens {

struct Source {
  std::string url;
  std::string date;     // the date of the fact itself: published, effective or archived; "" if none is shown
  std::string title;
  std::string checked;  // when the source was last read and found to still say this; "" if never
};

// Which products or plans a fact covers: the workplace product (Zoom Workplace, Google
// Workspace, Microsoft 365), the consumer one (a personal account), or both.
enum class Scope { any, workplace, consumer };

struct Fact {
  std::string topic;   // summary, who_consented, your_choices, data_flow, training
  std::string say;     // plain sentences
  std::string source;  // key into VendorKnowledge::sources
  Scope scope = Scope::any;
  std::string from;    // YYYY-MM-DD: held from this day on ("" since always)
  std::string until;   // held until the day before this one ("" still holds)
  Slots sets;          // the slot values this fact supports ("training": "no"), cited by it

  // Whether the fact held on `date` (YYYY-MM-DD; "" means today: it still holds).
  bool in_force(const std::string& date) const {
    if (date.empty()) return until.empty();
    return (from.empty() || from <= date) && (until.empty() || date < until);
  }
  // A text whose product or plan is not known is read as the workplace product, where meeting
  // clients and their terms mostly apply; a consumer fact speaks only when the text says so.
  bool covers(Scope s) const {
    if (scope == Scope::any) return true;
    return scope == (s == Scope::any ? Scope::workplace : s);
  }
};

class DigestWriter;
class DigestReader;

struct KindKnowledge {
  Slots defaults;  // what every notice of this kind implies (a bot's data goes to its company); no training claim
  std::vector<Fact> facts;
};

struct VendorKnowledge {
  std::string id;
  std::string name;
  std::vector<std::string> hosts;
  std::map<std::string, Source> sources;
  std::map<std::string, KindKnowledge, std::less<>> kinds;

  const KindKnowledge* kind(std::string_view k) const {
    auto it = kinds.find(k);
    return it == kinds.end() ? nullptr : &it->second;
  }
};

// A phrase the explainer may ask for: phrases.json[group][key].
struct PhraseKey {
  std::string group;
  std::string key;
};

class Knowledge {
 public:
  // Loads knowledge/vendors/*.json and knowledge/phrases.json, which must hold every phrase in
  // `phrases` (the explainer's phrases_used()); throws PackError listing every problem.
  static Knowledge load(const std::vector<PackFile>& files, const std::vector<PhraseKey>& phrases);

  // The vendor's facts about `kind` that held on `date` (YYYY-MM-DD; "" today) and cover `scope`.
  std::vector<const Fact*> facts(std::string_view vendor, std::string_view kind, const std::string& date, Scope scope) const;

  const VendorKnowledge* vendor(std::string_view id) const;
  // The vendor whose host list covers the URL's host name, or "".
  std::string vendor_for_url(std::string_view url) const;
  // Phrase lookup: phrase("who_consented", "host"); "" when missing (load() checks they exist).
  const std::string& phrase(std::string_view group, std::string_view key) const;
  const std::map<std::string, VendorKnowledge, std::less<>>& vendors() const { return vendors_; }

  // The knowledge as the pack digest holds it (digest.h), checked when the digest was made.
  void write(DigestWriter& out) const;
  static Knowledge read(DigestReader& in);

 private:
  std::map<std::string, VendorKnowledge, std::less<>> vendors_;
  using PhraseGroup = std::map<std::string, std::string, std::less<>>;
  std::map<std::string, PhraseGroup, std::less<>> phrases_;  // group -> key -> words
};

// The host name of a URL ("https://Foo.zoom.us:443/j/1" -> "foo.zoom.us"), lower case; "" if none.
std::string host_of(std::string_view url);

}  // namespace consentlens
