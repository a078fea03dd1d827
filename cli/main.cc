// consentlens: the command line around the core (check, rules lint) and the history (history).
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"

namespace {

constexpr const char* kHelp = R"(Usage: consentlens COMMAND [options]

Commands:
  check       explain notices and terms in a saved page, a text or a document
              (consentlens check --help for its options)
  diff        what changed about AI and data use between two versions of a terms or
              privacy document (consentlens diff --help)
  report      one page for a terms or privacy document: AI training, consent, licences,
              opting out (consentlens report --help)
  rules lint  validate the rule and knowledge packs and test every rule on its examples
  history     the consent history the browser extension keeps (consentlens history --help)

Options:
  -h, --help     show this help
  --version      show the version
)";

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << kHelp;
    return 2;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  if (command == "-h" || command == "--help" || command == "help") {
    std::cout << kHelp;
    return 0;
  }
  if (command == "--version" || command == "version") {
    std::cout << "consentlens " << CONSENTLENS_VERSION << '\n';
    return 0;
  }
  if (command == "check") return consentlens::run_check(args, std::cin, std::cout, std::cerr);
  if (command == "rules") return consentlens::run_rules(args, std::cout, std::cerr);
  if (command == "diff") return consentlens::run_diff(args, std::cout, std::cerr);
  if (command == "report") return consentlens::run_report(args, std::cout, std::cerr);
  if (command == "history") return consentlens::run_history(args, std::cout, std::cerr);
  std::cerr << "consentlens: unknown command \"" << command << "\"\n" << kHelp;
  return 2;
}
