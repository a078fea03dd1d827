#include "framing.h"

#include <array>
#include <cstring>

namespace consentlens::host {

ReadStatus read_frame(std::FILE* in, std::string& out, std::uint32_t limit) {
  out.clear();
  unsigned char prefix[4];
  const std::size_t got = std::fread(prefix, 1, sizeof prefix, in);
  if (got == 0) return ReadStatus::end;
  if (got < sizeof prefix) return ReadStatus::truncated;
  std::uint32_t length;
  std::memcpy(&length, prefix, sizeof length);  // native byte order, as the protocol says
  if (length == 0) return ReadStatus::empty;
  if (length > limit) {
    // Skip the announced bytes in small pieces: a hostile prefix must not make us allocate it.
    std::array<char, 64 * 1024> sink;
    std::uint64_t left = length;
    while (left > 0) {
      const std::size_t n = std::fread(sink.data(), 1, left < sink.size() ? left : sink.size(), in);
      if (n == 0) return ReadStatus::truncated;
      left -= n;
    }
    return ReadStatus::too_large;
  }
  out.resize(length);
  std::size_t have = 0;
  while (have < length) {
    const std::size_t n = std::fread(out.data() + have, 1, length - have, in);
    if (n == 0) return ReadStatus::truncated;
    have += n;
  }
  return ReadStatus::message;
}

bool write_frame(std::FILE* out, const std::string& message) {
  const auto length = static_cast<std::uint32_t>(message.size());
  unsigned char prefix[4];
  std::memcpy(prefix, &length, sizeof length);
  return std::fwrite(prefix, 1, sizeof prefix, out) == sizeof prefix &&
         std::fwrite(message.data(), 1, message.size(), out) == message.size() && std::fflush(out) == 0;
}

}  // namespace consentlens::host
