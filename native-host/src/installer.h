// Host manifests for each browser (install, uninstall) and the diagnosis of why a browser
// cannot reach the host (doctor). Paths per browser and scope are in docs/native-host.md.
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace consentlens::host {

struct BrowserTarget {
  std::string browser;   // chrome, chromium, edge, brave, vivaldi, firefox
  std::string folder;    // where its manifest goes
  bool firefox_style;    // allowed_extensions (Firefox) instead of allowed_origins
};

// The folders for `browsers` (empty: all) in the user's or the system's scope, on this OS.
// Throws std::invalid_argument for an unknown browser name.
std::vector<BrowserTarget> targets(bool system, const std::vector<std::string>& browsers);
// The manifest JSON for one browser, pointing at `host_path`.
std::string manifest_for(const BrowserTarget& t, const std::string& host_path);

// The command lines: `consentlens-host install|uninstall|doctor [options]`. Return exit status.
int run_install(const std::vector<std::string>& args, const std::string& host_path, std::ostream& out, std::ostream& err);
int run_uninstall(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int run_doctor(const std::vector<std::string>& args, const std::string& host_path, std::ostream& out, std::ostream& err);

}  // namespace consentlens::host
