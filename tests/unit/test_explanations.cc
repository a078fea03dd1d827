// What a finding says to the person: the consent model read from the notice, unknown bots by
// name, documents explained as documents, licence terms in words, nothing that contradicts
// another field.
#include <catch2/catch.hpp>

#include <algorithm>
#include <tuple>

#include "engine.h"

using namespace consentlens;
using Json = nlohmann::ordered_json;

namespace {

const Engine& engine() {
  static const Engine e;
  return e;
}

Json findings(const std::string& text, const AnalyzeOptions& o = {}) { return engine().analyze(text, o).result["findings"]; }

const Json* find_kind(const Json& fs, const std::string& kind) {
  for (const auto& f : fs)
    if (f["kind"] == kind) return &f;
  return nullptr;
}

bool contains(const Json& array, const std::string& value) {
  return std::find(array.begin(), array.end(), value) != array.end();
}

std::string all_words(const Json& f) {
  std::string s;
  for (const auto& [k, v] : f["explanation"].items()) s += v.get<std::string>() + " ";
  return s;
}

}  // namespace

// Each text asks each person for their own yes (not "staying counts as yes"), and its explanation
// says what a no does in the words given ("" where the text does not say).
void each_asks_each_person(const std::vector<std::pair<std::string, std::string>>& cases) {
  for (const auto& [text, outcome] : cases) {
    CAPTURE(text);
    const auto fs = findings(text);
    REQUIRE_FALSE(fs.empty());
    const Json& f = fs.front();
    CHECK(contains(f["your_choices"], "accept"));
    CHECK_FALSE(contains(f["your_choices"], "stay_means_consent"));
    if (!outcome.empty()) CHECK_THAT(f["explanation"]["your_choices"].get<std::string>(), Catch::Contains(outcome));
  }
}

// Each text is a notetaker bot showing `name`, and not also a finding of kind `not_also`.
void each_bot_named(const std::vector<std::pair<std::string, std::string>>& cases, const std::string& not_also) {
  for (const auto& [text, name] : cases) {
    CAPTURE(text);
    const auto fs = findings(text);
    const Json* f = find_kind(fs, "notetaker_bot");
    REQUIRE(f);
    CHECK((*f)["bot_name"] == name);
    if (!not_also.empty()) CHECK(find_kind(fs, not_also) == nullptr);
  }
}

TEST_CASE("an explicit consent gate is not 'staying counts as yes'", "[consent]") {
  // Written after Teams' explicit recording consent (learn.microsoft.com; office365itpros 2023-03-13):
  // mic and camera stay off until you agree; by phone, press 1 or 2.
  const auto fs = findings("This meeting is being recorded. You need to give your consent before you can unmute. "
                           "Press 1 to consent, or press 2 to stay muted.",
                           {"https://teams.microsoft.com/v2/", "", "", ""});
  const Json* f = find_kind(fs, "recording");
  REQUIRE(f);
  CHECK(contains((*f)["your_choices"], "accept"));
  CHECK(contains((*f)["your_choices"], "decline"));
  CHECK_FALSE(contains((*f)["your_choices"], "stay_means_consent"));
  const std::string choices = (*f)["explanation"]["your_choices"];
  CHECK_THAT(choices, Catch::Contains("your own yes"));
  CHECK_THAT(choices, Catch::Contains("mic and camera stay off"));
  CHECK_THAT(choices, !Catch::Contains("If you stay, that counts as a yes"));
}

TEST_CASE("a question asking for consent is an explicit opt-in, in any language", "[consent]") {
  // OpenTalk consent-message (en, de); Mumble's public server list (ConnectDialog).
  for (const char* text : {"Do you consent that your audio and video is recorded?",
                           "Sind Sie einverstanden, dass Ihr Audio und Video-Signal aufgezeichnet wird?"}) {
    CAPTURE(text);
    const auto fs = findings(text, {"", "", "", ""});
    const Json* f = find_kind(fs, "recording");
    REQUIRE(f);
    CHECK(contains((*f)["your_choices"], "accept"));
    CHECK_FALSE(contains((*f)["your_choices"], "stay_means_consent"));
  }
  const auto ip = findings("Do you consent to the transmission of your IP address? If you answer no, the public server list "
                           "will be deactivated.", {"", "", "", ""});
  const Json* t = find_kind(ip, "terms_prompt");
  REQUIRE(t);
  CHECK(contains((*t)["your_choices"], "decline"));
  CHECK(find_kind(ip, "recording") == nullptr);
}

TEST_CASE("a terms prompt asks the reader, it never says no one asked them", "[consent]") {
  // Zoom's join page (shared notices corpus) and Element Call's licence caption.
  for (const char* text : {"By clicking \"Join\", you agree to our Terms of Services and Privacy Statement",
                           "Klõpsides „Jätka“ nõustud sa meie Tarkvara ja teenuste litsentseerimise lepinguga"}) {
    CAPTURE(text);
    const auto fs = findings(text);
    const Json* f = find_kind(fs, "terms_prompt");
    REQUIRE(f);
    const std::string who = (*f)["explanation"]["who_consented"];
    CHECK_THAT(who, Catch::Contains("You are the one asked"));
    CHECK_THAT(who, !Catch::Contains("No one asked you"));
    CHECK_THAT(who, !Catch::Contains("brought this in"));
  }
}

TEST_CASE("declining to view-only and being removed are said as such", "[consent]") {
  const auto view = findings("Before this meeting can be recorded, everyone needs to give their consent. If you decline, you "
                             "join in view-only mode.");
  const Json* v = find_kind(view, "recording");
  REQUIRE(v);
  CHECK_THAT((*v)["explanation"]["your_choices"].get<std::string>(), Catch::Contains("only watch and listen"));
  const auto removed = findings("Recording consent is required. If you do not agree, you will be removed from the meeting.");
  const Json* r = find_kind(removed, "recording");
  REQUIRE(r);
  CHECK_THAT((*r)["explanation"]["your_choices"].get<std::string>(), Catch::Contains("taken out of the meeting"));
}

// Written variants of consent gates whose buttons are a yes and a way out.
TEST_CASE("a gate whose only no is leaving is an explicit yes that takes you out on a no", "[consent]") {
  const auto fs = findings("Recording consent: this meeting will be recorded. Select Continue to consent or Leave to exit.");
  const Json* r = find_kind(fs, "recording");
  REQUIRE(r);
  CHECK(contains((*r)["your_choices"], "accept"));
  CHECK_FALSE(contains((*r)["your_choices"], "stay_means_consent"));
  CHECK_THAT((*r)["explanation"]["your_choices"].get<std::string>(), Catch::Contains("taken out of the meeting"));
  const auto must = findings("To join with audio and video, you must consent to this meeting being recorded.");
  REQUIRE(find_kind(must, "recording"));
  CHECK(contains((*find_kind(must, "recording"))["your_choices"], "accept"));
}

TEST_CASE("a stopped recording asks nothing and never says it is being recorded", "[consent][state]") {
  const auto fs = findings("Recording paused", {"", "zoom", "", ""});
  const Json* f = find_kind(fs, "recording");
  REQUIRE(f);
  CHECK((*f)["state"] == "stopped");
  CHECK((*f)["your_choices"] == Json::array({"none"}));
  CHECK_THAT(all_words(*f), !Catch::Contains("is being recorded"));
}

TEST_CASE("a bot the project does not know is a notetaker bot with its name", "[bots]") {
  for (const auto& [text, name] : std::vector<std::pair<std::string, std::string>>{
           {"Scribe Bot has joined the meeting", "Scribe Bot"},
           {"Hi everyone, I'm Quill, an AI notetaker. I'm recording this call for Dana.", "Quill"},
           {"Priya's Notetaker", "Priya's Notetaker"}}) {
    CAPTURE(text);
    const auto fs = findings(text);
    const Json* f = find_kind(fs, "notetaker_bot");
    REQUIRE(f);
    CHECK((*f)["bot_name"] == name);
    CHECK(contains((*f)["consent_by"], "participant"));
    CHECK(contains((*f)["destinations"], "notetaker_vendor"));
    CHECK(find_kind(fs, "recording") == nullptr);  // not "the host turned this on"
    const std::string who = (*f)["explanation"]["who_consented"];
    CHECK_THAT(who, !Catch::Contains("The host turned this on"));
    CHECK_THAT((*f)["explanation"]["summary"].get<std::string>(), Catch::Contains(name));
    CHECK_THAT((*f)["explanation"]["your_choices"].get<std::string>(), Catch::Contains("chat"));
  }
  // A person who records is a person.
  CHECK(find_kind(findings("Alice is recording"), "notetaker_bot") == nullptr);
  // A generic "the AI assistant" is the meeting client's own, and a clause is no name: a bot
  // named "The AI assistant is summarizing this meeting" or "Your call audio and video will be
  // shared with Read AI" (Google Meet's modal, shared corpus gmeet-app-001) tells nothing.
  const auto own = findings("The AI assistant is summarizing this meeting.");
  CHECK(find_kind(own, "notetaker_bot") == nullptr);
  CHECK(find_kind(own, "ai_assistant") != nullptr);
  const auto shared = findings("Your call audio and video will be shared with Read AI");
  REQUIRE(find_kind(shared, "notetaker_bot"));
  CHECK((*find_kind(shared, "notetaker_bot"))["bot_name"].is_null());
}

// Written variants of the notetakers' own join messages, in the languages their users meet in:
// the product's name is the same in every language, the verb is not.
TEST_CASE("a notetaker known by name is a bot in any language, named as it shows itself", "[bots]") {
  each_bot_named({
           {"Otter.ai nimmt dieses Meeting für Max auf und erstellt Notizen.", "Otter.ai"},
           {"tl;dv está grabando esta reunión para Ana.", "tl;dv"},
           {"tl;dv がこの会議を録画しています。", "tl;dv"},
           {"Otter.ai записує цю зустріч для Олени.", "Otter.ai"},
           {"Fireflies.ai Notetaker a rejoint la réunion pour enregistrer et transcrire.", "Fireflies.ai Notetaker"},
           {"O assistente Read.ai está gravando e transcrevendo esta reunião.", "Read.ai"},
           {"Hi everyone! Fathom Notetaker is recording this call to take notes.", "Fathom Notetaker"},
           {"Notta Bot is in the meeting to take notes for Akira.", "Notta Bot"},
           {"Heads up: Bluedot is transcribing this conversation.", "Bluedot"}}, "recording");
  // A link is not a name: Otter's chat message names no bot ("https://otter.ai/u/...").
  const auto linked = findings("Hi, I'm an AI assistant helping Paul take notes for this meeting. Follow along: https://otter.ai/u/5uKc");
  REQUIRE(find_kind(linked, "notetaker_bot"));
  CHECK((*find_kind(linked, "notetaker_bot"))["bot_name"].is_null());
  // The meeting client's own assistant is not someone's bot; nor is a product's description.
  CHECK(find_kind(findings("Webex AI Assistant is on. It can summarize the meeting and capture action items."),
                  "notetaker_bot") == nullptr);
  CHECK(find_kind(findings("Avoma enables you to record the conversation that takes place in a meeting."),
                  "notetaker_bot") == nullptr);
}

TEST_CASE("a document is explained as a document: no host, no leaving the meeting", "[documents]") {
  // Zoom Terms of Service, section 10.4, version of 31 March 2023.
  const std::string text =
      "10.4 Customer License Grant. You agree to grant and hereby grant Zoom a perpetual, worldwide, non-exclusive, "
      "royalty-free, sublicensable, and transferable license and all other rights required or necessary to redistribute, "
      "publish, import, access, use, store, transmit, review, disclose, preserve, extract, modify, reproduce, share, use, "
      "display, copy, distribute, translate, transcribe, create derivative works, and process Customer Content.";
  const auto a = engine().analyze(text, {"", "zoom", "document", ""});
  const Json* f = find_kind(a.result["findings"], "training_clause");
  REQUIRE(f);
  CHECK((*f)["context"] == "document");
  CHECK((*f)["license_terms"] == Json::array({"perpetual", "sublicensable", "royalty_free", "worldwide", "transferable"}));
  const std::string words = all_words(*f);
  // The licence in plain words.
  for (const char* w : {"never ends", "pass it on to others", "pays nothing", "every country", "another company"})
    CHECK_THAT(words, Catch::Contains(w));
  // Nothing about hosts or leaving a meeting the text does not speak of.
  for (const char* w : {"host", "leave the meeting", "If you stay"}) CHECK_THAT(words, !Catch::Contains(w));
}

TEST_CASE("one finding per clause, not one per document", "[documents]") {
  const std::string text =
      "Service Generated Data. Zoom may use Service Generated Data for any purpose, including machine learning and "
      "artificial intelligence.\n\nCustomer Content. Zoom does not use your audio, video or chat to train its AI models.\n\n"
      "Retention. We keep recordings for 30 days.";
  const auto fs = findings(text, {"", "zoom", "document", ""});
  std::size_t clauses = 0;
  for (const auto& f : fs) clauses += f["kind"] == "training_clause";
  CHECK(clauses >= 2);
}

TEST_CASE("a recording clause in a privacy policy is not explained as a meeting's notice", "[documents]") {
  // Limitless Privacy Policy (shared clause corpus, limitless-pp-retention).
  const auto fs = findings("We retain your personal information for as long as is reasonably necessary for the purposes specified in "
                           "this Privacy Policy. If you are a Pendant user, you have the ability to choose retention periods for your "
                           "audio recordings and the information derived from such recordings.",
                           {"", "", "document", ""});
  const Json* f = find_kind(fs, "recording");
  REQUIRE(f);
  CHECK((*f)["context"] == "document");
  CHECK((*f)["your_choices"] == Json::array({"none"}));
  CHECK((*f)["consent_by"] == Json::array({"each_participant"}));
  const std::string words = all_words(*f);
  for (const char* w : {"host", "leave", "If you stay", "counts as a yes"}) CHECK_THAT(words, !Catch::Contains(w));
}

TEST_CASE("a clause of two sentences gets one answer: Zoom's section 10.2 of 31 March 2023", "[documents]") {
  // Zoom Terms of Service, effective 31 March 2023, s.10.2 (Open Terms Archive, contrib-versions).
  const std::string text =
      "You agree that Zoom compiles and may compile Service Generated Data based on Customer Content and use of the "
      "Services and Software. You consent to Zoom's access, use, collection, creation, modification, distribution, "
      "processing, sharing, maintenance, and storage of Service Generated Data for any purpose, to the extent and in the "
      "manner permitted under applicable Law, including for the purpose of product and service development, marketing, "
      "analytics, quality assurance, machine learning or artificial intelligence (including for the purposes of training "
      "and tuning of algorithms and models), training, testing, improvement of the Services, Software, or Zoom's other "
      "products, services, and software, or any combination thereof, and as otherwise provided in this Agreement.";
  const auto fs = findings(text, {"", "zoom", "document", "2023-03-31"});
  std::vector<const Json*> clauses;
  for (const auto& f : fs)
    if (f["kind"] == "training_clause") clauses.push_back(&f);
  REQUIRE(clauses.size() == 1);
  CHECK((*clauses[0])["stance"] == "permits");
  CHECK((*clauses[0])["training"] == "yes");
}

TEST_CASE("with-consent training names the admin only where an admin decides", "[documents]") {
  const auto you = findings("We will only use your recordings to train our models if you opt in.", {"", "", "document", ""});
  const Json* f = find_kind(you, "training_clause");
  REQUIRE(f);
  CHECK((*f)["training"] == "with_consent");
  CHECK_THAT((*f)["explanation"]["training"].get<std::string>(), !Catch::Contains("admin"));
}

TEST_CASE("no two fields of a finding contradict each other", "[explanations]") {
  for (const char* text : {"This meeting is being recorded. By staying in this meeting, you consent to being recorded.",
                           "Recording stopped", "Other participants may be recording this call",
                           "Audio and video are blocked until consent is given.", "Scribe Bot has joined the meeting"}) {
    CAPTURE(text);
    for (const auto& f : findings(text, {"", "zoom", "", ""})) {
      const bool stay = contains(f["your_choices"], "stay_means_consent");
      const bool explicit_consent = contains(f["your_choices"], "accept") || contains(f["your_choices"], "decline");
      CHECK_FALSE((stay && explicit_consent && !contains(f["your_choices"], "leave")));
      const std::string choices = f["explanation"]["your_choices"];
      if (!stay) CHECK_THAT(choices, !Catch::Contains("counts as a yes"));
      if (f["state"] == "stopped") CHECK_THAT(all_words(f), !Catch::Contains("is being recorded"));
      if (f["training"] == "unknown") CHECK_THAT(f["explanation"]["training"].get<std::string>(), !Catch::Contains("says it"));
    }
  }
}

// Written variants: an unknown bot in another language joins; the client's own assistant is on.
TEST_CASE("an unknown bot that joins is a bot in other languages, an assistant that is on is the client's", "[bots]") {
  each_bot_named({
           {"Protokoll-Bot ist dem Meeting beigetreten und zeichnet auf.", "Protokoll-Bot"},
           {"Assistant de réunion IA a rejoint l'appel et prend des notes.", "Assistant de réunion IA"},
           {"Asistente de notas se ha unido a la reunión y está transcribiendo.", "Asistente de notas"},
           {"Parrot AI joined the call to take notes on behalf of Sam.", "Parrot AI"}}, "ai_assistant");
  const auto own = findings("Der KI-Assistent ist aktiviert. Eine Zusammenfassung der Besprechung wird an den Gastgeber gesendet.");
  CHECK(find_kind(own, "notetaker_bot") == nullptr);
  CHECK(find_kind(own, "ai_assistant") != nullptr);
}

// A held-out set of notices (113 in 33 languages, written by someone who had not read the rules).
TEST_CASE("held-out notices: bots named after the verb, joining in Japanese, a participant named Max", "[bots][state]") {
  each_bot_named({
           {"К встрече подключился Jamie AI и ведёт расшифровку разговора", "Jamie AI"},
           {"Fireflies.ai Notetaker님이 회의에 참가했습니다. 이 회의를 녹음하고 있습니다.", "Fireflies.ai Notetaker"},
           {"tl;dvがミーティングに参加しました。この会議は録画されています", "tl;dv"},
           {"Sam's Notetaker (Otter.ai) has started recording this meeting", "Sam's Notetaker (Otter.ai)"}}, "");
  // "Max" is a name here, not a setting's maximum; someone wanting to record has not started.
  const auto max = findings("Max Müller möchte diese Besprechung lokal aufzeichnen. Zulassen | Ablehnen");
  const Json* r = find_kind(max, "recording");
  REQUIRE(r);
  CHECK((*r)["state"] == "possible");
  // A chat line of questions is someone asking.
  CHECK(findings("Is this being recorded? Could someone share the link afterwards?").empty());
}

// A held-out set of consent prompts (80 in 22 languages, written by someone who had not read the
// rules): every explicit prompt below was "If you stay, that counts as a yes" or no finding, and
// what a no does was said in 1 of 22 before these fixes.
TEST_CASE("held-out consent prompts: a yes and a no offered, in any language, and what the no does", "[consent]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Diese Besprechung wird aufgezeichnet. Sie müssen der Aufzeichnung zustimmen, bevor Sie Ihr Mikrofon einschalten können. Zustimmen | Ablehnen", "mic and camera stay off"},
      {"L'enregistrement est activé. Si vous refusez, vous resterez dans la réunion avec le micro et la caméra désactivés. J'accepte | Je refuse", "mic and camera stay off"},
      {"Se está transcribiendo la reunión. Debes dar tu consentimiento antes de poder activar el micrófono. Si lo rechazas, permanecerás silenciado. Aceptar | Rechazar", "mic and camera stay off"},
      {"Deze vergadering wordt opgenomen. Geef toestemming om uw microfoon en camera te kunnen inschakelen. Weigert u, dan blijft u gedempt. Toestaan | Weigeren", "mic and camera stay off"},
      {"この会議は文字起こしされています。ミュートを解除するには同意が必要です。同意しない場合、マイクとカメラはオフのままになります。同意する | 同意しない", "mic and camera stay off"},
      {"Spotkanie jest nagrywane. Aby włączyć mikrofon lub kamerę, musisz wyrazić zgodę na nagrywanie. Jeśli odmówisz, pozostaniesz wyciszony. Zgadzam się | Nie zgadzam się", "mic and camera stay off"},
      {"This webinar will be recorded. Do you agree to be recorded? If you decline, you will join as a viewer and won't be able to speak or share. Agree | Join as viewer", "only watch and listen"},
      {"Questa riunione viene registrata. Se non acconsenti, parteciperai solo come spettatore. Acconsento | Partecipa come spettatore", "only watch and listen"},
      {"A transcrição está ativada. Se recusar, você entrará apenas como ouvinte, sem poder falar ou apresentar. Aceitar | Recusar", "only watch and listen"},
      {"本次会议将进行直播。如您不同意，您将以观众身份加入，仅可观看和收听。同意 | 拒绝", "only watch and listen"},
      {"This meeting is recorded. Please confirm that you consent to recording. Declining will remove you from the meeting. I consent | Decline and leave", "taken out of the meeting"},
      {"Cette réunion sera enregistrée. Vous devez accepter pour rejoindre la réunion ; en cas de refus, vous serez déconnecté. Accepter | Refuser", "taken out of the meeting"},
      {"Schůzka je nahrávána. Pro účast musíte s nahráváním souhlasit. Pokud odmítnete, budete ze schůzky odebráni. Souhlasím | Odmítnout", "taken out of the meeting"},
      {"Ведётся расшифровка встречи. Подтвердите своё согласие. Если вы откажетесь, вы будете удалены из встречи. Согласен | Отказаться", "taken out of the meeting"},
      {"[ ] I agree that this meeting may be recorded and transcribed. Continue", ""},
      {"The host wants to turn on AI meeting notes. Each participant must approve before notes are taken. Approve | Deny", ""},
      {"Please confirm whether you consent to this session being recorded for quality purposes. Yes, I consent | No, I do not consent", ""},
      {"Penyelenggara meminta izin untuk merekam rapat ini. Tekan 1 untuk setuju atau tekan 2 untuk menolak.", ""},
      {"Toplantı sahibi bu toplantıyı kaydetmek istiyor. Kayda izin vermek için lütfen kutuyu işaretleyin. [ ] Kayda alınmayı kabul ediyorum | Devam", ""},
  };
  each_asks_each_person(cases);
  // A mute rule with no yes or no in sight is no outcome of declining (written variants).
  for (const char* text : {"This meeting is being recorded. Participants will be muted on entry.",
                           "Recording in progress. You are muted until the host unmutes you."}) {
    CAPTURE(text);
    const auto fs = findings(text);
    REQUIRE_FALSE(fs.empty());
    CHECK_FALSE(contains(fs.front()["your_choices"], "accept"));
  }
  // A no alone offers no yes: "please let us know" (notices-dev other-bot-005).
  const auto alone = findings("This meeting is being recorded. If you do not consent to being recorded, please let us know.");
  REQUIRE_FALSE(alone.empty());
  CHECK_FALSE(contains(alone.front()["your_choices"], "accept"));
}

// The third held-out round of consent prompts (6 December 2026, written by a helper who had not
// read the rules): a camera turned off on a no, a no whose outcome is staying, tick boxes, a
// number pressed before the verb, and outcomes in languages the vocabularies lacked.
TEST_CASE("held-out consent prompts round 3: camera off and staying as what a no leads to and tick boxes", "[consent]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"This meeting is being recorded. Do you want your video in the recording? If you choose No, your camera will be turned off while recording is in progress. Yes | No", "camera is turned off"},
      {"Rapat ini sedang direkam. Apakah Anda ingin video Anda disertakan dalam rekaman? Jika Anda menolak, kamera Anda akan dimatikan selama perekaman. Izinkan | Tolak", "camera is turned off"},
      {"녹화가 시작되었습니다. 녹화에 내 비디오를 포함하시겠습니까? 거부하면 녹화 중에는 카메라가 꺼집니다. 허용 | 거부", "camera is turned off"},
      {"此會議正在錄製和轉錄。您必須同意後才能開啟麥克風。如果您不同意，仍可留在會議中，但麥克風將保持靜音。同意 | 不同意", "mic and camera stay off"},
      {"Tätä kokousta tallennetaan. Hyväksytkö tallennuksen? Jos et hyväksy, voit jäädä kokoukseen, mutta mikrofonisi pysyy mykistettynä. Hyväksy | Hylkää", "mic and camera stay off"},
      {"यह कॉल रिकॉर्ड की जा रही है। सहमति देने के लिए 1 दबाएँ। यदि आप 1 नहीं दबाते, तो आप कॉल में बने रहेंगे लेकिन आपका माइक म्यूट रहेगा।", "mic and camera stay off"},
      {"Do you consent to this meeting being recorded? If you decline, you will be moved back to the lobby. Consent | Decline", "taken out of the meeting"},
      {"Bu görüşme kaydedilecek. Kayda izin vermek için 1'e, reddetmek için 2'ye basın. Reddederseniz görüşmeden çıkarılacaksınız.", "taken out of the meeting"},
      {"คุณยินยอมให้บันทึกการประชุมนี้หรือไม่ หากคุณไม่ยินยอม คุณจะถูกนำออกจากการประชุม ยินยอม | ไม่ยินยอม", "taken out of the meeting"},
      {"Programlederen vil ta med videoen din i opptaket av webinaret. Hvis du avslår, fortsetter du bare som tilskuer. Tillat | Avslå", "only watch and listen"},
      {"המציג מבקש לכלול את הווידאו שלך בהקלטת הוובינר. אם תסרב/י, תמשיך/י להשתתף כצופה בלבד. אישור | סירוב", "only watch and listen"},
      {"☐ I consent to MeetMinder recording and summarising what I say in this meeting. Save", ""},
  };
  each_asks_each_person(cases);
  // A camera named with the microphone is the mic and camera off, not the camera alone (written variant).
  const auto both = findings("Do you consent to being recorded? If you decline, your camera and microphone will be turned off.");
  REQUIRE_FALSE(both.empty());
  CHECK_THAT(both.front()["explanation"]["your_choices"].get<std::string>(), Catch::Contains("mic and camera stay off"));
}

// The tenth held-out notice set (130 in 34 languages, 6 December 2026, written by a helper who
// had not read the rules): bots that introduce themselves or record for a named person, roles in
// brackets, and look-alikes.
TEST_CASE("held-out notices round 10: unknown bots that introduce themselves or record for someone", "[bots]") {
  each_bot_named({{"Notula has joined the meeting. Notula is recording and taking notes for Priya Shah. Learn more at notula.app/privacy", "Notula"},
                  {"Minutas.ai: ¡Hola a todos! Soy Minutas.ai, el asistente de notas de Carmen López. Estoy grabando y transcribiendo esta llamada para enviar un resumen.", "Minutas.ai"},
                  {"Likhit AI मीटिंग में शामिल हो गया है और राहुल शर्मा के लिए बातचीत रिकॉर्ड करके नोट्स बना रहा है।", "Likhit AI"},
                  {"Scribbly AI 已加入会议，将代表王磊录制会议并生成会议纪要。", "Scribbly AI"},
                  {"MeetMinder (notulist) neemt deel aan deze vergadering en neemt de audio op om aantekeningen te maken voor Sanne de Vries.", "MeetMinder"},
                  {"Referatet AI (notatbot) er med i møtet og tar opp lyden for å skrive referat for Kari Nordmann.", "Referatet AI"},
                  {"Scribbly AI Notetaker is waiting in the lobby. Scribbly AI will record and transcribe this meeting for Jordan Lee. Admit | Deny", "Scribbly AI Notetaker"}},
                 "");
  // A product in the brackets is part of the name shown (notices6, written variant).
  each_bot_named({{"Sam's Notetaker (Otter.ai) has started recording this meeting", "Sam's Notetaker (Otter.ai)"}}, "");
  // People who join, introduce themselves, or record for a purpose are no bots.
  for (const char* text : {"Priya Shah has joined the meeting.", "Hola, soy Carmen, la organizadora de la reunión.",
                           "This meeting is being recorded for Quality Assurance."}) {
    CAPTURE(text);
    CHECK(find_kind(findings(text), "notetaker_bot") == nullptr);
  }
}

TEST_CASE("held-out notices round 10: look-alikes stay silent and conditions are possible", "[state]") {
  for (const char* text : {"Turn on Gemini to take notes in your meetings.",
                           "Maya Patel: does anyone have the link to last week's recording? I missed the demo.",
                           "Titlovi uživo uključeni su samo za vas i ne spremaju se nakon sastanka.",
                           "Optag en videobesked til værten, så kan vedkommende se den senere."}) {
    CAPTURE(text);
    const auto fs = findings(text);
    CHECK(std::none_of(fs.begin(), fs.end(), [](const Json& f) { return f["state"] != "stopped"; }));
  }
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"This meeting may be recorded for quality and training purposes.", "recording", "possible"},
      {"호스트가 AI Companion 회의 요약을 켜면 이 회의의 요약이 생성되어 참가자와 공유될 수 있습니다.", "ai_assistant", "possible"},
      {"Ja organizators ieslēgs transkribēšanu, šīs sapulces atšifrējums tiks saglabāts.", "transcription", "possible"},
      {"この会議では Copilot がオンになっています。Copilot は会議のトランスクリプトを使用して、要約の作成や質問への回答を行います。", "ai_assistant", "active"},
      {"Šiame susitikime įjungtas Copilot. Copilot naudoja susitikimo nuorašą, kad apibendrintų diskusiją.", "ai_assistant", "active"},
  };
  for (const auto& [text, kind, state] : cases) {
    CAPTURE(text);
    const auto fs = findings(text);
    const Json* f = find_kind(fs, kind);
    REQUIRE(f);
    CHECK((*f)["state"] == state);
  }
}

// The eleventh held-out set, UI strings of a meeting client in 16 languages (6 December 2026):
// notices missed on first pass and a settings label in a compound word.
TEST_CASE("held-out strings round 11: separable verbs, live on YouTube, imperatives, compounds", "[engine]") {
  const std::vector<std::pair<std::string, std::string>> notices = {
      {"Mit dem Beitritt stimmst du den Nutzungsbedingungen und der Datenschutzerklärung zu.", "terms_prompt"},
      {"Je bent nu live op YouTube", "live_stream"},
      {"Aby dołączyć, zaakceptuj Regulamin i Politykę prywatności", "terms_prompt"},
      {"AI Companion bu toplantı için not alıyor", "ai_assistant"},
  };
  for (const auto& [text, kind] : notices) {
    CAPTURE(text);
    CHECK(find_kind(findings(text), kind) != nullptr);
  }
  CHECK(findings("Inspelningsinställningar").empty());
  // Turkish "not alıyor" (takes notes) is no English "not al...".
  CHECK(find_kind(findings("If personal data is not always accurate, you can ask us to correct it."), "ai_assistant") == nullptr);
}

// Written probes of 7 December 2026, evening: the same consent gate in thirteen languages, where
// German, Spanish, Portuguese, Dutch and Turkish did not say what a no does; a no said as "not
// agreeing"; view-only in German; an administrator's switch for all meetings in German.
TEST_CASE("written consent probes: what a no does, in more languages, and the account's switch", "[consent]") {
  each_asks_each_person({
      {"Diese Besprechung wird aufgezeichnet. Stimmen Sie der Aufzeichnung zu? Wenn Sie ablehnen, bleiben Mikrofon und Kamera ausgeschaltet. [Zustimmen] [Ablehnen]", "mic and camera stay off"},
      {"Esta reunión se va a grabar. ¿Aceptas ser grabado? Si lo rechazas, tu micrófono y tu cámara permanecerán apagados. [Aceptar] [Rechazar]", "mic and camera stay off"},
      {"Esta reunião será gravada. Você concorda em ser gravado? Se recusar, seu microfone e sua câmera ficarão desligados. [Concordar] [Recusar]", "mic and camera stay off"},
      {"Deze vergadering wordt opgenomen. Ga je akkoord met de opname? Als je weigert, blijven je microfoon en camera uit. [Akkoord] [Weigeren]", "mic and camera stay off"},
      {"Bu toplantı kaydedilecek. Kaydedilmeyi kabul ediyor musunuz? Reddederseniz mikrofonunuz ve kameranız kapalı kalır. [Kabul et] [Reddet]", "mic and camera stay off"},
      {"Der Host zeichnet dieses Webinar auf. Wenn Sie nicht zustimmen, können Sie im Nur-Ansehen-Modus teilnehmen.", "only watch and listen"},
      {"L’enregistrement a commencé. Si vous n’êtes pas d’accord, vous serez retiré de la réunion.", "taken out of the meeting"}});
  const auto admin = findings("Ihr Administrator hat die automatische Aufzeichnung für alle Besprechungen aktiviert.");
  REQUIRE_FALSE(admin.empty());
  CHECK(contains(admin.front()["consent_by"], "account_admin"));
  CHECK_THAT(admin.front()["explanation"]["your_choices"].get<std::string>(), Catch::Contains("every meeting"));
}

TEST_CASE("a start held back until everyone agrees is possible, and each person is asked", "[consent][state]") {
  // A room app's stream consent dialog (held-out notices21, 7 December 2026) and written variants.
  for (const char* text : {"The host wants to stream this room. Streaming does not start until everyone here consents.",
                           "Recording will not start until all participants agree.", "Die Aufzeichnung startet erst, wenn alle zugestimmt haben."}) {
    CAPTURE(text);
    const auto fs = findings(text);
    REQUIRE(fs.size() == 1);
    CHECK(fs[0]["state"] == "possible");
    CHECK(contains(fs[0]["your_choices"], "accept"));
    CHECK_FALSE(contains(fs[0]["your_choices"], "stay_means_consent"));
  }
  // A start the host holds back is possible too, with no yes asked of the reader.
  const auto button = findings("The recording won't start until you press the button.");
  REQUIRE(button.size() == 1);
  CHECK(button[0]["state"] == "possible");
}

// SoundCloud's terms of use of 10 September 2025 (Open Terms Archive copy, held-out diff41), read
// as a document on 7 December 2026: a consumer's terms have no admin to ask, a yes the clause waits
// for is the reader's, streaming music is no live stream, and users learning from a community
// train no AI.
TEST_CASE("a consumer's terms: the reader's own yes, no admin, no live stream, no training by people", "[documents]") {
  const AnalyzeOptions document{"", "", "document", ""};
  const auto consent = findings("We will not use your content to train generative AI models that aim to replicate or synthesize your voice, "
                                "music, or likeness without your explicit consent, which must be affirmatively provided through an opt-in "
                                "mechanism.", document);
  REQUIRE(consent.size() == 1);
  CHECK(consent[0]["stance"] == "permits_with_consent");
  CHECK(consent[0]["your_choices"] == Json::array({"accept", "decline"}));
  CHECK_THAT(all_words(consent[0]), !Catch::Contains("admin"));
  const auto licence = findings("Licenses with respect to comments or other contributions that you make on the Platform will be perpetual and "
                                "irrevocable, and will continue notwithstanding any termination of your account.", document);
  REQUIRE(licence.size() == 1);
  CHECK_THAT(licence[0]["explanation"]["your_choices"].get<std::string>(), Catch::Contains("stop using the service"));
  CHECK_THAT(all_words(licence[0]), !Catch::Contains("admin"));
  CHECK(find_kind(findings("By accessing or using the Platform, registering an account, or by viewing, accessing, streaming, uploading or "
                           "downloading any information or content from or to the Platform, you represent and warrant that you have read "
                           "and understood these Terms of Use.", document),
                  "live_stream") == nullptr);
  CHECK(find_kind(findings("By viewing, accessing, streaming, uploading or downloading any content from the Platform, you agree to these Terms.", document),
                  "live_stream") == nullptr);
  CHECK(findings("The Platform also includes social and interactive features that enable users to engage with and learn from the "
                 "SoundCloud community in order to build connections with other users and ensure you get the content that "
                 "interests you most.", document)
            .empty());
  // A workplace tool's clause keeps the admin: the account decides for its users.
  const auto zoom = findings("Zoom may use Service Generated Data for any purpose, including machine learning and artificial intelligence.",
                             {"", "zoom", "document", ""});
  REQUIRE_FALSE(zoom.empty());
  CHECK(contains(zoom[0]["consent_by"], "account_admin"));
  CHECK_THAT(zoom[0]["explanation"]["your_choices"].get<std::string>(), Catch::Contains("ask your admin"));
}

// Withings' French privacy policy of January 2026 (Open Terms Archive copy, held-out diff41) read
// as a document: "enregistrées" (registered trademarks), "l'enregistrement de l'action" (the
// logging of an action) and "transmettre ... des informations" are no recording and no stream;
// and the words of one language (Turkish "ses", sound; Albanian "transmet...") do not fire in
// another (French "ses", "transmettre").
TEST_CASE("a document's recording words need something recorded, and one language's words stay out of another", "[documents]") {
  const AnalyzeOptions document{"", "", "document", ""};
  for (const char* text : {"Les signes distinctifs de Withings, tels que les marques commerciales enregistrées ou non enregistrées, les logos et slogans, sont la propriété de Withings.",
                           "DUREE DE CONSERVATION : 1 an à compter de l'enregistrement de l'action.",
                           "Dans certains cas, les marques verbales peuvent être utilisées sans autorisation écrite afin de transmettre de manière loyale des informations sur Withings, ses produits, ses services ou leur compatibilité."}) {
    CAPTURE(text);
    CHECK(findings(text, document).empty());
  }
  // Recordings and a call named are still recordings in a document.
  for (const char* text : {"Any User of the App or Pendant can stop or delete recordings at any time using the App.",
                           "Calls with our customer service may be recorded for quality purposes."}) {
    CAPTURE(text);
    CHECK(find_kind(findings(text, document), "recording") != nullptr);
  }
  // A guard written for documents silences nothing in a meeting ("Recording is started").
  CHECK(find_kind(findings("Recording is started"), "recording") != nullptr);
}

// The consent22 held-out set (90 consent prompts of call, meeting and interview apps in 19
// languages, 7 December 2026): consent said to be required, first-person tick boxes, a yes to
// reply in quotes, keys with an article, quality as the purpose of a call's recording, and a no
// to say aloud.
TEST_CASE("held-out consent prompts round 22: required consent, tick boxes, quoted replies, keys, a no to say", "[consent]") {
  each_asks_each_person({
      {"이 화상 면접에 입장할 수 없습니다.\n이 면접은 녹화 동의가 필수입니다. 녹화에 동의하지 않아 입장을 진행하지 않습니다.", ""},
      {"Wyrażam zgodę na nagrywanie spotkania (audio). Nagranie będzie dostępne dla uczestników.", ""},
      {"2. 녹화 고지 및 동의\n(필수) 인터뷰 내용 녹음 및 영상 녹화에 동의합니다.", ""},
      {"This meeting is governed and recorded with consent. Reply 'I consent' in chat to be recorded; otherwise your speech will not be recorded.", ""},
      {"Kai ist beigetreten. Du musst der Verarbeitung im Chat zustimmen, um die Audioaufnahme zu starten.", ""},
      {"Dieser Anruf kann zu Qualitätszwecken aufgezeichnet werden. Drücken Sie die 1, um der Aufzeichnung zuzustimmen.", ""},
      {"सुरक्षा और गुणवत्ता के लिए यह कॉल रिकॉर्ड की जा सकती है। सहमति के लिए एक, अस्वीकार करने के लिए दो दबाएँ।", ""},
      {"Cuộc gọi này có thể được ghi âm để đảm bảo chất lượng. Nhấn 1 để đồng ý ghi âm, hoặc 2 để từ chối.", ""},
      {"ਸੁਰੱਖਿਆ ਅਤੇ ਗੁਣਵੱਤਾ ਲਈ ਇਹ ਕਾਲ ਰਿਕਾਰਡ ਕੀਤੀ ਜਾ ਸਕਦੀ ਹੈ। ਸਹਿਮਤੀ ਲਈ ਇੱਕ, ਇਨਕਾਰ ਲਈ ਦੋ ਦਬਾਓ।", ""}});
  // Quality named as the purpose of a call's recording is no setting: the recording is found.
  for (const char* text : {"Этот звонок может быть записан в целях обеспечения качества и обучения. Продолжая этот звонок, вы даете согласие на запись.",
                           "이 통화는 품질 보증 및 교육 목적으로 녹음될 수 있습니다. 통화를 계속하면 녹음에 동의하는 것입니다."}) {
    CAPTURE(text);
    const auto fs = findings(text);
    REQUIRE(find_kind(fs, "recording"));
    CHECK(contains((*find_kind(fs, "recording"))["your_choices"], "stay_means_consent"));
  }
  // A no to say aloud, with no yes asked: the recording goes on unless you say no.
  const auto say_no = findings("Questa chiamata è registrata per il controllo qualità. Dica 'rifiuto' ora se preferisce non essere registrato.");
  REQUIRE_FALSE(say_no.empty());
  CHECK(contains(say_no.front()["your_choices"], "opt_out"));
  CHECK_FALSE(contains(say_no.front()["your_choices"], "accept"));
}

TEST_CASE("a legal basis or a phrase of accordance is no terms prompt", "[documents]") {
  // Withings' French privacy policy of January 2026 (Open Terms Archive copy, held-out diff41).
  const AnalyzeOptions document{"", "", "document", ""};
  for (const char* text : {"BASE LÉGALE : Exécution du contrat (acceptation des Conditions générales de Vente)",
                           "Dans le cas où aucune action n'est réalisée de votre part, votre compte et les données associées seront supprimées en accord avec cette Politique de confidentialité.",
                           "La licence peut prendre la forme d'une clause de licence dans tout type d'accord ou d'un contrat de licence dédié."}) {
    CAPTURE(text);
    CHECK(find_kind(findings(text, document), "terms_prompt") == nullptr);
  }
  // "Estar de acuerdo con" is agreeing: still a prompt.
  CHECK(find_kind(findings("Si continúa, está de acuerdo con nuestros Términos de servicio."), "terms_prompt") != nullptr);
}

// Incredible's and Airon's terms (Open Terms Archive copies, 2024-2025; held-out docs23, 7
// December 2026) read as documents: a terms prompt is how the reader accepts, not every sentence
// that names the terms; "do not train on the actual content" is a promise; biases in training
// data and staff trained on data protection are no training of the reader's data.
TEST_CASE("whole terms documents: acceptance only where it is said, training on content, disclaimers", "[documents]") {
  const AnalyzeOptions document{"", "", "document", ""};
  for (const char* text : {"These Terms, together with any referenced documents, constitute the entire agreement between Norditech and the user.",
                           "You may not assign or transfer any rights or obligations under these Terms without Norditech's prior written consent.",
                           "Each party agrees to use Confidential Information only for the purpose of fulfilling its obligations under these Terms."}) {
    CAPTURE(text);
    CHECK(find_kind(findings(text, document), "terms_prompt") == nullptr);
  }
  for (const char* text : {"You agree that by accessing the Site, you have read, understood, and agreed to be bound by all of these Terms of Use.",
                           "Your continued use of our services after any changes to the Terms have been posted will constitute your acceptance of the revised Terms.",
                           "To use Zoom Workplace, you need to agree to the Terms of Service and Privacy Policy."}) {
    CAPTURE(text);
    CHECK(find_kind(findings(text, document), "terms_prompt") != nullptr);
  }
  const auto promise = findings("When you connect third-party services, we process but do not train on the actual content from these services.", document);
  REQUIRE(find_kind(promise, "training_clause"));
  CHECK((*find_kind(promise, "training_clause"))["stance"] == "prohibits");
  CHECK(findings("AI models have inherent limitations including but not limited to: inability to think creatively, and potential biases from training data.", document).empty());
  CHECK(findings("Our staff train on data protection every year.", document).empty());
}

// A review of the evening's changes (7 December 2026) found these read wrong by them; each is
// held here.
TEST_CASE("a review of the fourth round: no that means leaving, consent not required, logged words, named bots", "[consent][bots]") {
  // A no whose only outcome is leaving is staying as the yes, in every language.
  for (const char* text : {"Cette réunion est enregistrée. Si vous n'êtes pas d'accord, veuillez quitter la réunion.",
                           "Esta reunión se está grabando. Si no está de acuerdo, puede salir de la reunión.",
                           "Questa riunione è registrata. Se non sei d'accordo, puoi lasciare la riunione.",
                           "This meeting is being recorded. If you do not agree, please leave the meeting.",
                           // Consent said not to be required, or required of the host.
                           "Esta reunión se está grabando. No se requiere su consentimiento.", "本次会议正在录制。不需要您的同意。",
                           "Cette réunion est enregistrée. L'hôte doit accepter la demande d'enregistrement.",
                           // A stay line in Korean is no tick box; "I agree with Maria" is no yes to the recording.
                           "이 회의는 녹화됩니다.\n회의에 계속 참여하면 녹화에 동의합니다.",
                           "This meeting is being recorded.\nI agree with Maria, the recording from last week was useful."}) {
    CAPTURE(text);
    const auto fs = findings(text);
    REQUIRE_FALSE(fs.empty());
    CHECK(contains(fs.front()["your_choices"], "stay_means_consent"));
    CHECK_FALSE(contains(fs.front()["your_choices"], "accept"));
  }
  // Someone else removing you on a no is still an explicit yes.
  const auto removed = findings("This meeting is being recorded. If you decline, you will be removed from the meeting.");
  REQUIRE_FALSE(removed.empty());
  CHECK(contains(removed.front()["your_choices"], "accept"));
  // Common words that look like logging, and live data, do not silence a real notice.
  for (const char* text : {"This meeting is being recorded, you don't need to take any action.", "Esta llamada de asistencia técnica está siendo grabada.",
                           "出席者の皆様、この会議は録画されています。", "本次会议正在录制，请各位参会人员完成签到。"}) {
    CAPTURE(text);
    CHECK(find_kind(findings(text), "recording") != nullptr);
  }
  CHECK(find_kind(findings("Please log in to view the webcast that is live now."), "live_stream") != nullptr);
  // A request, a modal or a comma list names no bot.
  for (const char* text : {"Veuillez enregistrer et transcrire cette réunion.", "Puede grabar y transcribir esta llamada.",
                           "Start recording, transcription and AI notes in one click."}) {
    CAPTURE(text);
    CHECK(find_kind(findings(text), "notetaker_bot") == nullptr);
  }
  // A no in quotes beside a yes asked is no opt-out.
  const auto both = findings("This meeting will be recorded. Do you consent to being recorded? Choose 'Accept' or 'Decline'.");
  REQUIRE_FALSE(both.empty());
  CHECK_FALSE(contains(both.front()["your_choices"], "opt_out"));
  // "Don't miss the livestream scheduled for Friday" plans one; "• No recording scheduled." does not.
  const auto miss = findings("Don't miss the livestream scheduled for Friday.");
  REQUIRE_FALSE(miss.empty());
  CHECK(miss.front()["state"] != "stopped");
  const auto bullet = findings("• No recording scheduled.");
  REQUIRE_FALSE(bullet.empty());
  CHECK(bullet.front()["state"] == "stopped");
  // "keine Untertitel" denies the captions, not the recording that is running.
  const auto captions = findings("Die App unterstützt während der laufenden Aufzeichnung keine Untertitel.");
  REQUIRE_FALSE(captions.empty());
  CHECK(captions.front()["state"] == "active");
}

TEST_CASE("what may happen is not said to be switched on", "[explanations][state]") {
  // "The host turned this on" was said of a stream that waits for everyone's yes (held-out
  // notices21) and of a host who would like to record.
  for (const char* text : {"The host wants to stream this room. Streaming does not start until everyone here consents.",
                           "The host would like to record this meeting.", "This meeting may be recorded."}) {
    CAPTURE(text);
    const auto fs = findings(text);
    REQUIRE_FALSE(fs.empty());
    CHECK(fs.front()["state"] == "possible");
    const std::string who = fs.front()["explanation"]["who_consented"];
    CHECK_THAT(who, !Catch::Contains("turned this on"));
    CHECK_THAT(who, Catch::Contains("decides whether this runs"));
  }
  // What is on still says who turned it on.
  const auto on = findings("This meeting is being recorded.");
  REQUIRE_FALSE(on.empty());
  CHECK_THAT(on.front()["explanation"]["who_consented"].get<std::string>(), Catch::Contains("turned this on"));
}
