// The browsers' native messaging frames: a 32-bit length in native byte order, then that many
// bytes of UTF-8 JSON. Reading never allocates more than the limit, whatever the prefix says.
#pragma once
#include <cstdint>
#include <cstdio>
#include <string>

namespace consentlens::host {

inline constexpr std::uint32_t kMaxInboundBytes = 8u << 20;  // documented in docs/native-host.md
inline constexpr std::uint32_t kMaxReplyBytes = 1u << 20;    // the browsers refuse more

enum class ReadStatus {
  message,    // `out` holds one message
  end,        // clean end of input before a new frame
  truncated,  // the input ended inside a frame: the stream is unusable
  empty,      // a zero length: nothing to parse, the stream is still in step
  too_large,  // over the limit: the bytes were read and thrown away, the stream is in step
};

ReadStatus read_frame(std::FILE* in, std::string& out, std::uint32_t limit = kMaxInboundBytes);
// Writes one frame and flushes; false if the output is gone.
bool write_frame(std::FILE* out, const std::string& message);

}  // namespace consentlens::host
