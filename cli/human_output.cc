#include "human_output.h"

#include "contract.h"

namespace consentlens {
namespace {

std::size_t display_width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;  // code points; good enough for wrapping
  return n;
}

// Greedy word wrap with a hanging indent.
void wrap(std::ostream& out, const std::string& text, std::size_t indent, std::size_t first_used, std::size_t width) {
  std::size_t col = first_used;
  std::size_t i = 0;
  bool first_word = true;
  while (i < text.size()) {
    std::size_t j = text.find_first_of(" \n", i);
    if (j == std::string::npos) j = text.size();
    const std::string word = text.substr(i, j - i);
    if (!word.empty()) {
      const std::size_t w = display_width(word);
      if (!first_word && col + 1 + w > width) {
        out << '\n' << std::string(indent, ' ');
        col = indent;
      } else if (!first_word) {
        out << ' ';
        ++col;
      }
      out << word;
      col += w;
      first_word = false;
    }
    i = j + 1;
  }
  out << '\n';
}

}  // namespace

void print_human(std::ostream& out, const std::string& input_name, const nlohmann::ordered_json& findings,
                 const std::vector<std::string>& warnings, const HumanStyle& style) {
  const std::string bold = style.color ? "\033[1m" : "", dim = style.color ? "\033[2m" : "",
                    reset = style.color ? "\033[0m" : "";
  for (const auto& w : warnings) out << "warning: " << input_name << ": " << w << '\n';
  if (findings.empty()) {
    out << input_name << ": nothing found (no notice about AI, recording, transcription, live streaming, bots, terms or AI training)\n";
    return;
  }
  out << bold << input_name << reset << ": " << findings.size() << (findings.size() == 1 ? " finding" : " findings") << "\n";
  const std::size_t label = 19;
  std::string last_kind;
  for (const auto& f : findings) {
    const std::string kind = f["kind"];
    if (kind != last_kind) {
      out << '\n' << bold << "== " << contract::label("kinds", kind) << " ==" << reset << '\n';
      last_kind = kind;
    }
    out << '\n';
    out << "  \"";
    wrap(out, f["evidence"]["text"].get<std::string>() + "\"", 3, 3, style.width);
    const auto& e = f["explanation"];
    // The state of what a notice speaks of, in the contract's words ("Stopped"), unless it is on.
    if (f.contains("state") && f["state"] != "active")
      out << dim << "  (" << contract::label("states", f["state"].get<std::string>()) << ")" << reset << '\n';
    for (const auto key : contract::explanation_topics()) {
      std::string head = "  " + std::string(contract::label("explanation_topics", key)) + ":";
      head.resize(label + 2, ' ');
      out << bold << head << reset;
      wrap(out, e[std::string(key)].get<std::string>(), label + 2, label + 2, style.width);
    }
    for (const auto& s : f["sources"]) {
      // The fact's own date, and apart from it the day someone last read the page.
      out << dim << "  Source: " << s["title"].get<std::string>();
      if (s["date"].is_string()) out << " (dated " << s["date"].get<std::string>() << ")";
      else out << " (no date shown)";
      if (s.contains("checked")) out << ", checked " << s["checked"].get<std::string>();
      out << "\n          " << s["url"].get<std::string>() << reset << '\n';
    }
    out << dim << "  vendor " << f["vendor"].get<std::string>() << ", rule " << f["rule"].get<std::string>() << reset << '\n';
  }
}

}  // namespace consentlens
