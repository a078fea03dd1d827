// One version of a terms or privacy document as `consentlens diff` and `consentlens report`
// read it: the file (text, Markdown or HTML, or "-" for standard input), its date (--date, else
// the date the text gives itself, else one in the file name), its sections and sentences, and
// the company it is from (--vendor, else the name the text calls its company by).
#pragma once
#include <string>
#include <vector>

#include "diff/doc_structure.h"
#include "lexicon.h"

namespace consentlens::docs {

struct Version {
  std::string name;  // the file as given, or "standard input"
  std::string date;  // YYYY-MM-DD, "" when none is known
  Document doc;
};

// Throws UsageError (input.h) for an unreadable or binary file.
Version read_version(const Lexicon& lexicon, const std::string& file, const std::string& date);

struct Company {
  std::string vendor;  // a vendor id of the findings contract ("zoom"), "other" when not one of them
  std::string name;    // as the text writes it ("Zoom", "Acme"); the contract's "the service" when unknown
  // The names to look for in sentences (empty when unknown), with the AI company's and product's
  // names when an AI company wrote the text ("anthropic", "claude": core/src/own_names.h).
  std::vector<std::string> names;
};

// `vendor`: the --vendor option ("" when not given); `doc`: the newest version (its text, and
// its title, which the text leaves out).
Company company_of(const Lexicon& lexicon, const std::string& vendor, const Document& doc);

}  // namespace consentlens::docs
