// Reading the fields of a request: every field is checked for type, size and allowed values
// before anything is stored or looked up, and a bad one is refused with a message that names it
// and where it is ("events[3]: \"at\" is not an RFC 3339 time ...").
#pragma once
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <vector>

#include "event.h"

namespace consentlens::host {

// A request the dispatcher refuses: becomes {"ok": false, "error": {code, message}}.
struct RequestError : std::runtime_error {
  std::string code;
  RequestError(std::string c, const std::string& m) : std::runtime_error(m), code(std::move(c)) {}
};

[[noreturn]] void bad(const std::string& message);  // a bad_request

// The string at `key`, or nullptr when absent; refuses a non-string or one over max_len bytes.
const std::string* optional_string(const Json& req, const char* key, std::size_t max_len, const std::string& where = "");
void only_fields(const Json& obj, const std::vector<std::string>& allowed, const std::string& where);

// One event of a log request; `index` names it in errors. An event whose source holds people's own
// words (contract.json item_sources "quotable": false: chat, captions, the participant list)
// keeps no quote of them (its finding's evidence is dropped), whatever the sender sent.
Event parse_event(const Json& j, std::size_t index);
// since, until, vendor, kind, site, type, choice, meeting, search.
Filters parse_filters(const Json& req);
int parse_limit(const Json& req, int fallback, int max);

// Field names of the filters, for only_fields.
extern const std::vector<std::string> kFilterFields;

}  // namespace consentlens::host
