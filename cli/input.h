// Reading what the user hands the checker: a file or standard input, bounded in size, with
// errors that say what and where.
#pragma once
#include <stdexcept>
#include <string>

namespace consentlens {

// Raw file size limit: an HTML page carries markup and scripts around its text, so it may be
// larger than the text limit (kMaxInputBytes) that applies after extraction.
inline constexpr std::size_t kMaxFileBytes = 64u << 20;

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads `path` ("-" is standard input). Throws UsageError naming the path and the problem.
std::string read_input(const std::string& path, std::size_t limit = kMaxFileBytes);

enum class Format { text, markdown, html };
// By extension first (.html/.htm/.xhtml, .md/.markdown), then by sniffing the content.
Format detect_format(const std::string& path, const std::string& content);
const char* format_name(Format f);

}  // namespace consentlens
