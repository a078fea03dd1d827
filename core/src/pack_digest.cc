// The binary form of the packs' structures in the pack digest (digest.h): the vocabulary, the
// rules, the slots and the knowledge, each written as loading from JSON left it, and read back
// without any JSON. The digest's maker checked everything when it loaded the JSON; a reader
// checks only that what it reads fits together (counts, indices), never the packs' meaning.
#include <map>

#include "digest.h"
#include "knowledge.h"
#include "rule_pack.h"
#include "slots.h"
#include "vocab.h"

namespace consentlens {
namespace {

void write_strings(DigestWriter& out, const std::vector<std::string>& v) {
  out.u32(static_cast<std::uint32_t>(v.size()));
  for (const auto& s : v) out.str(s);
}

std::vector<std::string> read_strings(DigestReader& in) {
  std::vector<std::string> v(in.count(4));
  for (auto& s : v) s = in.str();
  return v;
}

void write_patterns(DigestWriter& out, const std::vector<Pattern>& v) {
  out.u32(static_cast<std::uint32_t>(v.size()));
  for (const auto& p : v) {
    out.str(p.source);
    out.str(p.re);
  }
}

std::vector<Pattern> read_patterns(DigestReader& in) {
  std::vector<Pattern> v(in.count(8));
  for (auto& p : v) {
    p.source = in.str();
    p.re = in.str();
  }
  return v;
}

void write_examples(DigestWriter& out, const std::vector<RuleExample>& v) {
  out.u32(static_cast<std::uint32_t>(v.size()));
  for (const auto& e : v) {
    out.str(e.text);
    out.str(e.note);
  }
}

std::vector<RuleExample> read_examples(DigestReader& in) {
  std::vector<RuleExample> v(in.count(8));
  for (auto& e : v) {
    e.text = in.str();
    e.note = in.str();
  }
  return v;
}

}  // namespace

void Vocabulary::write(DigestWriter& out) const {
  write_strings(out, languages_);
  // Every entry's text in one blob, each class's entries as (offset, length, word start).
  std::string blob;
  std::map<std::string_view, std::uint32_t> at;  // a text several classes share is stored once
  for (const auto& [name, entries] : classes_)
    for (const Fragment& f : entries)
      if (at.emplace(f.text, static_cast<std::uint32_t>(blob.size())).second) blob += f.text;
  out.str(blob);
  out.u32(static_cast<std::uint32_t>(classes_.size()));
  for (const auto& [name, entries] : classes_) {
    out.str(name);
    std::vector<std::uint32_t> table;
    for (const Fragment& f : entries) table.insert(table.end(), {at[f.text], static_cast<std::uint32_t>(f.text.size()), f.word_start ? 1u : 0u});
    out.u32s(table);
  }
}

Vocabulary Vocabulary::read(DigestReader& in) {
  Vocabulary v;
  v.languages_ = read_strings(in);
  const std::string_view blob = v.texts_->emplace_back(in.str());
  for (std::uint32_t n = in.count(8); n > 0; --n) {
    auto& entries = v.classes_[in.str()];
    const auto table = in.u32s();
    if (table.size() % 3) in.fail("a vocabulary class's table does not come in threes");
    entries.reserve(table.size() / 3);
    for (std::size_t i = 0; i < table.size(); i += 3) {
      if (table[i] > blob.size() || table[i + 1] > blob.size() - table[i]) in.fail("a vocabulary entry points outside its texts");
      entries.push_back({blob.substr(table[i], table[i + 1]), table[i + 2] != 0});
    }
  }
  return v;
}

void Slots::write(DigestWriter& out) const {
  out.u32(static_cast<std::uint32_t>(lists_.size()));
  for (const auto& [name, values] : lists_) {
    out.str(name);
    write_strings(out, values);
  }
  out.u32(static_cast<std::uint32_t>(scalars_.size()));
  for (const auto& [name, value] : scalars_) {
    out.str(name);
    out.str(value.first);
    out.u32(static_cast<std::uint32_t>(value.second));
  }
}

Slots Slots::read(DigestReader& in) {
  Slots s;
  for (std::uint32_t n = in.count(8); n > 0; --n) {
    std::string name = in.str();
    s.lists_[std::move(name)] = read_strings(in);
  }
  for (std::uint32_t n = in.count(12); n > 0; --n) {
    std::string name = in.str();
    std::string value = in.str();
    const auto priority = static_cast<int>(in.u32());
    s.scalars_[std::move(name)] = {std::move(value), priority};
  }
  return s;
}

void RulePack::write(DigestWriter& out) const {
  out.u32(static_cast<std::uint32_t>(rules_.size()));
  for (const Rule& r : rules_) {
    for (const std::string* s : {&r.id, &r.file, &r.kind, &r.vendor}) out.str(*s);
    write_strings(out, r.langs);
    write_patterns(out, r.patterns);
    out.u32(static_cast<std::uint32_t>(r.present.size()));
    for (const auto& condition : r.present) {
      out.u32(static_cast<std::uint32_t>(condition.size()));
      for (const auto& group : condition) write_strings(out, group);
    }
    write_patterns(out, r.unless);
    write_strings(out, r.applies_to);
    write_strings(out, r.suppresses);
    r.slots.write(out);
    out.u32(static_cast<std::uint32_t>(r.priority));
    write_examples(out, r.fire);
    write_examples(out, r.silent);
    out.u32((r.on_labels ? 1u : 0u) | (r.confirm_stance ? 2u : 0u) | (r.documents_only ? 4u : 0u) | (r.meetings_only ? 8u : 0u));
    write_strings(out, r.bot_name);
  }
}

RulePack RulePack::read(DigestReader& in, Vocabulary vocabulary) {
  RulePack pack;
  pack.vocab_ = std::move(vocabulary);
  pack.rules_.resize(in.count(64));
  for (Rule& r : pack.rules_) {
    for (std::string* s : {&r.id, &r.file, &r.kind, &r.vendor}) *s = in.str();
    r.langs = read_strings(in);
    r.patterns = read_patterns(in);
    r.present.resize(in.count(4));
    for (auto& condition : r.present) {
      condition.resize(in.count(4));
      for (auto& group : condition) group = read_strings(in);
    }
    r.unless = read_patterns(in);
    r.applies_to = read_strings(in);
    r.suppresses = read_strings(in);
    r.slots = Slots::read(in);
    r.priority = static_cast<int>(in.u32());
    r.fire = read_examples(in);
    r.silent = read_examples(in);
    const std::uint32_t flags = in.u32();
    r.on_labels = flags & 1u;
    r.confirm_stance = flags & 2u;
    r.documents_only = flags & 4u;
    r.meetings_only = flags & 8u;
    r.bot_name = read_strings(in);
  }
  return pack;
}

void Knowledge::write(DigestWriter& out) const {
  out.u32(static_cast<std::uint32_t>(vendors_.size()));
  for (const auto& [id, v] : vendors_) {
    out.str(v.id);
    out.str(v.name);
    write_strings(out, v.hosts);
    out.u32(static_cast<std::uint32_t>(v.sources.size()));
    for (const auto& [key, src] : v.sources)
      for (const std::string* s : {&key, &src.url, &src.date, &src.title, &src.checked}) out.str(*s);
    out.u32(static_cast<std::uint32_t>(v.kinds.size()));
    for (const auto& [kind, k] : v.kinds) {
      out.str(kind);
      k.defaults.write(out);
      out.u32(static_cast<std::uint32_t>(k.facts.size()));
      for (const Fact& f : k.facts) {
        for (const std::string* s : {&f.topic, &f.say, &f.source, &f.from, &f.until}) out.str(*s);
        out.u32(static_cast<std::uint32_t>(f.scope));
        f.sets.write(out);
      }
    }
  }
  out.u32(static_cast<std::uint32_t>(phrases_.size()));
  for (const auto& [group, entries] : phrases_) {
    out.str(group);
    out.u32(static_cast<std::uint32_t>(entries.size()));
    for (const auto& [key, words] : entries) {
      out.str(key);
      out.str(words);
    }
  }
}

Knowledge Knowledge::read(DigestReader& in) {
  Knowledge k;
  for (std::uint32_t n = in.count(24); n > 0; --n) {
    VendorKnowledge v;
    v.id = in.str();
    v.name = in.str();
    v.hosts = read_strings(in);
    for (std::uint32_t m = in.count(20); m > 0; --m) {
      std::string key = in.str();
      Source src;
      for (std::string* s : {&src.url, &src.date, &src.title, &src.checked}) *s = in.str();
      v.sources.emplace(std::move(key), std::move(src));
    }
    for (std::uint32_t m = in.count(12); m > 0; --m) {
      std::string kind = in.str();
      KindKnowledge kk;
      kk.defaults = Slots::read(in);
      kk.facts.resize(in.count(28));
      for (Fact& f : kk.facts) {
        for (std::string* s : {&f.topic, &f.say, &f.source, &f.from, &f.until}) *s = in.str();
        const std::uint32_t scope = in.u32();
        if (scope > static_cast<std::uint32_t>(Scope::consumer)) in.fail("a fact's scope is out of range");
        f.scope = static_cast<Scope>(scope);
        f.sets = Slots::read(in);
        if (!v.sources.count(f.source)) in.fail(v.id + ": a fact cites a source that is not there");
      }
      v.kinds.emplace(std::move(kind), std::move(kk));
    }
    std::string id = v.id;
    k.vendors_.emplace(std::move(id), std::move(v));
  }
  for (std::uint32_t n = in.count(8); n > 0; --n) {
    auto& group = k.phrases_[in.str()];
    for (std::uint32_t m = in.count(8); m > 0; --m) {
      std::string key = in.str();
      group[std::move(key)] = in.str();
    }
  }
  return k;
}

}  // namespace consentlens
