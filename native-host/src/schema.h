// The history's tables and their versions. migrate() takes any older database to
// kSchemaVersion in place, one version per transaction, so a crash mid-migration leaves the
// previous version intact; a database from a newer release is refused, never changed.
#pragma once
#include <string>

struct sqlite3;

namespace consentlens::host {

inline constexpr int kSchemaVersion = 5;

int schema_version(sqlite3* db);
// Throws StoreError naming the versions when the file is newer than this release.
void migrate(sqlite3* db);
// The key `meetings` groups an event under: its meeting field, or else its site and UTC day.
// The SQL expression and its C++ twin give the same text.
std::string meeting_key(const std::string& site, const std::string& meeting, long long at_ms);

}  // namespace consentlens::host
