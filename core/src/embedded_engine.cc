// Engine() on the pack digest embedded in the native binary (the build's consentlens-pack
// writes it from core/; digest.h). The wasm engine is handed the same file instead
// (wasm/bindings.cc), which keeps it out of the .wasm.
//
// The digest goes in as it is with the assembler's .incbin: a multi-megabyte array written
// out as C++ source would take the compiler far longer to read than the bytes are worth.
#include "engine.h"

#ifndef CONSENTLENS_DIGEST_PATH
#error "CONSENTLENS_DIGEST_PATH must name the pack digest (core/CMakeLists.txt sets it)"
#endif

__asm__(".section .rodata\n"
        ".balign 16\n"
        "consentlens_embedded_digest_begin:\n"
        ".incbin \"" CONSENTLENS_DIGEST_PATH "\"\n"
        "consentlens_embedded_digest_end:\n"
        ".previous\n");
extern "C" const char consentlens_embedded_digest_begin[];
extern "C" const char consentlens_embedded_digest_end[];

namespace consentlens {

std::string_view embedded_digest() {
  return {consentlens_embedded_digest_begin, static_cast<std::size_t>(consentlens_embedded_digest_end - consentlens_embedded_digest_begin)};
}

Engine::Engine() : Engine(embedded_digest(), FromDigest{}) {}

}  // namespace consentlens
