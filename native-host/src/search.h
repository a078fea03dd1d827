// Free-text search over the history. An event's words (site, title, choice, evidence, summary,
// kind, vendor; lower-cased ASCII) go first to the plain table search_pending when it is logged,
// and join the trigram index event_search in bulk later (index_pending): one FTS5 insert per
// acknowledgement made some acknowledgements wait for the index's segment merges. A search reads
// both places, so an event is findable the moment its log is acknowledged.
#pragma once
#include <cstdint>
#include <string>

#include "event.h"
#include "sqlite_util.h"

namespace consentlens::host {

// The words a search looks through.
std::string search_text(const Event& e);
// The seq of every event whose words contain `words`, as a SELECT with its bindings.
Clause matching(const std::string& words);
// Moves every waiting event's words into the trigram index in one transaction; returns how many.
std::int64_t index_pending(sqlite3* db);
bool has_pending(sqlite3* db);

}  // namespace consentlens::host
