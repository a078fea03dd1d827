// consentlens-host doctor: for each browser and scope, whether the browser can start this host,
// and if not, the cause in words and the command that fixes it; then whether the history
// database opens and is sound.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "browsers.h"
#include "identity.h"
#include "installer.h"
#include "program_trust.h"
#include "store.h"

namespace consentlens::host {
namespace fs = std::filesystem;
namespace {

// "" when the manifest at `path` lets the browser start a consentlens-host it can trust.
std::string manifest_problem(const BrowserTarget& t, const std::string& path, bool system, const std::string& host_path) {
  std::ifstream f(path);
  const auto m = nlohmann::json::parse(f, nullptr, false);
  if (m.is_discarded() || !m.is_object()) return "the manifest is not valid JSON";
  if (m.value("name", "") != kHostName) return "the manifest names another host";
  if (!m.contains("path") || !m["path"].is_string()) return "the manifest has no \"path\"";
  const std::string p = m["path"];
  const auto& list = t.firefox_style ? m.value("allowed_extensions", nlohmann::json::array()) : m.value("allowed_origins", nlohmann::json::array());
  const std::string me = t.firefox_style ? kFirefoxAddonId : kChromeOrigin;
  bool allows = false;
  for (const auto& a : list) allows = allows || (a.is_string() && a.get<std::string>() == me);
  const std::string again = " (run: consentlens-host install" + std::string(system ? " --system --copy" : "") + " --browser " + t.browser + ")";
  if (!fs::path(p).is_absolute()) return "\"path\" is relative (" + p + "); browsers need an absolute path" + again;
  const std::string real = system ? destdir() + p : p;  // a system manifest's program is under the same root
  if (!fs::exists(real))
    return "the manifest points at a program that does not exist: " + p + ". It was moved or deleted; install it again from where it is now" + again;
  if (::access(real.c_str(), X_OK) != 0) return "the host is not executable: " + p + " (chmod +x)";
  if (!allows) return "the manifest does not allow the consentlens extension (" + me + "): wrong extension ID" + again;
  if (fs::path(p).filename() != fs::path(host_path).filename()) return "\"path\" is not a consentlens-host: " + p;
  if (const std::string trust = program_trust_problem(real, system); !trust.empty())
    return "unsafe: " + trust + "; someone else could change what the browser starts" + again;
  return "";
}

// Confined browsers cannot start programs outside their sandbox.
void confinement_notes(std::ostream& out) {
  for (const char* p : {"/snap/bin/chromium", "/snap/bin/firefox"})
    if (fs::exists(p)) out << "- note: " << p << " is a Snap; Snap browsers cannot start native hosts outside their sandbox\n";
  if (const char* h = std::getenv("HOME"))
    for (const char* app : {"org.mozilla.firefox", "org.chromium.Chromium", "com.google.Chrome", "com.brave.Browser"})
      if (fs::exists(std::string(h) + "/.var/app/" + app))
        out << "- note: " << app << " is a Flatpak; Flatpak browsers cannot start native hosts outside their sandbox\n";
}

bool database_ok(std::ostream& out) {
  try {
    Store store(Store::default_location());
    if (!store.read_only_reason().empty()) {
      out << "- history: PROBLEM: " << store.read_only_reason() << "\n";
      return false;
    }
    const std::string check = store.integrity_check();
    out << "- history: " << store.path() << " (schema " << store.schema_version() << "): integrity " << check << "\n";
    return check == "ok";
  } catch (const std::exception& e) {
    out << "- history: PROBLEM: " << e.what() << "\n";
    return false;
  }
}

}  // namespace

int run_doctor(const std::vector<std::string>& args, const std::string& host_path, std::ostream& out, std::ostream& err) {
  std::vector<std::string> browsers;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--browser" && i + 1 < args.size()) browsers.push_back(args[++i]);
    else if (args[i].rfind("--browser=", 0) == 0) browsers.push_back(args[i].substr(10));
    else {
      err << "consentlens-host doctor: unknown option \"" << args[i] << "\" (options: --browser NAME)\n";
      return 2;
    }
  }
  int usable = 0;
  try {
    for (bool system : {false, true}) {
      for (const auto& t : targets(system, browsers)) {
        const std::string path = manifest_path(t);
        const std::string who = t.browser + (system ? " (system)" : "");
        if (!fs::exists(path)) {
          if (!system) out << "- " << who << ": no manifest at " << path << " (run: consentlens-host install --browser " << t.browser << ")\n";
          continue;
        }
        const std::string problem = manifest_problem(t, path, system, host_path);
        if (problem.empty()) ++usable;
        out << "- " << who << ": " << (problem.empty() ? "ok" : "PROBLEM: " + problem) << " (" << path << ")\n";
      }
    }
  } catch (const std::exception& e) {
    err << "consentlens-host doctor: " << e.what() << "\n";
    return 2;
  }
  confinement_notes(out);
  const bool db_ok = database_ok(out);
  if (usable == 0) out << "No browser can reach the host yet: run consentlens-host install\n";
  return usable > 0 && db_ok ? 0 : 1;
}

}  // namespace consentlens::host
