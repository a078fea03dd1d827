#include "db_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "sqlite_util.h"
#include "timeutil.h"

namespace consentlens::host {
namespace fs = std::filesystem;
namespace {

std::string os_error(const std::string& path, const char* what) { return path + ": " + what + ": " + std::strerror(errno); }

// Closes a descriptor when it goes out of scope.
struct Fd {
  int fd;
  explicit Fd(int f) : fd(f) {}
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
};

void tighten(int fd, mode_t private_mode) {
  struct stat st {};
  if (::fstat(fd, &st) == 0 && st.st_uid == ::geteuid() && (st.st_mode & 07777) != private_mode) ::fchmod(fd, private_mode);
}

// The file's state that says whether it changed: absent, or its size and modification time.
struct Shape {
  bool exists = false;
  off_t size = 0;
  struct timespec mtime {};
  bool operator==(const Shape& o) const {
    return exists == o.exists && (!exists || (size == o.size && mtime.tv_sec == o.mtime.tv_sec && mtime.tv_nsec == o.mtime.tv_nsec));
  }
};

Shape shape_of(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return {};
  return {true, st.st_size, st.st_mtim};
}

// Copies one file byte for byte, synced, with the source's modification time.
void copy_file(const std::string& from, const std::string& to) {
  Fd in(::open(from.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (in.fd < 0) throw StoreError(os_error(from, "cannot read it to copy it"));
  Fd out(::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (out.fd < 0) throw StoreError(os_error(to, "cannot create the copy"));
  std::vector<char> buf(1 << 16);
  while (true) {
    const ssize_t n = ::read(in.fd, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw StoreError(os_error(from, "cannot read it to copy it"));
    if (n == 0) break;
    for (ssize_t done = 0; done < n;) {
      const ssize_t w = ::write(out.fd, buf.data() + done, static_cast<std::size_t>(n - done));
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) throw StoreError(os_error(to, "cannot write the copy"));
      done += w;
    }
  }
  if (::fsync(out.fd) != 0) throw StoreError(os_error(to, "cannot write the copy to disk"));
  struct stat st {};
  if (::fstat(in.fd, &st) == 0) {
    const struct timespec times[2] = {st.st_atim, st.st_mtim};
    ::futimens(out.fd, times);
  }
}

// The newest earlier copy of `path` (its name), or "".
std::string newest_copy(const std::string& path) {
  const fs::path p(path);
  const std::string prefix = p.filename().string() + ".corrupt-";
  std::string best;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(p.has_parent_path() ? p.parent_path() : ".", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0 || name.size() < 4) continue;
    const std::string tail = name.substr(name.size() - 4);
    if (tail == "-wal" || tail == "-shm") continue;
    if (name > best) best = name;  // the time in the name sorts as text
  }
  return best.empty() ? "" : (p.has_parent_path() ? p.parent_path() / best : fs::path(best)).string();
}

std::string compact_time(std::int64_t ms) {
  std::string t = format_rfc3339(ms - ms % 1000);  // 2026-12-02T14:05:00Z
  std::string out;
  for (char c : t)
    if (c != '-' && c != ':') out += c;
  char frac[8];
  std::snprintf(frac, sizeof frac, ".%03dZ", static_cast<int>(((ms % 1000) + 1000) % 1000));
  return out.substr(0, out.size() - 1) + frac;  // 20261202T140500.123Z
}

}  // namespace

void prepare_folder(const std::string& folder, bool make_private) {
  if (folder.empty()) return;
  fs::path so_far;
  for (const auto& part : fs::path(folder)) {
    so_far /= part;
    if (::mkdir(so_far.c_str(), 0700) != 0 && errno != EEXIST)
      throw StoreError(os_error(so_far.string(), "cannot create the history's folder"));
  }
  if (!make_private) return;
  Fd dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (dir.fd >= 0) tighten(dir.fd, 0700);  // ELOOP: a symbolic link, left alone
}

void prepare_database_file(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const std::string file = path + suffix;
    struct stat st {};
    if (::lstat(file.c_str(), &st) != 0) continue;
    if (S_ISLNK(st.st_mode))
      throw StoreError(file + " is a symbolic link; the history is kept only in a regular file (move the file it points to into its place)");
    if (!S_ISREG(st.st_mode)) throw StoreError(file + " is not a regular file");
    Fd fd(::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
    if (fd.fd >= 0) tighten(fd.fd, 0600);
  }
  Fd created(::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (created.fd < 0 && errno != EEXIST) throw StoreError(os_error(path, "cannot create the history database"));
}

std::string quarantine_copy(const std::string& path, std::int64_t now_ms) {
  const std::string previous = newest_copy(path);
  if (!previous.empty()) {
    bool same = true;
    for (const char* suffix : {"", "-wal"}) same = same && shape_of(path + suffix) == shape_of(previous + suffix);
    if (same) return previous;
  }
  const std::string copy = path + ".corrupt-" + compact_time(now_ms);
  for (const char* suffix : {"", "-wal", "-shm"})
    if (shape_of(path + suffix).exists) copy_file(path + suffix, copy + suffix);
  return copy;
}

void ensure_reserve(const std::string& path) noexcept {
  const std::string file = path + "-reserve";
  struct stat st {};
  if (::lstat(file.c_str(), &st) == 0) return;
  Fd fd(::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (fd.fd < 0) return;
  if (::posix_fallocate(fd.fd, 0, kReserveBytes) != 0 || ::fsync(fd.fd) != 0) ::unlink(file.c_str());  // no room: none
}

bool release_reserve(const std::string& path) noexcept { return ::unlink((path + "-reserve").c_str()) == 0; }

}  // namespace consentlens::host
