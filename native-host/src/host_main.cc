// consentlens-host: the native messaging host (started by a browser with the caller's origin),
// and its command lines (install, uninstall, doctor, request).
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "dispatcher.h"
#include "framing.h"
#include "identity.h"
#include "installer.h"
#include "host_version.h"
#include "store.h"
#include "timeutil.h"

using namespace consentlens::host;

namespace {

constexpr const char* kHelp = R"(Usage: consentlens-host COMMAND [options]

Started by a browser (native messaging, host name io.consentlens.history), it keeps the
consent history. From a terminal:

  install [--user|--system [--copy]] [--browser NAME ...]
                                                     write the host manifest for each browser;
                                                     --system --copy first copies the host to
                                                     /usr/local/lib/consentlens/ (owned by root)
  uninstall [--user|--system] [--browser NAME ...]  remove it
  doctor [--browser NAME ...]                        say why a browser cannot reach the host
  request JSON                                       run one request, print the reply
  request -                                          run JSON requests, one per line of stdin

Browsers: chrome, chromium, edge, brave, vivaldi, firefox (default: all).
The history: $CONSENTLENS_DB, else $XDG_DATA_HOME/consentlens/history.db.
Protocol and limits: docs/native-host.md.
)";

std::string self_path() {
  char buf[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "";
  return std::string(buf, static_cast<std::size_t>(n));
}

// Chromium passes "chrome-extension://ID/" (plus --parent-window on Windows); Firefox passes
// the manifest's path and the add-on ID.
bool is_browser_launch(const std::vector<std::string>& a) {
  return !a.empty() && (a[0].rfind("chrome-extension://", 0) == 0 || (a.size() >= 2 && a[0].size() > 5 &&
                                                                     a[0].compare(a[0].size() - 5, 5, ".json") == 0));
}

bool caller_allowed(const std::vector<std::string>& a) {
  if (a[0].rfind("chrome-extension://", 0) == 0) return a[0] == kChromeOrigin;
  return a.size() >= 2 && a[1] == kFirefoxAddonId;
}

// Retention is upkeep: a full or read-only disk must not keep the history from being read.
void apply_retention_quietly(Store& store) noexcept {
  try {
    if (store.retention_due(now_ms())) store.apply_retention(now_ms());
  } catch (const std::exception& e) {
    std::cerr << "consentlens-host: retention not applied now: " << e.what() << "\n";
  }
}

// Without a usable database, every request gets the reason, so the history page can show it.
int serve_without_store(const std::string& why) {
  std::cerr << "consentlens-host: " << why << "\n";
  std::string msg;
  while (true) {
    const ReadStatus s = read_frame(stdin, msg);
    if (s == ReadStatus::end || s == ReadStatus::truncated) return s == ReadStatus::end ? 0 : 3;
    if (!write_frame(stdout, Dispatcher::error_reply("storage", why))) return 0;
  }
}

int serve_browser(const std::vector<std::string>& args) {
  const bool allowed = caller_allowed(args);
  std::unique_ptr<Store> store;
  try {
    store = std::make_unique<Store>(Store::default_location());
  } catch (const std::exception& e) {
    return serve_without_store(e.what());
  }
  if (allowed) apply_retention_quietly(*store);
  Dispatcher dispatcher(*store, allowed);
  std::string msg;
  while (true) {
    const ReadStatus s = read_frame(stdin, msg);
    std::string reply;
    switch (s) {
      case ReadStatus::end: return 0;  // the browser closed the port
      case ReadStatus::truncated:
        std::cerr << "consentlens-host: the input ended inside a message\n";
        return 3;
      case ReadStatus::empty: reply = Dispatcher::error_reply("bad_request", "an empty message (length 0)"); break;
      case ReadStatus::too_large:
        reply = Dispatcher::error_reply("too_large", "a message is at most " + std::to_string(kMaxInboundBytes) + " bytes");
        break;
      case ReadStatus::message:
        if (allowed) apply_retention_quietly(*store);  // daily, while running
        reply = dispatcher.handle(msg);
        break;
    }
    if (!write_frame(stdout, reply)) return 0;
    store->after_reply();  // the acknowledgement never waits for upkeep
  }
}

int run_request(const std::vector<std::string>& args) {
  if (args.empty()) {
    std::cerr << "consentlens-host request: give a JSON request, or - to read them from standard input\n";
    return 2;
  }
  try {
    Store store(Store::default_location());
    apply_retention_quietly(store);
    Dispatcher dispatcher(store, true);  // the user at a terminal: no browser origin to check
    bool all_ok = true;
    auto one = [&](const std::string& line) {
      const std::string reply = dispatcher.handle(line);
      all_ok = all_ok && reply.find("\"ok\":true") != std::string::npos;
      std::cout << reply << "\n";
      store.after_reply();
    };
    if (args[0] == "-") {
      std::string line;
      while (std::getline(std::cin, line))
        if (line.find_first_not_of(" \t\r") != std::string::npos) one(line);
    } else {
      one(args[0]);
    }
    return all_ok ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "consentlens-host: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (is_browser_launch(args)) return serve_browser(args);
  if (args.empty() || args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
    (args.empty() ? std::cerr : std::cout) << kHelp;
    return args.empty() ? 2 : 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  if (command == "--version") {
    std::cout << "consentlens-host " << kHostVersion << "\n";
    return 0;
  }
  if (command == "install") return run_install(args, self_path(), std::cout, std::cerr);
  if (command == "uninstall") return run_uninstall(args, std::cout, std::cerr);
  if (command == "doctor") return run_doctor(args, self_path(), std::cout, std::cerr);
  if (command == "request") return run_request(args);
  std::cerr << "consentlens-host: unknown command \"" << command << "\"\n" << kHelp;
  return 2;
}
