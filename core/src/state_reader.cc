#include "state_reader.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace consentlens {
namespace {

// A negation this close before a state word belongs to it ("is not being", "No recording is in"),
// in characters.
constexpr std::size_t kNegationReach = 24;

std::size_t last_begin(const std::vector<Span>& spans) { return spans.empty() ? 0 : spans.back().begin; }

// How far apart two words stand: an alphabet's letter counts one, whether ASCII or two bytes
// long (a reach in bytes was half as far in Arabic, Cyrillic or Greek as in English: "لم تعد هذه
// الجلسة مسجلة الآن", no longer ... now), and a character of three or four bytes (CJK, Thai,
// Devanagari) counts its bytes, since one stands for a syllable or a word ("系统不会主动通知参会者
// 录制已开启": the "not" is the notifying's, too far from the recording).
std::size_t chars_between(std::string_view sentence, std::size_t from, std::size_t to) {
  std::size_t n = 0;
  for (std::size_t i = from; i < to && i < sentence.size(); ++i) {
    const auto b = static_cast<unsigned char>(sentence[i]);
    const bool lead = (b & 0xC0) != 0x80;
    const bool after_two_byte_lead = i > 0 && (static_cast<unsigned char>(sentence[i - 1]) & 0xE0) == 0xC0;
    n += lead || !after_two_byte_lead;
  }
  return n;
}

// "Are you sure you want to stop the recording?", "録音を停止しますか?": a client asks before it
// stops something, so the thing is still going on. NFKC has folded the full-width question mark;
// the Arabic one (U+061F) is kept as it is.
bool is_question(std::string_view sentence) {
  const std::size_t end = sentence.find_last_not_of(" \t\n\"')»”");
  return end != std::string_view::npos && (sentence[end] == '?' || sentence.substr(0, end + 1).ends_with("\xD8\x9F"));
}

bool asks_to_stop(const Lexicon& lexicon, std::string_view sentence) { return is_question(sentence) && lexicon.any("stop", sentence); }

// "Do you consent that your audio and video is recorded?", "您是否允许录制您的音频和视频？": a
// question that asks the reader for a yes; until it is given, what it asks about may happen.
// Where the last sentence of `text` begins: after the last full stop, exclamation or question
// mark (ASCII, or the ideographic full stop) that does not end the text.
std::size_t last_sentence_start(std::string_view text) {
  const std::size_t end = text.find_last_not_of(" \t\n\"')»”?!.");
  if (end == std::string_view::npos) return 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < end; ++i)
    if (text[i] == '.' || text[i] == '!' || text[i] == '?') start = i + 1;
    else if (i + 2 < end && text.substr(i, 3) == "\xE3\x80\x82") start = i + 3;
    else if (i + 2 < end && text.substr(i, 3) == "\xE0\xA5\xA4") start = i + 3;  // the Devanagari danda
  return start;
}

bool asks_for_yes(const Lexicon& lexicon, std::string_view sentence) {
  return is_question(sentence) && (lexicon.any("consent", sentence) || lexicon.any("permission", sentence)) && !lexicon.any("stop", sentence);
}


// A comma, full stop, semicolon, colon, question or exclamation mark (ASCII, CJK or Arabic)
// between two words ends the clause the first governs.
bool clause_break_in(std::string_view text) {
  if (text.find_first_of(".,;:!?") != std::string_view::npos) return true;
  if (text.find(" - ") != std::string_view::npos) return true;  // a dash between spaces (normalised from em and en dashes)
  for (std::string_view mark : {"\xE3\x80\x82", "\xE3\x80\x81", "\xEF\xBC\x8C", "\xD8\x8C", "\xD8\x9B", "\xD8\x9F"})
    if (text.find(mark) != std::string_view::npos) return true;
  return false;
}

// "En activant la transcription automatique ou les sous-titres vous consentez à nos conditions",
// "By enabling live transcription, you agree ...": the activity right after "by enabling" (class
// by_enabling) is one the reader may switch on, an offer with its fine print, not one running.
constexpr std::size_t kEnablingReach = 40;  // bytes from "by enabling" to the activity it names
bool enabling_offered(const Lexicon& lexicon, std::string_view sentence) {
  const auto enabling = lexicon.find("by_enabling", sentence);
  if (enabling.empty()) return false;
  // The fine print follows ("you agree", "vous consentez", terms): "Avviando la registrazione..."
  // alone is a status, and "By turning on your camera, you consent to the recording" names the
  // activity after the break, not as what is enabled.
  auto fine_print = lexicon.find("consent", sentence);
  for (const Span& x : lexicon.find("terms", sentence)) fine_print.push_back(x);
  for (const char* topic : {"rec", "transcribe", "captions", "stream", "summary"})
    for (const Span& t : lexicon.find(topic, sentence))
      for (const Span& b : enabling)
        if (t.begin >= b.end && t.begin - b.end <= kEnablingReach && !clause_break_in(sentence.substr(b.end, t.begin - b.end)) &&
            std::any_of(fine_print.begin(), fine_print.end(), [&](const Span& f) { return f.begin >= t.end; }))
          return true;
  return false;
}

// Whether `later` stands in the clause of `earlier`, which ends before it: no clause break in
// between. The earlier phrase's last bytes are looked at too, since an entry ending in {end}
// takes the punctuation after its word ("stopped." in "Recording stopped. Recording started").
bool same_clause(std::string_view sentence, const Span& earlier, const Span& later) {
  const std::size_t from = std::min(later.begin, earlier.end >= earlier.begin + 3 ? earlier.end - 3 : earlier.begin);
  return !clause_break_in(sentence.substr(from, later.begin - from));
}

// The last "on" phrase together with the "on" phrases just before it in its clause: in
// "транслируется в прямом эфире" or "μεταδίδεται πλέον ζωντανά" the words the negation stands
// before come first, the ones that end the sentence later.
Span last_on_phrase(std::string_view sentence, const std::vector<Span>& on) {
  Span phrase = on.back();
  for (auto it = on.rbegin() + 1; it != on.rend(); ++it) {
    if (it->end > phrase.begin) {  // overlapping matches of one phrase
      phrase.begin = std::min(phrase.begin, it->begin);
      continue;
    }
    if (chars_between(sentence, it->end, phrase.begin) > kNegationReach || !same_clause(sentence, *it, phrase)) break;
    phrase.begin = it->begin;
  }
  return phrase;
}

// `then` follows `phrase` with nothing but spaces between and ends the sentence: "optages
// måske", is recorded perhaps (a match may end with the comma after its word: "läuft,
// möglicherweise mit Ton" is no "may" of the running; a word that opens a clause, "if", cannot
// end one: "južo ako livestream", already as a livestream, holds the Serbian "if").
bool right_after(std::string_view sentence, const Span& phrase, const Span& then) {
  if (then.begin < phrase.end) return false;
  for (char c : sentence.substr(then.end))
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) return false;
  const std::string_view own = sentence.substr(phrase.begin, phrase.end - phrase.begin);
  const std::size_t last = own.find_last_not_of(' ');
  if (last == std::string_view::npos || std::string_view(",;:.!?").find(own[last]) != std::string_view::npos) return false;
  return sentence.substr(phrase.end, then.begin - phrase.end).find_first_not_of(' ') == std::string_view::npos;
}

// A stop word right against the live phrase, with no space or word between: the progressive
// of stopping in languages that mark it apart from the verb ("正在停止", is stopping; "停止して
// います"). With words between, the stop may be another clause's ("in progress - click to stop").
bool stopping_in_progress(const std::vector<Span>& stops, const Span& phrase) {
  return std::any_of(stops.begin(), stops.end(), [&](const Span& s) { return s.end == phrase.begin || s.begin == phrase.end; });
}

// "больше не транслируется", "vairs netiek straumēta": a "no longer" just before the phrase,
// in the same clause, stops it, although the phrase is said last.
bool stopped_before(std::string_view sentence, const std::vector<Span>& off, const Span& phrase) {
  return std::any_of(off.begin(), off.end(), [&](const Span& o) {
    if (o.begin > phrase.begin || (o.begin == phrase.begin && o.end <= phrase.end)) return false;  // inside it
    if (o.end >= phrase.begin) return true;  // the stop words run into the phrase
    return chars_between(sentence, o.end, phrase.begin) <= kNegationReach && same_clause(sentence, o, phrase);
  });
}

// "is not being recorded", "No recording is in progress"; in a verb-final language the
// negation follows ("録画していません") or closes the phrase ("করা হচ্ছে না").
constexpr std::size_t kTickBoxLeadBytes = 24;  // "(필수)", "(required) ", a bullet before the yes
// A first-person yes to the activity: the yes opens the sentence's clause before the phrase (class
// i_consent: "Я согласен на запись", "Saya setuju direkam"), or, in a verb-final language, closes
// it after the phrase (class i_consent_end: "화면 녹화에 동의합니다", "ضبط این جلسه ... موافقم").
// Only as a tick box says it: the yes opens the sentence, or ends it ("会議に残っていれば、録画に同意
// することを示します", staying indicates that you agree, is no one's yes said here).
bool first_person_yes(const Lexicon& lexicon, std::string_view sentence, const Span& phrase) {
  const std::size_t start = std::min(sentence.find_first_not_of(" \t\n-*\"'([\u2610\u2611\u25a1"), sentence.size());
  const std::size_t last = sentence.find_last_not_of(" \t\n.!?\xE3\x80\x82");
  if (lexicon.any("stay", sentence) || lexicon.any("by_action", sentence)) return false;  // "회의에 계속 참여하면 녹화에 동의합니다"
  const auto yes_before = lexicon.find("i_consent", sentence);
  const auto yes_after = lexicon.find("i_consent_end", sentence);
  return std::any_of(yes_before.begin(), yes_before.end(), [&](const Span& y) { return y.begin <= start + kTickBoxLeadBytes && y.end <= phrase.begin + 1; }) ||
         std::any_of(yes_after.begin(), yes_after.end(), [&](const Span& y) { return y.begin + 1 >= phrase.end && last != std::string_view::npos && y.end > last; });
}

bool negated(std::string_view sentence, const std::vector<Span>& before, const std::vector<Span>& after, const Span& phrase) {
  return std::any_of(before.begin(), before.end(), [&](const Span& n) {
           return (n.end <= phrase.begin && chars_between(sentence, n.end, phrase.begin) <= kNegationReach && same_clause(sentence, n, phrase)) ||
                  // inside it ("is not being"), but not the "on" word itself: Turkish "not alıyor"
                  // (is taking notes) opens with what English reads as "not".
                  (n.begin > phrase.begin && n.end <= phrase.end) ||
                  // around it: Finnish "ei tällä hetkellä nauhoita" (does not at the moment record)
                  (n.begin < phrase.begin && n.end >= phrase.end);
         }) ||
         std::any_of(after.begin(), after.end(), [&](const Span& n) {
           return n.begin >= phrase.begin && (n.begin <= phrase.end || chars_between(sentence, phrase.end, n.begin) <= kNegationReach);
         });
}

// "You are about to stop the live stream", "Вы собираетесь остановить ...", "停止しようとしています":
// a client warns before it stops something, so it is still going on. The "about to" stands
// within a few words of the stop, before it or (verb-final languages) after it.
// "If you decline", "Si vous refusez", "en cas de refus": the condition word stands this close
// before the no (bytes: "if you ", "si vous ").
constexpr std::size_t kConditionalDeclineGap = 12;
constexpr std::size_t kAboutToReach = 48;
bool about_to_stop(const Lexicon& lexicon, std::string_view sentence) {
  const std::vector<Span> about = lexicon.find("about_to", sentence);
  if (about.empty()) return false;
  std::vector<Span> stops = lexicon.find("stop", sentence);
  const std::vector<Span> off = lexicon.find("state_off", sentence);
  stops.insert(stops.end(), off.begin(), off.end());
  for (const Span& a : about)
    for (const Span& s : stops) {
      const Span& first = a.begin <= s.begin ? a : s;
      const Span& second = a.begin <= s.begin ? s : a;
      if (second.begin - first.begin <= kAboutToReach && same_clause(sentence, first, second)) return true;
    }
  return false;
}

// "You don't have permission to start a recording", "レコーディングを開始する権限がありません": a
// start the reader may not make says nothing is on yet. A permission to stop one says it is on
// ("Nemáte oprávnění zastavit nahrávání"), so a stop word beside the permission keeps it live.
// What the permission is for stands this close after it, or before it where the verb closes the
// sentence (characters, as kNegationReach).
constexpr std::size_t kPermissionReach = 32;
// "希望为此会话开始转录" (wants to start transcription for this session): a wish at most this many
// bytes before the live phrase, with no mark between, is the phrase's.
constexpr std::size_t kIntentBeforeBytes = 16;
bool start_denied(const Lexicon& lexicon, std::string_view sentence) {
  const std::vector<Span> permissions = lexicon.find("permission", sentence);
  if (permissions.empty()) return false;
  const std::vector<Span> neg = lexicon.find("neg", sentence), neg_after = lexicon.find("neg_anywhere", sentence);
  const std::vector<Span> stops = lexicon.find("stop", sentence);
  for (const Span& p : permissions) {
    if (!negated(sentence, neg, neg_after, p)) continue;
    const bool stop_beside = std::any_of(stops.begin(), stops.end(), [&](const Span& x) {
      return (x.begin >= p.end && chars_between(sentence, p.end, x.begin) <= kPermissionReach) ||
             (x.end <= p.begin && chars_between(sentence, x.end, p.begin) <= kPermissionReach);
    });
    if (!stop_beside) return true;
  }
  return false;
}

// "No recording scheduled", "Keine Aufzeichnung geplant", "Aucun enregistrement prévu": a no that
// opens the sentence, then only the activity's word (and an article or "hay"), then the plan:
// nothing is planned. Not "Don't miss the livestream scheduled for Friday" (a letter before the no,
// or words other than the activity's between) nor "If no one objects, the meeting may be recorded".
constexpr std::size_t kNonePlannedGap = 40;    // bytes from the no to the plan word
constexpr std::size_t kOpeningMarkBytes = 8;   // a bullet, a dash or a quote mark before the no
constexpr std::size_t kLeftoverLetters = 4;    // what may remain between besides the activity: "la", "hay", "die"
bool none_planned(const Lexicon& lexicon, std::string_view sentence, const std::vector<Span>& possible) {
  for (const Span& n : lexicon.find("neg", sentence)) {
    const std::string_view before = sentence.substr(0, n.begin);
    if (n.begin > kOpeningMarkBytes || std::any_of(before.begin(), before.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
      continue;
    for (const Span& p : possible) {
      if (p.begin < n.end || p.begin - n.end > kNonePlannedGap) continue;
      const std::string_view between = sentence.substr(n.end, p.begin - n.end);
      if (between.find_first_of(",.;:!?") != std::string_view::npos) continue;
      // What is left between once the activity's words are taken out: at most a short word.
      std::string left(between);
      bool activity = false;
      for (const char* cls : {"rec", "transcribe", "stream"})
        for (const Span& a : lexicon.find(cls, between)) {
          activity = true;
          std::fill(left.begin() + static_cast<std::ptrdiff_t>(a.begin), left.begin() + static_cast<std::ptrdiff_t>(a.end), ' ');
        }
      const std::size_t letters = static_cast<std::size_t>(std::count_if(left.begin(), left.end(), [](char c) { return c != ' '; }));
      if (activity && letters <= kLeftoverLetters) return true;
    }
  }
  return false;
}

}  // namespace

bool asks_before_stopping(const Lexicon& lexicon, std::string_view sentence) { return asks_to_stop(lexicon, sentence); }

std::string_view state_name(State s) {
  switch (s) {
    case State::active: return "active";
    case State::possible: return "possible";
    case State::stopped: return "stopped";
    case State::offer: break;
  }
  return "";
}

State read_state(const Lexicon& lexicon, std::string_view sentence) {
  if (asks_to_stop(lexicon, sentence) || about_to_stop(lexicon, sentence)) return State::active;
  auto on = lexicon.find("state_on", sentence);
  // "Aqui está a gravação" (here is the recording): the presentative's verb is not "está a
  // gravar" (is recording).
  const auto presentative = lexicon.find("presentative", sentence);
  std::erase_if(on, [&](const Span& o) {
    return std::any_of(presentative.begin(), presentative.end(), [&](const Span& p) { return p.begin < o.end && o.begin < p.end; });
  });
  auto off = lexicon.find("state_off", sentence);
  auto possible = lexicon.find("possible", sentence);
  // "If you stay in the meeting, you consent to being recorded", "如果留在会议中，表示你同意录制": the
  // condition is the staying's, the reader's choice; the activity itself is on (class stay, with
  // the "if" inside it or right before it).
  const auto stay = lexicon.find("stay", sentence);
  std::erase_if(possible, [&](const Span& p) {
    return std::any_of(stay.begin(), stay.end(), [&](const Span& st) {
      return (st.begin <= p.begin && p.begin < st.end) || (p.end <= st.begin && st.begin - p.end <= 1);
    });
  });
  // Only where nothing says it is on: "You may not record. This meeting is being recorded by the host".
  if (on.empty() && start_denied(lexicon, sentence)) return State::stopped;
  // "If you decline, your microphone will be disabled", "en cas de refus, vous serez déconnecté":
  // what a no would do to the reader is not the activity stopping. Only a no in a condition
  // ("if", "en cas de", class possible, right before it): "A participant declined, so the
  // recording stopped" did stop it.
  if (!off.empty()) {
    for (const Span& d : lexicon.find("decline", sentence)) {
      const bool conditional = std::any_of(possible.begin(), possible.end(), [&](const Span& p) {
        return p.end <= d.begin && d.begin - p.end <= kConditionalDeclineGap;
      });
      if (conditional) {
        std::erase_if(off, [&](const Span& o) { return d.end <= o.begin; });
        break;
      }
    }
  }
  // What is said last wins: "Recording stopped. Recording started again" is on. A stop phrase
  // inside a longer last "on" phrase is part of it ("se termine dans 5 minutes", ends in 5
  // minutes, holds "se termine", ends; "wordt beëindigd binnen").
  const bool off_inside_on = !off.empty() && !on.empty() && off.back().begin >= on.back().begin &&
                             off.back().end <= on.back().end && off.back().end - off.back().begin < on.back().end - on.back().begin;
  // ... and an "on" word inside a longer last stop phrase is the stop's progress ("방송 중단 중",
  // the broadcast is being stopped).
  const bool on_inside_off = !off.empty() && !on.empty() && on.back().begin >= off.back().begin && on.back().end <= off.back().end;
  const bool off_last = !off.empty() && !off_inside_on && (on.empty() || last_begin(off) >= last_begin(on) || on_inside_off);
  // A failure is not undone by what the client says it is doing about it ("录制服务目前无法使用，
  // 我们正在努力解决": the recording service is unavailable, we are working on it).
  // "Systemljud kunde inte fångas — mötet spelas in via mikrofonen" (system sound could not be
  // captured; the meeting is recorded through the microphone): a failure past a dash or a
  // semicolon is another clause's, and what is said on after it stands.
  const auto failures_here = lexicon.find("failure", sentence);
  const bool failure_reaches = std::any_of(failures_here.begin(), failures_here.end(), [&](const Span& f) {
    if (on.empty() || f.begin >= on.back().begin) return true;
    const std::string_view between = sentence.substr(f.end, on.back().begin > f.end ? on.back().begin - f.end : 0);
    return between.find(';') == std::string_view::npos && between.find(" \xE2\x80\x94 ") == std::string_view::npos &&
           between.find(" \xE2\x80\x93 ") == std::string_view::npos && between.find(" - ") == std::string_view::npos;
  });
  if (!off.empty() && (off_last || failure_reaches)) {
    // "If the recording stops ...": a condition before the stop word makes it only possible.
    // But "Если выйти сейчас, запись прервётся" (if you leave now, the recording will break off):
    // a condition that opens the sentence and closes with a comma, with no stop of its own,
    // leaves the stop to the main clause, which tells what is running now.
    if (!possible.empty() && possible.front().begin < last_begin(off)) {
      const Span& c = possible.front();
      const std::size_t comma = sentence.find(',', c.end);
      const bool opens = sentence.substr(0, c.begin).find_first_not_of(" \t\n\"'*-([") == std::string_view::npos;
      const auto inside = [&](const std::vector<Span>& spans) {
        return std::any_of(spans.begin(), spans.end(), [&](const Span& x) { return x.begin < comma; });
      };
      // ("now" in the condition is the leaving's: "Если выйти сейчас, ...".)
      // Nor where the condition names the activity ("Ja organizators ieslēgs transkribēšanu, ...":
      // if the organiser turns transcription on).
      const auto names_activity = [&] {
        for (const char* cls : {"rec", "transcribe", "stream", "summary", "ai", "ai_product"})
          for (const Span& x : lexicon.find(cls, sentence.substr(0, comma)))
            if (x.begin >= c.end) return true;
        return false;
      };
      // Only the reader's own leaving or closing is such a condition (class leave_action): "If your
      // plan does not include it, cloud recording is unavailable" says nothing runs.
      const bool leaving = comma != std::string_view::npos && lexicon.any("leave_action", sentence.substr(c.begin, comma - c.begin));
      if (opens && leaving && comma < last_begin(off) && !inside(off) && !names_activity()) return State::active;
      return State::possible;
    }
    return State::stopped;
  }
  if (!on.empty()) {
    const Span phrase = last_on_phrase(sentence, on);
    // "Participants receive an audio and visual notification that the meeting is being recorded",
    // "Die Teilnehmer bekommen ein Fenster eingeblendet, mit der Mitteilung, dass aufgezeichnet
    // wird" (help pages): what a notice will tell people, said by a text about notices, is no
    // notice itself (class told_that, before the live phrase in its sentence); no finding.
    // (The told words may sit inside the phrase as it was gathered back over an earlier "on" word:
    // "Peserta akan diberitahu bahwa rapat sedang direkam", where "akan", will, opens it.)
    const auto told = lexicon.find("told_that", sentence);
    const std::size_t core = on.back().begin;
    if (std::any_of(told.begin(), told.end(), [&](const Span& t) {
          const std::size_t before = t.end <= phrase.begin + 1 ? phrase.begin : core;
          return (t.end <= phrase.begin + 1 || (t.begin >= phrase.begin && t.end <= core + 1)) &&
                 sentence.substr(t.end, before > t.end ? before - t.end : 0).find_first_of(".!?") == std::string_view::npos;
        }))
      return State::offer;
    // "Dieser Browser unterstützt die Live-Transkription derzeit nicht" (does not support it at
    // the moment): an "on" word inside a failure is the failure's.
    const auto failures = lexicon.find("failure", sentence);
    if (std::any_of(failures.begin(), failures.end(), [&](const Span& f) { return f.begin <= phrase.begin && phrase.end <= f.end; }))
      return State::stopped;
    // "正在停止录制", "停止しています": what is in progress is the stopping.
    if (stopping_in_progress(lexicon.find("stop", sentence), phrase)) return State::stopped;
    // "Ninguém além de você vê que a reunião está sendo gravada" (no one but you sees that the
    // meeting is being recorded): a negation before a "that" (class complementizer) is the main
    // clause's; the clause after it says the recording is on.
    auto negations = lexicon.find("neg", sentence);
    const auto complementizers = lexicon.find("complementizer", sentence);
    std::erase_if(negations, [&](const Span& n) {
      return std::any_of(complementizers.begin(), complementizers.end(), [&](const Span& c) { return c.begin >= n.end && c.end <= phrase.begin + 1; });
    });
    if (stopped_before(sentence, off, phrase) || negated(sentence, negations, lexicon.find("neg_anywhere", sentence), phrase))
      return State::stopped;
    // "Live transcription is now available", "AI summaries are now available on every record": an
    // offer right after the "now" is the news of a feature, not the feature running (findings
    // contract: "available" is no finding). Negated, it is a failure: "non è al momento disponibile".
    // Only a "now" (class now) in the phrase: "стенограма ще бъде налична по-късно" (a transcript will
    // be available later) speaks of this meeting's; nor across a mark ("Opname bezig, klik ...").
    const std::string_view said = sentence.substr(phrase.begin, phrase.end - phrase.begin);
    const std::size_t said_last = said.find_last_not_of(' ');
    const auto offers = lexicon.find("offer", sentence);
    if (said_last != std::string_view::npos && std::string_view(",;:.!?").find(said[said_last]) == std::string_view::npos &&
        lexicon.any("now", said) && std::any_of(offers.begin(), offers.end(), [&](const Span& o) {
          return o.begin >= phrase.end && sentence.substr(phrase.end, o.begin - phrase.end).find_first_not_of(' ') == std::string_view::npos;
        }))
      return State::offer;
    // "If the host starts the recording, ..." but not "Recording is on. If you stay, ...". A
    // "may" inside the live phrase, or right after it, is said of it too ("Hovor může být
    // nahráván", the call may be recorded; "wird möglicherweise aufgezeichnet"; "Opkaldet
    // optages måske", is recorded perhaps).
    const auto said_of_it = [&](const Span& p) { return p.begin < phrase.end || right_after(sentence, phrase, p); };
    if (std::any_of(possible.begin(), possible.end(), said_of_it)) return State::possible;
    // "녹화하려고 합니다" (wants to record): the wish closes the live phrase. Only inside it or
    // right after it: "The host would like to remind you that this meeting is recorded" is on.
    // Nor a wish shortly before it in its clause: "${peer_name} 希望为此会话开始转录。" (wants to start
    // transcription for this session; a Chinese MiroTalk fork), where the start reads as on.
    // (One who records asking leave to, class may_we, wishes it too: "May I record this call?".)
    auto intent = lexicon.find("intent", sentence);
    for (const Span& m : lexicon.find("may_we", sentence)) intent.push_back(m);
    const auto wished_before = [&](const Span& p) {
      return p.end <= phrase.begin && phrase.begin - p.end <= kIntentBeforeBytes &&
             sentence.substr(p.end, phrase.begin - p.end).find_first_of(",.;:!?") == std::string_view::npos;
    };
    if (std::any_of(intent.begin(), intent.end(), [&](const Span& p) {
          return (p.begin < phrase.end && p.end > phrase.begin) || right_after(sentence, phrase, p) || wished_before(p);
        }))
      return State::possible;
    // Only the question that holds the live phrase asks for a yes to it: "This meeting is being
    // recorded. Do you agree to continue?" is recorded already.
    if (asks_for_yes(lexicon, sentence) && phrase.begin >= last_sentence_start(sentence)) return State::possible;
    // "Acepto que se grabe mi voz ...", "面接映像の録画に同意する": a tick box's first-person yes;
    // what it agrees to happens once it is ticked.
    if (first_person_yes(lexicon, sentence, phrase)) return State::possible;
    return State::active;
  }
  // "The host would like to record this meeting", "L'organisateur souhaite enregistrer": someone
  // wants to start it and nothing says it has started; it may happen (class intent).
  if (!possible.empty() && none_planned(lexicon, sentence, possible)) return State::stopped;
  if (!possible.empty() || lexicon.any("intent", sentence) || lexicon.any("may_we", sentence)) return State::possible;
  // A failure with no word of a state ("Nagrywanie ... jest niedozwolone", recording is not
  // allowed; "Provare a registrare di nuovo", try to record again) did not start it; a failure
  // to stop it ("You don't have permissions to stop the recording") leaves it on.
  if (lexicon.any("failure", sentence) && !lexicon.any("stop", sentence)) return State::stopped;
  if (lexicon.any("offer", sentence) || enabling_offered(lexicon, sentence)) return State::offer;
  // "Here's the call recording", "Voici l'enregistrement de l'appel" (class presentative): the
  // recording handed over is a finished one.
  if (!presentative.empty()) return State::stopped;
  if (asks_for_yes(lexicon, sentence)) return State::possible;
  if (first_person_yes(lexicon, sentence, Span{0, 0}) || first_person_yes(lexicon, sentence, Span{sentence.size(), sentence.size()}))
    return State::possible;  // a tick box's yes, wherever the activity is named
  return State::active;
}

}  // namespace consentlens
