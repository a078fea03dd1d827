#include "diff/clause_meaning.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

#include "stance_reader.h"

namespace consentlens::docs {
namespace {

// A consent word and its holder stand close: "your consent", "authorized by the account owner".
constexpr std::size_t kHolderReach = 64;
// Third parties and a model word in one phrase: "third-party artificial intelligence models".
constexpr std::size_t kThirdPartyReach = 40;
constexpr std::size_t kNotTakenGap = 4;     // "do not opt out": the negation right before the way out

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "attachments" and "attachment" are one kind of data; "summaries" and "summary".
std::string singular(std::string s) {
  // Trailing spaces and marks only: a byte of a letter of another script ("santé") stays.
  while (!s.empty() && static_cast<unsigned char>(s.back()) < 0x80 && !std::isalnum(static_cast<unsigned char>(s.back()))) s.pop_back();
  if (s.size() > 4 && s.ends_with("ies")) return s.substr(0, s.size() - 3) + "y";
  if (s.ends_with("ics")) return s;  // "analytics"
  if (s.size() > 3 && s.back() == 's' && s[s.size() - 2] != 's') s.pop_back();
  return s;
}

std::string words_of(std::string_view text, const Span& s) { return lower(text.substr(s.begin, s.end - s.begin)); }

std::string licence_term(const std::string& w) {
  if (w.find("perpetual") != std::string::npos) return "perpetual";
  if (w.find("irrevocab") != std::string::npos) return "irrevocable";
  if (w.find("sublicens") != std::string::npos || w.find("sub-licens") != std::string::npos) return "sublicensable";
  if (w.find("royalty") != std::string::npos) return "royalty_free";
  if (w.find("world") != std::string::npos) return "worldwide";
  if (w.find("transferable") != std::string::npos) return "transferable";
  return "";
}

// The role a holder word names in another language's vocabulary (classes holder_account_owner,
// holder_customer, holder_end_users, holder_admin, holder_host, holder_users: "Kontoinhaber",
// "administrateur", "usuarios"), or "".
std::string holder_role(const Lexicon& lx, std::string_view w) {
  static constexpr std::pair<const char*, const char*> kRoles[] = {
      {"holder_account_owner", "account_owner"}, {"holder_customer", "customer"}, {"holder_end_users", "end_users"},
      {"holder_admin", "admin"}, {"holder_host", "host"}, {"holder_users", "users"}};
  for (const auto& [cls, role] : kRoles)
    if (lx.any(cls, w)) return role;
  return "";
}

std::string holder_of(const std::string& w) {
  if (w.find("account owner") != std::string::npos || w.find("account holder") != std::string::npos ||
      w.find("workspace owner") != std::string::npos || w.find("organization owner") != std::string::npos ||
      w.find("organisation owner") != std::string::npos)
    return "account_owner";
  if (w.find("customer") != std::string::npos) return "customer";
  if (w.find("end user") != std::string::npos) return "end_users";
  if (w.find("admin") != std::string::npos) return "admin";
  if (w.find("host") != std::string::npos) return "host";
  if (w.find("you") != std::string::npos) return "you";
  if (w.find("user") != std::string::npos || w.find("participant") != std::string::npos) return "users";
  return "";
}

// A data word inside a company's name: it follows one of the vendor's names ("Zoom Video").
bool part_of_name(std::string_view s, const Span& x, const std::vector<std::string>& names) {
  const std::string before = lower(s.substr(0, x.begin));
  for (const auto& n : names) {
    const std::string name = lower(n) + " ";
    if (!n.empty() && before.size() >= name.size() && before.compare(before.size() - name.size(), name.size(), name) == 0) return true;
  }
  return false;
}

// "our models", "our own AI": a word of the writer's ({we}) right before the model word.
constexpr std::size_t kOwnerReach = 6;  // "own " may stand between
bool owned_by_writer(const std::vector<Span>& we, std::size_t at) {
  return std::any_of(we.begin(), we.end(), [&](const Span& w) { return w.end <= at && at - w.end <= kOwnerReach; });
}

// Whether the name at `x` is one of the company's own (an entry takes the mark after its word:
// "Anthropic's").
// Whether the company's name stands in `s` as a word of its own ("Meta", not in "metadata").
bool names_company(std::string_view s, const std::string& name) {
  const std::string t = lower(s), n = lower(name);
  if (n.empty()) return false;
  const auto word_char = [&](std::size_t k) { return std::isalnum(static_cast<unsigned char>(t[k])) != 0; };
  for (std::size_t at = t.find(n); at != std::string::npos; at = t.find(n, at + 1))
    if ((at == 0 || !word_char(at - 1)) && (at + n.size() >= t.size() || !word_char(at + n.size()))) return true;
  return false;
}

bool is_own_name(std::string_view s, Span x, const std::vector<std::string>& names) {
  while (x.end > x.begin && !std::isalnum(static_cast<unsigned char>(s[x.end - 1]))) --x.end;
  const std::string word = lower(s.substr(x.begin, x.end - x.begin));
  return std::any_of(names.begin(), names.end(), [&](const std::string& n) { return lower(n) == word; });
}

// The terms defined in the sentence: an opening bracket, then a quotation mark and a capital,
// "(“Customer Content”)", "(together with Customer Input, "Customer Content")"; each term's last
// word, lower case ("content"), which a rewritten definition keeps ("Content" -> "Customer
// Content").
std::set<std::string> defined_terms(const Lexicon& lx, std::string_view s) {
  std::set<std::string> out;
  // The term in quotes right after a definition's words: "... are collectively, “Content”",
  // "hereinafter “Content”", "is referred to as \"Usage Data\"". Its last word, as in brackets.
  for (const Span& x : lx.find("definition", s)) {
    std::size_t at = x.end;
    if (at > 0 && (s[at - 1] == '"')) --at;
    else if (at >= 3 && s.substr(at - 3, 3) == "\xe2\x80\x9c") at -= 3;
    at = s.find_first_not_of(" ,", at);
    if (at == std::string_view::npos) continue;
    for (std::string_view q : {"\"", "\xe2\x80\x9c"}) {
      if (s.substr(at, q.size()) != q || at + q.size() >= s.size() || !std::isupper(static_cast<unsigned char>(s[at + q.size()]))) continue;
      std::string_view term = s.substr(at + q.size());
      const std::size_t close = std::min(term.find('"'), term.find("\xe2\x80\x9d"));
      if (close == std::string_view::npos || close > 60) continue;
      term = term.substr(0, close);
      while (!term.empty() && (term.back() == ' ' || term.back() == ',')) term.remove_suffix(1);
      const std::size_t space = term.rfind(' ');
      if (!term.empty()) out.insert(lower(space == std::string_view::npos ? term : term.substr(space + 1)));
    }
  }
  // A definition list's item: the term in quotes opens the sentence ("“Usage Data” means ...").
  const std::size_t lead = s.find_first_not_of(" -*");
  for (std::string_view q : {"\"", "\xe2\x80\x9c"}) {
    if (lead == std::string_view::npos || s.substr(lead, q.size()) != q) continue;
    std::string_view term = s.substr(lead + q.size());
    const std::size_t close = std::min(term.find('"'), term.find("\xe2\x80\x9d"));
    if (close == std::string_view::npos || close == 0 || close > 60 || !std::isupper(static_cast<unsigned char>(term[0]))) continue;
    // The whole term: "Your Data" and "Service Generated Data" are different terms.
    out.insert(lower(term.substr(0, close)));
  }
  for (std::size_t p = s.find('('); p != std::string_view::npos; p = s.find('(', p + 1)) {
    const std::size_t close = s.find(')', p);
    if (close == std::string_view::npos) break;
    const std::string_view inside = s.substr(p, close - p);
    for (std::string_view q : {"\"", "\xe2\x80\x9c"}) {
      const std::size_t at = inside.find(q);
      if (at == std::string_view::npos || at + q.size() >= inside.size() || !std::isupper(static_cast<unsigned char>(inside[at + q.size()])))
        continue;
      std::string_view term = inside.substr(at + q.size());
      term = term.substr(0, std::min(term.find('"'), term.find("\xe2\x80\x9d")));
      const std::size_t space = term.rfind(' ');
      out.insert(lower(space == std::string_view::npos ? term : term.substr(space + 1)));
    }
  }
  return out;
}

// "You may not use the output of the Services to train ...", "Customer shall not ... develop
// any AI model": a ban on users training AI, which says nothing of what is done with their data.
// The user is the subject of the ban: a you-word right before the prohibiting words.
constexpr std::size_t kSubjectReach = 12;
bool bans_users(const Lexicon& lx, std::string_view s, const std::vector<Span>& trains) {
  if (trains.empty()) return false;
  const auto subjects = lx.find("you_subject", s);
  for (const Span& p : lx.find("prohibit", s)) {
    if (p.begin > trains.front().begin) break;
    for (const Span& y : subjects)
      if (y.end <= p.begin && p.begin - y.end <= kSubjectReach) return true;
  }
  return false;
}

// "You agree that you will not, and will not permit any End Users to: ...": the sentence opens
// with the user bound by a ban. What follows is the user's conduct, not a use of their data.
constexpr std::size_t kObligationLead = 40;
bool binds_users(const Lexicon& lx, std::string_view s) {
  const auto bans = lx.find("prohibit", s);
  if (bans.empty() || bans.front().begin > kObligationLead) return false;
  for (const Span& y : lx.find("you_subject", s))
    if (y.end <= bans.front().begin && bans.front().begin - y.end <= kSubjectReach) return true;
  return false;
}

// "Zoom will not access, view or process Content except (a) ...": a ban on a use of data
// followed by its exceptions limits that use as "will only" does.
bool limits_by_exception(const Lexicon& lx, std::string_view s) {
  const auto bans = lx.find("prohibit", s), uses = lx.find("data_use", s), exceptions = lx.find("exception", s);
  if (exceptions.empty()) return false;
  for (const Span& b : bans)
    for (const Span& u : uses)
      if (u.begin >= b.end && u.begin - b.end <= kSubjectReach && exceptions.back().begin > u.end) return true;
  return false;
}

// The outsider data goes to, as the text says it: the one after "to" ("to a tax authority"),
// else the first named; not a word of a name ("Government Request Guide" is a document).
constexpr std::size_t kArticleReach = 8;  // "to a ", "to the ", "to any "
std::string recipient_of(std::string_view s, const std::vector<Span>& outsiders) {
  const auto trim = [](std::string_view t) {
    while (!t.empty() && (t.back() == ' ' || t.back() == '.' || t.back() == ',' || t.back() == ';')) t.remove_suffix(1);
    return std::string(t);
  };
  // "our Government Request Guide": a capitalised name goes on with another capital.
  const auto in_name = [&](const Span& x) {
    const std::size_t next = s.find_first_not_of(' ', x.end);
    return std::isupper(static_cast<unsigned char>(s[x.begin])) && next != std::string_view::npos && next > x.end - 1 &&
           std::isupper(static_cast<unsigned char>(s[next]));
  };
  for (const Span& x : outsiders) {
    if (in_name(x)) continue;
    const std::size_t from = x.begin > kArticleReach ? x.begin - kArticleReach : 0;
    const std::size_t to = s.substr(from, x.begin - from).rfind("to ");
    if (to != std::string_view::npos) return trim(s.substr(from + to + 3, x.end - from - to - 3));
  }
  return trim(s.substr(outsiders.front().begin, outsiders.front().end - outsiders.front().begin));
}

// "solely to provide": a limit and the providing word it limits.
constexpr std::size_t kLimitReach = 24;  // "solely for the purpose of providing"
constexpr std::size_t kPointerLead = 1;  // the pointer opens the sentence ("Please see", "For more information", "(See")
constexpr std::size_t kPromiseReach = 16;  // "not " ... "extract", "never " ... "sell", "not directly share"
bool near_before(const std::vector<Span>& first, const std::vector<Span>& then, std::size_t reach) {
  for (const Span& x : first)
    for (const Span& y : then)
      if (x.end <= y.begin && y.begin - x.end <= reach) return true;
  return false;
}

// "We recommend that you do not use unsecure channels", "users must not": a negation whose
// subject stands right before it, with at most an auxiliary between, is the reader's or the
// users' own, not the company's promise. "User content is never sold" keeps its negation: two
// words stand between ("user" names whose content, not who does not).
std::vector<Span> company_negations(const Lexicon& lx, std::string_view s) {
  std::vector<Span> negs = lx.find("neg", s);
  const auto yous = lx.find("you_subject", s);
  std::erase_if(negs, [&](const Span& n) {
    return std::any_of(yous.begin(), yous.end(), [&](const Span& y) {
      if (y.end > n.begin) return false;
      std::string_view between = s.substr(y.end, n.begin - y.end);
      while (!between.empty() && between.front() == ' ') between.remove_prefix(1);
      while (!between.empty() && between.back() == ' ') between.remove_suffix(1);
      return between.find_first_of(" ,;:.") == std::string_view::npos;  // nothing, or one word ("do", "should")
    });
  });
  return negs;
}

// Whether the company is who does `verb` ("we may permanently disable"): "we" a few words before
// it, with only modals and adverbs between (English; other languages are not read this way).
bool done_by_company(std::string_view s, const std::vector<Span>& we, const Span& verb) {
  constexpr std::size_t kSubjectReach = 28;  // "we may permanently " and a little more
  return std::any_of(we.begin(), we.end(), [&](const Span& w) {
    if (w.end > verb.begin || verb.begin - w.end > kSubjectReach) return false;
    // Only a modal or an adverb between ("we may permanently disable"): "We make it easy to opt
    // out", "We respect your choice to opt out" name the reader's way out.
    static const std::set<std::string_view> kBetween{"may", "will", "can", "shall", "might", "could", "would", "must", "permanently",
                                                     "automatically", "also", "then", "immediately", "temporarily", "reserve", "the", "right", "to"};
    std::string_view between = s.substr(w.end, verb.begin - w.end);
    while (!between.empty()) {
      while (!between.empty() && between.front() == ' ') between.remove_prefix(1);
      const std::size_t sp = between.find(' ');
      const std::string_view word = between.substr(0, sp);
      if (!word.empty() && !kBetween.count(word)) return false;
      between = sp == std::string_view::npos ? std::string_view{} : between.substr(sp);
    }
    return true;
  });
}

bool near(const std::vector<Span>& a, const std::vector<Span>& b, std::size_t reach) {
  for (const Span& x : a)
    for (const Span& y : b) {
      const std::size_t gap = x.end <= y.begin ? y.begin - x.end : y.end <= x.begin ? x.begin - y.end : 0;
      if (gap <= reach) return true;
    }
  return false;
}

// "hosting", "who hosts", "of the host" right after a holder word.
bool hosting_follows(std::string_view s, std::size_t at) {
  std::string next = lower(s.substr(at, std::min<std::size_t>(24, s.size() - at)));
  const std::size_t b = next.find_first_not_of(' ');
  next = b == std::string::npos ? "" : next.substr(b);
  return next.starts_with("hosting") || next.starts_with("who host") || next.starts_with("that host") || next.starts_with("of the host");
}

// Who holds the consent the sentence speaks of: the holder word nearest a consent word.
std::string consent_holder(const Lexicon& lx, std::string_view s) {
  // "Customer Content", "User Data": a holder word that names data names no one.
  std::vector<Span> holders;
  std::vector<Span> found = lx.find("consent_holder", s);
  for (const char* cls : {"holder_account_owner", "holder_customer", "holder_end_users", "holder_admin", "holder_host", "holder_users"})
    for (const Span& h : lx.find(cls, s)) found.push_back(h);
  for (const Span& h : found)
    if (!lx.any("customer_content", s.substr(h.begin, std::min(s.size(), h.end + 12) - h.begin))) holders.push_back(h);
  // Who may opt in or out decides as much as who authorises; "Authorised" in "Authorised
  // Users" is part of a name, no consent.
  std::vector<Span> consents;
  for (const char* cls : {"authorize", "opt_out", "opt_in"})
    for (const Span& c : lx.find(cls, s))
      if (std::none_of(holders.begin(), holders.end(), [&](const Span& h) { return h.begin <= c.begin && c.end <= h.end; }))
        consents.push_back(c);
  if (consents.empty()) return "";
  std::string best;
  std::size_t best_gap = kHolderReach + 1;
  // "individual Authorised Users cannot opt out": no one holds a choice the text denies.
  constexpr std::size_t kDeniedLead = 10;  // "cannot ", "may not ", "can't "
  const auto denied = [&](const Span& c) {
    const std::size_t from = c.begin > kDeniedLead ? c.begin - kDeniedLead : 0;
    return lx.any("neg", s.substr(from, c.begin - from));
  };
  for (const Span& c : consents)
    for (const Span& h : holders) {
      if (denied(c)) continue;
      const std::size_t gap = h.end <= c.begin ? c.begin - h.end : h.begin >= c.end ? h.begin - c.end : 0;
      std::string who = holder_of(words_of(s, h));
      if (who.empty()) who = holder_role(lx, s.substr(h.begin, h.end - h.begin));
      // "the account owner hosting the Zoom product or service where the Customer Content was
      // generated": not any account owner (yours), the meeting host's, who decides for everyone
      // in it.
      if (who == "account_owner" && hosting_follows(s, h.end)) who = "host_account_owner";
      // "cause your End Users to assign": the customer acts for its end users.
      if (words_of(s, c).find("end user") != std::string::npos) return "customer_for_end_users";
      if (!who.empty() && gap < best_gap) best = who, best_gap = gap;
    }
  return best;
}

// "LinkedIn hereby grants Customer a ... license", "Zoom grants you": the company is the one
// granting, so the licence is not one over your data. The company's name (or "we") stands right
// before "grant", with at most "hereby" between.
bool company_grants(std::string_view s, const std::vector<std::string>& names) {
  const std::string l = lower(s);
  for (std::size_t at = l.find("grant"); at != std::string::npos; at = l.find("grant", at + 1)) {
    std::size_t e = at;
    while (e > 0 && l[e - 1] == ' ') --e;
    if (e >= 6 && l.compare(e - 6, 6, "hereby") == 0) {
      e -= 6;
      while (e > 0 && l[e - 1] == ' ') --e;
    }
    std::size_t b = e;
    while (b > 0 && (std::isalnum(static_cast<unsigned char>(l[b - 1])) || l[b - 1] == '-')) --b;
    const std::string who = l.substr(b, e - b);
    if (who == "we") return true;
    for (const auto& n : names)
      if (!n.empty() && lower(n) == who) return true;
  }
  return false;
}

// The vocabularies' class for each licence term, in the languages that name them so.
constexpr std::pair<const char*, const char*> kLicenceTermClasses[] = {
    {"license_perpetual", "perpetual"},       {"license_irrevocable", "irrevocable"}, {"license_sublicensable", "sublicensable"},
    {"license_royalty_free", "royalty_free"}, {"license_worldwide", "worldwide"},     {"license_transferable", "transferable"}};

// "non-transferable", "nicht übertragbar", "não transferível", "不可转让": a term denied is not
// granted.
bool denied(std::string_view s, const Span& x) {
  std::size_t e = x.begin;
  if (e > 0 && (s[e - 1] == '-' || s[e - 1] == ' ')) --e;
  // Only the word before counts: the longest denial is six bytes, one more shows its start.
  const std::size_t from = e > 7 ? e - 7 : 0;
  const std::string before = lower(s.substr(from, e - from));
  for (std::string_view no : {"non", "not", "nicht", "no", "niet", "nie", "ne", "n\xC3\xA3o"}) {
    if (!before.ends_with(no)) continue;
    const std::size_t b = before.size() - no.size();
    if (b == 0 ? from == 0 : !std::isalpha(static_cast<unsigned char>(before[b - 1]))) return true;
  }
  return x.begin >= 3 && s.substr(x.begin - 3, 3) == "\xE4\xB8\x8D";  // 不, right before
}

// Whether the word at `from` (after spaces or a hyphen) is an app, a plugin, an integration or a
// website: "third-party applications", "third party plug-ins".
bool names_an_app(const Lexicon& lx, std::string_view s, std::size_t from) {
  while (from < s.size() && (s[from] == ' ' || s[from] == '-')) ++from;
  const std::string next = lower(s.substr(from, 16));
  for (std::string_view w : {"application", "integration", "plugin", "plug-in", "website", "extension"})
    if (next.starts_with(w)) return true;
  const auto apps = lx.find("app", s.substr(from, 16));
  return !apps.empty() && apps.front().begin == 0;
}

// The kinds of data a clause names, and the licence it grants (with its terms).
void read_data_and_licence(const Lexicon& lx, std::string_view s, const std::vector<std::string>& names, ClauseMeaning& m) {
  // The kinds of data a clause names; the general words ("content", "personal data") are how
  // every clause speaks, not the scope of one.
  static const std::set<std::string> kGeneral{"content", "customer content", "customer input", "personal data",
                                              "personal information", "input", "output", "file", "message"};
  // Of those, the ones that take in every kind ("the Content", "personal data"); "file" or
  // "output" is one kind among others.
  static const std::set<std::string> kCatchAll{"content", "customer content", "customer input", "personal data", "personal information"};
  for (const Span& x : lx.find("data_item", s)) {
    if (part_of_name(s, x, names)) continue;  // "Zoom Video Communications" names a company, not video
    if (const std::string item = singular(words_of(s, x)); !kGeneral.count(item)) {
      m.data.insert(item);
      m.data_at.emplace(item, x.begin);
    }
    else {
      m.general_data.insert(item);
      m.catch_all = m.catch_all || kCatchAll.count(item) > 0;
    }
  }
  for (const Span& x : lx.find("license_term", s)) {
    if (denied(s, x)) continue;
    if (auto t = licence_term(words_of(s, x)); !t.empty()) m.licence.insert(t);
  }
  // Other languages name each term by its own class ("unwiderruflich", "irrévocable", "取消不能").
  for (const auto& [cls, term] : kLicenceTermClasses)
    for (const Span& x : lx.find(cls, s))
      if (!denied(s, x)) m.licence.insert(term);
  // A licence granted to the vendor; one granted to you ("Zoom grants you a limited licence") is not
  // about your data.
  // Rights granted as a list of uses with no word for a licence ("you grant us permission to use
  // Your Content, which means we can copy, distribute, transmit, publicly display ...", Microsoft
  // Copilot's terms of October 2025; class exploit, as clause.content_rights_list reads it).
  // Three uses within a list's reach of each other, granted, in a sentence that bars nothing ("You
  // agree that you will not ... copy, modify, distribute" is the user's conduct).
  constexpr std::size_t kRightsListReach = 80;  // bytes from the first of three uses to the third
  const auto uses = lx.find("exploit", s);
  bool listed = false;
  for (std::size_t u = 0; u + 2 < uses.size() && !listed; ++u) listed = uses[u + 2].begin - uses[u].begin <= kRightsListReach;
  const bool rights_list = listed && (lx.any("grant", s) || lx.any("rights_grant", s)) && !lx.any("neg", s) && !lx.any("prohibit", s);
  m.grants_licence = (rights_list || (!lx.find("license_word", s).empty() &&
                                      (!m.licence.empty() || s.find("grant") != std::string_view::npos || lx.any("grant", s) ||
                                       lx.any("rights_grant", s)))) &&  // "you will need to give BeReal a license to use ..."
                     !lx.any("license_to_user", s) && !company_grants(s, names);
  // "You grant to Midjourney, its affiliates, successors, and assigns": who else the licence goes
  // to (class licensee_party) is part of what is granted.
  if (m.grants_licence)
    for (const Span& x : lx.find("licensee_party", s)) {
      if (m.licensees.empty()) m.licensees_at = x.begin;
      std::string who = words_of(s, x);
      while (!who.empty() && !std::isalnum(static_cast<unsigned char>(who.back()))) who.pop_back();
      m.licensees.insert(who);
    }
}

// Where the parts to quote start: at the first word of what the sentence is about.
void place_quotes(const Lexicon& lx, std::string_view s, const std::vector<Span>& models, const std::vector<Span>& trains,
                  ClauseMeaning& m) {
  std::size_t anchor = s.size();
  for (const char* cls : {"train", "model", "license_term", "license_word", "authorize", "retain", "data_use"})
    for (const Span& x : lx.find(cls, s)) anchor = std::min(anchor, x.begin);
  m.anchor = anchor == s.size() ? 0 : anchor;
  m.ai_at = m.anchor;
  const auto develops_spans = lx.find("improve", s);
  m.develop_at = develops_spans.empty() ? m.anchor : develops_spans.front().begin;
  const auto authorizes = lx.find("authorize", s);
  m.holder_at = authorizes.empty() ? m.anchor : authorizes.front().begin;
  // A retention clause is about how long: "For thirty (30) calendar days following termination".
  const auto durations = lx.find("duration", s);
  m.kept_for_at = durations.empty() ? m.anchor : durations.front().begin;
  if (m.licensees.empty()) m.licensees_at = m.anchor;
  if (!models.empty() || !trains.empty())
    m.ai_at = std::min(models.empty() ? s.size() : models.front().begin, trains.empty() ? s.size() : trains.front().begin);
}

}  // namespace

ClauseMeaning read_meaning(const Lexicon& lx, std::string_view s, const std::vector<std::string>& names) {
  ClauseMeaning m;
  const StanceReading r = read_stance(lx, s, {});
  const auto models = lx.find("model", s);
  const auto trains = lx.find("train", s);
  m.ai = r.found || (!models.empty() && (!trains.empty() || !lx.find("improve", s).empty()));
  if (r.found) {
    m.stance = r.stance;
    // "other users of the Service and third parties accessing the Site are prohibited from using
    // such Content ... to train" (DeviantArt): outsiders at large barred from the reader's
    // content protect it; that is an AI clause of its own, not what the company's suppliers may do.
    m.others_barred = r.third_parties_only && lx.any("others_at_large", s);
    m.third_parties_only = r.third_parties_only && !m.others_barred;
    m.opt_out = r.opt_out;
  }
  read_data_and_licence(lx, s, names, m);
  for (const Span& x : models) m.ai_purposes.insert(words_of(s, x));
  for (const Span& x : trains) m.ai_purposes.insert(singular(words_of(s, x)));
  m.consent_holder = consent_holder(lx, s);
  // "You consent to and agree to our Privacy Statement" accepts a document; it gives no one's
  // consent to a use of data.
  if (!m.consent_holder.empty() && lx.any("terms_object", s) && m.data.empty() && !m.ai) m.consent_holder.clear();
  // Named companies only: "their licensed end users" beside "intelligent features" is no model maker.
  // The company's own names are not another company's ("Claude" in Anthropic's policy).
  const auto providers = lx.find("ai_provider", s);
  const bool other_provider = std::any_of(providers.begin(), providers.end(), [&](const Span& x) { return !is_own_name(s, x, names); });
  // "third party sources in order to train our models": the models are the company's own.
  std::vector<Span> others_models;
  const auto we = lx.find("we", s);
  for (const Span& x : models)
    if (!owned_by_writer(we, x.begin)) others_models.push_back(x);
  // "auf eine Drittpartei, Google LLC, ... bei der Sprache-zu-Text Umwandlung" (Telegram, 2024):
  // another company's speech recognition is its AI (class speech_tech).
  for (const Span& x : lx.find("speech_tech", s))
    if (!owned_by_writer(we, x.begin)) others_models.push_back(x);
  std::vector<Span> companies = lx.find("other_companies", s);
  for (const Span& x : lx.find("third_party", s)) companies.push_back(x);
  // "send information to third-party applications via custom actions for GPTs" (OpenAI's EU
  // privacy policy, 2023): a third party named as the maker of an app, a plugin or a website is
  // where data goes, not whose AI model it is.
  std::erase_if(companies, [&](const Span& c) { return names_an_app(lx, s, c.end); });
  // "the recipients of the information may use it ... to train their artificial intelligence
  // models": what the sentence allows is other companies training their own models, however far
  // the companies were named (the stance reader's `others_train`).
  m.third_party_models = other_provider || near(companies, others_models, kThirdPartyReach) || r.others_train;
  m.others_own_models = r.others_train;
  // "Customer Content is not sent to third-party AI model providers", "Transkripte werden nicht
  // mehr an Anbieter externer KI-Modelle übermittelt": named to say they are not used.
  m.third_party_models_denied = m.third_party_models && !r.found && lx.any("neg", s);
  if (m.third_party_models_denied) m.third_party_models = false;
  // "we may permanently disable the account": the company switching something off is no way
  // out the reader holds.
  auto outs_held = lx.find("opt_out", s);
  std::erase_if(outs_held, [&](const Span& o) { return done_by_company(s, we, o); });
  m.opt_out = m.opt_out || !outs_held.empty();
  // "If you do not opt out, ... may use it ... to train": a way out not taken is the condition of
  // the use, which the sentence is about; it does not open with the choice.
  if (const auto outs = lx.find("opt_out", s); !outs.empty() && !near_before(lx.find("neg", s), {outs.front()}, kNotTakenGap))
    m.opt_out_at = outs.front().begin;
  // "ensure you have obtained their explicit consent": a yes the user must get from others is
  // their duty, not a yes the company asks of them.
  const auto others = lx.find("others_consent", s);
  // "you grant us permission to use Your Content, which means we can copy, distribute ...": the
  // permission of a licence is what the licence grants, not a yes asked first.
  // Only a licence granted as a list of uses (no word for a licence), and only the grant before
  // its first use: "... unless you give us your permission" after it is a yes asked first.
  const auto licence_permission = [&](const Span& x) {
    const auto uses = lx.find("exploit", s);
    return m.grants_licence && lx.find("license_word", s).empty() && !uses.empty() && x.end <= uses.front().begin &&
           (s.compare(x.begin, 5, "grant") == 0 || s.compare(x.begin, 4, "give") == 0);
  };
  for (const Span& x : lx.find("opt_in", s))
    if (std::none_of(others.begin(), others.end(), [&](const Span& o) { return o.begin < x.end && x.begin < o.end; }) &&
        !licence_permission(x))
      m.opt_in = true;
  m.by_use = lx.any("by_action", s) || lx.any("by_use", s);
  // How long data is kept: a keeping word and a span of time ("retains ownership" is no retention).
  // "If you keep using our services after the 30 days": going on doing something is no keeping
  // of data (class not_retain).
  auto keeps = lx.find("retain", s);
  const auto goes_on = lx.find("not_retain", s);
  std::erase_if(keeps, [&](const Span& k) { return std::any_of(goes_on.begin(), goes_on.end(), [&](const Span& g) { return g.begin <= k.begin && k.end <= g.end; }); });
  m.retention = !keeps.empty() && lx.any("duration", s);
  m.staff_access = lx.any("staff", s) && lx.any("access", s);
  for (const Span& x : lx.find("data_use", s)) m.uses.insert(singular(words_of(s, x)));
  // A use of data by the vendor ("Zoom may disclose Customer information"): a data-use verb, the
  // data, and the vendor or "we" doing it.
  // "Content in private Repls is not ... used for improving the Service" (Replit, 2024): data
  // put to a use with no one named doing it, in the passive, is put to it by the company that
  // writes. Data first, then the use; no reader, user or other company named before the use.
  const auto data_words = [&] {
    std::vector<Span> d = lx.find("data_item", s);
    for (const char* cls : {"customer_content", "data_general"})
      for (const Span& x : lx.find(cls, s)) d.push_back(x);
    return d;
  }();
  const auto uses_at = lx.find("data_use", s);
  // The data is the sentence's subject: among its first words, and the sentence neither opens
  // with a ban ("Do not create images, use text prompts ...": the reader's duty) nor defines a
  // term ("\"Outputs\" means transcripts ...").
  constexpr std::size_t kSubjectBytes = 40;
  const std::size_t first = s.find_first_not_of(" \"'*-([");
  const auto negations = lx.find("neg", s);
  const bool opens_with_ban = std::any_of(negations.begin(), negations.end(), [&](const Span& n) { return n.begin <= first + 4; });
  const bool passive_use = !uses_at.empty() && !lx.any("we", s) && !opens_with_ban && !lx.any("definition", s) && defined_terms(lx, s).empty() &&
                           std::any_of(data_words.begin(), data_words.end(), [&](const Span& d) {
    if (d.end > uses_at.front().begin || d.begin > first + kSubjectBytes) return false;
    for (const char* agent : {"you_subject", "third_parties", "other_companies"})
      for (const Span& a : lx.find(agent, s))
        if (a.begin < uses_at.front().begin) return false;
    return true;
  });
  m.vendor_use = !m.uses.empty() && !data_words.empty() &&
                 (passive_use || lx.any("we", s) || [&] {
                   for (const auto& n : names)
                     if (!n.empty() && lower(s).find(lower(n)) != std::string::npos) return true;
                   return false;
                 }());
  // The clauses an AI or data-use stance can attach to: licences, service data, customer content.
  m.about_content = m.grants_licence || lx.any("customer_content", s);
  // The stance reader's own finding that the ban binds only users ("Il est interdit ... de les
  // utiliser pour entraîner", "You may not use the output to train") counts as well.
  if (bans_users(lx, s, trains) || (r.found && r.users_only)) {
    m.bans_users = true;
    m.ai = false;
    m.stance.clear();
    m.ai_purposes.clear();
  }
  m.develops = lx.any("improve", s);
  // "To develop, test, and improve Zoom products and services": a purpose of using data in a
  // privacy text's list of purposes, even where this sentence names no data.
  m.develops_products = lx.any("develop_products", s);
  m.restricts = lx.any("restrict", s) || limits_by_exception(lx, s);
  m.defined = defined_terms(lx, s);
  // A definition list's item whose term names data ("“Usage Data” means ...") defines data too.
  constexpr std::size_t kTermLead = 40;
  const bool data_term = !m.defined.empty() && s.find_first_not_of(" -*") != std::string_view::npos &&
                         (s[s.find_first_not_of(" -*")] == '"' || s.substr(s.find_first_not_of(" -*"), 3) == "\xe2\x80\x9c") &&
                         std::any_of(m.defined.begin(), m.defined.end(), [&](const std::string& t) { return t.size() < kTermLead && lx.any("data_term", t); });
  m.defines = (!m.defined.empty() || lx.any("definition", s)) && (lx.any("customer_content", s) || lx.any("data_item", s) || data_term);
  m.owns_content = lx.any("ownership", s) && (lx.any("customer_content", s) || lx.any("data_item", s));
  m.about_content = m.about_content || m.owns_content || m.defines;
  // "solely to provide", "only for providing": the limit stands right before the providing.
  m.solely_provides = !m.develops && trains.empty() && !m.bans_users && near_before(lx.find("restrict", s), lx.find("provide", s), kLimitReach);
  if (const auto outsiders = lx.find("outside_recipient", s); m.vendor_use && !outsiders.empty()) {
    m.discloses_outside = true;
    m.recipient = recipient_of(s, outsiders);
    m.recipient_at = outsiders.front().begin;
  }
  // "We don't use your content to ... create advertising profiles of you" says the opposite.
  m.advertises = m.vendor_use && !m.discloses_outside && lx.any("ads_purpose", s) && !lx.any("neg", s);
  // "BeReal may occasionally send you promotional SMS messages": the company marketing to the
  // reader through the contact details it holds (class send_to_you), itself or as "we".
  m.names_marketing = lx.any("marketing_msg", s);  // promotional messages, not ads on a page ("an ad you posted")
  // (A use of data that ends in marketing, "We use your personal information to send you
  // personalized advertising", is the company's advertising, told as such.)
  m.markets_to_you = !m.advertises && lx.any("send_to_you", s) && m.names_marketing && !lx.any("neg", s) &&
                     (lx.any("we", s) || std::any_of(names.begin(), names.end(), [&](const std::string& n) { return names_company(s, n); }));
  if (m.markets_to_you) m.advertises = true;
  // "We will not extract or mine voiceprint or facial recognition information": the company's
  // own promise about a use of data (training promises have their stance instead).
  // A negation, not any ban word: "to prevent fraud" promises nothing.
  // "this is not a guarantee that such information may not be accessed": a disclaimer of a
  // guarantee promises nothing (class no_guarantee).
  // (Only a disclaimer before the negation: "We will not use your voice recordings to create
  // voiceprints, although there is no guarantee that ..." still promises.)
  const auto company_negs = company_negations(lx, s);
  const auto disclaimers = lx.find("no_guarantee", s);
  const bool disclaimed = !disclaimers.empty() && (company_negs.empty() || disclaimers.front().begin <= company_negs.front().begin);
  m.promises_not = m.vendor_use && !m.ai && (lx.any("we", s) || passive_use) && !disclaimed &&
                   near_before(company_negs, lx.find("data_use", s), kPromiseReach);
  // "We may infer the industry you work in based on your writing", "use ... your data to infer
  // ... your age": the company's guesses about you (class infer); "We do not use ... for the
  // purpose of inferring characteristics about you" is a promise instead.
  const auto guesses = lx.find("infer", s);
  // A negation before the guess in its clause denies it ("We do not use ... for the purpose of
  // inferring ..."); one after it, or past a comma, is about something else ("..., but we never
  // sell it").
  const auto negs = lx.find("neg", s);
  const bool guess_denied = !guesses.empty() && std::any_of(negs.begin(), negs.end(), [&](const Span& n) {
    return n.end <= guesses.front().begin && s.substr(n.end, guesses.front().begin - n.end).find_first_of(",;:") == std::string_view::npos;
  });
  m.infers = !guesses.empty() && !guess_denied &&
             (lx.any("we", s) || std::any_of(names.begin(), names.end(), [&](const std::string& n) { return names_company(s, n); }));
  m.processing_role = lx.any("processing_role", s);
  // "We've described the stages of model training in more detail in Section 4 below", "See our
  // Non-User Privacy Policy for more details on the data used to train our models": a sentence
  // that opens by pointing elsewhere states nothing itself; what it points to is read there.
  const auto pointers = lx.find("pointer", s);
  const std::size_t lead = s.find_first_not_of(" -*\t");
  m.pointer = !pointers.empty() && lead != std::string_view::npos && pointers.front().begin <= lead + kPointerLead;
  if (m.pointer) {
    m.ai = false;
    m.stance.clear();
  }
  place_quotes(lx, s, models, trains, m);
  if (!m.discloses_outside) m.recipient_at = m.anchor;
  m.infer_at = guesses.empty() ? m.anchor : guesses.front().begin;
  if (binds_users(lx, s) && !m.grants_licence && m.stance.empty()) {
    m.binds_users = true;
    return m;  // not relevant: the user's conduct
  }
  // "You can turn this off at any time under Settings > Privacy > Help improve Murmurly": a way
  // out of improving the product is about data use.
  m.relevant = !m.bans_users && !m.pointer && (m.ai || ((m.opt_out || m.opt_in) && m.develops) || m.owns_content || m.grants_licence || !m.consent_holder.empty() || m.third_party_models || m.retention ||
               m.staff_access || m.vendor_use || m.develops_products || m.processing_role || m.about_content || m.infers || m.markets_to_you ||
               (m.opt_out && lx.any("ads_purpose", s)));
  return m;
}

}  // namespace consentlens::docs
