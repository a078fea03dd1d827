// Where each browser looks for native messaging host manifests, per scope and OS, and the
// manifest itself. The folders are listed in docs/native-host.md.
#pragma once
#include <string>
#include <vector>

namespace consentlens::host {

inline constexpr const char* kBrowsers[] = {"chrome", "chromium", "edge", "brave", "vivaldi", "firefox"};

struct BrowserTarget {
  std::string browser;  // chrome, chromium, edge, brave, vivaldi, firefox
  std::string folder;   // where its manifest goes
  bool firefox_style;   // allowed_extensions (Firefox) instead of allowed_origins
};

// The folders for `browsers` (empty: all) in the user's or the system's scope, on this OS; each
// folder once (in the system scope several browsers share Chrome's). System folders are under
// $CONSENTLENS_DESTDIR when it is set (for packaging and tests). Throws std::invalid_argument for
// an unknown browser name.
std::vector<BrowserTarget> targets(bool system, const std::vector<std::string>& browsers);
std::string manifest_path(const BrowserTarget& t);
// The manifest JSON for one browser, pointing at `host_path`.
std::string manifest_for(const BrowserTarget& t, const std::string& host_path);
// $CONSENTLENS_DESTDIR, or "".
std::string destdir();

}  // namespace consentlens::host
