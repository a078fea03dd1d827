#include "dispatcher.h"

#include "framing.h"
#include "ops.h"
#include "requests.h"

namespace consentlens::host {
namespace {

std::string dump(const Json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

std::string failure(const Json& id, const std::string& code, const std::string& message) {
  Json r;
  r["id"] = id;
  r["ok"] = false;
  r["error"] = {{"code", code}, {"message", message}};
  return dump(r);
}

// The request's id, checked; throws RequestError when it is missing or malformed.
Json request_id(const Json& req) {
  if (!req.contains("id")) throw RequestError("bad_request", "\"id\" (string or number) is missing");
  const Json& id = req["id"];
  if (!id.is_string() && !id.is_number()) throw RequestError("bad_request", "\"id\" must be a string or a number");
  if (id.is_string() && id.get_ref<const std::string&>().size() > 200) throw RequestError("bad_request", "\"id\" is longer than 200 bytes");
  return id;
}

}  // namespace

int json_depth(std::string_view t, int limit) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') {
      if (++depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

std::string Dispatcher::error_reply(const char* code, const std::string& message) { return failure(nullptr, code, message); }

std::string Dispatcher::handle(std::string_view message) {
  if (json_depth(message, kMaxJsonDepth) > kMaxJsonDepth)
    return failure(nullptr, "bad_json", "the message nests deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  Json req;
  try {
    req = Json::parse(message);
  } catch (const Json::exception& e) {  // parse errors, and numbers out of range (1e999)
    return failure(nullptr, "bad_json", std::string("the message is not valid JSON (or not UTF-8): ") + e.what());
  }
  if (!req.is_object()) return failure(nullptr, "bad_request", "a request is a JSON object");
  Json id;
  try {
    id = request_id(req);
  } catch (const RequestError& e) {
    return failure(nullptr, e.code, e.what());
  }
  if (!allowed_) return failure(id, "forbidden", "this host serves only the consentlens extension");
  if (!req.contains("op") || !req["op"].is_string()) return failure(id, "bad_request", "\"op\" (string) is missing");
  const std::string& name = req["op"].get_ref<const std::string&>();
  const Op* op = find_op(name);
  if (!op) return failure(id, "unknown_op", "unknown operation \"" + name + "\"");
  Json reply;
  reply["id"] = id;
  reply["ok"] = true;
  try {
    std::vector<std::string> allowed = op->fields;
    allowed.insert(allowed.end(), {"id", "op"});
    only_fields(req, allowed, "");
    op->run(store_, req, reply);
  } catch (const RequestError& e) {
    return failure(id, e.code, e.what());
  } catch (const StoreError& e) {
    return failure(id, "storage", e.what());
  } catch (const Json::exception& e) {
    return failure(id, "bad_request", e.what());
  } catch (const std::exception& e) {  // nothing else is expected; the caller still gets an answer
    return failure(id, "storage", e.what());
  }
  std::string out = dump(reply);
  if (out.size() > kMaxReplyBytes) return failure(id, "too_large", "the reply would exceed 1 MiB; ask for fewer events");
  return out;
}

}  // namespace consentlens::host
