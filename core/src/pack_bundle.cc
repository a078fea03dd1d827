#include <charconv>

#include "pack_files.h"
#include "rule_pack.h"

namespace consentlens {
namespace {

constexpr std::string_view kHeader = "consentlens-pack 1\n";

[[noreturn]] void fail(std::size_t at, const std::string& what) {
  throw PackError({"pack bundle: at byte " + std::to_string(at) + ": " + what});
}

}  // namespace

std::vector<PackFile> parse_pack_bundle(std::string_view bundle) {
  if (bundle.substr(0, kHeader.size()) != kHeader)
    fail(0, "not a consentlens pack bundle (it must start with \"consentlens-pack 1\")");
  std::vector<PackFile> files;
  std::size_t at = kHeader.size();
  while (true) {
    const std::size_t eol = bundle.find('\n', at);
    if (eol == std::string_view::npos) fail(at, "cut short: no END line");
    const std::string_view line = bundle.substr(at, eol - at);
    if (line == "END") {
      if (eol + 1 != bundle.size()) fail(eol + 1, "data after the END line");
      break;
    }
    // FILE <path> <byte count>
    const std::size_t space = line.rfind(' ');
    if (line.substr(0, 5) != "FILE " || space <= 5)
      fail(at, "expected \"FILE <path> <byte count>\" or \"END\"");
    const std::string_view path = line.substr(5, space - 5);
    const std::string_view count_text = line.substr(space + 1);
    std::size_t count = 0;
    const auto parsed = std::from_chars(count_text.data(), count_text.data() + count_text.size(), count);
    if (parsed.ec != std::errc() || parsed.ptr != count_text.data() + count_text.size())
      fail(at, "the byte count of " + std::string(path) + " is not a number");
    const std::size_t content_at = eol + 1;
    if (count > bundle.size() - content_at || bundle.size() - content_at - count < 1 || bundle[content_at + count] != '\n')
      fail(content_at, std::string(path) + " is cut short (" + std::to_string(count) + " bytes announced)");
    files.push_back({std::string(path), std::string(bundle.substr(content_at, count))});
    at = content_at + count + 1;
  }
  if (files.empty()) fail(at, "the bundle holds no files");
  return files;
}

}  // namespace consentlens
