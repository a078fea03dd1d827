// Who can change what the browsers start, and writing the installer's files with exact modes.
//
// A browser starts the program a host manifest names, as the person running the browser. For a
// system-wide manifest that is every user, so the program and every folder above it must be
// owned by root and writable by no one else; otherwise another local user could replace it and
// run code as everyone. (A root-owned folder with the sticky bit, such as /tmp, passes: nobody
// else can rename or remove the entries in it.) For one user's manifest, owned by root or that
// user, and writable by no other user.
#pragma once
#include <string>

#include <sys/types.h>

namespace consentlens::host {

// "" when `program` is safe to name in a manifest of that scope; else a sentence naming the
// path and what is wrong with it.
std::string program_trust_problem(const std::string& program, bool system);

// Creates `folder` and its missing parents with `mode` (set explicitly, whatever the umask);
// folders that exist are left as they are. Throws std::runtime_error naming the folder.
void make_folders(const std::string& folder, mode_t mode);

// Writes `text` to `path` with `mode` (set explicitly) through a new temporary file renamed into
// place, so no one ever reads half a file; never follows a symbolic link.
void write_file(const std::string& path, const std::string& text, mode_t mode);

// Copies `program` to `to` (root:root 0755, through a temporary file and a rename).
void install_program_copy(const std::string& program, const std::string& to);

}  // namespace consentlens::host
