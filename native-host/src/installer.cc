#include "installer.h"

#include <filesystem>
#include <stdexcept>

#include "browsers.h"
#include "program_trust.h"

namespace consentlens::host {
namespace fs = std::filesystem;
namespace {

struct Options {
  bool system = false, copy = false;
  std::vector<std::string> browsers;
};

Options parse(const std::vector<std::string>& args, const char* command, bool copy_allowed) {
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--user") o.system = false;
    else if (args[i] == "--system") o.system = true;
    else if (args[i] == "--copy" && copy_allowed) o.copy = true;
    else if (args[i] == "--browser" && i + 1 < args.size()) o.browsers.push_back(args[++i]);
    else if (args[i].rfind("--browser=", 0) == 0) o.browsers.push_back(args[i].substr(10));
    else
      throw std::invalid_argument(std::string(command) + ": unknown option \"" + args[i] + "\" (options: --user, --system" +
                                  (copy_allowed ? ", --copy" : "") + ", --browser NAME)");
  }
  if (o.copy && !o.system) throw std::invalid_argument(std::string(command) + ": --copy goes with --system");
  return o;
}

// The program the manifests will name: this one, or its root-owned copy. Refuses one that
// someone other than its owner (or, system-wide, root) could change.
std::string program_to_name(const Options& o, const std::string& host_path) {
  if (!fs::path(host_path).is_absolute()) throw std::runtime_error("the host's own path is not absolute: " + host_path);
  std::string program = host_path;
  if (o.copy) {
    install_program_copy(host_path, destdir() + kSystemProgram);
    program = kSystemProgram;
  }
  const std::string on_disk = o.copy ? destdir() + program : program;  // only the copy is under the install root
  if (const std::string problem = program_trust_problem(on_disk, o.system); !problem.empty()) {
    if (o.system)
      throw std::runtime_error("refusing to register it for every user: " + problem +
                               ". Every user's browser would start this program, so only root may be able to change it."
                               " Run: sudo consentlens-host install --system --copy (copies it to " +
                               std::string(kSystemProgram) + ")");
    throw std::runtime_error("refusing to register it: " + problem + ". Someone else could change what your browser starts");
  }
  return program;
}

}  // namespace

int run_install(const std::vector<std::string>& args, const std::string& host_path, std::ostream& out, std::ostream& err) {
  try {
    const Options o = parse(args, "install", true);
    const auto list = targets(o.system, o.browsers);
    const std::string program = program_to_name(o, host_path);
    if (o.copy) out << "copied the host to " << destdir() + program << "\n";
    for (const auto& t : list) {
      // Every user's browser must read a system manifest; a user's folders are theirs alone.
      make_folders(t.folder, o.system ? 0755 : 0700);
      write_file(manifest_path(t), manifest_for(t, program), 0644);
      out << "installed for " << t.browser << ": " << manifest_path(t) << "\n";
    }
    return 0;
  } catch (const std::exception& e) {
    err << "consentlens-host install: " << e.what() << "\n";
    return 2;
  }
}

int run_uninstall(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  try {
    const Options o = parse(args, "uninstall", false);
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

}  // namespace consentlens::host
