#include "vocab.h"

#include <algorithm>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "normalize.h"


namespace consentlens {
namespace {

// Texts are matched in their normalised form (normalize.h: NFKC, no Arabic vowel marks, plain
// quotes and dashes): a letter or mark of an entry that normalisation changes never matches
// (Thai "ำ" reads "ํา", full-width "ＡＩ" reads "AI"). Its first such character, or "".
// Punctuation (U+2000-U+206F: "…", curly quotes) is left to the entry: "(?:…|\.\.\.)" only
// lists a form the text will not have.
std::string unnormalised_letter(std::string_view entry) {
  for (std::size_t i = 0; i < entry.size();) {
    const auto lead = static_cast<unsigned char>(entry[i]);
    const std::size_t n = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    const std::string_view one = entry.substr(i, n);
    const bool punctuation = n == 3 && lead == 0xE2 && static_cast<unsigned char>(entry[i + 1]) == 0x80;  // U+2000-U+203F
    const bool punctuation2 = n == 3 && lead == 0xE2 && static_cast<unsigned char>(entry[i + 1]) == 0x81;  // U+2040-U+207F
    if (n > 1 && !punctuation && !punctuation2 && normalize(one).text != one) return std::string(one);
    i += n;
  }
  return "";
}

// "proveedores? (?:de (?:modelos|ia))?{end}": a space written before an optional group that ends
// the entry, with {end} after it, leaves the word alone ("proveedores externos") needing a second
// non-letter, so the entry only ever matches with its optional part. The space belongs inside.
bool space_before_closing_option(std::string_view entry) {
  if (!entry.ends_with(")?{end}")) return false;
  entry.remove_suffix(5);
  int depth = 0;
  for (std::size_t i = entry.size() - 2; i-- > 0;) {
    if (i > 0 && entry[i - 1] == '\\') continue;
    if (entry[i] == ')') ++depth;
    else if (entry[i] == '(' && depth-- == 0) return i > 0 && entry[i - 1] == ' ' && (i < 2 || entry[i - 2] != '\\');
  }
  return false;
}

}  // namespace

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
      // Texts are matched in their normalised form (normalize.h: NFKC, plain quotes and dashes):
      // an entry that normalisation changes never matches as written (Thai "ำ" reads "ํา").
      if (const std::string odd = unnormalised_letter(fragment); !odd.empty())
        fail("class \"" + cls + "\": entry \"" + fragment + "\" has \"" + odd + "\", which normalised text never holds (write it as \"" +
             normalize(odd).text + "\")");
      if (space_before_closing_option(fragment))
        fail("class \"" + cls + "\": entry \"" + fragment + "\" has a space before the optional group that ends it, so it never " +
             "matches without that group (put the space inside the group)");
      for (const auto& [macro, text] : {std::pair{std::string_view("{tail}"), kTail}, std::pair{std::string_view("{letter}"), kLetter},
                                        std::pair{std::string_view("{nonletter}"), kNonLetter}, std::pair{std::string_view("{end}"), kEnd}})
        for (std::size_t at = fragment.find(macro); at != std::string::npos; at = fragment.find(macro, at + text.size()))
          fragment.replace(at, macro.size(), text);
      // In a verb-final language the negation may follow what it negates ("学習に使用しません"):
      // its negations also make the class the stance reader looks for on both sides.
      const std::string_view text = texts_->emplace_back(std::move(fragment));
      if (cls == "neg" && negation_position == "anywhere") classes_["neg_anywhere"].push_back({text, word_start});
      // Every vocabulary is searched in every text: Tajik "не" (anywhere) is also Russian "не"
      // (before the verb). Lexicon::find reads a word some language negates before as that.
      if (cls == "neg" && negation_position == "before") classes_["neg_before"].push_back({text, word_start});
      classes_[cls].push_back({text, word_start});
    }
  }
}

std::vector<std::string> Vocabulary::classes() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : classes_) out.push_back(k);
  return out;
}

void Vocabulary::finish() {
  for (auto& [name, entries] : classes_) {
    std::sort(entries.begin(), entries.end(), [](const Fragment& a, const Fragment& b) {
      const bool a_later = !a.word_start, b_later = !b.word_start;  // word starts first
      return std::tie(a_later, a.text) < std::tie(b_later, b.text);
    });
    entries.erase(std::unique(entries.begin(), entries.end(),
                              [](const Fragment& a, const Fragment& b) { return a.word_start == b.word_start && a.text == b.text; }),
                  entries.end());
  }
}

const std::vector<Vocabulary::Fragment>& Vocabulary::fragments(std::string_view cls) const {
  static const std::vector<Fragment> none;
  const auto it = classes_.find(cls);
  return it == classes_.end() ? none : it->second;
}

std::string Vocabulary::alternation(const std::vector<const Fragment*>& fragments) {
  std::string with_start, free;
  for (const Fragment* f : fragments) {
    std::string& part = f->word_start ? with_start : free;
    if (!part.empty()) part += '|';
    part += f->text;
  }
  if (with_start.empty() && free.empty()) return R"((?:[^\x00-\x{10FFFF}]))";
  std::string out = "(?:";
  if (!with_start.empty()) out += std::string(kWordStart) + "(?:" + with_start + ")";
  if (!with_start.empty() && !free.empty()) out += "|";
  if (!free.empty()) out += "(?:" + free + ")";
  return out + ")";
}

std::string Vocabulary::build(std::string_view cls) const {
  const std::vector<Fragment>& all = fragments(cls);
  std::vector<const Fragment*> refs;
  for (const auto& f : all) refs.push_back(&f);
  return alternation(refs);
}

bool Vocabulary::expand(std::string_view p, std::string& out, std::string& error) const {
  std::string raw;
  if (!expand_raw(p, raw, error, nullptr)) return false;
  out = cheap_to_compile(raw);
  return true;
}

bool Vocabulary::expand_unless_classes(std::string_view p, std::string& out, bool& names_class, std::string& error) const {
  std::string raw;
  names_class = false;
  if (!expand_raw(p, raw, error, &names_class)) return false;
  out = names_class ? std::string() : cheap_to_compile(raw);
  return true;
}

bool Vocabulary::expand_raw(std::string_view p, std::string& out, std::string& error, bool* names_class,
                            const std::function<std::string(std::string_view)>& class_text) const {
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
            } else if (class_text) {
              out += class_text(name);
            } else {
              const std::lock_guard<std::mutex> lock(*expanded_mutex_);
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
