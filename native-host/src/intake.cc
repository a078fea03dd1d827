#include "intake.h"

namespace consentlens::host {
namespace {

constexpr std::int64_t kHourMs = 3'600'000;

std::string finding_text(const Event& e, const char* key, const char* inner = nullptr) {
  if (!e.finding || !e.finding->is_object() || !e.finding->contains(key)) return "";
  const Json* v = &(*e.finding)[key];
  if (inner) v = v->is_object() && v->contains(inner) ? &(*v)[inner] : nullptr;
  return v && v->is_string() ? v->get<std::string>() : "";
}

}  // namespace

std::int64_t shown_key(const Event& e) {
  if (e.type != "finding_shown") return 0;
  std::uint64_t h = 0xcbf29ce484222325ULL;
  auto add = [&](const std::string& s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 0x100000001b3ULL;
    }
    h ^= 0x1f;  // a separator no field can contain unescaped: "ab"+"c" differs from "a"+"bc"
    h *= 0x100000001b3ULL;
  };
  add(e.site);
  add(e.meeting);
  add(finding_text(e, "kind"));
  add(finding_text(e, "vendor"));
  add(finding_text(e, "evidence", "text"));
  const auto key = static_cast<std::int64_t>(h);
  return key == 0 ? 1 : key;  // 0 means "no key"
}

Intake::Intake(sqlite3* db, std::optional<std::int64_t> visible_since)
    : visible_since_(visible_since),
      repeat_(db, "SELECT EXISTS (SELECT 1 FROM events WHERE shown_key = ? AND at_ms BETWEEN ? AND ?)"),
      hour_count_(db, "SELECT count(*) FROM events WHERE site = ? AND at_ms >= ? AND at_ms < ?") {}

Verdict Intake::judge(const Event& e, std::int64_t key) {
  if (visible_since_ && e.at_ms < *visible_since_) return Verdict::expired;
  if (key != 0) {
    repeat_.bind(1, key);
    repeat_.bind(2, e.at_ms - kRepeatWindowMs);
    repeat_.bind(3, e.at_ms + kRepeatWindowMs);
    repeat_.step();
    const bool seen = repeat_.int64(0) != 0;
    repeat_.reset();
    if (seen) return Verdict::repeat;
  }
  const std::int64_t hour = e.at_ms - ((e.at_ms % kHourMs) + kHourMs) % kHourMs;
  hour_count_.bind(1, e.site);
  hour_count_.bind(2, hour);
  hour_count_.bind(3, hour + kHourMs);
  hour_count_.step();
  const std::int64_t n = hour_count_.int64(0);
  hour_count_.reset();
  return n >= kSiteHourQuota ? Verdict::over_quota : Verdict::store;
}

}  // namespace consentlens::host
