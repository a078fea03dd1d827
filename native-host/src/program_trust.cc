#include "program_trust.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace consentlens::host {
namespace fs = std::filesystem;
namespace {

std::string octal(mode_t m) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(m & 07777));
  return buf;
}

std::string problem_with(const std::string& path, const struct stat& st, bool system, bool is_program) {
  const uid_t me = ::geteuid();
  const bool root_owned = st.st_uid == 0;
  const bool sticky_root_folder = !is_program && root_owned && (st.st_mode & S_ISVTX);
  if (system && !root_owned) return path + " is not owned by root (owner uid " + std::to_string(st.st_uid) + ")";
  if (!system && !root_owned && st.st_uid != me) return path + " is owned by another user (uid " + std::to_string(st.st_uid) + ")";
  if ((st.st_mode & S_IWOTH) && !sticky_root_folder) return path + " can be changed by every user (mode " + octal(st.st_mode) + ")";
  if (system && (st.st_mode & S_IWGRP) && st.st_gid != 0 && !sticky_root_folder)
    return path + " can be changed by its group (gid " + std::to_string(st.st_gid) + ")";
  return "";
}

void fail(const std::string& path, const char* what) { throw std::runtime_error(path + ": " + what + ": " + std::strerror(errno)); }

}  // namespace

std::string program_trust_problem(const std::string& program, bool system) {
  struct stat st {};
  if (::lstat(program.c_str(), &st) != 0) return program + " does not exist";
  if (S_ISLNK(st.st_mode)) return program + " is a symbolic link (name the program itself)";
  if (!S_ISREG(st.st_mode)) return program + " is not a regular file";
  if (std::string p = problem_with(program, st, system, true); !p.empty()) return p;
  for (fs::path dir = fs::path(program).parent_path(); !dir.empty(); dir = dir.parent_path()) {
    if (::lstat(dir.c_str(), &st) != 0) return dir.string() + " cannot be read";
    if (std::string p = problem_with(dir.string(), st, system, false); !p.empty()) return p;
    if (dir == dir.root_path()) break;
  }
  return "";
}

void make_folders(const std::string& folder, mode_t mode) {
  fs::path so_far;
  for (const auto& part : fs::path(folder)) {
    so_far /= part;
    if (::mkdir(so_far.c_str(), mode) == 0) {
      const int fd = ::open(so_far.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (fd < 0 || ::fchmod(fd, mode) != 0) fail(so_far.string(), "cannot set its mode");
      ::close(fd);
    } else if (errno != EEXIST) {
      fail(so_far.string(), "cannot create");
    }
  }
}

void write_file(const std::string& path, const std::string& text, mode_t mode) {
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) fail(tmp, "cannot create");
  bool ok = ::fchmod(fd, mode) == 0;
  for (std::size_t done = 0; ok && done < text.size();) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    ok = n > 0 || (n < 0 && errno == EINTR);
    if (n > 0) done += static_cast<std::size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    ::unlink(tmp.c_str());
    errno = saved;
    fail(path, "cannot write");
  }
}

void install_program_copy(const std::string& program, const std::string& to) {
  std::ifstream in(program, std::ios::binary);
  if (!in) throw std::runtime_error(program + ": cannot read it to copy it");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  make_folders(fs::path(to).parent_path().string(), 0755);
  write_file(to, bytes.str(), 0755);
  if (::lchown(to.c_str(), 0, 0) != 0) fail(to, "cannot give it to root");
}

}  // namespace consentlens::host
