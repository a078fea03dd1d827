#include "installer.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "identity.h"
#include "store.h"

namespace consentlens::host {
namespace fs = std::filesystem;
namespace {

const char* const kBrowsers[] = {"chrome", "chromium", "edge", "brave", "vivaldi", "firefox"};

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

struct Options {
  bool system = false;
  std::vector<std::string> browsers;
};

Options parse(const std::vector<std::string>& args, const char* command) {
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--user") o.system = false;
    else if (args[i] == "--system") o.system = true;
    else if (args[i] == "--browser" && i + 1 < args.size()) o.browsers.push_back(args[++i]);
    else if (args[i].rfind("--browser=", 0) == 0) o.browsers.push_back(args[i].substr(10));
    else throw std::invalid_argument(std::string(command) + ": unknown option \"" + args[i] + "\" (options: --user, --system, --browser NAME)");
  }
  return o;
}

std::string manifest_path(const BrowserTarget& t) { return t.folder + "/" + kHostName + ".json"; }

}  // namespace

std::vector<BrowserTarget> targets(bool system, const std::vector<std::string>& browsers) {
  std::vector<std::string> names = browsers;
  if (names.empty()) names.assign(std::begin(kBrowsers), std::end(kBrowsers));
  std::vector<BrowserTarget> out;
  for (const auto& b : names) {
    bool known = false;
    for (const char* k : kBrowsers) known = known || b == k;
    if (!known) throw std::invalid_argument("unknown browser \"" + b + "\" (known: chrome, chromium, edge, brave, vivaldi, firefox)");
    const std::string folder = system ? system_folder(b) : user_folder(b);
    bool seen = false;  // in the system scope several browsers share Chrome's folder
    for (const auto& t : out) seen = seen || t.folder == folder;
    if (!seen) out.push_back({b, folder, b == "firefox"});
  }
  return out;
}

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

int run_install(const std::vector<std::string>& args, const std::string& host_path, std::ostream& out, std::ostream& err) {
  try {
    const Options o = parse(args, "install");
    if (!fs::path(host_path).is_absolute()) throw std::runtime_error("the host's own path is not absolute: " + host_path);
    for (const auto& t : targets(o.system, o.browsers)) {
      std::error_code ec;
      fs::create_directories(t.folder, ec);
      if (ec) throw std::runtime_error(t.folder + ": cannot create: " + ec.message());
      const std::string path = manifest_path(t);
      const std::string tmp = path + ".tmp";
      {
        std::ofstream f(tmp, std::ios::trunc);
        f << manifest_for(t, host_path);
        if (!f) throw std::runtime_error(tmp + ": cannot write");
      }
      fs::rename(tmp, path, ec);  // a browser never reads half a manifest
      if (ec) throw std::runtime_error(path + ": cannot write: " + ec.message());
      out << "installed for " << t.browser << ": " << path << "\n";
    }
    return 0;
  } catch (const std::exception& e) {
    err << "consentlens-host install: " << e.what() << "\n";
    return 2;
  }
}

int run_uninstall(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  try {
    const Options o = parse(args, "uninstall");
    for (const auto& t : targets(o.system, o.browsers)) {
      std::error_code ec;
      const std::string path = manifest_path(t);
      if (fs::remove(path, ec)) out << "removed for " << t.browser << ": " << path << "\n";
      else if (ec) throw std::runtime_error(path + ": cannot remove: " + ec.message());
    }
    return 0;
  } catch (const std::exception& e) {
    err << "consentlens-host uninstall: " << e.what() << "\n";
    return 2;
  }
}

int run_doctor(const std::vector<std::string>& args, const std::string& host_path, std::ostream& out, std::ostream& err) {
  Options o;
  try {
    o = parse(args, "doctor");
  } catch (const std::exception& e) {
    err << "consentlens-host doctor: " << e.what() << "\n";
    return 2;
  }
  int usable = 0;
  for (bool system : {false, true}) {
    for (const auto& t : targets(system, o.browsers)) {
      const std::string path = manifest_path(t);
      const std::string who = t.browser + (system ? " (system)" : "");
      if (!fs::exists(path)) {
        if (!system) out << "- " << who << ": no manifest at " << path << " (run: consentlens-host install --browser " << t.browser << ")\n";
        continue;
      }
      std::ifstream f(path);
      const auto m = nlohmann::json::parse(f, nullptr, false);
      std::string problem;
      if (m.is_discarded() || !m.is_object()) problem = "the manifest is not valid JSON";
      else if (m.value("name", "") != kHostName) problem = "the manifest names another host";
      else if (!m.contains("path") || !m["path"].is_string()) problem = "the manifest has no \"path\"";
      else {
        const std::string p = m["path"];
        const auto& list = t.firefox_style ? m.value("allowed_extensions", nlohmann::json::array()) : m.value("allowed_origins", nlohmann::json::array());
        const std::string me = t.firefox_style ? kFirefoxAddonId : kChromeOrigin;
        bool allows = false;
        for (const auto& a : list) allows = allows || (a.is_string() && a.get<std::string>() == me);
        if (!fs::path(p).is_absolute()) problem = "\"path\" is relative (" + p + "); browsers need an absolute path";
        else if (!fs::exists(p)) problem = "\"path\" points at a missing file: " + p;
        else if (::access(p.c_str(), X_OK) != 0) problem = "the host is not executable: " + p + " (chmod +x)";
        else if (!allows) problem = "the manifest does not allow the consentlens extension (" + me + "): wrong extension ID";
        else if (fs::path(p).filename() != fs::path(host_path).filename()) problem = "\"path\" is not a consentlens-host: " + p;
      }
      if (problem.empty()) {
        ++usable;
        out << "- " << who << ": ok (" << path << ")\n";
      } else {
        out << "- " << who << ": PROBLEM: " << problem << " (" << path << ")\n";
      }
    }
  }
  // Confined browsers cannot start programs outside their sandbox.
  for (const char* p : {"/snap/bin/chromium", "/snap/bin/firefox"})
    if (fs::exists(p)) out << "- note: " << p << " is a Snap; Snap browsers cannot start native hosts outside their sandbox\n";
  if (const char* h = std::getenv("HOME"))
    for (const char* app : {"org.mozilla.firefox", "org.chromium.Chromium", "com.google.Chrome", "com.brave.Browser"})
      if (fs::exists(std::string(h) + "/.var/app/" + app))
        out << "- note: " << app << " is a Flatpak; Flatpak browsers cannot start native hosts outside their sandbox\n";
  bool db_ok = false;
  try {
    Store store(Store::default_path());
    const std::string check = store.integrity_check();
    db_ok = check == "ok";
    out << "- history: " << store.path() << " (schema " << store.schema_version() << "): integrity " << check << "\n";
  } catch (const std::exception& e) {
    out << "- history: PROBLEM: " << e.what() << "\n";
  }
  if (usable == 0) out << "No browser can reach the host yet: run consentlens-host install\n";
  return usable > 0 && db_ok ? 0 : 1;
}

}  // namespace consentlens::host
