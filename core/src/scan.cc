#include "scan.h"

#include <algorithm>
#include <set>

#include "markup_mask.h"

namespace consentlens {
namespace {

struct UnitSpan {
  Passage span;
  bool titled = false;
};

// The units of a text: a notice stays one unit per passage (its sentences belong together:
// "... is being recorded. By staying, you consent ..."); a document is cut into sentences, and a
// section title is read with the paragraph under it (a title alone says nothing).
std::vector<UnitSpan> units_of(std::string_view text, As as) {
  std::vector<UnitSpan> out;
  const std::vector<Passage> passages = split_passages(text);
  for (std::size_t k = 0; k < passages.size(); ++k) {
    const Passage& p = passages[k];
    if (as != As::document) {
      // The parts of a status bar ("Recording · Transcription paused") are units of their own.
      std::size_t b = p.begin;
      for (std::size_t at = text.find(kStatusPart, b); at != std::string_view::npos && at < p.end; at = text.find(kStatusPart, at + 1)) {
        if (at > b) out.push_back({{b, at}});
        b = at;
      }
      out.push_back({{b, p.end}});
      continue;
    }
    for (const Passage& s : split_sentences(text, p)) {
      if (!is_heading(text.substr(s.begin, s.end - s.begin))) {
        out.push_back({s});
        continue;
      }
      // The title's own passage to its end, or the next passage where the title stands alone.
      std::size_t end = p.end;
      if (text.substr(s.end, p.end - s.end).find_first_not_of(" \n") == std::string_view::npos && k + 1 < passages.size())
        end = passages[k + 1].end;
      if (end > s.end) out.push_back({{s.begin, end}, true});
    }
  }
  return out;
}

}  // namespace

Scan scan(const Matcher& matcher, const RulePack& pack, std::string_view text, As as) {
  const auto& rules = pack.rules();
  Scan out;
  int named_priority = -1;
  bool named_in_earlier_unit = false;
  std::vector<Passage> lines;
  std::vector<std::vector<std::size_t>> kinds_of_line;
  std::vector<std::set<std::string>> suppressed_on_line;
  for (const UnitSpan& us : units_of(text, as)) {
    const Passage& u = us.span;
    Unit unit{u, {}, {}, us.titled};
    // Each line is matched on its own: a button label on its own line ("Start recording") must
    // not count as a notice because a real notice sits elsewhere in the same passage. Cues
    // gather over the whole unit, where "By staying in this meeting, you consent" follows the
    // line it speaks about.
    lines.clear();
    for (std::size_t lb = u.begin; lb < u.end;) {
      std::size_t le = text.find('\n', lb);
      if (le == std::string_view::npos || le > u.end) le = u.end;
      if (le > lb) lines.push_back({lb, le});
      lb = le + 1;
    }
    // First the kinds and the vendors' names; cues and guards only speak beside a kind, so a
    // unit without one (most of a long document) is not asked about them.
    kinds_of_line.assign(lines.size(), {});
    suppressed_on_line.assign(lines.size(), {});
    bool any_kind = false;
    for (std::size_t l = 0; l < lines.size(); ++l) {
      if (unit.titled && l > 0) break;  // the lines under a title are matched in their own units
      for (std::size_t r : matcher.fire(text.substr(lines[l].begin, lines[l].end - lines[l].begin), Matcher::Stage::kinds)) {
        const Rule& rule = rules[r];
        // A rule that is for the other context says nothing here, not even what the line is not:
        // a document's clause on how long AI data is kept does not silence a meeting notice's
        // "Esta reunión se está grabando ... Las grabaciones ... se conservan solo el tiempo
        // necesario" (a notice read out to a meeting).
        if (rule.documents_only && as != As::document) continue;
        if (rule.meetings_only && as == As::document) continue;
        for (const auto& k : rule.suppresses) suppressed_on_line[l].insert(k);  // also by a label-only silence below
        if (as == As::control && !rule.on_labels) continue;
        if (rule.kind == "vendor_cue") {
          // The first unit that names a vendor decides; within it, the highest priority.
          if (!named_in_earlier_unit && rule.priority > named_priority) {
            named_priority = rule.priority;
            out.named_vendor = rule.vendor;
          }
        } else if (!unit.titled || rule.kind == "training_clause") {
          // (A title's unit speaks only of training, through its title line.)
          kinds_of_line[l].push_back(r);
          any_kind = true;
        }
      }
    }
    if (!out.named_vendor.empty()) named_in_earlier_unit = true;
    if (!any_kind) continue;
    for (std::size_t l = 0; l < lines.size(); ++l) {
      const auto fired = matcher.fire(text.substr(lines[l].begin, lines[l].end - lines[l].begin), Matcher::Stage::cues);
      std::set<std::string>& suppressed = suppressed_on_line[l];  // a guard silences the kinds it names on its own line
      for (std::size_t r : fired) {
        const Rule& rule = rules[r];
        // As above: a guard for the other context silences nothing here.
        if (rule.documents_only && as != As::document) continue;
        if (rule.meetings_only && as == As::document) continue;
        for (const auto& k : rule.suppresses) suppressed.insert(k);
        if (as == As::control && !rule.on_labels) continue;
        unit.cues.push_back(r);
      }
      for (std::size_t r : kinds_of_line[l])
        if (!suppressed.count(rules[r].kind)) unit.kind_hits.push_back({r, lines[l].begin, lines[l].end});
    }
    if (!unit.kind_hits.empty()) out.units.push_back(std::move(unit));
  }
  // A title's unit is dropped where a sentence under it speaks of training in words of its own
  // (a rule the stance reader confirms); one that only names a provider ("本サイトの内部処理では
  // ChatGPTのようなAIは使用していません") leaves the title's topic to the sentences after it.
  const auto clause_in = [&](const Unit& u) {
    return std::any_of(u.kind_hits.begin(), u.kind_hits.end(), [&](const Hit& h) { return rules[h.rule].confirm_stance; });
  };
  // Units come in the text's order, a title's before the sentences under it: only those up to the
  // end of its span are looked at (linear in the units, however many titles a document has).
  std::vector<bool> spoken_for(out.units.size(), false);
  for (std::size_t t = 0; t < out.units.size(); ++t) {
    if (!out.units[t].titled) continue;
    const Passage& span = out.units[t].span;
    for (std::size_t o = t + 1; o < out.units.size() && out.units[o].span.begin < span.end && !spoken_for[t]; ++o)
      spoken_for[t] = !out.units[o].titled && out.units[o].span.end <= span.end && clause_in(out.units[o]);
  }
  std::size_t kept = 0;
  for (std::size_t t = 0; t < out.units.size(); ++t) {
    if (spoken_for[t]) continue;
    if (kept != t) out.units[kept] = std::move(out.units[t]);
    ++kept;
  }
  out.units.resize(kept);
  return out;
}

}  // namespace consentlens
