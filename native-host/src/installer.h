// The command lines that register the host with the browsers (install, uninstall) and say why a
// browser cannot reach it (doctor). Paths per browser and scope are in browsers.h.
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace consentlens::host {

// Where `install --system --copy` puts the program (under $CONSENTLENS_DESTDIR when set).
inline constexpr const char* kSystemProgram = "/usr/local/lib/consentlens/consentlens-host";

// `consentlens-host install|uninstall|doctor [options]`. Return the exit status.
int run_install(const std::vector<std::string>& args, const std::string& host_path, std::ostream& out, std::ostream& err);
int run_uninstall(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int run_doctor(const std::vector<std::string>& args, const std::string& host_path, std::ostream& out, std::ostream& err);

}  // namespace consentlens::host
