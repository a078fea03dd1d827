// The history's files on disk and what is guaranteed about them:
// - the folder and any parent the host creates are 0700; the default folder is tightened to
//   0700 if it exists with a wider mode;
// - the database is a regular file, 0600, never a symbolic link (nor are its -wal and -shm);
//   modes are changed only through a descriptor opened with O_NOFOLLOW, so chmod never follows
//   a link planted in place of a file;
// - a damaged database is copied, with its -wal and -shm, before anything writes to it;
// - a reserve file beside the database gives deleting and purging room on a full disk.
#pragma once
#include <cstdint>
#include <string>

namespace consentlens::host {

// Creates `folder` and every missing parent with mode 0700. With `make_private`, an existing
// `folder` owned by this user is tightened to 0700 (a symbolic link is left as it is).
void prepare_folder(const std::string& folder, bool make_private);

// Refuses (StoreError naming the file) a database, -wal or -shm that is a symbolic link or not a
// regular file; creates the database 0600 when missing; tightens existing ones to 0600.
void prepare_database_file(const std::string& path);

// Copies path, path-wal and path-shm (those that exist) to path.corrupt-<UTC time> and the same
// name with -wal and -shm, 0600, synced to disk. When the newest such copy already holds the
// files as they are now (same sizes and modification times), no new copy is made. Returns the
// copy's path; throws StoreError if a copy cannot be made.
std::string quarantine_copy(const std::string& path, std::int64_t now_ms);

// path-reserve: kReserveBytes of disk that the store gives up when a delete meets a full disk.
inline constexpr std::int64_t kReserveBytes = 4 << 20;
// Makes the reserve if it is missing and the disk has room; never throws.
void ensure_reserve(const std::string& path) noexcept;
// Deletes the reserve; true if there was one to give up.
bool release_reserve(const std::string& path) noexcept;

}  // namespace consentlens::host
