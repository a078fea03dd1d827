// Requests to the history, from the browser (framed) or from a terminal (JSON lines): the same
// validation and the same replies. A reply is always one JSON object with the request's id, and
// never longer than kMaxReplyBytes: query and export return fewer events and a next_cursor.
#pragma once
#include <string>
#include <string_view>

#include "store.h"

namespace consentlens::host {

inline constexpr int kMaxBatchEvents = 1000;
inline constexpr int kMaxJsonDepth = 64;
inline constexpr int kProtocolVersion = 1;

class Dispatcher {
 public:
  // `allowed`: whether the caller may use the history (a browser caller whose origin is not the
  // consentlens extension gets "forbidden" for everything).
  Dispatcher(Store& store, bool allowed) : store_(store), allowed_(allowed) {}
  // Never throws: every failure becomes an error reply.
  std::string handle(std::string_view message);
  // The reply for a message that could not be read at all (too large, empty).
  static std::string error_reply(const char* code, const std::string& message);

 private:
  Store& store_;
  bool allowed_;
};

// Deepest nesting of arrays and objects in `text` (strings skipped), stopping once past `limit`.
int json_depth(std::string_view text, int limit);

}  // namespace consentlens::host
