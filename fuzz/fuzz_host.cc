// Fuzzes what a browser (or anything pretending to be one) can send the native host: a stream of
// frames with any lengths and bytes, each request run by the dispatcher against an in-memory
// database. It must never crash, hang or write a reply over the limit.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "dispatcher.h"
#include "framing.h"
#include "store.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static consentlens::host::Store store(":memory:");
  std::FILE* in = fmemopen(const_cast<std::uint8_t*>(data), size, "rb");
  if (!in) return 0;
  consentlens::host::Dispatcher dispatcher(store, true);
  std::string message;
  for (int i = 0; i < 64; ++i) {
    // A small limit here so that "too large" frames are reached with short inputs.
    const auto status = consentlens::host::read_frame(in, message, 1 << 16);
    if (status == consentlens::host::ReadStatus::end || status == consentlens::host::ReadStatus::truncated) break;
    if (status != consentlens::host::ReadStatus::message) continue;
    const std::string reply = dispatcher.handle(message);
    if (reply.size() > consentlens::host::kMaxReplyBytes || reply.empty() || reply.front() != '{') __builtin_trap();
  }
  std::fclose(in);
  return 0;
}
