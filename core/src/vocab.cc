#include "vocab.h"

#include <set>

#include <nlohmann/json.hpp>

namespace consentlens {

void Vocabulary::add_file(const PackFile& file, std::vector<std::string>& errors) {
  auto fail = [&](const std::string& m) { errors.push_back(file.path + ": " + m); };
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(file.content);
  } catch (const nlohmann::json::exception& e) {  // parse errors, and numbers out of range
    fail(std::string("invalid JSON: ") + e.what());
    return;
  }
  if (!j.is_object() || !j.contains("lang") || !j["lang"].is_string()) {
    fail("a vocabulary needs \"lang\" (string)");
    return;
  }
  const std::string lang = j["lang"];
  const bool word_start = !j.contains("word_boundaries") || j["word_boundaries"] == true;
  if (j.contains("word_boundaries") && !j["word_boundaries"].is_boolean())
    fail("\"word_boundaries\" must be true or false");
  if (!j.contains("classes") || !j["classes"].is_object()) {
    fail("a vocabulary needs \"classes\" (object of arrays)");
    return;
  }
  std::string negation_position = "before";
  if (j.contains("negation_position")) {
    if (j["negation_position"] == "before" || j["negation_position"] == "anywhere") negation_position = j["negation_position"];
    else fail("\"negation_position\" must be \"before\" or \"anywhere\"");
  }
  languages_.push_back(lang);
  for (const auto& [cls, entries] : j["classes"].items()) {
    if (cls.empty() || cls.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos || cls == "b" || cls == "e") {
      fail("class name \"" + cls + "\" must be lower-case letters and _ (not b or e)");
      continue;
    }
    if (!entries.is_array()) {
      fail("class \"" + cls + "\" must be an array of strings");
      continue;
    }
    for (const auto& e : entries) {
      if (!e.is_string() || e.get<std::string>().empty()) {
        fail("class \"" + cls + "\" has an entry that is not a non-empty string");
        continue;
      }
      std::string fragment = e.get<std::string>();
      for (const auto& [macro, text] : {std::pair{std::string_view("{tail}"), kTail}, std::pair{std::string_view("{letter}"), kLetter},
                                        std::pair{std::string_view("{nonletter}"), kNonLetter}, std::pair{std::string_view("{end}"), kEnd}})
        for (std::size_t at = fragment.find(macro); at != std::string::npos; at = fragment.find(macro, at + text.size()))
          fragment.replace(at, macro.size(), text);
      // In a verb-final language the negation may follow what it negates ("学習に使用しません"):
      // its negations also make the class the stance reader looks for on both sides.
      if (cls == "neg" && negation_position == "anywhere") classes_["neg_anywhere"].push_back({lang, fragment, word_start});
      classes_[cls].push_back({lang, std::move(fragment), word_start});
    }
  }
}

std::vector<std::string> Vocabulary::classes() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : classes_) out.push_back(k);
  return out;
}

std::vector<std::string> Vocabulary::entries(std::string_view cls, std::string_view lang) const {
  std::vector<std::string> out;
  if (auto it = classes_.find(cls); it != classes_.end())
    for (const auto& e : it->second)
      if (e.lang == lang) out.push_back(e.fragment);
  return out;
}

std::string Vocabulary::build(std::string_view cls) const {
  const auto& entries = classes_.find(cls)->second;
  std::set<std::string> with_start, free;  // sorted and de-duplicated: output is stable
  for (const auto& e : entries) (e.word_start ? with_start : free).insert(e.fragment);
  auto join = [](const std::set<std::string>& s) {
    std::string r;
    for (const auto& f : s) {
      if (!r.empty()) r += '|';
      r += f;
    }
    return r;
  };
  std::string out = "(?:";
  if (!with_start.empty()) out += std::string(kWordStart) + "(?:" + join(with_start) + ")";
  if (!with_start.empty() && !free.empty()) out += "|";
  if (!free.empty()) out += "(?:" + join(free) + ")";
  return out + ")";
}

namespace {

// Does a bracket class body (between [ and ]) hold only Unicode categories, spaces, digits and
// ASCII punctuation? Such a class already contains both cases of every letter it contains.
bool fold_closed_class(std::string_view body) {
  std::size_t i = body.size() > 0 && body[0] == '^' ? 1 : 0;
  if (i >= body.size()) return false;
  for (; i < body.size(); ++i) {
    const char c = body[i];
    if (c == '\\') {
      if (i + 1 >= body.size()) return false;
      const char e = body[++i];
      if (e == 'p' || e == 'P') {
        if (i + 1 < body.size() && body[i + 1] == '{') {
          const std::size_t close = body.find('}', i);
          if (close == std::string_view::npos) return false;
          i = close;
        } else {
          ++i;
        }
      } else if (e != 's' && e != 'd' && e != 'S' && e != 'D' && !(e >= '!' && e <= '/') && e != '[' && e != ']' && e != '^' && e != '\\') {
        return false;  // \x.., \w and friends: not checked, not rewritten
      }
      continue;
    }
    if (static_cast<unsigned char>(c) >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '[') return false;
  }
  return true;
}

}  // namespace

std::string without_needless_case_folding(std::string_view re) {
  std::string out;
  out.reserve(re.size() + re.size() / 8);
  for (std::size_t i = 0; i < re.size(); ++i) {
    const char c = re[i];
    if (c == '\\' && i + 1 < re.size()) {
      const char e = re[i + 1];
      if (e == 'p' && i + 2 < re.size() && re[i + 2] == 'L' && !(i + 3 < re.size() && re[i + 3] == '{')) {
        out += "(?-i:";
        out += kLetterApprox;
        out += ')';
        i += 2;
        continue;
      }
      if (e == 'p' || e == 'P') {  // \pL, \p{Han}: a category holds its letters in both cases
        std::size_t end = i + 2;
        if (end < re.size() && re[end] == '{') {
          const std::size_t close = re.find('}', end);
          end = close == std::string_view::npos ? re.size() : close + 1;
        } else {
          end = std::min(re.size(), end + 1);
        }
        out += "(?-i:";
        out += re.substr(i, end - i);
        out += ')';
        i = end - 1;
        continue;
      }
      out += re.substr(i, 2);
      ++i;
      continue;
    }
    if (c == '[') {
      // Find the class's end: a leading ] or ^] is literal; escapes and [:name:] skip.
      std::size_t j = i + 1;
      if (j < re.size() && re[j] == '^') ++j;
      if (j < re.size() && re[j] == ']') ++j;
      while (j < re.size() && re[j] != ']') {
        if (re[j] == '\\') j += 2;
        else if (re[j] == '[' && j + 1 < re.size() && re[j + 1] == ':') {
          const std::size_t close = re.find(":]", j);
          j = close == std::string_view::npos ? re.size() : close + 2;
        } else ++j;
      }
      if (j >= re.size()) {  // unbalanced: leave it for RE2 to report
        out += re.substr(i);
        break;
      }
      const std::string_view cls = re.substr(i, j - i + 1);
      if (fold_closed_class(cls.substr(1, cls.size() - 2))) {
        out += "(?-i:";
        out += cls;
        out += ')';
      } else {
        out += cls;
      }
      i = j;
      continue;
    }
    out += c;
  }
  return out;
}

bool Vocabulary::expand(std::string_view p, std::string& out, std::string& error) const {
  std::string raw;
  if (!expand_raw(p, raw, error, nullptr)) return false;
  out = without_needless_case_folding(raw);
  return true;
}

bool Vocabulary::expand_unless_classes(std::string_view p, std::string& out, bool& names_class, std::string& error) const {
  std::string raw;
  names_class = false;
  if (!expand_raw(p, raw, error, &names_class)) return false;
  out = names_class ? std::string() : without_needless_case_folding(raw);
  return true;
}

bool Vocabulary::expand_raw(std::string_view p, std::string& out, std::string& error, bool* names_class) const {
  out.clear();
  for (std::size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\' && i + 1 < p.size()) {  // an escaped character is never a placeholder
      out += p.substr(i, 2);
      ++i;
      continue;
    }
    if (c == '{') {
      const std::size_t close = p.find('}', i);
      if (close != std::string_view::npos) {
        const std::string_view name = p.substr(i + 1, close - i - 1);
        const bool is_name = !name.empty() && name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string_view::npos;
        if (is_name) {  // {2,5} and friends are quantifiers and stay as they are
          if (name == "b") out += kWordStart;
          else if (name == "e") out += kWordEnd;
          else {
            auto it = classes_.find(name);
            if (it == classes_.end() || it->second.empty()) {
              error = "unknown or empty vocabulary class {" + std::string(name) + "}";
              return false;
            }
            if (names_class) {
              *names_class = true;
            } else {
              auto cached = expanded_.find(name);
              if (cached == expanded_.end())
                cached = expanded_.emplace(std::string(name), build(name)).first;
              out += cached->second;
            }
          }
          i = close;
          continue;
        }
      }
    }
    out += c;
  }
  return true;
}

}  // namespace consentlens
