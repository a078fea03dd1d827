// One plain sentence (or two) per change in meaning, from the phrases of
// core/knowledge/phrases.json (groups diff, diff_stance, diff_holder), held to reading grade 8
// like every explanation.
#pragma once
#include <string>

#include "diff/doc_diff.h"
#include "knowledge.h"

namespace consentlens::docs {

std::string summarize(const Knowledge& knowledge, const Change& change, const std::string& vendor_name);

}  // namespace consentlens::docs
