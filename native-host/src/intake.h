// What `log` keeps. The extension already limits and de-duplicates what it sends; the host holds
// the same lines itself, so a faulty or subverted sender still cannot flood or pad the history:
// - an event older than the retention is not stored (it would be deleted at once);
// - a finding_shown with the same site, meeting, kind, vendor and evidence as one stored within
//   kRepeatWindowMs of it (either side) is a repeat, not stored: a page that reloads or repeats
//   its banner adds nothing;
// - a site gets at most kSiteHourQuota events per clock hour (UTC, by the events' times).
// Every event not stored is counted in the reply, so the sender can tell it was settled.
#pragma once
#include <cstdint>
#include <optional>

#include "event.h"
#include "sqlite_util.h"

namespace consentlens::host {

inline constexpr std::int64_t kRepeatWindowMs = 6LL * 3600 * 1000;
inline constexpr std::int64_t kSiteHourQuota = 300;

// What makes a finding_shown "the same notice again", hashed (FNV-1a, 64 bits: an identity within
// one person's history, not a secret); 0 for a choice, which is never a repeat by content.
std::int64_t shown_key(const Event& e);

enum class Verdict { store, expired, repeat, over_quota };

// Judges events inside log()'s transaction, so events stored earlier in the same batch count.
class Intake {
 public:
  Intake(sqlite3* db, std::optional<std::int64_t> visible_since);
  Verdict judge(const Event& e, std::int64_t key);

 private:
  std::optional<std::int64_t> visible_since_;
  Stmt repeat_, hour_count_;
};

}  // namespace consentlens::host
