// The date of a version of a document, which picks the vendor facts in force when it held
// (Zoom's policy of August 2023 must not explain its terms of March 2023).
#pragma once
#include <string>
#include <string_view>

#include "lexicon.h"

namespace consentlens {

// The date a text gives itself ("Last updated: June 30, 2023", "Effective Date: March 31, 2023",
// "Stand: 1. Juli 2023", "Dernière mise à jour : 11 août 2023", "最終更新日：2023年6月30日"), as
// YYYY-MM-DD; "" when it gives none. The labels and month names are the vocabularies' (classes
// date_label and month_jan ... month_dec). `text` is normalised.
std::string document_date(const Lexicon& lexicon, std::string_view text);

// A YYYY-MM-DD date in a file name ("zoom-tos-2023-08-07.md"); "" if none.
std::string date_in_name(std::string_view name);

// True for a valid calendar date written YYYY-MM-DD.
bool is_iso_date(std::string_view s);

}  // namespace consentlens
