// The subcommands of `consentlens`, callable from tests with their own streams.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace consentlens {

// consentlens check [--json | --jsonl] [--vendor V] [--url URL] [--fail-on KIND[,KIND]] [--pack DIR] FILE|-
// Returns the exit status: 0 ok, 1 a --fail-on kind was found, 2 unusable input or arguments.
int run_check(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

// consentlens rules lint [--pack DIR]: loads, compiles and runs every rule on its own examples.
int run_rules(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// consentlens diff [--json | --markdown] [--fail-on CHANGE[,CHANGE]] [--show-noise] OLD NEW: what changed in
// meaning about AI and data use between two versions of a document. 0 ok, 1 a --fail-on change, 2 bad input.
int run_diff(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// consentlens report [--json | --markdown] [--vendor V] [--date D] FILE: one page per document, the
// answers about AI training, consent, third-party models, licences and opting out. 0 ok, 2 bad input.
int run_report(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// consentlens history [list|search|show|export|stats|purge] [options]: the native host's history.
int run_history(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace consentlens
