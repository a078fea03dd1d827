// The wasm engine's whole surface: one Engine built from the embedded packs, and analyze()
// returning the same JSON text `consentlens check --jsonl` prints for a line (compact dump
// of {"findings": [...]}, plus "warnings" when the input was repaired). Errors come back as
// {"error": "..."} rather than as exceptions, so JavaScript callers see a message, not a trap.
#include <emscripten/bind.h>

#include <memory>
#include <string>

#include "engine.h"

namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

// Built on first use (or by ready()), then kept: compiling the rule set is the costly part.
const consentlens::Engine& engine() {
  static const auto instance = std::make_unique<consentlens::Engine>();
  return *instance;
}

std::string ready() {
  try {
    Json reply;
    reply["rules"] = engine().rules().rules().size();
    return dump(reply);
  } catch (const std::exception& e) {
    return dump(Json{{"error", std::string("the rule pack does not load: ") + e.what()}});
  }
}

std::string analyze(const std::string& text, const std::string& url, const std::string& vendor) {
  try {
    consentlens::Analysis a = engine().analyze(text, {url, vendor});
    Json reply;
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
