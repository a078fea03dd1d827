#include "schema.h"

#include <sqlite3.h>

#include "sqlite_util.h"
#include "timeutil.h"

namespace consentlens::host {
namespace {

// Each step takes the schema from version i to i+1.
const char* const kSteps[] = {
    // 1: the events table.
    "CREATE TABLE events ("
    " seq INTEGER PRIMARY KEY,"
    " event_id TEXT NOT NULL UNIQUE,"
    " type TEXT NOT NULL CHECK (type IN ('finding_shown', 'choice')),"
    " at TEXT NOT NULL,"
    " at_ms INTEGER NOT NULL,"
    " site TEXT NOT NULL,"
    " kind TEXT, vendor TEXT, choice TEXT,"
    " finding TEXT,"
    " stored_ms INTEGER NOT NULL);"
    "CREATE INDEX events_by_time ON events (at_ms, seq);",
    // 2: page title, meeting, searchable words, settings; indexes for the history page's filters.
    "ALTER TABLE events ADD COLUMN page_title TEXT;"
    "ALTER TABLE events ADD COLUMN meeting TEXT;"
    "ALTER TABLE events ADD COLUMN search TEXT NOT NULL DEFAULT '';"
    "UPDATE events SET search = lower(site || char(10) || coalesce(choice, '') || char(10) ||"
    "  coalesce(json_extract(finding, '$.evidence.text'), '') || char(10) ||"
    "  coalesce(json_extract(finding, '$.explanation.summary'), '') || char(10) || coalesce(kind, '') ||"
    "  char(10) || coalesce(vendor, ''));"
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE INDEX events_by_kind ON events (kind, at_ms);"
    "CREATE INDEX events_by_vendor ON events (vendor, at_ms);"
    "CREATE INDEX events_by_site ON events (site, at_ms);",
    // 3: the large parts of an event (finding, title, meeting) in their own table and the
    // searchable words in a trigram index, so counting, stats and search read small rows.
    "CREATE TABLE event_data (seq INTEGER PRIMARY KEY, finding TEXT, page_title TEXT, meeting TEXT);"
    "INSERT INTO event_data SELECT seq, finding, page_title, meeting FROM events;"
    "CREATE VIRTUAL TABLE event_search USING fts5(words, tokenize = 'trigram');"
    "INSERT INTO event_search (rowid, words) SELECT seq, search FROM events;"
    "ALTER TABLE events DROP COLUMN finding;"
    "ALTER TABLE events DROP COLUMN page_title;"
    "ALTER TABLE events DROP COLUMN meeting;"
    "ALTER TABLE events DROP COLUMN search;"
    "CREATE INDEX events_by_type ON events (type, kind, at_ms);"
    "CREATE INDEX events_by_choice ON events (choice);"
    "CREATE TRIGGER events_deleted AFTER DELETE ON events BEGIN"
    "  DELETE FROM event_data WHERE seq = old.seq;"
    "  DELETE FROM event_search WHERE rowid = old.seq;"
    "END;",
    // 4: a logged event's words wait in search_pending and join the trigram index in bulk after
    // the reply (docs/native-host.md says why).
    "CREATE TABLE search_pending (seq INTEGER PRIMARY KEY, words TEXT NOT NULL);"
    "DROP TRIGGER events_deleted;"
    "CREATE TRIGGER events_deleted AFTER DELETE ON events BEGIN"
    "  DELETE FROM event_data WHERE seq = old.seq;"
    "  DELETE FROM event_search WHERE rowid = old.seq;"
    "  DELETE FROM search_pending WHERE seq = old.seq;"
    "END;",
    // 5: each event's source (where the extension found the notice), its meeting key (for
    // `meetings`) and, for a finding_shown, the hash of what
    // makes it "the same notice again" (site, meeting, kind, vendor, evidence) for `log` to
    // recognise repeats. Older events get their meeting key; they have no notice hash.
    "ALTER TABLE events ADD COLUMN meeting_key TEXT;"
    "ALTER TABLE event_data ADD COLUMN source TEXT;"
    "ALTER TABLE events ADD COLUMN shown_key INTEGER;"
    "UPDATE events SET meeting_key = coalesce((SELECT meeting FROM event_data d WHERE d.seq = events.seq),"
    "  site || '|' || strftime('%Y-%m-%d', at_ms / 1000, 'unixepoch'));"
    // Covering what `meetings` reads of each event, so a meeting is summed up from the index alone.
    "CREATE INDEX events_by_meeting ON events (meeting_key, at_ms, type, kind, choice, vendor, site);"
    "CREATE INDEX events_by_shown_key ON events (shown_key, at_ms) WHERE shown_key IS NOT NULL;",
};
static_assert(sizeof kSteps / sizeof kSteps[0] == kSchemaVersion);

}  // namespace

int schema_version(sqlite3* db) { return static_cast<int>(scalar(db, "PRAGMA user_version")); }

void migrate(sqlite3* db) {
  for (int v = schema_version(db); v < kSchemaVersion; v = schema_version(db)) {
    Transaction t(db);
    if (schema_version(db) != v) continue;  // another host migrated while we waited for the lock
    exec(db, kSteps[v]);
    exec(db, "PRAGMA user_version=" + std::to_string(v + 1));
    t.commit();
  }
  if (const int v = schema_version(db); v > kSchemaVersion)
    throw StoreError("the history was written by a newer consentlens (schema " + std::to_string(v) + ", this one knows " +
                     std::to_string(kSchemaVersion) + ")");
}

std::string meeting_key(const std::string& site, const std::string& meeting, long long at_ms) {
  if (!meeting.empty()) return meeting;
  return site + "|" + format_rfc3339(at_ms).substr(0, 10);  // the UTC day, as strftime gives it
}

}  // namespace consentlens::host
