#include "digest.h"

#include <bit>
#include <cstring>

#include "rule_pack.h"

namespace consentlens {

void DigestWriter::u32(std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out_ += static_cast<char>((v >> (8 * i)) & 0xff);
}

void DigestWriter::str(std::string_view s) {
  u32(static_cast<std::uint32_t>(s.size()));
  out_ += s;
}

void DigestWriter::u32s(const std::vector<std::uint32_t>& v) {
  u32(static_cast<std::uint32_t>(v.size()));
  for (std::uint32_t x : v) u32(x);
}

std::uint64_t digest_checksum(std::string_view bytes) {
  constexpr std::uint64_t kPrime = 0x100000001b3ull;
  std::uint64_t h = 0xcbf29ce484222325ull;
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    h = (h ^ w) * kPrime;
  }
  for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * kPrime;
  return h;
}

std::string DigestWriter::take() {
  const std::uint64_t sum = digest_checksum(out_);
  u32(static_cast<std::uint32_t>(sum));
  u32(static_cast<std::uint32_t>(sum >> 32));
  return std::move(out_);
}

DigestReader::DigestReader(std::string_view sealed) : bytes_(sealed) {
  const std::size_t head = 4 + kDigestMagic.size();
  if (sealed.size() < 4) fail("cut short");
  if (sealed.size() < head || u32() != kDigestMagic.size() || sealed.substr(4, kDigestMagic.size()) != kDigestMagic) {
    at_ = 0;
    fail("not a consentlens pack digest");
  }
  if (sealed.size() < head + 8) fail("cut short");
  at_ = head;
  std::uint64_t sum;
  std::memcpy(&sum, sealed.data() + sealed.size() - 8, 8);
  bytes_ = sealed.substr(0, sealed.size() - 8);
  if (digest_checksum(bytes_) != sum) {
    at_ = bytes_.size();
    fail("damaged: its checksum does not match its " + std::to_string(sealed.size()) + " bytes (cut short or changed)");
  }
}

void DigestReader::fail(const std::string& what) const {
  throw PackError({"pack digest: at byte " + std::to_string(at_) + ": " + what});
}

namespace {

// The digest is little-endian, like both targets (x86-64, wasm32): a plain copy reads it.
static_assert(std::endian::native == std::endian::little, "the pack digest is read as little-endian");

}  // namespace

std::uint32_t DigestReader::u32() {
  if (bytes_.size() - at_ < 4) fail("cut short");
  std::uint32_t v;
  std::memcpy(&v, bytes_.data() + at_, 4);
  at_ += 4;
  return v;
}

std::uint32_t DigestReader::count(std::size_t each) {
  const std::uint32_t n = u32();
  if (each > 0 && n > (bytes_.size() - at_) / each) fail("a count of " + std::to_string(n) + " that the rest cannot hold");
  return n;
}

std::string_view DigestReader::view() {
  const std::uint32_t n = count(1);
  const std::string_view s = bytes_.substr(at_, n);
  at_ += n;
  return s;
}

std::string DigestReader::str() { return std::string(view()); }

std::vector<std::uint32_t> DigestReader::u32s() {
  const std::uint32_t n = count(4);
  std::vector<std::uint32_t> v(n);
  if (n > 0) std::memcpy(v.data(), bytes_.data() + at_, std::size_t{n} * 4);
  at_ += std::size_t{n} * 4;
  return v;
}

void DigestReader::expect(std::string_view section) {
  const std::size_t at = at_;
  if (bytes_.size() - at_ < 4 + section.size() || view() != section) {
    at_ = at;
    fail("expected the section \"" + std::string(section) + "\"");
  }
}

}  // namespace consentlens
