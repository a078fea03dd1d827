// The readers of state, stance and shape on real wording: the sentences that came out reversed
// or misread before, quoted from vendors' terms and clients' strings (sources named), and
// written variants of them.
#include <catch2/catch.hpp>

#include <map>

#include "engine.h"
#include "markup_mask.h"
#include "lexicon.h"
#include "normalize.h"
#include "passages.h"
#include "stance_reader.h"
#include "state_reader.h"
#include "text_shape.h"

using namespace consentlens;

namespace {

const Engine& engine() {
  static const Engine e;
  return e;
}

const Lexicon& lexicon() { return engine().lexicon(); }

std::string norm(const std::string& s) { return normalize(s).text; }

StanceReading stance(const std::string& s, std::vector<std::string> names = {}) {
  const std::string t = norm(s);
  return read_stance(lexicon(), t, names);
}

State state(const std::string& s) { return read_state(lexicon(), norm(s)); }

using K = std::vector<std::string>;

// The findings of a text, each as its kind, or as "kind/state".
K findings_of(const std::string& text, const char* as, bool with_state) {
  AnalyzeOptions o;
  o.as = as;
  const nlohmann::json result = engine().analyze(text, o).result;  // a copy: the analysis is a temporary
  K out;
  for (const auto& f : result["findings"])
    out.push_back(f["kind"].get<std::string>() + (with_state ? "/" + f["state"].get<std::string>() : std::string()));
  return out;
}
K kinds_of(const std::string& text, const char* as = "") { return findings_of(text, as, false); }
K kinds_states_of(const std::string& text) { return findings_of(text, "", true); }

// Each clause read with the stance its writer labelled it: P prohibits, Y permits, C only with
// consent, O permits with an opt-out, U a ban on users only.
void each_labelled(const std::vector<std::pair<std::string, std::string>>& cases) {
  for (const auto& [text, label] : cases) {
    CAPTURE(text);
    const auto r = stance(text);
    if (label == "N") {  // no training predicate at all
      CHECK_FALSE(r.found);
      continue;
    }
    REQUIRE(r.found);
    if (label == "U") {
      CHECK(r.users_only);
      continue;
    }
    CHECK_FALSE(r.users_only);
    if (label == "O") {
      CHECK(r.stance == "permits");
      CHECK(r.opt_out);
    } else {
      CHECK(r.stance == (label == "P" ? "prohibits" : label == "Y" ? "permits" : "permits_with_consent"));
    }
  }
}

// Each text is the vendor's promise not to train: a ban on the vendor, not on users.
void each_promises_no_training(std::initializer_list<const char*> texts) {
  for (const char* text : texts) {
    CAPTURE(text);
    const auto r = stance(text);
    REQUIRE(r.found);
    CHECK_FALSE(r.users_only);
    CHECK(r.stance == "prohibits");
  }
}

// Every text reads as `want`.
void each_reads(std::initializer_list<const char*> texts, State want) {
  for (const char* text : texts) {
    CAPTURE(text);
    CHECK(state(text) == want);
  }
}

// A finding whose only choice is "none": nobody asks the reader anything.
template <class Json>
bool no_choice(const Json& finding) {
  const auto& choices = finding["your_choices"];
  return choices.size() == 1 && choices[0] == "none";
}

// The engine makes exactly one finding of `text`, of this kind and state.
void one_finding(const char* text, const char* kind, const char* state_name) {
  CAPTURE(text);
  const auto findings = engine().analyze(text).result["findings"];
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]["kind"] == kind);
  CHECK(findings[0]["state"] == state_name);
}
As shape(const std::string& s) { return judge_shape(lexicon(), norm(s)); }

// The stance of the first training clause the engine finds in `text` read as `as` ("" lets it
// judge), "(none)" without one.
std::string clause_stance(const std::string& text, const char* as = "") {
  AnalyzeOptions o;
  o.as = as;
  const auto fs = engine().analyze(text, o).result["findings"];
  for (const auto& f : fs)
    if (f["kind"] == "training_clause") return f["stance"].get<std::string>();
  return "(none)";
}

}  // namespace

TEST_CASE("a negation far from the verb still negates it: Zoom's terms of 11 August 2023", "[stance]") {
  // Zoom Terms of Service, section 10.2, effective 11 August 2023 (Open Terms Archive copy).
  const auto r = stance("Zoom does not use any of your audio, video, chat, screen sharing, attachments or other "
                        "communications-like Customer Content (such as poll results, whiteboard and reactions) to train "
                        "Zoom or third-party artificial intelligence models.",
                        {"Zoom"});
  REQUIRE(r.found);
  CHECK(r.stance == "prohibits");
  CHECK_FALSE(r.third_parties_only);
}

TEST_CASE("'not without your consent' is training with consent: Zoom's terms of 7 August 2023", "[stance]") {
  const auto r = stance("Notwithstanding the above, Zoom will not use audio, video or chat Customer Content to train our "
                        "artificial intelligence models without your consent.");
  REQUIRE(r.found);
  CHECK(r.stance == "permits_with_consent");
}

TEST_CASE("contractions negate", "[stance]") {
  // Microsoft 365 Copilot privacy page (learn.microsoft.com, checked 2026-11-23), and variants.
  CHECK(stance("Prompts, responses, and data accessed through Microsoft Graph aren't used to train foundation LLMs.").stance ==
        "prohibits");
  CHECK(stance("We don't use your recordings to train our AI models.").stance == "prohibits");
  CHECK(stance("Your content isn't used for model training.").stance == "prohibits");
}

TEST_CASE("training a product to recognise things is AI training", "[stance]") {
  // Meta Privacy Policy (Facebook rendering, Open Terms Archive pga-versions, 2026-08-22).
  const auto r = stance("For example, your videos can help train our products to recognize objects, like trees, or activities, "
                        "like when a dog chases a ball.");
  REQUIRE(r.found);
  CHECK(r.stance == "permits");
  CHECK(stance("Vos vidéos peuvent aider à entraîner nos produits à reconnaître des objets.").stance == "permits");
  CHECK_FALSE(stance("We train our support staff to recognize phishing emails.").found);
}

TEST_CASE("a named AI product is what gets trained", "[stance]") {
  // Written after Microsoft's Copilot privacy FAQ and Google's Gemini privacy hub.
  CHECK(stance("We do not use your chats to train Gemini.").stance == "prohibits");
  CHECK(stance("Your conversations may be used to improve Copilot.").stance == "permits");
  CHECK_FALSE(stance("I used ChatGPT to draft the agenda.").found);
}

TEST_CASE("neither ... nor, and a ban on the vendor's suppliers", "[stance]") {
  CHECK(stance("Neither we nor our partners use your meeting content to train AI models.").stance == "prohibits");
  const auto r = stance("We contractually prohibit our AI providers from using your data to train their models.");
  REQUIRE(r.found);
  CHECK(r.stance == "prohibits");
  CHECK(r.third_parties_only);  // says nothing about the vendor's own training
}

TEST_CASE("training to compete with the company is the user's, not the company's", "[stance]") {
  // Stability AI's terms of service, 2025 (Open Terms Archive), use restriction 3(b)(2), an item
  // quoted without its lead-in.
  const auto r = stance("To develop products or services that compete with our Services, including to develop or train any "
                        "artificial intelligence, machine learning algorithms, or models, or resell our Services.");
  REQUIRE(r.found);
  CHECK(r.users_only);
  CHECK(stance("Entwickeln Sie keine konkurrierenden Produkte und trainieren Sie keine KI-Modelle mit den Ausgaben.").users_only);
  CHECK_FALSE(stance("We may use your content to train our models.").users_only);
}

TEST_CASE("tuning AI or models is training", "[stance]") {
  // Lovable's privacy policy, 2025 (Open Terms Archive), a purpose of processing.
  CHECK(stance("To personalize your experience and tune AI-driven features for your workspace;").stance == "permits");
  CHECK_FALSE(stance("Stay tuned for new AI features.").found);
}

TEST_CASE("other companies allowed to train their own models", "[stance]") {
  // X's privacy policy, effective 28 July 2025 (Open Terms Archive, vlopses-us-versions,
  // "X/Privacy Policy.md"), section 3.2 "Third-party collaborators".
  const auto x = stance("If you do not opt out, in some instances the recipients of the information may use it for their own "
                        "independent purposes in addition to those stated in X's Privacy Policy, including, for example, to "
                        "train their artificial intelligence models, whether generative or otherwise.");
  REQUIRE(x.found);
  CHECK(x.stance == "permits");
  CHECK(x.others_train);
  // Written variants: French; the vendor's own models; a "their" with no company named.
  CHECK(stance("Nos partenaires peuvent utiliser ces données pour entraîner leurs propres modèles d'IA.").others_train);
  CHECK_FALSE(stance("We may share your posts with partners and use them to train our AI models.").others_train);
  CHECK_FALSE(stance("Customers may use their data to train their own models.").others_train);
  // A ban on them stays a ban on the vendor's suppliers.
  CHECK_FALSE(stance("We contractually prohibit our AI providers from using your data to train their models.").others_train);
}

TEST_CASE("a prohibiting verb with its own object does not ban the next verb of a list", "[stance]") {
  // LinkedIn European Regional Privacy Notice, effective 27 February 2025 (Open Terms Archive,
  // pga-versions, "LinkedIn/Privacy Policy.md"): a purpose of processing, read as "does not train".
  CHECK(stance("To use automated systems such as generative AI to detect and prevent harmful content on your feed and in "
               "messages, and train and improve our AI systems for these trust and security-related purposes.")
            .stance == "permits");
  // With "from", the ban carries over the list (written variant).
  const auto r = stance("Our contracts prohibit vendors from selling your data, or using it to train their models.");
  CHECK(r.stance == "prohibits");
  CHECK(r.third_parties_only);
}

TEST_CASE("a purpose that excludes training is no training", "[stance]") {
  // Anthropic's privacy policy, 8 October 2025, legal bases table (Open Terms Archive,
  // GenAI-versions, "Claude.ai/Privacy Policy.md"), and the row beside it.
  CHECK(stance("To improve the Services and conduct research (excluding model training)").stance == "prohibits");
  CHECK(stance("To improve the Services and conduct research (including model training).").stance == "permits");
  // Leaving out data is not leaving out training (written variant).
  CHECK(stance("We may use all data, excluding your payment details, to train our models.").stance == "permits");
  // Excluded from the training, in the languages that put the word before it (written variants;
  // "excluded" read as nothing made the promise a permission).
  for (const char* text : {"Customer Content is excluded from model training.",
                           "Le contenu client est exclu de l'entraînement des modèles.",
                           "El contenido del cliente está excluido del entrenamiento de modelos."}) {
    CAPTURE(text);
    CHECK(stance(text).stance == "prohibits");
  }
  CHECK(stance("Payment details are excluded from this section, and we use your content to train our models.").stance ==
        "permits");
}

// Written variants of clauses the issue found missed: the features that learn are named before
// the improve word ("those features", "them"), or are speech recognition.
TEST_CASE("improving AI features named earlier, or speech recognition, is training", "[stance]") {
  for (const char* text : {"Your interactions with intelligent features may be used to improve those features.",
                           "Your feedback on AI features helps us improve them.",
                           "Content you upload may be reviewed by humans to improve our speech recognition."}) {
    CAPTURE(text);
    CHECK(stance(text).stance == "permits");
  }
  CHECK(stance("We never use your interactions with AI features to improve them.").stance == "prohibits");
  // What "them" points back to may be something else: the meetings are improved, not the AI.
  CHECK_FALSE(stance("Enhance your meetings with AI and improve them.").found);
  CHECK_FALSE(stance("Speech recognition is not supported in this browser.").found);
  // An item of a numbered list of purposes opens after its number (Mingpan's privacy policy,
  // clauses20: "4. 优化 AI 模型与服务体验（去标识化处理后用于分析）；").
  CHECK(stance("4. 优化 AI 模型与服务体验").stance == "permits");
  CHECK(stance("2. Improve our AI models and the Services.").stance == "permits");
}

// A held-out set: 90 clauses in 18 languages written for this purpose by someone who had not
// read the rules (December 2026); these 17 were wrong on the build before this test (several
// reversed). Each label is the one its writer gave.
TEST_CASE("held-out clauses: double negation, exclusion, impersonal bans, conditions and opt-outs", "[stance]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Customer Data is processed solely to provide the Services to you and is never used to develop, train or improve foundation models, whether ours or those of our subprocessors.", "P"},
      {"Your workspace content is excluded from the datasets we use to train our large language models.", "P"},
      {"Nothing in these Terms restricts our right to use Usage Data and Customer Content to build, train and refine the artificial intelligence systems underlying the Services.", "Y"},
      {"Customer Content may be used to train machine learning models solely where Customer has provided prior written authorization to do so.", "C"},
      {"Unless you expressly allow us to do so through your account settings, your files are not used to improve our generative AI models.", "C"},
      {"Workspace owners may opt their organization out of having Customer Data used to train global machine learning models by contacting our support team.", "O"},
      {"Unless and until you object, we will rely on our legitimate interests to use your public posts to develop and improve our AI models.", "O"},
      {"You can stop us from using your chats for model training by disabling the 'Improve the model for everyone' option; otherwise, they may be used for that purpose.", "O"},
      {"Customer shall not, and shall not permit any third party to, use any content obtained from the Services to train, fine-tune or otherwise improve any artificial intelligence or machine learning system.", "U"},
      {"Scraping, crawling, or otherwise collecting data from the Platform for the purpose of training AI models is strictly prohibited without our prior written consent.", "U"},
      {"You agree not to use translations generated by the Service as training data for any machine translation system.", "U"},
      {"È vietato utilizzare il servizio o i suoi risultati per addestrare, perfezionare o sviluppare modelli di intelligenza artificiale concorrenti.", "U"},
      {"Se não quiser que suas informações sejam usadas para treinar nossa IA generativa, você pode desativar essa configuração, que vem ativada por padrão, a qualquer momento.", "O"},
      {"귀하의 명시적인 동의 없이는 귀하의 데이터를 AI 모델 학습에 사용하지 않습니다.", "C"},
      {"Kami dapat menggunakan percakapan Anda untuk melatih model kami kecuali Anda memilih untuk tidak ikut serta melalui pengaturan akun.", "O"},
      {"Chúng tôi chỉ sử dụng dữ liệu của bạn để huấn luyện mô hình AI khi bạn đã đồng ý tham gia chương trình cải thiện sản phẩm.", "C"},
      {"Du må ikke bruge tjenesten eller dens output til at træne eller udvikle modeller for kunstig intelligens.", "U"},
  };
  each_labelled(cases);
}

// A second held-out set: 100 clauses in 30 languages, 70% not English, written by another
// writer who had read neither the rules nor the first set; these 7 were wrong before this test.
TEST_CASE("held-out clauses, second set: split 'only ... if', compounds, opt-outs in other languages", "[stance]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Wij gebruiken uw gegevens alleen voor het trainen van AI-modellen als u daar uitdrukkelijk toestemming voor geeft.", "C"},
      {"Kami hanya akan menggunakan data Anda untuk melatih model AI jika Anda memberikan persetujuan.", "C"},
      {"If you do not want your content used to train our generative AI, you can submit an objection form through our Privacy Center.", "O"},
      {"お客様の入力内容はAIモデルの改善に利用されますが、設定画面からいつでもこの利用を停止できます。", "O"},
      {"입력하신 내용은 AI 모델 개선에 활용되며, 설정 메뉴에서 언제든지 이를 거부하실 수 있습니다.", "O"},
      {"Käytämme keskustelujasi oletusarvoisesti tekoälymalliemme parantamiseen, mutta voit kieltää tämän asetuksista.", "O"},
      {"利用者は、本サービスの出力を利用して、競合するAIモデルを開発してはなりません。", "U"},
  };
  each_labelled(cases);
}

// A third held-out set: 90 long clauses in legal register (35 to 90 words, 14 languages), written
// by someone who had read neither the rules nor the earlier sets; 22 were wrong before this test,
// these among them (several reversed).
TEST_CASE("held-out legal clauses: subordinate clauses, non-exclusive licences, numbered purposes, data not the reader's", "[stance]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Although we use automated tools, including machine learning classifiers, to detect spam and malware in messages transmitted through the Platform, those tools are trained solely on publicly available and licensed datasets, and we do not use the content of your messages, attachments or contacts to train or improve those classifiers or any other artificial intelligence model.", "P"},
      {"For the avoidance of doubt, while Provider does not use Customer Content to train generative models capable of reproducing such content, Provider may use Customer Content and metadata derived from it to train and improve classification and ranking models used across the Services, including spam filters and search relevance algorithms, provided that such models do not expose Customer Content to other customers.", "Y"},
      {"Save as instructed in writing by Controller, Processor shall process Personal Data solely for the purposes set out in Schedule 1, which for the avoidance of doubt exclude the training, fine-tuning or evaluation of artificial intelligence models, and any such processing shall require a separate written instruction from Controller specifying the datasets, models and retention period concerned.", "C"},
      {"Company will use Customer Data only as necessary to provide the Services and will not use Customer Data to develop or train artificial intelligence models except where Customer has elected to participate in a beta program whose terms expressly provide for such use, such election to be made by an Authorized Administrator in a signed Order Form or written amendment referencing this Section 5.3.", "C"},
      {"The Customer may, at its sole discretion and by written notice, authorise the Supplier to use specified categories of Customer Data to train or fine-tune machine learning models, and absent such authorisation the Supplier shall not use any Customer Data for those purposes, provided that any such authorisation shall specify the permitted models and retention period and may be revoked on thirty (30) days' notice.", "C"},
      {"Subject to Section 8.2, Company may use Customer Content to develop and train its artificial intelligence models; provided, however, that Customer may elect to exclude its Customer Content from such use by sending written notice to the privacy contact designated in the Order Form, in which case Company shall cease such use within sixty (60) days, without affecting models already trained prior to the effective date of such notice.", "O"},
      {"Der Nutzer räumt dem Anbieter ein zeitlich und räumlich unbeschränktes, nicht ausschließliches Nutzungsrecht an den hochgeladenen Inhalten ein, das insbesondere (i) die Speicherung und Vervielfältigung zur Erbringung der Dienste, (ii) die Analyse zur Fehlerbehebung sowie (iii) die Nutzung zum Training und zur Weiterentwicklung der KI-Modelle des Anbieters umfasst, vorbehaltlich der Regelungen zum Datenschutz in Abschnitt 9.", "Y"},
      {"Nonobstant toute stipulation contraire, le Prestataire s'interdit d'utiliser les Données Client, y compris les Requêtes et les Résultats, pour entraîner, affiner ou améliorer tout modèle d'intelligence artificielle ou d'apprentissage automatique, qu'il lui appartienne ou appartienne à un tiers, étant précisé que cette interdiction s'applique également aux données pseudonymisées ou agrégées et survivra à la résiliation du Contrat.", "P"},
      {"Vous concédez à la Société une licence mondiale, non exclusive et gratuite lui permettant d'utiliser, de reproduire et d'analyser les Contenus que vous publiez aux fins (i) de fournir et sécuriser le Service, (ii) de mesurer son audience et (iii) de développer et d'entraîner ses modèles d'intelligence artificielle, et ce pour toute la durée de protection des droits de propriété intellectuelle concernés.", "Y"},
      {"Le Sous-traitant ne traite les Données à caractère personnel que sur instruction documentée du Responsable du traitement et, en particulier, ne les utilise à des fins d'entraînement de systèmes d'intelligence artificielle qu'à la condition que le Responsable du traitement y ait préalablement et expressément consenti par écrit, ce consentement pouvant être retiré à tout moment conformément à l'article 8.2.", "C"},
      {"Podremos compartir datos seudonimizados sobre el uso de la aplicación, incluidas las interacciones con el asistente virtual, con nuestros socios tecnológicos, quienes podrán utilizarlos para desarrollar y entrenar sus propios modelos de aprendizaje automático, siempre que se comprometan contractualmente a no reidentificar a los usuarios y a aplicar las medidas de seguridad descritas en la Sección 7.", "Y"},
      {"Door Content te uploaden verleent de Gebruiker aan Aanbieder een wereldwijde, niet-exclusieve en kosteloze licentie om die Content te gebruiken, te verveelvoudigen en te analyseren ten behoeve van (i) het leveren van de Dienst, (ii) het voorkomen van misbruik en (iii) het ontwikkelen en trainen van de algoritmen en AI-modellen van Aanbieder, onverminderd de rechten van de Gebruiker op grond van de AVG.", "Y"},
      {"当社は、利用者が本サービスに入力した情報及び本サービスの利用履歴を、特定の個人を識別できない形式に加工した上で、(i)本サービスの品質向上、(ii)統計資料の作成、並びに(iii)当社の人工知能モデルの学習及び精度向上の目的で利用することができるものとし、当該加工の方法については第8条に定めるところによります。", "Y"},
      {"尽管有第6.2条的约定，服务提供方不得将客户数据（包括但不限于用户输入、上传文件及生成内容）用于训练、微调或优化任何人工智能或机器学习模型，无论该等数据是否已经匿名化、去标识化或汇总处理，且服务提供方应确保其分包商承担同等义务；但为向客户提供本服务所必需的处理不受此限。", "P"},
  };
  each_labelled(cases);
}

// A fourth held-out set: 110 clauses in 26 languages (6 December 2026), written by someone who had
// read neither the rules nor the earlier sets; 21 were wrong before this test (5 reversed), these
// among them. Labels as their writer gave them ("N": no training predicate).
TEST_CASE("held-out clauses, fourth set: concessive clauses, list items, asides, conditions after a ban", "[stance]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Our foundation models are trained on licensed datasets and on text that is publicly available on the internet. We don't add the files, prompts or outputs from your workspace to those training sets, and that's true for every plan, including the free one.", "P"},
      {"4.3 Restrictions. Processor shall not: (a) sell, rent or lease Customer Data; (b) combine Customer Data with personal data obtained from other sources, except as instructed by Controller; (c) use Customer Data, Prompts or Outputs to train, fine-tune, benchmark or otherwise improve any machine learning model; or (d) disclose Customer Data other than as permitted under Section 6.", "P"},
      {"Our third-party large language model providers are contractually barred from training on the inputs we send them. We ourselves, however, may use those inputs, together with the ratings and corrections you give on the outputs, to fine-tune and evaluate our own models.", "Y"},
      {"To the extent permitted by applicable law, and subject to the safeguards described in Section 9 (Security), we may combine Customer Content with data from other customers, aggregate it so that no individual customer can be identified, and use the aggregated data to train and improve the machine learning features of the Platform.", "Y"},
      {"If your account administrator has enrolled the organisation in the Product Improvement Program, the content users create in the workspace, including prompts and generated outputs, may be used to train our models. Administrators give or withdraw this permission on behalf of every user in the organisation; individual users cannot change it themselves.", "C"},
      {"Our base models are trained exclusively on licensed corpora and on publicly available data. Customer Data is not added to those training sets unless Customer expressly directs us to do so in an Order Form or in a Data Use Addendum signed by both parties.", "C"},
      {"We won't use your files to train our models if you've switched off the \"Improve AI for everyone\" setting; please note that this setting is on by default for personal accounts and has to be turned off separately on each device you use.", "O"},
      {"As between you and us, you own the Output. That ownership does not, however, permit you to use the Output to train other artificial intelligence models in breach of Section 3.4, and we may suspend your API access if we reasonably believe you are doing so.", "U"},
      {"All personnel with access to Customer Data complete mandatory security and privacy training at onboarding and at least annually thereafter, including a module on the responsible use of generative AI tools, and are bound by written confidentiality obligations that survive the end of their employment.", "N"},
      {"Our models are trained on publicly available text and on datasets we license from third-party publishers. We process Customer Data to provide, maintain and support the Services, as described in the Data Processing Addendum.", "N"},
      {"Unsere Basismodelle werden ausschließlich mit lizenzierten und öffentlich zugänglichen Daten trainiert. Kundendaten verarbeitet der Auftragsverarbeiter hingegen nur nach dokumentierter Weisung des Verantwortlichen; eine Verwendung dieser Daten zum Training, zur Feinabstimmung oder zur sonstigen Verbesserung von KI-Modellen des Auftragsverarbeiters oder Dritter findet nicht statt, es sei denn, dies ist zur Erbringung der vereinbarten Leistungen gegenüber dem Kunden zwingend erforderlich.", "P"},
      {"O Usuário não poderá utilizar os Resultados, nem qualquer parte do Serviço, para desenvolver, treinar ou aperfeiçoar modelos de aprendizado de máquina que concorram com os produtos da Empresa, tampouco poderá permitir que terceiros o façam.", "U"},
      {"Om du inte aktivt väljer bort det kan vi använda dina konversationer med assistenten för att träna och förbättra våra AI-modeller. Du kan när som helst stänga av detta under Inställningar > Datakontroller, och ändringen gäller då för alla nya konversationer.", "O"},
      {"Vores sprogmodeller er trænet på licenserede datasæt og offentligt tilgængelige tekster. Vi bruger ikke de filer, prompts eller svar, der ligger i dit arbejdsområde, til at træne eller finjustere modellerne – hverken mens du er kunde, eller efter at dit abonnement er ophørt.", "P"},
      {"Kundedata må kun anvendes til at forbedre eller træne Leverandørens modeller, hvis Kunden forudgående og skriftligt har givet samtykke hertil, og et sådant samtykke kan til enhver tid tilbagekaldes med virkning for fremtiden.", "C"},
      {"Selv om vi ikke deler innholdet ditt med annonsører, kan vi bruke samtalene dine med assistenten, sammen med tilbakemeldingene du gir på svarene, til å trene og forbedre modellene våre, også etter at du har slettet den enkelte samtalen fra historikken.", "Y"},
      {"お客様の組織の管理者が「製品改善プログラム」を有効にした場合に限り、ワークスペース内で作成されたプロンプトおよび生成結果は、当社のAIモデルの学習に利用されることがあります。管理者は、組織内のすべてのユーザーに代わってこの設定を変更することができ、個々のユーザーが変更することはできません。", "C"},
      {"Ані ми, ані наші субпідрядники не використовуємо Дані клієнта для навчання чи вдосконалення моделей штучного інтелекту; обробка здійснюється виключно з метою надання Послуг відповідно до Договору.", "P"},
      {"Kişisel verilerinizi üçüncü taraflara satmıyor olsak da, toplantı kayıtlarınızı ve dökümlerinizi, doğrudan kimliğinizi belirleyen bilgilerden arındırdıktan sonra, yapay zekâ modellerimizi eğitmek ve hizmetin kalitesini artırmak amacıyla kullanabiliriz.", "Y"},
      {"Bằng việc tải Nội dung lên Dịch vụ, bạn cấp cho Công ty quyền sử dụng Nội dung đó trên phạm vi toàn cầu, không độc quyền, miễn phí, vô thời hạn và không thể hủy ngang, để sao chép, chỉnh sửa và sử dụng cho bất kỳ mục đích nào, bao gồm cả việc huấn luyện các mô hình học máy.", "Y"},
      {"אלא אם תבחרו לבטל זאת, אנו עשויים להשתמש בשיחות שלכם עם העוזר הדיגיטלי כדי לאמן ולשפר את המודלים שלנו. ניתן לבטל את השימוש בכל עת דרך הגדרות הפרטיות בחשבון, והביטול יחול על שיחות עתידיות.", "O"},
      {"Παρότι δεν πωλούμε τα προσωπικά σας δεδομένα, ενδέχεται να χρησιμοποιούμε τις συνομιλίες σας με τον ψηφιακό βοηθό, αφού αφαιρέσουμε τα άμεσα αναγνωριστικά στοιχεία, για την εκπαίδευση και τη βελτίωση των μοντέλων μας.", "Y"},
  };
  each_labelled(cases);
}

// A fifth held-out set: 100 clauses in 22 less-covered languages (6 December 2026), written by
// someone who had read neither the rules nor the earlier sets; 21 were wrong before this test,
// these among them.
TEST_CASE("held-out clauses, fifth set: a negation that is the condition of a way out, non-exclusive licences, concessive clauses", "[stance]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"نستخدم المحادثات التي تجريها مع المساعد الذكي لتحسين نماذجنا، ما لم تختر إيقاف ذلك من خلال إعدادات الخصوصية في حسابك.", "O"},
      {"אין להשתמש בשירות או בתוצרים שהופקו באמצעותו כדי לפתח, לאמן או לשפר מודלים של בינה מלאכותית המתחרים בשירות.", "U"},
      {"Kurumsal hesaplarda, yönetici Yönetim Paneli üzerinden \"Model İyileştirme\" seçeneğini devre dışı bırakmadığı sürece, kuruluşunuza ait veriler modellerimizin eğitilmesi ve iyileştirilmesi için kullanılabilir.", "O"},
      {"Pokud používáte bezplatnou verzi, můžeme vaše konverzace využít ke zlepšení našich modelů; toto použití můžete kdykoli zakázat vypnutím příslušné volby v nastavení soukromí.", "O"},
      {"A Tartalom feltöltésével Ön világszerte érvényes, nem kizárólagos, jogdíjmentes, átruházható és allicencbe adható felhasználási jogot biztosít számunkra a Tartalom bármely célra történő felhasználására, ideértve a gépi tanulási modellek tanítását és fejlesztését is. E felhasználási jog a fiók megszüntetését követően is fennmarad azon Tartalmak tekintetében, amelyeket már felhasználtunk.", "Y"},
      {"Незважаючи на те, що ми не продаємо ваші персональні дані, ми можемо використовувати знеособлені дані про ваші запити та взаємодію із Сервісом для навчання й удосконалення наших моделей машинного навчання.", "Y"},
      {"Якщо адміністратор вашої організації не вимкнув відповідний параметр у консолі керування, дані робочого простору можуть використовуватися для покращення наших моделей штучного інтелекту.", "O"},
      {"Naši jezični modeli trenirani su na licenciranim skupovima podataka trećih strana i na sintetičkim podacima koje generiramo interno.", "N"},
      // "alleen ... als ... toestemming" split over the clause (held-out diff round 4, Klantwijs).
      {"Klantwijs gebruikt chatgesprekken alleen om de taalmodellen achter AI-antwoorden te trainen en te verbeteren als de bezoeker daarvoor aan het begin van het gesprek toestemming heeft gegeven.", "C"},
      // Without a negation, "without further consent" asks for none (written variant).
      {"We may use aggregated data derived from your use of the Service to train our models without further consent.", "Y"},
  };
  each_labelled(cases);
  // "You cannot opt out" has no "if": it is no way out (written variant).
  const auto r = stance("Individual users cannot opt out of the use of their chats to train our models.");
  REQUIRE(r.found);
  CHECK_FALSE(r.opt_out);
}

// The reader as the subject of a second verb ("Licensee shall use ... and shall not use ... to
// train"), from the held-out legal clauses; the vendor's own second verb stays its promise.
// Vendors' own clauses from Open Terms Archive copies (TikTok's French privacy policy, Mistral AI's
// commercial terms; stored 2025-2026), scored on 6 December 2026 before these fixes: each was
// read the wrong way round. With written variants of the same collisions: every vocabulary is
// searched in every text, so one language's negation must not be another's everyday word
// (English "don't" spelt without its apostrophe is French "dont", whose; Catalan "gens" is French
// "gens", people; Finnish "este-" is Spanish and Romanian "este", this / is; Tajik "на-" is Russian
// "набор", "нашу"; Romanian "nu" is Dutch "nu", now; Italian "mai" is Romanian "mai", more).
TEST_CASE("one language's negation is not another's everyday word", "[stance]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Nous utilisons les informations dont nous disposons pour comprendre comment les gens utilisent la Plateforme et pour développer, tester et améliorer la Plateforme, notamment pour développer et améliorer notre technologie, comme nos modèles et algorithmes d’apprentissage automatique.", "Y"},
      {"Examiner, améliorer et développer la Plateforme, notamment en surveillant les interactions et l’utilisation sur vos appareils, en analysant la façon dont les gens l’utilisent, et en formant, en testant et en améliorant notre technologie, comme nos modèles et algorithmes d’apprentissage automatique.", "Y"},
      {"Este contenido se utiliza para entrenar nuestros modelos de IA.", "Y"},
      {"Conținutul dumneavoastră este utilizat pentru a antrena modelele noastre de inteligență artificială.", "Y"},
      {"Folosim datele dumneavoastră pentru a antrena mai bine modelele noastre de inteligență artificială.", "Y"},
      {"Мы используем набор данных для обучения наших моделей.", "Y"},
      {"Мы можем использовать вашу информацию, чтобы обучать нашу модель искусственного интеллекта.", "Y"},
      {"Wij gebruiken uw gesprekken nu ook om onze AI-modellen te trainen.", "Y"},
      {"Tietojasi estetään käyttämästä tekoälymallien kouluttamiseen.", "P"},
      {"Clientul nu va utiliza datele pentru a antrena modele de inteligență artificială.", "U"},
      {"We don't use your content to train our AI models.", "P"},
      // Italian "nei" (in the) is no Lithuanian "nei"; English "keen" no Luxembourgish "keen";
      // Bulgarian "ни" (us) no Russian "ни"; Polish "tak" (so, yes) no Indonesian "tak".
      {"I dati contenuti nei messaggi vengono usati per addestrare i nostri modelli di intelligenza artificiale.", "Y"},
      {"We are keen to use your feedback to train our models.", "Y"},
      {"Вие ни предоставяте лиценз да използваме съдържанието ви за обучение на нашите модели за изкуствен интелект.", "Y"},
      {"Kami tak akan menggunakan data Anda untuk melatih model AI.", "P"},
      {"Wij verkopen noch delen uw gegevens en gebruiken ze niet om AI-modellen te trainen.", "P"},
      // Portuguese "no" (in the) is no Spanish or English "no".
      {"Usamos seus dados no treinamento de nossos modelos de IA.", "Y"},
      // Hungarian "harmadik" (third) is no Turkish "-madı"; Hungarian "sem" (neither) no
      // Portuguese "sem" (without); French "supprimez" (delete) no Turkish "-mez".
      {"Tartalmait harmadik felek modelljeinek betanítására is felhasználhatjuk.", "Y"},
      {"A Szolgáltató sem a saját, sem harmadik fél mesterségesintelligencia-modelljeinek betanítására nem használja fel az Ügyféladatokat.", "P"},
      {"Não usaremos seus dados para treinar modelos de IA sem o seu consentimento.", "C"},
      {"Si vous supprimez l'enregistrement, nous l'utilisons quand même pour entraîner nos modèles d'IA.", "Y"},
      {"Şirket müşteri verilerini yapay zeka modellerini eğitmek için kullanmaz.", "P"},
      // Hungarian puts the purpose before the negated verb: "X-re nem használjuk" (we do not use
      // for X); the "nem" after the training word negates it (class neg_after).
      {"Az Ügyféladatokat mesterséges intelligencia modellek betanítására nem használjuk fel.", "P"},
      {"Az Ön adatait a modelljeink fejlesztésére nem használjuk.", "P"},
      {"Tartalmait nem használjuk fel modelljeink betanítására.", "P"},
  };
  each_labelled(cases);
}

// Vendors' clauses from Open Terms Archive copies (Perplexity's privacy policy, Cursor's, Doubao's
// 隐私政策, Mistral AI's commercial terms), scored on 6 December 2026: missed or read the wrong way
// round before these steps.
TEST_CASE("real vendors' clauses: models in the list an improve word opens, training data, a way out in Chinese, training named outright", "[stance]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Improve or create services and products, including our AI models.", "Y"},
      {"We improve our products and services, including our customer support processes.", "N"},
      {"All cached file contents are temporary, never permanently stored, and never used as training data when privacy mode is enabled.", "P"},
      {"b.在经安全加密技术处理、严格去标识化且无法重新识别特定个人的前提下，我们可能会将您向AI输入的数据、发出的指令以及AI相应生成的回复、您对产品的访问和使用情况进行分析和用于模型训练，以不断调整优化模型效果和产品体验。", "Y"},
      {"如果您不希望您输入或提供的语音信息用于模型训练和优化，可以通过关闭“设置”-“账号设置”-“改进语音服务”来撤回您的授权。", "O"},
      {"4.1. Providing the Mistral AI Products. Customer grants Mistral AI a worldwide, non-exclusive, non-transferable (except as permitted in Section 14.2 (Assignment)), royalty-free, fully-paid license (with the right to sublicense to our service providers) to use Customer Data and Outputs for the purposes of (a) providing, maintaining, and optimizing the Mistral AI Products, which includes debugging, assessing, reviewing, and correcting the performance of the Mistral AI Products but excludes model training, and (b) performing our obligations under these Terms or the Additional Terms.", "P"},
  };
  each_labelled(cases);
}

// Written variants (6 December 2026) of a word order the held-out sets had not shown: the purpose
// inside the clause, before its verb, and the negated verb of use closing it. Each was read as
// permitting training, the wrong way round.
TEST_CASE("a purpose before the verb, and the negated verb of use closing the clause", "[stance]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Ihre Daten werden zum Training unserer KI-Modelle nicht verwendet.", "P"},
      {"Uw gegevens worden voor het trainen van AI-modellen niet gebruikt.", "P"},
      {"Dane klientów do trenowania modeli AI nie są wykorzystywane.", "P"},
      {"Данные клиентов для обучения моделей ИИ не используются.", "P"},
      {"Vaše data k trénování modelů umělé inteligence nepoužíváme.", "P"},
      {"Sus datos para el entrenamiento de modelos de IA no se utilizan.", "P"},
      {"Dine data til træning af AI-modeller bruges ikke.", "P"},
      // The training as the clause's subject, and a vendor who refrains.
      {"Training of our AI models does not use your content.", "P"},
      {"Training data for our models does not include your recordings.", "P"},
      {"We refrain from using your data to train AI models.", "P"},
      {"Training our models uses your content unless you opt out.", "O"},
      // Verb-second languages put the "not" after the vendor's own training verb; "not only"
      // is no negation.
      {"Wir trainieren unsere KI-Modelle nicht mit Ihren Daten.", "P"},
      {"Wij trainen onze AI-modellen niet met uw gegevens.", "P"},
      {"Vi tränar inte våra AI-modeller på dina data.", "P"},
      {"Wir trainieren unsere KI-Modelle nicht nur mit öffentlichen Daten, sondern auch mit Ihren Inhalten.", "Y"},
      {"Nie trenujemy naszych modeli AI na Twoich danych.", "P"},
      {"Ihre Daten werden zum Training unserer KI-Modelle verwendet, die nicht öffentlich sind.", "Y"},
      {"We use your data to train models that do not store it.", "Y"},
  };
  each_labelled(cases);
}

// DeepSeek's terms of 27 March 2026 (Open Terms Archive) point to a page "to clarify the
// foundation model's training process and content generation mechanisms" and say "If you would
// like to learn more about our model mechanism or training methods, please refer to ...": how
// models are trained, named as a topic, says nothing of anyone's data (class training_method).
// Written variants keep the training where the clause brings data or a use to it, and the
// training as the subject of a noun phrase ("Our AI model training does not use ...") is negated
// by its own verb.
TEST_CASE("how models are trained, named as a topic, is no training stance, and training as a noun phrase subject is negated by its verb", "[stance]") {
  each_labelled({
      {"If you would like to learn more about our model mechanism or training methods, please refer to the Model Mechanism and Training Methods of DeepSeek.", "N"},
      {"We publish the page \"Model Mechanism\" to clarify the foundation model's training process and content generation mechanisms, helping you understand AI technology and guard against various risks that may arise from misuse or improper use.", "N"},
      {"Pour en savoir plus sur nos méthodes d'entraînement des modèles, consultez cette page.", "N"},
      {"我们将说明模型的训练方法和数据来源。", "N"},
      {"We use your data in our training process to improve our models.", "Y"},
      {"Your content is never part of our model training process.", "P"},
      {"Nous n'utilisons pas vos contenus dans le processus d'entraînement de nos modèles.", "P"},
      {"Our model training process does not use your content.", "P"},
      {"Our AI model training does not use your content.", "P"},
      {"Model training never uses your meeting content.", "P"},
      {"Our AI model training uses your content.", "Y"},
      // "We" makes the vendor the subject: the "not" belongs to another verb.
      {"We train our AI models on the conversations you share with us and do not use them for advertising.", "Y"},
  });
}

// A held-out set of real clauses from 24 vendors never used before (6 December 2026, afternoon)
// showed these: Qwen's terms ("User Content that is not personal data to develop and improve our
// machine-learning ... technologies", read as a ban), Airbnb's French privacy policy ("si vous ne
// souhaitez pas qu'Airbnb utilise vos données personnelles pour développer et améliorer les
// modèles", read as a ban on you; "technologies d'IA que nous développons et améliorons en
// utilisant vos données personnelles", missed), Stability AI's terms ("you can opt-out to prevent
// us from using your Inputs and Outputs to train our models", read as a ban on you), Parship's
// French policy ("à des fins de formation de nos systèmes d'intelligence artificielle", missed).
// Written variants beside them.
TEST_CASE("a data description's 'not', both halves of a negated wish, an opt-out's effect, a relative clause that improves the models", "[stance]") {
  each_labelled({
      {"You hereby expressly authorise and consent to us: (i) using and storing User Content that is not personal data to develop and improve our machine-learning and artificial-intelligence technologies; and (ii) processing and storing such User Content outside of the jurisdiction where you are using the Services;", "Y"},
      {"We use content that is not personal data to train our models.", "Y"},
      {"We do not use content that is personal data to train our models.", "P"},
      {"Nous utilisons les contenus qui ne sont pas des données personnelles pour entraîner nos modèles.", "Y"},
      {"En outre, si vous ne souhaitez pas qu'Airbnb utilise vos données personnelles pour développer et améliorer les modèles d'IA, vous pouvez vous y opposer.", "O"},
      {"If you do not want us to use your data to train our models, you can opt out in Settings.", "O"},
      {"As described in our Privacy Policy, we may use Inputs and Outputs to improve and develop our Services (but you can opt-out to prevent us from using your Inputs and Outputs to train our models, learn more), comply with applicable law, enforce our terms and policies, and to keep our Services safe.", "O"},
      {"You can opt out to prevent us from using your content to train our models.", "O"},
      {"Cela comprend le recours aux technologies d'IA que nous développons et améliorons en utilisant vos données personnelles.", "Y"},
      {"This includes the use of AI technologies that we develop and improve using your personal data.", "Y"},
      {"Dazu gehören KI-Technologien, die wir mithilfe Ihrer personenbezogenen Daten entwickeln und verbessern.", "Y"},
      {"We use AI models that we do not improve with your data.", "P"},
      {"Our AI features, which we offer to all customers, help you improve your meetings.", "N"},
      {"We use AI tools that we buy from vendors to improve your experience.", "N"},
      {"Le cas échéant, anonymisation en amont des ensembles de données à des fins de formation de nos systèmes d'intelligence artificielle.", "Y"},
      {"Nous ne formons pas nos modèles sur vos données.", "P"},
      {"La formation de nos équipes est obligatoire.", "N"},
      // Together AI's terms: models described by who trained them.
      {"The Company may grant you infrastructure on which you access, modify, or otherwise use models trained by third parties and/or with third-party data (collectively, \"Third-Party Models\").", "N"},
      {"We offer models trained by us on your data.", "Y"},
  });
}

// The fifth held-out set's remaining misses (clauses in less-covered languages, 6 December 2026):
// a case ending after an apostrophe, a condition in another sentence, a Finnish negation with an
// adverbial before its verb, and an exception for running the service, with English variants.
TEST_CASE("an exception for running the service keeps the ban, and a condition in another sentence is that sentence's", "[stance]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Şirket, Müşteri Verilerini, hizmetin sunulması için zorunlu olan işlemler dışında, kendi yapay zekâ modellerini veya üçüncü taraf model sağlayıcılarının modellerini eğitmek ya da iyileştirmek amacıyla hiçbir koşulda kullanmaz. Müşteri Verileri, yalnızca Müşteri'nin belgelenmiş talimatları doğrultusunda işlenir ve abonelik sona erdiğinde, yasal saklama yükümlülükleri saklı kalmak kaydıyla, 30 gün içinde silinir.", "P"},
      {"Palveluun tallentamaasi sisältöä ei missään olosuhteissa käytetä omien tai kolmansien osapuolten koneoppimismallien opettamiseen tai parantamiseen, paitsi siltä osin kuin se on välttämätöntä palvelun tarjoamiseksi sinulle. Sisältö säilyy omaisuutenasi, ja käsittelemme sitä ainoastaan dokumentoitujen ohjeidesi mukaisesti tietojenkäsittelysopimuksessa sovitulla tavalla.", "P"},
      {"We do not use your content to train models except as necessary to provide the service.", "P"},
      {"We do not use your content to train models, except where required to operate the service.", "P"},
      {"We do not use your content to train models except with your permission.", "C"},
      {"We do not use your content to train our models. Only if you opt in to the beta programme do we keep your feedback.", "P"},
      {"Alapmodelljeinket nyilvánosan elérhető és licencelt adatokon tanítjuk. Az Ön által feltöltött tartalmakat kizárólag akkor használjuk fel modelljeink fejlesztésére és betanítására, ha ehhez a fiókbeállításokban kifejezetten hozzájárult; a hozzájárulás bármikor visszavonható.", "C"},
  };
  each_labelled(cases);
}

TEST_CASE("a ban in the second verb of a clause the reader opens is a ban on the reader", "[stance]") {
  each_labelled({
      {"Licensee shall use the Dataset solely for internal, non-commercial research purposes and shall not use the Dataset, or any portion thereof, to train, fine-tune or benchmark any machine learning model that is made commercially available, nor redistribute the Dataset to any third party, notwithstanding any rights Licensee may otherwise have under applicable copyright exceptions.", "U"},
      {"The Subscriber agrees that the Licensed Content, including articles, headlines and photographs, is provided for the Subscriber's personal reading only and may not be copied, cached, indexed or otherwise used in connection with the training, fine-tuning, grounding or prompting of any generative artificial intelligence model, whether by the Subscriber or any person acting on its behalf.", "U"},
      {"We shall use your content to provide the Service and shall not use it to train our models.", "P"},
  });
}

// Written variants: the subject of a condition that opens the sentence is not the one barred.
TEST_CASE("the reader named in an opening condition is not barred by the ban after it", "[stance]") {
  const auto in = stance("Unless you opt in, your content is not used to train our models.");
  CHECK(in.stance == "permits_with_consent");
  CHECK_FALSE(in.users_only);
  const auto out = stance("Unless you opt out, your recordings are used to train our models.");
  CHECK(out.stance == "permits");
  CHECK(out.opt_out);
  // A ban on the reader still is one.
  CHECK(stance("You may not use the output to train models that compete with us.").users_only);
  // "model improvement": the model word first, as in German and Dutch.
  const auto noun = stance("You can opt out of having your conversations used for model improvement at any time.");
  CHECK(noun.stance == "permits");
  CHECK(noun.opt_out);
}

TEST_CASE("a choice made before a ban is an opt-out: by default it trains", "[stance]") {
  // OpenAI's privacy policy, "Data controls" (updated 24 August 2026; Open Terms Archive,
  // genai-contrib-versions, "ChatGPT/Privacy Policy.md").
  const auto r = stance("If you enable Temporary Chat in ChatGPT, those conversations with ChatGPT will not be used to "
                        "improve OpenAI's models.");
  CHECK(r.stance == "permits");
  CHECK(r.opt_out);
  // Any action of the reader's before the ban, not a state of theirs (written variants).
  CHECK(stance("If you start a private chat, that chat will not be used to improve our models.").stance == "permits");
  CHECK(stance("If you are an Enterprise customer, we do not use your data to train our models.").stance == "prohibits");
  // Using the product is the setting of a promise, not a way out of it.
  CHECK(stance("When you use AI Companion, Zoom does not use your audio, video or chat to train its models.").stance == "prohibits");
  CHECK(stance("If you use the API, we do not train our models on your data.").stance == "prohibits");
  // A choice after the ban is the consent it waits for (written variants).
  CHECK(stance("We will not use your data to train our models unless you opt in.").stance == "permits_with_consent");
  CHECK(stance("If you opt in, we may use your recordings to train our AI models.").stance == "permits_with_consent");
}

TEST_CASE("opt-out, opt-in, only with consent, except", "[stance]") {
  // OpenAI Terms of Use (EU), "Opt out" (Open Terms Archive, genai-eu-versions).
  const auto out = stance("Opt out. If you do not want us to use your Content to train our models, you have the option to opt out "
                          "by updating your account settings.");
  REQUIRE(out.found);
  CHECK(out.stance == "permits");
  CHECK(out.opt_out);
  CHECK(stance("We use your conversations to train our models unless you opt out in Settings.").opt_out);
  CHECK(stance("We do not use your data to train our models unless you opt in.").stance == "permits_with_consent");
  CHECK(stance("Your recordings are used to improve our AI models only with your explicit consent.").stance ==
        "permits_with_consent");
  // Mistral AI Terms of Service, "How we use Your Data": the exceptions are where it trains.
  CHECK(stance("We do not use Your Data to train our artificial intelligence models except when you use our free products.")
            .stance == "permits");
  // A negated opt-in is no condition ("does not opt in to using" is a flat no).
  CHECK(stance("Notetake does not opt in to using your recordings, notes or transcripts to train AI models.").stance ==
        "prohibits");
}

TEST_CASE("de-identified or aggregated data is still training", "[stance]") {
  // Otter.ai privacy policy (effective 1 September 2024, as quoted): training on de-identified audio.
  const auto r = stance("We train our proprietary artificial intelligence technology on de-identified audio recordings.");
  REQUIRE(r.found);
  CHECK(r.stance == "permits");
  CHECK(r.deidentified);
  const auto before = stance("We de-identify data before training our models.");
  REQUIRE(before.found);
  CHECK(before.stance == "permits");
}

TEST_CASE("a ban on users training AI on the output says nothing about your data", "[stance]") {
  const auto r = stance("You may not use the output of the Services to train any artificial intelligence model.");
  REQUIRE(r.found);
  CHECK(r.users_only);
  // Passive voice: "your content is not used" is the vendor's use, not a ban on you.
  CHECK_FALSE(stance("Your notes are never used to train any AI model.").users_only);
  CHECK(stance("Your notes are never used to train any AI model.").stance == "prohibits");
}

TEST_CASE("'your data is not used' is the vendor's promise in every language, and the user's ban stays one", "[stance]") {
  // A possessive before the negation ("Ihre Daten ... nicht", "Vos données ne") is no subject:
  // these were read as bans on users, and the promise was dropped (written variants of the
  // passive promise in Zoom's terms of 11 August 2023).
  each_promises_no_training({"Vos données ne sont pas utilisées pour entraîner nos modèles d'IA.",
                           "Tus datos no se utilizan para entrenar nuestros modelos de IA.",
                           "Ihre Daten werden nicht zum Trainieren unserer KI-Modelle verwendet.",
                           "Uw gegevens worden niet gebruikt om onze AI-modellen te trainen.",
                           "Dina data används inte för att träna våra AI-modeller.",
                           "Ваши данные не используются для обучения наших моделей ИИ.",
                           "I tuoi dati non vengono utilizzati per addestrare i nostri modelli di IA.",
                           "Os seus dados não são utilizados para treinar os nossos modelos de IA.",
                           "Twoje dane nie są wykorzystywane do trenowania naszych modeli AI.",
                           "Vaše data nejsou použita k trénování našich modelů AI.",
                           "Tietojasi ei käytetä tekoälymallien kouluttamiseen.",
                           "您的数据不会被用于训练我们的AI模型。"});
  // The user named as the one barred is still a ban on users.
  for (const char* text : {"Vous ne pouvez pas utiliser les résultats pour entraîner des modèles d'IA.",
                           "Sie dürfen die Ausgaben nicht verwenden, um KI-Modelle zu trainieren.",
                           "Je mag de output niet gebruiken om AI-modellen te trainen."}) {
    CAPTURE(text);
    CHECK(stance(text).users_only);
  }
}

TEST_CASE("a condition is consent only where it names a yes", "[stance]") {
  // A state of the reader's or the law's leave sets the scene; it asks no one (written variants
  // of OpenAI's business-customer promise, privacy policy of 24 August 2026).
  CHECK(stance("Provided that you are a business customer, we will not use your data to train our models.").stance ==
        "prohibits");
  CHECK(stance("À condition que vous soyez un client professionnel, nous n'utilisons pas vos données pour entraîner nos "
               "modèles.").stance == "prohibits");
  CHECK(stance("We use your data to train our models only where permitted by law.").stance == "permits");
  // A yes in the condition or right after it is consent.
  CHECK(stance("Provided that you consent, we may use your recordings to train our models.").stance == "permits_with_consent");
  CHECK(stance("We only use your data to train our models after you opt in.").stance == "permits_with_consent");
  CHECK(stance("We will not use your data to train our models, provided that you have not opted in.").stance ==
        "permits_with_consent");
  CHECK(stance("Wir verwenden Ihre Daten nur dann zum Training unserer KI-Modelle, wenn Sie zustimmen.").stance ==
        "permits_with_consent");
}

TEST_CASE("training clauses in more languages of vendors' localised terms", "[stance]") {
  // Written variants of the three stances (Zoom publishes its terms in Vietnamese and
  // Indonesian, among others): these languages had no training words at all, so no clause.
  struct Case {
    const char* text;
    const char* want;
  };
  for (const Case& c : {
           Case{"Chúng tôi không sử dụng nội dung của bạn để đào tạo các mô hình AI của chúng tôi.", "prohibits"},
           Case{"Chúng tôi có thể sử dụng nội dung của bạn để đào tạo các mô hình AI của chúng tôi.", "permits"},
           Case{"Chúng tôi không sử dụng nội dung của bạn để đào tạo mô hình AI mà không có sự đồng ý của bạn.",
                "permits_with_consent"},
           Case{"Kami tidak menggunakan konten Anda untuk melatih model AI kami.", "prohibits"},
           Case{"Konten Anda tidak digunakan untuk melatih model kecerdasan buatan.", "prohibits"},
           Case{"Kami tidak akan menggunakan konten Anda untuk melatih model AI tanpa persetujuan Anda.", "permits_with_consent"},
           Case{"Podem utilitzar el vostre contingut per entrenar els nostres models d'IA.", "permits"},
           Case{"Només utilitzem el vostre contingut per entrenar els nostres models d'IA amb el vostre consentiment.",
                "permits_with_consent"},
           Case{"Nu folosim conținutul dumneavoastră pentru a antrena modelele noastre de IA.", "prohibits"},
           Case{"Το περιεχόμενό σας δεν χρησιμοποιείται για την εκπαίδευση μοντέλων τεχνητής νοημοσύνης.", "prohibits"},
           Case{"Χρησιμοποιούμε το περιεχόμενό σας για την εκπαίδευση των μοντέλων μας μόνο με τη συγκατάθεσή σας.",
                "permits_with_consent"},
           Case{"Felhasználhatjuk a tartalmát MI-modelljeink betanítására.", "permits"},
           Case{"Az Ön tartalmát nem használjuk mesterséges intelligencia modellek betanítására.", "prohibits"},
           Case{"Váš obsah nepoužívame na trénovanie našich modelov AI.", "prohibits"},
           Case{"Вашето съдържание не се използва за обучение на модели с изкуствен интелект.", "prohibits"},
           Case{"لا نستخدم المحتوى الخاص بك لتدريب نماذج الذكاء الاصطناعي إلا بموافقتك.", "permits_with_consent"},
           Case{"قد نستخدم المحتوى الخاص بك لتدريب نماذج الذكاء الاصطناعي الخاصة بنا.", "permits"},
           Case{"איננו משתמשים בתוכן שלך כדי לאמן את מודלי הבינה המלאכותית שלנו.", "prohibits"},
           Case{"אנו משתמשים בתוכן שלך לאימון מודלים רק בהסכמתך.", "permits_with_consent"},
           Case{"เราไม่ใช้ข้อมูลของคุณเพื่อฝึกโมเดล AI ของเรา", "prohibits"},
           Case{"हम आपके डेटा का उपयोग अपने एआई मॉडल को प्रशिक्षित करने के लिए नहीं करते हैं।", "prohibits"},
           Case{"Vaše podatke koristimo za treniranje modela samo uz vašu izričitu privolu.", "permits_with_consent"},
           Case{"Vaše podatke lahko uporabimo za učenje naših modelov umetne inteligence.", "permits"},
           Case{"Mes nenaudojame jūsų duomenų dirbtinio intelekto modelių mokymui.", "prohibits"},
           Case{"Mēs varam izmantot jūsu datus mākslīgā intelekta modeļu apmācībai.", "permits"},
           Case{"Me ei kasuta teie andmeid tehisintellekti mudelite treenimiseks.", "prohibits"},
           Case{"Използваме вашето съдържание за обучение на нашите модели на ИИ само с вашето съгласие.",
                "permits_with_consent"},
       }) {
    CAPTURE(c.text);
    const auto r = stance(c.text);
    REQUIRE(r.found);
    CHECK(r.stance == c.want);
  }
}

TEST_CASE("who is barred: the data's owner is not the subject, a ban in the verb's form is the reader's", "[stance]") {
  // "Customer Content is not used ...": a user word right against a data word owns the data.
  // These were read as bans on users, and the vendor's promise was dropped.
  each_promises_no_training({"Customer Content is not used to train AI models.", "User data is not used to train our AI models.",
                           "Данные клиента не используются для обучения моделей ИИ.",
                           "お客様のデータはAIモデルのトレーニングに使用されません。",
                           "Vi bruger ikke dit indhold til at træne vores AI-modeller.",  // "bruger": uses, not user
                           "لا يتم استخدام بياناتك لتدريب نماذج الذكاء الاصطناعي.",
                           "הנתונים שלך אינם משמשים לאימון מודלים של בינה מלאכותית."});
  // The reader barred by the verb's own form, or named as the topic of a verb-final ban.
  for (const char* text : {"Customers may not use the output to train AI models.",
                           "No puedes utilizar los resultados para entrenar modelos de IA.",
                           "Non puoi utilizzare i risultati per addestrare modelli di IA.",
                           "Nie możesz wykorzystywać wyników do trenowania modeli AI.",
                           "Výstupy nesmíte používat k trénování modelů AI.",
                           "U mag de uitvoer niet gebruiken om AI-modellen te trainen.",
                           "Çıktıları yapay zeka modellerini eğitmek için kullanamazsınız.",
                           "お客様は、出力をAIモデルのトレーニングに使用してはなりません。",
                           "귀하는 출력물을 AI 모델 학습에 사용해서는 안 됩니다.",
                           "لا يجوز لك استخدام المخرجات لتدريب نماذج الذكاء الاصطناعي.",
                           "אינך רשאי להשתמש בפלט כדי לאמן מודלים של בינה מלאכותית.",
                           // "Anda", "bạn", "Ön" are also "your": only the modal ban says who is barred.
                           "Anda tidak boleh menggunakan output untuk melatih model AI.",
                           "Bạn không được phép sử dụng đầu ra để huấn luyện mô hình AI.",
                           "Ön nem használhatja a kimenetet MI-modellek betanítására."}) {
    CAPTURE(text);
    CHECK(stance(text).users_only);
  }
  each_promises_no_training({"Konten Anda tidak akan digunakan untuk melatih model AI kami.",
                             "Nội dung của bạn không được sử dụng để đào tạo mô hình AI.",
                             "Az Ön tartalmát nem használjuk MI-modellek betanítására."});
  // A vendor between the topic and the ban is the one promising.
  CHECK_FALSE(stance("お客様は、当社がお客様のデータをAIモデルのトレーニングに使用しないことに同意します。").users_only);
}

TEST_CASE("a negation that belongs to 'unless you opt out' leaves training on by default", "[stance]") {
  // Russian "не" is also a Tajik negation read on both sides of the verb; Korean "않는 한" is
  // "unless". Both made these bans on users (written variants).
  for (const char* text : {"Мы используем ваш контент для обучения наших моделей ИИ, если вы не откажетесь.",
                           "귀하가 옵트아웃하지 않는 한 당사는 귀하의 콘텐츠를 AI 모델 학습에 사용합니다.",
                           "Utilizamos tu contenido para entrenar nuestros modelos de IA, a menos que te excluyas.",
                           "Vi använder ditt innehåll för att träna våra AI-modeller om du inte väljer bort det."}) {
    CAPTURE(text);
    const auto r = stance(text);
    REQUIRE(r.found);
    CHECK(r.stance == "permits");
    CHECK(r.opt_out);
  }
}

TEST_CASE("a sentence that opens with the purpose negates its main verb", "[stance]") {
  // "To train ..., we do not use ...": the training stands before the negation. These read as
  // "can train" (written variants of Zoom's promise of 11 August 2023).
  for (const char* text : {"To train our AI models, we do not use your recordings.",
                           "For training our AI models, we do not use your recordings.",
                           "Pour entraîner nos modèles d'IA, nous n'utilisons pas vos enregistrements.",
                           "Para entrenar modelos de IA, no usamos tus grabaciones.",
                           "Um unsere KI-Modelle zu trainieren, verwenden wir Ihre Aufnahmen nicht."}) {
    CAPTURE(text);
    CHECK(stance(text).stance == "prohibits");
  }
  // The "not" of something else after the purpose is no ban on training.
  CHECK(stance("To train our models, we use data that does not identify you.").stance == "permits");
  CHECK(stance("To train our models, we use your voice recordings, which are not shared.").stance == "permits");
  // "Tu voz no se utiliza": the Spanish possessive is no subject, as Italian and French "tu" are.
  CHECK_FALSE(stance("Tu voz no se utiliza para entrenar modelos de IA.").users_only);
}

TEST_CASE("AI as the tool that improves something is no training clause", "[stance]") {
  // Product copy of the kind meeting clients show ("Enhance your meetings with AI"): the model
  // word after "with" is the tool, not what gets improved.
  for (const char* text : {"We enhance your meetings with AI.", "Nâng cao trải nghiệm cuộc họp với AI.",
                           "Millora les teves reunions amb IA.", "Améliorez vos réunions grâce à l'IA."})
    CHECK_FALSE(stance(text).found);
  // The models themselves improved, also with the data between verb and object (German order).
  CHECK(stance("We use your content to improve our AI models.").stance == "permits");
  CHECK(stance("Wir verbessern mit Ihren Daten unsere KI-Modelle.").stance == "permits");
  // Verb-final infinitives name the model first (written variants).
  CHECK(stance("Wir nutzen Transkripte, um unsere Spracherkennungsmodelle zu verbessern.").stance == "permits");
  CHECK(stance("文字起こしは、当社の音声認識モデルの改善に使用される場合があります。").stance == "permits");
  CHECK_FALSE(stance("Wir helfen Ihnen, Ihre Meetings mit KI-Modellen zu verbessern.").found);
  // A one-letter preposition of another language is not a tool: "OpenAI's" ends in "s".
  CHECK(stance("Your chats may be used to improve OpenAI's models.").found);
}

TEST_CASE("staff training and improving services are no training predicate", "[stance]") {
  CHECK_FALSE(stance("All employees receive privacy training every year.").found);
  CHECK_FALSE(stance("We use your feedback to improve our services.").found);
}

TEST_CASE("no clause of a document is read as permitting what it forbids", "[stance][engine]") {
  // The hard bar of the issue: zero reversed training answers. A document with both.
  const auto a = engine().analyze(
      "We may use your content to train our models.\n\nWe do not use your audio or video to train AI models.",
      {"", "", "document", ""});
  const auto& fs = a.result["findings"];
  REQUIRE(fs.size() == 2);
  CHECK(fs[0]["stance"] == "permits");
  CHECK(fs[0]["training"] == "yes");
  CHECK(fs[1]["stance"] == "prohibits");
  CHECK(fs[1]["training"] == "no");
}

TEST_CASE("the state of an activity: on, only possible, or over", "[state]") {
  CHECK(state("This meeting is being recorded.") == State::active);
  CHECK(state("Alice started recording") == State::active);
  CHECK(state("Recording paused") == State::stopped);
  CHECK(state("Recording stopped. Processing...") == State::stopped);
  CHECK(state("This meeting is no longer being recorded.") == State::stopped);
  CHECK(state("Cloud storage is full, so the recording stopped") == State::stopped);
  CHECK(state("This meeting is not being recorded.") == State::stopped);
  // Twilio Video's React app, the snackbar after a recording ends (twilio-video-app-react,
  // RecordingNotifications.tsx): a title that says the thing is complete; not "complete" before a
  // noun.
  CHECK(state("Recording Complete") == State::stopped);
  CHECK(state("The transcription is complete.") == State::stopped);
  CHECK(state("Transcription completed") == State::stopped);
  CHECK(state("You have complete control. This meeting is being recorded.") == State::active);
  // Streamlabs Desktop's warning before its limit (ru locale): time left until a deadline says the
  // stream is on; minutes left of a quota say nothing of it.
  CHECK(state("Осталось 10 минут до 8-часового ограничения на трансляцию") == State::active);
  CHECK(state("10 minutes left until the 8-hour streaming limit") == State::active);
  CHECK(state("Other participants may be recording this call") == State::possible);
  CHECK(state("If the host or panelists decide to record, livestream or archive the webinar, you will be notified.") ==
        State::possible);
  CHECK(state("Live Transcription is available") == State::offer);
  CHECK(state("Recording is on. If you stay, you agree to be recorded.") == State::active);
  // A question that asks the reader for a yes: what it asks about waits for the answer.
  // OpenTalk (opentalk-frontend, de/en locale) and the Zoom Video SDK UI toolkit (zh).
  CHECK(state("Do you consent that your audio and video is recorded?") == State::possible);
  CHECK(state("Sind Sie einverstanden, dass Ihr Audio und Video-Signal aufgezeichnet wird?") == State::possible);
  CHECK(state("您是否允许录制您的音频和视频？") == State::possible);
  // ... not a question before stopping, nor a statement beside a question.
  CHECK(state("Are you sure you want to stop the recording?") == State::active);
  CHECK(state("This meeting is being recorded. By staying you consent to being recorded.") == State::active);
  CHECK(state("This meeting is being recorded. Do you agree to continue?") == State::active);
  // "By enabling" the activity: one the reader may switch on, with its fine print (BigBlueButton's
  // captions terms, bigbluebutton-html5 locales fr/it); not an activity named after enabling
  // something else.
  CHECK(state("En activant la transcription automatique ou les sous-titres vous consentez à nos conditions d'utilisation.") ==
        State::offer);
  CHECK(state("Abilitando la trascrizione automatica o i sottotitoli, accetti i nostri termini di utilizzo dei sottotitoli.") ==
        State::offer);
  CHECK(state("By enabling live transcription, you agree to the captioning terms.") == State::offer);
  CHECK(state("This meeting is being recorded. By enabling your camera you agree to the terms.") == State::active);
  CHECK(state("By joining, you consent to being recorded.") == State::active);
  CHECK(state("By turning on your camera, you consent to the recording.") != State::offer);
  CHECK(state("Avviando la registrazione...") != State::offer);  // a status, no fine print
  // Zoom's Japanese transcript banner and Meet's Japanese note-taking chip say "is being done" (行われています) and
  // "is taking" (取っています), not "is being recorded".
  CHECK(state("このミーティングは文字起こしが行われています。") == State::active);
  CHECK(engine().analyze("このミーティングは文字起こしが行われています。").result["findings"][0]["kind"] == "transcription");
  CHECK(engine().analyze("Geminiがメモを取っています").result["findings"][0]["kind"] == "ai_assistant");
}

TEST_CASE("a 'may' inside the live phrase, or ending the sentence after it, makes it only possible", "[state]") {
  // nextcloud-talk recording_consent_title ("The call might be recorded") in the words each
  // language uses: a modal inside the phrase, "it is possible that", a sentence-final "perhaps".
  each_reads({"Hovor může být nahráván.", "Die Unterhaltung wird möglicherweise aufgezeichnet.",
              "La chiamata potrebbe essere registrata.", "A chamada pode ser gravada.", "La llamada podría ser grabada.",
              "És possible que la trucada sigui gravada.", "É posíbel que a chamada sexa gravada.", "Baliteke deia grabatzea.",
              "A hívásról felvétel készülhet.", "Овај позив би могао да се снима.", "Opkaldes optages måske"},
             State::possible);
  // After a comma it is said of something else; a word that opens a clause ("ako", Serbian "if",
  // Lower Sorbian "as") does not end one (jitsi-meet liveStreaming, dsb).
  // Estonian says it with "be recorded" after the modal: a recording, possible.
  one_finding("Kõne võib olla salvestatud.", "recording", "possible");
  CHECK(state("Aufnahme läuft, möglicherweise mit Ton") == State::active);
  CHECK(state("Toś ta konferenca wusćeła se južo ako livestream.") == State::active);
}

// BigBlueButton's "This session is (now) being recorded" and "Not recording" in the words its
// translators chose (bigbluebutton-html5/public/locales, app.navBar.recording,
// app.notification.recordingStart, app.navBar.recording.off; commit 8b8e2bc).
TEST_CASE("BigBlueButton's recording notices read in the words each language uses", "[state][engine]") {
  for (const char* text : {"Esta sesión esta a ser gravada", "Ezt a munkamenetet rögzítjük", "Ta sesja jest rejestrowana",
                           "Sesja jest teraz rejestrowana", "La sessió ara s'està enregistrant"})
    one_finding(text, "recording", "active");
  // Kabyle's "ara" closes "ur ... ara" (not); alone it is Catalan "now".
  CHECK(state("La sessió ara s'està enregistrant") == State::active);
  // Danish puts the "not" after the verb.
  each_reads({"Optager ikke", "Mødet optages ikke."}, State::stopped);
  CHECK(engine().analyze("Zarejestrowany użytkownik").result["findings"].empty());
}

// A held-out set of UI strings (224 in 16 languages, written by someone who had not read the
// rules): the four notices missed and the one label read as a notice.
TEST_CASE("held-out UI strings: live in French, present tense in Ukrainian, text transcripts in Korean", "[state][engine]") {
  one_finding("Vous êtes en direct", "live_stream", "active");
  one_finding("Цю зустріч записують", "recording", "active");
  one_finding("이 회의는 텍스트로 기록될 수 있습니다", "transcription", "possible");
  CHECK(engine().analyze("Transkriptsprache").result["findings"].empty());
  CHECK(engine().analyze("Je suis en direct de Paris").result["findings"].empty());
}

// plugNmeet's RTMP broadcast notices (notices20, 2026): RTMP is only ever a live stream's
// protocol; its URL is a setting. Finnish broadcasts that "ended" (plural) stopped.
TEST_CASE("RTMP broadcasts started or ended, and an RTMP address that is only a setting", "[state][engine]") {
  one_finding("A început difuzarea RTMP", "live_stream", "active");
  one_finding("RTMP-lähetykset päättyivät", "live_stream", "stopped");
  one_finding("Sesi ini disiarkan menggunakan RTMP", "live_stream", "active");
  for (const char* setting : {"Die RTMP-URL ist ungültig oder wird nicht unterstützt.", "URL-ul RTMP nu este valid sau acceptat."}) {
    CAPTURE(setting);
    CHECK(engine().analyze(setting).result["findings"].empty());
  }
}

// A dictation app's status bar (notices20, 2026: "Grabando audio · transcripción en vivo
// pausada"): the pause is the transcription's, not the recording's, and each part is read alone.
TEST_CASE("the parts of a status bar say the state of their own activity", "[state][engine]") {
  for (const char* bar : {"Recording · Transcription paused", "Transcription paused · Recording", "Recording | Transcription paused"}) {
    CAPTURE(bar);
    const auto fs = engine().analyze(bar).result["findings"];
    std::map<std::string, std::string> state;
    for (const auto& f : fs) state[f["kind"].get<std::string>()] = f["state"].get<std::string>();
    CHECK(state["recording"] == "active");
    CHECK(state["transcription"] == "stopped");
    for (const auto& f : fs) CHECK(std::string(bar).find(f["evidence"]["text"].get<std::string>()) != std::string::npos);
    for (const auto& f : fs) CHECK(f["evidence"]["text"].get<std::string>().find_first_of("|\xc2") == std::string::npos);
  }
  // A bar whose parts name one activity only is no status bar: the name stays whole.
  const auto one = engine().analyze("Recording started by Jean · Luc").result["findings"];
  REQUIRE(one.size() == 1);
  CHECK(one[0]["evidence"]["text"] == "Recording started by Jean · Luc");
}

// Written probes of common notices in 27 languages (December 2026): the ones that were silent.
TEST_CASE("a host who started recording, a call transcribed, an assistant summarising, in less-read forms", "[state][engine]") {
  one_finding("Host telah mulai merekam rapat.", "recording", "active");
  one_finding("يتم تفريغ هذه المكالمة نصيًا.", "transcription", "active");
  one_finding("L'assistente IA sta riassumendo questa riunione.", "ai_assistant", "active");
  one_finding("De AI-assistent vat deze vergadering samen.", "ai_assistant", "active");
  one_finding("Asystent AI podsumowuje to spotkanie.", "ai_assistant", "active");
  // Korean "기록 중" (logging now) with a space before 중, as a known notetaker says it.
  one_finding("Otter.ai가 회의에 참여하여 기록 중입니다.", "notetaker_bot", "active");
  // A recording that was started and has since been deleted is no recording now.
  one_finding("Recording started by Alice has been deleted.", "recording", "stopped");
}

// A no in a condition is what it would do, not a stop; a no that happened stopped it (written
// variants). And a third held-out notice set (112 in 14 less-covered languages): its misses.
TEST_CASE("what a no would do is no stop, and less-covered languages' look-alikes", "[state][engine]") {
  one_finding("This meeting is being recorded. If you decline, your microphone will be disabled.", "recording", "active");
  CHECK(state("A participant declined, so the recording stopped.") == State::stopped);
  one_finding("Ο διοργανωτής ενδέχεται να καταγράψει αυτή τη σύσκεψη.", "recording", "possible");
  for (const char* label : {"Tallennusasetukset", "Kursa kayıt için son gün cuma."}) {
    CAPTURE(label);
    CHECK(engine().analyze(label).result["findings"].empty());
  }
}

// Mattermost Calls' strings (oss-strings-dev2, and a held-out notice set of 6 December 2026): a
// start the reader may not make, the recording handed over in the chat, "no recordings in
// progress" in Spanish. A permission to stop one says it is still on.
TEST_CASE("no permission to start, a recording handed over, none in progress: nothing is live", "[state][engine]") {
  each_reads({"You don't have permission to start a recording. Please ask the call host to start a recording.",
              "Du hast nicht die Berechtigung, eine Aufzeichnung zu starten. Bitte frage den Gesprächsleiter, ob er eine Aufzeichnung starten darf.",
              "Nemáte povolení ke spuštění nahrávání. Požádejte hostitele hovoru o spuštění nahrávání.",
              "レコーディングを開始する権限がありません。通話のホストにレコーディングを開始するよう依頼してください。",
              "Kayıt başlatma izniniz yok. Lütfen çağrı sahibinden kaydı başlatmasını isteyin.",
              "Here's the call recording. Transcription is processing and will be posted when ready.",
              "Voici l'enregistrement de l'appel. La transcription est en cours de traitement et sera publiée dès qu'elle sera prête.",
              "Aqui está a gravação da chamada", "Sin grabaciones en progreso."},
             State::stopped);
  each_reads({"You don't have permission to stop the recording. Please ask the call host to stop the recording.",
              "Nie masz uprawnień do zatrzymania nagrywania. Poproś gospodarza rozmowy o zatrzymanie nagrywania.",
              "Ви не маєте дозволу на зупинку запису. Будь ласка, попросіть організатора зупинити запис."},
             State::active);
}

// More words of one language that another's vocabulary took (6 December 2026): Hungarian "fel"
// (up: "veszi fel", records) is no Swedish "fel" (error); German "gemeinsam" and Latvian "esam"
// are no Azerbaijani "-sam" (if I); Hungarian "csak" (only) no Uzbek "-sak" (if we).
TEST_CASE("a word of one language is not another's state word", "[state][engine]") {
  one_finding("A megbeszélést a rögzítési szolgáltatás veszi fel.", "recording", "active");
  one_finding("Das Meeting wird gemeinsam aufgezeichnet.", "recording", "active");
  one_finding("Ez a megbeszélés rögzítés alatt áll, csak a házigazda látja a felvételt.", "recording", "active");
  one_finding("Fel vid inspelningen.", "recording", "stopped");
  // German "noch" (still) is no Dutch "noch" (nor); Hungarian "Ez a" (this) no Basque "ez" (not).
  one_finding("Die Aufzeichnung läuft noch.", "recording", "active");
  one_finding("Ez a hívás rögzítésre kerül.", "recording", "active");
  CHECK(state("Spotkanie jest nagrywane, tak aby wszyscy mogli je obejrzeć.") == State::active);
  // Croatian "minuta" (minutes of time) is no Spanish "minuta" (minutes of a meeting); Spanish
  // "acceso" (access) no Italian "acceso" (on); Swedish "starta" (to start) no Nynorsk "starta"
  // (started); Portuguese "resumir" no Azerbaijani "-mir" (does not); Ukrainian "Ви" (you) no
  // Serbian "ВИ" (AI); Russian "убедитесь" no Kyrgyz negative verb; Latvian "vismaz" (at least)
  // no Turkish "-maz".
  for (const char* look_alike : {"Sastanak će završiti za 5 minuta.", "Acceso a la grabación de la reunión", "Klicka för att starta inspelningen"}) {
    CAPTURE(look_alike);
    CHECK(engine().analyze(look_alike).result["findings"].empty());
  }
  one_finding("Usamos IA para resumir suas reuniões.", "ai_assistant", "active");
  one_finding("Opptaket er starta.", "recording", "active");
  one_finding("Det gick inte att starta inspelningen.", "recording", "stopped");
  CHECK(lexicon().find("ai", norm("Ви отримаєте підсумок зустрічі електронною поштою.")).empty());
  CHECK(lexicon().find("neg", norm("Убедитесь, что запись включена.")).empty());
  CHECK(lexicon().find("neg", norm("Sapulce tiks ierakstīta vismaz 10 minūtes.")).empty());
  // English "revocable" (a licence's term: Murf's API licence, 2024) is no Spanish, Italian or
  // Portuguese withdrawal of a consent; those verbs still are.
  CHECK(lexicon().find("opt_out", norm("Murf grants you a limited, worldwide, revocable license to use the API.")).empty());
  for (const char* withdrawal : {"Puede revocar su consentimiento en cualquier momento.", "Puoi revocare il consenso in qualsiasi momento.",
                                 "Você pode revogar o consentimento a qualquer momento."}) {
    CAPTURE(withdrawal);
    CHECK_FALSE(lexicon().find("opt_out", norm(withdrawal)).empty());
  }
  one_finding("Informez les participants que la réunion est enregistrée.", "recording", "active");
  // Norwegian and Swedish "eventuell" (any) is no German "eventuell" (possibly); Swedish "var"
  // (was) no Latvian "var" (may); Latvian "kas" (which) no Estonian "kas" (whether).
  CHECK(engine().analyze("Opptak inkluderer hele samtalevinduet sammen med deltakernes lydspor og eventuell delt skjermvideo.").result["findings"].empty());
  one_finding("Das Meeting wird eventuell aufgezeichnet.", "recording", "possible");
  one_finding("Sapulce var tikt ierakstīta.", "recording", "possible");
  CHECK(state("Mötet var inspelat.") != State::possible);
  CHECK(state("Sapulce, kas tiek ierakstīta, ir pieejama.") != State::possible);
  // English "note" (please note) is no Italian "note" (notes of a meeting).
  CHECK(engine().analyze("Note: the host can use AI to answer questions.").result["findings"].empty());
  one_finding("Gemini sta prendendo note.", "ai_assistant", "active");
}

// Written variants of a host's request to record, before any consent: nothing has started.
TEST_CASE("a host who wants to record has not started: it is only possible", "[state]") {
  each_reads({"The host would like to record this meeting.", "Der Moderator möchte die Besprechung aufzeichnen.",
              "L'organisateur souhaite enregistrer cette réunion.", "El anfitrión quiere grabar esta reunión.",
              "L'organizzatore vuole registrare questa riunione.", "O anfitrião quer gravar esta reunião.",
              "De organisator wil deze vergadering opnemen.", "Организатор хочет записать эту встречу.",
              "ホストがこの会議の録画を求めています。", "主持人希望录制本次会议。", "호스트가 이 회의를 녹화하려고 합니다."},
             State::possible);
  // A question to the reader stays an offer, and what has started is on.
  CHECK(state("Möchten Sie die Aufzeichnung starten?") == State::offer);
  CHECK(state("Would you like to record this meeting?") == State::offer);
  CHECK(state("The host wanted a record of the call, so recording has started.") == State::active);
  CHECK(state("The host would like to remind you that this meeting is recorded.") == State::active);
}

TEST_CASE("someone named who would like to record, and an invitation to record your meeting", "[state][engine]") {
  // La Suite Meet (suitenumerique/meet, nl): "{{name}} would like to start the recording", a
  // participant's wish, with a name where the host word would stand; written variants in Spanish
  // and Italian.
  each_reads({"{{name}} wil graag de opname starten.", "Ana quiere grabar esta reunión.", "Marco vorrebbe registrare la riunione."},
             State::possible);
  // La Suite Meet (fr): a heading that invites the reader to transcribe ("Transcribe your meeting
  // with the AI Assistant") is an offer, no notice; so are its kin in other languages.
  for (const char* offer : {"Transcrivez votre réunion avec l'Assistant IA", "Transcribe your meeting with the AI Assistant",
                            "Graba tus reuniones con un clic"}) {
    CAPTURE(offer);
    CHECK(engine().analyze(offer, {}).result["findings"].empty());
  }
}

TEST_CASE("a review of the evening's readings: what they must not read", "[state][stance][engine]") {
  // Written probes of a review of this session's steps (6 December 2026); each was answered wrong.
  // A recording kept for training people stays a recording.
  CHECK(kinds_of("This meeting is being recorded for training purposes.") == K{"recording"});
  CHECK(kinds_of("This meeting is being recorded. Recordings may be used to train our staff.") == K{"recording"});
  CHECK(kinds_of("Diese Sitzung wird für Trainingszwecke aufgezeichnet.") == K{"recording"});
  CHECK_FALSE(stance("We may use recordings of your calls to train our customer service representatives.").found);
  // A participant named Claude, the verb "whisper": no AI provider.
  CHECK(kinds_of("Claude started recording this meeting.") == K{"recording"});
  CHECK(kinds_of("You can whisper a private message to the host.").empty());
  // The company's own training before the user's non-compete.
  CHECK(stance("We may use your Content to train and improve our AI models, but you may not use Output to build products in direct "
               "competition with us.")
            .stance == "permits");
  // A licence the company grants the user.
  CHECK(kinds_of("Společnost vám poskytuje nevýhradní, bezúplatnou licenci k užívání aplikace.", "document").empty());
  CHECK(kinds_of("Şirket, Kullanıcıya dünya çapında, telifsiz bir lisans verir.", "document").empty());
  // A later "do so" speaks of the training.
  CHECK(stance("We do not use your content to train AI models, and we will not do so unless you explicitly opt in.").stance ==
        "permits_with_consent");
  // AI words of another sentence; suppliers and AI in two clauses; a settings page's "save".
  CHECK(kinds_of("Transcription has started. AI features are turned off for this meeting.") == K{"transcription"});
  CHECK(kinds_of("本服务使用自研AI模型，不会向第三方提供您的数据。", "document").empty());
  CHECK(kinds_of("您可以在设置中关闭AI功能，并点击保存。", "document").empty());
  // Waiting for others while recording is still recording; "registrare un account" registers.
  CHECK(state("录制中，正在等待其他参会者") == State::active);
  CHECK(kinds_of("Wij willen graag je feedback over de opnamefunctie.").empty());
  CHECK(kinds_of("Luca vuole registrare un nuovo account.").empty());
}

TEST_CASE("a second held-out round of notices: a peer recording, staying as consent, streams offline", "[state][engine]") {
  // Jami (savoirfairelinux/jami-client-android, values-es and values-fi strings): the name the
  // client fills in, then the recording word: that person records.
  CHECK(kinds_states_of("%s grabando...") == K{"recording/active"});
  CHECK(kinds_states_of("%s tallentaa…") == K{"recording/active"});
  CHECK(kinds_states_of("{count} recordings").empty());
  // "%s" filled with a count is no one: one noun after it.
  CHECK(kinds_states_of("%s recordings").empty());
  CHECK(kinds_states_of("%s Aufnahmen").empty());
  CHECK(kinds_states_of("%s is recording") == K{"recording/active"});
  // NetEase Meeting (zh): "if you stay in the meeting, you agree to the recording": the "if" is
  // the staying's; the recording is on.
  CHECK(kinds_states_of("如果留在会议中，表示你同意录制") == K{"recording/active"});
  CHECK(kinds_states_of("If you stay, you agree that the host may record this meeting.") == K{"recording/possible"});
  // Owncast (web/i18n ko, hi): the stream is offline; Agora's classroom demo (zh): the live has
  // ended, and started successfully.
  CHECK(kinds_states_of("이 스트림은 오프라인 상태입니다. 곧 다시 확인해주세요!") == K{"live_stream/stopped"});
  CHECK(kinds_states_of("यह स्ट्रीम ऑफ़लाइन है। कृपया जल्द ही वापस आएं!") == K{"live_stream/stopped"});
  CHECK(kinds_states_of("当前课堂直播已经结束") == K{"live_stream/stopped"});
  CHECK(kinds_states_of("直播开始成功") == K{"live_stream/active"});
  // Linphone desktop (fr): "a participant is recording the meeting", in the present tense with a
  // subject; the imperative button stays a label.
  CHECK(kinds_states_of("Un participant enregistre la réunion") == K{"recording/active"});
  CHECK(kinds_states_of("Un partecipante registra la riunione") == K{"recording/active"});
  CHECK(kinds_states_of("Registra la riunione").empty());
  // Owncast (de, vi): an offer to be notified when the stream goes live.
  CHECK(kinds_states_of("Nhận thông báo ngay trong trình duyệt mỗi khi luồng này phát trực tiếp.").empty());
}

TEST_CASE("a second held-out round of clauses: training purposes in Dutch and Swedish, models trained on data in French", "[stance]") {
  // Adobe Experience Platform's AI Assistant FAQ (nl, sv, fr localisations): no personal data used
  // for training purposes; Zendesk's AI trust page (fr): models trained on customer data to the
  // extent the customer says.
  CHECK(stance("AI Assistant gebruikt geen persoonlijke gegevens voor opleidingsdoeleinden.").stance == "prohibits");
  CHECK(stance("Inga personuppgifter används av AI Assistant idag, inte ens i utbildningssyfte.").stance == "prohibits");
  CHECK(stance("Aucune donnée personnelle n'est utilisée aujourd'hui par AI Assistant (Legacy), même à des fins de formation.").stance ==
        "prohibits");
  CHECK(stance("Ces modèles peuvent être formés sur les données client dans la mesure indiquée par le client.").stance ==
        "permits_with_consent");
}

TEST_CASE("a licence's terms after a negation of their language are denied", "[engine]") {
  const auto f = engine().analyze("Du ger oss en världsomfattande, royaltyfri, icke-överlåtbar licens att använda ditt innehåll.",
                                  {"", "", "document", ""}).result["findings"];
  REQUIRE(f.size() == 1);
  CHECK(f[0]["license_terms"].get<std::vector<std::string>>() == std::vector<std::string>{"royalty_free", "worldwide"});
}

TEST_CASE("waiting for it, soon, not yet: it has not started, it may", "[state][engine]") {
  // La Suite Meet (suitenumerique/meet, es), Stream's video SDK (it), PeerTube's player (tr):
  // a recording waiting for a microphone, a recording about to start, a live not started yet.
  each_reads({"La grabación está esperando audio o vídeo. Activa el micrófono o la cámara, o comparte la pantalla, para que la grabación "
              "pueda comenzar.",
              "In attesa dell'inizio della registrazione...", "Bu canlı yayın henüz başlamadı.", "Livestream starts soon"},
             State::possible);
  // A bare label naming the wait is no notice (Apache OpenMeetings' "Warten auf Aufzeichnung",
  // "Esperando a grabación", "等待录制": none in the shared corpus).
  for (const char* label : {"Warten auf Aufzeichnung", "Esperando a grabación", "等待录制"}) {
    CAPTURE(label);
    CHECK(engine().analyze(label, {}).result["findings"].empty());
  }
}

TEST_CASE("'no longer' before the words of a live activity stops it, in every language", "[state]") {
  // plugNmeet room-metadata.rtmp-stopped (el, ru, lv, bn) and recording-stopped variants: the
  // negation or "no longer" stands before the first word of the phrase, the last word ends the
  // sentence ("транслируется в прямом эфире"), so it is read against the whole phrase.
  CHECK(state("Αυτή η σύσκεψη δεν μεταδίδεται πλέον ζωντανά.") == State::stopped);
  CHECK(state("Эта встреча больше не транслируется в прямом эфире.") == State::stopped);
  CHECK(state("Šī sapulce vairs netiek straumēta tiešraidē.") == State::stopped);
  CHECK(state("এই মিটিংটি আর লাইভ স্ট্রিম করা হচ্ছে না।") == State::stopped);  // negation after the verb, then a danda
  // A negation in an earlier clause does not reach across the comma.
  CHECK(state("Recording is not stopped, it is live") == State::active);
  // Positive forms that looked negative: Turkish -mektedir is "is being", Catalan "s'està" is
  // "is", and Czech "-ní" ends a noun (jitsi-meet, mumble, plugNmeet strings).
  CHECK(state("Bu toplantı kaydedilmektedir.") == State::active);
  CHECK(state("S'està enregistrant la reunió.") == State::active);
  CHECK(state("Nahrávání již probíhá.") == State::active);
  CHECK(state("Alice pradėjo įrašą") == State::active);
  // Dutch, Danish and Swedish "nu" is "now", Romanian "nu" is "not" (plugNmeet rtmp-started, da and
  // nl; written variants): the words around it tell which.
  CHECK(state("Deze vergadering wordt nu opgenomen.") == State::active);
  CHECK(state("Dette møde bliver nu livestreamet.") == State::active);
  CHECK(state("Mötet spelas nu in.") == State::active);
  CHECK(state("Acest apel nu este înregistrat.") == State::stopped);
  CHECK(state("Mötet livesänds just nu på YouTube.") == State::active);  // jitsi-meet liveStreaming.expandedOn (sv)
  // French "ne ... que" is "only", not "not"; "only" between "is" and the verb keeps it on
  // (Teams compliance banners complianceBannerNowOnlyRecording / NowOnlyTranscription, fr and pt).
  CHECK(state("Vous n'enregistrez désormais que cette réunion.") == State::active);
  CHECK(engine().analyze("Vous n'enregistrez pas cette réunion.").result["findings"].empty());  // "ne ... pas" is still "not"
  CHECK(engine().analyze("Você agora está apenas transcrevendo esta reunião.").result["findings"][0]["kind"] == "transcription");
  CHECK(state("Záznam a přepis se ukládají.") == State::stopped);  // are being saved: the recording is over
  // Albanian "jo" (no) is Finnish "already" and Lower Sorbian "is" (jitsi-meet, mumble, plugNmeet).
  CHECK(state("Tallennus on jo käynnissä.") == State::active);
  CHECK(state("Lokalne nagrawanje jo aktiwěrowane.") == State::active);
  // "Ends in 5 minutes" holds "ends": the longer phrase says more (mattermost-plugin-calls 1QvHUW).
  CHECK(state("Votre enregistrement se termine dans 5 minutes.") == State::active);
  CHECK(state("Jouw opname wordt beëindigd binnen 5 minuten.") == State::active);
  CHECK(state("Your recording will end in 5 minutes.") == State::active);
  // A failure is not undone by what the client says it is doing about it (plugNmeet zh-CN).
  CHECK(state("糟糕！录制服务目前无法使用，我们正在努力解决这个问题，请稍后再试。") == State::stopped);
  // "Stopping recording ..." (nextcloud-talk record_stopping, plugNmeet): the progressive of stopping
  // in its own words, or as a stop word against the "in progress" marker (zh 正在, ja しています,
  // ar جارٍ); Zoom's "レコーディングが停止されています" (is stopped) likewise.
  each_reads({"Zastavování nahrávání", "Запись останавливается...", "Zastavujem nahrávanie…", "Снимање се зауставља ...",
              "Salvestamine on lõpetamisel…", "Grabazioa gelditzen…", "正在停止录制……", "レコーディングを停止しています",
              "جارٍ إيقاف التسجيل...", "レコーディングが停止されています"},
             State::stopped);
  // A switch reported off without a copula (wire-webapp legalHoldDeactivated).
  CHECK(state("Legal hold deactivated for this conversation") == State::stopped);
  CHECK(state("Recording disabled") == State::stopped);
  // A legal hold keeps every message of the conversation: a recording, on until lifted.
  for (const char* text : {"This conversation is under legal hold", "Diese Unterhaltung unterliegt der gesetzlichen Aufbewahrung",
                           "Эта беседа находится под юридическими ограничениями"})
    one_finding(text, "recording", "active");
  // Japanese says "is on" in the plain form before a reason too ("有効になっているため", Zoom's
  // archiving notice to participants): archiving is on.
  one_finding("アーカイブが有効になっているため、アカウントオーナーはあなたのダイレクトメッセージを含めすべてのメッセージを閲覧できます。",
              "recording", "active");
  // Requested, not yet on (wire-webapp legalHoldModalTitle): the title alone, as short as a
  // label, is the notice; the request makes it only possible.
  for (const char* text : {"Legal hold requested", "Gesetzliche Aufbewahrung ersucht", "Conservation à des fins juridiques demandée",
                           "Запрошены юридические ограничения"})
    one_finding(text, "recording", "possible");
  // A stop word with other words between is another clause's: still on.
  CHECK(state("Recording in progress - click to stop") == State::active);
  CHECK(state("录制正在进行") == State::active);
  // "Recording stopped. Recording started again": the last word still wins across sentences.
  CHECK(state("Recording stopped. Recording started again.") == State::active);
}

TEST_CASE("a client asking before it stops something: the thing is still on", "[state][engine]") {
  // Jitsi Meet dialog.stopRecordingWarning; Nextcloud Talk record_stop_confirm_message (de, pl, ja);
  // plugNmeet footer.modal.rtmp-close-confirm.
  CHECK(state("Are you sure you would like to stop the recording?") == State::active);
  CHECK(state("Möchten Sie die Aufnahme wirklich beenden?") == State::active);
  CHECK(state("Czy na pewno chcesz zatrzymać nagrywanie?") == State::active);
  CHECK(state("録音を停止しますか?") == State::active);
  CHECK(state("Are you sure you want to end the live stream?") == State::active);
  // "You are about to stop ...": a warning before the stop (plugNmeet footer.modal.rtmp-close-msg),
  // in word orders that put the "about to" before the verb, after it, or in its ending.
  each_reads({"You are about to stop the live stream.", "Вы собираетесь остановить прямую трансляцию.",
              "Canlı yayını durdurmak üzeresiniz.", "ライブ配信を停止しようとしています。", "您即将停止直播。",
              "Olete otseülekande peatamas.", "Sta per interrompere la diretta streaming."},
             State::active);
  // Not across a full stop: this recording did stop.
  CHECK(state("Recording stopped. You are about to leave the meeting.") == State::stopped);
  // A question that does not stop anything is still what it was.
  CHECK(state("Would you like to start a recording?") == State::offer);
  for (const char* text : {"Are you sure you would like to stop the recording?", "Voulez-vous vraiment arrêter l'enregistrement ?",
                           "هل ترغب حقّاً في إيقاف التسجيل؟"})
    one_finding(text, "recording", "active");
  // What happens after the stop said first, the question last (mattermost-plugin-calls zUH89x):
  // the notice is about a recording still on.
  one_finding("Die Gesprächsaufzeichnung wird verarbeitet und in der Gesprächs-Unterhaltung gepostet. Bist du sicher, dass du "
              "die Aufzeichnung beenden willst?",
              "recording", "active");
  one_finding("Nahrávání hovoru bude zpracováno a zveřejněno ve vlákně hovoru. Jste si jisti, že chcete nahrávání zastavit?",
              "recording", "active");
  one_finding("Die Gesprächsaufzeichnung wird verarbeitet und in der Gesprächs-Unterhaltung gepostet.", "recording", "stopped");
  // The same words as a control's label or tooltip stay silent.
  for (const char* label : {"Stop recording", "Click to stop recording", "Klicken, um die Aufnahme zu beenden",
                            "Detener la grabación y la transcripción", "Are we recording this?"}) {
    CAPTURE(label);
    CHECK(engine().analyze(label).result["findings"].empty());
  }
}

TEST_CASE("AI's abbreviations are capitals: French 'j'ai', Italian 'mi', Portuguese 'ia' are not AI", "[engine]") {
  // Every class entry applies to text in any language, so a lower-case "ai", "mi" or "ia" (the
  // abbreviations of English, Hungarian or Latvian, and French or Spanish) read chat in French,
  // Italian or Portuguese as an AI assistant at work.
  for (const char* chat : {"J'ai pris des notes pendant la réunion.", "Mi dispiace, ho preso appunti durante la riunione."}) {
    CAPTURE(chat);
    CHECK(engine().analyze(chat).result["findings"].empty());
  }
  const auto ki = engine().analyze("Die KI erstellt eine Zusammenfassung dieses Meetings.").result["findings"];
  REQUIRE(ki.size() == 1);
  CHECK(ki[0]["kind"] == "ai_assistant");
}

TEST_CASE("the shape of a text: a label, a notice or a document", "[shape]") {
  CHECK(shape("Start recording") == As::control);
  CHECK(shape("Call recordings") == As::control);
  CHECK(shape("Recording started") == As::notice);
  CHECK(shape("Recording") == As::notice);  // the indicator
  CHECK(shape("This meeting is being recorded.") == As::notice);
  CHECK(shape("By clicking Join, you agree to our Terms of Service and Privacy Statement.") == As::notice);
  CHECK(shape("We collect personal data when you use our Services, and we may share it with our subprocessors under "
              "this Agreement.") == As::document);
  // Two activities at once, trailing off or done with a product, are a status line (a notetaker's
  // status, public code index 2026: "Grabando y transcribiendo con Unify"); "Graba", record!, is
  // no label's verb inside "Grabando". One thing done to them is still a label.
  CHECK(shape("Grabando y transcribiendo con Unify") == As::notice);
  CHECK(shape("Recording and transcribing\u2026") == As::notice);
  CHECK(shape("Start recording and transcribing...") == As::control);
  CHECK(shape("Recording and transcription settings") == As::control);
  // Thai spaces phrases, not words: two "words" may be a whole policy sentence (a tutoring app's
  // policy, public code index 2026: "does not use teachers' files or chats to train models,
  // unless the teacher gives separate consent ...").
  CHECK(shape("ไม่ใช้ไฟล์หรือบทสนทนาของครูเพื่อฝึกโมเดล เว้นแต่ครูให้ความยินยอมแยกและมีนโยบายที่สื่อสารชัดเจน") != As::control);
  CHECK(shape("เริ่มบันทึก") == As::control);  // "Start recording"
}

TEST_CASE("a control label alone never yields a finding, in any language", "[shape][engine]") {
  for (const char* label : {"Start recording", "Stop transcription", "Aufnahme starten", "Pausar grabación",
                            "Enable live captions", "Recording settings"}) {
    CAPTURE(label);
    CHECK(engine().analyze(label).result["findings"].empty());
    CHECK(engine().analyze(label, {"", "", "control", ""}).result["findings"].empty());
  }
  // ...but a consent button still speaks for what it agrees to.
  CHECK_FALSE(engine().analyze("I agree to be recorded", {"", "", "control", ""}).result["findings"].empty());
}

// Zoom's recording notice (notices-dev zoom-rec-004): who may watch a recording says nothing of
// who switched it on; an account owner who enabled it does.
TEST_CASE("an account owner who may watch the recording did not turn it on", "[consent][engine]") {
  const auto watch = engine().analyze("This meeting is being recorded. The account owner can also watch this recording if it's stored in the cloud.");
  REQUIRE(watch.result["findings"].size() == 1);
  for (const auto& who : watch.result["findings"][0]["consent_by"]) CHECK(who != "account_admin");
  const auto enabled = engine().analyze("This meeting is being recorded. Your account owner has enabled recording for all meetings.");
  REQUIRE(enabled.result["findings"].size() == 1);
  bool admin = false;
  for (const auto& who : enabled.result["findings"][0]["consent_by"]) admin = admin || who == "account_admin";
  CHECK(admin);
}

TEST_CASE("a reminder to the one who records to tell the others gives the reader no choice", "[consent][engine]") {
  // mattermost-plugin-calls /tRHJl and mattermost-mobile mobile.calls_host_rec: the host reads them.
  for (const char* text : {"You are recording this meeting. Consider letting everyone know that this meeting is being recorded.",
                           "Вы записываете эту встречу. Пожалуйста сообщите всем, что встреча записывается.",
                           "Du optager dette møde. Overvej at informere alle om, at dette møde bliver optaget."}) {
    CAPTURE(text);
    const auto findings = engine().analyze(text).result["findings"];
    REQUIRE(findings.size() == 1);
    CHECK(no_choice(findings[0]));
    // The reader is the one who said yes: "you were not asked" would be false.
    CHECK(findings[0]["explanation"]["who_consented"].get<std::string>().find("not asked") == std::string::npos);
  }
  // A question whether to stop or turn it off is asked of the host (Zoom's AI Companion dialog
  // after Smart Recording stops, ja; jitsi-meet dialog.stopRecordingWarning).
  for (const char* text : {"AI Companionはまだアクティブな状態です。こちらもオフにしますか？", "Are you sure you would like to stop the recording?"}) {
    CAPTURE(text);
    const auto findings = engine().analyze(text).result["findings"];
    REQUIRE(findings.size() == 1);
    CHECK(findings[0]["state"] == "active");
    CHECK(no_choice(findings[0]));
  }
  // Terms that say whose duty it is are no reminder.
  const auto clause = engine().analyze("While the onus is on the user to inform participants that the call is being recorded, we notify them too.");
  REQUIRE_FALSE(clause.result["findings"].empty());
  for (const auto& f : clause.result["findings"]) CHECK_FALSE(no_choice(f));
}

TEST_CASE("what a no does, read in the language of the notice", "[consent][engine]") {
  // Written variants of an explicit recording consent: the outcome of a no was said, and the
  // explanation claimed the notice did not say it.
  for (const char* text : {"This meeting is being recorded. Do you consent to being recorded? If you decline, you will be muted.",
                           "Cette réunion est enregistrée. Acceptez-vous d'être enregistré ? Si vous refusez, votre micro sera coupé.",
                           "Questa riunione è in fase di registrazione. Acconsenti alla registrazione? Se rifiuti, il microfono resterà "
                           "disattivato.",
                           "Diese Besprechung wird aufgezeichnet. Stimmen Sie zu? Wenn Sie ablehnen, bleibt Ihr Mikrofon stummgeschaltet."}) {
    CAPTURE(text);
    const auto findings = engine().analyze(text).result["findings"];
    REQUIRE(findings.size() == 1);
    const std::string choices = findings[0]["explanation"]["your_choices"];
    CHECK(choices.find("does not say what happens") == std::string::npos);
    CHECK(choices.find("mic") != std::string::npos);
  }
  // The other outcomes of a no: only watching, or being taken out (written variants).
  for (const char* text : {"Esta reunión se está grabando. ¿Aceptas? Si rechazas, solo podrás ver y escuchar.",
                           "此会议正在录制。您是否同意录制？如果拒绝，您只能观看。"}) {
    CAPTURE(text);
    const auto findings = engine().analyze(text).result["findings"];
    REQUIRE(findings.size() == 1);
    CHECK(findings[0]["explanation"]["your_choices"].get<std::string>().find("only watch") != std::string::npos);
  }
  const auto removed =
      engine().analyze("Cette réunion est enregistrée. Acceptez-vous ? Si vous refusez, vous serez retiré de la réunion.").result["findings"];
  REQUIRE(removed.size() == 1);
  CHECK(removed[0]["explanation"]["your_choices"].get<std::string>().find("taken out") != std::string::npos);
  // A no whose outcome is not stated stays "not stated".
  const auto plain = engine().analyze("This meeting is being recorded. Do you consent to being recorded?").result["findings"];
  REQUIRE(plain.size() == 1);
  CHECK(plain[0]["explanation"]["your_choices"].get<std::string>().find("does not say what happens") != std::string::npos);
}

TEST_CASE("a negation's reach is counted in letters, not bytes", "[state]") {
  // BigBlueButton's app.notification.recordingStop and recordingPaused (locales/ar.json): the
  // Arabic letters are two bytes each, and the "no" fell out of reach of "now" / "currently".
  each_reads({"لا يوجد تسجيل لهذه الجلسة حاليا", "لم تعد هذه الجلسة مسجلة الآن"}, State::stopped);
  // The same notices in Norwegian and Lithuanian (locales/nb_NO.json, lt_LT.json).
  each_reads({"Dette møtet blir ikke spilt inn", "Dette møtet blir ikke spilt inn lengre", "Ši sesija nebėra įrašoma"}, State::stopped);
  each_reads({"Dette møtet blir spilt inn"}, State::active);
  // A character of CJK stands for a syllable: this "not" is the notifying's (jitsi-meet
  // recording.localRecordingNoNotificationWarning, zh-CN), the recording is on.
  each_reads({"系统不会主动通知参会者录制已开启，主持人需另行提醒。"}, State::active);
}

TEST_CASE("a licence over your content, in the languages of localised terms", "[stance][engine]") {
  // Written variants of Zoom's section 10.4 (March 2023): the licence was found in English only.
  struct Case {
    const char* text;
    std::vector<std::string> terms;
  };
  for (const Case& c : {
           Case{"Sie gewähren uns eine weltweite, nicht-exklusive, gebührenfreie, unbefristete, unwiderrufliche und "
                "unterlizenzierbare Lizenz zur Nutzung Ihrer Inhalte.",
                {"perpetual", "irrevocable", "sublicensable", "royalty_free", "worldwide"}},
           Case{"Usted nos otorga una licencia mundial, no exclusiva, libre de regalías, perpetua e irrevocable para usar su "
                "contenido.",
                {"perpetual", "irrevocable", "royalty_free", "worldwide"}},
           Case{"您授予我们全球性、免版税、不可转让且不可再许可的许可，以使用您的内容。", {"royalty_free", "worldwide"}},
           Case{"Sie räumen uns ein weltweites, nicht übertragbares Nutzungsrecht an Ihren Inhalten ein.", {"worldwide"}},
           // MailaAI's terms of use (kevinamiri/maila, src/pages/legal/terms-of-use.cs.md and .vi.md,
           // 14 March 2024): the licence in Czech and Vietnamese.
           Case{"Odesláním Materiálů do Služeb udělujete MailaAI světovou, trvalou, neodvolatelnou, bez licenčních poplatků, "
                "sublicencovatelnou a převoditelnou licenci k používání, reprodukci, distribuci, vytváření odvozených děl, zobrazování a "
                "vykonávání těchto Materiálů v souvislosti s provozem, poskytováním, údržbou a zlepšováním Služeb.",
                {"perpetual", "irrevocable", "sublicensable", "royalty_free", "worldwide", "transferable"}},
           Case{"Khi gửi Nội dung lên Dịch vụ, bạn cấp cho MailaAI một giấy phép toàn cầu, vĩnh viễn, không thể thu hồi, miễn phí bản "
                "quyền, có quyền cấp phép lại và chuyển nhượng để sử dụng, sao chép, phân phối, tạo ra các tác phẩm phái sinh, hiển thị và "
                "biểu diễn Nội dung nhằm mục đích vận hành, cung cấp, duy trì và cải thiện Dịch vụ.",
                {"perpetual", "irrevocable", "sublicensable", "royalty_free", "worldwide", "transferable"}},
           // Written variants (Polish, Turkish).
           Case{"Udzielasz nam nieodpłatnej, bezterminowej i nieodwołalnej licencji na korzystanie z Twoich treści na całym świecie.",
                {"perpetual", "irrevocable", "royalty_free", "worldwide"}},
           Case{"İçeriğinizi yükleyerek bize dünya çapında, telifsiz, alt lisanslanabilir ve devredilebilir bir lisans vermiş olursunuz.",
                {"sublicensable", "royalty_free", "worldwide", "transferable"}},
       }) {
    CAPTURE(c.text);
    const auto findings = engine().analyze(c.text, {"", "", "document", ""}).result["findings"];
    REQUIRE(findings.size() == 1);
    CHECK(findings[0]["kind"] == "training_clause");
    CHECK(findings[0]["license_terms"].get<std::vector<std::string>>() == c.terms);
  }
  // A licence granted to the user is not one over your content.
  CHECK(engine().analyze("Wir gewähren Ihnen eine weltweite, nicht übertragbare Lizenz zur Nutzung der Dienste.", {"", "", "document", ""})
            .result["findings"]
            .empty());
  CHECK(engine().analyze("Мы предоставляем вам всемирную непередаваемую лицензию на использование Сервиса.", {"", "", "document", ""})
            .result["findings"]
            .empty());
  // A word of one language's licence inside another's ordinary word is none: Swedish "sublicens"
  // is in English "sublicensing", Danish "global" is English too.
  const auto english = engine().analyze("You agree that we may sublicense your content under a global, royalty-free license.",
                                        {"", "", "document", ""}).result["findings"];
  for (const auto& f : english) CHECK(f["license_terms"].get<std::vector<std::string>>() == std::vector<std::string>{"royalty_free"});
}

TEST_CASE("a condition after a later negation is that negation's", "[stance]") {
  // Speechify's privacy policy (22 July 2026, Open Terms Archive), its Google user data: the
  // consent is for humans reading the data, not for training.
  CHECK(stance("We do not use it to train generalized AI/ML models, sell it, use it for advertising, or transfer it except as needed to "
               "provide these features, for security, or to comply with law, and it is not read by humans except with your consent, for "
               "security purposes, or as required by law.")
            .stance == "prohibits");
  // The predicate's own condition stays its own.
  CHECK(stance("We do not use your content to train AI models except with your consent.").stance == "permits_with_consent");
  CHECK(stance("We do not use your content to train AI models, except with your consent.").stance == "permits_with_consent");
}

TEST_CASE("data put to training is trained on, with or without a word for models", "[stance]") {
  // MailaAI's terms of use (kevinamiri/maila, src/pages/legal/terms-of-use.{pl,cs}.md, 14 March
  // 2024): "does not use content ... to train, develop or improve its Services without your
  // explicit consent". No model word: the content's use to train is the training.
  CHECK(stance("MailaAI nie używa treści przesłanych do Usług za pośrednictwem API ani bezpośrednio (non-API) do trenowania, rozwijania ani "
               "ulepszania swoich Usług bez Twojej wyraźnej zgody.")
            .stance == "permits_with_consent");
  CHECK(stance("MailaAI bez vašeho výslovného souhlasu nepoužívá obsah zaslaný do Služeb z API ani mimo API k tréninku, vývoji a "
               "vylepšování svých Služeb.")
            .stance == "permits_with_consent");
  CHECK(stance("We do not use your content to train or improve our services.").stance == "prohibits");
  // People trained are no model trained.
  CHECK_FALSE(stance("We use your feedback to train our support staff.").found);
  // Kimi's terms (Open Terms Archive), an item of what users may not do: models "in direct or
  // indirect competition with us" are the user's, not the company's.
  CHECK(stance("By using Kimi to develop, train, or improve algorithms, models, etc., that are in direct or indirect competition with us;")
            .users_only);
}

TEST_CASE("AI models from other companies, named in other languages", "[engine]") {
  // Written variants: a model from a third party, in the languages of localised terms.
  for (const char* text : {"Wir nutzen KI-Modelle von Drittanbietern, um Zusammenfassungen zu erstellen.",
                           "Nous utilisons des modèles d'IA de tiers pour générer des résumés.",
                           "Utilizamos modelos de IA de terceros para generar resúmenes.", "我们使用第三方AI模型生成摘要。",
                           "当社は第三者のAIモデルを使用して要約を作成します。",
                           // Braze's AI features page (ko) and GitLab Duo's data usage page (ja): a provider's
                           // name before a particle, and "AI providers" written as one word.
                           "Braze가 OpenAI를 활용하는 것으로 식별하는 Braze AI 기능을 통해 AI 출력(\"출력\")을 생성하기 위해 메시지 콘텐츠, 브랜드 "
                           "가이드라인, 과거 캠페인 데이터 또는 기타 입력(\"입력\")과 같은 사용자의 프롬프트를 OpenAI로 전송합니다.",
                           "これらのすべてのAIプロバイダーは、GitLabとのデータ保護契約の下にあり、独自の法的義務を履行する場合を除き、顧客コンテンツを独自の"
                           "目的で使用することを禁止されています。",
                           "Para algunas de sus funciones, este servicio invoca a proveedores de IA externos, como DeepSeek de Alibaba."}) {
    CAPTURE(text);
    const auto findings = engine().analyze(text, {"", "", "document", ""}).result["findings"];
    REQUIRE(findings.size() == 1);
    CHECK(findings[0]["third_party_models"] == "yes");
  }
  // Data from third-party sources used to train is no model from a third party (written after
  // Anthropic's privacy policy of 8 October 2025, the company's name replaced: alone, a provider's
  // name would itself be another company's AI).
  const auto sources = engine().analyze("Contoso obtains personal data from third party sources in order to train our models.",
                                        {"", "", "document", ""}).result["findings"];
  REQUIRE(sources.size() == 1);
  CHECK(sources[0]["third_party_models"] != "yes");
}

TEST_CASE("a ban repeated after a comma keeps the reader as its subject", "[stance]") {
  // Zhihu's user agreement 3.9 (Open Terms Archive copy in tosdr-versions, 15 September 2023):
  // "no entity or individual may ... use the content ..., may not ... use scraped content for
  // technology (large language models ...) research or data training": a ban on anyone who uses
  // the site, never a promise of the company's.
  const auto r = stance("未经知乎的书面许可，任何单位或个人不得通过任何方式（包括但不限于抓取、复制、镜像等方式）使用知乎平台上的内容或据"
                        "以创作衍生作品，不得抓取知乎上的内容或将抓取后的内容用于自己的网站、用于技术（包括但不限于大语言模型、其他人工智能、"
                        "算法模型等）研发或数据训练或者用于其他商业目的。");
  CHECK(r.stance == "prohibits");
  CHECK(r.users_only);
  // The company's own second ban stays the company's.
  const auto own = stance("We do not sell your data and do not use it to train AI models.");
  CHECK(own.stance == "prohibits");
  CHECK_FALSE(own.users_only);
}

TEST_CASE("Korean clauses end at a connective's comma, Japanese quality improvement and choosing 'not used'", "[stance]") {
  // Written variants (the clause batteries' Korean and Japanese lines): "uses it for training only
  // if the user agreed, and the user may withdraw at any time and, without agreeing, has no
  // restriction on the basic service": the later "not" and "no" are another clause's.
  CHECK(stance("회사는 이용자가 동의한 경우에 한하여 통화 녹음 파일을 모델의 학습에 이용하며, 이용자는 언제든지 동의를 철회할 수 있고 동의하지 "
               "않더라도 기본 서비스 이용에는 제한이 없습니다.")
            .stance == "permits_with_consent");
  // ... while the negation that the connective ends still negates its own clause.
  CHECK(stance("당사는 귀하의 콘텐츠를 인공지능 모델 학습에 사용하지 않으며, 당사의 협력업체도 이를 학습에 사용할 수 없습니다.").stance == "prohibits");
  // "By default, conversations are used to improve the quality of our models. You can choose that
  // later conversations are not used for this": a way out, not a ban on you.
  const auto ja = stance("初期設定では、お客様とAIアシスタントとの会話履歴は当社のモデルの品質向上のために利用されます。お客様は、「設定」＞「データ管理」"
                         "から「すべての人のためにモデルを改善する」をオフにすることで、以後の会話がこの目的に利用されないよう選択することができます。");
  CHECK(ja.stance == "permits");
  CHECK(ja.opt_out);
  CHECK_FALSE(ja.users_only);
}

TEST_CASE("held-out clauses, seventh set: training as the sentence's circumstance, rights to use, licences named without terms", "[stance][engine]") {
  // Apple's machine-learning research page (Hebrew, stored page seen 7 December 2026): "In the
  // training of these foundation models, we do not use our users' private personal data or user
  // interactions". The training opens the sentence; the vendor's main clause negates its use.
  CHECK(stance("בתהליך האימון של המודלים הבסיסיים הללו, אנחנו לא משתמשים בנתונים אישיים פרטיים של המשתמשים שלנו או באינטראקציות של משתמשים.")
            .stance == "prohibits");
  // The same order in other languages (written variants).
  CHECK(stance("In the training of these foundation models, we do not use our users' private personal data.").stance == "prohibits");
  CHECK(stance("When training our foundation models, we do not use private personal data of our users.").stance == "prohibits");
  CHECK(stance("Beim Training dieser Basismodelle verwenden wir keine privaten personenbezogenen Daten unserer Nutzer.").stance == "prohibits");
  CHECK(stance("Lors de l'entraînement de ces modèles, nous n'utilisons pas les données personnelles privées de nos utilisateurs.").stance ==
        "prohibits");
  // A negation of another verb is no ban on the training; nor is a training the vendor says it does.
  CHECK(stance("When training our AI models, we use your content and we do not sell it.").stance == "permits");
  CHECK(stance("We train our AI models on your content, and we do not use your payment details.").stance == "permits");
  // Licences over what users post: German boards grant a "right to use" with its terms (KI-Forum,
  // stored page seen 7 December 2026), Arabic terms a limited licence with no terms at all (Bunud).
  CHECK(kinds_of("a. Mit dem Erstellen eines Beitrags erteilst du dem Betreiber ein einfaches, zeitlich und räumlich unbeschränktes und "
                 "unentgeltliches Recht, deinen Beitrag im Rahmen des Boards zu nutzen.",
                 "document") == K{"training_clause"});
  CHECK(kinds_of("وباستخدامك للخدمة، فإنك تمنح بنود ترخيصًا محدودًا وغير حصري لاستخدام محتوى المستخدم فقط لغرض تقديم الخدمة وضمان استمرارية عملها.",
                 "document") == K{"training_clause"});
  // The user's own right is no licence.
  CHECK(kinds_of("Sie haben das Recht, Ihre Einwilligung jederzeit dauerhaft und unentgeltlich zu widerrufen.", "document").empty());
}

TEST_CASE("held-out notices, seventh set: scheduled streams, a button that sends a bot", "[state][engine]") {
  // Streamlabs Desktop's translations (stream-labs/desktop, app/i18n): a scheduled stream will be
  // live. (The reader's own lost connection is left alone: the shared corpus labels "Connection
  // lost. Reconnecting to the speech to text service" no finding.)
  CHECK(kinds_states_of("Трансляция запланирована") == K{"live_stream/possible"});
  CHECK(kinds_states_of("Váš stream byl naplánován.") == K{"live_stream/possible"});  // a written variant
  CHECK(kinds_states_of("Your stream is scheduled for tomorrow at 10:00.") == K{"live_stream/possible"});
  // AskElephant's help page "Notetaker not joining" (seen 7 December 2026): the sidebar button
  // that sends the notetaker is no participant, as a label or as a line.
  CHECK(findings_of("Send Notetaker", "control", false).empty());
  CHECK(kinds_of("Send Notetaker").empty());
  CHECK(kinds_of("Quill Notetaker") == K{"notetaker_bot"});
}

TEST_CASE("held-out notices: a stream's own lost connection and a status after the noun", "[state][engine]") {
  // Streamlabs Desktop (stream-labs/desktop, app/i18n pt-BR and id-ID streaming.json): the stream
  // itself was cut off; it is not on while the client reconnects.
  CHECK(kinds_states_of("A stream foi desconectada. Tentando reconectar.") == K{"live_stream/stopped"});
  CHECK(kinds_states_of("Koneksi streaming telah terputus, berusaha untuk terhubung kembali.") == K{"live_stream/stopped"});
  CHECK(kinds_states_of("The live stream was disconnected. Trying to reconnect.") == K{"live_stream/stopped"});
  // ... but the reader disconnected on a no leaves the recording on.
  CHECK(kinds_states_of("This meeting is being recorded. If you do not consent, you will be disconnected.") ==
        K{"recording/active"});
  // Streamlabs Desktop cs-CZ: "Stream naplánován" (stream scheduled) is a status; the English bare
  // verb as a button ("Record to the cloud") still is not.
  CHECK(kinds_states_of("Stream naplánován") == K{"live_stream/possible"});
  CHECK(kinds_of("Record to the cloud").empty());
  // Streamlabs Desktop cs-CZ: asked whether to leave while the stream is on, the stream is on; a
  // question alone still is someone asking.
  CHECK(kinds_states_of("Opravdu chcete odejít, zatímco probíhá živé vysílání?") == K{"live_stream/active"});
  CHECK(kinds_of("Are we recording this?").empty());
  // Scripty (scripty-bot/scripty, scripty_i18n/locales es.ftl and ru.ftl): joined, and sending
  // the transcript on.
  CHECK(kinds_states_of("Unido a { $voiceTargetMention } con éxito, y enviando el resultado de la transcripción a "
                        "{ $outputChannelMention }.") == K{"transcription/active"});
  CHECK(kinds_states_of("Успешное присоединение к { $voiceTargetMention } и отправка транскрипционного вывода в "
                        "{ $outputChannelMention }.") == K{"transcription/active"});
}

TEST_CASE("processing as a noun of a privacy text is no activity finishing", "[state][engine]") {
  // HubSpot's Polish help page on its meeting notetaker: "the legal basis for processing personal
  // data" is a noun with its object, not "Processing..." after a recording stopped.
  CHECK(kinds_of("Przepisy i regulacje dotyczące nagrywania rozmów, rejestratorów spotkań i transkrypcji są złożone. "
                 "Użytkownik jest odpowiedzialny za określenie i ustalenie odpowiedniej podstawy prawnej "
                 "przetwarzania danych osobowych w kontekście nagrywania rozmów i spotkań.",
                 "document")
            .empty());
  CHECK(kinds_states_of("Nagrywanie zostało przerwane. Przetwarzanie…") == K{"recording/stopped"});
  // Apache OpenMeetings (Application_pl.properties.xml, 887): errors while processing it.
  CHECK(kinds_states_of("Wystąpiły błędy podczas przetwarzania nagrania.") == K{"recording/stopped"});
  CHECK(kinds_states_of("Die Aufnahme wurde gestoppt. Verarbeitung…") == K{"recording/stopped"});
}

TEST_CASE("a failure with no state word did not start the activity and a failure to stop leaves it on", "[state][engine]") {
  // edumeet (locales pl) and Mattermost Calls (mobile.calls_host_rec_error it): not allowed, try
  // again. Before, both read as a recording going on.
  CHECK(kinds_states_of("Nagrywanie określonego źródła jest niedozwolone ze względu na ograniczenia bezpieczeństwa. "
                        "Sprawdź ustawienia swojego klienta!") == K{"recording/stopped"});
  CHECK(kinds_states_of("Provare a registrare di nuovo. È inoltre possibile contattare l'amministratore del sistema per "
                        "ottenere assistenza nella risoluzione dei problemi.") == K{"recording/stopped"});
  CHECK(kinds_states_of("Запись невозможна") == K{"recording/stopped"});  // Jitsi Meet ru, recording.unavailableTitle
  // Mattermost (mobile.calls_recording_stop_no_permissions, en): the recording goes on.
  CHECK(kinds_states_of("You don't have permissions to stop the recording. Please ask the call host to stop the recording.") ==
        K{"recording/active"});
  // Meetily (meeting-minutes, locales fr, recording.failedToStart): the settings named after the
  // failure are where to look, not a settings line.
  CHECK(kinds_states_of("Impossible de démarrer l'enregistrement. Veuillez vérifier vos paramètres audio et réessayer.") ==
        K{"recording/stopped"});
  CHECK(kinds_of("Maximum call recording duration").empty());
}

TEST_CASE("held-out notices: work in progress and streams to come", "[state][engine]") {
  // Meetily (locales fr): a summary being generated, the ellipsis says it is under way.
  CHECK(kinds_states_of("Génération du résumé IA...") == K{"ai_assistant/active"});
  CHECK(kinds_states_of("Generating AI summary...") == K{"ai_assistant/active"});
  // RealtimeKit's UI kit and Telegram (held-out notices): a stream to come.
  CHECK(kinds_states_of("Waiting to go live.") == K{"live_stream/possible"});
  CHECK(kinds_states_of("Live Stream starts {when}") == K{"live_stream/possible"});
  // Owncast (web locales pl and vi): this stream is offline.
  CHECK(kinds_states_of("Ten strumień jest offline. Sprawdź wkrótce!") == K{"live_stream/stopped"});
  CHECK(kinds_states_of("Luồng này đang ngoại tuyến. Hãy quay lại sau!") == K{"live_stream/stopped"});
  // plugNmeet (header.room-settings.ingress vi): a settings title naming a live stream input.
  CHECK(kinds_of("Đầu vào luồng trực tiếp").empty());
}

TEST_CASE("held-out clauses: a title before the colon and Spanish negated nouns", "[stance]") {
  // INYU's privacy policy (zh, stored page, updated 22 April 2026): "Zero-training principle: your
  // interaction records never enter any AI model's training set". The title's training word is
  // the topic; the sentence after the colon says what is done. Both read permits before.
  CHECK(stance("零训练原则:您的交互记录不会进入任何 AI 模型的训练集或用于改进第三方算法。").stance == "prohibits");
  CHECK(stance("模型训练:您的交互记录不会用于训练任何 AI 模型。").stance == "prohibits");  // a written variant
  CHECK(stance("AI training: we may use your conversations to train our models.").stance == "permits");
  // NewLittle (es, stored page): "políticas estrictas de no uso de datos de clientes para
  // entrenamiento": Spanish "de no uso" is a negation, though Portuguese "no uso" (in the use) is not.
  CHECK(stance("Todos los proveedores de IA que utilizamos (Google Cloud) tienen políticas estrictas de no uso de datos de "
               "clientes para entrenamiento de modelos.")
            .stance == "prohibits");
  CHECK(stance("Utilizamos os seus dados no uso e no treinamento dos nossos modelos de IA.").stance == "permits");
}

TEST_CASE("held-out notices: call recorders' compounds and stops in progress", "[state][engine]") {
  // BCR, Basic Call Recorder (chenxiaolong/BCR, lv strings): a record word that holds its state is
  // no two-word label.
  CHECK(kinds_states_of("Tiek ierakstīts zvans") == K{"recording/active"});
  CHECK(kinds_of("Grabar reunión").empty());
  // LineageOS Dialer (android_packages_apps_Dialer, hu/sv/nl): call recording written as one word.
  CHECK(kinds_states_of("Nem sikerült a hívásrögzítést elindítani") == K{"recording/stopped"});
  CHECK(kinds_states_of("Det gick inte att starta samtalsinspelningen") == K{"recording/stopped"});
  CHECK(kinds_states_of("Gespreksopname opgeslagen als %s") == K{"recording/stopped"});
  // OBS Studio (obsproject/obs-studio, ko-KR and el-GR): no disk space left; a stop in progress.
  CHECK(kinds_states_of("녹화를 계속하기 위한 디스크 공간이 부족합니다.") == K{"recording/stopped"});
  CHECK(kinds_states_of("Δεν υπάρχει επαρκής χώρος στο δίσκο για να συνεχιστεί η καταγραφή.") == K{"recording/stopped"});
  CHECK(kinds_states_of("녹화를 중단합니다....") == K{"recording/stopped"});
  CHECK(kinds_states_of("방송 중단 중...") == K{"live_stream/stopped"});
  CHECK(kinds_states_of("방송 중입니다") == K{"live_stream/active"});
  // Mattermost Calls (ko): it will end in five minutes, so it is on now.
  CHECK(kinds_states_of("5 minutes분 후에 녹음을 종료합니다.") == K{"recording/active"});
  // Skribby's bot-naming guide: a customer's recording bot by the name it was given.
  CHECK(kinds_of("Acme Recording Assistant") == K{"notetaker_bot"});
  CHECK(kinds_of("Start Recording Assistant").empty());
}

TEST_CASE("held-out clauses: a licence told by its terms and European Portuguese training", "[stance][engine]") {
  // BaseModel's Polish terms (basemodel.pl/prawa-autorskie): the licence granted in the sentence
  // before, described by its terms in a sentence of its own.
  CHECK(kinds_of("Jest to licencja nieograniczona czasowo (wieczysta), nieodwołalna i z prawem do sublicencjonowania.", "document") ==
        K{"training_clause"});
  CHECK(kinds_of("This license is irrevocable and perpetual.", "document") == K{"training_clause"});
  // ... never the user's own licence, which is revocable.
  CHECK(kinds_of("We grant you a limited, non-exclusive, non-transferable, non-sublicensable, revocable license to use the app.",
                 "document")
            .empty());
  // Photoroom's help centre (pt-PT): "a formação da IA" is training the AI.
  CHECK(stance("Por defeito, utilizamos as imagens que carrega para ajudar a melhorar os serviços do Photoroom, incluindo a "
               "formação da IA.")
            .stance == "permits");
}

TEST_CASE("held-out notices: a meeting already being recorded in Traditional Chinese", "[state][engine]") {
  // SeaMeet's manual (seasalt-ai/wiki, zh-TW): "該會議已在記錄中", the meeting is already being
  // recorded; "記錄" alone is also a log, so only "already in recording" counts.
  CHECK(kinds_states_of("該會議已在記錄中") == K{"recording/active"});
  CHECK(kinds_of("我们正在记录您的偏好设置").empty());
}

TEST_CASE("held-out notices: a transcription said to be the AI's", "[engine]") {
  // RingCentral's call widget (ringcentral-js-widgets, CallControlPanel i18n fr-FR): the AI notes
  // feature transcribing; the ellipsis says it is under way.
  CHECK(kinds_states_of("Transcription par l’IA…") == K{"ai_assistant/active"});
  CHECK(kinds_states_of("Live transcription by AI is on") == K{"ai_assistant/active"});
  // An AI word in another sentence is not the transcription's.
  CHECK(kinds_states_of("Transcription is on. AI features are off.") == K{"transcription/active"});
}

namespace {
// The stances of a text's clause findings.
K clause_stances(const std::string& text, const char* as = "") {
  AnalyzeOptions o;
  o.as = as;
  const nlohmann::json result = engine().analyze(text, o).result;
  K out;
  for (const auto& f : result["findings"])
    if (f["kind"] == "training_clause") out.push_back(f["stance"].get<std::string>());
  return out;
}
}  // namespace

TEST_CASE("held-out clauses: a section title names the topic and the sentences under it speak", "[stance][engine]") {
  // Morph's privacy policy (ennach.sakura.ne.jp/Morph/privacy_policy.html, 23 February 2026):
  // "3. About AI learning - this site does not use AI like ChatGPT - so it is not used for
  // learning". The title's training word read permits; the sentence under it says no.
  CHECK(clause_stances("3. AI学習について\n- 本サイトの内部処理ではChatGPTのようなAIは使用していません。\n"
                       "- そのため、学習に利用されることはありません(ユーザー自身がChatGPTに小説本文を投げた場合は除く)。") ==
        K{"prohibits"});
  CHECK(clause_stances("## AI Training\nWe never sell your data. It is not used for training.") == K{"prohibits"});
  CHECK(clause_stances("## AI Training\nWe never sell your data. We may use it for training.", "notice") == K{"permits"});
  // A title alone says nothing either way.
  CHECK(clause_stances("3. AI学習について") == K{"unspecified"});
  // A training word that takes the colon into its span is still the title's.
  CHECK(stance("AI Training: It is not used for training.").stance == "prohibits");
}

TEST_CASE("a sentence of a script without spaces is no section title for its capital letter", "[documents]") {
  // Zoom's web client (meetingsdk-web, lang/ja-JP.json): the no-training promise opens with
  // "Zoom", few spaces and no full stop in ASCII; a document dropped it as a title.
  const std::string zoom_ja = "Zoom が、オーディオ、ビデオ、チャット、画面共有、添付ファイル、その他のコミュニケーション系コンテンツ（投票結果、"
                              "ホワイトボード、リアクションなど）を、Zoom またはサードパーティ製の AI モデルのトレーニングに使用することはありません。";
  CHECK_FALSE(is_heading(norm(zoom_ja)));
  CHECK(clause_stances(zoom_ja, "document") == K{"prohibits"});
  CHECK(is_heading("CUSTOMER CONTENT"));
  CHECK(is_heading("AI学習について"));
}

TEST_CASE("held-out clauses: how a product was made improves nothing with the reader's data", "[stance]") {
  // Clary's privacy policy (heyclary.ai/privacy/fr, seen 7 December 2026): "We developed the AI
  // Companion from third-party general-purpose AI models"; Tapy's AI policy (tapy.to, tr, 4 February
  // 2026): "besides the AI models it developed itself, Tapy also uses trusted third-party AI
  // providers". No one's data is named; both read permits.
  CHECK_FALSE(stance("Nous avons développé le Compagnon IA à partir de modèles d'intelligence artificielle polyvalents tiers, "
                     "fiables et disponibles sur le marché, tels que GPT et Gemini (« modèles GPAI »).")
                  .found);
  CHECK_FALSE(stance("Tapy, kendi geliştirdiği AI modellerinin yanı sıra, güvenilir üçüncü taraf AI sağlayıcılarının "
                     "hizmetlerinden de yararlanır:")
                  .found);
  CHECK_FALSE(stance("We developed the AI Companion from third-party general-purpose AI models such as GPT and Gemini.").found);
  // A purpose, an item of a list of purposes, or data, use or an objection named: still improving.
  CHECK(stance("Improve or create services and products, including our AI models.").stance == "permits");
  CHECK(stance("We use your content to develop our AI models.").stance == "permits");
  CHECK(stance("El administrador de la cuenta del Cliente puede oponerse a este uso en nombre de todos los usuarios de su "
               "organización desde la consola de administración, en Configuración > Privacidad > Mejora de modelos.")
            .found);
}

TEST_CASE("held-out clauses: an opt-in negated with a word between is no way in", "[stance]") {
  // Mistral AI's help centre ("Do you use my user data to train your Artificial Intelligence
  // models?", Team and Enterprise plans, seen 7 December 2026): read permits_with_consent.
  CHECK(stance("Input and output training is not applicable to Team and Enterprise plans. We do not use your data to train our "
               "models and and you can't manually opt-in for training yourself.")
            .stance == "prohibits");
  CHECK(stance("We do not use your data to train our models unless you opt in.").stance == "permits_with_consent");
}

TEST_CASE("held-out notices: a named AI that joined the call or analyses it is at work", "[engine]") {
  // Bitrix24's call strings (OtusBitrix mirror, bitrix/js/call/core/lang/{ru,kz,en}/config.php):
  // its "CoPilot" joined, connected, analyses the call, or already records it. All were silent.
  CHECK(kinds_states_of("CoPilot подключился к звонку") == K{"ai_assistant/active"});
  CHECK(kinds_states_of("CoPilot қоңырауға қосылды") == K{"ai_assistant/active"});
  CHECK(kinds_states_of("CoPilot joined the call") == K{"ai_assistant/active"});
  CHECK(kinds_states_of("CoPilot is analyzing the call in real time and will send the full report to the chat.") ==
        K{"ai_assistant/active"});
  const K kk = kinds_of("CoPilot қазірдің өзінде аудиожазбаны жүргізіп жатыр. Барлық қатысушылар оны қоңыраудан кейін бірден тыңдай алады");
  CHECK(std::find(kk.begin(), kk.end(), "ai_assistant") != kk.end());
  // The bare name is no activity.
  CHECK(kinds_of("Gemini is great").empty());
}

TEST_CASE("held-out notices: a Chinese status names the activity before its verb", "[state][engine]") {
  // A Chinese fork of MiroTalk SFU (zh strings): transcription started / stopped; NetEase Meeting:
  // the live stream stopped successfully; Mumble (mumble_zh_CN.ts): recording started / ended.
  // Each was silenced as a button.
  CHECK(kinds_states_of("转录开始") == K{"transcription/active"});
  CHECK(kinds_states_of("转录停止") == K{"transcription/stopped"});
  CHECK(kinds_states_of("直播停止成功") == K{"live_stream/stopped"});
  CHECK(kinds_states_of("录音开始") == K{"recording/active"});
  CHECK(kinds_states_of("录音结束") == K{"recording/stopped"});
  // The verb first is the button.
  CHECK(kinds_of("开始转录").empty());
  CHECK(kinds_of("停止直播").empty());
}

TEST_CASE("held-out notices: a recording begun mid-sentence, a stop awaited, an invitation to use the AI", "[state][engine]") {
  // NetEase Meeting (ja strings): "the host started the meeting's cloud recording, and ...". Silent before.
  CHECK(kinds_states_of("司会者は会議クラウドの録画を開始し、会議の作成者はクラウドの録画ファイルを見ることができ、会議が終わったら会議の"
                        "作成者に連絡して閲覧リンクを得ることができます。") == K{"recording/active"});
  CHECK(kinds_of("録画を開始してください").empty());  // a request to start is none
  // Stream Video's React SDK (en): the stop under way; read possible.
  CHECK(kinds_states_of("Waiting for recording to stop...") == K{"recording/stopped"});
  CHECK(kinds_states_of("Waiting for recording to start...") == K{"recording/possible"});
  // Bitrix24 (de): "Use the AI to analyse the call", an invitation; read as the AI at work.
  CHECK(kinds_of("Nutzen Sie die KI, um den Anruf zu analysieren").empty());
  CHECK(kinds_of("Utilisez l'IA pour résumer la réunion").empty());
}

TEST_CASE("held-out notices: a wish before the start, a stream offline in Thai, a recording not ready", "[state][engine]") {
  // A Chinese MiroTalk fork: "${peer_name} wants to start transcription for this session. Do you
  // want to enable it?" read as on.
  CHECK(kinds_states_of("${peer_name} 希望为此会话开始转录。您是否希望启用转录？") == K{"transcription/possible"});
  CHECK(kinds_states_of("主持人开始转录。") == K{"transcription/active"});
  // Owncast (web locales th): "this stream is offline, check back later". Silent before.
  CHECK(kinds_states_of("สตรีมนี้ออฟไลน์ กรุณาตรวจสอบอีกครั้งในภายหลัง!") == K{"live_stream/stopped"});
  // Vonage's video reference app (sv) and Apache OpenMeetings (en): a recording not ready yet is a
  // finished one being prepared. Silent before.
  CHECK(kinds_states_of("Denna inspelning är ännu inte redo att laddas ner") == K{"recording/stopped"});
  CHECK(kinds_states_of("The recording is not yet ready to watch") == K{"recording/stopped"});
}

TEST_CASE("held-out clauses: Czech data transferred to partners is no live stream", "[engine]") {
  // obtains.io's terms (cs): "the user's prompts may be transferred and processed anonymously by
  // our partners" read as a live stream that may happen.
  CHECK(kinds_of("Uživatel bere na vědomí, že jeho zadání (prompty) mohou být přenášena a anonymně zpracovávána u našich "
                 "prověřených smluvních partnerů, kteří poskytují podkladovou AI infrastrukturu.")
            .empty());
  CHECK(kinds_of("Vaše údaje mohou být přenášeny našim partnerům.").empty());
  // plugNmeet (cs): a meeting broadcast live still is one.
  CHECK(kinds_states_of("Toto setkání je nyní živě přenášeno.") == K{"live_stream/active"});
}

TEST_CASE("held-out clauses: teaching the AI is training it (sv)", "[stance][engine]") {
  // SomeBuddy's help centre (sv, "Hur behandlar vi dina personuppgifter?"): "we use your
  // information to teach the artificial intelligence the service uses". Silent before.
  CHECK(clause_stances("Utöver detta använder vi din information för att lära ut den artificiella intelligensen som används av "
                       "tjänsten och för att förbättra användarupplevelsen och informationssäkerheten.") == K{"permits"});
  CHECK(clause_stances("Vi använder inte dina uppgifter för att lära upp modellen.") == K{"prohibits"});
}

TEST_CASE("a document's rule silences nothing in a meeting notice", "[engine]") {
  // A Spanish notice read out to a meeting (held-out notices of 7 December 2026): the sentence on
  // how long recordings are kept matched the documents' rule for AI data retention, which may not
  // speak in a notice but silenced the recording and the AI summary on the line all the same.
  const K kinds = kinds_of("Esta reunión se está grabando y transcribiendo con ayuda de inteligencia artificial para elaborar el acta y un "
                           "resumen. Las grabaciones y transcripciones se tratan conforme a la política de tratamiento de datos personales "
                           "de la administración y se conservan solo el tiempo necesario.");
  CHECK(std::find(kinds.begin(), kinds.end(), "recording") != kinds.end());
  CHECK(std::find(kinds.begin(), kinds.end(), "ai_assistant") != kinds.end());
}

TEST_CASE("held-out clauses: an opt-out already made, training as an open question, a relative clause's negation", "[stance]") {
  // AssemblyAI's docs (LLM Gateway, seen 7 December 2026): the company "has opted out of data
  // training" with its providers (a ban), and its own training is left open ("whether ... may
  // train"). Both read permits.
  CHECK(stance("AssemblyAI has opted out of data training with all LLM Gateway providers.").stance == "prohibits");
  CHECK_FALSE(stance("Please note this is separate from whether AssemblyAI may train our models with your data.").found);
  // A choice over it is still a way in or out; a "whether" that a comma closes describes data.
  CHECK(stance("You can choose whether we use your data to train our models.").found);
  CHECK(stance("Electing whether your User Content is used for product development or model training.").found);
  CHECK(stance("We may use aggregated signals, such as whether a suggestion was accepted, edited or rejected, to train and "
               "evaluate our models.")
            .stance == "permits");
  // TellYou's help centre (seen 7 December 2026): the "no longer" of the data's description read
  // as a ban.
  CHECK(stance("We may use anonymized, disconnected data, which no longer identifies individuals or can be linked back to the "
               "Customer, to further improve our machine learning algorithms and to improve the quality of the service.")
            .stance == "permits");
  CHECK(stance("Your content, which we never use to train our models, is stored in the EU.").stance == "prohibits");
}

TEST_CASE("held-out notices: quality as the purpose, a placeholder's code, a Hebrew call being recorded", "[state][engine]") {
  // A consultation app (ko): "this consultation may be recorded to improve quality. Do you agree?";
  // silenced as a settings line by its "quality".
  CHECK(kinds_states_of("이 상담은 품질 향상을 위해 녹화될 수 있습니다. 녹화에 동의하시나요?") == K{"recording/possible"});
  CHECK(kinds_states_of("この通話は品質向上のため録音される場合があります。") == K{"recording/possible"});
  CHECK(kinds_states_of("This call may be recorded for quality assurance.") == K{"recording/possible"});
  CHECK(kinds_states_of("Cet appel peut être enregistré à des fins de qualité.") == K{"recording/possible"});
  CHECK(kinds_of("Recording quality: 720p").empty());
  // A recording app's announcement (ko): the "duration" of a template placeholder's code is no
  // setting word.
  CHECK(kinds_states_of("녹화가 종료되었습니다. 총 ${formatTime(duration)} 녹화되었습니다.") == K{"recording/stopped"});
  CHECK(kinds_of("Maximum recording duration").empty());
  // A call badge (he): "the call is being recorded". Silent before.
  CHECK(kinds_states_of("השיחה מוקלטת") == K{"recording/active"});
}

TEST_CASE("held-out notices: a feature now available, a negation before that, a danda, a Chinese no", "[state][engine]") {
  // A product's news line (held-out notices of 7 December 2026): "now available" read as on.
  CHECK(kinds_of("New. AI summaries are now available on every record.").empty());
  CHECK(kinds_of("Live transcription is now available.").empty());
  // Jitsi Meet (bg, transcribing.labelTooltipExtra): a transcript available later is this meeting's.
  CHECK(kinds_states_of("Освен това, стенограма ще бъде налична по-късно.") == K{"transcription/active"});
  // Jitsi Meet (it): a negated availability is a failure.
  CHECK(kinds_states_of("Ops! Il Servizio di registrazione non è al momento disponibile.") == K{"recording/stopped"});
  // A call app (pt): "no one but you sees that the meeting is being recorded" read as stopped.
  CHECK(kinds_states_of("Avise quem está na chamada. Ninguém além de você vê que a reunião está sendo gravada.") ==
        K{"recording/active"});
  CHECK(kinds_states_of("A reunião não está sendo gravada.") == K{"recording/stopped"});
  // A meeting timer (zh): "does not record what is said, does not generate minutes" read as on.
  CHECK(kinds_states_of("不记录发言内容，不生成会议纪要。") == K{"ai_assistant/stopped"});
  // A consent prompt (hi): the question after the danda asks about going on, the recording is on.
  CHECK(kinds_states_of("यह बातचीत गुणवत्ता के उद्देश्यों के लिए रिकॉर्ड की जा रही है। क्या आप आगे बढ़ने के लिए सहमत हैं?") ==
        K{"recording/active"});
}

TEST_CASE("held-out clauses: a way out denied, training on data in five languages", "[stance]") {
  // AssemblyAI's docs (Data Controls, seen 7 December 2026): free users cannot opt out of the
  // model improvement program; read as a ban on users.
  CHECK(stance("Free users cannot opt out of the model improvement program, set a TTL, or sign a BAA.").stance == "permits");
  CHECK(stance("Users can't opt out of model training.").stance == "permits");
  // 10RUPTiV (fr): "no training on customer data without explicit authorisation" had no model word.
  CHECK(stance("Aucun entraînement sur des données clients sans autorisation explicite").stance == "permits_with_consent");
  CHECK(stance("Wir trainieren nicht mit Ihren Daten.").stance == "prohibits");
  CHECK(stance("No entrenamos con sus datos.").stance == "prohibits");
  CHECK(stance("Non addestriamo sui tuoi dati.").stance == "prohibits");
}

TEST_CASE("held-out clauses: an AI model's providers are other companies' AI", "[engine]") {
  // DuckDuckGo's help pages (_docs/aichat/ai-chat-privacy.md): agreements with all model providers
  // on how they may use the chats. Silent in a short text before.
  CHECK(kinds_of("In addition, we have agreements in place with all model providers that further limit how they can use data from "
                 "these anonymous chats, including the requirement that they delete all information received once it is no longer "
                 "necessary to provide responses.") == K{"training_clause"});
  CHECK(kinds_of("We share your prompts with our AI model providers.", "document") == K{"training_clause"});
}

TEST_CASE("a limit joined to the way out is the reader's choice, not a ban on users", "[stance]") {
  // Bolt's privacy policy of 12 May 2026 (Open Terms Archive copy; held-out diff41).
  each_labelled({{"Depending on account type or plan, users may have the ability to limit or opt out of the use of AI Inputs and AI Outputs for model training or improvement, as described in product documentation or account settings.", "O"},
                 {"Users may restrict or opt out of the use of their prompts for model training.", "O"},
                 {"Users may limit and/or opt out of the use of their content for model training.", "O"},
                 // A ban on users stays theirs.
                 {"Users may not use the Services to train competing models.", "U"}});
}

TEST_CASE("Dutch neither-nor and Scandinavian only-if split over a clause", "[stance]") {
  // Written probes of 7 December 2026.
  each_labelled({{"Noch wij noch onze subverwerkers gebruiken de inhoud van uw vergaderingen om AI-modellen te trainen.", "P"},
                 {"Vi använder bara dina inspelningar för att träna våra AI-modeller om du uttryckligen samtycker till det.", "C"},
                 {"Vi bruger kun dine optagelser til at træne vores AI-modeller, hvis du giver dit udtrykkelige samtykke.", "C"},
                 {"Vi bruker bare opptakene dine til å trene AI-modellene våre hvis du gir ditt uttrykkelige samtykke.", "C"}});
  // German "noch" opening a sentence is no Dutch negation (the Dutch reading needs a pronoun or
  // an article after it).
  CHECK(state("Noch einmal: diese Besprechung wird aufgezeichnet.") == State::active);
}

TEST_CASE("an opt-out said as 'so that it is not used', in Korean and Indonesian", "[stance]") {
  // Written probes of 7 December 2026: both read as bans, the reverse of what they say.
  each_labelled({{"설정에서 언제든지 대화가 모델 학습에 사용되지 않도록 선택(옵트아웃)할 수 있습니다.", "O"},
                 {"Anda dapat memilih keluar kapan saja di Pengaturan agar percakapan Anda tidak digunakan untuk melatih model kami.", "O"}});
}

TEST_CASE("a use that requires consent is training with consent", "[stance]") {
  // A site's terms (public code index, 2026), Hebrew: "Any other use - including republishing,
  // commercial use or use for training models - requires prior written approval."
  CHECK(stance("כל שימוש אחר - לרבות פרסום מחדש, שימוש מסחרי או שימוש לאימון מודלים - מחייב אישור מראש ובכתב.").stance ==
        "permits_with_consent");
  CHECK(stance("Use of your content to train AI models requires your prior consent.").stance == "permits_with_consent");
  CHECK(stance("Die Nutzung Ihrer Inhalte zum Training von KI-Modellen bedarf Ihrer ausdrücklichen Einwilligung.").stance ==
        "permits_with_consent");
  CHECK(stance("L'utilisation de vos contenus pour entraîner nos modèles nécessite votre consentement préalable.").stance ==
        "permits_with_consent");
  // A consent that another activity requires conditions nothing here.
  CHECK(stance("We use your content to train our models, and recording a call requires the consent of everyone on it.").stance ==
        "permits");
}

TEST_CASE("a negation written with emphasis still negates", "[stance]") {
  // A Dutch agency's privacy text (public code index, 2026): "níet", stressed with an accent.
  CHECK(stance("Wij gebruiken klantdata níet om onze modellen te trainen of te optimaliseren.").stance == "prohibits");
  // Korean "미사용" (unused): "deleted 30 days after processing, not used for model training".
  CHECK(stance("OpenAI API 정책에 따라 30일 내 삭제, 모델 학습에 미사용").stance == "prohibits");
}

TEST_CASE("a list's item is read under its lead-in", "[stance][engine]") {
  // A file-copy service's privacy policy (public code index, 2026): the negation stands in the
  // lead-in, the training in the third item.
  const auto es = engine().analyze(
      "NO transferimos, vendemos ni utilizamos datos de Google Drive o Dropbox para:\nPublicidad personalizada\n"
      "Perfiles de comportamiento de usuarios\nEntrenar modelos de inteligencia artificial\n").result["findings"];
  REQUIRE(es.size() == 1);
  CHECK(es[0]["stance"] == "prohibits");
  const auto stance_of_item = [](const std::string& text) { return clause_stance(text, "document"); };
  CHECK(stance_of_item("We do not use your data for:\n- advertising\n- training AI models\n") == "prohibits");
  CHECK(stance_of_item("We use your data to:\n\n- provide the service\n- train our AI models\n") == "permits");
  // What users may not do is no use of their data: no clause.
  CHECK(stance_of_item("You may not:\n- copy the site\n- use the Service to train AI models\n") == "(none)");
  // A paragraph above is no lead-in: the item-like line is read alone.
  CHECK(stance_of_item("We do not sell data. We never share it.\nWe train our AI models on your chats\n") == "permits");
}

TEST_CASE("a purpose listed as a nominalised verb after its article improves the models", "[stance]") {
  // An AI sales-coaching platform's privacy page, Dutch (held-out docs26, 8 December 2026): an item
  // under "Wij gebruiken uw gegevens uitsluitend voor:".
  const auto r = stance("Het verbeteren van onze diensten en AI-modellen (geanonimiseerd)");
  REQUIRE(r.found);
  CHECK(r.stance == "permits");
  // A product made with AI, its article or not, improves nothing with anyone's data.
  CHECK_FALSE(stance("De app verbetert je vergaderingen met AI-modellen").found);
}

TEST_CASE("a model used as a tool, marked after it, is not what is improved", "[stance]") {
  // An AI interpreting service's Japanese privacy page (held-out docs27, 8 December 2026): "This
  // website makes use of artificial-intelligence (AI) models to improve its service".
  CHECK_FALSE(stance("当ウェブサイトは、サービス提供を向上させるために人工知能(AI)モデルを活用しています。").found);
  // The models improved with the customer's data still are.
  CHECK(stance("お客様のデータを当社のAIモデルの改善に利用します。").stance == "permits");
}

TEST_CASE("an FAQ's answer with its label answers the question", "[stance]") {
  // A Japanese FAQ about an AWS Bedrock assistant (held-out clauses26, 8 December 2026): "Q2. Is the
  // data used to train AI models? Answer: No. ...".
  CHECK(stance("Q2. データがAIモデルの学習に利用されますか？\n回答：いいえ。お客様のデータがモデルの学習に利用されることは一切ありません。").stance ==
        "prohibits");
  CHECK(stance("Is my data used to train AI models? Answer: No.").stance == "prohibits");
  CHECK(stance("Do you train on my data? A: Yes, unless you opt out.").stance == "permits");
}

TEST_CASE("a ban that holds once a privacy mode is on leaves training on by default", "[stance]") {
  // "When privacy mode is enabled, ... not used to train": the reader's way out.
  const auto r = stance("When privacy mode is enabled, your conversations will not be used to train AI models.");
  CHECK(r.stance == "permits");
  CHECK(r.opt_out);
  CHECK(stance("Jika mode privasi diaktifkan, percakapan Anda tidak akan digunakan untuk melatih model AI.").stance == "permits");
  // A feature switched on is no way out: the promise stands.
  CHECK(stance("When AI Companion is enabled, Zoom does not use your audio to train models.").stance == "prohibits");
}

TEST_CASE("what others do, set against the company, is not what the company does", "[stance]") {
  // An AI interpreting service's German terms (held-out clauses26): "Unlike competitors, who may
  // use conversation data to improve their models, InterMIND guarantees ... no use of data for
  // model training."
  CHECK(stance("Im Gegensatz zu Konkurrenten, die möglicherweise Gesprächsdaten zur Verbesserung ihrer Modelle verwenden, "
               "garantiert InterMIND keinen Drittanbieterzugang zu Gesprächsdaten und keine Verwendung von Daten für das "
               "Modelltraining.").stance == "prohibits");
  CHECK(stance("Unlike other apps, which use your data to train their models, we never use your recordings to train AI models.").stance ==
        "prohibits");
  CHECK(stance("Unlike other apps, we use your data to train our models.").stance == "permits");
}

TEST_CASE("a pasted clause wrapped over lines is read as one sentence", "[stance][engine]") {
  // A privacy page's paragraph about OpenAI's API (held-out clauses26), pasted with its line breaks.
  const auto fs = engine().analyze(
      "OpenAI puede retener\ntemporalmente los datos transmitidos a través de su API por un\nmáximo de 30 días para fines "
      "estrictos de monitoreo de abuso y\nseguridad, tras lo cual son eliminados. OpenAI no utiliza los datos\nenviados a "
      "través de su API para entrenar sus modelos de\ninteligencia artificial.").result["findings"];
  REQUIRE(fs.size() == 1);
  CHECK(fs[0]["stance"] == "prohibits");
  // A notice's parts stay parts: a one-word status over a lower-case line is not joined to it.
  std::string parts = "Grabando\ntranscripción en vivo pausada";
  CHECK_FALSE(join_wrapped_lines(parts, &engine().lexicon()));
}

TEST_CASE("verb-final languages improve the model named before the verb: Hindi", "[stance]") {
  // A farm app's sign-up tick box (held-out clauses26): "I understand that my crop data may be used
  // anonymously to improve AI models."
  const auto r = stance("मैं समझता हूं कि मेरा फसल डेटा AI मॉडल को बेहतर बनाने के लिए गुमनाम रूप से उपयोग किया जा सकता है।");
  CHECK(r.stance == "permits");
  CHECK(r.deidentified);
  CHECK(stance("हम आपके डेटा का उपयोग AI मॉडल को बेहतर बनाने के लिए नहीं करते हैं।").stance == "prohibits");
}

TEST_CASE("a switch that asks leave to use the data, and a ban only by default, are training with consent", "[stance][engine]") {
  // Settings toggles (held-out clauses26, 8 December 2026): Turkish "Allow your anonymised usage data
  // to be used to improve our AI models", Vietnamese "Contribute anonymised data to improve the AI model".
  CHECK(stance("Anonimleştirilmiş kullanım verilerinizin yapay zeka modellerimizi geliştirmek için kullanılmasına izin verin.").stance ==
        "permits_with_consent");
  CHECK(stance("Đóng góp dữ liệu ẩn danh để cải thiện mô hình AI phát hiện bệnh lý.").stance == "permits_with_consent");
  CHECK(stance("Allow the use of your data to improve AI models").stance == "permits_with_consent");
  // The company allowing others is no request to the reader.
  CHECK(stance("We allow partners to use your data to train their models.").stance == "permits");
  // "NOT used ... by default" with a way in after it.
  const auto fs = engine().analyze("Your data is NOT used to train our models by default. You can opt in at any time and withdraw later.")
                      .result["findings"];
  REQUIRE(fs.size() == 1);
  CHECK(fs[0]["stance"] == "permits_with_consent");
  const auto plain = engine().analyze("By default, we do not train on your data. Enterprise plans never train.").result["findings"];
  REQUIRE(plain.size() == 1);
  CHECK(plain[0]["stance"] == "prohibits");
}

TEST_CASE("a review of 8 December 2026: what the round's readings must not do", "[stance][engine]") {
  const char* doc = "document";
  const auto stance_in = [](const std::string& text, const char* as) { return clause_stance(text, as); };
  // A paragraph of prose after a list is no item of it.
  CHECK(stance_in("Please do not include any of the following in your prompts:\n- Passwords\n- Health information\n\n"
                  "Your prompts may be used to train our AI models.", doc) == "permits");
  CHECK(stance_in("Unless you opt out, we may:\n- Send marketing emails\n\nWe do not use your content to train AI models.", doc) ==
        "prohibits");
  // "No:" is the answer, not its label.
  CHECK(stance("Do you use my data to train AI models? No: your data is never used for that.").stance == "prohibits");
  // An article and an adjective are no nominalised verb.
  CHECK_FALSE(stance("The improved AI Companion is now available in your meetings.").found);
  // Placeholders and prose with '<' are no tags.
  CHECK(stance_in("We do not, except as set out in <Section 5>, use your content to train our AI models.", doc) == "prohibits");
  CHECK(stance_in("Retention: files <a few MB are kept for 30 days.\nWe do not use your data to train our AI models.\n> Note: see section 4.",
                  doc) == "prohibits");
  // An opt-in to something else, or by no one, is no way in to training.
  CHECK(stance_in("By default, we do not use your conversations to train our AI models. Marketing emails are opt-in.", "") == "prohibits");
  CHECK(stance_in("Transcripts are never used to train our models by default or otherwise. Opt in to email summaries in Settings.", "") ==
        "prohibits");
  // A denied requirement, and the company's own approval, ask the reader for nothing.
  CHECK(stance("Using aggregated usage data to train our models does not require your consent.").stance == "permits");
  CHECK(stance("Use of your content to train AI models requires our prior written consent.").stance != "permits_with_consent");
  // A sharing switch before a promise keeps the promise; a privacy word is no privacy mode.
  CHECK(stance("Share your recordings with teammates - they are never used to train AI models.").stance == "prohibits");
  CHECK(stance("Your privacy matters: transcription, when enabled, never uses your audio to train our models.").stance == "prohibits");
  // "unused" before a noun (a dormant account) negates nothing.
  CHECK(stance("1년 이상 미사용 계정의 대화 기록은 AI 모델 학습에 활용될 수 있습니다.").stance == "permits");
  // Without a comma after it, the company's own subject ends what is said of others.
  CHECK(stance("Unlike other apps we never use your recordings to train AI models, and we never sell your data.").stance == "prohibits");
  CHECK(stance("Diğer uygulamaların aksine verilerinizi yapay zeka modellerini eğitmek için kullanmıyoruz.").stance == "prohibits");
}

TEST_CASE("a review of 8 December 2026: people, files and parts of a notice", "[engine]") {
  const auto kinds = [&](const std::string& text) {
    std::vector<std::string> out;
    const auto fs = engine().analyze(text).result["findings"];
    for (const auto& f : fs) out.push_back(f["kind"].get<std::string>() + "/" + f["state"].get<std::string>());
    return out;
  };
  CHECK(kinds("Quick note: Zoom is recording. I'll send everyone the notes and recording link after the call.") ==
        std::vector<std::string>{"recording/active"});
  CHECK(kinds("Agent Maria has joined to take notes on your request.").empty());
  CHECK(kinds("My assistant Sarah will be taking notes during the call.").empty());
  CHECK(kinds("Slides uploaded successfully. Live transcription is now on for everyone.") == std::vector<std::string>{"transcription/active"});
  CHECK(kinds("Bài hát này được ghi âm tại phòng thu Hà Nội năm 2019.").empty());
  CHECK(kinds("You are not live.").empty());
  // A status line after a name list ending in a comma stays a part of its own.
  const auto parts = kinds("Otter.ai is taking notes for Sam Lee,\nRecording stopped");
  CHECK(std::find(parts.begin(), parts.end(), "recording/stopped") != parts.end());
  // A notice to the recorded person is no reminder to the one who records.
  const auto told = engine().analyze("This call is being recorded. If you'd rather not be recorded, tell the other person and they can stop it.")
                        .result["findings"];
  REQUIRE(told.size() == 1);
  CHECK(told[0]["your_choices"].get<std::vector<std::string>>() != std::vector<std::string>{"none"});
}

TEST_CASE("a second review of 8 December 2026: headings, lead-ins and tables end a list, and people are no bots", "[stance][engine]") {
  // An HTML page: the heading above the second list ends the first one.
  CHECK(clause_stance("<h3>What we never do</h3>\n<p>We never sell your personal data to:</p>\n<ul><li>Advertisers</li><li>Data brokers</li></ul>\n"
                      "<h3>How we use your data</h3>\n<ul>\n  <li>To provide the service</li>\n  <li>To train and improve our AI models</li>\n</ul>",
                      "document") == "permits");
  // A lead-in of its own is no item of the list above.
  CHECK(clause_stance("We never sell your data to:\n- advertisers\n- data brokers\n\nWe use your recordings to train our AI models for:\n"
                      "- transcription accuracy",
                      "document") == "permits");
  // A sentence with its subject is no item.
  CHECK(clause_stance("Prohibited uses:\n- scraping\n- reverse engineering\nAcme uses your content to train AI models", "document") == "permits");
  // A way in denied is none.
  CHECK(clause_stance("By default, we do not use your data to train our models. You cannot opt in to model training.") == "prohibits");
  // A JSX page's apostrophe written as a character reference still negates.
  CHECK(clause_stance("<p>\n  We don&apos;t use your meeting recordings or transcripts to train AI models.\n</p>", "document") == "prohibits");
  // Someone else's approval, and a negation inside the data's description, are not the reader's yes.
  CHECK(clause_stance("Use of Customer Data to train AI models requires prior written approval from Acme.") == "permits");
  CHECK(clause_stance("Training AI models on data that is not anonymised requires your consent.") == "permits_with_consent");
  // "unlike" with only its noun, and a postposition that names the others just before it.
  CHECK(clause_stance("Im Gegensatz zu anderen Anbietern verwendet Acme Ihre Daten nicht zum Training von KI-Modellen, sondern löscht sie "
                      "nach 30 Tagen.") == "prohibits");
  CHECK(clause_stance("当社はお客様のデータをAIモデルの学習に使用しますが、他社とは異なり、事前に同意を得ます。") == "permits_with_consent");
  // A person recording who promises notes is a person; a status line naming an activity stays apart.
  const auto person = engine().analyze("Hi all, I'm recording this call and I'll send you the summary afterwards.").result["findings"];
  REQUIRE(person.size() == 1);
  CHECK(person[0]["kind"] == "recording");
  const auto two = engine().analyze("Recording started by Sam Lee for this meeting\nlive transcription is on").result["findings"];
  CHECK(two.size() == 2);
}
