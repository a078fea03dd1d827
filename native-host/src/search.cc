#include "search.h"

#include <sqlite3.h>

namespace consentlens::host {
namespace {

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string like_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::string search_text(const Event& e) {
  std::string s = e.site + "\n" + e.page_title + "\n" + e.choice;
  if (e.finding && e.finding->is_object()) {
    const Json& f = *e.finding;
    auto add = [&](const Json& v) {
      if (v.is_string()) s += "\n" + v.get<std::string>();
    };
    if (f.contains("evidence") && f["evidence"].is_object() && f["evidence"].contains("text")) add(f["evidence"]["text"]);
    if (f.contains("explanation") && f["explanation"].is_object() && f["explanation"].contains("summary"))
      add(f["explanation"]["summary"]);
    for (const char* k : {"kind", "vendor", "bot_name"})
      if (f.contains(k)) add(f[k]);
  }
  return lower_ascii(s);
}

Clause matching(const std::string& words) {
  // The trigram index finds substrings of three characters or more; shorter ones are looked for
  // by a scan of the (small) search rows. A NUL cannot occur in stored words (they come from
  // JSON strings, where it would be \u0000 and is refused by requests.cc), and SQLite would cut a
  // bound string at one, so a NUL in the words simply matches nothing.
  if (words.find('\0') != std::string::npos) return {"SELECT NULL AS seq WHERE 0", {}};
  std::size_t chars = 0;
  for (unsigned char ch : words) chars += (ch & 0xC0) != 0x80;
  const std::string like = "%" + like_escape(lower_ascii(words)) + "%";
  Clause c;
  if (chars >= 3) {
    std::string phrase = "\"";
    for (char ch : lower_ascii(words)) phrase += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    c.sql = "SELECT rowid AS seq FROM event_search WHERE event_search MATCH ?";
    c.args.emplace_back(phrase + "\"");
  } else {
    c.sql = "SELECT rowid AS seq FROM event_search WHERE words LIKE ? ESCAPE '\\'";
    c.args.emplace_back(like);
  }
  c.sql += " UNION ALL SELECT seq FROM search_pending WHERE words LIKE ? ESCAPE '\\'";
  c.args.emplace_back(like);
  return c;
}

std::int64_t index_pending(sqlite3* db) {
  Transaction t(db);
  exec(db, "INSERT INTO event_search (rowid, words) SELECT seq, words FROM search_pending ORDER BY seq");
  const std::int64_t n = sqlite3_changes(db);
  exec(db, "DELETE FROM search_pending");
  t.commit();
  return n;
}

bool has_pending(sqlite3* db) { return scalar(db, "SELECT EXISTS (SELECT 1 FROM search_pending)") != 0; }

}  // namespace consentlens::host
