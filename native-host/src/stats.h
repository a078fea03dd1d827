// Counts over the history for the history page's chart and the `stats` request.
#pragma once
#include "event.h"
#include "sqlite_util.h"

namespace consentlens::host {

// total, first_at, last_at, by_kind, by_vendor, by_type, by_choice (most frequent first, ties by
// name) and by_week ([{week: Monday's date (UTC), kind, count}] for finding_shown events), over
// the events `where` selects.
Json compute_stats(sqlite3* db, const Clause& where);

}  // namespace consentlens::host
