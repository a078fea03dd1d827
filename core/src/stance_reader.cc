#include "stance_reader.h"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace consentlens {
namespace {

// "improve our models", "develop AI": an improve word counts only this close before a model word
// ("improve our services" is not AI).
constexpr std::size_t kImproveReach = 40;
constexpr std::size_t kChoiceJoinBytes = 9;  // " or ", " and ", " and/or " between a limit and an opt-out
// "your content", "Ihrer gespeicherten Inhalte": a reader's possessive owns the data noun this
// close after it (bytes).
constexpr std::size_t kYourDataGap = 24;
// "Nein, es sei denn, ...", "No, not without your explicit consent": where an answer's own
// condition stands after its question mark (bytes).
constexpr std::size_t kAnswerConditionReach = 32;
// "to train, develop or improve", "do trenowania, rozwijania ani ulepszania": the list after a
// train word that names no model, in bytes.
constexpr std::size_t kTrainListReach = 48;
// An improve word's list ("services and products, including our AI models"): how far its
// "including" may stand, and its first item ("our ", "the ") from it, in bytes.
constexpr std::size_t kImproveListReach = 100, kListedModelGap = 6;
// "with AI", "with our AI", "mit KI": a tool word stands at most a short determiner before the
// model word it introduces.
constexpr std::size_t kInstrumentReach = 10;
constexpr std::size_t kInstrumentAfterGap = 2;  // "モデルを活用", "AI kullanarak": the mark right after the model word
constexpr std::size_t kDeniedRequirementGap = 1;  // "does not require", "no requiere": the negation right before
constexpr std::size_t kModelWordsGap = 4;       // "人工知能(AI)モデル": brackets or a space between the words of one model's name
// "Modelle zu verbessern": the improving words follow the model word at most a space away.
constexpr std::size_t kImproveAfterGap = 2;
// "Um unsere KI-Modelle zu trainieren": the predicate of a fronted purpose stands this close
// after its opening word; the vendor's negation of the main verb this close after "we" ("we will
// not"), or after "we" and a short object ("verwenden wir Ihre Aufnahmen nicht").
constexpr std::size_t kPurposeReach = 32;
// "zum Training", "für das Training", "pour l'entraînement": a purpose word this close before the
// predicate, in bytes; and the verb that may follow a negation closing its clause, in words.
constexpr std::size_t kEmbeddedPurposeGap = 6, kClosingVerbWords = 2;
// "does not use": a verb of use this close after the negation of a clause the training opens.
constexpr std::size_t kSubjectUseGap = 3;
// "Wir trainieren unsere KI-Modelle nicht": the vendor's "we" this close before its training
// verb, and the "not" at most this far after it (bytes: an object of a few words).
constexpr std::size_t kVendorVerbGap = 1, kVerbSecondNegReach = 40;
// The subject that opens a clause stands within its first few words ("The Subscriber", "Licensee").
constexpr std::size_t kLeadingSubjectReach = 16;
// The rest of a compound a class match stopped inside: a few letters, in bytes.
constexpr std::size_t kRestOfWordBytes = 12;
// "Nothing in these Terms restricts": a negation this close before a prohibiting word negates it.
constexpr std::size_t kNegatedBanReach = 24;
// "improve those features": the pointing word stands right after the improve word.
constexpr std::size_t kAnaphorGap = 2;
constexpr std::size_t kVendorNegationGap = 10;
// A condition word and what it conditions on: "without your explicit prior consent".
constexpr std::size_t kConditionReach = 60;
constexpr std::size_t kConditionLead = 24;  // "if you've " before the way out it names
constexpr std::size_t kPostpositionGap = 10;  // "सहमति के बिना" (consent of without): a postposition between
constexpr std::size_t kOtherDataGap = 5;  // "trenirani su na licenciranim ...": an auxiliary between the verb and whose data
// "our prior written consent": a vendor word this close before the consent word owns it.
constexpr std::size_t kOwnConsentGap = 20;
// An exception to a negated predicate stands shortly after it: "to train our models except".
constexpr std::size_t kExceptionReach = 40;
// How far after an exception word its need to run the service is read ("paitsi siltä osin kuin
// se on välttämätöntä": six words).
constexpr std::size_t kServiceNeedReach = 48;
// "excluding model training", "excluded from the datasets we use to train": the word leaves out
// the training only this close before it, with no comma between ("all data, excluding your
// payment details, to train" leaves out data).
constexpr std::size_t kExcludingReach = 40;
constexpr std::size_t kWithoutUseReach = 60;  // "without using customer data (...) to train"
// A subject counts for a negation when it stands this close before it ("We do not",
// "Our providers, including OpenAI, do not").
constexpr std::size_t kSubjectReach = 80;
// "train their own artificial intelligence models", "leurs propres modèles": the owner right
// before the models (an "own" between), just after the verb.
constexpr std::size_t kTheirModelsReach = 24, kTheirModelsGap = 9;
// A user word owns the data word right after it ("Customer Content", "user's data", "お客様の
// データ") or right before it with a short linking word ("données de l'utilisateur").
constexpr std::size_t kOwnerGapAfter = 3;
constexpr std::size_t kOwnerGapBefore = 6;
// A user is the one barred only when named right before the negation ("you may not", "users
// shall not", "you agree not to"); "your content is not used" speaks of the vendor's use.
constexpr std::size_t kUserSubjectReach = 24;
// Romance elisions before an apostrophe are short ("l'", "d'", "qu'", "dell'", "quest'").
constexpr std::size_t kElisionLetters = 5;
// "模型训练:您的交互记录不会用于训练 ...", "AI Training: We never ...": a title this short before a
// colon opening the sentence names the topic, in bytes.
constexpr std::size_t kTitleBytes = 32;
// "can't manually opt in": one word of at most this many bytes between a negation and the choice.
constexpr std::size_t kNegatedChoiceWordBytes = 16;
// "choose whether", "control over whether": a choice this close before "whether" makes it a way in or out.
constexpr std::size_t kChoiceBeforeWhether = 16;
constexpr std::size_t kRelativeGap = 16;  // "AI technologies that we", "KI-Technologien, die wir": the relative pronoun right after the model phrase
constexpr std::size_t kRelativeImproveReach = 60;  // "die wir mithilfe Ihrer personenbezogenen Daten entwickeln und verbessern"
constexpr std::size_t kTrainedByGap = 8;  // "trained by third parties", "entraînés par des tiers"
constexpr std::size_t kOptOutEffectGap = 4;  // "opt-out to prevent", "opt out and stop"
constexpr std::size_t kMethodVerbReach = 24;  // "training process does not use"
// "When training these models, we do not use": at most this many words open the sentence before
// the training, and the verb of use stands between it and a few bytes after the negation.
constexpr std::size_t kCircumstanceWords = 3, kCircumstanceUseReach = 12;

enum class Party { vendor, third_parties, users };

struct Words {
  std::vector<Span> train, model, improve, neg, neg_anywhere, prohibit, without, without_use, unless, only_if, opt_in, opt_out,
      consent, deidentify, we, third, you, breaks, desire, manner, conjunction, excluding, choice, instrument, data_noun, you_ban, you_topic, improve_after, purpose,
      anaphor, preposition, impersonal_ban, other_data, second_verb, permission, condition, restrict, training_set, training_purpose, nor,
      sentence_ends, service_need, example, use_verb, our, your, relative_we, staff, access, share, whether, authorize, chooses, relative_aside,
      requires_consent, instrument_after, asks_leave;
  bool unless_opt_out = false;  // a negation that is the condition of a way out
};

bool any_in(const std::vector<Span>& spans, std::size_t b, std::size_t e);
Span clause_of(const Words& w, std::size_t at, std::size_t size);

// Short stretches in quotation marks ("'No'", "« Non »", "「いいえ」"): the names of buttons and
// replies. An ASCII apostrophe opens a quote only after a space or the start (not "don't").
std::vector<Span> quoted_ranges(std::string_view s) {
  constexpr std::size_t kQuotedReach = 40;  // a button's name, not a paragraph
  constexpr std::ptrdiff_t kQuotedSpaces = 2;
  static const std::vector<std::pair<std::string_view, std::string_view>> marks{
      {"\"", "\""}, {"'", "'"}, {"\xE2\x80\x9C", "\xE2\x80\x9D"}, {"\xE2\x80\x98", "\xE2\x80\x99"},
      {"\xC2\xAB", "\xC2\xBB"}, {"\xE3\x80\x8C", "\xE3\x80\x8D"}, {"\xE3\x80\x8E", "\xE3\x80\x8F"}};
  std::vector<Span> out;
  for (const auto& [open, close] : marks)
    for (std::size_t at = s.find(open); at != std::string_view::npos; at = s.find(open, at + 1)) {
      if (open.size() == 1 && at > 0 && s[at - 1] != ' ' && s[at - 1] != '(') continue;
      const std::size_t inner = at + open.size();
      const std::size_t end = s.find(close, inner);
      if (end == std::string_view::npos || end == inner || end - inner > kQuotedReach) continue;
      // A name is a few words ("Not now"); a sentence quoted is a statement ("We do not train ...").
      if (std::count(s.begin() + static_cast<std::ptrdiff_t>(inner), s.begin() + static_cast<std::ptrdiff_t>(end), ' ') > kQuotedSpaces) continue;
      out.push_back({inner, end});
      at = end;
    }
  return out;
}

Words find_words(const Lexicon& lx, std::string_view s) {
  Words w;
  w.train = lx.find("train", s);
  // "complete mandatory security and privacy training": the staff's course, no model's.
  for (const Span& course : lx.find("staff_training", s))
    std::erase_if(w.train, [&](const Span& t) { return course.begin <= t.begin && t.end <= course.end; });
  // "as input into any previously trained artificial intelligence system" (DeviantArt's terms): a
  // model trained already is no training done here (class already_trained).
  for (const Span& done : lx.find("already_trained", s))
    std::erase_if(w.train, [&](const Span& t) { return done.begin <= t.begin && t.end <= done.end; });
  w.model = lx.find("model", s);
  // A named AI product is a model too: "no entrenamos a Copilot usando tus conversaciones"; so is
  // speech technology being built ("mejorar y crear tecnología y herramientas para convertir voz
  // en texto", "改进并打造语音转文本技术": Mozilla Common Voice's notices; class speech_tech).
  for (const Span& p : lx.find("ai_product", s)) w.model.push_back(p);
  for (const Span& p : lx.find("speech_tech", s)) w.model.push_back(p);
  std::sort(w.model.begin(), w.model.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  w.improve = lx.find("improve", s);
  w.neg = lx.find("neg", s);
  w.neg_anywhere = lx.find("neg_anywhere", s);
  // "eine Verwendung dieser Daten zum Training ... findet nicht statt": a negated "takes place"
  // after a use named as a noun negates it, wherever the language puts its other negations.
  for (const Span& n : lx.find("neg_after", s)) w.neg_anywhere.push_back(n);
  // "'아니에요'로 알려주신 내용도 AI 학습에 활용돼요" (what you tell us with the "No" button is also
  // used for AI training): a no in quotes is a word named, not a negation.
  const auto quoted = quoted_ranges(s);
  const auto in_quotes = [&](const Span& n) {
    return std::any_of(quoted.begin(), quoted.end(), [&](const Span& q) { return q.begin <= n.begin && n.end <= q.end; });
  };
  std::erase_if(w.neg, in_quotes);
  std::erase_if(w.neg_anywhere, in_quotes);
  w.prohibit = lx.find("prohibit", s);
  w.without = lx.find("without", s);
  // "without using customer data to train": "without" right before a use is a negation of that
  // use, not a condition ("without your consent").
  {
    std::vector<Span> uses = lx.find("use_verb", s);
    for (const Span& u : lx.find("data_use", s)) uses.push_back(u);
    for (const Span& x : w.without)
      if (std::any_of(uses.begin(), uses.end(), [&](const Span& u) { return u.begin >= x.end && u.begin - x.end <= 1; })) w.without_use.push_back(x);
  }
  w.unless = lx.find("unless", s);
  w.only_if = lx.find("only_if", s);
  w.requires_consent = lx.find("requires_consent", s);
  w.asks_leave = lx.find("asks_leave", s);
  w.opt_in = lx.find("opt_in", s);
  w.opt_out = lx.find("opt_out", s);
  // "We have opted out of training with our AI providers, so your data is not used ...",
  // "オプトアウト設定を行っているモデルプロバイダーを利用し": the company's own opt-out with its
  // suppliers (class vendor_opted_out) is done for the reader, no way out left to the reader.
  const auto vendor_opted = lx.find("vendor_opted_out", s);
  std::erase_if(w.opt_out, [&](const Span& o) {
    return std::any_of(vendor_opted.begin(), vendor_opted.end(), [&](const Span& v) { return v.begin < o.end && o.begin < v.end; });
  });
  w.consent = lx.find("consent", s);
  // "users may have the ability to limit or opt out of the use of AI Inputs ... for model
  // training" (Bolt's privacy policy, 2026): a limit joined to the way out is the reader's
  // choice, not a ban.
  std::erase_if(w.prohibit, [&](const Span& p) {
    return std::any_of(w.opt_out.begin(), w.opt_out.end(), [&](const Span& o) {
      return o.begin >= p.end && o.begin - p.end <= kChoiceJoinBytes && lx.any("conjunction", s.substr(p.end, o.begin - p.end));
    });
  });
  w.deidentify = lx.find("deidentify", s);
  w.we = lx.find("we", s);
  w.third = lx.find("third_parties", s);
  w.you = lx.find("you_subject", s);
  w.breaks = lx.find("clause_break", s);
  // "사용하지 않으며," (does not use, and ...): a connective ending that closes a clause with its
  // comma is a word of that clause (here its negation); the clause ends at the comma.
  for (Span& b : w.breaks)
    if (b.end > b.begin + 1 && s[b.end - 1] == ',' && static_cast<unsigned char>(s[b.begin]) >= 0x80) b.begin = b.end - 1;
  // A sentence's end ends its clauses: "... are contractually barred from training on the
  // inputs. We ourselves, however, may use those inputs ... to train".
  for (std::size_t i = 0; i + 2 < s.size(); ++i)
    if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ' &&
        (std::isupper(static_cast<unsigned char>(s[i + 2])) || static_cast<unsigned char>(s[i + 2]) >= 0x80))
      w.sentence_ends.push_back(Span{i, i + 1});
    else if (s.compare(i, 3, "\xE3\x80\x82") == 0 && i + 3 < s.size())  // "。" within the text
      w.sentence_ends.push_back(Span{i, i + 3});
  w.breaks.insert(w.breaks.end(), w.sentence_ends.begin(), w.sentence_ends.end());
  // "does not, however, permit you": a break word set off by commas on both sides is an aside
  // inside its clause, not the start of another.
  std::erase_if(w.breaks, [&](const Span& b) {
    std::size_t before = b.begin, after = b.end;
    while (before > 0 && s[before - 1] == ' ') --before;
    while (after < s.size() && s[after] == ' ') ++after;
    const bool comma_after = (b.end > b.begin && s[b.end - 1] == ',') || (after < s.size() && s[after] == ',');  // the word's end may hold it
    return before > 0 && s[before - 1] == ',' && comma_after;
  });
  // "While Provider does not use ..., Provider may use ... to train": a clause opened by a
  // subordinating word (class subordinator) ends at the comma that closes it.
  for (const Span& sub : lx.find("subordinator", s)) {
    const std::size_t comma = s.find(',', sub.end);
    if (comma != std::string_view::npos) w.breaks.push_back(Span{comma, comma + 1});
  }
  w.desire = lx.find("desire", s);
  w.manner = lx.find("manner", s);
  w.conjunction = lx.find("conjunction", s);
  w.excluding = lx.find("excluding", s);
  w.choice = lx.find("choice_action", s);
  w.instrument = lx.find("instrument", s);
  w.instrument_after = lx.find("instrument_after", s);
  w.data_noun = lx.find("data_noun", s);
  w.you_ban = lx.find("you_ban", s);
  w.you_topic = lx.find("you_topic", s);
  // "Kullanıcı verileri ... kullanılmaz", "User data is not used": a "user" right before a data
  // noun owns the data that is the subject; the user is not who is barred.
  const auto owns_data_after = [&](const Span& y) {
    return std::any_of(w.data_noun.begin(), w.data_noun.end(), [&](const Span& d) { return d.begin >= y.end && d.begin - y.end <= 1; });
  };
  std::erase_if(w.you_topic, owns_data_after);
  std::erase_if(w.you, owns_data_after);
  w.whether = lx.find("whether", s);
  w.authorize = lx.find("authorize", s);
  w.chooses = lx.find("chooses", s);
  w.relative_aside = lx.find("relative_aside", s);
  w.improve_after = lx.find("improve_after", s);
  w.anaphor = lx.find("anaphor", s);
  w.purpose = lx.find("purpose_opener", s);
  w.preposition = lx.find("preposition", s);
  w.impersonal_ban = lx.find("impersonal_ban", s);
  w.other_data = lx.find("other_data", s);
  w.second_verb = lx.find("second_verb", s);
  w.permission = lx.find("permission", s);
  w.restrict = lx.find("restrict", s);
  w.training_set = lx.find("training_set", s);
  w.training_purpose = lx.find("training_purpose", s);
  w.nor = lx.find("nor", s);
  w.service_need = lx.find("service_need", s);
  w.example = lx.find("example_intro", s);
  w.use_verb = lx.find("use_verb", s);
  w.staff = lx.find("staff", s);
  w.access = lx.find("access", s);
  w.share = lx.find("share", s);
  w.our = lx.find("possessive_we", s);
  w.your = lx.find("possessive_you", s);
  w.relative_we = lx.find("relative_we", s);
  w.condition = lx.find("if_word", s);
  // "models trained by third parties and/or with third-party data": a model described by who
  // trained it (another company), right after the model word, is no use of anyone's data here.
  std::erase_if(w.train, [&](const Span& t) {
    const bool after_model = std::any_of(w.model.begin(), w.model.end(), [&](const Span& m) { return m.end <= t.begin && t.begin - m.end <= 1; });
    return after_model && std::any_of(w.third.begin(), w.third.end(), [&](const Span& x) { return x.begin >= t.end && x.begin - t.end <= kTrainedByGap; }) &&
           any_in(w.instrument, t.end, t.end + kTrainedByGap);
  });
  // "learn more about our model mechanism or training methods", "to clarify the foundation
  // model's training process and content generation mechanisms": how models are trained, named
  // as a topic, is no use of anyone's data; unless its clause brings something to it before it
  // ("we use your data in our training process", "Your content is never part of our model
  // training process": a verb of use or a data word) or it uses something itself ("Our training
  // process does not use your content": a verb of use right after).
  for (const Span& method : lx.find("training_method", s)) {
    const Span c = clause_of(w, method.begin, s.size());
    const bool used = any_in(w.use_verb, c.begin, method.begin) || any_in(w.data_noun, c.begin, method.begin) ||
                      any_in(w.use_verb, method.end, std::min(c.end, method.end + kMethodVerbReach));
    if (!used) std::erase_if(w.train, [&](const Span& t) { return method.begin <= t.begin && t.end <= method.end; });
  }
  // "않는 한", "ない限り" (unless), "없이는" (without): a negation inside an exception or
  // condition word is part of it.
  auto in_unless = [&](const Span& n) {
    const auto inside = [&](const Span& u) { return u.begin <= n.begin && n.end <= u.end; };
    // "個人を識別できない形式", "not personally identifiable": the negation is the de-identification's.
    return std::any_of(w.unless.begin(), w.unless.end(), inside) || std::any_of(w.without.begin(), w.without.end(), inside) ||
           std::any_of(w.deidentify.begin(), w.deidentify.end(), inside);
  };
  w.neg.erase(std::remove_if(w.neg.begin(), w.neg.end(), in_unless), w.neg.end());
  w.neg_anywhere.erase(std::remove_if(w.neg_anywhere.begin(), w.neg_anywhere.end(), in_unless), w.neg_anywhere.end());
  // "non-exclusive", "no-cost": a negation word joined to the next by a hyphen is a prefix.
  auto prefix = [&](const Span& n) { return n.end > n.begin && s[n.end - 1] == '-'; };
  w.neg.erase(std::remove_if(w.neg.begin(), w.neg.end(), prefix), w.neg.end());
  // "Müşteri'nin" (the Customer's): after a word of more than five letters, what follows an
  // apostrophe is a case ending, not Galician "nin" (nor). Elisions are shorter ("d'aucune", "n'").
  auto case_ending = [&](const Span& n) {
    std::size_t apostrophe;
    if (n.begin < s.size() && s[n.begin] == '\'') apostrophe = n.begin;  // the match may start on it
    else if (n.begin > 0 && s[n.begin - 1] == '\'') apostrophe = n.begin - 1;
    else return false;
    std::size_t letters = 0;
    for (std::size_t i = apostrophe; i > 0 && letters <= kElisionLetters; --i) {
      const unsigned char c = static_cast<unsigned char>(s[i - 1]);
      if (c < 0x80 && !std::isalpha(c)) break;
      if ((c & 0xC0) != 0x80) ++letters;  // count each UTF-8 sequence once, by its lead byte
    }
    return letters > kElisionLetters;
  };
  w.neg.erase(std::remove_if(w.neg.begin(), w.neg.end(), case_ending), w.neg.end());
  w.neg_anywhere.erase(std::remove_if(w.neg_anywhere.begin(), w.neg_anywhere.end(), case_ending), w.neg_anywhere.end());
  // "unless the admin has turned it off": a negation inside a way-out word ("devre dışı
  // bırakmadığı sürece"), or right before one after an "if" of its clause ("Якщо адміністратор
  // ... не вимкнув"), is the condition of an opt-out, not a ban. "You cannot opt out" has no "if".
  constexpr std::size_t kIfReach = 90, kBeforeOptOut = 3;
  auto not_opted_out = [&](const Span& n) {
    return std::any_of(w.opt_out.begin(), w.opt_out.end(), [&](const Span& o) {
      if (o.begin <= n.begin && n.begin < o.end) return true;  // inside it, its trailing space aside
      if (o.begin < n.end || o.begin - n.end > kBeforeOptOut) return false;
      // "a meno che tu non ti opponga", "à moins que vous ne vous y opposiez": after "unless" the
      // Romance languages' "non"/"ne" is no negation at all (class unless).
      const auto opens_condition = [&](const Span& c) {
        return c.end <= n.begin && n.begin - c.end <= kIfReach && s.substr(c.end, n.begin - c.end).find(',') == std::string_view::npos;
      };
      return std::any_of(w.condition.begin(), w.condition.end(), opens_condition) || std::any_of(w.unless.begin(), w.unless.end(), opens_condition);
    });
  };
  w.unless_opt_out = std::any_of(w.neg.begin(), w.neg.end(), not_opted_out) || std::any_of(w.neg_anywhere.begin(), w.neg_anywhere.end(), not_opted_out);
  w.neg.erase(std::remove_if(w.neg.begin(), w.neg.end(), not_opted_out), w.neg.end());
  w.neg_anywhere.erase(std::remove_if(w.neg_anywhere.begin(), w.neg_anywhere.end(), not_opted_out), w.neg_anywhere.end());
  // "Free users cannot opt out of the model improvement program": a way out denied is none, and
  // its "not" bans nobody: the training runs (AssemblyAI's docs).
  std::vector<Span> denied;
  std::erase_if(w.neg, [&](const Span& n) {
    return std::any_of(w.opt_out.begin(), w.opt_out.end(), [&](const Span& o) {
      const bool right_before = o.begin >= n.end && o.begin - n.end <= kBeforeOptOut;
      if (right_before) denied.push_back(o);
      return right_before;
    });
  });
  std::erase_if(w.opt_out, [&](const Span& o) { return std::any_of(denied.begin(), denied.end(), [&](const Span& d) { return d.begin == o.begin; }); });
  // "If you do not want us to use ...": a negated wish is the condition of an opt-out, not a ban.
  // Both halves of a bracketing negation around the wish count ("si vous ne souhaitez pas que").
  auto wished = [&](const Span& n) {
    return std::any_of(w.desire.begin(), w.desire.end(), [&](const Span& d) {
      return (d.begin >= n.end && d.begin - n.end <= 3) || (n.begin >= d.end && n.begin - d.end <= 1);
    });
  };
  w.neg.erase(std::remove_if(w.neg.begin(), w.neg.end(), wished), w.neg.end());
  // "you can opt-out to prevent us from using your Inputs and Outputs to train our models": what
  // the way out does is no ban of the vendor's own (the default is the use).
  auto opt_out_effect = [&](const Span& b) {
    return std::any_of(w.opt_out.begin(), w.opt_out.end(), [&](const Span& o) { return b.begin >= o.end && b.begin - o.end <= kOptOutEffectGap; });
  };
  w.prohibit.erase(std::remove_if(w.prohibit.begin(), w.prohibit.end(), opt_out_effect), w.prohibit.end());
  // "Provided that you are a business customer", "only where permitted by law": a condition that
  // sets a state of the reader's or the law's leave asks no one (class state_condition), and
  // the law's "permite" there is nobody's opt-in.
  const auto conditions = lx.find("state_condition", s);
  auto a_state = [&](const Span& c) {
    return std::any_of(conditions.begin(), conditions.end(), [&](const Span& x) { return x.begin < c.end && c.begin < x.end; });
  };
  w.only_if.erase(std::remove_if(w.only_if.begin(), w.only_if.end(), a_state), w.only_if.end());
  w.opt_in.erase(std::remove_if(w.opt_in.begin(), w.opt_in.end(), a_state), w.opt_in.end());
  // "does not opt in to": an opt-in that is itself negated is no condition; nor with one word
  // between ("you can't manually opt-in for training yourself", Mistral's help centre).
  auto negated_choice = [&](const Span& c) {
    return std::any_of(w.neg.begin(), w.neg.end(), [&](const Span& n) {
      if (n.end > c.begin) return false;
      if (c.begin - n.end <= 3) return true;
      const std::string_view between = s.substr(n.end, c.begin - n.end);
      return between.size() <= kNegatedChoiceWordBytes && between.find_first_of(",.;:()") == std::string_view::npos &&
             std::count(between.begin(), between.end(), ' ') <= 1;
    });
  };
  w.opt_in.erase(std::remove_if(w.opt_in.begin(), w.opt_in.end(), negated_choice), w.opt_in.end());
  w.only_if.erase(std::remove_if(w.only_if.begin(), w.only_if.end(), negated_choice), w.only_if.end());
  // "nicht nur mit öffentlichen Daten" (not only with public data): "nur mit" inside "nicht nur"
  // (class not_neg) is no "only with".
  const auto look_alikes = lx.find("not_neg", s);
  std::erase_if(w.only_if, [&](const Span& c) {
    return std::any_of(look_alikes.begin(), look_alikes.end(), [&](const Span& a) { return a.begin < c.end && c.begin < a.end; });
  });
  return w;
}

// Whether `at` stands inside an unclosed bracket opened before it.
bool in_brackets(std::string_view s, std::size_t at) {
  int depth = 0;
  for (std::size_t i = 0; i < at && i < s.size(); ++i) depth += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
  return depth > 0;
}

// Whether [from, to) holds nothing but the vendor's possessive ("our", "unsere", class
// possessive_we; not "we", which would make the vendor the subject), model words and marks: the
// words of a noun phrase that names the training as its owner's and its model's.
bool only_owner_and_model(const Words& w, std::string_view s, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    if (std::string_view(" \t\n\"'(*-").find(s[i]) != std::string_view::npos) continue;
    const auto covers = [&](const Span& x) { return x.begin <= i && i < x.end; };
    if (std::none_of(w.our.begin(), w.our.end(), covers) && std::none_of(w.model.begin(), w.model.end(), covers)) return false;
  }
  return true;
}

bool any_in(const std::vector<Span>& spans, std::size_t b, std::size_t e) {
  return std::any_of(spans.begin(), spans.end(), [&](const Span& x) { return x.begin >= b && x.begin < e; });
}

// The clause around `at`: from the last clause break before it to the first one after it.
Span clause_of(const Words& w, std::size_t at, std::size_t size) {
  Span c{0, size};
  for (const Span& b : w.breaks) {
    if (b.end <= at) c.begin = std::max(c.begin, b.end);
    else if (b.begin > at) { c.end = std::min(c.end, b.begin); }
  }
  return c;
}

// Training predicates: a train word with a model word in its clause, or an improve word
// shortly before a model word.
// Whether only the rest of one word stands between `from` and `to` (no space or mark, at most a
// few letters): "AIモデルの改善", where the finder's "AI" took the first letter of "モデル".
bool rest_of_word(std::string_view s, std::size_t from, std::size_t to) {
  if (to < from || to - from > kRestOfWordBytes) return false;
  for (std::size_t i = from; i < to; ++i)
    if (static_cast<unsigned char>(s[i]) < 0x80 && !std::isalnum(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

std::vector<Span> predicates(const Words& w, std::string_view s) {
  const std::size_t size = s.size();
  std::vector<Span> out;
  for (const Span& t : w.train) {
    const Span c = clause_of(w, t.begin, size);
    // "We don't add the files ... to those training sets": a training set is a model's.
    const bool training_set = std::any_of(w.training_set.begin(), w.training_set.end(), [&](const Span& x) { return x.begin <= t.begin && t.end <= x.end; });
    if (any_in(w.model, c.begin, c.end) || training_set) out.push_back(t);
  }
  // "MailaAI does not use ... content ... to train, develop or improve the Services", "obsah ...
  // k tréninku, vývoji a vylepšování svých Služeb": data put to training, developing and
  // improving the service is trained on, with or without a model word. Only a train word right
  // after a purpose opener ("to", "k", "do"), with data named before it in its clause, an
  // improve word of the same list after it, and no people trained ("to train our staff";
  // "recorded for training" alone is a course's).
  for (const Span& t : w.train) {
    const Span c = clause_of(w, t.begin, size);
    const bool purpose = std::any_of(w.purpose.begin(), w.purpose.end(), [&](const Span& p) { return p.end <= t.begin && t.begin - p.end <= 1; });
    if (purpose && any_in(w.data_noun, c.begin, t.begin) && any_in(w.improve, t.end, std::min(c.end, t.end + kTrainListReach)) &&
        !any_in(w.staff, c.begin, c.end) &&
        std::none_of(out.begin(), out.end(), [&](const Span& x) { return x.begin == t.begin; }))
      out.push_back(t);
  }
  // "... ni se utilizan con fines formativos sin su consentimiento explícito", "用于训练目的", "Your
  // content will never be used for training", "none of your code will ever be ... trained on":
  // data used for training purposes is a training predicate of its own (class training_purpose),
  // with or without a training word in it, where its clause names data ("이를 학습 목적으로", it,
  // names none).
  // People trained in the clause ("our staff are trained on data protection") are a course's.
  for (const Span& p : w.training_purpose) {
    const Span c = clause_of(w, p.begin, size);
    if (any_in(w.data_noun, c.begin, c.end) && !any_in(w.staff, c.begin, c.end) &&
        std::none_of(out.begin(), out.end(), [&](const Span& t) { return p.begin <= t.begin && t.end <= p.end; }))
      out.push_back(p);
  }
  // "Enhance your meetings with AI": a model word right after "with", "using" or "by" is the tool
  // that improves something else, not what gets improved (class instrument). Only right after:
  // "Wir verbessern mit Ihren Daten unsere KI-Modelle" improves the models with the data.
  // Languages that put the case mark after the noun say it there: "人工知能(AI)モデルを活用して"
  // (making use of AI models), "AI 모델을 활용하여", "AI kullanarak" (class instrument_after,
  // right after the model word).
  // The model named in several words ("人工知能(AI)モデル") ends with the last of them.
  const auto tool = [&](const Span& m) {
    std::size_t named_end = m.end;
    for (const Span& x : w.model)
      if (x.begin >= named_end && x.begin - named_end <= kModelWordsGap) named_end = x.end;
    return std::any_of(w.instrument.begin(), w.instrument.end(), [&](const Span& x) { return x.end <= m.begin && m.begin - x.end <= kInstrumentReach; }) ||
           std::any_of(w.instrument_after.begin(), w.instrument_after.end(), [&](const Span& x) { return x.begin >= named_end && x.begin - named_end <= kInstrumentAfterGap; });
  };
  // "Improve or create services and products, including our AI models" (Perplexity): the models
  // are among what is improved when a list the improve word's clause opens (class example_intro)
  // names them first thing.
  const auto listed_model = [&](const Span& i) {
    const Span c = clause_of(w, i.begin, size);
    return std::any_of(w.example.begin(), w.example.end(), [&](const Span& x) {
      return x.begin >= i.end && x.begin - i.end <= kImproveListReach && x.end <= c.end &&
             std::any_of(w.model.begin(), w.model.end(), [&](const Span& m) { return m.begin >= x.end && m.begin - x.end <= kListedModelGap && !tool(m); });
    });
  };
  // "AI technologies that we develop and improve using your personal data", "technologies d'IA
  // que nous développons et améliorons", "KI-Technologien, die wir ... verbessern": the model
  // word, then a relative clause of the vendor's (class relative_we) whose verb improves it.
  const auto improved_in_relative = [&](const Span& i) {
    return std::any_of(w.relative_we.begin(), w.relative_we.end(), [&](const Span& r) {
      if (r.begin > i.begin || (r.end <= i.begin && i.begin - r.end > kRelativeImproveReach)) return false;
      // The improving is the relative clause's own verb: no comma or purpose ("to") between
      // ("which we offer to all customers, help you improve"; "that we buy ... to improve").
      // ("do" in "we do not improve" is an auxiliary, whatever other languages make of it).
      const bool purpose_between = std::any_of(w.purpose.begin(), w.purpose.end(), [&](const Span& x) {
        return x.begin >= r.end && x.begin < i.begin && !any_in(w.neg, x.end, x.end + 1);
      });
      if (r.end <= i.begin && (s.substr(r.end, i.begin - r.end).find(',') != std::string_view::npos || purpose_between)) return false;
      const Span c = clause_of(w, r.begin, size);
      return i.begin < c.end && std::any_of(w.model.begin(), w.model.end(), [&](const Span& m) {
        return m.end <= r.begin && r.begin - m.end <= kRelativeGap && m.begin >= c.begin;
      });
    });
  };
  // "Nous avons développé le Compagnon IA à partir de modèles ... tiers", "Tapy, kendi
  // geliştirdiği AI modellerinin yanı sıra ...": how a product was made, with no one's data named,
  // improves nothing with the reader's. Without a word of data, use, consent or opting out in the
  // sentence ("... puede oponerse a este uso ..., en Configuración > Privacidad > Mejora de
  // modelos") the improving must be a purpose ("to improve AI models", "pour améliorer") or open
  // the sentence, as an item of a list of purposes does ("Improve or create services and
  // products, including our AI models").
  // A list item's number ("4. 优化 AI 模型与服务体验", a purpose listed by Mingpan) comes before it.
  const std::size_t opening = [&] {
    std::size_t o = s.find_first_not_of(" \t\n\"'*-([");
    std::size_t d = o;
    while (d < s.size() && std::isdigit(static_cast<unsigned char>(s[d]))) ++d;
    if (d > o && d < s.size() && (s[d] == '.' || s[d] == ')')) o = s.find_first_not_of(' ', d + 1);
    else if (d > o && s.substr(d, 3) == "\u3001") o = d + 3;  // "4、"
    return o;
  }();
  // A nominalised verb opens it after its article too, with its object after "of" ("Het verbeteren
  // van onze diensten en AI-modellen", "Das Verbessern der Modelle", "L'amélioration de nos
  // modèles", "The improvement of our models"); "The improved AI Companion" is an adjective's.
  const auto opens_sentence = [&](const Span& i) {
    if (i.begin == opening) return true;
    if (opening == std::string_view::npos || i.begin <= opening) return false;
    static constexpr std::string_view kOf[] = {" of ", " van ", " von ", " der ", " des ", " du ", " de ", " di ", " del ", " della ",
                                               " dello ", " dei ", " degli ", " do ", " da ", " dos ", " das ", " dels ", " d'"};
    std::size_t word_end = i.end;
    while (word_end < s.size() && std::isalpha(static_cast<unsigned char>(s[word_end]))) ++word_end;
    const std::string_view rest = s.substr(word_end);
    if (std::none_of(std::begin(kOf), std::end(kOf), [&](std::string_view m) {
          return rest.size() >= m.size() && std::equal(m.begin(), m.end(), rest.begin(), [](char a, char b) {
                   return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
                 });
        }))
      return false;
    static constexpr std::string_view kArticles[] = {"het ", "de ", "das ", "der ", "die ", "the ", "la ", "le ", "les ", "el ",
                                                     "los ", "las ", "il ", "lo ", "gli ", "o ", "a ", "os ", "as ", "l'", "l\u2019"};
    std::string article(s.substr(opening, i.begin - opening));
    for (char& c : article) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return std::find(std::begin(kArticles), std::end(kArticles), article) != std::end(kArticles);
  };
  const auto purpose_of_data = [&](const Span& i) {
    return !w.data_noun.empty() || !w.use_verb.empty() || !w.opt_out.empty() || !w.consent.empty() || opens_sentence(i) ||
           std::any_of(w.purpose.begin(), w.purpose.end(), [&](const Span& x) { return x.end <= i.begin && i.begin - x.end <= 1; });
  };
  for (const Span& i : w.improve) {
    const auto m = std::find_if(w.model.begin(), w.model.end(), [&](const Span& x) { return x.begin >= i.end; });
    if (!purpose_of_data(i)) continue;
    if ((m != w.model.end() && m->begin < std::min(size, i.end + kImproveReach) && !tool(*m)) || listed_model(i) || improved_in_relative(i))
      out.push_back(i);
  }
  // "Your interactions with intelligent features may be used to improve those features", "...
  // helps us improve them": the improve word points back (class anaphor, right after it) to a
  // model word earlier in its clause, the tool or not, and is what the data is used for ("to"
  // or "us" right before it). "Enhance your meetings with AI and improve them" improves the
  // meetings.
  const auto right_before = [](const std::vector<Span>& spans, const Span& i) {
    return std::any_of(spans.begin(), spans.end(), [&](const Span& x) { return x.end <= i.begin && i.begin - x.end <= 1; });
  };
  for (const Span& i : w.improve) {
    const bool points_back = std::any_of(w.anaphor.begin(), w.anaphor.end(), [&](const Span& a) { return a.begin >= i.end && a.begin - i.end <= kAnaphorGap; });
    const bool purpose = right_before(w.purpose, i) || right_before(w.we, i);
    const Span c = clause_of(w, i.begin, size);
    if (points_back && purpose && any_in(w.model, c.begin, i.begin)) out.push_back(i);
  }
  // Verb-final infinitives name the model first: "Spracherkennungsmodelle zu verbessern",
  // "モデルの改善" (class improve_after, right after the model word); not where the model is a
  // tool again: "Meetings mit KI-Modellen zu verbessern".
  for (const Span& a : w.improve_after)
    if (std::any_of(w.model.begin(), w.model.end(),
                    [&](const Span& m) { return m.end <= a.begin && (a.begin - m.end <= kImproveAfterGap || rest_of_word(s, m.end, a.begin)) && !tool(m); }))
      out.push_back(a);
  // "Please note this is separate from whether AssemblyAI may train our models with your data":
  // training named inside an open question (class whether, before it in its clause) is said
  // neither to happen nor not to.
  // Not where someone chooses or controls it ("You can choose whether we use your data to
  // train", "Electing whether your User Content is used ...": a way in or out; class chooses).
  const auto chosen = [&](const Span& x) {
    for (const auto* spans : {&w.choice, &w.authorize, &w.chooses, &w.opt_out, &w.opt_in, &w.consent, &w.permission})
      if (std::any_of(spans->begin(), spans->end(), [&](const Span& y) { return y.end <= x.begin + 1 && x.begin - std::min(x.begin, y.end) <= kChoiceBeforeWhether; }))
        return true;
    return false;
  };
  // The question ends at a comma: "signals ..., such as whether a suggestion was accepted,
  // edited or rejected, to train and evaluate its models" trains on them.
  std::erase_if(out, [&](const Span& p) {
    const Span c = clause_of(w, p.begin, size);
    return std::any_of(w.whether.begin(), w.whether.end(), [&](const Span& x) {
      return x.begin >= c.begin && x.begin < p.begin && !chosen(x) && s.substr(x.end, p.begin - std::min(p.begin, x.end)).find(',') == std::string_view::npos;
    });
  });
  std::sort(out.begin(), out.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  return out;
}

bool contains_ci(std::string_view hay, std::string_view needle, std::size_t& at) {
  if (needle.empty() || needle.size() > hay.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    bool same = true;
    for (std::size_t k = 0; k < needle.size() && same; ++k)
      same = std::tolower(static_cast<unsigned char>(hay[i + k])) == std::tolower(static_cast<unsigned char>(needle[k]));
    if (same) {
      at = i;
      return true;
    }
  }
  return false;
}

// "Customer Content", "user's data", "お客様のデータ", "Données Client": a user word right against a
// data word owns the data; it is neither who acts nor who is barred.
// "客户生产数据" (the customer's production data): in Chinese and Japanese a word of a compound may
// stand between the owner and the data, with no space or mark: up to two ideographs, and "的".
// Not a verb or a ban: "用户不得将数据用于..." (users must not put data to ...) keeps its subject.
bool compound_gap(const Words& w, std::string_view s, std::size_t from, std::size_t to) {
  std::string_view gap = s.substr(from, to - from);
  if (gap.ends_with("\u7684")) gap.remove_suffix(3);  // 的
  if (gap.size() > 6 || gap.size() % 3 != 0) return false;
  for (std::size_t i = 0; i < gap.size(); i += 3) {
    const unsigned char b = static_cast<unsigned char>(gap[i]);
    if (b < 0xE4 || b > 0xE9) return false;  // U+4E00..U+9FFF
  }
  for (const auto* words : {&w.neg, &w.use_verb, &w.you_ban})
    for (const Span& v : *words)
      if (v.begin < to && from < v.end) return false;
  return true;
}

bool owns_data_word(const Words& w, const Span& x, std::string_view s) {
  return std::any_of(w.data_noun.begin(), w.data_noun.end(), [&](const Span& d) {
    if (d.begin > x.end && compound_gap(w, s, x.end, d.begin)) return true;
    return (d.begin >= x.end && d.begin - x.end <= kOwnerGapAfter) || (d.end <= x.begin && x.begin - d.end <= kOwnerGapBefore);
  });
}

// Who the nearest subject before `at` (within the clause) is. Passive sentences ("Your content
// is not used to train") name none: the one using the data is the vendor.
Party subject_before(const Words& w, std::string_view s, const std::vector<std::string>& names, std::size_t clause_begin,
                     std::size_t at) {
  const std::size_t from = at > kSubjectReach ? std::max(clause_begin, at - kSubjectReach) : clause_begin;
  std::size_t best = 0;
  bool found = false;
  Party party = Party::vendor;
  // "Customer Content is not used", "User data", "お客様のデータ", "Данные клиента": a user word
  // right against a data word owns the data; it is not who acts.
  const auto owns_data = [&](const Span& x) { return owns_data_word(w, x, s); };
  // "Unless you opt in, your content is not used": the subject of a condition that opens the
  // sentence, closed by a comma before the negation, is not the subject of the ban.
  const auto in_condition = [&](const Span& x) {
    if (s.substr(x.end, at > x.end ? at - x.end : 0).find(',') == std::string_view::npos) return false;
    for (const auto* words : {&w.unless, &w.only_if, &w.choice})
      for (const Span& c : *words)
        if (c.begin <= x.begin && x.begin <= c.end + 1) return true;
    return false;
  };
  // "to provide the Services to you and is never used to train": a user word right after a
  // preposition is its object (class preposition), not who acts.
  const auto after_preposition = [&](const Span& x) {
    return std::any_of(w.preposition.begin(), w.preposition.end(), [&](const Span& q) { return q.end <= x.begin && x.begin - q.end <= 1; });
  };
  auto consider = [&](const std::vector<Span>& spans, Party p) {
    for (const Span& x : spans) {
      if (p == Party::users && (owns_data(x) || after_preposition(x))) continue;
      if (in_condition(x)) continue;
      // A subject may run into the negation ("Je mag de output niet": "je mag" with its verb, a
      // ban from "mag"; Chinese "您不得"); it begins before it.
      if (x.begin >= from && x.begin < at && (!found || x.begin >= best) &&
          (p != Party::users || x.end >= at || at - x.end <= kUserSubjectReach)) {
        best = x.begin;
        found = true;
        party = p;
      }
    }
  };
  consider(w.you, Party::users);
  consider(w.third, Party::third_parties);
  consider(w.we, Party::vendor);
  for (const auto& n : names) {
    std::size_t pos = 0;
    if (contains_ci(s.substr(from, at - from), n, pos)) consider({Span{from + pos, from + pos + n.size()}}, Party::vendor);
  }
  return party;
}

// After "prohibit", "prevent" or "do not allow", the party barred is the object that follows.
Party object_after(const Words& w, std::string_view s, std::size_t after, std::size_t until, Party otherwise) {
  std::size_t best = until;
  Party party = otherwise;
  auto consider = [&](const std::vector<Span>& spans, Party p) {
    for (const Span& x : spans)
      if (x.begin >= after && x.begin < best && !(p == Party::users && owns_data_word(w, x, s))) {
        best = x.begin;
        party = p;
      }
  };
  consider(w.third, Party::third_parties);
  consider(w.you, Party::users);
  return party;
}

// A condition word followed closely by one of `what`: "without (your) consent", "unless you opt in".
// In a verb-final language the condition word follows what it conditions on, right after it
// ("동의 없이는", without consent; "同意なしに"; "सहमति के बिना", a postposition between).
// `reverse_gap`: how far before the condition word what it conditions on may end (a space; a
// postposition for "without").
bool condition(const std::vector<Span>& words, const std::vector<std::vector<Span>>& what, std::size_t reverse_gap = 1) {
  for (const Span& c : words)
    for (const auto& spans : what)
      if (std::any_of(spans.begin(), spans.end(), [&](const Span& x) {
            return (x.begin >= c.end && x.begin - c.end <= kConditionReach) || (x.end <= c.begin && c.begin - x.end <= reverse_gap);
          }))
        return true;
  return false;
}

struct Reading {
  std::string stance;
  Party party = Party::vendor;
  bool negated = false;
  bool opt_out = false;
};

// Where the last of the vendor's names ends inside [from, to), or npos.
std::size_t name_end(const std::vector<std::string>& names, std::string_view s, std::size_t from, std::size_t to) {
  std::size_t best = std::string_view::npos;
  for (const auto& n : names) {
    std::size_t pos = 0;
    if (contains_ci(s.substr(from, to - from), n, pos) && (best == std::string_view::npos || from + pos + n.size() > best))
      best = from + pos + n.size();
  }
  return best;
}

// The reader barred by the verb's own form ("No puedes utilizar", "Výstupy nesmíte používat";
// class you_ban) or, in a verb-final language, named as the topic before the ban with no other
// subject between ("お客様は、出力を...使用してはなりません"; class you_topic).
bool bans_reader(const Words& w, const std::vector<std::string>& names, std::string_view s, const Span& clause, const Span& negation) {
  for (const Span& b : w.you_ban)
    if (b.begin <= negation.begin && negation.begin < b.end) return true;
  for (const Span& t : w.you_topic) {
    if (t.begin < clause.begin || t.end > negation.begin) continue;
    const auto between = [&](const std::vector<Span>& spans) { return any_in(spans, t.end, negation.begin); };
    if (!between(w.we) && !between(w.third) && name_end(names, s, t.end, negation.begin) == std::string_view::npos) return true;
  }
  return false;
}

// Whether the vendor speaks right before the negation at `at`: `we` or its name ends at most a
// few bytes before it, after `from` ("we do not", "nous n'utilisons", "Zoom does not"), or a comma
// does ("..., no usamos"). "we use data that does not identify you" negates something else.
bool vendor_negates(const Words& w, std::string_view s, const std::vector<std::string>& names, std::size_t from, std::size_t at) {
  const auto close = [&](std::size_t end) { return end <= at && at - end <= kVendorNegationGap; };
  if (std::any_of(w.we.begin(), w.we.end(), [&](const Span& x) { return x.begin >= from && close(x.end); })) return true;
  // German and Dutch put the object between ("verwenden wir Ihre Aufnahmen nicht"): "we", a short
  // object with its data word, then the "not".
  for (const Span& x : w.we)
    for (const Span& d : w.data_noun)
      if (x.begin >= from && x.end <= d.begin && d.begin - x.end <= kVendorNegationGap && d.end <= at && at - d.end <= 2) return true;
  const std::size_t named = name_end(names, s, from, at);
  if (named != std::string_view::npos && close(named)) return true;
  std::size_t k = at;
  while (k > from && s[k - 1] == ' ') --k;
  return k > from && s[k - 1] == ',';
}

// "To train ...", "Pour entraîner ...", "Um ... zu trainieren": the sentence opens with a
// purpose (class purpose_opener, with nothing but marks before it) and the predicate stands in it.
bool fronted_purpose(const Words& w, std::string_view s, const Span& p) {
  for (const Span& o : w.purpose) {
    bool opens = true;
    for (std::size_t i = 0; i < o.begin && opens; ++i) opens = !std::isalnum(static_cast<unsigned char>(s[i])) && static_cast<unsigned char>(s[i]) < 0x80;
    if (opens && o.end <= p.begin && p.begin - o.end <= kPurposeReach) return true;
  }
  return false;
}

// The words in [from, end): runs of ASCII letters and digits or of any non-ASCII bytes.
std::size_t words_between(std::string_view s, std::size_t from, std::size_t end) {
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t i = from; i < end && i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const bool letter = c >= 0x80 || std::isalnum(c);
    if (letter && !in_word) ++words;
    in_word = letter;
  }
  return words;
}

// "When training these models, ...", "Beim Training dieser Modelle ...", "בתהליך האימון של
// המודלים ...": the training opens the sentence as its circumstance, after at most a few words
// of preposition or conjunction and with no one doing it (no "we", no "you" before it).
bool fronted_circumstance(const Words& w, std::string_view s, const Span& p) {
  return words_between(s, 0, p.begin) <= kCircumstanceWords && !any_in(w.we, 0, p.begin) && !any_in(w.you, 0, p.begin) && !any_in(w.neg, 0, p.begin);
}

// The predicate right after a purpose word ("zum Training", "für das Training", "для обучения",
// "do trenowania"), wherever the clause puts it.
bool embedded_purpose(const Words& w, const Span& p) {
  return std::any_of(w.purpose.begin(), w.purpose.end(), [&](const Span& o) { return o.end <= p.begin && p.begin - o.end <= kEmbeddedPurposeGap; });
}

// Whether at most a verb of two words stands between `from` and the clause's end ("nicht
// verwendet.", "nie są wykorzystywane.").
bool closes_clause(std::string_view s, std::size_t from, std::size_t end) { return words_between(s, from, end) <= kClosingVerbWords; }

// Whether an item marker after the first ("(ii)", "(b)", "(3)") stands in [from, to).
bool list_marker_between(std::string_view s, std::size_t from, std::size_t to) {
  for (std::size_t i = s.find('(', from); i != std::string_view::npos && i < to; i = s.find('(', i + 1)) {
    std::size_t k = i + 1;
    while (k < to && k < i + 5 && (std::isdigit(static_cast<unsigned char>(s[k])) || std::string_view("ivxabcdefgh").find(s[k]) != std::string_view::npos)) ++k;
    // The first item ("(i)", "(a)", "(1)") follows the lead-in that holds the ban: "prohibited
    // from using such Content (i) to train ..., (ii) as input ..." (DeviantArt's terms).
    const std::string_view item = s.substr(i + 1, k - i - 1);
    if (k > i + 1 && k < to && s[k] == ')' && item != "i" && item != "a" && item != "1") return true;
  }
  return false;
}

// Whether a comma and a conjunction (", and train") stand between a prohibiting verb and the
// predicate, with no "from" before them that would carry the ban over the list ("prohibits
// them from selling your data, or using it to train"). The conjunctions and "from" are English.
bool coordinated_away(const Words& w, std::string_view s, const Span& prohibit, const Span& p) {
  // "(ii) het voorkomen van misbruik en (iii) het ontwikkelen en trainen": a numbered item of
  // its own stands between, in any language.
  if (list_marker_between(s, prohibit.end, p.begin)) return true;
  bool list = false;
  for (const Span& c : w.conjunction) {
    if (c.begin < prohibit.end || c.begin >= p.begin) continue;
    std::size_t k = c.begin;
    while (k > prohibit.end && s[k - 1] == ' ') --k;
    if (k > prohibit.end && s[k - 1] == ',') list = true;
  }
  if (!list) return false;
  const std::string_view between = s.substr(prohibit.end, p.begin - prohibit.end);
  return between.find(" from ") == std::string_view::npos;
}

// Whether the negation at `at` follows "and" and a modal ("and shall not", "and may not"; class
// second_verb): the same subject's second verb.
bool coordinated_ban(const Words& w, std::size_t from, std::size_t at) {
  return std::any_of(w.second_verb.begin(), w.second_verb.end(), [&](const Span& v) { return v.begin >= from && v.end <= at && at - v.end <= 1; });
}

// "任何单位或个人不得 ... 使用 ... 内容，不得 ... 用于 ... 数据训练": a ban word (class prohibit) that
// repeats an earlier one of the same sentence after a comma, with no party named between them, has
// the earlier ban's subject; here that subject is the reader (anyone who uses the service), never
// the company. A "not" of another kind ("您的内容不会被用于训练", your content will not be used) is
// no repeated ban.
bool repeats_readers_ban(const Words& w, std::string_view s, const std::vector<std::string>& names, std::size_t at) {
  // Right after a comma or an "and" ("Clientul nu va utiliza Rezultatele și nu va permite ..."),
  // with no data named between that could be the new clause's subject ("，您的内容不会被用于训练").
  std::size_t k = at;
  while (k > 0 && s[k - 1] == ' ') --k;
  const bool after_and = std::any_of(w.conjunction.begin(), w.conjunction.end(), [&](const Span& c) { return c.end >= k && c.end <= at; });
  if (k == 0 || (s[k - 1] != ',' && !after_and)) return false;
  const Span* earlier = nullptr;
  for (const auto* spans : {&w.neg, &w.prohibit})
    for (const Span& n : *spans)
      if (n.end <= at && (!earlier || n.begin > earlier->begin)) earlier = &n;
  if (!earlier) return false;
  for (const auto* spans : {&w.we, &w.third, &w.you})
    if (any_in(*spans, earlier->end, at)) return false;
  if (name_end(names, s, earlier->end, at) != std::string_view::npos) return false;
  // Data named after the last comma before the negation is that clause's subject.
  const std::size_t comma = s.rfind(',', at > 0 ? at - 1 : 0);
  if (comma != std::string_view::npos && comma > earlier->end && any_in(w.data_noun, comma, at)) return false;
  return subject_before(w, s, names, 0, earlier->begin) == Party::users;
}

// Whether the clause's first party word is a reader word that acts (not one owning data).
bool first_subject_is_reader(const Words& w, const std::vector<std::string>& names, std::string_view s, const Span& clause) {
  std::size_t first_you = std::string_view::npos, first_other = std::string_view::npos;
  for (const Span& x : w.you)
    if (x.begin >= clause.begin && x.begin < clause.end && !owns_data_word(w, x, s)) { first_you = x.begin; break; }
  for (const auto* spans : {&w.we, &w.third})
    for (const Span& x : *spans)
      if (x.begin >= clause.begin && x.begin < clause.end) first_other = std::min(first_other, x.begin);
  // A clause that names the vendor anywhere may have it as the subject: left as it reads.
  if (name_end(names, s, clause.begin, clause.end) != std::string_view::npos) return false;
  return first_you != std::string_view::npos && first_you < first_other && first_you - clause.begin <= kLeadingSubjectReach;
}

// Over 60 lines on purpose: one reading of one predicate, whose steps (nearest negation,
// conditions, party, stance) each use what the step before found (stance_reader.h).
// A permission word right after the negation with the reader as its object: "does not,
// however, permit you to use".
bool permits_reader_after(const Words& w, const Span& negation, const Span& p) {
  constexpr std::size_t kAsideReach = 16;  // ", however," between the negation and the permission
  for (const Span& x : w.permission)
    if (x.begin >= negation.end && x.begin - negation.end <= kAsideReach && x.end <= p.begin)
      for (const Span& y : w.you)
        if (y.begin >= x.end && y.begin - x.end <= 2) return true;
  return false;
}

Reading read_one(const Words& w, std::string_view s, const std::vector<std::string>& names, const Span& p) {
  const Span clause = clause_of(w, p.begin, s.size());
  // The negation nearest before the predicate in its clause (or anywhere in it, verb-final).
  const Span* nearest = nullptr;
  bool by_prohibit = false;
  // "anonymized, disconnected data, which no longer identifies individuals ..., to further
  // improve our machine learning algorithms": a negation inside a relative clause set off by
  // commas (class relative_aside, the comma and the pronoun) describes the data; the predicate
  // after the closing comma is not negated by it.
  const auto in_aside = [&](const Span& n) {
    return std::any_of(w.relative_aside.begin(), w.relative_aside.end(), [&](const Span& r) {
      if (r.end > n.begin || r.begin < clause.begin) return false;
      const std::size_t close = s.find(',', r.end);
      return close != std::string_view::npos && n.begin < close && close < p.begin;
    });
  };
  auto take = [&](const std::vector<Span>& spans, bool prohibit, bool anywhere) {
    for (const Span& n : spans) {
      if (n.begin < clause.begin || n.begin >= clause.end) continue;
      if (!anywhere && n.begin >= p.begin) continue;
      if (in_aside(n)) continue;
      if (!nearest || (n.begin < p.begin && n.begin > nearest->begin)) {
        nearest = &n;
        by_prohibit = prohibit;
      }
    }
  };
  take(w.neg, false, false);
  take(w.prohibit, true, false);
  take(w.neg_anywhere, false, true);
  // A ban in the verb's own form is a negation too, also after the verb in a verb-final
  // language ("nesmíte", "... kullanamazsınız").
  take(w.you_ban, false, true);
  // "To train our AI models, we do not use your recordings": a sentence that opens with the
  // purpose negates its main verb after it. Only where the purpose opens the sentence, the
  // predicate follows it closely, and the vendor says the "not" ("..., we do not"): Polish
  // "To narzędzie trenuje modele, które nie ..." (this tool trains models that do not ...) is
  // no purpose.
  // "Ihre Daten werden zum Training unserer KI-Modelle nicht verwendet", "Данные ... для
  // обучения моделей не используются": the purpose stands inside the clause, before its verb, and
  // the negation closes the clause with its verb of use (class use_verb; before it, after it or
  // in it: "bruges ikke", "nicht verwendet", "nepoužíváme"). "zum Training nur nicht
  // personenbezogene Daten" negates a word that more words follow; "to train models that do not
  // identify you" negates another verb.
  // The three word orders below take the first negation after the predicate in its clause, with
  // no comma between, that also meets their own test.
  const auto first_negation_after = [&](auto&& also) -> const Span* {
    for (const Span& n : w.neg)
      if (n.begin >= p.end && n.begin < clause.end && s.substr(p.end, n.begin - p.end).find(',') == std::string_view::npos && also(n)) return &n;
    return nullptr;
  };
  if (!nearest && embedded_purpose(w, p))
    nearest = first_negation_after([&](const Span& n) { return closes_clause(s, n.end, clause.end) && any_in(w.use_verb, p.end, clause.end); });
  // "Wir trainieren unsere KI-Modelle nicht mit Ihren Daten", "Vi tränar inte våra modeller":
  // the training is the vendor's own verb ("we" right before it), and its "not" follows it in
  // the clause, as a verb-second language puts it ("nicht nur" is no negation: class not_neg).
  if (!nearest && std::any_of(w.we.begin(), w.we.end(), [&](const Span& x) { return x.end <= p.begin && p.begin - x.end <= kVendorVerbGap; }))
    nearest = first_negation_after([&](const Span& n) { return n.begin - p.end <= kVerbSecondNegReach; });
  // "die KI von SignedBy trainiert nie mit deinen Dokumenten": a training verb with its "not"
  // right after it, as a verb-second language puts it, whoever its subject.
  // Not an infinitive ("The customer data we use to train never leaves the EU": the "never" is
  // the main verb's): no purpose or preposition word right before the verb.
  const bool infinitive = std::any_of(w.purpose.begin(), w.purpose.end(), [&](const Span& x) { return x.end <= p.begin && p.begin - x.end <= 1; }) ||
                          std::any_of(w.preposition.begin(), w.preposition.end(), [&](const Span& x) { return x.end <= p.begin && p.begin - x.end <= 1; });
  if (!nearest && !infinitive)
    nearest = first_negation_after([&](const Span& n) { return s.substr(p.end, n.begin - p.end).find_first_not_of(' ') == std::string_view::npos; });
  // "Training of our AI models does not use your content": the training opens its clause as the
  // subject, and the clause's next negation, right before a verb of use, is its verb's. Only
  // the vendor's and the model's words may stand before it ("Our AI model training process does
  // not use your content").
  if (!nearest && only_owner_and_model(w, s, clause.begin, p.begin))
    nearest = first_negation_after([&](const Span& n) { return any_in(w.use_verb, n.end, std::min(clause.end, n.end + kSubjectUseGap)); });
  if (!nearest && fronted_purpose(w, s, p)) {
    for (const auto* spans : {&w.neg, &w.prohibit})
      for (const Span& n : *spans)
        if (n.begin >= p.end && n.begin < clause.end && (!nearest || n.begin < nearest->begin) && vendor_negates(w, s, names, p.end, n.begin)) {
          nearest = &n;
          by_prohibit = spans == &w.prohibit;
        }
  }
  // "In training these foundation models, we do not use our users' private personal data",
  // "Beim Training dieser Modelle verwenden wir keine ...": the vendor's main clause after a
  // fronted circumstance negates its verb of use, and so the training on what it names.
  // The negation must be the verb of use's: that verb right after it ("we do not use", "אנחנו
  // לא משתמשים"), right before it ("n'utilisons pas"), or before the vendor's word right before
  // it ("verwenden wir keine"). "we use your content and we do not sell it" negates selling.
  const auto negates_use = [&](const Span& n) {
    if (any_in(w.use_verb, n.end, n.end + kCircumstanceUseReach)) return true;
    for (const Span& u : w.use_verb) {
      if (u.begin < p.end || u.end > n.begin) continue;
      if (n.begin - u.end <= 2) return true;
      for (const Span& x : w.we)
        if (x.begin >= u.end && x.begin - u.end <= 2 && x.end <= n.begin && n.begin - x.end <= 2) return true;
    }
    return false;
  };
  if (!nearest && fronted_circumstance(w, s, p))
    for (const Span& n : w.neg)
      if (n.begin >= p.end && n.begin < clause.end && any_in(w.we, p.end, n.begin) && vendor_negates(w, s, names, p.end, n.begin) && negates_use(n)) {
        nearest = &n;
        break;
      }
  // "to detect and prevent harmful content ..., and train and improve our AI systems": the
  // prohibiting verb has its own object, and the predicate is the next verb of a list of them.
  if (nearest && by_prohibit && coordinated_away(w, s, *nearest, p)) nearest = nullptr;
  // "Nothing in these Terms restricts our right to use ... to train": a negation before the
  // prohibiting word in its clause negates the ban, so nothing bars the training.
  // ("When a user says no, third parties are prohibited from ...": a "no" that is an answer,
  // with its comma, is another clause's; "We are not, however, prohibited" still negates.)
  const auto answer_no = [&](const Span& n) {
    std::string_view word = s.substr(n.begin, n.end - n.begin);
    while (!word.empty() && (word.back() == ',' || word.back() == ' ')) word.remove_suffix(1);
    const bool comma = s.substr(n.begin, std::min(nearest->begin, n.end + 1) - n.begin).find(',') != std::string_view::npos;
    return comma && (word == "no" || word == "No" || word == "NO");
  };
  if (nearest && by_prohibit && std::any_of(w.neg.begin(), w.neg.end(), [&](const Span& n) {
        return n.end <= nearest->begin && n.begin >= clause.begin && nearest->begin - n.end <= kNegatedBanReach && !answer_no(n);
      }))
    nearest = nullptr;
  // "(excluding model training)": a purpose left out of a list is a promise not to train on it.
  // Only right before the predicate: "all data, excluding your payment details, to train" leaves
  // out data, not training.
  for (const Span& x : w.excluding)
    if (x.end <= p.begin && p.begin - x.end <= kExcludingReach && s.substr(x.end, p.begin - x.end).find(',') == std::string_view::npos &&
        (!nearest || nearest->begin < x.begin)) {
      nearest = &x;
      by_prohibit = false;
    }

  // "improve reliability without using customer data to train general models": a use done
  // without is a use not done, as a negation right before it in its clause.
  for (const Span& x : w.without_use)
    if (x.end <= p.begin && p.begin - x.end <= kWithoutUseReach && x.begin >= clause.begin && (!nearest || nearest->begin < x.begin) &&
        !any_in(w.consent, x.end, p.begin) && !any_in(w.opt_in, x.end, p.begin)) {
      nearest = &x;
      by_prohibit = false;
    }

  // "If you enable Temporary Chat, those conversations ... will not be used to improve our
  // models": a choice made before a ban switches the training off, as an opt-out does; by
  // default it trains. An opt-in after the ban ("will not ... unless you opt in") is consent.
  const auto chosen_before_ban = [&](const Span& o) { return nearest && o.end <= nearest->begin; };
  // The same for any action the reader takes ("If you start a private chat, that chat will not be
  // used"), but not a state ("If you are an Enterprise customer"): class choice_action.
  // A condition word ("If you enable") counts as such a choice only where it is one; "Provided
  // that you are a business customer, we will not ..." is not.
  const auto overlaps_choice = [&](const Span& c) {
    const auto over = [&](const Span& o) { return o.begin < c.end && c.begin < o.end; };
    return std::any_of(w.opt_in.begin(), w.opt_in.end(), over) || std::any_of(w.choice.begin(), w.choice.end(), over);
  };
  const bool opt_in_before_ban = (!w.opt_in.empty() || std::any_of(w.choice.begin(), w.choice.end(), chosen_before_ban)) &&
                                 std::all_of(w.opt_in.begin(), w.opt_in.end(), chosen_before_ban) &&
                                 std::all_of(w.only_if.begin(), w.only_if.end(), [&](const Span& c) { return chosen_before_ban(c) && overlaps_choice(c); });
  // "without our prior written consent": the vendor's own consent is no one's yes to training.
  std::vector<Span> readers_consent;
  std::copy_if(w.consent.begin(), w.consent.end(), std::back_inserter(readers_consent), [&](const Span& c) {
    return !std::any_of(w.we.begin(), w.we.end(), [&](const Span& x) { return x.end <= c.begin && c.begin - x.end <= kOwnConsentGap; });
  });
  // "Processor shall not: (a) sell ...; (b) combine ..., except as instructed by Controller;
  // (c) use Customer Data ... to train": an exception or condition in another item of a list
  // (items end at ';') is that item's, not the predicate's.
  const auto in_item = [&](const std::vector<Span>& words) {
    std::vector<Span> out;
    for (const Span& c : words) {
      const std::size_t from = std::min(c.end, p.begin), to = std::max(c.begin, p.end);
      if (to <= from || s.substr(from, to - from).find(';') == std::string_view::npos) out.push_back(c);
    }
    return out;
  };
  // "... hiçbir koşulda kullanmaz. Müşteri Verileri, yalnızca ... talimatları doğrultusunda
  // işlenir": a condition or a yes in another sentence is that sentence's.
  const auto in_sentence = [&](const std::vector<Span>& words) {
    std::vector<Span> out;
    for (const Span& c : words) {
      const std::size_t from = std::min(c.end, p.begin), to = std::max(c.begin, p.end);
      if (!any_in(w.sentence_ends, from, to)) out.push_back(c);
    }
    return out;
  };
  // "We do not use it to train generalized AI/ML models, sell it, ..., and it is not read by
  // humans except with your consent" (Speechify's privacy policy, 2026): a condition after a
  // later negation, past a comma after the predicate, is that negation's where that negation
  // names another use (people reading, access, sharing: classes staff, access, share). "..., and
  // we will not do so unless you opt in" and "..., not even in anonymised form, unless" still
  // speak of the training.
  const auto before_later_negation = [&](const std::vector<Span>& words) {
    std::vector<Span> out;
    for (const Span& c : words) {
      const bool later = c.begin >= p.end && std::any_of(w.neg.begin(), w.neg.end(), [&](const Span& n) {
        return n.begin >= p.end && n.end <= c.begin && s.substr(p.end, n.begin - p.end).find(',') != std::string_view::npos &&
               (any_in(w.staff, n.end, c.begin) || any_in(w.access, n.end, c.begin) || any_in(w.share, n.end, c.begin));
      });
      if (!later) out.push_back(c);
    }
    return out;
  };
  const std::vector<Span> unless_here = before_later_negation(in_item(w.unless)), without_here = in_item(w.without),
                          opt_in_here = before_later_negation(in_sentence(in_item(w.opt_in))),
                          only_if_here = before_later_negation(in_sentence(in_item(w.only_if)));
  // "unless you choose not to participate": an opt-out, though it holds a choice word.
  const bool unless_opt_out = condition(unless_here, {w.opt_out}) || w.unless_opt_out;
  // "without your consent" asks for one only under a negation ("will not ... without your
  // consent"); "we may use de-identified data ... without further consent" needs none.
  const bool consent_lacking = condition(without_here, {readers_consent, w.opt_in}, kPostpositionGap);
  // "Use of your content to train AI models requires your prior consent", "... מחייב אישור מראש
  // ובכתב": the use is the subject of the requirement, in the predicate's clause after it; a
  // consent another activity requires ("and recording a call requires ...") is its own.
  // "... does not require your consent", "no requiere su consentimiento": a requirement denied
  // asks for no yes.
  const auto denied = [&](const Span& x) {
    return std::any_of(w.neg.begin(), w.neg.end(), [&](const Span& n) {
      return (n.end <= x.begin && x.begin - n.end <= kDeniedRequirementGap) || (n.begin >= x.begin && n.begin < x.end);
    });
  };
  // "... requires prior written approval from Acme", "... Genehmigung durch Acme", "... разрешения
  // компании": someone else's approval, named after it, is no yes of the reader's.
  const auto someone_elses = [&](const Span& x) {
    static constexpr std::string_view kBy[] = {" from ", " by ", " durch ", " von ", " компании", " de la empresa", " de l'entreprise", " da empresa"};
    const std::string_view after = s.substr(std::min(s.size(), x.end > 0 && s[x.end - 1] == ' ' ? x.end - 1 : x.end));
    return std::any_of(std::begin(kBy), std::end(kBy), [&](std::string_view b) { return after.starts_with(b); });
  };
  const bool consent_required = std::any_of(w.requires_consent.begin(), w.requires_consent.end(), [&](const Span& x) {
    return x.begin >= p.end && x.begin >= clause.begin && x.begin < clause.end && s.substr(p.end, x.begin - p.end).find(',') == std::string_view::npos &&
           !any_in(w.conjunction, p.end, x.begin) && !denied(x) && !someone_elses(x);
  });
  // A switch or tick box that asks leave ("Allow the use of your data to improve AI models",
  // "... kullanılmasına izin verin": class asks_leave) with nothing denied: what it allows waits
  // for the yes. ("Share your recordings with teammates - they are never used to train" denies.)
  const bool leave_asked = !nearest && !w.asks_leave.empty();
  const bool with_consent = consent_required || leave_asked || (consent_lacking && nearest) ||
                            (!unless_opt_out && condition(unless_here, {w.opt_in, readers_consent, w.only_if})) ||
                            ((!only_if_here.empty() || !opt_in_here.empty()) && !opt_in_before_ban);
  const bool except_deidentified = condition(unless_here, {w.deidentify});

  // "Scraping ... for the purpose of training AI models is strictly prohibited", "È vietato
  // utilizzare il servizio ... per addestrare": a ban with no one named before it (class
  // impersonal_ban) bars whoever uses the service, the reader; "We are prohibited from" names
  // who is barred. Before or after the predicate, in its clause.
  const auto nobody_before = [&](const Span& b) {
    for (const auto* spans : {&w.we, &w.third, &w.you})
      if (any_in(*spans, clause.begin, b.begin)) return false;
    return name_end(names, s, clause.begin, b.begin) == std::string_view::npos;
  };
  const Span* impersonal = nullptr;
  for (const Span& b : w.impersonal_ban)
    if (b.begin >= clause.begin && b.begin < clause.end && nobody_before(b) &&
        (!nearest || (b.begin <= nearest->begin && nearest->begin < b.end) || b.begin > p.begin))
      impersonal = &b;
  if (impersonal && !nearest) nearest = impersonal;

  Reading r;
  if (nearest) {
    r.negated = true;
    // "O Usuário não poderá utilizar ..., nem qualquer parte do Serviço, para ... treinar": a
    // "nor" goes on with the negation before it, whose subject is the one barred.
    std::size_t negated_at = nearest->begin;
    if (std::any_of(w.nor.begin(), w.nor.end(), [&](const Span& x) { return x.begin <= nearest->begin && nearest->begin < x.end; }))
      for (const auto* spans : {&w.neg, &w.prohibit})
        for (const Span& n : *spans)
          if (n.begin >= clause.begin && n.end <= nearest->begin) negated_at = std::min(negated_at, n.begin);
    r.party = subject_before(w, s, names, clause.begin, negated_at);
    // "Licensee shall use the Dataset solely for research and shall not use it to train": a
    // second verb of the same subject ("and shall not", "and may not") is barred as the first
    // subject of the clause is, when that subject is the reader.
    if (r.party == Party::vendor && coordinated_ban(w, clause.begin, nearest->begin) && first_subject_is_reader(w, names, s, clause))
      r.party = Party::users;
    if (r.party == Party::vendor && !any_in(w.we, clause.begin, negated_at) &&
        name_end(names, s, clause.begin, negated_at) == std::string_view::npos && repeats_readers_ban(w, s, names, negated_at))
      r.party = Party::users;
    if (by_prohibit) r.party = object_after(w, s, nearest->end, p.begin, r.party);
    // "That ownership does not, however, permit you to use the Output to train": what is not
    // permitted is the reader's doing.
    if (permits_reader_after(w, *nearest, p)) r.party = Party::users;
    // ... unless what it bars is the use of the reader's own data ("die Verwendung Ihrer Inhalte
    // zu Trainingszwecken ist untersagt"): that ban protects the reader, whoever it binds.
    const bool readers_data_barred = impersonal && std::any_of(w.your.begin(), w.your.end(), [&](const Span& y) {
      return y.begin >= clause.begin && y.end <= impersonal->begin && any_in(w.data_noun, y.end, std::min(impersonal->begin, y.end + kYourDataGap));
    });
    if (impersonal && !readers_data_barred) r.party = Party::users;
    if (bans_reader(w, names, s, clause, *nearest)) r.party = Party::users;
    // "We do not ... except ...": where the exceptions hold, it does train.
    // Only an exception to this predicate counts, standing right after it in its clause ("to
    // train our models except when you ..."); "for any purpose other than ..." further on
    // belongs to another promise, and an aside in brackets qualifies it without undoing it.
    // "except as necessary to provide the Service" (class service_need) excepts running the
    // service, not training: the ban stands.
    const bool excepted = std::any_of(w.unless.begin(), w.unless.end(), [&](const Span& u) {
      return u.begin >= p.end && u.begin < clause.end && u.begin - p.end <= kExceptionReach && !in_brackets(s, u.begin) &&
             !any_in(w.service_need, u.begin, std::min(clause.end, u.end + kServiceNeedReach));
    });
    // "If you object, we will not use ...": the ban holds only after an opt-out, so by default
    // it trains.
    // "We won't use your files to train our models if you've switched off the setting": the
    // ban holds on a condition that is the reader's way out, so by default it trains.
    const bool opted_out_after = std::any_of(w.opt_out.begin(), w.opt_out.end(), [&](const Span& o) {
      return o.begin >= p.end && o.begin < clause.end && any_in(w.condition, o.begin > kConditionLead ? o.begin - kConditionLead : 0, o.begin);
    });
    const bool after_opt_out = opt_in_before_ban || opted_out_after ||
                               std::any_of(w.opt_out.begin(), w.opt_out.end(), [&](const Span& o) { return o.end <= nearest->begin; });
    // "We do not train these models in such a way that they could reproduce your data": the
    // negation is of a manner of training, not of training.
    const bool manner = std::any_of(w.manner.begin(), w.manner.end(), [&](const Span& m) {
      return m.begin >= p.end && m.begin < clause.end;
    });
    if (r.party == Party::users) r.stance = "prohibits";
    else if (manner) r.stance = "permits";
    else if (with_consent) r.stance = "permits_with_consent";
    else if (unless_opt_out || after_opt_out) {
      r.stance = "permits";
      r.opt_out = true;
    } else if (except_deidentified || excepted) r.stance = "permits";
    else r.stance = "prohibits";
  } else {
    // "opt in or opt out": an opt-out offered beside the opt-in exists, so it runs by default.
    // "Administrators give or withdraw this permission" later on takes back a yes given first.
    constexpr std::size_t kBesideReach = 24;
    const bool out_beside_in = std::any_of(w.opt_out.begin(), w.opt_out.end(), [&](const Span& o) {
      return std::any_of(w.opt_in.begin(), w.opt_in.end(), [&](const Span& i) {
        return (o.begin < i.end && i.begin < o.end) || (o.begin >= i.end && o.begin - i.end <= kBesideReach) ||
               (i.begin >= o.end && i.begin - o.end <= kBesideReach);
      });
    });
    if (with_consent && !w.opt_in.empty() && w.only_if.empty() && out_beside_in) {
      r.stance = "permits";
      r.opt_out = true;
    } else if (with_consent) r.stance = "permits_with_consent";
    else {
      r.stance = "permits";
      r.opt_out = !w.opt_out.empty();
    }
  }
  return r;
}

// Whether the predicate at `p` stands in a question ("Nutzt ihr meine Dokumente, um KI-Modelle zu
// trainieren? Nein - ...", an FAQ's question and answer kept together) and what answers it: the
// first sentence mark after the predicate is a question mark, and the answer is the word right
// after it (classes answer_no, answer_yes).
enum class Asked { no_question, answered_no, answered_yes, open };

Asked asked(const Lexicon& lx, std::string_view s, const Span& p) {
  // (Normalised text holds "?" and "!" for their fullwidth forms; "。" stays.)
  static constexpr std::string_view kFullStop = "\xE3\x80\x82";
  std::size_t after = std::string_view::npos;
  for (std::size_t i = p.end; i < s.size() && after == std::string_view::npos; ++i) {
    if (s[i] == '.' || s[i] == '!' || s.compare(i, 3, kFullStop) == 0) return Asked::no_question;
    if (s[i] == '?') after = i + 1;
  }
  if (after == std::string_view::npos) return Asked::no_question;
  // The answer opens what follows, after spaces, quotes, dashes or emphasis marks.
  const auto skip_marks = [&] {
    while (after < s.size() && std::string_view(" \t\n\"'*-_").find(s[after]) != std::string_view::npos) ++after;
  };
  skip_marks();
  // An FAQ's answer may wear a label ("Answer: No.", "A: No", "回答：いいえ", "Réponse : non"; class
  // answer_label, the whole word before the colon). "No: we never do" is the answer itself, and
  // "Update: ..." no label of an answer.
  constexpr std::size_t kAnswerLabelBytes = 16;
  const std::size_t colon = s.substr(after, std::min(kAnswerLabelBytes, s.size() - after)).find(':');
  if (colon != std::string_view::npos && colon > 0) {
    std::string_view label = s.substr(after, colon);
    while (!label.empty() && label.back() == ' ') label.remove_suffix(1);
    const auto labels = lx.find("answer_label", label);
    if (std::any_of(labels.begin(), labels.end(), [&](const Span& x) { return x.begin == 0 && x.end >= label.size(); })) {
      after += colon + 1;
      skip_marks();
    }
  }
  const std::string_view rest = s.substr(after, std::min<std::size_t>(s.size() - after, 24));
  // Buttons after a question ("No thanks | Yes, share", "No" on a line of its own) are no answer.
  const auto answer_ends = [&](const char* cls) {
    const auto found = lx.find(cls, rest);
    const auto first = std::find_if(found.begin(), found.end(), [](const Span& x) { return x.begin == 0; });
    if (first == found.end()) return false;
    const std::size_t next = s.find_first_not_of(" ", after + first->end);
    return next == std::string_view::npos || (s[next] != '\n' && s[next] != '|' && !lx.any("thanks", s.substr(next, 12)));
  };
  if (answer_ends("answer_no")) return Asked::answered_no;
  if (answer_ends("answer_yes")) return Asked::answered_yes;
  if (!lx.find("answer_no", rest).empty() || !lx.find("answer_yes", rest).empty()) return Asked::no_question;
  return Asked::open;
}

int permissiveness(const std::string& stance) {
  return stance == "permits" ? 2 : stance == "permits_with_consent" ? 1 : 0;
}

}  // namespace

// "... may use it ... to train their artificial intelligence models", "... pour entraîner leurs
// propres modèles": the models right after the training word are owned by a third-party word
// ("their", "leurs"), in a sentence that names other companies (class other_companies:
// "recipients", "partners", "third parties"); a "their" with no company named may be the users'.
bool trains_their_own_models(const Lexicon& lx, const Words& w, std::string_view s, const Span& pred) {
  if (!lx.any("other_companies", s)) return false;
  for (const Span& m : w.model) {
    if (m.begin < pred.end || m.begin - pred.end > kTheirModelsReach) continue;
    if (std::any_of(w.third.begin(), w.third.end(), [&](const Span& t) {
          return t.begin >= pred.end && t.end <= m.begin && m.begin - t.end <= kTheirModelsGap;
        }))
      return true;
  }
  return false;
}

StanceReading read_stance(const Lexicon& lexicon, std::string_view sentence, const std::vector<std::string>& names) {
  StanceReading out;
  const Words w = find_words(lexicon, sentence);
  const auto preds = predicates(w, sentence);
  if (preds.empty()) return out;
  // "To develop products or services that compete with our Services, including to develop or
  // train any artificial intelligence ...": whoever would compete with the company is its user
  // (an item of what users may not do, quoted without its lead-in); nothing here is done with
  // anyone's data by the company (class compete).
  // A sentence the company opens as its subject ("We may use your Content to train ..., but you
  // may not use Output to build products in direct competition with us") says what it does; the
  // competing is only the user's part of it.
  const auto vendor_opens = [&] {
    const std::size_t first = sentence.find_first_not_of(" \t\n\"'*-([");
    const auto we = lexicon.find("we", sentence);
    return first != std::string_view::npos && !we.empty() && we.front().begin <= first + 1;
  };
  if (lexicon.any("compete", sentence) && !vendor_opens()) {
    out.found = true;
    out.stance = "prohibits";
    out.users_only = true;
    out.predicate = preds.front();
    return out;
  }
  // Several predicates ("we do not train on your content; we may train on usage data"): what
  // the vendor may do counts over what its suppliers or users may not, and the most the
  // sentence allows is what it allows.
  bool have_vendor = false, have_third = false, have_users = false;
  Reading best;
  Span best_pred{0, 0};
  bool only_other_data = false;  // a predicate trains "solely on publicly available ... data"
  bool best_trains = false;       // the best reading's predicate is a training word, not "improve"
  std::size_t read = 0;
  // A training word in a title before the colon ("零训练原则:", zero-training principle) is the
  // topic; the sentence after the colon says what is done, when it has a predicate of its own.
  const std::size_t colon = sentence.find(':');
  const bool titled = colon <= kTitleBytes && std::any_of(preds.begin(), preds.end(), [&](const Span& p) { return p.begin > colon; });
  // Whether each predicate stands in a question, and what answers it (asked once per predicate).
  std::vector<Asked> asks;
  asks.reserve(preds.size());
  for (const Span& p : preds) asks.push_back(asked(lexicon, sentence, p));
  const bool some_statement = std::find(asks.begin(), asks.end(), Asked::no_question) != asks.end();
  // "Im Gegensatz zu Konkurrenten, die möglicherweise Gesprächsdaten zur Verbesserung ihrer
  // Modelle verwenden, garantiert InterMIND ... keine Verwendung von Daten für das Modelltraining":
  // what others do, set against the company (class unlike), says nothing of what the company does.
  // The phrase runs to its comma, or past a relative clause that opens there to the next one (the
  // finder's span of ", which" starts at its word).
  // A phrase with no comma soon after it is only its noun ("Unlike other apps we never use ...",
  // "Im Gegensatz zu anderen Anbietern verwendet Acme ... nicht"): nothing in it is done. Languages
  // that put the word after the others ("Diğer uygulamaların aksine", "他社とは異なり": class
  // unlike_after) name them in the few bytes before it, back to a comma at most.
  constexpr std::size_t kUnlikeNounBytes = 40;
  std::vector<Span> others_phrases;
  for (const Span& u : lexicon.find("unlike", sentence)) {
    std::size_t end = sentence.find(',', u.end);
    if (end == std::string_view::npos || end - u.end > kUnlikeNounBytes) continue;
    if (std::any_of(w.relative_aside.begin(), w.relative_aside.end(), [&](const Span& r) { return r.begin >= end && r.begin <= end + 2; }))
      end = sentence.find(',', end + 1);
    if (end != std::string_view::npos) others_phrases.push_back({u.begin, end});
  }
  for (const Span& u : lexicon.find("unlike_after", sentence)) {
    std::size_t begin = u.begin > kUnlikeNounBytes ? u.begin - kUnlikeNounBytes : 0;
    for (std::string_view mark : {",", "\u3001", "\uFF0C"}) {
      const std::size_t at = sentence.rfind(mark, u.begin);
      if (at != std::string_view::npos && at + mark.size() > begin) begin = at + mark.size();
    }
    while (begin < u.begin && (static_cast<unsigned char>(sentence[begin]) & 0xC0) == 0x80) ++begin;  // a whole character
    others_phrases.push_back({begin, u.end});
  }
  for (std::size_t k = 0; k < preds.size(); ++k) {
    const Span& p = preds[k];
    if (titled && p.begin < colon) continue;
    if (std::any_of(others_phrases.begin(), others_phrases.end(), [&](const Span& o) { return o.begin <= p.begin && p.end <= o.end; })) continue;
    // "those tools are trained on publicly available and licensed datasets": training on data
    // that is not the reader's says nothing about the reader's (class other_data). Before the
    // verb where the language ends with it ("mit lizenzierten ... Daten trainiert").
    const auto other = std::find_if(w.other_data.begin(), w.other_data.end(), [&](const Span& o) {
      return (o.begin >= p.end && o.begin - p.end <= kOtherDataGap) || (o.end <= p.begin && p.begin - o.end <= kOtherDataGap);
    });
    if (other != w.other_data.end()) {
      // "solely on ...", "ausschließlich mit ...": and so on nothing else, the reader's data included.
      only_other_data = only_other_data || std::any_of(w.restrict.begin(), w.restrict.end(), [&](const Span& x) {
                          return x.begin + 2 >= other->begin && x.begin < other->end;
                        });
      continue;
    }
    // A question says nothing by itself; its answer does ("... zu trainieren? Nein - ..." does
    // not train). An open question beside a statement leaves the statement to speak.
    if (asks[k] == Asked::open && some_statement) continue;
    ++read;
    Reading r = read_one(w, sentence, names, p);
    if (asks[k] == Asked::answered_no) {
      // "No, not without your explicit consent", "No, unless you opt in": the answer's own
      // condition stands; only one right after its "No", up to its first "and" or clause break
      // ("No, never, and you can opt out of analytics cookies" sets no condition on training);
      // "without exception" (class no_exception) is none.
      const std::size_t qmark = sentence.find('?', p.end);
      std::string_view answer = sentence.substr(qmark + 1, std::min(kAnswerConditionReach, sentence.size() - qmark - 1));
      for (const char* cls : {"conjunction", "clause_break"})
        if (const auto cut = lexicon.find(cls, answer); !cut.empty()) answer = answer.substr(0, cut.front().begin);
      const bool conditioned = !lexicon.any("no_exception", answer) &&
                               (lexicon.any("unless", answer) || lexicon.any("only_if", answer) || lexicon.any("without", answer) ||
                                lexicon.any("opt_in", answer) || lexicon.any("opt_out", answer));
      // (A ban the question already reads, "Can I use the output to train my models? No.", keeps
      // whom it binds.)
      if (conditioned || r.stance != "prohibits") {
        r.negated = true;
        r.party = Party::vendor;
        r.opt_out = conditioned && lexicon.any("opt_out", answer) && !lexicon.any("opt_in", answer) && !lexicon.any("consent", answer);
        r.stance = !conditioned ? "prohibits" : r.opt_out ? "permits" : "permits_with_consent";
      }
    }
    if (r.party == Party::users && r.negated) {
      have_users = true;
      continue;
    }
    if (r.party == Party::third_parties && r.negated && r.stance == "prohibits") {
      have_third = true;
      if (!have_vendor) best_pred = p;
      continue;
    }
    // "... optimizing the Mistral AI Products, which includes debugging ..., but excludes model
    // training": a sentence that names training outright is read by that word; "improving" an
    // AI product beside it does not undo what it says of training.
    const bool trains = std::any_of(w.train.begin(), w.train.end(), [&](const Span& t) { return t.begin == p.begin; });
    if (!have_vendor || (trains && !best_trains) ||
        (trains == best_trains && permissiveness(r.stance) > permissiveness(best.stance))) {
      best = r;
      best_pred = p;
      best_trains = trains;
    }
    have_vendor = true;
  }
  // Every predicate trains on others' data: only where it says "solely" is that a word about the
  // reader's (none of it); else the sentence says nothing of it.
  if (read == 0 && !only_other_data) return out;
  out.found = true;
  if (have_vendor) {
    out.stance = best.stance;
    out.opt_out = best.opt_out;
    out.predicate = best_pred;
    out.others_train = out.stance != "prohibits" && trains_their_own_models(lexicon, w, sentence, best_pred);
  } else if (have_third) {
    out.stance = "prohibits";
    out.third_parties_only = true;
    out.predicate = best_pred;
  } else {
    out.stance = "prohibits";
    out.users_only = have_users;
    out.predicate = preds.front();
  }
  out.deidentified = !w.deidentify.empty() && out.stance != "prohibits";
  return out;
}

}  // namespace consentlens
