// Engine() on the packs embedded in the binary. Only the native build embeds them
// (core/CMakeLists.txt); the wasm engine receives the same packs as a bundle file
// (wasm/bindings.cc), which keeps them out of the .wasm.
#include "engine.h"

namespace consentlens {

Engine::Engine() : Engine(embedded_pack(), BuiltTogether{}) {}

}  // namespace consentlens
