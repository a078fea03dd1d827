#include "browsers.h"

#include <cstdlib>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "identity.h"

namespace consentlens::host {
namespace {

std::string home() {
  const char* h = std::getenv("HOME");
  if (!h || !*h) throw std::runtime_error("HOME is not set: cannot tell where the user's browsers look");
  return h;
}

std::string user_folder(const std::string& b) {
#ifdef __APPLE__
  const std::string s = home() + "/Library/Application Support/";
  if (b == "chrome") return s + "Google/Chrome/NativeMessagingHosts";
  if (b == "chromium") return s + "Chromium/NativeMessagingHosts";
  if (b == "edge") return s + "Microsoft Edge/NativeMessagingHosts";
  if (b == "brave") return s + "BraveSoftware/Brave-Browser/NativeMessagingHosts";
  if (b == "vivaldi") return s + "Vivaldi/NativeMessagingHosts";
  return s + "Mozilla/NativeMessagingHosts";
#else
  std::string config = home() + "/.config";
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x == '/') config = x;
  if (b == "chrome") return config + "/google-chrome/NativeMessagingHosts";
  if (b == "chromium") return config + "/chromium/NativeMessagingHosts";
  if (b == "edge") return config + "/microsoft-edge/NativeMessagingHosts";
  if (b == "brave") return config + "/BraveSoftware/Brave-Browser/NativeMessagingHosts";
  if (b == "vivaldi") return config + "/vivaldi/NativeMessagingHosts";
  return home() + "/.mozilla/native-messaging-hosts";
#endif
}

std::string system_folder(const std::string& b) {
#ifdef __APPLE__
  if (b == "firefox") return "/Library/Application Support/Mozilla/NativeMessagingHosts";
  if (b == "chromium") return "/Library/Application Support/Chromium/NativeMessagingHosts";
  if (b == "edge") return "/Library/Microsoft/Edge/NativeMessagingHosts";
  return "/Library/Google/Chrome/NativeMessagingHosts";  // Brave and Vivaldi read Chrome's
#else
  if (b == "firefox") return "/usr/lib/mozilla/native-messaging-hosts";
  if (b == "chromium") return "/etc/chromium/native-messaging-hosts";
  if (b == "edge") return "/etc/opt/edge/native-messaging-hosts";
  return "/etc/opt/chrome/native-messaging-hosts";  // Chrome; Brave and Vivaldi read it too
#endif
}

}  // namespace

std::string destdir() {
  const char* d = std::getenv("CONSENTLENS_DESTDIR");
  return d && *d == '/' ? std::string(d) : std::string();
}

std::vector<BrowserTarget> targets(bool system, const std::vector<std::string>& browsers) {
  std::vector<std::string> names = browsers;
  if (names.empty()) names.assign(std::begin(kBrowsers), std::end(kBrowsers));
  std::vector<BrowserTarget> out;
  for (const auto& b : names) {
    bool known = false;
    for (const char* k : kBrowsers) known = known || b == k;
    if (!known) throw std::invalid_argument("unknown browser \"" + b + "\" (known: chrome, chromium, edge, brave, vivaldi, firefox)");
    const std::string folder = system ? destdir() + system_folder(b) : user_folder(b);
    bool seen = false;
    for (const auto& t : out) seen = seen || t.folder == folder;
    if (!seen) out.push_back({b, folder, b == "firefox"});
  }
  return out;
}

std::string manifest_path(const BrowserTarget& t) { return t.folder + "/" + kHostName + ".json"; }

std::string manifest_for(const BrowserTarget& t, const std::string& host_path) {
  nlohmann::ordered_json m;
  m["name"] = kHostName;
  m["description"] = "consentlens: the local history of meeting consent notices";
  m["path"] = host_path;
  m["type"] = "stdio";
  if (t.firefox_style) m["allowed_extensions"] = {kFirefoxAddonId};
  else m["allowed_origins"] = {kChromeOrigin};
  return m.dump(2) + "\n";
}

}  // namespace consentlens::host
