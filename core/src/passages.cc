#include "passages.h"

namespace consentlens {
namespace {

// A sentence ends after '.', '!', '?' followed by a space or line break, after a line
// break, or after CJK full stops (which take no space).
bool ends_sentence_at(std::string_view t, std::size_t i) {
  if (t[i] == '\n') return true;
  if ((t[i] == '.' || t[i] == '!' || t[i] == '?' || t[i] == ';') && i + 1 < t.size() &&
      (t[i + 1] == ' ' || t[i + 1] == '\n'))
    return true;
  // U+3002 IDEOGRAPHIC FULL STOP, U+FF01/U+FF1F are normalised by NFKC to ! and ?
  return i >= 2 && static_cast<unsigned char>(t[i - 2]) == 0xE3 &&
         static_cast<unsigned char>(t[i - 1]) == 0x80 && static_cast<unsigned char>(t[i]) == 0x82;
}

void cut_long(std::string_view t, std::size_t begin, std::size_t end, std::vector<Passage>& out) {
  while (end - begin > kMaxPassage) {
    std::size_t cut = 0;
    for (std::size_t i = begin + kMaxPassage / 2; i < begin + kMaxPassage; ++i)
      if (ends_sentence_at(t, i)) cut = i + 1;
    if (cut == 0) {  // no sentence end: cut at a space, else anywhere on a character boundary
      for (std::size_t i = begin + kMaxPassage; i > begin + kMaxPassage / 2 && cut == 0; --i)
        if (t[i] == ' ') cut = i + 1;
      if (cut == 0) {
        cut = begin + kMaxPassage;
        while (cut < end && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) ++cut;
      }
    }
    out.push_back({begin, cut});
    begin = cut;
    while (begin < end && t[begin] == ' ') ++begin;
  }
  if (begin < end) out.push_back({begin, end});
}

}  // namespace

std::vector<Passage> split_passages(std::string_view t) {
  std::vector<Passage> out;
  if (t.empty()) return out;
  if (t.size() <= kWholeTextPassage) {
    out.push_back({0, t.size()});
    return out;
  }
  std::size_t begin = 0;
  while (begin < t.size()) {
    std::size_t brk = t.find("\n\n", begin);
    const std::size_t end = brk == std::string_view::npos ? t.size() : brk;
    cut_long(t, begin, end, out);
    begin = brk == std::string_view::npos ? t.size() : brk + 2;
  }
  return out;
}

Passage sentence_around(std::string_view t, Passage within, std::size_t begin, std::size_t end) {
  std::size_t s = begin;
  while (s > within.begin && !ends_sentence_at(t, s - 1)) --s;
  while (s < begin && (t[s] == ' ' || t[s] == '\n')) ++s;
  std::size_t e = end;
  while (e < within.end && !ends_sentence_at(t, e)) ++e;
  if (e < within.end && t[e] != '\n') ++e;  // keep the full stop
  // Keep quotes short enough to read: at most 400 bytes around the match.
  if (begin - s > 200) s = begin;
  if (e - end > 200) e = end;
  while (s < begin && (static_cast<unsigned char>(t[s]) & 0xC0) == 0x80) ++s;
  while (e > end && e < t.size() && (static_cast<unsigned char>(t[e]) & 0xC0) == 0x80) --e;
  // A match may begin with the non-letter that marks a word start: the quote does not.
  while (s < e && (t[s] == ' ' || t[s] == '\n')) ++s;
  while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\n')) --e;
  return {s, e};
}

}  // namespace consentlens
