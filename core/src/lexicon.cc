#include "lexicon.h"

#include <algorithm>
#include <cctype>

namespace consentlens {
namespace {

// A class entry of a spaced language starts with the word-start group, which consumes the
// space or punctuation before the word; a reader wants the word itself.
std::size_t skip_word_start(std::string_view text, std::size_t b, std::size_t e) {
  while (b < e) {
    const unsigned char c = static_cast<unsigned char>(text[b]);
    if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) break;
    ++b;
  }
  return b;
}

}  // namespace

const RE2* Lexicon::compiled(std::string_view cls) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto it = cache_.find(cls); it != cache_.end()) return it->second.get();
  std::unique_ptr<RE2> re;
  const auto known = vocabulary_.classes();
  if (std::find(known.begin(), known.end(), cls) != known.end()) {
    std::string pattern, error;
    if (vocabulary_.expand("{" + std::string(cls) + "}", pattern, error)) {
      RE2::Options o;
      o.set_case_sensitive(false);
      o.set_log_errors(false);
      o.set_encoding(RE2::Options::EncodingUTF8);
      re = std::make_unique<RE2>(pattern, o);
      if (!re->ok()) re.reset();  // `consentlens rules lint` compiles every class and names the problem
    }
  }
  return cache_.emplace(std::string(cls), std::move(re)).first->second.get();
}

bool Lexicon::has(std::string_view cls) const { return compiled(cls) != nullptr; }

std::vector<Span> Lexicon::find(std::string_view cls, std::string_view text) const {
  std::vector<Span> out;
  const RE2* re = compiled(cls);
  if (!re) return out;
  std::size_t pos = 0;
  re2::StringPiece m;
  while (pos < text.size() && re->Match(text, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    const std::size_t b = static_cast<std::size_t>(m.data() - text.data());
    const std::size_t e = b + m.size();
    const std::size_t word = skip_word_start(text, b, e);
    if (word < e) out.push_back({word, e});
    // An entry ending in {end} consumes the space after its word; the next word needs that
    // space as its own word start, so the search resumes on it.
    pos = e;
    if (e > word && static_cast<unsigned char>(text[e - 1]) < 0x80 && !std::isalnum(static_cast<unsigned char>(text[e - 1])))
      pos = e - 1;
    if (pos <= b) pos = b + 1;  // always move on, also after an empty match
  }
  return out;
}

bool Lexicon::any(std::string_view cls, std::string_view text) const {
  const RE2* re = compiled(cls);
  return re && RE2::PartialMatch(text, *re);
}

}  // namespace consentlens
