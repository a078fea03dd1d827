#include "input.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sys/stat.h>

#include "html_text.h"

namespace consentlens {
namespace {

bool ends_with(const std::string& s, const char* suffix) {
  const std::size_t n = std::strlen(suffix);
  if (s.size() < n) return false;
  for (std::size_t i = 0; i < n; ++i)
    if (std::tolower(static_cast<unsigned char>(s[s.size() - n + i])) != suffix[i]) return false;
  return true;
}

std::string read_stream(std::istream& in, const std::string& name, std::size_t limit, std::size_t expected = 0) {
  std::string data;
  data.reserve(expected);  // a file's size, when known: no copying as it grows
  char buf[1 << 16];
  while (in) {
    in.read(buf, sizeof buf);
    const auto n = static_cast<std::size_t>(in.gcount());
    if (data.size() + n > limit)
      throw UsageError(name + ": input is larger than the limit of " + std::to_string(limit >> 20) + " MiB");
    data.append(buf, n);
  }
  if (in.bad()) throw UsageError(name + ": read error");
  return data;
}

}  // namespace

std::string read_input(const std::string& path, std::size_t limit) {
  if (path == "-") return read_stream(std::cin, "standard input", limit);
  struct stat st{};
  if (stat(path.c_str(), &st) != 0) throw UsageError(path + ": " + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw UsageError(path + ": is a directory, not a file");
  if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > limit)
    throw UsageError(path + ": file is " + std::to_string(st.st_size) + " bytes; the limit is " +
                     std::to_string(limit >> 20) + " MiB");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError(path + ": cannot open: " + std::strerror(errno));
  return read_stream(in, path, limit, S_ISREG(st.st_mode) ? static_cast<std::size_t>(st.st_size) : 0);
}

Format detect_format(const std::string& path, const std::string& content) {
  if (ends_with(path, ".html") || ends_with(path, ".htm") || ends_with(path, ".xhtml")) return Format::html;
  if (ends_with(path, ".md") || ends_with(path, ".markdown")) return Format::markdown;
  if (ends_with(path, ".txt")) return Format::text;
  return looks_like_html(content) ? Format::html : Format::text;
}

const char* format_name(Format f) {
  switch (f) {
    case Format::html: return "html";
    case Format::markdown: return "markdown";
    case Format::text: return "text";
  }
  return "text";
}

}  // namespace consentlens
