// The wasm engine's whole surface: ready(digest) builds one Engine from the pack digest that
// ships beside the .wasm (consentlens_pack.bin, core/src/digest.h), and analyze()
// returning the same JSON text `consentlens check --jsonl` prints for a line (compact dump
// of {"as": ..., "date"?: ..., "findings": [...]}, plus "warnings" when the input was repaired). Errors come back as
// {"error": "..."} rather than as exceptions, so JavaScript callers see a message, not a trap.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>

#include "engine.h"

namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

// Built by ready(), then kept: the caches of compiled patterns live in it.
std::unique_ptr<consentlens::Engine>& engine() {
  static std::unique_ptr<consentlens::Engine> instance;
  return instance;
}

// `bytes`: the digest file as a Uint8Array. Copied into the module's memory with one
// TypedArray.set (embind's own std::string conversion copies byte by byte in JavaScript).
std::string ready(const emscripten::val& bytes) {
  try {
    const auto size = bytes["length"].as<std::size_t>();
    const std::unique_ptr<unsigned char[]> digest(new unsigned char[size]);  // not zeroed: set() fills it
    emscripten::val(emscripten::typed_memory_view(size, digest.get())).call<void>("set", bytes);
    if (!engine())
      engine() = std::make_unique<consentlens::Engine>(std::string_view(reinterpret_cast<const char*>(digest.get()), size),
                                                       consentlens::Engine::FromDigest{});
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

EMSCRIPTEN_BINDINGS(consentlens) {
  emscripten::function("ready", &ready);
  emscripten::function("analyze", &analyze);
}
