#include "engine.h"

#include <algorithm>
#include <map>
#include <set>

#include "contract.h"
#include "digest.h"
#include "doc_date.h"
#include "explainer.h"
#include "finding.h"
#include "markup_mask.h"
#include "own_names.h"
#include "scan.h"
#include "text_shape.h"
#include "utf8.h"

namespace consentlens {

namespace {

// Which plan the text speaks of: a consumer product ("Gemini Apps", "your personal account"), the
// workplace one ("Google Workspace", "your organization's admin"), or not said. The vendor facts
// that hold for one may not hold for the other (Copilot in Microsoft 365 against consumer Copilot).
Scope product_scope(const Lexicon& lexicon, std::string_view text) {
  const std::size_t consumer = lexicon.find("consumer_words", text).size();
  const std::size_t workplace = lexicon.find("workplace_words", text).size();
  if (consumer > workplace) return Scope::consumer;
  if (workplace > 0) return Scope::workplace;
  return Scope::any;
}

}  // namespace

Engine::Engine(const std::vector<PackFile>& files) {
  // Gather every problem of every pack before giving up, so one lint run shows them all.
  std::vector<std::string> errors;
  rules_ = RulePack::load(files, errors);
  finder_ = std::make_unique<WordFinder>(rules_.vocabulary(), Matcher::pattern_atoms(rules_));
  try {
    knowledge_ = Knowledge::load(files, phrases_used());
  } catch (const PackError& e) {
    errors.insert(errors.end(), e.problems().begin(), e.problems().end());
  }
  try {
    make_matcher();
  } catch (const PackError& e) {
    errors.insert(errors.end(), e.problems().begin(), e.problems().end());
  }
  // A pack from outside the build: every pattern and entry parsed now, so a broken one is
  // named at once. (Only here, so the wasm engine, which reads digests, links no parse check.)
  if (matcher_)
    for (auto& problem : matcher_->check_syntax()) errors.push_back(std::move(problem));
  if (!errors.empty()) throw PackError(std::move(errors));
}

Engine::Engine(std::string_view digest, FromDigest) {
  DigestReader in(digest);  // the magic and the checksum, checked
  if (const std::uint32_t v = in.u32(); v != kDigestVersion)
    in.fail("made by another version of consentlens (format " + std::to_string(v) + "; this engine reads " +
            std::to_string(kDigestVersion) + ")");
  in.expect("vocabulary");
  Vocabulary vocabulary = Vocabulary::read(in);
  in.expect("rules");
  rules_ = RulePack::read(in, std::move(vocabulary));
  in.expect("knowledge");
  knowledge_ = Knowledge::read(in);
  in.expect("words");
  finder_ = std::make_unique<WordFinder>(rules_.vocabulary(), in);
  in.expect("patterns");
  matcher_ = std::make_unique<Matcher>(rules_, *finder_, in);
  lexicon_ = std::make_unique<Lexicon>(*finder_);
  in.expect("end");
  if (!in.at_end()) in.fail("data after the end");
}

void Engine::make_matcher() {
  matcher_ = std::make_unique<Matcher>(rules_, *finder_);
  lexicon_ = std::make_unique<Lexicon>(*finder_);
}

Analysis Engine::analyze(std::string_view input, const AnalyzeOptions& options) const {
  if (input.size() > kMaxInputBytes)
    throw InputError("input is " + std::to_string(input.size()) + " bytes; the limit is " +
                     std::to_string(kMaxInputBytes) + " bytes (16 MiB)");
  if (!options.vendor.empty() && contract::index_of(contract::vendors(), options.vendor) < 0)
    throw InputError("unknown vendor \"" + options.vendor + "\"");
  As as = As::notice;
  if (!options.as.empty() && !parse_as(options.as, as))
    throw InputError("\"as\" must be notice, control or document, not \"" + options.as + "\"");
  if (!options.date.empty() && !is_iso_date(options.date))
    throw InputError("the date must be a calendar date written YYYY-MM-DD, not \"" + options.date + "\"");

  Analysis out;
  Utf8Repair repaired = repair_utf8(input);
  if (repaired.invalid > 0)
    out.warnings.push_back("invalid UTF-8: " + std::to_string(repaired.invalid) +
                           " byte sequence(s) replaced with U+FFFD, the first at byte " +
                           std::to_string(repaired.first_invalid));
  const NormalizedText norm = normalize(repaired.text);
  const std::string_view original = norm.text;
  if (options.as.empty()) as = judge_shape(*lexicon_, original);
  out.as = std::string(as_name(as));
  out.date = !options.date.empty() ? options.date : as == As::document ? document_date(*lexicon_, original) : "";
  // A document is read without its web addresses, with its wrapped lines joined, with its tables'
  // cells, HTML or JSX blocks and line breaks as lines and other tags blanked (markup_mask.h) and,
  // when an AI company wrote it, with its own names as "we"
  // (own_names.h); quotes are taken from the text as written, at the same offsets.
  std::string masked;
  bool read_masked = false;
  if (as == As::document) {
    masked.assign(original);
    read_masked = mask_links(masked);
    read_masked = join_wrapped_lines(masked) || read_masked;
    read_masked = break_markup_lines(masked) || read_masked;
    read_masked = mask_own_names(*lexicon_, masked) || read_masked;
  } else if (has_status_separator(original) || (as == As::notice && original.find('\n') != std::string_view::npos)) {
    // Most notices are one line with no status bar: no copy for them. A notice's sentence wrapped
    // over lines is read whole (a pasted clause), as a document's is.
    masked.assign(original);
    if (as == As::notice) read_masked = join_wrapped_lines(masked, lexicon_.get());
    if (has_status_separator(original)) read_masked = break_status_separators(*lexicon_, masked) || read_masked;
  }
  const std::string_view text = read_masked ? std::string_view(masked) : original;

  const Scan found = scan(*matcher_, rules_, text, as);
  // The vendor of the page: the caller's word, then the URL, then the first name in the text.
  std::string vendor = options.vendor;
  if (vendor.empty()) vendor = knowledge_.vendor_for_url(options.url);
  // A meeting on a page that is no known client's (Bitrix24's "CoPilot joined the call" on
  // acme.bitrix24.com) is not the client whose product name it shares: the name speaks of a
  // vendor only in a text with no page, or in a document, which speaks about vendors.
  if (vendor.empty() && as != As::document && !host_of(options.url).empty()) vendor = "other";
  if (vendor.empty()) vendor = found.named_vendor.empty() ? "other" : found.named_vendor;
  // Which plan the text speaks of matters only to the facts of a finding; a long document with
  // none is not read for it (two more passes over all of it).
  const Scope scope = found.units.empty() ? Scope::any : product_scope(*lexicon_, text);
  const FindingContext ctx{rules_, *matcher_, knowledge_, *lexicon_, text, as, vendor, out.date, scope};

  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  std::set<std::string> seen;
  for (const Unit& unit : found.units) build_findings(ctx, unit, findings, seen);
  if (as == As::document) drop_unstated_twins(text, findings);
  if (read_masked)
    for (auto& f : findings) {
      auto& e = f["evidence"];
      std::size_t b = e["start"].get<std::size_t>();
      std::size_t n = e["end"].get<std::size_t>() - b;
      // A quote starts and ends on the text's own words, not on markup the reading blanked or
      // marked ("<li>" read as "- ", "</strong>").
      while (n > 0 && b < masked.size() && (masked[b] != original[b] || masked[b] == ' ' || masked[b] == '\n')) ++b, --n;
      while (n > 0 && masked[b + n - 1] != original[b + n - 1]) --n;
      e["start"] = b;
      e["end"] = b + n;
      // A quote cut short inside a link's blanked target ends before the target.
      const std::string_view quote = original.substr(b, n);
      if (const std::size_t link = quote.rfind("]("); link != std::string_view::npos && quote.find(')', link) == std::string_view::npos) {
        n = link + 1;
        e["end"] = b + n;
      }
      e["text"] = std::string(original.substr(b, n));
    }
  out.result = nlohmann::ordered_json{{"findings", std::move(findings)}};
  return out;
}

}  // namespace consentlens
