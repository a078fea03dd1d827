// The name a terms or privacy document calls its company by ("Zoom", "Acme"), for the plain
// sentences ("Zoom no longer needs your consent ...") and to tell the company's own uses of data
// from others'. Read from the text: the capitalised word that most often stands as the subject
// of "may", "will", "does", "uses" ("Zoom may use", "Acme does not") and is not a common noun
// the text also writes in lower case ("Data may be shared"), else the name a
// definition gives the company it calls "we" ("WeTransfer", "we", "us"), else the name the title
// or opening gives the document's owner ("Twitter Terms of Service", "LinkedIn's global Privacy
// Policy"). Cost: one pass.
#pragma once
#include <string>
#include <string_view>

namespace consentlens::docs {

// "" when no word stands as such a subject at least kMinMentions times and no definition names
// the company "we".
std::string company_name(std::string_view text);

}  // namespace consentlens::docs
