#include "finding.h"

#include <algorithm>
#include <iterator>

#include "contract.h"
#include "explainer.h"
#include "stance_reader.h"
#include "state_reader.h"
#include "utf8.h"

namespace consentlens {
namespace {

using Json = nlohmann::ordered_json;

bool has(const std::vector<std::string>& v, std::string_view x) { return std::find(v.begin(), v.end(), x) != v.end(); }

Json to_json(const std::vector<std::string>& v) {
  Json a = Json::array();
  for (const auto& x : v) a.push_back(x);
  return a;
}

// The kinds an activity notice can speak of (their consent model is read; a terms prompt or
// a clause is an agreement, not an activity).
bool is_activity(std::string_view kind) {
  return kind == "ai_assistant" || kind == "notetaker_bot" || kind == "live_stream" || kind == "recording" ||
         kind == "transcription";
}

// What the rules of one kind in one unit say: the rule that speaks for it (highest priority,
// then first in the text), the slots of all its rules and of the cues that apply, its vendor.
struct KindHits {
  const Hit* primary = nullptr;
  Slots slots;
  std::string vendor;
};

// A training word and a model word on one line may belong to different clauses; a rule that
// asks for it is confirmed by the stance reader on the hit's line.
bool confirmed(const FindingContext& ctx, const Rule& rule, const Hit& hit) {
  if (!rule.confirm_stance) return true;
  return read_stance(ctx.lexicon, ctx.text.substr(hit.line_begin, hit.line_end - hit.line_begin), {}).found;
}

KindHits gather(const FindingContext& ctx, const Unit& unit, std::string_view kind) {
  const auto& rules = ctx.rules.rules();
  KindHits k;
  for (const Hit& hit : unit.kind_hits) {
    const Rule& rule = rules[hit.rule];
    if (rule.kind != kind || !confirmed(ctx, rule, hit)) continue;
    if (!k.primary || rule.priority > rules[k.primary->rule].priority) k.primary = &hit;
    k.slots.merge(rule.slots, rule.priority);
    if (k.vendor.empty() && rule.vendor != "any") k.vendor = rule.vendor;
  }
  if (!k.primary) return k;
  if (rules[k.primary->rule].vendor != "any") k.vendor = rules[k.primary->rule].vendor;
  for (std::size_t r : unit.cues) {
    const Rule& cue = rules[r];
    if (!cue.applies_to.empty() && !has(cue.applies_to, kind)) continue;
    k.slots.merge(cue.slots, cue.priority);
  }
  if (k.vendor.empty()) k.vendor = ctx.page_vendor;
  return k;
}

// The sentence quoted as evidence: the one around the primary rule's match.
Passage evidence_of(const FindingContext& ctx, const Hit& h) {
  const std::string_view line = ctx.text.substr(h.line_begin, h.line_end - h.line_begin);
  std::size_t b = 0, e = 0;
  ctx.matcher.span(h.rule, line, b, e);
  return sentence_around(ctx.text, {h.line_begin, h.line_end}, h.line_begin + b, h.line_begin + e);
}

// The whole sentence of `unit` that holds `at`: a stance or a state is read over all of it,
// however long (the quote shown to people may be cut).
std::string_view sentence_at(const FindingContext& ctx, const Unit& unit, std::size_t at) {
  for (const Passage& s : split_sentences(ctx.text, unit.span))
    if (s.begin <= at && at < s.end) return ctx.text.substr(s.begin, s.end - s.begin);
  return ctx.text.substr(unit.span.begin, unit.span.end - unit.span.begin);
}

// Whether a sentence of the unit after `from` asks before stopping something.
bool later_asks_to_stop(const FindingContext& ctx, const Unit& unit, std::size_t from) {
  for (const Passage& s : split_sentences(ctx.text, unit.span))
    if (s.begin >= from && asks_before_stopping(ctx.lexicon, ctx.text.substr(s.begin, s.end - s.begin))) return true;
  return false;
}

// "Discúlpame, pero has alcanzado el tiempo límite de una grabación. Grabación detenida.": the
// sentence that names the activity says nothing of its state, a later one says it stopped.
// Only a status of a few words ("Grabación detenida.", "Opname gestopt.", "녹음을 정지합니다.") and no
// request: "O zastavení nahrávání požádejte hostitele hovoru", "请联系通话的主持人停止录制" (ask the
// host to stop the recording) ask for a stop that has not come.
constexpr std::size_t kStatusWords = 4;
constexpr std::size_t kStatusCharsUnspaced = 10;
// A status that names another activity and not this one ("Recording · Transcription paused")
// is that activity's.
bool names_another_activity(const Lexicon& lx, std::string_view kind, std::string_view words) {
  static constexpr std::pair<std::string_view, const char*> kActivityWords[] = {
      {"recording", "rec"}, {"transcription", "transcribe"}, {"live_stream", "stream"}};
  // A notetaker's or an assistant's notice speaks of recording in its own words: only the three
  // activities are told apart.
  if (std::none_of(std::begin(kActivityWords), std::end(kActivityWords), [&](const auto& a) { return a.first == kind; })) return false;
  bool other = false;
  for (const auto& [k, cls] : kActivityWords) {
    if (!lx.any(cls, words)) continue;
    if (k == kind) return false;
    other = true;
  }
  return other;
}

bool later_says_stopped(const FindingContext& ctx, const Unit& unit, std::size_t from, std::string_view kind) {
  for (const Passage& s : split_sentences(ctx.text, unit.span)) {
    std::string_view words = ctx.text.substr(s.begin, s.end - s.begin);
    while (!words.empty() && (words.front() == ' ' || words.front() == '\x1f')) words.remove_prefix(1);
    while (!words.empty() && words.back() == ' ') words.remove_suffix(1);
    // Words counted at spaces; where the script has none, its characters ("录制已经停止。", seven).
    const auto spaces = static_cast<std::size_t>(std::count(words.begin(), words.end(), ' '));
    const bool status = spaces > 0 ? spaces < kStatusWords : code_points(words) <= kStatusCharsUnspaced;
    if (s.begin >= from && status && !ctx.lexicon.any("request", words) && ctx.lexicon.any("state_off", words) &&
        !names_another_activity(ctx.lexicon, kind, words) && read_state(ctx.lexicon, words) == State::stopped)
      return true;
  }
  return false;
}

// The name a bot shows, read by the first of the unit's notetaker rules that can read one.
std::string bot_name_of(const FindingContext& ctx, const Unit& unit) {
  for (const Hit& hit : unit.kind_hits) {
    const std::string_view line = ctx.text.substr(hit.line_begin, hit.line_end - hit.line_begin);
    if (std::string name = ctx.matcher.bot_name(hit.rule, line); !name.empty()) return name;
  }
  return "";
}

// Reads the clause's stance from its words. In a unit of several sentences (a notice-sized
// text) the sentence that holds a training predicate speaks for the clause, and becomes the
// quote. False when the clause is only a ban on users training AI on the vendor's output,
// which says nothing about what happens to your data.
bool read_clause(const FindingContext& ctx, const Unit& unit, std::string_view& sentence, Passage& quote,
                 const std::string& vendor, Slots& slots, bool& third_parties_only, bool& others_train) {
  std::vector<std::string> names;
  if (const VendorKnowledge* v = ctx.knowledge.vendor(vendor); v && vendor != "other") names.push_back(v->name);
  // A section title ("3. AI学習について", about AI training; "## AI Training") names a topic and
  // says nothing about it: its training word is no predicate, the unit's other sentences speak.
  const bool heading = is_heading(sentence);
  StanceReading r = heading ? StanceReading{} : read_stance(ctx.lexicon, sentence, names);
  // What the title is about is what the sentences under it speak of: "そのため、学習に利用されることは
  // ありません" (so it is not used for learning) under "AI学習について" is read as if after
  // "AI学習について:", where a title's own training word is only the topic (stance_reader.cc).
  std::string titled;
  if (heading && read_stance(ctx.lexicon, sentence, names).found) {
    // Without its marks and number ("## ", "3. "): the title's words are the topic.
    std::string_view words = sentence.substr(std::min(sentence.size(), sentence.find_first_not_of(" #*_-0123456789.")));
    titled = std::string(words) + ": ";
  }
  if (!r.found) {
    for (const Passage& p : split_sentences(ctx.text, unit.span)) {
      const std::string_view other = ctx.text.substr(p.begin, p.end - p.begin);
      if (is_heading(other)) continue;
      StanceReading o = read_stance(ctx.lexicon, other, names);
      if (!o.found && !titled.empty() && other.data() > sentence.data()) {
        o = read_stance(ctx.lexicon, titled + std::string(other), names);
        if (o.predicate.begin < titled.size()) continue;  // the title's own word, not the sentence's
        o.predicate.begin -= titled.size();
        o.predicate.end -= titled.size();
      }
      if (!o.found) continue;
      r = o;
      sentence = other;
      quote = sentence_around(ctx.text, p, p.begin + o.predicate.begin, p.begin + o.predicate.end);
      break;
    }
  }
  // An FAQ's question kept with its answer ("Nutzt ihr meine Dokumente, um KI-Modelle zu
  // trainieren? Nein - die KI ... trainiert nie ..."): the question is read with the sentence
  // after it, where the answer stands (stance_reader.cc reads "Nein" as the question's answer).
  const std::size_t trimmed = sentence.find_last_not_of(" \n");
  // The steps below look around the sentence in the text, which a title read with its topic is not.
  const bool in_text = sentence.data() >= ctx.text.data() && sentence.data() + sentence.size() <= ctx.text.data() + ctx.text.size();
  if (r.found && trimmed != std::string_view::npos && sentence[trimmed] == '?' && in_text) {
    const auto end = static_cast<std::size_t>(sentence.data() - ctx.text.data()) + sentence.size();
    // The answer may open the next unit (a document's sentences are units of their own).
    constexpr std::size_t kAnswerReach = 400;
    std::size_t stop = std::min(ctx.text.size(), end + kAnswerReach);
    while (stop < ctx.text.size() && (static_cast<unsigned char>(ctx.text[stop]) & 0xC0) == 0x80) ++stop;  // a whole character
    for (const Passage& p : split_sentences(ctx.text, Passage{end, stop})) {
      const StanceReading answered = read_stance(ctx.lexicon, std::string(sentence) + " " + std::string(ctx.text.substr(p.begin, p.end - p.begin)), names);
      if (answered.found) r = answered;
      break;
    }
  }
  // An item of a list says what it says under its lead-in ("We do NOT ... use Google Drive or
  // Dropbox data for:" over "Training AI models"; "You may not:" over "- use the Service to
  // train"): read with it, where the item's own training predicate is what the two speak of.
  if (in_text) {
    const std::string_view lead = list_lead_in(ctx.text, static_cast<std::size_t>(sentence.data() - ctx.text.data()));
    if (!lead.empty()) {
      const std::string joined = std::string(lead) + " " + std::string(sentence);
      const StanceReading listed = read_stance(ctx.lexicon, joined, names);
      if (listed.found && listed.predicate.begin > lead.size()) r = listed;
    }
  }
  // "Your data is NOT used to train our models by default. You can opt in at any time": a ban said
  // to hold by default, with a way in right after it, is training with the reader's yes.
  if (r.found && r.stance == "prohibits" && !r.users_only && !r.third_parties_only && in_text && ctx.lexicon.any("by_default", sentence)) {
    constexpr std::size_t kWayInReach = 300;
    const auto end = static_cast<std::size_t>(sentence.data() - ctx.text.data()) + sentence.size();
    std::size_t stop = std::min(ctx.text.size(), end + kWayInReach);
    while (stop < ctx.text.size() && (static_cast<unsigned char>(ctx.text[stop]) & 0xC0) == 0x80) ++stop;  // a whole character
    // The way in is the next sentence's, and is into training: it names training or a model, or
    // it is a short sentence in which the reader opts in with no object of its own ("You can opt in
    // at any time"; not "Opt in to email summaries", "Admins can opt in to the beta program").
    const std::vector<Passage> next = split_sentences(ctx.text, Passage{end, stop});
    const std::string_view way = next.empty() ? std::string_view() : ctx.text.substr(next.front().begin, next.front().end - next.front().begin);
    const auto opt_ins = ctx.lexicon.find("opt_in", way);
    const auto into_training = [&] { return ctx.lexicon.any("train", way) || ctx.lexicon.any("model", way); };
    const auto objectless = [&] {
      static constexpr std::string_view kObjectMarks[] = {" to ", " in ", " into ", " for ", " à ", " au ", " aux ", " für ", " zu ",
                                                          " al ", " para ", " per ", " naar ", " do ", " в ", " на "};
      constexpr int kShortSentenceWords = 10;
      // The reader is the one who opts in ("You can opt in at any time"; not "Marketing emails
      // are opt-in").
      if (spaced_words(way) > kShortSentenceWords || !ctx.lexicon.any("you_subject", way)) return false;
      return std::none_of(opt_ins.begin(), opt_ins.end(), [&](const Span& o) {
        const std::string_view rest = way.substr(o.end > 0 && way[o.end - 1] == ' ' ? o.end - 1 : o.end);
        return std::any_of(std::begin(kObjectMarks), std::end(kObjectMarks), [&](std::string_view m) { return rest.starts_with(m); });
      });
    };
    // ("You cannot opt in to model training", "Opt-in is not available" deny the way in.)
    if (!opt_ins.empty() && !ctx.lexicon.any("neg", way) && (into_training() || objectless())) r.stance = "permits_with_consent";
  }
  // A document's title read with the paragraph under it is a clause only where a sentence there
  // says something of its topic (scan.h, Unit::titled).
  if (!r.found) return !unit.titled;
  if (r.users_only) return !slots.list("license_terms").empty();
  slots.add("stance", r.stance, 100);
  if (r.opt_out) slots.add("your_choices", "opt_out");
  if (r.deidentified) slots.add("data_scope", "deidentified");
  third_parties_only = r.third_parties_only;
  if (r.third_parties_only) slots.add("third_party_models", "yes", 100);
  others_train = r.others_train;
  if (r.others_train) slots.add("third_party_models", "yes", 100);
  return true;
}

// The contract ties training to stance for clauses (shared/reference/clause-facts.md).
void align_training_with_stance(Slots& s, bool third_parties_only) {
  const std::string stance = s.scalar("stance");
  const std::string training = third_parties_only          ? "unknown"
                               : stance == "permits"        ? "yes"
                               : stance == "permits_with_consent" ? "with_consent"
                               : stance == "prohibits"      ? "no"
                                                            : "unknown";
  s.add("training", training, 1000);
}

// How the notice asks for consent, from its own words first; the vendor's documented notice
// only where the words say nothing. Sets your_choices to match.
// `speaks_of_consent`: the notice has a consent or decline word at all.
ConsentModel consent_model(Slots& text, const Slots& defaults, State state, bool speaks_of_consent) {
  const auto said = text.list("your_choices");
  if (state == State::stopped) return ConsentModel::unknown;
  // What a no does ("If you decline, you will be muted") says a no can be given: each is asked.
  // Not where no one speaks of a yes or a no: "Participants will be muted on entry" is a lobby
  // rule, not the outcome of declining.
  const bool outcome_of_no = !text.list("on_decline").empty() && speaks_of_consent && !has(said, "stay_means_consent");
  if (has(said, "accept") || has(said, "decline") || outcome_of_no) {
    text.add("your_choices", "accept");
    text.add("your_choices", "decline");
    return ConsentModel::explicit_opt_in;
  }
  if (has(said, "stay_means_consent")) return ConsentModel::stay;
  if (has(text.list("consent_by"), "account_admin")) return ConsentModel::account_setting;
  if (has(defaults.list("your_choices"), "stay_means_consent")) return ConsentModel::stay;
  return ConsentModel::none_asked;
}

// The slots every finding carries, with the value that means "nobody said".
void fill_unknowns(Slots& s, bool clause) {
  for (const char* list : {"consent_by", "data", "destinations", "your_choices"})
    if (!s.has(list)) s.add(list, "unknown");
  if (!s.has("training")) s.add("training", "unknown", -1000);
  if (clause) {
    if (!s.has("stance")) s.add("stance", "unspecified", -1000);
    if (!s.has("data_scope")) s.add("data_scope", "unknown");
    if (!s.has("third_party_models")) s.add("third_party_models", "unspecified", -1000);
  }
}

Json sources_json(const std::vector<Source>& sources) {
  Json a = Json::array();
  for (const auto& s : sources) {
    Json j{{"url", s.url}, {"date", s.date.empty() ? Json(nullptr) : Json(s.date)}, {"title", s.title}};
    if (!s.checked.empty()) j["checked"] = s.checked;
    a.push_back(std::move(j));
  }
  return a;
}

Json finding_json(const FindingFacts& f, const Passage& quote, std::string_view text, const Explanation& ex,
                  const std::string& rule) {
  Json j;
  j["kind"] = f.kind;
  j["state"] = std::string(state_name(f.state));
  j["context"] = f.document ? "document" : "meeting";
  j["vendor"] = f.vendor;
  if (f.kind == "notetaker_bot") j["bot_name"] = f.bot_name.empty() ? Json(nullptr) : Json(f.bot_name);
  for (const char* s : {"consent_by", "your_choices", "data", "destinations"}) j[s] = to_json(f.slots.list(s));
  j["training"] = f.slots.scalar("training");
  if (f.kind == "training_clause") {
    j["stance"] = f.slots.scalar("stance");
    j["data_scope"] = to_json(f.slots.list("data_scope"));
    j["license_terms"] = to_json(f.slots.list("license_terms"));
    j["third_party_models"] = f.slots.scalar("third_party_models");
  }
  j["evidence"] = {{"text", std::string(text.substr(quote.begin, quote.end - quote.begin))}, {"start", quote.begin}, {"end", quote.end}};
  j["explanation"] = {{"summary", ex.summary}, {"who_consented", ex.who_consented}, {"your_choices", ex.your_choices},
                      {"data_flow", ex.data_flow}, {"training", ex.training}};
  j["sources"] = sources_json(ex.sources);
  j["rule"] = rule;
  return j;
}

// One finding of `kind` from `unit`, or false when the words say there is none (an offer of a
// feature, a ban on users only).
bool build_one(const FindingContext& ctx, const Unit& unit, std::string_view kind, FindingFacts& f, Passage& quote,
               std::string& rule) {
  KindHits k = gather(ctx, unit, kind);
  if (!k.primary) return false;
  rule = ctx.rules.rules()[k.primary->rule].id;
  quote = evidence_of(ctx, *k.primary);
  std::string_view sentence = sentence_at(ctx, unit, quote.begin);
  f.kind = std::string(kind);
  f.vendor = k.vendor;
  f.document = ctx.as == As::document || kind == "training_clause";
  const bool clause = kind == "training_clause";
  f.state = clause || kind == "terms_prompt" ? State::active : read_state(ctx.lexicon, sentence);
  if (f.state == State::offer) return false;
  // "Die Gesprächsaufzeichnung wird verarbeitet und ... gepostet. Bist du sicher, dass du die
  // Aufzeichnung beenden willst?": what happens after the stop is said first, the question
  // before stopping last; the recording is still on.
  if (f.state == State::stopped && ctx.as != As::document && later_asks_to_stop(ctx, unit, quote.end)) f.state = State::active;
  if (f.state == State::active && !clause && kind != "terms_prompt" && ctx.as != As::document && !ctx.lexicon.any("state_on", sentence) &&
      later_says_stopped(ctx, unit, quote.end, kind))
    f.state = State::stopped;
  if (clause && !read_clause(ctx, unit, sentence, quote, f.vendor, k.slots, f.third_parties_only, f.others_train)) return false;

  const VendorKnowledge* vk = ctx.knowledge.vendor(f.vendor);
  const KindKnowledge* kk = vk ? vk->kind(kind) : nullptr;
  if (!kk) kk = ctx.knowledge.vendor("other")->kind(kind);
  Slots defaults;
  if (kk) defaults.merge(kk->defaults);
  f.facts = ctx.knowledge.facts(f.vendor, kind, ctx.date, ctx.scope);
  for (const Fact* fact : f.facts) defaults.merge(fact->sets, 10);
  if (is_activity(kind) && !f.document) {
    const std::string_view words = ctx.text.substr(unit.span.begin, unit.span.end - unit.span.begin);
    const bool speaks_of_consent = ctx.lexicon.any("consent", words) || ctx.lexicon.any("decline", words);
    f.consent_model = consent_model(k.slots, defaults, f.state, speaks_of_consent);
  }
  if (is_activity(kind) && f.document) {
    // What a meeting's notice lets you do (stay, leave) says nothing about a terms or privacy
    // text: its choices are the ones it states (an opt-out, a setting), else none.
    defaults.erase("your_choices");
    if (!k.slots.has("your_choices")) k.slots.add("your_choices", "none");
    // Nor does the meeting's host: a document is accepted by whoever accepts the vendor's terms
    // (the account for its users, or each person who uses the service), as for its clauses.
    const KindKnowledge* terms = vk ? vk->kind("training_clause") : nullptr;
    if (!terms) terms = ctx.knowledge.vendor("other")->kind("training_clause");
    // Nor does a meeting's destination (the host's copy): the document's vendor keeps the data.
    for (const char* slot : {"consent_by", "destinations"})
      if (terms && !k.slots.has(slot)) {
        defaults.erase(slot);
        for (const auto& v : terms->defaults.list(slot)) defaults.add(slot, v);
      }
  }
  k.slots.add_defaults(defaults);
  if (f.state == State::stopped && !f.document) {
    Slots s;
    s.merge(k.slots);
    k.slots = Slots();
    for (const char* list : {"consent_by", "data", "destinations", "data_scope", "license_terms"})
      for (const auto& v : s.list(list)) k.slots.add(list, v);
    k.slots.add("training", s.scalar("training").empty() ? "unknown" : s.scalar("training"));
    k.slots.add("your_choices", "none");
  }
  if (f.consent_model == ConsentModel::none_asked && !k.slots.has("your_choices")) {
    k.slots.add("your_choices", "leave");
    k.slots.add("your_choices", "ask_host");
  }
  fill_unknowns(k.slots, clause);
  if (clause) align_training_with_stance(k.slots, f.third_parties_only);
  // "We will not use your content to train ... without your explicit consent, which must be
  // affirmatively provided through an opt-in mechanism" (SoundCloud, 2025): where no admin
  // decides for the reader, the yes the clause waits for is the reader's to give or not.
  const auto choices = k.slots.list("your_choices");
  if (clause && k.slots.scalar("stance") == "permits_with_consent" && choices.size() == 1 && choices.front() == "unknown" &&
      !decided_by_account(k.slots)) {
    k.slots.erase("your_choices");
    k.slots.add("your_choices", "accept");
    k.slots.add("your_choices", "decline");
  }
  // "Recording Consent / This interview will be recorded ... / I agree / I do not agree": what
  // waits for each person's yes happens only once it is given. A text that says it is going on
  // already ("estoy grabando esta reunión. ¿Está bien para todos?", class in_progress) stays on.
  if (!clause && kind != "terms_prompt" && f.state == State::active && ctx.as != As::document) {
    const auto now = k.slots.list("your_choices");
    const bool explicit_yes = std::find(now.begin(), now.end(), "accept") != now.end() &&
                              std::find(now.begin(), now.end(), "stay_means_consent") == now.end();
    if (explicit_yes && !ctx.lexicon.any("in_progress", ctx.text.substr(unit.span.begin, unit.span.end - unit.span.begin))) f.state = State::possible;
  }
  if (kind == "notetaker_bot") f.bot_name = bot_name_of(ctx, unit);
  f.slots = std::move(k.slots);
  return true;
}

}  // namespace

void build_findings(const FindingContext& ctx, const Unit& unit, Json& out, std::set<std::string>& seen) {
  for (const auto kind : contract::kinds()) {
    FindingFacts f;
    Passage quote{0, 0};
    std::string rule;
    if (!build_one(ctx, unit, kind, f, quote, rule)) continue;
    const std::string evidence(ctx.text.substr(quote.begin, quote.end - quote.begin));
    if (!seen.insert(f.kind + "\x1f" + rule + "\x1f" + evidence).second) continue;
    const Explanation ex = explain(ctx.knowledge, f);
    out.push_back(finding_json(f, quote, ctx.text, ex, rule));
  }
}

void drop_unstated_twins(std::string_view text, Json& findings) {
  auto clause = [](const Json& f) { return f["kind"] == "training_clause"; };
  auto unstated = [](const Json& f) { return f["stance"] == "unspecified" && f["license_terms"].empty(); };
  // A paragraph ends at a blank line; its number is the count of blank lines before the quote
  // (found once, then searched: a long document has thousands of each).
  std::vector<std::size_t> breaks;
  for (std::size_t p = text.find("\n\n"); p != std::string_view::npos; p = text.find("\n\n", p + 2)) breaks.push_back(p);
  auto paragraph_of = [&](const Json& f) {
    const std::size_t at = f["evidence"]["start"].get<std::size_t>();
    return static_cast<std::size_t>(std::lower_bound(breaks.begin(), breaks.end(), at) - breaks.begin());
  };
  std::set<std::size_t> stated;
  for (const Json& f : findings)
    if (clause(f) && !unstated(f)) stated.insert(paragraph_of(f));
  Json kept = Json::array();
  for (Json& f : findings)
    if (!(clause(f) && unstated(f) && stated.count(paragraph_of(f)))) kept.push_back(std::move(f));
  findings = std::move(kept);
}

}  // namespace consentlens
