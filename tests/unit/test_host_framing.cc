// The browsers' native messaging framing, and the nesting check that runs before JSON parsing.
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstring>
#include <string>

#include "dispatcher.h"
#include "framing.h"

using namespace consentlens::host;

namespace {

// A FILE* holding `bytes`, to read frames from.
struct MemFile {
  std::FILE* f;
  explicit MemFile(const std::string& bytes) : f(std::tmpfile()) {
    std::fwrite(bytes.data(), 1, bytes.size(), f);
    std::rewind(f);
  }
  ~MemFile() { std::fclose(f); }
};

std::string frame(const std::string& body, std::uint32_t length) {
  std::string out(4, '\0');
  std::memcpy(out.data(), &length, 4);
  return out + body;
}
std::string frame(const std::string& body) { return frame(body, static_cast<std::uint32_t>(body.size())); }

}  // namespace

TEST_CASE("frames are read whole, and bad prefixes never allocate what they announce", "[host][framing]") {
  std::string out;
  {
    MemFile m(frame("{\"id\":1}") + frame("[]"));
    CHECK(read_frame(m.f, out) == ReadStatus::message);
    CHECK(out == "{\"id\":1}");
    CHECK(read_frame(m.f, out) == ReadStatus::message);
    CHECK(out == "[]");
    CHECK(read_frame(m.f, out) == ReadStatus::end);
  }
  {
    MemFile m(frame("", 0) + frame("x"));  // an empty message, then the stream goes on
    CHECK(read_frame(m.f, out) == ReadStatus::empty);
    CHECK(read_frame(m.f, out) == ReadStatus::message);
  }
  {
    MemFile m(frame("abc", 10));  // the input ends inside the frame
    CHECK(read_frame(m.f, out) == ReadStatus::truncated);
  }
  {
    MemFile m(std::string("\x01\x00", 2));  // the input ends inside the length
    CHECK(read_frame(m.f, out) == ReadStatus::truncated);
  }
  {
    MemFile m(frame(std::string(100, 'x')) + frame("ok"));  // over a 50-byte limit: skipped, in step
    CHECK(read_frame(m.f, out, 50) == ReadStatus::too_large);
    CHECK(out.capacity() < 100);
    CHECK(read_frame(m.f, out, 50) == ReadStatus::message);
    CHECK(out == "ok");
  }
  {
    MemFile m(frame("", 0xFFFFFFFFu));  // 4 GiB announced, nothing sent
    CHECK(read_frame(m.f, out) == ReadStatus::truncated);
    CHECK(out.capacity() < (1u << 20));
  }
}

TEST_CASE("write_frame writes the length in native order", "[host][framing]") {
  std::FILE* f = std::tmpfile();
  REQUIRE(write_frame(f, "{\"ok\":true}"));
  std::rewind(f);
  std::string out;
  CHECK(read_frame(f, out) == ReadStatus::message);
  CHECK(out == "{\"ok\":true}");
  std::fclose(f);
}

TEST_CASE("json_depth counts nesting outside strings only", "[host][dispatcher]") {
  CHECK(json_depth("{\"a\":[1,{\"b\":2}]}", 64) == 3);
  CHECK(json_depth("{\"a\":\"[[[[[[\"}", 64) == 1);
  CHECK(json_depth("{\"a\":\"\\\"[[[\"}", 64) == 1);
  CHECK(json_depth(std::string(200, '['), 64) == 65);  // stops once past the limit
}
