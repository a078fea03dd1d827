// Reading a whole document: web addresses are not words, and an AI company's own names are the
// writer's, not "AI from other companies". Sentences quoted from Anthropic's privacy policy
// (effective 8 October 2025, Open Terms Archive's copy: OpenTermsArchive/GenAI-versions,
// "Claude.ai/Privacy Policy.md"; credit "Open Terms Archive contributors").
#include <catch2/catch.hpp>

#include <map>

#include <nlohmann/json.hpp>

#include "engine.h"
#include "markup_mask.h"
#include "normalize.h"
#include "own_names.h"
#include "passages.h"
#include "stance_reader.h"

using namespace consentlens;

namespace {

const Engine& engine() {
  static const Engine e;
  return e;
}

nlohmann::json findings(const std::string& text) {
  AnalyzeOptions o;
  o.as = "document";
  return engine().analyze(text, o).result["findings"];
}

// The stance of a document's first finding, "(none)" without one.
std::string first_stance(const std::string& text) {
  const auto fs = findings(text);
  return fs.empty() ? std::string("(none)") : fs[0]["stance"].get<std::string>();
}

std::vector<std::string> rules_of(const nlohmann::json& fs) {
  std::vector<std::string> out;
  for (const auto& f : fs) out.push_back(f["rule"].get<std::string>());
  return out;
}

// The opening and a few sentences of the policy: "Anthropic" and "Claude" all through it.
const std::string kAnthropicPolicy =
    "Privacy Policy\n\n"
    "Anthropic is an AI safety and research company. This Privacy Policy explains how we collect, use, disclose, and "
    "process your personal data when you use our website and other places where Anthropic acts as a data controller, "
    "for example when you interact with Claude.ai or other products as a consumer.\n\n"
    "Anthropic collects identifiers, including your name, email address, and phone number when you sign up for an "
    "Anthropic account.\n\n"
    "We shall collect your payment information if you choose to purchase access to Anthropic's products and "
    "services.\n\n"
    "We may use your Inputs and Outputs to train our models and improve our Services, unless you opt out through "
    "your account settings.\n\n"
    "You can access these in your [Privacy Settings](https://claude.ai/redirect/website.v1/settings/privacy).\n\n"
    "Anthropic will not discriminate based on the exercising of privacy rights you may have. Claude is available "
    "on the web. Claude can be used on mobile. Claude keeps you informed. Claude is made by us.\n";

}  // namespace

TEST_CASE("link targets and addresses are blanked, byte for byte, and the link's words stay", "[documents]") {
  std::string t = "You can access these in your [Privacy Settings](https://claude.ai/settings/privacy).";
  const std::size_t n = t.size();
  REQUIRE(mask_links(t));
  CHECK(t.size() == n);
  CHECK(t.find("claude.ai") == std::string::npos);
  CHECK(t.find("[Privacy Settings](") != std::string::npos);
  CHECK(t.back() == '.');

  std::string bare = "To opt out, click here: https://app.read.ai/analytics/opt-out/01. Then leave.";
  REQUIRE(mask_links(bare));
  CHECK(bare.find("app.read.ai") != std::string::npos);  // the host names the bot
  CHECK(bare.find("opt-out/01") == std::string::npos);
  CHECK(bare.find("https") == std::string::npos);
  CHECK(bare.find(". Then leave.") != std::string::npos);  // the full stop after the address stays

  std::string plain = "We do not train AI on your content (see section 3).";
  CHECK_FALSE(mask_links(plain));
}

TEST_CASE("an AI company's own names are told from a provider another company names", "[documents]") {
  const Lexicon& lx = engine().lexicon();
  const std::string own = normalize(kAnthropicPolicy).text;
  const auto names = own_provider_names(lx, own);
  CHECK(names == std::vector<std::string>{"anthropic", "claude"});

  // A meeting vendor's terms that name OpenAI twice, far from the top: OpenAI stays a third party.
  std::string zoom = "Zoom Terms of Service\n\n" + std::string(3200, 'x') +
                     "\n\nZoom AI Companion may use OpenAI. OpenAI does not use Customer Content to train its models.\n";
  CHECK(own_provider_names(lx, normalize(zoom).text).empty());
}

TEST_CASE("in an AI company's own policy its name is no third-party AI", "[documents]") {
  const auto fs = findings(kAnthropicPolicy);
  for (const auto& f : fs) {
    CAPTURE(f["evidence"]["text"].get<std::string>());
    CHECK(f["rule"] != "clause.third_party_models");
    CHECK(f["third_party_models"] != "yes");
  }
  // The training sentence is found, quoted as written, with its opt-out.
  bool training = false;
  for (const auto& f : fs)
    if (f["evidence"]["text"].get<std::string>().rfind("We may use your Inputs and Outputs to train", 0) == 0) {
      training = true;
      CHECK(f["training"] == "yes");
    }
  CHECK(training);
}

TEST_CASE("a provider another company names still brings third-party AI", "[documents]") {
  const std::string terms = "Acme Terms\n\nAcme shares meeting data with OpenAI to create summaries.\n";
  const auto rules = rules_of(findings(terms));
  CHECK(std::find(rules.begin(), rules.end(), "clause.third_party_models") != rules.end());
}

TEST_CASE("other companies training their own models is said as theirs", "[documents][stance]") {
  // X's privacy policy, effective 28 July 2025 (Open Terms Archive, vlopses-us-versions), 3.2.
  const auto fs = findings("If you do not opt out, in some instances the recipients of the information may use it for their own "
                           "independent purposes in addition to those stated in X's Privacy Policy, including, for example, to "
                           "train their artificial intelligence models, whether generative or otherwise.");
  REQUIRE(fs.size() == 1);
  CHECK(fs[0]["stance"] == "permits");
  CHECK(fs[0]["third_party_models"] == "yes");
  const std::string summary = fs[0]["explanation"]["summary"], training = fs[0]["explanation"]["training"];
  CHECK_THAT(summary, Catch::Contains("other companies that get the data"));
  CHECK_THAT(summary, !Catch::Contains("use the data to train AI."));  // not "It lets the service use the data to train AI."
  CHECK_THAT(training, Catch::Contains("their own AI"));
}

TEST_CASE("developers are people, not developing AI", "[documents][stance]") {
  const std::string s = normalize("It's available via both an API for developers and a public website for AI users.").text;
  CHECK_FALSE(read_stance(engine().lexicon(), s, {}).found);
  const std::string d = normalize("We develop our AI models with your data.").text;
  CHECK(read_stance(engine().lexicon(), d, {}).found);
}

TEST_CASE("a table's cells and HTML line breaks are lines of their own", "[documents]") {
  // A row of the legal bases table of Anthropic's privacy policy (8 October 2025), shortened.
  std::string row =
      "| To improve the Services and conduct research (excluding model training) | Inputs and Outputs | "
      "Legitimate interests<br><br>It is in our legitimate interests to evaluate the use of the Services. |";
  const std::size_t n = row.size();
  REQUIRE(break_markup_lines(row));
  CHECK(row.size() == n);
  CHECK(row.find('|') == std::string::npos);
  CHECK(row.find("<br>") == std::string::npos);
  CHECK(row.find("\n Legitimate interests\n\n") != std::string::npos);

  std::string prose = "Prices are in USD \\| EUR. A | in prose is not a table.";
  CHECK_FALSE(break_markup_lines(prose));

  // Each cell is read on its own: the purpose that excludes training is not joined to the next.
  const auto fs = findings("Legal bases\n\n| Purpose | Data | Basis |\n|---|---|---|\n" + std::string(
      "| To improve the Services and conduct research (excluding model training) | Inputs and Outputs | Legitimate "
      "interests<br><br>It is in our legitimate interests to evaluate the use of the Services. |\n"
      "| To improve the Services and conduct research (including model training). | Feedback | Consent |\n"));
  std::map<std::string, std::string> training;
  for (const auto& f : fs) training[f["evidence"]["text"].get<std::string>()] = f["training"].get<std::string>();
  CHECK(training["To improve the Services and conduct research (excluding model training)"] == "no");
  CHECK(training["To improve the Services and conduct research (including model training)."] == "yes");
}

TEST_CASE("HTML and JSX inside a document end its list items and cells and are not its words", "[documents]") {
  std::string page =
      "<ul className=\"list-disc\">\n<li>&quot;AI Pet Talk&quot; runs on AI.</li><li>We send chats to <strong>OpenAI</strong>"
      " &amp; others</li>\n<td onClick={() => open()}>cell</td> <privacy@example.com> a < b";
  const std::size_t n = page.size();
  REQUIRE(break_markup_lines(page));
  CHECK(page.size() == n);  // byte for byte: offsets stay offsets into the text as written
  CHECK(page.find('<') == page.find("<privacy@example.com>"));  // an address in brackets is no tag
  CHECK(page.find("a < b") != std::string::npos);
  CHECK(page.find("className") == std::string::npos);
  CHECK(page.find("quot") == std::string::npos);
  CHECK(page.find("runs on AI.\n\n") != std::string::npos);  // "</li>" ends the item
  CHECK(page.find("chats to  ") != std::string::npos);    // "<strong>" is blanked, not a break
  CHECK(page.find(" & ") != std::string::npos);           // "&amp;" keeps its ampersand
  CHECK(page.find("open()") == std::string::npos);        // '>' inside braces does not end the tag

  // A Korean privacy page's source (Memento Ani, 메멘토애니): each item is its own clause, and the
  // table cell "모델 학습에 미사용" (not used for model training) is a promise, not a permission.
  const auto fs = findings(
      "개인정보처리방침\n\n<ul className=\"list-disc\">\n"
      "<li>&quot;AI 펫톡&quot; 서비스는 인공지능(AI) 기술을 활용하여 제공됩니다. (인공지능기본법 제27조에 의한 고지)</li>\n"
      "<li>AI와의 대화 내용은 서비스 제공을 위해 OpenAI의 API로 전송되며, OpenAI는 API를 통해 수신한 데이터를 모델 학습에 사용하지 않습니다.</li>\n"
      "<li>회사는 회원의 AI 대화 데이터를 자체 AI 모델 학습 목적으로 사용하지 않습니다.</li>\n</ul>\n"
      "<tr><td className=\"border px-4 py-2\">대화 내용</td>\n"
      "<td className=\"border px-4 py-2\">API 처리 후 즉시 삭제 (OpenAI API 정책에 따라 30일 내 삭제, 모델 학습에 미사용)</td></tr>\n");
  std::map<std::string, std::string> stance;
  for (const auto& f : fs)
    if (f["kind"] == "training_clause") stance[f["evidence"]["text"].get<std::string>()] = f["stance"].get<std::string>();
  CHECK(stance["AI와의 대화 내용은 서비스 제공을 위해 OpenAI의 API로 전송되며, OpenAI는 API를 통해 수신한 데이터를 모델 학습에 사용하지 않습니다."] == "prohibits");
  CHECK(stance["회사는 회원의 AI 대화 데이터를 자체 AI 모델 학습 목적으로 사용하지 않습니다."] == "prohibits");
  CHECK(stance["API 처리 후 즉시 삭제 (OpenAI API 정책에 따라 30일 내 삭제, 모델 학습에 미사용)"] == "prohibits");
  for (const auto& [quote, s] : stance) CHECK(quote.find('<') == std::string::npos);
}

TEST_CASE("another language's stream word does not make English licence boilerplate a live stream", "[documents]") {
  // Twitter's terms of service and Microsoft's terms of use (2015), Open Terms Archive copies
  // (contrib-versions, CGUs-versions): German "broadcast..." and Spanish/Portuguese "retransmi..."
  // entries matched these English words.
  for (const char* text : {"You understand that we may modify or adapt your Content as it is distributed, syndicated, published, "
                           "or broadcast by us and our partners and/or make changes to your Content as necessary.",
                           "No logo, graphic, sound or image from any Microsoft website may be copied or retransmitted unless "
                           "expressly permitted by Microsoft."}) {
    CAPTURE(text);
    for (const auto& f : findings(text)) CHECK(f["kind"] != "live_stream");
  }
  // The languages' own words still are (written variants of Jitsi's live streaming notices).
  AnalyzeOptions notice;
  for (const char* text : {"La reunión se está retransmitiendo en YouTube.", "A reunião está a ser retransmitida no YouTube.",
                           "Der Live-Broadcast wurde gestartet."}) {
    CAPTURE(text);
    const auto fs = engine().analyze(text, notice).result["findings"];
    CHECK(std::any_of(fs.begin(), fs.end(), [](const auto& f) { return f["kind"] == "live_stream"; }));
  }
}

TEST_CASE("a long sentence is quoted around its match up to whole words, not cut at the match", "[documents]") {
  // OpenAI's privacy policy (updated 24 August 2026; Open Terms Archive, genai-contrib-versions).
  const std::string opening =
      "Privacy policy\n\nFor information about how we collect and use training information to develop our language models "
      "that power ChatGPT and other Services, and your choices with respect to that information, please see this policy as "
      "well as ";
  const std::string text = opening + "the help center article that explains how our models are developed and how you can object.\n";
  const auto fs = findings(text);
  REQUIRE_FALSE(fs.empty());
  const std::string quote = fs[0]["evidence"]["text"];
  CHECK(quote.rfind("For information about how we collect and use training information to develop", 0) == 0);
  CHECK(quote.size() <= 200 + std::string("training").size() + 80);
  CHECK(text.find(quote + " ") != std::string::npos);  // it ends where a word ends

  // Cut inside a link's target, the quote ends before the target (the policy's own link).
  const std::string linked = opening +
                             "[this help center article](https://help.openai.com/articles/7842364-how-chatgpt-and-our-"
                             "language-models-are-developed-and-how-you-can-object).\n";
  const auto with_link = findings(linked);
  REQUIRE_FALSE(with_link.empty());
  const std::string cut = with_link[0]["evidence"]["text"];
  CHECK(cut.find("https") == std::string::npos);
  CHECK(cut.back() == ']');
  CHECK(with_link[0]["evidence"]["end"].get<std::size_t>() - with_link[0]["evidence"]["start"].get<std::size_t>() == cut.size());
}

TEST_CASE("a menu link in a terms page is no bot, a participant's name in a meeting is", "[documents]") {
  // Dropbox's terms of service (effective 3 April 2023; ToS;DR's copy, tosdr-versions): a site
  // menu link of the saved page.
  for (const auto& f : findings("Terms of Service\n\n* [Screen recorder](https://www.dropbox.com/features/screen-recorder)\n"))
    CHECK(f["kind"] != "notetaker_bot");
  AnalyzeOptions meeting;
  const auto fs = engine().analyze("Quill Notetaker", meeting).result["findings"];
  REQUIRE(fs.size() == 1);
  CHECK(fs[0]["kind"] == "notetaker_bot");
  CHECK(fs[0]["bot_name"] == "Quill Notetaker");
  // A bot word alone is a badge or a title (Mattermost's "Bot" badge, Mumble's "Recorder" dialog).
  for (const char* word : {"Bot", "Recorder"}) {
    CAPTURE(word);
    CHECK(engine().analyze(word, meeting).result["findings"].empty());
  }
}

TEST_CASE("records that are documents are no recording in a privacy text", "[documents]") {
  // Zoom's privacy statement of 30 June 2023 (../shared/reference/terms-versions) raised a
  // recording for keeping "records of your transactions".
  for (const char* text : {"* Whether we have a legal obligation to keep the data (for example, certain laws require us to keep "
                           "records of your transactions for a certain period of time before we can delete them); or",
                           "* Delete your Personal Data from our records."}) {
    CAPTURE(text);
    for (const auto& f : findings(std::string("Privacy\n\n") + text + "\n")) CHECK(f["kind"] != "recording");
  }
  // A recording clause is still one.
  const auto fs = findings("Privacy\n\nWe keep meeting recordings in our records for 30 days.\n");
  CHECK(std::any_of(fs.begin(), fs.end(), [](const auto& f) { return f["kind"] == "recording"; }));
}

TEST_CASE("a contract called an Agreement is not someone agreeing", "[documents]") {
  // Zoom's terms of 11 August 2023 (../shared/reference/terms-versions) and Slack's privacy
  // policy of 5 July 2023 (ToS;DR's copy): "Agreement" read as a yes beside "terms".
  for (const char* text : {"This Agreement governs if there is a conflict with the Apple Terms.",
                           "Slack will retain Customer Data in accordance with a Customer's instructions (including to "
                           "perform any applicable terms in the Customer Agreement and through the Customer's use of "
                           "Services functionality) and as required by applicable law."}) {
    CAPTURE(text);
    for (const auto& f : findings(std::string("Terms\n\n") + text + "\n")) CHECK(f["kind"] != "terms_prompt");
  }
  // Agreeing still is (Mattermost's German trial prompt, mattermost-plugin-calls).
  AnalyzeOptions notice;
  const auto fs = engine().analyze("Mit Auswahl von Teste kostenlos für 30 Tage, stimme ich dem Mattermost Software Evaluation "
                                   "Agreement und den Datenschutzrichtlinien zu, und erhalte Produkt-Emails.", notice)
                      .result["findings"];
  CHECK(std::any_of(fs.begin(), fs.end(), [](const auto& f) { return f["kind"] == "terms_prompt"; }));
}

TEST_CASE("rights over your content granted as a list of uses are a licence, with or without the word", "[documents]") {
  // Replit's Terms of Service, C.1 (Open Terms Archive, genai-contrib-versions, 23 February 2026).
  const auto replit = findings("To provide the Service, you grant Replit the right to copy, display, distribute, perform, "
                               "reformat, and modify your content as necessary, and the right to sublicense such rights to any "
                               "third party provider for the Service.");
  REQUIRE(replit.size() == 1);
  CHECK(replit[0]["kind"] == "training_clause");
  CHECK(replit[0]["stance"] == "unspecified");
  CHECK(replit[0]["license_terms"] == nlohmann::json::array({"sublicensable"}));
  // Malt's Conditions générales, 14.2 (Open Terms Archive, france-versions, 3 July 2024): the
  // authorisation "pour le monde entier" is a worldwide one.
  const auto malt = findings("En créant un profil ou en laissant des recommandations sur les profils, l’Utilisateur autorise "
                             "expressément la Société à utiliser, diffuser, héberger, stocker, reproduire, communiquer, publier, "
                             "modifier, adapter, traduire et afficher ces Contenus publics sur la Marketplace. Cette autorisation "
                             "est valable pour le monde entier et pour toute la durée de l’inscription de l’Utilisateur.");
  REQUIRE_FALSE(malt.empty());
  CHECK(malt[0]["rule"] == "clause.content_rights_list");
  // SoundCloud's Terms of Use (Open Terms Archive, contrib-versions): the licence before its terms.
  const auto soundcloud = findings("To the extent it is necessary in order for SoundCloud to provide you with any of the "
                                   "aforementioned hosting services, you hereby grant such licenses to SoundCloud on a limited, "
                                   "worldwide, non-exclusive, royalty-free and fully paid basis.");
  REQUIRE(soundcloud.size() == 1);
  CHECK(soundcloud[0]["license_terms"] == nlohmann::json::array({"royalty_free", "worldwide"}));
  // Bans and rights granted to the user are no licence over your content.
  for (const char* text : {"Except as expressly granted herein, you may not copy, modify, distribute or display the Software.",
                           "We grant you the right to copy, display and print the materials for your personal use.",
                           "You authorize us to store your files so that you can open them on any device.",
                           "我们授予您复制、修改和发布本软件的权利。"}) {
    CAPTURE(text);
    CHECK(findings(text).empty());
  }
}

TEST_CASE("who owns or may use usage data, and access to your content to improve the service", "[documents]") {
  // fal's Terms of Service 6(c) (Open Terms Archive, 3 March 2026); Nous Research's Terms of
  // Service 12.3(a); Replit's Terms of Service, C.3 and the summary of C (23 February 2026).
  for (const char* text :
       {"Company owns and retains all rights to Usage Data, and no rights are granted to Customer, whether by implication, "
        "estoppel, waiver, or otherwise in or to any Usage Data.",
        "Client expressly grants Nous Research the right to use and analyze aggregate system activity data associated with use "
        "of the Nous Research Services by Client and its Users for the purposes of optimizing, improving or enhancing the way "
        "the Nous Research Services operate."}) {
    CAPTURE(text);
    const auto fs = findings(text);
    REQUIRE(fs.size() == 1);
    CHECK(fs[0]["data_scope"] == nlohmann::json::array({"service_generated"}));
  }
  for (const char* text : {"Replit reserves the right to access the content of your private Apps for the purpose of "
                           "troubleshooting, improving our service, and ensuring the safety and security of the Service.",
                           "You give us permission to host your content, make your content available to others, and to use it "
                           "to improve our Service."}) {
    CAPTURE(text);
    const auto fs = findings(text);
    REQUIRE(fs.size() == 1);
    CHECK(fs[0]["data_scope"] == nlohmann::json::array({"customer_content"}));
  }
  CHECK(findings("You retain all rights to your content.").empty());
}

TEST_CASE("usage data and data the service produces, in other languages", "[documents]") {
  // Zhihu's user agreement 3.9 (tosdr-versions, 15 September 2023): all data produced while the
  // platform is developed and run is the company's.
  const auto zhihu = findings("知乎为本平台的开发及运营主体，对本平台的开发和运营等过程中产生的所有数据和信息等享有法律法规允许范围内的全部权利，"
                              "但相关权利人依法律规定应享有的权利除外。");
  REQUIRE(zhihu.size() == 1);
  CHECK(zhihu[0]["data_scope"] == nlohmann::json::array({"service_generated"}));
  CHECK(zhihu[0]["stance"] == "unspecified");
  CHECK_FALSE(findings("Wir verwenden Nutzungsdaten in aggregierter Form, um unsere Produkte zu verbessern.").empty());
  CHECK(findings("Wir erheben Nutzungsdaten, um Fehler zu finden.").empty());
}

TEST_CASE("data about the use of the service, and licences told apart from rights not granted to you", "[documents]") {
  // Qwen's Terms of Service 3(f) and Intric's terms 6.2 (Open Terms Archive, 2026).
  for (const char* text :
       {"We may collect performance and usage metrics and data regarding your access and/or use of the Services, including "
        "model versions, inferences, upload times, as well as processing, diagnostic and other data, and we may use such "
        "metrics and data to improve the quality and other aspects of the Services and its underlying technologies.",
        "Intric collects and uses Metadata regarding the use of the platform in order to ensure, maintain and improve products "
        "and services as well as for statistics and analyzes of various kinds."}) {
    CAPTURE(text);
    const auto fs = findings(text);
    REQUIRE(fs.size() == 1);
    CHECK(fs[0]["data_scope"] == nlohmann::json::array({"service_generated"}));
  }
  CHECK(findings("We collect information about your use of the Services to keep your account secure.").empty());
  // Together AI's Terms of Service 7.2 (2026): what is not granted to you, then the licence you grant.
  const auto together = findings("You acknowledge that your use of the Services and any Output does not grant you ownership of "
                                 "any Company IP or in any underlying technologies. You grant Company a limited license to "
                                 "access, host, use, copy, and otherwise operate Your Content and Output solely as necessary to "
                                 "provide the Services.");
  REQUIRE(together.size() == 1);
  CHECK(together[0]["rule"] == "clause.content_license");
  // Pinterest's French terms: what the company may go on doing with your content.
  const auto pinterest = findings("Nous et nos utilisateurs pouvons conserver et continuer à utiliser, stocker, afficher, "
                                  "reproduire, réépingler, modifier, créer des œuvres dérivées, exécuter et distribuer tout "
                                  "Contenu utilisateur que vous ou d’autres utilisateurs avez stocké ou partagé sur Pinterest.");
  REQUIRE(pinterest.size() == 1);
  CHECK(pinterest[0]["rule"] == "clause.content_rights_list");
}

TEST_CASE("content used for training purposes, rights waived, a licence described, in the held-out Mozilla texts", "[documents][stance]") {
  // Mozilla's Firefox privacy notice, local AI features, in four of its languages
  // (mozilla/legal-docs): not used for training purposes without explicit consent.
  for (const char* text :
       {"Estos operan localmente - el contenido de la página web, los archivos PDF, las imágenes y las direcciones URL de pestañas "
        "permanecen en su dispositivo y no se envían a los servidores de Mozilla ni se utilizan con fines formativos sin su "
        "consentimiento explícito.",
        "Content van webpagina's, PDF's, afbeeldingen en tabblad-URL's blijft op uw apparaat en wordt niet zonder uw nadrukkelijke "
        "toestemming naar servers van Mozilla verzonden of gebruikt voor trainingsdoeleinden.",
        "Diese funktionieren nur lokal, d. h., Webseiteninhalte, PDFs, Bilder und Registerkarten-URLs bleiben auf Ihrem Gerät und "
        "werden ohne Ihre ausdrückliche Zustimmung nicht an die Server von Mozilla gesendet oder für Schulungszwecke genutzt.",
        "这些功能在本地运行，即网页内容、PDF、图片和标签页 URL 都会保留在您的设备上，未经您的明确同意，不会被发送到 Mozilla 的服务器或用于训练目的。"}) {
    CAPTURE(text);
    const auto fs = findings(text);
    REQUIRE(fs.size() == 1);
    CHECK(fs[0]["kind"] == "training_clause");
    CHECK(fs[0]["stance"] == "permits_with_consent");
  }
  // German data words are compounds: an AI platform's data notice (held-out clauses, December
  // 2026) lists what internal dialogue data is not used for. A candidate is no data.
  const auto dialog = findings("Interne Dialogdaten werden nicht für Profiling, nicht für Trainingszwecke, nicht für Marketing und "
                               "nicht für Analytics genutzt.");
  REQUIRE(dialog.size() == 1);
  CHECK(dialog[0]["stance"] == "prohibits");
  CHECK(findings("Die Kandidaten werden nicht für Trainingszwecke ausgewählt.").empty());
  // A chat history and its prompts, kept (zenslate.ai's German privacy policy, 2025).
  const auto history = findings("Wir speichern deinen Chatverlauf (Prompts und KI-Antworten), der mit deinem Firebase-Konto "
                                "verknüpft ist, damit du auf frühere Sitzungen zugreifen kannst.");
  REQUIRE(history.size() == 1);
  CHECK(history[0]["kind"] == "training_clause");
  CHECK(history[0]["stance"] == "unspecified");
  // Persian: an AI chat service's terms (netbots, held-out clauses, December 2026), never without
  // explicit consent; written variants with and without the verb's negation; a tutorial is no
  // training of models.
  const auto fa = findings("ما به حریم خصوصی شما متعهدیم و هرگز از محتوای شما برای آموزش مدلهای هوش مصنوعی بدون رضایت صریح شما "
                           "استفاده نخواهیم کرد.");
  REQUIRE(fa.size() == 1);
  CHECK(fa[0]["stance"] == "permits_with_consent");
  const auto fa_yes = findings("ما از داده‌های شما برای آموزش مدل‌های هوش مصنوعی استفاده می‌کنیم.");
  REQUIRE(fa_yes.size() == 1);
  CHECK(fa_yes[0]["stance"] == "permits");
  const auto fa_no = findings("ما از داده‌های شما برای آموزش مدل‌های هوش مصنوعی استفاده نمی‌کنیم.");
  REQUIRE(fa_no.size() == 1);
  CHECK(fa_no[0]["stance"] == "prohibits");
  CHECK(findings("برای آموزش نحوه استفاده از سرویس، ویدیوهای ما را ببینید.").empty());
  // A call recorded for staff training is a recording, no training clause.
  const auto calls = findings("Calls may be recorded for quality and training purposes.");
  REQUIRE(calls.size() == 1);
  CHECK(calls[0]["kind"] == "recording");
  // Common Voice's CC0 waiver (es): every right in the recordings given up under copyright law.
  const auto waiver = findings("Esto significa que acepta renunciar a todos los derechos sobre el texto y las grabaciones en todo el "
                               "mundo según la ley de derechos de autor y bases de datos, incluidos los derechos morales y "
                               "publicitarios, y todos los derechos relacionados y conexos.");
  REQUIRE(waiver.size() == 1);
  CHECK(waiver[0]["rule"] == "clause.rights_waiver");
  CHECK(findings("You waive any right to a jury trial or to participate in a class action.").empty());
  // Common Voice's notices: speech technology built from what you send, machines taught with it.
  for (const char* text : {"Puede optar por enviarnos información sobre usted, como su acento, edad y género. Esta información nos "
                           "ayuda a nosotros y a otros investigadores a mejorar y crear tecnología y herramientas para convertir voz en "
                           "texto.",
                           "Se lo desideri, puoi anche fornire un avatar, così come alcuni dati demografici che ci possono aiutare a "
                           "insegnare alle macchine a comprendere persone che hanno accenti diversi."}) {
    CAPTURE(text);
    const auto fs = findings(text);
    REQUIRE(fs.size() == 1);
    CHECK(fs[0]["kind"] == "training_clause");
  }
  CHECK(findings("We use speech recognition to provide live captions.").empty());
  // Bluesky's terms 2.4: the licence described after it was granted.
  const auto bluesky = findings("The license is limited, worldwide, non-exclusive, and royalty-free.");
  REQUIRE(bluesky.size() == 1);
  CHECK(bluesky[0]["license_terms"] == nlohmann::json::array({"royalty_free", "worldwide"}));
}

TEST_CASE("a capital letter after a word in lower case ends a sentence and initials do not", "[documents]") {
  // X's privacy policy (September 2023): "... even after you remove it from X. For example, ...".
  const std::string x = "Remember public content can exist elsewhere even after you remove it from X. For example, search engines may keep copies.";
  CHECK(split_sentences(x, {0, x.size()}).size() == 2);
  for (const std::string s : {"It was signed by John F. Kennedy in person.", "See Appendix B. The table lists them.", "a. The first item."}) {
    CAPTURE(s);
    CHECK(split_sentences(s, {0, s.size()}).size() == 1);
  }
}

TEST_CASE("a document's section title is read with the paragraph under it", "[documents][stance]") {
  // Morph's privacy policy (ennach.sakura.ne.jp/Morph/privacy_policy.html, 23 February 2026), read
  // as a document: the title names AI learning, the sentence under it says it does not happen.
  // Titles were dropped before matching, and the sentence alone names no AI.
  const auto morph = findings("3. AI学習について\n\n- 本サイトの内部処理ではChatGPTのようなAIは使用していません。\n"
                              "- そのため、学習に利用されることはありません(ユーザー自身がChatGPTに小説本文を投げた場合は除く)。\n");
  REQUIRE(morph.size() == 1);
  CHECK(morph[0]["stance"] == "prohibits");
  CHECK(morph[0]["evidence"]["text"].get<std::string>().find("学習に利用されることはありません") != std::string::npos);
  const auto written = findings("## AI Training\n\nWe never sell your data. It is not used for training.\n");
  REQUIRE(written.size() == 1);
  CHECK(written[0]["stance"] == "prohibits");
  CHECK(written[0]["evidence"]["text"] == "It is not used for training.");
  // A sentence that says it in words of its own speaks alone: one finding, not two.
  const auto own = findings("## AI Training\n\nWe do not use your content to train our AI models.\n");
  REQUIRE(own.size() == 1);
  CHECK(own[0]["evidence"]["text"] == "We do not use your content to train our AI models.");
  // A title with nothing said of its topic under it is no clause.
  CHECK(findings("## AI Training\n\nWe care about your privacy.\n").empty());
}

TEST_CASE("a paragraph wrapped apart is read as one, byte for byte", "[documents][stance]") {
  // Zoom's terms of 11 August 2023, section 10.4, saved as text wrapped at 75 columns: the
  // negation stands on the first line, "to train" on the third. Each line was read as a sentence
  // of its own, and the promise was lost.
  const std::string wrapped =
      "## 10.4 Customer License Grant\n\n"
      "Zoom does not use any of your audio, video, chat, screen sharing,\n"
      "attachments or other communications-like Customer Content (such as poll\n"
      "results, whiteboard and reactions) to train Zoom or third-party artificial\n"
      "intelligence models.\n";
  const auto fs = findings(wrapped);
  REQUIRE(fs.size() == 1);
  CHECK(fs[0]["stance"] == "prohibits");
  // The quote is the text as written, line breaks and all, at its own offsets.
  const std::string quote = fs[0]["evidence"]["text"].get<std::string>();
  CHECK(quote.starts_with("Zoom does not use"));
  CHECK(quote.ends_with("intelligence models."));
  CHECK(wrapped.substr(fs[0]["evidence"]["start"].get<std::size_t>(), quote.size()) == quote);

  std::string text = "We may use your content\nto train our models.\n\nSecurity\nWe protect it.";
  const std::size_t n = text.size();
  REQUIRE(join_wrapped_lines(text));
  CHECK(text.size() == n);
  CHECK(text == "We may use your content to train our models.\n\nSecurity\nWe protect it.");

  // A PDF's table cell, one fragment a paragraph (Doctolib's privacy policy, July 2026).
  std::string cell = "- Enregistrement vocal,\n\ntranscriptions des\n\nenregistrements, suggestions";
  REQUIRE(join_wrapped_lines(cell));
  CHECK(cell == "- Enregistrement vocal,  transcriptions des  enregistrements, suggestions");
}

TEST_CASE("titles, list items and finished sentences are not joined to the next line", "[documents]") {
  CHECK_FALSE(line_goes_on("## AI Training", "we do not train on your data.", false));
  CHECK_FALSE(line_goes_on("Customer Content", "Zoom does not use it.", false));  // a short title
  CHECK_FALSE(line_goes_on("We use your data.", "and we keep it.", false));
  CHECK_FALSE(line_goes_on("you grant us permission to:", "i. use User Content to improve the service;", false));
  CHECK_FALSE(line_goes_on("we may use the following data", "- usage data", false));
  CHECK_FALSE(line_goes_on("we may use the following data", "(a) usage data", false));
  CHECK_FALSE(line_goes_on("| Purpose | Data", "| training | content |", false));
  CHECK_FALSE(line_goes_on("3. AI学習について", "学習に利用されることはありません。", false));
  CHECK(line_goes_on("We may use your audio, video and chat content to", "Train our models.", false));
  CHECK(line_goes_on("Datos de conexión de", "Servicios", true));
  CHECK(line_goes_on("ваши данные", "используются для обучения", true));
  CHECK_FALSE(line_goes_on("A Title Here", "Another Title", true));
  // A plain title that ends in a short word is still a title: only an article or a preposition
  // leaves a line open.
  CHECK_FALSE(line_goes_on("Who we are", "We collect your data to train our models.", true));
  CHECK_FALSE(line_goes_on("Contact us", "Write to privacy@example.com.", false));
  CHECK(line_goes_on("Données de santé collectées par le", "Professionnel de santé", true));
}

TEST_CASE("data trained on, used for training or learned from, with no model word", "[documents][stance]") {
  const auto stance_of = [](const std::string& text) {
    const auto fs = findings(text);
    return fs.size() == 1 ? fs[0]["stance"].get<std::string>() : "(" + std::to_string(fs.size()) + " findings)";
  };
  // Cursor's privacy policy (Open Terms Archive, GenAI-versions, 8 November 2024).
  CHECK(stance_of("If you completed onboarding prior to version 0.49.0, we never store or learn from your full codebase.") == "prohibits");
  CHECK(stance_of("None of your code will ever be stored or trained on by us or any third-party.") == "prohibits");
  // Replika's privacy policy (ToS;DR's versions, 23 February 2024).
  CHECK(stance_of("We process this information to allow your AI companion to learn from your interactions to improve your "
                  "conversations.") == "permits");
  CHECK(stance_of("Your content will never be used for training.") == "prohibits");
  // People trained are a course's, not a model's.
  CHECK(stance_of("Our staff are trained on data protection.") != "prohibits");
  CHECK(findings("Our support team learns from your feedback.").empty());
}

TEST_CASE("a customer word before a compound's data word owns the data, in Chinese", "[documents][stance]") {
  // An industrial AI platform's ethics page (MSRU, 2026): "customer production data will never be
  // used to train public AI models" is the company's promise, not a ban on its customers.
  const auto fs = findings("客户生产数据永远不会被用于训练公共 AI 模型。");
  REQUIRE(fs.size() == 1);
  CHECK(fs[0]["stance"] == "prohibits");
  // A ban between them is no compound: "users must not put data to training models" bars users.
  for (const auto& f : findings("用户不得将数据用于训练模型。")) CHECK(f["stance"] != "prohibits");
}

TEST_CASE("content never used for training, with no model word, in twelve languages", "[documents][stance]") {
  // Written variants of the held-out English pattern ("Your content will never be used for
  // training"): each language says "for training" in its own way; staff training stays a course's.
  for (const char* text : {"Ihre Inhalte werden niemals für das Training verwendet.", "Vos contenus ne seront jamais utilisés pour l'entraînement.",
                           "Tus contenidos nunca se usarán para entrenamiento.", "I tuoi contenuti non verranno mai usati per l'addestramento.",
                           "Seus conteúdos nunca serão usados para treinamento.", "Uw inhoud wordt nooit gebruikt voor training.",
                           "Twoje treści nigdy nie będą wykorzystywane do trenowania.", "Ваш контент никогда не будет использоваться для обучения.",
                           "お客様のコンテンツがトレーニングに使用されることはありません。", "귀하의 콘텐츠는 학습에 사용되지 않습니다.",
                           "Nội dung của bạn sẽ không bao giờ được dùng để huấn luyện.", "İçeriğiniz asla eğitim için kullanılmaz."}) {
    CAPTURE(text);
    const auto fs = findings(text);
    REQUIRE(fs.size() == 1);
    CHECK(fs[0]["stance"] == "prohibits");
  }
  for (const char* course : {"Wir verwenden Ihre Daten für das Training unserer Mitarbeiter.", "Ваши данные используются для обучения сотрудников."}) {
    CAPTURE(course);
    for (const auto& f : findings(course)) CHECK(f["stance"] != "permits");
  }
}

TEST_CASE("training on your data, with no model word, in seven more languages", "[documents][stance]") {
  // Written variants of "We do not train on your data": "on your data" says what trains, as
  // French, German, Spanish, Italian and Portuguese already read it.
  for (const char* text : {"Wij trainen niet op uw gegevens.", "Nie trenujemy na Twoich danych.", "Мы не обучаемся на ваших данных.",
                           "お客様のデータで学習することはありません。", "당사는 귀하의 데이터로 학습하지 않습니다.",
                           "Chúng tôi không huấn luyện trên dữ liệu của bạn."}) {
    CAPTURE(text);
    const auto fs = findings(text);
    REQUIRE(fs.size() == 1);
    CHECK(fs[0]["stance"] == "prohibits");
  }
  const auto nl = findings("Wij trainen onze modellen op uw gegevens.");
  REQUIRE(nl.size() == 1);
  CHECK(nl[0]["stance"] == "permits");
}

TEST_CASE("in Turkish, users in another case than the subject's are no one barred", "[documents][stance]") {
  // TezAI's FAQ (clauses20, 2026): "your files are never shared with other users (kullanıcılarla,
  // 'with users'), ... are not used in AI model training": the vendor's promise, not a ban on users.
  const auto fs = findings("Evet. Dosyaların diğer kullanıcılarla asla paylaşılmaz, analiz sonrası otomatik silinir, yapay zekâ "
                           "modeli eğitiminde kullanılmaz ve SSL ile şifrelenir.");
  REQUIRE(fs.size() == 1);
  CHECK(fs[0]["stance"] == "prohibits");
  // Users as the subject of a ban still are.
  CHECK(findings("Kullanıcılar, çıktıları yapay zeka modellerini eğitmek için kullanamaz.").empty());
}

TEST_CASE("the 'non' and 'ne' after 'unless' in Italian and French deny no way out", "[documents][stance]") {
  // Written variants of "... unless you object": the Romance languages put an expletive negation
  // after "a meno che" and "à moins que"; it made the way out read as denied.
  for (const char* text : {"Possiamo utilizzare i tuoi contenuti per addestrare i nostri modelli, a meno che tu non ti opponga.",
                           "Nous pouvons utiliser vos contenus pour entraîner nos modèles, à moins que vous ne vous y opposiez."}) {
    CAPTURE(text);
    const auto fs = findings(text);
    REQUIRE(fs.size() == 1);
    CHECK(fs[0]["stance"] == "permits");
    CHECK(fs[0]["your_choices"] == nlohmann::json::array({"opt_out"}));
  }
}

TEST_CASE("held-out clauses23: an FAQ's answer, a ban at its clause's end, verbs negated in their own form", "[documents][stance]") {
  // Blind set clauses23 (7 December 2026): SignedBy's FAQ, a German privacy text's provider
  // paragraph, Auris (Czech), a Japanese agency's page, a Portuguese audit of Vercel's terms.
  CHECK(first_stance("Nutzt ihr meine Dokumente, um KI-Modelle zu trainieren? Nein — die KI von SignedBy trainiert nie mit deinen Dokumenten.") ==
        "prohibits");
  CHECK(first_stance("Do you use my recordings to train AI models? No. They are deleted after processing.") == "prohibits");
  CHECK(first_stance("Do you use my recordings to train AI models? Yes, unless you opt out in Settings.") == "permits");
  CHECK(first_stance("Es werden ausschließlich Anbieter zugelassen, die sich zur Nichtspeicherung der Anfrage verpflichtet haben, und die "
                  "Verwendung Ihrer Inhalte zu Trainingszwecken ist untersagt.") == "prohibits");
  // A ban on using the reader's own content protects it; scraping the site bars the reader.
  CHECK(first_stance("Die Verwendung Ihrer Inhalte zu Trainingszwecken ist untersagt.") == "prohibits");
  CHECK(first_stance("Scraping the site for the purpose of training AI models is strictly prohibited.") == "(none)");
  CHECK(first_stance("Data se nezneužívají k trénování AI modelů a nahrávky jsou ihned po zpracování smazány z paměti.") == "prohibits");
  CHECK(first_stance("社内専用のAI環境を構築し、入力データがAIモデルの学習に利用されないよう設定することで安全性を高めます。") == "prohibits");
  CHECK(first_stance("入力データがAIモデルの学習に利用されないよう設定できます。") == "permits");
  // Portuguese "no" (in the) is no negation.
  CHECK(first_stance("Projectos no plano Hobby concedem à Vercel o direito de usar o conteúdo do site para treinar modelos de IA.") == "permits");
}

TEST_CASE("held-out docs25: Hungarian 'learns from your data', audio transcribed by a named company", "[documents][stance]") {
  // HangJegyzet.AI's privacy policy (docs25, 7 December 2026): "the AI does not learn from your data".
  const auto hu = findings("Az AI nem tanul az Ön adataiból (szerződéses garancia a szolgáltatóktól).");
  REQUIRE(hu.size() == 1);
  CHECK(hu[0]["stance"] == "prohibits");
  // Audio in the plural ("Os áudios") is a medium: its transcription is a clause of the document.
  const auto tr = findings("Os áudios das consultas são transcritos pela nossa parceira.");
  CHECK(std::any_of(tr.begin(), tr.end(), [](const nlohmann::json& f) { return f["kind"] == "transcription"; }));
}

TEST_CASE("held-out clauses24: the company's own opt-out with its suppliers, Chinese 'used to improve our models'", "[documents][stance]") {
  // A Japanese service relaying to external models (clauses24, 7 December 2026) and an English
  // written variant: the opt-out was made by the company, for the reader.
  for (const char* text : {"We have opted out of training with our AI providers, so your data is not used to train their models.",
                           "当サービスでは、オプトアウト設定を行っているモデルプロバイダーを利用し、ユーザーのデータがAIの学習に利用されないよう保護に努めています。"}) {
    CAPTURE(text);
    const auto fs = findings(text);
    REQUIRE_FALSE(fs.empty());
    CHECK(fs[0]["stance"] == "prohibits");
  }
  // The reader's own way out still is one.
  const auto own = findings("You can opt out of training in Settings; otherwise we use your chats to train our models.");
  REQUIRE_FALSE(own.empty());
  CHECK(own[0]["stance"] == "permits");
  // A camera app's FAQ: photos may be used to improve the company's models.
  const auto zh = findings("照片与隐私：使用 AI 功能拍摄的照片会上传处理，并可能用于改进我们的模型。");
  REQUIRE_FALSE(zh.empty());
  CHECK(zh[0]["stance"] == "permits");
}

TEST_CASE("a review of 7 December 2026: an answer with a condition, 'not only', an infinitive's 'never', the reader's own opt-out", "[documents][stance]") {
  CHECK(first_stance("Will Acme use my recordings to train AI? No, not without your explicit consent.") == "permits_with_consent");
  CHECK(first_stance("Werden meine Aufnahmen zum Training von KI-Modellen verwendet? Nein, es sei denn, Sie stimmen ausdrücklich zu.") ==
        "permits_with_consent");
  // Buttons after a question are no answer.
  CHECK(first_stance("Can we use this conversation to help train our AI models? No thanks | Yes, share") != "prohibits");
  CHECK(first_stance("Podemos usar su contenido para entrenar no solo nuestros modelos sino también los de nuestros socios.") == "permits");
  CHECK(first_stance("The customer data we use to train never leaves the EU, where our AI models are hosted.") == "permits");
  // The reader's own opt-out, said as done ("if you have opted out"), is still the reader's way out.
  const auto ja = findings("お客様の入力データはモデルの改善のために利用されますが、お客様がオプトアウトを行った場合、学習には利用されません。");
  REQUIRE_FALSE(ja.empty());
  CHECK(ja[0]["stance"] == "permits");
  CHECK(ja[0]["your_choices"] == nlohmann::json::array({"opt_out"}));
  CHECK(first_stance("入力データはAIモデルの学習に利用されますが、設定画面で学習に利用しないよう選択すれば、学習には使用されません。") == "permits");
  // "seus dados" may be the site's own: no reader's data barred, no finding.
  CHECK(first_stance("A extração automatizada do Site e de seus dados para treinar modelos de IA é proibida.") == "(none)");
  // Prompts recorded for improvement are still a use of what is typed to an AI.
  CHECK(first_stance("Prompts and outputs are recorded for quality and improvement purposes.") == "unspecified");
}

TEST_CASE("a second review of 7 December 2026: a 'No' whose condition is another clause's, 'thanks to', the reader's opt-out in force", "[documents][stance]") {
  CHECK(first_stance("Does Acme use my recordings to train AI? No - we never use your recordings for training, and we never share them without your consent.") ==
        "prohibits");
  CHECK(first_stance("Will Acme use my recordings to train AI? No, never, and you can opt out of analytics cookies in Settings.") == "prohibits");
  CHECK(first_stance("Usate i miei dati per addestrare l'IA? No, mai, senza eccezioni.") == "prohibits");
  CHECK(first_stance("Does Acme train AI models on my recordings? No, thanks to our zero-retention design.") == "prohibits");
  CHECK(first_stance("A utilização dos seus conteúdos para treinar modelos de IA é proibida.") == "prohibits");
  const auto ja = findings("お客様の入力データはモデルの改善のために利用されますが、お客様がオプトアウトを行っている場合、学習には利用されません。");
  REQUIRE_FALSE(ja.empty());
  CHECK(ja[0]["your_choices"] == nlohmann::json::array({"opt_out"}));
  const auto ws = findings("We use your content to improve our models, but if your workspace has been opted out, we will not use it to train our models.");
  REQUIRE_FALSE(ws.empty());
  CHECK(ws[0]["stance"] == "permits");
}
