// The wasm engine's whole surface: ready(bundle) builds one Engine from the pack bundle that
// ships beside the .wasm (consentlens_pack.txt, scripts/pack-bundle.py), and analyze()
// returning the same JSON text `consentlens check --jsonl` prints for a line (compact dump
// of {"as": ..., "date"?: ..., "findings": [...]}, plus "warnings" when the input was repaired). Errors come back as
// {"error": "..."} rather than as exceptions, so JavaScript callers see a message, not a trap.
#include <emscripten/bind.h>

#include <memory>
#include <string>

#include "engine.h"

namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

// Built by ready(), then kept: compiling the rule set is the costly part.
std::unique_ptr<consentlens::Engine>& engine() {
  static std::unique_ptr<consentlens::Engine> instance;
  return instance;
}

std::string ready(const std::string& bundle) {
  try {
    if (!engine()) engine() = std::make_unique<consentlens::Engine>(consentlens::parse_pack_bundle(bundle), consentlens::Engine::BuiltTogether{});
    Json reply;
    reply["rules"] = engine()->rules().rules().size();
    return dump(reply);
  } catch (const std::exception& e) {
    return dump(Json{{"error", std::string("the rule pack does not load: ") + e.what()}});
  }
}

std::string analyze(const std::string& text, const std::string& url, const std::string& vendor, const std::string& as,
                    const std::string& date) {
  if (!engine()) return dump(Json{{"error", "the engine is not ready: call ready() with the pack bundle first"}});
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
