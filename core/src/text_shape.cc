#include "text_shape.h"

#include <algorithm>
#include <cctype>

#include "utf8.h"

namespace consentlens {
namespace {

constexpr std::size_t kDocumentBytes = 1500;     // longer than any notice the corpora hold
constexpr int kDocumentParagraphs = 4;
constexpr int kDocumentRegisterWords = 2;        // distinct legal-register words
constexpr std::size_t kPolicySentenceBytes = 100;  // a notice line is shorter than most policy sentences
constexpr int kLabelWords = 5;                   // "Turn off live captions for everyone"
constexpr int kLabelCharsWithoutSpaces = 16;     // "开始云端录制" and its kin
// Thai, Lao, Khmer and Burmese put spaces between phrases, not words: two "words" may be a whole
// sentence ("ไม่ใช้ไฟล์หรือบทสนทนาของครูเพื่อฝึกโมเดล เว้นแต่ครูให้ความยินยอม..."). No label of five
// words in any language is longer than this ("Cloudaufzeichnungseinstellungen für Teilnehmer anzeigen").
constexpr std::size_t kLabelChars = 64;

bool has_sentence_inside(std::string_view t) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '!' || c == '?') return true;
    if (c == '.') {
      // An ellipsis ("Record...") or a dotted name ("Fireflies.ai") is not a full stop.
      const bool ellipsis = (i + 1 < t.size() && t[i + 1] == '.') || (i > 0 && t[i - 1] == '.');
      const bool inside_word = i + 1 < t.size() && t[i + 1] != ' ';
      if (!ellipsis && !inside_word) return true;
    }
  }
  // U+3002 IDEOGRAPHIC FULL STOP (NFKC maps the full-width ! and ? to ASCII).
  return t.find("\xE3\x80\x82") != std::string_view::npos;
}

int words(std::string_view t) {
  int n = 0;
  bool in_word = false;
  for (char c : t) {
    if (c == ' ') in_word = false;
    else if (!in_word) {
      in_word = true;
      ++n;
    }
  }
  return n;
}


int paragraphs(std::string_view t) {
  int n = 1;
  for (std::size_t p = t.find("\n\n"); p != std::string_view::npos; p = t.find("\n\n", p + 2)) ++n;
  return n;
}

int distinct_hits(const std::vector<Span>& spans, std::string_view t) {
  std::vector<std::string_view> seen;
  for (const Span& s : spans) {
    const auto w = t.substr(s.begin, s.end - s.begin);
    if (std::find(seen.begin(), seen.end(), w) == seen.end()) seen.push_back(w);
  }
  return static_cast<int>(seen.size());
}

// "%s grabando...", "{{name}} a demandé ...", "%1$s tallentaa…": a line that opens with the
// placeholder a client fills with a person's name says what that person does; no label starts
// so. A count ("%d recordings", "{count} files") is no one.
bool opens_with_someone(std::string_view t) {
  const std::size_t b = t.find_first_not_of(' ');
  if (b == std::string_view::npos) return false;
  t.remove_prefix(b);
  for (std::string_view p : {"%s ", "%@ ", "%1$s ", "%1$@ "}) {
    if (!t.starts_with(p)) continue;
    // "%s" may be a count too: "%s recordings" is one noun after it. A person does something:
    // more words ("%s is recording"), a line that trails off ("%s grabando..."), or a script
    // written without spaces ("%s 正在录制").
    std::string_view rest = t.substr(p.size());
    while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
    const bool one_word = rest.find(' ') == std::string_view::npos;
    const bool trails = rest.ends_with("...") || rest.ends_with("\u2026") || rest.ends_with("!") || rest.ends_with(".");
    const bool unspaced = std::any_of(rest.begin(), rest.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xE3; });
    return !one_word || trails || unspaced;
  }
  if (!t.starts_with("{")) return false;
  const std::size_t close = t.find('}');
  if (close == std::string_view::npos || close + 1 >= t.size()) return false;
  std::string_view name = t.substr(0, close);
  while (!name.empty() && name.front() == '{') name.remove_prefix(1);
  if (name.empty() || name == "count" || name == "n" || name == "num" || name == "number") return false;
  const std::size_t after = t.find_first_not_of('}', close);
  return after != std::string_view::npos && t[after] == ' ';
}

}  // namespace

std::string_view as_name(As a) {
  switch (a) {
    case As::notice: return "notice";
    case As::control: return "control";
    case As::document: return "document";
  }
  return "notice";
}

bool parse_as(std::string_view name, As& out) {
  for (As a : {As::notice, As::control, As::document})
    if (name == as_name(a)) {
      out = a;
      return true;
    }
  return false;
}

As judge_shape(const Lexicon& lexicon, std::string_view t) {
  if (t.size() > kDocumentBytes || paragraphs(t) >= kDocumentParagraphs) return As::document;
  // "By clicking Join, you agree to our Terms of Service and Privacy Statement" names documents
  // but is a meeting's prompt: a notice.
  const bool prompt = lexicon.any("stay", t) || lexicon.any("by_action", t);
  const int register_words = distinct_hits(lexicon.find("doc_words", t), t);
  if (!prompt && register_words >= kDocumentRegisterWords) return As::document;
  // A single sentence of a policy is long and speaks of data in general, not of this meeting now.
  if (!prompt && register_words >= 1 && t.size() >= kPolicySentenceBytes && !lexicon.any("state_on", t) &&
      !lexicon.any("state_off", t))
    return As::document;
  const bool one_line = t.find('\n') == std::string_view::npos;
  const bool spaced = t.find(' ') != std::string_view::npos;
  const bool short_enough = spaced ? words(t) <= kLabelWords && code_points(t) <= kLabelChars
                                   : code_points(t) <= kLabelCharsWithoutSpaces;
  if (!one_line || !short_enough || has_sentence_inside(t) || opens_with_someone(t)) return As::notice;
  // A pack whose vocabularies cannot say "started" or "stopped" cannot tell a label from a
  // status line either: everything stays a notice.
  if (!lexicon.has("state_on") && !lexicon.has("state_off")) return As::notice;
  // A short line that reports a state, asks for consent or is a bare indicator ("Recording",
  // "Live") tells the person something: a notice. Anything else that short is a label.
  // A consent word alone does not make a label a notice: "Recording consent" names a setting.
  for (const char* cls : {"state_on", "state_off", "possible", "stay", "failure", "indicator"})
    if (lexicon.any(cls, t)) return As::notice;
  // "Grabando y transcribiendo con Unify", "Recording and transcribing…": two activities at once,
  // trailing off or done with a product, are a status line; a label does one thing to one of
  // them ("Start recording", "Recording and transcription settings").
  const bool trails = t.ends_with("...") || t.ends_with("\u2026");
  // (A control word must end where a word ends: "Graba", record!, opens "Grabando".)
  const auto control_word = [&] {
    for (const Span& c : lexicon.find("control", t)) {
      if (c.end >= t.size() || c.end == 0) return true;
      const unsigned char last = static_cast<unsigned char>(t[c.end - 1]), next = static_cast<unsigned char>(t[c.end]);
      if (last == ' ' || (next < 0x80 && !std::isalpha(next))) return true;
      // A letter of a cased alphabet goes on with the word; an ideograph or a mark does not.
      std::size_t pos = c.end;
      const char32_t cp = next >= 0x80 ? next_code_point(t, pos) : 0;
      if (next >= 0x80 && !((cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x370 && cp <= 0x52F))) return true;
    }
    return false;
  };
  if (lexicon.any("rec", t) && lexicon.any("transcribe", t) && (trails || lexicon.any("instrument", t)) && !control_word() &&
      !lexicon.any("setting", t))
    return As::notice;
  return As::control;
}

}  // namespace consentlens
