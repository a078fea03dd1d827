// The packs pre-digested at build time: what the engine would otherwise work out at every
// start (the rules, facts and vocabulary read from a hundred JSON files and checked, the atoms
// of each vocabulary entry, the automaton over them) in a binary form the engine reads
// directly, with no JSON parser at start.
// `consentlens-pack` (cli/pack_main.cc, make_digest in cli/make_digest.h) writes it from core/
// after loading the packs with every check; the native build embeds it, the wasm engine is handed it as a file beside the
// .wasm. One writer and one reader serve both targets, so they read the same bytes.
//
// Format: integers are u32 little-endian; a string is its byte count, then its bytes.
//   "consentlens-digest" u32:version
//   "vocabulary"  Vocabulary::write (pack_digest.cc)
//   "rules"       RulePack::write (pack_digest.cc)
//   "knowledge"   Knowledge::write (pack_digest.cc)
//   "words"       WordFinder::write (word_finder.cc: the atoms' automaton and entry tables)
//   "patterns"    Matcher::write (matcher.cc: each pattern's class formula, their atoms' automaton)
//   "end"   then u64 digest_checksum of all that came before
// A reader that meets anything else (another version, a cut, a flipped length) throws
// PackError naming the byte where it stopped.
#pragma once
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <string>
#include <string_view>
#include <vector>

#include "pack_files.h"

namespace consentlens {

// A 64-bit FNV-1a over 8-byte words (then the tail bytes): cheap enough to run over megabytes
// at every start, and any flipped or cut byte changes it.
std::uint64_t digest_checksum(std::string_view bytes);

inline constexpr std::string_view kDigestMagic = "consentlens-digest";
inline constexpr std::uint32_t kDigestVersion = 2;

class DigestWriter {
 public:
  void u32(std::uint32_t v);
  void str(std::string_view s);
  void u32s(const std::vector<std::uint32_t>& v);
  // An array of plain structs of 32-bit fields, as it is in memory (both targets are
  // little-endian): its count, then its bytes.
  template <typename T>
  void array(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T> && sizeof(T) % 4 == 0);
    u32(static_cast<std::uint32_t>(v.size()));
    out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  // The digest, sealed with its checksum (digest_checksum of everything before it, u64).
  std::string take();

 private:
  std::string out_;
};

class DigestReader {
 public:
  // Checks the magic and the seal first: a digest whose checksum does not match is refused
  // before any of it is read ("damaged"); the reader then stands after the magic and sees the
  // bytes before the seal.
  explicit DigestReader(std::string_view sealed);
  std::uint32_t u32();
  std::string str();
  std::string_view view();  // a string, without copying it
  std::vector<std::uint32_t> u32s();
  template <typename T>
  void array(std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T> && sizeof(T) % 4 == 0);
    v.resize(count(sizeof(T)));
    if (!v.empty()) std::memcpy(static_cast<void*>(v.data()), bytes_.data() + at_, v.size() * sizeof(T));
    at_ += v.size() * sizeof(T);
  }
  // A count about to be used to size something: at most what the rest of the bytes can hold,
  // `each` bytes per item, so a flipped length cannot ask for gigabytes.
  std::uint32_t count(std::size_t each);
  void expect(std::string_view section);  // the section's name, or a PackError
  bool at_end() const { return at_ == bytes_.size(); }
  [[noreturn]] void fail(const std::string& what) const;

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

}  // namespace consentlens
