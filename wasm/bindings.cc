// The wasm engine's whole surface, as plain C functions (no embind: its runtime and the RTTI it
// needs cost the module several kilobytes of its 250 KB gzip budget, docs/benchmarks.md).
// consentlens_engine.mjs hands strings over as UTF-8 bytes in buffers it allocates with
// cl_alloc() and frees with cl_free(), and reads each reply back from cl_reply_data() and
// cl_reply_size().
//
// cl_ready(digest) builds one Engine from the pack digest that ships beside the .wasm
// (consentlens_pack.bin, core/src/digest.h); cl_analyze() writes the same JSON text
// `consentlens check --jsonl` prints for a line (compact dump of {"as": ..., "date"?: ...,
// "findings": [...]}, plus "warnings" when the input was repaired). Errors come back as
// {"error": "..."} rather than as exceptions, so JavaScript callers see a message, not a trap.
#include <emscripten/emscripten.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "engine.h"

namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

// Built by cl_ready(), then kept: the caches of compiled patterns live in it.
std::unique_ptr<consentlens::Engine>& engine() {
  static std::unique_ptr<consentlens::Engine> instance;
  return instance;
}

// The last reply, kept until the next call so JavaScript can copy it out.
std::string& reply_text() {
  static std::string text;
  return text;
}

std::string ready(std::string_view digest) {
  try {
    if (!engine()) engine() = std::make_unique<consentlens::Engine>(digest, consentlens::Engine::FromDigest{});
    Json reply;
    reply["rules"] = engine()->rules().rules().size();
    return dump(reply);
  } catch (const std::exception& e) {
    return dump(Json{{"error", std::string("the rule pack does not load: ") + e.what()}});
  }
}

std::string analyze(const std::string& text, const std::string& url, const std::string& vendor, const std::string& as,
                    const std::string& date) {
  if (!engine()) return dump(Json{{"error", "the engine is not ready: call ready() with the pack digest first"}});
  try {
    consentlens::Analysis a = engine()->analyze(text, {url, vendor, as, date});
    Json reply;
    reply["as"] = a.as;
    if (!a.date.empty()) reply["date"] = a.date;
    reply["findings"] = std::move(a.result["findings"]);
    if (!a.warnings.empty()) reply["warnings"] = a.warnings;
    return dump(reply);
  } catch (const consentlens::InputError& e) {
    return dump(Json{{"error", e.what()}});
  } catch (const std::exception& e) {
    return dump(Json{{"error", std::string("the engine failed: ") + e.what()}});
  }
}

}  // namespace

extern "C" {

// A buffer for JavaScript to write UTF-8 into (null when memory is exhausted).
EMSCRIPTEN_KEEPALIVE char* cl_alloc(std::size_t size) { return static_cast<char*>(std::malloc(size == 0 ? 1 : size)); }
EMSCRIPTEN_KEEPALIVE void cl_free(char* buffer) { std::free(buffer); }

EMSCRIPTEN_KEEPALIVE const char* cl_reply_data() { return reply_text().data(); }
EMSCRIPTEN_KEEPALIVE std::size_t cl_reply_size() { return reply_text().size(); }

EMSCRIPTEN_KEEPALIVE void cl_ready(const char* digest, std::size_t digest_size) {
  reply_text() = ready(std::string_view(digest, digest_size));
}

// Each argument is a (pointer, byte count) pair of UTF-8 text; the text itself may be invalid
// UTF-8, which the core repairs and reports in "warnings".
EMSCRIPTEN_KEEPALIVE void cl_analyze(const char* text, std::size_t text_size, const char* url, std::size_t url_size,
                                     const char* vendor, std::size_t vendor_size, const char* as, std::size_t as_size,
                                     const char* date, std::size_t date_size) {
  reply_text() = analyze(std::string(text, text_size), std::string(url, url_size), std::string(vendor, vendor_size),
                         std::string(as, as_size), std::string(date, date_size));
}

}  // extern "C"
