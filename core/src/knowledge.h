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
  std::string date;  // the page's date, else the date we checked it, else ""
  std::string title;
};

struct Fact {
  std::string topic;   // summary, who_consented, your_choices, data_flow, training
  std::string say;     // plain sentences
  std::string source;  // key into VendorKnowledge::sources
};

struct KindKnowledge {
  Slots defaults;
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

class Knowledge {
 public:
  // Loads knowledge/vendors/*.json and knowledge/phrases.json; throws PackError.
  static Knowledge load(const std::vector<PackFile>& files);

  const VendorKnowledge* vendor(std::string_view id) const;
  // The vendor whose host list covers the URL's host name, or "".
  std::string vendor_for_url(std::string_view url) const;
  // Phrase lookup: phrase("who_consented", "host"); "" when missing (load() checks they exist).
  const std::string& phrase(std::string_view group, std::string_view key) const;
  const std::map<std::string, VendorKnowledge, std::less<>>& vendors() const { return vendors_; }
  const nlohmann::json& phrases() const { return phrases_; }

 private:
  std::map<std::string, VendorKnowledge, std::less<>> vendors_;
  nlohmann::json phrases_;
};

// The host name of a URL ("https://Foo.zoom.us:443/j/1" -> "foo.zoom.us"), lower case; "" if none.
std::string host_of(std::string_view url);

}  // namespace consentlens
